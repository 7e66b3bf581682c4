#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# gRPC throughput of petstore-mock against an @grpc/grpc-js server with the same protos
# (grpc-reference-server.mjs), in the same run:
#  - unary PetService.GetPet driven by h2load (Debian nghttp2-client) with a framed request body;
#  - server-streaming WatchPets(include_existing) read by petstore-grpcbench after N imported pets.
# Prints a Markdown table for docs/performance.md.
# usage: tests/bench/grpc-bench.sh [build/release] [seconds] [pets]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release}
seconds=${2:-10}
pets=${3:-100000}
mock=$build/app/mock/petstore-mock
bench=$build/tests/bench/petstore-grpcbench
work=$(mktemp -d)
trap 'kill $mock_pid $node_pid 2>/dev/null || true; rm -rf "$work"' EXIT

"$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --log none --ready-file "$work/ready.json" --config "$here/bench-config.json" >/dev/null &
mock_pid=$!
until [ -s "$work/ready.json" ]; do sleep 0.02; done
http=$(sed -E 's/.*"http":([0-9]+).*/\1/' "$work/ready.json")
grpc=$(sed -E 's/.*"grpc":([0-9]+).*/\1/' "$work/ready.json")
node_port=$((grpc + 1))
node "$here/grpc-reference-server.mjs" "$node_port" "$here/../../specs/proto" "127.0.0.1:$grpc" > "$work/node.log" &
node_pid=$!
until grep -q ready "$work/node.log" 2>/dev/null; do sleep 0.02; done

pet=$(curl -sS "http://127.0.0.1:$http/v1/pets?status=AVAILABLE&limit=1" | sed -E 's/.*"data":\[\{[^}]*"id":"([0-9a-f-]{36})".*/\1/')
"$bench" frame "$pet" "$work/getpet.bin"

unary() { # port "h2load flags" -> "calls/s mean max"; every call must end with grpc-status 0
  # One checked call first: h2load counts HTTP statuses, and gRPC errors are HTTP 200 too.
  if ! curl -sS --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
       --data-binary @"$work/getpet.bin" -D - -o /dev/null "http://127.0.0.1:$1/petstore.v1.PetService/GetPet" | grep -qi '^grpc-status: 0'; then
    echo "GetPet failed on port $1" >&2; exit 1
  fi
  # shellcheck disable=SC2086 # the flags are words
  h2load -D "$seconds" $2 -t 1 --data="$work/getpet.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$1/petstore.v1.PetService/GetPet" > "$work/h2load.txt"
  if ! grep -q ' 0 failed, 0 errored' "$work/h2load.txt"; then echo "h2load saw failures on port $1" >&2; cat "$work/h2load.txt" >&2; fi
  echo "$(awk '/^finished in/ {print $4}' "$work/h2load.txt") $(awk '/^time for request:/ {print $6}' "$work/h2load.txt") $(awk '/^time for request:/ {print $5}' "$work/h2load.txt")"
}

watch() { # port -> "messages seconds messages/s"
  "$bench" import "127.0.0.1:$1" "$pets" >/dev/null
  "$bench" watch "127.0.0.1:$1"
}

echo "| workload | petstore-mock | @grpc/grpc-js | ratio |"
echo "| --- | ---: | ---: | ---: |"
for flags in "-c 8 -m 32" "-c 32 -m 16"; do
  read -r m_rps m_mean m_max < <(unary "$grpc" "$flags")
  read -r n_rps n_mean n_max < <(unary "$node_port" "$flags")
  echo "| unary GetPet, h2load $flags, calls/s | ${m_rps%.*} (mean $m_mean, max $m_max) | ${n_rps%.*} (mean $n_mean, max $n_max) | $(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }') |"
done
read -r m_messages _ m_mps < <(watch "$grpc")
read -r n_messages _ n_mps < <(watch "$node_port")
echo "| WatchPets(include_existing) to one client, $m_messages / $n_messages messages, messages/s | $m_mps | $n_mps | $(awk -v a="$m_mps" -v b="$n_mps" 'BEGIN { printf "%.2f", a / b }') |"
