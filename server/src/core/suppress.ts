import type { Model } from './model';
import type { RuleMeta } from './rule';
import type { Finding } from './types';

/**
 * Ignore comments, filtered centrally after the rules ran (rules never see them). Three dialects:
 * - ours: `# lean-dockerfile ignore=<id>[,<id>]` in the comment block right above an instruction, and
 *   `# lean-dockerfile global ignore=<id>` anywhere for the whole file (`all` silences every rule);
 * - hadolint's: `# hadolint ignore=DL3002` / `# hadolint global ignore=DL3002`, for rules whose
 *   `related.hadolint` names that code;
 * - BuildKit's: the `# check=skip=<Rule>[,<Rule>]` parser directive (or `skip=all`), for rules whose
 *   `related.buildkit` names that check.
 */
export interface Suppressions {
  /** Lower-cased ids and foreign codes silenced for the whole file. */
  global: Set<string>;
  /** Instruction start line → lower-cased ids and codes ignored for that instruction. */
  byLine: Map<number, Set<string>>;
  /** BuildKit checks skipped by the `check` directive (lower-cased), `all` included. */
  buildkitSkip: Set<string>;
}

const OURS = /^#\s*lean-dockerfile\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/i;
const HADOLINT = /^#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/i;

export function collectSuppressions(model: Model): Suppressions {
  const global = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const buildkitSkip = new Set<string>();
  const comments = new Map<number, string>();
  // dockerfile-ast may take a comment on the first lines for a parser directive: read those lines too.
  const lines = [...model.dockerfile.getComments(), ...model.dockerfile.getDirectives()].map((c) => c.getRange().start.line);
  for (const line of lines) comments.set(line, model.index.lineText(line).trim().replace(/^\uFEFF/, ''));
  for (const [, text] of comments) {
    const m = OURS.exec(text) ?? HADOLINT.exec(text);
    if (m?.[1]) for (const id of splitIds(m[2])) global.add(id);
  }
  for (const d of model.directives) {
    if (d.name !== 'check') continue;
    for (const part of d.value.split(';')) {
      const m = /^\s*skip\s*=\s*(.*)$/i.exec(part);
      if (m) for (const id of splitIds(m[1])) buildkitSkip.add(id);
    }
  }
  for (const ins of model.instructions) {
    const ids = new Set<string>();
    for (let line = ins.range.start.line - 1; line >= 0 && comments.has(line); line--) {
      const text = comments.get(line)!;
      const m = OURS.exec(text) ?? HADOLINT.exec(text);
      if (m && !m[1]) for (const id of splitIds(m[2])) ids.add(id);
    }
    if (ids.size) byLine.set(ins.range.start.line, ids);
  }
  return { global, byLine, buildkitSkip };
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** The names a rule answers to in ignore comments: its id, and its hadolint codes. */
function namesOf(ruleId: string, meta?: RuleMeta): string[] {
  return [ruleId, ...(meta?.related?.hadolint ?? []).map((c) => c.toLowerCase())];
}

/** Findings minus the suppressed ones. A finding belongs to the instruction whose lines hold its start. */
export function filterSuppressed(model: Model, findings: Finding[], sup: Suppressions, metas: readonly RuleMeta[] = []): Finding[] {
  if (!sup.global.size && !sup.byLine.size && !sup.buildkitSkip.size) return findings;
  const metaOf = new Map(metas.map((m) => [m.id, m]));
  return findings.filter((f) => {
    const meta = metaOf.get(f.ruleId);
    const names = namesOf(f.ruleId, meta);
    if (sup.global.has('all') || names.some((n) => sup.global.has(n))) return false;
    const bk = (meta?.related?.buildkit ?? []).map((c) => c.toLowerCase());
    if (bk.length && (sup.buildkitSkip.has('all') || bk.some((c) => sup.buildkitSkip.has(c)))) return false;
    const ins = model.instructions.find((i) => i.range.start.line <= f.range.start.line && f.range.start.line <= i.range.end.line);
    const ids = ins && sup.byLine.get(ins.range.start.line);
    return !(ids && (ids.has('all') || names.some((n) => ids.has(n))));
  });
}
