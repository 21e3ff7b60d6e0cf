// Copies the headline of docs/image-results.md (written by `npm run test:images`) into the README, so the numbers
// the README shows always come from a run. `node scripts/readmeResults.mjs [--check]`.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const BEGIN = '<!-- image-results:begin -->';
const END = '<!-- image-results:end -->';

export function headline(results) {
  const line = results.split('\n').find((l) => /^Run of /.test(l));
  return line ? `> ${line}` : '> No run of the image test bed recorded yet.';
}

const readme = readFileSync('README.md', 'utf8');
const results = existsSync('docs/image-results.md') ? readFileSync('docs/image-results.md', 'utf8') : '';
const s = readme.indexOf(BEGIN);
const e = readme.indexOf(END);
if (s < 0 || e < 0) throw new Error('README.md has no image-results markers');
const next = readme.slice(0, s + BEGIN.length) + '\n' + headline(results) + '\n' + readme.slice(e);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md image-results headline is out of date: run node scripts/readmeResults.mjs');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', next);
}
