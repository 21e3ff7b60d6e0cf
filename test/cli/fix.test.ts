import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { applyPatch, parsePatch } from 'diff';
import { ensureBundles } from '../lsp/bundle';
import { makeProject, SCENARIOS } from '../lsp/projects';
import { cli } from './run';

const rulesIn = (stdout: string) => new Set<string>(JSON.parse(stdout).files.flatMap((f: { findings: { rule: string }[] }) => f.findings.map((x) => x.rule)));

describe('cli: --fix, --unsafe-fixes, --diff', () => {
  before(() => ensureBundles());

  test('--fix writes safe fixes in place, reports them on stderr and what remains on stdout', () => {
    const { files } = SCENARIOS['copy-before-install'];
    const dir = makeProject(files);
    const r = cli(dir, ['check', '--fix', '--format', 'json', 'Dockerfile']);
    assert.match(r.stderr, /^Fixed Dockerfile: .*copy-before-install \(Copy the dependency manifests first\)/m);
    const after = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.notEqual(after, files.Dockerfile);
    assert.ok(after.indexOf('package.json') < after.indexOf('COPY . .'));
    assert.ok(!rulesIn(r.stdout).has('copy-before-install'), 'stdout lists what remains');
    assert.equal(r.status, rulesIn(r.stdout).size ? 1 : 0);
    for (const m of r.stderr.matchAll(/^Wrote (.+)$/gm)) assert.ok(existsSync(join(dir, m[1])), `${m[1]} was written`);
    const again = cli(dir, ['check', '--fix', 'Dockerfile']);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), after, 'a second --fix changes nothing');
    assert.ok(!/^Fixed/m.test(again.stderr));
  });

  test('unsafe fixes only with --unsafe-fixes', () => {
    const { files } = SCENARIOS['single-stage-build'];
    const dir = makeProject(files);
    const safe = cli(dir, ['check', '--fix', '--format', 'json', '.']);
    assert.ok(rulesIn(safe.stdout).has('single-stage-build'), 'the split is unsafe: left alone by --fix');
    assert.equal(safe.status, 1);
    const all = cli(dir, ['check', '--fix', '--unsafe-fixes', '--format', 'json', '.']);
    assert.match(all.stderr, /single-stage-build \(Split into build and runtime stages, unsafe\)/);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.match(text, /^FROM golang:1\.22 AS build/m);
    assert.ok(!rulesIn(all.stdout).has('single-stage-build'));
  });

  test('--diff prints a unified diff that --fix would produce, and writes nothing', () => {
    const { files } = SCENARIOS['copy-before-install'];
    const dir = makeProject(files);
    const before = statSync(join(dir, 'Dockerfile'));
    const d = cli(dir, ['check', '--diff', '.']);
    assert.equal(d.status, 1, 'findings remain: nothing was written');
    assert.match(d.stdout, /^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ /);
    assert.match(d.stderr, /Would fix 1 file \(nothing was written\)/);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), files.Dockerfile);
    assert.equal(statSync(join(dir, 'Dockerfile')).mtimeMs, before.mtimeMs);
    const patched = applyPatch(files.Dockerfile, parsePatch(d.stdout)[0]);
    cli(dir, ['check', '--fix', '.']);
    assert.equal(patched, readFileSync(join(dir, 'Dockerfile'), 'utf8'), 'the diff is exactly what --fix writes');
    const clean = cli(dir, ['check', '--diff', '.']);
    assert.equal(clean.stdout.includes('--- a/Dockerfile'), false);
  });

  test('CRLF, a BOM and untouched lines survive --fix byte for byte', () => {
    const { files } = SCENARIOS['copy-before-install'];
    const text = '\uFEFF# a comment\r\n' + files.Dockerfile.replace(/\n/g, '\r\n');
    const dir = makeProject({ ...files, Dockerfile: text });
    cli(dir, ['check', '--fix', '.']);
    const raw = readFileSync(join(dir, 'Dockerfile'));
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const after = raw.toString('utf8');
    assert.notEqual(after, text);
    assert.ok(!/[^\r]\n/.test(after), 'every line break is still CRLF');
    // A fix may add a line at the very top (a syntax directive): the BOM then stays first, before it.
    for (const line of ['# a comment\r\n', 'FROM node:20-slim\r\n', 'WORKDIR /app\r\n', 'CMD ["node", "index.js"]\r\n']) {
      assert.ok(after.includes(line), `kept: ${JSON.stringify(line)}`);
    }
  });

  test('an escape-backtick file keeps its escape character through --fix', () => {
    const { files } = SCENARIOS['copy-before-install'];
    const text = '# escape=`\n' + files.Dockerfile.replace('WORKDIR /app', 'ENV APP_HOME=/app `\n    APP_MODE=production\nWORKDIR /app');
    const dir = makeProject({ ...files, Dockerfile: text });
    const r = cli(dir, ['check', '--fix', '--format', 'json', '.']);
    const after = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.match(after, /^(# syntax=\S+\n)?# escape=`\n/, 'the escape directive stays among the leading directives');
    assert.ok(after.includes('ENV APP_HOME=/app `\n    APP_MODE=production\n'));
    assert.ok(!rulesIn(r.stdout).has('copy-before-install'));
  });

  test('the project file is honoured; --config overrides it; invalid configuration exits 2 before writing', () => {
    const { files } = SCENARIOS['root-user'];
    const dir = makeProject({ ...files, 'sub/Dockerfile': files.Dockerfile, '.lean-dockerfile.yaml': 'rules:\n  root-user: off\n' });
    assert.ok(!rulesIn(cli(dir, ['check', '--format', 'json', '.']).stdout).has('root-user'), 'beside the file and in a parent');
    writeFileSync(join(dir, 'other.yaml'), 'rules:\n  root-user: error\n');
    const o = JSON.parse(cli(dir, ['check', '--format', 'json', '--config', 'other.yaml', 'Dockerfile']).stdout);
    assert.equal(o.files[0].findings.find((f: { rule: string }) => f.rule === 'root-user')?.severity, 'error');

    const bad = makeProject({ ...SCENARIOS['copy-before-install'].files, '.lean-dockerfile.yaml': 'rules:\n  root-user: loud\nsecretMountStyle: mount\nfixOnSave: yes\nextra: 1\n' });
    const r = cli(bad, ['check', '--fix', '.']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.lean-dockerfile\.yaml:2:14: error: The level of rule 'root-user' must be one of/);
    assert.match(r.stderr, /:3:19: error: `secretMountStyle` must be `env` or `file`/);
    assert.match(r.stderr, /:4:12: error: `fixOnSave` must be a mapping/);
    assert.match(r.stderr, /:5:1: error: Unknown key 'extra'/);
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(join(bad, 'Dockerfile'), 'utf8'), SCENARIOS['copy-before-install'].files.Dockerfile, 'nothing written');

    const yamlError = makeProject({ ...files, '.lean-dockerfile.yaml': 'rules: [\n' });
    const y = cli(yamlError, ['check', '.']);
    assert.equal(y.status, 2);
    assert.match(y.stderr, /Invalid YAML/);
    assert.equal(cli(dir, ['check', '--config', 'nope.yaml', '.']).status, 2);

    const typo = makeProject({ ...files, '.lean-dockerfile.yaml': 'rules:\n  root-usr: off\n' });
    const t = cli(typo, ['check', '.']);
    assert.match(t.stderr, /warning: Unknown rule 'root-usr'\. Did you mean 'root-user'\?/);
    assert.equal(t.status, 1, 'an unknown rule id warns but does not stop the check');
  });
});
