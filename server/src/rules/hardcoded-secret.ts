import { defineRule, type RuleContext } from '../core/rule';
import { isRun, type Model, type RunInfo, type VarDef } from '../core/model';
import { ensureSyntaxDirective } from '../core/edits';
import { hasHeredocs, memo } from '../core/memo';
import { reportsOf } from '../core/ruleReports';
import { removeVarDef, secretBuildFlag, secretId, secretMountEdits } from '../core/secretMount';
import type { Fix, Range, TextEdit } from '../core/types';
import { rule as secretInBuildArg } from './secret-in-build-arg';
import { rule as secretInEnv } from './secret-in-env';
import { scanLiterals, type Literal } from './hardcoded-secret/scan';

export const rule = defineRule({
  meta: {
    id: 'hardcoded-secret',
    summary: 'A literal credential (token, password, private key) is written in the Dockerfile',
    severity: 'error',
    fix: 'sometimes',
    related: { trivy: ['DS-0031'], checkov: ['CKV_SECRET_*'] },
    refactor: 'secrets',
  },
  check(ctx) {
    const model = ctx.model;
    const covered = coveredDefs(ctx);
    for (const lit of scanLiterals(model)) {
      const def = defAt(model, lit);
      if (def && covered.has(def)) continue;
      report(ctx, lit, def);
    }
  },
});

/** Every ARG/ENV definition, grouped by instruction in file order (once per model). */
const defsByInstr = (model: Model): Map<unknown, VarDef[]> =>
  memo(model, 'hardcoded-secret.defs', () => {
    const out = new Map<unknown, VarDef[]>();
    for (const d of [...model.globalArgs, ...model.stages.flatMap((s) => [...s.args, ...s.envs])]) (out.get(d.instr) ?? out.set(d.instr, []).get(d.instr)!).push(d);
    return out;
  });
/** Two ranges are the same place when they start at the same position. */
const startKey = (r: Range) => `${r.start.line}:${r.start.character}`;

/** ARG/ENV definitions that secret-in-build-arg or secret-in-env already report (their message says to rotate). */
function coveredDefs(ctx: RuleContext): Set<VarDef> {
  const model = ctx.model;
  const reported = new Set([...reportsOf(secretInBuildArg, ctx), ...reportsOf(secretInEnv, ctx)].map((r) => startKey(r.range)));
  const out = new Set<VarDef>();
  for (const stage of model.stages) {
    for (const d of stage.envs) if (reported.has(startKey(d.nameRange))) out.add(d);
    const names = new Set(stage.args.filter((d) => reported.has(startKey(d.nameRange))).map((d) => d.name));
    // The ARG rule reports the first definition of a name per stage, and speaks for the global default too.
    for (const d of stage.args) if (names.has(d.name)) out.add(d);
    for (const g of model.globalArgs) if (names.has(g.name) && g.instr.index < stage.from.index) out.add(g);
  }
  return out;
}

function defAt(model: Model, lit: Literal): VarDef | undefined {
  if (lit.instr.keyword !== 'ARG' && lit.instr.keyword !== 'ENV') return undefined;
  return defsByInstr(model).get(lit.instr)?.find((d) => model.index.offsetAt(d.propertyRange.start) <= lit.start && lit.start < model.index.offsetAt(d.propertyRange.end));
}

function report(ctx: RuleContext, lit: Literal, def: VarDef | undefined): void {
  const model = ctx.model;
  const range = model.index.rangeOf(lit.start, lit.end);
  const where =
    lit.instr.keyword === 'RUN'
      ? 'the command line, and so in the image history (`docker history`)'
      : lit.instr.keyword === 'ARG' || lit.instr.keyword === 'ENV' || lit.instr.keyword === 'LABEL'
        ? `this ${lit.instr.keyword}, and so in the image ${lit.instr.keyword === 'ARG' ? 'history' : 'config'}`
        : `this ${lit.instr.keyword}`;
  const head = `This is ${lit.kind}, written in the Dockerfile and in ${where}: treat it as leaked and rotate it.`;
  const fix = fixFor(ctx, lit, def);
  if (!fix) {
    ctx.report({ range, message: `${head} Remove it, and pass the new one at build time with a secret mount or at run time from the environment.` });
    return;
  }
  ctx.report({ range, message: `${head} ${fix.advice}`, fixes: [fix.fix] });
}

function fixFor(ctx: RuleContext, lit: Literal, def: VarDef | undefined): { fix: Fix; advice: string } | undefined {
  const model = ctx.model;
  if (def) {
    if (def.instr.keyword === 'ARG') {
      // Drop the default: the value then comes from the build (secret-in-build-arg takes it from there).
      const edit: TextEdit = { range: { start: def.nameRange.end, end: def.propertyRange.end }, newText: '' };
      if (model.text[model.index.offsetAt(def.nameRange.end)] !== '=') return undefined;
      return { fix: { title: 'Remove the literal', safety: 'unsafe', edits: [edit] }, advice: `Remove the default and pass it at build time — as a secret mount, not a build arg.` };
    }
    return { fix: { title: 'Remove the literal', safety: 'unsafe', edits: [removeVarDef(model, def)] }, advice: 'Remove it, and pass it when the container starts (`docker run -e`) or as a build secret.' };
  }
  if (!isRun(lit.instr) || lit.instr.execForm || !lit.instr.args.length) return undefined;
  const run = lit.instr as RunInfo;
  if (hasHeredocs(model, run)) return undefined;
  const quote = model.escape === '\\' ? quoteAt(model.text, run.args[0].start, lit.start) : undefined;
  if (quote === undefined) return undefined;
  const name = uniqueName(run, lit.env);
  const ref = quote === "'" ? `'"\${${name}}"'` : quote === '"' ? `\${${name}}` : `"\${${name}}"`;
  const use = { id: secretId(name), env: name };
  const style = ctx.settings.secretMountStyle ?? 'env';
  const mount = secretMountEdits(model, run, [use], style);
  if (!mount) return undefined;
  const edits: TextEdit[] = [{ range: model.index.rangeOf(lit.start, lit.end), newText: ref }, ...mount];
  const syntax = ensureSyntaxDirective(model);
  if (syntax) edits.push(syntax);
  return {
    fix: { title: 'Use a secret mount', safety: 'unsafe', edits },
    advice: `Read it from a secret mount instead and build with \`docker build ${secretBuildFlag(use, 'env')}\`.`,
  };
}

/** The quote in force at an offset of a shell word: `'`, `"`, '' (none), or undefined when unclear. */
function quoteAt(text: string, from: number, at: number): string | undefined {
  let q = '';
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (q === "'") {
      if (c === "'") q = '';
    } else if (c === '\\') i++;
    else if (c === '"') q = q === '"' ? '' : '"';
    else if (c === "'" && q === '') q = "'";
  }
  return q;
}

function uniqueName(run: RunInfo, name: string): string {
  const taken = new Set(run.shell.variables.map((v) => v.name));
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}_${i}`;
  return n;
}
