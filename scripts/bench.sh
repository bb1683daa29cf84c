#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: generates the shared benchmark workload (../shared/bench), converts
# it to ipt packs and cases, and measures the engine on it.
#
#   scripts/bench.sh [OUT_DIR]        (default: .build-bench-data, ignored by git)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build-bench-data}"
bench="../shared/bench"
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
mkdir -p "$out"
if [ ! -d "$out/B/cases-1000" ]; then
  python3 "$bench/gen_workload.py" --out "$out/W" --cases 1000 --rules 50 200 1000 >/dev/null
  python3 "$bench/to_ipt.py" --data "$out/W" --out "$out/B" --rules 50 200 1000 --cases 1000
fi
swift build -c release --product ipt-bench >/dev/null
swift build -c release --product ipt >/dev/null
for m in 50 200 1000; do
  echo "== pack-$m, 1000 cases"
  .build/release/ipt-bench "$out/B/pack-$m" "$out/B/cases-1000" --repeat 5
done
echo "== whole command: ipt evaluate --format jsonl on 1000 cases (pack-1000), wall time"
start=$(date +%s.%N)
.build/release/ipt evaluate --pack "$out/B/pack-1000" --format jsonl "$out/B/cases-1000" > "$out/out.jsonl" 2>/dev/null
end=$(date +%s.%N)
python3 -c "t = $end - $start; print(f'{t * 1000:.0f} ms for 1000 cases, {t * 1000:.0f} us per case (pack load and compile included)')"
wc -l < "$out/out.jsonl" | xargs echo "lines written:"
