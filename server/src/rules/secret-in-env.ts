import { defineRule, type RuleContext } from '../core/rule';
import { isRun, stageChain, type InstructionInfo, type RunInfo, type Stage, type VarDef } from '../core/model';
import { ensureSyntaxDirective } from '../core/edits';
import { reportsOf } from '../core/ruleReports';
import { removeVarDef, secretBuildFlag, secretId, secretMountEdits } from '../core/secretMount';
import type { TextEdit } from '../core/types';
import { isCredentialName, isNonSecretDefault, nameWords } from '../knowledge/secrets';
import { isPlaceholder, tokenKind } from '../knowledge/tokenFormats';
import { rule as secretInBuildArg } from './secret-in-build-arg';
import { readsImplicitly } from './secret-in-env/readers';
import { referencesVariable } from '../core/vars';

const RUNTIME = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
/** Settings about a credential, not the credential (`LDAP_PASSWORD_ENCODING`, `AUTH_SCHEME`), on top of secrets.ts. */
const SETTING_WORDS = new Set(['encoding', 'protocol', 'scheme', 'strategy', 'backend', 'level', 'mechanism', 'min', 'max', 'complexity', 'hash', 'hashing', 'rounds', 'length', 'prompt', 'hint']);
const isEnvCredentialName = (name: string) => isCredentialName(name) && !nameWords(name).some((w) => SETTING_WORDS.has(w));

export const rule = defineRule({
  meta: {
    id: 'secret-in-env',
    summary: 'A credential is set with ENV (stored in the image config) instead of a secret mount',
    severity: 'warning',
    fix: 'sometimes',
    related: { buildkit: ['SecretsUsedInArgOrEnv'], trivy: ['DS-0031'] },
    refactor: 'secrets',
  },
  check(ctx) {
    const argNames = reportedArgNames(ctx);
    for (const stage of ctx.model.stages) {
      for (const def of stage.envs) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(def.name)) continue;
        const found = credentialEnv(def, stage, argNames);
        if (found) checkEnv(ctx, stage, def, found);
      }
    }
  },
});

export const usesVar = referencesVariable;

/** Names of the ARGs secret-in-build-arg reports, per stage (an ENV fed from one is its business). */
function reportedArgNames(ctx: RuleContext): Map<Stage, Set<string>> {
  const out = new Map<Stage, Set<string>>();
  const reports = reportsOf(secretInBuildArg, ctx);
  for (const stage of ctx.model.stages) {
    for (const a of stage.args) {
      if (!reports.some((r) => r.range.start.line === a.nameRange.start.line && r.range.start.character === a.nameRange.start.character)) continue;
      for (const s of ctx.model.stages.filter((c) => stageChain(c).includes(stage))) {
        if (!out.has(s)) out.set(s, new Set());
        out.get(s)!.add(a.name);
      }
    }
  }
  return out;
}

export interface CredentialEnv {
  /** The token kind its value shows, if any. */
  kind?: string;
  /** Whether the value is written in the file (not only `$ARG` references). */
  literal: boolean;
}

/** Whether an ENV definition carries a credential this rule reports (exported for hardcoded-secret's tests). */
export function credentialEnv(def: VarDef, stage: Stage, argNames: Map<Stage, Set<string>>): CredentialEnv | undefined {
  const value = def.value ?? '';
  const kind = tokenKind(value);
  const literal = value.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '').replace(/["'\s]/g, '') !== '';
  if (!kind) {
    if (!isEnvCredentialName(def.name) || !value.trim() || isNonSecretDefault(value)) return undefined;
    if (literal && isPlaceholder(value)) return undefined;
    // GPG key ids and fingerprints (`RELEASES_KEY=…`, `NODE_KEYS=…`) are public.
    if (/^(?:\s*(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40}))+\s*$/.test(value)) return undefined;
  }
  // Fed from an ARG that secret-in-build-arg reports: its fix removes or blames this ENV.
  const args = argNames.get(stage);
  if (!kind && args && [...args].some((a) => usesVar(value, a))) return undefined;
  return { kind, literal };
}

function checkEnv(ctx: RuleContext, stage: Stage, def: VarDef, found: CredentialEnv): void {
  const model = ctx.model;
  const name = def.name;
  const redefined = stage.envs.find((e) => e.name === name && e.instr.index > def.instr.index);
  const until = redefined ? redefined.instr.index : Infinity;
  const children = redefined ? [] : model.stages.filter((s) => s !== stage && stageChain(s).includes(stage));
  const later = [
    ...stage.instructions.filter((i) => i.index > def.instr.index && i.index < until),
    ...children.flatMap((s) => s.instructions.filter((i) => i.keyword !== 'FROM')),
  ];
  const text = (i: InstructionInfo) => model.text.slice(i.start, i.end);
  const runs = later.filter(isRun).filter((r) => r.shell.variables.some((v) => v.name === name) || r.shell.commands.some((c) => readsImplicitly(name, c)));
  const runtime = later.find((i) => RUNTIME.has(i.keyword) && usesVar(text(i), name));
  const blocker = later.find((i) => !isRun(i) && !RUNTIME.has(i.keyword) && i.keyword !== 'ARG' && usesVar(text(i), name));

  const what = isCredentialName(name)
    ? `ENV ${name} holds a credential${found.kind ? ` (its value looks like ${found.kind})` : ''}`
    : `ENV ${name} holds a value that looks like ${found.kind}`;
  const head = `${what}: ENV values are stored in the image config (\`docker inspect\`), and every later step, stage and container sees them.`;
  const rotate = found.literal ? ' The value is written in this file and in the image history: treat it as leaked and rotate it.' : '';
  const atRun = ' pass it when the container starts (`docker run -e` or `--env-file`, or your orchestrator\'s secrets) instead of baking it into the image.';
  const line = (i: InstructionInfo) => i.range.start.line + 1;

  if (runtime) {
    ctx.report({ range: def.nameRange, message: `${head}${rotate} The ${runtime.keyword} on line ${line(runtime)} needs it at run time, so a build secret cannot replace it:${atRun}` });
    return;
  }
  if (!runs.length) {
    ctx.report({ range: def.nameRange, message: `${head}${rotate} No RUN uses it, so it is meant for run time:${atRun}` });
    return;
  }
  const use = { id: secretId(name), env: name };
  const hint = `docker build ${secretBuildFlag(use, 'env')}`;
  if (blocker) {
    ctx.report({ range: def.nameRange, message: `${head}${rotate} No automatic fix: the ${blocker.keyword} on line ${line(blocker)} uses it too; read it in RUN from a secret mount (${hint}).` });
    return;
  }
  const style = ctx.settings.secretMountStyle ?? 'env';
  const edits: TextEdit[] = [removeVarDef(model, def)];
  for (const run of runs) {
    const e = secretMountEdits(model, run, [use], style);
    if (!e) {
      ctx.report({ range: def.nameRange, message: `${head}${rotate} No automatic fix: the RUN on line ${line(run)} is in exec or heredoc form; use a secret mount (${hint}).` });
      return;
    }
    edits.push(...e);
  }
  const syntax = ensureSyntaxDirective(model);
  if (syntax) edits.push(syntax);
  const build = style === 'file' ? `docker build --secret id=${use.id},env=${name} (or src=<file>)` : hint;
  ctx.report({
    range: def.nameRange,
    message: `${head}${rotate} ${describeRuns(runs)} Use a secret mount and build with \`${build}\`.`,
    fixes: [{ title: 'Use a secret mount', safety: 'unsafe', edits }],
  });
}

function describeRuns(runs: RunInfo[]): string {
  const lines = runs.map((r) => r.range.start.line + 1);
  return lines.length > 1
    ? `The RUNs on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]} need it while building.`
    : `The RUN on line ${lines[0]} needs it while building.`;
}
