//! Shard mode and the WARC stream mode through the CLI: `annalist ingest --manifest --shard
//! i/n --out DIR` run as two concurrent processes writes exactly what one process writes; a
//! shard killed with SIGKILL at seeded random points never leaves a half-written output and,
//! started again, finishes without duplicates; `annalist code -` reading WARC paths line by
//! line gives the events of coding the archives directly, names a bad line by number, and
//! stops cleanly (exit 0, no panic) when its stdout is closed early.
//!
//! Inputs are WARC files written here from our own invented reports (tests/data/clusters).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn exe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
}

fn reports() -> Vec<serde_json::Value> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/clusters/reports.jsonl");
    std::fs::read_to_string(src)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A WARC `response` record holding `report` as an HTML page.
fn record(report: &serde_json::Value, id: usize) -> Vec<u8> {
    let s = |k: &str| report[k].as_str().unwrap_or("").to_string();
    let paras: String = s("text").split("\n\n").map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title>\
         <meta property=\"og:site_name\" content=\"{}\">\
         <meta property=\"article:published_time\" content=\"{}\"></head>\
         <body><article><h1>{}</h1>\n{paras}</article></body></html>\n",
        s("title"),
        s("outlet"),
        s("date"),
        s("title")
    );
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {}\r\nWARC-Date: 2025-03-04T00:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        s("url"),
        http.len()
    )
    .into_bytes()
}

/// `n` WARC files, the reports dealt round-robin (a `request` record first in each, which
/// the reader passes over), plus the manifest listing them. Returns (manifest, paths).
fn write_inputs(dir: &Path, n: usize) -> (PathBuf, Vec<PathBuf>) {
    let reps = reports();
    let mut files = vec![Vec::new(); n];
    for f in &mut files {
        f.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: https://wire.example/\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
        );
    }
    for (i, r) in reps.iter().enumerate() {
        files[i % n].extend(record(r, i));
    }
    let mut paths = Vec::new();
    for (i, bytes) in files.iter().enumerate() {
        let p = dir.join(format!("news-{i:02}.warc"));
        std::fs::write(&p, bytes).unwrap();
        paths.push(p);
    }
    let manifest = dir.join("manifest.txt");
    let mut text = String::from("# test manifest\n");
    for p in &paths {
        text.push_str(&format!("{}\n", p.display()));
    }
    std::fs::write(&manifest, text).unwrap();
    (manifest, paths)
}

fn shard_cmd(manifest: &Path, shard: &str, out: &Path) -> Command {
    let mut c = exe();
    c.args(["ingest", "-j", "1", "--manifest"])
        .arg(manifest)
        .args(["--shard", shard, "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn run_ok(mut c: Command) -> String {
    let out = c.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{:?}: {err}", out.status);
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// How many finished (not `.partial`) outputs `dir` holds.
fn finished_outputs(dir: &Path) -> usize {
    let Ok(rd) = std::fs::read_dir(dir) else { return 0 };
    rd.filter(|e| e.as_ref().is_ok_and(|e| !e.file_name().to_string_lossy().ends_with(".partial")))
        .count()
}

/// File name → contents of a directory.
fn listing(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(rd) = std::fs::read_dir(dir) else { return BTreeMap::new() };
    rd.map(|e| {
        let e = e.unwrap();
        (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
    })
    .collect()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("annalist-shard-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn two_shards_write_what_one_process_writes() {
    let dir = tmp("two");
    let (manifest, paths) = write_inputs(&dir, 5);
    let one = dir.join("one");
    run_ok(shard_cmd(&manifest, "0/1", &one));
    let expected = listing(&one);
    assert_eq!(expected.len(), paths.len());
    let total: usize = expected.values().map(|b| b.iter().filter(|&&c| c == b'\n').count()).sum();
    assert!(total > 40, "only {total} events from {} reports", reports().len());

    let two = dir.join("two");
    let a = shard_cmd(&manifest, "0/2", &two).spawn().unwrap();
    let b = shard_cmd(&manifest, "1/2", &two).spawn().unwrap();
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(listing(&two), expected);

    // Each output is what `annalist code --origin` writes for that input.
    for p in &paths {
        let out = exe().args(["code", "--origin", "-j", "1"]).arg(p).output().unwrap();
        assert!(out.status.success());
        let name = ingest::shard::output_name(&p.display().to_string(), "jsonl");
        assert_eq!(expected[&name], out.stdout, "{name}");
    }

    // A rerun skips everything and changes nothing.
    let err = run_ok(shard_cmd(&manifest, "1/2", &two));
    assert!(err.contains("0 coded") && err.contains("already done"), "{err}");
    assert_eq!(listing(&two), expected);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_killed_shard_restarts_without_half_files_or_duplicates() {
    let dir = tmp("kill");
    let (manifest, paths) = write_inputs(&dir, 8);
    let clean = dir.join("clean");
    let started = Instant::now();
    run_ok(shard_cmd(&manifest, "0/1", &clean));
    let full = started.elapsed();
    let expected = listing(&clean);
    assert_eq!(expected.len(), paths.len());

    let out = dir.join("killed");
    let mut seed: u64 = 0x5eed_0010;
    let mut kills = 0;
    for _ in 0..6 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        // The kill point follows the run's own progress, not a clock estimate (a warm second
        // run can be faster than the first): wait until `k` more outputs are finished, then a
        // seeded share of half an input's time, so kills land between and inside inputs.
        let before = finished_outputs(&out);
        if before == expected.len() {
            std::fs::remove_dir_all(&out).unwrap();
        }
        let before = finished_outputs(&out);
        let k = before + (seed >> 40) as usize % (expected.len() - before);
        let frac = (seed >> 33) as f64 / (1u64 << 31) as f64;
        let mut child = shard_cmd(&manifest, "0/1", &out).spawn().unwrap();
        let start = Instant::now();
        let deadline = Instant::now() + full * 20;
        while finished_outputs(&out) < k
            && child.try_wait().unwrap().is_none()
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        // Half an input's time at most, measured on this run where it can be.
        let per_input = match k - before {
            0 => full / expected.len() as u32,
            done => start.elapsed() / done as u32,
        };
        std::thread::sleep(per_input.mul_f64(0.5 * frac));
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap();
            kills += 1;
        }
        let status = child.wait().unwrap();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert!(!err.contains("panicked"), "{err}");
        if finished {
            // Finished before the kill: start the next round from scratch so it is killed.
            assert!(status.success(), "{err}");
            assert_eq!(listing(&out), expected);
            std::fs::remove_dir_all(&out).unwrap();
            continue;
        }
        // Every finished output is whole; anything else is a `.partial` of a known input.
        for (name, bytes) in listing(&out) {
            if let Some(base) = name.strip_suffix(".partial") {
                assert!(expected.contains_key(base), "stray {name}");
            } else {
                assert_eq!(Some(&bytes), expected.get(&name), "{name} is not whole");
            }
        }
    }
    eprintln!("{kills} of 6 runs killed mid-way (full run {full:?})");
    assert!(kills > 0, "no run was killed mid-way (full run {full:?})");
    run_ok(shard_cmd(&manifest, "0/1", &out));
    let got: BTreeMap<_, _> =
        listing(&out).into_iter().filter(|(n, _)| !n.ends_with(".partial")).collect();
    assert_eq!(got, expected);
    // No event twice: every (input, offset, event_index) is unique.
    let mut keys = std::collections::HashSet::new();
    for bytes in got.values() {
        for line in bytes.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
            let v: serde_json::Value = serde_json::from_slice(line).unwrap();
            let key =
                (v["input"].to_string(), v["offset"].to_string(), v["event_index"].to_string());
            assert!(keys.insert(key.clone()), "duplicate {key:?}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stream_mode_reads_warc_paths_in_order_and_names_bad_lines() {
    let dir = tmp("stream");
    let (_, paths) = write_inputs(&dir, 3);
    let direct = exe().args(["code", "--origin", "-j", "2"]).args(&paths).output().unwrap();
    assert!(direct.status.success());
    let article = r#"{"text":"BAGHDAD, Jan. 21 (Reuters) - Iraqi police arrested two men in Diyala province on Monday, officials said.","url":"https://wire.example/x"}"#;
    let stdin = format!(
        "{}\n{article}\n\n{}\nnot a path\nfile://{}\n{}/missing.warc.gz\n",
        paths[0].display(),
        paths[1].display(),
        paths[2].display(),
        dir.display()
    );
    let mut child = exe()
        .args(["code", "--origin", "-j", "2", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || pipe.write_all(stdin.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("-:5: neither a JSON object nor a path"), "{err}");
    assert!(err.contains("-:7: cannot open WARC"), "{err}");
    // The WARC documents' events are those of coding the files directly, in the same order,
    // with the article's events in its place after the first file.
    let lines: Vec<&[u8]> = out.stdout.split(|&c| c == b'\n').filter(|l| !l.is_empty()).collect();
    let input = |l: &[u8]| -> String {
        let v: serde_json::Value = serde_json::from_slice(l).unwrap();
        v["input"].as_str().unwrap().to_string()
    };
    let from_warc: Vec<&[u8]> = lines.iter().copied().filter(|l| input(l) != "-").collect();
    let direct_lines: Vec<&[u8]> =
        direct.stdout.split(|&c| c == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(from_warc, direct_lines);
    // The article's events sit between the first and the second file's, and carry its line.
    let first = paths[0].display().to_string();
    let n_first = direct_lines.iter().take_while(|l| input(l) == first).count();
    let v: serde_json::Value = serde_json::from_slice(lines[n_first]).unwrap();
    assert_eq!((v["input"].as_str(), v["line"].as_u64()), (Some("-"), Some(2)));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_stdout_stops_stream_mode_cleanly() {
    let dir = tmp("pipe");
    let (_, paths) = write_inputs(&dir, 2);
    let mut stdin = String::new();
    for _ in 0..20 {
        for p in &paths {
            stdin.push_str(&format!("{}\n", p.display()));
        }
    }
    let mut child = exe()
        .args(["code", "-j", "2", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // The writer keeps stdin open a while, as a Spark task's feeder thread does.
    let writer = std::thread::spawn(move || {
        let r = pipe.write_all(stdin.as_bytes());
        std::thread::sleep(Duration::from_millis(500));
        r
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The feeder may see EPIPE once the coder has gone: that is its normal stop too.
    let _ = writer.join().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A manifest that cannot be read is named once with its cause, not the cause twice.
#[test]
fn a_missing_manifest_is_named_once() {
    let dir = tmp("missing-manifest");
    let out = shard_cmd(&dir.join("nope.txt"), "0/1", &dir.join("out")).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("nope.txt: cannot read the manifest"), "{err}");
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
}
