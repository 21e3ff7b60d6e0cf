import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready } from '../helpers/setup';
import { analyse, appendLines, applyFixes, defineRule, fixAll, insertLinesBefore, memoryContext, TextIndex, type Rule } from '../../server/src/core';
import { extractScript } from '../../server/src/core/script';

// A tiny rule for testing the machinery: every RUN without `set -e` gets one inserted before it as a comment.
const marker: Rule = defineRule({
  meta: { id: 'test-marker', summary: 'marks RUN instructions for tests', severity: 'info', fix: 'always' },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'RUN') continue;
      const prev = ins.range.start.line > 0 ? ctx.model.index.lineText(ins.range.start.line - 1) : '';
      if (prev.trim() === '# marked') continue;
      ctx.report({ range: ins.range, message: 'unmarked', fixes: [{ title: 'Mark', safety: 'safe', edits: [insertLinesBefore(ctx.model, ins, ['# marked'])] }] });
    }
  },
});

test('TextIndex treats CRLF, LF and lone CR as line breaks like LSP', () => {
  const t = new TextIndex('a\r\nb\rc\nd');
  assert.deepEqual(t.lineStarts, [0, 3, 5, 7]);
  assert.equal(t.eol, '\r\n');
  assert.deepEqual(t.positionAt(4), { line: 1, character: 1 });
  assert.equal(t.offsetAt({ line: 2, character: 99 }), 6);
  assert.equal(t.lineText(1), 'b');
});

test('extractScript drops continuations, blank and comment lines, and keeps offsets', () => {
  const text = 'RUN a \\\n\n  # c\n  b \\ \r\n c';
  const { script, offsets } = extractScript(text, 4, text.length, '\\');
  assert.equal(script, 'a   b  c');
  for (let i = 0; i < script.length; i++) assert.equal(text[offsets[i]], script[i]);
  const bt = '`';
  const t2 = `RUN a ${bt}\n b`;
  assert.equal(extractScript(t2, 4, t2.length, bt).script, 'a  b');
});

test('fixAll keeps CRLF, is stable, and fixing twice equals fixing once', async () => {
  await ready;
  const text = 'FROM x\r\nRUN a\r\nRUN b\r\n';
  const once = fixAll(text, { rules: [marker] });
  assert.equal(once.text, 'FROM x\r\n# marked\r\nRUN a\r\n# marked\r\nRUN b\r\n');
  assert.equal(fixAll(once.text, { rules: [marker] }).text, once.text);
  assert.equal(once.applied.length, 2);
});

test('applyFixes skips a fix that overlaps one already accepted', () => {
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
  const out = applyFixes('FROM x\n', [
    { title: 'a', safety: 'safe', edits: [{ range: r, newText: 'from' }] },
    { title: 'b', safety: 'safe', edits: [{ range: r, newText: 'FRom' }] },
  ]);
  assert.equal(out.text, 'from x\n');
  assert.equal(out.skipped.length, 1);
});

test('suppression comments: per instruction and global; unsafe fixes only on request', async () => {
  await ready;
  const text = 'FROM x\n# lean-dockerfile ignore=test-marker\nRUN a\nRUN b\n';
  assert.equal(analyse(text, { rules: [marker] }).findings.length, 1);
  assert.equal(analyse('# lean-dockerfile global ignore=test-marker\n' + text, { rules: [marker] }).findings.length, 0);
  assert.equal(analyse(text, { rules: [marker], settings: { rules: { 'test-marker': 'off' } } }).findings.length, 0);
  assert.equal(analyse(text, { rules: [marker], settings: { rules: { 'test-marker': 'error' } } }).findings[0].severity, 'error');
});

test('a rule that throws is reported, never fatal', async () => {
  await ready;
  const bad = defineRule({ meta: { id: 'boom', summary: 'throws for tests', severity: 'error', fix: 'never' }, check() { throw new Error('x'); } });
  const r = analyse('FROM x\n', { rules: [bad, marker] });
  assert.equal(r.ruleErrors.length, 1);
  assert.equal(r.ruleErrors[0].ruleId, 'boom');
});

test('fixAll carries created files into the next round', async () => {
  await ready;
  const creator = defineRule({
    meta: { id: 'creator', summary: 'creates a file for tests', severity: 'info', fix: 'always' },
    check(ctx) {
      if (ctx.context?.exists('.dockerignore')) return;
      ctx.report({ range: ctx.model.instructions[0].range, message: 'no file', fixes: [{ title: 'Create', safety: 'safe', edits: [], fileEdits: [{ path: '.dockerignore', kind: 'create', text: '.git\n' }] }] });
    },
  });
  const r = fixAll('FROM x\n', { rules: [creator], context: memoryContext({}) });
  assert.deepEqual(r.fileEdits, [{ path: '.dockerignore', kind: 'create', text: '.git\n' }]);
  assert.equal(r.remaining.length, 0);
});

test('hadolint and BuildKit ignore comments silence rules that have those twins', async () => {
  await ready;
  const twin = defineRule({
    meta: { ...marker.meta, id: 'twin', related: { hadolint: ['DL3002'], buildkit: ['SecretsUsedInArgOrEnv'] } },
    check: marker.check,
  });
  const body = 'FROM x\n# hadolint ignore=DL3002\nRUN a\nRUN b\n';
  assert.equal(analyse(body, { rules: [twin] }).findings.length, 1);
  assert.equal(analyse(body, { rules: [marker] }).findings.length, 2, 'no hadolint twin, no effect');
  assert.equal(analyse('# hadolint global ignore=DL3002\n' + body, { rules: [twin] }).findings.length, 0);
  assert.equal(analyse('# check=skip=SecretsUsedInArgOrEnv\n' + body, { rules: [twin] }).findings.length, 0);
  assert.equal(analyse('# check=skip=all\n' + body, { rules: [twin] }).findings.length, 0);
  assert.equal(analyse('# check=skip=JSONArgsRecommended\n' + body, { rules: [twin] }).findings.length, 1);
});

test('fixAll applies a restructuring fix alone, then lets other rules see the new text', async () => {
  await ready;
  // `split` appends a line once; `count` reports when the line count is odd — it must see the split's result.
  const split = defineRule({
    meta: { id: 'split', summary: 'restructures for tests', severity: 'info', fix: 'always', fixAlone: true },
    check(ctx) {
      if (ctx.model.text.includes('FROM y')) return;
      ctx.report({ range: ctx.model.instructions[0].range, message: 'split', fixes: [{ title: 'Split', safety: 'safe', edits: [insertLinesBefore(ctx.model, ctx.model.instructions[0], ['FROM y AS b'])] }] });
    },
  });
  const r = fixAll('FROM x\nRUN a\n', { rules: [marker, split] });
  assert.deepEqual(r.applied.map((a) => a.ruleId), ['split', 'test-marker']);
  assert.equal(r.text, 'FROM y AS b\nFROM x\n# marked\nRUN a\n');
});

test('fixAll holds back final-stage fixes while a restructuring rule still reports and others make progress', async () => {
  await ready;
  // `gate` restructures only once no RUN is unmarked; `late` (final-stage) must run after it, not before.
  const gate = defineRule({
    meta: { id: 'gate', summary: 'restructures once unblocked', severity: 'info', fix: 'sometimes', fixAlone: true },
    check(ctx) {
      if (ctx.model.text.startsWith('FROM y')) return;
      const blocked = ctx.model.instructions.some((i, k) => i.keyword === 'RUN' && ctx.model.index.lineText(i.range.start.line - 1).trim() !== '# marked' && k >= 0);
      const first = ctx.model.instructions[0];
      ctx.report({ range: first.range, message: 'gate', fixes: blocked ? [] : [{ title: 'Gate', safety: 'safe', edits: [insertLinesBefore(ctx.model, first, ['FROM y AS b'])] }] });
    },
  });
  const late = defineRule({
    meta: { id: 'late', summary: 'final-stage fix for tests', severity: 'info', fix: 'always', fixAfterRestructure: true },
    check(ctx) {
      if (ctx.model.text.includes('USER')) return;
      ctx.report({ range: ctx.model.instructions[0].range, message: 'late', fixes: [{ title: 'User', safety: 'safe', edits: [appendLines(ctx.model, ['USER u'])] }] });
    },
  });
  const r = fixAll('FROM x\nRUN a\n', { rules: [gate, marker, late] });
  assert.deepEqual(r.applied.map((a) => a.ruleId), ['test-marker', 'gate', 'late']);
  assert.equal(r.text, 'FROM y AS b\nFROM x\n# marked\nRUN a\nUSER u\n');
});
