import type { ImageRef } from '../core/image';
import { classifyImage } from '../core/imageFamily';

/**
 * Base image families and their variants, as data: what each variant is, its rough size
 * (uncompressed, linux/amd64, as Docker Hub and MCR list them; they drift by a few MB per release)
 * and what it gives up. Used by heavy-runtime-base and by the FROM hover.
 */

/** How a family's full tag becomes its smaller runtime tag. */
export type SlimmerWay =
  /** `22` → `22-slim`, `22-bookworm` → `22-bookworm-slim`, `latest` → `slim` (node, debian). */
  | 'append-slim'
  /** `3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm` (python, ruby, perl). */
  | 'slim-before-codename'
  /** `21-jdk-jammy` → `21-jre-jammy`, `21` → `21-jre` (eclipse-temurin). */
  | 'jdk-to-jre'
  /** `openjdk:17-jdk` → `eclipse-temurin:17-jre` (openjdk images are deprecated). */
  | 'openjdk-to-temurin'
  /** `dotnet/sdk:8.0` → `dotnet/aspnet:8.0` or `dotnet/runtime:8.0`. */
  | 'dotnet-sdk'
  /** `buildpack-deps:bookworm` → `debian:bookworm-slim`. */
  | 'buildpack-deps'
  /** `9` → `9-minimal` (rockylinux, almalinux); `ubi9/ubi` → `ubi9/ubi-minimal`. */
  | 'minimal'
  /** A build toolchain: no same-family runtime variant; the answer is a build stage. */
  | 'toolchain'
  /** Already small, or no smaller variant worth the switch. */
  | 'none';

export interface Variant {
  /** How the tag or name reads (`<version>-slim`). */
  tag: string;
  size: string;
  note: string;
}

export interface ImageFamily {
  /** Official image names (last component for other registries: `dotnet/sdk`). */
  names: string[];
  title: string;
  way: SlimmerWay;
  /** Size of the full image this rule flags. */
  fullSize: string;
  /** What the smaller variant commonly lacks that builds and scripts reach for. */
  missing: string[];
  variants: Variant[];
}

const DEBIAN_SLIM: Variant = { tag: 'debian:<release>-slim', size: '~75 MB', note: 'glibc and apt, no docs, man pages or locales' };
const DISTROLESS: Variant = {
  tag: 'gcr.io/distroless/{static,base,cc}-debian12',
  size: '2–25 MB',
  note: 'only the runtime libraries: no shell, no package manager (debug it with the :debug tag)',
};
const ALPINE_NOTE = 'musl libc instead of glibc: prebuilt native binaries and wheels built for glibc may fail or be slower';

export const imageFamilies: readonly ImageFamily[] = [
  {
    names: ['debian'],
    title: 'Debian',
    way: 'append-slim',
    fullSize: '~120 MB',
    missing: ['documentation, man pages and locales'],
    variants: [{ tag: 'debian:<release>', size: '~120 MB', note: 'the standard Debian userland' }, DEBIAN_SLIM, DISTROLESS],
  },
  {
    names: ['ubuntu'],
    title: 'Ubuntu',
    way: 'none',
    fullSize: '~78 MB',
    missing: [],
    variants: [
      { tag: 'ubuntu:<release>', size: '~78 MB', note: 'already minimised; about the size of debian-slim' },
      DEBIAN_SLIM,
      DISTROLESS,
    ],
  },
  {
    names: ['node'],
    title: 'Node.js',
    way: 'append-slim',
    fullSize: '~1.1 GB',
    missing: ['gcc/g++/make and python3 (native modules that have no prebuilt binary)', 'git', 'curl'],
    variants: [
      { tag: 'node:<version>', size: '~1.1 GB', note: 'buildpack-deps: compilers, git, curl, dev headers' },
      { tag: 'node:<version>-slim', size: '~220 MB', note: 'Debian slim with Node only' },
      { tag: 'node:<version>-alpine', size: '~160 MB', note: ALPINE_NOTE },
      { tag: 'gcr.io/distroless/nodejs22-debian12', size: '~170 MB', note: 'Node only, no shell or npm: CMD must be exec form' },
    ],
  },
  {
    names: ['python'],
    title: 'Python',
    way: 'slim-before-codename',
    fullSize: '~1 GB',
    missing: ['gcc and dev headers (packages without wheels)', 'git', 'curl'],
    variants: [
      { tag: 'python:<version>', size: '~1 GB', note: 'buildpack-deps: compilers, git, curl, dev headers' },
      { tag: 'python:<version>-slim', size: '~130 MB', note: 'Debian slim with Python only' },
      { tag: 'python:<version>-alpine', size: '~55 MB', note: ALPINE_NOTE + ' (many packages then compile from source)' },
    ],
  },
  {
    names: ['ruby'],
    title: 'Ruby',
    way: 'slim-before-codename',
    fullSize: '~1 GB',
    missing: ['gcc/make and dev headers (gems with native extensions)', 'git', 'curl'],
    variants: [
      { tag: 'ruby:<version>', size: '~1 GB', note: 'buildpack-deps: compilers, git, curl, dev headers' },
      { tag: 'ruby:<version>-slim', size: '~220 MB', note: 'Debian slim with Ruby only' },
      { tag: 'ruby:<version>-alpine', size: '~90 MB', note: ALPINE_NOTE },
    ],
  },
  {
    names: ['perl'],
    title: 'Perl',
    way: 'slim-before-codename',
    fullSize: '~900 MB',
    missing: ['gcc/make (XS modules)', 'git', 'curl'],
    variants: [
      { tag: 'perl:<version>', size: '~900 MB', note: 'buildpack-deps: compilers, git, curl' },
      { tag: 'perl:<version>-slim', size: '~150 MB', note: 'Debian slim with Perl only' },
    ],
  },
  {
    names: ['eclipse-temurin'],
    title: 'Eclipse Temurin',
    way: 'jdk-to-jre',
    fullSize: '~450 MB',
    missing: ['javac, jar and jlink', 'diagnostic tools (jcmd, jmap, jstack)'],
    variants: [
      { tag: 'eclipse-temurin:<version>-jdk', size: '~450 MB', note: 'the full JDK: compiler and tools' },
      { tag: 'eclipse-temurin:<version>-jre', size: '~270 MB', note: 'the runtime only' },
      { tag: 'eclipse-temurin:<version>-jre-alpine', size: '~190 MB', note: ALPINE_NOTE },
      { tag: 'gcr.io/distroless/java21-debian12', size: '~190 MB', note: 'JRE only, no shell' },
    ],
  },
  {
    names: ['openjdk'],
    title: 'OpenJDK',
    way: 'openjdk-to-temurin',
    fullSize: '~470 MB',
    missing: ['javac, jar and jlink', 'diagnostic tools (jcmd, jmap, jstack)'],
    variants: [
      { tag: 'openjdk:<version>', size: '~470 MB', note: 'the full JDK; the image is deprecated and no longer updated' },
      { tag: 'eclipse-temurin:<version>-jre', size: '~270 MB', note: 'maintained, runtime only' },
    ],
  },
  {
    names: ['dotnet/sdk', 'dotnet/core/sdk'],
    title: '.NET',
    way: 'dotnet-sdk',
    fullSize: '~850 MB',
    missing: ['the SDK (dotnet build/publish/restore, dotnet tools such as dotnet-ef)', 'PowerShell', 'git'],
    variants: [
      { tag: 'mcr.microsoft.com/dotnet/sdk:<version>', size: '~850 MB', note: 'the SDK: build, publish, NuGet' },
      { tag: 'mcr.microsoft.com/dotnet/aspnet:<version>', size: '~220 MB', note: 'ASP.NET Core runtime' },
      { tag: 'mcr.microsoft.com/dotnet/runtime:<version>', size: '~190 MB', note: '.NET runtime (console apps)' },
      { tag: 'mcr.microsoft.com/dotnet/runtime-deps:<version>-chiseled', size: '~12 MB', note: 'self-contained apps; distroless-like, no shell' },
    ],
  },
  {
    names: ['buildpack-deps'],
    title: 'buildpack-deps',
    way: 'buildpack-deps',
    fullSize: '~850 MB',
    missing: ['gcc/make and dev headers', 'git', 'curl and wget'],
    variants: [
      { tag: 'buildpack-deps:<release>', size: '~850 MB', note: 'compilers, git, curl, dev headers' },
      { tag: 'buildpack-deps:<release>-curl', size: '~130 MB', note: 'curl, wget, CA certificates' },
      DEBIAN_SLIM,
    ],
  },
  {
    names: ['rockylinux', 'almalinux', 'ubi8', 'ubi9', 'ubi8/ubi', 'ubi9/ubi'],
    title: 'RHEL-compatible',
    way: 'minimal',
    fullSize: '~200 MB',
    missing: ['dnf and yum (microdnf instead)', 'many utilities (procps, findutils, tar)'],
    variants: [
      { tag: '<image>:<version>', size: '~200 MB', note: 'dnf and the standard userland' },
      { tag: '<image>:<version>-minimal (ubi: ubi-minimal)', size: '~100 MB', note: 'microdnf only' },
    ],
  },
  ...(['golang', 'rust', 'maven', 'gradle', 'gcc', 'swift', 'haskell'] as const).map(
    (name): ImageFamily => ({
      names: [name],
      title: `${name} (build toolchain)`,
      way: 'toolchain',
      fullSize: name === 'rust' ? '~1.5 GB' : name === 'gcc' || name === 'haskell' ? '~1.4 GB' : '~800 MB',
      missing: [],
      variants: [
        { tag: `${name}:<version>`, size: 'hundreds of MB', note: 'a compiler and its tools: for build stages' },
        DISTROLESS,
        DEBIAN_SLIM,
      ],
    }),
  ),
  {
    names: ['alpine'],
    title: 'Alpine Linux',
    way: 'none',
    fullSize: '~8 MB',
    missing: [],
    variants: [{ tag: 'alpine:<version>', size: '~8 MB', note: ALPINE_NOTE + '; busybox shell; apk' }],
  },
  {
    names: ['scratch'],
    title: 'scratch',
    way: 'none',
    fullSize: '0 MB',
    missing: [],
    variants: [{ tag: 'scratch', size: '0 MB', note: 'empty: no shell, no libc, no CA certificates or /etc/passwd unless you copy them' }],
  },
];

/** The family an official image name or a repository's last components belong to. */
export function findFamily(official: string | undefined, repository: string): ImageFamily | undefined {
  const parts = repository.split('/');
  const tails = [parts.slice(-2).join('/'), parts.slice(-3).join('/')];
  return imageFamilies.find((f) =>
    f.names.some((n) => n === official || n === repository || (n.includes('/') && tails.includes(n))),
  );
}

/**
 * Markdown for a hover on a FROM image: the family, what this variant is, the other variants with
 * sizes and trade-offs. Undefined for images the table does not know. Never fetches anything.
 */
export function describeImage(ref: ImageRef): string | undefined {
  const c = classifyImage(ref);
  const family = findFamily(c.official, ref.repository);
  if (c.flavour === 'distroless' || c.flavour === 'chainguard') {
    return [
      `**${ref.repository}** — ${c.flavour === 'distroless' ? 'distroless' : 'Chainguard'} image`,
      '',
      'Only the runtime and its libraries: no shell and no package manager, so `RUN` steps and shell-form',
      '`CMD` fail; debug with the `:debug` (distroless) or `-dev` (Chainguard) variant.',
      ref.tag?.includes('nonroot') ? 'Runs as the `nonroot` user (65532).' : 'Add `:nonroot` (or `USER 65532`) to run without root.',
    ].join('\n');
  }
  if (!family) return undefined;
  const flavour: Record<string, string> = {
    alpine: 'Alpine variant: ' + ALPINE_NOTE,
    slim: 'slim variant: Debian slim with only what the runtime needs',
    minimal: 'minimal variant',
    windows: 'Windows variant',
    full: family.way === 'toolchain' ? 'a build toolchain: keep it in a build stage' : `full variant (${family.fullSize})`,
    scratch: 'empty image',
  };
  const lines = [`**${family.title}** — ${flavour[c.flavour] ?? c.flavour}`, '', '| variant | size | trade-off |', '| --- | --- | --- |'];
  for (const v of family.variants) lines.push(`| \`${v.tag}\` | ${v.size} | ${v.note} |`);
  return lines.join('\n');
}
