//! WARC 1.0/1.1 reader (ISO 28500): `response` records carrying HTML become documents,
//! everything else is skipped and counted, damaged records are reported and skipped over.
//!
//! Records are read one at a time from a [`Cursor`], so memory is bounded by the largest HTML
//! payload accepted ([`Limits::max_document_bytes`]) and the header cap, never by the file.
//! Blocks of skipped records are streamed past without being kept.
//!
//! Resynchronisation: when a record is damaged (a header that does not parse, a
//! `Content-Length` that does not end at a record boundary, bytes that are not a record,
//! a corrupt gzip member) reading resumes at the next line that starts with `WARC/1.` — inside
//! the damaged record's block when it was kept (its `Content-Length` may have swallowed the
//! next record), else after it.

use crate::error::{IngestError, LimitKind, SkipReason, WarcProblem};
use crate::http::{self, DecodeError, Decoded, Head};
use crate::source::{Cursor, GzFault, Line};
use crate::{content_hash, Item, Limits};
use model::{Hints, Origin, RawDocument};
use std::io::{self, Read};

const VERSION_PREFIX: &[u8] = b"WARC/1.";
/// Longest line looked at while searching for the next record.
const MAX_SCAN_LINE: u64 = 256;

/// The WARC header fields ingest uses.
#[derive(Debug, Default)]
struct Fields {
    kind: Option<String>,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
    content_length: Option<String>,
    segmented: bool,
}

impl Fields {
    fn set(&mut self, name: &str, value: &str) {
        let slot = match name.to_ascii_lowercase().as_str() {
            "warc-type" => &mut self.kind,
            "warc-target-uri" => &mut self.target_uri,
            "warc-date" => &mut self.date,
            "content-type" => &mut self.content_type,
            "content-length" => &mut self.content_length,
            "warc-segment-number" => {
                self.segmented = true;
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(value.to_string());
        }
    }
}

/// Streams the records of one WARC input (plain or gzip, detected from the bytes).
pub struct WarcReader {
    cur: Cursor,
    input: String,
    limits: Limits,
    started: bool,
    done: bool,
    /// A gzip fault was reported: look for the next record before reading one.
    resync_first: bool,
    line: Vec<u8>,
}

impl std::fmt::Debug for WarcReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcReader")
            .field("input", &self.input)
            .field("pos", &self.cur.pos())
            .finish()
    }
}

impl WarcReader {
    /// Reads WARC records from `reader`; `input` names it in origins and errors.
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
        WarcReader {
            cur,
            input,
            limits,
            started: false,
            done: false,
            resync_first: false,
            line: Vec::new(),
        }
    }

    fn origin(&self, pos: u64) -> Origin {
        Origin { input: self.input.clone(), offset: Some(self.cur.locate(pos)), line: None }
    }

    /// Turns a read failure into the error to report. A gzip fault is located by its member
    /// and reading resumes at the next record; anything else ends the input.
    fn io_error(&mut self, record: u64, e: io::Error) -> IngestError {
        // An input that failed is not "empty", however little of it could be decoded.
        self.started = true;
        if let Some(f) = GzFault::of(&e) {
            self.resync_first = true;
            let at = Origin { input: self.input.clone(), offset: Some(f.offset), line: None };
            if f.truncated {
                return IngestError::TruncatedGzip { at };
            }
            return IngestError::CorruptGzip { at, detail: f.detail.clone() };
        }
        self.done = true;
        IngestError::Read { at: self.origin(record), source: e }
    }

    fn warc_error(&self, at: Origin, problem: WarcProblem) -> IngestError {
        IngestError::Warc { at, problem }
    }

    /// Skips to the next line starting with `WARC/1.`; returns how many bytes were passed over.
    fn resync(&mut self) -> io::Result<u64> {
        let mut skipped = 0;
        loop {
            self.line.clear();
            let kind = self.cur.read_line(MAX_SCAN_LINE, &mut self.line)?;
            if self.line.starts_with(VERSION_PREFIX) {
                let line = std::mem::take(&mut self.line);
                self.cur.unread(&line);
                self.line = line;
                return Ok(skipped);
            }
            skipped += self.line.len() as u64;
            match kind {
                Line::Eof => return Ok(skipped),
                Line::TooLong => skipped += self.cur.skip_line()?,
                Line::Complete => {}
            }
        }
    }

    /// Reads one record. `Ok(None)` at the end of the input.
    fn record(&mut self) -> Result<Option<Item>, IngestError> {
        if std::mem::take(&mut self.resync_first) {
            let pos = self.cur.pos();
            self.resync().map_err(|e| self.io_error(pos, e))?;
        }
        // Blank lines between records are tolerated.
        loop {
            let pos = self.cur.pos();
            let avail = match self.cur.fill() {
                Ok(a) => a,
                Err(e) => return Err(self.io_error(pos, e)),
            };
            if avail.is_empty() {
                if !self.started {
                    self.done = true;
                    return Err(IngestError::Empty { input: self.input.clone() });
                }
                return Ok(None);
            }
            self.started = true;
            let blank = avail.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
            if blank < avail.len() {
                self.cur.consume(blank);
                break;
            }
            let n = avail.len();
            self.cur.consume(n);
        }
        let start = self.cur.pos();
        self.cur.source().forget_before(start);
        let at = self.origin(start);
        match self.record_at(start, &at) {
            Ok(item) => Ok(Some(item)),
            Err(Damage::Io(e)) => Err(self.io_error(start, e)),
            Err(Damage::Record(err)) => Err(err),
        }
    }

    fn record_at(&mut self, start: u64, at: &Origin) -> Result<Item, Damage> {
        self.line.clear();
        let kind = self.cur.read_line(MAX_SCAN_LINE, &mut self.line)?;
        if !self.line.starts_with(VERSION_PREFIX) || kind != Line::Complete {
            let mut skipped = self.line.len() as u64;
            if kind == Line::TooLong {
                skipped += self.cur.skip_line()?;
            }
            skipped += self.resync()?;
            return Err(self.warc_error(at.clone(), WarcProblem::Garbage { skipped }).into());
        }

        let fields = match self.header_block(start, at)? {
            Ok(f) => f,
            Err(err) => {
                self.resync()?;
                return Err(err.into());
            }
        };
        let Some(len) = fields.content_length.as_deref().and_then(|v| v.trim().parse::<u64>().ok())
        else {
            self.resync()?;
            let value = fields.content_length.clone();
            return Err(self
                .warc_error(at.clone(), WarcProblem::BadContentLength { value })
                .into());
        };

        let kind = fields.kind.as_deref().unwrap_or("").to_ascii_lowercase();
        let skip = match kind.as_str() {
            _ if fields.segmented => Some(SkipReason::WarcOther),
            "response" | "resource" => None,
            "warcinfo" => Some(SkipReason::WarcInfo),
            "request" => Some(SkipReason::WarcRequest),
            "metadata" => Some(SkipReason::WarcMetadata),
            "revisit" => Some(SkipReason::WarcRevisit),
            _ => Some(SkipReason::WarcOther),
        };
        if let Some(reason) = skip {
            return self.pass_over(len, reason, at);
        }
        if kind == "resource" {
            let html = fields.content_type.as_deref().is_some_and(http::is_html_type);
            if !html {
                return self.pass_over(len, SkipReason::NotHtml, at);
            }
            return self.resource(len, fields, at);
        }
        self.response(len, fields, at)
    }

    /// Reads header lines through the blank line; the version line has been read.
    /// The outer result is for read failures, the inner for a bad header.
    fn header_block(&mut self, start: u64, at: &Origin) -> io::Result<Result<Fields, IngestError>> {
        let mut fields = Fields::default();
        let mut last: Option<String> = None;
        loop {
            let used = self.cur.pos() - start;
            let room = self.limits.max_header_bytes.saturating_sub(used);
            self.line.clear();
            match self.cur.read_line(room, &mut self.line)? {
                Line::Complete => {}
                Line::TooLong => {
                    return Ok(Err(IngestError::LimitExceeded {
                        at: at.clone(),
                        what: LimitKind::Header,
                        limit: self.limits.max_header_bytes,
                        size: None,
                    }))
                }
                Line::Eof => {
                    let line = String::from_utf8_lossy(&self.line).into_owned();
                    return Ok(Err(self.warc_error(at.clone(), WarcProblem::BadHeader { line })));
                }
            }
            let line = trim_eol(&self.line);
            if line.is_empty() {
                if let Some(l) = last.take() {
                    set_field(&mut fields, &l);
                }
                return Ok(Ok(fields));
            }
            let text = String::from_utf8_lossy(line);
            if line[0] == b' ' || line[0] == b'\t' {
                // A continuation line (obsolete folding, still allowed by WARC 1.0).
                if let Some(l) = last.as_mut() {
                    l.push(' ');
                    l.push_str(text.trim());
                    continue;
                }
            }
            if !text.contains(':') {
                let line = text.into_owned();
                return Ok(Err(self.warc_error(at.clone(), WarcProblem::BadHeader { line })));
            }
            if let Some(l) = last.replace(text.into_owned()) {
                set_field(&mut fields, &l);
            }
        }
    }

    /// Streams past a block and checks the record terminator.
    fn pass_over(&mut self, len: u64, reason: SkipReason, at: &Origin) -> Result<Item, Damage> {
        let got = self.cur.skip(len)?;
        if got < len {
            return Err(self
                .warc_error(at.clone(), WarcProblem::Truncated { expected: len, got })
                .into());
        }
        if !self.terminator()? {
            self.resync()?;
            return Err(self.warc_error(at.clone(), WarcProblem::MissingTerminator).into());
        }
        Ok(Item::Skipped(reason))
    }

    /// Consumes the blank line(s) ending a record. The standard `\r\n\r\n` is accepted
    /// whatever follows (garbage after it is the next record's problem); other line endings
    /// only when the end of the input or the next record follows. False otherwise: the
    /// `Content-Length` is wrong.
    fn terminator(&mut self) -> io::Result<bool> {
        if self.cur.fill_at_least(4)?.starts_with(b"\r\n\r\n") {
            self.cur.consume(4);
            return Ok(true);
        }
        let avail = self.cur.fill_at_least(4 + VERSION_PREFIX.len())?;
        let eol = avail.iter().take(4).take_while(|&&b| b == b'\r' || b == b'\n').count();
        let rest = &avail[eol..];
        let ok =
            (eol > 0 || rest.is_empty()) && (rest.is_empty() || rest.starts_with(VERSION_PREFIX));
        if ok {
            self.cur.consume(eol);
        }
        Ok(ok)
    }

    /// Reads a whole block into memory (its size already checked against the cap), then the
    /// terminator. On a damaged record, `kept` (bytes of the block read before, e.g. an HTTP
    /// head) and the block are put back and the next record is searched for inside them: a
    /// wrong `Content-Length` may have swallowed it.
    fn block(
        &mut self,
        len: u64,
        at: &Origin,
        kept: &[u8],
        block: &mut Vec<u8>,
    ) -> Result<(), Damage> {
        let got = self.cur.read_into(len, block)?;
        let problem = if got < len {
            WarcProblem::Truncated {
                expected: len + kept.len() as u64,
                got: got + kept.len() as u64,
            }
        } else if !self.terminator()? {
            WarcProblem::MissingTerminator
        } else {
            return Ok(());
        };
        self.cur.unread(block);
        self.cur.unread(kept);
        self.resync()?;
        Err(self.warc_error(at.clone(), problem).into())
    }

    fn too_large(&mut self, len: u64, at: &Origin) -> Result<Item, Damage> {
        self.pass_over(len, SkipReason::NotHtml, at)?;
        Err(IngestError::LimitExceeded {
            at: at.clone(),
            what: LimitKind::Document,
            limit: self.limits.max_document_bytes,
            size: Some(len),
        }
        .into())
    }

    fn resource(&mut self, len: u64, fields: Fields, at: &Origin) -> Result<Item, Damage> {
        if len > self.limits.max_document_bytes {
            return self.too_large(len, at);
        }
        let mut bytes = Vec::with_capacity(len as usize);
        self.block(len, at, &[], &mut bytes)?;
        if bytes.is_empty() {
            return Ok(Item::Skipped(SkipReason::EmptyPayload));
        }
        let content_type = fields.content_type.clone();
        Ok(Item::Document(self.document(bytes, content_type, fields, at)))
    }

    fn response(&mut self, len: u64, fields: Fields, at: &Origin) -> Result<Item, Damage> {
        // The HTTP head decides whether the payload is wanted before any of it is kept.
        let block_start = self.cur.pos();
        let mut head_bytes = Vec::new();
        let mut head = Head::default();
        let cap = self.limits.max_header_bytes.min(len);
        let mut first = true;
        loop {
            let used = head_bytes.len() as u64;
            let before = head_bytes.len();
            let kind = self.cur.read_line(cap - used, &mut head_bytes)?;
            let line = trim_eol(&head_bytes[before..]);
            if first {
                first = false;
                let status = std::str::from_utf8(line).ok().and_then(http::status);
                match status {
                    Some(code) if kind == Line::Complete => head.status = code,
                    _ => {
                        // `dns:` records and other non-HTTP responses.
                        let rest = len - (self.cur.pos() - block_start);
                        return self.pass_over(rest, SkipReason::NotHttp, at);
                    }
                }
                continue;
            }
            match kind {
                Line::Complete if line.is_empty() => break,
                Line::Complete => {
                    let text = String::from_utf8_lossy(line);
                    if let Some((name, value)) = text.split_once(':') {
                        head.header(name.trim(), value.trim());
                    }
                }
                Line::TooLong if cap < len => {
                    let rest = len - (self.cur.pos() - block_start);
                    self.pass_over(rest, SkipReason::NotHtml, at)?;
                    return Err(IngestError::LimitExceeded {
                        at: at.clone(),
                        what: LimitKind::Header,
                        limit: self.limits.max_header_bytes,
                        size: None,
                    }
                    .into());
                }
                // The block ends inside the head: a response with no payload, or a
                // `Content-Length` that cuts the record short (caught by the terminator).
                Line::TooLong | Line::Eof => {
                    let rest = len - (self.cur.pos() - block_start);
                    let got = self.cur.skip(rest)?;
                    if got < rest || !self.terminator()? {
                        self.cur.unread(&head_bytes);
                        self.resync()?;
                        let problem = if got < rest {
                            WarcProblem::Truncated { expected: len, got: head_bytes.len() as u64 }
                        } else {
                            WarcProblem::MissingTerminator
                        };
                        return Err(self.warc_error(at.clone(), problem).into());
                    }
                    return Ok(Item::Skipped(SkipReason::EmptyPayload));
                }
            }
        }
        let rest = len - (self.cur.pos() - block_start);
        let reason = match head.status {
            200..=299 if head.status != 204 => None,
            400..=599 => Some(SkipReason::HttpError),
            _ => Some(SkipReason::HttpRedirect),
        };
        let declared_html = head.content_type.as_deref().map(http::is_html_type);
        let reason = reason.or(match declared_html {
            Some(false) => Some(SkipReason::NotHtml),
            _ => None,
        });
        if let Some(reason) = reason {
            return self.pass_over(rest, reason, at);
        }
        if rest > self.limits.max_document_bytes {
            return self.too_large(rest, at);
        }
        let mut payload = Vec::with_capacity(rest as usize);
        self.block(rest, at, &head_bytes, &mut payload)?;
        self.http_document(payload, head, fields, at)
    }

    fn http_document(
        &mut self,
        payload: Vec<u8>,
        head: Head,
        fields: Fields,
        at: &Origin,
    ) -> Result<Item, Damage> {
        let cap = self.limits.max_document_bytes;
        let bad = |detail: String| IngestError::Http { at: at.clone(), detail };
        let limit = |size: Option<u64>| IngestError::LimitExceeded {
            at: at.clone(),
            what: LimitKind::Document,
            limit: cap,
            size,
        };
        let chunked = head
            .transfer_encoding
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let payload = if chunked {
            match http::dechunk(&payload, cap) {
                Ok(Some(p)) => p,
                Ok(None) => payload,
                Err(DecodeError::Limit) => return Err(limit(None).into()),
                Err(DecodeError::Bad(d)) => return Err(bad(d).into()),
            }
        } else {
            payload
        };
        let payload = match http::decode_content(payload, head.content_encoding.as_deref(), cap) {
            Ok(Decoded::Bytes(p)) => p,
            Ok(Decoded::Unsupported) => return Ok(Item::Skipped(SkipReason::UnsupportedEncoding)),
            Err(DecodeError::Limit) => return Err(limit(None).into()),
            Err(DecodeError::Bad(d)) => return Err(bad(d).into()),
        };
        if payload.is_empty() {
            return Ok(Item::Skipped(SkipReason::EmptyPayload));
        }
        if head.content_type.is_none() && !http::sniff_html(&payload) {
            return Ok(Item::Skipped(SkipReason::NotHtml));
        }
        Ok(Item::Document(self.document(payload, head.content_type, fields, at)))
    }

    fn document(
        &self,
        bytes: Vec<u8>,
        content_type: Option<String>,
        fields: Fields,
        at: &Origin,
    ) -> RawDocument {
        let uri = fields.target_uri.map(|u| {
            // WARC 1.0 examples wrap the URI in angle brackets; some writers copied that.
            let t = u.trim();
            t.strip_prefix('<').and_then(|t| t.strip_suffix('>')).unwrap_or(t).to_string()
        });
        RawDocument {
            origin: at.clone(),
            uri,
            fetched: fields.date,
            content_type,
            hash: content_hash(&bytes),
            bytes,
            hints: Hints::default(),
        }
    }
}

impl Iterator for WarcReader {
    type Item = Result<Item, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.record() {
            Ok(Some(item)) => Some(Ok(item)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// Why a record produced no item: a read failure (handled by [`WarcReader::record`]) or a
/// reportable problem (the reader has already resynchronised).
enum Damage {
    Io(io::Error),
    Record(IngestError),
}

impl From<io::Error> for Damage {
    fn from(e: io::Error) -> Self {
        Damage::Io(e)
    }
}

impl From<IngestError> for Damage {
    fn from(e: IngestError) -> Self {
        Damage::Record(e)
    }
}

fn set_field(fields: &mut Fields, line: &str) {
    if let Some((name, value)) = line.split_once(':') {
        fields.set(name.trim(), value.trim());
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
