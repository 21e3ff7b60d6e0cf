// Process helpers for the image test bed: every external command goes through here, so its output is logged
// (test/images/work/logs/) and the buildah store flags are applied in one place.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const WORK = new URL('../work/', import.meta.url).pathname.replace(/\/$/, '');
export const LOGS = join(WORK, 'logs');
mkdirSync(LOGS, { recursive: true });

const redactions = new Set();
/** Values that must never reach the console or a log file (the fake secrets the bed plants). */
export function redact(value) { redactions.add(value); }
function scrub(text) {
  let out = text;
  for (const v of redactions) out = out.split(v).join('<redacted>');
  return out;
}

export function log(file, text) { appendFileSync(join(LOGS, file), scrub(text)); }

export const env = { ...process.env, TMPDIR: join(WORK, 'tmp'), BUILDAH_ISOLATION: 'chroot', STORAGE_DRIVER: 'overlay' };
mkdirSync(env.TMPDIR, { recursive: true });

/**
 * Run a command asynchronously, capturing stdout+stderr; resolves {code, out}. Never throws on a non-zero exit.
 * `logFile` receives the command line and all output.
 */
export function run(cmd, args, { logFile = 'commands.log', cwd, input, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve) => {
    log(logFile, `\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d) => { const s = d.toString(); out += s; log(logFile, s); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: 127, out: out + String(e) }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code: code ?? 1, out }); });
    if (input !== undefined) child.stdin.end(input); else child.stdin.end();
  });
}

export function runSync(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 256 << 20, ...opts });
  return { code: r.status ?? 1, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

export const STORE = ['--root', join(WORK, 'storage'), '--runroot', join(WORK, 'run'), '--storage-driver', 'overlay'];

export function buildah(args, opts) { return run('buildah', [...STORE, ...args], opts); }

/** buildah bud with the measured flags (see /work/shared/notes/image-builds.md). */
export function bud({ tag, file, context, target, buildArgs = {}, secrets = [], logFile }) {
  const args = ['bud', '--isolation', 'chroot', '--layers', '--pull-never', '--format', 'docker',
    '--platform', 'linux/amd64', '-t', tag, '-f', file];
  if (target) args.push('--target', target);
  for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
  for (const s of secrets) args.push('--secret', `id=${s.id},src=${s.src}`);
  args.push(context);
  return buildah(args, { logFile });
}

export function storeRef(name) { return `containers-storage:[overlay@${join(WORK, 'storage')}+${join(WORK, 'run')}]${name}`; }
