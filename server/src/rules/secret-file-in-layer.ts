import { defineRule, type RuleContext } from '../core/rule';
import { deleteInstruction, ensureSyntaxDirective } from '../core/edits';
import { isCopy, isRun, stageChain, type CopyInfo, type InstructionInfo, type RunInfo, type Stage, type Word } from '../core/model';
import type { ShellCommand } from '../core/shell';
import type { TextEdit } from '../core/types';
import { isNotSecretName, matchSecretFile, matchSecretGlob, TRUST_DIRS, type SecretFile } from '../knowledge/secretFiles';
import { insertMount, removeArg, removeCommand, removeSource } from './secret-file-in-layer/edits';
import { basename, copyTarget, normalise, resolveAt } from './secret-file-in-layer/paths';

const RUNTIME = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ENV']);
/** Commands that only tidy the copied file: they go with it (a secret mount is read-only). */
const TIDY = new Set(['rm', 'chmod', 'chown', 'shred']);

export const rule = defineRule({
  meta: {
    id: 'secret-file-in-layer',
    summary: 'A credential file is copied into an image layer (a later rm does not remove it)',
    severity: 'warning',
    fix: 'sometimes',
    related: { trivy: ['DS-0031'] },
    refactor: 'secrets',
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      for (const ins of stage.instructions) {
        if (!isCopy(ins) || ins.from !== undefined) continue;
        const found = ins.sources.map((s) => credentialSource(ctx, ins, s));
        found.forEach((file, i) => {
          if (file) checkSource(ctx, stage, ins, i, file, found.every(Boolean) && found.length > 1);
        });
      }
    }
  },
});

function credentialSource(ctx: RuleContext, copy: CopyInfo, src: Word): SecretFile | undefined {
  const v = src.value;
  if (!v || v.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^git@/.test(v)) return undefined;
  const dest = copy.dest?.value ?? '';
  if (TRUST_DIRS.test(dest)) return undefined;
  const byDest = () => (copy.sources.length === 1 && !/\/$/.test(dest) && !isNotSecretName(v) ? matchSecretFile(dest) : undefined);
  const file = /[*?[]/.test(v) ? matchSecretGlob(v) : (matchSecretFile(v, dest) ?? byDest());
  if (!file) return undefined;
  if (file.content) {
    const text = ctx.context?.readFile(normalise(v).replace(/^\//, ''));
    if (text !== undefined ? !file.content.test(text) : file.needsContent) return undefined;
  }
  return file;
}

function checkSource(ctx: RuleContext, stage: Stage, copy: CopyInfo, i: number, file: SecretFile, allSecret: boolean): void {
  const model = ctx.model;
  const src = copy.sources[i];
  const name = src.value;
  const line = (x: InstructionInfo) => x.range.start.line + 1;
  const head = `${copy.keyword} puts ${file.kind} (\`${basename(name)}\`) into an image layer: anyone who can pull the image can read it`;
  const target = copyTarget(stage, copy, name, (b) => matchSecretFile(b) === file || b === basename(name));
  const children = model.stages.filter((s) => s !== stage && stageChain(s).includes(stage));
  const later = [...stage.instructions.filter((x) => x.index > copy.index), ...children.flatMap((s) => s.instructions.filter((x) => x.keyword !== 'FROM'))];
  const stageOf = (x: InstructionInfo) => x.stage ?? stage;
  const isTarget = (r: RunInfo, w: string | undefined) => !!w && !!target && resolveAt(stageOf(r), r, w) === target;
  const tidies = (r: RunInfo) => r.shell.commands.filter((c) => TIDY.has(c.name) && c.args.some((a) => isTarget(r, a.value)));
  const rmRun = later.filter(isRun).find((r) => tidies(r).some((c) => c.name === 'rm' || c.name === 'shred'));
  const window = later.filter(isRun).filter((r) => !rmRun || r.index <= rmRun.index);
  const mentions = (x: InstructionInfo) => {
    const t = model.text.slice(x.start, x.end);
    return (!!target && t.includes(target)) || t.includes(basename(name));
  };
  const reads = (r: RunInfo) => r.shell.commands.some((c) => file.readers.includes(c.name) && !TIDY.has(c.name)) || (mentions(r) && r.shell.commands.some((c) => !TIDY.has(c.name) && mentionsCmd(model.text, c, basename(name), target)));
  let users = window.filter(reads);
  if (!users.length && rmRun) users = window.filter((r) => r !== rmRun || r.shell.commands.some((c) => !TIDY.has(c.name)));
  const rmNote = rmRun ? `, and the rm on line ${line(rmRun)} only hides it in a later layer` : '';
  const ships = model.stages.length > 0 && stageChain(model.stages[model.stages.length - 1]).includes(stage);
  const runtimeUse = later.find((x) => RUNTIME.has(x.keyword) && mentions(x));
  const advice = (why: string) => ctx.report({ range: src.range, message: `${head}${rmNote}. ${why}` });
  const atRun = 'mount it when the container starts (a volume, or your orchestrator\'s secrets) instead of copying it into the image';

  if (file.dir) return advice(`A directory of credentials cannot be a build secret: mount single files with \`RUN --mount=type=secret,id=<id>,target=<path>\`${file.readers.includes('git') ? ', or use the SSH agent with `RUN --mount=type=ssh` and `docker build --ssh default`' : ''}, and keep it out of the context with .dockerignore.`);
  if (!rmRun && ships && (runtimeUse || (file.runtime && !users.length))) {
    return advice(`${runtimeUse ? `The ${runtimeUse.keyword} on line ${line(runtimeUse)} points at it, so the container reads it at run time: ` : 'If the application reads it at run time, '}${atRun}.`);
  }
  if (!users.length) return advice(`No RUN uses it: remove it from the ${copy.keyword}, or if the application needs it, ${atRun}.`);
  if (!target) return advice(`No automatic fix: where it lands is not known (a glob or a variable); mount it with \`RUN --mount=type=secret,id=${file.id},target=<path>\`.`);
  if (allSecret) return advice(`No automatic fix: this ${copy.keyword} copies only credential files; mount each with \`RUN --mount=type=secret,id=<id>,target=<path>\`.`);

  const edits: TextEdit[] = [copy.sources.length === 1 ? deleteInstruction(model, copy) : removeSource(model, copy, i)];
  const deleted = new Set<RunInfo>();
  for (const r of later.filter(isRun)) {
    for (const c of tidies(r)) {
      const edit = tidyEdit(model, r, c, isTarget);
      if (!edit) return advice(`No automatic fix: the ${c.name} on line ${line(r)} cannot be taken out cleanly; mount the file with \`RUN --mount=type=secret,id=${file.id},target=${target}\`.`);
      if (edit === 'run') {
        deleted.add(r);
        edits.push(deleteInstruction(model, r));
      } else edits.push(edit);
    }
  }
  const others = later.filter((x) => x !== rmRun && mentions(x) && !(isRun(x) && tidies(x).length && !x.shell.commands.some((c) => !TIDY.has(c.name))));
  const ssh = !!file.ssh && !others.length;
  const mount = ssh ? 'type=ssh' : `type=secret,id=${file.id},target=${target}`;
  for (const r of users) {
    if (deleted.has(r)) continue;
    if (r.mounts.some((m) => (ssh && m.type === 'ssh') || (m.type === 'secret' && m.options.target === target))) continue;
    edits.push(insertMount(model, r, mount));
  }
  const syntax = ensureSyntaxDirective(model);
  if (syntax) edits.push(syntax);
  const build = ssh ? 'docker build --ssh default' : `docker build --secret id=${file.id},src=${normalise(name).replace(/^\//, '')}`;
  const lines = users.filter((r) => !deleted.has(r)).map(line);
  ctx.report({
    range: src.range,
    message: `${head}${rmNote}. Mount it only for the RUN${lines.length > 1 ? `s on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}` : ` on line ${lines[0]}`} and build with \`${build}\`${ssh ? ' (the key loaded in your ssh-agent)' : ''}.`,
    fixes: [{ title: 'Use a secret mount', safety: 'unsafe', edits }],
  });
}

/** Whether a command names the file (as an argument or inside one). */
function mentionsCmd(text: string, c: ShellCommand, base: string, target: string | undefined): boolean {
  const t = text.slice(c.start, c.end);
  return t.includes(base) || (!!target && t.includes(target));
}

/** Takes the file out of a tidy command: the argument, the command, or the whole RUN ('run'). */
function tidyEdit(model: RuleContext['model'], run: RunInfo, c: ShellCommand, isTarget: (r: RunInfo, w: string | undefined) => boolean): TextEdit | 'run' | undefined {
  const nonFlags = c.args.filter((a) => !(a.value ?? a.text).startsWith('-'));
  // chmod/chown: the first operand is the mode or the owner.
  const operands = c.name === 'rm' || c.name === 'shred' ? nonFlags : nonFlags.slice(1);
  const mine = operands.filter((a) => isTarget(run, a.value));
  if (mine.length < operands.length) return mine.length === 1 ? removeArg(model, c, mine[0]) : undefined;
  if (run.shell.commands.length === 1) return 'run';
  return removeCommand(model, run, c);
}
