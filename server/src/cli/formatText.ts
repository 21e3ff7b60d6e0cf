import type { Severity } from '../core/types';
import type { FileReport } from './check';

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', cyan: '\x1b[36m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue, hint: SGR.cyan };

/**
 * Like hadolint and ruff: `path:line:col severity [id] message` (1-based), then one summary line.
 */
export function formatText(reports: FileReport[], color: boolean, unsafeShown: boolean): string {
  const paint = (code: string, s: string) => (color ? code + s + SGR.reset : s);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let safe = 0;
  let unsafe = 0;
  let withFindings = 0;
  const checked = reports.filter((r) => !r.error);
  for (const r of checked) {
    if (r.findings.length) withFindings++;
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.fixes.some((x) => x.safety === 'safe')) safe++;
      else if (f.fixes.length) unsafe++;
      const where = `${r.display}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${paint(SGR.bold, where)} ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${paint(SGR.dim, `[${f.ruleId}]`)} ${oneLine(f.message)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = `${checked.length} file${checked.length === 1 ? '' : 's'}`;
  if (!total) {
    lines.push(checked.length ? `No problems found in ${files}.` : 'No Dockerfiles checked.');
    return lines.join('\n') + '\n';
  }
  const parts = (['error', 'warning', 'info', 'hint'] as Severity[])
    .filter((s) => counts[s])
    .map((s) => `${counts[s]} ${s === 'info' ? 'info' : s + (counts[s] === 1 ? '' : 's')}`);
  let summary = `Found ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${withFindings} of ${files}.`;
  const fixable: string[] = [];
  if (safe) fixable.push(`${safe} fixable with --fix`);
  if (unsafe && !unsafeShown) fixable.push(`${unsafe} more with --fix --unsafe-fixes`);
  if (fixable.length) summary += ` ${fixable.join('; ')}.`;
  lines.push('', paint(SGR.bold, summary));
  return lines.join('\n') + '\n';
}

/** Messages stay on one line so each finding is one grep-able line. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}
