import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver/node';
import { ensureBundles } from './bundle';
import { applyToText, CAPABILITIES, LspClient, pathToUri } from './lspClient';
import { makeProject, SEED_FILES } from './projects';

describe('language server: the final-image CodeLens', () => {
  let client: LspClient;
  before(async () => {
    ensureBundles();
    client = await LspClient.start({ capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, codeLens: { refreshSupport: true } } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  async function open(files: Record<string, string>, text = files.Dockerfile) {
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, text);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    return { uri, p };
  }

  const lenses = (uri: string) => client.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

  test('above the final FROM: base, user, the number of findings, and a Fix all command for this file', async () => {
    const { uri, p } = await open(SEED_FILES);
    const ours = p.diagnostics.filter((d) => d.source === 'lean-dockerfile').length;
    assert.ok(ours >= 5);
    const [lens, ...rest] = await lenses(uri);
    assert.deepEqual(rest, []);
    assert.deepEqual(lens.range.start, { line: 0, character: 0 });
    assert.equal(lens.command?.title, `Final image: node:20 · runs as root · ${ours} findings — Fix all`);
    assert.equal(lens.command?.command, 'leanDockerfile.fixAll');
    assert.deepEqual(lens.command?.arguments, [uri]);

    const before = client.applied.length;
    const r = await client.conn.sendRequest<{ applied: boolean }>('workspace/executeCommand', { command: lens.command!.command, arguments: lens.command!.arguments });
    assert.equal(r.applied, true, 'the lens runs fix-all');
    const fixed = applyToText(client.text(uri), uri, client.applied[before].edit);
    assert.ok(fixed.indexOf('COPY package.json') < fixed.indexOf('COPY . .'), 'safe fixes applied');
    client.close(uri);
  });

  test('the user comes from USER (through FROM <stage>), else from what the base image is known to run as', async () => {
    const cases: [string, RegExp, number][] = [
      ['FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n', /^Final image: gcr\.io\/distroless\/static-debian12:nonroot · runs as nonroot · /, 3],
      ['FROM node:20-slim AS base\nUSER node\n\nFROM base\nCMD ["node", "x.js"]\n', /^Final image: node:20-slim · runs as node · /, 3],
      ['FROM alpine:3.20\nUSER 10001:10001\nCMD ["sh"]\n', /^Final image: alpine:3\.20 · runs as 10001:10001 · /, 0],
      ['FROM debian:bookworm-slim\nCMD ["bash"]\n', /^Final image: debian:bookworm-slim · runs as root · 1 finding — Fix all$/, 0],
    ];
    for (const [text, title, line] of cases) {
      const { uri } = await open({ Dockerfile: text, '.dockerignore': '.git\n' });
      const [lens] = await lenses(uri);
      assert.match(lens.command!.title, title);
      assert.equal(lens.range.start.line, line);
      client.close(uri);
    }
  });

  test('a clean file says so and runs nothing; the client is asked to refresh when the findings change', async () => {
    const clean = 'FROM node:20-slim\nWORKDIR /app\nCOPY index.js ./\nUSER node\nCMD ["node", "index.js"]\n';
    const { uri } = await open({ Dockerfile: clean, 'index.js': '1\n', '.dockerignore': '.git\n' });
    const [lens] = await lenses(uri);
    assert.equal(lens.command?.title, 'Final image: node:20-slim · runs as node · no findings');
    assert.equal(lens.command?.command, '');

    const refreshed = client.waitForEvent('codeLensRefresh', () => true);
    const v = client.change(uri, clean.replace('USER node\n', ''));
    await client.waitForDiagnostics(uri, (x) => x.version === v);
    await refreshed;
    const [after] = await lenses(uri);
    assert.equal(after.command?.title, 'Final image: node:20-slim · runs as root · 1 finding — Fix all');

    const count = client.lensRefreshes;
    const v2 = client.change(uri, client.text(uri) + '# a comment changes no finding\n');
    await client.waitForDiagnostics(uri, (x) => x.version === v2);
    await lenses(uri); // a round trip: a refresh sent after that publish would have arrived before this answer
    assert.equal(client.lensRefreshes, count, 'no refresh when the lens would read the same');
    client.close(uri);
  });
});
