#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# grpc-tls.sh PETSTORE_MOCK: with --tls-cert/--tls-key the gRPC port speaks TLS only; npm
# @grpc/grpc-js verifies our certificate (made here with openssl) and calls over it, a
# plaintext client is refused, and a client pinging faster than the keepalive policy allows is
# sent away (GOAWAY too_many_pings) while the server serves on (grpc-tls.mjs).
set -euo pipefail
mock=$1
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
# MQTT's TLS listener comes with the certificate too: a free port, not 8883.
printf '{"grpc": {"keepaliveMinIntervalMs": 1000}, "mqtt": {"tlsPort": 0}}' >"$work/config.json"
"$here/with-mock.sh" "$mock" --config "$work/config.json" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" -- \
  node "$here/grpc-tls.mjs" "$work/cert.pem" "$here/../../specs/proto"
