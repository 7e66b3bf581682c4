// SPDX-License-Identifier: GPL-3.0-or-later
// graphql-transport-ws against the running mock with npm graphql-ws's client (over npm ws):
// subscribe to petStatusChanged, change the pet over REST, receive the payload; a query over
// the socket; an invalid subscription gets an error message; then raw protocol violations
// close with the documented codes.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.PETSTORE_URL;
const wsUrl = `${base.replace(/^http/, 'ws')}/v1/graphql`;
let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};
const withTimeout = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);

const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false });
const pets = await (await fetch(`${base}/v1/pets?status=AVAILABLE&limit=1`)).json();
const pet = pets.data[0];

// 1. A subscription sees a REST change.
const received = new Promise((resolve, reject) => {
  const dispose = client.subscribe(
    { query: 'subscription ($id: ID) { petStatusChanged(petId: $id) { pet { id name status } previousStatus status eventId } }', variables: { id: pet.id } },
    { next: (value) => { dispose(); resolve(value); }, error: reject, complete: () => {} },
  );
});
await new Promise((r) => setTimeout(r, 200));
const patched = await fetch(`${base}/v1/pets/${pet.id}`, {
  method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ status: 'NOT_AVAILABLE' }),
});
if (patched.status !== 200) fail(`PATCH answered ${patched.status}`);
const event = await withTimeout(received, 5000, 'petStatusChanged');
const change = event.data?.petStatusChanged;
if (change?.pet?.id !== pet.id || change.status !== 'NOT_AVAILABLE' || change.previousStatus !== 'AVAILABLE' || change.pet.status !== 'NOT_AVAILABLE')
  fail(`subscription payload: ${JSON.stringify(event)}`);
else console.log(`petStatusChanged arrived: ${pet.name} ${change.previousStatus} -> ${change.status} (event ${change.eventId})`);

// 2. A query over the socket answers once and completes.
const query = await withTimeout(new Promise((resolve, reject) => {
  let result;
  client.subscribe({ query: '{ pet(id: "' + pet.id + '") { name } }' }, { next: (v) => { result = v; }, error: reject, complete: () => resolve(result) });
}), 5000, 'query');
if (query?.data?.pet?.name !== pet.name) fail(`query over WebSocket: ${JSON.stringify(query)}`);

// 3. A subscription that does not validate gets an error message, not a closed socket.
const invalid = await withTimeout(new Promise((resolve) => {
  client.subscribe({ query: 'subscription { petStatusChanged { nope } }' }, { next: () => {}, error: resolve, complete: () => resolve(null) });
}), 5000, 'invalid subscription');
if (!Array.isArray(invalid) || !invalid[0]?.message?.includes('Cannot query field "nope"')) fail(`invalid subscription: ${JSON.stringify(invalid)}`);
await client.dispose();

// 4. Protocol violations close with graphql-transport-ws's codes.
const closeCode = (steps, timeoutMs = 5000) => withTimeout(new Promise((resolve, reject) => {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  socket.on('open', () => steps(socket));
  socket.on('close', (code) => resolve(code));
  socket.on('error', reject);
}), timeoutMs, 'close');
const cases = [
  ['invalid JSON', 4400, (s) => s.send('{not json')],
  ['unknown message type', 4400, (s) => { s.send(JSON.stringify({ type: 'connection_init' })); s.send(JSON.stringify({ type: 'hello' })); }],
  ['subscribe before connection_ack', 4401, (s) => s.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }))],
  ['a bad token in connection_init', 4403, (s) => s.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: 'Bearer not-a-token' } }))],
  ['two connection_init', 4429, (s) => { s.send(JSON.stringify({ type: 'connection_init' })); s.send(JSON.stringify({ type: 'connection_init' })); }],
  ['a subscriber id twice', 4409, (s) => {
    const subscribe = JSON.stringify({ id: 'same', type: 'subscribe', payload: { query: 'subscription { inventoryChanged { stock } }' } });
    s.send(JSON.stringify({ type: 'connection_init' }));
    s.on('message', (m) => { if (JSON.parse(m).type === 'connection_ack') { s.send(subscribe); s.send(subscribe); } });
  }],
  ['no connection_init', 4408, () => {}],
];
for (const [what, expected, steps] of cases) {
  const code = await closeCode(steps);
  if (code !== expected) fail(`${what}: closed with ${code}, expected ${expected}`);
  else console.log(`${what}: closed with ${code}`);
}
// A subprotocol we do not speak is not negotiated (RFC 6455 §4.2.2).
const offered = await withTimeout(new Promise((resolve) => {
  const socket = new WebSocket(wsUrl, 'graphql-ws');
  socket.on('open', () => { resolve(socket.protocol); socket.close(); });
  socket.on('error', () => resolve('refused'));
}), 5000, 'legacy subprotocol');
if (offered === 'graphql-ws') fail('the legacy graphql-ws subprotocol was accepted');

console.log(failures ? `${failures} failure(s)` : 'graphql-transport-ws: every check passed');
process.exit(failures ? 1 : 0);
