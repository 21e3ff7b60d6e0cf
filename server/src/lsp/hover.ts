import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver';
import { comparePositions } from '../core/text';
import { describeImage } from '../knowledge/imageVariants';
import type { DocAnalysis } from './analysis';
import { ruleDocUri } from './docs';

/**
 * One hover, merged: the language service's (instruction and flag docs, when the editor features are ours), then
 * for a FROM image its family's variants and trade-offs, then on a finding's range its rule, the fixes on offer
 * with their safety, and the doc link. The finding's message is already in the editor's diagnostic hover, so it
 * is not repeated; nothing here quotes a credential.
 */
export function hoverAt(da: DocAnalysis, pos: Position, service?: Hover | null): Hover | undefined {
  const parts: string[] = [];
  let range: Range | undefined = service?.range;
  const serviceText = service ? markdownOf(service.contents) : '';
  if (serviceText.trim()) parts.push(serviceText);

  const stage = da.analysis?.model.stages.find((s) => s.image && !s.baseStage && s.imageRange && within(s.imageRange, pos));
  const image = stage?.image && describeImage(stage.image);
  if (image) {
    parts.push(image);
    range ??= stage!.imageRange;
  }

  const hits = (da.analysis?.findings ?? []).filter((f) => within(f.range, pos));
  for (const f of hits) {
    const href = ruleDocUri(f.ruleId);
    const head = href ? `[\`${f.ruleId}\`](${href})` : `\`${f.ruleId}\``;
    const fixes = f.fixes.length
      ? f.fixes.map((x) => `- ${escapeMarkdown(x.title)} *(${x.safety === 'safe' ? 'safe fix' : 'unsafe fix: review the result'})*`).join('\n')
      : '- no automatic fix';
    parts.push(`**Lean Dockerfile** ${head}\n\n${fixes}`);
  }
  if (hits.length) range = hits[0].range;
  if (!parts.length) return undefined;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

function within(r: Range, pos: Position): boolean {
  return comparePositions(r.start, pos) <= 0 && comparePositions(pos, r.end) <= 0;
}

/** Any of the hover content shapes as markdown (plain strings are escaped, code blocks fenced). */
function markdownOf(c: Hover['contents']): string {
  if (typeof c === 'string') return escapeMarkdown(c);
  if (Array.isArray(c)) return c.map((x) => markdownOf(x)).join('\n\n');
  if ('kind' in c) return (c as MarkupContent).kind === 'markdown' ? c.value : escapeMarkdown(c.value);
  return '```' + c.language + '\n' + c.value + '\n```';
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => '\\' + c);
}
