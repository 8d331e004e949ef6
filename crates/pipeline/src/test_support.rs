//! Hand-made sentences for the unit tests of the passes over coded events: words split on
//! single spaces, each with a given tag (or none), spans slicing the text.

use model::{AnalyzedSentence, Span, Token};

/// `text` split on single spaces into tokens tagged `tags` (missing tags are empty).
pub fn sentence(text: &str, tags: &[&str]) -> AnalyzedSentence {
    let mut tokens = Vec::new();
    let mut at = 0;
    for (i, w) in text.split(' ').enumerate() {
        let start = text[at..].find(w).map_or(at, |k| k + at);
        at = start + w.len();
        tokens.push(Token {
            span: Span::new(start, at),
            form: w.to_string(),
            lemma: w.to_lowercase(),
            upos: tags.get(i).map_or_else(String::new, |t| (*t).to_string()),
            xpos: String::new(),
            feats: String::new(),
            head: 0,
            deprel: String::new(),
            mwt: None,
        });
    }
    AnalyzedSentence { index: 0, span: Span::new(0, text.len()), tokens }
}
