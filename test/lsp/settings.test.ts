import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffEdit } from '../../server/src/lsp/convert';
import { mergeSettings, readEditorSettings } from '../../server/src/lsp/settings';
import { findConfig, parseConfig } from '../../server/src/node/config';
import { TextIndex } from '../../server/src/core/text';

test('editor settings: only well-formed values are taken', () => {
  const s = readEditorSettings({
    rules: { 'root-user': 'error', 'copy-before-install': 'loud', x: 3 },
    fixOnSave: { unsafe: 'yes' },
    trustedRuntimeBases: ['my/base', '', 7, ' other '],
    secretMountStyle: 'file',
  });
  assert.deepEqual(s, { rules: { 'root-user': 'error' }, fixOnSaveUnsafe: false, trustedRuntimeBases: ['my/base', 'other'], secretMountStyle: 'file' });
  assert.deepEqual(readEditorSettings(null), readEditorSettings(undefined));
  assert.equal(readEditorSettings({ 'fixOnSave.unsafe': true }).fixOnSaveUnsafe, true);
});

test('editor settings merge over the project file', () => {
  const project = parseConfig('rules: { root-user: off, copy-before-install: hint }\ntrustedRuntimeBases: [a/b]\nsecretMountStyle: file\nfixOnSave: { unsafe: true }\n').config;
  const auto = mergeSettings(readEditorSettings({ rules: { 'root-user': 'warning' }, trustedRuntimeBases: ['c/d'] }), project);
  assert.deepEqual(auto.settings, {
    rules: { 'root-user': 'warning', 'copy-before-install': 'hint' },
    trustedRuntimeBases: ['a/b', 'c/d'],
    secretMountStyle: 'file',
  });
  assert.equal(auto.fixOnSaveUnsafe, true);
  assert.equal(mergeSettings(readEditorSettings({ secretMountStyle: 'env' }), project).settings.secretMountStyle, 'env');
  assert.deepEqual(mergeSettings(readEditorSettings({})).settings, {});
});

test('project file: problems carry their place; valid parts are kept', () => {
  const { config, problems } = parseConfig('rules:\n  root-user: warning\n  roto-user: off\ntrustedRuntimeBases: nope\n', new Set(['root-user']));
  assert.deepEqual(config.settings.rules, { 'root-user': 'warning', 'roto-user': 'off' });
  assert.deepEqual(
    problems.map((p) => [p.severity, p.range.start.line, p.range.start.character, p.message]),
    [
      ['warning', 2, 2, "Unknown rule 'roto-user'. Did you mean 'root-user'?"],
      ['error', 3, 21, '`trustedRuntimeBases` must be a list of image names, e.g. [gcr.io/distroless/static].'],
    ],
  );
  assert.deepEqual(parseConfig('').problems, []);
  assert.deepEqual(parseConfig('# only a comment\n').problems, []);
  assert.equal(parseConfig('- a\n- b\n').problems.length, 1);
  assert.match(parseConfig('rules: {\n').problems[0].message, /^Invalid YAML/);
  assert.match(parseConfig('rules: {}\nrules: {}\n').problems[0].message, /^Invalid YAML/, 'duplicate keys');
});

test('project file lookup: beside the file, then parents up to the stop directory, never above it', () => {
  const root = mkdtempSync(join(tmpdir(), 'ld-cfg-'));
  mkdirSync(join(root, 'ws', 'a', 'b'), { recursive: true });
  writeFileSync(join(root, '.lean-dockerfile.yaml'), '');
  writeFileSync(join(root, 'ws', '.lean-dockerfile.yml'), '');
  assert.equal(findConfig(join(root, 'ws', 'a', 'b'), join(root, 'ws')), join(root, 'ws', '.lean-dockerfile.yml'));
  writeFileSync(join(root, 'ws', 'a', '.lean-dockerfile.yaml'), '');
  assert.equal(findConfig(join(root, 'ws', 'a', 'b'), join(root, 'ws')), join(root, 'ws', 'a', '.lean-dockerfile.yaml'));
  assert.equal(findConfig(join(root, 'ws', 'a', 'b'), join(root, 'ws', 'a', 'b')), undefined, 'stops at the stop directory');
  assert.equal(findConfig(join(root, 'ws', 'a', 'b'), join(root, 'elsewhere')), undefined, 'outside the stop directory: only its own directory');
});

test('diffEdit: one edit for the changed part, never splitting CRLF', () => {
  const cases: [string, string][] = [
    ['a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
    ['a\r\nb\r\n', 'a\r\nx\r\nb\r\n'],
    ['a\r\n', 'a\r\n\r\n'],
    ['x', ''],
    ['', 'FROM a\n'],
    ['😀a', '😀b'],
  ];
  for (const [before, after] of cases) {
    const e = diffEdit(before, after)!;
    const idx = new TextIndex(before);
    const out = before.slice(0, idx.offsetAt(e.range.start)) + e.newText + before.slice(idx.offsetAt(e.range.end));
    assert.equal(out, after, JSON.stringify([before, after]));
  }
  assert.equal(diffEdit('same', 'same'), undefined);
});
