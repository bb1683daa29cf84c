#!/usr/bin/env bash
# Coverage-guided fuzzing of the YAML reader, the expression parser, the case checker and the pack
# loader with libFuzzer (swiftc -sanitize=fuzzer); see docs/reliability.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     each target for SECONDS (default 30)
#   FUZZ_RUNS=N scripts/fuzz.sh 0 [TARGET...]  each target for N inputs instead
#
# Targets: yaml, expression, case, pack (default: all four). The driver is built in .build-fuzz
# (release, instrumented); corpora start from the repository's own files and grow in
# .build-fuzz/corpus/TARGET; an input that breaks a promise (a crash, a hang over 10 s, a silent
# failure or a silent success) is saved in .build-fuzz/artifacts/ and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(yaml expression case pack)
scratch=.build-fuzz
seeds=scripts/fuzz-seeds

build=(swift build -c release --sanitize=fuzzer --scratch-path "$scratch" --product ipt-fuzz)
IPT_FUZZ=1 "${build[@]}" 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin="$scratch/release/ipt-fuzz"
[ -x "$bin" ] || { echo "fuzz: the driver did not build" >&2; exit 1; }

# Seed corpora from the repository's files.
seed() {
  local target="$1" dir="$scratch/corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    yaml)
      find rules formulations Tests -name '*.yaml' -print0 | while IFS= read -r -d '' f; do
        cp "$f" "$dir/seed-$(printf '%s' "$f" | cksum | cut -d' ' -f1).yaml"
      done ;;
    case)
      cp rules/ipt-core/cases/*.yaml "$dir/" ;;
    expression)
      # Every condition of the default pack (list items under 'when:'), one per file.
      grep -hE '^ +- [a-z(]' rules/ipt-core/rules/*.yaml | sed -E 's/^ +- //' | sort -u \
        | awk -v dir="$dir" '{ f = sprintf("%s/seed-%04d", dir, NR); print > f; close(f) }' ;;
    pack)
      cp "$seeds"/pack/*.pack "$dir/" ;;
  esac
}

status=0
mkdir -p "$scratch/artifacts" "$scratch/logs"
for target in "${targets[@]}"; do
  seed "$target"
  limit=(-max_total_time="$seconds")
  [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
  dict=()
  [ -f "$seeds/$target.dict" ] && dict=(-dict="$seeds/$target.dict")
  log="$scratch/logs/$target.log"
  set +e
  SWIFT_BACKTRACE=enable=no IPT_FUZZ_TARGET="$target" "$bin" "${limit[@]}" "${dict[@]}" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$target-" \
    "$scratch/corpus/$target" > "$log" 2>&1
  code=$?
  set -e
  runs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
  if [ "$code" -ne 0 ]; then
    echo "fuzz $target: FAILED after ${runs:-?} inputs (exit $code); see $log and $scratch/artifacts/" >&2
    grep -E 'ipt-fuzz:|ERROR|Fatal|SUMMARY' "$log" | head -5 >&2
    status=1
  else
    echo "fuzz $target: ${runs:-?} inputs, no crash, hang, silent failure or silent success"
  fi
done
exit "$status"
