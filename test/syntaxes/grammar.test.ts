import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('node_modules/vscode-tmgrammar-test/dist/unit.js');
const CONFIG = resolve('test/syntaxes/package.json');

function runGrammarTest(file: string) {
  return spawnSync(process.execPath, [BIN, '--config', CONFIG, file], { encoding: 'utf8' });
}

test('injection grammar: directives, ignore comments, --mount keys, heredoc bodies', () => {
  const r = runGrammarTest(resolve('test/syntaxes/injection.test.Dockerfile'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /run successfuly/);
});

test('the grammar test fails when a scope is wrong (negative control)', () => {
  const text = readFileSync('test/syntaxes/injection.test.Dockerfile', 'utf8').replace(
    '^^^^^^^ entity.other.attribute-name.flag.dockerfile',
    '^^^^^^^ not.the.right.scope',
  );
  const file = join(mkdtempSync(join(tmpdir(), 'ld-grammar-')), 'neg.test.Dockerfile');
  writeFileSync(file, text);
  const r = runGrammarTest(file);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /missing required scopes: not\.the\.right\.scope/);
});
