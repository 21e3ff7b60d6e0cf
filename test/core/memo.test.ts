import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, stageChain } from '../../server/src/core';
import { chainOf, memo, stagesBuiltOn } from '../../server/src/core/memo';

test('memo computes once per owner and key, and keeps owners apart', () => {
  const a = {};
  const b = {};
  let calls = 0;
  const f = () => ++calls;
  assert.equal(memo(a, 'k', f), 1);
  assert.equal(memo(a, 'k', f), 1);
  assert.equal(memo(a, 'other', f), 2);
  assert.equal(memo(b, 'k', f), 3);
  assert.equal(memo(a, 'u', () => undefined), undefined);
  assert.equal(memo(a, 'u', f), undefined, 'an undefined result is remembered too');
});

test('chainOf and stagesBuiltOn agree with stageChain', () => {
  const model = buildModel('FROM alpine AS base\nFROM base AS mid\nFROM node:20 AS other\nFROM mid\nFROM base AS b2\n');
  const [base, mid, other, last, b2] = model.stages;
  for (const s of model.stages) assert.deepEqual(chainOf(s), stageChain(s));
  assert.equal(chainOf(mid), chainOf(mid));
  assert.deepEqual(stagesBuiltOn(model, base), [base, mid, last, b2]);
  assert.deepEqual(stagesBuiltOn(model, mid), [mid, last]);
  assert.deepEqual(stagesBuiltOn(model, other), [other]);
  for (const s of model.stages) {
    assert.deepEqual(stagesBuiltOn(model, s), model.stages.filter((t) => stageChain(t).includes(s)));
  }
});

test('stagesBuiltOn survives a stage that names itself', () => {
  const model = buildModel('FROM a AS a\nFROM a AS b\n');
  for (const s of model.stages) {
    assert.deepEqual(stagesBuiltOn(model, s), model.stages.filter((t) => stageChain(t).includes(s)));
  }
});

test('hasHeredocs agrees with dockerfile-ast, and skips RUNs without `<`', async () => {
  const { hasHeredocs } = await import('../../server/src/core/memo');
  const { isRun } = await import('../../server/src/core');
  const model = buildModel('FROM alpine\nRUN <<EOF\necho hi\nEOF\nRUN echo a < b\nRUN cat <<-X >f\nx\nX\nRUN echo plain\n');
  const runs = model.instructions.filter(isRun);
  assert.deepEqual(runs.map((r) => hasHeredocs(model, r)), runs.map((r) => ((r.node as any).getHeredocs() as unknown[]).length > 0));
  assert.deepEqual(runs.map((r) => hasHeredocs(model, r)), [true, false, true, false]);
});

test('forgetModel drops the facts of a model, its stages and instructions; analyse forgets after its rules', async () => {
  const { forgetModel } = await import('../../server/src/core/memo');
  const { analyse, defineRule } = await import('../../server/src/core');
  const model = buildModel('FROM alpine AS a\nRUN echo\n');
  let calls = 0;
  const f = () => ++calls;
  for (const o of [model, model.stages[0], model.instructions[1]]) memo(o, 'k', f);
  forgetModel(model);
  for (const o of [model, model.stages[0], model.instructions[1]]) memo(o, 'k', f);
  assert.equal(calls, 6);
  let kept: object | undefined;
  const probe = defineRule({
    meta: { id: 'demo-probe', summary: 'memoises on the model', severity: 'info', fix: 'never' },
    check: (ctx) => {
      kept = ctx.model;
      memo(ctx.model, 'probe', () => 'during');
    },
  });
  analyse('FROM alpine\n', { rules: [probe] });
  assert.equal(memo(kept!, 'probe', () => 'after'), 'after');
});
