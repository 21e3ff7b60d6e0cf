import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ready } from '../../helpers/setup';
import { golden, listFixtures } from '../../helpers/golden';
import { analyse, fixAll, memoryContext, type BuildContext } from '../../../server/src/core';
import { rule } from '../../../server/src/rules/missing-dockerignore';

const DIR = __dirname;

// The golden harness checks the Dockerfile; this checks the .dockerignore each fixture's fixes write.
for (const fx of listFixtures(DIR).filter((f) => f.kind === 'invalid' && f.hasContext)) {
  test(`missing-dockerignore / ${fx.name}: the .dockerignore written by all fixes`, async () => {
    await ready;
    const context = fx.context;
    const run = fixAll(fx.text, { rules: [rule], context, unsafe: true });
    assert.equal(run.text, fx.text, 'the Dockerfile itself is not edited');
    assert.equal(run.fileEdits.length, 1);
    const edit = run.fileEdits[0];
    const actual = `${edit.kind} ${edit.path}\n${edit.text}`;
    assert.equal(actual, golden(join(DIR, `${fx.name}.dockerignore.expected`), actual));
    const after = withFile(context, edit.path, (context.readFile(edit.path) ?? '') + edit.text);
    assert.deepEqual(analyse(fx.text, { rules: [rule], context: after }).findings, [], 'nothing left to report');
    const safeOnly = fixAll(fx.text, { rules: [rule], context });
    const lines = (t: string) => t.split(/\r\n|\n/).filter((l) => l && !l.startsWith('#'));
    for (const e of safeOnly.fileEdits) for (const l of lines(e.text)) assert.ok(lines(edit.text).includes(l), `safe-only line ${l}`);
  });
}

function withFile(base: BuildContext, path: string, text: string): BuildContext {
  return {
    exists: (p) => p === path || base.exists(p),
    readFile: (p) => (p === path ? text : base.readFile(p)),
    listDir: (d) => {
      const list = base.listDir(d);
      return d === '' && list && !list.includes(path) ? [...list, path] : list;
    },
  };
}

const GO = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n';

test('.git is left out safely when nothing in the build reads it', async () => {
  await ready;
  const ctx = memoryContext({ '.git/HEAD': 'ref: refs/heads/main\n', 'main.go': 'package main\n', 'go.mod': 'module x\n' });
  const [f] = analyse(GO, { rules: [rule], context: ctx }).findings;
  assert.match(f.message, /there is no \.dockerignore: \.git\/ get in/);
  assert.deepEqual(f.fixes.map((x) => [x.safety, x.fileEdits]), [['safe', [{ path: '.dockerignore', kind: 'create', text: '# Kept out of the build context (added by Lean Dockerfile)\n.git\n' }]]]);
});

test('.git is an unsafe exclusion when a RUN calls git or a Makefile stamps the commit', async () => {
  await ready;
  const files = { '.git/HEAD': 'ref: refs/heads/main\n', 'main.go': 'package main\n' };
  const withGit = GO.replace('RUN go build', 'RUN go build -ldflags "-X main.rev=$(git rev-parse HEAD)" && go build');
  const a = analyse(withGit, { rules: [rule], context: memoryContext(files) }).findings;
  assert.deepEqual(a[0].fixes.map((x) => x.safety), ['unsafe']);
  const make = GO.replace('RUN go build -o /app .', 'RUN make static');
  const b = analyse(make, { rules: [rule], context: memoryContext({ ...files, Makefile: 'GITCOMMIT := $(shell git rev-parse --short HEAD)\n' }) }).findings;
  assert.deepEqual(b[0].fixes.map((x) => x.safety), ['unsafe']);
  const c = analyse(make, { rules: [rule], context: memoryContext({ ...files, Makefile: 'static:\n\tgo build\n' }) }).findings;
  assert.deepEqual(c[0].fixes.map((x) => x.safety), ['safe']);
});

test('no context, an unlistable context, or an empty one: silent', async () => {
  await ready;
  assert.deepEqual(analyse(GO, { rules: [rule] }).findings, []);
  const unlistable: BuildContext = { exists: () => false, readFile: () => undefined, listDir: () => undefined };
  assert.deepEqual(analyse(GO, { rules: [rule], context: unlistable }).findings, []);
  assert.deepEqual(analyse(GO, { rules: [rule], context: memoryContext({}) }).findings, []);
});

test('the user re-including a file is respected, and appending keeps their exceptions last', async () => {
  await ready;
  const ctx = memoryContext({ '.dockerignore': '.env*\n!.env.defaults-prod\n', '.env.defaults-prod': 'A=1\n', 'config/.env': 'A=1\n', 'app.py': '' });
  const df = 'FROM python:3.12-slim\nCOPY . /app\n';
  const [f] = analyse(df, { rules: [rule], context: ctx }).findings;
  assert.match(f.message, /lets in config\/\.env$/);
  assert.equal(f.fixes[0].fileEdits![0].text, '\n# Added by Lean Dockerfile\n**/.env\n');
});

test('a file name is shown, never its contents', async () => {
  await ready;
  const ctx = memoryContext({ '.npmrc': '//registry.npmjs.org/:_authToken=npm_SECRETVALUE123\n', 'package.json': '{}' });
  const [f] = analyse('FROM node:20\nCOPY . .\nRUN npm ci\n', { rules: [rule], context: ctx }).findings;
  assert.ok(!JSON.stringify(f).includes('SECRETVALUE'));
  assert.match(f.message, /\.npmrc/);
});
