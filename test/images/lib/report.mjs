// docs/image-results.md, written from one run's numbers (never edited by hand).
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';

const mb = (b) => (b === undefined ? '–' : `${(b / 1e6).toFixed(1)} MB`);
const pct = (before, after) => (before && after !== undefined ? (100 * (1 - after / before)) : undefined);

function median(xs) {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function row(r) {
  if (r.skip) return `| ${r.app} | not built: ${r.skip} | | | | | | | |`;
  const b = r.beforeImg;
  const a = r.afterImg;
  const red = pct(b?.bytes, a?.bytes);
  const tool = b && a ? `${b.toolchain.length ? 'yes' : 'none before'} → ${a.toolchain.length ? `**${a.toolchain.length} left**` : 'none'}` : '–';
  const userOf = (img) => (img ? `${img.user || 'root'} (${img.uid ?? '?'})` : '–');
  const secret = (img) => (img ? Object.values(img.secretHits).reduce((n, h) => n + h.length, 0) : '–');
  const hasSecrets = b && Object.keys(b.secretHits).length > 0;
  const runs = (x) => (x ? x.length : '–');
  const failed = r.checks.filter((c) => c.ok === false).map((c) => c.name);
  return `| ${r.app} | ${mb(b?.bytes)} → ${mb(a?.bytes)} | ${mb(b?.gzip)} → ${mb(a?.gzip)} | ${red === undefined ? '–' : `${red.toFixed(1)} %`}`
    + ` | ${tool} | ${userOf(b)} → ${userOf(a)} | ${hasSecrets ? `${secret(b)} → ${secret(a)}` : 'n/a'}`
    + ` | ${runs(r.rerunBefore)} → ${runs(r.rerunAfter)} | ${failed.length ? `FAIL: ${failed.join(', ')}` : `${r.checks.length} ok`} |`;
}

export function writeReport(path, { results, negatives, seconds, basesSeconds }) {
  const built = results.filter((r) => !r.skip);
  const reductions = built.filter((r) => r.changed && r.beforeImg && r.afterImg).map((r) => pct(r.beforeImg.bytes, r.afterImg.bytes));
  const gzReductions = built.filter((r) => r.changed && r.beforeImg && r.afterImg).map((r) => pct(r.beforeImg.gzip, r.afterImg.gzip));
  const allChecks = [...built.flatMap((r) => r.checks), ...negatives];
  const failed = allChecks.filter((c) => !c.ok).length;
  const fixedBuilt = built.filter((r) => r.after?.ok).length;
  const lines = [
    '# Real-image results',
    '',
    '<!-- Written by `npm run test:images` (test/images/run.mjs) from the run\'s own numbers. Do not edit by hand. -->',
    '',
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: **${allChecks.length - failed} checks passed, ${failed} failed**; `
      + `${fixedBuilt} of ${built.length} fixed Dockerfiles build; median final-image reduction `
      + `**${median(reductions)?.toFixed(1) ?? '–'} %** uncompressed, ${median(gzReductions)?.toFixed(1) ?? '–'} % gzip `
      + `(over the ${reductions.length} apps whose Dockerfile the fixes changed). `
      + `Took ${seconds} s on this machine (base images: ${basesSeconds ? `${basesSeconds} s, built this run` : 'cached'}).`,
    '',
    'Each app in `examples/` is built as written (*before*), then `lean-dockerfile check --fix --unsafe-fixes` runs on a',
    'copy with `secretMountStyle: file`, and the result is built (*after*). Sizes are the sum of the final image\'s',
    'layers (uncompressed, and gzip as exported). "RUN re-run" counts the RUN steps that executed again after a one-line',
    'edit of a source file. Secrets: blobs (layers, config, manifest) holding the planted fake token. Details of every',
    'check, the negative controls and each fix\'s diff follow the table; how the bed works: [images.md](images.md).',
    '',
    '| app | size before → after | gzip before → after | reduction | toolchain in final image | user before → after | secret blobs before → after | RUN re-run before → after | checks |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(row),
    '',
    '## Negative controls',
    '',
    'Deliberately bad "fixes" (`test/images/negative/`). Each must fail the named check; a control that passes means the',
    'check is blind.',
    '',
    '| control | must fail | result | evidence |',
    '| --- | --- | --- | --- |',
    ...negatives.map((n) => `| ${n.name} | ${n.mustFail} | ${n.ok ? 'failed as it should' : '**did not fail**'} | ${n.detail.replace(/\|/g, '\\|')} |`),
    '',
    '## Every check',
    '',
    ...built.flatMap((r) => [`- **${r.app}**`, ...r.checks.map((c) => `  - ${c.ok ? 'ok' : '**FAIL**'} ${c.name}: ${String(c.detail).replace(/\n/g, ' ').slice(0, 400)}`)]),
    '',
    '## What the fixes changed',
    '',
  ];
  for (const r of built) {
    if (r.fixed === undefined) continue;
    lines.push(`<details><summary>${r.app}: ${r.changed ? 'fixed Dockerfile (diff)' : 'unchanged'}`
      + `${r.cli?.remaining?.length ? ` — still reported: ${[...new Set(r.cli.remaining)].join(', ')}` : ''}</summary>`, '');
    if (r.changed) {
      const patch = createTwoFilesPatch('before/Dockerfile', 'after/Dockerfile', r.original, r.fixed, '', '', { context: 2 });
      lines.push('```diff', patch.split('\n').slice(2).join('\n').trimEnd(), '```');
    }
    lines.push('', '</details>', '');
  }
  writeFileSync(path, lines.join('\n'));
}
