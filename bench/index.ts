// `npm run bench [-- --quick] [-- --write]`: the benchmarks of issue 6 (not timed tests), printed as
// markdown from ONE run; `--write` also replaces the "Latest figures" section of docs/performance.md.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, corpusAvailable } from '../test/corpus/corpusFiles';
import { benchPerFile } from './perFile';
import { benchThroughput } from './throughput';
import { benchLsp, editorMarkdown, serverAvailable } from './lsp';
import { machine, mib, msf, table } from './stats';

const quick = process.argv.includes('--quick');
const out: string[] = [];
const say = (s = '') => {
  out.push(s);
  console.log(s);
};
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

async function main(): Promise<void> {
  if (!corpusAvailable().dockerhub) throw new Error('bench: the dockerhub-2020 corpus is missing (../shared/corpus or LEAN_DOCKERFILE_CORPUS)');
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  say(`Run ${started} UTC on ${machine()}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}${quick ? ' (--quick: 1,000 files, 3 runs)' : ''}.`);
  say();

  const pf = await benchPerFile(quick ? 1000 : 10_000, quick ? 3 : 5);
  say(`### Per file: analysis vs parse vs dockerfile-utils (${pf.files} dockerhub-2020 files, warm-up first)`);
  say();
  say(pf.markdown);
  const [parse, , , full, utils] = pf.rows;
  say();
  say(`dockerfile-utils validate threw on ${pf.validateCrashes} of the files (stack overflow in dockerfile-ast's variable resolution).`);
  say();

  const targets: [string, string, boolean][] = [
    ['analysis ≤ 1.5× parse-only per file (median)', `${(full.median / parse.median).toFixed(2)}×`, full.median <= 1.5 * parse.median],
    ['faster than dockerfile-utils validate (median)', `${(full.median / utils.median).toFixed(2)}× validate`, full.median < utils.median],
  ];

  if (!quick) {
    const single = benchThroughput('single');
    const workers = benchThroughput('workers');
    say(`### Whole corpus through the CLI core (${single.files} files, analyse with every rule)`);
    say();
    say(
      table(
        ['mode', 'analysis wall time', 'files/s', 'peak RSS', 'findings'],
        [single, workers].map((r) => [r.mode === 'single' ? 'single process' : 'worker threads (one per core)', `${(r.analyseMs / 1000).toFixed(1)} s`, (r.files / (r.analyseMs / 1000)).toFixed(0), mib(r.maxRssBytes), r.findings]),
      ),
    );
    say();
    say(`Reading and decompressing the corpus (not counted above): ${(single.readMs / 1000).toFixed(1)} s.`);
    say();
    const best = Math.min(single.analyseMs, workers.analyseMs);
    targets.push(['100k files < 60 s on this machine', `${(best / 1000).toFixed(1)} s`, best < 60_000]);
  }

  if (serverAvailable()) {
    const lsp = await benchLsp();
    say('### Editor: the bundled server over stdio');
    say();
    say(editorMarkdown(lsp));
    say();
    const at1000 = lsp.latency.find((l) => l.lines === 1000)!;
    const at10000 = lsp.latency.find((l) => l.lines === 10000)!;
    targets.push(['p99 didChange → diagnostics < 20 ms at 1,000 lines', msf(at1000.p99), at1000.p99 < 20]);
    targets.push(['latency linear or better (10,000 vs 1,000 lines, p50)', `${(at10000.p50 / at1000.p50).toFixed(1)}× for 10× lines`, at10000.p50 / at1000.p50 <= 12]);
    targets.push(['server RSS < 80 MB with 100 documents', mib(lsp.rss100), lsp.rss100 < 80 * 2 ** 20]);
  } else {
    say('(dist/server.js is missing: run `npm run build` for the editor benchmarks.)');
    say();
  }

  say('### Bundles');
  say();
  const dist = join(PROJECT_ROOT, 'dist');
  const bundles = ['extension.js', 'server.js', 'cli.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm'].filter((f) => existsSync(join(dist, f)));
  say(table(['file', 'size'], bundles.map((f) => [`dist/${f}`, `${(statSync(join(dist, f)).size / 1024).toFixed(0)} KiB`])));
  say();
  say('### Targets');
  say();
  say(table(['target', 'measured', 'status'], targets.map(([t, m, ok]) => [t, m, verdict(ok)])));

  if (process.argv.includes('--write')) {
    const doc = join(PROJECT_ROOT, 'docs', 'performance.md');
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
    const i = text.indexOf(begin);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error(`bench: ${doc} lacks the ${begin} … ${end} markers`);
    writeFileSync(doc, text.slice(0, i + begin.length) + '\n' + out.join('\n') + '\n' + text.slice(j));
    console.log(`\nwrote the figures into ${doc}`);
  }
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
