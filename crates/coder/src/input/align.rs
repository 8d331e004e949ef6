//! Aligns parser tokens with the text they came from, giving each a byte span. Treebank
//! escapes (`-LRB-`, ``` `` ```, `''`) and split contractions are handled; a token that cannot
//! be found gets an empty span at the current position (and the caller a diagnostic count).

use model::Span;

fn variants(form: &str) -> Vec<&str> {
    match form {
        "-LRB-" | "-LCB-" | "-LSB-" => vec!["(", "[", "{"],
        "-RRB-" | "-RCB-" | "-RSB-" => vec![")", "]", "}"],
        "``" => vec!["``", "\"", "“", "'"],
        "''" => vec!["''", "\"", "”", "'"],
        "`" => vec!["`", "'", "‘"],
        "'" => vec!["'", "’"],
        "--" => vec!["--", "—", "–"],
        "..." => vec!["...", "…"],
        _ => vec![form],
    }
}

/// Byte spans of `forms` in `text`, in order; the second value counts tokens not found.
pub fn align(text: &str, forms: &[&str]) -> (Vec<Span>, usize) {
    let mut spans = Vec::with_capacity(forms.len());
    let mut pos = 0usize;
    let mut missing = 0;
    for f in forms {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start().len();
        let at = pos + skip;
        let mut found = None;
        for v in variants(f) {
            if v.is_empty() {
                continue;
            }
            if text[at..].starts_with(v) {
                found = Some((at, at + v.len()));
                break;
            }
            // Case-insensitive (Treebank sometimes normalises case) within the same length.
            if let Some(cand) = text.get(at..at + v.len()) {
                if cand.eq_ignore_ascii_case(v) {
                    found = Some((at, at + v.len()));
                    break;
                }
            }
        }
        if found.is_none() {
            // Search a short window ahead (skipped characters such as stray markup).
            let window_end = (at + 64).min(text.len());
            for v in variants(f) {
                if let Some(window) = text.get(at..window_end) {
                    if let Some(k) = window.find(v) {
                        found = Some((at + k, at + k + v.len()));
                        break;
                    }
                }
            }
        }
        match found {
            Some((s, e)) => {
                spans.push(Span::new(s, e));
                pos = e;
            }
            None => {
                missing += 1;
                spans.push(Span::new(at, at));
                pos = at;
            }
        }
    }
    (spans, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_back_to_forms() {
        let text = "Dagolath's \"first\" (deputy) didn't go.";
        let forms = [
            "Dagolath", "'s", "``", "first", "''", "-LRB-", "deputy", "-RRB-", "did", "n't", "go",
            ".",
        ];
        let (spans, missing) = align(text, &forms);
        assert_eq!(missing, 0);
        let got: Vec<&str> = spans.iter().map(|s| s.slice(text).unwrap()).collect();
        assert_eq!(
            got,
            ["Dagolath", "'s", "\"", "first", "\"", "(", "deputy", ")", "did", "n't", "go", "."]
        );
    }
}
