import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import Ajv from 'ajv';
import type * as Sarif from 'sarif';
import { rules } from '../../server/src/rules/index';
import { ensureBundles, ROOT } from '../lsp/bundle';
import { makeProject, SCENARIOS } from '../lsp/projects';
import { cli } from './run';

/**
 * The official SARIF 2.1.0 schema (rtm.5, draft-04) as shipped by @microsoft/jest-sarif, read by Ajv 8:
 * its draft-04 `id` becomes `$id` (the schema uses no other draft-04-only keyword).
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // The schema's `language` pattern is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('cli: --format sarif', () => {
  before(() => ensureBundles());

  test('validates against the SARIF 2.1.0 schema; rules from the metadata; fixes for safe fixes only', () => {
    const dir = makeProject({});
    for (const [id, s] of Object.entries(SCENARIOS)) for (const [p, t] of Object.entries(s.files)) {
      mkdirSync(join(dir, id, ...p.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(dir, id, p), t);
    }
    writeFileSync(join(dir, 'broken.Dockerfile'), Buffer.from([0, 1, 2]));
    const r = cli(dir, ['check', '--format', 'sarif', '.']);
    assert.equal(r.status, 2, 'the binary file is an error');
    const log = JSON.parse(r.stdout) as Sarif.Log;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    const run = log.runs[0];
    const driverRules = run.tool.driver.rules!;
    assert.deepEqual(driverRules.map((x) => x.id), rules.map((x) => x.meta.id), 'every registered rule, in registry order');
    for (const rule of driverRules) {
      assert.ok(rule.shortDescription?.text);
      assert.ok(rule.helpUri?.startsWith('file:') && rule.helpUri.endsWith(`/${rule.id}.md`), `${rule.id} help: ${rule.helpUri}`);
      assert.match(rule.help?.markdown ?? '', new RegExp(`^# ${rule.id}`));
    }
    const ids = new Set(run.results!.map((x) => x.ruleId));
    for (const id of Object.keys(SCENARIOS)) assert.ok(ids.has(id), id);
    for (const res of run.results!) {
      assert.equal(driverRules[res.ruleIndex!].id, res.ruleId);
      const loc = res.locations![0].physicalLocation!;
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.match(loc.artifactLocation!.uri!, /^[a-z-]+\/Dockerfile$/);
      assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
    }
    const cbi = run.results!.find((x) => x.ruleId === 'copy-before-install')!;
    assert.equal(cbi.fixes?.[0].description?.text, 'Copy the dependency manifests first');
    const split = run.results!.find((x) => x.ruleId === 'single-stage-build')!;
    assert.equal(split.fixes, undefined, 'an unsafe fix is not offered to code scanning');
    assert.equal(run.invocations![0].executionSuccessful, false);
    assert.match(run.invocations![0].toolExecutionNotifications![0].message.text!, /broken\.Dockerfile: binary file/);
  });

  test('a clean run is valid SARIF with no results', () => {
    const dir = makeProject({ Dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nUSER nonroot:nonroot\nENTRYPOINT ["/app"]\n', '.dockerignore': '*\n!app\n' });
    const r = cli(dir, ['check', '--format', 'sarif', '.']);
    assert.equal(r.status, 0, r.stdout);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    assert.ok(sarifValidator()(log));
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].invocations![0].executionSuccessful, true);
  });
});
