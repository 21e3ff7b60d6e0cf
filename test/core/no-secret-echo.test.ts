import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ready } from '../helpers/setup';
import { listFixtures } from '../helpers/golden';
import { analyse, buildModel } from '../../server/src/core';
import { rules } from '../../server/src/rules';
import { isCredentialName } from '../../server/src/knowledge/secrets';
import { findTokens, looksLikeSecret } from '../../server/src/knowledge/tokenFormats';
import { scanLiterals } from '../../server/src/rules/hardcoded-secret/scan';

// Issue 4, "Done when": no secret value in any diagnostic. Every secret-looking literal of every fixture of every
// rule is looked for in every finding message and fix title of every rule, over every fixture.
const ROOT = join(__dirname, '..', 'rules');

function secretsOf(text: string): string[] {
  const out = new Set<string>();
  for (const t of findTokens(text)) out.add(text.slice(t.start, t.end));
  const model = buildModel(text);
  for (const l of scanLiterals(model)) out.add(text.slice(l.start, l.end));
  for (const d of [...model.globalArgs, ...model.stages.flatMap((s) => [...s.args, ...s.envs])]) {
    if (d.value && isCredentialName(d.name) && looksLikeSecret(d.value)) out.add(d.value);
  }
  return [...out].filter((s) => s.length >= 6);
}

test('no finding message or fix title of any rule echoes a secret of any fixture', async () => {
  await ready;
  const fixtures = rules.flatMap((r) => listFixtures(join(ROOT, r.meta.id)));
  const secrets = new Set(fixtures.flatMap((f) => secretsOf(f.text)));
  // The fixtures must hold secrets, or this test would prove nothing.
  assert.ok(secrets.size >= 15, `only ${secrets.size} secret literals found in the fixtures`);
  assert.ok([...secrets].some((s) => s.startsWith("ghp_")) && [...secrets].some((s) => s.startsWith("AKIA")), "known tokens of the fixtures were not collected");
  const leaks: string[] = [];
  let findings = 0;
  for (const fx of fixtures) {
    const context = fx.context;
    for (const style of ['env', 'file'] as const) {
      const result = analyse(fx.text, { rules, context, settings: { secretMountStyle: style } });
      for (const f of result.findings) {
        findings++;
        const texts = [f.message, ...f.fixes.map((x) => x.title)];
        for (const s of secrets) if (texts.some((t) => t.includes(s))) leaks.push(`${fx.name}: ${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1} echoes a secret of ${s.length} chars`);
      }
    }
  }
  assert.ok(findings > 50, `only ${findings} findings`);
  assert.deepEqual(leaks, []);
});
