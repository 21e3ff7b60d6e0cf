import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../helpers/setup';
import { buildModel, effectiveUser, isRun, parseImageRef, type RunInfo } from '../../server/src/core';

test('RUN scripts are parsed by the shell parser with Dockerfile offsets', async () => {
  await ready;
  const text = 'FROM golang:1.22 AS build\r\nRUN CGO_ENABLED=0 go build \\\r\n  # a comment\r\n  -o /app ./cmd/x && echo "é" done\r\n';
  const m = buildModel(text);
  const run = m.instructions.find(isRun)!;
  const cmds = run.shell.commands;
  assert.deepEqual(cmds.map((c) => c.name), ['go', 'echo']);
  assert.deepEqual(cmds[0].assignments, [{ name: 'CGO_ENABLED', value: '0' }]);
  assert.deepEqual(cmds[0].args.map((a) => a.value), ['build', '-o', '/app', './cmd/x']);
  const o = cmds[0].args[1];
  assert.equal(text.slice(o.start, o.end), '-o');
  assert.equal(text.slice(cmds[1].args[0].start, cmds[1].args[0].end), '"é"');
});

test('backtick escape continuations', async () => {
  await ready;
  const text = '# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet restore `\n    && dotnet publish -c Release -o /out\n';
  const m = buildModel(text);
  assert.equal(m.escape, '`');
  const run = m.instructions.find(isRun) as RunInfo;
  assert.deepEqual(run.shell.commands.map((c) => c.name), ['dotnet', 'dotnet']);
  assert.equal(m.stages[0].image?.registry, 'mcr.microsoft.com');
  assert.equal(m.stages[0].image?.repository, 'dotnet/sdk');
});

test('exec form, heredoc and variables', async () => {
  await ready;
  const m = buildModel('FROM node:20\nARG NPM_TOKEN\nRUN ["npm", "ci"]\nRUN echo $NPM_TOKEN \'$NOT\' "${ALSO}"\nRUN <<EOF\nnpm run build\nEOF\n');
  const runs = m.instructions.filter(isRun);
  assert.deepEqual(runs[0].shell.commands.map((c) => [c.name, ...c.args.map((a) => a.value)]), [['npm', 'ci']]);
  assert.deepEqual(runs[1].shell.variables.map((v) => v.name), ['NPM_TOKEN', 'ALSO']);
  assert.deepEqual(runs[2].shell.commands.map((c) => c.name), ['npm']);
  assert.equal(m.stages[0].args[0].name, 'NPM_TOKEN');
});

test('stages, base stages and users', async () => {
  await ready;
  const m = buildModel('ARG V=1.22\nFROM golang:${V} AS build\nUSER 1000\nFROM build AS test\nFROM scratch\n');
  assert.equal(m.stages.length, 3);
  assert.equal(m.stages[0].imageText, 'golang:1.22');
  assert.equal(m.stages[1].baseStage, m.stages[0]);
  assert.equal(effectiveUser(m.stages[1])?.user, '1000');
  assert.equal(effectiveUser(m.stages[2]), undefined);
  assert.ok(m.stages[2].isFinal);
});

test('image references', () => {
  assert.deepEqual(
    { ...parseImageRef('gcr.io/distroless/static-debian12:nonroot') },
    { raw: 'gcr.io/distroless/static-debian12:nonroot', registry: 'gcr.io', repository: 'distroless/static-debian12', name: 'static-debian12', tag: 'nonroot', digest: undefined, hasVariables: false },
  );
  assert.equal(parseImageRef('docker.io/library/node:20@sha256:ab').repository, 'node');
  assert.equal(parseImageRef('localhost:5000/a/b').registry, 'localhost:5000');
});
