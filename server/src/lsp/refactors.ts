import { CodeActionKind, type ClientCapabilities, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAll, pickFix } from '../core/fix';
import { ruleRefactors, type RefactorKind, type Rule } from '../core/rule';
import type { Finding } from '../core/types';
import type { DocAnalysis } from './analysis';
import { toWorkspaceEdit } from './convert';
import { lineEdits } from './lineEdits';

/** A whole-file rewrite offered in the palette and as a `refactor.rewrite` code action. */
export interface Refactor {
  command: string;
  title: string;
  /** The rules that take part: those carrying this kind; undefined = every rule (fix-all, unsafe included). */
  kind?: RefactorKind;
}

export const REFACTORS: readonly Refactor[] = [
  { command: 'leanDockerfile.makeProductionReady', title: 'Make production-ready' },
  { command: 'leanDockerfile.splitStages', title: 'Split into build and runtime stages', kind: 'splitStages' },
  { command: 'leanDockerfile.addCacheMounts', title: 'Add cache mounts', kind: 'cacheMounts' },
  { command: 'leanDockerfile.moveSecretsToMounts', title: 'Move secrets to secret mounts', kind: 'secrets' },
  { command: 'leanDockerfile.runAsNonRoot', title: 'Run as non-root', kind: 'nonRoot' },
];

export const REFACTOR_KIND = CodeActionKind.RefactorRewrite;
/** The change annotation every refactor edit carries: clients that support it show a preview first. */
export const REFACTOR_ANNOTATION = 'lean-dockerfile.refactor';

export function findRefactor(command: string): Refactor | undefined {
  return REFACTORS.find((r) => r.command === command);
}

/** Which findings a refactor fixes (by the rules' `refactor` metadata, never by id). */
export function refactorFilter(refactor: Refactor, rules: readonly Rule[]): ((f: Finding) => boolean) | undefined {
  const kind = refactor.kind;
  if (!kind) return undefined;
  const ids = new Set(rules.filter((r) => ruleRefactors(r.meta).includes(kind)).map((r) => r.meta.id));
  return (f) => ids.has(f.ruleId);
}

/** Cheap: a finding the refactor would fix is there (fix-all applies at least that fix). */
export function refactorApplies(refactor: Refactor, da: DocAnalysis, rules: readonly Rule[]): boolean {
  const keep = refactorFilter(refactor, rules);
  return (da.analysis?.findings ?? []).some((f) => (!keep || keep(f)) && !!pickFix(f, true));
}

/**
 * The refactor's WorkspaceEdit: fix-all (unsafe included: the preview is the review) over the rules it names,
 * as a few line-range edits plus created or extended context files, each edit annotated to need confirmation.
 */
export function refactorEdit(refactor: Refactor, da: DocAnalysis, rules: readonly Rule[], caps: ClientCapabilities): WorkspaceEdit | undefined {
  if (!da.analysis) return undefined;
  const result = fixAll(da.text, {
    rules,
    context: da.context,
    settings: da.resolved.settings,
    unsafe: true,
    filter: refactorFilter(refactor, rules),
  });
  const edits = lineEdits(da.text, result.text);
  if (!edits.length && !result.fileEdits.length) return undefined;
  const edit = toWorkspaceEdit({ uri: da.uri, version: da.version }, edits, result.fileEdits, caps);
  if (!edit || (!edit.documentChanges?.length && !Object.values(edit.changes ?? {}).some((e) => e.length))) return undefined;
  const applied = [...new Set(result.applied.map((a) => a.title))];
  return annotate(edit, refactor.title, applied.length ? `Lean Dockerfile: ${applied.join('; ')}` : 'Lean Dockerfile', caps);
}

/** Marks every change of a `documentChanges` edit with one annotation that needs confirmation (a preview). */
export function annotate(edit: WorkspaceEdit, label: string, description: string, caps: ClientCapabilities): WorkspaceEdit {
  if (!edit.documentChanges || !caps.workspace?.workspaceEdit?.changeAnnotationSupport) return edit;
  const documentChanges = edit.documentChanges.map((c) =>
    'textDocument' in c
      ? { ...c, edits: c.edits.map((e) => ({ ...e, annotationId: REFACTOR_ANNOTATION })) }
      : { ...c, annotationId: REFACTOR_ANNOTATION },
  );
  return {
    documentChanges,
    changeAnnotations: { [REFACTOR_ANNOTATION]: { label, needsConfirmation: true, description } },
  };
}

/** The refactors that would change this file, as `refactor.rewrite` actions running the palette command. */
export function refactorActions(da: DocAnalysis, rules: readonly Rule[]): CodeAction[] {
  return REFACTORS.filter((r) => refactorApplies(r, da, rules)).map((r) => ({
    title: r.title,
    kind: REFACTOR_KIND,
    command: { title: r.title, command: r.command, arguments: [da.uri] },
  }));
}
