import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../helpers/setup';
import { defineRule, type Rule } from '../../server/src/core/rule';
import { memoryContext } from '../../server/src/core/memoryContext';
import { checkDockerfile, safeStack, type ProblemKind } from './checkFile';
import { parseFailure } from './parseCheck';
import { probeRules } from '../property/probeRules';

// The sweep's checks must catch each kind of broken fix (a checker that finds nothing proves nothing).
const whole = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 3 } });
const buggy: Record<ProblemKind, Rule> = {
  crash: defineRule({ meta: { id: 'bug-crash', summary: '', severity: 'hint', fix: 'never' }, check() { throw new Error('secret-value-123'); } }),
  parse: defineRule({
    meta: { id: 'bug-parse', summary: '', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      // Inserts a line ending in a continuation above the second instruction: it swallows it.
      const ins = model.instructions[1];
      if (ins && ins.keyword !== 'LABEL') report({ range: whole(0), message: 'x', fixes: [{ title: 't', safety: 'safe', edits: [{ range: { start: { line: ins.range.start.line, character: 0 }, end: { line: ins.range.start.line, character: 0 } }, newText: 'LABEL a=b \\\n' }] }] });
    },
  }),
  idempotence: defineRule({
    meta: { id: 'bug-idempotence', summary: '', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      const end = model.index.positionAt(model.text.length);
      report({ range: whole(0), message: 'x', fixes: [{ title: 't', safety: 'unsafe', edits: [{ range: { start: end, end }, newText: '\n# more' }] }] });
    },
  }),
  untouched: defineRule({
    meta: { id: 'bug-untouched', summary: '', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      if (!model.text.startsWith('#')) report({ range: whole(0), message: 'x', fixes: [{ title: 't', safety: 'safe', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# ' }] }] });
    },
  }),
  reappears: defineRule({
    meta: { id: 'bug-reappears', summary: '', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      const from = model.instructions[0];
      if (from) report({ range: from.range, message: 'x', fixes: [{ title: 't', safety: 'safe', edits: [{ range: from.range, newText: model.index.slice(from.range) }] }] });
    },
  }),
  range: defineRule({
    meta: { id: 'bug-range', summary: '', severity: 'hint', fix: 'never' },
    check({ report }) {
      report({ range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, message: 'x' });
    },
  }),
};

const TEXT = 'FROM alpine:3.20\nRUN apk add curl\nCOPY . /app\nCMD ["sh"]\n';

for (const [kind, rule] of Object.entries(buggy) as [ProblemKind, Rule][]) {
  test(`the sweep's checks catch a ${kind} bug`, async () => {
    await ready;
    const problems = checkDockerfile(TEXT, { rules: [rule], context: memoryContext({}) });
    assert.ok(problems.some((p) => p.kind === kind && p.ruleId === rule.meta.id), JSON.stringify(problems));
    assert.ok(!JSON.stringify(problems).includes('secret-value-123'), 'error messages are never printed');
  });
}

test('the probe rules pass the checks on ordinary files, CRLF, BOM and backtick escape', async () => {
  await ready;
  for (const text of [
    TEXT,
    TEXT.replace(/\n/g, '\r\n'),
    '\ufeffFROM node\nMAINTAINER me\nRUN npm ci\n',
    '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\nRUN dir `\r\n  # note\r\n  c:\\\r\nMAINTAINER x\r\n',
    'FROM a\nRUN <<EOF\nset -e\nEOF\nMAINTAINER a \\\n  b\n',
    '',
    '# just a comment',
  ]) {
    assert.deepEqual(checkDockerfile(text, { rules: probeRules, context: memoryContext({}) }), [], JSON.stringify(text));
  }
});

test('parse failure: unknown keywords and demoted directives count, a clean edit does not', () => {
  assert.match(parseFailure('FROM a\n', 'FROM a\nRUNN x\n') ?? '', /^unknown/);
  assert.match(parseFailure('# escape=`\nFROM a\n', '# hi\n# escape=`\nFROM a\n') ?? '', /^directive/);
  assert.equal(parseFailure('FROM a\nRUN x\n', 'FROM a\nUSER 1\nRUN x\n', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'USER 1\n' }]), undefined);
  assert.match(parseFailure('FROM a\n', 'FROM a\nEXPOSE\n') ?? '', /^validator/);
});

test('safeStack keeps the error class and project frames, never the message', () => {
  const s = safeStack(new TypeError('password=hunter2'));
  assert.ok(s.startsWith('TypeError'));
  assert.ok(!s.includes('hunter2'));
});
