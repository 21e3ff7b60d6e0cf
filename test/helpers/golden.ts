import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BuildContext, Finding } from '../../server/src/core/types';
import { memoryContext } from '../../server/src/core/memoryContext';
import { fsBuildContext } from '../../server/src/node/fsContext';

export const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** `L:C-L:C severity id message [fix: safe "title"]`, 1-based like hadolint and editors show. */
export function formatFinding(f: Finding): string {
  const r = f.range;
  const fixes = f.fixes.map((x) => ` [fix: ${x.safety} "${x.title}"]`).join('');
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.severity} ${f.ruleId} ${f.message}${fixes}`;
}

/** Compares with a golden file, or writes it when UPDATE_GOLDEN=1. Returns the expected text. */
export function golden(path: string, actual: string): string {
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden ${path} (run with UPDATE_GOLDEN=1 to create it, then review it)`);
    writeFileSync(path, actual);
    return actual;
  }
  return readFileSync(path, 'utf8');
}

export interface Fixture {
  name: string;
  path: string;
  text: string;
  /** Directory with the build context files, `<name>.context/`, if present. */
  contextDir?: string;
  /**
   * The fixture's build context: the `<name>.context/` directory, or `<name>.context.json` (`{ "path": "text" }`,
   * for contexts holding `node_modules/` or `dist/`, which must not be tracked as such), else empty.
   */
  context: BuildContext;
  hasContext: boolean;
  kind: 'valid' | 'invalid';
}

export function listFixtures(dir: string): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(valid|invalid)-.*\.Dockerfile$/.test(f) && !f.endsWith('.fixed.Dockerfile'))
    .sort()
    .map((f) => {
      const name = basename(f, '.Dockerfile');
      const ctx = join(dir, name + '.context');
      const json = ctx + '.json';
      const contextDir = existsSync(ctx) && statSync(ctx).isDirectory() ? ctx : undefined;
      const files = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Record<string, string>) : undefined;
      return {
        name,
        path: join(dir, f),
        text: readFileSync(join(dir, f), 'utf8'),
        contextDir,
        context: contextDir ? fsBuildContext(contextDir) : memoryContext(files ?? {}),
        hasContext: !!(contextDir || files),
        kind: f.startsWith('valid-') ? 'valid' : 'invalid',
      } as Fixture;
    });
}
