import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER } from './bundle';

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown'] },
  },
  window: { showDocument: { support: true } },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  rootDir?: string;
  /** What workspace/configuration answers for `leanDockerfile`. */
  settings?: Record<string, unknown>;
}

/** A minimal LSP client over stdio for the bundled server, with event-driven waits that fail on timeout. */
export class LspClient {
  readonly events = new EventEmitter();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  /** client/registerCapability and client/unregisterCapability requests, in order. */
  readonly registrations: { kind: 'register' | 'unregister'; methods: string[] }[] = [];
  /** How many workspace/codeLens/refresh requests arrived. */
  lensRefreshes = 0;
  settings: Record<string, unknown>;
  /** While set, answers to workspace/configuration wait for it (to interleave edits with a pending analysis). */
  configGate?: Promise<void>;
  initializeResult!: InitializeResult;
  private readonly docs = new Map<string, TextDocument>();

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.events.emit('diagnostics', p);
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    conn.onNotification('window/showMessage', (p: { message: string }) => void this.messages.push(p.message));
    conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    conn.onRequest('window/showDocument', () => ({ success: true }));
    conn.onRequest('workspace/configuration', async (p: { items: { section?: string }[] }) => {
      this.events.emit('configuration', p);
      await this.configGate;
      return p.items.map((i) => (i.section === 'leanDockerfile' ? this.settings : null));
    });
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      const r = { kind: 'register' as const, methods: p.registrations.map((x) => x.method) };
      this.registrations.push(r);
      this.events.emit('registration', r);
      return null;
    });
    conn.onRequest('client/unregisterCapability', (p: { unregisterations: { method: string }[] }) => {
      const r = { kind: 'unregister' as const, methods: p.unregisterations.map((x) => x.method) };
      this.registrations.push(r);
      this.events.emit('registration', r);
      return null;
    });
    conn.onRequest('workspace/codeLens/refresh', () => {
      this.lensRefreshes++;
      this.events.emit('codeLensRefresh', this.lensRefreshes);
      return null;
    });
    conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.applied.push(p);
      this.events.emit('applyEdit', p);
      return { applied: true };
    });
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, options);
    proc.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    conn.listen();
    const rootUri = options.rootDir ? pathToUri(options.rootDir) : null;
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, version = 1, languageId = 'dockerfile'): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text through an incremental change (a range covering the document). */
  change(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.create(uri, doc.languageId, version, text));
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  /** The next (or an already received, when `since` is given) publish for a uri that satisfies a predicate. */
  waitForDiagnostics(
    uri: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && predicate(p);
    if (options.since !== undefined) {
      const hit = this.published.slice(options.since).find(match);
      if (hit) return Promise.resolve(hit);
    }
    return this.waitForEvent('diagnostics', match, options.timeoutMs, `diagnostics for ${uri}`);
  }

  waitForEvent<T>(event: string, predicate: (v: T) => boolean, timeoutMs = 15000, what = event): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off(event, on);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received: ${JSON.stringify(this.published.slice(-3))}`));
      }, timeoutMs);
      const on = (v: T) => {
        if (!predicate(v)) return;
        clearTimeout(timer);
        this.events.off(event, on);
        resolve(v);
      };
      this.events.on(event, on);
    });
  }

  /** Applies a WorkspaceEdit's edits for one document to our copy and sends the change. Returns the version. */
  applyEdit(uri: string, edit: WorkspaceEdit): number {
    return this.change(uri, applyToText(this.text(uri), uri, edit));
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}

/** The text of one document after a WorkspaceEdit. */
export function applyToText(text: string, uri: string, edit: WorkspaceEdit): string {
  const doc = TextDocument.create(uri, 'dockerfile', 0, text);
  const edits = [
    ...(edit.changes?.[uri] ?? []),
    ...((edit.documentChanges ?? []) as TextDocumentEdit[])
      .filter((c) => 'textDocument' in c && c.textDocument.uri === uri)
      .flatMap((c) => c.edits as { range: Diagnostic['range']; newText: string }[]),
  ];
  return TextDocument.applyEdits(doc, edits);
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

export function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}
