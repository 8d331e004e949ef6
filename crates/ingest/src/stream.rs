//! Stream mode input: one record a line, where a line is either a JSONL article (a JSON
//! object, as [`crate::JsonlReader`] reads it) or the path of a WARC archive (`.warc`,
//! `.warc.gz`, optionally `file://`) whose documents are read from disk in place of the line.
//!
//! This is what `annalist code -` reads from a pipe, and what the Spark adapter feeds it: a
//! task writes WARC paths (or article rows) and the coder opens the archives itself, so the
//! article bytes never pass through the JVM or Python. Documents come out in line order, and
//! inside a WARC in record order; every problem names the stream line it came from.
//!
//! Memory is bounded as for the other readers: a line is read up to
//! [`Limits::max_document_bytes`] (a longer one is skipped unkept), a WARC streams record by
//! record.

use crate::{IngestError, Item, JsonlReader, Limits, SkipReason, WarcReader};
use model::{Origin, RawDocument};
use std::collections::BTreeMap;
use std::io::{self, BufRead};

/// A problem with one line of the stream, always naming the stream and line.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// The line is neither a JSON object nor a path ending in `.warc` or `.warc.gz`.
    #[error(
        "{input}:{line}: neither a JSON object nor a path to a .warc or .warc.gz file: {shown:?}"
    )]
    NotARecord { input: String, line: u64, shown: String },
    /// The line names a remote URL; only local (or mounted) paths are read.
    #[error("{input}:{line}: {path}: only local paths are read (mount or copy the archive first)")]
    Remote { input: String, line: u64, path: String },
    /// The WARC file the line names cannot be opened.
    #[error("{input}:{line}: cannot open WARC {path}: {source}")]
    OpenWarc {
        input: String,
        line: u64,
        path: String,
        #[source]
        source: io::Error,
    },
    /// A record of the WARC file the line names is damaged (the error names the file and the
    /// record's offset); reading goes on with its next record.
    #[error("{input}:{line}: {source}")]
    InWarc {
        input: String,
        line: u64,
        #[source]
        source: Box<IngestError>,
    },
    /// The line is a bad JSONL record, too long, or unreadable (the error names the line).
    #[error(transparent)]
    Line(#[from] IngestError),
}

impl StreamError {
    /// The 1-based stream line the problem is on, when there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            StreamError::NotARecord { line, .. }
            | StreamError::Remote { line, .. }
            | StreamError::OpenWarc { line, .. }
            | StreamError::InWarc { line, .. } => Some(*line),
            StreamError::Line(e) => e.origin().and_then(|o| o.line),
        }
    }
}

impl IngestError {
    /// Where the problem is, for the variants that carry an origin.
    pub fn origin(&self) -> Option<&Origin> {
        match self {
            IngestError::Read { at, .. }
            | IngestError::TruncatedGzip { at }
            | IngestError::CorruptGzip { at, .. }
            | IngestError::LimitExceeded { at, .. }
            | IngestError::InvalidUtf8 { at, .. }
            | IngestError::Jsonl { at, .. }
            | IngestError::Warc { at, .. }
            | IngestError::Http { at, .. } => Some(at),
            IngestError::Open { .. }
            | IngestError::Empty { .. }
            | IngestError::Binary { .. }
            | IngestError::Feed { .. } => None,
        }
    }

    fn relocate(&mut self, to: &Origin) {
        match self {
            IngestError::Read { at, .. }
            | IngestError::TruncatedGzip { at }
            | IngestError::CorruptGzip { at, .. }
            | IngestError::LimitExceeded { at, .. }
            | IngestError::InvalidUtf8 { at, .. }
            | IngestError::Jsonl { at, .. }
            | IngestError::Warc { at, .. }
            | IngestError::Http { at, .. } => *at = to.clone(),
            IngestError::Open { input, .. }
            | IngestError::Empty { input }
            | IngestError::Binary { input, .. }
            | IngestError::Feed { input, .. } => *input = to.to_string(),
        }
    }
}

/// What a line of the stream is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// A JSON object: one article.
    Json,
    /// A local WARC path (`file://` removed).
    Warc(String),
    /// A URL with another scheme (`s3://`, `https://`, …).
    Remote,
    /// Blank.
    Blank,
    /// Anything else.
    Other,
}

/// Classifies one line (without its newline).
pub fn classify(line: &[u8]) -> LineKind {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line).trim_ascii();
    if line.is_empty() {
        return LineKind::Blank;
    }
    if line.starts_with(b"{") {
        return LineKind::Json;
    }
    let Ok(text) = std::str::from_utf8(line) else { return LineKind::Other };
    let lower = text.to_ascii_lowercase();
    if !(lower.ends_with(".warc") || lower.ends_with(".warc.gz")) {
        return LineKind::Other;
    }
    if let Some(rest) = text.strip_prefix("file://") {
        return LineKind::Warc(rest.to_string());
    }
    match text.split_once("://") {
        Some((scheme, _))
            if !scheme.is_empty() && scheme.bytes().all(|c| c.is_ascii_alphanumeric()) =>
        {
            LineKind::Remote
        }
        _ => LineKind::Warc(text.to_string()),
    }
}

/// Whether the first bytes of a stream say it is a line stream this reader takes: its first
/// non-blank line is a JSON object or a WARC path. Gzip, WARC bytes, HTML and plain text are
/// left to [`crate::Ingest`].
pub fn is_line_stream(head: &[u8]) -> bool {
    for line in head.split(|&c| c == b'\n') {
        match classify(line) {
            LineKind::Blank => continue,
            LineKind::Json | LineKind::Warc(_) => return true,
            LineKind::Remote | LineKind::Other => return false,
        }
    }
    false
}

/// The documents of a line stream, in order. See the module documentation.
pub struct StreamReader<R> {
    reader: R,
    input: String,
    limits: Limits,
    line_no: u64,
    offset: u64,
    buf: Vec<u8>,
    /// The WARC named by the current line, with that line's number.
    warc: Option<(WarcReader, u64)>,
    done: bool,
    /// Documents yielded.
    pub documents: u64,
    /// WARC records passed over (not HTML responses), by reason.
    pub skipped: BTreeMap<SkipReason, u64>,
}

impl<R> std::fmt::Debug for StreamReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamReader")
            .field("input", &self.input)
            .field("line", &self.line_no)
            .finish()
    }
}

/// How a bounded line read ended.
enum Read {
    Line,
    TooLong(u64),
    Eof,
}

impl<R: BufRead> StreamReader<R> {
    /// Reads lines from `reader`; `input` names the stream in origins and errors (`-`).
    pub fn new(reader: R, input: impl Into<String>, limits: Limits) -> Self {
        StreamReader {
            reader,
            input: input.into(),
            limits,
            line_no: 0,
            offset: 0,
            buf: Vec::new(),
            warc: None,
            done: false,
            documents: 0,
            skipped: BTreeMap::new(),
        }
    }

    /// Reads the next line into `buf` (without the newline), keeping at most the cap.
    fn read_line(&mut self) -> io::Result<Read> {
        self.buf.clear();
        let cap =
            usize::try_from(self.limits.max_document_bytes.saturating_add(1)).unwrap_or(usize::MAX);
        let mut total = 0u64;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, newline) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = cap.saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            total += take as u64;
            let used = take + usize::from(newline);
            self.reader.consume(used);
            self.offset += used as u64;
            if newline {
                break;
            }
        }
        if !any {
            return Ok(Read::Eof);
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        if total > self.limits.max_document_bytes {
            self.buf.clear();
            return Ok(Read::TooLong(total));
        }
        Ok(Read::Line)
    }

    fn origin(&self, start: u64) -> Origin {
        Origin { input: self.input.clone(), offset: Some(start), line: Some(self.line_no) }
    }

    fn next_line(&mut self) -> Option<Result<RawDocument, StreamError>> {
        loop {
            let start = self.offset;
            self.line_no += 1;
            let read = match self.read_line() {
                Ok(r) => r,
                Err(e) => {
                    self.done = true;
                    let at = self.origin(start);
                    return Some(Err(IngestError::Read { at, source: e }.into()));
                }
            };
            match read {
                Read::Eof => {
                    self.done = true;
                    return None;
                }
                Read::TooLong(size) => {
                    return Some(Err(IngestError::LimitExceeded {
                        at: self.origin(start),
                        what: crate::LimitKind::Document,
                        limit: self.limits.max_document_bytes,
                        size: Some(size),
                    }
                    .into()))
                }
                Read::Line => {}
            }
            match classify(&self.buf) {
                LineKind::Blank => continue,
                LineKind::Json => return Some(self.json(start)),
                LineKind::Warc(path) => match std::fs::File::open(&path) {
                    Ok(file) => match WarcReader::new(file, path.clone(), self.limits) {
                        Ok(r) => {
                            self.warc = Some((r, self.line_no));
                            return self.next_in_warc();
                        }
                        Err(e) => {
                            return Some(Err(StreamError::InWarc {
                                input: self.input.clone(),
                                line: self.line_no,
                                source: Box::new(e),
                            }))
                        }
                    },
                    Err(source) => {
                        return Some(Err(StreamError::OpenWarc {
                            input: self.input.clone(),
                            line: self.line_no,
                            path,
                            source,
                        }))
                    }
                },
                LineKind::Remote => {
                    return Some(Err(StreamError::Remote {
                        input: self.input.clone(),
                        line: self.line_no,
                        path: String::from_utf8_lossy(self.buf.trim_ascii()).into_owned(),
                    }))
                }
                LineKind::Other => {
                    let text = String::from_utf8_lossy(&self.buf);
                    let shown: String = text.trim().chars().take(60).collect();
                    return Some(Err(StreamError::NotARecord {
                        input: self.input.clone(),
                        line: self.line_no,
                        shown,
                    }));
                }
            }
        }
    }

    /// One JSON line through the JSONL reader, with the stream's line and offset.
    fn json(&mut self, start: u64) -> Result<RawDocument, StreamError> {
        let at = self.origin(start);
        let line = std::mem::take(&mut self.buf);
        let mut reader = JsonlReader::new(io::Cursor::new(line), self.input.clone(), self.limits)
            .map_err(|mut e| {
            e.relocate(&at);
            StreamError::Line(e)
        })?;
        match reader.next() {
            Some(Ok(Item::Document(mut doc))) => {
                doc.origin = at;
                self.documents += 1;
                Ok(doc)
            }
            Some(Ok(Item::Skipped(_))) | None => {
                Err(IngestError::Jsonl { at, detail: "the line holds no document".into() }.into())
            }
            Some(Err(mut e)) => {
                e.relocate(&at);
                Err(e.into())
            }
        }
    }

    fn next_in_warc(&mut self) -> Option<Result<RawDocument, StreamError>> {
        while let Some((reader, line)) = &mut self.warc {
            match reader.next() {
                Some(Ok(Item::Document(doc))) => {
                    self.documents += 1;
                    return Some(Ok(doc));
                }
                Some(Ok(Item::Skipped(reason))) => {
                    *self.skipped.entry(reason).or_default() += 1;
                }
                Some(Err(source)) => {
                    let line = *line;
                    return Some(Err(StreamError::InWarc {
                        input: self.input.clone(),
                        line,
                        source: Box::new(source),
                    }));
                }
                None => self.warc = None,
            }
        }
        None
    }
}

impl<R: BufRead> Iterator for StreamReader<R> {
    type Item = Result<RawDocument, StreamError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.next_in_warc() {
            return Some(item);
        }
        if self.done {
            return None;
        }
        self.next_line()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>T</title></head><body><p>Police arrested two men in the capital on Monday.</p></body></html>";

    fn warc(records: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (uri, html) in records {
            let http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
                html.len()
            );
            out.extend_from_slice(
                format!(
                    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
                    http.len()
                )
                .as_bytes(),
            );
        }
        out
    }

    fn read(text: &str) -> Vec<Result<RawDocument, StreamError>> {
        StreamReader::new(io::Cursor::new(text.as_bytes().to_vec()), "-", Limits::default())
            .collect()
    }

    #[test]
    fn lines_are_classified() {
        assert_eq!(classify(b"  {\"text\":\"x\"}"), LineKind::Json);
        assert_eq!(classify(b"/data/a.warc.gz"), LineKind::Warc("/data/a.warc.gz".into()));
        assert_eq!(classify(b"file:///data/A.WARC"), LineKind::Warc("/data/A.WARC".into()));
        assert_eq!(classify(b"s3://bucket/a.warc.gz"), LineKind::Remote);
        assert_eq!(classify(b"notes.txt"), LineKind::Other);
        assert_eq!(classify(b" \r"), LineKind::Blank);
        assert!(is_line_stream(b"\n\n/x/y.warc\n"));
        assert!(is_line_stream(b"{\"html\":\"<p>\"}\n"));
        assert!(!is_line_stream(b"WARC/1.0\r\n"));
        assert!(!is_line_stream(b"<html>"));
        assert!(!is_line_stream(b"PARIS (AFP) - text"));
    }

    #[test]
    fn json_and_warc_lines_mix_in_order_with_line_numbers() {
        let dir = std::env::temp_dir().join(format!("ingest-stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.warc");
        std::fs::write(
            &path,
            warc(&[("https://a.example/1", PAGE), ("https://a.example/2", PAGE)]),
        )
        .unwrap();
        let text = format!(
            "{{\"text\":\"one\",\"url\":\"https://j.example/1\"}}\n\n{}\nnot a record\n{{\"text\":3}}\n{}/missing.warc.gz\n{{\"html\":\"<p>two</p>\"}}\n",
            path.display(),
            dir.display()
        );
        let got = read(&text);
        assert_eq!(got.len(), 7, "{got:?}");
        let doc = |i: usize| got[i].as_ref().unwrap();
        assert_eq!(doc(0).origin.line, Some(1));
        assert_eq!(doc(0).origin.offset, Some(0));
        assert_eq!(doc(0).uri.as_deref(), Some("https://j.example/1"));
        assert_eq!(doc(1).uri.as_deref(), Some("https://a.example/1"));
        assert_eq!(doc(1).origin.input, path.display().to_string());
        assert_eq!(doc(2).uri.as_deref(), Some("https://a.example/2"));
        let err = |i: usize| got[i].as_ref().unwrap_err();
        assert_eq!(err(3).line(), Some(4));
        assert!(err(3).to_string().starts_with("-:4: neither"), "{}", err(3));
        assert_eq!(err(4).line(), Some(5));
        assert!(err(4).to_string().starts_with("-:5@"), "{}", err(4));
        assert!(matches!(err(5), StreamError::OpenWarc { line: 6, .. }), "{}", err(5));
        assert_eq!(doc(6).origin.line, Some(7));
        assert_eq!(&doc(6).bytes[..], b"<p>two</p>");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_long_line_is_skipped_unkept_and_reading_goes_on() {
        let limits = Limits { max_document_bytes: 40, ..Limits::default() };
        let long = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n", "x".repeat(100));
        let got: Vec<_> =
            StreamReader::new(io::Cursor::new(long.into_bytes()), "-", limits).collect();
        assert_eq!(got.len(), 2);
        assert!(matches!(got[0], Err(StreamError::Line(IngestError::LimitExceeded { .. }))));
        assert_eq!(got[1].as_ref().unwrap().origin.line, Some(2));
    }

    #[test]
    fn output_is_the_same_for_any_split_of_the_input() {
        struct Trickle(io::Cursor<Vec<u8>>);
        impl io::Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = buf.len().min(3);
                self.0.read(&mut buf[..n])
            }
        }
        let text = "{\"text\":\"a\"}\r\n{\"text\":\"b\"}\n\n{\"text\":\"c\"}";
        let whole: Vec<_> = read(text).into_iter().map(|d| d.unwrap()).collect();
        let split: Vec<_> = StreamReader::new(
            io::BufReader::with_capacity(4, Trickle(io::Cursor::new(text.as_bytes().to_vec()))),
            "-",
            Limits::default(),
        )
        .map(|d| d.unwrap())
        .collect();
        assert_eq!(whole, split);
        assert_eq!(whole.len(), 3);
        assert_eq!(whole[2].origin.line, Some(4));
    }
}
