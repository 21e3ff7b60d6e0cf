import {
  RegistrationRequest,
  SemanticTokenModifiers,
  SemanticTokenTypes,
  UnregistrationRequest,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
} from 'vscode-languageserver';

/**
 * `leanDockerfile.editorFeatures`: whether the editor comforts of rcjsuen's dockerfile-language-service (completion,
 * formatting, symbols… and its syntax diagnostics) come from us. `auto` leaves them to a Docker extension the client
 * reports as installed, so nothing shows twice. The client sends `{ editorFeatures, dockerExtensions }` in
 * `initializationOptions` and again, when either changes, as the `leanDockerfile/editorFeatures` notification.
 */
export type EditorFeaturesSetting = 'auto' | 'on' | 'off';

export interface EditorFeaturesInfo {
  setting: EditorFeaturesSetting;
  /** Ids of installed extensions that already provide Dockerfile editor features. */
  dockerExtensions: string[];
}

export const EDITOR_FEATURES_NOTIFICATION = 'leanDockerfile/editorFeatures';

/** Reads what a client sent; anything malformed counts as `auto` with no Docker extension. */
export function readEditorFeatures(raw: unknown): EditorFeaturesInfo {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const s = r.editorFeatures;
  const setting: EditorFeaturesSetting = s === 'on' || s === 'off' ? s : 'auto';
  const dockerExtensions = Array.isArray(r.dockerExtensions) ? r.dockerExtensions.filter((x): x is string => typeof x === 'string') : [];
  return { setting, dockerExtensions };
}

export function featuresOn(info: EditorFeaturesInfo): boolean {
  return info.setting === 'on' || (info.setting === 'auto' && !info.dockerExtensions.length);
}

/** The token legend of dockerfile-language-service (its TokensLegend numbering). */
export const SEMANTIC_LEGEND = {
  tokenTypes: [
    SemanticTokenTypes.keyword, SemanticTokenTypes.comment, SemanticTokenTypes.parameter, SemanticTokenTypes.property,
    SemanticTokenTypes.namespace, SemanticTokenTypes.class, SemanticTokenTypes.macro, SemanticTokenTypes.string,
    SemanticTokenTypes.variable, SemanticTokenTypes.operator, SemanticTokenTypes.modifier,
  ],
  tokenModifiers: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.definition, SemanticTokenModifiers.deprecated],
};

interface Feature {
  method: string;
  key: keyof ServerCapabilities;
  options: Record<string, unknown>;
  client(c: ClientCapabilities): { dynamicRegistration?: boolean } | undefined;
}

/** What we take from the language service (hover is ours and always on: it merges the service's in). */
export const FEATURES: readonly Feature[] = [
  { method: 'textDocument/completion', key: 'completionProvider', options: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true }, client: (c) => c.textDocument?.completion },
  { method: 'textDocument/signatureHelp', key: 'signatureHelpProvider', options: { triggerCharacters: ['-', '[', ',', ' ', '='] }, client: (c) => c.textDocument?.signatureHelp },
  { method: 'textDocument/formatting', key: 'documentFormattingProvider', options: {}, client: (c) => c.textDocument?.formatting },
  { method: 'textDocument/rangeFormatting', key: 'documentRangeFormattingProvider', options: {}, client: (c) => c.textDocument?.rangeFormatting },
  { method: 'textDocument/onTypeFormatting', key: 'documentOnTypeFormattingProvider', options: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] }, client: (c) => c.textDocument?.onTypeFormatting },
  { method: 'textDocument/documentSymbol', key: 'documentSymbolProvider', options: {}, client: (c) => c.textDocument?.documentSymbol },
  { method: 'textDocument/foldingRange', key: 'foldingRangeProvider', options: {}, client: (c) => c.textDocument?.foldingRange },
  { method: 'textDocument/rename', key: 'renameProvider', options: { prepareProvider: true }, client: (c) => c.textDocument?.rename },
  { method: 'textDocument/documentHighlight', key: 'documentHighlightProvider', options: {}, client: (c) => c.textDocument?.documentHighlight },
  { method: 'textDocument/documentLink', key: 'documentLinkProvider', options: { resolveProvider: true }, client: (c) => c.textDocument?.documentLink },
  { method: 'textDocument/definition', key: 'definitionProvider', options: {}, client: (c) => c.textDocument?.definition },
  { method: 'textDocument/semanticTokens', key: 'semanticTokensProvider', options: { legend: SEMANTIC_LEGEND, full: true }, client: (c) => c.textDocument?.semanticTokens },
];

const DOCUMENT_SELECTOR = [{ language: 'dockerfile' }];
const registrationId = (method: string) => `lean-dockerfile.editor:${method}`;

/**
 * Turns the features on and off. Registered dynamically where the client allows it (VS Code does), so a Docker
 * extension installed or removed takes effect live; otherwise declared in the initialize result when on at start.
 */
export class FeatureSwitch {
  private info: EditorFeaturesInfo;
  private registered = false;
  private readonly dynamic: readonly Feature[];
  private readonly fixed: readonly Feature[];

  constructor(
    private readonly connection: Connection,
    caps: ClientCapabilities,
    initializationOptions: unknown,
    private readonly log: (message: string) => void,
  ) {
    this.info = readEditorFeatures(initializationOptions);
    this.dynamic = FEATURES.filter((f) => f.client(caps)?.dynamicRegistration);
    this.fixed = FEATURES.filter((f) => !this.dynamic.includes(f));
  }

  get on(): boolean {
    return featuresOn(this.info);
  }

  /** The capabilities to declare in the initialize result (the features the client cannot register later). */
  staticCapabilities(): Partial<ServerCapabilities> {
    const out: Record<string, unknown> = {};
    if (this.on) for (const f of this.fixed) out[f.key] = Object.keys(f.options).length ? f.options : true;
    return out as Partial<ServerCapabilities>;
  }

  /** After `initialized`: register the dynamic features when on. */
  async start(): Promise<void> {
    await this.sync();
  }

  /** A new setting or extension list; resolves with whether the features flipped. */
  async update(raw: unknown): Promise<boolean> {
    const before = this.on;
    this.info = readEditorFeatures(raw);
    if (before === this.on) return false;
    this.log(`Editor features ${this.on ? 'on' : `off${this.info.dockerExtensions.length ? ` (left to ${this.info.dockerExtensions.join(', ')})` : ''}`}.`);
    if (this.fixed.length) this.log('The client cannot register every editor feature dynamically: a reload applies the change fully.');
    await this.sync();
    return true;
  }

  private async sync(): Promise<void> {
    const want = this.on && this.dynamic.length > 0;
    if (want === this.registered) return;
    this.registered = want;
    try {
      if (want) {
        await this.connection.sendRequest(RegistrationRequest.type, {
          registrations: this.dynamic.map((f) => ({
            id: registrationId(f.method),
            method: f.method,
            registerOptions: { documentSelector: DOCUMENT_SELECTOR, ...f.options },
          })),
        });
      } else {
        await this.connection.sendRequest(UnregistrationRequest.type, {
          unregisterations: this.dynamic.map((f) => ({ id: registrationId(f.method), method: f.method })),
        });
      }
    } catch (e) {
      this.log(`Could not ${want ? 'register' : 'unregister'} the editor features: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
