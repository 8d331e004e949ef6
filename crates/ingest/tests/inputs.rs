//! `Ingest` over files, directories and formats: walk order, format by name and by content,
//! counters, and bad inputs that must not stop the batch.

mod common;

use common::*;
use ingest::{Format, Ingest, IngestError, Limits, Options, SkipReason};
use std::fs;
use std::path::{Path, PathBuf};

/// A fresh directory under the target dir (no temp-dir crate needed).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ingest-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(inputs: &[String], opts: Options) -> (Vec<String>, ingest::Counters) {
    let mut ing = Ingest::new(inputs.iter().cloned(), opts);
    let mut lines = Vec::new();
    for item in ing.by_ref() {
        lines.push(match item {
            Ok(d) => format!("doc {} len={} text={}", d.origin, d.bytes.len(), d.hints.plain_text),
            Err(e) => format!("error {e}"),
        });
    }
    (lines, ing.counters().clone())
}

#[test]
fn a_directory_of_mixed_inputs() {
    let dir = scratch("mixed");
    let page = b"<html><body><p>Ceasefire holds.</p></body></html>";
    fs::create_dir_all(dir.join("b/nested")).unwrap();
    fs::create_dir_all(dir.join(".hidden")).unwrap();
    fs::write(dir.join("b/nested/z.htm"), page).unwrap();
    fs::write(dir.join("b/a.txt"), "BAGHDAD, Jan. 21 (Reuters) - Talks.\n").unwrap();
    fs::write(dir.join("a.html.gz"), gzip(page)).unwrap();
    fs::write(dir.join("c.jsonl"), "{\"text\": \"one\"}\n{\"html\": \"<p>two</p>\"}\n").unwrap();
    fs::write(
        dir.join("d.warc.gz"),
        gzip_members(&[warcinfo(), html_response("https://x/", "2024-01-01T00:00:00Z", page)]).0,
    )
    .unwrap();
    fs::write(dir.join("e.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    fs::write(dir.join(".hidden/secret.html"), page).unwrap();
    fs::write(dir.join("f.html"), b"").unwrap();
    fs::write(dir.join("g.html"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();

    let d = dir.display();
    let missing = format!("{d}/missing.html");
    let (lines, counters) = run(&[dir.display().to_string(), missing.clone()], Options::default());
    let expected = [
        format!("doc {d}/a.html.gz len={} text=false", page.len()),
        format!("doc {d}/b/a.txt len=36 text=true"),
        format!("doc {d}/b/nested/z.htm len={} text=false", page.len()),
        format!("doc {d}/c.jsonl:1@0 len=3 text=true"),
        format!("doc {d}/c.jsonl:2@16 len=10 text=false"),
        format!("doc {d}/d.warc.gz@{} len={} text=false", gzip(&warcinfo()).len(), page.len()),
        format!("error {d}/f.html: empty input"),
        format!("error {d}/g.html: looks binary (PNG image), not a document"),
    ];
    assert_eq!(lines[..expected.len()], expected[..], "{lines:#?}");
    assert_eq!(lines.len(), expected.len() + 1);
    assert!(
        lines.last().unwrap().starts_with(&format!("error {missing}: cannot open:")),
        "{lines:?}"
    );
    assert_eq!(counters.documents, 6);
    assert_eq!(counters.errors, 3);
    assert_eq!(counters.inputs, 7, "the missing file is not opened");
    assert_eq!(counters.skipped.get(&SkipReason::UnsupportedFile), Some(&1));
    assert_eq!(counters.skipped.get(&SkipReason::WarcInfo), Some(&1));
    assert_eq!(
        ingest::total_size(&[dir.display().to_string()]),
        Some({
            let mut t = 0;
            for f in [
                "a.html.gz",
                "b/a.txt",
                "b/nested/z.htm",
                "c.jsonl",
                "d.warc.gz",
                "f.html",
                "g.html",
            ] {
                t += fs::metadata(dir.join(f)).unwrap().len();
            }
            t
        })
    );
}

#[test]
fn unknown_names_are_sniffed_and_format_can_be_forced() {
    let dir = scratch("sniff");
    let warc = html_response("https://x/", "2024-01-01T00:00:00Z", b"<p>x</p>");
    fs::write(dir.join("crawl.bin"), gzip(&warc)).unwrap();
    fs::write(dir.join("dump"), "{\"text\": \"a\"}\n").unwrap();
    fs::write(dir.join("page"), "  <!doctype html><p>x</p>").unwrap();
    fs::write(dir.join("note"), "Just words.").unwrap();
    let inputs: Vec<String> = ["crawl.bin", "dump", "page", "note"]
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    let (lines, _) = run(&inputs, Options::default());
    let d = dir.display();
    assert_eq!(
        lines,
        [
            format!("doc {d}/crawl.bin@0 len=8 text=false"),
            format!("doc {d}/dump:1@0 len=1 text=true"),
            format!("doc {d}/page len=25 text=false"),
            format!("doc {d}/note len=11 text=true"),
        ]
    );
    let (lines, _) =
        run(&inputs[3..], Options { format: Some(Format::Html), ..Options::default() });
    assert_eq!(lines, [format!("doc {d}/note len=11 text=false")]);
}

#[test]
fn caps_and_truncation_per_file() {
    let dir = scratch("caps");
    fs::write(dir.join("a-big.html"), vec![b'a'; 5000]).unwrap();
    let mut cut = gzip(&vec![b'<'; 500]);
    cut.truncate(cut.len() - 9);
    fs::write(dir.join("b-cut.html.gz"), cut).unwrap();
    fs::write(dir.join("c-ok.txt"), "fine").unwrap();
    let opts =
        Options { limits: Limits { max_document_bytes: 1000, ..Limits::default() }, format: None };
    let items: Vec<_> = Ingest::new([dir.display().to_string()], opts).collect();
    assert_eq!(items.len(), 3, "{items:?}");
    // The size is known from the file system: refused without being read.
    assert!(
        matches!(&items[0], Err(IngestError::LimitExceeded { limit: 1000, size: Some(5000), .. })),
        "{items:?}"
    );
    assert!(matches!(&items[1], Err(IngestError::TruncatedGzip { .. })), "{items:?}");
    assert!(matches!(&items[2], Ok(d) if d.bytes == b"fine"), "{items:?}");
}

#[test]
fn error_messages_name_input_and_position() {
    let dir = scratch("messages");
    let path = dir.join("bad.jsonl");
    fs::write(&path, "{\"text\": \"ok\"}\n{oops}\n").unwrap();
    let (lines, _) = run(&[path.display().to_string()], Options::default());
    assert_eq!(
        lines[1],
        format!(
            "error {}:2@15: bad JSONL record: key must be a string at column 2 of the line",
            path.display()
        )
    );
}
