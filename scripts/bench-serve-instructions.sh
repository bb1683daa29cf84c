#!/usr/bin/env bash
# Instructions per request of `ipt serve` (docs/benchmarks.md, "ipt serve"), counted with valgrind
# --tool=callgrind, which does not depend on what else the machine is doing: the server runs under
# callgrind twice, answering 10 and then 60 posts of one sample case to POST /v1/evaluate, and
# per request = (instructions over 60 - over 10) / 50, so start-up and pack load drop out.
#   scripts/bench-serve-instructions.sh                  # the working tree's release build
#   scripts/bench-serve-instructions.sh OTHER_IPT        # and another ipt binary, side by side
set -euo pipefail
cd "$(dirname "$0")/.."
CASE_FILE=${CASE_FILE:-rules/ipt-core/cases/c01-grief-recent-death.yaml}
PORT=${PORT:-18082}
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; }
swift build -c release --product ipt >&2
out=.build-artifacts/bench-serve-instructions
mkdir -p "$out"
# valgrind cannot read the toolchain's debug info: measure copies without it (symbols kept).
cp "$(swift build -c release --show-bin-path)/ipt" "$out/ipt-this"
binaries=("$out/ipt-this")
if [ $# -ge 1 ]; then
  cp "$1" "$out/ipt-other"
  binaries+=("$out/ipt-other")
fi
for bin in "${binaries[@]}"; do strip --strip-debug "$bin"; done

instructions() {  # BINARY REQUESTS: the server's instructions when it has answered REQUESTS posts
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" serve --port "$PORT" \
    2> "$out/valgrind.log" &
  local server=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/v1/pack" && break
    sleep 0.2
  done
  for _ in $(seq 1 "$2"); do
    curl -sf -o /dev/null --data-binary "@$CASE_FILE" "http://127.0.0.1:$PORT/v1/evaluate"
  done
  kill -TERM "$server"
  wait "$server" || true
  awk '/Collected/ {print $4}' "$out/valgrind.log"
}
for bin in "${binaries[@]}"; do
  a=$(instructions "$bin" 10)
  b=$(instructions "$bin" 60)
  echo "$(basename "$bin"): $a over 10 requests, $b over 60, $(( (b - a) / 50 )) per request"
done
