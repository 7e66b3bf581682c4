#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# REST scenarios with curl, a client we did not write. Needs PETSTORE_URL (see with-mock.sh).
set -euo pipefail
base=${PETSTORE_URL:?}
failures=0

# expect NAME STATUS [grep pattern on the response] -- curl arguments...
expect() {
  local name=$1 want=$2 pattern=$3; shift 4
  local out; out=$(mktemp)
  local got; got=$(curl -sS -o "$out" -w '%{http_code}' "$@")
  if [ "$got" != "$want" ] || { [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$out"; }; then
    echo "FAIL $name: status $got (want $want), body: $(head -c 400 "$out")"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
  rm -f "$out"
}

json=(-H 'Content-Type: application/json')
expect health 200 '"status":"ok"' -- "$base/health"
expect list-pets 200 '"totalItems":50' -- "$base/v1/pets?limit=5"
expect head-pets 200 '' -- -I "$base/v1/pets?limit=5"
expect openapi-yaml 200 '^openapi: "?3\.1\.0' -- "$base/v1/openapi.yaml"
expect not-found 404 'problems/not-found' -- "$base/v1/nothing-here"
expect method-not-allowed 405 'method-not-allowed' -- -X DELETE "$base/v1/pets"
expect malformed-json 400 'problems/malformed-json' -- "${json[@]}" -d '{"name":' "$base/v1/pets"
expect validation 422 '"field":"/species"' -- "${json[@]}" -d '{"name":"Rex","species":"DRAGON"}' "$base/v1/pets"
expect media-type 415 'unsupported-media-type' -- -H 'Content-Type: text/plain' -d 'x' "$base/v1/pets"
expect too-large 413 'payload-too-large' -- "${json[@]}" --data-binary @<(head -c 2000000 /dev/zero | tr '\0' ' ') "$base/v1/pets"
expect chaos-code 503 'service-unavailable' -- -H 'Prefer: code=503' "$base/v1/pets"
expect query-method 200 '"data"' -- -X QUERY "${json[@]}" -d '{"species":"CAT","limit":2}' "$base/v1/pets/search"
expect cors-preflight 204 '' -- -X OPTIONS -H 'Origin: http://localhost:5173' -H 'Access-Control-Request-Method: POST' "$base/v1/pets"

# Purchase flow, anonymous (auth mode none): browse, order, pay, poll until approved.
pet=$(curl -sS "$base/v1/pets?status=AVAILABLE&limit=1" | sed -E 's/.*"data":\[\{[^}]*"id":"([0-9a-f-]{36})".*/\1/')
order=$(curl -sS "${json[@]}" -d "{\"petId\":\"$pet\"}" "$base/v1/orders" | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/' | head -c 36)
expect pay 202 '"status":"PENDING"' -- "${json[@]}" \
  -d '{"source":{"type":"card","number":"4242 4242 4242 4242","expMonth":12,"expYear":2031,"cvc":"123","name":"Curl User"}}' \
  "$base/v1/orders/$order/payment"
for _ in $(seq 1 60); do
  curl -sS "$base/v1/orders/$order" | grep -q '"status":"APPROVED"' && break
  sleep 0.1
done
expect order-approved 200 '"status":"APPROVED"' -- "$base/v1/orders/$order"
expect pet-adopted 200 '"status":"ADOPTED"' -- "$base/v1/pets/$pet"
expect etag-304 304 '' -- -H "If-None-Match: $(curl -sSI "$base/v1/pets/$pet" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')" "$base/v1/pets/$pet"

echo "curl scenarios: $failures failed"
[ "$failures" -eq 0 ]
