import { isRun, type InstructionInfo, type RunInfo, type Stage } from '../../core/model';
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

function matches(row: BuildCommandRow, name: string, words: (string | undefined)[]): boolean {
  if (!row.commands.includes(name)) return false;
  const pos = positionals(words);
  if (row.script) {
    const script = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : name === 'npm' ? undefined : pos[0];
    return script !== undefined && row.script.test(script);
  }
  if (row.sub) return pos[0] !== undefined && row.sub.includes(pos[0]);
  if (row.any) return pos.some((w) => w !== undefined && row.any!.includes(w.replace(/^.*:/, '')));
  return true;
}

/** Whether a command compiles for the ecosystem. */
export function isBuildCommand(ecosystem: Ecosystem, cmd: ShellCommand): boolean {
  const { name, words } = unwrapCommand(cmd);
  return buildCommands.some((row) => row.ecosystem === ecosystem && matches(row, name, words));
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
        if (isBuildCommand(ecosystem, cmd) || (pipCompiles && isPythonInstall(cmd))) {
          const { name, words } = unwrapCommand(cmd);
          steps.push({ run: ins, stage, command: cmd, name, words, cwd: cwdOf(chain, ins, cmd), env: envOf(ins, cmd) });
        }
      }
    }
  }
  return steps;
}

/** Packages installed with apt-get/apt/apk/yum/dnf anywhere in the chain. */
export function installedPackages(chain: Stage[]): string[] {
  const out: string[] = [];
  for (const ins of chain.flatMap((s) => s.instructions)) {
    if (!isRun(ins)) continue;
    for (const c of ins.shell.commands) {
      const pos = positionals(c.args.map((a) => a.value));
      if (['apt-get', 'apt', 'yum', 'dnf', 'microdnf'].includes(c.name) && pos[0] === 'install') out.push(...(pos.slice(1).filter(Boolean) as string[]));
      if (c.name === 'apk' && pos[0] === 'add') out.push(...(pos.slice(1).filter(Boolean) as string[]));
    }
  }
  return out.map((p) => p.replace(/[=<>].*$/, ''));
}

/** Python pip-style installs compile when the chain installs a C toolchain first. */
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
