// SPDX-License-Identifier: GPL-3.0-or-later
// The mock's broker through npm `mqtt` (MQTT.js), MQTT 3.1.1 and 5, over TCP and over WebSocket
// at /mqtt: QoS 2 both ways, retained, will on an abrupt disconnect, a persistent session
// resumed with its queued QoS 1 and 2 messages (none lost, QoS 2 never twice), shared
// subscriptions spreading load, user properties and MQTT 5 request/response.
// Run by with-mock.sh (PETSTORE_URL, PETSTORE_MQTT_PORT).
import assert from 'node:assert/strict';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import mqtt from 'mqtt';

const httpUrl = new URL(process.env.PETSTORE_URL);
const tcpUrl = `mqtt://127.0.0.1:${process.env.PETSTORE_MQTT_PORT}`;
const wsUrl = `ws://127.0.0.1:${httpUrl.port}/mqtt`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let counter = 0;

function connect(url, version, options = {}) {
  return mqtt.connectAsync(url, { protocolVersion: version, reconnectPeriod: 0, connectTimeout: 5000, ...options });
}

// Resolves with the first `count` messages a client receives (or rejects after `ms`).
function collect(client, count, ms = 5000) {
  return new Promise((resolve, reject) => {
    const received = [];
    const timer = setTimeout(() => reject(new Error(`got ${received.length} of ${count} messages`)), ms);
    client.on('message', function handler(topic, payload, packet) {
      received.push({ topic, payload: payload.toString(), packet });
      if (received.length === count) {
        clearTimeout(timer);
        client.removeListener('message', handler);
        resolve(received);
      }
    });
  });
}

async function qos2BothWays(url, version, tag) {
  const subscriber = await connect(url, version);
  const granted = await subscriber.subscribeAsync(`${tag}/qos2`, { qos: 2 });
  assert.equal(granted[0].qos, 2);
  const publisher = await connect(url, version);
  const arriving = collect(subscriber, 1);
  await publisher.publishAsync(`${tag}/qos2`, 'exactly once', { qos: 2 });
  const [message] = await arriving;
  assert.equal(message.payload, 'exactly once');
  assert.equal(message.packet.qos, 2);
  await Promise.all([subscriber.endAsync(), publisher.endAsync()]);
}

async function retained(url, version, tag) {
  const publisher = await connect(url, version);
  await publisher.publishAsync(`${tag}/retained`, 'last known', { qos: 1, retain: true });
  const late = await connect(url, version);
  const arriving = collect(late, 1);
  await late.subscribeAsync(`${tag}/#`, { qos: 1 });
  const [message] = await arriving;
  assert.equal(message.payload, 'last known');
  assert.equal(message.packet.retain, true);
  await publisher.publishAsync(`${tag}/retained`, '', { qos: 1, retain: true });   // clear it
  await Promise.all([publisher.endAsync(), late.endAsync()]);
}

async function willOnAbruptDisconnect(url, version, tag) {
  const observer = await connect(url, version);
  await observer.subscribeAsync(`${tag}/will`, { qos: 1 });
  const arriving = collect(observer, 1);
  const doomed = await connect(url, version, { will: { topic: `${tag}/will`, payload: Buffer.from('gone'), qos: 1 } });
  doomed.stream.destroy();   // no DISCONNECT: the broker must publish the will
  const [message] = await arriving;
  assert.equal(message.payload, 'gone');
  doomed.end(true);
  await observer.endAsync();
}

async function sessionResume(url, version, tag) {
  const clientId = `${tag}-resume`;
  const persistent = { clientId, clean: false, ...(version === 5 ? { properties: { sessionExpiryInterval: 300 } } : {}) };
  const first = await connect(url, version, persistent);
  await first.subscribeAsync(`${tag}/queue/#`, { qos: 2 });
  // Drop the connection in the middle of a delivery: the first message arrives, the link dies.
  const publisher = await connect(url, version);
  const firstArrival = collect(first, 1);
  await publisher.publishAsync(`${tag}/queue/q1`, 'q1-0', { qos: 1 });
  await firstArrival;
  first.stream.destroy();
  first.end(true);
  for (let i = 1; i < 20; ++i)
    await publisher.publishAsync(`${tag}/queue/q1`, `q1-${i}`, { qos: 1 });
  for (let i = 0; i < 20; ++i)
    await publisher.publishAsync(`${tag}/queue/q2`, `q2-${i}`, { qos: 2 });
  // The queued messages follow CONNACK at once: listen before connecting.
  const received = new Map();
  const resumed = mqtt.connect(url, { protocolVersion: version, reconnectPeriod: 0, ...persistent });
  resumed.on('message', (topic, payload) => received.set(payload.toString(), (received.get(payload.toString()) ?? 0) + 1));
  const connack = await new Promise((resolve) => resumed.once('connect', resolve));
  assert.equal(connack.sessionPresent, true, 'the session was kept');
  for (let i = 0; i < 100 && received.size < 39; ++i)
    await sleep(50);
  for (let i = 1; i < 20; ++i)
    assert.ok(received.has(`q1-${i}`), `QoS 1 message ${i} lost`);
  for (let i = 0; i < 20; ++i)
    assert.equal(received.get(`q2-${i}`), 1, `QoS 2 message ${i} must arrive exactly once`);
  await resumed.endAsync();
  // Clean up the persistent session.
  const cleaner = await connect(url, version, { clientId, clean: true });
  await Promise.all([cleaner.endAsync(), publisher.endAsync()]);
}

async function sharedSubscription(url, version, tag) {
  const members = await Promise.all([0, 1, 2].map(() => connect(url, version)));
  const counts = [0, 0, 0];
  const seen = new Set();
  members.forEach((client, i) => client.on('message', (topic, payload) => {
    counts[i] += 1;
    assert.ok(!seen.has(payload.toString()), 'each message goes to one member of the group');
    seen.add(payload.toString());
  }));
  await Promise.all(members.map((client) => client.subscribeAsync(`$share/workers/${tag}/jobs/#`, { qos: 1 })));
  const publisher = await connect(url, version);
  for (let i = 0; i < 30; ++i)
    await publisher.publishAsync(`${tag}/jobs/${i}`, `job-${i}`, { qos: 1 });
  for (let i = 0; i < 100 && seen.size < 30; ++i)
    await sleep(20);
  assert.equal(seen.size, 30);
  assert.ok(counts.every((n) => n > 0), `load spread over the group: ${counts}`);
  await Promise.all([...members, publisher].map((client) => client.endAsync()));
}

async function propertiesAndRequestResponse(url, tag) {
  const subscriber = await connect(url, 5);
  await subscriber.subscribeAsync(`${tag}/props`, { qos: 1 });
  const publisher = await connect(url, 5);
  const arriving = collect(subscriber, 1);
  await publisher.publishAsync(`${tag}/props`, '{"hello":1}', {
    qos: 1,
    properties: { userProperties: { device: 'collar-9', firmware: '2.1' }, contentType: 'application/json' },
  });
  const [message] = await arriving;
  assert.deepEqual({ ...message.packet.properties.userProperties }, { device: 'collar-9', firmware: '2.1' });
  assert.equal(message.packet.properties.contentType, 'application/json');

  const pets = await (await fetch(`${process.env.PETSTORE_URL}/v1/pets?limit=1`)).json();
  const petId = pets.data[0].id;
  const responseTopic = `${tag}/replies`;
  await publisher.subscribeAsync(responseTopic, { qos: 1 });
  const reply = collect(publisher, 1);
  const correlationData = Buffer.from(`req-${tag}`);
  await publisher.publishAsync('petstore/rpc/pets/get', JSON.stringify({ petId }), {
    qos: 1, properties: { responseTopic, correlationData },
  });
  const [response] = await reply;
  assert.equal(JSON.parse(response.payload).id, petId);
  assert.deepEqual(response.packet.properties.correlationData, correlationData);
  await Promise.all([subscriber.endAsync(), publisher.endAsync()]);
}

// Every retained Petstore topic's payload against its message schema in /v1/asyncapi.json.
async function petstoreTopicsMatchTheAsyncApi(url, version) {
  const asyncapi = await (await fetch(`${process.env.PETSTORE_URL}/v1/asyncapi.json`)).json();
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const schemas = {
    status: ajv.compile(asyncapi.components.messages.petStatus.payload),
    availability: ajv.compile(asyncapi.components.messages.petAvailability.payload),
    order: ajv.compile(asyncapi.components.messages.orderStatus.payload),
    stock: ajv.compile(asyncapi.components.messages.inventoryStock.payload),
  };
  const client = await connect(url, version);
  const seen = { status: 0, availability: 0, order: 0, stock: 0 };
  client.on('message', (topic, payload) => {
    const kind = /^pets\/[^/]+\/status$/.test(topic) ? 'status' : /^pets\/[^/]+\/availability$/.test(topic) ? 'availability'
      : /^orders\/[^/]+\/status$/.test(topic) ? 'order' : /^inventory\/[^/]+\/stock$/.test(topic) ? 'stock' : null;
    if (!kind)
      return;
    const validate = schemas[kind];
    assert.ok(validate(JSON.parse(payload)), `${topic}: ${JSON.stringify(validate.errors)}`);
    seen[kind] += 1;
  });
  await client.subscribeAsync(['pets/#', 'orders/+/status', 'inventory/+/stock'], { qos: 1 });
  await sleep(500);
  assert.ok(Object.values(seen).every((n) => n > 0), `every kind of topic seen: ${JSON.stringify(seen)}`);
  await client.endAsync();
}

const cases = [
  ['Petstore topics match the AsyncAPI document', petstoreTopicsMatchTheAsyncApi],
  ['QoS 2 both ways', qos2BothWays],
  ['retained', retained],
  ['will on abrupt disconnect', willOnAbruptDisconnect],
  ['persistent session resumed without loss', sessionResume],
  ['shared subscription spreads load', sharedSubscription],
];
let failures = 0;
for (const [transport, url] of [['tcp', tcpUrl], ['websocket', wsUrl]]) {
  for (const version of [4, 5]) {
    for (const [name, run] of cases) {
      const tag = `js${++counter}-${process.pid}`;
      try {
        await run(url, version, tag);
        console.log(`ok - ${transport} v${version === 5 ? 5 : '3.1.1'}: ${name}`);
      } catch (error) {
        ++failures;
        console.log(`not ok - ${transport} v${version === 5 ? 5 : '3.1.1'}: ${name}: ${error.stack}`);
      }
    }
  }
  const tag = `js${++counter}-${process.pid}`;
  try {
    await propertiesAndRequestResponse(url, tag);
    console.log(`ok - ${transport} v5: user properties and request/response`);
  } catch (error) {
    ++failures;
    console.log(`not ok - ${transport} v5: user properties and request/response: ${error.stack}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
