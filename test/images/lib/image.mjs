// Inspecting a built image: sizes (uncompressed and gzip) from an OCI export, a toolchain scan of its file system,
// its configured user, a smoke run as that user, and a search for secret values in every blob.
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';
import { WORK, buildah, run } from './sh.mjs';

const OCI = join(WORK, 'oci');
const GZ_CACHE = join(WORK, 'layer-sizes.json');

/** Files whose presence means a build toolchain shipped in the image. */
export const TOOLCHAIN_NAMES = ['go', 'gofmt', 'cc1', 'cc1plus', 'gcc', 'g++', 'make', 'ld.bfd', 'npm-cli.js', 'javac',
  'mvn', 'cargo', 'rustc', 'dotnet-sdk', 'pip-compile'];

let gzCache = existsSync(GZ_CACHE) ? JSON.parse(readFileSync(GZ_CACHE, 'utf8')) : {};

function blobPath(digest) { return join(OCI, 'blobs', ...digest.split(':')); }

/** Bytes that come out of piping `file` through a gzip (or gunzip) stream. */
function streamedSize(file, stream) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const gz = stream;
    gz.on('data', (d) => { n += d.length; });
    gz.on('end', () => resolve(n));
    gz.on('error', reject);
    createReadStream(file).on('error', reject).pipe(gz);
  });
}

/** Export `image` into the shared OCI layout (blobs deduplicated) and return its manifest, config and sizes. */
export async function exportImage(image, tag) {
  mkdirSync(OCI, { recursive: true });
  const r = await buildah(['push', '--disable-compression', '--format', 'oci', image, `oci:${OCI}:${tag}`]);
  if (r.code !== 0) throw new Error(`exporting ${image} failed: ${r.out.slice(-400)}`);
  const index = JSON.parse(readFileSync(join(OCI, 'index.json'), 'utf8'));
  const entry = index.manifests.filter((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag).at(-1);
  const manifest = JSON.parse(readFileSync(blobPath(entry.digest), 'utf8'));
  const config = JSON.parse(readFileSync(blobPath(manifest.config.digest), 'utf8'));
  let bytes = 0;
  let gzip = 0;
  for (const layer of manifest.layers) {
    // buildah may keep a layer gzip-compressed even with --disable-compression: measure whichever side is missing.
    if (gzCache[layer.digest] === undefined) {
      const file = blobPath(layer.digest);
      gzCache[layer.digest] = /gzip/.test(layer.mediaType)
        ? { bytes: await streamedSize(file, createGunzip()), gzip: layer.size }
        : { bytes: layer.size, gzip: await streamedSize(file, createGzip({ level: 6 })) };
    }
    bytes += gzCache[layer.digest].bytes;
    gzip += gzCache[layer.digest].gzip;
  }
  writeFileSync(GZ_CACHE, JSON.stringify(gzCache));
  const blobs = [entry.digest, manifest.config.digest, ...manifest.layers.map((l) => l.digest)].map(blobPath);
  return { manifest, config, bytes, gzip, layers: manifest.layers.length, blobs };
}

/** Blobs (layers, config, manifest) that contain `value`: each is decompressed if needed (zcat -f) and grep -F'd. */
export async function blobsContaining(blobs, value) {
  const hits = [];
  for (const blob of blobs) {
    const r = await run('bash', ['-c', 'zcat -f "$1" | grep -a -F -c -e "$2" || true', 'scan', blob, value], { logFile: 'scan.log' });
    if (Number.parseInt(r.out.trim(), 10) > 0) hits.push(blob.split('/').at(-1).slice(0, 12));
  }
  return hits;
}

/** Mount a working container of `image`, run `fn(root, container)`, always unmount and remove it. */
export async function withContainer(image, fn) {
  const from = await buildah(['from', '--pull-never', image]);
  if (from.code !== 0) throw new Error(`buildah from ${image} failed: ${from.out.slice(-300)}`);
  const container = from.out.trim().split('\n').at(-1);
  try {
    const m = await buildah(['mount', container]);
    if (m.code !== 0) throw new Error(`buildah mount failed: ${m.out.slice(-300)}`);
    return await fn(m.out.trim().split('\n').at(-1), container);
  } finally {
    await buildah(['umount', container]);
    await buildah(['rm', container]);
  }
}

/**
 * npm as the official node:*-slim runtime images bundle it. The slim image is the runtime base issue 2 prescribes for
 * Node, so npm at this path is reported but not counted as a toolchain; npm anywhere else (Debian's, in node:18) is.
 */
export const RUNTIME_NPM = '/usr/local/lib/node_modules/npm/bin/npm-cli.js';

/** Toolchain files in the mounted root file system (paths relative to the root). */
export async function toolchainFiles(root) {
  const names = TOOLCHAIN_NAMES.flatMap((n, i) => (i ? ['-o', '-name', n] : ['-name', n]));
  const r = await run('find', [root, '-xdev', '(', ...names, ')', '(', '-type', 'f', '-o', '-type', 'l', ')'], { logFile: 'scan.log' });
  const sdk = await run('find', [root, '-xdev', '-maxdepth', '5', '-type', 'd', '-path', '*/dotnet/sdk']);
  return [...r.out.split('\n'), ...sdk.out.split('\n')]
    .filter((l) => l.startsWith(root)).map((l) => l.slice(root.length)).sort();
}

function splitNpm(files) {
  return { toolchain: files.filter((f) => f !== RUNTIME_NPM), runtimeNpm: files.includes(RUNTIME_NPM) };
}

/** The numeric uid a USER value stands for, read from the image's /etc/passwd. */
export function resolveUid(user, root) {
  const name = (user || 'root').split(':')[0];
  if (/^\d+$/.test(name)) return Number(name);
  const passwd = join(root, 'etc', 'passwd');
  if (!existsSync(passwd)) return undefined;
  for (const line of readFileSync(passwd, 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return Number(f[2]);
  }
  return undefined;
}

/** Run the image's ENTRYPOINT+CMD with SELFTEST=1 as its configured user; returns {code, out, uid (printed)}. */
export async function smoke(container, config) {
  const c = config.config ?? {};
  const argv = [...(c.Entrypoint ?? []), ...(c.Cmd ?? [])];
  if (argv.length === 0) return { code: -1, out: 'no ENTRYPOINT or CMD' };
  const r = await buildah(['run', '--isolation', 'chroot', '-e', 'SELFTEST=1', container, '--', ...argv], { logFile: 'smoke.log' });
  const m = r.out.match(/\buid=(\d+)/);
  return { code: r.code, out: r.out.trim().split('\n').slice(-3).join(' | '), uid: m ? Number(m[1]) : undefined };
}

/** Everything the bed checks about one built image. */
export async function inspectImage(image, tag, secretValues) {
  const exp = await exportImage(image, tag);
  const user = exp.config.config?.User ?? '';
  const secretHits = {};
  for (const [name, value] of Object.entries(secretValues)) secretHits[name] = await blobsContaining(exp.blobs, value);
  const fsFacts = await withContainer(image, async (root, container) => ({
    ...splitNpm(await toolchainFiles(root)),
    uid: resolveUid(user, root),
    smoke: await smoke(container, exp.config),
  }));
  return { bytes: exp.bytes, gzip: exp.gzip, layers: exp.layers, user, secretHits, ...fsFacts };
}
