//! `annalist extract` end to end against the built binary: JSONL on stdout, diagnostics and
//! the summary on stderr, exit codes 0/1/2, stdin, and a reader that closes the pipe early.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_annalist");

const PAGE: &str = "<!DOCTYPE html><html><head><title>Border talks resume in Geneva | Example Post</title>\
<meta property=\"og:site_name\" content=\"Example Post\"></head><body><nav>Home | World | Sport</nav>\
<article><h1>Border talks resume in Geneva</h1>\
<p>Negotiators from both governments met in Geneva on Tuesday to resume talks on the disputed \
border, the first meeting since the ceasefire was agreed in the spring.</p>\
<p>The delegations agreed to set up a joint commission that will map the crossings and report \
within three months, a spokesman for the mediators said after the session.</p>\
<p>Neither side commented on the prisoner exchange that had been expected to follow the talks.</p>\
</article><footer>Copyright Example Post</footer></body></html>";

const ITEM: &str = "Ceasefire holds along the northern front\n\n\
The ceasefire agreed last week held for a fourth day on Sunday, officials on both sides said, \
and aid convoys reached two towns that had been cut off since the autumn.\n\n\
Monitors from the regional observer mission reported no violations overnight.\n";

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("extract-cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn annalist(args: &[&str]) -> Output {
    Command::new(BIN).args(args).stdin(Stdio::null()).output().unwrap()
}

fn articles(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn warc_record(url: &str, body: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
         Content-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn a_clean_directory_exits_zero() {
    let dir = scratch("clean");
    fs::write(dir.join("a.html"), PAGE).unwrap();
    fs::write(dir.join("b.txt"), ITEM).unwrap();
    let line = serde_json::json!({"text": ITEM, "url": "https://wire.example/1", "outlet": "Wire"});
    fs::write(dir.join("c.jsonl"), format!("{line}\n")).unwrap();
    let out = annalist(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let arts = articles(&out);
    assert_eq!(arts.len(), 3);
    // The article's identity is the content hash of the document's bytes.
    assert_eq!(arts[0]["id"], ingest::content_hash(PAGE.as_bytes()).0);
    assert_eq!(arts[0]["origin"]["input"], dir.join("a.html").display().to_string());
    assert_eq!(arts[2]["origin"]["line"], 1);
    for a in &arts {
        assert!(a["text"].as_str().is_some_and(|t| !t.is_empty()), "{a}");
    }
    let err = stderr(&out);
    assert!(err.contains("3 document(s) in, 3 article(s) out"), "{err}");
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}'),
        "no progress bar off a terminal: {err:?}"
    );
}

#[test]
fn some_failures_exit_one_and_the_rest_is_processed() {
    let dir = scratch("partial");
    fs::write(dir.join("a.html"), PAGE).unwrap();
    fs::write(dir.join("b.html"), b"").unwrap();
    fs::write(dir.join("c.jsonl"), "{\"text\": 1}\nnot json\n").unwrap();
    let mut warc = warc_record("https://x.example/a", PAGE);
    warc.extend_from_slice(b"garbage\r\n");
    warc.extend_from_slice(&warc_record("https://x.example/b", PAGE));
    fs::write(dir.join("d.warc"), warc).unwrap();
    fs::write(dir.join("e.png"), b"\x89PNG").unwrap();
    let out = annalist(&["extract", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let arts = articles(&out);
    assert_eq!(arts.len(), 3, "{err}");
    assert_eq!(arts[1]["url"], "https://x.example/a");
    assert_eq!(arts[2]["url"], "https://x.example/b");
    let d = dir.display();
    assert!(err.contains(&format!("annalist: {d}/b.html: empty input")), "{err}");
    assert!(err.contains(&format!("annalist: {d}/c.jsonl:1@0: bad JSONL record")), "{err}");
    assert!(err.contains(&format!("annalist: {d}/c.jsonl:2@12: bad JSONL record")), "{err}");
    assert!(err.contains(&format!("annalist: {d}/d.warc@")), "{err}");
    assert!(err.contains("1 skipped (unsupported-file 1)"), "{err}");
    assert!(err.contains("4 error(s)"), "{err}");
}

#[test]
fn nothing_processed_or_bad_usage_exits_two() {
    let out = annalist(&["extract", "/nonexistent/annalist/input.html"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("/nonexistent/annalist/input.html: cannot open"));
    assert!(out.stdout.is_empty());
    let out = annalist(&["extract"]);
    assert_eq!(out.status.code(), Some(2));
    let out = annalist(&["extract", "--format", "pdf", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let help = annalist(&["extract", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes:"));
}

#[test]
fn stdin_is_sniffed() {
    let mut child = Command::new(BIN)
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&warc_record("https://stdin.example/", PAGE)).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let arts = articles(&out);
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["url"], "https://stdin.example/");
    assert_eq!(arts[0]["origin"]["input"], "-");
    assert_eq!(arts[0]["origin"]["offset"], 0);
}

/// `annalist extract big.jsonl | head -1`: the reader goes away, we stop quietly.
#[test]
fn a_closed_stdout_ends_cleanly() {
    let dir = scratch("pipe");
    let mut f = fs::File::create(dir.join("many.jsonl")).unwrap();
    for i in 0..3000 {
        let line = serde_json::json!({"text": format!("Item {i}.\n\n{ITEM}")});
        writeln!(f, "{line}").unwrap();
    }
    drop(f);
    let mut child = Command::new(BIN)
        .args(["extract", dir.join("many.jsonl").to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // The BufReader (and the pipe) is dropped here.
    assert!(first.starts_with('{'));
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("stopped: stdout was closed"), "{err}");
}

/// Worker threads change nothing in the output: same lines, same order.
#[test]
fn output_order_does_not_depend_on_jobs() {
    let dir = scratch("jobs");
    let mut f = fs::File::create(dir.join("a.jsonl")).unwrap();
    for i in 0..150 {
        // Uneven sizes so workers finish out of order.
        let body = ITEM.repeat(1 + (i * 7) % 13);
        writeln!(f, "{}", serde_json::json!({"text": format!("Item {i}\n\n{body}")})).unwrap();
    }
    drop(f);
    fs::write(dir.join("b.html"), PAGE).unwrap();
    let path = dir.to_str().unwrap();
    let one = annalist(&["extract", "--jobs", "1", path]);
    let three = annalist(&["extract", "--jobs", "3", path]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(three.status.code(), Some(0), "{}", stderr(&three));
    assert_eq!(articles(&one).len(), 151);
    assert!(one.stdout == three.stdout, "--jobs 3 reordered or changed the output");
    // 0 means one thread per core, in every command that takes -j.
    let auto = annalist(&["extract", "--jobs", "0", path]);
    assert_eq!(auto.status.code(), Some(0), "{}", stderr(&auto));
    assert!(one.stdout == auto.stdout, "--jobs 0 changed the output");
}
