// Unit tests for the bed's parsing helpers (no buildah needed): `node --test test/images/lib.test.mjs`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildInputs, declaredArgs, executedRuns, secretMounts } from './lib/build.mjs';
import { cacheCheck, imageChecks, sizeCheck } from './lib/checks.mjs';

test('executedRuns counts RUN steps not served from the cache, in every stage', () => {
  const out = ['STEP 1/4: FROM golang:1.19 AS build', 'STEP 2/4: RUN go mod download', '--> Using cache 1a2b', '--> 1a2b',
    'STEP 3/4: COPY . .', '--> 3c4d', 'STEP 4/4: RUN go build -o /out/api .', 'compiling', '--> 5e6f',
    '[2/2] STEP 1/2: FROM gcr.io/distroless/static-debian12', '[2/2] STEP 2/2: RUN true', '--> Using cache 77'].join('\n');
  assert.deepEqual(executedRuns(out), ['go build -o /out/api .']);
});

test('secretMounts reads id, target and env; id defaults to the target basename', () => {
  const text = 'RUN --mount=type=secret,id=npm_token,target=/x npm ci\nRUN --mount=type=cache,target=/c --mount=type=secret,target=/run/secrets/key a\nRUN --mount=type=secret,id=t,env=T b';
  assert.deepEqual(secretMounts(text), [
    { id: 'npm_token', target: '/x', env: undefined },
    { id: 'key', target: '/run/secrets/key', env: undefined },
    { id: 't', target: undefined, env: 'T' },
  ]);
});

test('buildInputs passes a build-arg for a credential still declared, a secret file for each mount', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-bed-'));
  try {
    const before = buildInputs('FROM x\nARG NPM_TOKEN\nRUN npm ci', { NPM_TOKEN: 'v' }, dir);
    assert.deepEqual(before, { buildArgs: { NPM_TOKEN: 'v' }, secrets: [] });
    const after = buildInputs('FROM x\nRUN --mount=type=secret,id=npm-token cat /run/secrets/npm-token', { NPM_TOKEN: 'v' }, dir);
    assert.deepEqual(after.buildArgs, {});
    assert.equal(after.secrets[0].id, 'npm-token');
    assert.equal(readFileSync(after.secrets[0].src, 'utf8'), 'v');
    assert.deepEqual(declaredArgs('arg A=1\n  ARG B\nRUN echo ARG C'), ['A', 'B']);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('checks fail on a toolchain, root, a secret hit, no shrink and more re-runs', () => {
  const img = { toolchain: ['/usr/bin/go'], runtimeNpm: false, uid: 0, user: '', smoke: { code: 0, uid: 0, out: '' },
    secretHits: { NPM_TOKEN: ['abc'] } };
  const byName = Object.fromEntries(imageChecks(img, { secrets: { NPM_TOKEN: 'v' } }).map((c) => [c.name, c.ok]));
  assert.deepEqual(byName, { 'no-toolchain': false, 'non-root': false, 'no-secret': false });
  const good = { toolchain: [], runtimeNpm: true, uid: 1000, user: 'node', smoke: { code: 0, uid: 1000, out: '' }, secretHits: { NPM_TOKEN: [] } };
  assert.ok(imageChecks(good, { secrets: { NPM_TOKEN: 'v' } }).every((c) => c.ok));
  assert.equal(imageChecks({ ...good, smoke: { code: 0, uid: 0, out: '' } }).find((c) => c.name === 'non-root').ok, false);
  assert.equal(sizeCheck({ bytes: 10, gzip: 5 }, { bytes: 10, gzip: 4 }, false).ok, false);
  assert.equal(cacheCheck(['a', 'b'], ['a', 'b'], 'fewer').ok, false);
  assert.equal(cacheCheck(['a'], ['a'], 'not-more').ok, true);
});
