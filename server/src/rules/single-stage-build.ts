import { defineRule } from '../core/rule';
import { stageChain, type InstructionInfo, type Stage } from '../core/model';
import { findToolchainImage, type Ecosystem } from '../knowledge/images';
import { findBuildSteps } from './single-stage-build/detect';
import { dotnetIsWeb, inferDotnet, inferGo, inferJava, inferRust } from './single-stage-build/compiled';
import { failed, type InferInput, type InferResult } from './single-stage-build/input';
import { inferNode } from './single-stage-build/node';
import { inferPython } from './single-stage-build/python';
import { workdirAt } from './single-stage-build/paths';
import { buildFacts, runtimeFor } from './single-stage-build/runtime';
import { buildStageName, writeSplit } from './single-stage-build/split';
import { planMoves } from './single-stage-build/moves';
import { inferC, installLines, installsCompiler, linksStatically, runtimePackages } from './single-stage-build/native';

const INFER: Record<Ecosystem, (input: InferInput) => InferResult> = {
  go: inferGo,
  rust: inferRust,
  dotnet: inferDotnet,
  java: inferJava,
  node: inferNode,
  python: inferPython,
  c: inferC,
};

const LABEL: Record<Ecosystem, string> = { go: 'Go', rust: 'Rust', dotnet: '.NET SDK', java: 'JDK', node: 'Node', python: 'Python', c: 'C/C++' };

/** ENV values and ARG defaults of the chain, last one wins. */
function chainEnv(chain: Stage[]): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const s of chain) for (const v of [...s.args, ...s.envs].sort((a, b) => a.instr.index - b.instr.index)) env[v.name] = v.value;
  return env;
}

/** Words of the effective ENTRYPOINT then CMD (CMD dropped when a later ENTRYPOINT resets it). */
function startWords(chain: Stage[]): string[] {
  let entry: InstructionInfo | undefined;
  let cmd: InstructionInfo | undefined;
  for (const ins of chain.flatMap((s) => s.instructions)) {
    if (ins.keyword === 'ENTRYPOINT') {
      entry = ins;
      cmd = undefined;
    } else if (ins.keyword === 'CMD') cmd = ins;
  }
  return [...(entry?.args ?? []), ...(cmd?.args ?? [])].map((w) => w.value);
}

export const rule = defineRule({
  meta: {
    id: 'single-stage-build',
    summary: 'The final stage compiles in a toolchain image and ships the toolchain',
    severity: 'warning',
    fix: 'sometimes',
    refactor: 'splitStages',
    fixAlone: true,
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.stages[model.stages.length - 1];
    if (!stage) return;
    const chain = stageChain(stage);
    const root = chain[0];
    if (!root.image || root.image.hasVariables) return;
    const trusted = ctx.settings.trustedRuntimeBases ?? [];
    if (trusted.some((t) => t.toLowerCase() === root.image!.repository || t.toLowerCase() === `${root.image!.repository}:${root.image!.tag ?? 'latest'}`.toLowerCase())) return;
    const row = findToolchainImage(root.image);
    if (!row) return;
    if (row.needsCompiler && !installsCompiler({ chain })) return;
    const steps = findBuildSteps(chain, row.ecosystem);
    if (!steps.length) return;
    const range = stage.imageRange ?? stage.from.range;
    const last = steps[steps.length - 1];
    const run = `\`${[last.name, last.verb].filter(Boolean).join(' ')}\``;
    const what = row.needsCompiler
      ? `The final stage installs a C/C++ toolchain on ${root.imageText} and runs ${run}, so the toolchain ships in the image`
      : `The final stage runs ${run} in the ${LABEL[row.ecosystem]} image ${root.imageText}, so the toolchain ships in the image`;
    const input: InferInput = { model, chain, stage, steps, context: ctx.context, workdir: workdirAt(chain), env: chainEnv(chain), startWords: startWords(chain) };
    const result = plan(input, row.ecosystem, row, root);
    if ('reason' in result) {
      ctx.report({ range, message: `${what}. No automatic split: ${result.reason}.` });
      return;
    }
    const name = stage.name ?? buildStageName(model);
    ctx.report({
      range,
      message: `${what}. Build in a stage and ship only the artifact from ${result.image}.`,
      fixes: [{ title: 'Split into build and runtime stages', safety: 'unsafe', edits: writeSplit(model, stage, name, result) }],
    });
  },
});

function plan(input: InferInput, ecosystem: Ecosystem, row: NonNullable<ReturnType<typeof findToolchainImage>>, root: Stage) {
  const inferred = INFER[ecosystem](input);
  if (failed(inferred)) return inferred;
  const facts = buildFacts(root.image!, {
    cgoDisabled: input.steps.every((s) => (s.env.CGO_ENABLED ?? input.env.CGO_ENABLED) === '0'),
    web: ecosystem === 'dotnet' && dotnetIsWeb(input),
    static: ecosystem === 'c' && linksStatically(input),
  });
  const runtime = runtimeFor(row, root.image!, facts);
  if ('reason' in runtime) return runtime;
  if (ecosystem === 'c') {
    const libs = runtimePackages(input, root.image!, facts.static);
    if ('reason' in libs) return libs;
    if (!facts.static) inferred.install = installLines(libs.distro, libs.packages);
  }
  return planMoves(input, ecosystem, runtime, inferred);
}
