import { stageChain, type Model, type RunInfo, type Stage } from './model';

/**
 * Per-object memo for facts several rules (or several RUNs of one rule) derive from the same model, stage or
 * instruction. A model is built per analysis and never mutated, so its facts hold for the object's lifetime;
 * the WeakMap lets them go with it. Keys are namespaced strings (`'<rule or module>.<fact>'`).
 */
const store = new WeakMap<object, Map<string, unknown>>();

export function memo<V>(owner: object, key: string, compute: () => V): V {
  let facts = store.get(owner);
  if (!facts) store.set(owner, (facts = new Map()));
  if (facts.has(key)) return facts.get(key) as V;
  const value = compute();
  facts.set(key, value);
  return value;
}

/** `stageChain(stage)` computed once per stage (shared: do not mutate). */
export function chainOf(stage: Stage): readonly Stage[] {
  return memo(stage, 'core.chain', () => stageChain(stage));
}

/** The stages whose chain includes `stage` (itself and every stage built on it), in file order (shared: do not mutate). */
export function stagesBuiltOn(model: Model, stage: Stage): readonly Stage[] {
  const all = memo(model, 'core.builtOn', () => {
    const map = new Map<Stage, Stage[]>();
    for (const s of model.stages) for (const c of new Set(chainOf(s))) (map.get(c) ?? map.set(c, []).get(c)!).push(s);
    return map;
  });
  return all.get(stage) ?? [];
}

/**
 * Whether dockerfile-ast finds heredocs in a RUN (once per RUN). Its `getHeredocs()` re-scans the instruction on
 * every call; a RUN without `<<` has none, so that scan is skipped.
 */
export function hasHeredocs(model: Model, run: RunInfo): boolean {
  return memo(run, 'core.heredocs', () => {
    if (!model.text.slice(run.start, run.end).includes('<')) return false;
    const heredocs: unknown[] = (run.node as unknown as { getHeredocs?: () => unknown[] }).getHeredocs?.() ?? [];
    return heredocs.length > 0;
  });
}

/**
 * Drops what was memoised on a model, its stages and instructions. `analyse` calls it once the rules have run:
 * the facts serve one analysis, and an editor keeps each document's model alive long after it.
 */
export function forgetModel(model: Model): void {
  store.delete(model);
  for (const s of model.stages) store.delete(s);
  for (const i of model.instructions) store.delete(i);
}
