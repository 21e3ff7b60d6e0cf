import { isRun, stageChain, type InstructionInfo, type Model, type RunInfo } from '../../core/model';
import { classifyImage } from '../../core/imageFamily';
import type { ShellCommand } from '../../core/shell';
import { KNOWN_USERS, type Lookup } from '../../knowledge/cacheMounts';
import { baseUserFor, isRootUser } from '../../knowledge/users';

/** What a RUN sees: its user (uid and home when known), its variables, and the official image below it. */
export interface RunEnvironment {
  /** The user as written (`node`, `1000:1000`), undefined for root. */
  user?: string;
  /** Numeric uid of a non-root user, when known. */
  uid?: number;
  home?: string;
  official?: string;
  /** Resolved variables (ENV and ARG defaults of the stage chain, in order). Undefined value = set but not static. */
  vars: Map<string, string | undefined>;
  /** Instructions of the stage chain before the RUN. */
  before: InstructionInfo[];
}

export function runEnvironment(model: Model, run: RunInfo): RunEnvironment {
  const stage = run.stage;
  const chain = stage ? stageChain(stage) : [];
  const before = chain.flatMap((s) => s.instructions).filter((i) => i.index < run.index && i.keyword !== 'FROM');
  const vars = new Map<string, string | undefined>();
  for (const s of chain) {
    for (const d of [...s.args, ...s.envs].sort((a, b) => a.instr.index - b.instr.index)) {
      if (d.instr.index >= run.index) continue;
      if (d.instr.keyword === 'ARG' && d.value === undefined) {
        if (!vars.has(d.name)) vars.set(d.name, undefined);
        continue;
      }
      vars.set(d.name, resolve(d.value ?? '', vars));
    }
  }
  const root = chain[0];
  const official = root?.image ? classifyImage(root.image).official : undefined;
  let user: string | undefined;
  for (const i of before) if (i.keyword === 'USER' && i.args.length) user = i.args[0].value;
  if (user === undefined && root?.image) {
    const base = baseUserFor(root.image);
    if (base.runsAsNonRoot) user = base.existingUser ?? '?';
  }
  // `USER ${APP_USER}`: read through the variables; unknown when it stays dynamic.
  if (user?.includes('$')) user = resolve(user, vars) ?? '?';
  if (user !== undefined && isRootUser(user)) user = undefined;
  const env: RunEnvironment = { user, official, vars, before };
  const account = user === undefined ? 'root' : user.split(':')[0];
  const created = user === undefined ? undefined : createdAccount(before, account);
  const known = /^\d+$/.test(account) ? undefined : KNOWN_USERS[account];
  env.uid = /^\d+$/.test(account) ? Number(account) : created?.uid ?? known?.uid;
  const homeVar = vars.get('HOME');
  if (homeVar?.startsWith('/')) env.home = homeVar.replace(/\/+$/, '') || '/';
  else if (!vars.has('HOME')) {
    if (account === '1000' && official === 'node') env.home = '/home/node';
    else if (/^[a-z_][\w.-]*\$?$/i.test(account)) env.home = created?.home ?? known?.home ?? `/home/${account}`;
  }
  return env;
}

/** `$NAME`/`${NAME}` replaced from earlier variables; undefined when something is left unresolved. */
function resolve(value: string, vars: Map<string, string | undefined>): string | undefined {
  let ok = true;
  const out = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string, b: string) => {
    const v = vars.get(a ?? b);
    if (v === undefined) ok = false;
    return v ?? '';
  });
  return ok && !/[$`]/.test(out) ? out : undefined;
}

/** An account made by `useradd`/`adduser` in an earlier RUN: its `-u` uid and `-d`/`-h` home, when given. */
function createdAccount(before: InstructionInfo[], name: string): { uid?: number; home?: string } | undefined {
  let found: { uid?: number; home?: string } | undefined;
  for (const i of before) {
    if (!isRun(i)) continue;
    for (const c of i.shell.commands) {
      if (c.name !== 'useradd' && c.name !== 'adduser') continue;
      const v = c.args.map((a) => a.value);
      const positional = v.filter((x, k) => x !== undefined && !x.startsWith('-') && !VALUED.has(v[k - 1] ?? ''));
      if (positional[0] !== name) continue;
      const uid = optionValue(v, ['-u', '--uid']);
      const home = optionValue(v, ['-d', '--home', '--home-dir', '-h']);
      found = { uid: uid && /^\d+$/.test(uid) ? Number(uid) : undefined, home: home?.startsWith('/') ? home : undefined };
    }
  }
  return found;
}

const VALUED = new Set(['-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home', '--home-dir', '-h', '-s', '--shell', '-c', '--comment', '--gecos', '-k', '-K', '-e', '-f', '-p', '--ingroup']);

function optionValue(v: (string | undefined)[], names: string[]): string | undefined {
  for (let k = 0; k < v.length; k++) {
    const a = v[k] ?? '';
    for (const n of names) {
      if (a === n) return v[k + 1];
      if (n.startsWith('--') && a.startsWith(n + '=')) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** The lookup a cache directory is resolved with, for one command of the RUN. */
export function lookupFor(env: RunEnvironment, cmd: ShellCommand): Lookup {
  const local = new Map<string, string | undefined>();
  for (const a of cmd.assignments) local.set(a.name, a.value === undefined ? undefined : resolve(a.value, env.vars));
  const get = (name: string) => (local.has(name) ? local.get(name) : env.vars.get(name));
  return {
    env: (name) => {
      const v = get(name);
      return v === undefined && (local.has(name) || env.vars.has(name)) ? '' : v;
    },
    isSet: (name) => local.has(name) || env.vars.has(name),
    home: env.home,
    official: env.official,
    flag: (names) => {
      const v = cmd.args.map((a) => a.value);
      for (let k = 0; k < v.length; k++) {
        const a = v[k];
        if (a === undefined) continue;
        for (const n of names) {
          if (a === n) return v[k + 1] ?? '';
          if (a.startsWith(n + '=')) return a.slice(n.length + 1);
        }
      }
      return undefined;
    },
  };
}
