# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the wrk-driven benchmarks (rest-bench.sh, graphql-bench.sh); sourced, not run.
# Needs $mock (the petstore-mock binary), $here (this folder) and $work (a scratch folder).

# Starts petstore-mock on free ports with the benchmark configuration; sets $mock_pid, $port
# and $base.
start_mock() {
  "$mock" --http-port 0 --mqtt-port 0 --grpc-port 0 --log none --ready-file "$work/ready.json" --config "$here/bench-config.json" >/dev/null &
  mock_pid=$!
  until [ -s "$work/ready.json" ]; do sleep 0.02; done
  port=$(sed -E 's/.*"http":([0-9]+).*/\1/' "$work/ready.json")
  base="http://127.0.0.1:$port"
}

# Runs wrk -t2 -c64 for $seconds against URL (extra wrk arguments after it) and prints
# "req/s p50 p99"; complains on stderr about non-2xx answers.
wrk_stats() {
  local url=$1; shift
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$url" > "$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "non-2xx responses for $url" >&2; cat "$work/wrk.txt" >&2; fi
  echo "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") $(awk '$1 == "50%" {print $2}' "$work/wrk.txt") $(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
}
