//! Fuzz target: the XML record and TABARI record readers on arbitrary text.
#![no_main]

use coder::input::{records, tabari};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = records::read_records(&text, "fuzz");
    let _ = tabari::read_validate_text(&text, "fuzz");
});
