//! The event coder: dictionaries + dependency trees → CAMEO events.
//!
//! - [`dict`] reads the field's dictionary formats (TABARI/PETRARCH-1 actors, agents, verbs
//!   with linear patterns, PETRARCH2 CAMEO.2.0 verbs, discards, issues) into compiled,
//!   serializable forms; every malformed line becomes a located [`Diagnostic`].
//! - [`input`] reads validation inputs: Treebank parses (converted to dependencies by our
//!   head rules), CoNLL-U rows, the XML record files and TABARI's `Validate.text`.
//! - [`code`] codes one [`model::AnalyzedSentence`]: noun phrases from the dependency tree
//!   are resolved to actor codes (agents joined to actors, dates respected), verbs are looked
//!   up and their patterns matched over the words around them, and each event keeps the
//!   spans it rests on and whether it was negated.
//! - [`cameo`] holds our CAMEO table (name, Goldstein, QuadClass, PLOVER type/mode).
//! - [`validate`] runs a record file and scores it.
//!
//! The coder depends on `model` only: any parser that fills an `AnalyzedSentence` with UD
//! heads and relations can drive it.
//!
//! **Confidence** on events: 0.9 when a pattern (not just the verb's default code) matched
//! and both actors were found in the dictionaries; 0.7 for a verb-default code with both
//! actors; 0.5 when an actor is only an agent or an unknown noun phrase.

#![forbid(unsafe_code)]

pub mod cameo;
pub mod code;
pub mod date;
pub mod diag;
pub mod dict;
pub mod input;
mod label;
pub mod nominal;
pub mod validate;

pub use code::{code_sentence, CodedEvent, Options};
pub use diag::{Diagnostic, Partial};
pub use dict::{Dictionaries, DictionaryFiles};

/// Errors a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("compiled dictionary: {0}")]
    Serialize(String),
    #[error("no dictionaries: {0}")]
    NoDictionaries(String),
}
