// SPDX-License-Identifier: GPL-3.0-or-later
// The peer of tests/bench/grpc-bench.sh: an @grpc/grpc-js server with @grpc/proto-loader over
// the same specs/proto files, serving PetService.GetPet, ImportPets and WatchPets
// (include_existing) from memory, with the mock's own pets copied at start over gRPC.
// usage: node grpc-reference-server.mjs PORT PROTO_ROOT MOCK_GRPC_ADDRESS
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const require = createRequire(new URL('../interop/package.json', import.meta.url));
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [port, protoRoot, mockAddress] = process.argv.slice(2);
const definition = protoLoader.loadSync(['petstore/v1/pet_service.proto'], {
  includeDirs: [protoRoot], keepCase: true, enums: String, longs: String, defaults: true, oneofs: true,
});
const { PetService } = grpc.loadPackageDefinition(definition).petstore.v1;

const pets = new Map();
const mock = new PetService(mockAddress, grpc.credentials.createInsecure());
let token = '';
do {
  const page = await new Promise((resolve, reject) =>
    mock.ListPets({ page_size: 100, page_token: token }, (error, response) => (error ? reject(error) : resolve(response))));
  for (const pet of page.pets) pets.set(pet.id, pet);
  token = page.next_page_token;
} while (token);
mock.close();

const server = new grpc.Server();
server.addService(PetService.service, {
  GetPet(call, callback) {
    const pet = pets.get(call.request.id);
    if (!pet) return callback({ code: grpc.status.NOT_FOUND, details: `pet ${call.request.id} does not exist` });
    callback(null, { pet });
  },
  ImportPets(call, callback) {
    const summary = { received_count: 0, created_count: 0, created_ids: [], failures: [] };
    call.on('data', ({ pet }) => {
      summary.received_count++;
      const id = randomUUID();
      pets.set(id, { ...pet, id, status: 'PET_STATUS_AVAILABLE' });
      summary.created_count++;
      summary.created_ids.push(id);
    });
    call.on('end', () => callback(null, summary));
  },
  // Existing pets, written as fast as the client reads (write() false: wait for 'drain').
  async WatchPets(call) {
    let cancelled = false;
    call.on('cancelled', () => { cancelled = true; });
    if (call.request.include_existing) {
      for (const pet of pets.values()) {
        if (cancelled) return;
        if (!call.write({ type: 'PET_EVENT_TYPE_EXISTING', pet }))
          await new Promise((resolve) => call.once('drain', resolve));
      }
    }
  },
});
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) throw error;
  console.log(`ready ${pets.size} pets`);
});
