//! Fuzz target: tokenizer + sentence splitter through `Pipeline::segmenter` with arbitrary
//! paragraph spans: no panic, sentences in order within the cap, token spans slice to forms.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first bytes choose paragraph cut points and the sentence cap; the rest is text.
    if data.len() < 3 {
        return;
    }
    let (head, body) = data.split_at(3);
    let text = String::from_utf8_lossy(body);
    let max_words = 1 + head[0] as usize % 64;
    let mut paragraphs = Vec::new();
    let step = 1 + head[1] as usize;
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + step).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        paragraphs.push(model::Span::new(start, end));
        start = end + usize::from(head[2] % 2 == 0);
        while start < text.len() && !text.is_char_boundary(start) {
            start += 1;
        }
    }
    let limits = nlp::Limits { max_sentence_words: max_words, ..nlp::Limits::default() };
    let pipeline = nlp::Pipeline::segmenter().with_limits(limits);
    for paras in [&paragraphs[..], &[][..]] {
        let sentences = pipeline.analyze(&text, paras).expect("valid paragraph spans");
        let mut last = 0u32;
        for s in &sentences {
            assert!(s.tokens.len() <= max_words.max(1) || s.tokens.iter().all(|t| t.mwt.is_some()));
            assert!(s.span.start >= last);
            for t in &s.tokens {
                assert_eq!(t.span.slice(&text), Some(t.form.as_str()));
                assert!(s.span.contains(t.span));
            }
            last = s.span.end;
        }
    }
});
