import type { Model } from './model';
import type { BuildContext, Fix, Range, Settings, Severity } from './types';

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
   * An editor command (e.g. `leanDockerfile.splitStages`) that applies this rule's first fix for the document;
   * the shells route the command to every rule that names it, never by rule id.
   */
  command?: string;
  /**
   * The fix restructures the file (e.g. splits a stage): fix-all applies it on its own, before any other rule's
   * fix, and re-analyses, so that the other rules fix the new structure rather than the old one.
   */
  fixAlone?: boolean;
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
