// Build step: copy the sources to dist/, strip comment lines and stamp build info (no bundler needed).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const file of readdirSync('src').filter((f) => f.endsWith('.js') && !f.endsWith('.test.js'))) {
  const code = readFileSync(`src/${file}`, 'utf8').split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
  writeFileSync(`dist/${file}`, code);
}
writeFileSync('dist/build-info.json', JSON.stringify({ version: pkg.version, builtAt: new Date(0).toISOString() }) + '\n');
console.log(`built ${pkg.name}@${pkg.version} into dist/`);
