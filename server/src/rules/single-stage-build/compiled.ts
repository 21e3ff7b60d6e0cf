import { flagValue, positionalWords, type InferInput, type InferResult } from './input';
import { listProjectDir, readProjectFile, resolvePath } from './paths';
import { javaJarFromStart, inferGradle, inferMaven } from './java';

/** Artifacts of compiled languages: Go, Rust, .NET (Java in java.ts). */

const GO_VALUED = ['-o', '-ldflags', '-gcflags', '-asmflags', '-tags', '-mod', '-modfile', '-p', '-pkgdir', '-toolexec', '-overlay', '-pgo', '-C', '-installsuffix', '-buildmode', '-compiler', '-gccgoflags', '-covermode', '-coverpkg', '-race'].flatMap((f) => (f === '-race' ? [] : [f, '-' + f]));

/** The binary name Go gives a package: last import path element, skipping a `/vN` major suffix. */
function goName(importPath: string): string {
  const parts = importPath.replace(/@.*$/, '').split('/').filter((p) => p && p !== '.');
  let name = parts.pop() ?? '';
  if (/^v\d+$/.test(name) && parts.length) name = parts.pop()!;
  return name;
}

function goModule(input: InferInput, dir: string): string | undefined {
  const mod = readProjectFile(input.chain, resolvePath(dir, 'go.mod'), input.context);
  return mod ? /^\s*module\s+"?([^\s"]+)"?/m.exec(mod.text)?.[1] : undefined;
}

export function inferGo(input: InferInput): InferResult {
  const out: string[] = [];
  for (const step of input.steps) {
    const [sub, ...rest] = step.words;
    const chdir = flagValue(rest, ['-C', '--C']);
    if (chdir === null || step.cwd === undefined) return { reason: `the directory of \`go ${sub}\` is not static` };
    const cwd = chdir ? resolvePath(step.cwd, chdir) : step.cwd;
    const pkgs = positionalWords(rest, GO_VALUED);
    if (pkgs.some((p) => p === undefined)) return { reason: `\`go ${sub}\` names its package with a variable` };
    const named = pkgs as string[];
    if (named.some((p) => p.includes('...')) || (named.length > 1 && !named.every((p) => p.endsWith('.go')))) {
      // several packages: `go build` only checks they compile unless -o names a directory
      if (sub === 'build' && !flagValue(rest, ['-o', '--o'])) continue;
      if (sub === 'install') return { reason: '`go install` builds several packages' };
    }
    let name: string | undefined;
    const pkg = named[0];
    const gopathSrc = (step.env.GOPATH ?? input.env.GOPATH ?? '/go').split(':')[0] + '/src/';
    if (!pkg || pkg === '.') {
      const mod = goModule(input, cwd);
      // without go.mod, GOPATH mode names the binary after the directory under $GOPATH/src
      name = mod ? goName(mod) : cwd.startsWith(gopathSrc) ? goName(cwd) : undefined;
    }
    else if (pkg.endsWith('.go')) name = pkg.split('/').pop()!.replace(/\.go$/, '');
    else if (pkg.startsWith('.')) name = goName(resolvePath(cwd, pkg));
    else name = goName(pkg);
    if (sub === 'build') {
      const o = flagValue(rest, ['-o', '--o']);
      if (o === null) return { reason: '`go build -o` names its output with a variable' };
      if (o !== undefined) {
        out.push(o.endsWith('/') && name ? resolvePath(cwd, o + name) : resolvePath(cwd, o));
        continue;
      }
      if (!name) return { reason: `the name of the binary \`go build\` writes is unknown (no \`-o\` and no readable go.mod)` };
      out.push(resolvePath(cwd, name));
    } else {
      const bin = step.env.GOBIN ?? input.env.GOBIN ?? (step.env.GOPATH ?? input.env.GOPATH ?? '/go').split(':')[0] + '/bin';
      if (!name || bin.includes('$')) return { reason: 'the binary `go install` writes is unknown (no readable go.mod)' };
      out.push(resolvePath('/', bin + '/' + name));
    }
  }
  return out.length ? { artifacts: [...new Set(out)] } : { reason: 'the Go build writes no binary (only `go build ./...`)' };
}

/** `[package] name`, `[[bin]] name`s and whether it is a workspace, from Cargo.toml. */
export function parseCargo(text: string): { name?: string; bins: string[]; workspace: boolean } {
  let section = '';
  let name: string | undefined;
  const bins: string[] = [];
  let workspace = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\[?\s*([\w.-]+)\s*\]\]?$/.exec(line);
    if (header) {
      section = line.startsWith('[[') ? '[[' + header[1] : header[1];
      if (section === 'workspace') workspace = true;
      continue;
    }
    const kv = /^name\s*=\s*["']([^"']+)["']/.exec(line);
    if (!kv) continue;
    if (section === 'package') name = kv[1];
    if (section === '[[bin') bins.push(kv[1]);
  }
  return { name, bins, workspace };
}

const CARGO_VALUED = ['--bin', '--target', '--manifest-path', '--target-dir', '--profile', '-p', '--package', '--features', '-F', '-j', '--jobs', '--root', '--path', '--example', '--color', '--config', '-Z', '--message-format', '--version', '--git', '--branch', '--tag', '--rev'];

export function inferRust(input: InferInput): InferResult {
  const out: string[] = [];
  for (const step of input.steps) {
    const [sub, ...rest] = step.words;
    if (step.cwd === undefined) return { reason: 'the directory of the cargo build is not static' };
    if (step.name === 'rustc') return { reason: '`rustc` is called directly' };
    const manifestFlag = flagValue(rest, ['--manifest-path']);
    const pathFlag = sub === 'install' ? flagValue(rest, ['--path']) : undefined;
    if (manifestFlag === null || pathFlag === null) return { reason: 'the cargo manifest path is not static' };
    const dir = manifestFlag ? resolvePath(step.cwd, manifestFlag.replace(/\/?Cargo\.toml$/, '') || '.') : pathFlag ? resolvePath(step.cwd, pathFlag) : step.cwd;
    const cargo = readProjectFile(input.chain, resolvePath(dir, 'Cargo.toml'), input.context);
    const parsed = cargo ? parseCargo(cargo.text) : undefined;
    const binFlag = flagValue(rest, ['--bin']);
    const pkgFlag = flagValue(rest, ['-p', '--package']);
    if (binFlag === null || pkgFlag === null) return { reason: 'the cargo binary is named with a variable' };
    const name = binFlag ?? (parsed && parsed.bins.length === 1 ? parsed.bins[0] : parsed && !parsed.bins.length ? parsed.name ?? pkgFlag : pkgFlag);
    if (!name) return { reason: cargo ? 'Cargo.toml does not name a single binary (use `--bin`)' : 'Cargo.toml is not in the build context, so the binary name is unknown' };
    if (sub === 'install') {
      const root = flagValue(rest, ['--root']) ?? step.env.CARGO_INSTALL_ROOT ?? input.env.CARGO_INSTALL_ROOT ?? input.env.CARGO_HOME ?? '/usr/local/cargo';
      if (!root || root.includes('$')) return { reason: 'the cargo install root is not static' };
      out.push(resolvePath(dir, root + '/bin/' + name));
      continue;
    }
    const targetDir = flagValue(rest, ['--target-dir']) ?? step.env.CARGO_TARGET_DIR ?? input.env.CARGO_TARGET_DIR ?? 'target';
    const target = flagValue(rest, ['--target']);
    const profileFlag = flagValue(rest, ['--profile']);
    if (targetDir === null || target === null || profileFlag === null || targetDir.includes('$')) return { reason: 'the cargo target directory is not static' };
    const profile = rest.includes('--release') || rest.includes('-r') ? 'release' : profileFlag && profileFlag !== 'dev' ? profileFlag : 'debug';
    out.push(resolvePath(dir, `${targetDir}/${target ? target + '/' : ''}${profile}/${name}`));
  }
  return { artifacts: [...new Set(out)] };
}

/** Whether a .NET build is a web app: Sdk.Web project, ASPNETCORE_* settings, or an EXPOSE. */
export function dotnetIsWeb(input: InferInput): boolean {
  if (Object.keys(input.env).some((k) => k.startsWith('ASPNETCORE_'))) return true;
  if (input.stage.instructions.some((i) => i.keyword === 'EXPOSE')) return true;
  for (const step of input.steps) {
    if (step.cwd === undefined) continue;
    const proj = step.words.slice(1).find((w) => w && /\.(cs|fs|vb)proj$/.test(w));
    const files = proj ? [resolvePath(step.cwd, proj)] : (listProjectDir(input.chain, step.cwd, input.context)?.names ?? []).filter((n) => /\.(cs|fs|vb)proj$/.test(n)).map((n) => resolvePath(step.cwd!, n));
    for (const f of files) if (/Sdk\s*=\s*"Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly)"/.test(readProjectFile(input.chain, f, input.context)?.text ?? '')) return true;
  }
  return false;
}

export function inferDotnet(input: InferInput): InferResult {
  const out: string[] = [];
  const publishes = input.steps.filter((s) => s.words[0] === 'publish');
  for (const step of publishes.length ? publishes : input.steps) {
    const o = flagValue(step.words.slice(1), ['-o', '--output']);
    if (o === null || step.cwd === undefined) return { reason: 'the `dotnet publish` output directory is not static' };
    if (o === undefined) return { reason: `\`dotnet ${step.words[0]}\` has no \`-o\` output directory` };
    out.push(resolvePath(step.cwd, o));
  }
  return { artifacts: [...new Set(out)] };
}

export function inferJava(input: InferInput): InferResult {
  const maven = input.steps.filter((s) => s.name === 'mvn' || s.name === 'mvnw');
  const gradle = input.steps.filter((s) => s.name === 'gradle' || s.name === 'gradlew');
  // what the container starts wins: builds often rename the jar (`mv target/*.jar app.jar`)
  const jar = javaJarFromStart(input);
  if (jar) return { artifacts: [jar] };
  const fromBuild = maven.length ? inferMaven(input, maven[maven.length - 1]) : gradle.length ? inferGradle(input, gradle[gradle.length - 1]) : { reason: 'the Java build is not Maven or Gradle' };
  return fromBuild;
}
