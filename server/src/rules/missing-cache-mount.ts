import { defineRule, type RuleContext } from '../core/rule';
import { isRun, type Model, type RunInfo } from '../core/model';
import { memo } from '../core/memo';
import { ensureSyntaxDirective, insertLinesBefore } from '../core/edits';
import type { Fix, TextEdit } from '../core/types';
import { APT_KEEP_CACHE, CACHE_DIRS, recogniseCleanup, type CacheUse } from '../knowledge/cacheMounts';
import { dropWord, insertMounts, replaceWord } from './missing-cache-mount/edits';
import { dropListSteps, leavesBareRun } from './missing-cache-mount/listStep';
import { lookupFor } from './missing-cache-mount/environment';
import { cacheUses, copiedOut, mountSpecs, planRun, storeSiblings, within, type RunPlan } from './missing-cache-mount/plan';

export const rule = defineRule({
  meta: {
    id: 'missing-cache-mount',
    summary: 'A package install or build runs without a cache mount, so every rebuild downloads everything again',
    severity: 'info',
    fix: 'sometimes',
    refactor: 'cacheMounts',
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (!isRun(ins)) continue;
      const plan = planRun(ctx.model, ins);
      if (plan && !plan.opaque) checkRun(ctx, plan);
    }
  },
});

const quote = (s: string) => '`' + s.replace(/\s+/g, ' ') + '`';
/** `npm ci`, `python -m pip install`: the command's words up to its action, as values (exec form included). */
const shown = (u: CacheUse) => quote([u.command.nameWord?.value ?? u.command.name, ...u.command.args.filter((a) => a.end <= u.end).map((a) => a.value ?? a.text)].join(' '));
/** Whether a command uses a cache this RUN does not mount yet. */
const needsMount = (plan: RunPlan, u: CacheUse) => plan.missing.some((n) => u.caches.includes(n.key) || (n.key === 'yarn-berry' && u.tool === 'yarn'));
const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function checkRun(ctx: RuleContext, plan: RunPlan): void {
  const model = ctx.model;
  const { run, missing, env } = plan;
  // Nothing to say when every cache is mounted, or when a cache that cannot be located sits beside mounts the author chose.
  if (!missing.length && (!plan.unknown.length || plan.mounted.length)) return;
  const first = (missing[0]?.use ?? plan.uses[0]).command;
  const use = missing[0]?.use ?? plan.uses[0];
  const range = model.index.rangeOf(first.nameWord?.start ?? first.start, use.end);
  const commands = [...new Set(plan.uses.filter((u) => needsMount(plan, u) || !missing.length).map(shown))];
  const labels = [...new Set(missing.map((n) => CACHE_DIRS[n.key].label))];
  const head = `${list(commands)} ${commands.length > 1 ? 'start' : 'starts'} from an empty cache whenever this step is rebuilt`;
  const targets = missing.map((n) => n.target).join(', ');
  const advice = missing.length
    ? `: a cache mount keeps the ${list(labels)} cache${missing.length > 1 ? 's' : ''} (${targets}) between builds without adding ${missing.length > 1 ? 'them' : 'it'} to the image (BuildKit).`
    : '.';
  const blocked = whyNoFix(model, plan);
  if (blocked || !missing.length) {
    const reason = blocked ?? (plan.unknown.includes('apk index')
      ? 'apk keeps its package index in the cache directories, and this step or a later one installs with an index an earlier step fetched (use `apk add --no-cache` or `-U` in each step)'
      : `the ${list(plan.unknown)} cache directory is not known here (set HOME or the tool's cache variable)`);
    ctx.report({ range, message: `${head}${advice} No automatic fix: ${reason}.` });
    return;
  }
  const cleanup = cleanupEdits(model, plan);
  if (typeof cleanup === 'string') {
    ctx.report({ range, message: `${head}${advice} No automatic fix: ${cleanup}.` });
    return;
  }
  const bare = cleanup.find((e) => leavesBareRun(model, run, e));
  const unsafe: string[] = [];
  const edits: TextEdit[] = [insertMounts(model, run, mountSpecs(plan), bare)];
  if (env.user !== undefined && env.uid === undefined) unsafe.push('uid unknown');
  const copy = copiedOut(model, plan);
  if (copy) unsafe.push(`COPY on line ${copy.line} reads ${copy.target}`);
  for (const sibling of storeSiblings(model, plan)) {
    edits.push(insertMounts(model, sibling.run, mountSpecs(sibling)));
    if (sibling.env.user !== undefined && sibling.env.uid === undefined) unsafe.push('uid unknown');
    if (copiedOut(model, sibling)) unsafe.push('copied out');
  }
  edits.push(...disablerEdits(model, plan));
  edits.push(...cleanup.filter((e) => e !== bare));
  if (missing.some((n) => n.key === 'apt-cache' || n.key === 'apt-lib')) {
    unsafe.push('apt keeps downloads');
    const keep = aptKeepCacheEdit(model, run);
    if (keep) edits.push(keep);
  }
  if (missing.some((n) => n.key === 'apk')) unsafe.push('apk cache dir');
  const syntax = ensureSyntaxDirective(model);
  if (syntax) edits.push(syntax);
  const fix: Fix = { title: missing.length > 1 ? 'Add cache mounts' : 'Add a cache mount', safety: unsafe.length ? 'unsafe' : 'safe', edits };
  ctx.report({ range, message: head + advice, fixes: [fix] });
}

/** Why the RUN cannot get a working mount by itself: the cache is switched off, or a flag cannot be dropped. */
function whyNoFix(model: Model, plan: RunPlan): string | undefined {
  for (const use of plan.uses) {
    const lookup = lookupFor(plan.env, use.command);
    const off = use.offVars.find((v) => lookup.isSet(v) && lookup.env(v) !== '' && !/^(0|false|no|off)$/i.test(lookup.env(v) ?? ''));
    if (off && needsMount(plan, use)) return `${off} turns the ${use.tool} cache off; remove it and mount the cache`;
    if (use.disablers.length && plan.run.execForm) return `${quote(use.disablers[0].text)} turns the ${use.tool} cache off, and exec-form arguments are not edited`;
  }
  return undefined;
}

/** Drops `--no-cache-dir`/`--no-cache` (apk: becomes `--update-cache`, which fetches the index `--no-cache` fetched). */
function disablerEdits(model: Model, plan: RunPlan): TextEdit[] {
  const edits: TextEdit[] = [];
  const cmds = plan.run.shell.commands;
  for (const use of plan.uses) {
    if (!needsMount(plan, use)) continue;
    for (const w of use.disablers) {
      if (use.tool !== 'apk') {
        edits.push(dropWord(model, w));
        continue;
      }
      const k = cmds.indexOf(use.command);
      const updated = use.command.args.some((a) => a.value === '-U' || a.value === '--update-cache') ||
        cmds.slice(0, k).some((c) => c.name === 'apk' && c.args.some((a) => a.value === 'update'));
      edits.push(updated ? dropWord(model, w) : replaceWord(model, w, '--update-cache'));
    }
  }
  return edits;
}

/**
 * Drops cleanup steps that only empty directories now mounted (`npm cache clean --force`, `apt-get clean`,
 * `rm -rf /var/lib/apt/lists/*`); consecutive ones go together, with one separator. An `rm` that would reach a
 * new mount point and cannot go (it removes other things too) makes the fix impossible: removing a mount point
 * fails the RUN (EBUSY). Returns that reason.
 */
function cleanupEdits(model: Model, plan: RunPlan): TextEdit[] | string {
  const targets = [...plan.mounted, ...plan.missing.map((n) => n.target)];
  const cmds = plan.run.shell.commands;
  const droppable: boolean[] = [];
  const hits: string[][] = [];
  for (const cmd of cmds) {
    const lookup = lookupFor(plan.env, cmd);
    const c = recogniseCleanup(cmd, plan.env.home, (w) => expand(w.text, lookup));
    const dirs = c ? [...c.paths, ...c.caches.map((k) => CACHE_DIRS[k].dir(lookup))] : [];
    hits.push(c ? plan.missing.filter((n) => c.paths.some((p, i) => within(n.target, p) && !(n.target === p && c.contentsOnly?.[i]))).map((n) => n.target) : []);
    const inside = dirs.length > 0 && dirs.every((d) => d && targets.some((t) => within(d, t)));
    // Only when a mount this fix adds is involved: a cleanup of an already mounted cache is the author's call.
    droppable.push(inside && dirs.some((d) => plan.missing.some((n) => within(d!, n.target))));
  }
  const edits: TextEdit[] = [];
  const dropped = new Set<number>();
  for (let k = 0; k < cmds.length; k++) {
    if (!droppable[k]) continue;
    let j = k;
    while (j + 1 < cmds.length && droppable[j + 1]) j++;
    const group = dropListSteps(model, plan.run, cmds.slice(k, j + 1));
    if (group) {
      edits.push(group);
      for (let n = k; n <= j; n++) dropped.add(n);
    } else {
      for (let n = k; n <= j; n++) {
        const e = dropListSteps(model, plan.run, [cmds[n]]);
        // Two drops that would share a separator (the first two steps of a list): the second stays.
        if (!e || edits.some((o) => overlapping(model, o, e))) continue;
        edits.push(e);
        dropped.add(n);
      }
    }
    k = j;
  }
  const blocked = cmds.findIndex((c, k) => !dropped.has(k) && hits[k].length);
  if (blocked >= 0) {
    const cmd = cmds[blocked];
    return `${quote(model.text.slice(cmd.start, cmd.end))} would reach the mount point ${hits[blocked][0]}, and removing a mount point fails the build`;
  }
  return edits;
}

function overlapping(model: Model, a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.start, a.range.end, b.range.start, b.range.end].map((p) => model.index.offsetAt(p));
  return as < be && bs < ae;
}

/** A word's value with `$NAME`/`${NAME}` taken from the RUN's variables; undefined when anything stays dynamic. */
function expand(text: string, lookup: ReturnType<typeof lookupFor>): string | undefined {
  if (!/^("?)(\$\{?[A-Za-z_]\w*\}?|[\w./*~-])+\1$/.test(text)) return undefined;
  let ok = true;
  const out = text.replace(/^"|"$/g, '').replace(/\$\{?([A-Za-z_]\w*)\}?/g, (_m, n: string) => {
    const v = lookup.env(n);
    if (!v) ok = false;
    return v ?? '';
  });
  return ok ? out : undefined;
}

/**
 * Debian and Ubuntu images delete downloaded packages after every install (/etc/apt/apt.conf.d/docker-clean);
 * Docker's documentation turns that off in a RUN before the first cached apt step of the stage.
 */
function aptKeepCacheEdit(model: Model, run: RunInfo): TextEdit | undefined {
  const stage = run.stage;
  if (!stage) return undefined;
  if (keepCacheRuns(model).some((i) => i.index < run.index && relatedStage(i, run))) return undefined;
  const anchor = stage.instructions.find((i): i is RunInfo => isRun(i) && i.index <= run.index && needsApt(model, i)) ?? run;
  return insertLinesBefore(model, anchor, [`RUN ${APT_KEEP_CACHE}`]);
}

/** RUNs that already turn docker-clean off (once per model). */
const keepCacheRuns = (model: Model): RunInfo[] =>
  memo(model, 'missing-cache-mount.keepCache', () =>
    model.instructions.filter((i): i is RunInfo => isRun(i) && /docker-clean|Keep-Downloaded-Packages/.test(model.text.slice(i.start, i.end))));

function relatedStage(i: { stage?: unknown }, run: RunInfo): boolean {
  let s = run.stage;
  const seen = new Set<unknown>();
  while (s && !seen.has(s)) {
    if (i.stage === s) return true;
    seen.add(s);
    s = s.baseStage;
  }
  return false;
}

function needsApt(model: Model, run: RunInfo): boolean {
  if (!cacheUses(run).some((u) => u.tool === 'apt')) return false;
  const plan = planRun(model, run);
  return !!plan && !plan.opaque && plan.missing.some((n) => n.key === 'apt-cache' || n.key === 'apt-lib');
}
