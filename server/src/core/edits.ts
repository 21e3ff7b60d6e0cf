import type { InstructionInfo, Model } from './model';
import type { TextEdit } from './types';
import { closeDanglingContinuation } from './continuation';

/** Helpers for rules that write fixes. Every helper keeps the file's line ending and touches only its own lines. */

/** Leading blanks of the line an instruction starts on. */
export function indentOf(model: Model, ins: InstructionInfo): string {
  return /^[ \t]*/.exec(model.index.lineText(ins.range.start.line))![0];
}

/** Inserts whole lines above an instruction's first line. */
export function insertLinesBefore(model: Model, ins: InstructionInfo, lines: string[]): TextEdit {
  const pos = { line: ins.range.start.line, character: 0 };
  const indent = indentOf(model, ins);
  return { range: { start: pos, end: pos }, newText: lines.map((l) => (l ? indent + l : l) + model.eol).join('') };
}

/** Inserts whole lines below an instruction's last line. */
export function insertLinesAfter(model: Model, ins: InstructionInfo, lines: string[]): TextEdit {
  const last = ins.range.end.line;
  if (ins === model.instructions[model.instructions.length - 1]) return appendLines(model, lines);
  if (last + 1 < model.index.lineCount) {
    const pos = { line: last + 1, character: 0 };
    return { range: { start: pos, end: pos }, newText: lines.map((l) => l + model.eol).join('') };
  }
  return appendLines(model, lines);
}

/** Appends lines at the end of the file, adding a line break first when the file lacks one. */
export function appendLines(model: Model, lines: string[]): TextEdit {
  const end = model.index.positionAt(model.text.length);
  const lead = model.text.length && !model.index.endsWithNewline() ? model.eol : '';
  const body = lead + lines.map((l) => l + model.eol).join('');
  const last = model.instructions[model.instructions.length - 1];
  const close = last && closeDanglingContinuation(model, last);
  if (close) {
    // The file ends inside a line continuation, so appended lines would join the last instruction. One edit
    // drops the dangling escape (the instruction ends at the end of the file anyway) and keeps what follows it.
    const to = model.index.offsetAt(close.range.end);
    return { range: { start: close.range.start, end }, newText: close.newText + model.text.slice(to) + body };
  }
  return { range: { start: end, end }, newText: body };
}

/** Removes an instruction's lines entirely, with their line breaks. */
export function deleteInstruction(model: Model, ins: InstructionInfo): TextEdit {
  const startLine = ins.range.start.line;
  const endLine = ins.range.end.line;
  const end =
    endLine + 1 < model.index.lineCount ? { line: endLine + 1, character: 0 } : model.index.positionAt(model.text.length);
  return { range: { start: { line: startLine, character: 0 }, end }, newText: '' };
}

/** The text of an instruction's lines, as written (used to move an instruction elsewhere). */
export function instructionLines(model: Model, ins: InstructionInfo): string[] {
  const out: string[] = [];
  for (let l = ins.range.start.line; l <= ins.range.end.line; l++) out.push(model.index.lineText(l));
  return out;
}

/** Adds `# syntax=docker/dockerfile:1` at the top when the file has no syntax directive; else undefined. */
export function ensureSyntaxDirective(model: Model): TextEdit | undefined {
  if (model.directives.some((d) => d.name === 'syntax')) return undefined;
  const bom = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const pos = { line: 0, character: bom };
  return { range: { start: pos, end: pos }, newText: '# syntax=docker/dockerfile:1' + model.eol };
}

/** Joins continuation lines with the file's escape character. */
export function continueLines(model: Model, parts: string[], indent = '    '): string[] {
  return parts.map((p, i) => (i === 0 ? p : indent + p) + (i < parts.length - 1 ? ' ' + model.escape : ''));
}
