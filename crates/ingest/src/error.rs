//! What can go wrong while reading inputs ([`IngestError`]) and why a record is passed over
//! without being an error ([`SkipReason`]).

use model::Origin;
use std::fmt;

/// A problem with one input or one record of it. Every variant names the input and, where
/// there is one, the byte offset (and line) of the record, so a user can find it again.
/// After an error the batch goes on: with the next record where the format allows
/// resynchronising (WARC, JSONL), else with the next input.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The input could not be opened or listed (missing, permission denied, a broken link).
    #[error("{input}: cannot open: {source}")]
    Open {
        input: String,
        #[source]
        source: std::io::Error,
    },
    /// Reading failed part-way (a disk or pipe error, not a format problem).
    #[error("{at}: read error: {source}")]
    Read {
        at: Origin,
        #[source]
        source: std::io::Error,
    },
    /// The input holds no bytes at all.
    #[error("{input}: empty input")]
    Empty { input: String },
    /// The input is not text, HTML, JSONL or WARC (an image, an archive, an executable…).
    #[error("{input}: looks binary ({what}), not a document")]
    Binary { input: String, what: &'static str },
    /// The input is a news feed (RSS, Atom): its items summarise pages kept elsewhere, and read
    /// as one page they would run together into one story.
    #[error(
        "{input}: an {what}, not a page: feeds are not read (each item only summarises a page); \
         code the pages it links to, or give its items as JSONL (`url`, `title`, `date`, `text`)"
    )]
    Feed { input: String, what: &'static str },
    /// A gzip stream ends before its member does; `at.offset` is the member's start in the file.
    #[error("{at}: truncated gzip member")]
    TruncatedGzip { at: Origin },
    /// A gzip member is corrupt (bad header, bad deflate data, checksum mismatch) or the file
    /// has bytes between members that are not gzip; `at.offset` is where that begins.
    #[error("{at}: corrupt gzip data: {detail}")]
    CorruptGzip { at: Origin, detail: String },
    /// A document, line or header is larger than the configured [`crate::Limits`].
    #[error("{at}: {what} exceeds the limit of {limit} bytes{}", size_note(*.size))]
    LimitExceeded { at: Origin, what: LimitKind, limit: u64, size: Option<u64> },
    /// A JSONL line is not valid UTF-8; `valid_up_to` is the byte within the line where it stops.
    #[error("{at}: invalid UTF-8 at byte {valid_up_to} of the line")]
    InvalidUtf8 { at: Origin, valid_up_to: usize },
    /// A JSONL line is not a JSON object with a string `html` or `text`.
    #[error("{at}: bad JSONL record: {detail}")]
    Jsonl { at: Origin, detail: String },
    /// A WARC record could not be read; reading resumes at the next `WARC/1.` line.
    #[error("{at}: bad WARC record: {problem}")]
    Warc { at: Origin, problem: WarcProblem },
    /// A WARC `response` record's HTTP message is malformed (status line, chunking, encoding).
    #[error("{at}: bad HTTP payload: {detail}")]
    Http { at: Origin, detail: String },
}

fn size_note(size: Option<u64>) -> String {
    match size {
        Some(s) => format!(" ({s} bytes)"),
        None => String::new(),
    }
}

impl IngestError {
    /// The input (file path or `-`) this error is about.
    pub fn input(&self) -> &str {
        match self {
            IngestError::Open { input, .. }
            | IngestError::Empty { input }
            | IngestError::Binary { input, .. }
            | IngestError::Feed { input, .. } => input,
            IngestError::Read { at, .. }
            | IngestError::TruncatedGzip { at }
            | IngestError::CorruptGzip { at, .. }
            | IngestError::LimitExceeded { at, .. }
            | IngestError::InvalidUtf8 { at, .. }
            | IngestError::Jsonl { at, .. }
            | IngestError::Warc { at, .. }
            | IngestError::Http { at, .. } => &at.input,
        }
    }
}

/// Which limit was exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// One document's bytes (a file, a WARC payload, a JSONL line).
    Document,
    /// A WARC or HTTP header block, or one header line.
    Header,
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LimitKind::Document => "document",
            LimitKind::Header => "header",
        })
    }
}

/// What was wrong with a WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarcProblem {
    /// Bytes that are not a record where a record should start; `skipped` bytes were passed
    /// over to reach the next `WARC/1.` line (or the end of the input).
    Garbage { skipped: u64 },
    /// A header line without a colon, or a header block that never ends.
    BadHeader { line: String },
    /// No `Content-Length`, or one that is not a number.
    BadContentLength { value: Option<String> },
    /// The input ends inside the record's block.
    Truncated { expected: u64, got: u64 },
    /// The block is not followed by the blank line that ends a record: `Content-Length` is
    /// probably wrong. The record is dropped and reading resumes inside it.
    MissingTerminator,
}

impl fmt::Display for WarcProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarcProblem::Garbage { skipped } => {
                write!(f, "{skipped} bytes that are not a WARC record skipped")
            }
            WarcProblem::BadHeader { line } => write!(f, "malformed header line {line:?}"),
            WarcProblem::BadContentLength { value: None } => f.write_str("no Content-Length"),
            WarcProblem::BadContentLength { value: Some(v) } => {
                write!(f, "Content-Length {v:?} is not a number")
            }
            WarcProblem::Truncated { expected, got } => {
                write!(f, "input ends inside the block ({got} of {expected} bytes)")
            }
            WarcProblem::MissingTerminator => f.write_str(
                "block not followed by the record terminator (wrong Content-Length?); record dropped",
            ),
        }
    }
}

/// Why a record was passed over. Skips are expected (a WARC holds requests, images, redirects)
/// and counted, not reported one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// A WARC `warcinfo` record (crawl metadata).
    WarcInfo,
    /// A WARC `request` record.
    WarcRequest,
    /// A WARC `metadata` record.
    WarcMetadata,
    /// A WARC `revisit` record (a duplicate whose payload is elsewhere).
    WarcRevisit,
    /// Another WARC record type (`conversion`, `continuation`, unknown), or a segmented record.
    WarcOther,
    /// A response whose payload is not HTML (images, scripts, PDFs, JSON…).
    NotHtml,
    /// A response record whose block is not an HTTP message (e.g. `dns:` records).
    NotHttp,
    /// An HTTP redirect (3xx) or other non-content status (1xx, 204, 304).
    HttpRedirect,
    /// An HTTP error status (4xx, 5xx).
    HttpError,
    /// An HTTP payload with a content encoding this crate does not decode (e.g. `zstd`).
    UnsupportedEncoding,
    /// A response with an empty payload.
    EmptyPayload,
    /// A file met while walking a directory whose extension is not a supported format.
    UnsupportedFile,
}

impl SkipReason {
    /// A short stable name for summaries and counters.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::WarcInfo => "warcinfo",
            SkipReason::WarcRequest => "request",
            SkipReason::WarcMetadata => "metadata",
            SkipReason::WarcRevisit => "revisit",
            SkipReason::WarcOther => "other-record-type",
            SkipReason::NotHtml => "not-html",
            SkipReason::NotHttp => "not-http",
            SkipReason::HttpRedirect => "http-redirect",
            SkipReason::HttpError => "http-error",
            SkipReason::UnsupportedEncoding => "unsupported-encoding",
            SkipReason::EmptyPayload => "empty-payload",
            SkipReason::UnsupportedFile => "unsupported-file",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
