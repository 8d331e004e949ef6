//! Fuzz target: every dictionary reader on arbitrary text must return a value plus
//! diagnostics, never panic; the compiled result must serialize and read back.
#![no_main]

use coder::dict::{verbs2, Dictionaries};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut d = Dictionaries::default();
    let _ = d.actors.add_text(&text, "fuzz");
    let _ = d.agents.add_text(&text, "fuzz");
    let _ = d.verbs.add_text(&text, "fuzz");
    let _ = verbs2::add_text(&mut d.verbs, &text, "fuzz");
    let _ = d.discards.add_text(&text, "fuzz");
    let _ = d.issues.add_text(&text, "fuzz");
    d.actors.finish();
    d.agents.finish();
    let _ = d.verbs.finish();
    let bytes = d.to_bytes().expect("serialize");
    let _ = Dictionaries::from_bytes(&bytes).expect("read back");
});
