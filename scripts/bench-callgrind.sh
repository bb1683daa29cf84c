#!/usr/bin/env bash
# Instructions per case, end to end, for an earlier revision and for the working tree, measured
# side by side in one run with valgrind --tool=callgrind (repeatable, unlike time): the whole
# command `ipt evaluate --pack PACK --format jsonl --jobs 1 CASES` over 100 and over 1000 cases of
# the shared workload, for packs of 50, 200 and 1000 rules, and the same command over one case
# (process start, pack read, check and compile, one case). Per case = (instructions over 1000 cases - over 100) / 900, so the pack load
# and process start drop out. The libyaml event scan of the same files is the floor.
#
#   scripts/bench-callgrind.sh REV        (for example: scripts/bench-callgrind.sh fe6fd64)
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: scripts/bench-callgrind.sh REV}"
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; }
source scripts/workload.sh
source scripts/callgrind-lib.sh
if [ ! -d "$out/B/cases-100" ]; then
  mkdir -p "$out/B/cases-100"
  find "$out/B/cases-1000" -name '*.yaml' | sort | head -100 | xargs -I{} cp {} "$out/B/cases-100/"
fi
cc -O2 -o "$out/yaml_scan" ../shared/bench/yamlfloor/yaml_scan.c -lyaml

old="$out/before-$rev"
[ -d "$old" ] || git worktree add -q "$old" "$rev"
(cd "$old" && swift build -c release --product ipt >/dev/null)
swift build -c release --product ipt >/dev/null
# valgrind cannot read the toolchain's debug info: measure stripped copies.
cp "$old/.build/release/ipt" "$out/ipt-before"
cp .build/release/ipt "$out/ipt-after"
strip "$out/ipt-before" "$out/ipt-after"

per_case() {  # BINARY PACK: instructions per case, end to end
  local a b
  a=$(instructions "$1" evaluate --pack "$2" --format jsonl --jobs 1 "$out/B/cases-100")
  b=$(instructions "$1" evaluate --pack "$2" --format jsonl --jobs 1 "$out/B/cases-1000")
  echo "$a $b $(( (b - a) / 900 ))"
}
floor_a=$(instructions "$out/yaml_scan" "$out/B/cases-100"/*.yaml)
floor_b=$(instructions "$out/yaml_scan" "$out/B/cases-1000"/*.yaml)
floor=$(( (floor_b - floor_a) / 900 ))
echo "libyaml event scan of the same files: $floor instructions per case"
echo
echo "| pack | 100 cases, before | after | 1000 cases, before | after | per case, before | after | after/before | after/floor |"
echo "|---|---|---|---|---|---|---|---|---|"
for m in 50 200 1000; do
  read -r b100 b1000 bcase <<<"$(per_case "$out/ipt-before" "$out/B/pack-$m")"
  read -r a100 a1000 acase <<<"$(per_case "$out/ipt-after" "$out/B/pack-$m")"
  echo "| $m rules | $b100 | $a100 | $b1000 | $a1000 | $bcase | $acase | $(python3 -c "print(f'{$acase / $bcase:.2f}')") | $(python3 -c "print(f'{$acase / $floor:.1f}')") |"
done
echo
one=$(find "$out/B/cases-100" -name '*.yaml' | sort | head -1)
one_case_table "$one"
