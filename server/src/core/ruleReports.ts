import { memo } from './memo';
import type { Model } from './model';
import type { Report, Rule, RuleContext } from './rule';
import type { BuildContext, Settings } from './types';

export interface RuleRun {
  /** What the rule reported (up to the throw, when it threw). */
  reports: Report[];
  threw: boolean;
  error?: unknown;
}

/**
 * A rule's check over a model, run once per model, settings and context: `analyse` and every rule that asks
 * what another reports (`reportsOf`) share it, so no check runs twice in one analysis.
 */
export function runRule(rule: Rule, model: Model, settings: Settings, context?: BuildContext): RuleRun {
  const bySettings = memo(model, `core.ruleRun.${rule.meta.id}`, () => new WeakMap<object, Map<BuildContext | undefined, RuleRun>>());
  let byContext = bySettings.get(settings);
  if (!byContext) bySettings.set(settings, (byContext = new Map()));
  let run = byContext.get(context);
  if (!run) {
    const reports: Report[] = [];
    run = { reports, threw: false };
    try {
      rule.check({ model, settings, context, report: (r) => reports.push(r) });
    } catch (e) {
      run.threw = true;
      run.error = e;
    }
    byContext.set(context, run);
  }
  return run;
}

/**
 * What another rule reports on the same model, for rules that share places and must not double-report them
 * (an ENV is secret-in-env's, an ARG secret-in-build-arg's; hardcoded-secret takes what neither reports).
 * A rule switched off in the settings reports nothing, so the place falls back to the asking rule.
 * A rule that throws reports nothing.
 */
export function reportsOf(rule: Rule, ctx: RuleContext): Report[] {
  if (ctx.settings.rules?.[rule.meta.id] === 'off') return [];
  const run = runRule(rule, ctx.model, ctx.settings, ctx.context);
  return run.threw ? [] : run.reports;
}
