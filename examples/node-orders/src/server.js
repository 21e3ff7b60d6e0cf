'use strict';
const http = require('node:http');
const { findOrder } = require('./orders.js');
const build = require('./build-info.json');

if (process.env.SELFTEST === '1') {
  console.log(`orders-service ${build.version} uid=${process.getuid()} found=${findOrder('a-1001').id}`);
  process.exit(0);
}

const server = http.createServer((req, res) => {
  const m = /^\/orders\/([\w-]+)$/.exec(req.url ?? '');
  const order = m && findOrder(m[1]);
  res.writeHead(order ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify(order ?? { error: 'not found' }));
});
const port = Number(process.env.PORT ?? 3000);
server.listen(port, () => console.log(`orders-service ${build.version} on :${port}`));
