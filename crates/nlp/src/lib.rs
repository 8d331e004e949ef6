//! Text → [`model::AnalyzedSentence`]s: tokenizer, sentence splitter, tagger, lemmatizer and
//! dependency parser.
//!
//! The seams are small traits: [`Tagger`] (UPOS, XPOS, features, lemma) and [`Parser`] (head,
//! relation) fill in tokens in place. The event coder depends on `model::AnalyzedSentence`,
//! never on an implementation of these traits.

pub mod conllu;

use model::AnalyzedSentence;

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
