import { deleteInstruction } from '../../core/edits';
import type { CopyInfo, Model, RunInfo } from '../../core/model';
import type { ShellCommand, ShellWord } from '../../core/shell';
import type { TextEdit } from '../../core/types';

/** Edits that take a credential file out of a COPY and out of the RUNs that cleaned it up. */

/** Whether the text between two commands is only blanks, line continuations and one `&&` or `;`. */
function plainSeparator(model: Model, from: number, to: number): boolean {
  if (from > to) return false;
  const esc = model.escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const text = model.text.slice(from, to).replace(new RegExp(`${esc}[ \\t]*(?:\\r\\n|\\r|\\n)`, 'g'), ' ');
  return /^\s*(?:&&|;)\s*$/.test(text);
}

/** Removes one command from a RUN with its `&&`/`;`, or the whole RUN when it was the only one. */
export function removeCommand(model: Model, run: RunInfo, cmd: ShellCommand): TextEdit | undefined {
  const cmds = run.shell.commands;
  const i = cmds.indexOf(cmd);
  if (i < 0 || run.shell.hasError) return undefined;
  if (cmds.length === 1) return deleteInstruction(model, run);
  const prev = cmds[i - 1];
  const next = cmds[i + 1];
  if (prev && plainSeparator(model, prev.end, cmd.start)) return { range: model.index.rangeOf(prev.end, cmd.end), newText: '' };
  if (!prev && next && plainSeparator(model, cmd.end, next.start)) return { range: model.index.rangeOf(cmd.start, next.start), newText: '' };
  return undefined;
}

/** Removes one argument word with the blanks before it. */
export function removeArg(model: Model, cmd: ShellCommand, word: ShellWord): TextEdit {
  const i = cmd.args.indexOf(word);
  const before = i > 0 ? cmd.args[i - 1].end : (cmd.nameWord?.end ?? word.start);
  return { range: model.index.rangeOf(before, word.end), newText: '' };
}

/** Removes a source from a COPY with the blanks after it (the COPY keeps its other sources). */
export function removeSource(model: Model, copy: CopyInfo, i: number): TextEdit {
  const word = copy.sources[i];
  const next = copy.sources[i + 1] ?? copy.dest;
  return { range: model.index.rangeOf(word.start, next ? next.start : word.end), newText: '' };
}

/** Inserts a `--mount=…` flag right after a RUN keyword. */
export function insertMount(model: Model, run: RunInfo, mount: string): TextEdit {
  const m = /^[A-Za-z]+/.exec(model.text.slice(run.start, run.start + 8));
  const at = model.index.positionAt(run.start + (m ? m[0].length : 3));
  return { range: { start: at, end: at }, newText: ` --mount=${mount}` };
}
