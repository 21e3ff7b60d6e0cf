import { analyse, type AnalyseOptions } from './analyse';
import { TextIndex } from './text';
import type { BuildContext, FileEdit, Finding, Fix, FixSafety } from './types';

export interface AppliedFixes {
  text: string;
  applied: Fix[];
  /** Fixes left out because they overlap one applied before them. */
  skipped: Fix[];
  fileEdits: FileEdit[];
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies fixes in order, leaving out any fix whose edits overlap an already accepted one. */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const index = new TextIndex(text);
  const accepted: OffsetEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const fileEdits: FileEdit[] = [];
  for (const fix of fixes) {
    const edits = fix.edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
    const clash = edits.some((e, i) =>
      accepted.some((a) => overlaps(a, e)) || edits.some((o, j) => j !== i && overlaps(o, e)),
    );
    const fileClash = (fix.fileEdits ?? []).some((fe) => fileEdits.some((o) => o.path === fe.path));
    if (clash || fileClash) {
      skipped.push(fix);
      continue;
    }
    accepted.push(...edits);
    applied.push(fix);
    fileEdits.push(...(fix.fileEdits ?? []));
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of accepted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied, skipped, fileEdits };
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

export interface FixAllOptions extends AnalyseOptions {
  /** Apply unsafe fixes too. */
  unsafe?: boolean;
  /** Only fixes of findings this predicate keeps. */
  filter?: (f: Finding) => boolean;
  /** At most this many analyse-and-fix rounds (default 10). */
  maxPasses?: number;
}

export interface FixAllResult {
  text: string;
  /** Files of the build context to create or extend, merged per path. */
  fileEdits: FileEdit[];
  applied: { ruleId: string; title: string; safety: FixSafety }[];
  /** Findings left after the last round. */
  remaining: Finding[];
  passes: number;
}

/** The first fix of a finding that the safety level allows. */
export function pickFix(f: Finding, unsafe: boolean): Fix | undefined {
  return f.fixes.find((x) => x.safety === 'safe' || unsafe);
}

/** Analyses and fixes until nothing more applies, so fixing twice equals fixing once. */
export function fixAll(text: string, options: FixAllOptions): FixAllResult {
  const maxPasses = options.maxPasses ?? 10;
  const files = new Map<string, string>();
  const context = options.context ? overlay(options.context, files) : undefined;
  const applied: FixAllResult['applied'] = [];
  const order = new Map(options.rules.map((r, i) => [r.meta.id, i]));
  const fixAloneRules = new Set(options.rules.filter((r) => r.meta.fixAlone).map((r) => r.meta.id));
  const waitRules = new Set(options.rules.filter((r) => r.meta.fixAfterRestructure).map((r) => r.meta.id));
  let current = text;
  let passes = 0;
  for (;;) {
    const { findings } = analyse(current, { ...options, context });
    let candidates: { f: Finding; fix: Fix }[] = [];
    for (const f of findings) {
      if (options.filter && !options.filter(f)) continue;
      const fix = pickFix(f, !!options.unsafe);
      if (fix) candidates.push({ f, fix });
    }
    // Registry order is fix priority (split stages → manifests first → secrets → user → base …); a fix that
    // restructures the file goes alone so the others see the new structure.
    candidates.sort((a, b) => (order.get(a.f.ruleId) ?? 1e9) - (order.get(b.f.ruleId) ?? 1e9));
    const alone = candidates.find((c) => fixAloneRules.has(c.f.ruleId));
    if (alone) candidates = [alone];
    // Fixes for the stage that ships wait while a restructuring rule still reports (its fix may become possible
    // once others have run, e.g. after a secret moved to a mount), so they land in the final stage of the result.
    else if (findings.some((f) => fixAloneRules.has(f.ruleId)) && candidates.some((c) => !waitRules.has(c.f.ruleId))) {
      candidates = candidates.filter((c) => !waitRules.has(c.f.ruleId));
    }
    if (!candidates.length || passes >= maxPasses) {
      return { text: current, fileEdits: toFileEdits(files, options.context), applied, remaining: findings, passes };
    }
    const result = applyFixes(current, candidates.map((c) => c.fix));
    if (!result.applied.length || (result.text === current && !result.fileEdits.length)) {
      return { text: current, fileEdits: toFileEdits(files, options.context), applied, remaining: findings, passes };
    }
    for (const fe of result.fileEdits) {
      const before = files.get(fe.path) ?? options.context?.readFile(fe.path) ?? '';
      files.set(fe.path, fe.kind === 'create' && !before ? fe.text : before + fe.text);
    }
    for (const c of candidates) if (result.applied.includes(c.fix)) applied.push({ ruleId: c.f.ruleId, title: c.fix.title, safety: c.fix.safety });
    current = result.text;
    passes++;
  }
}

function overlay(base: BuildContext, files: Map<string, string>): BuildContext {
  return {
    exists: (p) => files.has(p) || base.exists(p),
    readFile: (p) => files.get(p) ?? base.readFile(p),
    listDir: (d) => {
      const list = base.listDir(d);
      const extra = [...files.keys()].filter((p) => (d ? p.startsWith(d + '/') : !p.includes('/'))).map((p) => p.slice(d ? d.length + 1 : 0));
      return list ? [...new Set([...list, ...extra])] : extra.length ? extra : undefined;
    },
  };
}

function toFileEdits(files: Map<string, string>, base?: BuildContext): FileEdit[] {
  const out: FileEdit[] = [];
  for (const [path, text] of files) {
    const before = base?.readFile(path);
    if (before === undefined) out.push({ path, kind: 'create', text });
    else if (text.startsWith(before)) out.push({ path, kind: 'append', text: text.slice(before.length) });
  }
  return out;
}
