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
  if (m.locked) s += lock ? ',sharing=locked' : ',sharing=private';
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
  // so a second RUN with two of them waits forever (containers/buildah#4342). Earlier exclusive caches become
  // `sharing=private` — a concurrent build gets its own copy instead of waiting; nothing is shared unsafely.
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

/** Removes a flag word (`--no-cache-dir`) with the blank before it, or its whole line when it stands alone on a continued line. */
export function dropWord(model: Model, w: ShellWord): TextEdit {
  const pos = model.index.positionAt(w.start);
  const line = model.index.lineText(pos.line);
  const esc = escapeRe(model.escape);
  const alone = new RegExp(`^[ \\t]*${escapeRe(model.text.slice(w.start, w.end))}[ \\t]*${esc}[ \\t]*$`).test(line);
  if (alone && pos.line + 1 < model.index.lineCount) {
    return { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } }, newText: '' };
  }
  let s = w.start;
  while (s > 0 && (model.text[s - 1] === ' ' || model.text[s - 1] === '\t')) s--;
  if (s === w.start) {
    let e = w.end;
    while (model.text[e] === ' ' || model.text[e] === '\t') e++;
    return { range: model.index.rangeOf(w.start, e), newText: '' };
  }
  return { range: model.index.rangeOf(s, w.end), newText: '' };
}

/** Replaces a flag word with another (`--no-cache` → `--update-cache`). */
export function replaceWord(model: Model, w: ShellWord, text: string): TextEdit {
  return { range: model.index.rangeOf(w.start, w.end), newText: text };
}

export function stripContinuations(model: Model, gap: string): string {
  return gap.replace(new RegExp(`${escapeRe(model.escape)}[ \\t]*(\\r\\n|\\r|\\n)`, 'g'), ' ');
}

export function isListSeparator(model: Model, gap: string): boolean {
  if (gap.includes('#')) return false;
  return /^[ \t]*(&&|;)[ \t]*$/.test(stripContinuations(model, gap));
}
