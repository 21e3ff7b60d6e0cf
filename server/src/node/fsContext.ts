import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { BuildContext } from '../core/types';

const MAX_READ = 1024 * 1024;

/** A build context on the file system, rooted at a directory. Reads are bounded and never throw. */
export function fsBuildContext(root: string): BuildContext {
  const base = resolve(root);
  const inside = (p: string): string | undefined => {
    const full = resolve(base, p);
    return full === base || full.startsWith(base + sep) ? full : undefined;
  };
  return {
    exists(p) {
      const full = inside(p);
      try {
        return !!full && statSync(full).isFile();
      } catch {
        return false;
      }
    },
    readFile(p) {
      const full = inside(p);
      try {
        if (!full) return undefined;
        const st = statSync(full);
        if (!st.isFile() || st.size > MAX_READ) return undefined;
        return readFileSync(full, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(p) {
      const full = inside(p || '.');
      try {
        return full ? readdirSync(full) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export function joinContext(root: string, p: string): string {
  return join(root, p);
}
