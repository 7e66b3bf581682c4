#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# with-mock.sh PETSTORE_MOCK [mock flags...] -- COMMAND [args...]
# Starts petstore-mock on free ports, waits for its ready line, runs COMMAND with
# PETSTORE_URL=http://127.0.0.1:<http port>, PETSTORE_MQTT_PORT=<mqtt port> and
# PETSTORE_GRPC_ADDRESS=127.0.0.1:<grpc port>, then stops the
# mock with SIGTERM and checks that it exits 0. The command's status is the script's status.
set -euo pipefail
mock=$1; shift
flags=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do flags+=("$1"); shift; done
shift
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --ready-file "$work/ready.json" --log none "${flags[@]}" >"$work/stdout" 2>"$work/stderr" &
pid=$!
for _ in $(seq 1 200); do
  [ -s "$work/ready.json" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "mock exited early:"; cat "$work/stderr"; exit 1; }
  sleep 0.05
done
port=$(sed -E 's/.*"http":([0-9]+).*/\1/' "$work/ready.json")
export PETSTORE_URL="http://127.0.0.1:$port"
export PETSTORE_MQTT_PORT=$(sed -E 's/.*"mqtt":([0-9]+).*/\1/' "$work/ready.json")
export PETSTORE_GRPC_ADDRESS="127.0.0.1:$(sed -E 's/.*"grpc":([0-9]+).*/\1/' "$work/ready.json")"
status=0
"$@" || status=$?
kill -TERM "$pid"
mock_status=0
wait "$pid" || mock_status=$?
if [ "$mock_status" -ne 0 ]; then
  echo "petstore-mock exited with $mock_status after SIGTERM"; cat "$work/stderr"; exit 1
fi
exit "$status"
