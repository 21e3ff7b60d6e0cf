#!/usr/bin/env node
// The end-to-end tests in a real VS Code (code-server + Debian's Chromium), both styles:
//   1. the mocha VS Code API suite (test/e2e/suite) inside the real extension host, twice: without a Docker
//      extension, then with the `docker.docker` stub installed (editor features left to it under "auto");
//   2. the user-level DOM test against the packaged VSIX installed with --install-extension.
// Installs the tools when missing, builds, packages, runs, writes test/e2e/.last-result.json {"passed","failed"}, and
// checks that every process it started is gone.
//   node test/e2e/run.mjs                 both styles
//   node test/e2e/run.mjs --only api|dom  one style (api: both configurations)
//   node test/e2e/run.mjs --only api-plain|api-docker   one configuration of the API suite
//   node test/e2e/run.mjs --measure 5     start-up timings: the API suite N times, medians printed (docs/e2e.md)
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSuite, root, runApiSuite } from './lib/apiSuite.mjs';
import { packageVsix, runDomTest } from './lib/domTest.mjs';
import { processesMatching } from './lib/processes.mjs';
import { ensureTools, toolsDir } from './lib/tools.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const measure = args.includes('--measure') ? Number(args[args.indexOf('--measure') + 1]) || 5 : 0;
const resultFile = join(root, 'test', 'e2e', '.last-result.json');
rmSync(resultFile, { force: true });

let passed = 0;
let failed = 0;
const t0 = Date.now();
const costs = {};
const section = (s) => console.log(`\n== e2e: ${s}`);

function finish() {
  writeFileSync(resultFile, JSON.stringify({ passed, failed }) + '\n');
  const secs = Object.entries(costs).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
  console.log(`\ne2e: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s: ${secs})`);
  process.exit(failed ? 1 : 0);
}

try {
  section('tools');
  costs.tools = ensureTools();

  section('build');
  let t = Date.now();
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension build failed');
  await bundleSuite();
  costs.build = (Date.now() - t) / 1000;

  if (measure) await measureStartup(measure);
  else {
    const configs = [
      { key: 'api-plain', docker: false, label: 'no Docker extension' },
      { key: 'api-docker', docker: true, label: 'the docker.docker stub installed' },
    ];
    for (const c of configs) {
      if (only && only !== 'api' && only !== c.key) continue;
      section(`VS Code API suite in code-server's extension host, ${c.label}`);
      const r = await runApiSuite({ docker: c.docker });
      if (r.exitCode !== 0 && r.failed === 0) r.failed = 1; // crashed or hung outside a test
      if (r.dockerExtension !== undefined && r.dockerExtension !== c.docker) {
        console.log(`api suite: expected ${c.label}, but the suite ${r.dockerExtension ? 'saw' : 'did not see'} docker.docker`);
        r.failed++;
      }
      passed += r.passed;
      failed += r.failed;
      costs[c.key] = r.ms / 1000;
      console.log(`api suite (${c.label}): ${r.passed} passed, ${r.failed} failed, exit code ${r.exitCode}; timings ${JSON.stringify(r.timings)}`);
    }
    if (!only || only === 'dom') {
      section('package the VSIX');
      t = Date.now();
      const vsix = packageVsix();
      costs.package = (Date.now() - t) / 1000;
      section('DOM test: the VSIX installed into code-server, quick fix through the UI');
      const r = await runDomTest(vsix);
      passed += r.passed;
      failed += r.failed;
      costs.dom = r.ms / 1000;
    }
  }
} catch (e) {
  console.error(`e2e: ${e.stack ?? e}`);
  failed++;
}

// Everything started here ran from the tools folder, the temp dirs named ld-e2e-*, or Chromium with our profile.
section('leftover processes');
const left = [...processesMatching(toolsDir), ...processesMatching('ld-e2e-'), ...processesMatching('playwright_chromiumdev_profile')];
if (left.length) {
  console.log(`processes left behind:\n${left.join('\n')}`);
  failed++;
} else console.log('none');
finish();

async function measureStartup(n) {
  section(`start-up timings, ${n} runs`);
  const runs = [];
  for (let i = 0; i < n; i++) {
    const r = await runApiSuite({ echo: false });
    runs.push(r.timings);
    console.log(`run ${i + 1}: ${JSON.stringify(r.timings)} (${r.passed} passed, ${r.failed} failed, ${(r.ms / 1000).toFixed(1)} s)`);
    if (r.failed) failed++;
  }
  const median = (k) => {
    const xs = runs.map((x) => x[k]).filter((x) => typeof x === 'number').sort((a, b) => a - b);
    const m = xs.length >> 1;
    return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
  };
  for (const k of ['activationMs', 'firstDiagnosticMs', 'warmFirstDiagnosticMs']) console.log(`median ${k}: ${median(k)} ms`);
  if (!failed) passed++;
}
