// Generates the README rules table from rule metadata: `node --import tsx scripts/rulesTable.ts --write`.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Rule } from '../server/src/core/rule';

const BEGIN = '<!-- rules:begin -->';
const END = '<!-- rules:end -->';

export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => {
    const m = r.meta;
    const related = [
      ...(m.related?.hadolint ?? []).map((x) => `hadolint ${x}`),
      ...(m.related?.buildkit ?? []).map((x) => `BuildKit ${x}`),
      ...(m.related?.trivy ?? []).map((x) => `Trivy ${x}`),
      ...(m.related?.checkov ?? []).map((x) => `Checkov ${x}`),
    ].join(', ');
    const fix = m.fix === 'never' ? '—' : m.fix;
    return `| [\`${m.id}\`](server/src/rules/${m.id}.md) | ${m.summary} | ${m.severity} | ${fix} | ${related || '—'} |`;
  });
  return [BEGIN, '| rule | what it finds | severity | fix | related |', '| --- | --- | --- | --- | --- |', ...rows, END].join('\n');
}

if (process.argv.includes('--write')) void write();

async function write(): Promise<void> {
  const { rules } = await import('../server/src/rules');
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error('README.md has no rules table markers');
  writeFileSync('README.md', readme.slice(0, start) + rulesTable(rules) + readme.slice(end + END.length));
  console.log('README.md rules table written');
}
