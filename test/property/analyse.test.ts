import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ready } from '../helpers/setup';
import { analyse } from '../../server/src/core/analyse';
import { memoryContext } from '../../server/src/core/memoryContext';
import { rules } from '../../server/src/rules';
import { checkDockerfile, type ProblemKind } from '../corpus/checkFile';
import { dockerfile, mutatedDockerfile } from './generators';
import { probeRules } from './probeRules';

// Every registered rule plus the probe rules (which drive every edit helper of the core).
const all = [...rules, ...probeRules];
const context = memoryContext({ 'package.json': '{}', 'package-lock.json': '{}', 'go.mod': 'module x', 'requirements.txt': 'flask' });
const SEED = Number(process.env.FC_SEED ?? 20240601);

/**
 * A documented parser limit (test/property/parserLimits.test.ts): with lone-CR line endings dockerfile-ast
 * reads only the first parser directive, so a line inserted above `# escape=` demotes it. BuildKit splits
 * lines on LF only, so such a file is a single comment line to Docker anyway.
 */
const loneCrDirectives = (text: string) => /^\ufeff?#[^\n]*\r(?!\n)/.test(text);

function problemsOf(text: string, kinds: readonly ProblemKind[], settings = {}): string[] {
  return checkDockerfile(text, { rules: all, context, settings })
    .filter((p) => kinds.includes(p.kind))
    .filter((p) => !(p.kind === 'parse' && loneCrDirectives(text)))
    .map((p) => `${p.kind} ${p.ruleId} ${p.safety ?? ''} ${p.detail}`);
}

test('structured Dockerfiles (any EOL, BOM, backtick escape, heredocs): no crash, ranges inside, fixes re-parse, keep untouched lines, are idempotent and do not re-appear', async () => {
  await ready;
  fc.assert(
    fc.property(dockerfile, fc.constantFrom<'env' | 'file'>('env', 'file'), (text, style) => {
      assert.deepEqual(problemsOf(text, ['crash', 'range', 'untouched', 'parse', 'idempotence', 'reappears'], { secretMountStyle: style }), []);
    }),
    { numRuns: 300, seed: SEED },
  );
});

test('mutated Dockerfiles (random bytes, lone surrogates, astral chars, cut anywhere): no crash, ranges inside, fixes keep untouched lines', async () => {
  await ready;
  fc.assert(
    fc.property(mutatedDockerfile, (text) => {
      assert.deepEqual(problemsOf(text, ['crash', 'range', 'untouched']), []);
    }),
    { numRuns: 300, seed: SEED },
  );
});

test('any string at all: analyse never throws and ranges stay inside', async () => {
  await ready;
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      assert.deepEqual(problemsOf(text, ['crash', 'range']), []);
    }),
    { numRuns: 300, seed: SEED },
  );
});

test('empty, blank-only and 1 MB lines: analysed in bounded time without a crash', async () => {
  await ready;
  const mb = 1024 * 1024;
  const cases = [
    '', '\n', '\r\n\r\n', '\ufeff', ' \\', '\\', '`',
    'FROM node\nRUN echo ' + 'a'.repeat(mb) + '\n',
    'FROM node\nRUN ' + 'npm ci && '.repeat(mb / 10) + 'true\n',
    'FROM node\nENV X=' + 'x'.repeat(mb) + '\n',
    '# ' + '😀'.repeat(mb / 2) + '\nFROM a\n',
    'FROM node\nRUN echo a \\\n' + '  b \\\n'.repeat(mb / 8),
    'FROM a\n' + 'COPY . .\n'.repeat(20000),
  ];
  for (const text of cases) {
    const t0 = performance.now();
    const { ruleErrors, findings } = analyse(text, { rules: all, context });
    assert.deepEqual(ruleErrors, []);
    assert.ok(findings.length >= 0);
    const ms = performance.now() - t0;
    assert.ok(ms < 20_000, `${text.length} chars took ${ms.toFixed(0)} ms`);
  }
});
