import type { FileReport } from './check';

/**
 * Exactly `{"version":1,"files":[{"path","findings":[{"rule","severity","message","range","fixes":[{"title","safe"}]}]}]}`
 * with LSP-style 0-based positions. Files that could not be read are left out (their errors go to stderr).
 */
export function formatJson(reports: FileReport[]): string {
  const files = reports
    .filter((r) => !r.error || r.findings.length)
    .map((r) => ({
      path: r.display,
      findings: r.findings.map((f) => ({
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: {
          start: { line: f.range.start.line, character: f.range.start.character },
          end: { line: f.range.end.line, character: f.range.end.character },
        },
        fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safety === 'safe' })),
      })),
    }));
  return JSON.stringify({ version: 1, files }) + '\n';
}
