// SPDX-License-Identifier: GPL-3.0-or-later
// A WebSocket server we did not write (npm `ws`) for the WebSocket console's tests: picks
// `petstore.chat.v1` when offered, echoes every message with its opcode, answers "close-me"
// by closing with 4000 "bye", and reports each upgrade's headers as a first text message.
// usage: node ws-peer.mjs   (prints "port N" when listening on a free loopback port)
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  handleProtocols: (protocols) => (protocols.has('petstore.chat.v1') ? 'petstore.chat.v1' : false),
});
server.on('connection', (ws, request) => {
  ws.send(JSON.stringify({ hello: request.url, tenant: request.headers['x-tenant-id'] ?? null }));
  ws.on('message', (data, isBinary) => {
    if (!isBinary && data.toString() === 'close-me') ws.close(4000, 'bye');
    else ws.send(data, { binary: isBinary });
  });
});
server.on('listening', () => console.log(`port ${server.address().port}`));
