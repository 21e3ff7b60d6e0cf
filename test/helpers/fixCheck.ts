import { TextIndex } from '../../server/src/core/text';
import type { Fix } from '../../server/src/core/types';

/** The original's lines with their own line breaks, byte for byte. */
export function splitKeepingEol(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Lines (0-based) an edit set replaces or deletes; pure insertions at a line start touch none. */
export function touchedLines(text: string, fix: Fix): Set<number> {
  const index = new TextIndex(text);
  const out = new Set<number>();
  for (const e of fix.edits) {
    const s = e.range.start;
    const en = e.range.end;
    const empty = s.line === en.line && s.character === en.character;
    if (empty) {
      // An insertion inside a line changes that line; at column 0 it only adds lines before it.
      if (s.character > 0 && s.line < index.lineCount) out.add(s.line);
      continue;
    }
    const last = en.character === 0 && en.line > s.line ? en.line - 1 : en.line;
    for (let l = s.line; l <= last; l++) out.add(l);
  }
  return out;
}

/**
 * Whether every line the fixes do not touch appears, byte for byte and in order, in the output.
 * Returns the first line that went missing, or undefined.
 */
export function missingUntouchedLine(original: string, fixed: string, touched: Set<number>): { line: number; text: string } | undefined {
  const before = splitKeepingEol(original);
  const after = splitKeepingEol(fixed);
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    if (touched.has(i)) continue;
    // The very last line may gain a line break when something is appended after it.
    const isLast = i === before.length - 1;
    while (j < after.length && after[j] !== before[i] && !(isLast && after[j].replace(/(\r\n|\r|\n)$/, '') === before[i])) j++;
    if (j >= after.length) return { line: i, text: before[i] };
    j++;
  }
  return undefined;
}
