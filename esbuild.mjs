// Bundles the client, the language server and the CLI; copies the wasm files and the rule docs.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// dist/ is overwritten in place (never wiped) so that concurrent test runs keep working.
mkdirSync('dist/docs', { recursive: true });
cpSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
cpSync(join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'), 'dist/tree-sitter-bash.wasm');
for (const f of readdirSync('server/src/rules')) if (f.endsWith('.md')) cpSync(join('server/src/rules', f), join('dist/docs', f));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // shellWasm.ts falls back to require.resolve only when run from source; bundles find the wasm beside them.
  logOverride: { 'require-resolve-not-external': 'silent' },
  // web-tree-sitter probes for these in other environments; never used in Node.
  external: ['vscode'],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + common.banner.js } },
];

const existing = builds.filter((b) => {
  try {
    require('node:fs').statSync(b.entryPoints[0]);
    return true;
  } catch {
    return false;
  }
});

if (watch) {
  for (const b of existing) (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(existing.map((b) => esbuild.build({ ...common, ...b })));
}
