// Style 1: the mocha suite (test/e2e/suite) inside code-server's real extension host, started by the workbench from
// the `extensionDevelopmentPath`/`extensionTestsPath` payload; its exit code arrives via window.codeAutomationExit.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { launchChromium } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';

export const root = join(import.meta.dirname, '..', '..', '..');
export const suiteBundle = join(root, 'out', 'test', 'suite.js');
export const fixtureWorkspace = join(root, 'test', 'e2e', 'fixtures', 'workspace');
/** A stub of the Docker DX extension (id `docker.docker`, a manifest only): the suite's second configuration. */
export const dockerStub = join(root, 'test', 'e2e', 'fixtures', 'extensions', 'docker.docker-0.0.1');

/** Bundles the suite for the extension host (vscode and mocha stay external, resolved from the repo). */
export async function bundleSuite() {
  await esbuild.build({
    entryPoints: [join(root, 'test', 'e2e', 'suite', 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

/** A fresh copy of the fixture workspace: the tests edit and create files in it. */
export function copyWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ld-e2e-ws-'));
  cpSync(fixtureWorkspace, dir, { recursive: true });
  return dir;
}

const RESULT = /LD_E2E_RESULT (\{.*\})/;
/** The suite prefixes every line it prints (see suite/index.ts), so its output is told from the workbench's. */
const MARK = 'LD_E2E| ';

async function consoleText(msg) {
  const vals = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '')));
  return vals.filter((v) => typeof v === 'string').join(' ');
}

/**
 * Runs the suite once in a fresh code-server, with the `docker.docker` stub installed when `docker` is set.
 * Resolves with { passed, failed, timings, dockerExtension, exitCode, ms } (`dockerExtension`: whether the suite
 * saw the stub); the suite's own output (mocha's spec reporter) is echoed with the prefix `  | `.
 */
export async function runApiSuite({ timeoutMs = 180_000, echo = true, docker = false } = {}) {
  const t0 = Date.now();
  const ws = copyWorkspace();
  const cs = await startCodeServer({ workspace: ws, name: docker ? 'api-docker' : 'api', extensions: docker ? [dockerStub] : [] });
  const { browser, close } = await launchChromium();
  let result;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    page.on('console', async (msg) => {
      const text = await consoleText(msg);
      const at = text.indexOf(MARK);
      if (at < 0) return void (process.env.LD_E2E_DEBUG && console.log(`  ~ ${msg.text()}`));
      const line = text.slice(at + MARK.length);
      const m = RESULT.exec(line);
      if (m) result = JSON.parse(m[1]);
      else if (echo) console.log(`  | ${line}`);
    });
    page.on('pageerror', (e) => console.log(`  | page error: ${e.message}`));
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = [
      // LD_E2E_EXTENSION_PATH: another build of the extension (docs/e2e.md: proving a broken fix fails the suite).
      ['extensionDevelopmentPath', remote(process.env.LD_E2E_EXTENSION_PATH || root)],
      ['extensionTestsPath', remote(suiteBundle)],
    ];
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const exitCode = await Promise.race([exited, timeout]);
    if (exitCode === 'timeout') console.log(`  | no exit code within ${timeoutMs / 1000} s; code-server log:\n${cs.log()}`);
    return {
      passed: result?.passed ?? 0,
      failed: result ? result.failed : 1,
      timings: result?.timings ?? {},
      dockerExtension: result?.dockerExtension,
      exitCode,
      ms: Date.now() - t0,
    };
  } finally {
    await close();
    await cs.stop();
    rmSync(ws, { recursive: true, force: true });
  }
}
