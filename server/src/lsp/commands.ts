import type { ClientCapabilities, Connection, WorkspaceEdit } from 'vscode-languageserver';
import type { Rule } from '../core/rule';
import type { Analyser } from './analysis';
import { fixAllEdit } from './codeActions';
import { refactorEdit, refactorFilter, type Refactor } from './refactors';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const APPLY_FIX_ALL = 'leanDockerfile.applyFixAll';
/** The palette's fix-all (the client's id; the server answers to it too, e.g. from the CodeLens). */
export const FIX_ALL = 'leanDockerfile.fixAll';

export interface CommandEnv {
  connection: Connection;
  rules: readonly Rule[];
  analyser: Analyser;
  capabilities: () => ClientCapabilities;
  document(uri: string): TextDocument | undefined;
}

export interface CommandResult {
  applied: boolean;
  /** Titles of what was applied, or why nothing was. */
  message: string;
}

/** `leanDockerfile.applyFixAll(uri, unsafe?)`: every applicable fix of the document, as one edit. */
export async function applyFixAll(env: CommandEnv, uri: unknown, unsafe: unknown): Promise<CommandResult> {
  const doc = typeof uri === 'string' ? env.document(uri) : undefined;
  if (!doc) return { applied: false, message: 'The document is not open.' };
  const da = await env.analyser.analyse(doc);
  const edit = fixAllEdit(da, { rules: env.rules, capabilities: env.capabilities() }, unsafe === true || (unsafe === undefined && da.resolved.fixOnSaveUnsafe));
  if (!edit) return inform(env, 'Lean Dockerfile: no fixable problems.');
  return apply(env, edit, 'Lean Dockerfile: fix all problems');
}

/** A palette refactor (`leanDockerfile.makeProductionReady`, `.splitStages`…): one annotated edit, previewed by the client. */
export async function applyRefactor(env: CommandEnv, refactor: Refactor, uri: unknown): Promise<CommandResult> {
  const doc = typeof uri === 'string' ? env.document(uri) : undefined;
  if (!doc) return { applied: false, message: 'The document is not open.' };
  const da = await env.analyser.analyse(doc);
  const edit = refactorEdit(refactor, da, env.rules, env.capabilities());
  if (!edit) {
    // Say why when a rule of this refactor found something it cannot fix (e.g. no automatic split).
    const keep = refactorFilter(refactor, env.rules);
    const stuck = (da.analysis?.findings ?? []).find((f) => (!keep || keep(f)) && !f.fixes.length);
    return inform(env, `Lean Dockerfile: ${stuck ? stuck.message : `“${refactor.title}” has nothing to change in this file.`}`);
  }
  return apply(env, edit, refactor.title);
}

async function apply(env: CommandEnv, edit: WorkspaceEdit, label: string): Promise<CommandResult> {
  const r = await env.connection.workspace.applyEdit({ label, edit });
  if (!r.applied) return inform(env, `Lean Dockerfile: the edit was not applied${r.failureReason ? ` (${r.failureReason})` : ''}.`);
  return { applied: true, message: label };
}

function inform(env: CommandEnv, message: string): CommandResult {
  void env.connection.window.showInformationMessage(message);
  return { applied: false, message };
}
