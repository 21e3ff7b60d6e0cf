import { positionalWords } from '../core/words';
import type { ShellCommand } from '../core/shell';

/**
 * Package managers: which parsed shell commands install dependencies from manifests, which files
 * those installs read, and where each keeps its download cache (for later `--mount=type=cache`).
 * Data first; the few functions below only read parsed commands (never raw text).
 */

export interface PackageManager {
  id: string;
  /** Files the install reads, relative to the directory it runs in (in preference order). */
  manifests: string[];
  /** Lockfiles among or beside the manifests. */
  lockfiles: string[];
  /** Extensions of manifest files found by listing the directory (`.csproj`). */
  manifestExtensions?: string[];
  /** Cache directories for `RUN --mount=type=cache,target=…` (as root). */
  cacheDirs: string[];
  /** Flag sets (all flags of one set present) that keep the install from needing the project's sources. */
  sourceFree?: string[][];
  /** Whether the install, without those flags, also builds or installs the project itself (needs sources). */
  needsSources?: boolean;
}

export const packageManagers: Record<string, PackageManager> = {
  npm: { id: 'npm', manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc'], lockfiles: ['package-lock.json', 'npm-shrinkwrap.json'], cacheDirs: ['/root/.npm'] },
  yarn: { id: 'yarn', manifests: ['package.json', 'yarn.lock', '.yarnrc', '.yarnrc.yml', '.npmrc'], lockfiles: ['yarn.lock'], cacheDirs: ['/usr/local/share/.cache/yarn', '/root/.yarn/berry/cache'] },
  pnpm: { id: 'pnpm', manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc', '.pnpmfile.cjs'], lockfiles: ['pnpm-lock.yaml'], cacheDirs: ['/root/.local/share/pnpm/store', '/pnpm/store'] },
  pip: { id: 'pip', manifests: [], lockfiles: [], cacheDirs: ['/root/.cache/pip'] },
  poetry: { id: 'poetry', manifests: ['pyproject.toml', 'poetry.lock', 'poetry.toml'], lockfiles: ['poetry.lock'], cacheDirs: ['/root/.cache/pypoetry'], needsSources: true, sourceFree: [['--no-root']] },
  uv: { id: 'uv', manifests: ['pyproject.toml', 'uv.lock', '.python-version', 'uv.toml'], lockfiles: ['uv.lock'], cacheDirs: ['/root/.cache/uv'], needsSources: true, sourceFree: [['--no-install-project'], ['--no-install-workspace']] },
  pipenv: { id: 'pipenv', manifests: ['Pipfile', 'Pipfile.lock'], lockfiles: ['Pipfile.lock'], cacheDirs: ['/root/.cache/pipenv', '/root/.cache/pip'] },
  go: { id: 'go', manifests: ['go.mod', 'go.sum', 'go.work', 'go.work.sum'], lockfiles: ['go.sum'], cacheDirs: ['/go/pkg/mod', '/root/.cache/go-build'] },
  bundler: { id: 'bundler', manifests: ['Gemfile', 'Gemfile.lock', '.ruby-version'], lockfiles: ['Gemfile.lock'], manifestExtensions: ['.gemspec'], cacheDirs: ['/usr/local/bundle/cache', '/root/.bundle/cache'] },
  composer: { id: 'composer', manifests: ['composer.json', 'composer.lock'], lockfiles: ['composer.lock'], cacheDirs: ['/root/.composer/cache', '/tmp/cache'], needsSources: true, sourceFree: [['--no-autoloader', '--no-scripts']] },
  dotnet: { id: 'dotnet', manifests: ['NuGet.Config', 'nuget.config', 'global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'packages.lock.json'], lockfiles: ['packages.lock.json'], manifestExtensions: ['.sln', '.slnx', '.csproj', '.fsproj', '.vbproj'], cacheDirs: ['/root/.nuget/packages'] },
  maven: { id: 'maven', manifests: ['pom.xml', '.mvn', 'mvnw'], lockfiles: [], cacheDirs: ['/root/.m2/repository'] },
  gradle: { id: 'gradle', manifests: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradlew', 'gradle'], lockfiles: ['gradle.lockfile'], cacheDirs: ['/root/.gradle/caches', '/home/gradle/.gradle/caches'] },
  cargo: { id: 'cargo', manifests: ['Cargo.toml', 'Cargo.lock', 'rust-toolchain.toml', 'rust-toolchain', '.cargo'], lockfiles: ['Cargo.lock'], cacheDirs: ['/usr/local/cargo/registry', '/usr/local/cargo/git'], needsSources: true },
  apt: { id: 'apt', manifests: [], lockfiles: [], cacheDirs: ['/var/cache/apt', '/var/lib/apt/lists'] },
  apk: { id: 'apk', manifests: [], lockfiles: [], cacheDirs: ['/var/cache/apk', '/etc/apk/cache'] },
};

/** A dependency install recognised in a parsed shell command. */
export interface InstallCommand {
  manager: PackageManager;
  command: ShellCommand;
  /** Files named on the command line (pip `-r`/`-c`), relative to the command's directory. */
  files: string[];
  /** Directory the install runs in, relative to the command's directory (`--prefix`, `--cwd`, `-C`), if given. */
  dir?: string;
}

const values = (cmd: ShellCommand): (string | undefined)[] => cmd.args.map((a) => a.value);

/** Value of `--flag value` or `--flag=value`. */
export function flagValue(args: (string | undefined)[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === undefined) continue;
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (n.startsWith('--') && a.startsWith(n + '=')) return a.slice(n.length + 1);
      if (!n.startsWith('--') && a.startsWith(n) && a.length > n.length) return a.slice(n.length);
    }
  }
  return undefined;
}

const NPM_VALUED = new Set(['--prefix', '-C', '--cwd', '--filter', '-F', '--registry', '--cache', '--loglevel', '--omit', '--include', '--network-timeout', '--mutex', '--modules-folder', '--dir']);
const JS_INSTALL = new Set(['install', 'i', 'ci', 'isntall', 'add']);

/** Recognises a dependency install from the manifests of the project (not `npm install -g x`, not `pip install flask`). */
export function recogniseInstall(cmd: ShellCommand): InstallCommand | undefined {
  const name = cmd.name;
  const args = values(cmd);
  const has = (...f: string[]) => args.some((a) => a !== undefined && f.includes(a));
  const pos = positionalWords(args, NPM_VALUED);
  const make = (id: string, extra: Partial<InstallCommand> = {}): InstallCommand => ({ manager: packageManagers[id], command: cmd, files: [], ...extra });
  switch (name) {
    case 'npm': {
      if (has('-g', '--global', '--location=global')) return undefined;
      const [sub, ...pkgs] = pos;
      if (sub === 'ci' || sub === 'clean-install') return make('npm', { dir: flagValue(args, ['--prefix']) });
      if (sub && JS_INSTALL.has(sub) && sub !== 'add' && pkgs.length === 0) return make('npm', { dir: flagValue(args, ['--prefix']) });
      return undefined;
    }
    case 'yarn': {
      if (has('global')) return undefined;
      const [sub, ...rest] = pos;
      if (sub === undefined || (sub === 'install' && rest.length === 0) || sub === 'workspaces' && rest[0] === 'focus') return make('yarn', { dir: flagValue(args, ['--cwd']) });
      return undefined;
    }
    case 'pnpm': {
      if (has('-g', '--global')) return undefined;
      const [sub, ...pkgs] = pos;
      if ((sub === 'install' || sub === 'i') && pkgs.length === 0) return make('pnpm', { dir: flagValue(args, ['--dir', '-C']) });
      if (sub === 'fetch') return make('pnpm', { dir: flagValue(args, ['--dir', '-C']) });
      return undefined;
    }
    case 'python':
    case 'python3':
    case 'uv':
      if (args[0] === '-m' && /^pip3?$/.test(args[1] ?? '')) return recognisePip(cmd, args.slice(2), make);
      if (name === 'uv' && args[0] === 'pip') return recognisePip(cmd, args.slice(1), make);
      if (name === 'uv' && args[0] === 'sync') return make('uv', { dir: flagValue(args, ['--directory', '--project']) });
      if (args[0] === '-m' && args[1] === 'poetry' && args[2] === 'install') return make('poetry');
      return undefined;
    case 'poetry':
      return pos[0] === 'install' ? make('poetry', { dir: flagValue(args, ['--directory', '-C']) }) : undefined;
    case 'pipenv':
      return (pos[0] === 'install' || pos[0] === 'sync') && pos.length === 1 ? make('pipenv') : undefined;
    case 'go':
      return pos[0] === 'mod' && pos[1] === 'download' ? make('go') : undefined;
    case 'bundle':
    case 'bundler':
      return pos[0] === undefined || pos[0] === 'install' ? make('bundler', { dir: undefined }) : undefined;
    case 'composer':
    case 'composer.phar':
      return pos[0] === 'install' ? make('composer', { dir: flagValue(args, ['--working-dir', '-d']) }) : undefined;
    case 'dotnet':
      return pos[0] === 'restore' ? make('dotnet', { files: pos[1] ? [pos[1]] : [] }) : undefined;
    case 'mvn':
    case 'mvnw':
      return args.some((a) => a !== undefined && /^(dependency:(go-offline|resolve|resolve-plugins)|de\.qaware\.maven:go-offline-maven-plugin:.*)$/.test(a)) ? make('maven') : undefined;
    case 'gradle':
    case 'gradlew':
      return pos.some((a) => a === 'dependencies' || a === 'androidDependencies' || a === 'resolveDependencies') ? make('gradle') : undefined;
    case 'cargo':
      return pos[0] === 'fetch' ? make('cargo') : undefined;
    default:
      if (/^pip(\d+(\.\d+)?)?$/.test(name)) return recognisePip(cmd, args, make);
      return undefined;
  }
}

function recognisePip(cmd: ShellCommand, args: (string | undefined)[], make: (id: string, extra?: Partial<InstallCommand>) => InstallCommand): InstallCommand | undefined {
  if (!['install', 'sync', 'wheel', 'download'].includes(args[0] ?? '')) return undefined;
  const files: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === undefined) continue;
    const m = /^(-r|--requirement|-c|--constraint)(?:=(.+))?$/.exec(a) ?? /^(-[rc])(.+)$/.exec(a);
    if (!m) continue;
    const file = m[2] ?? args[++i];
    if (file !== undefined) files.push(file);
  }
  // pip install -r requirements.txt is a manifest install; `pip install flask` or `pip install .` is not
  return files.length ? make('pip', { files }) : undefined;
}

/** Whether an install was told not to need the project's sources (`poetry install --no-root`). */
export function installNeedsSources(install: InstallCommand): boolean {
  const m = install.manager;
  if (!m.needsSources) return false;
  const args = values(install.command);
  return !(m.sourceFree ?? []).some((set) => set.every((f) => args.includes(f)));
}
