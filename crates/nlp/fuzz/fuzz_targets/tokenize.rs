//! Fuzz target: the tokenizer never panics and its spans tile the text in order, each slicing
//! to a non-empty form, words of a multiword token covering it exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let t = nlp::tokenize::tokenize(&text);
    let mut last = 0u32;
    for tok in &t.tokens {
        assert!(tok.span.start >= last && tok.span.end > tok.span.start);
        assert!(tok.span.slice(&text).is_some());
        assert!(tok.span.len() <= nlp::tokenize::MAX_TOKEN_BYTES);
        let words = &t.words[tok.words()];
        assert_eq!(words[0].start, tok.span.start);
        assert_eq!(words[words.len() - 1].end, tok.span.end);
        for w in words.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for w in words {
            assert!(w.slice(&text).is_some_and(|s| !s.is_empty()));
        }
        last = tok.span.end;
    }
});
