//! Speed bench: our extractor over the ScrapingHub pages on one thread, and in the same run
//! Python trafilatura (when `python3 -c "import trafilatura"` works) over the same pages, with
//! both figures, their ratio and both F1 scores (the scorer is ours for both).
//!
//! `cargo run --release -p extract --example bench_extract -- [--passes N] [--no-python]
//! [--always] [--engine-only]`
//!
//! Pages are decompressed into memory first; timings exclude file I/O and include charset
//! decoding, parsing, extraction, metadata, alignment and language detection. CPU time is this
//! thread's (Linux `/proc/thread-self/schedstat`), so a loaded machine slows the wall-clock
//! figure but not the CPU one.

use extract::eval::{self, Gold};
use model::{ContentHash, Hints, Origin, RawDocument};
use std::process::Command;
use std::time::Instant;

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

const PY: &str = r#"
import gzip, json, os, sys, time
import trafilatura
d = sys.argv[1]
passes = int(sys.argv[2])
gt = json.load(open(os.path.join(d, "ground-truth.json")))
ids = sorted(gt)
pages = [(gzip.open(os.path.join(d, "html", i + ".html.gz")).read(), gt[i]["url"]) for i in ids]
def run():
    out = []
    for html, url in pages:
        r = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True)
        out.append((r.text if r is not None else "") or "")
    return out
run_warm = run()
w0, c0 = time.perf_counter(), time.process_time()
for _ in range(passes):
    out = run()
w1, c1 = time.perf_counter(), time.process_time()
n = len(pages) * passes
print(json.dumps({"version": trafilatura.__version__, "wall": n / (w1 - w0), "cpu": n / (c1 - c0), "texts": out}))
"#;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let passes: usize = args
        .iter()
        .position(|a| a == "--passes")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(3);
    let no_python = args.iter().any(|a| a == "--no-python");
    let Some(dir) = testdata::shared("data/scrapinghub-article-extraction-benchmark") else {
        eprintln!("ScrapingHub data not found; nothing to bench");
        return;
    };
    let pages = eval::load_scrapinghub(&dir).expect("load ScrapingHub pages");
    let docs: Vec<RawDocument> = pages
        .iter()
        .map(|p| RawDocument {
            origin: Origin { input: p.id.clone(), ..Default::default() },
            uri: Some(p.url.clone()),
            fetched: None,
            content_type: None,
            hash: ContentHash(p.id.clone()),
            bytes: p.html.clone(),
            hints: Hints::default(),
        })
        .collect();
    let golds: Vec<&str> =
        pages.iter().map(|p| if let Gold::Body(b) = &p.gold { b.as_str() } else { "" }).collect();
    let n = (docs.len() * passes) as f64;
    let measure = |label: &str, opts: &extract::Options| -> (f64, Option<f64>) {
        let run = || -> Vec<String> {
            docs.iter()
                .map(|d| extract::extract(d, opts).map(|e| e.article.text).unwrap_or_default())
                .collect()
        };
        let texts = run(); // warm-up
        let (w0, c0) = (Instant::now(), thread_cpu_ns());
        for _ in 0..passes {
            std::hint::black_box(run());
        }
        let wall = w0.elapsed().as_secs_f64();
        let cpu = thread_cpu_ns().zip(c0).map(|(a, b)| n / ((a - b) as f64 / 1e9));
        let f1 =
            eval::score_scrapinghub(texts.iter().map(String::as_str).zip(golds.iter().copied())).f1;
        println!(
            "annalist-extract {label}: {:.1} pages/s wall, {} pages/s CPU (1 thread, {} pages x {passes}), F1 {f1:.4}",
            n / wall,
            cpu.map_or("?".into(), |c| format!("{c:.1}")),
            docs.len()
        );
        (n / wall, cpu)
    };
    let (wall_pps, ours_cpu) = measure("default", &extract::Options::default());
    let fast = extract::Options { fallback: extract::Fallback::Never, ..Default::default() };
    let (fast_wall, fast_cpu) = measure("fallback=never", &fast);
    if args.iter().any(|a| a == "--always") {
        measure(
            "fallback=always",
            &extract::Options { fallback: extract::Fallback::Always, ..Default::default() },
        );
    }
    if args.iter().any(|a| a == "--engine-only") {
        use extract::boilerplate::Boilerplate;
        let htmls: Vec<String> =
            docs.iter().map(|d| String::from_utf8_lossy(&d.bytes).into_owned()).collect();
        let (w0, c0) = (Instant::now(), thread_cpu_ns());
        for _ in 0..passes {
            for (h, d) in htmls.iter().zip(&docs) {
                std::hint::black_box(
                    extract::boilerplate::Trafilatura.paragraphs(h, d.uri.as_deref()),
                );
            }
        }
        let cpu = thread_cpu_ns().zip(c0).map(|(a, b)| (a - b) as f64 / 1e9);
        println!(
            "engine alone: {:.1} pages/s wall, {:.1} pages/s CPU",
            n / w0.elapsed().as_secs_f64(),
            cpu.map_or(0.0, |c| n / c)
        );
    }
    if no_python {
        return;
    }
    let has_py = Command::new("python3")
        .args(["-c", "import trafilatura"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_py {
        println!("python trafilatura: not installed (pip install trafilatura); skipped");
        return;
    }
    let out = Command::new("python3")
        .args(["-c", PY, &dir.display().to_string(), &passes.to_string()])
        .output();
    let Some(v) = out
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| serde_json::from_slice::<serde_json::Value>(&o.stdout).ok())
    else {
        println!("python trafilatura: failed to run; skipped");
        return;
    };
    let py_texts: Vec<&str> = v["texts"]
        .as_array()
        .map(|a| a.iter().map(|t| t.as_str().unwrap_or("")).collect())
        .unwrap_or_default();
    let py_f1 = eval::score_scrapinghub(py_texts.iter().copied().zip(golds.iter().copied())).f1;
    let (py_wall, py_cpu) = (v["wall"].as_f64().unwrap_or(0.0), v["cpu"].as_f64().unwrap_or(0.0));
    println!(
        "python trafilatura {}: {py_wall:.1} pages/s wall, {py_cpu:.1} pages/s CPU, F1 {py_f1:.4}",
        v["version"].as_str().unwrap_or("?")
    );
    for (label, cpu, wall) in
        [("default", ours_cpu, wall_pps), ("fallback=never", fast_cpu, fast_wall)]
    {
        if let Some(c) = cpu.filter(|_| py_cpu > 0.0) {
            println!(
                "ratio {label} / python: {:.2}x CPU, {:.2}x wall",
                c / py_cpu,
                wall / py_wall.max(1e-9)
            );
        }
    }
}
