import { memoryContext } from '../../server/src/core/memoryContext';
import { analyse } from '../../server/src/core/analyse';
import { fsBuildContext } from '../../server/src/node/fsContext';
import { loadShellParser } from '../../server/src/node/shellWasm';
import { rules as registered } from '../../server/src/rules';
import { probeRules } from '../property/probeRules';
import type { Settings } from '../../server/src/core/types';
import { checkDockerfile, type Problem } from './checkFile';
import type { CorpusFile } from './corpusFiles';

/** One corpus file's outcome: its problems, its findings and fixes by rule, and what it cost. */
export interface FileResult {
  id: string;
  problems: Problem[];
  findings: Record<string, number>;
  fixes: Record<string, number>;
  ms: number;
}

export const ready = loadShellParser();

/** The registered rules; with LEAN_DOCKERFILE_SWEEP_PROBES=1 also the probe rules (core edit helpers on real files). */
const rules = process.env.LEAN_DOCKERFILE_SWEEP_PROBES === '1' ? [...registered, ...probeRules] : registered;

/** Odd files use `secretMountStyle: 'file'`, so both fix styles meet the corpus. */
export function settingsFor(ordinal: number): Settings {
  return ordinal % 2 ? { secretMountStyle: 'file' } : {};
}

export function sweepFile(file: CorpusFile, ordinal: number): FileResult {
  const t0 = performance.now();
  const context = file.contextDir ? fsBuildContext(file.contextDir) : memoryContext({});
  const settings = settingsFor(ordinal);
  const problems = checkDockerfile(file.text, { rules, context, settings });
  const findings: Record<string, number> = {};
  const fixes: Record<string, number> = {};
  try {
    for (const f of analyse(file.text, { rules, context, settings }).findings) {
      findings[f.ruleId] = (findings[f.ruleId] ?? 0) + 1;
      if (f.fixes.length) fixes[f.ruleId] = (fixes[f.ruleId] ?? 0) + f.fixes.length;
    }
  } catch {
    // Already counted as a crash by checkDockerfile.
  }
  return { id: file.id, problems, findings, fixes, ms: performance.now() - t0 };
}

export function ruleIds(): string[] {
  return rules.map((r) => r.meta.id);
}
