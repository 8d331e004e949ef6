//! `AnalyzedSentence`: tokens with spans, tags, lemmas and a dependency tree.

use crate::Span;
use serde::{Deserialize, Serialize};

/// One syntactic word. Multiword tokens ("don't" → "do" + "n't") share the surface span of
/// their token; `mwt` marks them so a CoNLL-U writer can restore the range line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Token {
    /// Byte span into the article text.
    pub span: Span,
    pub form: String,
    pub lemma: String,
    /// Universal POS tag (`NOUN`, `VERB`, …).
    pub upos: String,
    /// Penn Treebank tag (`NN`, `VBD`, …).
    pub xpos: String,
    /// UD morphological features, `Feat=Val|…`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feats: String,
    /// 1-based index of the head word within the sentence; 0 for the root.
    pub head: u32,
    /// UD relation to the head (`nsubj`, `obj`, `obl:tmod`, …).
    pub deprel: String,
    /// Index of the first word of the multiword token this word belongs to and its word count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mwt: Option<(u32, u32)>,
}

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AnalyzedSentence {
    /// Index of the sentence in its article.
    pub index: u32,
    /// Byte span into the article text.
    pub span: Span,
    pub tokens: Vec<Token>,
}

impl AnalyzedSentence {
    /// Indices (0-based) of the dependents of word `head` (1-based, 0 = root).
    pub fn children(&self, head: u32) -> impl Iterator<Item = usize> + '_ {
        self.tokens.iter().enumerate().filter(move |(_, t)| t.head == head).map(|(i, _)| i)
    }
}
