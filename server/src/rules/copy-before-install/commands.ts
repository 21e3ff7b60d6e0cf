import type { Model, RunInfo } from '../../core/model';
import type { ShellCommand } from '../../core/shell';
import { recogniseInstall } from '../../knowledge/packageManagers';

/**
 * Which shell commands can run before the sources are copied: system package managers, account and
 * directory set-up, cache clean-ups, installs of named packages, and the dependency installs themselves.
 * Anything else (make, npm run build, python setup.py, a project script) is assumed to read the sources.
 */
const SOURCE_FREE = new Set([
  'apt-get', 'apt', 'aptitude', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pacman', 'tdnf',
  'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'mkdir', 'rm', 'echo', 'printf', 'true', ':',
  'set', 'export', 'cd', 'curl', 'wget', 'update-ca-certificates', 'ldconfig', 'locale-gen', 'corepack',
  'which', 'sleep', 'gem', 'ln', 'dpkg-reconfigure', 'rustup', 'update-alternatives', 'source', '.', 'umask',
]);

/** Sub-commands of language tools that do not read the project. */
const TOOL_SUBCOMMANDS: Record<string, RegExp> = {
  npm: /^(config|cache|set|install|i|dedupe|ddp|prune|audit|ls|list|outdated|--version|-v)$/,
  yarn: /^(config|cache|set|global|autoclean|--version|-v)$/,
  pnpm: /^(config|store|setup|env|prune|--version|-v)$/,
  pip: /^(install|cache|config|--version|-V)$/,
  go: /^(env|version|install|mod)$/,
  dotnet: /^(tool|nuget|--info|--version|new|dev-certs)$/,
  composer: /^(config|global|self-update|clear-cache|--version)$/,
  bundle: /^(config)$/,
  cargo: /^(install|--version)$/,
  node: /^(--version|-v)$/,
  python: /^(--version|-V|-m)$/,
  python3: /^(--version|-V|-m)$/,
};

/** Whether a command can run without the project's sources. */
export function isSourceFree(cmd: ShellCommand): boolean {
  if (recogniseInstall(cmd)) return true;
  const name = cmd.name;
  const args = cmd.args.map((a) => a.value);
  if (SOURCE_FREE.has(name)) return true;
  const pipLike = /^pip(\d+(\.\d+)?)?$/.test(name) ? 'pip' : name;
  const re = TOOL_SUBCOMMANDS[pipLike];
  if (!re) return false;
  const first = args.find((a) => a === undefined || !a.startsWith('-') || /^--?v(ersion)?$|^-V$|^--info$/.test(a));
  if (first === undefined || !re.test(first)) return false;
  // `npm install x` names packages; `pip install -e .` or `pip install .` installs the project itself.
  if ((pipLike === 'pip' || (pipLike === 'python' || pipLike === 'python3')) && args.some((a) => a === '.' || a === '-e' || a === '--editable' || a?.startsWith('./'))) return false;
  if ((pipLike === 'python' || pipLike === 'python3') && !/^pip3?$/.test(args[1] ?? '')) return false;
  if (pipLike === 'go' && first === 'install' && !args.some((a) => a?.includes('@'))) return false;
  if (pipLike === 'go' && first === 'mod' && !['download', 'verify'].includes(args[1] ?? '')) return false;
  return true;
}

/** Commands not nested in another (command substitutions inside a command belong to it). */
export function topLevelCommands(run: RunInfo): ShellCommand[] {
  const cmds = [...run.shell.commands].sort((a, b) => a.start - b.start);
  const out: ShellCommand[] = [];
  for (const c of cmds) if (!out.some((o) => o.start <= c.start && c.end <= o.end)) out.push(c);
  return out;
}

/** The operator between two offsets, with blanks, continuations and comment lines removed. */
export function separatorBetween(model: Model, from: number, to: number): string {
  const raw = model.text.slice(from, to);
  const esc = model.escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return raw
    .replace(new RegExp(esc + '[ \\t]*(\\r\\n|\\r|\\n)', 'g'), ' ')
    .replace(/^[ \t]*#[^\r\n]*$/gm, '')
    .replace(/\s+/g, '');
}

/** Whether a RUN's script is a flat `a && b ; c` list of simple commands (so that it can be cut between two of them). */
export function isFlatList(model: Model, run: RunInfo, cmds: ShellCommand[]): boolean {
  if (!run.script || run.execForm || run.shell.hasError || !cmds.length) return false;
  if (/^\s*<</.test(run.script)) return false;
  const first = run.args[0]?.start ?? cmds[0].start;
  if (separatorBetween(model, first, cmds[0].start) !== '') return false;
  for (let i = 1; i < cmds.length; i++) {
    const sep = separatorBetween(model, cmds[i - 1].end, cmds[i].start);
    if (sep !== '&&' && sep !== ';') return false;
  }
  const tail = separatorBetween(model, cmds[cmds.length - 1].end, run.end);
  return tail === '' || tail === ';';
}

/** Commands that change the shell's state for the commands after them. */
export function isStateCommand(cmd: ShellCommand): boolean {
  return ['cd', 'export', 'set', 'source', '.', 'umask'].includes(cmd.name);
}
