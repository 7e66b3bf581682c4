// SPDX-License-Identifier: GPL-3.0-or-later
// The purchase flow with Node's fetch, every response validated with ajv against
// specs/openapi/petstore.yaml: register -> token -> browse pets -> place order -> pay ->
// payment SUCCEEDED -> order APPROVED. Needs PETSTORE_URL (see with-mock.sh).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const base = process.env.PETSTORE_URL;
const specPath = process.argv[2] ?? fileURLToPath(new URL('../../specs/openapi/petstore.yaml', import.meta.url));
const spec = YAML.parse(readFileSync(specPath, 'utf8'));
const specId = 'https://petstore.local/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...spec, $id: specId });

const escape = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const resolve = (node) => {
  let pointer = null;
  while (node && node.$ref) {
    pointer = node.$ref.slice(1);
    node = pointer.split('/').slice(1).reduce((n, key) => n[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return { node, pointer };
};

// Validates a response body against the schema the spec declares for (operation, status).
function check(step, method, template, response, body) {
  const operation = spec.paths[template]?.[method];
  if (!operation) throw new Error(`${step}: no operation ${method} ${template} in the spec`);
  const key = String(response.status);
  let pointer = `#/paths/${escape(template)}/${method}/responses/${key}`;
  let declared = operation.responses[key];
  if (!declared) throw new Error(`${step}: status ${response.status} is not declared for ${method} ${template}`);
  const resolved = resolve(declared);
  if (resolved.pointer) pointer = `#${resolved.pointer}`;
  const type = (response.headers.get('content-type') ?? '').split(';')[0];
  const content = resolved.node.content?.[type];
  if (!content) throw new Error(`${step}: media type ${type} not declared for ${response.status}`);
  const validate = ajv.getSchema(`${specId}${pointer}/content/${escape(type)}/schema`);
  if (!validate(body)) {
    throw new Error(`${step}: response does not match the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  }
  console.log(`ok   ${step} (${response.status}, valid against ${method.toUpperCase()} ${template})`);
}

async function call(step, method, path, template, { body, token, expect } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  if (expect && response.status !== expect) throw new Error(`${step}: status ${response.status}, want ${expect}: ${JSON.stringify(json)}`);
  check(step, method.toLowerCase(), template, response, json);
  return json;
}

const username = `flow_${Date.now().toString(36)}`;
const password = 'node-flow-password-1';
const user = await call('register', 'POST', '/v1/users', '/users',
  { body: { username, email: `${username}@example.com`, password, firstName: 'Flow' }, expect: 201 });
const token = (await call('token', 'POST', '/v1/auth/tokens', '/auth/tokens', { body: { username, password }, expect: 200 })).accessToken;
await call('me', 'GET', '/v1/users/me', '/users/me', { token, expect: 200 });
const pets = await call('browse', 'GET', '/v1/pets?status=AVAILABLE&species=DOG&limit=5', '/pets', { token, expect: 200 });
const pet = pets.data[0];
await call('pet', 'GET', `/v1/pets/${pet.id}`, '/pets/{petId}', { token, expect: 200 });
const order = await call('order', 'POST', '/v1/orders', '/orders', { body: { petId: pet.id }, token, expect: 201 });
if (order.userId !== user.id) throw new Error('order: not attributed to the signed-in user');
const payment = await call('pay', 'POST', `/v1/orders/${order.id}/payment`, '/orders/{orderId}/payment', {
  body: { source: { type: 'card', number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123', name: 'Flow User' } },
  token, expect: 202,
});
let settled = payment;
for (let i = 0; i < 100 && (settled.status === 'PENDING' || settled.status === 'PROCESSING'); i++) {
  await new Promise((r) => setTimeout(r, 100));
  settled = await call('poll payment', 'GET', `/v1/payments/${payment.id}`, '/payments/{paymentId}', { token, expect: 200 });
}
if (settled.status !== 'SUCCEEDED') throw new Error(`payment ended ${settled.status}`);
const approved = await call('order approved', 'GET', `/v1/orders/${order.id}`, '/orders/{orderId}', { token, expect: 200 });
if (approved.status !== 'APPROVED') throw new Error(`order is ${approved.status}, want APPROVED`);
const adopted = await call('pet adopted', 'GET', `/v1/pets/${pet.id}`, '/pets/{petId}', { token, expect: 200 });
if (adopted.status !== 'ADOPTED') throw new Error(`pet is ${adopted.status}, want ADOPTED`);
await call('own orders', 'GET', '/v1/orders', '/orders', { token, expect: 200 });
await call('inventory', 'GET', '/v1/store/inventory', '/store/inventory', { token, expect: 200 });
const problem = await call('problem', 'GET', '/v1/pets/019b0000-0000-7000-8000-000000000000', '/pets/{petId}', { token, expect: 404 });
if (!problem.type.endsWith('/not-found')) throw new Error('problem: wrong type');
console.log('purchase flow: 0 failed');
