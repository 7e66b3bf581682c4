#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Streaming benchmarks of issue 4 (figures go to docs/performance.md):
#   tests/bench/stream-bench.sh [BUILD_DIR]   (default build/release)
# 1. 5,000 concurrent GET /v1/events subscribers: RSS per idle subscriber, and the latency of
#    an event published through POST /admin/events to every subscriber (p50/p99/max, 20 events)
# 2. WebSocket echo, 64-byte messages on 16 connections: messages/s against petstore-mock's
#    /v1/ws/echo and against a Node `ws` echo server, with the same C++ load client
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
mock=$build/app/mock/petstore-mock
client=$build/tests/bench/petstore-streambench
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 20000

start_mock() {
  rm -f "$work/ready.json"
  "$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --log none --config tests/bench/bench-config.json --ready-file "$work/ready.json" & pids+=($!)
  mock_pid=$!
  for _ in $(seq 100); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
  port=$(sed -E 's/.*"http":([0-9]+).*/\1/' "$work/ready.json")
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

echo "== SSE: 5,000 subscribers, 20 events"
start_mock
before=$(rss_kb "$mock_pid")
"$client" sse "$port" 5000 20 > "$work/sse.jsonl" &
client_pid=$!
for _ in $(seq 600); do grep -q subscribersOpen "$work/sse.jsonl" 2>/dev/null && break; sleep 0.1; done
sleep 1
idle=$(rss_kb "$mock_pid")
wait "$client_pid"
cat "$work/sse.jsonl"
echo "mock RSS: $before KB before, $idle KB with 5,000 idle subscribers: $(( (idle - before) * 1024 / 5000 )) bytes per subscriber"
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true

echo "== WebSocket echo, 64 B, 16 connections, 10 s"
start_mock
echo -n "petstore-mock /v1/ws/echo: "
"$client" ws-echo "$port" /v1/ws/echo 16 64 10 32
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true
node_port=$((20000 + RANDOM % 20000))
node tests/bench/ws-echo-node.mjs "$node_port" > "$work/node.log" & pids+=($!)
for _ in $(seq 100); do grep -q ready "$work/node.log" 2>/dev/null && break; sleep 0.05; done
echo -n "node ws $(node -p "require('./tests/interop/node_modules/ws/package.json').version") echo:    "
"$client" ws-echo "$node_port" /v1/ws/echo 16 64 10 32
