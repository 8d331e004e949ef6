//! Inputs the fuzzers found (crates/ingest/fuzz), kept as regression tests in the normal
//! suite: for each file under `tests/data/fuzz/<reader>/`, the reader must not panic and must
//! yield the same items whole as when the input is split into reads of random sizes.
//!
//! - `warc/corrupt-first-member-then-empty.warc.gz`: a corrupt first gzip member gave an extra
//!   "empty input" error for some read splits (the decoder's output before the fault depended
//!   on how much input it had been shown).
//! - `jsonl/mixed-bad-lines.jsonl`: our own seed of bad lines (BOM, wrong types, invalid
//!   UTF-8, a non-object, no final newline), kept so the JSONL property always runs.

mod common;

use common::{dump, Chunky};
use ingest::{JsonlReader, Limits, WarcReader};
use std::path::Path;

fn cases(reader: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz").join(reader);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

const LIMITS: Limits = Limits { max_document_bytes: 1 << 16, max_header_bytes: 2048 };

#[test]
fn warc_cases() {
    let cases = cases("warc");
    assert!(!cases.is_empty());
    for (name, data) in cases {
        let whole = dump(WarcReader::new(std::io::Cursor::new(data.clone()), "f", LIMITS).unwrap());
        for seed in 0..30 {
            let max = [1, 2, 3, 17, 256, 70_000][seed as usize % 6];
            let split = WarcReader::new(Chunky::new(data.clone(), seed, max), "f", LIMITS).unwrap();
            assert_eq!(dump(split), whole, "{name}: seed {seed}, reads of 1..={max} bytes");
        }
    }
}

#[test]
fn jsonl_cases() {
    let cases = cases("jsonl");
    assert!(!cases.is_empty());
    for (name, data) in cases {
        let whole =
            dump(JsonlReader::new(std::io::Cursor::new(data.clone()), "f", LIMITS).unwrap());
        for seed in 0..30 {
            let max = [1, 2, 3, 17, 256, 70_000][seed as usize % 6];
            let split =
                JsonlReader::new(Chunky::new(data.clone(), seed, max), "f", LIMITS).unwrap();
            assert_eq!(dump(split), whole, "{name}: seed {seed}, reads of 1..={max} bytes");
        }
    }
}
