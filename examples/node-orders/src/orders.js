'use strict';
// In-memory order store; the real service reads from Postgres.
const orders = new Map([
  ['A-1001', { id: 'A-1001', status: 'shipped', total: 42.5 }],
  ['A-1002', { id: 'A-1002', status: 'pending', total: 17.0 }],
]);

function findOrder(id) {
  return orders.get(String(id).toUpperCase()) ?? null;
}

module.exports = { findOrder };
