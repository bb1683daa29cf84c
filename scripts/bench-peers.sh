#!/usr/bin/env bash
# The comparison with peer rule engines (docs/benchmarks.md), measured in one run on the shared
# workload (../shared/bench): ipt (ipt-bench, release), GoRules ZEN (zen-engine) and CLIPS (clipspy)
# from PyPI in a virtual environment, and the libyaml event scan of the same case files (the
# floor for end to end, built from ../shared/bench/yamlfloor/yaml_scan.c). Checks that ipt fires
# exactly the reference rule sets on every case (the peers' own check does the same for them).
#
#   scripts/bench-peers.sh [RUNS] [OUT_DIR]      (default: 3 .build-peers, ignored by git)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
out="${2:-.build-peers}"
bench="../shared/bench"
mkdir -p "$out"
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet pyyaml clipspy==1.0.6 zen-engine==2.1.3
fi
py="$out/venv/bin/python"
if [ ! -d "$out/B/cases-1000" ]; then
  "$py" "$bench/gen_workload.py" --out "$out/W" --cases 1000 --rules 50 200 1000 >/dev/null
  "$py" "$bench/to_ipt.py" --data "$out/W" --out "$out/B" --rules 50 200 1000 --cases 1000 >/dev/null
fi
command -v cc >/dev/null && cc -O2 -o "$out/yaml_scan" "$bench/yamlfloor/yaml_scan.c" -lyaml
swift build -c release --product ipt-bench >/dev/null
swift build -c release --product ipt >/dev/null
rm -f "$out/peers.jsonl" "$out/ipt.txt"
for m in 50 200 1000; do
  echo "== ipt, pack of $m rules" | tee -a "$out/ipt.txt"
  .build/release/ipt-bench "$out/B/pack-$m" "$out/B/cases-1000" --repeat "$runs" | tee -a "$out/ipt.txt"
  .build/release/ipt evaluate --pack "$out/B/pack-$m" --format jsonl "$out/B/cases-1000" \
    > "$out/ipt-fired-$m.jsonl" 2>/dev/null
done
for peer in zen clips; do
  "$py" "$bench/peers/bench.py" --peer "$peer" --data "$out/W" --rules 50 200 1000 --cases 1000 \
    --runs "$runs" --out "$out/peers.jsonl"
done
"$py" scripts/peers_compare.py "$out"
