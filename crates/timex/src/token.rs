//! A tokenizer for the recogniser: runs of letters, runs of ASCII digits and single
//! punctuation marks, each with its byte span and whether whitespace (or a line break) precedes it.
//!
//! Deliberately simpler than the NLP tokenizer: the date grammar needs to see "1980s" as
//! `1980` + `s` and "p.m." as `p . m .`, and it must work on raw article text without a model.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token: `text[start..end]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace separates this token from the previous one.
    pub gap: bool,
    /// A line break separates this token from the previous one: no expression crosses it.
    pub newline: bool,
}

/// Splits `text` into tokens in one linear pass.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut gap = true;
    let mut newline = true;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            gap = true;
            if c == '\n' || c == '\r' {
                newline = true;
            }
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, d)) = iter.peek() {
                let same = match kind {
                    Kind::Num => d.is_ascii_digit(),
                    _ => d.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = i + d.len_utf8();
                iter.next();
            }
        }
        toks.push(Tok { start, end, kind, gap, newline });
        gap = false;
        newline = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_digits_letters_and_marks() {
        let text = "In the 1980s, at 8p.m. – Ba’ath";
        let toks = tokenize(text);
        let forms: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            forms,
            ["In", "the", "1980", "s", ",", "at", "8", "p", ".", "m", ".", "–", "Ba", "’", "ath"]
        );
        assert!(!toks[3].gap, "the decade suffix is glued to its number");
        assert!(toks[2].gap);
    }

    #[test]
    fn records_line_breaks() {
        let toks = tokenize("Monday\n\nMarch 3");
        assert!(toks[1].newline);
        assert!(!toks[2].newline);
    }
}
