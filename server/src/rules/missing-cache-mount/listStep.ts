import type { Model, RunInfo } from '../../core/model';
import type { ShellCommand } from '../../core/shell';
import type { TextEdit } from '../../core/types';
import { hasHeredocs } from '../../core/memo';
import { contentEnd, escapeRe, isListSeparator, stripContinuations } from './edits';

/**
 * Removes consecutive steps of a plain `&&`/`;` list (`… && apt-get clean && rm -rf /var/lib/apt/lists/*`), with
 * their separator. Undefined when they are the whole RUN, or inside anything else (`||`, pipes, if, loops,
 * comments in between): then they stay.
 *
 * Steps alone on their line(s) go as whole lines, so their neighbours' lines stay byte for byte. Otherwise the
 * range never reaches past a line continuation the rest of the RUN still needs: a command's end is taken
 * before a trailing `\`+newline (the shell parser counts `word\`+newline as part of the word), else the
 * previous line would continue into whatever follows the RUN.
 */
export function dropListSteps(model: Model, run: RunInfo, steps: readonly ShellCommand[]): TextEdit | undefined {
  if (run.execForm || hasHeredocs(model, run) || !steps.length) return undefined;
  const cmds = run.shell.commands;
  const i = cmds.indexOf(steps[0]);
  const j = i + steps.length - 1;
  if (i < 0 || steps.some((c, n) => cmds[i + n] !== c)) return undefined;
  const cmd = { start: steps[0].start, end: steps[steps.length - 1].end };
  // Only top-level neighbours: a command nested in another (`$(…)`) or overlapping it disqualifies.
  const prev = i > 0 ? cmds[i - 1] : undefined;
  const next = j + 1 < cmds.length ? cmds[j + 1] : undefined;
  if ((prev && prev.end > cmd.start) || (next && next.start < cmd.end)) return undefined;
  for (let n = 1; n < steps.length; n++) {
    const a = steps[n - 1];
    const e = contentEnd(model, a.start, a.end);
    if (a.end > steps[n].start || !isListSeparator(model, model.text.slice(e, steps[n].start))) return undefined;
  }
  const plain = (from: number, to: number) => isListSeparator(model, model.text.slice(from, to));
  const blank = (from: number, to: number) => /^[ \t]*$/.test(stripContinuations(model, model.text.slice(from, to)));
  const first = run.args[0]?.start ?? cmd.start;
  const lead = model.text.slice(first, prev ? prev.start : cmd.start);
  if (/[({]|\b(if|then|else|do|while|until|for|case)\b/.test(stripContinuations(model, lead))) return undefined;
  const end = contentEnd(model, cmd.start, cmd.end);
  const prevEnd = prev && contentEnd(model, prev.start, prev.end);
  const range = (s: number, e: number): TextEdit => ({ range: model.index.rangeOf(s, e), newText: '' });
  if (prev && prevEnd !== undefined) {
    if (!plain(prevEnd, cmd.start)) return undefined;
    if (next) {
      if (!plain(end, next.start)) return undefined;
      return wholeLines(model, cmd.start, end, 'before') ?? wholeLines(model, cmd.start, end, 'after') ?? range(prevEnd, end);
    }
    // The last step: the previous line gives up its continuation; whatever followed the command stays.
    if (!blank(end, run.end)) return undefined;
    return range(prevEnd, end);
  }
  if (!next || !plain(end, next.start) || !blank(first, cmd.start)) return undefined;
  const lines = wholeLines(model, cmd.start, end, 'after');
  if (lines) return lines;
  const gap = model.text.slice(end, next.start);
  if (!/[\r\n]/.test(gap)) return range(cmd.start, next.start);
  // `RUN apt-get clean && \` + newline + `    next…`: up to the continuation, which stays (see leavesBareRun).
  const m = new RegExp(`^[ \\t]*(&&|;)[ \\t]*(?=${escapeRe(model.escape)}[ \\t]*(\\r\\n|\\r|\\n))`).exec(gap);
  return m ? range(cmd.start, end + m[0].length) : range(cmd.start, next.start);
}

/**
 * Whether an edit drops a RUN's first step up to its continuation, leaving `RUN \`: the mount flags then
 * replace it (insertMounts' `bare`), instead of leaving a line with nothing but the continuation.
 */
export function leavesBareRun(model: Model, run: RunInfo, e: TextEdit): boolean {
  const s = model.index.offsetAt(e.range.start);
  const en = model.index.offsetAt(e.range.end);
  const kw = /^[A-Za-z]+/.exec(model.text.slice(run.start, run.start + 8))?.[0].length ?? 3;
  if (!/^[ \t]+$/.test(model.text.slice(run.start + kw, s))) return false;
  return new RegExp(`^${escapeRe(model.escape)}[ \\t]*(\\r\\n|\\r|\\n)`).test(model.text.slice(en, en + 80));
}

/**
 * The step's lines, when it stands alone on them with the separator that goes with it: `before` — the line
 * reads `&& cmd \` (the separator before it); `after` — `cmd && \` (the separator after it). Both need the
 * line before to end in a continuation, and the step's last line to end in one too.
 */
function wholeLines(model: Model, start: number, end: number, side: 'before' | 'after'): TextEdit | undefined {
  const idx = model.index;
  const l0 = idx.positionAt(start).line;
  const l1 = idx.positionAt(end).line;
  if (l0 === 0 || l1 + 1 >= idx.lineCount) return undefined;
  const esc = escapeRe(model.escape);
  const head = model.text.slice(idx.lineStarts[l0], start);
  const tail = model.text.slice(end, idx.lineContentEnd(l1));
  const ok = side === 'before'
    ? /^[ \t]*(&&|;)[ \t]*$/.test(head) && new RegExp(`^[ \\t]*${esc}[ \\t]*$`).test(tail)
    : /^[ \t]*$/.test(head) && new RegExp(`^[ \\t]*(&&|;)[ \\t]*${esc}[ \\t]*$`).test(tail);
  if (!ok || !new RegExp(`${esc}[ \\t]*$`).test(idx.lineText(l0 - 1))) return undefined;
  return { range: { start: { line: l0, character: 0 }, end: { line: l1 + 1, character: 0 } }, newText: '' };
}
