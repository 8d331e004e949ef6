//! Fuzz target: plain-text news item extraction (`extract::extract` with
//! `hints.plain_text`) never panics and keeps its span contracts.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "extract_article.rs"]
mod extract_article;

fuzz_target!(|data: &[u8]| extract_article::check(data, true));
