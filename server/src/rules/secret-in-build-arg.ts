import { defineRule, type RuleContext } from '../core/rule';
import { isRun, stageChain, type Model, type RunInfo, type Stage, type VarDef } from '../core/model';
import { ensureSyntaxDirective } from '../core/edits';
import { argDefault, removeVarDef, secretBuildFlag, secretId, secretMountEdits, type SecretUse } from '../core/secretMount';
import type { Fix, TextEdit } from '../core/types';
import { isVariableReference, referencesVariable } from '../core/vars';
import { credentialKind, isCredentialName, isNonSecretDefault } from '../knowledge/secrets';
import { recogniseInstall } from '../knowledge/packageManagers';

const TITLE = 'Use a secret mount';

/** Package managers that read credentials from the environment through their config (`${NPM_TOKEN}` in .npmrc). */
const CREDENTIAL_READERS = new Set([
  'npm', 'npx', 'yarn', 'pnpm', 'poetry', 'uv', 'pipenv', 'bundle', 'gem', 'composer', 'dotnet', 'nuget', 'mvn', 'mvnw',
  'gradle', 'gradlew', 'cargo', 'twine', 'go',
]);

export const rule = defineRule({
  meta: {
    id: 'secret-in-build-arg',
    summary: 'A credential is passed as a build ARG (recorded in the image history) instead of a secret mount',
    severity: 'warning',
    fix: 'always',
    related: { buildkit: ['SecretsUsedInArgOrEnv'], trivy: ['DS-0031'] },
    refactor: 'secrets',
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const seen = new Set<string>();
      for (const def of stage.args) {
        if (seen.has(def.name)) continue;
        seen.add(def.name);
        // `ARG MYSQL_PASS:-$(pwgen`: no variable by that name can be read, and no --secret env= can carry it.
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(def.name)) continue;
        checkArg(ctx, stage, def);
      }
    }
  },
});

function checkArg(ctx: RuleContext, stage: Stage, def: VarDef): void {
  const model = ctx.model;
  const global = [...model.globalArgs].reverse().find((g) => g.name === def.name && g.instr.index < stage.from.index);
  const value = argDefault(model, def) ?? (global ? argDefault(model, global) : undefined);
  const kind = credentialKind(value);
  if (!kind && !(isCredentialName(def.name) && !isNonSecretDefault(value))) return;

  const defs = stage.args.filter((a) => a.name === def.name);
  const later = (i: { index: number }) => i.index > def.instr.index;
  // ENV NAME2=$NAME carries the credential on into this stage's later steps and into stages built on it.
  const aliases = stage.envs.filter((e) => later(e.instr) && e.value !== undefined && isVariableReference(e.value, def.name));
  const names = [def.name, ...aliases.map((a) => a.name)];
  const children = model.stages.filter((s) => s !== stage && stageChain(s).includes(stage));
  const blockers = [stage, ...children].flatMap((s) => s.instructions).filter((i) => {
    if (!later(i) || isRun(i) || i.keyword === 'ARG' || i.keyword === 'FROM') return false;
    if (i.keyword === 'ENV') return stage.envs.some((e) => e.instr === i && !aliases.includes(e) && names.some((n) => referencesVariable(e.value ?? '', n)));
    return names.some((n) => referencesVariable(model.text.slice(i.start, i.end), n));
  });
  const runsIn = (s: Stage) => s.instructions.filter((i): i is RunInfo => isRun(i) && later(i));
  const scope = [...runsIn(stage), ...(aliases.length ? children.flatMap(runsIn) : [])];
  const explicit = scope.filter((r) => r.shell.variables.some((v) => names.includes(v.name)));
  const hint = `docker build ${secretBuildFlag({ id: secretId(def.name), env: def.name }, 'env')}`;
  const leak = kind ? ` Its default looks like ${kind}: it is written in this file, so rotate it.` : '';
  const style = ctx.settings.secretMountStyle ?? 'env';

  if (blockers.length) {
    const b = blockers[0];
    ctx.report({
      range: def.nameRange,
      message: `ARG ${def.name} holds a credential, recorded in the image history with its value.${leak} No automatic fix: the ${b.keyword} on line ${b.range.start.line + 1} uses it too; read it in RUN from a secret mount (${hint}).`,
    });
    return;
  }
  if (!scope.length) {
    if (aliases.length) return; // only an ENV uses it: a matter for the ENV, not the ARG
    const fix: Fix = { title: 'Remove the unused ARG', safety: 'safe', edits: removeAll(model, defs, global, stage) };
    ctx.report({ range: def.nameRange, message: `ARG ${def.name} looks like a credential and no step uses it: remove it, so that no one passes a secret with --build-arg.${leak}`, fixes: [fix] });
    return;
  }
  const implicit = !explicit.length;
  // ARG X + ENV X=$X with no RUN naming it: runtime configuration baked into the image; a matter for the ENV.
  if (implicit && aliases.length) return;
  const readers = scope.filter((r) => r.shell.commands.some((c) => CREDENTIAL_READERS.has(c.name) || !!recogniseInstall(c) || /^pip/.test(c.name)));
  if (implicit && !readers.length) {
    const fix: Fix = { title: 'Remove the unused ARG', safety: 'unsafe', edits: removeAll(model, defs, global, stage) };
    ctx.report({
      range: def.nameRange,
      message: `ARG ${def.name} looks like a credential and no RUN names it, though a script run later could read it from its environment: remove it, or read it from a secret mount (${hint}).${leak}`,
      fixes: [fix],
    });
    return;
  }
  const targets = explicit.length ? explicit : readers;
  const edits: TextEdit[] = removeAll(model, defs, global, stage);
  for (const a of aliases) edits.push(removeVarDef(model, a));
  let blocked: RunInfo | undefined;
  for (const run of targets) {
    const used = implicit ? names : names.filter((n) => run.shell.variables.some((v) => v.name === n));
    const uses: SecretUse[] = used.map((n) => ({ id: secretId(def.name), env: n }));
    const e = secretMountEdits(model, run, uses, style);
    if (!e) blocked = run;
    else edits.push(...e);
  }
  const lines = targets.map((r) => r.range.start.line + 1);
  const where = lines.length > 1 ? `RUNs on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]} use` : `RUN on line ${lines[0]} uses`;
  const head = implicit
    ? `ARG ${def.name} holds a credential: no RUN names it, but package managers read such variables through their config (\${${def.name}} in .npmrc, settings.xml…), and build args are recorded in the image history.`
    : `ARG ${def.name} holds a credential that the ${where}: build args are recorded in the image history.`;
  if (blocked) {
    ctx.report({ range: def.nameRange, message: `${head}${leak} No automatic fix: the RUN on line ${blocked.range.start.line + 1} is in exec or heredoc form; use a secret mount (${hint}).` });
    return;
  }
  const syntax = ensureSyntaxDirective(model);
  if (syntax) edits.push(syntax);
  const build = style === 'file' ? `docker build --secret id=${secretId(def.name)},env=${def.name} (or src=<file>)` : hint;
  ctx.report({
    range: def.nameRange,
    message: `${head}${leak} Use a secret mount and build with \`${build}\`.`,
    fixes: [{ title: TITLE, safety: 'unsafe', edits: dedupeEdits(edits) }],
  });
}

/** The stage's ARG definitions of the name, and the global one when no other stage needs it. */
function removeAll(model: Model, defs: VarDef[], global: VarDef | undefined, stage: Stage): TextEdit[] {
  const edits = defs.map((d) => removeVarDef(model, d));
  if (global) {
    const elsewhere = model.stages.some((s) => s !== stage && s.args.some((a) => a.name === global.name));
    const inFrom = model.stages.some((s) => referencesVariable(model.text.slice(s.from.start, s.from.end), global.name));
    const others = model.globalArgs.filter((g) => g.name === global.name);
    if (!elsewhere && !inFrom) for (const g of others) edits.push(removeVarDef(model, g));
  }
  return edits;
}

function dedupeEdits(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = JSON.stringify(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
