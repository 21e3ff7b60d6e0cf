import { buildModel, type Model } from './model';
import { forgetModel } from './memo';
import type { Rule } from './rule';
import { runRule } from './ruleReports';
import { collectSuppressions, filterSuppressed } from './suppress';
import { comparePositions } from './text';
import type { BuildContext, Finding, Settings } from './types';

export interface AnalyseOptions {
  rules: readonly Rule[];
  context?: BuildContext;
  settings?: Settings;
}

export interface RuleError {
  ruleId: string;
  error: string;
}

export interface Analysis {
  model: Model;
  findings: Finding[];
  /** Rules that threw: reported, never fatal. */
  ruleErrors: RuleError[];
}

/** parse → model → rules → suppressions → sorted findings. Never throws for any input text. */
export function analyse(text: string, options: AnalyseOptions): Analysis {
  const settings = options.settings ?? {};
  const model = buildModel(text, options.context);
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  for (const rule of options.rules) {
    const level = settings.rules?.[rule.meta.id];
    if (level === 'off') continue;
    const severity = level ?? rule.meta.severity;
    const run = runRule(rule, model, settings, options.context);
    for (const r of run.reports) findings.push({ ruleId: rule.meta.id, severity, message: r.message, range: r.range, fixes: r.fixes ?? [] });
    if (run.threw) {
      const e = run.error;
      ruleErrors.push({ ruleId: rule.meta.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  forgetModel(model);
  const kept = filterSuppressed(model, findings, collectSuppressions(model), options.rules.map((r) => r.meta));
  kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.ruleId.localeCompare(b.ruleId));
  return { model, findings: kept, ruleErrors };
}
