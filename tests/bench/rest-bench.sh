#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# REST throughput and latency of petstore-mock (every middleware on) against a plain Node http
# server sending the same bytes, measured in the same run with wrk -t2 -c64; plus start-up time
# to the ready line and idle RSS. Prints a Markdown table for docs/performance.md.
# usage: tests/bench/rest-bench.sh [build/release/app/mock/petstore-mock] [seconds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mock=${1:-$here/../../build/release/app/mock/petstore-mock}
seconds=${2:-10}
work=$(mktemp -d)
trap 'kill $mock_pid $node_pid 2>/dev/null || true; rm -rf "$work"' EXIT

. "$here/bench-common.sh"
start_mock
pet=$(curl -sS "$base/v1/pets?status=AVAILABLE&limit=1" | sed -E 's/.*"data":\[\{[^}]*"id":"([0-9a-f-]{36})".*/\1/')
paths=("/v1/pets/$pet" "/v1/pets?limit=20")

# Capture what the mock sends for each path, for the Node peer.
node -e '
  const [base, ...paths] = process.argv.slice(1);
  (async () => {
    const out = {};
    for (const p of paths) {
      const r = await fetch(base + p);
      const headers = {};
      r.headers.forEach((v, k) => { if (!["date","x-request-id","content-length","ratelimit-remaining"].includes(k)) headers[k] = v; });
      out[p] = { status: r.status, headers, body: await r.text() };
    }
    console.log(JSON.stringify(out));
  })();' "$base" "${paths[@]}" > "$work/capture.json"
node_port=$((port + 1))
node "$here/node-baseline.mjs" "$node_port" "$work/capture.json" > "$work/node.log" &
node_pid=$!
until grep -q ready "$work/node.log" 2>/dev/null; do sleep 0.02; done

echo "| endpoint | petstore-mock req/s | p50 | p99 | Node http req/s | p99 | ratio |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for p in "${paths[@]}"; do
  read -r m_rps m_p50 m_p99 < <(wrk_stats "$base$p")
  read -r n_rps _ n_p99 < <(wrk_stats "http://127.0.0.1:$node_port$p")
  ratio=$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')
  label=$([ "$p" = "${paths[0]}" ] && echo 'GET /v1/pets/{id}' || echo "GET $p")
  echo "| \`$label\` | $m_rps | $m_p50 | $m_p99 | $n_rps | $n_p99 | $ratio |"
done

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$mock_pid/status")
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true

# Start-up: spawn to ready line, 20 runs, median.
times=()
for _ in $(seq 1 20); do
  rm -f "$work/r.json"
  start=$(date +%s%N)
  "$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --log none --ready-file "$work/r.json" >/dev/null & pid=$!
  until [ -s "$work/r.json" ]; do sleep 0.001; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  [ -z "${idle_rss:-}" ] && { sleep 1; idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status"); }
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo
echo "start to ready line: median ${median} ms over 20 runs; idle RSS $((idle_rss / 1024)) MB; RSS after the load $((rss_kb / 1024)) MB"
