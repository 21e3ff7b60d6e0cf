import { isRun, type RunInfo } from '../../core/model';
import { tagVersion } from '../../core/image';
import { recogniseInstall } from '../../knowledge/packageManagers';
import type { InferInput } from './input';
import { contextPathOf, workdirAt } from './paths';

/** The runtime stage's production-only install: the manifests, then `npm ci --omit=dev` or its yarn/pnpm twin. */

/** Commands an install RUN may hold besides the install and still be repeated for production. */
const SETUP = new Set(['echo', 'printf', 'cat', 'rm', 'cp', 'mv', 'cd', 'export', 'mkdir', 'chmod', 'touch', 'true', 'test', '[', 'set', 'corepack']);
const PROD_FLAG: Record<string, string> = { npm: '--omit=dev', yarn: '--production', pnpm: '--prod' };

/**
 * The build's install RUN, repeated with the production flag after the install word, when it holds nothing but
 * the install and setup commands (registry config, an .npmrc written from a secret): it keeps the mounts and
 * the registry the build used.
 */
function repeatInstall(input: InferInput, run: RunInfo, major: number): string[] | undefined {
  const cmds = run.shell.commands;
  const installs = cmds.filter((c) => recogniseInstall(c));
  if (installs.length !== 1 || run.execForm || run.shell.hasError) return undefined;
  const others = cmds.filter((c) => c !== installs[0]);
  if (!others.every((c) => SETUP.has(c.name) || (['npm', 'yarn', 'pnpm'].includes(c.name) && c.args[0]?.value === 'config'))) return undefined;
  const inst = installs[0];
  const id = recogniseInstall(inst)!.manager.id;
  if (!(id in PROD_FLAG) || inst.args.some((a) => /^--(omit|production|prod|only)/.test(a.value ?? ''))) return undefined;
  const flag = id === 'npm' && major < 16 ? '--production' : PROD_FLAG[id];
  const sub = inst.args.find((a) => a.value !== undefined && !a.value.startsWith('-'));
  const at = sub ? sub.end : (inst.nameWord?.end ?? inst.end);
  const { text, index } = input.model;
  const first = index.lineStarts[run.range.start.line];
  const body = text.slice(first, at) + ' ' + flag + text.slice(at, index.lineContentEnd(run.range.end.line));
  return body.split(/\r\n|\r|\n/);
}

export function productionInstall(input: InferInput, cwd: string, names: string[]): { lines: string[] } | { reason: string } {
  const ctxDir = contextPathOf(input.chain, cwd, input.context);
  if (ctxDir === undefined) return { reason: 'the project directory does not come from the build context' };
  const install = input.chain.flatMap((s) => s.instructions).filter(isRun).find((r) => r.shell.commands.some((c) => ['npm', 'yarn', 'pnpm'].includes(recogniseInstall(c)?.manager.id ?? '')));
  const args = new Set(input.chain.flatMap((s) => s.args.map((a) => a.name)));
  const argUse = install?.shell.variables.find((v) => args.has(v.name));
  if (argUse) return { reason: `the dependency install reads the build argument ${argUse.name}` };
  const has = (f: string) => names.includes(f);
  if (!has('package.json')) return { reason: 'the build context shows no package.json for the production install' };
  const major = parseInt(tagVersion(input.chain[0].image?.tag) ?? '99', 10);
  const berry = has('.yarnrc.yml');
  const manager = has('pnpm-lock.yaml') ? 'pnpm' : has('yarn.lock') || berry ? 'yarn' : 'npm';
  const files = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', '.npmrc', '.yarnrc', '.yarnrc.yml'].filter(has);
  const lines = [`COPY ${files.map((f) => (ctxDir ? ctxDir + '/' : '') + f).join(' ')} ${cwd === input.workdir ? './' : cwd + '/'}`];
  if (berry && has('.yarn')) lines.push(`COPY ${ctxDir ? ctxDir + '/' : ''}.yarn ${cwd === input.workdir ? './' : cwd + '/'}.yarn`);
  const lock = has('package-lock.json') || has('npm-shrinkwrap.json');
  const repeated = install ? repeatInstall(input, install, major) : undefined;
  if (repeated && !berry && cwd === input.workdir && workdirAt(input.chain, install) === cwd) {
    lines.push(...repeated);
    return { lines };
  }
  const cmd =
    manager === 'pnpm' ? 'corepack enable && pnpm install --prod --frozen-lockfile'
    : berry ? 'corepack enable && yarn workspaces focus --all --production'
    : manager === 'yarn' ? 'yarn install --production --frozen-lockfile'
    : major < 16 ? (lock ? 'npm ci --only=production' : 'npm install --production')
    : lock ? 'npm ci --omit=dev' : 'npm install --omit=dev';
  const mounts = (install?.mounts ?? []).filter((m) => ['secret', 'ssh', 'cache'].includes(m.type)).map((m) => `--mount=${m.flag.value} `).join('');
  lines.push(`RUN ${mounts}${cwd === input.workdir ? '' : `cd ${cwd} && `}${cmd}`);
  return { lines };
}
