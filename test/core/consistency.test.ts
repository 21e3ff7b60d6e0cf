import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/rules';
import { rulesTable } from '../../scripts/rulesTable';

const HEADINGS = ['## What it does', '## Why is this bad?', '## Example', '## Fix safety', '## References'];

test('every rule file is registered, and every registered rule has its file', () => {
  const files = readdirSync('server/src/rules')
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(files, rules.map((r) => r.meta.id).sort());
});

for (const rule of rules) {
  const id = rule.meta.id;
  test(`${id}: kebab-case id, doc with the fixed headings, fixtures`, () => {
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    const doc = join('server/src/rules', `${id}.md`);
    assert.ok(existsSync(doc), `${doc} missing`);
    const text = readFileSync(doc, 'utf8');
    assert.ok(text.startsWith(`# ${id}\n`), `${doc} must start with "# ${id}"`);
    let last = -1;
    for (const h of HEADINGS) {
      const at = text.indexOf(`\n${h}\n`);
      assert.ok(at > last, `${doc}: "${h}" missing or out of order`);
      last = at;
    }
    assert.match(text, /Use instead:/, `${doc}: the Example section shows the good version after "Use instead:"`);
    const dir = join('test/rules', id);
    assert.ok(existsSync(dir), `${dir} missing`);
    const fx = readdirSync(dir);
    assert.ok(fx.some((f) => /^valid-.*\.Dockerfile$/.test(f)), `${id}: no valid fixture`);
    assert.ok(fx.some((f) => /^invalid-.*\.Dockerfile$/.test(f) && !f.endsWith('.fixed.Dockerfile')), `${id}: no invalid fixture`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.meta.severity));
    assert.ok(rule.meta.summary.length > 10);
  });
}

test('the README rules table is generated from the rules (no drift)', () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = rulesTable(rules);
  assert.ok(
    readme.includes(table),
    'README.md rules table is out of date: run `node --import tsx scripts/rulesTable.ts --write`',
  );
});

test('the README image-results headline is the one docs/image-results.md records (no typed numbers)', async () => {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['scripts/readmeResults.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
