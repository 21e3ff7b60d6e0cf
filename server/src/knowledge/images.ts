import type { ImageRef } from '../core/image';

/**
 * Toolchain images and the runtime bases that replace them (single-stage-build). Data rows: to support
 * another image family, add a row; the rule only evaluates conditions and fills templates.
 */

export type Ecosystem = 'go' | 'rust' | 'dotnet' | 'java' | 'node' | 'python' | 'c';

/** Facts the rule works out about a build; runtime rows are chosen by them. */
export interface BuildFacts {
  /** The build image is Alpine (musl). */
  alpine: boolean;
  /** Go: CGO_ENABLED=0 for the build (prefix assignment, export, ENV or ARG default). */
  cgoDisabled: boolean;
  /** .NET: a web project (Sdk.Web, ASPNETCORE_* env, or EXPOSE). */
  web: boolean;
  /** .NET 8 or later (images run as `app` out of the box). */
  dotnet8: boolean;
  /** A Windows image (nanoserver, windowsservercore). */
  windows: boolean;
  /** C/C++: the build links statically (`-static` on the compiler, in LDFLAGS or the CMake linker flags). */
  static: boolean;
}

/** How the runtime stage gets a non-root user. */
export type UserPlan =
  | { kind: 'existing'; user: string }
  | { kind: 'create'; flavor: 'debian' | 'alpine' };

export interface RuntimeRow {
  /** All given facts must have these values. */
  when?: Partial<BuildFacts>;
  /**
   * The runtime image. Placeholders: {registry} (with trailing `/`, or empty), {tag} (the build image's tag),
   * {slimTag} (variant → slim), {pySlimTag} (python's `3.12-slim-bookworm` order), {runtimeTag} (.NET SDK
   * version → runtime version), {java} (a Java LTS at least the build's), {javaSuffix} (`-alpine` when alpine),
   * {alpineVersion}, {legacyDotnetTag:<word>} (`2.2-sdk` → `2.2-<word>`), {debianSlimTag} (`bookworm` → `bookworm-slim`,
   * no tag → `stable-slim`), {codenameBase} (`debian:<codename>-slim` or `ubuntu:<codename>` from the tag's codename).
   */
  image: string;
  user: UserPlan;
}

export interface ToolchainImage {
  ecosystem: Ecosystem;
  /** Repositories as parsed (lower-case, no `library/`). */
  repositories: string[];
  /** Registries the repository must come from; omitted = Docker Hub (any registry accepted). */
  registries?: string[];
  /** The tag must match (e.g. `microsoft/dotnet:*-sdk`). */
  tagMatches?: RegExp;
  /** Tags that are runtime images of the same family (e.g. `-jre`). */
  tagExcludes?: RegExp;
  /** Runtime bases, first matching row wins. */
  runtimes: RuntimeRow[];
  /** Environment the image sets that Dockerfiles lean on (`WORKDIR $GOPATH/src/…`). */
  env?: Record<string, string>;
  /** A plain OS image: it is a toolchain image only when the chain installs a compiler (cCompilerPackages). */
  needsCompiler?: boolean;
}

const distroless = (flavor: string): RuntimeRow['image'] => `gcr.io/distroless/${flavor}-debian12`;
const NONROOT: UserPlan = { kind: 'existing', user: 'nonroot:nonroot' };
const DEBIAN_USER: UserPlan = { kind: 'create', flavor: 'debian' };
const ALPINE_USER: UserPlan = { kind: 'create', flavor: 'alpine' };

export const toolchainImages: ToolchainImage[] = [
  {
    ecosystem: 'go',
    repositories: ['golang', 'circleci/golang', 'cimg/go'],
    env: { GOPATH: '/go' },
    runtimes: [
      { when: { cgoDisabled: true }, image: distroless('static'), user: NONROOT },
      // cgo on Alpine links against musl: only an Alpine runtime runs it
      { when: { alpine: true }, image: 'alpine:{alpineVersion}', user: ALPINE_USER },
      { image: distroless('base'), user: NONROOT },
    ],
  },
  {
    ecosystem: 'rust',
    repositories: ['rust', 'rustlang/rust', 'clux/muslrust', 'ekidd/rust-musl-builder'],
    env: { CARGO_HOME: '/usr/local/cargo', RUSTUP_HOME: '/usr/local/rustup' },
    runtimes: [
      // Rust's musl target links statically
      { when: { alpine: true }, image: distroless('static'), user: NONROOT },
      { image: distroless('cc'), user: NONROOT },
    ],
  },
  {
    ecosystem: 'dotnet',
    repositories: ['dotnet/sdk', 'dotnet/nightly/sdk'],
    registries: ['mcr.microsoft.com'],
    runtimes: [
      { when: { web: true, windows: true }, image: '{registry}dotnet/aspnet:{runtimeTag}', user: { kind: 'existing', user: 'ContainerUser' } },
      { when: { windows: true }, image: '{registry}dotnet/runtime:{runtimeTag}', user: { kind: 'existing', user: 'ContainerUser' } },
      { when: { web: true, dotnet8: true }, image: '{registry}dotnet/aspnet:{runtimeTag}', user: { kind: 'existing', user: 'app' } },
      { when: { dotnet8: true }, image: '{registry}dotnet/runtime:{runtimeTag}', user: { kind: 'existing', user: 'app' } },
      { when: { web: true, alpine: true }, image: '{registry}dotnet/aspnet:{runtimeTag}', user: ALPINE_USER },
      { when: { web: true }, image: '{registry}dotnet/aspnet:{runtimeTag}', user: DEBIAN_USER },
      { when: { alpine: true }, image: '{registry}dotnet/runtime:{runtimeTag}', user: ALPINE_USER },
      { image: '{registry}dotnet/runtime:{runtimeTag}', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'dotnet',
    repositories: ['dotnet/core/sdk'],
    registries: ['mcr.microsoft.com'],
    runtimes: [
      { when: { windows: true }, image: '{registry}dotnet/core/{webOr:aspnet:runtime}:{runtimeTag}', user: { kind: 'existing', user: 'ContainerUser' } },
      { when: { alpine: true }, image: '{registry}dotnet/core/{webOr:aspnet:runtime}:{runtimeTag}', user: ALPINE_USER },
      { image: '{registry}dotnet/core/{webOr:aspnet:runtime}:{runtimeTag}', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'dotnet',
    repositories: ['microsoft/dotnet'],
    tagMatches: /sdk/,
    runtimes: [
      { when: { alpine: true }, image: 'microsoft/dotnet:{legacyDotnetTag}', user: ALPINE_USER },
      { image: 'microsoft/dotnet:{legacyDotnetTag}', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'java',
    repositories: ['maven', 'gradle', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'adoptopenjdk', 'adoptopenjdk/openjdk8', 'adoptopenjdk/openjdk11', 'sapmachine', 'azul/zulu-openjdk', 'bellsoft/liberica-openjdk-debian', 'circleci/openjdk', 'cimg/openjdk'],
    tagExcludes: /(^|-)jre($|-|\d)/,
    runtimes: [
      { when: { alpine: true }, image: 'eclipse-temurin:{java}-jre-alpine', user: ALPINE_USER },
      { image: 'eclipse-temurin:{java}-jre', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'node',
    repositories: ['node', 'circleci/node', 'cimg/node'],
    runtimes: [{ image: 'node:{slimTag}', user: { kind: 'existing', user: 'node' } }],
  },
  {
    ecosystem: 'python',
    repositories: ['python', 'circleci/python', 'cimg/python'],
    runtimes: [
      { when: { alpine: true }, image: 'python:{tag}', user: ALPINE_USER },
      { image: 'python:{pySlimTag}', user: DEBIAN_USER },
    ],
  },
  // C/C++: the same distribution's small variant (plus the runtime packages of the build's -dev libraries)
  {
    ecosystem: 'c',
    repositories: ['gcc', 'buildpack-deps'],
    tagExcludes: /(^|-)(curl|scm)$/,
    runtimes: [
      { when: { static: true }, image: distroless('static'), user: NONROOT },
      { image: '{codenameBase}', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'c',
    repositories: ['debian'],
    needsCompiler: true,
    runtimes: [
      { when: { static: true }, image: distroless('static'), user: NONROOT },
      { image: '{registry}debian:{debianSlimTag}', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'c',
    repositories: ['ubuntu'],
    needsCompiler: true,
    runtimes: [
      { when: { static: true }, image: distroless('static'), user: NONROOT },
      { image: '{registry}ubuntu:{tag}', user: DEBIAN_USER },
    ],
  },
  {
    ecosystem: 'c',
    repositories: ['alpine'],
    needsCompiler: true,
    runtimes: [
      { when: { static: true }, image: distroless('static'), user: NONROOT },
      { image: '{registry}alpine:{tag}', user: ALPINE_USER },
    ],
  },
];

/** Java versions that eclipse-temurin publishes JRE images for; a build's version maps to the next one up. */
export const temurinJreVersions = [8, 11, 17, 21, 25];

/** Images the rule never treats as toolchains, whatever they run (they are already runtime bases). */
export const runtimeFamilies = ['gcr.io/distroless/', 'scratch', 'busybox', 'nginx', 'httpd', 'caddy'];

/** Which toolchain row an image belongs to, if any. */
export function findToolchainImage(image: ImageRef): ToolchainImage | undefined {
  return toolchainImages.find((row) => {
    if (!row.repositories.includes(image.repository)) return false;
    const registry = image.registry === 'docker.io' || image.registry === 'index.docker.io' ? undefined : image.registry;
    if (row.registries ? !row.registries.includes(registry ?? '') : registry !== undefined) return false;
    const tag = (image.tag ?? 'latest').toLowerCase();
    if (row.tagMatches && !row.tagMatches.test(tag)) return false;
    if (row.tagExcludes && row.tagExcludes.test(tag)) return false;
    return true;
  });
}

/** The first runtime row whose conditions hold. */
export function chooseRuntime(row: ToolchainImage, facts: BuildFacts): RuntimeRow {
  return (
    row.runtimes.find((r) => Object.entries(r.when ?? {}).every(([k, v]) => facts[k as keyof BuildFacts] === v)) ??
    row.runtimes[row.runtimes.length - 1]
  );
}

/**
 * Commands that compile in a toolchain image. `sub`: the first positional word must be one of these;
 * `any`: some positional word must be (Maven phases, Gradle tasks); neither: the command alone compiles.
 * `script`: the word after `run` (or, for `yarn`/`pnpm`, the first word) names a package.json script like these.
 */
export interface BuildCommandRow {
  ecosystem: Ecosystem;
  commands: string[];
  sub?: string[];
  any?: string[];
  script?: RegExp;
  /** One of the words must be one of these flags (`cmake --build`). */
  flag?: string[];
  /** The command compiles only when given an input (a positional word): `gcc -o app main.c`, not `gcc --version`. */
  needsInput?: boolean;
}

export const buildCommands: BuildCommandRow[] = [
  { ecosystem: 'go', commands: ['go'], sub: ['build', 'install'] },
  { ecosystem: 'rust', commands: ['cargo'], sub: ['build', 'install', 'rustc'] },
  { ecosystem: 'rust', commands: ['rustc'] },
  { ecosystem: 'dotnet', commands: ['dotnet'], sub: ['publish', 'build', 'msbuild'] },
  { ecosystem: 'java', commands: ['mvn', 'mvnw'], any: ['package', 'install', 'verify', 'deploy'] },
  { ecosystem: 'java', commands: ['gradle', 'gradlew'], any: ['build', 'assemble', 'bootJar', 'jar', 'shadowJar', 'installDist', 'bootWar', 'war'] },
  { ecosystem: 'java', commands: ['javac'] },
  { ecosystem: 'node', commands: ['npm', 'yarn', 'pnpm', 'bun'], script: /^(build|compile|dist|bundle)([:-].*)?$/ },
  { ecosystem: 'node', commands: ['tsc', 'webpack', 'rollup', 'esbuild', 'tsup', 'babel'] },
  { ecosystem: 'node', commands: ['vite', 'ng', 'next', 'nest', 'parcel', 'react-scripts', 'vue-cli-service', 'gatsby', 'nuxt', 'svelte-kit', 'astro', 'remix'], sub: ['build', 'generate'] },
  { ecosystem: 'python', commands: ['setup.py'], sub: ['build', 'build_ext', 'bdist_wheel', 'bdist_egg', 'install', 'develop'] },
  { ecosystem: 'python', commands: ['pip', 'pip3', 'pip2'], sub: ['wheel'] },
  { ecosystem: 'python', commands: ['build', 'cython', 'cythonize', 'maturin'] },
  { ecosystem: 'c', commands: ['make', 'gmake', 'ninja', 'samu'] },
  { ecosystem: 'c', commands: ['cmake'], flag: ['--build', '--install'] },
  { ecosystem: 'c', commands: ['meson'], sub: ['compile', 'install'] },
  { ecosystem: 'c', commands: ['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'tcc', 'musl-gcc'], needsInput: true },
];

/** Packages whose install means a C toolchain is used (a Python stage that installs one and then pip-installs compiles). */
export const compilerPackages = /^(gcc(-\d+)?|g\+\+(-\d+)?|build-essential|build-base|clang|cmake|make|musl-dev|gfortran|alpine-sdk)$/;

/** `-dev` packages whose runtime libraries a Python runtime stage would not have. */
export const headerOnlyPackages = /^(python3?(\.\d+)?-dev|libc6?-dev|linux-libc-dev|linux-headers|musl-dev|libffi-dev|python3?-pip|libc-dev|libssl-dev|zlib1g-dev|libbz2-dev|liblzma-dev|libsqlite3-dev|libreadline-dev|libncursesw?5?-dev|openssl-dev|zlib-dev)$/;

/**
 * OS packages a build stage installs only to build: fetch sources, compile, compress. Any other package the
 * chain installs (and keeps) may be needed at run time, so the rule offers no split for it.
 */
export const buildOnlyPackages =
  /^(git|git-core|mercurial|hg|bzr|subversion|svn|openssh-client|openssh|ssh|curl|wget|ca-certificates|tzdata|gnupg2?|dirmngr|unzip|zip|tar|gzip|xz(-utils)?|bzip2|upx(-ucl)?|make|cmake|ninja(-build)?|gcc(-\d+)?|g\+\+(-\d+)?|clang|llvm|build-essential|build-base|alpine-sdk|musl-dev|musl-tools|libc6?-dev|linux-headers|pkg-?config|pkgconf|autoconf|automake|libtool|bison|flex|protobuf(-compiler|-dev)?|protoc|bash|file|patch|sed|gawk|binutils|apt-transport-https|apt-utils|software-properties-common|lsb-release|python3?-pip|python3?-setuptools|python3?-wheel|python3?-dev|python3?-venv|nodejs|npm|yarn|jq|rsync|less|vim|nano|openjdk\d*-jdk|maven|gradle|.*-dev|.*-devel)$/;
