import { dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, type Analysis } from '../core/analyse';
import { memoryContext } from '../core/memoryContext';
import type { Rule } from '../core/rule';
import type { BuildContext } from '../core/types';
import { fsBuildContext } from '../node/fsContext';
import { SOURCE, toLspDiagnostic } from './convert';
import type { ResolvedSettings } from './settings';
import { filePath, type SettingsStore } from './settingsStore';

/** Documents larger than this are not analysed (one info diagnostic says so). */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

export interface DocAnalysis {
  uri: string;
  /** The version of the text that was analysed. */
  version: number;
  text: string;
  resolved: ResolvedSettings;
  context: BuildContext;
  /** Undefined when the document was too large to analyse. */
  analysis?: Analysis;
  diagnostics: Diagnostic[];
}

/**
 * Analyses documents, memoised per (uri, version, settings generation). Fixes are never cached apart from
 * the analysis they belong to: code actions ask for the document's current version and get its findings.
 */
export class Analyser {
  private memo = new Map<string, { key: string; result: DocAnalysis }>();
  /** Bumped by forget/clear, so an analysis that awaited settings across a didClose is not memoised (a leak). */
  private epoch = 0;

  constructor(
    private readonly rules: readonly Rule[],
    private readonly store: SettingsStore,
    private readonly log: (message: string) => void,
    /** Whether the document is still open (a close while the settings are fetched skips the analysis). */
    private readonly isOpen: (uri: string) => boolean = () => true,
  ) {}

  async analyse(doc: TextDocument): Promise<DocAnalysis> {
    const generation = this.store.generation;
    const epoch = this.epoch;
    const resolved = await this.store.get(doc.uri);
    // Closed meanwhile: nothing to analyse (a 1 MB file would block the server for its analysis, for no one).
    // Callers publish and answer only for open documents, so an empty result is never shown.
    if (!this.isOpen(doc.uri)) return { uri: doc.uri, version: doc.version, text: '', resolved, context: memoryContext({}), diagnostics: [] };
    // The document may have changed while the settings were fetched: analyse what it holds now.
    const version = doc.version;
    const key = `${version}|${generation}`;
    const hit = this.memo.get(doc.uri);
    if (hit && hit.key === key) return hit.result;
    const text = doc.getText();
    const result = this.run(doc.uri, version, text, resolved);
    if (this.epoch === epoch) this.memo.set(doc.uri, { key, result });
    return result;
  }

  forget(uri: string): void {
    this.memo.delete(uri);
    this.epoch++;
  }

  clear(): void {
    this.memo.clear();
    this.epoch++;
  }

  private run(uri: string, version: number, text: string, resolved: ResolvedSettings): DocAnalysis {
    const path = filePath(uri);
    const context = path ? fsBuildContext(dirname(path)) : memoryContext({});
    if (text.length > MAX_DOCUMENT_CHARS) {
      const at = { line: 0, character: 0 };
      const diagnostics: Diagnostic[] = [
        {
          range: { start: at, end: at },
          severity: 3,
          source: SOURCE,
          message: `Lean Dockerfile skipped this file: it is larger than ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB.`,
        },
      ];
      return { uri, version, text, resolved, context, diagnostics };
    }
    const analysis = analyse(text, { rules: this.rules, context, settings: resolved.settings });
    for (const e of analysis.ruleErrors) this.log(`Rule ${e.ruleId} failed on ${uri} (version ${version}): ${e.error}`);
    return { uri, version, text, resolved, context, analysis, diagnostics: analysis.findings.map(toLspDiagnostic) };
  }
}
