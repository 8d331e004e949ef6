//! Fuzz target: Treebank brackets and CoNLL-U rows on arbitrary text: an error or a tree,
//! never a panic; a tree read must code without panicking and with spans inside the text.
#![no_main]

use coder::input::{conllu, treebank};
use coder::{code_sentence, Dictionaries, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let dicts = Dictionaries::default();
    if let Ok(tree) = treebank::parse_tree(&text) {
        let (s, _) = treebank::to_sentence(&tree, &text, 0);
        for t in &s.tokens {
            assert!(t.span.end as usize <= text.len());
        }
        let _ = code_sentence(&s, None, &dicts, &Options::default());
    }
    if let Ok((s, _)) = conllu::parse_rows(&text, &text, 0) {
        let _ = code_sentence(&s, None, &dicts, &Options::default());
    }
});
