import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import type { Rule } from '../core/rule';
import { CONFIG_NAMES, isConfigFileName } from '../node/config';
import { loadShellParser } from '../node/shellWasm';
import { Analyser } from './analysis';
import { codeActions, FIX_ALL_KIND, SHOW_DOCUMENTATION } from './codeActions';
import { finalImageLens } from './codeLens';
import { APPLY_FIX_ALL, applyFixAll, applyRefactor, FIX_ALL, type CommandEnv } from './commands';
import { configDiagnostics, isConfigDocument } from './configDiagnostics';
import { collectAfterClose, guardedDocuments } from './documents';
import { EDITOR_FEATURES_NOTIFICATION, FeatureSwitch } from './editorFeatures';
import { hoverAt } from './hover';
import { EditorServices } from './languageService';
import { findRefactor, REFACTOR_KIND, REFACTORS } from './refactors';
import { SettingsStore } from './settingsStore';

/** Delay between the last keystroke and the analysis. */
export const DEBOUNCE_MS = 150;

/**
 * Wires a connection: document sync, debounced diagnostics, code actions and refactors, hover, the final-image
 * CodeLens, commands, settings, and the language service's editor features behind `leanDockerfile.editorFeatures`.
 */
export function startServer(connection: Connection, rules: readonly Rule[], version = '0.0.0'): void {
  // Stale versions and malformed changes are refused there (logged), never half-applied.
  const documents = guardedDocuments((m) => connection.console.warn(m));
  const knownRuleIds = new Set(rules.map((r) => r.meta.id));
  const log = (m: string) => connection.console.log(m);
  let capabilities: ClientCapabilities = {};
  let roots: string[] = [];
  // Created by initialize (no other message comes before it).
  let store!: SettingsStore;
  let analyser!: Analyser;
  let commandEnv!: CommandEnv;
  let features: FeatureSwitch | undefined;
  let editor!: EditorServices;
  /** The last CodeLens title per document, to ask the client for a refresh only when it changes. */
  const lensTitles = new Map<string, string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const sequence = new Map<string, number>();
  const fresh = new Set<string>();

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    await loadShellParser();
    capabilities = params.capabilities;
    roots = foldersToPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    const pullConfiguration = !!capabilities.workspace?.configuration;
    store = new SettingsStore(connection, { pullConfiguration, workspaceRoots: () => roots, knownRuleIds, log });
    analyser = new Analyser(rules, store, log, (uri) => documents.get(uri) !== undefined);
    commandEnv = { connection, rules, analyser, capabilities: () => capabilities, document: (u) => documents.get(u) };
    // Our VS Code client registers the palette commands itself (two registrations of one id would clash).
    const clientCommands = (params.initializationOptions as { clientCommands?: boolean } | undefined)?.clientCommands === true;
    features = new FeatureSwitch(connection, capabilities, params.initializationOptions, log);
    editor = new EditorServices(connection, documents, features, log);
    editor.configure(capabilities);
    editor.listen();
    const serverCommands = [APPLY_FIX_ALL, FIX_ALL, SHOW_DOCUMENTATION, ...REFACTORS.map((r) => r.command)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, REFACTOR_KIND], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: clientCommands ? [] : serverCommands },
        ...features.staticCapabilities(),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'lean-dockerfile', version },
    };
  });

  connection.onInitialized(() => {
    void features?.start();
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'leanDockerfile' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_NAMES.map((n) => ({ globPattern: `**/${n}` })),
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        roots = foldersToPaths((await connection.workspace.getWorkspaceFolders()) ?? []);
        configsChanged();
      });
    }
  });

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  async function validate(uri: string): Promise<void> {
    const seq = (sequence.get(uri) ?? 0) + 1;
    sequence.set(uri, seq);
    const doc = documents.get(uri);
    if (!doc) return;
    if (isConfigDocument(uri)) {
      connection.sendDiagnostics({ uri, version: doc.version, diagnostics: configDiagnostics(doc.getText(), knownRuleIds) });
      return;
    }
    try {
      const da = await analyser.analyse(doc);
      // Never publish for a version the editor no longer shows, nor over a newer run.
      if (documents.get(uri)?.version !== da.version || sequence.get(uri) !== seq) return;
      const syntax = da.analysis ? editor.syntaxDiagnostics(da.text) : [];
      connection.sendDiagnostics({ uri, version: da.version, diagnostics: [...da.diagnostics, ...syntax] });
      refreshLens(da);
    } catch (e) {
      connection.console.error(`Analysis failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** The lens counts what the diagnostics say: ask the client to fetch it again when its text changed. */
  function refreshLens(da: Parameters<typeof finalImageLens>[0]): void {
    const title = finalImageLens(da, FIX_ALL)[0]?.command?.title ?? '';
    const before = lensTitles.get(da.uri);
    lensTitles.set(da.uri, title);
    if (before === undefined || before === title || !capabilities.workspace?.codeLens?.refreshSupport) return;
    connection.sendRequest(CodeLensRefreshRequest.type).catch((e) => log(`CodeLens refresh failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  function configsChanged(): void {
    store.configsChanged();
    analyser.clear();
    revalidateAll();
  }

  documents.onDidOpen((e) => fresh.add(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri, fresh.delete(e.document.uri) ? 0 : DEBOUNCE_MS));
  documents.onDidSave((e) => {
    if (isConfigDocument(e.document.uri)) configsChanged();
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    sequence.delete(uri);
    fresh.delete(uri);
    lensTitles.delete(uri);
    analyser.forget(uri);
    store.forget(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
    collectAfterClose(e.document.getText());
  });

  connection.onDidChangeConfiguration((params) => {
    store.settingsChanged(params.settings);
    analyser.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const touchesConfig = params.changes.some((c) => {
      try {
        return isConfigFileName(basename(fileURLToPath(c.uri)));
      } catch {
        return false;
      }
    });
    if (touchesConfig) configsChanged();
  });

  connection.onNotification(EDITOR_FEATURES_NOTIFICATION, async (params: unknown) => {
    if (features && (await features.update(params))) revalidateAll();
  });

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isConfigDocument(doc.uri)) return [];
    const da = await analyser.analyse(doc);
    if (token.isCancellationRequested) return cancelled();
    if (documents.get(doc.uri)?.version !== da.version) return [];
    return [...codeActions(params, da, { rules, capabilities }), ...editor.codeActions(params, da.text, da.version, capabilities)];
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isConfigDocument(doc.uri)) return [];
    const da = await analyser.analyse(doc);
    return documents.get(doc.uri)?.version === da.version ? finalImageLens(da, FIX_ALL) : [];
  });

  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || isConfigDocument(doc.uri)) return null;
    const da = await analyser.analyse(doc);
    if (token.isCancellationRequested) return cancelled();
    if (documents.get(doc.uri)?.version !== da.version) return null;
    return hoverAt(da, params.position, editor.hover(da.text, params.position)) ?? null;
  });

  connection.onExecuteCommand(async (params) => {
    const [first, second] = params.arguments ?? [];
    if (params.command === APPLY_FIX_ALL || params.command === FIX_ALL) return applyFixAll(commandEnv, first, second);
    if (params.command === SHOW_DOCUMENTATION) {
      if (typeof first === 'string' && capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: first });
      return { applied: false, message: String(first ?? '') };
    }
    const refactor = findRefactor(params.command);
    if (refactor) return applyRefactor(commandEnv, refactor, first);
    return { applied: false, message: `Unknown command ${params.command}` };
  });

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
}

/** The answer to a request the client cancelled while it waited (LSP: RequestCancelled). */
function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

function foldersToPaths(folders: WorkspaceFolder[]): string[] {
  const out: string[] = [];
  for (const f of folders) {
    try {
      if (f.uri.startsWith('file:')) out.push(fileURLToPath(f.uri));
    } catch {
      // not a file folder
    }
  }
  return out;
}
