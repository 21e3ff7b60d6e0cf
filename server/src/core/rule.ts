import type { Model } from './model';
import type { BuildContext, Fix, Range, Settings, Severity } from './types';

/** The palette refactors a rule's fixes can take part in. */
export type RefactorKind = 'splitStages' | 'cacheMounts' | 'secrets' | 'nonRoot';

/** The refactors a rule carries, as a list. */
export function ruleRefactors(meta: RuleMeta): readonly RefactorKind[] {
  return meta.refactor === undefined ? [] : typeof meta.refactor === 'string' ? [meta.refactor] : meta.refactor;
}

export interface RuleMeta {
  /** kebab-case id: names the file, the doc and the test folder. Public interface: never renamed. */
  id: string;
  summary: string;
  severity: Severity;
  /** Whether the rule offers a fix. */
  fix: 'always' | 'sometimes' | 'never';
  /** Twins in other tools, for docs, ignore comments and the comparison page. */
  related?: { hadolint?: string[]; buildkit?: string[]; trivy?: string[]; checkov?: string[] };
  /**
   * The whole-file refactor(s) this rule's fixes belong to ("Add cache mounts", "Move secrets to secret mounts"…):
   * the editor runs fix-all over the rules that carry it, never choosing rules by id.
   */
  refactor?: RefactorKind | readonly RefactorKind[];
  /**
   * The fix restructures the file (e.g. splits a stage): fix-all applies it on its own, before any other rule's
   * fix, and re-analyses, so that the other rules fix the new structure rather than the old one.
   */
  fixAlone?: boolean;
  /**
   * The fix targets the stage that ships: fix-all holds it back while a `fixAlone` rule still reports and other
   * fixes are making progress, so it lands in the final stage of the result, not in a future build stage.
   */
  fixAfterRestructure?: boolean;
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext {
  model: Model;
  settings: Settings;
  context?: BuildContext;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
