// Host preparation and cleanup: install the Debian tools when missing; at the end remove working containers,
// unmount everything under the work dir and drop the OCI export.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WORK, buildah, run, runSync } from './sh.mjs';

const TOOLS = { buildah: 'buildah', skopeo: 'skopeo', debootstrap: 'debootstrap', 'fuse-overlayfs': 'fuse-overlayfs', newuidmap: 'uidmap', jq: 'jq' };

export async function ensureTools(say) {
  const missing = Object.entries(TOOLS).filter(([bin]) => runSync('sh', ['-c', `command -v ${bin}`]).code !== 0).map(([, pkg]) => pkg);
  if (!missing.length) return;
  say(`apt-get install ${missing.join(' ')}`);
  const args = ['install', '-y', '--no-install-recommends', ...missing];
  let r = await run('apt-get', args, { logFile: 'apt.log' });
  if (r.code !== 0) {
    await run('apt-get', ['update'], { logFile: 'apt.log' });
    r = await run('apt-get', args, { logFile: 'apt.log' });
  }
  if (r.code !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed (see work/logs/apt.log)`);
}

/** Mount points under the work dir, deepest first. */
function workMounts() {
  return readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1])
    .filter((p) => p && p.startsWith(WORK)).sort((a, b) => b.length - a.length);
}

export async function cleanup(say, { keepOci = false } = {}) {
  await buildah(['rm', '--all'], { logFile: 'cleanup.log' });
  await buildah(['umount', '--all'], { logFile: 'cleanup.log' });
  for (const m of workMounts()) await run('umount', ['-l', m], { logFile: 'cleanup.log' });
  if (!keepOci) rmSync(join(WORK, 'oci'), { recursive: true, force: true });
  rmSync(join(WORK, 'secrets'), { recursive: true, force: true });
  const left = workMounts();
  say(left.length ? `cleanup: ${left.length} mount(s) remain under ${WORK}` : 'cleanup: no containers or mounts left');
}
