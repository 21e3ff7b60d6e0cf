// Local base images built from Debian packages, tagged with the names real Dockerfiles use (there is no registry).
// Cached across runs: a stamp holds a hash of the definitions; images are rebuilt only when it changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK, buildah, bud, run } from './sh.mjs';

const DEFS = new URL('../bases/', import.meta.url).pathname;

/** [definition file, build target, local name, tags real Dockerfiles use]. Order matters: later ones build FROM earlier. */
export const BASES = [
  ['debian-slim.Dockerfile', undefined, 'debian-slim', ['debian:bookworm-slim', 'debian:12-slim']],
  ['debian.Dockerfile', undefined, 'debian', ['debian:bookworm', 'debian:12', 'debian:latest']],
  ['golang.Dockerfile', undefined, 'golang', ['golang:1.19', 'golang:1.19-bookworm', 'golang:1', 'golang:latest']],
  ['node.Dockerfile', undefined, 'node', ['node:18', 'node:18-bookworm', 'node:lts', 'node:latest']],
  ['node-slim.Dockerfile', undefined, 'node-slim', ['node:18-slim', 'node:18-bookworm-slim', 'node:lts-slim', 'node:slim']],
  ['python.Dockerfile', undefined, 'python', ['python:3.11', 'python:3.11-bookworm', 'python:3', 'python:latest']],
  ['python-slim.Dockerfile', undefined, 'python-slim', ['python:3.11-slim', 'python:3.11-slim-bookworm', 'python:3-slim', 'python:slim']],
  ['rust.Dockerfile', undefined, 'rust', ['rust:1.63', 'rust:1.63-bookworm', 'rust:1', 'rust:latest']],
  ...distroless(),
  ['java.Dockerfile', 'jdk', 'jdk', ['eclipse-temurin:17-jdk', 'eclipse-temurin:17', 'openjdk:17', 'openjdk:17-jdk']],
  ['java.Dockerfile', 'maven', 'maven', ['maven:3.8-eclipse-temurin-17', 'maven:3-eclipse-temurin-17', 'maven:3.8.7-eclipse-temurin-17', 'maven:3.8-openjdk-17']],
  ['java.Dockerfile', 'jre', 'jre', ['eclipse-temurin:17-jre', 'eclipse-temurin:17-jre-jammy', 'openjdk:17-jre-slim']],
];

function distroless() {
  const out = [];
  for (const kind of ['static', 'base', 'cc']) {
    for (const variant of ['', '-nonroot']) {
      const tagsFor = (suffix) => [`gcr.io/distroless/${kind}-debian12${suffix}`, `gcr.io/distroless/${kind}${suffix}`];
      const tags = variant ? [...tagsFor(':nonroot')] : [...tagsFor(''), ...tagsFor(':latest')];
      out.push(['distroless.Dockerfile', `${kind}${variant}`, `distroless-${kind}${variant}`, tags]);
    }
  }
  return out;
}

function definitionsHash() {
  const h = createHash('sha256');
  for (const f of readdirSync(DEFS).sort()) h.update(f).update(readFileSync(join(DEFS, f)));
  h.update(JSON.stringify(BASES)).update(NPM_VERSION);
  return h.digest('hex').slice(0, 16);
}

function debianMirror() {
  for (const f of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(f)) continue;
    const m = readFileSync(f, 'utf8').match(/^(?:URIs:\s*|deb\s+(?:\[[^\]]*\]\s*)?)(http\S+\/debian)\/?\s*$/m)
      ?? readFileSync(f, 'utf8').match(/(http:\/\/\S+\/debian)\b(?!-security)/);
    if (m) return m[1];
  }
  return 'http://deb.debian.org/debian';
}

async function rootfs(say) {
  const dir = join(WORK, 'bases');
  const tar = join(dir, 'rootfs.tar');
  const fullTar = join(dir, 'rootfs-full.tar');
  mkdirSync(dir, { recursive: true });
  // The tarball is kept between runs: the same bytes give the same layer, so buildah's cache serves every image on top.
  if (existsSync(tar) && existsSync(fullTar) && existsSync(`${tar}.v2.ok`)) return dir;
  const root = join(dir, 'rootfs');
  rmSync(root, { recursive: true, force: true });
  const mirror = debianMirror();
  say(`debootstrap bookworm from ${mirror}`);
  let r = await run('debootstrap', ['--variant=minbase', 'bookworm', root, mirror], { logFile: 'bases.log' });
  if (r.code !== 0) throw new Error(`debootstrap failed (see ${join(WORK, 'logs', 'bases.log')})`);
  const common = `set -e; cd ${root}
rm -rf var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb var/log/*.log var/log/apt/* var/cache/debconf/*-old
rm -f etc/apt/sources.list
printf 'Types: deb\\nURIs: ${mirror}\\nSuites: bookworm bookworm-updates\\nComponents: main\\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\\n\\nTypes: deb\\nURIs: ${mirror.replace(/\/debian$/, '/debian-security')}\\nSuites: bookworm-security\\nComponents: main\\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\\n' > etc/apt/sources.list.d/debian.sources
: > etc/hostname; rm -f etc/resolv.conf
tar --numeric-owner -cf ${fullTar} .`;
  r = await run('bash', ['-c', common], { logFile: 'bases.log' });
  if (r.code !== 0) throw new Error('preparing the root file system failed (see logs/bases.log)');
  const slim = `set -e; cd ${root}
rm -rf usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/*
mkdir -p etc/dpkg/dpkg.cfg.d etc/apt/apt.conf.d
printf 'path-exclude /usr/share/doc/*\\npath-include /usr/share/doc/*/copyright\\npath-exclude /usr/share/man/*\\npath-exclude /usr/share/info/*\\npath-exclude /usr/share/locale/*\\npath-include /usr/share/locale/locale.alias\\n' > etc/dpkg/dpkg.cfg.d/docker
printf 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\\nDir::Cache::pkgcache "";\\nDir::Cache::srcpkgcache "";\\nAcquire::Languages "none";\\n' > etc/apt/apt.conf.d/docker-clean
printf 'APT::Install-Recommends "false";\\n' > etc/apt/apt.conf.d/docker-no-recommends
tar --numeric-owner -cf ${tar} .`;
  r = await run('bash', ['-c', slim], { logFile: 'bases.log' });
  if (r.code !== 0) throw new Error('slimming the root file system failed (see logs/bases.log)');
  rmSync(root, { recursive: true, force: true });
  writeFileSync(`${tar}.v2.ok`, new Date().toISOString() + '\n');
  return dir;
}

/** The npm the official node images bundle, from the npm registry (kept in the work dir). */
export const NPM_VERSION = '10.8.2';
async function npmTarball(ctx, say) {
  const tgz = join(ctx, 'npm.tgz');
  if (existsSync(tgz)) return;
  say(`npm pack npm@${NPM_VERSION}`);
  const r = await run('npm', ['pack', `npm@${NPM_VERSION}`, '--pack-destination', ctx], { logFile: 'bases.log', cwd: ctx });
  if (r.code !== 0) throw new Error('npm pack npm failed (see logs/bases.log)');
  renameSync(join(ctx, `npm-${NPM_VERSION}.tgz`), tgz);
}

async function imageExists(name) { return (await buildah(['inspect', '--type', 'image', name], { logFile: 'bases.log' })).code === 0; }

/** Build (or reuse) every base image. Returns seconds spent, 0 when cached. */
export async function ensureBases(say) {
  const hash = definitionsHash();
  const stamp = join(WORK, 'bases.stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
    let all = true;
    for (const [, , , tags] of BASES) if (!(await imageExists(`docker.io/library/${tags[0]}`)) && !(await imageExists(tags[0]))) { all = false; break; }
    if (all) { say('base images cached'); return 0; }
  }
  const t0 = Date.now();
  rmSync(stamp, { force: true });
  const ctx = await rootfs(say);
  for (const f of readdirSync(DEFS)) writeFileSync(join(ctx, f), readFileSync(join(DEFS, f)));
  await npmTarball(ctx, say);
  for (const [file, target, local, tags] of BASES) {
    say(`base ${local}`);
    const name = `localhost/lean-base/${local}`;
    const r = await bud({ tag: name, file: join(ctx, file), context: ctx, target, logFile: 'bases.log' });
    if (r.code !== 0) throw new Error(`base image ${local} failed to build (see logs/bases.log)`);
    for (const t of tags) {
      const full = t.includes('/') && t.split('/')[0].includes('.') ? t : `docker.io/library/${t}`;
      const tr = await buildah(['tag', name, full], { logFile: 'bases.log' });
      if (tr.code !== 0) throw new Error(`tagging ${full} failed`);
    }
  }
  writeFileSync(stamp, hash + '\n');
  return Math.round((Date.now() - t0) / 1000);
}
