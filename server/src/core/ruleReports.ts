import type { Report, Rule, RuleContext } from './rule';

/**
 * What another rule reports on the same model, for rules that share places and must not double-report them
 * (an ENV is secret-in-env's, an ARG secret-in-build-arg's; hardcoded-secret takes what neither reports).
 * A rule switched off in the settings reports nothing, so the place falls back to the asking rule.
 * A rule that throws reports nothing.
 */
export function reportsOf(rule: Rule, ctx: RuleContext): Report[] {
  if (ctx.settings.rules?.[rule.meta.id] === 'off') return [];
  const out: Report[] = [];
  try {
    rule.check({ model: ctx.model, settings: ctx.settings, context: ctx.context, report: (r) => out.push(r) });
  } catch {
    return [];
  }
  return out;
}
