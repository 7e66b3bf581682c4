// SPDX-License-Identifier: GPL-3.0-or-later
// A client that knows nothing but the address: npm grpc-js-reflection-client lists the mock's
// services over server reflection (grpc.reflection.v1alpha), fetches their descriptors, and
// @grpc/grpc-js calls every method they describe — unary, server, client and bidirectional
// streaming — with clients built from those descriptors alone.
import * as grpc from '@grpc/grpc-js';
import { GrpcReflection } from 'grpc-js-reflection-client';

const address = process.env.PETSTORE_GRPC_ADDRESS;
const base = process.env.PETSTORE_URL;
let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};
const expect = (condition, message) => (condition ? console.log(`ok   ${message}`) : fail(message));

const reflection = new GrpcReflection(address, grpc.credentials.createInsecure());
const services = (await reflection.listServices()).sort();
const wanted = ['grpc.health.v1.Health', 'grpc.reflection.v1alpha.ServerReflection', 'petstore.v1.ChatService',
  'petstore.v1.OrderService', 'petstore.v1.PetService'];
expect(JSON.stringify(services) === JSON.stringify(wanted), `listServices: ${services.join(', ')}`);

const loaderOptions = { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true };
const clients = {};
const described = [];
for (const service of wanted.filter((name) => !name.startsWith('grpc.reflection'))) {
  const descriptor = await reflection.getDescriptorBySymbol(service);
  const packageObject = descriptor.getPackageObject(loaderOptions);
  const Client = service.split('.').reduce((object, part) => object?.[part], packageObject);
  if (typeof Client !== 'function') {
    fail(`no client constructor for ${service} in its descriptor`);
    continue;
  }
  clients[service] = new Client(address, grpc.credentials.createInsecure());
  for (const method of await reflection.listMethods(service)) described.push(`${service}/${method.name}`);
}
console.log(`described methods: ${described.length}`);

const deadline = () => ({ deadline: Date.now() + 5000 });
const unary = (service, method, request) =>
  new Promise((resolve, reject) => clients[service][method](request, deadline(), (error, response) => (error ? reject(error) : resolve(response))));
const collect = (call, until = () => false) =>
  new Promise((resolve, reject) => {
    const messages = [];
    call.on('data', (message) => {
      messages.push(message);
      if (until(message, messages)) {
        call.cancel();
        resolve(messages);
      }
    });
    call.on('end', () => resolve(messages));
    call.on('error', (error) => (error.code === grpc.status.CANCELLED ? resolve(messages) : reject(error)));
  });
const called = new Set();
const call = async (name, work) => {
  try {
    await work();
    called.add(name);
  } catch (error) {
    fail(`${name}: ${error.code} ${error.details ?? error.message}`);
  }
};

const Pets = 'petstore.v1.PetService';
const Orders = 'petstore.v1.OrderService';
let pet;
await call(`${Pets}/ListPets`, async () => {
  const page = await unary(Pets, 'ListPets', { page_size: 5, status: 'PET_STATUS_AVAILABLE' });
  expect(page.pets.length === 5 && page.next_page_token !== '', `ListPets: 5 of ${page.total_size}`);
});
await call(`${Pets}/CreatePet`, async () => {
  pet = (await unary(Pets, 'CreatePet', { pet: { name: 'Reflected', species: 'SPECIES_DOG', price: '80.00' } })).pet;
  expect(pet.id && pet.status === 'PET_STATUS_AVAILABLE', `CreatePet: ${pet.id}`);
});
await call(`${Pets}/GetPet`, async () => {
  const got = (await unary(Pets, 'GetPet', { id: pet.id })).pet;
  expect(got.name === 'Reflected', 'GetPet');
});
await call(`${Pets}/WatchPets`, async () => {
  const watch = clients[Pets].WatchPets({ pet_ids: [pet.id], include_existing: true }, { deadline: Date.now() + 5000 });
  const events = collect(watch, (message, all) => all.length === 2);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await call(`${Pets}/UpdatePet`, async () => {
    const updated = (await unary(Pets, 'UpdatePet', { pet: { id: pet.id, name: 'Reflected Again' }, update_mask: { paths: ['name'] } })).pet;
    expect(updated.name === 'Reflected Again', 'UpdatePet');
  });
  const [existing, update] = await events;
  expect(existing?.type === 'PET_EVENT_TYPE_EXISTING' && update?.type === 'PET_EVENT_TYPE_UPDATED', `WatchPets: ${existing?.type}, ${update?.type}`);
});
await call(`${Pets}/ImportPets`, async () => {
  const summary = await new Promise((resolve, reject) => {
    const stream = clients[Pets].ImportPets(deadline(), (error, response) => (error ? reject(error) : resolve(response)));
    stream.write({ pet: { name: 'Imported', species: 'SPECIES_BIRD' } });
    stream.write({ pet: { name: '' } });
    stream.end();
  });
  expect(summary.received_count === 2 && summary.created_count === 1 && summary.failures[0]?.code === 'INVALID_ARGUMENT', 'ImportPets');
});
let order;
await call(`${Orders}/PlaceOrder`, async () => {
  order = (await unary(Orders, 'PlaceOrder', { pet_id: pet.id })).order;
  expect(order.status === 'ORDER_STATUS_PLACED', 'PlaceOrder');
});
await call(`${Orders}/GetOrder`, async () => {
  expect((await unary(Orders, 'GetOrder', { id: order.id })).order.pet_id === pet.id, 'GetOrder');
});
await call(`${Orders}/PayOrder`, async () => {
  const payment = (await unary(Orders, 'PayOrder', {
    order_id: order.id, card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123', name: 'Ada' },
  })).payment;
  expect(payment.status === 'PAYMENT_STATUS_PENDING', 'PayOrder');
});
let second;
await call(`${Orders}/TrackOrder`, async () => {
  const otherPet = (await unary(Pets, 'CreatePet', { pet: { name: 'Tracked', species: 'SPECIES_CAT' } })).pet;
  second = (await unary(Orders, 'PlaceOrder', { pet_id: otherPet.id })).order;
  const steps = collect(clients[Orders].TrackOrder({ order_id: second.id }, deadline()));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await call(`${Orders}/CancelOrder`, async () => {
    expect((await unary(Orders, 'CancelOrder', { id: second.id })).order.status === 'ORDER_STATUS_CANCELLED', 'CancelOrder');
  });
  const statuses = (await steps).map((step) => step.order.status);
  expect(JSON.stringify(statuses) === '["ORDER_STATUS_PLACED","ORDER_STATUS_CANCELLED"]', `TrackOrder: ${statuses}`);
});
await call(`${Pets}/DeletePet`, async () => {
  const doomed = (await unary(Pets, 'CreatePet', { pet: { name: 'Doomed', species: 'SPECIES_OTHER' } })).pet;
  await unary(Pets, 'DeletePet', { id: doomed.id });
  expect((await fetch(`${base}/v1/pets/${doomed.id}`)).status === 404, 'DeletePet (REST answers 404 after)');
});
await call('petstore.v1.ChatService/Chat', async () => {
  const chat = clients['petstore.v1.ChatService'].Chat(deadline());
  const replies = collect(chat);
  chat.write({ message: { client_message_id: 'r-1', text: 'a dog under 500' } });
  chat.end();
  const kinds = (await replies).map((reply) => reply.kind);
  expect(JSON.stringify(kinds) === '["delivered","typing","message"]', `Chat: ${kinds}`);
});
await call('grpc.health.v1.Health/Check', async () => {
  const health = await unary('grpc.health.v1.Health', 'Check', { service: 'petstore.v1.PetService' });
  expect(health.status === 'SERVING', `Check: ${health.status}`);
});
await call('grpc.health.v1.Health/Watch', async () => {
  const statuses = await collect(clients['grpc.health.v1.Health'].Watch({ service: '' }, deadline()), () => true);
  expect(statuses[0]?.status === 'SERVING', 'Watch');
});

const missed = described.filter((name) => !called.has(name));
expect(missed.length === 0 && described.length === 15, `every described method called (${called.size}/${described.length})${missed.length ? `; missed ${missed}` : ''}`);
for (const client of Object.values(clients)) client.close();
process.exit(failures === 0 ? 0 : 1);
