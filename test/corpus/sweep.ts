// The corpus sweep (issue 6, item 1): `npm run corpus [-- --every 10 --limit 5000 --workers 2 --json out.json]`.
// Every dockerhub-2020 file (empty build context) and every jessfraz Dockerfile (its directory as context)
// through analyse and every fix, alone and all together. `--probes` adds the probe rules of test/property. Prints counts, sample ids (never file text) and
// exits 1 on any problem.
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { corpusAvailable, CORPUS_DIR, jessfrazFiles, readDockerhub, type CorpusFile } from './corpusFiles';
import { PROBLEM_KINDS } from './checkFile';
import { ready, ruleIds, sweepFile, type FileResult } from './sweepWorker';
import { summarise, printSummary } from './summary';

interface Job {
  files: CorpusFile[];
  ordinals: number[];
}

if (!isMainThread) {
  void ready.then(() => {
    parentPort!.on('message', (job: Job) => {
      const results: FileResult[] = job.files.map((f, i) => sweepFile(f, job.ordinals[i]));
      parentPort!.postMessage(results);
    });
    parentPort!.postMessage('ready');
  });
} else {
  void main().then((code) => process.exit(code));
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  if (process.argv.includes('--probes')) process.env.LEAN_DOCKERFILE_SWEEP_PROBES = '1';
  const every = Number(arg('every') ?? 1);
  const limit = Number(arg('limit') ?? Infinity);
  const workers = Number(arg('workers') ?? Math.max(1, Math.min(cpus().length, 8)));
  const chunk = Number(arg('chunk') ?? 50);
  const timeoutMs = Number(arg('timeout') ?? 120_000);
  const have = corpusAvailable();
  if (!have.dockerhub && !have.jessfraz) {
    console.error(`corpus sweep: no corpus at ${CORPUS_DIR} (set LEAN_DOCKERFILE_CORPUS); nothing was checked`);
    return 2;
  }
  const t0 = performance.now();
  const files: CorpusFile[] = [];
  const ordinals: number[] = [];
  if (have.dockerhub && !process.argv.includes('--no-dockerhub')) {
    (await readDockerhub(every, limit)).forEach((f) => files.push(f));
  }
  if (have.jessfraz && !process.argv.includes('--no-jessfraz')) files.push(...jessfrazFiles());
  files.forEach((_, i) => ordinals.push(i));
  const readMs = performance.now() - t0;
  console.log(`corpus sweep: ${files.length} files (dockerhub every ${every}${limit < Infinity ? `, at most ${limit}` : ''}, jessfraz), ${workers} worker threads`);
  console.log(`rules registered: ${ruleIds().join(', ') || '(none yet)'}`);

  const results: FileResult[] = [];
  const timeouts: string[] = [];
  let next = 0;
  let done = 0;
  const total = files.length;
  const progress = setInterval(() => process.stderr.write(`  ${done}/${total} files, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`), 15_000);
  const runWorker = () =>
    new Promise<void>((resolveWorker) => {
      const w = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(__filename)})`, {
        eval: true,
      });
      let current: Job | undefined;
      let timer: NodeJS.Timeout | undefined;
      const send = () => {
        if (next >= files.length) {
          current = undefined;
          void w.terminate();
          return resolveWorker();
        }
        current = { files: files.slice(next, next + chunk), ordinals: ordinals.slice(next, next + chunk) };
        next += chunk;
        timer = setTimeout(() => {
          // A file that makes the analysis hang: record the chunk, replace the worker.
          timeouts.push(...current!.files.map((f) => f.id));
          void w.terminate();
          void runWorker().then(resolveWorker);
        }, timeoutMs);
        w.postMessage(current);
      };
      w.on('message', (m: 'ready' | FileResult[]) => {
        if (m !== 'ready') {
          clearTimeout(timer);
          results.push(...m);
          done += m.length;
        }
        send();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        console.error('worker died:', e instanceof Error ? e.name : 'error', current ? `in the chunk starting at ${current.files[0].id}` : '');
        if (current) timeouts.push(...current.files.map((f) => f.id));
        void runWorker().then(resolveWorker);
      });
    });
  await Promise.all(Array.from({ length: workers }, runWorker));
  clearInterval(progress);
  const wallMs = performance.now() - t0;
  const summary = summarise(results, timeouts);
  printSummary(summary, { wallMs, readMs, files: total, workers });
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify({ ...summary, wallMs, readMs, workers, files: total }, null, 2));
  const bad = PROBLEM_KINDS.reduce((n, k) => n + summary.counts[k], 0) + timeouts.length;
  return bad ? 1 : 0;
}
