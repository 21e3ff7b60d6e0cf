import type { Model, RunInfo } from '../../core/model';
import type { ShellWord } from '../../core/shell';
import type { TextEdit } from '../../core/types';
import { hasHeredocs } from '../../core/memo';

/** A cache mount to add: `--mount=type=cache,target=…[,sharing=locked][,uid=…|mode=…]`. */
export interface MountSpec {
  target: string;
  locked?: boolean;
  uid?: number;
  /** World-writable cache, for a non-root user whose uid is unknown. */
  open?: boolean;
}

export function mountFlag(m: MountSpec, lock = true): string {
  let s = `--mount=type=cache,target=${m.target}`;
  if (m.locked && lock) s += ',sharing=locked';
  if (m.uid !== undefined) s += `,uid=${m.uid}`;
  else if (m.open) s += ',mode=0777';
  return s;
}

/**
 * Inserts the flags right after the RUN keyword (before any existing flag). One mount stays on the RUN
 * line; several go one per line, as Docker's documentation writes them, continued with the file's escape.
 * `bare`: a drop of the RUN's first step that leaves only the line's continuation (see `leavesBareRun`); the
 * flags replace it, in one edit.
 */
export function insertMounts(model: Model, run: RunInfo, mounts: MountSpec[], bare?: TextEdit): TextEdit {
  const kw = /^[A-Za-z]+/.exec(model.text.slice(run.start, run.start + 8))?.[0].length ?? 3;
  const at = run.start + kw;
  const pos = model.index.positionAt(at);
  // At most one `sharing=locked` per RUN: buildah before 1.29 unlocks only the last locked cache mount of a RUN,
  // so a second RUN with two of them waits forever (containers/buildah#4342); and it rejects `sharing=private`.
  // Earlier exclusive caches keep the default sharing (apt's and apk's own lock files guard them).
  const lastLocked = mounts.map((m) => !!m.locked).lastIndexOf(true);
  const flags = mounts.map((m, i) => mountFlag(m, i === lastLocked));
  const rest = model.text.slice(at, at + 200);
  const esc = model.escape;
  const continued = new RegExp(`^[ \\t]*${escapeRe(esc)}[ \\t]*(\\r\\n|\\r|\\n)`).test(rest);
  const indent = /^[ \t]*/.exec(model.index.lineText(run.range.start.line))![0] + '    ';
  const sep = ` ${esc}${model.eol}${indent}`;
  // The first step goes up to the RUN line's continuation (`RUN apt-get clean && \`): the flags take its place.
  if (bare) return { range: model.index.rangeOf(at, model.index.offsetAt(bare.range.end)), newText: ' ' + flags.join(sep) + ' ' };
  if (flags.length === 1 || hasHeredocs(model, run)) return { range: { start: pos, end: pos }, newText: ' ' + flags.join(' ') };
  // `RUN \` + newline: each flag but the last gets its own continued line; the original break follows.
  if (continued) return { range: { start: pos, end: pos }, newText: ' ' + flags.join(sep) };
  // `RUN cmd`: the command moves to its own line after the flags, at the same indent.
  const lead = /^[ \t]*/.exec(rest)![0].length;
  return { range: model.index.rangeOf(at, at + lead), newText: ' ' + flags.join(sep) + sep };
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes a flag word (`--no-cache-dir`): its whole line when it stands alone on a continued line; with the
 * blanks after it when it starts a line that goes on; with the continuation before it when it ends the RUN on a
 * line of its own (else the line before would continue into the next instruction); else with the blank before it.
 * A word's trailing `\`+newline (the shell parser counts it in the word) always stays.
 */
export function dropWord(model: Model, w: ShellWord): TextEdit {
  const t = model.text;
  const end = contentEnd(model, w.start, w.end);
  const pos = model.index.positionAt(w.start);
  const lineStart = model.index.lineStarts[pos.line];
  const before = t.slice(lineStart, w.start);
  const after = t.slice(end, model.index.lineContentEnd(pos.line));
  const blank = /^[ \t]*$/;
  if (blank.test(before) && new RegExp(`^[ \\t]*${escapeRe(model.escape)}[ \\t]*$`).test(after) && pos.line + 1 < model.index.lineCount) {
    return { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }, newText: '' };
  }
  if (blank.test(before) && blank.test(after) && pos.line > 0) return { range: model.index.rangeOf(contentEnd(model, 0, w.start), end), newText: '' };
  let s = w.start;
  while (s > lineStart && (t[s - 1] === ' ' || t[s - 1] === '\t')) s--;
  if (s === w.start || s === lineStart) {
    let e = end;
    while (t[e] === ' ' || t[e] === '\t') e++;
    return { range: model.index.rangeOf(w.start, e), newText: '' };
  }
  return { range: model.index.rangeOf(s, end), newText: '' };
}

/** Replaces a flag word with another (`--no-cache` → `--update-cache`); a trailing `\`+newline stays. */
export function replaceWord(model: Model, w: ShellWord, text: string): TextEdit {
  return { range: model.index.rangeOf(w.start, contentEnd(model, w.start, w.end)), newText: text };
}

/**
 * Where a command or word really ends: before trailing blanks, line continuations, and the comment and blank
 * lines a continuation skips (`bzip2\` + newline + `# note` + newline ends after `bzip2`). Never before `start`.
 */
export function contentEnd(model: Model, start: number, end: number): number {
  const t = model.text;
  const idx = model.index;
  let e = end;
  for (;;) {
    while (e > start && (t[e - 1] === ' ' || t[e - 1] === '\t')) e--;
    if (e <= start || (t[e - 1] !== '\n' && t[e - 1] !== '\r')) return e;
    const line = idx.positionAt(e - 1).line;
    const text = idx.lineText(line);
    const lineStart = idx.lineStarts[line];
    if (/^[ \t]*(#.*)?$/.test(text)) {
      // A comment or blank line inside a continuation: Docker skips it.
      if (lineStart < start) return Math.max(start, e);
      e = lineStart;
      continue;
    }
    const m = new RegExp(`${escapeRe(model.escape)}[ \\t]*$`).exec(text);
    const k = lineStart + (m ? m.index : text.length);
    if (k < start) return e;
    e = k;
    if (!m) return e;
  }
}

export function stripContinuations(model: Model, gap: string): string {
  return gap.replace(new RegExp(`${escapeRe(model.escape)}[ \\t]*(\\r\\n|\\r|\\n)`, 'g'), ' ');
}

export function isListSeparator(model: Model, gap: string): boolean {
  if (gap.includes('#')) return false;
  return /^[ \t]*(&&|;)[ \t]*$/.test(stripContinuations(model, gap));
}
