#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# mqtt-persistence.sh PETSTORE_MOCK: with --data, retained messages and persistent sessions with
# their queued QoS 1 messages survive a restart of the mock (mosquitto clients, v5 and 3.1.1).
set -euo pipefail
mock=$1
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

start() {
  rm -f "$work/ready.json"
  "$mock" --http-port 0 --mqtt-port "${1:-0}" --grpc-port 0 --data "$work/state.sqlite" --log none --ready-file "$work/ready.json" >/dev/null &
  pid=$!
  for _ in $(seq 1 200); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
  port=$(sed -E 's/.*"mqtt":([0-9]+).*/\1/' "$work/ready.json")
}
stop() { kill -TERM "$pid"; wait "$pid" || fail "the mock exited with $? on SIGTERM"; }

start
for version in 5 311; do
  expiry=(); [ "$version" = 5 ] && expiry=(-x 3600)
  # A persistent session subscribes, then leaves.
  mosquitto_sub -p "$port" -V "$version" -i "keeper-$version" -c "${expiry[@]}" -q 1 -t "persist/$version/#" -W 1 >/dev/null 2>&1 || true
  for i in 1 2 3; do mosquitto_pub -p "$port" -V "$version" -q 1 -t "persist/$version/queued" -m "m$i"; done
  mosquitto_pub -p "$port" -V "$version" -q 1 -r -t "persist/$version/retained" -m "kept"
done
stop
start "$port"
for version in 5 311; do
  expiry=(); [ "$version" = 5 ] && expiry=(-x 3600)
  got=$(mosquitto_sub -p "$port" -V "$version" -i "keeper-$version" -c "${expiry[@]}" -q 1 -t "persist/$version/#" -C 4 -W 5 -v | sort)
  expected=$(printf 'persist/%s/queued m1\npersist/%s/queued m2\npersist/%s/queued m3\npersist/%s/retained kept\n' "$version" "$version" "$version" "$version")
  [ "$got" = "$expected" ] || fail "v$version after restart got: $got"
  echo "ok - v$version: queued messages and the retained one survived the restart"
done
stop
