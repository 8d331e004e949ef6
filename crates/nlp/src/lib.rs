//! Text → [`model::AnalyzedSentence`]s: tokenizer, sentence splitter, tagger, lemmatizer and
//! dependency parser.
//!
//! The seams are small traits: [`Tagger`] (UPOS, XPOS, features, lemma) and [`Parser`] (head,
//! relation) fill in tokens in place. The event coder depends on `model::AnalyzedSentence`,
//! never on an implementation of these traits. This crate owns the rule stages
//! ([`tokenize`], [`split`], with the learned [`boundary`] scorer for unpunctuated sentence
//! ends), the [`Pipeline`] that chains them with a tagger and a parser, CoNLL-U input/output
//! ([`conllu`]), raw documents rebuilt from treebanks ([`rawtext`]) and the CoNLL 2018 scorer
//! ([`eval`]).

pub mod boundary;
pub mod conllu;
pub mod eval;
pub mod rawtext;
pub mod split;
pub mod tokenize;

use model::{AnalyzedSentence, Span, Token};

/// Assigns `upos`, `xpos`, `feats` and `lemma` to every token of a sentence whose `form` and
/// `span` are set. Implementations are deterministic and never fail: unknown words get a best
/// guess.
pub trait Tagger: Send + Sync {
    fn tag(&self, sentence: &mut AnalyzedSentence);
}

/// Assigns `head` and `deprel` to every token of a tagged sentence, forming a single-rooted tree.
pub trait Parser: Send + Sync {
    fn parse(&self, sentence: &mut AnalyzedSentence);
}

/// Why a text could not be analysed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NlpError {
    /// The text is longer than [`Limits::max_text_bytes`]; split it before analysis.
    #[error("text of {len} bytes exceeds the limit of {max} bytes")]
    TextTooLong { len: usize, max: usize },
    /// A paragraph span is out of range, reversed, or not on character boundaries.
    #[error("paragraph span {index} ({start}..{end}) is not a valid range of the text")]
    BadParagraph { index: usize, start: u32, end: u32 },
}

/// Explicit bounds on the work done per text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest sentence, in syntactic words, handed to the tagger and parser; longer runs are
    /// cut at the best place before the cap.
    pub max_sentence_words: usize,
    /// Longest text accepted (spans are `u32`, so never above 4 GiB).
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_sentence_words: 300, max_text_bytes: 64 << 20 }
    }
}

/// Tokenizer → sentence splitter → tagger → parser.
///
/// Without a tagger or parser the corresponding fields stay empty (tokenization-only use).
#[derive(Clone, Copy)]
pub struct Pipeline<'a> {
    tagger: Option<&'a dyn Tagger>,
    parser: Option<&'a dyn Parser>,
    limits: Limits,
}

impl std::fmt::Debug for Pipeline<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("tagger", &self.tagger.is_some())
            .field("parser", &self.parser.is_some())
            .field("limits", &self.limits)
            .finish()
    }
}

impl<'a> Pipeline<'a> {
    /// The full pipeline.
    pub fn new(tagger: &'a dyn Tagger, parser: &'a dyn Parser) -> Self {
        Pipeline { tagger: Some(tagger), parser: Some(parser), limits: Limits::default() }
    }

    /// Tokenizer and sentence splitter only.
    pub fn segmenter() -> Self {
        Pipeline { tagger: None, parser: None, limits: Limits::default() }
    }

    /// Tokenizer, splitter and tagger (no parse).
    pub fn tagging(tagger: &'a dyn Tagger) -> Self {
        Pipeline { tagger: Some(tagger), parser: None, limits: Limits::default() }
    }

    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Analyses `text`; `paragraphs` (may be empty) are the article's paragraph spans, which
    /// sentences never cross. Blank lines in the text are paragraph breaks too.
    pub fn analyze(
        &self,
        text: &str,
        paragraphs: &[Span],
    ) -> Result<Vec<AnalyzedSentence>, NlpError> {
        let max = self.limits.max_text_bytes.min(u32::MAX as usize);
        if text.len() > max {
            return Err(NlpError::TextTooLong { len: text.len(), max });
        }
        for (index, p) in paragraphs.iter().enumerate() {
            let ok = p.start <= p.end
                && (p.end as usize) <= text.len()
                && text.is_char_boundary(p.start as usize)
                && text.is_char_boundary(p.end as usize);
            if !ok {
                return Err(NlpError::BadParagraph { index, start: p.start, end: p.end });
            }
        }
        let mut paras = paragraphs.to_vec();
        paras.sort();
        let toks = tokenize::tokenize(text);
        let ranges = split::split(text, &toks.tokens, &paras, self.limits.max_sentence_words);
        let mut out: Vec<AnalyzedSentence> = ranges
            .into_iter()
            .enumerate()
            .map(|(index, r)| sentence(text, &toks, r, index as u32))
            .collect();
        // Stage by stage over the whole text rather than sentence by sentence: each model's
        // hot weights stay in the CPU caches while it runs (each sentence is analysed
        // independently, so the output is the same).
        if let Some(t) = self.tagger {
            out.iter_mut().for_each(|s| {
                t.tag(s);
                name_words_read_as_verbs(s);
            });
        }
        if let Some(p) = self.parser {
            for s in &mut out {
                p.parse(s);
                repair_heads(s);
            }
        }
        Ok(out)
    }
}

/// The sentence of tokens `range`, with forms, spans and multiword marks set.
fn sentence(
    text: &str,
    toks: &tokenize::Tokenized,
    range: std::ops::Range<usize>,
    index: u32,
) -> AnalyzedSentence {
    let surfaces = &toks.tokens[range];
    let span = match (surfaces.first(), surfaces.last()) {
        (Some(a), Some(b)) => Span { start: a.span.start, end: b.span.end },
        _ => Span::default(),
    };
    let mut tokens = Vec::with_capacity(surfaces.iter().map(|s| s.word_count as usize).sum());
    for s in surfaces {
        let first = tokens.len() as u32 + 1;
        for w in &toks.words[s.words()] {
            tokens.push(Token {
                span: *w,
                form: text[w.range()].to_string(),
                mwt: (s.word_count > 1).then_some((first, s.word_count)),
                ..Token::default()
            });
        }
    }
    AnalyzedSentence { index, span, tokens }
}

/// A capitalised word inside a name that the tagger read as a verb or auxiliary ("Human
/// Rights Watch/AUX called …", "Physicians for Human Rights Watch …") is part of the name: in
/// running text (not a title-case headline), a title-case word tagged `VERB`/`AUX` right after
/// another title-case word tagged as a noun, proper noun or adjective is a proper noun.
fn name_words_read_as_verbs(s: &mut AnalyzedSentence) {
    let title = |f: &str| {
        let mut cs = f.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    };
    // … or after a small word of the name between title-case words ("Committee to Protect
    // Journalists").
    let inside_name = |toks: &[model::Token], i: usize| {
        let (prev, this) = (&toks[i - 1], &toks[i]);
        let named = |t: &model::Token| {
            title(&t.form) && matches!(t.upos.as_str(), "PROPN" | "NOUN" | "ADJ")
        };
        matches!(this.upos.as_str(), "VERB" | "AUX")
            && title(&this.form)
            && (named(prev)
                || (i >= 2
                    && matches!(prev.form.as_str(), "to" | "for" | "of" | "and")
                    && named(&toks[i - 2])
                    && toks.get(i + 1).is_some_and(|t| title(&t.form))))
    };
    let flagged = (1..s.tokens.len()).any(|i| inside_name(&s.tokens, i));
    if !flagged {
        return;
    }
    // A headline in title case ("Army Says It Retook Bridge") capitalises its verbs: a
    // sentence without one lower-case noun, verb or adjective is one.
    let running = s.tokens.iter().any(|t| {
        t.form.chars().next().is_some_and(char::is_lowercase)
            && matches!(t.upos.as_str(), "NOUN" | "VERB" | "ADJ")
    });
    if !running {
        return;
    }
    for i in 1..s.tokens.len() {
        if inside_name(&s.tokens, i) {
            let t = &mut s.tokens[i];
            t.upos = "PROPN".into();
            t.xpos = "NNP".into();
            t.lemma.clone_from(&t.form);
            t.feats = "Number=Sing".into();
        }
    }
}

/// Keeps the output a valid tree even if a parser misbehaves: heads out of range become root
/// attachments.
fn repair_heads(s: &mut AnalyzedSentence) {
    let n = s.tokens.len() as u32;
    for (i, t) in s.tokens.iter_mut().enumerate() {
        if t.head > n || t.head as usize == i + 1 {
            t.head = 0;
            t.deprel = "root".into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_with_spans_and_multiword_marks() {
        let text = "I don't know.\n\nHe said so.";
        let s = Pipeline::segmenter().analyze(text, &[]).unwrap();
        assert_eq!(s.len(), 2);
        let forms: Vec<_> = s[0].tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["I", "do", "n't", "know", "."]);
        assert_eq!(s[0].tokens[1].mwt, Some((2, 2)));
        assert_eq!(s[0].tokens[2].mwt, Some((2, 2)));
        for sent in &s {
            assert!(sent.span.slice(text).is_some());
            for t in &sent.tokens {
                assert_eq!(t.span.slice(text), Some(t.form.as_str()));
            }
        }
    }

    /// A sentence of (form, upos) pairs, as a tagger left it.
    fn tagged(words: &[(&str, &str)]) -> AnalyzedSentence {
        AnalyzedSentence {
            tokens: words
                .iter()
                .map(|&(form, upos)| model::Token {
                    form: form.into(),
                    lemma: form.to_lowercase(),
                    upos: upos.into(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn name_words_tagged_as_verbs_become_proper_nouns() {
        let mut s = tagged(&[
            ("Human", "ADJ"),
            ("Rights", "NOUN"),
            ("Watch", "AUX"),
            ("called", "VERB"),
            ("for", "ADP"),
            ("talks", "NOUN"),
        ]);
        name_words_read_as_verbs(&mut s);
        assert_eq!(s.tokens[2].upos, "PROPN");
        assert_eq!(s.tokens[2].lemma, "Watch");
        assert_eq!(s.tokens[3].upos, "VERB", "a lower-case verb stays");
        let mut s = tagged(&[
            ("The", "DET"),
            ("Committee", "PROPN"),
            ("to", "PART"),
            ("Protect", "VERB"),
            ("Journalists", "PROPN"),
            ("said", "VERB"),
        ]);
        name_words_read_as_verbs(&mut s);
        assert_eq!(s.tokens[3].upos, "PROPN");
        // A headline in title case keeps its verbs.
        let mut s =
            tagged(&[("Sudan", "PROPN"), ("Army", "PROPN"), ("Says", "VERB"), ("It", "PRON")]);
        name_words_read_as_verbs(&mut s);
        assert_eq!(s.tokens[2].upos, "VERB");
    }

    #[test]
    fn bad_input_gives_typed_errors_not_panics() {
        let p =
            Pipeline::segmenter().with_limits(Limits { max_sentence_words: 10, max_text_bytes: 5 });
        assert_eq!(p.analyze("too long", &[]), Err(NlpError::TextTooLong { len: 8, max: 5 }));
        let p = Pipeline::segmenter();
        assert!(matches!(
            p.analyze("é", &[Span::new(0, 1)]),
            Err(NlpError::BadParagraph { index: 0, .. })
        ));
        assert_eq!(p.analyze("", &[]), Ok(vec![]));
    }

    #[test]
    fn a_megabyte_without_punctuation_is_bounded() {
        let text = "word ".repeat(200_000);
        let s = Pipeline::segmenter().analyze(&text, &[]).unwrap();
        assert!(s.iter().all(|s| s.tokens.len() <= Limits::default().max_sentence_words));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 200_000);
        let text = "x".repeat(1 << 20);
        let s = Pipeline::segmenter().analyze(&text, &[]).unwrap();
        assert!(s
            .iter()
            .all(|s| s.tokens.iter().all(|t| t.form.len() <= tokenize::MAX_TOKEN_BYTES)));
    }
}
