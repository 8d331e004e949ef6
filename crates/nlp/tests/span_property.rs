//! Property test of the span contract on random text: for seeded random strings built from
//! the pieces that stress the tokenizer (quotes, clitics, dashes, dots, emoji, control and
//! combining characters, mixed scripts), every token and word span slices the text to its
//! form, tokens are in order and within the sentence cap, and nothing panics.

use nlp::{Limits, Pipeline};

/// xorshift64*: a tiny seeded generator, so a failing case can be replayed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "the",
    "U.S.",
    "Mr.",
    "don't",
    "I'm",
    "cannot",
    "gonna",
    "Bush's",
    "parents'",
    "’s",
    "n't",
    "won’t",
    "e-mail",
    "well-known",
    "1969-1970",
    "$5",
    "5%",
    "1,000.50",
    "...",
    "…",
    "?!",
    "--",
    "—",
    "–",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "``",
    "(",
    ")",
    "[",
    "]",
    "(a)",
    "{",
    "http://x.org/a?b=1",
    "a.b@c.com",
    "www.x.com",
    ":)",
    "😀",
    "👩‍👩‍👧",
    "🇫🇷",
    "\u{301}",
    "\u{200d}",
    "\u{0}",
    "\u{7}",
    "\u{feff}",
    "\r",
    "\t",
    "\n",
    "\n\n",
    " ",
    "  ",
    "日本語",
    "Москва",
    "مرحبا",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "-",
    "/",
    "*",
    "#",
    "@",
    "&",
    "A",
    "b",
    "J.",
    "No.",
    "5",
    "2.1.",
    "Jan.",
    "BAGHDAD",
    "(Reuters)",
    "Jr..",
    "p.m.",
    "x3-9890",
    "ninety-nine",
    "’’",
    "‘’",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn random_text_keeps_the_span_contract() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..3000 {
        let text = random_text(&mut rng);
        let max = 1 + rng.below(40);
        let p = Pipeline::segmenter()
            .with_limits(Limits { max_sentence_words: max, ..Limits::default() });
        let sentences = p.analyze(&text, &[]).expect("no limit hit");
        let mut last = 0;
        for s in &sentences {
            assert!(s.span.slice(&text).is_some(), "case {case}: {text:?}");
            let single_token = s.tokens.iter().all(|t| t.mwt == s.tokens[0].mwt);
            assert!(s.tokens.len() <= max || single_token, "case {case}: cap {max}");
            for t in &s.tokens {
                assert_eq!(t.span.slice(&text), Some(t.form.as_str()), "case {case}: {text:?}");
                assert!(!t.form.is_empty() && t.span.start >= last, "case {case}: {text:?}");
                last = t.span.end;
            }
        }
        // Every non-space character of the text is covered by some token.
        let covered: usize = sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .map(|t| t.form.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let visible = text
            .chars()
            .filter(|c| {
                !(c.is_whitespace() || c.is_control() || *c == '\u{feff}' || *c == '\u{200b}')
                    || *c == '\u{200d}'
            })
            .count();
        assert!(covered >= visible, "case {case}: {text:?} lost characters");
    }
}
