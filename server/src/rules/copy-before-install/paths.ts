import type { InstructionInfo, Model, Stage } from '../../core/model';
import { stageChain } from '../../core/model';

/** Container paths (POSIX, absolute) and their mapping onto the build context. */

/** Resolves `p` against an absolute directory, normalising `.` and `..`. */
export function resolvePath(base: string, p: string): string {
  const parts: string[] = [];
  for (const seg of ((p.startsWith('/') ? '' : base + '/') + p).split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** Values of the ARG/ENV variables in force just before `ins` (only literal ones). */
function varsBefore(model: Model, stage: Stage, ins: InstructionInfo): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const s of stageChain(stage)) {
    for (const def of [...s.args, ...s.envs].sort((a, b) => a.instr.index - b.instr.index)) {
      if (def.instr.index >= ins.index) break;
      const global = model.globalArgs.find((g) => g.name === def.name)?.value;
      const raw = def.value ?? (def.instr.keyword === 'ARG' ? global : undefined);
      vars.set(def.name, raw === undefined ? vars.get(def.name) : expandWith(vars, raw));
    }
  }
  return vars;
}

function expandWith(vars: Map<string, string | undefined>, text: string): string | undefined {
  let ok = true;
  const out = text.replace(/\$(?:\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|([A-Za-z_]\w*))/g, (_m, a?: string, dflt?: string, b?: string) => {
    const v = vars.get((a ?? b)!);
    if (v !== undefined && v !== '') return v;
    if (dflt !== undefined) return dflt;
    ok = false;
    return '';
  });
  return ok && !/[$]/.test(out) ? out : undefined;
}

/** `text` with the stage's ARG/ENV values substituted; undefined when a variable has no known value. */
export function expandVars(model: Model, stage: Stage, ins: InstructionInfo, text: string): string | undefined {
  return text.includes('$') ? expandWith(varsBefore(model, stage, ins), text) : text;
}

/** The WORKDIR in force just before `ins` (inherited through base stages); undefined when it cannot be known. */
export function workdirBefore(model: Model, stage: Stage, ins: InstructionInfo): string | undefined {
  let dir = '/';
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i === ins) return dir;
      if (i.keyword !== 'WORKDIR' || !i.args.length) continue;
      const v = expandVars(model, s, i, i.args.map((a) => a.value).join(' '));
      if (v === undefined) return undefined;
      dir = resolvePath(dir, v);
    }
  }
  return dir;
}

/** The context path (relative, '' = root) that a container path holds when `COPY . <destAbs>` copied the context. */
export function contextPathOf(containerPath: string, destAbs: string): string | undefined {
  if (destAbs === '/') return containerPath.replace(/^\/+/, '');
  if (containerPath === destAbs) return '';
  return containerPath.startsWith(destAbs + '/') ? containerPath.slice(destAbs.length + 1) : undefined;
}

/** Joins context-relative paths. */
export function joinContext(dir: string, name: string): string {
  const joined = resolvePath('/', (dir ? dir + '/' : '') + name);
  return joined.slice(1);
}

/** The directory part of a context path ('' for the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `dest` as written, with `sub` appended and a trailing slash (so that several sources are allowed). */
export function destFor(dest: string, sub: string): string {
  const base = dest === '.' || dest === './' ? '.' : dest.replace(/\/+$/, '');
  if (!sub) return (base || '') + '/';
  return `${base}/${sub}/`;
}
