//! Annalist's built-in lexicon: the plain-text dictionaries under `lexicon/` (TABARI /
//! PETRARCH-1 formats, documented in `lexicon/README.md`), embedded in the binary, and a lint
//! that checks them (counts per category, duplicate keys with conflicting codes, impossible
//! dates, malformed lines, CAMEO code validity and coverage) with `file:line` diagnostics.
//!
//! The lint is specific to our conventions (every actor phrase ends with `_`, every code is a
//! well-formed CAMEO code, …). Reading the dictionaries for coding is the `coder` crate's job:
//! the build script compiles the files with the coder's loaders into a compact binary that
//! [`builtin`] deserializes once (no parsing at run time).

#![forbid(unsafe_code)]

pub mod cameo_codes;
pub mod inspect;
pub mod lint;
pub mod load;

pub use lint::{lint, Diagnostic, Report, Stats};
pub use load::{load, Loaded};

use std::sync::OnceLock;

/// Errors a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The embedded binary could not be read back (a build/version mismatch: rebuild).
    #[error("embedded lexicon is unreadable: {0}")]
    Corrupt(String),
}

/// The compiled built-in dictionaries.
#[derive(Debug)]
pub struct Builtin {
    /// Actors, agents, verbs and discards, as the coder uses them.
    pub dictionaries: coder::Dictionaries,
    /// Nominal event triggers (`nouns.txt`), compiled with the verb loader: its `verbs` field
    /// holds them (forms are plurals; patterns read words before `*` as modifiers).
    pub nouns: coder::Dictionaries,
}

static DICTIONARIES_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionaries.bin"));
static NOUNS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/nouns.bin"));

/// Size in bytes of the embedded compiled lexicon.
pub fn compiled_size() -> usize {
    DICTIONARIES_BIN.len() + NOUNS_BIN.len()
}

/// The built-in lexicon, compiled at build time; deserialized on first use and shared.
pub fn builtin() -> Result<&'static Builtin, Error> {
    static CELL: OnceLock<Result<Builtin, String>> = OnceLock::new();
    let r = CELL.get_or_init(|| {
        let mut dictionaries =
            coder::Dictionaries::from_bytes(DICTIONARIES_BIN).map_err(|e| e.to_string())?;
        // Our capitals and seats of government are coded as their governments.
        dictionaries.metonym_capitals = true;
        let nouns = coder::Dictionaries::from_bytes(NOUNS_BIN).map_err(|e| e.to_string())?;
        Ok(Builtin { dictionaries, nouns })
    });
    r.as_ref().map_err(|e| Error::Corrupt(e.clone()))
}

/// What a lexicon file holds, which decides its syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Actor dictionary: phrases, `+synonyms`, tab-indented `[CODE date]` lines.
    Actors,
    /// Agent dictionary: `PHRASE {PLURALS} [~CODE]`.
    Agents,
    /// Verb dictionary: `--- NAME [CODE] ---` blocks, verb lines and `- … * … [CODE]` patterns.
    Verbs,
    /// Nominal triggers in the verb block syntax (forms are plurals).
    Nouns,
    /// Discard phrases, `+` = whole story.
    Discards,
}

impl Kind {
    /// The kind a file name implies (`*.actors.txt`, `agents*`, `verbs*`, `nouns*`,
    /// `discards*`), as for user `--dict` files.
    pub fn from_file_name(name: &str) -> Option<Kind> {
        let n = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
        if n.contains("actors") {
            Some(Kind::Actors)
        } else if n.contains("agents") {
            Some(Kind::Agents)
        } else if n.contains("nouns") {
            Some(Kind::Nouns)
        } else if n.contains("verbs") {
            Some(Kind::Verbs)
        } else if n.contains("discards") {
            Some(Kind::Discards)
        } else {
            None
        }
    }
}

/// One built-in lexicon file.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// Path relative to the workspace root, used in diagnostics (`lexicon/verbs.txt`).
    pub name: &'static str,
    pub kind: Kind,
    pub text: &'static str,
}

macro_rules! source {
    ($file:literal, $kind:expr) => {
        Source {
            name: concat!("lexicon/", $file),
            kind: $kind,
            text: include_str!(concat!("../../../lexicon/", $file)),
        }
    };
}

/// The built-in lexicon files, in load order.
pub const SOURCES: &[Source] = &[
    source!("countries.actors.txt", Kind::Actors),
    source!("international.actors.txt", Kind::Actors),
    source!("places.actors.txt", Kind::Actors),
    source!("ethnic.actors.txt", Kind::Actors),
    source!("groups.actors.txt", Kind::Actors),
    source!("leaders.actors.txt", Kind::Actors),
    source!("leaders-history.actors.txt", Kind::Actors),
    source!("agents.txt", Kind::Agents),
    source!("verbs.txt", Kind::Verbs),
    source!("nouns.txt", Kind::Nouns),
    source!("discards.txt", Kind::Discards),
];

/// Lints the built-in lexicon.
pub fn lint_builtin() -> Report {
    let files: Vec<(&str, Kind, &str)> = SOURCES.iter().map(|s| (s.name, s.kind, s.text)).collect();
    lint(&files)
}
