// SPDX-License-Identifier: GPL-3.0-or-later
// The peer for tests/bench/rest-bench.sh: a plain Node `http` server answering each path with
// the exact status, headers and body captured from petstore-mock, so both send the same bytes.
// usage: node node-baseline.mjs PORT CAPTURE.json   (CAPTURE: {path: {status, headers, body}})
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, capturePath] = process.argv.slice(2);
const captured = JSON.parse(readFileSync(capturePath, 'utf8'));
const replies = Object.fromEntries(Object.entries(captured).map(([path, r]) => [path, { ...r, body: Buffer.from(r.body) }]));
http.createServer((req, res) => {
  const reply = replies[req.url];
  if (!reply) { res.writeHead(404).end(); return; }
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
