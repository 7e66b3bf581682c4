// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS gRPC port with npm @grpc/grpc-js (driven by grpc-tls.sh): a verified TLS channel
// works, a plaintext one does not, and a client pinging every 100 ms against the server's
// 1-second keepalive minimum is told to go away while the server keeps serving.
// usage: PETSTORE_GRPC_ADDRESS=127.0.0.1:PORT node grpc-tls.mjs CERT.pem PROTO_ROOT
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const address = process.env.PETSTORE_GRPC_ADDRESS;
const [certificate, protoRoot] = process.argv.slice(2);
const definition = protoLoader.loadSync(['petstore/v1/pet_service.proto'], { includeDirs: [protoRoot], keepCase: true, enums: String });
const { PetService } = grpc.loadPackageDefinition(definition).petstore.v1;
let failures = 0;
const report = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures++;
};
const list = (client) =>
  new Promise((resolve) => client.ListPets({ page_size: 1 }, { deadline: Date.now() + 3000 }, (error, response) => resolve({ error, response })));

const tls = grpc.credentials.createSsl(readFileSync(certificate));
const secure = new PetService(address, tls);
const overTls = await list(secure);
report(!overTls.error && overTls.response.pets.length === 1, `ListPets over verified TLS${overTls.error ? `: ${overTls.error.details}` : ''}`);

const plain = new PetService(address, grpc.credentials.createInsecure());
const plaintext = await list(plain);
report(plaintext.error?.code === grpc.status.UNAVAILABLE, `plaintext refused (${plaintext.error?.code})`);
plain.close();

// Keepalive policy: pings every 100 ms without calls break the 1 s minimum; after two strikes
// the server sends GOAWAY ENHANCE_YOUR_CALM ("too_many_pings").
const eager = new PetService(address, tls, {
  'grpc.keepalive_time_ms': 100, 'grpc.keepalive_timeout_ms': 1000, 'grpc.keepalive_permit_without_calls': 1,
});
const first = await list(eager);
report(!first.error, 'the eager client connects');
// From READY, the connection must drop (GOAWAY) within a few seconds.
const leftReady = await new Promise((resolve) => {
  const channel = eager.getChannel();
  if (channel.getConnectivityState(false) !== grpc.connectivityState.READY) return resolve(false);
  channel.watchConnectivityState(grpc.connectivityState.READY, Date.now() + 8000, (error) => resolve(!error));
});
report(leftReady, 'the eager client is sent away for pinging too often');
eager.close();
const after = await list(secure);
report(!after.error, 'the server serves on');
secure.close();
process.exit(failures === 0 ? 0 : 1);
