//! WARC ingest throughput benchmark.
//!
//! Builds a WARC at run time from the ScrapingHub benchmark pages in `../shared` (never
//! committed): each page becomes a `request` + `response` record pair, the set repeated
//! `--reps` times with distinct URIs, written both plain and as per-record gzip (`.warc.gz`,
//! as crawlers write them). Then times [`ingest::WarcReader`] over each file (best of
//! `--runs`), and — when Python's `warcio` is installed — warcio iterating the same file and
//! reading every payload, as the peer.
//!
//! `cargo run --release -p ingest --example warc_throughput -- [--reps N] [--runs N] [--dir D]`

use flate2::write::GzEncoder;
use flate2::Compression;
use ingest::{Item, Limits, WarcReader};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{:032x}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len() as u128 * 7919 + block.len() as u128,
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn build(pages: &[Vec<u8>], reps: usize, plain: &Path, gz: &Path) -> std::io::Result<()> {
    let mut p = BufWriter::new(File::create(plain)?);
    let mut g = BufWriter::new(File::create(gz)?);
    for rep in 0..reps {
        for (i, page) in pages.iter().enumerate() {
            let uri = format!("https://bench.example/{rep}/{i}");
            let req = format!("GET /{rep}/{i} HTTP/1.1\r\nHost: bench.example\r\n\r\n");
            let mut resp = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
                page.len()
            )
            .into_bytes();
            resp.extend_from_slice(page);
            for rec in [
                record("request", &uri, "application/http; msgtype=request", req.as_bytes()),
                record("response", &uri, "application/http; msgtype=response", &resp),
            ] {
                p.write_all(&rec)?;
                let mut enc = GzEncoder::new(Vec::new(), Compression::new(6));
                enc.write_all(&rec)?;
                g.write_all(&enc.finish()?)?;
            }
        }
    }
    p.flush()?;
    g.flush()
}

/// (seconds, documents, payload bytes) of one pass.
fn ours(path: &Path) -> (f64, u64, u64) {
    let start = Instant::now();
    let reader =
        WarcReader::new(File::open(path).unwrap(), path.display().to_string(), Limits::default())
            .unwrap();
    let (mut docs, mut bytes) = (0, 0);
    for item in reader {
        match item {
            Ok(Item::Document(d)) => {
                docs += 1;
                bytes += d.bytes.len() as u64;
            }
            Ok(Item::Skipped(_)) => {}
            Err(e) => panic!("benchmark WARC is well formed: {e}"),
        }
    }
    (start.elapsed().as_secs_f64(), docs, bytes)
}

const WARCIO: &str = r#"
import sys, time
from warcio.archiveiterator import ArchiveIterator
t = time.perf_counter(); n = 0; b = 0
with open(sys.argv[1], 'rb') as f:
    for r in ArchiveIterator(f):
        if r.rec_type == 'response':
            data = r.content_stream().read(); n += 1; b += len(data)
print(time.perf_counter() - t, n, b)
"#;

fn warcio(path: &Path) -> Option<(f64, u64)> {
    let out = Command::new("python3").args(["-c", WARCIO]).arg(path).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?;
    let mut it = s.split_whitespace();
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

fn main() {
    let reps: usize = arg("--reps", "8").parse().expect("--reps N");
    let runs: usize = arg("--runs", "3").parse().expect("--runs N");
    let dir = PathBuf::from(arg("--dir", std::env::temp_dir().to_str().unwrap_or("/tmp")));
    let Some(html) = testdata::shared("data/scrapinghub-article-extraction-benchmark/html") else {
        eprintln!("ScrapingHub pages not found; nothing to measure");
        return;
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&html)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    names.sort();
    let pages: Vec<Vec<u8>> = names
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(File::open(p).unwrap()).read_to_end(&mut out).unwrap();
            out
        })
        .collect();
    let plain = dir.join("annalist-bench.warc");
    let gz = dir.join("annalist-bench.warc.gz");
    build(&pages, reps, &plain, &gz).expect("writing the benchmark WARC");
    println!(
        "WARC from {} ScrapingHub pages x {reps}: {} responses + {} requests",
        pages.len(),
        pages.len() * reps,
        pages.len() * reps
    );
    for path in [&plain, &gz] {
        let size = std::fs::metadata(path).unwrap().len() as f64 / 1e6;
        let mut best = f64::INFINITY;
        let mut docs = 0;
        let mut payload = 0;
        for _ in 0..runs {
            let (t, d, b) = ours(path);
            best = best.min(t);
            docs = d;
            payload = b;
        }
        println!(
            "{}: {size:.1} MB on disk, {docs} documents, {:.1} MB of HTML",
            path.display(),
            payload as f64 / 1e6
        );
        println!(
            "  annalist ingest: {:.3} s  {:.0} MB/s on disk  {:.0} MB/s HTML  {:.0} docs/s (best of {runs}, one core)",
            best,
            size / best,
            payload as f64 / 1e6 / best,
            docs as f64 / best
        );
        match warcio(path) {
            Some((t, n)) => println!(
                "  warcio (Python): {t:.3} s  {:.0} MB/s on disk  {:.0} docs/s  -> annalist {:.1}x",
                size / t,
                n as f64 / t,
                t / best
            ),
            None => println!("  warcio (Python): not installed (pip install warcio to compare)"),
        }
    }
}
