import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionalWords } from '../../server/src/core/words';

test('positionalWords skips flags and the values of flags that take one', () => {
  const words = ['install', '--prefix', 'app', '--omit=dev', '-g', undefined, '-', 'x'];
  assert.deepEqual(positionalWords(words, new Set(['--prefix'])), ['install', undefined, '-', 'x']);
  assert.deepEqual(positionalWords(words, ['--prefix', '-g']), ['install', '-', 'x']);
  const objs = [{ v: 'build' }, { v: '-o' }, { v: '/app' }, { v: './cmd' }];
  assert.deepEqual(positionalWords(objs, ['-o'], (w) => w.v).map((w) => w.v), ['build', './cmd']);
});
