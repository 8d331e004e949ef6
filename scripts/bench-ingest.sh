#!/usr/bin/env bash
# Ingest overhead bench (issue 8): `annalist ingest` into a fresh store vs `annalist code` on
# the same input, same thread count; prints both throughputs and the ratio (bar: >= 80 %).
# Usage: scripts/bench-ingest.sh [COPIES] [JOBS]   (input: the cluster dev set repeated COPIES times)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
jobs=${2:-1}
cargo build --release -q -p annalist
bin=target/release/annalist
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$copies" > "$tmp/input.jsonl" <<'PY'
import json, sys
lines = open("tests/data/clusters/reports.jsonl").read().splitlines()
for k in range(int(sys.argv[1])):
    for i, l in enumerate(lines):
        v = json.loads(l)
        v["text"] += f"\n\nArchive item {k}-{i}."
        v["url"] += f"?copy={k}"
        print(json.dumps(v))
PY
docs=$(wc -l < "$tmp/input.jsonl")
t0=$(date +%s.%N)
"$bin" code -j "$jobs" "$tmp/input.jsonl" > /dev/null 2> "$tmp/code.err"
t1=$(date +%s.%N)
"$bin" ingest -j "$jobs" --db "$tmp/bench.db" "$tmp/input.jsonl" 2> "$tmp/ingest.err"
t2=$(date +%s.%N)
python3 - "$docs" "$t0" "$t1" "$t2" <<'PY'
import sys
docs, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
code, ingest = docs / (t1 - t0), docs / (t2 - t1)
print(f"bench-ingest: {docs} documents; annalist code {code:.1f} docs/s ({t1-t0:.2f}s), "
      f"annalist ingest {ingest:.1f} docs/s ({t2-t1:.2f}s, store + clustering included); "
      f"ingest/code = {100*ingest/code:.1f} % (bar: >= 80 %)")
PY
tail -2 "$tmp/ingest.err"
