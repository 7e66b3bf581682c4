// SPDX-License-Identifier: GPL-3.0-or-later
// GraphQL over HTTP conformance of the running mock with npm graphql-http's auditServer:
// every MUST and SHOULD audit must pass (MAY audits are reported, not required). Then curl-like
// checks of what the audit does not cover: 405 for GET mutations with Allow, 406, 415, the
// schema document, and a REST change seen through GraphQL.
import { auditServer } from 'graphql-http';

const base = process.env.PETSTORE_URL;
const url = `${base}/v1/graphql`;
let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAIL ${message}`);
};

const results = await auditServer({ url });
for (const result of results) {
  const level = result.name.split(' ')[0];
  if (result.status === 'ok') continue;
  const line = `${result.id} ${result.name}: ${result.reason}`;
  if (level === 'MUST' || level === 'SHOULD') fail(line);
  else console.log(`(not required) ${line}`);
}
console.log(`${results.filter((r) => r.status === 'ok').length}/${results.length} audits passed`);

const post = (body, headers = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

let res = await fetch(`${url}?query=${encodeURIComponent('mutation { deletePet(id: "x") }')}`);
if (res.status !== 405 || res.headers.get('allow') !== 'POST') fail(`GET mutation: ${res.status} allow=${res.headers.get('allow')}`);
res = await post({ query: '{ __typename }' }, { accept: 'text/html' });
if (res.status !== 406) fail(`Accept text/html: ${res.status}`);
res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{__typename}"}' });
if (res.status !== 415) fail(`latin1 body: ${res.status}`);
res = await post({ query: '{ pet(id: "x") { nam } }' }, { accept: 'application/graphql-response+json' });
const invalid = await res.json();
if (res.status !== 400 || 'data' in invalid || !invalid.errors[0].message.includes('Did you mean "name"'))
  fail(`validation error: ${res.status} ${JSON.stringify(invalid)}`);
res = await fetch(`${base}/v1/schema.graphql`);
if (!(await res.text()).includes('type Query')) fail('schema.graphql does not hold the schema');

// The same store: a pet created over REST is found over GraphQL, an order placed over GraphQL over REST.
const created = await (await fetch(`${base}/v1/pets`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'Graphy', species: 'CAT', price: '12.50' }),
})).json();
const viaGraphQL = await (await post({ query: 'query ($id: ID!) { pet(id: $id) { name price status } }', variables: { id: created.id } })).json();
if (viaGraphQL.data?.pet?.name !== 'Graphy' || viaGraphQL.data.pet.price !== '12.50') fail(`REST pet over GraphQL: ${JSON.stringify(viaGraphQL)}`);
const placed = await (await post({ query: 'mutation ($id: ID!) { placeOrder(petId: $id) { id status pet { status } } }', variables: { id: created.id } })).json();
const order = placed.data?.placeOrder;
if (order?.status !== 'PLACED' || order.pet.status !== 'PENDING') fail(`placeOrder: ${JSON.stringify(placed)}`);
const restOrder = await (await fetch(`${base}/v1/orders/${order?.id}`)).json();
if (restOrder.petId !== created.id) fail(`GraphQL order over REST: ${JSON.stringify(restOrder)}`);
const again = await (await post({ query: 'mutation ($id: ID!) { placeOrder(petId: $id) { id } }', variables: { id: created.id } })).json();
if (again.data !== null || again.errors?.[0]?.extensions?.code !== 'CONFLICT') fail(`second order: ${JSON.stringify(again)}`);

console.log(failures ? `${failures} failure(s)` : 'GraphQL over HTTP: every MUST and SHOULD audit and every check passed');
process.exit(failures ? 1 : 0);
