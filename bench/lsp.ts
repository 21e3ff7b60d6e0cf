// Editor-side benchmarks against the bundled server (dist/server.js over stdio): didChange →
// publishDiagnostics latency on 100-, 1,000- and 10,000-line files, start-up time, RSS with 1 and 100 docs;
// and, in this process, the analysis alone of the same texts after the same edits (what the latency is made of).
// `node --import tsx bench/lsp.ts` runs only these and prints them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../server/src/core/analyse';
import { memoryContext } from '../server/src/core/memoryContext';
import { loadShellParser } from '../server/src/node/shellWasm';
import { DEBOUNCE_MS } from '../server/src/lsp/server';
import { rules } from '../server/src/rules/index';
import { readDockerhub, PROJECT_ROOT } from '../test/corpus/corpusFiles';
import { LspClient } from './lspClient';
import { median, mib, msf, quantile, table } from './stats';

export const SERVER_JS = join(PROJECT_ROOT, 'dist', 'server.js');

export function serverAvailable(): boolean {
  return existsSync(SERVER_JS);
}

/** A realistic Dockerfile of about `lines` lines: Go build stages with continuations, then a runtime stage. */
export function syntheticDockerfile(lines: number): string {
  const out: string[] = ['# syntax=docker/dockerfile:1'];
  for (let i = 0; out.length < lines - 6; i++) {
    out.push(
      `FROM golang:1.22 AS build${i}`, 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .',
      'RUN CGO_ENABLED=0 go build \\', `    -o /out/app${i} \\`, '    ./cmd/app', '# a comment line that the edits change',
      'ARG VERSION=1.0', 'ENV PATH=/usr/local/bin:$PATH', 'RUN apt-get update \\',
      ' && apt-get install -y --no-install-recommends ca-certificates curl \\', ' && rm -rf /var/lib/apt/lists/*', '',
    );
  }
  out.push('FROM debian:12-slim', 'COPY --from=build0 /out/app0 /usr/local/bin/app', 'USER 65532', 'ENTRYPOINT ["app"]');
  return out.slice(0, Math.max(lines, 5)).join('\n') + '\n';
}

export interface LatencyResult {
  lines: number;
  samples: number;
  /** didChange → publishDiagnostics minus the debounce. */
  p50: number;
  p99: number;
  max: number;
  /** `analyse()` alone (every rule, empty context) in this process, on the same texts after the same edits. */
  analysisP50: number;
  analysisP99: number;
}

/** The edit of sample `s`: type an 'x' at the end of a comment line mid-file, then delete it, alternately. */
function editFor(text: string, lines: number, s: number) {
  const all = text.split('\n');
  const found = all.findIndex((l, i) => i > lines / 2 && l.startsWith('# a comment'));
  const line = found > 0 ? found : 1;
  const col = all[line].length;
  return s % 2 === 0
    ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }
    : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
}

/** Analysis alone, as the server runs it after each edit (shell parses of unchanged RUNs cached). */
async function analysisAlone(lines: number, samples: number): Promise<{ p50: number; p99: number }> {
  await loadShellParser();
  const lineTexts = syntheticDockerfile(lines).split('\n');
  const context = memoryContext({});
  const times: number[] = [];
  analyse(lineTexts.join('\n'), { rules, context });
  for (let s = 0; s < samples; s++) {
    const e = editFor(lineTexts.join('\n'), lines, s).range.start;
    lineTexts[e.line] = s % 2 === 0 ? lineTexts[e.line] + 'x' : lineTexts[e.line].slice(0, -1);
    const text = lineTexts.join('\n');
    const t0 = performance.now();
    analyse(text, { rules, context });
    times.push(performance.now() - t0);
  }
  return { p50: median(times), p99: quantile(times, 0.99) };
}

async function latency(client: LspClient, lines: number, samples: number): Promise<LatencyResult> {
  const uri = `file:///bench/latency-${lines}/Dockerfile`;
  const text = syntheticDockerfile(lines);
  let version = 1;
  const opened = client.diagnosticsFor(uri, version);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
  await opened;
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    version++;
    const change = editFor(text, lines, s);
    const got = client.diagnosticsFor(uri, version);
    const t0 = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    times.push(performance.now() - t0 - DEBOUNCE_MS);
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
  const alone = await analysisAlone(lines, samples);
  return { lines, samples, p50: median(times), p99: quantile(times, 0.99), max: Math.max(...times), analysisP50: alone.p50, analysisP99: alone.p99 };
}

export interface LspResult {
  debounceMs: number;
  startupMs: number;
  firstDiagnosticsMs: number;
  latency: LatencyResult[];
  rss1: number;
  rss100: number;
  peak100: number;
}

export async function benchLsp(): Promise<LspResult> {
  const t0 = performance.now();
  const client = new LspClient(SERVER_JS);
  await client.initialize();
  const startupMs = performance.now() - t0;
  const first = 'file:///bench/first/Dockerfile';
  const got = client.diagnosticsFor(first, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri: first, languageId: 'dockerfile', version: 1, text: syntheticDockerfile(60) } });
  await got;
  const firstDiagnosticsMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  const rss1 = client.rss().rss;
  const lat: LatencyResult[] = [];
  for (const [lines, n] of [[100, 60], [1000, 40], [10000, 5]] as const) lat.push(await latency(client, lines, n));
  const docs = await readDockerhub(997, 99);
  await Promise.all(
    docs.map((d, i) => {
      const uri = `file:///bench/docs/${i}/Dockerfile`;
      const p = client.diagnosticsFor(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: d.text } });
      return p;
    }),
  );
  await new Promise((r) => setTimeout(r, 500));
  const { rss: rss100, peak: peak100 } = client.rss();
  await client.stop();
  return { debounceMs: DEBOUNCE_MS, startupMs, firstDiagnosticsMs, latency: lat, rss1, rss100, peak100 };
}

/** The editor section as markdown (what `npm run bench` prints of it). */
export function editorMarkdown(lsp: LspResult): string {
  const rows = lsp.latency.map((l) => [`${l.lines.toLocaleString('en')} lines`, l.samples, msf(l.p50), msf(l.p99), msf(l.max), msf(l.analysisP50), msf(l.analysisP99)]);
  const [a, b, c] = lsp.latency;
  const growth = (x: LatencyResult, y: LatencyResult) => `${(y.p50 / x.p50).toFixed(1)}× (analysis ${(y.analysisP50 / x.analysisP50).toFixed(1)}×)`;
  return [
    `Start-up (spawn → initialize answered): ${msf(lsp.startupMs)}; to the first diagnostics of an opened file: ${msf(lsp.firstDiagnosticsMs)}.`,
    `Latency is didChange → publishDiagnostics minus the server's ${lsp.debounceMs} ms debounce (an edit waits that long`,
    'for the next keystroke before the analysis starts); "analysis alone" is `analyse()` with every rule in the bench',
    'process on the same texts after the same edits, i.e. what the latency is made of besides JSON-RPC and the transport.',
    '',
    table(['file', 'samples', 'p50', 'p99', 'max', 'analysis alone p50', 'analysis alone p99'], rows),
    '',
    `Growth for 10× lines (p50): ${a.lines} → ${b.lines}: ${growth(a, b)}; ${b.lines} → ${c.lines}: ${growth(b, c)}.`,
    '',
    `RSS: ${mib(lsp.rss1)} with 1 document open; ${mib(lsp.rss100)} with 100 (peak ${mib(lsp.peak100)}).`,
  ].join('\n');
}

if (require.main === module) {
  void benchLsp().then(
    (r) => console.log(editorMarkdown(r)),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
