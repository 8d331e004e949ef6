//! `Article`: the extracted news item — metadata plus body text with spans.

use crate::{ContentHash, Origin, Span};
use serde::{Deserialize, Serialize};

/// How much of a date is known. A value never claims more precision than its source gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Second,
    Minute,
    Day,
    /// An ISO week (`2022-W39`); the value is the Monday.
    Week,
    Month,
    Year,
    Decade,
    Century,
    Unknown,
}

/// Where a publication date was found, in the order the extractor trusts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    JsonLd,
    MetaTag,
    TimeElement,
    Url,
    Dateline,
    SourceLine,
    Text,
    /// Given by the container (JSONL `date`, WARC-Date), not by the page.
    Container,
}

/// A publication date: an ISO 8601 prefix (`2009`, `2009-01`, `2009-01-20`,
/// `2009-01-20T14:03:00Z`) whose length matches `precision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub value: String,
    pub precision: DatePrecision,
    pub source: DateSource,
}

/// One point of the map from body-text offsets back to the page's bytes: the body text byte
/// `text` starts a run that came from HTML byte `html`. Sorted by `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HtmlOffset {
    pub text: u32,
    pub html: u32,
}

/// One news item as extracted from a [`crate::RawDocument`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The raw document's content hash: the article's identity.
    pub id: ContentHash,
    pub origin: Origin,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    /// Site or outlet name ("PressTV", "Reuters").
    pub outlet: Option<String>,
    /// The wire agency a dateline credits ("GAZA (Reuters) -") when another outlet published
    /// the article: the source the outlet cites for the whole story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<Published>,
    /// ISO 639-1 code when detected with confidence.
    pub language: Option<String>,
    /// The body: paragraphs joined by `\n\n`. Every downstream span is into this string.
    pub text: String,
    /// Paragraph spans into `text`.
    pub paragraphs: Vec<Span>,
    /// Map from `text` offsets back to HTML byte offsets; empty for plain-text inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub html_map: Vec<HtmlOffset>,
    /// Hash of `text` (to spot reprints whose markup differs).
    pub text_hash: ContentHash,
    /// `name/version` of the extractor that produced this record.
    pub extractor: String,
}

impl Article {
    /// The HTML byte offset that body offset `text_offset` came from, when a map is present.
    pub fn html_offset(&self, text_offset: u32) -> Option<u32> {
        let i = self.html_map.partition_point(|p| p.text <= text_offset);
        let p = self.html_map.get(i.checked_sub(1)?)?;
        Some(p.html + (text_offset - p.text))
    }
}
