import { effectiveUser, stageChain, type CopyInfo, type InstructionInfo, type Stage } from '../../core/model';

/** POSIX path helpers and WORKDIR resolution for image paths (no node:path in the core). */

export function normalise(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function basename(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The WORKDIR in force at an instruction (its stage chain's WORKDIRs before it), or undefined when dynamic. */
export function workdirAt(stage: Stage, at: InstructionInfo): string | undefined {
  let dir = '/';
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= at.index) break;
      if (i.keyword !== 'WORKDIR' || !i.args.length) continue;
      const v = i.args.map((a) => a.value).join(' ');
      if (v.includes('$')) return undefined;
      dir = normalise(v.startsWith('/') ? v : `${dir}/${v}`);
    }
  }
  return dir;
}

/** An image path as seen from an instruction: `~` for root's home, relative to the WORKDIR. */
export function resolveAt(stage: Stage, at: InstructionInfo, path: string): string | undefined {
  if (path.includes('$') && !/^\$HOME\b|^\$\{HOME\}/.test(path)) return undefined;
  let p = path.replace(/^(?:~|\$HOME|\$\{HOME\})(?=\/|$)/, homeOf(stage));
  if (!p.startsWith('/')) {
    const wd = workdirAt(stage, at);
    if (wd === undefined) return undefined;
    p = `${wd}/${p}`;
  }
  return normalise(p);
}

function homeOf(stage: Stage): string {
  const u = effectiveUser(stage)?.user.split(':')[0];
  return !u || u === 'root' || u === '0' ? '/root' : `/home/${u}`;
}

/** Directories a COPY without a trailing slash still copies into (they exist in common images). */
const KNOWN_DIRS = /^(?:\/|\/root|\/tmp|\/app|\/src|\/opt|\/etc|\/home\/[^/]+|\/usr\/src\/app|\/var\/www(?:\/html)?|.*\/\.(?:ssh|aws|docker|kube|config|gnupg|cargo|gem|composer|m2|pip)|\/etc\/(?:ssl\/private|nginx\/ssl|nginx\/certs|pip))$/;

/** Where a COPY puts one source file in the image, or undefined when it cannot be known. */
export function copyTarget(stage: Stage, copy: CopyInfo, source: string, sameName: (destBase: string) => boolean): string | undefined {
  const dest = copy.dest?.value;
  if (!dest || /[*?[]/.test(source)) return undefined;
  const resolved = resolveAt(stage, copy, dest);
  if (resolved === undefined) return undefined;
  const intoDir =
    copy.sources.length > 1 || /\/$|^\.$|\/\.$/.test(dest) || KNOWN_DIRS.test(resolved) || isWorkdir(stage, copy, resolved) || (!sameName(basename(resolved)) && !/\./.test(basename(resolved)) && /\./.test(basename(source)));
  return intoDir ? normalise(`${resolved}/${basename(source)}`) : resolved;
}

function isWorkdir(stage: Stage, at: InstructionInfo, path: string): boolean {
  return workdirAt(stage, at) === path;
}
