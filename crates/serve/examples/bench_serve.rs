//! Load bench of the search API (issue 9; a bench, not a CI test): fills a store with
//! synthetic events (1 million by default; reused when already filled), starts the server in
//! a child process, runs `wrk` (Debian package) from loopback against a mix of `/api/events`
//! searches, and prints p50/p95/p99 latency, requests/s, errors and the server's memory
//! beside the issue's bars (p95 ≤ 100 ms, ≥ 500 requests/s on 2 cores).
//!
//! `cargo run --release -p serve --example bench_serve -- [--events N] [--db PATH]
//!  [--seconds S] [--connections C] [--threads T]`

use std::io::{BufRead, BufReader, Write as _};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;
use store::{Batch, OpenOptions, SqliteStore, Store};

/// The searches wrk cycles through: the listing, each filter family, and both date orders.
const PATHS: &[&str] = &[
    "/api/events?limit=50",
    "/api/events?code=19&limit=50",
    "/api/events?code=042&limit=50",
    "/api/events?actor=IRQ&limit=50",
    "/api/events?actor=Kremlin&limit=50",
    "/api/events?place=IQ&limit=50",
    "/api/events?text=Baghdad&limit=50",
    "/api/events?modality=denied&limit=50",
    "/api/events?from=2020-01-01&to=2020-12-31&limit=50",
    "/api/events?sort=date_desc&limit=50",
    "/api/events?sort=date_asc&code=14&limit=50",
    "/api/events?outlet=Reuters&code=1&limit=50",
];
const EVENTS_PER_DOC: usize = 5;
/// Browsing pages and aggregates, timed once each (not under wrk).
const BROWSE: &[&str] = &[
    "/",
    "/?text=Baghdad",
    "/api/facets",
    "/api/facets?code=19",
    "/api/timeline?bucket=week&by=quad",
    "/timeline",
    "/map",
    "/actors",
    "/actors/IRQMIL",
    "/outlets",
    "/events/500000",
    "/articles/100000",
];

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(db) = arg(&args, "--serve-only") {
        return serve_only(PathBuf::from(db));
    }
    let events: u64 = arg(&args, "--events").map_or(Ok(1_000_000), |s| s.parse())?;
    let seconds: u64 = arg(&args, "--seconds").map_or(Ok(20), |s| s.parse())?;
    let conns: u64 = arg(&args, "--connections").map_or(Ok(16), |s| s.parse())?;
    let threads: u64 = arg(&args, "--threads").map_or(Ok(2), |s| s.parse())?;
    let db = arg(&args, "--db").map_or_else(
        || std::env::temp_dir().join(format!("annalist-bench-serve-{events}.db")),
        PathBuf::from,
    );
    fill(&db, events)?;
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("store: {} ({:.0} MiB)", db.display(), size as f64 / 1048576.0);

    let mut child = Command::new(std::env::current_exe()?)
        .args(["--serve-only", &db.to_string_lossy()])
        .stdout(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().ok_or("no stdout")?).read_line(&mut line)?;
    let base = line.trim().to_string();
    if !base.starts_with("http://") {
        let _ = child.kill();
        return Err(format!("server did not start: {line}").into());
    }
    let result = run_wrk(&base, seconds, conns, threads, child.id());
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// Fills the store up to `events` synthetic events (resumable: counts what is there).
fn fill(db: &std::path::Path, events: u64) -> Result<(), Box<dyn std::error::Error>> {
    let mut s = SqliteStore::open(db, &OpenOptions::default())?;
    let (docs, have, _) = s.counts()?;
    if have >= events {
        println!("store already holds {have} events in {docs} documents");
        return Ok(());
    }
    let t = Instant::now();
    let want_docs = events.div_ceil(EVENTS_PER_DOC as u64);
    let mut n = docs;
    while n < want_docs {
        let end = (n + 2000).min(want_docs);
        let batch = Batch {
            docs: (n..end).map(|i| serve::synth::document(42, i, EVENTS_PER_DOC)).collect(),
            checkpoints: vec![],
        };
        s.commit(&batch)?;
        n = end;
        if n % 20_000 == 0 || n == want_docs {
            eprint!("\rfilled {n}/{want_docs} documents ({:.0} s)", t.elapsed().as_secs_f64());
        }
    }
    eprintln!();
    let (docs, have, _) = s.counts()?;
    println!("filled {have} events in {docs} documents in {:.0} s", t.elapsed().as_secs_f64());
    Ok(())
}

fn serve_only(db: PathBuf) -> Result<(), Box<dyn std::error::Error>> {
    let config = serve::Config::new(db, "127.0.0.1:0".parse()?);
    serve::run(config, None, |addr| {
        println!("http://{addr}");
        let _ = std::io::stdout().flush();
    })?;
    Ok(())
}

fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let l = s.lines().find(|l| l.starts_with(key))?;
    l.split_whitespace().nth(1)?.parse().ok()
}

fn run_wrk(
    base: &str,
    seconds: u64,
    conns: u64,
    threads: u64,
    pid: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    // Warm up and check every search answers 200 before measuring.
    for p in PATHS {
        let t = Instant::now();
        let out = Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", &format!("{base}{p}")])
            .output()?;
        let code = String::from_utf8_lossy(&out.stdout).to_string();
        println!("warm-up {p}: {code} in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
        if code != "200" {
            return Err(format!("{p} answered {code}").into());
        }
    }
    for p in BROWSE {
        let out = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code} %{time_total}",
                &format!("{base}{p}"),
            ])
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let (code, secs) = text.split_once(' ').unwrap_or(("?", "0"));
        let ms = secs.parse::<f64>().unwrap_or(0.0) * 1e3;
        println!("browse {p}: {code} in {ms:.0} ms");
    }
    let script = std::env::temp_dir().join(format!("annalist-bench-{}.lua", std::process::id()));
    let list: Vec<String> = PATHS.iter().map(|p| format!("\"{p}\"")).collect();
    std::fs::write(
        &script,
        format!(
            r#"local paths = {{{}}}
local i = math.random(#paths)
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\n", latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"#,
            list.join(", ")
        ),
    )?;
    let rss_before = status_kib(pid, "VmRSS:").unwrap_or(0);
    let out = Command::new("wrk")
        .args([
            &format!("-t{threads}"),
            &format!("-c{conns}"),
            &format!("-d{seconds}s"),
            "--timeout",
            "5s",
            "-s",
            &script.to_string_lossy(),
            &format!("{base}/api/events"),
        ])
        .output()
        .map_err(|e| format!("running wrk (apt-get install wrk): {e}"))?;
    let _ = std::fs::remove_file(&script);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("BENCH "))
        .ok_or_else(|| format!("wrk said: {text}"))?;
    let v: Vec<f64> = line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
    let [p50, p95, p99, max, requests, duration, errors, non2xx] = v[..] else {
        return Err(format!("unexpected wrk output: {line}").into());
    };
    let rps = requests / (duration / 1e6);
    let rss = status_kib(pid, "VmRSS:").unwrap_or(0);
    let hwm = status_kib(pid, "VmHWM:").unwrap_or(0);
    println!();
    println!("search API under wrk: {threads} threads, {conns} connections, {seconds} s, {} searches in rotation", PATHS.len());
    println!(
        "  latency p50 {:.1} ms · p95 {:.1} ms · p99 {:.1} ms · max {:.1} ms",
        p50 / 1e3,
        p95 / 1e3,
        p99 / 1e3,
        max / 1e3
    );
    println!("  throughput {rps:.0} requests/s ({requests} requests, {errors} socket errors, {non2xx} non-2xx)");
    println!(
        "  server memory: RSS {:.0} MiB before, {:.0} MiB after, peak {:.0} MiB",
        rss_before as f64 / 1024.0,
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    println!(
        "  bars (issue 9): p95 ≤ 100 ms: {} · ≥ 500 requests/s: {} · no errors: {}",
        if p95 <= 100_000.0 { "met" } else { "NOT met" },
        if rps >= 500.0 { "met" } else { "NOT met" },
        if errors == 0.0 && non2xx == 0.0 { "yes" } else { "NO" }
    );
    println!("  cores available: {}", std::thread::available_parallelism().map_or(0, |n| n.get()));
    Ok(())
}
