import { positionalWords } from '../core/words';
import type { ShellCommand, ShellWord } from '../core/shell';

/**
 * Which shell commands fill a download or build cache, where that cache lives, and which flags or
 * commands turn it off or empty it. Used by missing-cache-mount to write `RUN --mount=type=cache,…`.
 *
 * A cache is named by a key; `CACHE_DIRS` says how to find its directory from the environment the RUN
 * sees (ENV/ARG, command prefix assignments, the user's HOME, a flag on the command line). Paths are
 * those of the official images (golang: GOPATH=/go; rust: CARGO_HOME=/usr/local/cargo; composer:
 * COMPOSER_HOME=/tmp) and the tools' documented defaults elsewhere.
 */

export type CacheKey =
  | 'npm' | 'yarn' | 'yarn-berry' | 'pnpm' | 'pip' | 'pipenv' | 'poetry' | 'uv' | 'go-mod' | 'go-build'
  | 'cargo-registry' | 'cargo-git' | 'maven' | 'gradle' | 'gradle-wrapper' | 'nuget' | 'bundler' | 'composer'
  | 'apt-cache' | 'apt-lib' | 'apk' | 'apk-index';

/** What a cache directory is found from. */
export interface Lookup {
  /** A variable as the RUN sees it (resolved; undefined when unset or not static). */
  env(name: string): string | undefined;
  /** Whether a variable is set at all (even to something not static). */
  isSet(name: string): boolean;
  /** The RUN user's home, undefined when unknown. */
  home?: string;
  /** The official image the stage chain starts from (`golang`, `rust`, `composer`…), if any. */
  official?: string;
  /** A flag's value on the command (`npm ci --cache /x`). */
  flag(names: string[]): string | undefined;
}

export interface CacheDirInfo {
  label: string;
  /** The directory, absolute, or undefined when it cannot be known (HOME unknown, a relative path). */
  dir(l: Lookup): string | undefined;
  /** `sharing=locked`: the tool needs exclusive access (apt, apk). */
  locked?: boolean;
  /**
   * Later steps read packages from this directory itself (Go modules, NuGet, Maven, Gradle, Cargo): a mount
   * here hides what an earlier RUN put there and keeps from the image what later RUNs would read.
   */
  store?: boolean;
}

const home = (l: Lookup, rest: string) => (l.home ? `${l.home === '/' ? '' : l.home}/${rest}` : undefined);
const xdgCache = (l: Lookup, rest: string) => (l.env('XDG_CACHE_HOME') ? `${l.env('XDG_CACHE_HOME')}/${rest}` : home(l, `.cache/${rest}`));
const absolute = (p: string | undefined) => (p && p.startsWith('/') ? p.replace(/\/+$/, '') || '/' : p === undefined ? undefined : '');
/** The first of the candidates that is set: its value when absolute; '' (unknown) when set to anything else. */
function first(...candidates: (string | undefined)[]): string | undefined {
  for (const c of candidates) if (c !== undefined) return absolute(c);
  return undefined;
}
const gopath = (l: Lookup) => first(l.env('GOPATH')?.split(':')[0]) ?? (l.official === 'golang' ? '/go' : home(l, 'go'));
const cargoHome = (l: Lookup) => first(l.env('CARGO_HOME')) ?? (l.official === 'rust' ? '/usr/local/cargo' : home(l, '.cargo'));
const gradleHome = (l: Lookup) => first(l.flag(['--gradle-user-home', '-g']), l.env('GRADLE_USER_HOME')) ?? home(l, '.gradle');
const npmCache = (l: Lookup) => first(l.flag(['--cache']), l.env('npm_config_cache'), l.env('NPM_CONFIG_CACHE')) ?? home(l, '.npm');
const sub = (base: string | undefined, rest: string) => (base ? `${base}/${rest}` : base);

export const CACHE_DIRS: Record<CacheKey, CacheDirInfo> = {
  npm: { label: 'npm', dir: npmCache },
  // Yarn 1 caches in /usr/local/share/.cache/yarn for root, in ~/.cache/yarn for other users.
  yarn: { label: 'Yarn', dir: (l) => first(l.flag(['--cache-folder']), l.env('YARN_CACHE_FOLDER')) ?? (l.home === '/root' ? '/usr/local/share/.cache/yarn' : xdgCache(l, 'yarn')) },
  'yarn-berry': { label: 'Yarn', dir: (l) => first(l.env('YARN_CACHE_FOLDER')) ?? sub(first(l.env('YARN_GLOBAL_FOLDER')) ?? home(l, '.yarn/berry'), 'cache') },
  pnpm: { label: 'pnpm', dir: (l) => first(l.flag(['--store-dir']), l.env('npm_config_store_dir'), l.env('PNPM_STORE_DIR')) ?? (l.env('PNPM_HOME') ? sub(first(l.env('PNPM_HOME')), 'store') : home(l, '.local/share/pnpm/store')) },
  pip: { label: 'pip', dir: (l) => first(l.flag(['--cache-dir']), l.env('PIP_CACHE_DIR')) ?? xdgCache(l, 'pip') },
  pipenv: { label: 'Pipenv', dir: (l) => first(l.env('PIPENV_CACHE_DIR')) ?? xdgCache(l, 'pipenv') },
  poetry: { label: 'Poetry', dir: (l) => first(l.env('POETRY_CACHE_DIR')) ?? xdgCache(l, 'pypoetry') },
  uv: { label: 'uv', dir: (l) => first(l.flag(['--cache-dir']), l.env('UV_CACHE_DIR')) ?? xdgCache(l, 'uv') },
  'go-mod': { label: 'Go modules', dir: (l) => first(l.env('GOMODCACHE')) ?? sub(gopath(l), 'pkg/mod'), store: true },
  'go-build': { label: 'Go build', dir: (l) => first(l.env('GOCACHE')) ?? xdgCache(l, 'go-build') },
  'cargo-registry': { label: 'Cargo registry', dir: (l) => sub(cargoHome(l), 'registry'), store: true },
  'cargo-git': { label: 'Cargo git', dir: (l) => sub(cargoHome(l), 'git'), store: true },
  // ~/.m2/repository, not ~/.m2: a mount on ~/.m2 would hide a settings.xml copied there.
  maven: { label: 'Maven', dir: (l) => first(l.flag(['-Dmaven.repo.local'])) ?? home(l, '.m2/repository'), store: true },
  gradle: { label: 'Gradle', dir: (l) => sub(gradleHome(l), 'caches'), store: true },
  'gradle-wrapper': { label: 'Gradle wrapper', dir: (l) => sub(gradleHome(l), 'wrapper'), store: true },
  nuget: { label: 'NuGet', dir: (l) => first(l.flag(['--packages']), l.env('NUGET_PACKAGES')) ?? home(l, '.nuget/packages'), store: true },
  bundler: { label: 'Bundler', dir: (l) => first(l.env('BUNDLE_USER_CACHE')) ?? sub(first(l.env('BUNDLE_USER_HOME')) ?? home(l, '.bundle'), 'cache') },
  composer: {
    label: 'Composer',
    dir: (l) => first(l.env('COMPOSER_CACHE_DIR')) ?? sub(first(l.env('COMPOSER_HOME')), 'cache') ?? (l.official === 'composer' ? '/tmp/cache' : xdgCache(l, 'composer')),
  },
  'apt-cache': { label: 'apt', dir: () => '/var/cache/apt', locked: true },
  'apt-lib': { label: 'apt', dir: () => '/var/lib/apt', locked: true },
  // apk keeps packages only when /etc/apk/cache exists; its indexes go there too, else to /var/cache/apk.
  apk: { label: 'apk', dir: () => '/etc/apk/cache', locked: true },
  'apk-index': { label: 'apk', dir: () => '/var/cache/apk', locked: true },
};

/** A command that fills caches. */
export interface CacheUse {
  command: ShellCommand;
  tool: string;
  caches: CacheKey[];
  /** End offset of the words that name the action (`npm ci`, `apt-get install`), for the report's range. */
  end: number;
  /** Flags that keep the tool from using its cache (`--no-cache-dir`): dropped with the mount. */
  disablers: ShellWord[];
  /** Variables that turn the cache off (`PIP_NO_CACHE_DIR`): no fix while they are set. */
  offVars: string[];
}

const val = (w: ShellWord) => w.value ?? '';
/** Flags that take a separate value, per tool, so that positionals skip it. */
const VALUED: Record<string, Set<string>> = {
  js: new Set(['--prefix', '-C', '--cwd', '--filter', '-F', '--registry', '--cache', '--loglevel', '--omit', '--include', '--dir', '--store-dir', '--cache-folder', '--modules-folder', '--network-timeout', '--mutex']),
  apt: new Set(['-o', '-c', '-t', '--target-release', '--option', '--config-file']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--cache-dir', '--arch', '--keys-dir', '--repositories-file', '-t', '--virtual']),
  py: new Set(['-r', '-c', '-e', '--requirement', '--constraint', '--editable', '-i', '--index-url', '--extra-index-url', '--cache-dir', '-t', '--target', '--prefix', '--root', '-f', '--find-links', '--python', '-p', '--directory', '-C', '--project', '--with', '-E', '--extras', '--only', '--without', '--group']),
  go: new Set(['-o', '-tags', '-ldflags', '-gcflags', '-C', '-p', '-mod', '-modfile', '-pkgdir', '-buildmode', '-trimpath', '-asmflags', '-run', '-exec', '-toolexec', '-overlay', '-pgo', '-covermode', '-coverpkg', '-timeout']),
  dotnet: new Set(['-c', '--configuration', '-o', '--output', '-r', '--runtime', '-f', '--framework', '-s', '--source', '--packages', '-v', '--verbosity', '-p', '--property', '--arch', '-a', '--os']),
};

const positionals = (args: ShellWord[], valued: Set<string>): ShellWord[] => positionalWords(args, valued, val);

const flagsNamed = (args: ShellWord[], names: string[]) => args.filter((a) => names.includes(val(a)) || names.some((n) => n.startsWith('--') && val(a).startsWith(n + '=')));

/** Recognises a command that downloads packages or fills a build cache. */
export function recogniseCacheUse(cmd: ShellCommand): CacheUse | undefined {
  const name = cmd.name.replace(/\.(exe|cmd|phar)$/, '');
  const args = cmd.args;
  const make = (tool: string, caches: CacheKey[], endWord: ShellWord | undefined, extra: Partial<CacheUse> = {}): CacheUse => ({
    command: cmd, tool, caches, end: endWord?.end ?? cmd.nameWord?.end ?? cmd.end, disablers: [], offVars: [], ...extra,
  });
  switch (name) {
    case 'npm': {
      const [s] = positionals(args, VALUED.js);
      return s && /^(ci|clean-install|install|i|isntall|add|update|up|upgrade|install-clean|install-ci-test|it|cit)$/.test(val(s)) ? make('npm', ['npm'], s) : undefined;
    }
    case 'yarn': {
      const [s, t] = positionals(args, VALUED.js);
      if (!s || val(s) === 'install' || val(s) === 'add' || val(s) === 'upgrade') return make('yarn', ['yarn'], s);
      if (val(s) === 'global' && t && val(t) === 'add') return make('yarn', ['yarn'], t);
      if (val(s) === 'workspaces' && t && val(t) === 'focus') return make('yarn', ['yarn'], t);
      return undefined;
    }
    case 'pnpm': {
      const [s] = positionals(args, VALUED.js);
      return s && /^(install|i|add|fetch|update|up)$/.test(val(s)) ? make('pnpm', ['pnpm'], s) : undefined;
    }
    case 'python':
    case 'python3': {
      const module = args[0]?.value === '-m' ? args[1]?.value ?? '' : '';
      if (/^pip3?$/.test(module)) return recognisePip(cmd, args.slice(2), make);
      return module === 'poetry' ? recognisePoetry(args.slice(2), make) : undefined;
    }
    case 'uv': {
      const [s, t] = positionals(args, VALUED.py);
      const off = { disablers: flagsNamed(args, ['--no-cache', '-n']), offVars: ['UV_NO_CACHE'] };
      if (s && val(s) === 'pip' && t && /^(install|sync|compile)$/.test(val(t))) return make('uv', ['uv'], t, off);
      if (s && val(s) === 'tool' && t && val(t) === 'install') return make('uv', ['uv'], t, off);
      if (s && /^(sync|add|lock)$/.test(val(s))) return make('uv', ['uv'], s, off);
      return undefined;
    }
    case 'poetry':
      return recognisePoetry(args, make);
    case 'pipenv': {
      const [s] = positionals(args, VALUED.py);
      return s && /^(install|sync)$/.test(val(s)) ? make('pipenv', ['pipenv', 'pip'], s, { offVars: ['PIP_NO_CACHE_DIR'] }) : undefined;
    }
    case 'go': {
      const [s, t] = positionals(args, VALUED.go);
      if (!s) return undefined;
      if (val(s) === 'mod' && t && val(t) === 'download') return make('go', ['go-mod'], t);
      if (/^(build|install|test|run|vet|get)$/.test(val(s))) return make('go', ['go-mod', 'go-build'], s);
      return undefined;
    }
    case 'cargo': {
      const [s] = positionals(args, new Set(['--manifest-path', '--target', '--target-dir', '-p', '--package', '--bin', '-j', '--jobs', '--features', '-F', '--profile', '--root', '--version', '--git', '--branch', '--tag', '--rev', '--path']));
      return s && /^(build|b|install|fetch|test|t|run|r|check|c|clippy|doc|vendor|bench|rustc)$/.test(val(s)) ? make('cargo', ['cargo-registry', 'cargo-git'], s) : undefined;
    }
    case 'mvn':
    case 'mvnw':
      if (args.some((a) => /^(-v|--version|-h|--help)$/.test(val(a)))) return undefined;
      return args.some((a) => a.value !== undefined && !a.value.startsWith('-')) ? make('maven', ['maven'], undefined) : undefined;
    case 'gradle':
    case 'gradlew':
      if (args.some((a) => /^(-v|--version|-h|--help|-\?)$/.test(val(a)))) return undefined;
      if (!args.some((a) => a.value !== undefined && !a.value.startsWith('-'))) return undefined;
      return make('gradle', name === 'gradlew' ? ['gradle', 'gradle-wrapper'] : ['gradle'], undefined);
    case 'dotnet': {
      const [s, t] = positionals(args, VALUED.dotnet);
      if (s && /^(restore|build|publish|test|pack|run)$/.test(val(s))) return make('dotnet', ['nuget'], s);
      if (s && val(s) === 'tool' && t && /^(install|restore|update)$/.test(val(t))) return make('dotnet', ['nuget'], t);
      return undefined;
    }
    case 'bundle':
    case 'bundler': {
      const [s] = positionals(args, new Set(['--gemfile', '--path', '-j', '--jobs', '--retry', '--without', '--with']));
      return !s || /^(install|update)$/.test(val(s)) ? make('bundler', ['bundler'], s) : undefined;
    }
    case 'composer': {
      const [s] = positionals(args, new Set(['-d', '--working-dir']));
      return s && /^(install|i|update|u|upgrade|require|r|create-project|reinstall)$/.test(val(s)) ? make('composer', ['composer'], s, { disablers: flagsNamed(args, ['--no-cache']) }) : undefined;
    }
    case 'apt-get':
    case 'apt':
    case 'aptitude': {
      const [s] = positionals(args, VALUED.apt);
      return s && /^(install|upgrade|dist-upgrade|full-upgrade|build-dep|reinstall)$/.test(val(s)) ? make('apt', ['apt-cache', 'apt-lib'], s) : undefined;
    }
    case 'apk': {
      const [s] = positionals(args, VALUED.apk);
      return s && /^(add|upgrade|fix)$/.test(val(s)) ? make('apk', ['apk', 'apk-index'], s, { disablers: flagsNamed(args, ['--no-cache']) }) : undefined;
    }
    default:
      if (/^pip(\d+(\.\d+)?)?$/.test(name)) return recognisePip(cmd, args, make);
      return undefined;
  }
}

type Make = (tool: string, caches: CacheKey[], endWord: ShellWord | undefined, extra?: Partial<CacheUse>) => CacheUse;

function recognisePip(cmd: ShellCommand, args: ShellWord[], make: Make): CacheUse | undefined {
  const [s] = positionals(args, VALUED.py);
  if (!s || !/^(install|download|wheel)$/.test(val(s))) return undefined;
  return make('pip', ['pip'], s, { disablers: flagsNamed(args, ['--no-cache-dir']), offVars: ['PIP_NO_CACHE_DIR'] });
}

function recognisePoetry(args: ShellWord[], make: Make): CacheUse | undefined {
  const [s] = positionals(args, VALUED.py);
  return s && /^(install|add|update|sync)$/.test(val(s)) ? make('poetry', ['poetry'], s, { disablers: flagsNamed(args, ['--no-cache']) }) : undefined;
}

/** A command that only empties caches: `npm cache clean --force`, `apt-get clean`, `rm -rf /root/.cache/pip`. */
export interface CacheCleanup {
  /** Caches it empties, by key; */
  caches: CacheKey[];
  /** Or the literal paths it removes (`rm`), without trailing globs. */
  paths: string[];
  /** Per path: whether only its contents go (`/dir/*`), not the directory itself. */
  contentsOnly?: boolean[];
}

/** `expand` gives the value of a word with variables (`rm -rf $POETRY_CACHE_DIR`), when the caller knows them. */
export function recogniseCleanup(cmd: ShellCommand, homeDir?: string, expand?: (w: ShellWord) => string | undefined): CacheCleanup | undefined {
  const v = cmd.args.map(val);
  const [a, b] = v.filter((x) => !x.startsWith('-'));
  const of = (...caches: CacheKey[]): CacheCleanup => ({ caches, paths: [] });
  switch (cmd.name) {
    case 'npm': return a === 'cache' && (b === 'clean' || b === 'clear' || b === 'rm') ? of('npm') : undefined;
    case 'yarn': return a === 'cache' && b === 'clean' ? of('yarn') : undefined;
    case 'pnpm': return a === 'store' && b === 'prune' ? of('pnpm') : undefined;
    case 'uv': return a === 'cache' && (b === 'clean' || b === 'prune') ? of('uv') : undefined;
    case 'poetry': return a === 'cache' && b === 'clear' ? of('poetry') : undefined;
    case 'composer': return a === 'clear-cache' || a === 'clearcache' || a === 'cc' ? of('composer') : undefined;
    case 'apt-get':
    case 'apt': return a === 'clean' || a === 'autoclean' ? of('apt-cache') : undefined;
    case 'go': {
      if (a !== 'clean') return undefined;
      const keys: CacheKey[] = [];
      if (v.includes('-modcache')) keys.push('go-mod');
      if (v.includes('-cache')) keys.push('go-build');
      return keys.length && v.every((x) => x === 'clean' || x === '-modcache' || x === '-cache') ? of(...keys) : undefined;
    }
    case 'rm': {
      const words = cmd.args.map((w) => w.value ?? expand?.(w));
      if (words.some((w) => w === undefined)) return undefined;
      const paths = (words as string[]).filter((x) => !x.startsWith('-')).map((p) => (p.startsWith('~/') && homeDir ? homeDir + p.slice(1) : p));
      if (!paths.length || paths.some((p) => !p.startsWith('/'))) return undefined;
      const stripped = paths.map((p) => p.replace(/(\/[^/]*[*?[][^/]*)+$/, '').replace(/\/+$/, ''));
      if (stripped.some((p) => p === '' || /[*?[]/.test(p))) return undefined;
      return { caches: [], paths: stripped, contentsOnly: paths.map((p, i) => p.replace(/\/+$/, '') !== stripped[i]) };
    }
    default:
      if (/^pip(\d+(\.\d+)?)?$/.test(cmd.name)) return a === 'cache' && (b === 'purge' || b === 'remove') ? of('pip') : undefined;
      return undefined;
  }
}

/** The step Docker's documentation puts before apt cache mounts: Debian and Ubuntu images delete downloaded packages after each install. */
export const APT_KEEP_CACHE = `rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache`;

/** Known accounts of official images: uid and home. */
export const KNOWN_USERS: Record<string, { uid: number; home: string }> = {
  root: { uid: 0, home: '/root' },
  node: { uid: 1000, home: '/home/node' },
  gradle: { uid: 1000, home: '/home/gradle' },
  nonroot: { uid: 65532, home: '/home/nonroot' },
  'www-data': { uid: 33, home: '/var/www' },
  nobody: { uid: 65534, home: '/nonexistent' },
};
