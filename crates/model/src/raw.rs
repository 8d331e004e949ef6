//! `RawDocument`: bytes as they were found, before any interpretation.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The identity of a document: a hex digest of its bytes (the ingest crate computes it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(pub String);

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a document came from, precisely enough to find it again and to name it in a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    /// The input the user named: a file path, `-` for stdin.
    pub input: String,
    /// Byte offset of the record inside the input (WARC record, JSONL line), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// 1-based line number for line-oriented inputs (JSONL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.input)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, "@{offset}")?;
        }
        Ok(())
    }
}

/// Bytes of one document with what the transport told us about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawDocument {
    pub origin: Origin,
    /// The URL the document was fetched from, when known (WARC target URI, JSONL `url`).
    pub uri: Option<String>,
    /// RFC 3339 fetch time, when known (WARC-Date).
    pub fetched: Option<String>,
    /// MIME type as declared by the transport (HTTP `Content-Type`, including any charset).
    pub content_type: Option<String>,
    pub hash: ContentHash,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    /// Metadata supplied alongside the bytes (JSONL `title`, `date`, `outlet`); the extractor
    /// prefers what the page itself says and records which it used.
    #[serde(default, skip_serializing_if = "Hints::is_empty")]
    pub hints: Hints,
}

/// Metadata given with a document by its container rather than found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Hints {
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    /// The bytes are already plain text (JSONL `text`, `.txt`), not HTML.
    pub plain_text: bool,
}

impl Hints {
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.date.is_none() && self.outlet.is_none() && !self.plain_text
    }
}
