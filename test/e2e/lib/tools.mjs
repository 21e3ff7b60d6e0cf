// Installs what the end-to-end tests need, only when it is missing:
//  - Debian packages (Chromium, ripgrep, the headers code-server's native modules build against), through apt-get
//    when running as root with apt available; otherwise it says what to install;
//  - code-server and playwright-core into test/e2e/tools/node_modules (their own package.json, never the extension's
//    npm ci), with a version stamp so a second run costs nothing.
// Recipe and pitfalls: ../../../../shared/notes/vscode-e2e.md (code-server 4.100.3 is the newest that runs on Node 20).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const toolsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tools');
const stampFile = join(toolsDir, '.stamp');
export const chromiumPath = '/usr/bin/chromium';
export const codeServerEntry = join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// ripgrep is what @vscode/ripgrep's postinstall would download from GitHub; Debian's rg stands in for it.
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'build-essential', 'pkg-config', 'python3', 'fonts-dejavu-core'];
const RIPGREP_CACHE = ['vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

function missingDebianPackages() {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
}

function ensureDebianPackages(log) {
  const missing = missingDebianPackages();
  if (!missing.length) return;
  const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canApt) throw new Error(`missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install -y ${missing.join(' ')})`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** What the stamp records: a change to any of these reinstalls the tools. */
function wantedStamp() {
  const pkg = readFileSync(join(toolsDir, 'package.json'));
  const lock = existsSync(join(toolsDir, 'package-lock.json')) ? readFileSync(join(toolsDir, 'package-lock.json')) : '';
  const hash = createHash('sha256').update(pkg).update(lock).digest('hex').slice(0, 16);
  return JSON.stringify({ manifest: hash, node: process.versions.node.split('.')[0] });
}

export function toolsReady() {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wantedStamp() && existsSync(codeServerEntry)
    && existsSync(chromiumPath);
}

function seedRipgrepCache() {
  const dir = join(tmpdir(), RIPGREP_CACHE[0]);
  const tarball = join(dir, RIPGREP_CACHE[1]);
  if (existsSync(tarball)) return;
  mkdirSync(dir, { recursive: true });
  run('tar', ['-czf', tarball, '-C', '/usr/bin', 'rg']);
}

/** Installs whatever is missing; returns the seconds it took (0 when everything was there). */
export function ensureTools({ log = (m) => console.log(`[e2e tools] ${m}`) } = {}) {
  if (toolsReady() && !missingDebianPackages().length) return 0;
  const t0 = Date.now();
  ensureDebianPackages(log);
  if (!toolsReady()) {
    seedRipgrepCache();
    rmSync(stampFile, { force: true });
    const env = {
      ...process.env,
      npm_config_unsafe_perm: 'true', // root: let postinstall scripts run as root
      npm_config_nodedir: dirname(dirname(process.execPath)), // headers of the Node that runs npm (no download)
      npm_config_yes: 'true', // code-server's postinstall uses npx; ~/.npmrc may say yes=false
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    const lock = existsSync(join(toolsDir, 'package-lock.json'));
    log(`npm ${lock ? 'ci' : 'install'} in ${toolsDir} (code-server builds native modules: about a minute)`);
    run('npm', [lock ? 'ci' : 'install', '--no-progress', '--loglevel=error'], { cwd: toolsDir, env });
    if (!existsSync(codeServerEntry)) throw new Error(`code-server did not install: ${codeServerEntry} is missing`);
    writeFileSync(stampFile, wantedStamp());
  }
  const s = (Date.now() - t0) / 1000;
  log(`tools ready in ${s.toFixed(1)} s`);
  return s;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureTools();
