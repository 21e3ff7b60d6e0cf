// The whole dockerhub-2020 corpus (99,789 files) through the CLI's core (analyse with every rule, empty
// build context): files/s and peak RSS, single process and with worker threads. Each mode runs in its own
// child process so that peak RSS is its own: `node --import tsx bench/throughput.ts --child single|workers`.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyse } from '../server/src/core/analyse';
import { memoryContext } from '../server/src/core/memoryContext';
import { loadShellParser } from '../server/src/node/shellWasm';
import { rules } from '../server/src/rules';
import { readDockerhub } from '../test/corpus/corpusFiles';

export interface ThroughputResult {
  mode: string;
  files: number;
  findings: number;
  readMs: number;
  analyseMs: number;
  maxRssBytes: number;
}

function analyseAll(texts: string[]): number {
  const context = memoryContext({});
  let n = 0;
  for (const t of texts) n += analyse(t, { rules, context }).findings.length;
  return n;
}

async function child(mode: string, every: number): Promise<ThroughputResult> {
  const t0 = performance.now();
  const texts = (await readDockerhub(every)).map((f) => f.text);
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  let findings = 0;
  if (mode === 'single') {
    await loadShellParser();
    findings = analyseAll(texts);
  } else {
    const n = Math.max(1, cpus().length);
    const size = Math.ceil(texts.length / n);
    const counts = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(__filename)})`, {
            eval: true,
            workerData: texts.slice(i * size, (i + 1) * size),
          });
          w.once('message', (m: number) => resolve(m));
          w.once('error', reject);
        }),
      ),
    );
    findings = counts.reduce((a, b) => a + b, 0);
  }
  return { mode, files: texts.length, findings, readMs, analyseMs: performance.now() - t1, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

if (!isMainThread && Array.isArray(workerData)) {
  void loadShellParser().then(() => parentPort!.postMessage(analyseAll(workerData as string[])));
} else if (isMainThread && process.argv.includes('--child')) {
  void child(process.argv[process.argv.indexOf('--child') + 1], Number(process.argv[process.argv.indexOf('--child') + 2] ?? 1)).then((r) => {
    process.stdout.write(JSON.stringify(r) + '\n');
    process.exit(0);
  });
}

/** Runs one mode in a fresh process. */
export function benchThroughput(mode: 'single' | 'workers', every = 1): ThroughputResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', mode, String(every)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`throughput ${mode} failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(line) as ThroughputResult;
}
