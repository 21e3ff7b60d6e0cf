import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ApplyWorkspaceEditParams, ClientCapabilities, CodeAction, CodeLens, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cli } from '../cli/run';
import { ensureBundles } from './bundle';
import { applyToText, CAPABILITIES, codes, LspClient, pathToUri } from './lspClient';
import { makeProject, SEED_FILES } from './projects';

const PREVIEW_CAPABILITIES: ClientCapabilities = {
  ...CAPABILITIES,
  workspace: {
    ...CAPABILITIES.workspace,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: { groupsOnLabel: true } },
  },
  textDocument: {
    ...CAPABILITIES.textDocument,
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'refactor'] } } },
  },
};

/** Writes what a WorkspaceEdit does to files other than the Dockerfile (created .dockerignore…). */
function materialise(edit: WorkspaceEdit, except: string): void {
  for (const c of edit.documentChanges ?? []) {
    if ('kind' in c) {
      if (c.kind === 'create') writeFileSync(fileURLToPath(c.uri), '', { flag: 'a' });
      continue;
    }
    const tde = c as TextDocumentEdit;
    if (tde.textDocument.uri === except) continue;
    const path = fileURLToPath(tde.textDocument.uri);
    const doc = TextDocument.create(tde.textDocument.uri, 'ignore', 0, readFileSync(path, 'utf8'));
    writeFileSync(path, TextDocument.applyEdits(doc, tde.edits as { range: TextEdit['range']; newText: string }[]));
  }
}

/** The lines of the final stage. */
const finalStage = (text: string) => text.slice(text.lastIndexOf('\nFROM ') + 1).split(/\r?\n/);

describe('language server: palette refactors (previewed WorkspaceEdits) and refactor.rewrite actions', () => {
  let client: LspClient;
  before(async () => {
    ensureBundles();
    client = await LspClient.start({ capabilities: PREVIEW_CAPABILITIES });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  async function openSeed(text = SEED_FILES.Dockerfile) {
    const dir = makeProject(SEED_FILES);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, text);
    await client.waitForDiagnostics(uri, (x) => x.version === 1);
    return { dir, uri };
  }

  /** Runs a palette command; the server applies its edit (if any) before it answers. */
  async function run(command: string, uri: string): Promise<{ applied: boolean; message: string; edit?: ApplyWorkspaceEditParams }> {
    const before = client.applied.length;
    const r = await client.conn.sendRequest<{ applied: boolean; message: string }>('workspace/executeCommand', { command, arguments: [uri] });
    return { ...r, edit: client.applied[before] };
  }

  async function refactorTitles(uri: string): Promise<string[]> {
    const list = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    for (const a of list) {
      assert.equal(a.kind, 'refactor.rewrite');
      assert.deepEqual(a.command?.arguments, [uri]);
    }
    return list.map((a) => a.title);
  }

  async function applyAndSettle(uri: string, edit: WorkspaceEdit) {
    const v = client.applyEdit(uri, edit);
    return client.waitForDiagnostics(uri, (x) => x.version === v);
  }

  test('"Make production-ready" turns the seed into a lean multi-stage file in one previewed edit, as the CLI does', async () => {
    const { dir, uri } = await openSeed();
    assert.deepEqual(await refactorTitles(uri), ['Make production-ready', 'Add cache mounts', 'Move secrets to secret mounts', 'Run as non-root']);
    const r = await run('leanDockerfile.makeProductionReady', uri);
    assert.equal(r.applied, true);
    const { label, edit } = r.edit!;
    assert.equal(label, 'Make production-ready');
    const annotation = edit.changeAnnotations?.['lean-dockerfile.refactor'];
    assert.equal(annotation?.needsConfirmation, true, 'the client shows a preview first');
    assert.equal(annotation?.label, 'Make production-ready');
    const changes = edit.documentChanges!;
    for (const c of changes) {
      if ('kind' in c) assert.equal(c.annotationId, 'lean-dockerfile.refactor');
      else for (const e of (c as TextDocumentEdit).edits) assert.equal((e as { annotationId?: string }).annotationId, 'lean-dockerfile.refactor');
    }
    const own = changes.find((c) => 'textDocument' in c && c.textDocument.uri === uri) as TextDocumentEdit;
    assert.equal(own.textDocument.version, 1);
    assert.ok(own.edits.length > 1, 'a few line-range edits, not one whole-file replacement');
    for (const e of own.edits) assert.equal(e.range.start.character, 0, 'edits start at a line start');
    const create = changes.find((c) => 'kind' in c && c.kind === 'create') as { uri: string };
    assert.ok(create.uri.endsWith('/.dockerignore'));

    const text = applyToText(SEED_FILES.Dockerfile, uri, edit);
    assert.equal((text.match(/^FROM /gm) ?? []).length, 2, text);
    assert.match(text, /^FROM node:20 AS build$/m);
    const runtime = finalStage(text);
    assert.match(runtime[0], /^FROM node:20-slim$/, 'a slim runtime base');
    assert.ok(text.indexOf('COPY package.json package-lock.json ./') < text.indexOf('COPY . .'), 'lockfile-first COPY');
    assert.match(text, /--mount=type=cache,target=\/root\/\.npm/);
    assert.match(text, /--mount=type=secret,id=npm-token,env=NPM_TOKEN/);
    assert.doesNotMatch(text, /^ARG NPM_TOKEN/m, 'the token is no build argument any more');
    assert.equal(runtime.filter((l) => l.startsWith('USER ')).pop(), 'USER node', 'the runtime stage runs as node');
    assert.ok(runtime.includes('COPY --from=build /app/dist /app/dist'));
    for (const kept of ['EXPOSE 3000', 'CMD ["node", "dist/server.js"]']) assert.ok(runtime.includes(kept), kept);

    materialise(edit, uri);
    const ignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
    assert.match(ignore, /^\.git$/m);
    assert.match(ignore, /node_modules$/m);
    const p = await applyAndSettle(uri, edit);
    assert.deepEqual(codes(p), [], 'nothing left to find');
    assert.deepEqual(await refactorTitles(uri), [], 'no refactor offered when it would change nothing');
    const again = await run('leanDockerfile.makeProductionReady', uri);
    assert.equal(again.applied, false);
    assert.equal(again.edit, undefined);

    const cliDir = makeProject(SEED_FILES);
    const out = cli(cliDir, ['check', '--fix', '--unsafe-fixes', 'Dockerfile']);
    assert.ok(out.status !== null && out.status <= 1, out.stderr);
    assert.equal(readFileSync(join(cliDir, 'Dockerfile'), 'utf8'), text, 'the CLI writes the same Dockerfile');
    assert.equal(readFileSync(join(cliDir, '.dockerignore'), 'utf8'), ignore, 'and the same .dockerignore');
    client.close(uri);
  });

  test('the single refactors, one after another: secrets, then the split they unblock, cache mounts, non-root', async () => {
    const { uri } = await openSeed();
    const blocked = await run('leanDockerfile.splitStages', uri);
    assert.equal(blocked.applied, false);
    assert.match(blocked.message, /No automatic split/, 'says why nothing was split');

    const secrets = await run('leanDockerfile.moveSecretsToMounts', uri);
    assert.equal(secrets.edit?.label, 'Move secrets to secret mounts');
    let text = applyToText(client.text(uri), uri, secrets.edit!.edit);
    assert.match(text, /--mount=type=secret,id=npm-token/);
    assert.doesNotMatch(text, /ARG NPM_TOKEN|type=cache|^USER/m, 'only the secrets changed');
    await applyAndSettle(uri, secrets.edit!.edit);
    assert.ok((await refactorTitles(uri)).includes('Split into build and runtime stages'));

    const split = await run('leanDockerfile.splitStages', uri);
    text = applyToText(client.text(uri), uri, split.edit!.edit);
    assert.equal((text.match(/^FROM /gm) ?? []).length, 2);
    assert.doesNotMatch(text, /type=cache/);
    await applyAndSettle(uri, split.edit!.edit);

    const cache = await run('leanDockerfile.addCacheMounts', uri);
    text = applyToText(client.text(uri), uri, cache.edit!.edit);
    assert.equal((text.match(/--mount=type=cache,target=\/root\/\.npm/g) ?? []).length, 2, 'both npm ci runs');
    const p = await applyAndSettle(uri, cache.edit!.edit);

    const nonRoot = await run('leanDockerfile.runAsNonRoot', uri);
    if (codes(p).includes('root-user')) {
      text = applyToText(client.text(uri), uri, nonRoot.edit!.edit);
      await applyAndSettle(uri, nonRoot.edit!.edit);
    } else {
      assert.equal(nonRoot.applied, false, 'nothing to do when the split already set a user');
    }
    assert.equal(finalStage(client.text(uri)).filter((l) => l.startsWith('USER ')).pop(), 'USER node');
    client.close(uri);
  });

  test('CRLF survives a refactor; clients without change annotations get the same edit, unannotated', async () => {
    const crlf = SEED_FILES.Dockerfile.replace(/\n/g, '\r\n');
    const { uri } = await openSeed(crlf);
    const r = await run('leanDockerfile.moveSecretsToMounts', uri);
    const text = applyToText(crlf, uri, r.edit!.edit);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'every line ends in CRLF');
    client.close(uri);

    const plain = await LspClient.start();
    try {
      plain.open(uri, crlf);
      await plain.waitForDiagnostics(uri, (x) => x.version === 1);
      const before = plain.applied.length;
      await plain.conn.sendRequest('workspace/executeCommand', { command: 'leanDockerfile.moveSecretsToMounts', arguments: [uri] });
      const edit = plain.applied[before].edit;
      assert.equal(edit.changeAnnotations, undefined);
      assert.equal(applyToText(crlf, uri, edit), text);
    } finally {
      assert.equal(await plain.stop(), 0);
    }
  });

  test('the lens and the refactors never name the secret value of an ARG default', async () => {
    const secret = 'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const { uri } = await openSeed(SEED_FILES.Dockerfile.replace('ARG NPM_TOKEN', `ARG NPM_TOKEN=${secret}`));
    const lenses = await client.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const r = await run('leanDockerfile.makeProductionReady', uri);
    assert.ok(r.applied);
    const shown = JSON.stringify([lenses, r.message, r.edit?.label, r.edit?.edit.changeAnnotations, client.messages, client.logs]);
    assert.ok(!shown.includes(secret));
    assert.ok(!applyToText(client.text(uri), uri, r.edit!.edit).includes(secret), 'the fix takes the literal out');
    client.close(uri);
  });
});
