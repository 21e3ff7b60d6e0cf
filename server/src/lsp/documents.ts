// The open documents, kept in step with the client without trusting it: a change whose version is not newer
// than the document's (out of order, replayed) is ignored, and so is a change list with a malformed entry
// (negative or fractional positions, text that is not a string), whole, so the text is never half-applied.
// Positions past the end of a line or of the document are clamped, as the LSP specification says.
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

const isPosition = (p: unknown): boolean => {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && typeof q === 'object' && isIndex(q.line) && isIndex(q.character);
};
const isIndex = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Why a content change cannot be applied ('' when it can). */
export function changeProblem(change: unknown): string {
  if (!change || typeof change !== 'object') return 'a change must be an object';
  const c = change as { text?: unknown; range?: { start?: unknown; end?: unknown } | null; rangeLength?: unknown };
  if (typeof c.text !== 'string') return '"text" must be a string';
  if (c.range === undefined) return c.rangeLength === undefined ? '' : '"rangeLength" without a "range"';
  if (!c.range || typeof c.range !== 'object' || !isPosition(c.range.start) || !isPosition(c.range.end)) {
    return '"range" must hold a start and an end of non-negative integer line and character';
  }
  return c.rangeLength === undefined || typeof c.rangeLength === 'number' ? '' : '"rangeLength" must be a number';
}

/** Why a didOpen cannot open a document ('' when it can). */
export function openProblem(uri: unknown, version: unknown, text: unknown): string {
  if (typeof uri !== 'string' || !uri) return '"uri" must be a non-empty string';
  if (typeof version !== 'number' || !Number.isInteger(version)) return '"version" must be an integer';
  return typeof text === 'string' ? '' : '"text" must be a string';
}

/** TextDocuments whose create/update refuse (and log) what would corrupt the text or make versions go back. */
export function guardedDocuments(log: (message: string) => void): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create(uri, languageId, version, text) {
      const problem = openProblem(uri, version, text);
      if (problem) throw new Error(`Ignored didOpen of ${String(uri)}: ${problem}`);
      return TextDocument.create(uri, languageId, version, text);
    },
    update(doc, changes: TextDocumentContentChangeEvent[], version) {
      if (!Array.isArray(changes)) {
        log(`Ignored a change to ${doc.uri}: "contentChanges" must be an array`);
        return doc;
      }
      if (typeof version !== 'number' || !Number.isInteger(version) || version <= doc.version) {
        log(`Ignored a change to ${doc.uri}: version ${String(version)} is not newer than ${doc.version}`);
        return doc;
      }
      const problem = changes.map(changeProblem).find(Boolean);
      if (problem) {
        log(`Ignored a change to ${doc.uri} (version ${version}): ${problem}`);
        return doc;
      }
      return TextDocument.update(doc, changes, version);
    },
  });
}

/** Closing a document at least this large asks for a collection (when the runtime offers one). */
export const LARGE_DOCUMENT_CHARS = 1024 * 1024;

/**
 * V8 collects no garbage while the server idles, so a closed 10 MB document would hold its memory until the
 * next burst of work. With `--expose-gc` (the hostile test spawns the server so) a collection runs at once,
 * which shows nothing retains the document; without it this does nothing and V8 collects when it will.
 */
export function collectAfterClose(text: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  // A few times, spaced: one collection frees the objects, the later ones let V8 shrink the heap it grew.
  if (gc && text.length >= LARGE_DOCUMENT_CHARS) for (const ms of [0, 250, 1000]) setTimeout(gc, ms).unref();
}
