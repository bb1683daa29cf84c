#!/usr/bin/env bash
# Peak memory of a batch: `ipt evaluate --format jsonl --files-from -` over 10,000 and over
# 1,000,000 cases (the shared workload's 1000 case files, listed again and again), pack of 200
# rules, all cores. Memory should hold one window of cases, so the two peaks should be close.
#
#   scripts/bench-memory.sh [CASES_LARGE]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
large="${1:-1000000}"
source scripts/workload.sh
swift build -c release --product ipt >/dev/null
find "$out/B/cases-1000" -name '*.yaml' | sort > "$out/cases-1000.list"
peak() {  # N: peak resident memory in KiB, and seconds, over N listed cases
  local log="$out/memory-$1.log"
  python3 -c "
import itertools, sys
paths = open('$out/cases-1000.list').read().split()
sys.stdout.writelines(p + '\n' for p in itertools.islice(itertools.cycle(paths), $1))
" | /usr/bin/time -f '%M %e' -o "$log" .build/release/ipt evaluate --pack "$out/B/pack-200" \
    --format jsonl --files-from - >/dev/null 2>"$out/memory-$1.err"
  cat "$log"
}
read -r small_kib small_s <<<"$(peak 10000)"
read -r large_kib large_s <<<"$(peak "$large")"
echo "| cases | peak memory | wall |"
echo "|---|---|---|"
echo "| 10,000 | $((small_kib / 1024)) MiB | ${small_s} s |"
echo "| $large | $((large_kib / 1024)) MiB | ${large_s} s |"
python3 -c "print(f'ratio: {$large_kib / $small_kib:.3f}')"
