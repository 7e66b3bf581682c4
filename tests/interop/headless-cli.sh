#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# petstore-mock as a CI job uses it: flags, exit codes, one-line errors, the ready line,
# --log json, graceful SIGINT/SIGTERM and --data persistence across processes.
# usage: headless-cli.sh PATH/TO/petstore-mock
set -uo pipefail
mock=$1
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}
start() { # READY-FILE LOG-FILE ARGS... -> sets $pid and $port
  rm -f "$1"
  "$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --ready-file "$1" "${@:3}" >"$2" 2>"$2.err" &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 200); do [ -s "$1" ] && break; sleep 0.05; done
  port=$(sed -E 's/.*"http":([0-9]+).*/\1/' "$1")
}

out=$("$mock" --help); status=$?
check "help exits 0" test "$status" -eq 0
check "help lists --data" grep -q -- "--data" <<<"$out"
check "version" test "$("$mock" --version)" = "petstore-mock 0.1.0"

err=$("$mock" --bogus 2>&1 >/dev/null); status=$?
check "unknown flag exits 2" test "$status" -eq 2
check "unknown flag names it" grep -q "^petstore-mock: Unknown option 'bogus'" <<<"$err"
err=$("$mock" --auth maybe 2>&1 >/dev/null); status=$?
check "bad --auth exits 2 with one line" test "$status" -eq 2 -a "$(head -1 <<<"$err")" = "petstore-mock: --auth must be none or required, not 'maybe'"
err=$("$mock" --config "$work/missing.json" 2>&1 >/dev/null); status=$?
check "unreadable config exits 2" test "$status" -eq 2
check "unreadable config is named" grep -q "cannot read config file $work/missing.json" <<<"$err"
echo '{"latencyMs": -5}' >"$work/bad.json"
err=$("$mock" --config "$work/bad.json" 2>&1 >/dev/null); status=$?
check "invalid config member is named" grep -q "/latencyMs" <<<"$err"

echo '{"graphql": {"maxDepth": 0}}' >"$work/badgraphql.json"
err=$("$mock" --config "$work/badgraphql.json" 2>&1 >/dev/null); status=$?
check "invalid graphql limit is named" grep -q "/graphql/maxDepth" <<<"$err"
echo '{"graphql": {"maxDepth": 2}}' >"$work/graphql.json"
start "$work/ready0.json" "$work/log0" --config "$work/graphql.json" --log none
reply=$(curl -sS "http://127.0.0.1:$port/v1/graphql" -H 'Content-Type: application/json' -d '{"query":"{ me { orders { id } } }"}')
check "the graphql depth limit comes from the config file" grep -q "DEPTH_LIMIT_EXCEEDED" <<<"$reply"
kill -TERM "$pid"; wait "$pid"

start "$work/ready1.json" "$work/log1" --log json
check "ready line is JSON with the port" grep -q '"event":"ready"' "$work/ready1.json"
check "ready line on stdout" grep -q '"event":"ready"' "$work/log1"
err=$("$mock" --http-port "$port" --mqtt-port 0 --grpc-port 0 2>&1 >/dev/null); status=$?
check "busy port exits 1" test "$status" -eq 1
check "busy port is named" grep -q "^petstore-mock: cannot listen on 127.0.0.1:$port" <<<"$err"
curl -sS -o /dev/null "http://127.0.0.1:$port/v1/pets?limit=1"
sleep 0.2
check "--log json prints the exchange" grep -q '"path":"/v1/pets?limit=1"' "$work/log1"
kill -INT "$pid"; wait "$pid"; status=$?
check "SIGINT exits 0" test "$status" -eq 0

start "$work/ready2.json" "$work/log2" --data "$work/store.sqlite" --log none
location=$(curl -sS -D - -o /dev/null -H 'Content-Type: application/json' -d '{"name":"Persisted","species":"BIRD"}' \
  "http://127.0.0.1:$port/v1/pets" | tr -d '\r' | sed -n 's/^Location: //p')
kill -TERM "$pid"; wait "$pid"; status=$?
check "SIGTERM exits 0" test "$status" -eq 0
start "$work/ready3.json" "$work/log3" --data "$work/store.sqlite" --log none
check "--data restores the store" grep -q '"name":"Persisted"' <(curl -sS "http://127.0.0.1:$port$location")
kill -TERM "$pid"; wait "$pid"

echo "headless cli: $failures failed"
[ "$failures" -eq 0 ]
