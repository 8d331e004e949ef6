//! `RawDocument` → `Article`: charset, boilerplate removal, metadata, plain-text news items.
//!
//! The one entry point is [`extract`]. It never panics on hostile input: limits in [`Options`]
//! bound memory and time, problems that still leave an article are reported as
//! [`Diagnostic`]s beside it, and only documents that yield nothing usable are an
//! [`ExtractError`].

#![forbid(unsafe_code)]

use model::{Article, RawDocument};
use std::fmt;

/// Limits and switches for one extraction. `Default` is what the CLI uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Documents larger than this are refused with [`ExtractError::TooLarge`].
    pub max_input_bytes: usize,
    /// Deepest element nesting handed to the DOM-based extractor. Deeper pages fall back to the
    /// streaming text extractor (with a [`DiagnosticKind::DepthLimit`] diagnostic).
    pub max_depth: usize,
    /// Most elements handed to the DOM-based extractor; above it the streaming fallback runs.
    pub max_elements: usize,
    /// Detect the body's language.
    pub detect_language: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: 64 << 20,
            max_depth: 512,
            max_elements: 200_000,
            detect_language: true,
        }
    }
}

/// An article and what went wrong on the way (nothing fatal).
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub article: Article,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a diagnostic is about, so callers can count and filter them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagnosticKind {
    /// The declared charset disagreed with the bytes; another one was used.
    CharsetConflict,
    /// Some bytes were not valid in the chosen encoding and became U+FFFD.
    MalformedBytes,
    /// Nesting deeper than [`Options::max_depth`]: the streaming fallback was used.
    DepthLimit,
    /// More elements than [`Options::max_elements`]: the streaming fallback was used.
    ElementLimit,
    /// The boilerplate extractor found nothing and a simpler one was used.
    ExtractorFallback,
    /// No body text was found.
    EmptyBody,
}

/// A non-fatal problem met while extracting one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// Byte offset into the raw document the problem concerns, when there is one.
    pub offset: Option<u64>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(o) => write!(f, "byte {o}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Why a document yielded no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("document is {size} bytes, above the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("document is empty")]
    Empty,
    #[error("document looks binary (NUL or control bytes at byte {offset}), not text or HTML")]
    Binary { offset: usize },
    /// A bug in this crate or a dependency (a caught panic); the batch can go on.
    #[error("internal error in the extractor: {0}")]
    Internal(String),
}

/// Extracts one article from a raw document (HTML, or plain text when `doc.hints.plain_text`).
pub fn extract(doc: &RawDocument, opts: &Options) -> Result<Extracted, ExtractError> {
    if doc.bytes.len() > opts.max_input_bytes {
        return Err(ExtractError::TooLarge { size: doc.bytes.len(), limit: opts.max_input_bytes });
    }
    if doc.bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    Err(ExtractError::Internal("extractor not wired yet".into()))
}
