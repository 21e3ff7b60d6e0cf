import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { initShellParser } from '../core/shell';

/**
 * Finds the wasm files: beside the bundle (dist/), or in node_modules when run from source.
 */
function locate(file: string, fromSource: () => string): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const c of [join(here, file), join(here, '..', 'dist', file)]) if (existsSync(c)) return c;
  return fromSource();
}

export function loadShellParser(): Promise<void> {
  return initShellParser({
    runtime: readFileSync(locate('tree-sitter.wasm', () => require.resolve('web-tree-sitter/tree-sitter.wasm'))),
    bash: readFileSync(
      locate('tree-sitter-bash.wasm', () => join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm')),
    ),
  });
}
