import { parse as parseYaml } from 'yaml';
import type { BuildContext } from '../../core/types';
import type { InstallCommand } from '../../knowledge/packageManagers';
import { dirOf, joinContext } from './paths';

/** The manifest files (and manifest directories) of an install, found in the build context. */
export interface ManifestSet {
  /** Context paths of files, in a stable order. */
  files: string[];
  /** Context paths of directories to copy whole (`gradle/`, `.mvn/`). */
  dirs: string[];
  /** Why copying only these may not be enough for the install (unsafe fix), if anything. */
  caveat?: string;
}

const MAX_MEMBERS = 200;

function isDir(ctx: BuildContext, path: string): boolean {
  return !ctx.exists(path) && ctx.listDir(path) !== undefined;
}

/** Files of a manager's manifest list (plus listed extensions) present in a directory of the context. */
function presentIn(ctx: BuildContext, install: InstallCommand, dir: string, set: ManifestSet, root: boolean): void {
  const m = install.manager;
  for (const name of m.manifests) {
    if (!root && (m.lockfiles.includes(name) || name.startsWith('.'))) continue;
    const p = joinContext(dir, name);
    if (ctx.exists(p)) add(set.files, p);
    else if (root && isDir(ctx, p)) add(set.dirs, p);
  }
  if (m.manifestExtensions) {
    for (const entry of ctx.listDir(dir) ?? []) {
      const p = joinContext(dir, entry);
      if (m.manifestExtensions.some((e) => entry.endsWith(e)) && ctx.exists(p)) add(set.files, p);
    }
  }
}

function add(list: string[], p: string): void {
  if (!list.includes(p)) list.push(p);
}

/** Expands `packages/*` style member patterns (one `*` per segment, no `**`) against the context. */
function expandMembers(ctx: BuildContext, dir: string, patterns: string[]): string[] {
  const out: string[] = [];
  for (const raw of patterns) {
    if (typeof raw !== 'string' || raw.startsWith('!')) continue;
    let dirs = [dir];
    for (const seg of raw.replace(/^\.\//, '').replace(/\/+$/, '').split('/')) {
      if (seg === '**') return out;
      const next: string[] = [];
      for (const d of dirs) {
        if (!seg.includes('*')) next.push(joinContext(d, seg));
        else {
          const re = new RegExp('^' + seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
          for (const e of ctx.listDir(d) ?? []) if (re.test(e) && isDir(ctx, joinContext(d, e))) next.push(joinContext(d, e));
        }
      }
      dirs = next;
    }
    out.push(...dirs);
    if (out.length > MAX_MEMBERS) break;
  }
  return out.slice(0, MAX_MEMBERS);
}

function readJson(ctx: BuildContext, p: string): any {
  try {
    return JSON.parse(ctx.readFile(p) ?? 'null');
  } catch {
    return undefined;
  }
}

/** Member directories of a workspace rooted at `dir` (npm/yarn/pnpm workspaces, Maven modules, Cargo, go.work). */
function workspaceMembers(ctx: BuildContext, install: InstallCommand, dir: string): string[] {
  const id = install.manager.id;
  if (id === 'npm' || id === 'yarn' || id === 'pnpm') {
    const pkg = readJson(ctx, joinContext(dir, 'package.json'));
    let patterns: string[] = Array.isArray(pkg?.workspaces) ? pkg.workspaces : Array.isArray(pkg?.workspaces?.packages) ? pkg.workspaces.packages : [];
    const ws = ctx.readFile(joinContext(dir, 'pnpm-workspace.yaml'));
    if (ws) {
      try {
        const y = parseYaml(ws);
        if (Array.isArray(y?.packages)) patterns = patterns.concat(y.packages);
      } catch {
        /* unreadable: no members */
      }
    }
    return expandMembers(ctx, dir, patterns);
  }
  if (id === 'maven') {
    const out: string[] = [];
    const walk = (d: string, depth: number) => {
      const pom = ctx.readFile(joinContext(d, 'pom.xml')) ?? '';
      for (const m of pom.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)) {
        const sub = joinContext(d, m[1].replace(/\/pom\.xml$/, ''));
        if (out.length < MAX_MEMBERS && !out.includes(sub)) {
          out.push(sub);
          if (depth < 4) walk(sub, depth + 1);
        }
      }
    };
    walk(dir, 0);
    return out;
  }
  if (id === 'cargo') {
    const toml = ctx.readFile(joinContext(dir, 'Cargo.toml')) ?? '';
    const members = /\[workspace\][^[]*?members\s*=\s*\[([^\]]*)\]/s.exec(toml)?.[1] ?? '';
    return expandMembers(ctx, dir, [...members.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
  }
  if (id === 'go') {
    const work = ctx.readFile(joinContext(dir, 'go.work')) ?? '';
    const uses: string[] = [];
    for (const m of work.matchAll(/^\s*use\s+([^\s(]+)/gm)) uses.push(m[1]);
    for (const m of work.matchAll(/\buse\s*\(([^)]*)\)/g)) {
      for (const line of m[1].split(/\r?\n/)) if (line.trim() && !line.trim().startsWith('//')) uses.push(line.trim().split(/\s+/)[0]);
    }
    return [...new Set(uses.map((u) => joinContext(dir, u)))].filter((d) => d !== dir);
  }
  if (id === 'gradle') {
    const settings = ctx.readFile(joinContext(dir, 'settings.gradle')) ?? ctx.readFile(joinContext(dir, 'settings.gradle.kts')) ?? '';
    const out: string[] = [];
    for (const line of settings.matchAll(/^\s*include\s*\(?([^\n]*)/gm)) {
      for (const m of line[1].matchAll(/["']:?([^"']+)["']/g)) out.push(joinContext(dir, m[1].replace(/:/g, '/')));
    }
    return out.slice(0, MAX_MEMBERS);
  }
  return [];
}

/** pip requirement files named on the command line, with the `-r`/`-c` files they include in turn. */
function requirementFiles(ctx: BuildContext, files: string[]): string[] {
  const out: string[] = [];
  const visit = (p: string, depth: number) => {
    if (out.includes(p) || !ctx.exists(p)) return;
    out.push(p);
    if (depth > 5) return;
    for (const m of (ctx.readFile(p) ?? '').matchAll(/^\s*(?:-r|-c|--requirement|--constraint)[\s=]+(\S+)/gm)) visit(joinContext(dirOf(p), m[1]), depth + 1);
  };
  for (const f of files) visit(f, 0);
  return out;
}

/** .NET project files a solution lists. */
function solutionProjects(ctx: BuildContext, sln: string): string[] {
  const text = ctx.readFile(sln) ?? '';
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]+\.(?:cs|fs|vb)proj)"/g)) {
    const p = joinContext(dirOf(sln), m[1].replace(/\\/g, '/'));
    if (ctx.exists(p)) add(out, p);
  }
  return out;
}

/**
 * The manifests an install reads. `dir` is the context directory the install runs in; `files` are its
 * command-line files already mapped onto the context.
 */
export function findManifests(ctx: BuildContext, install: InstallCommand, dir: string, files: string[]): ManifestSet {
  const set: ManifestSet = { files: [], dirs: [] };
  const id = install.manager.id;
  if (id === 'pip') {
    set.files.push(...requirementFiles(ctx, files));
    return set;
  }
  presentIn(ctx, install, dir, set, true);
  if (id === 'dotnet') {
    for (const f of [...files, ...set.files]) {
      if (/\.slnx?$/.test(f)) for (const p of solutionProjects(ctx, f)) add(set.files, p);
      else if (/proj$/.test(f) && ctx.exists(f)) add(set.files, f);
    }
  }
  for (const member of workspaceMembers(ctx, install, dir)) presentIn(ctx, install, member, set, false);
  if (!set.files.length) return set;
  set.caveat = sourceCaveat(ctx, install, dir, set);
  return set;
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'];

/** Why the install may need more than its manifests (from the manifests themselves). */
function sourceCaveat(ctx: BuildContext, install: InstallCommand, dir: string, set: ManifestSet): string | undefined {
  const id = install.manager.id;
  const args = install.command.args.map((a) => a.value);
  if ((id === 'npm' || id === 'yarn' || id === 'pnpm') && !args.includes('--ignore-scripts')) {
    for (const f of set.files.filter((p) => p.endsWith('package.json'))) {
      const scripts = readJson(ctx, f)?.scripts;
      const hook = scripts && LIFECYCLE.find((h) => typeof scripts[h] === 'string');
      if (hook) return `${f} has a "${hook}" script, which may need the sources`;
    }
  }
  if (id === 'bundler' && /^\s*gemspec\b/m.test(ctx.readFile(joinContext(dir, 'Gemfile')) ?? '')) {
    return 'the Gemfile loads a gemspec, which usually reads files of the sources';
  }
  if (id === 'cargo') return 'cargo needs the source files its manifest declares';
  return undefined;
}
