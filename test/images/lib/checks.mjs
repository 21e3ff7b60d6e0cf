// The pass/fail checks the bed applies to one app's before/after pair (and to the negative controls).
// Each check is {name, ok, detail}; `ok === null` means not applicable (not counted).

const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;

export function checkBuilt(label, build) {
  return { name: `${label} builds`, ok: !!build?.ok, detail: build?.ok ? `${build.seconds.toFixed(0)} s` : (build?.tail ?? 'not built') };
}

/** Checks on a final image that must hold for every fixed (or already good) Dockerfile. */
export function imageChecks(img, { secrets = {} } = {}) {
  const out = [];
  out.push({
    name: 'no-toolchain',
    ok: img.toolchain.length === 0,
    detail: (img.toolchain.length ? img.toolchain.slice(0, 4).join(', ') + (img.toolchain.length > 4 ? ', …' : '') : 'none found')
      + (img.runtimeNpm ? ' (npm bundled with the node slim runtime base, as in the official image: not counted)' : ''),
  });
  const nonRoot = img.uid !== undefined && img.uid !== 0;
  const smokeOk = img.smoke.code === 0 && img.smoke.uid === img.uid;
  out.push({
    name: 'non-root',
    ok: nonRoot && smokeOk,
    detail: `USER ${JSON.stringify(img.user)} → uid ${img.uid ?? '?'}; smoke exit ${img.smoke.code}, ran as uid ${img.smoke.uid ?? '?'}`
      + (smokeOk ? '' : ` (${img.smoke.out.slice(0, 200)})`),
  });
  const names = Object.keys(secrets);
  if (names.length) {
    const hits = names.flatMap((n) => img.secretHits[n].map((b) => `${n} in blob ${b}`));
    out.push({ name: 'no-secret', ok: hits.length === 0, detail: hits.length ? hits.join(', ') : 'searched every layer, config and manifest' });
  }
  return out;
}

export function sizeCheck(before, after, unchanged) {
  if (unchanged) {
    return { name: 'size', ok: after.bytes <= before.bytes * 1.01, detail: `${mb(before.bytes)} → ${mb(after.bytes)} (file unchanged)` };
  }
  const ok = after.bytes < before.bytes && after.gzip < before.gzip;
  return { name: 'smaller', ok, detail: `${mb(before.bytes)} → ${mb(after.bytes)} uncompressed, ${mb(before.gzip)} → ${mb(after.gzip)} gzip` };
}

export function cacheCheck(beforeRuns, afterRuns, expectation) {
  if (!beforeRuns || !afterRuns) return { name: 'cache-order', ok: false, detail: 'rebuild after the source edit failed' };
  const b = beforeRuns.length;
  const a = afterRuns.length;
  const ok = expectation === 'fewer' ? a < b : a <= b;
  return { name: 'cache-order', ok, detail: `RUN steps re-run on a source edit: ${b} → ${a} (expected ${expectation})` };
}

/** The planted secret must be found in the before image: proves the scan can see it. */
export function secretSeenBefore(img, secrets) {
  const names = Object.keys(secrets);
  if (!names.length) return null;
  const hits = names.flatMap((n) => img.secretHits[n]);
  return { name: 'secret-found-before', ok: hits.length > 0, detail: `${hits.length} blob(s) of the before image hold the planted token` };
}

export function fixCheck(cli, changed, unchanged) {
  if (!cli) return { name: 'fix', ok: false, detail: 'CLI not run' };
  const ran = cli.code === 0 || cli.code === 1;
  if (unchanged) return { name: 'unchanged', ok: ran && !changed, detail: changed ? 'the fix changed an already-good Dockerfile' : `CLI exit ${cli.code}, file unchanged` };
  return { name: 'fix', ok: ran && changed, detail: ran ? (changed ? `CLI exit ${cli.code}` : 'CLI changed nothing') : `CLI exit ${cli.code}: ${cli.out.slice(-300)}` };
}
