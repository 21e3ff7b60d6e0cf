import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { TextIndex } from '../../server/src/core/text';
import type { TextEdit } from '../../server/src/core/types';

/**
 * "The fix's output fails to parse", defined soundly. dockerfile-ast never throws, so a parse failure is
 * a change in what the parser *sees* that the fix did not ask for. A fix's output fails to parse when:
 *  1. lost: an instruction the fix's edits do not own is missing from the output, or its text changed
 *     (a new line that ends in a continuation swallows the next instruction; an append after a
 *     trailing backslash becomes part of the last RUN; a deleted line break joins two instructions);
 *  2. unknown: the output has an instruction whose keyword Docker does not know, and the input had no
 *     instruction with that keyword (the fix wrote a typo, a stray word, or a half line);
 *  3. directive: a parser directive of the input (`# escape=`, `# syntax=`, `# check=`) is no longer a
 *     directive, or the escape character changed (a line inserted above the directives demotes them);
 *  4. validator: dockerfile-utils `validate` (the validator behind Microsoft's Docker extension) reports
 *     an error code more often in the output than in the input.
 * An edit owns an instruction when it replaces text inside it; an insertion owns it when it lands inside
 * it (unless it inserts whole lines at a line start), or at its end without starting a new line, or at its
 * start without ending one.
 */
export const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

interface Ins {
  keyword: string;
  text: string;
  start: number;
  end: number;
}

function instructions(text: string, df: Dockerfile): Ins[] {
  const index = new TextIndex(text);
  return df.getInstructions().map((i) => {
    const r = i.getRange();
    const start = index.offsetAt(r.start);
    const end = index.offsetAt(r.end);
    return { keyword: i.getKeyword().toUpperCase(), text: text.slice(start, end), start, end };
  });
}

const startsWithEol = (s: string) => s.startsWith('\n') || s.startsWith('\r');
const endsWithEol = (s: string) => s.endsWith('\n') || s.endsWith('\r');

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function owns(e: OffsetEdit, ins: Ins, text: string): boolean {
  if (e.start !== e.end) return e.start <= ins.end && e.end > ins.start;
  const p = e.start;
  const lineStart = p === 0 || text[p - 1] === '\n' || text[p - 1] === '\r';
  if (p > ins.start && p < ins.end) return !(lineStart && endsWithEol(e.newText));
  if (p === ins.end && p !== ins.start) return !startsWithEol(e.newText) && !lineStart;
  if (p === ins.start) return !endsWithEol(e.newText);
  return false;
}

/** Error codes by count, or undefined when dockerfile-utils itself crashes (it overflows its stack on some inputs). */
function errorCodes(text: string): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  let diagnostics;
  try {
    diagnostics = validate(text);
  } catch {
    return undefined;
  }
  for (const d of diagnostics) {
    if (d.severity !== 1) continue;
    const key = String(d.code);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** What the checks need of the input, computed once for all its fixes. */
export interface ParsedInput {
  text: string;
  df: Dockerfile;
  instructions: Ins[];
  /** Validator error codes of the input; null when the validator crashes on it. */
  errors?: Map<string, number> | null;
}

export function prepareInput(text: string): ParsedInput {
  const df = DockerfileParser.parse(text);
  return { text, df, instructions: instructions(text, df) };
}

/** Why `after` (the result of `edits` on the input) fails to parse, or undefined. No edits: a whole fixAll run. */
export function parseFailure(input: ParsedInput | string, after: string, edits?: readonly TextEdit[]): string | undefined {
  const pre = typeof input === 'string' ? prepareInput(input) : input;
  const before = pre.text;
  const dfAfter = DockerfileParser.parse(after);
  const a = pre.instructions;
  const b = instructions(after, dfAfter);
  if (edits) {
    const index = new TextIndex(before);
    const offs = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
    const kept = a.filter((ins) => !offs.some((e) => owns(e, ins, before)));
    let j = 0;
    for (const ins of kept) {
      while (j < b.length && !(b[j].keyword === ins.keyword && b[j].text === ins.text)) j++;
      if (j >= b.length) return `lost: a ${ins.keyword} the fix does not own is gone or changed`;
      j++;
    }
  }
  const known = new Set(a.map((i) => i.keyword));
  const unknown = b.find((i) => !KEYWORDS.has(i.keyword) && !known.has(i.keyword));
  if (unknown) return `unknown: the output has an instruction with an unknown keyword`;
  if (dfAfter.getEscapeCharacter() !== pre.df.getEscapeCharacter()) return 'directive: the escape character changed';
  const dirsAfter = new Set(dfAfter.getDirectives().map((d) => d.getName().toLowerCase()));
  for (const d of pre.df.getDirectives()) {
    if (!dirsAfter.has(d.getName().toLowerCase())) return `directive: the ${d.getName().toLowerCase()} directive is no longer a directive`;
  }
  if (pre.errors === undefined) pre.errors = errorCodes(before) ?? null;
  if (pre.errors === null) return undefined; // the validator cannot read the input: no baseline
  const errAfter = errorCodes(after);
  if (!errAfter) return 'validator: dockerfile-utils crashes on the output but not on the input';
  for (const [code, n] of errAfter) {
    if (n > (pre.errors.get(code) ?? 0)) return `validator: dockerfile-utils reports error code ${code} more often`;
  }
  return undefined;
}
