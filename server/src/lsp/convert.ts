import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  type ClientCapabilities,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextIndex } from '../core/text';
import type { FileEdit, Finding, Severity, TextEdit } from '../core/types';
import { ruleDocUri } from './docs';

export const SOURCE = 'lean-dockerfile';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Warning;
}

export function toLspDiagnostic(f: Finding): Diagnostic {
  const href = ruleDocUri(f.ruleId);
  return {
    range: f.range,
    severity: toLspSeverity(f.severity),
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: f.message,
  };
}

/** The text edit that turns `before` into `after`: one replacement of the part that differs. */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a CRLF pair or a surrogate pair.
  while (start > 0 && (before[start - 1] === '\r' || isHighSurrogate(before.charCodeAt(start - 1)))) start--;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (end > 0 && (before[before.length - end] === '\n' || isLowSurrogate(before.charCodeAt(before.length - end)))) end--;
  const index = new TextIndex(before);
  return { range: index.rangeOf(start, before.length - end), newText: after.slice(start, after.length - end) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface EditTarget {
  uri: string;
  /** The document version the edits were computed for (null: whatever is on disk). */
  version: number | null;
}

/**
 * A WorkspaceEdit for edits of the document plus edits of files of its build context (paths relative to the
 * Dockerfile's directory). Undefined when the client cannot apply it (creating a file without resource
 * operations) or a path leaves the context, so no half-applied fix is ever offered.
 */
export function toWorkspaceEdit(
  target: EditTarget,
  edits: readonly TextEdit[],
  fileEdits: readonly FileEdit[] | undefined,
  caps: ClientCapabilities,
): WorkspaceEdit | undefined {
  const we = caps.workspace?.workspaceEdit;
  const documentChanges = !!we?.documentChanges;
  const canCreate = !!we?.resourceOperations?.includes('create');
  const files = fileEdits ?? [];
  const root = files.length ? contextRoot(target.uri) : undefined;
  if (files.length && !root) return undefined;
  const extra: { uri: string; create: boolean; edits: LspTextEdit[] }[] = [];
  for (const fe of files) {
    const full = insideRoot(root!, fe.path);
    if (!full) return undefined;
    const exists = existsSync(full);
    const uri = pathToFileURL(full).href;
    if (fe.kind === 'create') {
      if (exists) continue; // create only writes a missing file
      extra.push({ uri, create: true, edits: [{ range: zeroRange(), newText: fe.text }] });
    } else {
      let text = '';
      try {
        text = exists ? readFileSync(full, 'utf8') : '';
      } catch {
        return undefined;
      }
      const end = new TextIndex(text).positionAt(text.length);
      extra.push({ uri, create: !exists, edits: [{ range: { start: end, end }, newText: fe.text }] });
    }
  }
  if (extra.some((x) => x.create) && (!documentChanges || !canCreate)) return undefined;
  if (!documentChanges) {
    const changes: Record<string, LspTextEdit[]> = { [target.uri]: [...edits] };
    for (const x of extra) changes[x.uri] = x.edits;
    return { changes };
  }
  const out: (TextDocumentEdit | CreateFile)[] = [];
  if (edits.length) out.push({ textDocument: { uri: target.uri, version: target.version }, edits: [...edits] });
  for (const x of extra) {
    if (x.create) out.push({ kind: 'create', uri: x.uri, options: { ignoreIfExists: true } });
    out.push({ textDocument: { uri: x.uri, version: null }, edits: x.edits });
  }
  return { documentChanges: out };
}

/** The directory of a file: URI (the build context root), else undefined. */
export function contextRoot(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function insideRoot(root: string, p: string): string | undefined {
  if (!p || isAbsolute(p)) return undefined;
  const full = join(root, p);
  const rel = relative(root, full);
  return rel && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel) ? full : undefined;
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
