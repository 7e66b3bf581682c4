// SPDX-License-Identifier: GPL-3.0-or-later
// The peer for the WebSocket echo benchmark (tests/bench/stream-bench.sh): npm `ws` echoing
// every message back with its opcode, as /v1/ws/echo does.
// usage: node ws-echo-node.mjs PORT
import { createRequire } from 'node:module';

// `ws` is installed once, for the interop tests.
const require = createRequire(new URL('../interop/package.json', import.meta.url));
const { WebSocketServer } = require('ws');

const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.argv[2]), path: '/v1/ws/echo' });
server.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
server.on('listening', () => console.log('ready'));
