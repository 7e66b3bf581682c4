#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Streamed chat completions with `curl -N`, a client we did not write: the chunks arrive as
# they are produced, assemble to the non-streamed answer, end with finishReason, usage and
# `data: [DONE]`; a client that hangs up stops the generation. Needs PETSTORE_URL.
set -euo pipefail
base=${PETSTORE_URL:?}
work=$(mktemp -d)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }

question='{"model":"pet-advisor-1","messages":[{"role":"user","content":"Which dogs are good with kids?"}]'
config() { curl -sS -o /dev/null -X PUT -H 'Content-Type: application/json' -d "$1" "$base/admin/config"; }

config '{"streaming":{"chatTokenDelayMs":5}}'
curl -sS -H 'Content-Type: application/json' -d "$question}" "$base/v1/chat/completions" > "$work/whole.json"
curl -sSN -D "$work/head" -H 'Content-Type: application/json' -d "$question,\"stream\":true}" \
  "$base/v1/chat/completions" > "$work/stream"
check "event-stream head" "grep -qi '^content-type: text/event-stream' '$work/head' && grep -qi '^transfer-encoding: chunked' '$work/head'"
grep '^data: {' "$work/stream" | sed 's/^data: //' > "$work/chunks"
check "every chunk is a chat.completion.chunk" "jq -e -s 'length > 3 and all(.object == \"chat.completion.chunk\")' '$work/chunks' >/dev/null"
check "first delta names the role" "jq -e -s '.[0].choices[0].delta.role == \"assistant\"' '$work/chunks' >/dev/null"
assembled=$(jq -j '.choices[0].delta.content // empty' "$work/chunks")
whole=$(jq -j '.choices[0].message.content' "$work/whole.json")
check "deltas assemble to the whole answer" '[ "$assembled" = "$whole" ]'
check "last chunk has finishReason and usage" "jq -e -s '.[-1].choices[0].finishReason == \"stop\" and .[-1].usage.totalTokens > 0' '$work/chunks' >/dev/null"
check "stream ends with [DONE]" "[ \"\$(grep '^data:' '$work/stream' | tail -1)\" = 'data: [DONE]' ]"

# Hanging up stops the generation: with 300 ms per token the answer would take seconds, yet
# the mock reports no running chat stream right after the client has gone.
config '{"streaming":{"chatTokenDelayMs":300}}'
curl -sSN -H 'Content-Type: application/json' -d "$question,\"stream\":true}" "$base/v1/chat/completions" \
  > "$work/partial" &
curler=$!
for _ in $(seq 1 100); do grep -q '"content"' "$work/partial" 2>/dev/null && break; sleep 0.05; done
check "the first token arrives before the answer is complete" "grep -q '\"content\"' '$work/partial' && ! grep -q DONE '$work/partial'"
check "the running stream is counted" "curl -sS '$base/health' | jq -e '.protocols.sse.chatStreams == 1' >/dev/null"
kill "$curler"; wait "$curler" 2>/dev/null || true
stopped=false
for _ in $(seq 1 40); do
  if curl -sS "$base/health" | jq -e '.protocols.sse.chatStreams == 0' >/dev/null; then stopped=true; break; fi
  sleep 0.05
done
check "hanging up stops the generation" '$stopped'
config '{"streaming":{"chatTokenDelayMs":40}}'
exit $((failures > 0))
