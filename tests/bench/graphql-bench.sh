#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# GraphQL over HTTP throughput of petstore-mock against npm graphql-http's reference server
# (graphql-js) serving the same SDL and data, measured in the same run with wrk -t2 -c64 and
# POST bodies. Prints a Markdown table for docs/performance.md.
# usage: tests/bench/graphql-bench.sh [build/release/app/mock/petstore-mock] [seconds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mock=${1:-$here/../../build/release/app/mock/petstore-mock}
seconds=${2:-10}
work=$(mktemp -d)
trap 'kill $mock_pid $node_pid 2>/dev/null || true; rm -rf "$work"' EXIT

. "$here/bench-common.sh"
start_mock
pet=$(curl -sS "$base/v1/pets?status=AVAILABLE&limit=1" | sed -E 's/.*"data":\[\{[^}]*"id":"([0-9a-f-]{36})".*/\1/')

node_port=$((port + 1))
node "$here/graphql-reference-server.mjs" "$node_port" "$here/../../specs/graphql/petstore.graphql" "$base" > "$work/node.log" &
node_pid=$!
until grep -q ready "$work/node.log" 2>/dev/null; do sleep 0.02; done

queries=("{ pet(id: \\\"$pet\\\") { name status } }"
         "{ pets(first: 20) { nodes { name status orders { id status totalAmount } } } }")
labels=('pet(id) { name status }' 'pets(first: 20) { nodes { … orders { … } } }')

run() { # url query -> "req/s p50 p99"
  printf '{"query": "%s"}' "$2" > "$work/body.json"
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
local body = io.open("$work/body.json"):read("*a")
wrk.body = body
LUA
  # Each server must answer the query with data and no errors before it is measured.
  if ! curl -sS "$1" -H 'content-type: application/json' --data-binary @"$work/body.json" | grep -q '"data":{"pet'; then
    echo "no data from $1" >&2; exit 1
  fi
  wrk_stats "$1" -s "$work/post.lua"
}

echo "| query | petstore-mock req/s | p50 | p99 | graphql-http (graphql-js) req/s | p99 | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for i in 0 1; do
  read -r m_rps m_p50 m_p99 < <(run "$base/v1/graphql" "${queries[$i]}")
  read -r n_rps _ n_p99 < <(run "http://127.0.0.1:$node_port/graphql" "${queries[$i]}")
  ratio=$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')
  echo "| \`${labels[$i]}\` | $m_rps | $m_p50 | $m_p99 | $n_rps | $n_p99 | $ratio |"
done
