import { defineRule } from '../core/rule';
import { isCopy, isRun, stageChain, type InstructionInfo, type Model, type Stage } from '../core/model';
import { insertLinesAfter } from '../core/edits';
import type { ShellCommand } from '../core/shell';
import type { Range, TextEdit } from '../core/types';
import { baseUserFor, isRootUser, NUMERIC_NON_ROOT, type BaseUser } from '../knowledge/users';

const TITLE = 'Run as a non-root user';

/** Instructions that may follow the USER switch without changing what they do. */
const TAIL = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'MAINTAINER', 'ENV', 'ARG']);

export const rule = defineRule({
  meta: {
    id: 'root-user',
    summary: 'The final stage runs as root',
    severity: 'warning',
    fixAfterRestructure: true,
    fix: 'always',
    related: { hadolint: ['DL3002'], trivy: ['DS-0002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'] },
    refactor: 'nonRoot',
  },
  check(ctx) {
    const model = ctx.model;
    const final = model.stages[model.stages.length - 1];
    if (!final) return;
    const chain = stageChain(final);
    const root = chain[0];
    const users = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'USER' && i.args.length);
    const last = users[users.length - 1];
    if (last && !isRootUser(last.args[0].value)) return;
    if (!root.image || root.image.hasVariables) return; // an unknown base may well set its own USER
    const base = baseUserFor(root.image, ctx.settings.trustedRuntimeBases);
    if (base.family === 'windows') return;
    if (!last && base.runsAsNonRoot) return;
    const entrypoint = chain.some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT'));
    if (!last && base.dropsPrivileges && !entrypoint) return;

    const range: Range = last ? last.args[0].range : (final.imageRange ?? final.from.range);
    const plan = planUser(model, final, chain, users, base);
    const open = openHeredoc(model, final.instructions[final.instructions.length - 1]);
    if (open !== undefined) {
      const why = last ? `the last USER (line ${last.range.start.line + 1}) is root` : `no USER is set after FROM ${final.imageText}`;
      ctx.report({
        range,
        message: `The final stage runs as root: ${why}. A compromised process would have root in the container. No automatic fix: the heredoc \`<<${open || "''"}\` on the last step is never closed, so a USER line added after it would belong to it.`,
      });
      return;
    }
    const edits = placeEdits(model, final, last, plan);
    const from = final === root ? root.imageText : `${final.imageText} (${root.imageText})`;
    const why = last ? `the last USER (line ${last.range.start.line + 1}) is root` : `no USER is set after FROM ${from}`;
    const how = plan.create
      ? `creates the user \`${plan.user}\` early in the stage (so a source edit does not re-run it) and switches to it`
      : `switches to \`${plan.user}\``;
    ctx.report({
      range,
      message: `The final stage runs as root: ${why}. A compromised process would have root in the container. The fix ${how} after the last step that needs root.`,
      fixes: [{ title: TITLE, safety: 'unsafe', edits }],
    });
  },
});

interface UserPlan {
  user: string;
  /** A RUN command that creates the user first. */
  create?: string;
}

function planUser(model: Model, final: Stage, chain: Stage[], users: InstructionInfo[], base: BaseUser): UserPlan {
  // An account the Dockerfile already uses or creates wins over the base's defaults.
  const earlier = [...users].reverse().find((u) => !isRootUser(u.args[0].value) && !u.args[0].value.includes('$'));
  if (earlier) return { user: earlier.args[0].value };
  for (const ins of [...chain.flatMap((s) => s.instructions)].reverse()) {
    if (isRun(ins)) {
      const created = ins.shell.commands.map(createdUser).find((u) => u);
      if (created) return { user: created };
    }
    if (isCopy(ins)) {
      const chown = ins.flags.find((f) => f.name.toLowerCase() === 'chown')?.value;
      if (chown && !chown.includes('$') && !isRootUser(chown)) return { user: chown };
    }
  }
  if (base.existingUser) return { user: base.existingUser };
  if (base.createCommand) return { user: 'app', create: base.createCommand('app') };
  return { user: NUMERIC_NON_ROOT };
}

const VALUED: Record<string, Set<string>> = {
  useradd: new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-R', '-P', '-s', '-u', '-Z', '--base-dir', '--comment', '--home-dir', '--home', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--root', '--prefix', '--shell', '--uid', '--selinux-user']),
  adduser: new Set(['-h', '-g', '-s', '-G', '-u', '-k', '--home', '--shell', '--uid', '--gid', '--ingroup', '--gecos', '--firstuid', '--lastuid', '--conf', '--comment', '--add_extra_groups']),
};

/** The account a `useradd`/`adduser` command creates. */
export function createdUser(cmd: ShellCommand): string | undefined {
  const valued = VALUED[cmd.name];
  if (!valued) return undefined;
  const args = cmd.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === undefined) return undefined;
    if (a.startsWith('-')) {
      if (!a.includes('=') && valued.has(a)) i++;
      continue;
    }
    return /^[a-z_][a-z0-9_.-]*\$?$/i.test(a) && a !== 'root' ? a : undefined;
  }
  return undefined;
}

/** Instructions that may stay between FROM and the user creation (they set up nothing the RUN needs root for). */
const LEADING = new Set(['ARG', 'ENV', 'LABEL', 'MAINTAINER', 'SHELL']);
const INSTALLERS: Record<string, string[]> = {
  'apt-get': ['install'], apt: ['install'], aptitude: ['install'], apk: ['add'], yum: ['install'], dnf: ['install'],
  microdnf: ['install'], tdnf: ['install'], zypper: ['install', 'in'], pacman: ['-S', '-Sy', '-Syu'],
};

/** A RUN that installs OS packages (it may bring the very tools that create accounts, e.g. `shadow-utils`). */
function installsPackages(ins: InstructionInfo): boolean {
  return isRun(ins) && ins.shell.commands.some((c) => {
    const subs = INSTALLERS[c.name];
    return !!subs && c.args.some((a) => a.value !== undefined && subs.includes(a.value));
  });
}

/**
 * Where the account is created: early, so that a source edit (which invalidates every layer after the COPY of the
 * sources) never re-runs it. After the last package install that precedes the first COPY/ADD, else right after FROM
 * and its leading ARG/ENV/LABEL lines; never before a USER of the stage (the RUN needs root); never after the USER
 * switch itself.
 */
function createAnchor(final: Stage, userAnchor: InstructionInfo): InstructionInfo {
  const body = final.instructions.slice(1);
  const stop = body.indexOf(userAnchor) + 1;
  const firstCopy = body.findIndex((i) => isCopy(i));
  const head = body.slice(0, Math.min(stop, firstCopy < 0 ? body.length : firstCopy));
  let anchor: InstructionInfo = final.from;
  for (const ins of head) {
    if (LEADING.has(ins.keyword)) anchor = ins;
    else break;
  }
  const install = [...head].reverse().find(installsPackages);
  if (install && install.index > anchor.index) anchor = install;
  const user = [...body.slice(0, stop)].reverse().find((i) => i.keyword === 'USER');
  if (user && user.index > anchor.index) anchor = user;
  return anchor.index > userAnchor.index ? userAnchor : anchor;
}

/**
 * The USER switch goes after the last instruction that may need root; replacing a final `USER root` when nothing
 * follows it. A new account is created early (see createAnchor).
 */
function placeEdits(model: Model, final: Stage, last: InstructionInfo | undefined, plan: UserPlan): TextEdit[] {
  const body = final.instructions.slice(1);
  let anchor: InstructionInfo = final.from;
  for (const ins of body) if (!TAIL.has(ins.keyword)) anchor = ins;
  if (last && anchor === last && last.stage === final && !plan.create) {
    return [{ range: last.args[0].range, newText: plan.user }];
  }
  if (!plan.create) return [insertLinesAfter(model, anchor, [`USER ${plan.user}`])];
  const early = createAnchor(final, anchor);
  if (early === anchor) return [insertLinesAfter(model, anchor, [`RUN ${plan.create}`, `USER ${plan.user}`])];
  return [insertLinesAfter(model, early, [`RUN ${plan.create}`]), insertLinesAfter(model, anchor, [`USER ${plan.user}`])];
}

/** The name of a heredoc the instruction opens and never closes (it then runs to the end of the file), if any. */
function openHeredoc(model: Model, ins: InstructionInfo | undefined): string | undefined {
  if (!ins || !model.text.slice(ins.start, ins.end).includes('<<')) return undefined;
  type Heredoc = { getName(): string; getDelimiterRange(): unknown };
  const heredocs: Heredoc[] = (ins.node as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? [];
  return heredocs.find((h) => h.getDelimiterRange() === null)?.getName();
}
