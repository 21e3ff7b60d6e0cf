'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { Notes } = require('./lib/notes.js');

test('finds notes by tag', () => {
  const n = new Notes();
  n.add('a', ['X']);
  assert.equal(n.byTag('x').length, 1);
});
