import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const CLI = join(ROOT, 'dist', 'cli.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the bundles when missing or older than the sources (never wipes dist/: others may be using it). */
export function ensureBundles(): void {
  const sources = Math.max(newest(join(ROOT, 'server', 'src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  const fresh = [SERVER, CLI].every((f) => existsSync(f) && statSync(f).mtimeMs >= sources);
  if (fresh) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed:\n${r.stderr}`);
}
