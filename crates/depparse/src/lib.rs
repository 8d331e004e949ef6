//! Our trained English tagger, lemmatizer and labelled dependency parser (Universal
//! Dependencies), built from the UD treebanks by [`train`] and shipped as compact binary model
//! files under `models/` at the workspace root.
//!
//! Callers use [`Models::load_default`] and the `nlp::Tagger` / `nlp::Parser` traits:
//!
//! ```no_run
//! use nlp::{Parser, Tagger};
//! let models = depparse::Models::load_default()?;
//! let mut sentence = model::AnalyzedSentence::default(); // tokens with forms and spans
//! models.tag(&mut sentence); // UPOS, XPOS, FEATS, lemma
//! models.parse(&mut sentence); // head, deprel
//! # Ok::<(), depparse::ModelError>(())
//! ```

pub mod cluster;
pub mod eval;
pub mod format;
mod hash;
pub mod lemma;
pub mod parser;
mod perceptron;
pub mod tagger;
pub mod train;
mod word;

pub use format::ModelError;
pub use lemma::Lemmatizer;
pub use parser::ParserModel;
pub use tagger::TaggerModel;

use model::AnalyzedSentence;
use std::path::{Path, PathBuf};

/// File names inside a model directory.
pub const TAGGER_FILE: &str = "tagger.bin";
pub const LEMMATIZER_FILE: &str = "lemmatizer.bin";
pub const PARSER_FILE: &str = "parser.bin";

/// Sentences longer than this are parsed in consecutive pieces, each its own tree under the
/// first piece's root, so time and memory stay linear and bounded per piece.
pub const MAX_PARSE_WORDS: usize = 400;

/// The three models, loaded together.
#[derive(Debug, Clone)]
pub struct Models {
    pub tagger: TaggerModel,
    pub lemmatizer: Lemmatizer,
    pub parser: ParserModel,
}

impl Models {
    /// The committed model directory: `$ANNALIST_MODELS` when set, else `models/` at the
    /// workspace root this crate was built from.
    pub fn default_dir() -> PathBuf {
        match std::env::var_os("ANNALIST_MODELS") {
            Some(p) => PathBuf::from(p),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..").join("models"),
        }
    }

    /// Loads the models from [`Models::default_dir`].
    pub fn load_default() -> Result<Models, ModelError> {
        Models::load_dir(&Models::default_dir())
    }

    /// Loads `tagger.bin`, `lemmatizer.bin` and `parser.bin` from `dir`. The parser (the
    /// largest) is read and indexed on a second thread while this one does the others.
    pub fn load_dir(dir: &Path) -> Result<Models, ModelError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path)
                .map(|b| (b, path.display().to_string()))
                .map_err(|source| ModelError::Io { path, source })
        };
        let load_parser = || {
            let (p, pp) = read(PARSER_FILE)?;
            ParserModel::from_bytes(&p, &pp)
        };
        let load_rest = || -> Result<(TaggerModel, Lemmatizer), ModelError> {
            let (t, tp) = read(TAGGER_FILE)?;
            let (l, lp) = read(LEMMATIZER_FILE)?;
            Ok((TaggerModel::from_bytes(&t, &tp)?, Lemmatizer::from_bytes(&l, &lp)?))
        };
        let (rest, parser) = std::thread::scope(|scope| {
            let parser = std::thread::Builder::new().spawn_scoped(scope, load_parser);
            let rest = load_rest();
            let parser = match parser {
                Ok(handle) => handle.join().unwrap_or_else(|_| load_parser()),
                // No thread to be had: load it here.
                Err(_) => load_parser(),
            };
            (rest, parser)
        });
        let (tagger, lemmatizer) = rest?;
        Ok(Models { tagger, lemmatizer, parser: parser? })
    }

    /// Tags, lemmatizes and parses a sentence whose tokens have forms.
    pub fn analyze(&self, s: &mut AnalyzedSentence) {
        nlp::Tagger::tag(self, s);
        nlp::Parser::parse(self, s);
    }
}

impl nlp::Tagger for Models {
    fn tag(&self, s: &mut AnalyzedSentence) {
        self.tagger.tag(s);
        self.lemmatizer.lemmatize(s);
    }
}

impl nlp::Parser for Models {
    fn parse(&self, s: &mut AnalyzedSentence) {
        parse_capped(&self.parser, s);
    }
}

/// Parses long sentences in pieces of at most [`MAX_PARSE_WORDS`] words; later pieces' roots
/// attach to the first piece's root as `parataxis`.
fn parse_capped(p: &ParserModel, s: &mut AnalyzedSentence) {
    if s.tokens.len() <= MAX_PARSE_WORDS {
        p.parse(s);
        return;
    }
    let mut first_root = 0u32;
    let mut start = 0usize;
    while start < s.tokens.len() {
        let end = (start + MAX_PARSE_WORDS).min(s.tokens.len());
        let mut piece = AnalyzedSentence {
            index: s.index,
            span: s.span,
            tokens: s.tokens[start..end].to_vec(),
        };
        p.parse(&mut piece);
        for (k, t) in piece.tokens.into_iter().enumerate() {
            let i = start + k;
            let mut t = t;
            if t.head == 0 {
                if first_root == 0 {
                    first_root = i as u32 + 1;
                } else {
                    t.head = first_root;
                    t.deprel = "parataxis".into();
                }
            } else {
                t.head += start as u32;
            }
            s.tokens[i] = t;
        }
        start = end;
    }
}
