#!/usr/bin/env python3
"""Prints the side-by-side table of scripts/bench-peers.sh and checks ipt's fired rule sets
against the shared workload's reference semantics (../shared/bench/peers/common.py)."""
import json
import os
import re
import subprocess
import sys
import time

out = sys.argv[1]
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench", "peers"))
from common import by_stratum, case_files, load_yaml, reference_fired  # noqa: E402

# ipt's figures, from ipt-bench's output.
ipt = {}
m = None
for line in open(os.path.join(out, "ipt.txt")):
    if line.startswith("== ipt, pack of"):
        m = int(re.search(r"of (\d+) rules", line).group(1))
        ipt[m] = {}
    for key, pattern in [("load_ms", r"pack load \+ compile:\s+([\d.]+) ms"),
                         ("eval_us", r"evaluate only:\s+([\d.]+) us"),
                         ("e2e_us", r"end to end \(jsonl\):\s+([\d.]+) us")]:
        found = re.search(pattern, line)
        if found and m is not None:
            ipt[m][key] = float(found.group(1))

peers = {}
for line in open(os.path.join(out, "peers.jsonl")):
    r = json.loads(line)
    peers[("zen" if "zen" in r["peer"] else "clips", r["M"])] = r

# The differential check: ipt's fired rules (of the workload's rules) against the reference.
mismatches = {}
for m in sorted(ipt):
    pack = by_stratum(load_yaml(os.path.join(out, "W", "rules-%d.yaml" % m)))
    ids = {r["id"] for r in pack}
    reference = {}
    for f in case_files(os.path.join(out, "W", "cases-1000"))[:1000]:
        c = load_yaml(f)
        reference[c["case_id"]] = reference_fired(pack, c)
    bad = 0
    for line in open(os.path.join(out, "ipt-fired-%d.jsonl" % m)):
        r = json.loads(line)
        fired = {x for x in r["fired"] if x in ids}
        if fired != reference.get(r["case"]["id"]):
            bad += 1
    mismatches[m] = bad

# The floor: a libyaml event scan of the same 1000 files.
floor_us = None
scan = os.path.join(out, "yaml_scan")
if os.path.exists(scan):
    files = "\n".join(case_files(os.path.join(out, "B", "cases-1000"))) + "\n"
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([scan, "-"], input=files.encode(), capture_output=True, check=True)
        best = min(best, time.perf_counter() - t)
    floor_us = 1e6 * best / 1000

print("\nper case on one core, 1000 cases; ratios ipt / peer (below 1: ipt is faster)")
print("%-6s %-26s %10s %10s %10s" % ("rules", "figure", "ipt", "ZEN", "CLIPS"))
for m in sorted(ipt):
    z, c = peers.get(("zen", m), {}), peers.get(("clips", m), {})
    def us(r, key):
        return 1e6 * r[key] / r["N"] if r.get(key) else None
    zen_eval = (1e6 * z["internal_s"] / z["N"]) if z.get("internal_s") else us(z, "eval_s")
    rows = [("evaluate (us)", ipt[m].get("eval_us"), zen_eval, us(c, "eval_s")),
            ("end to end (us)", ipt[m].get("e2e_us"), us(z, "e2e_s"), us(c, "e2e_s")),
            ("load + compile (ms)", ipt[m].get("load_ms"), 1e3 * z["load_s"] if z else None,
             1e3 * c["load_s"] if c else None)]
    for name, a, b, d in rows:
        fmt = lambda v: "%10.1f" % v if v is not None else "%10s" % "-"
        ratio = lambda v: " %5.2fx" % (a / v) if a and v else ""
        print("%-6d %-26s %s %s%s %s%s" % (m, name, fmt(a), fmt(b), ratio(b), fmt(d), ratio(d)))
    if floor_us:
        print("%-6d %-26s %10.1f us per file; ipt end to end is %.1fx the floor"
              % (m, "libyaml event scan", floor_us, ipt[m]["e2e_us"] / floor_us))
print("\nfired rule sets differing from the reference: ipt %s; ZEN %s; CLIPS %s" % (
    sum(mismatches.values()),
    sum(r["mismatched_cases"] for (p, _), r in peers.items() if p == "zen"),
    sum(r["mismatched_cases"] for (p, _), r in peers.items() if p == "clips")))
