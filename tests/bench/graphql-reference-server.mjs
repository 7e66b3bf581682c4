// SPDX-License-Identifier: GPL-3.0-or-later
// The peer for tests/bench/graphql-bench.sh: npm graphql-http's reference server (its Node
// http handler over graphql-js) serving our SDL, with the pets and orders petstore-mock holds
// copied into memory, so both answer the same queries with the same data.
// usage: node graphql-reference-server.mjs PORT SCHEMA.graphql PETSTORE_URL
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../interop/package.json', import.meta.url));
const { buildSchema } = require('graphql');
const { createHandler } = require('graphql-http/lib/use/http');

const [port, schemaPath, base] = process.argv.slice(2);
const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
const pets = (await (await fetch(`${base}/v1/pets?limit=100`)).json()).data;
const orders = (await (await fetch(`${base}/v1/orders?limit=100`)).json()).data;
for (const pet of pets) pet.orders = orders.filter((o) => o.petId === pet.id);
const byId = new Map(pets.map((p) => [p.id, p]));
const rootValue = {
  pet: ({ id }) => byId.get(id) ?? null,
  pets: ({ first }) => {
    const nodes = pets.slice(0, first);
    return { nodes, totalCount: pets.length, edges: [], pageInfo: { hasNextPage: first < pets.length, hasPreviousPage: false } };
  },
};
const handler = createHandler({ schema, rootValue });
http.createServer(handler).listen(Number(port), '127.0.0.1', () => console.log('ready'));
