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
  const chars: string[] = [];
  const offs: number[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === escape) {
      // A continuation: escape, blanks, then a line break.
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j >= end || text[j] === '\n' || text[j] === '\r') {
        if (j < end) j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
        i = skipDroppedLines(text, j, end);
        continue;
      }
      // An escaped character: keep both, the shell sees them.
      chars.push(c);
      offs.push(i);
      if (i + 1 < end) {
        chars.push(text[i + 1]);
        offs.push(i + 1);
      }
      i += 2;
      continue;
    }
    chars.push(c);
    offs.push(i);
    i++;
  }
  const offsets = new Int32Array(offs.length + 1);
  for (let k = 0; k < offs.length; k++) offsets[k] = offs[k];
  offsets[offs.length] = Math.min(end, text.length);
  return { script: chars.join(''), offsets };
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
