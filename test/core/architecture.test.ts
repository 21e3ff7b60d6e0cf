import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (e.endsWith('.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

for (const dir of ['server/src/core', 'server/src/rules', 'server/src/knowledge']) {
  test(`${dir} is pure: no vscode*, no node:* or Node built-ins, no lsp/cli/node modules`, () => {
    const offenders: string[] = [];
    for (const file of sources(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (
          /^vscode/.test(spec) ||
          /^node:/.test(spec) ||
          /^(fs|path|os|child_process|process|worker_threads|url|util|crypto)$/.test(spec) ||
          (spec.startsWith('.') && /^server\/src\/(lsp|cli|node)(\/|$)/.test(relative(process.cwd(), resolve(dirname(file), spec))))
        ) {
          offenders.push(`${file}: ${spec}`);
        }
      }
      if (/\bprocess\.(env|cwd|argv|exit)/.test(text)) offenders.push(`${file}: uses process`);
    }
    assert.deepEqual(offenders, []);
  });
}

test('client imports nothing from the server', () => {
  for (const file of sources('client/src')) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from\s+['"][^'"]*server\/src/, file);
  }
});
