import { isCopy, isRun, type CopyInfo, type Model, type RunInfo, type Stage } from '../../core/model';
import { chainOf, memo, stagesBuiltOn } from '../../core/memo';
import { CACHE_DIRS, recogniseCacheUse, type CacheKey, type CacheUse } from '../../knowledge/cacheMounts';
import { lookupFor, runEnvironment, type RunEnvironment } from './environment';
import type { MountSpec } from './edits';

/** A cache directory a RUN needs. */
export interface Need {
  key: CacheKey;
  target: string;
  locked: boolean;
  store: boolean;
  use: CacheUse;
}

/** What one RUN runs, which caches that needs, and which of them it already mounts. */
export interface RunPlan {
  run: RunInfo;
  env: RunEnvironment;
  uses: CacheUse[];
  /** Needed directories not mounted yet, one per target. */
  missing: Need[];
  /** Caches whose directory cannot be known (HOME of a numeric user, a relative or dynamic path): labels. */
  unknown: string[];
  /** Cache mount targets already on the RUN. */
  mounted: string[];
  /** A cache mount whose target cannot be read (`target=$CACHE`): the author handles caching. */
  opaque: boolean;
}

const normal = (p: string) => p.replace(/\/+$/, '') || '/';
/** Whether a directory lies in (or is) a mount target. */
export const within = (dir: string, target: string) => dir === target || target === '/' || dir.startsWith(target + '/');

/** Yarn 2+ (berry) when the context has `.yarnrc.yml` or the command says `--immutable`. */
function yarnFlavour(model: Model, use: CacheUse): 'classic' | 'berry-modules' | 'berry-pnp' {
  const rc = model.context?.readFile('.yarnrc.yml');
  const berry = rc !== undefined || use.command.args.some((a) => a.value === '--immutable' || a.value === '--immutable-cache');
  if (!berry) return 'classic';
  return rc && /^\s*nodeLinker\s*:\s*["']?(node-modules|pnpm)["']?\s*$/m.test(rc) ? 'berry-modules' : 'berry-pnp';
}

/** The cache uses of a RUN's commands, recognised once per RUN. */
export const cacheUses = (run: RunInfo): CacheUse[] =>
  memo(run, 'missing-cache-mount.uses', () => run.shell.commands.map(recogniseCacheUse).filter((u): u is CacheUse => !!u));

/** The plan of a RUN, computed once per RUN (storeSiblings and the apt anchor ask for other RUNs' plans). */
export function planRun(model: Model, run: RunInfo): RunPlan | undefined {
  return memo(run, 'missing-cache-mount.plan', () => computePlan(model, run));
}

function computePlan(model: Model, run: RunInfo): RunPlan | undefined {
  const uses = cacheUses(run);
  if (!uses.length) return undefined;
  const env = runEnvironment(model, run);
  let opaque = false;
  const mounted: string[] = [];
  for (const m of run.mounts) {
    if (m.type !== 'cache') continue;
    const t = m.options.target ?? m.options.dst ?? m.options.destination ?? '';
    const resolved = t.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (x, n: string) => env.vars.get(n) ?? x);
    if (!resolved.startsWith('/') || resolved.includes('$')) opaque = true;
    else mounted.push(normal(resolved));
  }
  const missing: Need[] = [];
  const unknown: string[] = [];
  for (const use of uses) {
    let keys = use.caches;
    if (use.tool === 'yarn') {
      const flavour = yarnFlavour(model, use);
      // Plug'n'Play reads packages from the cache at run time: the cache is the install, never a mount.
      if (flavour === 'berry-pnp') continue;
      if (flavour === 'berry-modules') keys = ['yarn-berry'];
    }
    if (use.tool === 'apt' && !aptListsOwn(model, run, use)) keys = ['apt-cache'];
    if (use.tool === 'apk' && !apkIndexOwn(model, run, use)) {
      if (!unknown.includes('apk index')) unknown.push('apk index');
      continue;
    }
    const lookup = lookupFor(env, use.command);
    for (const key of keys) {
      const info = CACHE_DIRS[key];
      const dir = info.dir(lookup);
      if (!dir) {
        if (!unknown.includes(info.label)) unknown.push(info.label);
        continue;
      }
      const target = normal(dir);
      if (mounted.some((m) => within(target, m)) || missing.some((n) => n.target === target)) continue;
      missing.push({ key, target, locked: !!info.locked, store: !!info.store, use });
    }
  }
  return { run, env, uses, missing, unknown, mounted, opaque };
}

/** The flags for a plan's missing mounts (uid for a non-root user; world-writable when its uid is unknown). */
export function mountSpecs(plan: RunPlan): MountSpec[] {
  const nonRoot = plan.env.user !== undefined;
  return plan.missing.map((n) => ({ target: n.target, locked: n.locked, uid: nonRoot ? plan.env.uid : undefined, open: nonRoot && plan.env.uid === undefined }));
}

/**
 * Other RUNs that read or fill the same package store (Go modules, NuGet, Maven, Gradle, Cargo): the stage
 * chain before this RUN and everything built on this stage after it. Mounting the store on one RUN only
 * would hide what an earlier RUN downloaded there, or keep from the image what a later RUN reads.
 */
export function storeSiblings(model: Model, plan: RunPlan): RunPlan[] {
  const stores = plan.missing.filter((n) => n.store);
  const stage = plan.run.stage;
  if (!stores.length || !stage) return [];
  const chain = new Set(chainOf(stage));
  const builtOn = new Set(stagesBuiltOn(model, stage));
  const out: RunPlan[] = [];
  for (const s of model.stages) {
    const related = chain.has(s) || builtOn.has(s);
    if (!related) continue;
    for (const i of s.instructions) {
      if (!isRun(i) || i === plan.run) continue;
      const other = planRun(model, i);
      if (other && !other.opaque && other.missing.some((n) => stores.some((st) => st.target === n.target))) out.push(other);
    }
  }
  return out;
}

/** A COPY --from of this stage (or one built on it) that takes files from inside a cache directory. */
export function copiedOut(model: Model, plan: RunPlan): { line: number; target: string } | undefined {
  const stage = plan.run.stage;
  if (!stage) return undefined;
  const names = memo(stage, 'missing-cache-mount.names', () => {
    const out = new Set<string>();
    for (const s of stagesBuiltOn(model, stage)) {
      out.add(String(s.index));
      if (s.name) out.add(s.name.toLowerCase());
    }
    return out;
  });
  for (const i of copiesFrom(model)) {
    if (!names.has(i.from!.toLowerCase())) continue;
    for (const src of i.sources) {
      const p = normal(src.value);
      const hit = plan.missing.find((n) => within(n.target, p) || within(p, n.target));
      if (hit) return { line: i.range.start.line + 1, target: hit.target };
    }
  }
  return undefined;
}

/** The model's COPY/ADD --from instructions. */
const copiesFrom = (model: Model): CopyInfo[] =>
  memo(model, 'missing-cache-mount.copiesFrom', () => model.instructions.filter((i): i is CopyInfo => isCopy(i) && !!i.from));

const isUpdate = (c: { name: string; args: { value?: string }[] }, tools: string[]) =>
  tools.includes(c.name) && c.args.some((a) => a.value === 'update');

/** Whether an install refreshes the package index itself (in this RUN, before it). */
function updatesFirst(run: RunInfo, use: CacheUse, tools: string[]): boolean {
  const cmds = run.shell.commands;
  return cmds.slice(0, Math.max(0, cmds.indexOf(use.command))).some((c) => isUpdate(c, tools));
}

/** Later RUNs of this stage, and of stages built on it, that install with an index they did not fetch. */
function laterReliesOnIndex(model: Model, run: RunInfo, tool: string, self: (r: RunInfo, u: CacheUse) => boolean): boolean {
  const stage = run.stage;
  if (!stage) return false;
  return stagesBuiltOn(model, stage).some((s) => lastRelying(s, tool, self) > run.index);
}

/** The index of the stage's last RUN that installs with `tool` using an index it did not fetch itself (-1: none). */
function lastRelying(stage: Stage, tool: string, self: (r: RunInfo, u: CacheUse) => boolean): number {
  return memo(stage, `missing-cache-mount.relying.${tool}`, () => {
    let last = -1;
    for (const i of stage.instructions) {
      if (!isRun(i)) continue;
      if (cacheUses(i).some((u) => u.tool === tool && !self(i, u))) last = i.index;
    }
    return last;
  });
}

const APT = ['apt-get', 'apt', 'aptitude'];
/**
 * /var/lib/apt (the package lists) is mounted only when this RUN runs `apt-get update` itself and no later RUN
 * installs with the lists it leaves: under a mount the lists stay out of the layer, and a builder with an empty
 * cache (a CI runner importing only layers) would have none for such a later RUN.
 */
function aptListsOwn(model: Model, run: RunInfo, use: CacheUse): boolean {
  const own = (r: RunInfo, u: CacheUse) => updatesFirst(r, u, APT);
  return own(run, use) && !laterReliesOnIndex(model, run, 'apt', own);
}

/** apk keeps its index in the cache directories: only an install that fetches it (`--no-cache`, `-U`, `apk update`) can be mounted. */
function apkIndexOwn(model: Model, run: RunInfo, use: CacheUse): boolean {
  const own = (r: RunInfo, u: CacheUse) =>
    u.disablers.length > 0 || u.command.args.some((a) => a.value === '-U' || a.value === '--update-cache') || updatesFirst(r, u, ['apk']);
  return own(run, use) && !laterReliesOnIndex(model, run, 'apk', own);
}
