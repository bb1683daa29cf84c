#!/usr/bin/env bash
# Pack load (read, check and compile) for an earlier revision and the working tree, side by side in
# one run on the shared workload's packs of 50, 200 and 1000 rules:
#   - time: ipt-bench's "pack load + compile" (best of 5 passes in each run) over ROUNDS runs,
#     before and after interleaved: the best and the median of the runs;
#   - instructions (valgrind --tool=callgrind, repeatable): the whole command
#     `ipt evaluate --pack PACK --format jsonl --jobs 1 ONE_CASE` (process start, pack load, one
#     case), as in the last table of scripts/bench-callgrind.sh.
#
#   scripts/bench-load.sh REV [ROUNDS]        (for example: scripts/bench-load.sh cf7d75e 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: scripts/bench-load.sh REV [ROUNDS]}"
rounds="${2:-5}"
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; }
source scripts/workload.sh
source scripts/callgrind-lib.sh
one=$(find "$out/B/cases-1000" -name '*.yaml' | sort | head -1)
mkdir -p "$out/B/cases-1"
cp "$one" "$out/B/cases-1/"

old="$out/before-$rev"
[ -d "$old" ] || git worktree add -q "$old" "$rev"
for dir in "$old" .; do
  (cd "$dir" && swift build -c release --product ipt >/dev/null \
    && swift build -c release --product ipt-bench >/dev/null)
done
cp "$old/.build/release/ipt" "$out/ipt-before"
cp .build/release/ipt "$out/ipt-after"
# valgrind cannot read the toolchain's debug info: measure stripped copies.
strip "$out/ipt-before" "$out/ipt-after"

load_ms() {  # BENCH PACK: ipt-bench's pack load + compile, in ms
  "$1" "$2" "$out/B/cases-1" --repeat 5 | awk '/pack load/ {print $5}'
}
times="$out/load-times.txt"
rm -f "$times"
for _ in $(seq "$rounds"); do
  for m in 50 200 1000; do
    echo "before $m $(load_ms "$old/.build/release/ipt-bench" "$out/B/pack-$m")" >> "$times"
    echo "after $m $(load_ms .build/release/ipt-bench "$out/B/pack-$m")" >> "$times"
  done
done
python3 - "$times" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    side, m, t = line.split()
    runs.setdefault((side, int(m)), []).append(float(t))
print("| pack | load + compile, best, before | after | after/before | median, before | after | after/before |")
print("|---|---|---|---|---|---|---|")
for m in (50, 200, 1000):
    bb, ba = min(runs["before", m]), min(runs["after", m])
    mb, ma = statistics.median(runs["before", m]), statistics.median(runs["after", m])
    print(f"| {m} rules | {bb:.1f} ms | {ba:.1f} ms | {ba / bb:.2f} | {mb:.1f} ms | {ma:.1f} ms | {ma / mb:.2f} |")
PY
echo

one_case_table "$one"
