import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, defineRule } from '../../server/src/core';
import { reportsOf } from '../../server/src/core/ruleReports';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
const reporter = defineRule({
  meta: { id: 'demo-rule', summary: 'reports the first line', severity: 'warning', fix: 'never' },
  check: (ctx) => ctx.report({ range, message: 'first line' }),
});
const thrower = defineRule({
  meta: { id: 'demo-thrower', summary: 'always throws', severity: 'warning', fix: 'never' },
  check: () => {
    throw new Error('boom');
  },
});

test('reportsOf collects what another rule reports, without reporting it', () => {
  const model = buildModel('FROM alpine\n');
  const seen: unknown[] = [];
  const ctx = { model, settings: {}, report: (r: unknown) => seen.push(r) };
  assert.deepEqual(reportsOf(reporter, ctx), [{ range, message: 'first line' }]);
  assert.deepEqual(seen, []);
});

test('reportsOf returns nothing for a rule switched off or one that throws', () => {
  const model = buildModel('FROM alpine\n');
  const ctx = { model, settings: { rules: { 'demo-rule': 'off' as const } }, report: () => undefined };
  assert.deepEqual(reportsOf(reporter, ctx), []);
  assert.deepEqual(reportsOf(thrower, { ...ctx, settings: {} }), []);
});

test('a rule runs once per analysis, however many rules ask what it reports', async () => {
  const { analyse } = await import('../../server/src/core/analyse');
  let runs = 0;
  const counted = defineRule({
    meta: { id: 'demo-counted', summary: 'counts its runs', severity: 'warning', fix: 'never' },
    check: (ctx) => {
      runs++;
      ctx.report({ range, message: 'counted' });
    },
  });
  const asker = (id: string) =>
    defineRule({
      meta: { id, summary: 'asks', severity: 'warning', fix: 'never' },
      check: (ctx) => {
        for (const r of reportsOf(counted, ctx)) ctx.report({ range: r.range, message: `${id} saw ${r.message}` });
      },
    });
  const a = analyse('FROM alpine\n', { rules: [asker('demo-a'), counted, asker('demo-b')] });
  assert.equal(runs, 1);
  assert.deepEqual(a.findings.map((f) => `${f.ruleId}: ${f.message}`).sort(), ['demo-a: demo-a saw counted', 'demo-b: demo-b saw counted', 'demo-counted: counted']);
  analyse('FROM alpine\n', { rules: [asker('demo-a'), counted] });
  assert.equal(runs, 2, 'a new analysis runs it again');
});

test('a throwing rule keeps what it reported before the throw in analyse, and reports nothing to others', async () => {
  const { analyse } = await import('../../server/src/core/analyse');
  const half = defineRule({
    meta: { id: 'demo-half', summary: 'reports then throws', severity: 'warning', fix: 'never' },
    check: (ctx) => {
      ctx.report({ range, message: 'before' });
      throw new Error('boom');
    },
  });
  const asker = defineRule({
    meta: { id: 'demo-asker', summary: 'asks', severity: 'warning', fix: 'never' },
    check: (ctx) => ctx.report({ range, message: `saw ${reportsOf(half, ctx).length}` }),
  });
  const a = analyse('FROM alpine\n', { rules: [half, asker] });
  assert.deepEqual(a.findings.map((f) => f.message).sort(), ['before', 'saw 0']);
  assert.deepEqual(a.ruleErrors.map((e) => e.ruleId), ['demo-half']);
});
