#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# grpc-tls.sh PETSTORE_MOCK: with --tls-cert/--tls-key the gRPC port speaks TLS only; npm
# @grpc/grpc-js verifies our certificate (made here with openssl) and calls over it, a
# plaintext client is refused, and a client pinging faster than the keepalive policy allows is
# sent away (GOAWAY too_many_pings) while the server serves on (grpc-tls.mjs).
set -euo pipefail
mock=$1
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
printf '{"grpc": {"keepaliveMinIntervalMs": 1000}}' >"$work/config.json"
"$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --config "$work/config.json" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" \
  --log none --ready-file "$work/ready.json" >/dev/null &
for _ in $(seq 1 200); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
port=$(sed -E 's/.*"grpc":([0-9]+).*/\1/' "$work/ready.json")
node "$(dirname "$0")/grpc-tls.mjs" "localhost:$port" "$work/cert.pem" "$(dirname "$0")/../../specs/proto"
