import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** `Dockerfile.<ext>` files that are not Dockerfiles. */
const NOT_DOCKERFILE_EXT = /\.(dockerignore|md|markdown|rst|txt|html|orig|rej|bak|swp|swo|patch|diff|sig|asc|sha256)$/i;

/** Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*, Containerfile.* (not Dockerfile.dockerignore etc.). */
export function isDockerfileName(name: string): boolean {
  if (/^(Dockerfile|Containerfile)$/i.test(name)) return true;
  if (NOT_DOCKERFILE_EXT.test(name)) return false;
  return /^(Dockerfile|Containerfile)\.[^.].*$/i.test(name) || /^[^.].*\.(Dockerfile|Containerfile)$/i.test(name);
}

export interface Target {
  /** The path to show: as given, or the given directory joined with what was found in it. */
  display: string;
  /** The path to read (`-` = standard input). */
  path: string;
}

export interface WalkResult {
  targets: Target[];
  errors: { path: string; message: string }[];
}

interface Rules {
  base: string;
  ig: Ignore;
}

/** Expands the paths of the command line: files as given, directories searched. Never throws. */
export function collectTargets(paths: string[]): WalkResult {
  const targets: Target[] = [];
  const errors: WalkResult['errors'] = [];
  const seen = new Set<string>();
  const add = (t: Target) => {
    const key = t.path === '-' ? '-' : resolve(t.path);
    if (!seen.has(key)) {
      seen.add(key);
      targets.push(t);
    }
  };
  for (const given of paths) {
    if (given === '-') {
      add({ display: '-', path: '-' });
      continue;
    }
    let st;
    try {
      st = statSync(given);
    } catch (e) {
      errors.push({ path: given, message: describe(e) });
      continue;
    }
    if (!st.isDirectory()) {
      add({ display: given, path: given });
      continue;
    }
    const prefix = given === '.' || given === './' ? '' : given.replace(/[\\/]+$/, '') + '/';
    walk(given, [], (full) => add({ display: prefix + relative(given, full).split(sep).join('/'), path: full }), errors);
  }
  return { targets, errors };
}

function walk(dir: string, rules: Rules[], found: (path: string) => void, errors: WalkResult['errors']): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push({ path: dir, message: describe(e) });
    return;
  }
  const gi = join(dir, '.gitignore');
  if (existsSync(gi)) {
    try {
      rules = [...rules, { base: dir, ig: ignore().add(readFileSync(gi, 'utf8')) }];
    } catch {
      // an unreadable .gitignore ignores nothing
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || ignored(rules, full, true)) continue;
      walk(full, rules, found, errors);
    } else if ((e.isFile() || e.isSymbolicLink()) && isDockerfileName(e.name) && !ignored(rules, full, false)) {
      if (e.isSymbolicLink() && !isFile(full)) continue;
      found(full);
    }
  }
}

function ignored(rules: Rules[], full: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = relative(r.base, full).split(sep).join('/');
    if (rel && r.ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}
