import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ensureBundles } from './bundle';
import { applyToText, codes, LspClient, pathToUri } from './lspClient';
import { makeProject, SCENARIOS, SECRET_VALUE } from './projects';

describe('language server: code actions and commands', () => {
  let client: LspClient;
  before(async () => {
    ensureBundles();
    client = await LspClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  async function openScenario(id: string, text?: string) {
    const { files } = SCENARIOS[id];
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, text ?? files.Dockerfile);
    const p = await client.waitForDiagnostics(uri, (x) => codes(x).includes(id));
    return { dir, uri, p, diag: p.diagnostics.find((d) => d.code === id)! };
  }

  function actions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  for (const id of Object.keys(SCENARIOS)) {
    test(`${id}: fix, disable, documentation, in that order; the fix clears the diagnostic`, async () => {
      const { uri, diag } = await openScenario(id);
      const list = await actions(uri, [diag], ['quickfix']);
      const titles = list.map((a) => a.title);
      const disable = titles.indexOf(`Disable ${id} for this instruction`);
      const docs = titles.indexOf(`Show documentation for ${id}`);
      assert.ok(disable > 0, `a fix comes before "Disable": ${titles}`);
      assert.equal(docs, disable + 1, `documentation right after disable: ${titles}`);
      for (const a of list) assert.equal(a.kind, 'quickfix');
      const fixes = list.slice(0, disable);
      for (const a of list.slice(0, disable + 1)) assert.deepEqual(a.diagnostics, [diag], `"${a.title}" names the diagnostic it fixes`);
      const firstSafe = fixes.findIndex((a) => a.isPreferred);
      assert.ok(fixes.filter((a) => a.isPreferred).length <= 1, 'at most one preferred fix');
      assert.ok(firstSafe <= 0 || !fixes.slice(0, firstSafe).some((a) => a.isPreferred));
      const docAction = list[docs];
      assert.equal(docAction.command?.command, 'leanDockerfile.showDocumentation');
      assert.ok(existsSync(new URL(String(docAction.command?.arguments?.[0]))));

      const v = client.applyEdit(uri, fixes[0].edit!);
      const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
      assert.ok(!p.diagnostics.some((d) => d.code === id && d.range.start.line === diag.range.start.line), `${fixes[0].title} clears ${id}: ${JSON.stringify(p.diagnostics)}`);
      client.close(uri);
    });
  }

  test('two findings of one rule: "Fix all <id> problems" after the documentation, then the file\'s fix-all', async () => {
    const one = SCENARIOS['copy-before-install'].files.Dockerfile;
    const text = one.replace('FROM node:20-slim', 'FROM node:20-slim AS test') + '\n' + one;
    const { uri } = await openScenario('copy-before-install', text);
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.filter((d) => d.code === 'copy-before-install').length === 2, { since: 0 });
    const diags = p.diagnostics.filter((d) => d.code === 'copy-before-install');
    const list = await actions(uri, diags);
    const titles = list.map((a) => a.title);
    const id = 'copy-before-install';
    const expectedTail = [`Show documentation for ${id}`, `Fix all ${id} problems`];
    const docs = titles.indexOf(expectedTail[0]);
    assert.deepEqual(titles.slice(docs, docs + 2), expectedTail, titles.join(' | '));
    assert.equal(titles.filter((t) => t === expectedTail[0]).length, 1, 'documentation offered once per rule');
    assert.equal(titles.filter((t) => t.startsWith('Disable')).length, 2, 'one disable per finding');
    const fixes = list.filter((a) => !a.kind?.startsWith('refactor'));
    assert.equal(fixes[fixes.length - 1].kind, 'source.fixAll.lean-dockerfile', 'the file\'s fix-all comes last of the fixes');
    assert.ok(list.slice(list.indexOf(fixes[fixes.length - 1]) + 1).every((a) => a.kind === 'refactor.rewrite'), 'then only the refactors');
    const fixAllId = list.find((a) => a.title === `Fix all ${id} problems`)!;
    const v = client.applyEdit(uri, fixAllId.edit!);
    const after = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(!codes(after).includes(id));
    client.close(uri);
  });

  test('"Disable" inserts our ignore comment above the instruction, keeping CRLF and indentation', async () => {
    const crlf = SCENARIOS['copy-before-install'].files.Dockerfile.replace(/\n/g, '\r\n').replace('COPY . .', '  COPY . .');
    const { uri, diag } = await openScenario('copy-before-install', crlf);
    const list = await actions(uri, [diag]);
    const disable = list.find((a) => a.title === 'Disable copy-before-install for this instruction')!;
    const v = client.applyEdit(uri, disable.edit!);
    const after = client.text(uri);
    assert.ok(after.includes('WORKDIR /app\r\n  # lean-dockerfile ignore=copy-before-install\r\n  COPY . .\r\n'), JSON.stringify(after));
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(!codes(p).includes('copy-before-install'));
    client.close(uri);
  });

  test('"Disable" extends an existing ignore comment instead of adding a second one', async () => {
    const text = SCENARIOS['copy-before-install'].files.Dockerfile.replace('COPY . .', '# lean-dockerfile ignore=some-other-rule\nCOPY . .');
    const { uri, diag } = await openScenario('copy-before-install', text);
    const list = await actions(uri, [diag]);
    const disable = list.find((a) => a.title.startsWith('Disable'))!;
    client.applyEdit(uri, disable.edit!);
    assert.ok(client.text(uri).includes('# lean-dockerfile ignore=some-other-rule,copy-before-install\nCOPY . .'));
    client.close(uri);
  });

  test('fix edits are versioned so a stale edit cannot land on newer text', async () => {
    const { uri, diag, p } = await openScenario('copy-before-install');
    const list = await actions(uri, [diag]);
    const change = list[0].edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(change.textDocument.version, p.version);
    client.close(uri);
  });

  test('code actions for diagnostics of an older version offer nothing stale', async () => {
    const { uri, diag } = await openScenario('copy-before-install');
    const v = client.change(uri, '# moved\n' + client.text(uri));
    await client.waitForDiagnostics(uri, (x) => x.version === v);
    const list = await actions(uri, [diag], ['quickfix']);
    assert.deepEqual(list.map((a) => a.title), [], 'the old range no longer names a finding');
    client.close(uri);
  });

  test('source.fixAll.lean-dockerfile applies safe fixes only (fix on save)', async () => {
    const text = SCENARIOS['copy-before-install'].files.Dockerfile;
    const { uri } = await openScenario('copy-before-install', text);
    const list = await actions(uri, [], ['source.fixAll']);
    assert.equal(list.length, 1);
    assert.equal(list[0].kind, 'source.fixAll.lean-dockerfile');
    const fixed = applyToText(text, uri, list[0].edit!);
    assert.notEqual(fixed, text);
    const v = client.applyEdit(uri, list[0].edit!);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(!codes(p).includes('copy-before-install'));
    const again = await actions(uri, [], ['source.fixAll.lean-dockerfile']);
    assert.deepEqual(again, [], 'nothing left to fix: fix-all is idempotent');
    const quick = await actions(uri, [], ['quickfix']);
    assert.ok(quick.every((a) => a.kind === 'quickfix'));
    client.close(uri);
  });

  test('fix-all leaves unsafe fixes alone unless leanDockerfile.fixOnSave.unsafe is on', async () => {
    const { uri, p } = await openScenario('single-stage-build');
    const unsafeOnly = p.diagnostics.length > 0;
    const safe = await actions(uri, [], ['source.fixAll']);
    const safeText = safe.length ? applyToText(client.text(uri), uri, safe[0].edit!) : client.text(uri);
    client.settings = { fixOnSave: { unsafe: true } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, () => true, { since: client.published.length });
    const all = await actions(uri, [], ['source.fixAll']);
    client.settings = {};
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(unsafeOnly && all.length === 1);
    const allText = applyToText(client.text(uri), uri, all[0].edit!);
    assert.notEqual(allText, safeText, 'unsafe fixes change more');
    assert.match(allText, /\bAS build\b/i);
    client.close(uri);
  });

  test('leanDockerfile.applyFixAll and leanDockerfile.splitStages apply edits through workspace/applyEdit', async () => {
    const { uri } = await openScenario('single-stage-build');
    const edited = client.waitForEvent<{ edit: Parameters<typeof applyToText>[2] }>('applyEdit', () => true);
    const result = await client.conn.sendRequest<{ applied: boolean }>('workspace/executeCommand', { command: 'leanDockerfile.splitStages', arguments: [uri] });
    assert.equal(result.applied, true);
    const split = applyToText(client.text(uri), uri, (await edited).edit);
    assert.match(split, /^FROM golang:1\.22 AS build/m);
    assert.equal((split.match(/^FROM /gm) ?? []).length, 2, 'a build stage and a runtime stage');
    const v = client.change(uri, split);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(!codes(p).includes('single-stage-build'), JSON.stringify(p.diagnostics));

    const r2 = await client.conn.sendRequest<{ applied: boolean }>('workspace/executeCommand', { command: 'leanDockerfile.splitStages', arguments: [uri] });
    assert.equal(r2.applied, false, 'nothing left to split');
    client.close(uri);

    const root = await openScenario('copy-before-install');
    const fixed = client.waitForEvent<{ edit: Parameters<typeof applyToText>[2] }>('applyEdit', () => true);
    const r3 = await client.conn.sendRequest<{ applied: boolean }>('workspace/executeCommand', { command: 'leanDockerfile.applyFixAll', arguments: [root.uri, false] });
    assert.equal(r3.applied, true);
    const text = applyToText(client.text(root.uri), root.uri, (await fixed).edit);
    assert.ok(text.indexOf('package.json') < text.indexOf('COPY . .'));
    client.close(root.uri);
  });

  test('hover on a finding names the rule and its fixes, never a secret value', async () => {
    const { uri, diag } = await openScenario('secret-in-build-arg');
    const hover = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diag.range.start });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /secret-in-build-arg/);
    assert.ok(!value.includes(SECRET_VALUE));
    // `/app` of `WORKDIR /app`: no finding, no image, no instruction docs.
    const nothing = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 9 } });
    assert.equal(nothing, null);
    client.close(uri);
  });

  test('fixes that create files become CreateFile + TextDocumentEdit, and are left out for clients that cannot create', async () => {
    const dir = makeProject({ 'package.json': '{"name":"x"}\n', 'package-lock.json': '{}\n' });
    const uri = pathToUri(join(dir, 'Dockerfile'));
    const text = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "index.js"]\n';
    client.open(uri, text);
    const p: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    const all = await actions(uri, p.diagnostics);
    const creating = all.filter((a) => a.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'));
    for (const a of creating) {
      const create = a.edit!.documentChanges!.find((c) => 'kind' in c && c.kind === 'create') as { uri: string };
      const idx = a.edit!.documentChanges!.indexOf(create as never);
      const next = a.edit!.documentChanges![idx + 1] as { textDocument: { uri: string; version: null } };
      assert.equal(next.textDocument.uri, create.uri);
      assert.equal(next.textDocument.version, null);
      assert.ok(!existsSync(new URL(create.uri)), 'only files that do not exist are created');
    }
    client.close(uri);
    const plain = await LspClient.start({ capabilities: { workspace: { configuration: true } } });
    try {
      plain.open(uri, text);
      const q = await plain.waitForDiagnostics(uri, (x) => x.version === 1);
      const list: CodeAction[] = await plain.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: q.diagnostics[0].range, context: { diagnostics: q.diagnostics } });
      for (const a of list) {
        if (a.edit) assert.ok(!a.edit.documentChanges && a.edit.changes, 'plain `changes` for clients without documentChanges');
      }
      assert.ok(list.some((a) => a.title.startsWith('Disable')));
    } finally {
      await plain.stop();
    }
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), '{"name":"x"}\n');
  });

  test('our VS Code client registers the palette commands itself: the server then advertises none', async () => {
    const c = await LspClient.start({ initializationOptions: { clientCommands: true } });
    try {
      assert.deepEqual(c.initializeResult.capabilities.executeCommandProvider?.commands, []);
    } finally {
      assert.equal(await c.stop(), 0);
    }
  });
});
