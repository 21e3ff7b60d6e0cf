import { indentOf } from '../core/edits';
import type { Model } from '../core/model';
import type { Finding, TextEdit } from '../core/types';

const OURS = /^(\s*#\s*lean-dockerfile\s+ignore\s*=\s*)([A-Za-z0-9_,\s-]*[A-Za-z0-9_-])\s*$/i;

/**
 * "Disable <id> for this instruction": extends a `# lean-dockerfile ignore=…` comment in the comment block
 * right above the finding's instruction, or inserts one directly above it (same indent, the file's EOL).
 * Undefined when the finding lies outside every instruction.
 */
export function disableEdit(model: Model, finding: Finding): TextEdit | undefined {
  const line = finding.range.start.line;
  const ins = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
  if (!ins) return undefined;
  for (let l = ins.range.start.line - 1; l >= 0; l--) {
    const text = model.index.lineText(l);
    if (!/^\s*#/.test(text)) break;
    const m = OURS.exec(text);
    if (!m) continue;
    const ids = m[2].split(/[,\s]+/).map((s) => s.toLowerCase());
    if (ids.includes(finding.ruleId) || ids.includes('all')) return undefined;
    const at = { line: l, character: m[1].length + m[2].length };
    return { range: { start: at, end: at }, newText: ',' + finding.ruleId };
  }
  const at = { line: ins.range.start.line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indentOf(model, ins)}# lean-dockerfile ignore=${finding.ruleId}${model.eol}` };
}
