#!/usr/bin/env node
// The real-image test bed (`npm run test:images`): builds every example before and after `lean-dockerfile check
// --fix --unsafe-fixes`, inspects both images, runs the negative controls, writes docs/image-results.md and ends with
// "N passed, N failed". Options: --only a,b (apps), --no-build (use the existing dist/cli.js), --keep-oci.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, NEGATIVE } from './apps.mjs';
import { ensureBases } from './lib/bases.mjs';
import { buildImage, editSource } from './lib/build.mjs';
import { cacheCheck, checkBuilt, fixCheck, imageChecks, secretSeenBefore, sizeCheck } from './lib/checks.mjs';
import { inspectImage } from './lib/image.mjs';
import { cleanup, ensureTools } from './lib/host.mjs';
import { writeReport } from './lib/report.mjs';
import { WORK, redact, run } from './lib/sh.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const t0 = Date.now();
const say = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);

async function runCli(dir) {
  const cfg = join(dir, '.lean-dockerfile.yaml');
  writeFileSync(cfg, 'secretMountStyle: file\n');
  const file = join(dir, 'Dockerfile');
  let r = await run('node', [join(ROOT, 'dist/cli.js'), 'check', '--fix', '--unsafe-fixes', '--config', cfg, file], { logFile: 'cli.log' });
  if (r.code === 2 && /config/i.test(r.out)) {
    r = await run('node', [join(ROOT, 'dist/cli.js'), 'check', '--fix', '--unsafe-fixes', file], { logFile: 'cli.log' });
  }
  const re = await run('node', [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', file], { logFile: 'cli.log', cwd: dir });
  let remaining = [];
  try { remaining = JSON.parse(re.out).files.flatMap((f) => f.findings.map((x) => x.rule)); } catch { remaining = ['(re-check failed)']; }
  return { code: r.code, out: r.out, remaining };
}

async function processApp(app, stamp) {
  const res = { app: app.name, checks: [], skip: app.skip };
  if (app.skip) return res;
  const secrets = app.secrets ?? {};
  const dir = join(WORK, 'apps', app.name);
  rmSync(dir, { recursive: true, force: true });
  for (const side of ['before', 'after']) cpSync(join(ROOT, 'examples', app.name), join(dir, side), { recursive: true });
  const tag = (s) => `localhost/lean-test/${app.name}:${s}`;
  const logFile = `app-${app.name}.log`;

  say(`${app.name}: build before`);
  res.before = await buildImage({ tag: tag('before'), file: join(dir, 'before/Dockerfile'), context: join(dir, 'before'), secrets, logFile });
  res.checks.push(checkBuilt('before', res.before));

  say(`${app.name}: lean-dockerfile check --fix --unsafe-fixes`);
  const original = readFileSync(join(dir, 'before/Dockerfile'), 'utf8');
  res.cli = existsSync(join(ROOT, 'dist/cli.js')) ? await runCli(join(dir, 'after')) : undefined;
  res.fixed = readFileSync(join(dir, 'after/Dockerfile'), 'utf8');
  res.original = original;
  res.changed = res.fixed !== original;
  res.checks.push(fixCheck(res.cli, res.changed, app.unchanged));

  say(`${app.name}: build after`);
  res.after = await buildImage({ tag: tag('after'), file: join(dir, 'after/Dockerfile'), context: join(dir, 'after'), secrets, logFile });
  res.checks.push(checkBuilt('after', res.after));

  if (res.before.ok) {
    say(`${app.name}: inspect before`);
    res.beforeImg = await inspectImage(tag('before'), `${app.name}-before`, secrets);
    const seen = secretSeenBefore(res.beforeImg, secrets);
    if (seen) res.checks.push(seen);
  }
  if (res.after.ok) {
    say(`${app.name}: inspect after`);
    res.afterImg = await inspectImage(tag('after'), `${app.name}-after`, secrets);
    res.checks.push(...imageChecks(res.afterImg, { secrets }));
    if (res.beforeImg) res.checks.push(sizeCheck(res.beforeImg, res.afterImg, app.unchanged));
  }
  if (res.before.ok && res.after.ok) {
    say(`${app.name}: source edit (${app.edit}), rebuild both`);
    for (const side of ['before', 'after']) editSource(join(dir, side), app.edit, stamp);
    const b = await buildImage({ tag: tag('before-edit'), file: join(dir, 'before/Dockerfile'), context: join(dir, 'before'), secrets, logFile });
    const a = await buildImage({ tag: tag('after-edit'), file: join(dir, 'after/Dockerfile'), context: join(dir, 'after'), secrets, logFile });
    res.rerunBefore = b.ok ? b.runs : undefined;
    res.rerunAfter = a.ok ? a.runs : undefined;
    res.checks.push(cacheCheck(res.rerunBefore, res.rerunAfter, app.cache));
  }
  for (const c of res.checks) say(`  ${c.ok ? 'ok  ' : 'FAIL'} ${app.name} ${c.name}: ${c.detail}`);
  return res;
}

async function processNegative(neg) {
  const app = APPS.find((a) => a.name === neg.app);
  const secrets = app.secrets ?? {};
  const context = join(WORK, 'apps', app.name, 'before');
  if (!existsSync(context)) cpSync(join(ROOT, 'examples', app.name), context, { recursive: true });
  const name = neg.file.replace(/\.Dockerfile$/, '');
  say(`negative control ${name}: must fail ${neg.mustFail}`);
  const build = await buildImage({ tag: `localhost/lean-test/neg:${name}`, file: join(ROOT, 'test/images/negative', neg.file), context, secrets, logFile: 'negative.log' });
  if (!build.ok) return { name, mustFail: neg.mustFail, ok: false, detail: `control did not build: ${build.tail}` };
  const img = await inspectImage(`localhost/lean-test/neg:${name}`, `neg-${name}`, secrets);
  const target = imageChecks(img, { secrets }).find((c) => c.name === neg.mustFail);
  const ok = target !== undefined && target.ok === false;
  say(`  ${ok ? 'ok  ' : 'FAIL'} negative ${name}: ${neg.mustFail} ${ok ? 'failed as it should' : 'PASSED — the check is blind'} (${target?.detail})`);
  return { name, mustFail: neg.mustFail, ok, detail: target?.detail ?? 'check not applicable' };
}

async function main() {
  for (const a of APPS) for (const v of Object.values(a.secrets ?? {})) redact(v);
  mkdirSync(join(WORK, 'secrets'), { recursive: true });
  await ensureTools(say);
  if (!argv.includes('--no-build')) {
    say('bundling (node esbuild.mjs)');
    const b = await run('node', ['esbuild.mjs'], { cwd: ROOT, logFile: 'esbuild.log' });
    if (b.code !== 0) say(`esbuild failed (exit ${b.code}); using the existing dist/ if any — see work/logs/esbuild.log`);
  }
  say('base images');
  const basesSeconds = await ensureBases(say);
  const stamp = new Date().toISOString();
  const results = [];
  for (const app of APPS) {
    if (only && !only.includes(app.name)) continue;
    try { results.push(await processApp(app, stamp)); } catch (e) {
      results.push({ app: app.name, checks: [{ name: 'bed', ok: false, detail: String(e.message ?? e).slice(0, 300) }] });
      say(`  FAIL ${app.name}: ${e.message}`);
    }
  }
  const negatives = [];
  for (const neg of NEGATIVE) {
    if (only && !only.includes(neg.app)) continue;
    try { negatives.push(await processNegative(neg)); } catch (e) {
      negatives.push({ name: neg.file, mustFail: neg.mustFail, ok: false, detail: String(e.message ?? e).slice(0, 300) });
    }
  }
  await cleanup(say, { keepOci: argv.includes('--keep-oci') });
  const seconds = Math.round((Date.now() - t0) / 1000);
  if (!only) {
    writeReport(join(ROOT, 'docs/image-results.md'), { results, negatives, seconds, basesSeconds });
    // The README's headline is copied from the report, never typed.
    spawnSync(process.execPath, ['scripts/readmeResults.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  else say('--only: docs/image-results.md not rewritten');
  const all = [...results.flatMap((r) => r.checks.filter((c) => c.ok !== null)), ...negatives];
  const passed = all.filter((c) => c.ok).length;
  const failed = all.length - passed;
  for (const r of results) for (const c of r.checks) if (!c.ok) console.log(`FAIL ${r.app} ${c.name}: ${c.detail}`);
  for (const n of negatives) if (!n.ok) console.log(`FAIL negative ${n.name}: ${n.detail}`);
  console.log(`total ${seconds} s (base images ${basesSeconds ? `${basesSeconds} s` : 'cached'})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch(async (e) => {
  console.error(e.stack ?? String(e));
  await cleanup(() => {}, {}).catch(() => {});
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
