import { DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type Position,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextIndex } from '../core/text';
import { MAX_DOCUMENT_CHARS } from './analysis';
import { isConfigDocument } from './configDiagnostics';
import { toWorkspaceEdit } from './convert';
import type { FeatureSwitch } from './editorFeatures';
import { redactCompletion, redactHover } from './redact';
import { hardenRegistryClient } from './registryGuard';

/** The source dockerfile-utils puts on its syntax diagnostics. */
export const SYNTAX_SOURCE = 'dockerfile-utils';
/** Image tag completion asks Docker Hub; the editor never waits on the network longer than this. */
export const TAG_LOOKUP_MS = 2500;
/**
 * The service parses the whole text on every request, on the server's only thread. Measured on the 99,789
 * Dockerfiles of the Docker Hub corpus: validation, formatting, symbols and folding stay under ~100 ms up to 64 KB
 * (p99.9 of the corpus is 13 KB; the analysis limit, MAX_DOCUMENT_CHARS, is far above); semantic tokens grow
 * faster than linearly (the largest files under 4 KB take at most ~200 ms, 8 KB files up to 1.6 s, a 51 KB file
 * 9 s), so larger files keep the grammar's colouring alone.
 */
export const MAX_SERVICE_CHARS = Math.min(64 * 1024, MAX_DOCUMENT_CHARS);
export const MAX_SEMANTIC_TOKENS_CHARS = 4 * 1024;

/**
 * rcjsuen's dockerfile-language-service behind our switch: completion, signature help, formatting, symbols,
 * folding, rename, highlights, links, definition and semantic tokens; its hover for merging into ours; its syntax
 * diagnostics and their quick fixes. Every answer is empty while the features are off, and a failure inside the
 * service is logged, never thrown at the editor.
 */
export class EditorServices {
  private readonly service: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly features: FeatureSwitch,
    private readonly log: (message: string) => void,
  ) {
    hardenRegistryClient();
    this.service.setLogger({ log: (m) => log(`dockerfile-language-service: ${m}`) });
  }

  configure(caps: ClientCapabilities): void {
    const t = caps.textDocument;
    this.service.setCapabilities({
      completion: t?.completion ? { completionItem: t.completion.completionItem } : undefined,
      hover: t?.hover ? { contentFormat: t.hover.contentFormat } : undefined,
      foldingRange: t?.foldingRange ? { lineFoldingOnly: t.foldingRange.lineFoldingOnly, rangeLimit: t.foldingRange.rangeLimit } : undefined,
    } as Parameters<DockerfileLanguageService['setCapabilities']>[0]);
  }

  get on(): boolean {
    return this.features.on;
  }

  /** The service's syntax diagnostics (dockerfile-utils), only while the features are on. */
  syntaxDiagnostics(text: string): Diagnostic[] {
    if (!this.on || text.length > MAX_SERVICE_CHARS) return [];
    return this.guard('validate', [], () => this.service.validate(text));
  }

  /** The service's hover (instruction and flag docs, variable values with credentials hidden). */
  hover(text: string, pos: Position): Hover | null {
    if (!this.on || text.length > MAX_SERVICE_CHARS) return null;
    return this.guard('hover', null, () => redactHover(this.service.computeHover(text, pos), text, new TextIndex(text).offsetAt(pos)));
  }

  /** Quick fixes for the service's own diagnostics, as edits (its commands need no registration that way). */
  codeActions(params: CodeActionParams, text: string, version: number, caps: ClientCapabilities): CodeAction[] {
    if (!this.on) return [];
    const diagnostics = params.context.diagnostics.filter((d) => d.source === SYNTAX_SOURCE);
    if (!diagnostics.length) return [];
    return this.guard('code actions', [], () => {
      const out: CodeAction[] = [];
      for (const cmd of this.service.computeCodeActions(params.textDocument, params.range, { diagnostics: diagnostics as never })) {
        const edits = this.service.computeCommandEdits(text, cmd.command, cmd.arguments ?? []);
        const edit = edits.length ? toWorkspaceEdit({ uri: params.textDocument.uri, version }, edits, undefined, caps) : undefined;
        const range = (cmd.arguments ?? [])[1] as Diagnostic['range'] | undefined;
        const diag = diagnostics.find((d) => range && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
        if (edit) out.push({ title: cmd.title, kind: CodeActionKind.QuickFix, ...(diag ? { diagnostics: [diag] } : {}), edit });
      }
      return out;
    });
  }

  /** Registers the request handlers; each answers only while the features are on. */
  listen(): void {
    const c = this.connection;
    const s = this.service;
    c.onCompletion(async (p) => {
      const text = this.text(p.textDocument.uri);
      if (text === undefined) return null;
      const items = await this.guardAsync('completion', [], () => withTimeout(s.computeCompletionItems(text, p.position), TAG_LOOKUP_MS, []));
      return items.map(redactCompletion);
    });
    c.onCompletionResolve((item) => (this.on ? redactCompletion(this.guard('completion resolve', item, () => s.resolveCompletionItem(item))) : item));
    c.onSignatureHelp((p) => this.with(p.textDocument.uri, 'signature help', null, (t) => s.computeSignatureHelp(t, p.position)));
    c.onDocumentFormatting((p) => this.with(p.textDocument.uri, 'formatting', [], (t) => s.format(t, p.options)));
    c.onDocumentRangeFormatting((p) => this.with(p.textDocument.uri, 'range formatting', [], (t) => s.formatRange(t, p.range, p.options)));
    c.onDocumentOnTypeFormatting((p) => this.with(p.textDocument.uri, 'on-type formatting', [], (t) => s.formatOnType(t, p.position, p.ch, p.options)));
    c.onDocumentSymbol((p) => this.with(p.textDocument.uri, 'symbols', [], (t) => s.computeSymbols(p.textDocument, t)));
    c.onFoldingRanges((p) => this.with(p.textDocument.uri, 'folding', [], (t) => s.computeFoldingRanges(t)));
    c.onPrepareRename((p) => this.with(p.textDocument.uri, 'prepare rename', null, (t) => s.prepareRename(t, p.position)));
    c.onRenameRequest((p) =>
      this.with(p.textDocument.uri, 'rename', null, (t) => ({ changes: { [p.textDocument.uri]: s.computeRename(p.textDocument, t, p.position, p.newName) } })),
    );
    c.onDocumentHighlight((p) => this.with(p.textDocument.uri, 'highlight', [], (t) => s.computeHighlightRanges(t, p.position)));
    c.onDocumentLinks((p) => this.with(p.textDocument.uri, 'links', [], (t) => s.computeLinks(t)));
    c.onDocumentLinkResolve((link) => this.guard('link resolve', link, () => s.resolveLink(link)));
    c.onDefinition((p) => this.with(p.textDocument.uri, 'definition', null, (t) => s.computeDefinition(p.textDocument, t, p.position)));
    c.languages.semanticTokens.on((p) =>
      this.with(p.textDocument.uri, 'semantic tokens', { data: [] }, (t) => (t.length > MAX_SEMANTIC_TOKENS_CHARS ? { data: [] } : s.computeSemanticTokens(t))),
    );
  }

  /** A Dockerfile's text while the features are on; undefined otherwise, and for a document over MAX_SERVICE_CHARS
   * (the service's parse of a 10 MB file takes seconds and hundreds of MB). */
  private text(uri: string): string | undefined {
    if (!this.on || isConfigDocument(uri)) return undefined;
    const text = this.documents.get(uri)?.getText();
    return text !== undefined && text.length <= MAX_SERVICE_CHARS ? text : undefined;
  }

  private with<T, F>(uri: string, what: string, fallback: F, run: (text: string) => T): T | F {
    const text = this.text(uri);
    return text === undefined ? fallback : this.guard(what, fallback, () => run(text));
  }

  private guard<T, F>(what: string, fallback: F, run: () => T): T | F {
    try {
      return run() ?? fallback;
    } catch (e) {
      this.log(`dockerfile-language-service failed (${what}): ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  }

  private async guardAsync<T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return (await run()) ?? fallback;
    } catch (e) {
      this.log(`dockerfile-language-service failed (${what}): ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  }
}

function withTimeout<T>(value: T | PromiseLike<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    Promise.resolve(value).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
