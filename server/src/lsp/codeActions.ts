import {
  CodeActionKind,
  CodeActionTriggerKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver';
import { fixAll, pickFix } from '../core/fix';
import type { Rule } from '../core/rule';
import { comparePositions } from '../core/text';
import type { Finding } from '../core/types';
import type { DocAnalysis } from './analysis';
import { diffEdit, SOURCE, toWorkspaceEdit, type EditTarget } from './convert';
import { disableEdit } from './disable';
import { ruleDocUri } from './docs';
import { REFACTOR_KIND, refactorActions } from './refactors';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const SHOW_DOCUMENTATION = 'leanDockerfile.showDocumentation';

export interface ActionEnv {
  rules: readonly Rule[];
  capabilities: ClientCapabilities;
}

/** Whether a kind is wanted by the request's `only` filter (a kind matches its parents). */
export function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/**
 * Per diagnostic, in the order ESLint users know: the rule's fix(es) (the first safe one preferred),
 * "Disable <id> for this instruction", "Show documentation for <id>", "Fix all <id> problems";
 * then the file's fix-all (`source.fixAll.lean-dockerfile`) when asked for.
 */
export function codeActions(params: CodeActionParams, da: DocAnalysis, env: ActionEnv): CodeAction[] {
  const out: CodeAction[] = [];
  const only = params.context.only;
  const target: EditTarget = { uri: da.uri, version: da.version };
  const findings = da.analysis?.findings ?? [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const perRuleDone = new Set<string>();
    for (const diag of params.context.diagnostics) {
      if (diag.source !== SOURCE || typeof diag.code !== 'string') continue;
      const finding = findings.find((f) => f.ruleId === diag.code && sameRange(f, diag));
      if (!finding) continue; // a diagnostic of an older version
      out.push(...findingActions(finding, diag, da, env, target, perRuleDone));
    }
  }
  // Asked for explicitly (fix on save), or alongside quick fixes for one of our diagnostics — never for
  // every cursor move's lightbulb probe, as fix-all re-analyses the file until it is stable.
  const ours = params.context.diagnostics.some((d) => d.source === SOURCE);
  if (wants(only, FIX_ALL_KIND) && ((only && only.some((o) => FIX_ALL_KIND.startsWith(o) && o.startsWith('source'))) || (ours && findings.length))) {
    const all = fixAllEdit(da, env, da.resolved.fixOnSaveUnsafe);
    if (all) out.push({ title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: all });
  }
  // The whole-file refactors: in the Refactor menu (asked for by kind) or when the user invokes the menu, not on
  // every automatic lightbulb probe (they would light it on every line of a file with findings).
  const invoked = params.context.triggerKind === undefined || params.context.triggerKind === CodeActionTriggerKind.Invoked;
  if (only ? wants(only, REFACTOR_KIND) : invoked) out.push(...refactorActions(da, env.rules));
  return out;
}

function findingActions(
  finding: Finding,
  diag: Diagnostic,
  da: DocAnalysis,
  env: ActionEnv,
  target: EditTarget,
  perRuleDone: Set<string>,
): CodeAction[] {
  const out: CodeAction[] = [];
  const id = finding.ruleId;
  let preferred = false;
  for (const fix of finding.fixes) {
    const edit = toWorkspaceEdit(target, fix.edits, fix.fileEdits, env.capabilities);
    if (!edit) continue;
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit };
    if (fix.safety === 'safe' && !preferred) preferred = action.isPreferred = true;
    out.push(action);
  }
  const disable = da.analysis && disableEdit(da.analysis.model, finding);
  if (disable) {
    const edit = toWorkspaceEdit(target, [disable], undefined, env.capabilities);
    if (edit) out.push({ title: `Disable ${id} for this instruction`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit });
  }
  if (perRuleDone.has(id)) return out;
  perRuleDone.add(id);
  const href = ruleDocUri(id);
  if (href) {
    out.push({
      title: `Show documentation for ${id}`,
      kind: CodeActionKind.QuickFix,
      command: { title: `Show documentation for ${id}`, command: SHOW_DOCUMENTATION, arguments: [href] },
    });
  }
  const unsafe = da.resolved.fixOnSaveUnsafe;
  const fixable = (da.analysis?.findings ?? []).filter((f) => f.ruleId === id && pickFix(f, unsafe));
  if (fixable.length > 1) {
    const edit = fixAllEdit(da, env, unsafe, (f) => f.ruleId === id);
    if (edit) out.push({ title: `Fix all ${id} problems`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit });
  }
  return out;
}

/** Every applicable fix at once (looping until stable), as one edit of the changed part plus file edits. */
export function fixAllEdit(da: DocAnalysis, env: ActionEnv, unsafe: boolean, filter?: (f: Finding) => boolean) {
  if (!da.analysis) return undefined;
  const result = fixAll(da.text, { rules: env.rules, context: da.context, settings: da.resolved.settings, unsafe, filter });
  const edit = diffEdit(da.text, result.text);
  if (!edit && !result.fileEdits.length) return undefined;
  return toWorkspaceEdit({ uri: da.uri, version: da.version }, edit ? [edit] : [], result.fileEdits, env.capabilities);
}

function sameRange(f: Finding, d: Diagnostic): boolean {
  return comparePositions(f.range.start, d.range.start) === 0 && comparePositions(f.range.end, d.range.end) === 0;
}
