// Per-file cost over the same 10,000 dockerhub-2020 files: full analysis vs dockerfile-ast parse alone
// (the floor) vs dockerfile-utils validate (the validator behind Microsoft's Docker extension).
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { analyse } from '../server/src/core/analyse';
import { buildModel, isRun } from '../server/src/core/model';
import { memoryContext } from '../server/src/core/memoryContext';
import { loadShellParser } from '../server/src/node/shellWasm';
import { clearShellCache } from '../server/src/core/shell';
import { rules } from '../server/src/rules';
import { readDockerhub } from '../test/corpus/corpusFiles';
import { mean, median, quantile, table, us } from './stats';

export interface PerFileResult {
  files: number;
  reps: number;
  rows: { name: string; median: number; p90: number; mean: number }[];
  validateCrashes: number;
  markdown: string;
}

export async function benchPerFile(count = 10_000, reps = 5): Promise<PerFileResult> {
  await loadShellParser();
  const every = Math.max(1, Math.floor(99_789 / count));
  const files = (await readDockerhub(every, count)).map((f) => f.text);
  const context = memoryContext({});
  let validateCrashes = 0;
  const tasks: [string, (t: string) => unknown][] = [
    ['dockerfile-ast parse (floor)', (t) => DockerfileParser.parse(t).getInstructions()],
    ['model (parse + stages, no shell)', (t) => buildModel(t)],
    ['model + shell parse of every RUN', (t) => buildModel(t).instructions.filter(isRun).forEach((r) => r.shell)],
    [`full analysis (${rules.length} rules)`, (t) => analyse(t, { rules, context })],
    ['dockerfile-utils validate', (t) => {
      try {
        return validate(t);
      } catch {
        validateCrashes++;
        return undefined;
      }
    }],
  ];
  // Warm-up: every task over every file once (JIT, tree-sitter heap).
  for (const [, fn] of tasks) for (const t of files) fn(t);
  validateCrashes = 0;
  const times = tasks.map(() => files.map(() => [] as number[]));
  for (let r = 0; r < reps; r++) {
    files.forEach((t, i) => {
      tasks.forEach(([, fn], k) => {
        clearShellCache(); // each file is analysed cold, as the CLI meets it
        const t0 = performance.now();
        fn(t);
        times[k][i].push(performance.now() - t0);
      });
    });
  }
  const perFile = times.map((perTask) => perTask.map(median));
  const rows = tasks.map(([name], k) => ({ name, median: median(perFile[k]), p90: quantile(perFile[k], 0.9), mean: mean(perFile[k]) }));
  const floor = rows[0];
  const markdown = table(
    ['per file (median of ' + reps + ' runs)', 'median', 'p90', 'mean', '× parse (median)', '× parse (mean)'],
    rows.map((r) => [r.name, us(r.median), us(r.p90), us(r.mean), (r.median / floor.median).toFixed(2), (r.mean / floor.mean).toFixed(2)]),
  );
  return { files: files.length, reps, rows, validateCrashes: validateCrashes / reps, markdown };
}
