//! Fuzz target: the JSONL reader never panics, keeps its limits and hash invariant, and
//! yields the same items however the input is split into reads.

#![no_main]

use ingest::{JsonlReader, Limits};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_document_bytes: 4096, max_header_bytes: 2048 };
    let cap = limits.max_document_bytes;
    let whole = JsonlReader::new(std::io::Cursor::new(data.to_vec()), "fuzz", limits).unwrap();
    let whole = common::dump(whole, cap);
    let split = JsonlReader::new(common::Chunky::new(data), "fuzz", limits).unwrap();
    assert_eq!(whole, common::dump(split, cap), "same items for any split of the input");
});
