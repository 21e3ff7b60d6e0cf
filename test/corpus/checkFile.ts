import { analyse } from '../../server/src/core/analyse';
import { applyFixes, fixAll } from '../../server/src/core/fix';
import { TextIndex } from '../../server/src/core/text';
import type { Rule } from '../../server/src/core/rule';
import type { BuildContext, FileEdit, Finding, Fix, FixSafety, Range, Settings } from '../../server/src/core/types';
import { missingUntouchedLine, touchedLines } from '../helpers/fixCheck';
import { parseFailure, prepareInput, type ParsedInput } from './parseCheck';

/**
 * The five checks of the corpus sweep (issue 6), for one Dockerfile, plus range sanity:
 *  crash        analyse/applyFixes/fixAll throws, a rule throws (ruleErrors), or a fix cannot be applied;
 *  parse        a fix's output fails to parse (see parseCheck.ts for the definition);
 *  idempotence  fixAll(fixAll(x)) ≠ fixAll(x), safe and unsafe (fixAll also must settle within its passes);
 *  untouched    a fix changes a line it does not own (test/helpers/fixCheck.ts);
 *  reappears    after a fix is applied alone, its rule reports a fixable finding at the same place again;
 *  range        a finding or an edit range lies outside the document or ends before it starts.
 * Problems carry rule ids and check names only: never text of the file (the corpus holds real secrets).
 */
export type ProblemKind = 'crash' | 'parse' | 'idempotence' | 'untouched' | 'reappears' | 'range';
export const PROBLEM_KINDS: readonly ProblemKind[] = ['crash', 'parse', 'idempotence', 'untouched', 'reappears', 'range'];

export interface Problem {
  kind: ProblemKind;
  ruleId: string;
  safety?: FixSafety;
  /** What went wrong, in words that never quote the file. */
  detail: string;
}

export interface CheckOptions {
  rules: readonly Rule[];
  context: BuildContext;
  settings?: Settings;
}

export function checkDockerfile(text: string, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const settings = options.settings ?? {};
  let findings: Finding[];
  try {
    const a = analyse(text, { ...options, settings });
    for (const e of a.ruleErrors) problems.push({ kind: 'crash', ruleId: e.ruleId, detail: 'rule threw: ' + safeStack(e.error) });
    findings = a.findings;
  } catch (e) {
    return [{ kind: 'crash', ruleId: '(core)', detail: 'analyse threw: ' + safeStack(e) }];
  }
  const index = new TextIndex(text);
  const parsed = prepareInput(text);
  for (const f of findings) {
    if (!rangeInside(index, f.range)) problems.push({ kind: 'range', ruleId: f.ruleId, detail: 'finding range outside the document' });
    for (const fix of f.fixes) {
      try {
        checkFix(parsed, index, f, fix, options, settings, problems);
      } catch (e) {
        problems.push({ kind: 'crash', ruleId: f.ruleId, safety: fix.safety, detail: 'fix check threw: ' + safeStack(e) });
      }
    }
  }
  for (const unsafe of [false, true]) {
    if (!findings.some((f) => f.fixes.some((x) => unsafe || x.safety === 'safe'))) continue;
    const safety: FixSafety = unsafe ? 'unsafe' : 'safe';
    try {
      const once = fixAll(text, { ...options, settings, unsafe });
      const ctx = withFiles(options.context, once.fileEdits);
      const again = fixAll(once.text, { ...options, settings, context: ctx, unsafe });
      const rules = [...new Set(once.applied.map((x) => x.ruleId))].join(',') || '(none)';
      if (again.text !== once.text || again.fileEdits.length) {
        const by = [...new Set(again.applied.map((x) => x.ruleId))].join(',') || rules;
        problems.push({ kind: 'idempotence', ruleId: by, safety, detail: `fixAll ${safety} twice differs from once` });
      }
      const why = parseFailure(parsed, once.text);
      if (why) problems.push({ kind: 'parse', ruleId: rules, safety, detail: `fixAll ${safety}: ${why}` });
    } catch (e) {
      problems.push({ kind: 'crash', ruleId: '(fixAll)', safety, detail: `fixAll ${safety} threw: ` + safeStack(e) });
    }
  }
  return problems;
}

function checkFix(parsed: ParsedInput, index: TextIndex, f: Finding, fix: Fix, options: CheckOptions, settings: Settings, problems: Problem[]): void {
  const p = (kind: ProblemKind, detail: string): void => void problems.push({ kind, ruleId: f.ruleId, safety: fix.safety, detail });
  const text = parsed.text;
  if (fix.edits.some((e) => !rangeInside(index, e.range))) p('range', 'edit range outside the document');
  const out = applyFixes(text, [fix]);
  if (out.applied.length !== 1) return p('crash', 'fix has overlapping edits and cannot be applied');
  const why = parseFailure(parsed, out.text, fix.edits);
  if (why) p('parse', why);
  const missing = missingUntouchedLine(text, out.text, touchedLines(text, fix));
  if (missing) p('untouched', `changed line ${missing.line + 1}, which it does not own`);
  const after = analyse(out.text, { ...options, settings, context: withFiles(options.context, out.fileEdits) });
  for (const e of after.ruleErrors) p('crash', `rule ${e.ruleId} threw on a fixed output: ` + safeStack(e.error));
  const [start, end] = mapRange(index, f.range, fix);
  const outIndex = new TextIndex(out.text);
  const again = after.findings.find((g) => {
    if (g.ruleId !== f.ruleId || !g.fixes.length) return false;
    const gs = outIndex.offsetAt(g.range.start);
    const ge = outIndex.offsetAt(g.range.end);
    // Same place: the ranges overlap; a range the fix deleted (mapped to a point) only matches a point there.
    if (start === end) return gs === start && ge === start;
    if (gs === ge) return start <= gs && gs <= end;
    return gs < end && start < ge;
  });
  if (again) p('reappears', 'the finding is still there, with a fix, after its own fix');
}

/** The finding's range carried through the fix's edits (offsets in the output). */
function mapRange(index: TextIndex, range: Range, fix: Fix): [number, number] {
  const edits = fix.edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), len: e.newText.length }))
    .sort((a, b) => a.start - b.start);
  const map = (o: number, side: 'start' | 'end') => {
    let shift = 0;
    for (const e of edits) {
      if (e.end < o || (e.end === o && (e.start < e.end || side === 'end'))) shift += e.len - (e.end - e.start);
      else if (e.start < o) return side === 'start' ? e.start + shift : e.start + shift + e.len;
    }
    return o + shift;
  };
  return [map(index.offsetAt(range.start), 'start'), map(index.offsetAt(range.end), 'end')];
}

export function rangeInside(index: TextIndex, r: Range): boolean {
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 && p.line < index.lineCount &&
    index.lineStarts[p.line] + p.character <= index.lineContentEnd(p.line);
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

export function withFiles(base: BuildContext, edits: readonly FileEdit[]): BuildContext {
  if (!edits.length) return base;
  const extra = new Map<string, string>();
  for (const e of edits) extra.set(e.path, (e.kind === 'append' ? (extra.get(e.path) ?? base.readFile(e.path) ?? '') : '') + e.text);
  return {
    exists: (p) => extra.has(p) || base.exists(p),
    readFile: (p) => extra.get(p) ?? base.readFile(p),
    listDir: (d) => {
      const names = [...extra.keys()].filter((p) => (d ? p.startsWith(d + '/') : !p.includes('/'))).map((p) => p.slice(d ? d.length + 1 : 0));
      const list = base.listDir(d);
      return list ? [...new Set([...list, ...names])] : names.length ? names : undefined;
    },
  };
}

/**
 * An error without its message (a message may quote the file, and the corpus holds real secrets):
 * the error's class and the first stack frames inside the project.
 */
export function safeStack(e: unknown): string {
  // Local debugging only (prints the message, which may quote the file): LEAN_DOCKERFILE_DEBUG_STACKS=1.
  if (process.env.LEAN_DOCKERFILE_DEBUG_STACKS === '1') return e instanceof Error ? (e.stack ?? String(e)) : String(e);
  const stack = e instanceof Error ? (e.stack ?? '') : typeof e === 'string' ? e : '';
  const name = e instanceof Error ? e.name : /^(\w*Error)\b/.exec(stack)?.[1] ?? 'Error';
  const frames = stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l) && /server\/src\//.test(l))
    .slice(0, 3)
    .map((l) => l.trim().replace(/^at /, '').replace(/\(?\S*?(server\/src\/[^):]+:\d+):\d+\)?/, '($1)'));
  return `${name}${frames.length ? ' at ' + frames.join(' < ') : ''}`;
}
