//! CoNLL-U rows (as inside UniversalPetrarch's XML) → [`AnalyzedSentence`].
//!
//! Checks what the coder relies on: ten tab-separated columns (runs of spaces are accepted
//! as separators when there are no tabs), word ids 1..n in order, heads within 0..=n, and no
//! cycles. Multiword-token ranges (`1-2`) and empty nodes (`1.1`) are skipped. A problem
//! gives a [`ConlluError`] naming the line; the record is then not coded.

use super::align::align;
use model::{AnalyzedSentence, Span, Token};

pub const MAX_WORDS: usize = 2_000;

/// Why CoNLL-U rows could not be read; `line` is 1-based within the rows given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// Reads the rows of one sentence; spans are aligned with `text`. Returns the sentence and
/// the number of words whose span could not be found in `text`.
pub fn parse_rows(
    rows: &str,
    text: &str,
    index: u32,
) -> Result<(AnalyzedSentence, usize), ConlluError> {
    let mut tokens: Vec<Token> = Vec::new();
    for (i, raw) in rows.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> =
            if l.contains('\t') { l.split('\t').collect() } else { l.split_whitespace().collect() };
        if cols.len() < 8 {
            return Err(ConlluError {
                line,
                message: format!("{} columns; expected 10", cols.len()),
            });
        }
        let id = cols[0].trim();
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let Ok(id) = id.parse::<usize>() else {
            return Err(ConlluError { line, message: format!("word id `{id}` is not a number") });
        };
        if id != tokens.len() + 1 {
            return Err(ConlluError {
                line,
                message: format!("word id {id} out of order (expected {})", tokens.len() + 1),
            });
        }
        if tokens.len() >= MAX_WORDS {
            return Err(ConlluError { line, message: format!("more than {MAX_WORDS} words") });
        }
        let head = match cols[6].trim() {
            "_" => 0,
            h => h.parse::<u32>().map_err(|_| ConlluError {
                line,
                message: format!("head `{h}` is not a number"),
            })?,
        };
        let us = |s: &str| if s == "_" { String::new() } else { s.to_string() };
        tokens.push(Token {
            span: Span::default(),
            form: cols[1].to_string(),
            lemma: us(cols[2]),
            upos: us(cols[3]),
            xpos: us(cols[4]),
            feats: us(cols[5]),
            head,
            deprel: cols[7].to_string(),
            mwt: None,
        });
    }
    if tokens.is_empty() {
        return Err(ConlluError { line: 0, message: "no word rows".into() });
    }
    let n = tokens.len() as u32;
    for (i, t) in tokens.iter().enumerate() {
        if t.head > n {
            return Err(ConlluError {
                line: i + 1,
                message: format!("head {} out of range 0..={n}", t.head),
            });
        }
        if t.head as usize == i + 1 {
            return Err(ConlluError { line: i + 1, message: "word is its own head".into() });
        }
    }
    // Cycle check: every word must reach the root within n steps.
    for start in 0..tokens.len() {
        let mut cur = start as u32 + 1;
        let mut steps = 0;
        while cur != 0 {
            cur = tokens[cur as usize - 1].head;
            steps += 1;
            if steps > n {
                return Err(ConlluError { line: start + 1, message: "cycle in heads".into() });
            }
        }
    }
    let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    let (spans, missing) = align(text, &forms);
    for (t, s) in tokens.iter_mut().zip(&spans) {
        t.span = *s;
    }
    let span = Span::new(spans[0].start as usize, spans[spans.len() - 1].end as usize);
    Ok((AnalyzedSentence { index, span, tokens }, missing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_rejects() {
        let rows = "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n";
        let (s, missing) = parse_rows(rows, "Arnor met Gondor", 0).unwrap();
        assert_eq!(missing, 0);
        assert_eq!(s.tokens[1].lemma, "meet");
        assert_eq!(s.tokens[2].span.slice("Arnor met Gondor"), Some("Gondor"));
        let cyc = rows.replace("\t0\troot", "\t3\troot");
        let e = parse_rows(&cyc, "", 0).unwrap_err();
        assert!(e.message.contains("cycle"), "{e}");
        let oob = rows.replace("\t2\tobj", "\t9\tobj");
        assert_eq!(parse_rows(&oob, "", 0).unwrap_err().line, 3);
        assert!(parse_rows("1\tA\n", "", 0).is_err());
    }
}
