//! `annalist code` options as a user combines them, against the built binary.

use std::process::{Command, Output, Stdio};

const TALKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/talks.txt");

fn annalist(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annalist")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// `--documents`: one line per document whose events carry the same values as the event
/// lines (goldstein 2.8, not the f64 widening 2.799999952316284), and a summary that counts
/// them (it said "0 event(s)").
#[test]
fn documents_mode_keeps_values_and_counts_events() {
    let per_event = annalist(&["code", "-f", "jsonl", "-j", "1", TALKS]);
    let per_doc = annalist(&["code", "--documents", "-j", "1", TALKS]);
    assert_eq!(per_doc.status.code(), Some(0));
    let events = json_lines(&per_event);
    let docs = json_lines(&per_doc);
    assert_eq!(docs.len(), 1);
    let doc_events = docs[0]["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert_eq!(doc_events.len(), events.len());
    for (a, b) in doc_events.iter().zip(&events) {
        for field in ["goldstein", "confidence", "code", "modality"] {
            assert_eq!(a[field], b[field], "{field}");
        }
    }
    let raw = String::from_utf8_lossy(&per_doc.stdout);
    assert!(!raw.contains("99999"), "f32 widened to f64: {raw}");
    let err = String::from_utf8_lossy(&per_doc.stderr);
    assert!(err.contains(&format!("{} event(s)", events.len())), "{err}");
}

/// `--documents` writes JSON lines; with another format it is a usage error, not a CSV
/// header and "0 event(s)".
#[test]
fn documents_mode_refuses_other_formats() {
    for format in ["csv", "tsv", "gdelt", "table"] {
        let out = annalist(&["code", "--documents", "-f", format, TALKS]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty(), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--documents"), "{format}: {err}");
    }
}

/// A page where extraction finds no article text is coded (nothing to code) but said so in
/// the summary, and `--verbose` gives the reason readably (it printed a Rust Debug struct).
#[test]
fn a_page_without_article_text_is_named_in_the_summary() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("code-cli-notext");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("menu.html");
    std::fs::write(&page, "<html><body><nav>Home | World</nav></body></html>").unwrap();
    let page = page.to_str().unwrap();
    let out = annalist(&["code", "-f", "jsonl", page, TALKS]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2 document(s) coded (1 with no article text; --verbose says why)"),
        "{err}"
    );
    let out = annalist(&["code", "-v", "-f", "jsonl", page]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{page}: note: EmptyBody: no body text found")), "{err}");
    assert!(!err.contains("Diagnostic {"), "{err}");
}

/// `-j 0` means one worker per core in `code` as in `extract` and `ingest` (it was an error in
/// `extract` only): the output is that of `-j 1`.
#[test]
fn jobs_zero_means_one_per_core() {
    let one = annalist(&["code", "-f", "jsonl", "-j", "1", TALKS]);
    let auto = annalist(&["code", "-f", "jsonl", "-j", "0", TALKS]);
    assert_eq!(auto.status.code(), Some(0), "{}", String::from_utf8_lossy(&auto.stderr));
    assert!(!one.stdout.is_empty());
    assert!(one.stdout == auto.stdout, "-j 0 changed the output");
    let help = annalist(&["code", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("or 0: one per core"));
}

/// A wire story republished: the JSONL record's own outlet is the publisher and the dateline's
/// agency ("GAZA (Reuters) -") the source it cites, coded, in every event's chain (the
/// dateline's agency replaced the record's outlet).
#[test]
fn the_records_outlet_publishes_a_wire_story_it_cites() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("code-cli-agency");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("wire.jsonl");
    let rec = serde_json::json!({
        "url": "https://example.com/a",
        "source": "Al Jazeera",
        "date": "2024-03-02",
        "text": "GAZA (Reuters) - Israeli forces killed five Palestinians in an air strike on \
                 Rafah on Saturday, health officials said."
    });
    std::fs::write(&p, format!("{rec}\n")).unwrap();
    let out = annalist(&["code", "-f", "jsonl", "-j", "1", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let events = json_lines(&out);
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(e["outlet"], "Al Jazeera");
        let chain = e["attribution"]["chain"].as_array().unwrap();
        assert_eq!(chain[0]["role"], "outlet");
        assert_eq!(chain[0]["text"], "Al Jazeera");
        assert_eq!(chain[1]["role"], "cited_outlet");
        assert_eq!(chain[1]["text"], "Reuters");
        assert_eq!(chain[1]["actor"], "GBRMED");
    }
}

/// A news feed is refused by name (its items ran together into one story dated by the first
/// item), whatever its file name says.
#[test]
fn a_feed_is_refused_with_what_to_give_instead() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("code-cli-feed");
    std::fs::create_dir_all(&dir).unwrap();
    let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\
               <item><title>Police arrest ten</title><description>Police arrested ten \
               protesters in Lagos on Monday.</description></item></channel></rss>\n";
    for name in ["feed.xml", "feed.html"] {
        let p = dir.join(name);
        std::fs::write(&p, rss).unwrap();
        let out = annalist(&["code", "-f", "jsonl", p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{}: an RSS feed, not a page", p.display())), "{err}");
        assert!(err.contains("as JSONL"), "{err}");
    }
}
