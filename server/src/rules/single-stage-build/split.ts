import type { InstructionInfo, Model, Stage } from '../../core/model';
import type { TextEdit } from '../../core/types';
import type { UserPlan } from '../../knowledge/images';
import { createUserLines, userLine } from './runtime';

/** Writes the split: names the build stage, lifts the runtime instructions out, appends the runtime stage. */

export interface SplitPlan {
  image: string;
  user: UserPlan;
  /** Copies from the build stage: source path → destination path. */
  artifacts: { from: string; to: string }[];
  setup: string[];
  /** Lines right after FROM, before the account is created (OS packages the artifact needs at run time). */
  install?: string[];
  /** The runtime stage's WORKDIR (unless a moved WORKDIR sets it). */
  workdir?: string;
  /** Instructions moved out of the build stage (text kept), in order. */
  moved: InstructionInfo[];
  /** Instructions whose text is repeated in the runtime stage (ENV needed at run time). */
  repeated: InstructionInfo[];
  /** Replacement text for moved instructions that must change (shell form → exec form for images without a shell). */
  rewritten: Map<InstructionInfo, string[]>;
}

const START = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL']);

/** The comment lines right above an instruction (they travel with it). */
function leadingComments(model: Model, ins: InstructionInfo): number {
  let line = ins.range.start.line;
  const inInstruction = (l: number) => model.instructions.some((i) => i.range.start.line <= l && l <= i.range.end.line);
  while (line > 0 && /^\s*#/.test(model.index.lineText(line - 1)) && !isDirectiveLine(model, line - 1) && !inInstruction(line - 1)) line--;
  return line;
}

function isDirectiveLine(model: Model, line: number): boolean {
  return model.directives.some((d) => d.range.start.line === line);
}

function chunkLines(model: Model, ins: InstructionInfo): { first: number; last: number } {
  return { first: leadingComments(model, ins), last: ins.range.end.line };
}

function textLines(model: Model, first: number, last: number): string[] {
  const out: string[] = [];
  for (let l = first; l <= last; l++) out.push(model.index.lineText(l));
  return out;
}

/** A new name for the build stage that no other stage uses. */
export function buildStageName(model: Model): string {
  const taken = new Set(model.stages.map((s) => s.name?.toLowerCase()));
  return ['build', 'builder', 'build-stage', 'build-app'].find((n) => !taken.has(n)) ?? `build-${model.stages.length}`;
}

/** Keywords in the file's case (lower-case files stay lower-case). */
export function keywordCase(model: Model, stage: Stage): (k: string) => string {
  const raw = model.text.slice(stage.from.start, stage.from.start + 4);
  return raw === raw.toLowerCase() ? (k) => k.toLowerCase() : (k) => k;
}

export function writeSplit(model: Model, stage: Stage, name: string, plan: SplitPlan): TextEdit[] {
  const kw = keywordCase(model, stage);
  const edits: TextEdit[] = [];
  if (!stage.name) {
    const at = stage.imageRange?.end ?? stage.from.range.end;
    edits.push({ range: { start: at, end: at }, newText: ` ${kw('AS')} ${name}` });
  }
  const chunks = plan.moved.map((ins) => ({ ins, ...chunkLines(model, ins) }));
  // Everything after the last line that stays is rewritten as one edit: another fix inserting there (root-user's
  // USER before CMD) overlaps this one and waits for the next round, when the final stage is the runtime stage.
  const kept = stage.instructions.filter((i) => !plan.moved.includes(i));
  const anchorLine = kept[kept.length - 1].range.end.line;
  const regionStart = model.index.lineContentEnd(anchorLine);
  const cut = (c: { first: number; last: number }) => ({ start: model.index.lineContentEnd(c.first - 1), end: model.index.lineContentEnd(c.last) });
  let tail = model.text.slice(regionStart);
  for (const c of [...chunks].reverse()) {
    const { start, end } = cut(c);
    if (c.first > anchorLine) tail = tail.slice(0, start - regionStart) + tail.slice(end - regionStart);
    else edits.push({ range: model.index.rangeOf(start, end), newText: '' });
  }
  const body = (c: { ins: InstructionInfo; first: number; last: number }) => {
    const re = plan.rewritten.get(c.ins);
    return re ? [...textLines(model, c.first, c.ins.range.start.line - 1), ...re] : textLines(model, c.first, c.last);
  };
  const movedWorkdir = chunks.filter((c) => c.ins.keyword === 'WORKDIR');
  const lines: string[] = ['', `${kw('FROM')} ${plan.image}`];
  // packages and the account come first: layers above the artifact copies survive a source edit
  lines.push(...(plan.install ?? []).map((l) => l.replace(/^RUN\b/, (k) => kw(k))));
  lines.push(...createUserLines(plan.user, kw));
  if (movedWorkdir.length) for (const c of movedWorkdir) lines.push(...body(c));
  else if (plan.workdir && plan.workdir !== '/') lines.push(`${kw('WORKDIR')} ${plan.workdir}`);
  for (const ins of plan.repeated) lines.push(...textLines(model, ins.range.start.line, ins.range.end.line));
  lines.push(...plan.setup.map((l) => l.replace(/^(COPY|RUN|ENV)\b/, (k) => kw(k))));
  for (const a of plan.artifacts) lines.push(`${kw('COPY')} --from=${name} ${a.from} ${a.to}`);
  for (const c of chunks) if (c.ins.keyword !== 'WORKDIR' && !START.has(c.ins.keyword)) lines.push(...body(c));
  lines.push(userLine(plan.user, kw));
  for (const c of chunks) if (START.has(c.ins.keyword)) lines.push(...body(c));
  const lead = /(\r\n|\r|\n)$/.test(tail) ? '' : model.eol;
  if (/(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)$/.test(tail)) lines.shift(); // a blank line is already there
  edits.push({ range: model.index.rangeOf(regionStart, model.text.length), newText: tail + lead + lines.join(model.eol) + model.eol });
  return edits;
}
