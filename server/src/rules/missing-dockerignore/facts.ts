import { isCopy, isRun, type Model } from '../../core/model';
import { cleanPath } from '../../core/dockerignore';
import type { ShellCommand } from '../../core/shell';
import type { Range } from '../../core/types';
import type { BuildNeed } from '../../knowledge/contextHygiene';

/** What a Dockerfile does with its build context, as far as missing-dockerignore needs to know. */
export interface ContextUse {
  /** Where the whole context is copied or bind-mounted (`COPY . …`, `RUN --mount=type=bind` without source). */
  broad: { range: Range; what: string }[];
  /** Context paths named explicitly (COPY/ADD sources, path-like RUN words), cleaned. */
  named: string[];
  /** Names of the commands RUN calls anywhere. */
  commands: Set<string>;
  /** What the Dockerfile installs or builds itself. */
  needs: Set<BuildNeed>;
  /** Subcommands of the `git` calls in RUNs. */
  gitSubcommands: Set<string>;
}

const BROAD = new Set(['.', '*', '.*']);
/** Commands whose plain-word arguments are paths. */
const FILE_COMMANDS = new Set(['cp', 'mv', 'ln', 'ls', 'cat', 'tar', 'rsync', 'chmod', 'chown', 'rm', 'source', '.', 'find', 'test', '[', 'unzip', 'install']);

export function collectContextUse(model: Model): ContextUse {
  const use: ContextUse = { broad: [], named: [], commands: new Set(), needs: new Set(), gitSubcommands: new Set() };
  for (const ins of model.instructions) {
    if (isCopy(ins)) {
      if (ins.from !== undefined) continue;
      for (const src of ins.sources) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src.value) || src.value.startsWith('<<')) continue;
        const clean = cleanPath(src.value);
        if (BROAD.has(clean)) use.broad.push({ range: src.range, what: `${ins.keyword} ${src.value}` });
        else use.named.push(clean);
      }
    } else if (isRun(ins)) {
      for (const m of ins.mounts) {
        if (m.type !== 'bind' || m.options.from) continue;
        const source = cleanPath(m.options.source ?? m.options.src ?? '.');
        if (BROAD.has(source)) use.broad.push({ range: m.flag.range, what: 'RUN --mount=type=bind' });
        else use.named.push(source);
      }
      for (const cmd of ins.shell.commands) noteCommand(use, cmd);
    }
  }
  return use;
}

function noteCommand(use: ContextUse, cmd: ShellCommand): void {
  const name = cmd.name;
  if (!name) return;
  use.commands.add(name);
  const words = cmd.args.map((a) => a.value ?? '');
  for (const w of words) {
    if (!w || w.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(w)) continue;
    if (w.includes('/') || FILE_COMMANDS.has(name)) use.named.push(cleanPath(w.replace(/^\/+/, '')));
  }
  const sub = words.find((w) => w && !w.startsWith('-')) ?? '';
  const rest = words.slice(words.indexOf(sub) + 1);
  if (name === 'git') use.gitSubcommands.add(sub);
  const need = needOf(name, sub, rest);
  if (need) for (const n of need) use.needs.add(n);
}

const NODE_BUILD_TOOLS = new Set(['tsc', 'vite', 'webpack', 'next', 'ng', 'rollup', 'esbuild', 'parcel', 'nuxt', 'astro']);
const JVM_GOALS = /^(package|install|verify|compile|build|assemble|bootJar|jar|shadowJar|installDist|war|bootWar|dist|stage)$|^[a-z-]+:(package|repackage|build)$/;

function needOf(name: string, sub: string, rest: string[]): BuildNeed[] | undefined {
  switch (name) {
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun': {
      const out: BuildNeed[] = [];
      if (['ci', 'install', 'i', 'clean-install', 'add'].includes(sub) || (name === 'yarn' && sub === '')) out.push('node-install');
      const script = sub === 'run' || sub === 'run-script' ? (rest[0] ?? '') : sub;
      if (/build|compile|dist|bundle/i.test(script)) out.push('node-build');
      return out;
    }
    case 'npx':
      return NODE_BUILD_TOOLS.has(sub) ? ['node-build'] : undefined;
    case 'pip':
    case 'pip3':
    case 'pipenv':
    case 'poetry':
      return sub === 'install' || sub === 'sync' ? ['python-install'] : undefined;
    case 'uv':
      return sub === 'sync' || sub === 'pip' ? ['python-install'] : undefined;
    case 'python':
    case 'python3':
      return sub === 'pip' && rest[0] === 'install' ? ['python-install'] : undefined;
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew':
      return [sub, ...rest].some((w) => JVM_GOALS.test(w)) ? ['jvm-build'] : undefined;
    case 'sbt':
    case 'javac':
    case 'lein':
      return ['jvm-build'];
    case 'cargo':
      return sub === 'build' || sub === 'install' ? ['cargo-build'] : undefined;
    case 'dotnet':
      return ['build', 'publish', 'restore'].includes(sub) ? ['dotnet-build'] : undefined;
    default:
      return NODE_BUILD_TOOLS.has(name) ? ['node-build'] : undefined;
  }
}
