// Where analysis time goes, rule by rule (`node --import tsx bench/rules.ts [every]`): each rule alone over
// the same corpus files, interleaved, minus the model-only cost. Reports totals and the worst file per rule.
import { analyse } from '../server/src/core/analyse';
import { memoryContext } from '../server/src/core/memoryContext';
import { loadShellParser } from '../server/src/node/shellWasm';
import { rules } from '../server/src/rules';
import { readDockerhub } from '../test/corpus/corpusFiles';
import { syntheticDockerfile } from './lsp';
import { table } from './stats';

async function main(): Promise<void> {
  await loadShellParser();
  const every = Number(process.argv[2] ?? 100);
  const files = (await readDockerhub(every)).map((f) => f.text);
  files.push(syntheticDockerfile(1000));
  const context = memoryContext({});
  const sets = [{ id: '(model + shell only)', rules: [] as typeof rules }, ...rules.map((r) => ({ id: r.meta.id, rules: [r] }))];
  const total = sets.map(() => 0);
  const synthetic = sets.map(() => 0);
  for (const t of files) for (const s of sets) analyse(t, { rules: s.rules, context }); // warm-up
  for (let rep = 0; rep < 2; rep++) {
    files.forEach((t, i) => {
      sets.forEach((s, k) => {
        const t0 = performance.now();
        const a = analyse(t, { rules: s.rules, context });
        if (!s.rules.length) for (const ins of a.model.instructions) if (ins.keyword === 'RUN') void (ins as any).shell;
        const dt = performance.now() - t0;
        total[k] += dt;
        if (i === files.length - 1) synthetic[k] += dt;
      });
    });
  }
  const base = total[0];
  const rows = sets.map((s, k) => [s.id, `${(total[k] / 2).toFixed(0)} ms`, k ? `${((total[k] - base) / 2).toFixed(0)} ms` : '—', `${(synthetic[k] / 2).toFixed(0)} ms`]);
  console.log(`${files.length - 1} dockerhub files (every ${every}th) + one synthetic 1,000-line file; mean of 2 runs after a warm-up`);
  console.log(table(['rule', 'analyse with this rule alone', 'rule cost (minus model + shell)', 'synthetic 1,000 lines'], rows));
}

void main();
