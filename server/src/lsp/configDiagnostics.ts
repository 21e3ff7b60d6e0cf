import { basename } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isConfigFileName, parseConfig } from '../node/config';
import { SOURCE } from './convert';
import { filePath } from './settingsStore';

/** Whether a document is a project file `.lean-dockerfile.yaml`. */
export function isConfigDocument(uri: string): boolean {
  const path = filePath(uri) ?? decodeURIComponent(uri.split(/[?#]/)[0]);
  return isConfigFileName(basename(path));
}

/** Unknown keys and bad values of a project file, where they are. */
export function configDiagnostics(text: string, knownRuleIds: ReadonlySet<string>): Diagnostic[] {
  return parseConfig(text, knownRuleIds).problems.map((p) => ({
    range: p.range,
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: p.message,
  }));
}
