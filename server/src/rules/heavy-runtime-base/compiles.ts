import { isRun, type Stage } from '../../core/model';
import type { ShellCommand } from '../../core/shell';

/**
 * Whether a stage chain compiles: then the toolchain in the final stage is single-stage-build's finding
 * (split into build and runtime stages), and heavy-runtime-base stays silent so one image is reported once.
 */
export function compilesIn(chain: Stage[]): boolean {
  return chain.some((s) => s.instructions.some((i) => isRun(i) && i.shell.commands.some(isCompile)));
}

/** Every command name the chain's RUNs call. */
export function commandsIn(chain: Stage[]): Set<string> {
  const out = new Set<string>();
  for (const s of chain) for (const i of s.instructions) if (isRun(i)) for (const c of i.shell.commands) if (c.name) out.add(c.name);
  return out;
}

const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'rustc', 'javac', 'tsc', 'make', 'cmake', 'ninja', 'sbt', 'lein', 'webpack', 'vite', 'ng', 'ghc', 'swiftc']);
const JVM_GOALS = /^(package|install|verify|compile|build|assemble|bootJar|jar|shadowJar|installDist|war|bootWar)$|:(package|repackage|build)$/;

function isCompile(c: ShellCommand): boolean {
  const words = c.args.map((a) => a.value ?? '').filter((w) => w && !w.startsWith('-'));
  const [sub, next] = words;
  switch (c.name) {
    case 'go':
      return sub === 'build' || sub === 'install' || sub === 'get';
    case 'go-wrapper':
      return sub === 'install';
    case 'cargo':
    case 'cabal':
    case 'stack':
    case 'swift':
      return sub === 'build' || sub === 'install';
    case 'dotnet':
      return sub === 'build' || sub === 'publish';
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew':
      return words.some((w) => JVM_GOALS.test(w));
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun': {
      const script = sub === 'run' || sub === 'run-script' ? next : sub;
      return /build|compile/i.test(script ?? '');
    }
    case 'npx':
      return COMPILERS.has(sub ?? '');
    case 'python':
    case 'python3':
      return /setup\.py$/.test(sub ?? '') && /^(build|build_ext|bdist_wheel|install)$/.test(next ?? '');
    default:
      return COMPILERS.has(c.name);
  }
}
