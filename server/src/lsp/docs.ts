import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Rule docs ship with the bundle (`dist/docs/<id>.md`), so links work offline. From source (tests under tsx)
 * they are read beside the rules.
 */
const here = typeof __dirname === 'string' ? __dirname : process.cwd();
const dirs = [join(here, 'docs'), join(here, '..', 'docs'), join(here, '..', 'rules'), join(here, '..', 'dist', 'docs')];
const cache = new Map<string, string | undefined>();

/** The path of a rule's doc, or undefined when the doc is not there. */
export function ruleDocPath(id: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  if (!cache.has(id)) {
    const dir = dirs.find((d) => existsSync(join(d, id + '.md')));
    cache.set(id, dir ? join(dir, id + '.md') : undefined);
  }
  return cache.get(id);
}

/** The `file:` URI of a rule's doc, or undefined when the doc is not there. */
export function ruleDocUri(id: string): string | undefined {
  const p = ruleDocPath(id);
  return p ? pathToFileURL(p).href : undefined;
}
