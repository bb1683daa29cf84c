#!/usr/bin/env python3
"""Verifies the chain of an `ipt audit export` without ipt (docs/audit.md): each line's hash is the
SHA-256 of the previous hash followed by the line's canonical bytes without `hash` (RFC 8785).

    ipt audit export audit.db | scripts/verify-export.py
Exit 0 and "N records verified; head H", or exit 1 with the first record that does not hold.
"""
import hashlib
import json
import sys

previous = "0" * 64
count = 0
for number, line in enumerate(sys.stdin, start=1):
    record = json.loads(line)
    stated = record.pop("hash")
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if record.get("seq") != count + 1:
        sys.exit(f"line {number}: expected record {count + 1}, found {record.get('seq')}")
    if record.get("prev_hash") != previous:
        sys.exit(f"record {record['seq']} does not follow record {count}")
    computed = hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()
    if computed != stated:
        sys.exit(f"record {record['seq']} was altered: its hash does not match its contents")
    previous = stated
    count += 1
print(f"{count} records verified; head {previous}")
