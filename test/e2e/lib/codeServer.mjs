// Starts code-server (VS Code's server + web workbench) on a free 127.0.0.1 port with fresh user-data and extension
// dirs, waits for /healthz, and stops its whole process group (server, extension host, language server) afterwards.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { codeServerEntry } from './tools.mjs';
import { killGroup, trackGroup } from './processes.mjs';

/** Settings that keep a fresh workbench quiet and deterministic (no welcome page, tips, recommendations, suggest). */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.wordBasedSuggestions': 'off',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.hover.enabled': false,
  'chat.disableAIFeatures': true,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function runEntry(args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codeServerEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')}: exit ${code}\n${out}`))));
  });
}

/** Installs a VSIX into `extensionsDir` the way a user would (`code-server --install-extension x.vsix`). */
export async function installExtension(extensionsDir, vsix, userDataDir) {
  return runEntry(['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {});
}

/**
 * `extensions`: unpacked extension folders copied into the extensions dir before the start, each under its own name,
 * which must be `<publisher>.<name>-<version>` (code-server then lists them as installed).
 * @param {{ workspace: string, settings?: object, extraArgs?: string[], name?: string, extensionsDir?: string, extensions?: string[] }} opts
 * @returns {Promise<{ url: string, port: number, dir: string, log: () => string, stop: () => Promise<void>, pid: number }>}
 */
export async function startCodeServer({ workspace, settings = {}, extraArgs = [], name = 'cs', extensionsDir, extensions = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `ld-e2e-${name}-`));
  const ud = join(dir, 'ud');
  const ext = extensionsDir ?? join(dir, 'ext');
  mkdirSync(join(ud, 'User'), { recursive: true });
  mkdirSync(ext, { recursive: true });
  for (const folder of extensions) cpSync(folder, join(ext, basename(folder)), { recursive: true });
  writeFileSync(join(ud, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const logFile = join(dir, 'code-server.log');
  const logStream = createWriteStream(logFile);

  let port;
  let child;
  let untrack = () => {};
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    child = spawn(process.execPath, [
      codeServerEntry, '--config', join(dir, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', ud, '--extensions-dir', ext, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', ...extraArgs, workspace,
    ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } });
    untrack = trackGroup(child.pid);
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
    const exited = new Promise((r) => child.once('exit', (code) => r(code)));
    const ok = await Promise.race([waitHealthy(port, 60_000), exited.then(() => false)]);
    if (ok) break;
    await killGroup(child.pid);
    untrack();
    // The port can be taken between freePort() and the bind; try another once.
    if (attempt >= 1) throw new Error(`code-server did not become healthy:\n${readLog(logFile)}`);
  }

  const pid = child.pid;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    pid,
    log: () => readLog(logFile),
    async stop({ keepDir = false } = {}) {
      await killGroup(pid);
      untrack();
      logStream.end();
      if (!keepDir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function readLog(file) {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

async function waitHealthy(port, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
