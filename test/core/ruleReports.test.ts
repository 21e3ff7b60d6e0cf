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
