import type { Position, Range } from './types';

/**
 * Line index over a text with the same line-break rules as LSP and dockerfile-ast:
 * `\r\n`, `\n` and a lone `\r` each end a line.
 */
export class TextIndex {
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** The line ending used for new lines: the first one in the file, else `\n`. */
  readonly eol: string;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    let eol: string | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          eol ??= '\r\n';
          i++;
        } else {
          eol ??= '\r';
        }
        starts.push(i + 1);
      } else if (c === 10) {
        eol ??= '\n';
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.eol = eol ?? '\n';
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineContentEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  /** Offset just past the last character of a line, before its line break. */
  lineContentEnd(line: number): number {
    if (line + 1 < this.lineStarts.length) {
      let end = this.lineStarts[line + 1];
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }

  /** Offset of the start of the next line (or the end of the text). */
  lineEnd(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineContentEnd(line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  slice(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** Whether the text ends with a line break (so an appended line needs none before it). */
  endsWithNewline(): boolean {
    const last = this.text.charCodeAt(this.text.length - 1);
    return last === 10 || last === 13;
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
