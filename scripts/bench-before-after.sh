#!/usr/bin/env bash
# Measures evaluation on the shared benchmark workload for an earlier revision and for the working
# tree, side by side in one run: instructions per case (valgrind --tool=callgrind, repeatable) and
# time per case (best of 9 passes, three interleaved rounds).
#
#   scripts/bench-before-after.sh REV        (for example: scripts/bench-before-after.sh bfb91dc)
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: scripts/bench-before-after.sh REV}"
source scripts/workload.sh
old="$out/before-$rev"
[ -d "$old" ] || git worktree add -q "$old" "$rev"
(cd "$old" && swift build -c release --product ipt-bench >/dev/null)
swift build -c release --product ipt-bench >/dev/null
# valgrind cannot read the toolchain's debug info: measure stripped copies.
cp "$old/.build/release/ipt-bench" "$out/ipt-bench-before"
cp .build/release/ipt-bench "$out/ipt-bench-after"
strip "$out/ipt-bench-before" "$out/ipt-bench-after"
instructions() {  # per case, evaluation only: (6 passes - 1 pass) / 5 / cases
  local a b
  a=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" "$2" "$out/B/cases-1000" --repeat 1 --evaluate-only 2>&1 | awk '/Collected/ {print $4}')
  b=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" "$2" "$out/B/cases-1000" --repeat 6 --evaluate-only 2>&1 | awk '/Collected/ {print $4}')
  echo $(( (b - a) / 5 / 1000 ))
}
echo "| pack | instructions per case, before | after | ratio | time per case (best of 3 rounds), before | after |"
echo "|---|---|---|---|---|---|"
for m in 50 200 1000; do
  ib=$(instructions "$out/ipt-bench-before" "$out/B/pack-$m")
  ia=$(instructions "$out/ipt-bench-after" "$out/B/pack-$m")
  tb=9999; ta=9999
  for round in 1 2 3; do
    t=$("$out/ipt-bench-before" "$out/B/pack-$m" "$out/B/cases-1000" --repeat 9 --evaluate-only | awk '{print $5}')
    tb=$(python3 -c "print(min($tb, $t))")
    t=$("$out/ipt-bench-after" "$out/B/pack-$m" "$out/B/cases-1000" --repeat 9 --evaluate-only | awk '{print $5}')
    ta=$(python3 -c "print(min($ta, $t))")
  done
  echo "| $m rules | $ib | $ia | $(python3 -c "print(f'{$ia / $ib:.3f}')") | $tb us | $ta us |"
done
