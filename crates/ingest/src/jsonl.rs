//! JSONL reader: one JSON object a line with `html` or `text` and optional `url`, `title`,
//! `date`, `outlet`. A bad line is reported with its line number and byte offset and the
//! next line is read; a line longer than the document cap is skipped without being kept.

use crate::error::{IngestError, LimitKind};
use crate::source::{Cursor, Line};
use crate::{content_hash, Item, Limits};
use model::{Hints, Origin, RawDocument};
use serde::Deserialize;
use std::io::Read;

/// One JSONL record as written by users; unknown fields are ignored. Besides our own keys
/// (`html` or `text`, `url`, `title`, `date`, `outlet`) the names common news dumps use are
/// read: news-please (`maintext`, `date_publish`, `source_domain`), NewsAPI (`publishedAt`,
/// `source: {"name": …}`), schema.org (`datePublished`, `publisher`) and the plain `published`,
/// `source`, `body`; our own key wins when both are given.
#[derive(Debug, Deserialize)]
struct Record {
    html: Option<String>,
    text: Option<String>,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    #[serde(flatten)]
    other: serde_json::Map<String, serde_json::Value>,
}

const TEXT_KEYS: [&str; 2] = ["maintext", "body"];
const DATE_KEYS: [&str; 6] =
    ["published", "date_publish", "publish_date", "published_at", "publishedAt", "datePublished"];
const OUTLET_KEYS: [&str; 4] = ["source", "publisher", "site_name", "source_domain"];

impl Record {
    /// The first of `keys` holding a non-empty string, an integer (Unix time) or an object
    /// with a string `name`.
    fn alias(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            let v = self.other.get(*k)?;
            if let Some(n) = v.as_i64() {
                return Some(n.to_string());
            }
            let s = v.as_str().or_else(|| v.get("name").and_then(|n| n.as_str()))?;
            (!s.trim().is_empty()).then(|| s.to_string())
        })
    }
}

/// Streams the documents of one JSONL input (plain or gzip, detected from the bytes).
pub struct JsonlReader {
    cur: Cursor,
    input: String,
    limits: Limits,
    line_no: u64,
    started: bool,
    done: bool,
    buf: Vec<u8>,
}

impl std::fmt::Debug for JsonlReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlReader")
            .field("input", &self.input)
            .field("line", &self.line_no)
            .finish()
    }
}

impl JsonlReader {
    /// Reads JSONL records from `reader`; `input` names it in origins and errors.
    ///
    /// # Errors
    /// When the first bytes cannot be read.
    pub fn new<R: Read + Send + 'static>(
        reader: R,
        input: impl Into<String>,
        limits: Limits,
    ) -> Result<Self, IngestError> {
        let input = input.into();
        let cur = crate::open_cursor(reader, &input)?;
        Ok(Self::from_cursor(cur, input, limits))
    }

    pub(crate) fn from_cursor(cur: Cursor, input: String, limits: Limits) -> Self {
        JsonlReader { cur, input, limits, line_no: 0, started: false, done: false, buf: Vec::new() }
    }

    fn origin(&self, offset: u64) -> Origin {
        Origin { input: self.input.clone(), offset: Some(offset), line: Some(self.line_no) }
    }

    fn line(&mut self) -> Result<Option<Item>, IngestError> {
        loop {
            let start = self.cur.pos();
            self.line_no += 1;
            self.buf.clear();
            // The newline does not count against the cap.
            let max = self.limits.max_document_bytes.saturating_add(2);
            let kind = self.cur.read_line(max, &mut self.buf).map_err(|e| {
                self.done = true;
                crate::read_error(&self.input, start, Some(self.line_no), e)
            })?;
            if kind == Line::TooLong {
                let rest = self.cur.skip_line().map_err(|e| {
                    self.done = true;
                    crate::read_error(&self.input, start, Some(self.line_no), e)
                })?;
                self.started = true;
                return Err(IngestError::LimitExceeded {
                    at: self.origin(start),
                    what: LimitKind::Document,
                    limit: self.limits.max_document_bytes,
                    size: Some(self.buf.len() as u64 + rest),
                });
            }
            if kind == Line::Eof && self.buf.is_empty() {
                if !self.started {
                    return Err(IngestError::Empty { input: self.input.clone() });
                }
                return Ok(None);
            }
            self.started = true;
            let line = self.buf.trim_ascii();
            if line.is_empty() {
                continue;
            }
            return self.parse(start).map(Some);
        }
    }

    fn parse(&self, start: u64) -> Result<Item, IngestError> {
        let at = || self.origin(start);
        let bytes = self.buf.trim_ascii();
        let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
            at: at(),
            valid_up_to: e.valid_up_to() + (bytes.as_ptr() as usize - self.buf.as_ptr() as usize),
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !text.starts_with('{') {
            return Err(IngestError::Jsonl { at: at(), detail: "not a JSON object".into() });
        }
        let mut rec: Record = serde_json::from_str(text)
            .map_err(|e| IngestError::Jsonl { at: at(), detail: json_detail(&e) })?;
        let date = rec.date.take().or_else(|| rec.alias(&DATE_KEYS));
        let outlet = rec.outlet.take().or_else(|| rec.alias(&OUTLET_KEYS));
        let text = rec.text.take().or_else(|| rec.alias(&TEXT_KEYS));
        let (body, plain_text, content_type) = match (rec.html, text) {
            (Some(h), _) => (h, false, "text/html; charset=utf-8"),
            (None, Some(t)) => (t, true, "text/plain; charset=utf-8"),
            (None, None) => return Err(IngestError::Jsonl {
                at: at(),
                detail:
                    "the object has neither an `html` nor a `text` string (nor `maintext`, `body`)"
                        .into(),
            }),
        };
        if body.len() as u64 > self.limits.max_document_bytes {
            return Err(IngestError::LimitExceeded {
                at: at(),
                what: LimitKind::Document,
                limit: self.limits.max_document_bytes,
                size: Some(body.len() as u64),
            });
        }
        let bytes = body.into_bytes();
        Ok(Item::Document(RawDocument {
            origin: at(),
            uri: rec.url.filter(|u| !u.trim().is_empty()),
            fetched: None,
            // The JSON strings are UTF-8 whatever the page once declared.
            content_type: Some(content_type.into()),
            hash: content_hash(&bytes),
            bytes,
            hints: Hints { title: rec.title, date, outlet, plain_text },
        }))
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Item, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.line() {
            Ok(Some(item)) => Some(Ok(item)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                if matches!(e, IngestError::Empty { .. }) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

/// serde's message with its position given within the line: the error already names the
/// file's line, and serde's own "at line 1 column 25" contradicted it.
fn json_detail(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&suffix) {
        Some(m) if e.line() == 1 => format!("{m} at column {} of the line", e.column()),
        _ => msg,
    }
}
