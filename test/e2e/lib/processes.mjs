// Every process group the e2e tests start is recorded here and killed when the runner ends — normally, on an
// uncaught error, or on SIGINT/SIGTERM/SIGHUP — so no code-server, extension host, language server or Chromium outlives it.
import { spawnSync } from 'node:child_process';

const groups = new Set();
const closers = new Set();

/** Records a process group leader (a child spawned with `detached: true`). */
export function trackGroup(pid) {
  groups.add(pid);
  return () => groups.delete(pid);
}

/** Records an async cleanup (e.g. closing a browser) that runs before the groups are killed on a signal. */
export function trackCloser(fn) {
  closers.add(fn);
  return () => closers.delete(fn);
}

export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
    /* already gone */
  }
}

/** SIGTERM the group, wait up to `graceMs` for it to be gone, then SIGKILL it. */
export async function killGroup(pid, graceMs = 5000) {
  signalGroup(pid, 'SIGTERM');
  const end = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  while (groupAlive(pid) && Date.now() < end + 2000) await new Promise((r) => setTimeout(r, 50));
  groups.delete(pid);
}

/** Processes whose command line contains `marker` (used to prove that a run left nothing behind). */
export function processesMatching(marker) {
  const r = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return (r.stdout || '').split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

function killAllNow() {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
  groups.clear();
}

process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, async () => {
    console.error(`\n[e2e] ${sig}: stopping everything this run started`);
    await Promise.race([
      Promise.allSettled([...closers].map((fn) => fn())),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await Promise.allSettled([...groups].map((pid) => killGroup(pid, 2000)));
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[sig] ?? 0));
  });
}
