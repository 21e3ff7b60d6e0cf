import { defineRule, type RuleContext } from '../core/rule';
import { isCopy, isRun, type CopyInfo, type InstructionInfo, type Model, type RunInfo, type Stage } from '../core/model';
import { deleteInstruction, insertLinesAfter, insertLinesBefore, instructionLines } from '../core/edits';
import { parseDockerignore } from '../core/dockerignore';
import type { ShellCommand } from '../core/shell';
import type { Fix, Range, TextEdit } from '../core/types';
import { installNeedsSources, recogniseInstall, type InstallCommand } from '../knowledge/packageManagers';
import { contextPathOf, destFor, dirOf, expandVars, resolvePath, workdirBefore } from './copy-before-install/paths';
import { findManifests } from './copy-before-install/manifests';
import { isFlatList, isSourceFree, isStateCommand, topLevelCommands } from './copy-before-install/commands';

const TITLE = 'Copy the dependency manifests first';

export const rule = defineRule({
  meta: {
    id: 'copy-before-install',
    summary: 'The whole build context is copied before the dependency install, so every code change re-installs',
    severity: 'warning',
    fix: 'sometimes',
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // One backward pass: the first RUN with an install at or after each position (linear, not per COPY).
      let next: { run: RunInfo; installs: InstallCommand[] } | undefined;
      const nextInstall: (typeof next)[] = new Array(stage.instructions.length);
      for (let k = stage.instructions.length - 1; k >= 0; k--) {
        nextInstall[k] = next;
        const ins = stage.instructions[k];
        if (!isRun(ins)) continue;
        const installs = ins.shell.commands.map(recogniseInstall).filter((x): x is InstallCommand => !!x);
        if (installs.length) next = { run: ins, installs };
      }
      stage.instructions.forEach((ins, k) => {
        if (!isCopy(ins) || ins.from !== undefined || !ins.dest) return;
        const source = ins.sources.find((s) => s.value === '.' || s.value === './');
        const target = nextInstall[k];
        if (!source || !target) return;
        checkPair(ctx, stage, ins, target.run, target.installs, source.value, source.range);
      });
    }
  },
});

interface Plan {
  reason?: string;
  unsafe?: string;
  manifests?: { files: string[]; dirs: string[] };
  /** A RUN between the copy and the install that needs the sources: the install moves above it. */
  busy?: InstructionInfo;
}

function checkPair(ctx: RuleContext, stage: Stage, copy: CopyInfo, run: RunInfo, installs: InstallCommand[], source: string, range: Range): void {
  const model = ctx.model;
  const what = label(installs[0].command);
  const destRaw = copy.dest!.value;
  const destText = expandVars(model, stage, copy, destRaw);
  const base = workdirBefore(model, stage, copy);
  const destAbs = destText !== undefined && (destText.startsWith('/') || base !== undefined) ? resolvePath(base ?? '/', destText) : undefined;
  const plan: Plan = {};
  if (destAbs !== undefined) {
    // Only installs that read files of the copied tree count.
    const mapped = installs
      .map((inst) => mapInstall(inst, installDirOf(model, stage, run, inst), destAbs))
      .filter((m): m is NonNullable<ReturnType<typeof mapInstall>> => !!m);
    if (!mapped.length) return;
    planFix(ctx, stage, copy, run, mapped, destText!.startsWith('/'), destAbs, plan);
  } else {
    plan.reason = 'the copy destination or the install directory depends on a value not known here';
  }
  const where = `line ${run.range.start.line + 1}`;
  const head = `\`${copy.keyword} ${source} …\` copies the whole build context before \`${what}\` (${where}): any source change re-runs the install`;
  if (plan.reason || !plan.manifests) {
    ctx.report({ range, message: `${head}. No automatic fix: ${plan.reason ?? 'no dependency manifest found'}.` });
    return;
  }
  const fix: Fix = { title: TITLE, safety: plan.unsafe ? 'unsafe' : 'safe', edits: buildEdits(model, copy, run, plan.manifests, installs, plan.busy) };
  const note = plan.unsafe ? ` Review the fix: ${plan.unsafe}.` : '';
  ctx.report({ range, message: `${head}. Copy the dependency manifests first.${note}`, fixes: [fix] });
}

/** `go mod download`, `pip install`, `yarn`: the command name and its leading sub-command words. */
function label(cmd: ShellCommand): string {
  const py = /^python/.test(cmd.name) && cmd.args[0]?.value === '-m';
  const words = py ? [] : [cmd.name];
  for (const a of cmd.args.slice(py ? 1 : 0, py ? 3 : 2)) {
    if (!a.value || !/^[a-z][\w:-]*$/.test(a.value)) break;
    words.push(a.value);
  }
  return words.join(' ');
}

/** The container directory an install runs in: WORKDIR, then `cd` before it in the same RUN, then `--prefix`-like flags. */
function installDirOf(model: Model, stage: Stage, run: RunInfo, inst: InstallCommand): string | undefined {
  let dir = workdirBefore(model, stage, run);
  if (dir === undefined) return undefined;
  for (const c of topLevelCommands(run)) {
    if (c.start >= inst.command.start) break;
    if (c.name !== 'cd') continue;
    const target = c.args[0]?.value;
    if (target === undefined || target === '-' || target.includes('$')) return undefined;
    dir = resolvePath(dir, target);
  }
  return inst.dir === undefined ? dir : inst.dir.includes('$') ? undefined : resolvePath(dir, inst.dir);
}

function mapInstall(inst: InstallCommand, cwd: string | undefined, destAbs: string) {
  if (cwd === undefined) return undefined;
  const dir = contextPathOf(cwd, destAbs);
  const files = inst.files.map((f) => contextPathOf(resolvePath(cwd, f), destAbs));
  if (inst.manager.id === 'pip') {
    const known = files.filter((f): f is string => f !== undefined);
    return known.length ? { inst, dir: dir ?? '', files: known } : undefined;
  }
  return dir === undefined ? undefined : { inst, dir, files: files.filter((f): f is string => f !== undefined) };
}

function planFix(ctx: RuleContext, stage: Stage, copy: CopyInfo, run: RunInfo, mapped: { inst: InstallCommand; dir: string; files: string[] }[], destIsAbsolute: boolean, destAbs: string, plan: Plan): void {
  const model = ctx.model;
  if (!ctx.context) {
    plan.reason = 'the build context could not be read';
    return;
  }
  const between = stage.instructions.filter((i) => i.index > copy.index && i.index < run.index);
  if (between.some((i) => i.keyword === 'WORKDIR') && !destIsAbsolute) {
    plan.reason = 'a WORKDIR between them would change where the moved copy lands';
    return;
  }
  const ignore = ctx.context.readFile('.dockerignore');
  const excluded = ignore ? parseDockerignore(ignore) : undefined;
  const files: string[] = [];
  const dirs: string[] = [];
  const unsafe: string[] = [];
  for (const m of mapped) {
    const set = findManifests(ctx.context, m.inst, m.dir, m.files);
    for (const f of set.files) if (!files.includes(f) && !excluded?.excludes(f) && !/\s/.test(f)) files.push(f);
    for (const d of set.dirs) if (!dirs.includes(d) && !excluded?.excludes(d) && !/\s/.test(d)) dirs.push(d);
    if (set.caveat) unsafe.push(set.caveat);
    if (installNeedsSources(m.inst)) unsafe.push(`\`${label(m.inst.command)}\` also installs the project itself, which needs its sources`);
  }
  if (!files.length) {
    const names = mapped.flatMap((m) => (m.inst.manager.id === 'pip' ? m.files : m.inst.manager.manifests.slice(0, 2)));
    plan.reason = `none of its manifests (${[...new Set(names)].join(', ')}) is in the build context`;
    return;
  }
  const busy = between.find((i) => isRun(i) && !i.shell.commands.every(isSourceFree));
  // Moving the install above `busy` is right only if nothing between them sets up its environment.
  const setup = busy && between.find((i) => i.index > busy.index && ['WORKDIR', 'ENV', 'ARG', 'USER', 'SHELL'].includes(i.keyword));
  if (busy && setup) unsafe.push(`the RUN on line ${busy.range.start.line + 1} would run before the sources are copied`);
  else if (busy) {
    plan.busy = busy;
    const skipped = between.filter((i) => i.index > busy.index && (isRun(i) || isCopy(i)));
    unsafe.push(`the install moves above the RUN on line ${busy.range.start.line + 1}${skipped.length ? ` and the ${skipped[0].keyword} on line ${skipped[0].range.start.line + 1}` : ''}, which it must not depend on`);
  }
  const cmds = topLevelCommands(run);
  const firstInstall = mapped.reduce((a, m) => Math.min(a, m.inst.command.start), Infinity);
  const pre = cmds.filter((c) => c.end <= firstInstall && !isStateCommand(c) && !isSourceFree(c));
  if (pre.length) unsafe.push(`\`${pre[0].name}\` runs before the install in the same RUN without the sources`);
  const post = postCommands(run, mapped.map((m) => m.inst));
  if (post.length && !isFlatList(model, run, cmds)) unsafe.push(`the same RUN also runs \`${post[0].name}\`, which may need the sources`);
  if (unsafe.length) plan.unsafe = unsafe[0];
  // Manifests an earlier COPY already put in place need no second copy.
  const have = alreadyCopied(model, stage, copy);
  plan.manifests = { files: files.filter((f) => !have.has(resolvePath(destAbs, f))), dirs };
}

/** Container paths of the files that earlier plain COPYs of the stage put in place (`COPY package.json ./`). */
function alreadyCopied(model: Model, stage: Stage, before: CopyInfo): Set<string> {
  const out = new Set<string>();
  for (const ins of stage.instructions) {
    if (ins.index >= before.index) break;
    if (!isCopy(ins) || ins.from !== undefined || !ins.dest) continue;
    const destText = expandVars(model, stage, ins, ins.dest.value);
    const wd = workdirBefore(model, stage, ins);
    if (destText === undefined || wd === undefined) continue;
    const dir = resolvePath(wd, destText);
    const intoDir = ins.sources.length > 1 || /\/$/.test(destText) || destText === '.';
    for (const src of ins.sources) {
      if (/[*?[$]/.test(src.value)) continue;
      const name = src.value.replace(/^\.\//, '').split('/').pop()!;
      out.add(intoDir ? resolvePath(dir, name) : dir);
    }
  }
  return out;
}

/** Commands after the last install of the RUN that need the sources. */
function postCommands(run: RunInfo, installs: InstallCommand[]): ShellCommand[] {
  const last = Math.max(...installs.map((i) => i.command.end));
  return topLevelCommands(run).filter((c) => c.start >= last && !isSourceFree(c));
}

function buildEdits(model: Model, copy: CopyInfo, run: RunInfo, manifests: { files: string[]; dirs: string[] }, installs: InstallCommand[], busy?: InstructionInfo): TextEdit[] {
  const keep = copy.flags.filter((f) => ['chown', 'chmod', 'link'].includes(f.name.toLowerCase()));
  const flagText = keep.map((f) => model.text.slice(f.start, f.end) + ' ').join('');
  const dest = copy.dest!.value;
  const groups = new Map<string, string[]>();
  for (const f of manifests.files) {
    const d = dirOf(f);
    groups.set(d, [...(groups.get(d) ?? []), f]);
  }
  const lines = [...groups].map(([d, fs]) => `COPY ${flagText}${fs.join(' ')} ${destFor(dest, d)}`);
  for (const d of manifests.dirs) lines.push(`COPY ${flagText}${d} ${destFor(dest, d)}`);
  const moved = instructionLines(model, copy);
  const cmds = topLevelCommands(run);
  const post = postCommands(run, installs);
  const split = post.length > 0 && isFlatList(model, run, cmds);
  const lastEnd = Math.max(...installs.map((i) => i.command.end));
  let second = '';
  if (split) {
    // Cut the RUN after its last install: the rest runs once the sources are there.
    const rest = cmds.find((c) => c.start >= lastEnd)!;
    const state = cmds.filter((c) => c.end <= lastEnd && isStateCommand(c)).map((c) => model.text.slice(c.start, c.end) + ' && ').join('');
    const flags = run.flags.map((f) => model.text.slice(f.start, f.end) + ' ').join('');
    const keyword = model.text.slice(run.start, run.start + 3);
    second = `${keyword} ${flags}${state}${model.text.slice(rest.start, run.end)}`;
  }
  const edits: TextEdit[] = [deleteInstruction(model, copy)];
  if (busy) {
    // The manifests and the install move up, above the first RUN that needs the sources.
    const installText = model.text.slice(run.start, split ? lastEnd : run.end).split(/\r\n|\r|\n/);
    edits.push(insertLinesBefore(model, busy, [...lines, ...installText, ...moved]));
    if (split) edits.push({ range: model.index.rangeOf(run.start, run.end), newText: second });
    else edits.push(deleteInstruction(model, run));
    return edits;
  }
  if (lines.length) edits.push(insertLinesBefore(model, run, lines));
  if (split) edits.push({ range: model.index.rangeOf(lastEnd, run.end), newText: model.eol + moved.join(model.eol) + model.eol + second });
  else {
    edits.push(insertLinesAfter(model, run, moved));
  }
  return edits;
}
