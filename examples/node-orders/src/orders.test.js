'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { findOrder } = require('./orders.js');

test('finds orders case-insensitively', () => {
  assert.equal(findOrder('a-1002').status, 'pending');
  assert.equal(findOrder('nope'), null);
});
