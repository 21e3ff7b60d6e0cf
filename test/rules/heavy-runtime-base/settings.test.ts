import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../../helpers/setup';
import { analyse } from '../../../server/src/core';
import { rule } from '../../../server/src/rules/heavy-runtime-base';
import { rule as singleStageBuild } from '../../../server/src/rules/single-stage-build';

const run = (text: string, trustedRuntimeBases?: string[], rules?: Record<string, 'off'>) =>
  analyse(text, { rules: [rule], settings: { trustedRuntimeBases, rules } }).findings.map((f) => f.message.split(' ')[0]);

test('trustedRuntimeBases silences an image by repository or repository:tag', async () => {
  await ready;
  const df = 'FROM node:20\nCMD ["node", "index.js"]\n';
  assert.deepEqual(run(df), ['node:20']);
  assert.deepEqual(run(df, ['node']), []);
  assert.deepEqual(run(df, ['node:20']), []);
  assert.deepEqual(run(df, ['node:22']), ['node:20']);
  assert.deepEqual(run('FROM docker.io/library/python:3.12\n', ['python']), []);
});

test('only the final stage counts: a heavy stage that is only copied from is silent', async () => {
  await ready;
  assert.deepEqual(run('FROM python:3.12 AS deps\nRUN pip wheel -w /w flask\nFROM python:3.12-slim\nCOPY --from=deps /w /w\n'), []);
  assert.deepEqual(run('FROM debian:bookworm AS base\nFROM base\nCMD ["sh"]\n'), ['debian:bookworm']);
});

test('compiling in the final stage is left to single-stage-build (one image, one report); an OS image that does not compile still counts', async () => {
  await ready;
  const both = (text: string) => analyse(text, { rules: [singleStageBuild, rule] }).findings.map((f) => f.ruleId);
  assert.deepEqual(run('FROM python:3.12\nRUN python setup.py build_ext\n'), []);
  assert.deepEqual(run('FROM eclipse-temurin:21\nCOPY . .\nRUN ./gradlew build\n'), []);
  const cBuild = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential && make\n';
  assert.deepEqual(run(cBuild), []);
  assert.deepEqual(both(cBuild), ['single-stage-build']);
  assert.deepEqual(run('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n'), ['debian:bookworm']);
  assert.deepEqual(run(cBuild, undefined, { 'single-stage-build': 'off' }), ['debian:bookworm'], 'with single-stage-build off, the heavy base is reported');
});

test('a tool the stage installs itself is not called missing', async () => {
  await ready;
  const [f] = analyse('FROM node:20\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSL https://example.com\n', { rules: [rule] }).findings;
  assert.doesNotMatch(f.message, /This stage runs/);
  const [g] = analyse('FROM node:20\nRUN git clone https://example.com/x.git\n', { rules: [rule] }).findings;
  assert.match(g.message, /This stage runs git:/);
});

test('empty, broken and FROM-less files never crash', async () => {
  await ready;
  for (const t of ['', 'RUN x\n', 'FROM\n', 'FROM :\n', 'FROM @sha256:abc\n', 'FROM node:20 AS\n', 'FROM base\n']) {
    const r = analyse(t, { rules: [rule] });
    assert.deepEqual(r.ruleErrors, [], JSON.stringify(t));
  }
});

test('a toolchain image is reported only when the final stage copies an artifact from a build stage', async () => {
  await ready;
  assert.deepEqual(run('FROM golang:1.22\nRUN apt-get update && apt-get install -y jq\nCMD ["go", "version"]\n'), []);
  assert.deepEqual(run('FROM golang:1.22\nRUN go get github.com/x/tool\n'), []);
  assert.deepEqual(run('FROM golang:1.22 AS b\nRUN go build -o /a .\nFROM rust:1.79\nCOPY --from=b /a /a\n'), ['rust:1.79']);
});
