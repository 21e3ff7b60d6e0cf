// Runs every test suite and ends with one line CI reads: "N passed, N failed".
//   node scripts/test.mjs                 all suites
//   node scripts/test.mjs --only unit     one suite (unit | e2e | images-not-here)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const want = (s) => !only || only === s;
let passed = 0;
let failed = 0;

function step(name, cmd, cmdArgs, opts = {}) {
  process.stdout.write(`\n== ${name}: ${cmd} ${cmdArgs.join(' ')}\n`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opts });
  return r.status === 0;
}

function findTests(dir, out = []) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === 'node_modules' || e === 'tools' || e === 'fixtures' || e === 'e2e' || e === 'images') continue;
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (e.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// The build and the type check gate everything (LSP and CLI tests run the bundles).
if (!step('build', process.execPath, ['esbuild.mjs'])) failed++;
if (!step('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'])) failed++;

if (want('unit')) {
  const tap = join(mkdtempSync(join(tmpdir(), 'ld-test-')), 'unit.tap');
  const files = findTests('test').sort();
  step('unit, golden, lsp, cli, corpus', process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const p = /^# pass (\d+)$/m.exec(text);
  const f = /^# fail (\d+)$/m.exec(text);
  if (!p) failed++;
  passed += p ? Number(p[1]) : 0;
  failed += f ? Number(f[1]) : 0;
}

if (want('e2e') && existsSync('test/e2e/run.mjs') && !process.env.LEAN_DOCKERFILE_SKIP_E2E) {
  const r = spawnSync(process.execPath, ['test/e2e/run.mjs'], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  const summary = 'test/e2e/.last-result.json';
  if (existsSync(summary)) {
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    passed += s.passed;
    failed += s.failed;
  }
  if (r.status !== 0 && !(existsSync(summary) && JSON.parse(readFileSync(summary, 'utf8')).failed > 0)) failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
