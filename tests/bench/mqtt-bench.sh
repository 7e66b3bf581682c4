#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# MQTT benchmarks of issue 5 (figures go to docs/performance.md):
#   tests/bench/mqtt-bench.sh [BUILD_DIR] [ROUNDS]   (default build/release, 2 rounds)
# The same load client (petstore-mqttbench, libmosquitto) against petstore-mock's broker and
# Debian's mosquitto, started side by side on loopback, scenario by scenario in turn:
#   fan-in 4 publishers -> 1 subscriber, 64 B, QoS 0 and QoS 1; fan-out 1 -> 100, QoS 0;
#   then 10,000 idle connected clients and the RSS each broker needs for them.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
rounds=${2:-2}
mock=$build/app/mock/petstore-mock
client=$build/tests/bench/petstore-mqttbench
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 20000

"$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --log none --config tests/bench/bench-config.json --ready-file "$work/ready.json" & pids+=($!)
mock_pid=$!
for _ in $(seq 100); do [ -s "$work/ready.json" ] && break; sleep 0.05; done
ours=$(sed -E 's/.*"mqtt":([0-9]+).*/\1/' "$work/ready.json")
theirs=$((20000 + RANDOM % 20000))
printf 'listener %d 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n' "$theirs" >"$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" & pids+=($!)
mosquitto_pid=$!
sleep 0.5
echo "petstore-mock $($mock --version | awk '{print $2}') on $ours, $(mosquitto -h | head -1) on $theirs"

for round in $(seq "$rounds"); do
  for scenario in "fanin --qos 0 --messages 200000" "fanin --qos 1 --messages 100000" "fanout --messages 20000"; do
    for broker in ours theirs; do
      port=$([ $broker = ours ] && echo "$ours" || echo "$theirs")
      name=$([ $broker = ours ] && echo petstore-mock || echo mosquitto)
      echo "round $round $name $($client --port "$port" $scenario)"
    done
  done
done
echo "petstore-mock $($client --port "$ours" idle --clients 10000 --pid "$mock_pid")"
echo "mosquitto $($client --port "$theirs" idle --clients 10000 --pid "$mosquitto_pid")"
