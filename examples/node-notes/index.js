'use strict';
const http = require('node:http');
const { Notes } = require('./lib/notes.js');

const notes = new Notes();
notes.add('Ship the slim image', ['docker', 'todo']);

if (process.env.SELFTEST === '1') {
  console.log(`notes-api uid=${process.getuid()} notes=${notes.byTag('docker').length}`);
  process.exit(0);
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const tag = url.searchParams.get('tag');
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(tag ? notes.byTag(tag) : []));
}).listen(Number(process.env.PORT) || 8000);
