import type { Hover, Position } from 'vscode-languageserver';
import { comparePositions } from '../core/text';
import type { DocAnalysis } from './analysis';
import { ruleDocUri } from './docs';

/**
 * On a finding's range: its rule, the fixes on offer with their safety, and the doc link. The message itself
 * is already in the editor's diagnostic hover, so it is not repeated; nothing here quotes the document.
 */
export function hoverAt(da: DocAnalysis, pos: Position): Hover | undefined {
  const hits = (da.analysis?.findings ?? []).filter(
    (f) => comparePositions(f.range.start, pos) <= 0 && comparePositions(pos, f.range.end) <= 0,
  );
  if (!hits.length) return undefined;
  const parts = hits.map((f) => {
    const href = ruleDocUri(f.ruleId);
    const head = href ? `[\`${f.ruleId}\`](${href})` : `\`${f.ruleId}\``;
    const fixes = f.fixes.length
      ? f.fixes.map((x) => `- ${escapeMarkdown(x.title)} *(${x.safety === 'safe' ? 'safe fix' : 'unsafe fix: review the result'})*`).join('\n')
      : '- no automatic fix';
    return `**Lean Dockerfile** ${head}\n\n${fixes}`;
  });
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: hits[0].range };
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => '\\' + c);
}
