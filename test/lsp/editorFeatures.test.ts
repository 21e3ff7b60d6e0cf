import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { ClientCapabilities, CompletionItem, Hover, ServerCapabilities, TextEdit } from 'vscode-languageserver/node';
import { ensureBundles } from './bundle';
import { applyToText, CAPABILITIES, LspClient, pathToUri } from './lspClient';
import { makeProject } from './projects';

const EDITOR_PROVIDERS: (keyof ServerCapabilities)[] = [
  'completionProvider', 'signatureHelpProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider',
  'documentOnTypeFormattingProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'renameProvider',
  'documentHighlightProvider', 'documentLinkProvider', 'definitionProvider', 'semanticTokensProvider',
];
const TEXT = 'FROM node:20 AS build\nworkdir /app\nRUN npm ci\n\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER node\nCMD ["node", "app.js"]\n';
const SECRET = 'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

/** Hover text at a position, '' when none. */
async function hoverText(c: LspClient, uri: string, line: number, character: number): Promise<string> {
  const h = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return h ? (h.contents as { value: string }).value : '';
}

async function openFile(c: LspClient, text = TEXT) {
  const dir = makeProject({ '.dockerignore': '.git\n' });
  const uri = pathToUri(join(dir, 'Dockerfile'));
  c.open(uri, text);
  const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
  return { uri, p };
}

async function withClient<T>(initializationOptions: unknown, run: (c: LspClient) => Promise<T>, capabilities?: ClientCapabilities): Promise<T> {
  const c = await LspClient.start({ initializationOptions, capabilities });
  try {
    return await run(c);
  } finally {
    assert.equal(await c.stop(), 0);
  }
}

describe('language server: editor features (dockerfile-language-service) and leanDockerfile.editorFeatures', () => {
  before(() => ensureBundles());

  test('a Docker extension present ("auto"): no completion, formatting, symbols… and no syntax diagnostics; our hover stays', async () => {
    await withClient({ clientCommands: true, editorFeatures: 'auto', dockerExtensions: ['docker.docker'] }, async (c) => {
      const caps = c.initializeResult.capabilities;
      for (const k of EDITOR_PROVIDERS) assert.equal(caps[k], undefined, `${k} is left to the Docker extension`);
      assert.equal(caps.hoverProvider, true, 'our hover (findings, image variants) is always on');
      const { uri, p } = await openFile(c);
      assert.deepEqual(p.diagnostics.filter((d) => d.source !== 'lean-dockerfile'), [], 'no syntax diagnostics twice');
      assert.equal(await hoverText(c, uri, 0, 1), '', 'no instruction docs on FROM: the Docker extension shows them');
      const image = await hoverText(c, uri, 4, 8);
      assert.match(image, /\| `\d+-slim`|slim/, 'the image variants are ours');
      assert.doesNotMatch(image, /Set the `baseImage`/);
      const items = await c.conn.sendRequest<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
      assert.ok(!items || !items.length, 'completion answers nothing even if asked');
    });
  });

  for (const id of ['ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers']) {
    test(`${id} counts as a Docker extension too`, async () => {
      await withClient({ dockerExtensions: [id] }, async (c) => assert.equal(c.initializeResult.capabilities.completionProvider, undefined));
    });
  }

  test('no Docker extension ("auto", or no options at all): every feature is declared and answers', async () => {
    for (const options of [{ editorFeatures: 'auto', dockerExtensions: [] }, undefined]) {
      await withClient(options, async (c) => {
        const caps = c.initializeResult.capabilities;
        for (const k of EDITOR_PROVIDERS) assert.ok(caps[k], `${k} declared`);
      });
    }
    await withClient({ editorFeatures: 'auto', dockerExtensions: [] }, async (c) => {
      const { uri, p } = await openFile(c);
      const syntax = p.diagnostics.filter((d) => d.source === 'dockerfile-utils');
      assert.equal(syntax.length, 1, JSON.stringify(p.diagnostics));
      assert.match(String(syntax[0].message), /uppercase/);
      assert.deepEqual(syntax[0].range.start, { line: 1, character: 0 });

      const items = await c.conn.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
      const labels = items.map((i) => i.label);
      for (const k of ['RUN', 'COPY', 'USER']) assert.ok(labels.some((l) => l.startsWith(k)), `${k} in ${labels.join(',')}`);

      const from = await hoverText(c, uri, 0, 1);
      assert.match(from, /baseImage/, 'instruction docs from the service');
      const image = await hoverText(c, uri, 0, 7);
      assert.equal((image.match(/\| variant \| size \| trade-off \|/g) ?? []).length, 1, 'the variants table once');

      const options = { tabSize: 4, insertSpaces: true };
      const messy = await openFile(c, 'FROM node:20\n   RUN npm ci \\\nnpm test\n');
      const formatted = await c.conn.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri: messy.uri }, options });
      const format = (edits: TextEdit[]) => applyToText(c.text(messy.uri), messy.uri, { changes: { [messy.uri]: edits } });
      assert.equal(format(formatted), 'FROM node:20\nRUN npm ci \\\n    npm test\n');
      const ranged = await c.conn.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
        textDocument: { uri: messy.uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, options,
      });
      assert.equal(format(ranged), 'FROM node:20\nRUN npm ci \\\nnpm test\n', 'only the range');
      const typed = await c.conn.sendRequest<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 1, character: 12 }, ch: '\\', options });
      assert.ok(Array.isArray(typed));
      const symbols = await c.conn.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.some((s) => s.name === 'FROM'), JSON.stringify(symbols));
      const folds = await c.conn.sendRequest<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(Array.isArray(folds));
      const tokens = await c.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.ok(tokens.data.length > 0);
      const rename = await c.conn.sendRequest<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', {
        textDocument: { uri }, position: { line: 0, character: 17 }, newName: 'builder',
      });
      assert.equal(rename.changes[uri].length, 2, 'the stage name and its COPY --from');
      const fixes = await c.conn.sendRequest<{ title: string; edit: { documentChanges: { edits: TextEdit[] }[] } }[]>('textDocument/codeAction', {
        textDocument: { uri }, range: syntax[0].range, context: { diagnostics: syntax, only: ['quickfix'] },
      });
      const upper = fixes.find((f) => /uppercase/i.test(f.title));
      assert.ok(upper, fixes.map((f) => f.title).join(' | '));
      assert.equal(upper.edit.documentChanges[0].edits[0].newText, 'WORKDIR');
    });
  });

  test('large files: semantic tokens above 4 KB and the other service features above 64 KB are left out (they grow too slow)', async () => {
    await withClient(undefined, async (c) => {
      const medium = 'FROM node:20\nworkdir /app\n' + 'RUN echo "$HOME"\n'.repeat(300);
      const { uri, p } = await openFile(c, medium);
      assert.ok(p.diagnostics.some((d) => d.source === 'dockerfile-utils'), 'validated at 5 KB');
      const tokens = await c.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.deepEqual(tokens.data, [], 'no semantic tokens: the grammar colours it');
      const large = await openFile(c, 'FROM node:20\nworkdir /app\n' + '# padding padding padding padding padding padding padding\n'.repeat(1300));
      assert.ok(large.p.diagnostics.every((d) => d.source === 'lean-dockerfile'), 'not validated at 70 KB');
      const symbols = await c.conn.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: large.uri } });
      assert.deepEqual(symbols, []);
    });
  });

  test('"on" wins over a Docker extension; "off" turns the features off without one', async () => {
    await withClient({ editorFeatures: 'on', dockerExtensions: ['docker.docker'] }, async (c) => assert.ok(c.initializeResult.capabilities.completionProvider));
    await withClient({ editorFeatures: 'off' }, async (c) => {
      assert.equal(c.initializeResult.capabilities.documentFormattingProvider, undefined);
      const { p } = await openFile(c);
      assert.ok(p.diagnostics.every((d) => d.source === 'lean-dockerfile'));
    });
  });

  test('dynamic registration: installing or removing a Docker extension turns the features off and on live', async () => {
    const capabilities: ClientCapabilities = {
      ...CAPABILITIES,
      textDocument: {
        ...CAPABILITIES.textDocument,
        completion: { dynamicRegistration: true },
        formatting: { dynamicRegistration: true },
        documentSymbol: { dynamicRegistration: true },
        semanticTokens: { dynamicRegistration: true, requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
      },
    };
    await withClient(
      { editorFeatures: 'auto', dockerExtensions: [] },
      async (c) => {
        const caps = c.initializeResult.capabilities;
        assert.equal(caps.completionProvider, undefined, 'registered dynamically, not declared');
        assert.ok(caps.foldingRangeProvider, 'declared statically where the client cannot register it');
        const ours = () => c.registrations.filter((r) => r.methods.includes('textDocument/completion'));
        const first = ours()[0] ?? (await c.waitForEvent<{ kind: string; methods: string[] }>('registration', (r) => r.methods.includes('textDocument/completion')));
        assert.deepEqual(first.methods.sort(), ['textDocument/completion', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/semanticTokens']);

        const { uri } = await openFile(c);
        const off = c.waitForEvent<{ kind: string }>('registration', (r) => r.kind === 'unregister');
        const republished = c.waitForDiagnostics(uri, (x) => x.diagnostics.every((d) => d.source === 'lean-dockerfile'), { since: c.published.length });
        void c.conn.sendNotification('leanDockerfile/editorFeatures', { editorFeatures: 'auto', dockerExtensions: ['docker.docker'] });
        await off;
        await republished;
        assert.equal(await hoverText(c, uri, 0, 1), '', 'the service hover is gone too');

        const on = c.waitForEvent<{ kind: string; methods: string[] }>('registration', (r) => r.kind === 'register' && r.methods.includes('textDocument/completion'));
        const syntaxBack = c.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.source === 'dockerfile-utils'), { since: c.published.length });
        void c.conn.sendNotification('leanDockerfile/editorFeatures', { editorFeatures: 'auto', dockerExtensions: [] });
        assert.ok((await on).methods.includes('textDocument/completion'));
        await syntaxBack;
        assert.deepEqual(ours().map((r) => r.kind), ['register', 'unregister', 'register'], 'no duplicate registrations');
      },
      capabilities,
    );
  });

  test('credential values never come out of the service: hover and completion documentation are hidden', async () => {
    await withClient(undefined, async (c) => {
      const text = `FROM node:20-slim\nARG NPM_TOKEN=${SECRET}\nENV DB_PASSWORD=hunter2hunter2\nENV APP_PORT=8080\nRUN echo \${NPM_TOKEN} $DB_PASSWORD $APP_PORT\nRUN echo $\n`;
      const { uri } = await openFile(c, text);
      const shown: string[] = [];
      for (const [line, character] of [[1, 6], [4, 12], [2, 6], [4, 25]]) shown.push(await hoverText(c, uri, line, character));
      for (const h of shown) {
        assert.ok(!h.includes(SECRET) && !h.includes('hunter2'), h);
      }
      assert.match(shown[1], /hidden/);
      assert.match(await hoverText(c, uri, 4, 38), /8080/, 'an ordinary value still shows');
      const items = await c.conn.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 10 } });
      assert.ok(items.some((i) => i.label === '${NPM_TOKEN}'), items.map((i) => i.label).join(','));
      const doc = (label: string) => JSON.stringify(items.find((i) => i.label === label)?.documentation);
      assert.match(doc('${NPM_TOKEN}'), /hidden/);
      assert.match(doc('${DB_PASSWORD}'), /hidden/);
      assert.match(doc('${APP_PORT}'), /8080/);
      const all = JSON.stringify(items);
      assert.ok(!all.includes(SECRET) && !all.includes('hunter2'), 'no credential in completion documentation');
    });
  });
});
