#!/usr/bin/env bash
# Reproduces the batch figure of docs/benchmarks.md: the wall time of
# `ipt evaluate --format jsonl` over the 10,000 cases of the shared workload (pack of 200 rules)
# with --jobs 1 and --jobs N (default: the core count), and, when a second binary is given, that
# binary too (for example a build of an earlier revision), interleaved, best of ROUNDS.
#
#   scripts/bench-batch.sh [ROUNDS] [OTHER_IPT]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
other="${2:-}"
out=.build-bench-audit
bench="../shared/bench"
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
if [ ! -d "$out/B/cases-10000" ]; then
  mkdir -p "$out"
  python3 "$bench/gen_workload.py" --out "$out/W" --cases 10000 --rules 200 >/dev/null
  python3 "$bench/to_ipt.py" --data "$out/W" --out "$out/B" --rules 200 --cases 10000 >/dev/null
fi
swift build -c release --product ipt >/dev/null
python3 - "$rounds" ".build/release/ipt" "$other" "$out/B/pack-200" "$out/B/cases-10000" <<'PY'
import os, subprocess, sys, time
rounds, ipt, other, pack, cases = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
jobs = os.cpu_count() or 1
runs = {f"--jobs 1": [ipt, "evaluate", "--pack", pack, "--format", "jsonl", "--jobs", "1", cases],
        f"--jobs {jobs}": [ipt, "evaluate", "--pack", pack, "--format", "jsonl", "--jobs", str(jobs), cases]}
if other:
    runs["other binary"] = [other, "evaluate", "--pack", pack, "--format", "jsonl", cases]
best = {name: float("inf") for name in runs}
outputs = {}
for _ in range(rounds):
    for name, args in runs.items():
        start = time.perf_counter()
        result = subprocess.run(args, capture_output=True)
        best[name] = min(best[name], time.perf_counter() - start)
        outputs[name] = result.stdout
base = best["--jobs 1"]
for name, t in best.items():
    print(f"{name:14s} best {t:.2f} s ({1e6 * t / 10000:.0f} us per case), {base / t:.2f}x of --jobs 1")
same = outputs["--jobs 1"] == outputs[f"--jobs {jobs}"]
print(f"--jobs 1 and --jobs {jobs} print the same bytes: {same}")
PY
