import type { CodeLens } from 'vscode-languageserver';
import { effectiveUser, stageChain } from '../core/model';
import { baseUserFor } from '../knowledge/users';
import type { DocAnalysis } from './analysis';

const MAX_IMAGE_CHARS = 60;

/** What ships, in one line: the final stage's base image, its user and the file's findings. */
export interface FinalImageSummary {
  base: string;
  user: string;
  findings: number;
}

export function summariseFinalImage(da: DocAnalysis): FinalImageSummary | undefined {
  const model = da.analysis?.model;
  const final = model?.stages.find((s) => s.isFinal) ?? model?.stages[model.stages.length - 1];
  if (!model || !final) return undefined;
  const root = stageChain(final)[0];
  const base = root.imageText.trim() || root.from.args[0]?.value || '?';
  return { base: shorten(base), user: userOf(final, root, da.resolved.settings.trustedRuntimeBases), findings: da.analysis!.findings.length };
}

/** "Final image: node:20-slim · runs as node · 3 findings — Fix all" above the final FROM; clicking runs fix-all. */
export function finalImageLens(da: DocAnalysis, fixAllCommand: string): CodeLens[] {
  const s = summariseFinalImage(da);
  const model = da.analysis?.model;
  const final = model?.stages.find((x) => x.isFinal) ?? model?.stages[model.stages.length - 1];
  if (!s || !final) return [];
  const head = `Final image: ${s.base} · runs as ${s.user}`;
  const range = { start: final.from.range.start, end: final.from.range.start };
  if (!s.findings) return [{ range, command: { title: `${head} · no findings`, command: '' } }];
  const title = `${head} · ${s.findings} finding${s.findings === 1 ? '' : 's'} — Fix all`;
  return [{ range, command: { title, command: fixAllCommand, arguments: [da.uri] } }];
}

type Stage = NonNullable<DocAnalysis['analysis']>['model']['stages'][number];

function userOf(final: Stage, root: Stage, trusted: readonly string[] | undefined): string {
  const set = effectiveUser(final);
  if (set) return shorten(set.user);
  if (!root.image || root.image.hasVariables) return 'root';
  const known = baseUserFor(root.image, trusted ?? []);
  if (known.family === 'windows') return "the image's default user";
  if (known.runsAsNonRoot) return known.existingUser ? known.existingUser.split(':')[0] : 'non-root (set by the image)';
  return 'root';
}

function shorten(s: string): string {
  return s.length > MAX_IMAGE_CHARS ? s.slice(0, MAX_IMAGE_CHARS - 1) + '…' : s;
}
