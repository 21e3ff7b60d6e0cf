// `lean-dockerfile check …`: the analysis core with file IO. Exit 0 = no findings (at or above the threshold),
// 1 = findings remain, 2 = usage, configuration or I/O error.
import { dirname, resolve } from 'node:path';
import { version } from '../../../package.json';
import type { Severity } from '../core/types';
import { findConfig, loadConfig, type LoadedConfig } from '../node/config';
import { loadShellParser } from '../node/shellWasm';
import { rules } from '../rules/index';
import { parseCliArgs, USAGE, type CheckOptions, type Threshold } from './args';
import { checkFile, type FileReport } from './check';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { collectTargets, type Target } from './walk';

const RANK: Record<Threshold, number> = { hint: 1, info: 2, warning: 3, error: 4, none: Infinity };

export interface Io {
  out(s: string): void;
  err(s: string): void;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') return io.out(USAGE + '\n'), 0;
  if (parsed.kind === 'version') return io.out(version + '\n'), 0;
  if (parsed.kind === 'error') {
    io.err(`lean-dockerfile: ${parsed.message}\nRun 'lean-dockerfile --help' for usage.\n`);
    return 2;
  }
  const opts = parsed.options;
  await loadShellParser();
  const { targets, errors } = collectTargets(opts.paths);
  for (const e of errors) io.err(`lean-dockerfile: ${e.path}: ${e.message}\n`);

  // Every configuration is loaded and validated before anything is written.
  const configs = loadConfigs(targets, opts, io.cwd);
  let configFailed = false;
  for (const c of new Set(configs.values())) {
    if (!c) continue;
    for (const p of c.problems) {
      io.err(`${c.path}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}\n`);
      if (p.severity === 'error') configFailed = true;
    }
  }
  if (configFailed) {
    io.err('lean-dockerfile: invalid configuration; nothing was checked or written.\n');
    return 2;
  }
  if (!targets.length && !errors.length) io.err(`lean-dockerfile: no Dockerfiles found in ${opts.paths.join(', ')}\n`);

  const reports: FileReport[] = [];
  const progress = io.stderrIsTty && targets.length > 20;
  targets.forEach((t, i) => {
    if (progress) io.err(`\r\x1b[KChecking ${i + 1}/${targets.length} ${t.display}`);
    const config = configs.get(t.path);
    reports.push(
      checkFile(t, { rules, settings: config?.config.settings ?? {}, fix: opts.fix, unsafe: opts.unsafeFixes, diff: opts.diff }),
    );
  });
  if (progress) io.err('\r\x1b[K');

  let ioFailed = errors.length > 0;
  for (const r of reports) {
    if (r.error) {
      ioFailed = true;
      io.err(`lean-dockerfile: ${r.display}: ${r.error}\n`);
    }
    for (const e of r.ruleErrors) io.err(`lean-dockerfile: internal error in rule ${e.ruleId} on ${r.display}: ${e.error.split('\n')[0]}\n`);
    if (r.applied.length) {
      io.err(`Fixed ${r.display}: ${r.applied.map((a) => `${a.ruleId} (${a.title}${a.safety === 'unsafe' ? ', unsafe' : ''})`).join(', ')}\n`);
    }
    for (const w of r.written) io.err(`Wrote ${w}\n`);
  }

  if (opts.diff) {
    io.out(reports.map((r) => r.diff).join(''));
    const would = reports.filter((r) => r.diff).length;
    io.err(would ? `Would fix ${would} file${would === 1 ? '' : 's'} (nothing was written).\n` : 'Nothing to fix.\n');
    if (reports.some((r) => r.diffMasked)) io.err('Credential values in the diff are shown as ***: apply the fixes with --fix, not with patch.\n');
  } else if (opts.format === 'json') io.out(formatJson(reports));
  else if (opts.format === 'sarif') io.out(formatSarif(reports, { rules, version, cwd: io.cwd }));
  else io.out(formatText(reports, useColor(opts, io), opts.unsafeFixes));

  if (ioFailed) return 2;
  const failing = reports.some((r) => r.findings.some((f) => RANK[f.severity as Severity] >= RANK[opts.failureThreshold]));
  return failing ? 1 : 0;
}

/** The configuration of each target: --config for all, else the nearest project file (up to the cwd). */
function loadConfigs(targets: Target[], opts: CheckOptions, cwd: string): Map<string, LoadedConfig | undefined> {
  const known = new Set(rules.map((r) => r.meta.id));
  const cache = new Map<string, LoadedConfig>();
  const load = (p: string) => {
    let c = cache.get(p);
    if (!c) cache.set(p, (c = loadConfig(p, known)));
    return c;
  };
  const out = new Map<string, LoadedConfig | undefined>();
  const forced = opts.config ? load(resolve(cwd, opts.config)) : undefined;
  if (forced) {
    // Reported even when no Dockerfile was found.
    out.set('\0config', forced);
  }
  for (const t of targets) {
    if (forced) out.set(t.path, forced);
    else {
      const dir = t.path === '-' ? cwd : dirname(resolve(cwd, t.path));
      const p = findConfig(dir, cwd);
      out.set(t.path, p ? load(p) : undefined);
    }
  }
  return out;
}

function useColor(opts: CheckOptions, io: Io): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTty && io.env.TERM !== 'dumb';
}

if (require.main === module) {
  run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    stdoutIsTty: !!process.stdout.isTTY,
    stderrIsTty: !!process.stderr.isTTY,
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`lean-dockerfile: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
