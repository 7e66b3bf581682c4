// SPDX-License-Identifier: GPL-3.0-or-later
// SSE and WebSocket against a running petstore-mock with clients we did not write: npm
// `eventsource` (resume across a forced reconnect with Last-Event-ID) and npm `ws`
// (subprotocols, ping/pong, close codes, binary echo), plus one order placed over REST seen on
// SSE and on a WebSocket subscription with the same event id. Needs PETSTORE_URL.
import assert from 'node:assert/strict';
import { EventSource } from 'eventsource';
import WebSocket from 'ws';

const base = process.env.PETSTORE_URL;
const wsBase = base.replace(/^http/, 'ws');
const json = { 'Content-Type': 'application/json' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function admin(method, path, body) {
  const response = await fetch(base + path, { method, headers: json, body: JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path} -> ${response.status}`);
  return response.json();
}
const inject = (n) => admin('POST', '/admin/events', { type: 'pet.updated', subject: `/v1/pets/p${n}`, data: { n } });

// Resolves with the first value `predicate` returns truthy for, or rejects after `ms`.
function waitFor(what, ms, subscribe) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    subscribe((value) => { clearTimeout(timer); resolve(value); });
  });
}

function openSocket(path, protocols, options) {
  const ws = new WebSocket(wsBase + path, protocols, options);
  const messages = [];
  ws.on('message', (data, binary) => {
    if (!binary && path.startsWith('/v1/ws/echo')) return;
    messages.push(binary ? data : JSON.parse(data.toString()));
  });
  const closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  return { ws, messages, closed, opened };
}

const scenarios = {
  async eventsourceResumesWithLastEventId() {
    await admin('PUT', '/admin/config', { streaming: { retryMs: 100 } });
    const requests = [];
    let cut = false;
    // A fetch that drops the first connection after its first event: the client must
    // reconnect by itself and ask for what it missed.
    const flakyFetch = async (url, init) => {
      requests.push(init.headers);
      const response = await fetch(url, init);
      if (cut) return response;
      cut = true;
      const reader = response.body.getReader();
      const body = new ReadableStream({
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) { controller.close(); return; }
          controller.enqueue(value);
          if (/^id: /m.test(new TextDecoder().decode(value))) { reader.cancel(); controller.close(); }
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const source = new EventSource(`${base}/v1/events?types=pet.updated`, { fetch: flakyFetch });
    const seen = [];
    source.addEventListener('pet.updated', (e) => seen.push(Number(e.lastEventId)));
    await waitFor('open', 3000, (done) => source.addEventListener('open', done));
    const firstEvent = waitFor('the first event', 3000, (done) => source.addEventListener('pet.updated', done));
    const first = await inject(1);
    await firstEvent;
    await inject(2);   // published while the client is cut off or reconnecting
    await inject(3);
    const last = await waitFor('the replayed events', 5000, (done) => {
      source.addEventListener('pet.updated', (e) => Number(e.lastEventId) === Number(first.id) + 2 && done(e));
    });
    source.close();
    assert.equal(requests.length, 2, 'one reconnect');
    const lastEventId = new Headers(requests[1]).get('last-event-id');
    assert.equal(lastEventId, first.id, 'the reconnect sent Last-Event-ID');
    assert.deepEqual(seen, [1, 2, 3].map((k) => Number(first.id) + k - 1), 'no event lost or repeated');
    assert.equal(JSON.parse(last.data).data.n, 3);
  },

  async chatNegotiatesItsSubprotocolAndAnswers() {
    const { ws, messages, opened } = openSocket('/v1/ws/chat', ['bogus', 'petstore.chat.v1']);
    await opened;
    assert.equal(ws.protocol, 'petstore.chat.v1');
    ws.send(JSON.stringify({ type: 'message', clientMessageId: 'c-1', text: 'Which cats are available?' }));
    await waitFor('the agent reply', 5000, (done) => {
      const timer = setInterval(() => {
        if (messages.some((m) => m.type === 'message' && m.text.includes('cats'))) { clearInterval(timer); done(); }
      }, 20);
    });
    assert.equal(messages[0].type, 'welcome');
    assert.ok(messages.some((m) => m.type === 'delivered' && m.clientMessageId === 'c-1'));
    assert.ok(messages.some((m) => m.type === 'agent_assigned' && m.agent.name === 'Robin'));
    const typing = messages.findIndex((m) => m.type === 'typing' && m.typing);
    const reply = messages.findIndex((m) => m.type === 'message' && m.text.includes('cats'));
    assert.ok(typing >= 0 && typing < reply, 'typing comes before the reply');
    ws.close(1000);
  },

  async unknownSubprotocolGetsNoneAndTheClientFails() {
    const { opened } = openSocket('/v1/ws/chat', ['graphql-transport-ws']);
    await assert.rejects(opened, /Server sent no subprotocol/);
  },

  async pingPongAtBothLevels() {
    const { ws, messages, opened } = openSocket('/v1/ws/chat');
    await opened;
    const pong = waitFor('a pong frame', 2000, (done) => ws.once('pong', done));
    ws.ping(Buffer.from('hello'));
    assert.equal((await pong).toString(), 'hello');
    ws.send(JSON.stringify({ type: 'ping', id: 7 }));
    await waitFor('an app-level pong', 2000, (done) => {
      const timer = setInterval(() => { if (messages.some((m) => m.type === 'pong' && m.id === 7)) { clearInterval(timer); done(); } }, 10);
    });
    ws.close();
  },

  async malformedMessagesGetErrorsAndTheConnectionStays() {
    const { ws, messages, opened } = openSocket('/v1/ws/chat');
    await opened;
    for (const bad of ['{oops', '[1]', '{"type":"dance"}', '{"type":"message","text":""}',
                       '{"type":"subscribe","channels":["users"]}'])
      ws.send(bad);
    ws.send(JSON.stringify({ type: 'ping', id: 'after' }));
    await waitFor('the pong after the errors', 2000, (done) => {
      const timer = setInterval(() => { if (messages.some((m) => m.type === 'pong')) { clearInterval(timer); done(); } }, 10);
    });
    const codes = messages.filter((m) => m.type === 'error').map((m) => m.code);
    assert.deepEqual(codes, ['invalid_json', 'invalid_message', 'unknown_type', 'invalid_message', 'invalid_channel']);
    assert.equal(ws.readyState, WebSocket.OPEN);
    ws.close();
  },

  async closeCodesForOversizedInvalidUtf8AndBinary() {
    const big = openSocket('/v1/ws/chat');
    await big.opened;
    big.ws.send('x'.repeat(70 * 1024));
    assert.equal((await big.closed).code, 1009);

    const utf8 = openSocket('/v1/ws/chat');
    await utf8.opened;
    utf8.ws.send(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), { binary: false });   // text frame, invalid UTF-8
    assert.equal((await utf8.closed).code, 1007);

    const binary = openSocket('/v1/ws/chat');
    await binary.opened;
    binary.ws.send(Buffer.from([1, 2, 3]));
    assert.equal((await binary.closed).code, 1003);

    const channels = openSocket('/v1/ws/events?channels=pets,users');
    await channels.opened;
    assert.equal((await channels.closed).code, 1008);
  },

  async authRequiredClosesWith4401() {
    await admin('PUT', '/admin/config', { auth: 'required' });
    try {
      const missing = openSocket('/v1/ws/chat');
      await missing.opened;
      assert.equal((await missing.closed).code, 4401);
      const bad = openSocket('/v1/ws/chat?token=not.a.jwt');
      await bad.opened;
      assert.equal((await bad.closed).code, 4401);
      const user = { username: `ws-${Date.now()}`, password: 'correct-horse-battery' };
      const registered = await fetch(`${base}/v1/users`, {
        method: 'POST', headers: json, body: JSON.stringify({ ...user, email: `${user.username}@example.com` }) });
      assert.equal(registered.status, 201, 'registration');
      const login = await fetch(`${base}/v1/auth/tokens`, { method: 'POST', headers: json, body: JSON.stringify(user) });
      assert.equal(login.status, 200, 'login');
      const { accessToken } = await login.json();
      const good = openSocket(`/v1/ws/chat?token=${accessToken}`);
      await good.opened;
      await waitFor('welcome', 2000, (done) => good.ws.once('message', done));
      assert.notEqual(good.messages[0].user, null);
      good.ws.close();
      // Non-browser clients may send the header instead.
      const header = openSocket('/v1/ws/events?channels=pets', [], { headers: { Authorization: `Bearer ${accessToken}` } });
      await header.opened;
      const stillOpen = await Promise.race([header.closed, sleep(300).then(() => 'open')]);
      assert.equal(stillOpen, 'open');
      header.ws.close();
    } finally {
      await admin('PUT', '/admin/config', { auth: 'none' });
    }
  },

  async echoReturnsTextAndBinaryWithTheirOpcodes() {
    const { ws, opened } = openSocket('/v1/ws/echo');
    await opened;
    const payload = Buffer.from([0, 1, 2, 253, 254, 255]);
    const received = [];
    ws.on('message', (data, binary) => received.push({ data: Buffer.from(data), binary }));
    ws.send('héllo');
    ws.send(payload);
    await waitFor('two echoes', 2000, (done) => {
      const timer = setInterval(() => { if (received.length === 2) { clearInterval(timer); done(); } }, 5);
    });
    assert.deepEqual(received[0], { data: Buffer.from('héllo'), binary: false });
    assert.deepEqual(received[1], { data: payload, binary: true });
    ws.close();
  },

  async anOrderPlacedOverRestArrivesOnSseAndWebSocketWithOneId() {
    const source = new EventSource(`${base}/v1/events?types=order.created`);
    await waitFor('open', 3000, (done) => source.addEventListener('open', done));
    const sseEvent = waitFor('the SSE event', 3000, (done) => source.addEventListener('order.created', done));
    const feed = openSocket('/v1/ws/events?channels=orders');
    await feed.opened;
    const pets = await (await fetch(`${base}/v1/pets?status=AVAILABLE&limit=1`)).json();
    const placed = await fetch(`${base}/v1/orders`, {
      method: 'POST', headers: json, body: JSON.stringify({ petId: pets.data[0].id }) });
    assert.equal(placed.status, 201);
    const order = await placed.json();
    const viaSse = await sseEvent;
    await waitFor('the WebSocket event', 3000, (done) => {
      const timer = setInterval(() => { if (feed.messages.some((m) => m.event?.type === 'order.created')) { clearInterval(timer); done(); } }, 10);
    });
    source.close();
    feed.ws.close();
    const viaWs = feed.messages.find((m) => m.event.type === 'order.created');
    assert.equal(JSON.parse(viaSse.data).data.id, order.id);
    assert.equal(viaWs.event.data.id, order.id);
    assert.equal(viaWs.event.id, viaSse.lastEventId, 'the same event id on both transports');
    assert.equal(viaWs.channel, 'orders');
  },
};

let failed = 0;
for (const [name, run] of Object.entries(scenarios)) {
  try {
    await run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.stack}`);
  }
}
process.exit(failed ? 1 : 0);
