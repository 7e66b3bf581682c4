#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The mock's broker through Debian's mosquitto clients, MQTT 5 and 3.1.1 (run by with-mock.sh):
# every pet's retained status then a REST adoption as a new line, QoS 2 both ways, retained
# set and clear, device health readings into the store (and a rejected one on $SYS), and MQTT 5
# request/response with mosquitto_rr.
set -euo pipefail
base=$PETSTORE_URL
port=$PETSTORE_MQTT_PORT
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
json=(-sS -H 'Content-Type: application/json')
fail() { echo "FAIL: $*"; exit 1; }
pass() { echo "ok - $*"; }
wait_for() {   # wait_for FILE PATTERN [COUNT]: until FILE has COUNT lines matching PATTERN
  for _ in $(seq 1 100); do
    [ "$(grep -cE "$2" "$1" 2>/dev/null || true)" -ge "${3:-1}" ] && return 0
    sleep 0.1
  done
  return 1
}

pets=$(curl -sS "$base/v1/pets?limit=1" | jq '.pagination.totalItems')
[ "$pets" -gt 0 ] || fail "no pets in the store"

for version in 5 311; do
  # Done when: every pet's retained status, then a new line when a pet is adopted through REST.
  mosquitto_sub -p "$port" -V "$version" -t 'pets/#' -v >"$work/pets-$version" &
  sub=$!
  wait_for "$work/pets-$version" '^pets/[^/]+/status ' "$pets" || fail "v$version: not every pet's retained status arrived"
  pass "v$version: $pets retained pet statuses"
  pet=$(curl -sS "$base/v1/pets?status=AVAILABLE&limit=1" | jq -r '.data[0].id')
  order=$(curl "${json[@]}" -d "{\"petId\":\"$pet\"}" "$base/v1/orders" | jq -r .id)
  curl "${json[@]}" -o /dev/null -d '{"source":{"type":"card","number":"4242 4242 4242 4242","expMonth":12,"expYear":2031,"cvc":"123","name":"Mosquitto Fan"}}' \
    "$base/v1/orders/$order/payment"
  wait_for "$work/pets-$version" "^pets/$pet/status .*\"status\":\"ADOPTED\"" || fail "v$version: the adoption did not arrive"
  wait_for "$work/pets-$version" "^pets/$pet/availability .*\"available\":false" || fail "v$version: availability did not change"
  pass "v$version: REST adoption of $pet arrived as a new line"
  kill "$sub"

  # QoS 2 in both directions.
  mosquitto_sub -p "$port" -V "$version" -q 2 -t "interop/$version/#" -C 2 -v >"$work/qos2-$version" &
  sub=$!
  sleep 0.3
  mosquitto_pub -p "$port" -V "$version" -q 2 -t "interop/$version/a" -m 'exactly once'
  mosquitto_pub -p "$port" -V "$version" -q 1 -t "interop/$version/b" -m 'at least once'
  wait "$sub" || fail "v$version: QoS subscriber failed"
  grep -qx "interop/$version/a exactly once" "$work/qos2-$version" || fail "v$version: QoS 2 message missing"
  grep -qx "interop/$version/b at least once" "$work/qos2-$version" || fail "v$version: QoS 1 message missing"
  pass "v$version: QoS 2 and QoS 1 delivered"

  # Retained: set, read by a new subscriber, cleared by an empty retained message.
  mosquitto_pub -p "$port" -V "$version" -r -q 1 -t "interop/$version/retained" -m 'kept'
  [ "$(mosquitto_sub -p "$port" -V "$version" -t "interop/$version/retained" -C 1 -W 3)" = kept ] || fail "v$version: retained message missing"
  mosquitto_pub -p "$port" -V "$version" -r -q 1 -t "interop/$version/retained" -n
  if mosquitto_sub -p "$port" -V "$version" -t "interop/$version/retained" -C 1 -W 1 >/dev/null 2>&1; then
    fail "v$version: an empty retained message did not delete it"
  fi
  pass "v$version: retained set and cleared"

  # Device readings: a valid one reaches GET /v1/pets/{id}/health, an invalid one is counted.
  mosquitto_pub -p "$port" -V "$version" -q 1 -t "pets/$pet/health" \
    -m "{\"deviceId\":\"collar-$version\",\"heartRate\":88,\"temperatureC\":38.4,\"activity\":\"PLAYING\"}"
  for _ in $(seq 1 50); do
    curl -sS "$base/v1/pets/$pet/health" | jq -e ".data[] | select(.deviceId == \"collar-$version\")" >/dev/null && break
    sleep 0.1
  done
  curl -sS "$base/v1/pets/$pet/health" | jq -e ".data[0].deviceId == \"collar-$version\" and .data[0].heartRate == 88" >/dev/null \
    || fail "v$version: the reading did not reach the store"
  mosquitto_pub -p "$port" -V "$version" -q 1 -t "pets/$pet/health" -m '{"deviceId":"collar","heartRate":"fast"}'
  rejected=$(mosquitto_sub -p "$port" -V "$version" -t '$SYS/broker/petstore/rejected' -C 1 -W 3)
  echo "$rejected" | jq -e '.count >= 1 and (.last.reason | contains("/heartRate"))' >/dev/null \
    || fail "v$version: rejected reading not reported: $rejected"
  pass "v$version: health reading stored, bad one reported on \$SYS"
done

# MQTT 5 request/response (§4.10): mosquitto_rr sets Response Topic and Correlation Data.
pet=$(curl -sS "$base/v1/pets?limit=1" | jq -r '.data[0].id')
reply=$(mosquitto_rr -p "$port" -t petstore/rpc/pets/get -e "replies/rr-$$" -m "{\"petId\":\"$pet\"}" -W 3)
echo "$reply" | jq -e ".id == \"$pet\"" >/dev/null || fail "request/response: $reply"
reply=$(mosquitto_rr -p "$port" -t petstore/rpc/pets/get -e "replies/rr-$$" -m '{"petId":"no-such-pet"}' -W 3)
echo "$reply" | jq -e '.error.status == 404' >/dev/null || fail "request/response for a missing pet: $reply"
pass "request/response: pet and 404"

# $SYS statistics.
mosquitto_sub -p "$port" -t '$SYS/broker/clients/connected' -C 1 -W 15 | grep -qE '^[0-9]+$' || fail "\$SYS/broker/clients/connected"
pass "\$SYS statistics"
