/**
 * Turns the raw text of a shell-form instruction into the script the shell would run: line
 * continuations (escape character, optional blanks, line break) are removed, and so are the empty and
 * comment lines that Docker drops inside a continuation. Every script character keeps the Dockerfile
 * offset it came from, so shell-parser positions map back exactly.
 */
export interface ExtractedScript {
  script: string;
  offsets: Int32Array;
}

export function extractScript(text: string, start: number, end: number, escape: string): ExtractedScript {
  end = Math.min(end, text.length);
  // Copied in runs between escape characters: one slice and one offset fill per run, no per-character garbage.
  const parts: string[] = [];
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  let n = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    for (let k = from; k < to; k++) offsets[n++] = k;
  };
  let i = start;
  while (i < end) {
    const at = text.indexOf(escape, i);
    if (at < 0 || at >= end) {
      copy(i, end);
      break;
    }
    copy(i, at);
    // A continuation: escape, blanks, then a line break (or the end).
    let j = at + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j >= end || text[j] === '\n' || text[j] === '\r') {
      if (j < end) j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
      i = skipDroppedLines(text, j, end);
      continue;
    }
    // An escaped character: keep both, the shell sees them.
    copy(at, Math.min(at + 2, end));
    i = at + 2;
  }
  offsets[n] = end;
  return { script: parts.join(''), offsets: offsets.subarray(0, n + 1) };
}

/** Skips blank and comment lines that follow a continuation. */
function skipDroppedLines(text: string, i: number, end: number): number {
  for (;;) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < end && (text[j] === '\n' || text[j] === '\r')) {
      i = j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1);
      continue;
    }
    if (j < end && text[j] === '#') {
      while (j < end && text[j] !== '\n' && text[j] !== '\r') j++;
      if (j < end) j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
      i = j;
      continue;
    }
    return i;
  }
}
