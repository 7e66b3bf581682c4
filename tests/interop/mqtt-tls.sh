#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# mqtt-tls.sh PETSTORE_MOCK: with --tls-cert/--tls-key the broker also listens with TLS; the
# mosquitto clients verify our certificate (made here with openssl) and talk MQTT 5 and 3.1.1.
set -euo pipefail
mock=$1
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
printf '{"mqtt": {"tlsPort": 0}}' >"$work/config.json"
"$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --config "$work/config.json" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" \
  --log none --ready-file "$work/ready.json" >/dev/null &
pid=$!
for _ in $(seq 1 200); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
tls=$(sed -E 's/.*"mqttTls":([0-9]+).*/\1/' "$work/ready.json")
[ -n "$tls" ] && [ "$tls" != "$(cat "$work/ready.json")" ] || fail "no mqttTls port in the ready line: $(cat "$work/ready.json")"

for version in 5 311; do
  mosquitto_sub -p "$tls" --cafile "$work/cert.pem" -h localhost -V "$version" -t "secure/$version" -C 1 -W 5 >"$work/got-$version" &
  sub=$!
  sleep 0.5
  mosquitto_pub -p "$tls" --cafile "$work/cert.pem" -h localhost -V "$version" -q 1 -t "secure/$version" -m "over TLS"
  wait "$sub" || fail "v$version: the TLS subscriber failed"
  [ "$(cat "$work/got-$version")" = "over TLS" ] || fail "v$version: got $(cat "$work/got-$version")"
  echo "ok - v$version over TLS with a verified certificate"
done
# A plain client on the TLS port gets nowhere, and the broker serves on.
if mosquitto_pub -p "$tls" -h localhost -t plain -m x 2>/dev/null; then fail "plain MQTT accepted on the TLS port"; fi
mosquitto_pub -p "$tls" --cafile "$work/cert.pem" -h localhost -t after -m x || fail "the TLS listener stopped serving"
echo "ok - plain MQTT refused on the TLS port"
kill -TERM "$pid"
wait "$pid"
