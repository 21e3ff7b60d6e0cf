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
  for (let line = ins.range.end.line; line >= ins.range.start.line; line--) {
    const text = model.index.lineText(line);
    const trimmed = text.trim();
    if (!trimmed || (line > ins.range.start.line && trimmed.startsWith('#'))) continue;
    const m = re.exec(text);
    if (!m) return undefined;
    return { range: { start: { line, character: m.index }, end: { line, character: text.length } }, newText: '' };
  }
  return undefined;
}
