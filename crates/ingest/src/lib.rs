//! Reading what users have — files, directories, stdin, JSONL dumps, WARC archives — into
//! [`RawDocument`]s, as a stream.
//!
//! [`Ingest`] walks the inputs and yields `Result<RawDocument, IngestError>` one document at a
//! time, keeping [`Counters`] (inputs, documents, skipped records by [`SkipReason`], errors).
//! Nothing is held beyond one document: a 10 GB WARC streams through in bounded memory.
//!
//! | input | documents | notes |
//! |---|---|---|
//! | `.html` `.htm` `.xhtml` | one per file, bytes untouched | charset is the extract crate's job |
//! | `.txt` | one per file, `hints.plain_text` | |
//! | `.jsonl` `.ndjson` | one per line with `html` or `text` | `url`, `title`, `date`, `outlet` become hints; `origin.line` is set |
//! | `.warc` `.warc.gz` | one per `response` (or `resource`) record holding HTML | other records skipped by reason |
//! | `.gz` of any of these, `-` (stdin), unknown names | | format sniffed from the bytes |
//! | a line stream ([`StreamReader`]) | one per JSON line; a line naming a `.warc`/`.warc.gz` file gives that file's documents | `annalist code -` and the Spark adapter; errors name the stream line |
//!
//! [`shard`] splits a manifest of inputs over array-job tasks with one atomically written
//! output per input (`annalist ingest --manifest --shard i/n --out DIR`).
//!
//! Bad input never panics and never stops the batch: each problem is an [`IngestError`] naming
//! the input and the record's byte offset or line, and reading goes on with the next record
//! (WARC resynchronises on the next `WARC/1.` line; gzip on the next member) or the next input.
//! Sizes are capped by [`Limits`].
//!
//! Offsets ([`model::Origin::offset`]): for a gzip-compressed WARC, the file offset of the gzip
//! member holding the record (what CDX indexes store, so `dd`/`warcio` can find it); for plain
//! WARC, the record's offset in the file; for JSONL, the line's offset in the decoded stream.
//!
//! Content hash: SHA-256 of the document's bytes as lower-case hex ([`content_hash`]). The
//! `sha2` crate (RustCrypto) is used because it is well kept, pure Rust, uses the CPU's SHA
//! instructions where present (over 1 GB/s here, far above parsing speed), and is the hash the
//! extract crate uses for `Article::text_hash`: one digest family across the project.

#![forbid(unsafe_code)]

mod error;
mod format;
mod http;
mod jsonl;
pub mod shard;
mod source;
mod stream;
mod walk;
mod warc;

pub use error::{IngestError, LimitKind, SkipReason, WarcProblem};
pub use format::{looks_binary, looks_like_feed, Format};
pub use jsonl::JsonlReader;
pub use stream::{classify, is_line_stream, LineKind, StreamError, StreamReader};
pub use warc::WarcReader;

use model::{ContentHash, Hints, Origin, RawDocument};
use sha2::{Digest, Sha256};
use source::{Cursor, GzFault};
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use walk::{Found, Walker};

/// Size caps that keep memory bounded whatever the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document accepted, in bytes: a file, a WARC payload (before and after
    /// decoding), a JSONL line. Larger ones give [`IngestError::LimitExceeded`] and are
    /// skipped without being held in memory.
    pub max_document_bytes: u64,
    /// Largest WARC or HTTP header block.
    pub max_header_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_document_bytes: 64 << 20, max_header_bytes: 64 << 10 }
    }
}

/// What one step of a format reader produced.
// Items are handed on one at a time, never stored in bulk: boxing the document would cost an
// allocation per document for no memory saved.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Document(RawDocument),
    Skipped(SkipReason),
}

/// SHA-256 of `bytes` as 64 lower-case hex digits: a document's identity.
pub fn content_hash(bytes: &[u8]) -> ContentHash {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    ContentHash(hex)
}

/// Running totals of an ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counters {
    /// Inputs opened (files and stdin; not directories).
    pub inputs: u64,
    /// Documents yielded.
    pub documents: u64,
    /// Records and files passed over, by reason.
    pub skipped: BTreeMap<SkipReason, u64>,
    /// Errors yielded.
    pub errors: u64,
}

impl Counters {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// How to read the inputs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Read every input as this format instead of going by name and content.
    pub format: Option<Format>,
}

enum Reader {
    Warc(WarcReader),
    Jsonl(JsonlReader),
    Single(Option<Result<Item, IngestError>>),
}

impl Iterator for Reader {
    type Item = Result<Item, IngestError>;
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Reader::Warc(r) => r.next(),
            Reader::Jsonl(r) => r.next(),
            Reader::Single(r) => r.take(),
        }
    }
}

/// A reader that adds what it reads to a shared count (for progress reporting).
struct Counted<R> {
    inner: R,
    bytes: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The documents of a list of inputs, one at a time. See the crate documentation.
pub struct Ingest {
    walker: Walker,
    current: Option<Reader>,
    current_input: Option<String>,
    opts: Options,
    counters: Counters,
    bytes: Arc<AtomicU64>,
}

impl std::fmt::Debug for Ingest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ingest")
            .field("current_input", &self.current_input)
            .field("counters", &self.counters)
            .finish()
    }
}

impl Ingest {
    /// Ingests `inputs`: file paths, directory paths, `-` for stdin.
    pub fn new(inputs: impl IntoIterator<Item = impl Into<String>>, opts: Options) -> Self {
        Ingest {
            walker: Walker::new(inputs.into_iter().map(Into::into)),
            current: None,
            current_input: None,
            opts,
            counters: Counters::default(),
            bytes: Arc::new(AtomicU64::new(0)),
        }
    }

    pub fn counters(&self) -> &Counters {
        &self.counters
    }

    /// Bytes read from the inputs so far, as stored (compressed bytes for gzip inputs).
    pub fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The input being read.
    pub fn current_input(&self) -> Option<&str> {
        self.current_input.as_deref()
    }

    fn next_reader(&mut self) -> Option<Result<Reader, IngestError>> {
        loop {
            let found = self.walker.next()?;
            let (input, format, opened) = match found {
                Found::Unsupported => {
                    *self.counters.skipped.entry(SkipReason::UnsupportedFile).or_default() += 1;
                    continue;
                }
                Found::Error(e) => return Some(Err(e)),
                Found::Stdin => {
                    let stdin = Counted { inner: io::stdin(), bytes: self.bytes.clone() };
                    ("-".to_string(), None, Ok(Box::new(stdin) as Box<dyn Read + Send>))
                }
                Found::File { path, input, format } => {
                    let opened = open_file(&path, &input, &self.bytes);
                    // A single-document file known to be too big is refused unread.
                    let single =
                        matches!(self.opts.format.or(format), Some(Format::Html | Format::Text));
                    let plain = !path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
                    let cap = self.opts.limits.max_document_bytes;
                    match std::fs::metadata(&path).map(|m| m.len()) {
                        Ok(size) if single && plain && size > cap && opened.is_ok() => {
                            self.counters.inputs += 1;
                            return Some(Err(IngestError::LimitExceeded {
                                at: Origin { input, offset: None, line: None },
                                what: LimitKind::Document,
                                limit: cap,
                                size: Some(size),
                            }));
                        }
                        _ => {}
                    }
                    (input, format, opened)
                }
            };
            self.counters.inputs += 1;
            self.current_input = Some(input.clone());
            let reader = match opened {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            };
            let format = self.opts.format.or(format);
            return Some(open_reader(reader, input, format, self.opts.limits));
        }
    }
}

fn open_file(
    path: &Path,
    input: &str,
    bytes: &Arc<AtomicU64>,
) -> Result<Box<dyn Read + Send>, IngestError> {
    let file = std::fs::File::open(path)
        .map_err(|source| IngestError::Open { input: input.to_string(), source })?;
    Ok(Box::new(Counted { inner: file, bytes: bytes.clone() }))
}

/// Chooses the reader for one opened input.
fn open_reader(
    reader: Box<dyn Read + Send>,
    input: String,
    format: Option<Format>,
    limits: Limits,
) -> Result<Reader, IngestError> {
    let src = source::open(reader).map_err(|e| read_error(&input, 0, None, e))?;
    let mut cur = Cursor::new(src);
    if format == Some(Format::Warc) {
        // The WARC reader copes with damage from the first byte on (a corrupt first gzip
        // member, garbage) and reports an empty input itself.
        return Ok(Reader::Warc(WarcReader::from_cursor(cur, input, limits)));
    }
    let head = cur.fill_at_least(4096).map_err(|e| read_error(&input, 0, None, e))?;
    if head.is_empty() {
        return Err(IngestError::Empty { input });
    }
    if let Some(what) = looks_binary(head) {
        return Err(IngestError::Binary { input, what });
    }
    let format = format.or_else(|| Format::sniff(head)).unwrap_or(Format::Text);
    if format == Format::Html {
        if let Some(what) = looks_like_feed(head) {
            return Err(IngestError::Feed { input, what });
        }
    }
    Ok(match format {
        Format::Warc => Reader::Warc(WarcReader::from_cursor(cur, input, limits)),
        Format::Jsonl => Reader::Jsonl(JsonlReader::from_cursor(cur, input, limits)),
        Format::Html | Format::Text => {
            Reader::Single(Some(single(cur, input, format == Format::Text, limits)))
        }
    })
}

/// A whole input as one document.
fn single(
    mut cur: Cursor,
    input: String,
    plain_text: bool,
    limits: Limits,
) -> Result<Item, IngestError> {
    let mut bytes = Vec::new();
    let cap = limits.max_document_bytes;
    let got = cur
        .read_into(cap.saturating_add(1), &mut bytes)
        .map_err(|e| read_error(&input, 0, None, e))?;
    if got > cap {
        return Err(IngestError::LimitExceeded {
            at: Origin { input, offset: None, line: None },
            what: LimitKind::Document,
            limit: cap,
            size: None,
        });
    }
    Ok(Item::Document(RawDocument {
        origin: Origin { input, offset: None, line: None },
        uri: None,
        fetched: None,
        content_type: None,
        hash: content_hash(&bytes),
        bytes,
        hints: Hints { plain_text, ..Hints::default() },
    }))
}

/// The error for a failed read at decoded position `offset` (gzip faults carry their own).
/// Opens `reader` (undoing gzip) as a push-back cursor; errors name `input` at offset 0.
pub(crate) fn open_cursor<R: Read + Send + 'static>(
    reader: R,
    input: &str,
) -> Result<Cursor, IngestError> {
    let src = source::open(reader).map_err(|e| read_error(input, 0, None, e))?;
    Ok(Cursor::new(src))
}

pub(crate) fn read_error(input: &str, offset: u64, line: Option<u64>, e: io::Error) -> IngestError {
    if let Some(f) = GzFault::of(&e) {
        let at = Origin { input: input.to_string(), offset: Some(f.offset), line };
        if f.truncated {
            return IngestError::TruncatedGzip { at };
        }
        return IngestError::CorruptGzip { at, detail: f.detail.clone() };
    }
    IngestError::Read {
        at: Origin { input: input.to_string(), offset: Some(offset), line },
        source: e,
    }
}

impl Iterator for Ingest {
    type Item = Result<RawDocument, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(reader) = &mut self.current {
                match reader.next() {
                    Some(Ok(Item::Document(doc))) => {
                        self.counters.documents += 1;
                        return Some(Ok(doc));
                    }
                    Some(Ok(Item::Skipped(reason))) => {
                        *self.counters.skipped.entry(reason).or_default() += 1;
                    }
                    Some(Err(e)) => {
                        self.counters.errors += 1;
                        return Some(Err(e));
                    }
                    None => self.current = None,
                }
                continue;
            }
            match self.next_reader()? {
                Ok(reader) => self.current = Some(reader),
                Err(e) => {
                    self.counters.errors += 1;
                    return Some(Err(e));
                }
            }
        }
    }
}

/// Total size in bytes of the files `inputs` name (walking directories as [`Ingest`] does),
/// for a progress bar; `None` when stdin is among them.
pub fn total_size(inputs: &[String]) -> Option<u64> {
    let mut total = 0;
    for found in Walker::new(inputs.iter().cloned()) {
        match found {
            Found::Stdin => return None,
            Found::File { path, .. } => {
                total += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            }
            Found::Unsupported | Found::Error(_) => {}
        }
    }
    Some(total)
}
