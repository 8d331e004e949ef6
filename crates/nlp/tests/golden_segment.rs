//! Golden tests of the tokenizer and sentence splitter over documents we wrote
//! (`tests/data/segment/*.txt`): each `.expected` file lists one sentence per line, tokens
//! separated by spaces, the words of a multiword token joined by `|`. Run with
//! `UPDATE_EXPECT=1` to rewrite the expectations, then review the diff.

use nlp::Pipeline;
use std::path::Path;

fn render(text: &str) -> String {
    let sentences = Pipeline::segmenter().analyze(text, &[]).expect("analyse");
    let mut out = String::new();
    for s in &sentences {
        let mut line = Vec::new();
        let mut i = 0;
        while i < s.tokens.len() {
            let t = &s.tokens[i];
            assert_eq!(t.span.slice(text), Some(t.form.as_str()));
            match t.mwt {
                Some((first, n)) if first as usize == i + 1 => {
                    let words: Vec<&str> =
                        s.tokens[i..i + n as usize].iter().map(|w| w.form.as_str()).collect();
                    line.push(words.join("|"));
                    i += n as usize;
                }
                _ => {
                    line.push(t.form.clone());
                    i += 1;
                }
            }
        }
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

#[test]
fn segmentation_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/segment");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/segment")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    let mut failures = Vec::new();
    for input in inputs {
        let text = std::fs::read_to_string(&input).expect("read input");
        let got = render(&text);
        let expected_path = input.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &got).expect("write expectation");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("{}:\n--- expected\n{expected}--- got\n{got}", input.display()));
        }
    }
    assert!(failures.is_empty(), "{}\n(UPDATE_EXPECT=1 rewrites)", failures.join("\n"));
}
