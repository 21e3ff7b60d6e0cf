import { test } from 'node:test';
import assert from 'node:assert/strict';

import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { ready } from '../helpers/setup';
import { listFixtures, formatFinding, golden } from '../helpers/golden';
import { missingUntouchedLine, touchedLines } from '../helpers/fixCheck';
import { analyse, applyFixes, fixAll } from '../../server/src/core';
import { rules } from '../../server/src/rules';
import type { BuildContext } from '../../server/src/core';

const ROOT = join(__dirname);

for (const rule of rules) {
  const id = rule.meta.id;
  const fixtures = listFixtures(join(ROOT, id));
  for (const fx of fixtures) {
    test(`${id} / ${fx.name}`, async () => {
      await ready;
      const context: BuildContext = fx.context;
      const settings = fx.name.includes('file-style') ? { secretMountStyle: 'file' as const } : {};
      const { findings, ruleErrors } = analyse(fx.text, { rules: [rule], context, settings });
      assert.deepEqual(ruleErrors, []);
      if (fx.kind === 'valid') {
        assert.deepEqual(findings.map(formatFinding), [], `${fx.name} must have no ${id} finding`);
        return;
      }
      assert.ok(findings.length > 0, `${fx.name} must have a ${id} finding`);
      const actual = findings.map(formatFinding).join('\n') + '\n';
      assert.equal(actual, golden(join(ROOT, id, fx.name + '.expected.txt'), actual));

      // Each fix alone: re-parses and keeps every line it does not own.
      for (const f of findings) {
        for (const fix of f.fixes) {
          const out = applyFixes(fx.text, [fix]);
          assert.equal(out.applied.length, 1);
          DockerfileParser.parse(out.text);
          const missing = missingUntouchedLine(fx.text, out.text, touchedLines(fx.text, fix));
          assert.equal(missing, undefined, `fix "${fix.title}" changed line ${missing?.line} (${JSON.stringify(missing?.text)})`);
        }
      }

      // All of this rule's fixes, unsafe included: golden, stable, and the finding is gone.
      const fixedRun = fixAll(fx.text, { rules: [rule], context, settings, unsafe: true });
      if (findings.some((f) => f.fixes.length)) {
        const fixedPath = join(ROOT, id, fx.name + '.fixed.Dockerfile');
        assert.equal(fixedRun.text, golden(fixedPath, fixedRun.text));
        const again = fixAll(fixedRun.text, { rules: [rule], context: withFiles(context, fixedRun.fileEdits), settings, unsafe: true });
        assert.equal(again.text, fixedRun.text, 'fixing twice must equal fixing once');
        const left = analyse(fixedRun.text, { rules: [rule], context: withFiles(context, fixedRun.fileEdits), settings }).findings;
        assert.ok(
          left.every((l) => !l.fixes.length),
          `fixed output still has fixable ${id} findings: ${left.map(formatFinding).join('; ')}`,
        );
        if (fx.text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixedRun.text), 'CRLF file gained a bare LF');
      }
    });
  }
  test(`${id} has valid and invalid fixtures`, () => {
    assert.ok(fixtures.some((f) => f.kind === 'valid'), `${id}: no valid-*.Dockerfile`);
    assert.ok(fixtures.some((f) => f.kind === 'invalid'), `${id}: no invalid-*.Dockerfile`);
  });
}

function withFiles(base: BuildContext, edits: { path: string; kind: string; text: string }[]): BuildContext {
  if (!edits.length) return base;
  const extra = new Map<string, string>();
  for (const e of edits) extra.set(e.path, (e.kind === 'append' ? (base.readFile(e.path) ?? '') : '') + e.text);
  return {
    exists: (p) => extra.has(p) || base.exists(p),
    readFile: (p) => extra.get(p) ?? base.readFile(p),
    listDir: (d) => base.listDir(d),
  };
}

