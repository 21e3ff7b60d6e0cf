import { defineRule, type Rule } from '../../server/src/core/rule';
import { appendLines, deleteInstruction, ensureSyntaxDirective, insertLinesBefore } from '../../server/src/core/edits';

/**
 * Probe rules: small, correct rules whose fixes use every edit helper of the core (insert before, append,
 * delete, syntax directive, replace a word). With them the property tests and the sweep's self-test
 * exercise the fix machinery even before (and independently of) the product's rules.
 */
export const probeRules: readonly Rule[] = [
  defineRule({
    meta: { id: 'probe-comment-run', summary: 'RUN without a probe comment above', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      for (const ins of model.instructions) {
        if (ins.keyword !== 'RUN' || !ins.stage) continue;
        const above = ins.range.start.line > 0 ? model.index.lineText(ins.range.start.line - 1).trim() : '';
        if (above === '# probe') continue;
        const kw = { start: ins.range.start, end: { line: ins.range.start.line, character: ins.range.start.character + 3 } };
        report({ range: kw, message: 'probe', fixes: [{ title: 'Add a probe comment', safety: 'safe', edits: [insertLinesBefore(model, ins, ['# probe'])] }] });
      }
    },
  }),
  defineRule({
    meta: { id: 'probe-user', summary: 'final stage without USER', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      const final = model.stages.find((s) => s.isFinal);
      if (!final || final.instructions.some((i) => i.keyword === 'USER')) return;
      const r = final.imageRange ?? final.from.range;
      report({ range: r, message: 'probe', fixes: [{ title: 'Append USER', safety: 'unsafe', edits: [appendLines(model, ['USER probe'])] }] });
    },
  }),
  defineRule({
    meta: { id: 'probe-maintainer', summary: 'MAINTAINER', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      for (const ins of model.instructions) {
        if (ins.keyword !== 'MAINTAINER') continue;
        report({ range: ins.range, message: 'probe', fixes: [{ title: 'Delete it', safety: 'unsafe', edits: [deleteInstruction(model, ins)] }] });
      }
    },
  }),
  defineRule({
    meta: { id: 'probe-syntax', summary: 'no syntax directive', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      const edit = ensureSyntaxDirective(model);
      if (!edit || !model.instructions.length) return;
      report({ range: model.instructions[0].range, message: 'probe', fixes: [{ title: 'Add syntax', safety: 'safe', edits: [edit] }] });
    },
  }),
  defineRule({
    meta: { id: 'probe-tag', summary: 'image without tag', severity: 'hint', fix: 'always' },
    check({ model, report }) {
      for (const s of model.stages) {
        if (!s.image || !s.imageRange || s.image.tag || s.image.digest || s.image.hasVariables || s.baseStage) continue;
        if (s.image.repository === 'scratch' || /[^\w./:@-]/.test(s.image.raw)) continue;
        const text = model.index.slice(s.imageRange) + ':latest';
        report({ range: s.imageRange, message: 'probe', fixes: [{ title: 'Pin latest', safety: 'safe', edits: [{ range: s.imageRange, newText: text }] }] });
      }
    },
  }),
];
