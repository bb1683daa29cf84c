#!/usr/bin/env bash
# Load test of `ipt serve` (docs/benchmarks.md, "ipt serve"): wrk posts one sample case to
# POST /v1/evaluate on loopback with 32 connections for 30 seconds, against a release build.
# Prints throughput, p50/p99 latency, errors and the server's resident memory at start and end.
#   scripts/bench-serve.sh                       # defaults below
#   DURATION=60s CONNECTIONS=64 scripts/bench-serve.sh
#   DURATION=330s SAMPLE=30 scripts/bench-serve.sh   # memory over 100,000 requests, every 30 s
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
CASE_FILE=${CASE_FILE:-rules/ipt-core/cases/c01-grief-recent-death.yaml}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SAMPLE=${SAMPLE:-10}
PORT=${PORT:-18081}
command -v wrk >/dev/null || { echo "bench-serve: needs wrk (apt-get install wrk)" >&2; exit 2; }

swift build -c release --product ipt >&2
bin="$(swift build -c release --show-bin-path)/ipt"
out=.build-artifacts/bench-serve
mkdir -p "$out"

"$bin" serve --port "$PORT" 2> "$out/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/v1/pack" && break
  sleep 0.1
done
# One evaluation first, so that start memory is measured with the pack loaded and warm.
curl -sf -o /dev/null --data-binary "@$CASE_FILE" "http://127.0.0.1:$PORT/v1/evaluate"
rss() { awk '/^VmRSS/ { print $2 " kB" }' "/proc/$server/status"; }
start_rss=$(rss)
# The server's resident memory every SAMPLE seconds while wrk runs, to see whether it levels off.
(
  elapsed=0
  while sleep "$SAMPLE"; do
    elapsed=$((elapsed + SAMPLE))
    echo "$elapsed s: $(rss)"
  done
) > "$out/memory.txt" 2>/dev/null &
sampler=$!
trap 'kill "$server" "$sampler" 2>/dev/null || true' EXIT

cat > "$out/post.lua" <<'LUA'
wrk.method = "POST"
local file = io.open(os.getenv("CASE_FILE"), "r")
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/yaml"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "requests: %d in %.1f s (%.0f per second)\nlatency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\nerrors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
LUA
CASE_FILE="$CASE_FILE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$out/post.lua" \
  "http://127.0.0.1:$PORT/v1/evaluate" | tee "$out/wrk.txt"
end_rss=$(rss)
kill "$sampler" 2>/dev/null || true
echo "server memory (VmRSS) every $SAMPLE s:"
sed 's/^/  /' "$out/memory.txt"
echo "server memory (VmRSS): $start_rss at start, $end_rss at end"
echo "responses other than 200 in the request log: $(grep -c -v -E '^POST /v1/evaluate 200 |^GET /v1/pack 200 |listening on|^ipt serve:' "$out/server.log" || true)"
