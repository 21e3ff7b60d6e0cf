import { isCopy, type InstructionInfo, type Stage } from '../../core/model';
import type { BuildContext } from '../../core/types';
import { findToolchainImage } from '../../knowledge/images';

/** Container paths (WORKDIR, COPY destinations) and the build-context files they came from. */

/** Resolves a POSIX path against a directory; `.` and `..` are folded. */
export function resolvePath(dir: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : dir + '/' + p).split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** A context-relative path without `./` and trailing slashes ('' = the root). */
export function contextPath(p: string): string {
  const r = resolvePath('/', p).slice(1);
  return r;
}

/** `$VAR` and `${VAR}` replaced from a table; undefined when one is unknown. */
export function substitute(text: string, vars: Record<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_m, a?: string, b?: string) => {
    const v = vars[(a ?? b)!];
    if (v === undefined || v.includes('$')) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : out;
}

/** The WORKDIR in force just before `before` (or at the end of the chain). Undefined when it uses an unknown variable. */
export function workdirAt(chain: Stage[], before?: InstructionInfo): string | undefined {
  let dir: string | undefined = '/';
  const vars: Record<string, string | undefined> = { ...(chain[0]?.image ? findToolchainImage(chain[0].image)?.env : undefined) };
  for (const s of chain) {
    for (const ins of s.instructions) {
      if (before && ins === before) return dir;
      if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
        for (const d of [...s.envs, ...s.args]) if (d.instr === ins && d.value !== undefined) vars[d.name] = substitute(d.value, vars);
      }
      if (ins.keyword === 'WORKDIR' && ins.args.length) {
        const v = substitute(ins.args.map((a) => a.value).join(' '), vars);
        dir = v === undefined || dir === undefined ? undefined : resolvePath(dir, v);
      }
    }
  }
  return dir;
}

function isDirInContext(context: BuildContext | undefined, p: string): boolean {
  if (p === '') return true;
  if (!context) return false;
  return !context.exists(p) && context.listDir(p) !== undefined;
}

/**
 * The build-context path a container path was copied from, following the chain's COPY/ADD
 * instructions (latest first). Undefined when no copy brought it in.
 */
export function contextPathOf(chain: Stage[], containerPath: string, context: BuildContext | undefined): string | undefined {
  const copies = chain.flatMap((s) => s.instructions).filter(isCopy).filter((c) => !c.from && c.dest);
  for (let i = copies.length - 1; i >= 0; i--) {
    const c = copies[i];
    const wd = workdirAt(chain, c);
    const destText = c.dest!.value;
    if (wd === undefined || destText.includes('$') || c.keyword === 'ADD' && c.sources.some((s) => /^(https?|git)[:@]/.test(s.value))) continue;
    const dest = resolvePath(wd, destText);
    const destIsDir = destText.endsWith('/') || destText === '.' || c.sources.length > 1;
    for (const src of c.sources) {
      if (/[*?[]/.test(src.value) || src.value.includes('$')) {
        // a glob copies matching files into the destination directory
        const file = containerPath.startsWith(dest + '/') ? containerPath.slice(dest.length + 1) : undefined;
        if (file && !file.includes('/') && globMatch(src.value.split('/').pop()!, file)) {
          const dir = src.value.includes('/') ? src.value.slice(0, src.value.lastIndexOf('/')) : '';
          return contextPath(dir + '/' + file);
        }
        continue;
      }
      const s = contextPath(src.value);
      if (isDirInContext(context, s) || src.value === '.' || src.value.endsWith('/')) {
        // a directory's contents land in the destination
        if (containerPath === dest) return s;
        if (containerPath.startsWith(dest === '/' ? '/' : dest + '/')) return contextPath(s + '/' + containerPath.slice(dest.length));
      } else {
        const target = destIsDir ? resolvePath(dest, s.split('/').pop()!) : dest;
        if (containerPath === target) return s;
      }
    }
  }
  return undefined;
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(name);
}

/** Reads a file of the project at a container path, through the copies that brought it in. */
export function readProjectFile(chain: Stage[], containerPath: string, context: BuildContext | undefined): { path: string; text: string } | undefined {
  if (!context) return undefined;
  const p = contextPathOf(chain, containerPath, context);
  if (p === undefined) return undefined;
  const text = context.readFile(p);
  return text === undefined ? undefined : { path: p, text };
}

/** Lists a project directory at a container path, through the copies that brought it in. */
export function listProjectDir(chain: Stage[], containerDir: string, context: BuildContext | undefined): { path: string; names: string[] } | undefined {
  if (!context) return undefined;
  const p = contextPathOf(chain, containerDir, context);
  if (p === undefined) return undefined;
  const names = context.listDir(p);
  return names ? { path: p, names } : undefined;
}
