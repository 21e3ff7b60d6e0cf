import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ensureBundles, SERVER } from './bundle';
import { codes, LspClient, pathToUri } from './lspClient';
import { makeProject, SCENARIOS, SECRET_VALUE } from './projects';

describe('language server: diagnostics', () => {
  let client: LspClient;
  before(async () => {
    ensureBundles();
    client = await LspClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits with 0 after shutdown + exit');
  });

  test('initialize advertises incremental sync, quick fixes, fix-all, refactors, CodeLens and the commands', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal((caps.textDocumentSync as { change: number }).change, 2);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.lean-dockerfile', 'refactor.rewrite']);
    assert.ok(caps.codeLensProvider);
    const commands = caps.executeCommandProvider!.commands;
    const palette = ['makeProductionReady', 'splitStages', 'addCacheMounts', 'moveSecretsToMounts', 'runAsNonRoot', 'fixAll'];
    for (const c of ['leanDockerfile.applyFixAll', ...palette.map((p) => `leanDockerfile.${p}`)]) assert.ok(commands.includes(c), c);
    assert.equal(client.initializeResult.serverInfo?.name, 'lean-dockerfile');
  });

  for (const [id, scenario] of Object.entries(SCENARIOS)) {
    test(`${id}: published on open with code, source, severity, doc link and a precise range`, async () => {
      const dir = makeProject(scenario.files);
      const uri = pathToUri(join(dir, 'Dockerfile'));
      const text = scenario.files.Dockerfile;
      client.open(uri, text);
      const p = await client.waitForDiagnostics(uri, (x) => codes(x).includes(id));
      assert.equal(p.version, 1);
      const d = p.diagnostics.find((x) => x.code === id)!;
      assert.equal(d.source, 'lean-dockerfile');
      assert.ok(d.severity! >= 1 && d.severity! <= 4);
      assert.equal(d.range.start.line, scenario.line, `${id} is reported on line ${scenario.line + 1}`);
      const line = text.split('\n')[d.range.start.line];
      assert.ok(d.range.end.line > d.range.start.line || d.range.end.character > d.range.start.character, 'non-empty range');
      assert.ok(d.range.end.line > d.range.start.line || d.range.end.character <= line.length, 'range inside the line');
      assert.ok(!(d.range.start.character === 0 && d.range.end.character === line.length && d.range.end.line === d.range.start.line && /\s/.test(line.trim())),
        'not the whole line by habit');
      const href = d.codeDescription?.href;
      assert.ok(href?.startsWith('file:') && href.endsWith(`/docs/${id}.md`), `doc link: ${href}`);
      assert.match(readFileSync(fileURLToPath(href!), 'utf8'), new RegExp(`^# ${id}`));
      for (const x of p.diagnostics) assert.ok(!String(x.message).includes(SECRET_VALUE), 'no secret value in messages');
      client.close(uri);
      const cleared = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length === 0);
      assert.deepEqual(cleared.diagnostics, []);
    });
  }

  test('rapid changes: only the latest version is published, never a stale one', async () => {
    const { files } = SCENARIOS['copy-before-install'];
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, files.Dockerfile);
    await client.waitForDiagnostics(uri, (x) => x.version === 1);
    const since = client.published.length;
    let last = 1;
    for (let i = 0; i < 25; i++) last = client.change(uri, files.Dockerfile + `# edit ${i}\n`.repeat(i + 1));
    const final = await client.waitForDiagnostics(uri, (x) => x.version === last);
    assert.ok(codes(final).includes('copy-before-install'));
    const versions = client.published.slice(since).filter((x) => x.uri === uri).map((x) => x.version!);
    assert.equal(versions[versions.length - 1], last);
    assert.ok(versions.every((v, i) => i === 0 || v > versions[i - 1]), `versions only grow: ${versions}`);
    assert.ok(versions.length < 5, `debounced: ${versions.length} publishes for 25 changes`);
    client.close(uri);
  });

  test('a change while the analysis waits for settings: the old version is never published', async () => {
    const { files } = SCENARIOS['copy-before-install'];
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    let release!: () => void;
    client.configGate = new Promise<void>((r) => (release = r));
    const asked = client.waitForEvent('configuration', () => true);
    const since = client.published.length;
    client.open(uri, files.Dockerfile);
    await asked;
    const v2 = client.change(uri, '# edited while the server waited\n' + files.Dockerfile);
    release();
    client.configGate = undefined;
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v2);
    const d = p.diagnostics.find((x) => x.code === 'copy-before-install');
    assert.equal(d?.range.start.line, 3, 'the range is that of version 2');
    const versions = client.published.slice(since).filter((x) => x.uri === uri).map((x) => x.version);
    assert.ok(!versions.includes(1), `version 1 was never published: ${versions}`);
    client.close(uri);
  });

  test('an edit that fixes the problem clears its diagnostic', async () => {
    const { files } = SCENARIOS['copy-before-install'];
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, files.Dockerfile);
    await client.waitForDiagnostics(uri, (x) => codes(x).includes('copy-before-install'));
    const v = client.change(uri, files.Dockerfile.replace('COPY . .\nRUN npm ci --omit=dev\n', 'COPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n'));
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(!codes(p).includes('copy-before-install'));
    client.close(uri);
  });

  test('untitled documents are analysed with an empty build context', async () => {
    const uri = 'untitled:Untitled-1';
    client.open(uri, SCENARIOS['root-user'].files.Dockerfile);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.ok(codes(p).includes('root-user'));
    client.close(uri);
  });

  test('documents over 2 MB are skipped with one info diagnostic', async () => {
    const uri = 'untitled:Huge';
    client.open(uri, 'FROM debian\n' + `RUN echo ${'x'.repeat(100)}\n`.repeat(22000));
    const p = await client.waitForDiagnostics(uri);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].severity, 3);
    assert.match(String(p.diagnostics[0].message), /larger than 2 MB/);
    client.close(uri);
  });

  test('bad input never crashes the server', async () => {
    const uri = 'untitled:Garbage';
    const garbage = ['', '\uFEFF', 'FROM', 'RUN <<EOF\n', 'COPY --from= . .', '\u0000\u0001\r\r\n\\\n', 'FROM a AS\nUSER\nARG =\nENV\n'];
    client.open(uri, garbage[0]);
    let v = 1;
    for (const g of garbage.slice(1)) v = client.change(uri, g);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v);
    assert.ok(Array.isArray(p.diagnostics));
    client.close(uri);
  });

  test('the project file .lean-dockerfile.yaml applies, and its mistakes are diagnosed where they are', async () => {
    const { files } = SCENARIOS['root-user'];
    const dir = makeProject({ ...files, '.lean-dockerfile.yaml': 'rules:\n  root-user: off\n' });
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, files.Dockerfile);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.ok(!codes(p).includes('root-user'), 'turned off by the project file');
    client.close(uri);

    const cfgUri = pathToUri(join(dir, '.lean-dockerfile.yaml'));
    client.open(cfgUri, 'rules:\n  root-user: loud\ncolour: red\n', 1, 'yaml');
    const c = await client.waitForDiagnostics(cfgUri);
    const messages = c.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
    assert.equal(c.diagnostics.length, 2, messages.join('\n'));
    assert.match(messages[0], /^1:13 .*root-user.*off, error, warning, info, hint/);
    assert.match(messages[1], /^2:0 Unknown key 'colour'/);
    client.close(cfgUri);
  });

  test('a changed project file is picked up (watched files)', async () => {
    const { files } = SCENARIOS['root-user'];
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.open(uri, files.Dockerfile);
    await client.waitForDiagnostics(uri, (x) => codes(x).includes('root-user'));
    writeFileSync(join(dir, '.lean-dockerfile.yaml'), 'rules:\n  root-user: error\n');
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(join(dir, '.lean-dockerfile.yaml')), type: 1 }] });
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'root-user' && d.severity === 1));
    assert.ok(p);
    client.close(uri);
  });

  test('settings are read per resource and refreshed on didChangeConfiguration', async () => {
    const { files } = SCENARIOS['root-user'];
    const dir = makeProject(files);
    const uri = pathToUri(join(dir, 'Dockerfile'));
    client.settings = { rules: { 'root-user': 'hint' } };
    client.open(uri, files.Dockerfile);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.equal(p.diagnostics.find((d) => d.code === 'root-user')?.severity, 4);
    client.settings = { rules: { 'root-user': 'off' } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (x) => !codes(x).includes('root-user'));
    client.settings = { rules: { 'root-user': 'bogus' }, secretMountStyle: 42 };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (x) => codes(x).includes('root-user'));
    client.settings = {};
    client.close(uri);
  });

  test('--node-ipc works like --stdio', async () => {
    const proc = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    conn.listen();
    const got = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:ipc', languageId: 'dockerfile', version: 1, text: SCENARIOS['root-user'].files.Dockerfile } });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics over IPC')), 15000).unref());
    const p = await Promise.race([got, timeout]);
    assert.ok(codes(p).includes('root-user'));
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await exited, 0);
    conn.dispose();
  });

  test('logs never carry a secret value', () => {
    for (const l of [...client.logs, ...client.messages]) assert.ok(!l.includes(SECRET_VALUE), l);
  });
});
