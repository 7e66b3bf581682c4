// SPDX-License-Identifier: GPL-3.0-or-later
// The mock's gRPC port with npm @grpc/grpc-js and @grpc/proto-loader, from the .proto files the
// mock serves at /v1/protos: an order placed over gRPC is an order in REST, an SSE event
// (npm eventsource) and an MQTT message (npm mqtt); a REST change reaches WatchPets; status
// codes for bad input, oversized messages, deadlines, credentials and tenants.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { EventSource } from 'eventsource';
import mqtt from 'mqtt';

const base = process.env.PETSTORE_URL;
const address = process.env.PETSTORE_GRPC_ADDRESS;
const mqttUrl = `mqtt://127.0.0.1:${process.env.PETSTORE_MQTT_PORT}`;
const results = [];
const check = async (name, work) => {
  try {
    await work();
    results.push(`ok   ${name}`);
  } catch (error) {
    results.push(`FAIL ${name}: ${error.message}`);
  }
};

// 1. The protos, downloaded as a client of the mock would, compiled by proto-loader.
const folder = mkdtempSync(join(tmpdir(), 'petstore-protos-'));
const index = await (await fetch(`${base}/v1/protos`)).json();
for (const { path, url } of index.data) {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), await (await fetch(base + url)).text());
}
const definition = protoLoader.loadSync(index.data.map((file) => file.path), {
  includeDirs: [folder], keepCase: true, enums: String, longs: String, defaults: true, oneofs: true,
});
rmSync(folder, { recursive: true });
const loaded = grpc.loadPackageDefinition(definition);
const { PetService, OrderService } = loaded.petstore.v1;
const credentials = grpc.credentials.createInsecure();
const pets = new PetService(address, credentials);
const orders = new OrderService(address, credentials);
const health = new loaded.grpc.health.v1.Health(address, credentials);

const options = (extra = {}) => ({ deadline: Date.now() + 5000, ...extra });
const unary = (client, method, request, metadata = new grpc.Metadata(), callOptions = options()) =>
  new Promise((resolve, reject) =>
    client[method](request, metadata, callOptions, (error, response) => (error ? reject(error) : resolve(response))));
const refusal = async (promise) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
};
const json = async (path, init) => (await fetch(base + path, init)).json();

await check('protos are listed and compile', async () => {
  assert.ok(index.data.some((file) => file.path === 'petstore/v1/pet_service.proto'));
  assert.equal(typeof PetService, 'function');
});

await check('an order placed over gRPC is an order in REST, an SSE event and an MQTT message', async () => {
  const pet = (await unary(pets, 'CreatePet', { pet: { name: 'Everywhere', species: 'SPECIES_DOG', price: '99.00' } })).pet;
  const sse = new EventSource(`${base}/v1/events?types=order.created`);
  const sseEvent = new Promise((resolve, reject) => {
    sse.addEventListener('order.created', (event) => resolve(JSON.parse(event.data)));
    setTimeout(() => reject(new Error('no order.created on SSE')), 5000);
  });
  await new Promise((resolve) => sse.addEventListener('open', resolve));
  const broker = await mqtt.connectAsync(mqttUrl, { protocolVersion: 5, reconnectPeriod: 0 });
  await broker.subscribeAsync('orders/+/status', { qos: 1 });
  const mqttMessages = [];
  broker.on('message', (topic, payload) => mqttMessages.push({ topic, payload: JSON.parse(payload.toString()) }));

  const order = (await unary(orders, 'PlaceOrder', { pet_id: pet.id })).order;
  const rest = await json(`/v1/orders/${order.id}`);
  assert.equal(rest.petId, pet.id);
  assert.equal(rest.status, 'PLACED');
  const event = await sseEvent;
  assert.equal(event.subject, `/v1/orders/${order.id}`);
  for (let i = 0; i < 50 && !mqttMessages.some((m) => m.topic === `orders/${order.id}/status`); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(mqttMessages.some((m) => m.topic === `orders/${order.id}/status`), 'no MQTT orders/{id}/status');
  sse.close();
  await broker.endAsync();
});

await check('a REST change reaches WatchPets', async () => {
  const listed = await json('/v1/pets?status=AVAILABLE&limit=1');
  const pet = listed.data[0];
  const watch = pets.WatchPets({ pet_ids: [pet.id], types: ['PET_EVENT_TYPE_STATUS_CHANGED'] }, options());
  const event = new Promise((resolve, reject) => {
    watch.on('data', resolve);
    watch.on('error', (error) => error.code !== grpc.status.CANCELLED && reject(error));
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const patched = await fetch(`${base}/v1/pets/${pet.id}`, {
    method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ status: 'NOT_AVAILABLE' }),
  });
  assert.equal(patched.status, 200);
  const change = await event;
  watch.cancel();
  assert.equal(change.type, 'PET_EVENT_TYPE_STATUS_CHANGED');
  assert.equal(change.previous_status, 'PET_STATUS_AVAILABLE');
  assert.equal(change.pet.status, 'PET_STATUS_NOT_AVAILABLE');
});

await check('bad input gets the documented status codes', async () => {
  assert.equal((await refusal(unary(pets, 'GetPet', { id: 'missing' }))).code, grpc.status.NOT_FOUND);
  const unknownEnum = await refusal(unary(pets, 'CreatePet', { pet: { name: 'Odd', species: 99 } }));
  assert.equal(unknownEnum.code, grpc.status.INVALID_ARGUMENT);
  assert.match(unknownEnum.details, /species: unknown enum value 99/);
  const nameless = await refusal(unary(pets, 'CreatePet', { pet: { species: 'SPECIES_CAT' } }));
  assert.equal(nameless.code, grpc.status.INVALID_ARGUMENT);
  assert.match(nameless.details, /name: /);
  assert.equal((await refusal(unary(pets, 'ListPets', { page_token: 'forged' }))).code, grpc.status.INVALID_ARGUMENT);
  assert.equal((await refusal(unary(pets, 'ListPets', { page_size: -1 }))).code, grpc.status.INVALID_ARGUMENT);
  assert.equal((await refusal(unary(orders, 'PlaceOrder', {}))).code, grpc.status.INVALID_ARGUMENT);
  assert.equal((await refusal(unary(orders, 'PlaceOrder', { pet_id: 'x', callback_url: 'not a url' }))).code, grpc.status.INVALID_ARGUMENT);
  const adopted = (await json('/v1/pets?status=ADOPTED&limit=1')).data[0];
  assert.equal((await refusal(unary(orders, 'PlaceOrder', { pet_id: adopted.id }))).code, grpc.status.FAILED_PRECONDITION);
});

await check('an oversized message is refused with RESOURCE_EXHAUSTED and the server keeps serving', async () => {
  const huge = await refusal(unary(pets, 'CreatePet', { pet: { name: 'Big', species: 'SPECIES_DOG', description: 'x'.repeat(5 * 1024 * 1024) } }));
  assert.equal(huge.code, grpc.status.RESOURCE_EXHAUSTED);
  assert.ok((await unary(pets, 'ListPets', { page_size: 1 })).pets.length === 1);
});

await check('a deadline shorter than the chaos latency ends with DEADLINE_EXCEEDED', async () => {
  await json('/admin/config', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 400 }) });
  const late = await refusal(unary(pets, 'ListPets', {}, new grpc.Metadata(), { deadline: Date.now() + 100 }));
  await json('/admin/config', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 0 }) });
  assert.equal(late.code, grpc.status.DEADLINE_EXCEEDED);
});

await check('tenant metadata selects an isolated store', async () => {
  const tenant = new grpc.Metadata();
  tenant.set('x-tenant-id', 'grpc-js-tenant');
  const pet = (await unary(pets, 'CreatePet', { pet: { name: 'Isolated', species: 'SPECIES_CAT' } }, tenant)).pet;
  assert.equal((await refusal(unary(pets, 'GetPet', { id: pet.id }))).code, grpc.status.NOT_FOUND);
  const rest = await fetch(`${base}/v1/pets/${pet.id}`, { headers: { 'x-tenant-id': 'grpc-js-tenant' } });
  assert.equal(rest.status, 200);
});

await check('in auth mode required: no credentials UNAUTHENTICATED, a bearer token from REST works, health stays public', async () => {
  const username = `grpc_${Date.now().toString(36)}`;
  const password = 'grpc-js-password-1';
  const registered = await fetch(`${base}/v1/users`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, email: `${username}@example.com`, password, firstName: 'Grpc' }),
  });
  assert.equal(registered.status, 201);
  const token = (await json('/v1/auth/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).accessToken;
  await json('/admin/config', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: 'required' }) });
  try {
    assert.equal((await refusal(unary(pets, 'ListPets', {}))).code, grpc.status.UNAUTHENTICATED);
    const forged = new grpc.Metadata();
    forged.set('authorization', 'Bearer forged');
    assert.equal((await refusal(unary(pets, 'ListPets', {}, forged))).code, grpc.status.UNAUTHENTICATED);
    const bearer = new grpc.Metadata();
    bearer.set('authorization', `Bearer ${token}`);
    assert.ok((await unary(pets, 'ListPets', { page_size: 2 }, bearer)).pets.length === 2);
    assert.equal((await unary(health, 'Check', { service: '' })).status, 'SERVING');
  } finally {
    await json('/admin/config', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: 'none' }) });
  }
});

await check('the health endpoint counts the gRPC calls and none is left running', async () => {
  const status = (await json('/health')).protocols.grpc;
  assert.equal(status.status, 'up');
  assert.ok(status.calls > 10, `calls ${status.calls}`);
  for (let i = 0; i < 20 && (await json('/health')).protocols.grpc.activeCalls !== 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal((await json('/health')).protocols.grpc.activeCalls, 0);
});

for (const line of results) console.log(line);
for (const client of [pets, orders, health]) client.close();
process.exit(results.every((line) => line.startsWith('ok')) ? 0 : 1);
