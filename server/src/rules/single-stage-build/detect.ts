import { isRun, type InstructionInfo, type RunInfo, type Stage } from '../../core/model';
import { memo } from '../../core/memo';
import type { ShellCommand } from '../../core/shell';
import { buildCommands, compilerPackages, type BuildCommandRow, type Ecosystem } from '../../knowledge/images';
import { resolvePath, workdirAt } from './paths';

/** A compile step in the final stage's chain: the command, its words and the directory it runs in. */
export interface BuildStep {
  run: RunInfo;
  stage: Stage;
  command: ShellCommand;
  /** Command name after unwrapping `npx`, `python -m`, `python setup.py`. */
  name: string;
  /** The word that makes it a build (`build`, `package`, the script name), for messages. */
  verb?: string;
  /** Static words after the name (undefined = dynamic). */
  words: (string | undefined)[];
  /** Directory it runs in (WORKDIR, then `cd` earlier in the same RUN); undefined when dynamic. */
  cwd?: string;
  /** Variables assigned for this command (`CGO_ENABLED=0 go build`) and exported earlier in the RUN. */
  env: Record<string, string | undefined>;
}

const WRAPPERS: Record<string, number> = { npx: 0, 'pnpx': 0, bunx: 0, sudo: 0, env: 0, exec: 0, time: 0, nice: 0 };

/** The command name and words once wrappers (`npx tsc`, `python -m build`, `./mvnw`) are peeled off. */
export function unwrapCommand(cmd: ShellCommand): { name: string; words: (string | undefined)[] } {
  let name = cmd.name;
  let words = cmd.args.map((a) => a.value);
  for (let guard = 0; guard < 4; guard++) {
    if (name in WRAPPERS) {
      while (words.length && words[0] !== undefined && (words[0].startsWith('-') || /^\w+=/.test(words[0]))) words = words.slice(1);
      if (!words.length || words[0] === undefined) break;
      name = words[0].split('/').pop()!;
      words = words.slice(1);
    } else if ((name === 'yarn' || name === 'pnpm') && (words[0] === 'dlx' || words[0] === 'exec')) {
      name = (words[1] ?? '').split('/').pop()!;
      words = words.slice(2);
    } else if (/^python(\d+(\.\d+)?)?$/.test(name) && words[0] === '-m' && words[1]) {
      name = words[1];
      words = words.slice(2);
    } else if (/^python(\d+(\.\d+)?)?$/.test(name) && words[0] && words[0].endsWith('.py')) {
      name = words[0].split('/').pop()!;
      words = words.slice(1);
    } else break;
  }
  return { name, words };
}

const positionals = (words: (string | undefined)[]) => words.filter((w) => w === undefined || !w.startsWith('-'));

/** The word that makes a command a build under a row ('' when the command alone does), else undefined. */
function matches(row: BuildCommandRow, name: string, words: (string | undefined)[]): string | undefined {
  if (!row.commands.includes(name) && !(row.needsInput && row.commands.includes(name.replace(/-\d+(\.\d+)*$/, '')))) return undefined;
  const pos = positionals(words);
  if (row.flag) return words.find((w): w is string => w !== undefined && row.flag!.includes(w));
  if (row.needsInput) return pos.some((w) => w === undefined || !/^\w+=/.test(w)) ? '' : undefined;
  if (row.script) {
    const script = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : name === 'npm' ? undefined : pos[0];
    return script !== undefined && row.script.test(script) ? (pos[0] === script ? script : `${pos[0]} ${script}`) : undefined;
  }
  if (row.sub) return pos[0] !== undefined && row.sub.includes(pos[0]) ? pos[0] : undefined;
  if (row.any) return pos.find((w): w is string => w !== undefined && row.any!.includes(w.replace(/^.*:/, '')));
  return '';
}

/** The build verb if a command compiles for the ecosystem, else undefined. */
export function buildVerb(ecosystem: Ecosystem, cmd: ShellCommand): string | undefined {
  const { name, words } = unwrapCommand(cmd);
  for (const row of buildCommands) {
    if (row.ecosystem !== ecosystem) continue;
    const verb = matches(row, name, words);
    if (verb !== undefined) return verb;
  }
  return undefined;
}

/** The static directory a command runs in: the WORKDIR, then `cd` commands earlier in the same RUN. */
function cwdOf(chain: Stage[], run: RunInfo, cmd: ShellCommand): string | undefined {
  let dir = workdirAt(chain, run);
  for (const c of run.shell.commands) {
    if (c.start >= cmd.start) break;
    if (c.name === 'cd' && dir !== undefined) {
      const target = c.args.find((a) => a.value === undefined || !a.value.startsWith('-'));
      dir = target?.value !== undefined && !target.value.includes('~') ? resolvePath(dir, target.value) : undefined;
    }
  }
  return dir;
}

function envOf(run: RunInfo, cmd: ShellCommand): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const c of run.shell.commands) {
    if (c.start > cmd.start) break;
    if (c.name === 'export' || c === cmd) {
      for (const a of c.assignments) env[a.name] = a.value;
      if (c.name === 'export') for (const w of c.args) {
        const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(w.value ?? '');
        if (m) env[m[1]] = m[2];
      }
    }
  }
  return env;
}

/** Every compile step for the ecosystem in the chain's RUN instructions, in order. */
export function findBuildSteps(chain: Stage[], ecosystem: Ecosystem): BuildStep[] {
  const steps: BuildStep[] = [];
  const pipCompiles = ecosystem === 'python' && pythonCompiles(chain);
  for (const stage of chain) {
    for (const ins of stage.instructions) {
      if (!isRun(ins)) continue;
      for (const cmd of ins.shell.commands) {
        const verb = buildVerb(ecosystem, cmd) ?? (pipCompiles && isPythonInstall(cmd) ? 'install' : undefined);
        if (verb !== undefined) {
          const { name, words } = unwrapCommand(cmd);
          steps.push({ run: ins, stage, command: cmd, name, verb, words, cwd: cwdOf(chain, ins, cmd), env: envOf(ins, cmd) });
        }
      }
    }
  }
  return steps;
}

/**
 * Packages installed with apt-get/apt/apk/yum/dnf in the chain and still there at its end: packages removed
 * later (`apt-get purge`, `apk del`, including an `apk add --virtual` group) do not count.
 */
export function installedPackages(chain: Stage[]): readonly string[] {
  const last = chain[chain.length - 1];
  if (!last) return [];
  // Asked several times per stage (compiler, runtime packages, moves): computed once per chain.
  const seen = memo(last, 'single-stage-build.installed', () => [] as { chain: Stage[]; packages: readonly string[] }[]);
  const hit = seen.find((e) => e.chain.length === chain.length && e.chain.every((s, i) => s === chain[i]));
  if (hit) return hit.packages;
  const packages = computeInstalled(chain);
  seen.push({ chain: [...chain], packages });
  return packages;
}

function computeInstalled(chain: Stage[]): string[] {
  const kept = new Map<string, string | undefined>();
  for (const ins of chain.flatMap((s) => s.instructions)) {
    if (!isRun(ins)) continue;
    for (const c of ins.shell.commands) {
      const words = c.args.map((a) => a.value);
      const pos = positionals(words).filter((w): w is string => w !== undefined);
      const group = c.name === 'apk' ? (flagWord(words, ['--virtual', '-t']) ?? undefined) : undefined;
      const adds = (['apt-get', 'apt', 'yum', 'dnf', 'microdnf'].includes(c.name) && pos[0] === 'install') || (c.name === 'apk' && pos[0] === 'add');
      const removes = (['apt-get', 'apt', 'yum', 'dnf', 'microdnf'].includes(c.name) && ['purge', 'remove', 'erase'].includes(pos[0])) || (c.name === 'apk' && pos[0] === 'del');
      const names = pos.slice(1).filter((p) => p !== group).map((p) => p.replace(/[=<>].*$/, ''));
      if (adds) for (const n of names) kept.set(n, group);
      if (c.name === 'dpkg' && (words.includes('-i') || words.includes('--install'))) kept.set('dpkg -i ' + (pos.find((p) => p.endsWith('.deb')) ?? 'package'), undefined);
      if (removes) for (const n of names) for (const [k, g] of [...kept]) if (k === n || g === n) kept.delete(k);
    }
  }
  return [...kept.keys()];
}

function flagWord(words: (string | undefined)[], names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) continue;
    if (names.includes(w)) return words[i + 1];
    const eq = names.find((n) => w.startsWith(n + '='));
    if (eq) return w.slice(eq.length + 1);
  }
  return undefined;
}

/** Python pip-style installs compile when the chain installs a C toolchain and keeps it. */
export function pythonCompiles(chain: Stage[]): boolean {
  return installedPackages(chain).some((p) => compilerPackages.test(p));
}

/** Pip-like dependency installs (they compile wheels when a compiler is present). */
export function isPythonInstall(cmd: ShellCommand): boolean {
  const { name, words } = unwrapCommand(cmd);
  const pos = positionals(words);
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return pos[0] === 'install';
  if (name === 'uv') return (pos[0] === 'pip' && pos[1] === 'install') || pos[0] === 'sync';
  if (name === 'poetry' || name === 'pipenv') return pos[0] === 'install' || pos[0] === 'sync';
  return false;
}

/** The instructions of the final stage that come after its last compile step. */
export function afterLastStep(stage: Stage, steps: BuildStep[]): InstructionInfo[] {
  const last = steps[steps.length - 1];
  if (last.stage !== stage) return stage.instructions.slice(1);
  return stage.instructions.slice(stage.instructions.indexOf(last.run) + 1);
}

/** Whether the chain installs software from source (`make install`, `cmake --install`, `ninja install`). */
export function installsFromSource(chain: Stage[]): boolean {
  return chain.flatMap((s) => s.instructions).filter(isRun).some((r) =>
    r.shell.commands.some((c) => {
      const w = c.args.map((a) => a.value);
      return ((c.name === 'make' || c.name === 'ninja') && w.includes('install')) || (c.name === 'cmake' && w.includes('--install')) || c.name === 'checkinstall';
    }),
  );
}
