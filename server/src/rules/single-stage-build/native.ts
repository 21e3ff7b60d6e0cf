import type { ImageRef } from '../../core/image';
import { classifyImage, UBUNTU_CODENAMES } from '../../core/imageFamily';
import {
  aptReleases, basePackages, cCompilerPackages, nativeBuildOnlyPackages, runtimeCarriedPackages, runtimeOfDev, type NativeDistro,
} from '../../knowledge/nativeLibraries';
import { installedPackages, installsFromSource, type BuildStep } from './detect';
import { flagValue, type InferInput, type InferResult } from './input';
import { contextPathOf, readProjectFile, resolvePath } from './paths';
import { installedFiles } from './nativeInstall';

/** C/C++ builds: the executable (compiler `-o`, or what the container starts) and the runtime packages it needs. */

const COMPILERS = /^(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|tcc|musl-gcc)(-\d+(\.\d+)*)?$/;
const CXX = /^(g\+\+|c\+\+|clang\+\+)(-\d+(\.\d+)*)?$/;
const TOOLCHAIN = /^(make|gmake|cmake|ninja|meson|gcc|g\+\+|cc|c\+\+|clang|clang\+\+|ld)$/;

/** Whether the chain installs a C/C++ compiler and keeps it. */
export function installsCompiler(input: { chain: InferInput['chain'] }): boolean {
  return installedPackages(input.chain).some((p) => cCompilerPackages.test(p));
}

/** The distribution and release the build runs on (release: Debian/Ubuntu codename, or Alpine `3.20`). */
export function nativeDistro(image: ImageRef): { distro: NativeDistro; release?: string } {
  const c = classifyImage(image);
  const tag = (image.tag ?? '').toLowerCase();
  if (c.flavour === 'alpine') return { distro: 'alpine', release: /^(\d+\.\d+)/.exec(tag)?.[1] ?? /alpine(\d+\.\d+)/.exec(tag)?.[1] };
  const release = c.codename ?? aptReleases[/^(\d+(?:\.\d+)?)/.exec(tag)?.[1] ?? ''] ?? aptReleases[/^(\d+)/.exec(tag)?.[1] ?? ''];
  const ubuntu = image.repository === 'ubuntu' || (release !== undefined && UBUNTU_CODENAMES.includes(release));
  return { distro: ubuntu ? 'ubuntu' : 'debian', release };
}

/** Whether a compiler invocation links (no `-c`, `-S`, `-E`, `-M`: those stop before an executable). */
function links(step: BuildStep): boolean {
  return COMPILERS.test(step.name) && !step.words.some((w) => w === '-c' || w === '-S' || w === '-E' || w === '-M' || w === '-MM');
}

const hasStatic = (text: string | undefined) => text !== undefined && /(^|\s)(-static|--static|-static-pie)(\s|$)/.test(text);

/** The build links statically: `-static` on a compiler, in LDFLAGS (env, make argument), or CMake linker flags. */
export function linksStatically(input: InferInput): boolean {
  for (const step of input.steps) {
    if (COMPILERS.test(step.name) && links(step) && step.words.some((w) => w === '-static' || w === '-static-pie')) return true;
    for (const w of step.words) {
      const m = /^(LDFLAGS|CMAKE_EXE_LINKER_FLAGS|-DCMAKE_EXE_LINKER_FLAGS(?::STRING)?)=(.*)$/s.exec(w ?? '');
      if (m && hasStatic(m[2])) return true;
    }
    if (hasStatic(step.env.LDFLAGS ?? input.env.LDFLAGS)) return true;
  }
  // `cmake -DCMAKE_EXE_LINKER_FLAGS=-static ..` configures an earlier command of the build
  return input.chain.flatMap((s) => s.instructions).some((i) =>
    i.keyword === 'RUN' && /-DCMAKE_EXE_LINKER_FLAGS(?::STRING)?=["']?-static\b/.test(input.model.text.slice(i.start, i.end)));
}

/** Where a compiler writes: `-o <path>` (or `a.out`), resolved in the step's directory. */
function compilerOutputs(input: InferInput): string[] | { reason: string } {
  const out: string[] = [];
  for (const step of input.steps.filter(links)) {
    const o = flagValue(step.words, ['-o']);
    const glued = step.words.find((w) => w !== undefined && w.startsWith('-o') && w.length > 2 && w !== '-o');
    const path = o ?? (glued ? glued.slice(2) : 'a.out');
    if (path === null || step.cwd === undefined || path.includes('$')) return { reason: `the output of \`${step.name}\` is not static` };
    out.push(resolvePath(step.cwd, path));
  }
  return [...new Set(out)];
}

/** The executable a C/C++ build produces for the container, or why it is unknown. */
export function inferC(input: InferInput): InferResult {
  const outputs = compilerOutputs(input);
  if (!Array.isArray(outputs)) return outputs;
  const exe = input.startWords[0];
  if (exe === undefined) {
    if (outputs.length === 1) return { artifacts: outputs };
    return { reason: 'the image has no ENTRYPOINT or CMD naming the executable the build writes' };
  }
  const name = exe.split('/').pop()!;
  if (TOOLCHAIN.test(name)) return { reason: `the container runs \`${exe}\`, so it needs the toolchain` };
  if (/^(sh|bash|dash|ash)$/.test(name)) return { reason: `the container starts a shell (\`${exe}\`), so what it runs is not known` };
  if (!exe.includes('/')) {
    const match = outputs.find((o) => o.split('/').pop() === exe);
    if (match) return { artifacts: [match] };
    return { reason: `the container starts \`${exe}\` by name, and where the build puts it is not known (name its absolute path)` };
  }
  if (input.workdir === undefined && !exe.startsWith('/')) return { reason: 'the WORKDIR is not static' };
  const full = resolvePath(input.workdir ?? '/', exe);
  if (outputs.includes(full)) return { artifacts: [full] };
  // a script copied from the build context would run other files of the build stage
  if (readProjectFile(input.chain, full, input.context)) return { reason: `the container starts ${exe}, a file of the build context rather than a build output` };
  // make/cmake/ninja over sources fetched inside the image (git clone, wget | tar) install whole packages
  const systems = input.steps.filter((s) => !links(s));
  const foreign = systems.find((s) => s.cwd === undefined || contextPathOf(input.chain, s.cwd, input.context) === undefined);
  if (foreign?.cwd === undefined && foreign) return { reason: `the directory of \`${foreign.name}\` is not static` };
  if (foreign) return { reason: `\`${foreign.name}\` runs in ${foreign.cwd}, which holds no sources from the build context (software built from downloaded sources may need more than one file)` };
  if (installsFromSource(input.chain) && exe.startsWith('/')) {
    const installed = installedFiles(input, systems);
    if ('reason' in installed) return installed;
    if (!installed.names.includes(name)) return { reason: `the project's install rules do not install ${name}` };
    return { artifacts: [full] };
  }
  const inBuildDir = systems.some((s) => full.startsWith(s.cwd === '/' ? '/' : s.cwd + '/'));
  if (inBuildDir) return { artifacts: [full] };
  return { reason: `the container starts ${exe}, which the build does not visibly write (no \`-o\`, no \`make install\`)` };
}

/** Packages the runtime stage installs: runtime libraries of the -dev packages, and packages that are not build tools. */
export function runtimePackages(input: InferInput, image: ImageRef, isStatic: boolean): { packages: string[]; distro: NativeDistro } | { reason: string } {
  const { distro, release } = nativeDistro(image);
  const packages: string[] = [];
  for (const p of installedPackages(input.chain)) {
    if (p.startsWith('dpkg -i')) return { reason: `the build installs a package file (\`${p}\`), which the runtime stage would lack` };
    if (nativeBuildOnlyPackages.test(p)) continue;
    if (/-dev(el)?$/.test(p) || p === 'linux-headers') {
      if (isStatic) continue;
      const runtime = runtimeOfDev(distro, release, p);
      if (!runtime) {
        const where = release ? `${distro} ${release}` : `${image.raw} (release not in the tag)`;
        return { reason: `the runtime package of ${p} on ${where} is not known` };
      }
      packages.push(...runtime);
      continue;
    }
    if (isStatic) {
      if (runtimeCarriedPackages.test(p)) continue; // distroless static has CA certificates and time zones
      return { reason: `the build installs ${p}, which the static runtime image lacks` };
    }
    packages.push(p);
  }
  // C++ on Alpine needs libstdc++ at run time (Debian and Ubuntu images have it)
  if (!isStatic && distro === 'alpine' && usesCxx(input)) packages.push('libstdc++');
  return { packages: [...new Set(packages)].filter((p) => !basePackages[distro].test(p)), distro };
}

function usesCxx(input: InferInput): boolean {
  return input.steps.some((s) => CXX.test(s.name) || s.name === 'cmake' || s.name === 'meson' || s.words.some((w) => w !== undefined && /\.(cc|cpp|cxx|c\+\+)$/.test(w)))
    || installedPackages(input.chain).some((p) => /^(g\+\+|clang\+\+)/.test(p));
}

/** The RUN that installs runtime packages in the runtime stage. */
export function installLines(distro: NativeDistro, packages: string[]): string[] {
  if (!packages.length) return [];
  if (distro === 'alpine') return [`RUN apk add --no-cache ${packages.join(' ')}`];
  return [`RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`];
}
