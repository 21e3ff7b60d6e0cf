import { PROBLEM_KINDS, type ProblemKind } from './checkFile';
import type { FileResult } from './sweepWorker';

export interface Summary {
  counts: Record<ProblemKind, number>;
  /** `kind rule safety detail` → number of files, with up to 5 sample ids. */
  groups: { kind: ProblemKind; ruleId: string; safety?: string; detail: string; files: number; samples: string[] }[];
  findings: Record<string, number>;
  fixes: Record<string, number>;
  filesWithFindings: number;
  timeouts: string[];
  slowest: { id: string; ms: number }[];
  medianMs: number;
}

export function summarise(results: FileResult[], timeouts: string[] = []): Summary {
  const counts = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 0])) as Record<ProblemKind, number>;
  const groups = new Map<string, Summary['groups'][number]>();
  const findings: Record<string, number> = {};
  const fixes: Record<string, number> = {};
  let filesWithFindings = 0;
  for (const r of results) {
    const seen = new Set<string>();
    for (const p of r.problems) {
      counts[p.kind]++;
      const key = `${p.kind}\u0000${p.ruleId}\u0000${p.safety ?? ''}\u0000${p.detail}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { kind: p.kind, ruleId: p.ruleId, safety: p.safety, detail: p.detail, files: 0, samples: [] }));
      if (!seen.has(key)) {
        seen.add(key);
        g.files++;
        if (g.samples.length < 5) g.samples.push(r.id);
      }
    }
    if (Object.keys(r.findings).length) filesWithFindings++;
    for (const [k, v] of Object.entries(r.findings)) findings[k] = (findings[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.fixes)) fixes[k] = (fixes[k] ?? 0) + v;
  }
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    counts,
    groups: [...groups.values()].sort((a, b) => b.files - a.files),
    findings,
    fixes,
    filesWithFindings,
    timeouts,
    slowest: [...results].sort((a, b) => b.ms - a.ms).slice(0, 5).map((r) => ({ id: r.id, ms: Math.round(r.ms) })),
    medianMs: times.length ? times[times.length >> 1] : 0,
  };
}

export function formatSummary(s: Summary): string[] {
  const lines: string[] = [];
  lines.push(PROBLEM_KINDS.map((k) => `${k}: ${s.counts[k]}`).join(' · ') + ` · timeouts: ${s.timeouts.length}`);
  for (const g of s.groups) {
    lines.push(`  ${g.kind} ${g.ruleId}${g.safety ? ' (' + g.safety + ' fix)' : ''}: ${g.detail} — ${g.files} file(s), e.g. ${g.samples.join(' ')}`);
  }
  if (s.timeouts.length) lines.push(`  timed out or killed a worker (chunks): ${s.timeouts.slice(0, 5).join(' ')}…`);
  return lines;
}

export function printSummary(s: Summary, run: { wallMs: number; readMs: number; files: number; workers: number }): void {
  console.log(`\nfindings by rule (files with any: ${s.filesWithFindings}):`);
  for (const [k, v] of Object.entries(s.findings).sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v} findings, ${s.fixes[k] ?? 0} fixes offered`);
  console.log(`\nslowest files: ${s.slowest.map((x) => `${x.id} ${x.ms} ms`).join(', ')}; median ${s.medianMs.toFixed(2)} ms/file`);
  console.log(`\n${formatSummary(s).join('\n')}`);
  const secs = run.wallMs / 1000;
  console.log(
    `\nwall time ${secs.toFixed(1)} s for ${run.files} files (${(run.files / secs).toFixed(0)} files/s, ${run.workers} workers; reading the corpus ${(run.readMs / 1000).toFixed(1)} s)`,
  );
}
