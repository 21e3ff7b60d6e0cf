import type { InstructionInfo, Model } from './model';
import type { TextEdit } from './types';

/**
 * An instruction whose last content line ends with the escape character continues into whatever follows
 * (blank and comment lines are skipped), so lines inserted after it would join it. This edit removes that
 * dangling escape — the instruction means the same, since nothing followed it — or is undefined when the
 * instruction ends cleanly. Use it together with any insertion after an instruction.
 */
export function closeDanglingContinuation(model: Model, ins: InstructionInfo): TextEdit | undefined {
  const esc = model.escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const re = new RegExp(`[ \\t]*${esc}[ \\t]*$`);
  let found: { line: number; at: number } | undefined;
  let end: { line: number; character: number } | undefined;
  const comments: string[] = [];
  for (let line = ins.range.end.line; line >= ins.range.start.line; line--) {
    const text = model.index.lineText(line);
    const trimmed = text.trim();
    if (!trimmed || (line > ins.range.start.line && trimmed.startsWith('#'))) {
      if (found && trimmed) comments.unshift(text);
      continue;
    }
    const m = re.exec(text);
    if (!m) break;
    found = { line, at: m.index };
    end ??= { line, character: text.length };
    // A line that holds nothing but the escape (`\t\`) is skipped like a blank one: the line before it dangles too.
    if (text.slice(0, m.index).trim() || line === ins.range.start.line) break;
  }
  if (!found || !end) return undefined;
  // Comment lines between the escapes removed stay, each on its own line.
  const newText = comments.map((c) => model.eol + c).join('');
  return { range: { start: { line: found.line, character: found.at }, end }, newText };
}
