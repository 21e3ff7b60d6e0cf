import type { BuildContext } from '../../core/types';
import { hygieneHits, isTemplateName, type HygieneHit } from '../../knowledge/contextHygiene';

/** A context entry that should stay out of the build. */
export interface ContextEntry {
  path: string;
  isDir: boolean;
  hits: HygieneHit[];
}

export interface ContextScan {
  entries: ContextEntry[];
  /** Harmless templates (`.env.example`) that a broad pattern would also catch. */
  templates: string[];
}

/** Directories never descended into (large, or already an entry themselves). */
const NO_DESCEND = new Set(['vendor', 'third_party', '.cache', '.gradle', '.idea', '.vscode', '.terraform']);
const MAX_DEPTH = 3;
const MAX_LISTINGS = 120;
const MAX_ENTRIES = 1500;

/**
 * Walks the top of the build context breadth-first (depth ≤ 3, at most 120 directory listings and
 * 1,500 entries, so an editor stays fast on huge trees: the root is always complete) and collects the
 * entries the hygiene table names. Entries of non-`deep` rows count only at the root.
 */
export function scanContext(context: BuildContext, root: string[]): ContextScan {
  const scan: ContextScan = { entries: [], templates: [] };
  let listings = 0;
  let seen = 0;
  const queue: { dir: string; names: string[]; depth: number }[] = [{ dir: '', names: root, depth: 0 }];
  while (queue.length) {
    const { dir, names, depth } = queue.shift()!;
    for (const name of [...names].sort()) {
      if (depth > 0 && ++seen > MAX_ENTRIES) return scan;
      const path = dir ? `${dir}/${name}` : name;
      const hits = hygieneHits(name).filter((h) => depth === 0 || h.row.deep);
      const isFile = context.exists(path);
      let children: string[] | undefined;
      const wantChildren = !isFile && (hits.length > 0 || (depth + 1 < MAX_DEPTH && !NO_DESCEND.has(name)));
      if (wantChildren && listings < MAX_LISTINGS) {
        listings++;
        children = context.listDir(path);
      }
      const isDir = !isFile && children !== undefined;
      if (hits.length) {
        const kept = hits.filter((h) => !h.row.content || (isFile && h.row.content.test(context.readFile(path) ?? '')));
        if (kept.length) scan.entries.push({ path, isDir, hits: kept });
        continue;
      }
      if (isFile && isTemplateName(name)) scan.templates.push(path);
      if (isDir && children && depth + 1 < MAX_DEPTH && !NO_DESCEND.has(name)) queue.push({ dir: path, names: children, depth: depth + 1 });
    }
  }
  return scan;
}
