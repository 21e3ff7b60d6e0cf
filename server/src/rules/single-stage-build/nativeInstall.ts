import type { BuildStep } from './detect';
import { flagValue, type InferInput } from './input';
import { readProjectFile, resolvePath } from './paths';

/**
 * What a C/C++ project's `make install` / `cmake --install` puts in place, read from the Makefile or CMakeLists.txt
 * in the build context. Only installs of executables are accepted: libraries, data or config files would be left
 * behind by a split that copies one executable.
 */

/** Install destinations that hold something besides executables. */
const NON_BINARY = /\b(lib(exec)?|share|include|etc|man\d?|doc|data(root)?dir|sysconfdir|(lib|include|man|doc|data)dir)\b|\/lib\b|\/share\b|\/etc\b/i;

/** The recipe lines of a Makefile rule (tab-indented lines after `name:`). */
function recipe(makefile: string, target: string): string[] | undefined {
  const lines = makefile.split(/\r?\n|\r/);
  const at = lines.findIndex((l) => new RegExp(`^${target}\\s*:(?!=)`).test(l));
  if (at < 0) return undefined;
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('\t')) break;
    out.push(l.trim());
  }
  return out;
}

function fromMakefile(text: string): { names: string[] } | { reason: string } {
  const lines = recipe(text, 'install');
  if (!lines) return { reason: 'the Makefile has no `install` rule the rule can read' };
  if (lines.some((l) => NON_BINARY.test(l))) return { reason: '`make install` also installs libraries, data or configuration' };
  if (lines.some((l) => /\$\(MAKE\)|\bmake\b/.test(l))) return { reason: '`make install` runs further makes' };
  const names = lines.flatMap((l) => l.split(/\s+/)).map((w) => w.replace(/^.*\//, '')).filter((w) => /^[\w.+-]+$/.test(w));
  return { names };
}

function fromCmake(text: string): { names: string[] } | { reason: string } {
  const src = text.replace(/#.*$/gm, '');
  const calls = [...src.matchAll(/\binstall\s*\(([^)]*)\)/gi)].map((m) => m[1].trim());
  if (!calls.length) return { reason: 'CMakeLists.txt installs nothing the rule can read' };
  const executables = new Set([...src.matchAll(/\badd_executable\s*\(\s*([\w.+-]+)/gi)].map((m) => m[1]));
  const names: string[] = [];
  for (const call of calls) {
    const words = call.split(/\s+/);
    if (words[0].toUpperCase() !== 'TARGETS') return { reason: `CMakeLists.txt installs ${words[0].toLowerCase()} besides executables` };
    for (const w of words.slice(1)) {
      if (/^[A-Z_]+$/.test(w)) break;
      if (!executables.has(w)) return { reason: `CMakeLists.txt installs ${w}, which is not an executable` };
      names.push(w);
    }
  }
  return { names };
}

/** The executables the project installs, from the build files beside the steps that run the install. */
export function installedFiles(input: InferInput, steps: BuildStep[]): { names: string[] } | { reason: string } {
  const names: string[] = [];
  for (const step of steps) {
    const w = step.words;
    if (step.cwd === undefined) return { reason: `the directory of \`${step.name}\` is not static` };
    if ((step.name === 'make' || step.name === 'gmake') && w.includes('install')) {
      const dir = flagValue(w, ['-C', '--directory']);
      const file = flagValue(w, ['-f', '--file', '--makefile']);
      if (dir === null || file === null) return { reason: 'the Makefile of `make install` is named with a variable' };
      const base = dir ? resolvePath(step.cwd, dir) : step.cwd;
      const found = (file ? [file] : ['GNUmakefile', 'makefile', 'Makefile']).map((f) => readProjectFile(input.chain, resolvePath(base, f), input.context)).find((f) => f);
      if (!found) return { reason: 'the Makefile of `make install` is not in the build context (generated, or the context is unknown), so what it installs is unknown' };
      const r = fromMakefile(found.text);
      if ('reason' in r) return r;
      names.push(...r.names);
    } else if ((step.name === 'cmake' && w.includes('--install')) || ((step.name === 'ninja' || step.name === 'meson') && w.includes('install'))) {
      if (step.name !== 'cmake') return { reason: `what \`${step.name} install\` installs is not read by the rule` };
      const cmake = readProjectFile(input.chain, resolvePath(step.cwd, 'CMakeLists.txt'), input.context);
      if (!cmake) return { reason: 'CMakeLists.txt is not in the build context beside `cmake --install`' };
      const r = fromCmake(cmake.text);
      if ('reason' in r) return r;
      names.push(...r.names);
    }
  }
  return { names };
}
