import { flagValue, type InferInput, type InferResult } from './input';
import { listProjectDir, readProjectFile, resolvePath } from './paths';
import { productionInstall } from './nodeInstall';

/** Node: the build output directory, and a production-only install in the runtime stage. */

/** Where each build tool writes: a flag that sets it, else a default, else `tsconfig` (read outDir). */
const NODE_OUTPUTS: { tool: string; flags: string[]; out?: string; config?: RegExp; extras?: string[] }[] = [
  { tool: 'tsc', flags: ['--outDir', '-outDir', '--outdir'], out: 'tsconfig' },
  { tool: 'vite', flags: ['--outDir'], out: 'dist', config: /outDir/ },
  { tool: 'webpack', flags: ['--output-path', '-o'], out: 'dist', config: /\bpath\s*:/ },
  { tool: 'react-scripts', flags: [], out: 'build' },
  { tool: 'ng', flags: ['--output-path'], out: 'dist' },
  { tool: 'next', flags: [], out: '.next', extras: ['public', 'next.config.js', 'next.config.mjs', 'next.config.ts'] },
  { tool: 'nest', flags: [], out: 'dist' },
  { tool: 'parcel', flags: ['--dist-dir', '-d'], out: 'dist' },
  { tool: 'vue-cli-service', flags: ['--dest'], out: 'dist' },
  { tool: 'gatsby', flags: [], out: 'public' },
  { tool: 'nuxt', flags: [], out: '.output' },
  { tool: 'astro', flags: ['--outDir'], out: 'dist' },
  { tool: 'tsup', flags: ['--out-dir', '-d'], out: 'dist' },
  { tool: 'babel', flags: ['--out-dir', '-d'] },
  { tool: 'esbuild', flags: ['--outdir'] },
  { tool: 'rollup', flags: ['--dir', '-d'] },
];

const JS_RUNNERS = ['npm', 'yarn', 'pnpm', 'bun'];

function parseJson(text: string | undefined): any {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // tsconfig allows comments and trailing commas
    try {
      return JSON.parse(text.replace(/\/\*[\s\S]*?\*\/|("(?:[^"\\]|\\.)*")|\/\/[^\n]*/g, (m, s) => s ?? '').replace(/,(\s*[}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/** The tool a build runs and its words: from the command itself, or from the package.json script it names. */
function buildTool(words: (string | undefined)[], name: string, pkg: any, depth = 0): { tool: string; words: string[] } | { reason: string } {
  if (!JS_RUNNERS.includes(name)) return { tool: name, words: words.filter((w): w is string => w !== undefined) };
  const pos = words.filter((w) => w === undefined || !w.startsWith('-'));
  const script = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : pos[0];
  if (!pkg) return { reason: 'package.json is not in the build context, so the build output is unknown' };
  const body: unknown = script ? pkg.scripts?.[script] : undefined;
  if (typeof body !== 'string') return { reason: `package.json has no "${script}" script` };
  for (const part of body.split(/&&|;|\|\|/)) {
    const w = part.trim().split(/\s+/).filter((x) => !/^\w+=/.test(x));
    const [head, ...rest] = w[0] === 'npx' || w[0] === 'cross-env' ? w.slice(1) : w;
    if (JS_RUNNERS.includes(head) && depth < 3) {
      const inner = buildTool(rest, head, pkg, depth + 1);
      if (!('reason' in inner)) return inner;
    }
    if (NODE_OUTPUTS.some((o) => o.tool === head)) return { tool: head, words: rest };
  }
  return { reason: `the "${script}" script's output directory is unknown` };
}

export function inferNode(input: InferInput): InferResult {
  const step = input.steps[input.steps.length - 1];
  const cwd = step.cwd;
  if (cwd === undefined) return { reason: 'the directory of the Node build is not static' };
  const pkg = parseJson(readProjectFile(input.chain, resolvePath(cwd, 'package.json'), input.context)?.text);
  const tool = buildTool(step.words, step.name, pkg);
  if ('reason' in tool) {
    const fromStart = pkg ? outputFromStart(input, pkg, cwd) : undefined;
    return fromStart ? finish(input, pkg, cwd, fromStart, '', []) : tool;
  }
  const row = NODE_OUTPUTS.find((o) => o.tool === tool.tool)!;
  let out = flagValue(tool.words, row.flags) ?? undefined;
  if (out === null) return { reason: `the output of ${tool.tool} is not static` };
  if (!out && row.out === 'tsconfig') {
    const p = flagValue(tool.words, ['-p', '--project']) ?? 'tsconfig.json';
    const ts = parseJson(readProjectFile(input.chain, resolvePath(cwd, p!.endsWith('.json') ? p! : p + '/tsconfig.json'), input.context)?.text);
    out = ts?.compilerOptions?.outDir;
    if (!out) return { reason: ts ? 'tsconfig.json sets no outDir' : 'tsconfig.json is not in the build context, so the output directory is unknown' };
  }
  if (!out && row.config) {
    const names = listProjectDir(input.chain, cwd, input.context)?.names ?? [];
    const config = names.find((n) => n.startsWith(tool.tool + '.config.'));
    if (config && row.config.test(readProjectFile(input.chain, resolvePath(cwd, config), input.context)?.text ?? '')) return { reason: `${config} sets the output directory` };
  }
  out ??= row.out;
  if (!out || out === 'tsconfig') return { reason: `the output of ${tool.tool} is unknown` };
  return finish(input, pkg, cwd, resolvePath(cwd, out), tool.tool, row.extras ?? []);
}

/** The build output is unknown: the directory the container starts from (`node dist/server.js` → dist) stands in. */
function outputFromStart(input: InferInput, pkg: any, cwd: string): string | undefined {
  let words = input.startWords;
  let dir = input.workdir ?? cwd;
  if (JS_RUNNERS.includes(words[0]) && (words[1] === 'start' || (words[1] === 'run' && words[2] === 'start')) && typeof pkg?.scripts?.start === 'string') {
    words = pkg.scripts.start.trim().split(/\s+/);
    dir = cwd;
  }
  if (words[0] !== 'node') return undefined;
  const file = words.slice(1).find((w) => !w.startsWith('-'));
  if (!file || file.includes('$')) return undefined;
  const full = resolvePath(dir, file);
  if (!full.startsWith(cwd === '/' ? '/' : cwd + '/')) return undefined;
  const top = full.slice(cwd.length).split('/').filter(Boolean);
  return top.length > 1 && !['src', 'node_modules', 'lib', 'app'].includes(top[0]) ? resolvePath(cwd, top[0]) : undefined;
}

function finish(input: InferInput, pkg: any, cwd: string, outDir: string, tool: string, extras: string[]): InferResult {
  const names = listProjectDir(input.chain, cwd, input.context)?.names ?? [];
  const artifacts = [outDir, ...extras.filter((e) => names.includes(e)).map((e) => resolvePath(cwd, e))];
  const start = checkStart(input, pkg, cwd, outDir, tool);
  if (start) return { reason: start };
  const setup = productionInstall(input, cwd, names);
  if ('reason' in setup) return setup;
  return { artifacts, setup: setup.lines };
}

/** Undefined when what the container starts lives in the build output; else why not. */
function checkStart(input: InferInput, pkg: any, cwd: string, outDir: string, tool: string): string | undefined {
  let words = input.startWords;
  let dir = input.workdir ?? cwd;
  if (!words.length) return undefined;
  const pos = words.filter((w) => !w.startsWith('-'));
  if (JS_RUNNERS.includes(pos[0]) && (pos[1] === 'start' || (pos[1] === 'run' && pos[2] === 'start'))) {
    const body = pkg?.scripts?.start;
    if (typeof body !== 'string') return 'the start script is unknown';
    words = body.trim().split(/\s+/);
    dir = cwd;
  }
  const head = words[0]?.split('/').pop();
  if (head === 'node' || head === 'nodejs') {
    const file = words.slice(1).find((w) => !w.startsWith('-'));
    if (!file) return undefined;
    const full = resolvePath(dir, file);
    return full === outDir || full.startsWith(outDir + '/') ? undefined : `the container starts ${file}, which is not in the build output ${outDir}`;
  }
  if (head === tool || words.includes(outDir.split('/').pop()!)) return undefined;
  return `the container starts \`${words.slice(0, 3).join(' ')}\`, which may need more than the build output`;
}
