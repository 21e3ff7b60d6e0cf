import { isCopy, isRun, type InstructionInfo } from '../../core/model';
import { buildOnlyPackages, headerOnlyPackages, type Ecosystem, type UserPlan } from '../../knowledge/images';
import { afterLastStep, installedPackages, installsFromSource } from './detect';
import type { InferInput, Inferred } from './input';
import { resolvePath, workdirAt } from './paths';
import type { SplitPlan } from './split';

/** Which instructions go to the runtime stage, and checks that the runtime stage can start what the build made. */

/** Instructions that only describe the running container: they always move. */
const RUNTIME_ONLY = new Set(['EXPOSE', 'LABEL', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'VOLUME']);

/** ENV names that only steer the build; an ENV setting only these is not repeated in the runtime stage. */
const BUILD_ENV = /^(CGO_\w+|GO\w*|CARGO_\w+|RUST\w*|DOTNET_CLI_\w+|DOTNET_SKIP_\w+|DOTNET_NOLOGO|NUGET_\w+|MAVEN_\w+|MAVEN_OPTS|GRADLE_\w+|NPM_CONFIG_\w+|npm_config_\w+|YARN_\w+|PIP_\w+|POETRY_\w+|PIPENV_\w+|UV_\w+|DEBIAN_FRONTEND|JAVA_HOME|JDK_\w+|PYTHONDONTWRITEBYTECODE)$/;

const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const TOOLCHAIN_COMMANDS = new Set(['go', 'cargo', 'rustc', 'mvn', 'mvnw', './mvnw', 'gradle', 'gradlew', './gradlew', 'javac', 'tsc', 'npx']);
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

/** Shell-form CMD/ENTRYPOINT/HEALTHCHECK rewritten as exec form, for images without /bin/sh; undefined when not plain. */
function toExecForm(input: InferInput, ins: InstructionInfo): string[] | undefined {
  const { model } = input;
  if (ins.range.start.line !== ins.range.end.line) return undefined;
  const line = model.index.lineText(ins.range.start.line);
  const lineStart = model.index.lineStarts[ins.range.start.line];
  const args = ins.args;
  let words = args.map((a) => a.value);
  let prefix = line.slice(0, ins.start - lineStart + ins.keyword.length);
  if (ins.keyword === 'HEALTHCHECK') {
    const cmdAt = words.findIndex((w) => w.toUpperCase() === 'CMD');
    if (cmdAt < 0) return [line];
    prefix = line.slice(0, args[cmdAt].end - lineStart);
    words = words.slice(cmdAt + 1);
    if (words[0]?.startsWith('[')) return [line];
  }
  if (!words.every((w) => PLAIN_WORD.test(w))) return undefined;
  return [`${prefix} [${words.map((w) => JSON.stringify(w)).join(', ')}]`];
}

export function planMoves(input: InferInput, ecosystem: Ecosystem, runtime: { image: string; user: UserPlan }, inferred: Inferred): SplitPlan | { reason: string } {
  const { stage, chain } = input;
  const body = stage.instructions.slice(1);
  const after = new Set(afterLastStep(stage, input.steps));
  const lastRun = [...body].reverse().find(isRun);
  const tail = new Set(lastRun ? body.slice(body.indexOf(lastRun) + 1) : body);
  const moved = body.filter(
    (ins) => RUNTIME_ONLY.has(ins.keyword) || (after.has(ins) && tail.has(ins) && (ins.keyword === 'ENV' || ins.keyword === 'WORKDIR' || (isCopy(ins) && !ins.from))),
  );
  const argNames = new Set([...input.model.globalArgs, ...chain.flatMap((s) => s.args)].map((a) => a.name));
  const repeated = chain
    .flatMap((s) => s.instructions)
    .filter((ins) => ins.keyword === 'ENV' && !moved.includes(ins))
    .filter((ins) => {
      const defs = chain.flatMap((s) => s.envs).filter((v) => v.instr === ins);
      if (defs.every((d) => BUILD_ENV.test(d.name))) return false;
      return !defs.some((d) => [...(d.value ?? '').matchAll(/\$\{?(\w+)/g)].some((m) => argNames.has(m[1])));
    });
  const packages = installedPackages(chain);
  // C/C++: native.ts chose the runtime packages from the same distribution
  const native = ecosystem === 'c';
  // native code links against the libraries of -dev packages; the runtime image lacks them
  const links = ecosystem === 'python' || ecosystem === 'rust' || (ecosystem === 'go' && !runtime.image.includes('static'));
  const devLib = links && !native ? packages.find((p) => /-dev(el)?$/.test(p) && !headerOnlyPackages.test(p)) : undefined;
  if (devLib) return { reason: `the build installs ${devLib}, whose runtime library ${runtime.image} lacks` };
  if (ecosystem !== 'python' && !native && installsFromSource(chain)) return { reason: 'the build installs software with `make install`, which the app may need at run time' };
  const runtimePackage = native ? undefined : packages.find((p) => !buildOnlyPackages.test(p));
  if (runtimePackage) return { reason: `the build installs ${runtimePackage}, which the app may need at run time` };
  // Dockerfile variables in moved lines must still be defined in the runtime stage
  const known = new Set(chain.flatMap((s) => s.envs).filter((d) => moved.includes(d.instr) || repeated.includes(d.instr)).map((d) => d.name));
  for (const ins of moved) {
    if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(ins.keyword)) continue;
    const text = input.model.text.slice(ins.start, ins.end);
    const missing = [...text.matchAll(/\$\{?(\w+)/g)].map((m) => m[1]).find((v) => !known.has(v) && (argNames.has(v) || chain.some((s) => s.envs.some((d) => d.name === v))));
    if (missing) return { reason: `${ins.keyword} uses $${missing}, which the runtime stage would not define` };
  }
  let artifacts = inferred.artifacts.map((p) => ({ from: p, to: p }));
  if (ecosystem === 'python' && input.workdir) {
    // the app directory is copied only when something left in the build stage puts files there
    const app = input.workdir;
    const inside = (p: string | undefined) => p !== undefined && (p === app || p.startsWith(app + '/'));
    const filled = chain.flatMap((s) => s.instructions).some((ins) => {
      if (moved.includes(ins)) return false;
      const wd = workdirAt(chain, ins);
      if (isCopy(ins) && ins.dest && wd !== undefined) return inside(resolvePath(wd, ins.dest.value));
      return isRun(ins) && inside(wd);
    });
    if (!filled) artifacts = artifacts.filter((a) => a.from !== app);
  }
  const distroless = runtime.image.startsWith('gcr.io/distroless/');
  const rewritten = new Map<InstructionInfo, string[]>();
  if (distroless) {
    for (const ins of moved) {
      if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(ins.keyword) || ins.execForm) continue;
      const exec = toExecForm(input, ins);
      if (!exec) return { reason: `${ins.keyword} needs a shell, which ${runtime.image} does not have` };
      if (exec[0] !== input.model.index.lineText(ins.range.start.line)) rewritten.set(ins, exec);
    }
  }
  if (ecosystem === 'go' || ecosystem === 'rust' || native) {
    const exe = input.startWords[0];
    if (exe !== undefined) {
      if (TOOLCHAIN_COMMANDS.has(exe)) return { reason: `the container runs \`${exe}\`, so it needs the toolchain` };
      if (exe.includes('/')) {
        const full = resolvePath(input.workdir ?? '/', exe);
        if (!artifacts.some((a) => full === a.to || full.startsWith(a.to + '/'))) return { reason: `the container starts ${exe}, which the build does not write` };
      } else {
        const match = artifacts.find((a) => a.to.split('/').pop() === exe);
        if (!match) return { reason: `the container starts ${exe}, which the build does not write` };
        if (!DEFAULT_PATH.includes(match.to.slice(0, match.to.lastIndexOf('/')))) match.to = `/usr/local/bin/${exe}`;
      }
    }
  }
  return {
    image: runtime.image,
    user: runtime.user,
    artifacts,
    setup: inferred.setup ?? [],
    install: inferred.install,
    workdir: input.workdir,
    moved,
    repeated,
    rewritten,
  };
}
