#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Explorer benchmarks of issue 3 (figures go to docs/performance.md):
#   tests/bench/explorer-bench.sh [BUILD_DIR]   (default build/release; needs wrk, xvfb-run)
# 1. launch to first painted window with the embedded mock started (median of 10 launches)
# 2. idle RSS of the explorer with its embedded mock
# 3. the GUI event loop's longest stall while wrk drives the embedded mock at full speed
# 4. RSS growth of the Traffic dock holding 100,000 exchanges
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
explorer=$build/app/explorer/petstore-explorer
probe=$build/tests/bench/petstore-explorer-probe
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data

echo "== launch to first paint (ms since main), 10 launches"
for _ in $(seq 10); do
  "$explorer" --http-port 0 --mqtt-port 0 --grpc-port 0 --startup-report
done | tee "$home/startup.jsonl"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  const med = (k) => { const v = rows.map(r => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
  console.log(`median firstPaintMs ${med("firstPaintMs")}, median mockReadyMs ${med("mockReadyMs")}`);
' "$home/startup.jsonl"

echo "== idle RSS after 3 s"
"$explorer" --http-port 0 --mqtt-port 0 --grpc-port 0 & pid=$!
sleep 3
grep VmRSS "/proc/$pid/status"
kill "$pid"; wait "$pid" 2>/dev/null || true

echo "== GUI event-loop stalls while wrk drives the embedded mock (wrk -t2 -c64 -d10s)"
"$probe" ui-latency 13 > "$home/probe.jsonl" & pid=$!
for _ in $(seq 100); do grep -q ready "$home/probe.jsonl" 2>/dev/null && break; sleep 0.1; done
port=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").split("\n")[0]).port)' "$home/probe.jsonl")
wrk -t2 -c64 -d10s "http://127.0.0.1:$port/v1/pets?limit=5" | grep -E 'Requests/sec|Latency'
wait "$pid"
tail -n1 "$home/probe.jsonl"

echo "== Traffic dock holding 100,000 exchanges"
"$probe" traffic-memory 100000
