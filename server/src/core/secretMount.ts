import type { Model, RunInfo, VarDef } from './model';
import { deleteInstruction } from './edits';
import type { TextEdit } from './types';
import { hasHeredocs } from './memo';

/**
 * Rewrites a RUN so that it reads a credential from a BuildKit secret mount instead of a build ARG,
 * an ENV or a file in a layer. Two styles:
 * - `env`: `RUN --mount=type=secret,id=<id>,env=<NAME> …` (Dockerfile frontend ≥ 1.10; not buildah);
 * - `file`: `RUN --mount=type=secret,id=<id> NAME="$(cat /run/secrets/<id>)" && export NAME && …`
 *   (works with older BuildKit and buildah).
 * Used by secret-in-build-arg, and meant for secret-in-env and secret-file-in-layer.
 */

export type SecretMountStyle = 'env' | 'file';

export interface SecretUse {
  /** The secret's id (`npm-token`). */
  id: string;
  /** The environment variable the command reads (`NPM_TOKEN`). */
  env: string;
}

/** `NPM_TOKEN`, `npmToken` → `npm-token`: the id of the secret for a variable name. */
export function secretId(name: string): string {
  const id = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'secret';
}

/** The `docker build` option that provides a secret from the builder's environment (or a file). */
export function secretBuildFlag(use: SecretUse, style: SecretMountStyle = 'env'): string {
  return style === 'file' ? `--secret id=${use.id},src=<file>` : `--secret id=${use.id},env=${use.env}`;
}

/** Whether a RUN already receives `env` from a secret mount. */
export function hasSecretMount(run: RunInfo, use: SecretUse): boolean {
  return run.mounts.some(
    (m) => m.type === 'secret' && (m.options.env === use.env || ((m.options.id ?? '') === use.id && !m.options.env && !m.options.target)),
  );
}

/**
 * The edits that give a RUN its secrets, or undefined when the style cannot express it
 * (`file` style on an exec-form or heredoc RUN). Uses already mounted are skipped; returns [] if none is left.
 */
export function secretMountEdits(model: Model, run: RunInfo, uses: SecretUse[], style: SecretMountStyle = 'env'): TextEdit[] | undefined {
  const todo = dedupe(uses).filter((u) => !hasSecretMount(run, u));
  if (!todo.length) return [];
  const keywordEnd = model.index.positionAt(run.start + keywordLength(model, run));
  if (style === 'env') {
    const flags = todo.map((u) => ` --mount=type=secret,id=${u.id},env=${u.env}`).join('');
    return [{ range: { start: keywordEnd, end: keywordEnd }, newText: flags }];
  }
  if (run.execForm || !run.args.length || !run.script || hasHeredocs(model, run)) return undefined;
  const ids = [...new Set(todo.map((u) => u.id))];
  const flags = ids.map((id) => ` --mount=type=secret,id=${id}`).join('');
  const prefix = todo.map((u) => `${u.env}="$(cat /run/secrets/${u.id})" && export ${u.env} && `).join('');
  const at = prefixOffset(model, run);
  const pos = model.index.positionAt(at);
  return [
    { range: { start: keywordEnd, end: keywordEnd }, newText: flags },
    { range: { start: pos, end: pos }, newText: /[ \t]/.test(model.text[at - 1] ?? '') ? prefix : ' ' + prefix },
  ];
}

/**
 * Where the `file`-style prefix goes: before the script, or, when the script starts on a later line
 * (`RUN \` + newline), before the continuation that leads to it, so the script's own lines stay as written.
 */
function prefixOffset(model: Model, run: RunInfo): number {
  const start = run.args[0].start;
  const idx = model.index;
  let line = idx.positionAt(start).line;
  if (!/^[ \t]*$/.test(model.text.slice(idx.lineStarts[line], start))) return start;
  const first = idx.positionAt(run.start).line;
  while (--line >= first) {
    const text = idx.lineText(line);
    if (line > first && /^[ \t]*(#.*)?$/.test(text)) continue; // comment and blank lines inside the continuation
    const esc = text.lastIndexOf(model.escape);
    if (esc < 0 || !/^[ \t]*$/.test(text.slice(esc + 1))) return start;
    return idx.lineStarts[line] + esc;
  }
  return start;
}

function keywordLength(model: Model, run: RunInfo): number {
  const m = /^[A-Za-z]+/.exec(model.text.slice(run.start, run.start + 8));
  return m ? m[0].length : 3;
}

function dedupe(uses: SecretUse[]): SecretUse[] {
  const seen = new Set<string>();
  return uses.filter((u) => {
    const k = `${u.id}\0${u.env}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The ARG/ENV definitions written in the same instruction as `def`, in order. */
function siblingsOf(model: Model, def: VarDef): VarDef[] {
  const all = [...model.globalArgs, ...model.stages.flatMap((s) => [...s.args, ...s.envs])];
  return all.filter((d) => d.instr === def.instr).sort((a, b) => model.index.offsetAt(a.propertyRange.start) - model.index.offsetAt(b.propertyRange.start));
}

/** Removes one `NAME[=value]` of an ARG or ENV: the whole instruction when it is the only one. */
export function removeVarDef(model: Model, def: VarDef): TextEdit {
  if (def.instr.keyword === 'ARG' && def.value !== undefined && !hasEquals(model, def)) {
    // `ARG A B=1` is two ARGs, though dockerfile-ast reads it as A with the value `B=1`: drop only `A `.
    const from = model.index.offsetAt(def.nameRange.start);
    let to = model.index.offsetAt(def.nameRange.end);
    while (/\s/.test(model.text[to] ?? '')) to++;
    return { range: model.index.rangeOf(from, to), newText: '' };
  }
  const sibs = siblingsOf(model, def);
  const i = sibs.indexOf(def);
  if (sibs.length <= 1 || i < 0) return deleteInstruction(model, def.instr);
  if (i === 0) return { range: { start: def.propertyRange.start, end: sibs[1].propertyRange.start }, newText: '' };
  return { range: { start: sibs[i - 1].propertyRange.end, end: def.propertyRange.end }, newText: '' };
}

/** Whether a definition is written `NAME=value` (not `NAME value`). */
export function hasEquals(model: Model, def: VarDef): boolean {
  return model.text[model.index.offsetAt(def.nameRange.end)] === '=';
}

/** The default value of an ARG as BuildKit reads it (`ARG A B=1` gives A no default). */
export function argDefault(model: Model, def: VarDef): string | undefined {
  return def.value !== undefined && hasEquals(model, def) ? def.value : undefined;
}
