import { defineRule, type RuleContext } from '../core/rule';
import { parseDockerignore, type Dockerignore } from '../core/dockerignore';
import type { BuildContext, Fix } from '../core/types';
import { collectContextUse, type ContextUse } from './missing-dockerignore/facts';
import { scanContext, type ContextEntry } from './missing-dockerignore/scan';

const FILE = '.dockerignore';
const PROBE = '__lean_dockerfile_probe__';

export const rule = defineRule({
  meta: {
    id: 'missing-dockerignore',
    summary: 'The whole build context is copied and .dockerignore does not keep out .git, secrets, dependencies or build output',
    severity: 'warning',
    fix: 'sometimes',
  },
  check(ctx) {
    const context = ctx.context;
    if (!context) return;
    const use = collectContextUse(ctx.model);
    if (!use.broad.length) return;
    const root = context.listDir('');
    if (!root) return;
    // A Dockerfile-specific `<name>.dockerignore` replaces .dockerignore; the core cannot tell which applies.
    if (root.some((n) => n !== FILE && n.endsWith(FILE) && context.exists(n))) return;
    const existing = context.readFile(FILE);
    const ignore = parseDockerignore(existing ?? '');
    const scan = scanContext(context, root);
    const leaks = scan.entries.filter((e) => !isKeptOut(ignore, e) && !isNamed(use, e.path) && neededHits(use, e).length);
    if (!leaks.length) return;

    const paths = leaks.map((e) => e.path + (e.isDir ? '/' : ''));
    const shown = paths.length > 5 ? `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more` : paths.join(', ');
    const first = use.broad[0];
    const message =
      existing === undefined
        ? `${first.what} sends the whole build context and there is no .dockerignore: ${shown} get in`
        : `${first.what} sends the whole build context and .dockerignore lets in ${shown}`;
    ctx.report({ range: first.range, message, fixes: buildFixes(ctx, context, use, leaks, scan.templates, existing, ignore) });
  },
});

function isKeptOut(ignore: Dockerignore, e: ContextEntry): boolean {
  const m = ignore.match(e.path);
  if (m.excluded) return true;
  // Re-included on purpose (`!.env.production`): not ours to undo.
  if (m.by?.negated) return true;
  return e.isDir && ignore.excludes(`${e.path}/${PROBE}`);
}

/** The Dockerfile copies this path (or something inside it, or a directory holding it) by name. */
function isNamed(use: ContextUse, path: string): boolean {
  const parents = parseDockerignore(use.named.join('\n'));
  return parents.excludes(path) || use.named.some((n) => n.startsWith(path + '/'));
}

/** The hits whose precondition holds: build output only when the Dockerfile builds it itself, etc. */
function neededHits(use: ContextUse, e: ContextEntry) {
  return e.hits.filter((h) => !h.row.needs || use.needs.has(h.row.needs));
}

function isUnsafe(context: BuildContext, use: ContextUse, e: ContextEntry): boolean {
  return neededHits(use, e).some((h) => {
    if (h.row.runtime) return true;
    if (h.row.label === '.git') return readsGit(context, use);
    return (h.row.readBy ?? []).some((c) => use.commands.has(c));
  });
}

/** `git describe`/`rev-parse` in a RUN, or `make` with a Makefile that calls git (version stamping). */
function readsGit(context: BuildContext, use: ContextUse): boolean {
  if ([...use.gitSubcommands].some((s) => !['clone', 'config', 'init', 'ls-remote', '--version', 'version'].includes(s))) return true;
  if (!use.commands.has('make')) return false;
  return ['Makefile', 'makefile', 'GNUmakefile'].some((f) => /\bgit\s/.test(context.readFile(f) ?? ''));
}

function buildFixes(
  ctx: RuleContext,
  context: BuildContext,
  use: ContextUse,
  leaks: ContextEntry[],
  templates: string[],
  existing: string | undefined,
  ignore: Dockerignore,
): Fix[] {
  const safe: string[] = [];
  const all: string[] = [];
  const unsafePatterns = new Set<string>();
  for (const e of leaks) {
    const unsafe = isUnsafe(context, use, e);
    for (const h of neededHits(use, e)) {
      if (unsafe) unsafePatterns.add(h.pattern);
      if (!all.includes(h.pattern)) all.push(h.pattern);
    }
  }
  for (const p of all) if (!unsafePatterns.has(p)) safe.push(p);
  const fixes: Fix[] = [];
  if (safe.length) fixes.push(makeFix(ctx, existing, ignore, templates, safe, 'safe'));
  if (unsafePatterns.size) fixes.push(makeFix(ctx, existing, ignore, templates, all, 'unsafe'));
  return fixes;
}

function makeFix(
  ctx: RuleContext,
  existing: string | undefined,
  ignore: Dockerignore,
  templates: string[],
  patterns: string[],
  safety: 'safe' | 'unsafe',
): Fix {
  const added = parseDockerignore(patterns.join('\n'));
  // Keep what the user re-included, and harmless templates, from being caught by the new broad patterns.
  const keep = [
    ...ignore.patterns.filter((p) => p.negated && added.excludes(p.pattern)).map((p) => p.pattern),
    ...templates.filter((t) => added.excludes(t) && !ignore.excludes(t)),
  ];
  const lines = [...patterns, ...[...new Set(keep)].map((p) => '!' + p)];
  const shown = patterns.length > 3 ? `${patterns.slice(0, 3).join(', ')}…` : patterns.join(', ');
  if (existing === undefined) {
    const eol = ctx.model.eol;
    const text = ['# Kept out of the build context (added by Lean Dockerfile)', ...lines].map((l) => l + eol).join('');
    return { title: `Create .dockerignore with ${shown}`, safety, edits: [], fileEdits: [{ path: FILE, kind: 'create', text }] };
  }
  const eol = /\r\n/.test(existing) ? '\r\n' : /\r/.test(existing) && !/\n/.test(existing) ? '\r' : '\n';
  const lead = existing.length && !/[\r\n]$/.test(existing) ? eol : '';
  const gap = existing.trim().length ? eol : '';
  const text = lead + gap + ['# Added by Lean Dockerfile', ...lines].map((l) => l + eol).join('');
  return { title: `Add ${shown} to .dockerignore`, safety, edits: [], fileEdits: [{ path: FILE, kind: 'append', text }] };
}
