#!/usr/bin/env bash
# Ingest overhead bench (issue 8): `annalist ingest` into a fresh store vs `annalist code` on
# the same input, same thread count; prints both throughputs and the ratio (bar: >= 80 %).
# Runs alternate (code, ingest, code, ingest, …) and the median of each is reported, by wall
# time and by CPU time (user + system of the child): CPU time is what to read on a shared,
# loaded machine, wall time on a quiet one.
# Usage: scripts/bench-ingest.sh [COPIES] [JOBS] [ROUNDS]
#   (input: the cluster dev set repeated COPIES times)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
jobs=${2:-1}
rounds=${3:-3}
cargo build --release -q -p annalist
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
python3 - "$tmp" "$jobs" "$rounds" <<'PY'
import os, resource, statistics, subprocess, sys, time
tmp, jobs, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
bin = "target/release/annalist"
inp = f"{tmp}/input.jsonl"
docs = sum(1 for _ in open(inp))

def run(args):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu

code, ingest = [], []
for k in range(rounds):
    code.append(run([bin, "code", "-j", jobs, inp]))
    db = f"{tmp}/bench-{k}.db"
    ingest.append(run([bin, "ingest", "-j", jobs, "--db", db, inp]))
    os.remove(db)
cw, cc = statistics.median(w for w, _ in code), statistics.median(c for _, c in code)
iw, ic = statistics.median(w for w, _ in ingest), statistics.median(c for _, c in ingest)
print(f"bench-ingest: {docs} documents, {rounds} alternating rounds, -j {jobs}, medians")
print(f"  annalist code    {docs/cw:7.1f} docs/s wall ({cw:.2f}s)   {docs/cc:7.1f} docs/CPU-s ({cc:.2f}s)")
print(f"  annalist ingest  {docs/iw:7.1f} docs/s wall ({iw:.2f}s)   {docs/ic:7.1f} docs/CPU-s ({ic:.2f}s)  (store + clustering included)")
print(f"  ingest/code = {100*cw/iw:.1f} % by wall, {100*cc/ic:.1f} % by CPU time (bar: >= 80 %)")
PY
