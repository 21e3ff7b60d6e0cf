import type { ClientCapabilities, Connection, WorkspaceEdit } from 'vscode-languageserver';
import type { Rule } from '../core/rule';
import type { Fix } from '../core/types';
import type { Analyser } from './analysis';
import { fixAllEdit } from './codeActions';
import { toWorkspaceEdit } from './convert';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const APPLY_FIX_ALL = 'leanDockerfile.applyFixAll';
export const SPLIT_STAGES = 'leanDockerfile.splitStages';

/**
 * Rules name the command that applies their fix (`meta.command`). Until a rule claims one of these, the
 * fix is recognised by its public title, so the palette command never depends on a rule id.
 */
const FALLBACK_TITLES: Record<string, RegExp> = { [SPLIT_STAGES]: /^Split\b/ };

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

/** Every command a rule can be asked for through the palette. */
export function ruleCommands(rules: readonly Rule[]): string[] {
  return [...new Set([SPLIT_STAGES, ...rules.map((r) => r.meta.command).filter((c): c is string => !!c)])];
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

/** A rule command (e.g. split stages): the first fix of the first finding of the rules that claim it. */
export async function applyRuleCommand(env: CommandEnv, command: string, uri: unknown): Promise<CommandResult> {
  const doc = typeof uri === 'string' ? env.document(uri) : undefined;
  if (!doc) return { applied: false, message: 'The document is not open.' };
  const da = await env.analyser.analyse(doc);
  const owners = new Set(env.rules.filter((r) => r.meta.command === command).map((r) => r.meta.id));
  const fallback = FALLBACK_TITLES[command];
  let noFix: string | undefined;
  for (const f of da.analysis?.findings ?? []) {
    const fixes = owners.size ? (owners.has(f.ruleId) ? f.fixes : undefined) : f.fixes.filter((x) => fallback?.test(x.title));
    if (!fixes) continue;
    const fix: Fix | undefined = fixes.find((x) => x.safety === 'safe') ?? fixes[0];
    if (!fix) {
      noFix ??= f.message;
      continue;
    }
    const edit = toWorkspaceEdit({ uri: da.uri, version: da.version }, fix.edits, fix.fileEdits, env.capabilities());
    if (edit) return apply(env, edit, fix.title);
  }
  return inform(env, noFix ? `Lean Dockerfile: ${noFix}` : 'Lean Dockerfile: nothing to do in this file.');
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
