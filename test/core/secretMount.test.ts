import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../helpers/setup';
import { applyFixes, buildModel, isRun, type RunInfo } from '../../server/src/core';
import { argDefault, hasSecretMount, removeVarDef, secretBuildFlag, secretId, secretMountEdits } from '../../server/src/core/secretMount';

const apply = (text: string, edits: { range: any; newText: string }[]) => applyFixes(text, [{ title: 't', safety: 'safe', edits }]).text;
const firstRun = (text: string) => buildModel(text).instructions.find(isRun) as RunInfo;

test('secretId is lower-kebab of the variable name', () => {
  assert.equal(secretId('NPM_TOKEN'), 'npm-token');
  assert.equal(secretId('npmToken'), 'npm-token');
  assert.equal(secretId('AWSSecretKey'), 'aws-secret-key');
  assert.equal(secretId('__'), 'secret');
});

test('env style adds one flag after the keyword and keeps the rest of the line', async () => {
  await ready;
  const text = 'FROM node:20\r\nrun --network=host npm ci \\\r\n  && echo $NPM_TOKEN\r\n';
  const model = buildModel(text);
  const run = model.instructions.find(isRun) as RunInfo;
  const edits = secretMountEdits(model, run, [{ id: 'npm-token', env: 'NPM_TOKEN' }, { id: 'npm-token', env: 'NPM_TOKEN' }])!;
  assert.equal(
    apply(text, edits),
    'FROM node:20\r\nrun --mount=type=secret,id=npm-token,env=NPM_TOKEN --network=host npm ci \\\r\n  && echo $NPM_TOKEN\r\n',
  );
});

test('file style reads /run/secrets/<id> and exports the variable', async () => {
  await ready;
  const text = 'FROM alpine\nRUN wget --header "X: $TOKEN" https://x\n';
  const model = buildModel(text);
  const edits = secretMountEdits(model, firstRun(text), [{ id: 'token', env: 'TOKEN' }], 'file')!;
  assert.equal(apply(text, edits), 'FROM alpine\nRUN --mount=type=secret,id=token TOKEN="$(cat /run/secrets/token)" && export TOKEN && wget --header "X: $TOKEN" https://x\n');
});

test('file style: a script on the lines after `RUN \\` stays as written; the prefix goes before the continuation', async () => {
  await ready;
  const cases: [string, string][] = [
    ['FROM a\nRUN \\\nsed -i "s/x/$T/" f && \\\necho ok\n', 'FROM a\nRUN --mount=type=secret,id=t T="$(cat /run/secrets/t)" && export T && \\\nsed -i "s/x/$T/" f && \\\necho ok\n'],
    ['FROM a\nRUN --network=none\\\n# note\n    ./setup $T\n', 'FROM a\nRUN --mount=type=secret,id=t --network=none T="$(cat /run/secrets/t)" && export T && \\\n# note\n    ./setup $T\n'],
    ['FROM a\r\nRUN \\\r\n./setup $T\r\n', 'FROM a\r\nRUN --mount=type=secret,id=t T="$(cat /run/secrets/t)" && export T && \\\r\n./setup $T\r\n'],
    ['# escape=`\nFROM a\nRUN `\n  setup.exe $T\n', '# escape=`\nFROM a\nRUN --mount=type=secret,id=t T="$(cat /run/secrets/t)" && export T && `\n  setup.exe $T\n'],
  ];
  for (const [text, want] of cases) {
    const edits = secretMountEdits(buildModel(text), firstRun(text), [{ id: 't', env: 'T' }], 'file')!;
    assert.equal(apply(text, edits), want);
  }
});

test('file style refuses exec form and heredocs; mounted uses are skipped', async () => {
  await ready;
  for (const text of ['FROM a\nRUN ["sh", "-c", "echo $T"]\n', 'FROM a\nRUN <<EOF\necho $T\nEOF\n']) {
    const model = buildModel(text);
    assert.equal(secretMountEdits(model, firstRun(text), [{ id: 't', env: 'T' }], 'file'), undefined);
    assert.equal(secretMountEdits(model, firstRun(text), [{ id: 't', env: 'T' }], 'env')!.length, 1);
  }
  const text = 'FROM a\nRUN --mount=type=secret,id=t,env=T echo $T\n';
  const model = buildModel(text);
  assert.ok(hasSecretMount(firstRun(text), { id: 't', env: 'T' }));
  assert.deepEqual(secretMountEdits(model, firstRun(text), [{ id: 't', env: 'T' }]), []);
});

test('build flag names the id and the source', () => {
  assert.equal(secretBuildFlag({ id: 'npm-token', env: 'NPM_TOKEN' }), '--secret id=npm-token,env=NPM_TOKEN');
  assert.equal(secretBuildFlag({ id: 'npm-token', env: 'NPM_TOKEN' }, 'file'), '--secret id=npm-token,src=<file>');
});

test('removeVarDef removes one definition, or the instruction when it is alone', async () => {
  await ready;
  const text = 'FROM a\nARG A=1 TOKEN=x B=2\nENV TOKEN=$TOKEN\nARG SECRET VERSION=1\nARG ONLY\n';
  const model = buildModel(text);
  const [a, token, b, secret, only] = model.stages[0].args;
  const env = model.stages[0].envs[0];
  assert.equal(apply(text, [removeVarDef(model, token)]), 'FROM a\nARG A=1 B=2\nENV TOKEN=$TOKEN\nARG SECRET VERSION=1\nARG ONLY\n');
  assert.equal(apply(text, [removeVarDef(model, a)]), 'FROM a\nARG TOKEN=x B=2\nENV TOKEN=$TOKEN\nARG SECRET VERSION=1\nARG ONLY\n');
  assert.equal(apply(text, [removeVarDef(model, b)]), 'FROM a\nARG A=1 TOKEN=x\nENV TOKEN=$TOKEN\nARG SECRET VERSION=1\nARG ONLY\n');
  assert.equal(apply(text, [removeVarDef(model, env)]), 'FROM a\nARG A=1 TOKEN=x B=2\nARG SECRET VERSION=1\nARG ONLY\n');
  assert.equal(apply(text, [removeVarDef(model, secret)]), 'FROM a\nARG A=1 TOKEN=x B=2\nENV TOKEN=$TOKEN\nARG VERSION=1\nARG ONLY\n');
  assert.equal(apply(text, [removeVarDef(model, only)]), 'FROM a\nARG A=1 TOKEN=x B=2\nENV TOKEN=$TOKEN\nARG SECRET VERSION=1\n');
  assert.equal(argDefault(model, secret), undefined);
  assert.equal(argDefault(model, token), 'x');
});
