/**
 * What must not enter a Docker build context, as data. Each row names the context entries it is about
 * (globs on one path component, matched at the root and a few levels down when `deep`), the
 * `.dockerignore` lines that keep them out, and when leaving them out is safe.
 */

export type HygieneKind = 'vcs' | 'secret' | 'dependencies' | 'build-output' | 'noise';

/** What the Dockerfile must do itself before a row's entries may be ignored (else they may be the artifact). */
export type BuildNeed = 'node-install' | 'node-build' | 'python-install' | 'jvm-build' | 'cargo-build' | 'dotnet-build';

export interface HygieneRow {
  /** Short name shown in messages (never file contents). */
  label: string;
  kind: HygieneKind;
  /** Globs on a single path component (`*` and `?` only). */
  names: string[];
  /** Names that match `names` but are harmless (templates), never reported. */
  except?: RegExp;
  /** `.dockerignore` lines, one per glob: `patterns[i]` keeps out whatever `names[i]` matches (recursive `**` patterns when `deep`). */
  patterns: string[];
  /** Also look below the root (monorepos: `apps/web/.env`, `packages/a/node_modules`). */
  deep?: boolean;
  /** Only when the file's text says it holds a credential (config files that are often harmless). */
  content?: RegExp;
  /** Only when the Dockerfile does this itself: otherwise the entry may be what the image is meant to ship. */
  needs?: BuildNeed;
  /**
   * Commands that may read the entries during the build or at run time: when a RUN calls one of them,
   * leaving the entries out may change the result, so that part of the fix is unsafe.
   */
  readBy?: string[];
  /** The app itself may read these at run time (config, TLS keys): leaving them out is always unsafe. */
  runtime?: boolean;
  why: string;
}

const KEY_READERS = ['ssh', 'git', 'openssl', 'gpg'];

export const hygieneRows: readonly HygieneRow[] = [
  {
    label: '.git',
    kind: 'vcs',
    names: ['.git'],
    patterns: ['.git'],
    readBy: ['git'],
    why: 'the whole repository history (and every secret ever committed); any commit also busts the COPY cache',
  },
  {
    label: '.env',
    kind: 'secret',
    names: ['.env', '.env.*'],
    except: /^\.env\.(example|sample|template|dist|defaults?|schema)$/i,
    patterns: ['**/.env', '**/.env.*'],
    deep: true,
    runtime: true,
    why: 'local environment files usually hold credentials',
  },
  {
    label: 'private keys',
    kind: 'secret',
    names: ['*.pem', '*.key', '*.p12', '*.pfx', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519'],
    patterns: ['**/*.pem', '**/*.key', '**/*.p12', '**/*.pfx', '**/id_rsa', '**/id_dsa', '**/id_ecdsa', '**/id_ed25519'],
    deep: true,
    runtime: true,
    readBy: KEY_READERS,
    why: 'private keys and certificates stay in every layer that copied them',
  },
  {
    label: '.npmrc',
    kind: 'secret',
    names: ['.npmrc'],
    content: /_authToken\s*=\s*[^\s$]|_auth\s*=\s*[^\s$]|_password\s*=\s*[^\s$]/,
    patterns: ['**/.npmrc'],
    deep: true,
    readBy: ['npm', 'npx', 'yarn', 'pnpm'],
    why: 'it holds a registry token',
  },
  {
    label: '.pypirc',
    kind: 'secret',
    names: ['.pypirc'],
    content: /password\s*[=:]/i,
    patterns: ['**/.pypirc'],
    deep: true,
    readBy: ['twine'],
    why: 'it holds a package index password',
  },
  {
    label: '.netrc',
    kind: 'secret',
    names: ['.netrc', '_netrc'],
    patterns: ['**/.netrc', '**/_netrc'],
    deep: true,
    readBy: ['curl', 'wget', 'git', 'pip', 'pip3', 'ftp'],
    why: 'it holds login passwords',
  },
  {
    label: 'credential files',
    kind: 'secret',
    names: ['.git-credentials', '.aws', '.ssh', '.docker', '.kube', '.gnupg', '*.tfvars', '*.tfstate'],
    patterns: ['.git-credentials', '.aws', '.ssh', '.docker', '.kube', '.gnupg', '**/*.tfvars', '**/*.tfstate'],
    runtime: true,
    why: 'cloud, SSH, registry and Terraform credentials',
  },
  {
    label: 'node_modules',
    kind: 'dependencies',
    names: ['node_modules'],
    patterns: ['**/node_modules'],
    deep: true,
    needs: 'node-install',
    why: 'the host’s dependencies (often hundreds of MB, with native modules built for another platform) overwrite the ones installed in the image',
  },
  {
    label: 'Python virtualenv',
    kind: 'dependencies',
    names: ['.venv', 'venv'],
    patterns: ['.venv', 'venv'],
    needs: 'python-install',
    why: 'a host virtualenv does not run in the image and is reinstalled anyway',
  },
  {
    label: 'build output',
    kind: 'build-output',
    names: ['dist', 'build', '.next', 'out', 'coverage'],
    patterns: ['dist', 'build', '.next', 'out', 'coverage'],
    needs: 'node-build',
    why: 'the build rebuilds it; a stale host copy only bloats the context',
  },
  {
    label: 'build output',
    kind: 'build-output',
    names: ['target'],
    patterns: ['target'],
    needs: 'jvm-build',
    why: 'the build rebuilds it; a stale host copy only bloats the context',
  },
  {
    label: 'build output',
    kind: 'build-output',
    names: ['target'],
    patterns: ['target'],
    needs: 'cargo-build',
    why: 'the build rebuilds it; a stale host copy only bloats the context',
  },
  {
    label: 'build output',
    kind: 'build-output',
    names: ['bin', 'obj'],
    patterns: ['**/bin', '**/obj'],
    deep: true,
    needs: 'dotnet-build',
    why: 'the build rebuilds it; host bin/obj folders break `dotnet restore` in the image',
  },
  {
    label: 'logs and caches',
    kind: 'noise',
    names: ['*.log', '__pycache__', '.pytest_cache', '.mypy_cache', '.DS_Store'],
    patterns: ['**/*.log', '**/__pycache__', '**/.pytest_cache', '**/.mypy_cache', '**/.DS_Store'],
    deep: true,
    why: 'local clutter that changes on every run and busts the COPY cache',
  },
];

/** Whether one path component matches a row's glob (`*` and `?`). */
export function matchesName(glob: string, name: string): boolean {
  const re = new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(name);
}

export interface HygieneHit {
  row: HygieneRow;
  /** The `.dockerignore` line that keeps the entry out. */
  pattern: string;
}

/** The rows a path component belongs to, with the pattern for it (a harmless template matches none). */
export function hygieneHits(name: string): HygieneHit[] {
  const hits: HygieneHit[] = [];
  for (const row of hygieneRows) {
    if (row.except?.test(name)) continue;
    const i = row.names.findIndex((g) => matchesName(g, name));
    if (i >= 0) hits.push({ row, pattern: row.patterns[i] });
  }
  return hits;
}

/** Whether a name is a harmless template of a secret file (`.env.example`). */
export function isTemplateName(name: string): boolean {
  return hygieneRows.some((r) => r.except?.test(name) && r.names.some((g) => matchesName(g, name)));
}
