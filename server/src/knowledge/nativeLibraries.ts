/**
 * C/C++ builds (single-stage-build): the runtime packages behind the `-dev` packages a build installs, per
 * distribution and release. Data only: to support another library, add a row. A `-dev` package that is not here
 * gets no automatic split (the rule names it), because guessing a library's runtime package is how images break.
 */

export type NativeDistro = 'debian' | 'ubuntu' | 'alpine';

/** Runtime packages: the same for every release, or per release key (Debian/Ubuntu codename, Alpine `3.20`). */
export type RuntimePackages = string[] | Record<string, string[]>;

const t64 = (old: string[], renamed: string[]): Record<string, string[]> => ({
  // Debian trixie and Ubuntu noble renamed libraries for the 64-bit time_t transition
  bullseye: old, bookworm: old, focal: old, jammy: old, trixie: renamed, noble: renamed,
});

/** Debian and Ubuntu `-dev` packages (same names in both unless the row says). */
export const aptDevPackages: Record<string, RuntimePackages> = {
  'zlib1g-dev': ['zlib1g'],
  'libssl-dev': { bullseye: ['libssl1.1'], focal: ['libssl1.1'], bookworm: ['libssl3'], jammy: ['libssl3'], trixie: ['libssl3t64'], noble: ['libssl3t64'] },
  'libcurl4-openssl-dev': t64(['libcurl4'], ['libcurl4t64']),
  'libcurl4-gnutls-dev': t64(['libcurl3-gnutls'], ['libcurl3t64-gnutls']),
  'libpq-dev': ['libpq5'],
  'libsqlite3-dev': ['libsqlite3-0'],
  'libbz2-dev': ['libbz2-1.0'],
  'liblzma-dev': ['liblzma5'],
  'libzstd-dev': ['libzstd1'],
  'liblz4-dev': ['liblz4-1'],
  'libpcre3-dev': ['libpcre3'],
  'libpcre2-dev': ['libpcre2-8-0'],
  'libxml2-dev': ['libxml2'],
  'libyaml-dev': ['libyaml-0-2'],
  'libffi-dev': { bullseye: ['libffi7'], focal: ['libffi7'], bookworm: ['libffi8'], jammy: ['libffi8'], trixie: ['libffi8'], noble: ['libffi8'] },
  'libuv1-dev': t64(['libuv1'], ['libuv1t64']),
  'libevent-dev': t64(['libevent-2.1-7'], ['libevent-2.1-7t64']),
  'libjansson-dev': ['libjansson4'],
  'libreadline-dev': t64(['libreadline8'], ['libreadline8t64']),
  'libncurses-dev': ['libncursesw6', 'libtinfo6'],
  'libncurses5-dev': ['libncursesw6', 'libtinfo6'],
  'libncursesw5-dev': ['libncursesw6', 'libtinfo6'],
  'libpng-dev': t64(['libpng16-16'], ['libpng16-16t64']),
  'libgmp-dev': ['libgmp10'],
  'libsodium-dev': ['libsodium23'],
  'libexpat1-dev': ['libexpat1'],
  'libcap-dev': ['libcap2'],
  'libseccomp-dev': ['libseccomp2'],
  'libsystemd-dev': ['libsystemd0'],
  'uuid-dev': ['libuuid1'],
  'libglib2.0-dev': t64(['libglib2.0-0'], ['libglib2.0-0t64']),
  'libjpeg62-turbo-dev': { bullseye: ['libjpeg62-turbo'], bookworm: ['libjpeg62-turbo'], trixie: ['libjpeg62-turbo'] },
  'libmariadb-dev': ['libmariadb3'],
  // headers of the C library and the kernel, and the compiler's own runtime: nothing to install
  'libc6-dev': [],
  'libc-dev': [],
  'linux-libc-dev': [],
};

/** Alpine `-dev` packages. */
export const apkDevPackages: Record<string, RuntimePackages> = {
  'zlib-dev': ['zlib'],
  'openssl-dev': ['libssl3', 'libcrypto3'],
  'curl-dev': ['libcurl'],
  'sqlite-dev': ['sqlite-libs'],
  'bzip2-dev': ['libbz2'],
  'xz-dev': ['xz-libs'],
  'zstd-dev': ['zstd-libs'],
  'lz4-dev': ['lz4-libs'],
  'pcre-dev': ['pcre'],
  'pcre2-dev': ['pcre2'],
  'libxml2-dev': ['libxml2'],
  'yaml-dev': ['yaml'],
  'libffi-dev': ['libffi'],
  'libuv-dev': ['libuv'],
  'libevent-dev': ['libevent'],
  'jansson-dev': ['jansson'],
  'readline-dev': ['readline'],
  'ncurses-dev': ['ncurses-libs'],
  'libpng-dev': ['libpng'],
  'libjpeg-turbo-dev': ['libjpeg-turbo'],
  'gmp-dev': ['gmp'],
  'libsodium-dev': ['libsodium'],
  'libpq-dev': ['libpq'],
  'postgresql-dev': ['libpq'],
  'glib-dev': ['glib'],
  'musl-dev': [],
  'linux-headers': [],
};

/** Packages a C/C++ build installs only to compile (toolchain, build systems, headers of the toolchain itself). */
export const nativeBuildOnlyPackages =
  /^(build-essential|build-base|alpine-sdk|gcc(-\d+)?|g\+\+(-\d+)?|cpp(-\d+)?|clang(-\d+)?|clang\+\+|llvm(-\d+)?|lld(-\d+)?|tcc|make|cmake|ninja(-build)?|meson|autoconf|automake|libtool|pkg-?config|pkgconf|bison|flex|binutils|gdb|ccache|patch|git|curl|wget|unzip|xz-utils|bzip2|file|libstdc\+\+-\d+-dev|libgcc-\d+-dev|musl-tools)$/;

/** Packages whose install means the chain has a C/C++ compiler. */
export const cCompilerPackages = /^(build-essential|build-base|alpine-sdk|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?|clang\+\+|tcc)$/;

/** Packages kept for the runtime stage even though a build also uses them. */
export const runtimeCarriedPackages = /^(ca-certificates|tzdata)$/;

/**
 * Libraries every image of the distribution already has (Debian/Ubuntu: `Priority: required` or pulled in by
 * dpkg and apt, so present in `-slim` and minimal images; Alpine: the base image's own packages). The runtime
 * stage does not install them again (an `apt-get update` layer for nothing).
 */
export const basePackages: Record<NativeDistro, RegExp> = {
  debian: /^(libc6|libgcc-s1|libstdc\+\+6|zlib1g|liblzma5|libzstd1|libbz2-1\.0|libsystemd0|libudev1|libseccomp2|libgmp10|libffi8|libpcre2-8-0|libtinfo6|libuuid1|libcap2|libselinux1|libacl1|libattr1|libmd0)$/,
  ubuntu: /^(libc6|libgcc-s1|libstdc\+\+6|zlib1g|liblzma5|libzstd1|libbz2-1\.0|libsystemd0|libudev1|libseccomp2|libgmp10|libffi8|libpcre2-8-0|libtinfo6|libuuid1|libcap2|libselinux1|libacl1|libattr1|libmd0)$/,
  alpine: /^(musl|zlib|libcrypto3|libssl3)$/,
};

/** Debian and Ubuntu version tags → release codename. */
export const aptReleases: Record<string, string> = {
  '10': 'buster', '11': 'bullseye', '12': 'bookworm', '13': 'trixie',
  '20.04': 'focal', '22.04': 'jammy', '24.04': 'noble',
};

/** Runtime packages of a `-dev` package for a distribution and release; undefined when not known. */
export function runtimeOfDev(distro: NativeDistro, release: string | undefined, dev: string): string[] | undefined {
  const row = (distro === 'alpine' ? apkDevPackages : aptDevPackages)[dev];
  if (!row) return undefined;
  if (Array.isArray(row)) return row;
  return release ? row[release] : undefined;
}
