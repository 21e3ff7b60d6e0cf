// npm run package → lean-dockerfile-<version>.vsix. Production bundles, then vsce in a staging folder that holds only
// the top-level entries the VSIX can contain; .vscodeignore (an allow-list) then picks the exact files. Staging keeps
// vsce from walking the whole checkout (test/e2e/tools/node_modules alone made it take over two minutes).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const ALLOWED_SECRET_KINDS = ['npm'];
const ENTRIES = ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'icon.png', 'dist', 'syntaxes'];

const run = (args, cwd) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['esbuild.mjs', '--production'], root);
const { name, version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// README links to rule docs and screenshots relatively; in the marketplace they point into the repository.
const repo = String(repository?.url ?? repository ?? '').replace(/\.git$/, '');
const out = join(root, `${name}-${version}.vsix`);
const stage = mkdtempSync(join(tmpdir(), 'ld-package-'));
try {
  for (const e of ENTRIES) if (existsSync(join(root, e))) cpSync(join(root, e), join(stage, e), { recursive: true });
  // The secret rules' docs show made-up credentials (`npm_0123…`) as examples; vsce's secret scan is allowed only those kinds.
  run([require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--allow-package-secrets', ALLOWED_SECRET_KINDS.join(','),
    ...(repo ? ['--baseContentUrl', `${repo}/blob/HEAD`, '--baseImagesUrl', `${repo}/raw/HEAD`] : []), '-o', out], stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
