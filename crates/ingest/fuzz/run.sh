#!/usr/bin/env bash
# Reproduces the ingest fuzz runs: each target for SECONDS (default 600) seconds, one at a
# time, niced (the machine is shared). Only a stable toolchain exists, so RUSTC_BOOTSTRAP=1
# lets cargo-fuzz pass its nightly flags. Seeds are small inputs of our own, written here.
#
#   bash crates/ingest/fuzz/run.sh [SECONDS] [TARGET...]
#
# Targets: warc jsonl extract_html extract_text. Logs: /tmp/ingest-fuzz-<target>.log.
# A crasher lands in crates/ingest/fuzz/artifacts/<target>/; turn it into a regression test
# in the normal suite (crates/ingest/tests/fuzz_regressions.rs) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."   # crates/ingest: cargo fuzz looks for ./fuzz
secs="${1:-600}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(warc jsonl extract_html extract_text)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

seed() { mkdir -p "fuzz/corpus/$1"; printf '%b' "$3" > "fuzz/corpus/$1/$2"; }
warc_rec='WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nContent-Length: 92\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n<p>Hi</p>\r\n0\r\n\r\n\r\n\r\n'
req_rec='WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n\r\n\r\n'
seed warc response.warc "$warc_rec"
seed warc two.warc "$req_rec$warc_rec"
printf '%b' "$warc_rec" | gzip -c > fuzz/corpus/warc/response.warc.gz
# A brotli payload (Python's brotli.compress of a small page).
br='\x1b\x37\x00\xf8\x45\x4f\x16\x1b\xa1\x7c\x2f\x52\x93\xd8\x18\x33\x49\x4b\x2d\x42\x25\x29\xc0\xe0\x04\xe2\xbb\x18\x07\x4b\x9b\xfe\x73\x0e\xbf\xf9\x4a\x81\x2e\x01'
seed warc brotli.warc "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 106\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n$br\r\n\r\n"
seed jsonl lines.jsonl '{"html": "<p>a</p>", "url": "https://a.example/"}\n{"text": "b", "title": "T", "date": "2024-01-02"}\n\n{"x": 1}\n'
seed extract_html page.html '<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Talks | Post</title><meta property="article:published_time" content="2024-03-02T10:00:00Z"></head><body><article><h1>Talks</h1><p>Negotiators met in Geneva on Tuesday.</p><p>They agreed to meet again.</p></article></body></html>'
seed extract_text item.txt 'Talks resume in Geneva\n\nGENEVA, March 2 (Wire) - Negotiators met on Tuesday.\n\nThey agreed to meet again.\n\nhttps://wire.example/talks\nRelated posts\n'

for t in "${targets[@]}"; do
  echo "== $t: ${secs}s"
  # The extraction targets run in fork mode and go on past a crash (each is saved under
  # fuzz/artifacts/<target>/ and counted), so a known extract bug does not end the run.
  extra=()
  case "$t" in extract_*) extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1) ;; esac
  RUSTC_BOOTSTRAP=1 nice -n 10 cargo fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "${extra[@]}" \
    2>&1 | tee "/tmp/ingest-fuzz-$t.log" \
    | grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==|SUMMARY|INFO: fuzzed for|#[0-9]+: cov:.*crashes)' | tail -n 12 || true
  ls "fuzz/artifacts/$t" 2>/dev/null | sed "s|^|   artifact: fuzz/artifacts/$t/|" || true
done
