#!/usr/bin/env bash
# Reproduces the audit figure of docs/benchmarks.md: the wall time of
# `ipt evaluate --format jsonl` over 10,000 cases of the shared workload (../shared/bench, pack of
# 200 rules), without and with `--audit`, measured side by side in one run: ROUNDS interleaved
# rounds (default 5), each with a new store; the median of each is compared.
#
#   scripts/bench-audit.sh [ROUNDS] [OUT_DIR]     (default: 5 .build-bench-audit, ignored by git)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
out="${2:-.build-bench-audit}"
bench="../shared/bench"
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
mkdir -p "$out"
if [ ! -d "$out/B/cases-10000" ]; then
  python3 "$bench/gen_workload.py" --out "$out/W" --cases 10000 --rules 200 >/dev/null
  python3 "$bench/to_ipt.py" --data "$out/W" --out "$out/B" --rules 200 --cases 10000 >/dev/null
fi
swift build -c release --product ipt >/dev/null
ipt=.build/release/ipt
store="$out/audit.db"
pack="$out/B/pack-200"
cases="$out/B/cases-10000"
python3 - "$rounds" "$ipt" "$pack" "$cases" "$out" <<'PY'
# Interleaved rounds: the plain command, then the audited one on a new store. Wall time, and the
# CPU time (user + system) of the process from wait4, so that a noisy machine shows which is which.
import os, statistics, subprocess, sys, time
rounds, ipt, pack, cases, out = int(sys.argv[1]), *sys.argv[2:]
store = os.path.join(out, "audit.db")
def run(args):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(args, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime
plain, audited = [], []
base = [ipt, "evaluate", "--pack", pack, "--format", "jsonl", cases]
for _ in range(rounds):
    plain.append(run(base))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    audited.append(run(base + ["--audit", store, "--by", "bench"]))
def show(name, runs):
    walls = [w for w, _ in runs]
    cpus = [c for _, c in runs]
    print(f"{name}: wall median {statistics.median(walls):.2f} s ({', '.join(f'{w:.2f}' for w in walls)}); "
          f"CPU median {statistics.median(cpus):.2f} s")
    return statistics.median(walls), statistics.median(cpus)
pw, pc = show("without --audit", plain)
aw, ac = show("with --audit   ", audited)
print(f"overhead of medians: wall {100 * (aw - pw) / pw:+.1f}% ({1e6 * (aw - pw) / 10000:.0f} us per case), "
      f"CPU {100 * (ac - pc) / pc:+.1f}%")
# The best of each is the least disturbed by other work on a shared machine.
bp, ba = min(w for w, _ in plain), min(w for w, _ in audited)
print(f"overhead of the best runs: wall {100 * (ba - bp) / bp:+.1f}% ({bp:.2f} s and {ba:.2f} s)")
PY
"$ipt" audit verify "$store"
