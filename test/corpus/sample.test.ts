import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusAvailable, CORPUS_DIR, jessfrazFiles, readDockerhub } from './corpusFiles';
import { ready, ruleIds, sweepFile, type FileResult } from './sweepWorker';
import { formatSummary, summarise } from './summary';
import { PROBLEM_KINDS } from './checkFile';

// A sampled corpus sweep inside `npm test`: every 19th dockerhub-2020 file (5,252 files, deterministic)
// and every jessfraz Dockerfile, with the same checks as `npm run corpus`.
const EVERY = 19;
const have = corpusAvailable();

if (!have.dockerhub || !have.jessfraz) {
  // A visible diagnostic, not a silent pass: the corpora live outside the project.
  test(`corpus sample: DID NOT RUN — no corpus at ${CORPUS_DIR} (set LEAN_DOCKERFILE_CORPUS)`, (t) => {
    t.diagnostic(`corpus tests did not run: ${CORPUS_DIR} is missing`);
    console.warn(`\n*** corpus sample tests did not run: no corpus at ${CORPUS_DIR} ***\n`);
  });
} else {
  test(`corpus sample: every ${EVERY}th dockerhub-2020 file and all of jessfraz, every fix alone and together`, async (t) => {
    await ready;
    const files = [...(await readDockerhub(EVERY)), ...jessfrazFiles()];
    assert.ok(files.length >= 5000 + 200, `only ${files.length} files`);
    const results: FileResult[] = [];
    const t0 = performance.now();
    files.forEach((f, i) => results.push(sweepFile(f, i)));
    const s = summarise(results);
    t.diagnostic(`${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s; rules: ${ruleIds().join(', ') || '(none registered)'}`);
    const bad = PROBLEM_KINDS.filter((k) => s.counts[k] > 0);
    assert.deepEqual(bad, [], formatSummary(s).join('\n'));
  });
}
