import type { Model } from './model';
import type { Finding } from './types';

/**
 * Ignore comments, filtered centrally after the rules ran (rules never see them):
 * - `# lean-dockerfile ignore=<id>[,<id>]` in the comment block right above an instruction;
 * - `# lean-dockerfile global ignore=<id>[,<id>]` anywhere, for the whole file.
 * `ignore=all` silences every rule.
 */
export interface Suppressions {
  global: Set<string>;
  /** Instruction start line → ids ignored for that instruction. */
  byLine: Map<number, Set<string>>;
}

const IGNORE = /^#\s*lean-dockerfile\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/i;

export function collectSuppressions(model: Model): Suppressions {
  const global = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const comments = new Map<number, string>();
  // dockerfile-ast may take a comment on the first lines for a parser directive: read those lines too.
  const lines = [...model.dockerfile.getComments(), ...model.dockerfile.getDirectives()].map((c) => c.getRange().start.line);
  for (const line of lines) comments.set(line, model.index.lineText(line).trim().replace(/^\uFEFF/, ''));
  for (const [, text] of comments) {
    const m = IGNORE.exec(text);
    if (m?.[1]) for (const id of splitIds(m[2])) global.add(id);
  }
  for (const ins of model.instructions) {
    const ids = new Set<string>();
    for (let line = ins.range.start.line - 1; line >= 0 && comments.has(line); line--) {
      const m = IGNORE.exec(comments.get(line)!);
      if (m && !m[1]) for (const id of splitIds(m[2])) ids.add(id);
    }
    if (ids.size) byLine.set(ins.range.start.line, ids);
  }
  return { global, byLine };
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** Findings minus the suppressed ones. A finding belongs to the instruction whose range holds its start. */
export function filterSuppressed(model: Model, findings: Finding[], sup: Suppressions): Finding[] {
  if (!sup.global.size && !sup.byLine.size) return findings;
  return findings.filter((f) => {
    if (sup.global.has(f.ruleId) || sup.global.has('all')) return false;
    const ins = model.instructions.find(
      (i) => i.range.start.line <= f.range.start.line && f.range.start.line <= i.range.end.line,
    );
    const ids = ins && sup.byLine.get(ins.range.start.line);
    return !(ids && (ids.has(f.ruleId) || ids.has('all')));
  });
}
