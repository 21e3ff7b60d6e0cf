import { diffLines } from 'diff';
import { TextIndex } from '../core/text';
import type { TextEdit } from '../core/types';

/**
 * The few edits that turn `before` into `after`, one per run of changed lines (whole lines, EOLs included), so
 * undo and the cursor keep their place in the untouched parts. Applying them to `before` gives `after` exactly.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const index = new TextIndex(before);
  const out: TextEdit[] = [];
  let offset = 0;
  let pending: { start: number; end: number; newText: string } | undefined;
  const flush = () => {
    if (pending) out.push({ range: index.rangeOf(pending.start, pending.end), newText: pending.newText });
    pending = undefined;
  };
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) {
      flush();
      offset += part.value.length;
      continue;
    }
    pending ??= { start: offset, end: offset, newText: '' };
    if (part.removed) {
      offset += part.value.length;
      pending.end = offset;
    } else {
      pending.newText += part.value;
    }
  }
  flush();
  return out;
}
