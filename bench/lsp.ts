// Editor-side benchmarks against the bundled server (dist/server.js over stdio): didChange →
// publishDiagnostics latency on 100-, 1,000- and 10,000-line files, start-up time, RSS with 1 and 100 docs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEBOUNCE_MS } from '../server/src/lsp/server';
import { readDockerhub, PROJECT_ROOT } from '../test/corpus/corpusFiles';
import { LspClient } from './lspClient';
import { median, quantile } from './stats';

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
  p50: number;
  p99: number;
  max: number;
}

async function latency(client: LspClient, lines: number, samples: number): Promise<LatencyResult> {
  const uri = `file:///bench/latency-${lines}/Dockerfile`;
  const text = syntheticDockerfile(lines);
  const commentLine = text.split('\n').findIndex((l, i) => i > lines / 2 && l.startsWith('# a comment'));
  const line = commentLine > 0 ? commentLine : 1;
  let version = 1;
  const opened = client.diagnosticsFor(uri, version);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
  await opened;
  const times: number[] = [];
  const col = text.split('\n')[line].length;
  for (let s = 0; s < samples; s++) {
    version++;
    const change = s % 2 === 0
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }
      : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
    const got = client.diagnosticsFor(uri, version);
    const t0 = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    times.push(performance.now() - t0 - DEBOUNCE_MS);
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return { lines, samples, p50: median(times), p99: quantile(times, 0.99), max: Math.max(...times) };
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
