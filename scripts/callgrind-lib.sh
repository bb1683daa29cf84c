# Shared by scripts/bench-callgrind.sh and scripts/bench-load.sh (sourced, with $out set by
# scripts/workload.sh and release builds copied to $out/ipt-before and $out/ipt-after).

instructions() {  # the instructions of one command
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
    | awk '/Collected/ {print $4}'
}

one_case_table() {  # CASE_FILE: the one-case command (process start, pack load, one case)
  echo "| pack | load + check + compile + one case, before | after | after/before |"
  echo "|---|---|---|---|"
  local m lb la
  for m in 50 200 1000; do
    lb=$(instructions "$out/ipt-before" evaluate --pack "$out/B/pack-$m" --format jsonl --jobs 1 "$1")
    la=$(instructions "$out/ipt-after" evaluate --pack "$out/B/pack-$m" --format jsonl --jobs 1 "$1")
    echo "| $m rules | $lb | $la | $(python3 -c "print(f'{$la / $lb:.2f}')") |"
  done
}
