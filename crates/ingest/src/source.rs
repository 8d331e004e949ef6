//! Byte sources under the format readers: the input as stored (plain, or gzip read member by
//! member so each member's offset in the file is known) and [`Cursor`], the buffered view with
//! push-back that the readers parse from.
//!
//! Nothing here depends on how the underlying reader splits its data into reads: every
//! decision is taken on bytes, never on the size of a read (tested by the chunking tests).

use flate2::bufread::GzDecoder;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

const CHUNK: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A decoded byte stream that can say where a decoded byte came from in the input file.
pub(crate) trait Source: Read + Send {
    /// The input-file offset for decoded position `pos`: `pos` itself for plain input, the
    /// start of the gzip member holding it for gzip input.
    fn locate(&self, pos: u64) -> u64;
    /// Positions before `pos` will not be asked about again (keeps bookkeeping bounded).
    fn forget_before(&mut self, pos: u64);
}

/// A gzip problem, carried inside an `io::Error` from [`GzMembers`] to the readers.
#[derive(Debug)]
pub(crate) struct GzFault {
    /// Offset in the input file of the member (or stray bytes) concerned.
    pub offset: u64,
    pub truncated: bool,
    pub detail: String,
}

impl std::fmt::Display for GzFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "gzip data at byte {}: {}", self.offset, self.detail)
    }
}

impl std::error::Error for GzFault {}

impl GzFault {
    pub(crate) fn of(err: &io::Error) -> Option<&GzFault> {
        err.get_ref().and_then(|e| e.downcast_ref::<GzFault>())
    }
}

/// A buffered reader that counts the bytes consumed from it and can peek a few bytes ahead.
pub(crate) struct Tracked<R> {
    inner: R,
    buf: Vec<u8>,
    lo: usize,
    hi: usize,
    pos: u64,
    failed: bool,
    /// Refill the whole buffer (until the input ends) rather than taking what one read gives.
    /// Set under a gzip decoder: how much output it yields before meeting corrupt data depends
    /// on how much input it was shown, so it must be shown the same whatever the read sizes.
    fill_fully: bool,
}

impl<R: Read> Tracked<R> {
    pub(crate) fn new(inner: R) -> Self {
        Tracked {
            inner,
            buf: vec![0; CHUNK],
            lo: 0,
            hi: 0,
            pos: 0,
            failed: false,
            fill_fully: false,
        }
    }

    /// Makes at least `n` (≤ CHUNK) bytes available unless the input ends first.
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        debug_assert!(n <= CHUNK);
        if self.hi - self.lo < n {
            if self.lo > 0 {
                self.buf.copy_within(self.lo..self.hi, 0);
                self.hi -= self.lo;
                self.lo = 0;
            }
            let want = if self.fill_fully { CHUNK } else { n };
            while self.hi < want && !self.failed {
                match self.inner.read(&mut self.buf[self.hi..]) {
                    Ok(0) => break,
                    Ok(k) => self.hi += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        // A failing reader is not asked again: the error is reported once.
                        self.failed = true;
                        return Err(e);
                    }
                }
            }
        }
        Ok(&self.buf[self.lo..self.hi])
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.lo == self.hi && out.len() >= CHUNK && !self.failed && !self.fill_fully {
            // Large reads bypass the buffer: one copy fewer for big payloads.
            let n = self.inner.read(out).inspect_err(|_| self.failed = true)?;
            self.pos += n as u64;
            return Ok(n);
        }
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.lo == self.hi {
            self.lo = 0;
            self.hi = 0;
            return self.peek(1);
        }
        Ok(&self.buf[self.lo..self.hi])
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.hi - self.lo);
        self.lo += n;
        self.pos += n as u64;
    }
}

/// Uncompressed input.
struct Plain<R> {
    inner: Tracked<R>,
}

impl<R: Read + Send> Read for Plain<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        self.inner.read(out)
    }
}

impl<R: Read + Send> Source for Plain<R> {
    fn locate(&self, pos: u64) -> u64 {
        pos
    }
    fn forget_before(&mut self, _pos: u64) {}
}

enum GzState<R> {
    /// Between members, or after an error (then the next member is searched for).
    Idle(Tracked<R>),
    Member(Box<GzDecoder<Tracked<R>>>),
    Done,
}

/// Gzip input read one member at a time (a `.warc.gz` has one member per record), keeping
/// each member's decoded start and file offset. After a corrupt or truncated member the next
/// read resumes at the next gzip header found in the file, so one bad record does not end a
/// WARC.
struct GzMembers<R> {
    state: GzState<R>,
    out: u64,
    /// (decoded start, file offset) of the members not yet forgotten.
    members: VecDeque<(u64, u64)>,
    after_error: bool,
}

impl<R: Read + Send> GzMembers<R> {
    fn fault(offset: u64, truncated: bool, detail: String) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, GzFault { offset, truncated, detail })
    }

    /// Reads the next member header position; returns the reader positioned at a gzip magic,
    /// or `None` at the end. Bytes that are not gzip are reported once (unless they follow an
    /// error already reported, or are zero padding at the end of the file).
    fn seek_member(&mut self, mut t: Tracked<R>) -> io::Result<Option<Tracked<R>>> {
        let start = t.pos;
        let mut all_zero = true;
        loop {
            let avail = t.peek(GZIP_MAGIC.len())?;
            if avail.is_empty() {
                let silent = self.after_error || all_zero;
                if silent || start == t.pos {
                    return Ok(None);
                }
                let skipped = t.pos - start;
                return Err(Self::fault(
                    start,
                    false,
                    format!("{skipped} trailing bytes are not gzip data"),
                ));
            }
            if avail.starts_with(&GZIP_MAGIC) {
                if t.pos > start && !self.after_error && !all_zero {
                    let skipped = t.pos - start;
                    self.state = GzState::Idle(t);
                    return Err(Self::fault(
                        start,
                        false,
                        format!("{skipped} bytes between gzip members are not gzip data"),
                    ));
                }
                return Ok(Some(t));
            }
            if avail.len() < GZIP_MAGIC.len() {
                // Fewer bytes than a header remain and they are not one.
                all_zero &= avail.iter().all(|&b| b == 0);
                let n = avail.len();
                t.consume(n);
                continue;
            }
            // Skip to the next possible magic start.
            let skip = memchr::memchr(GZIP_MAGIC[0], &avail[1..]).map_or(avail.len(), |i| i + 1);
            all_zero &= avail[..skip].iter().all(|&b| b == 0);
            t.consume(skip);
        }
    }
}

impl<R: Read + Send> Read for GzMembers<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, GzState::Done) {
                GzState::Done => return Ok(0),
                GzState::Idle(t) => match self.seek_member(t) {
                    Ok(None) => return Ok(0),
                    Ok(Some(t)) => {
                        self.members.push_back((self.out, t.pos));
                        self.after_error = false;
                        self.state = GzState::Member(Box::new(GzDecoder::new(t)));
                    }
                    Err(e) => {
                        // `seek_member` leaves `Idle` in place when it can go on.
                        if GzFault::of(&e).is_some() {
                            self.after_error = true;
                        }
                        return Err(e);
                    }
                },
                GzState::Member(mut dec) => match dec.read(out) {
                    Ok(0) => self.state = GzState::Idle(dec.into_inner()),
                    Ok(n) => {
                        self.out += n as u64;
                        self.state = GzState::Member(dec);
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                        self.state = GzState::Member(dec);
                    }
                    Err(e) => {
                        let offset = self.members.back().map_or(0, |m| m.1);
                        let t = dec.into_inner();
                        if t.failed {
                            // The file itself could not be read: nothing to resume.
                            return Err(e);
                        }
                        self.state = GzState::Idle(t);
                        self.after_error = true;
                        let truncated = e.kind() == io::ErrorKind::UnexpectedEof;
                        let detail = if truncated {
                            "input ends inside the member".into()
                        } else {
                            e.to_string()
                        };
                        return Err(Self::fault(offset, truncated, detail));
                    }
                },
            }
        }
    }
}

impl<R: Read + Send> Source for GzMembers<R> {
    fn locate(&self, pos: u64) -> u64 {
        let i = self.members.partition_point(|m| m.0 <= pos);
        match i.checked_sub(1).and_then(|i| self.members.get(i)) {
            Some(&(_, file)) => file,
            None => 0,
        }
    }

    fn forget_before(&mut self, pos: u64) {
        while self.members.len() > 1 && self.members[1].0 <= pos {
            self.members.pop_front();
        }
    }
}

/// Opens `reader` as a [`Source`], decompressing when it starts with a gzip header.
pub(crate) fn open<R: Read + Send + 'static>(reader: R) -> io::Result<Box<dyn Source>> {
    let mut t = Tracked::new(reader);
    let gz = t.peek(GZIP_MAGIC.len())?.starts_with(&GZIP_MAGIC);
    if gz {
        t.fill_fully = true;
        t.peek(CHUNK)?;
    }
    Ok(if gz {
        Box::new(GzMembers {
            state: GzState::Idle(t),
            out: 0,
            members: VecDeque::new(),
            after_error: false,
        })
    } else {
        Box::new(Plain { inner: t })
    })
}

/// How [`Cursor::read_line`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// A whole line, its `\n` included.
    Complete,
    /// The input ended; the output holds what there was (possibly nothing).
    Eof,
    /// No `\n` within `max` bytes; exactly `max` bytes were consumed.
    TooLong,
}

/// A buffered view of a [`Source`] with push-back, tracking the decoded position.
pub(crate) struct Cursor {
    src: Box<dyn Source>,
    buf: Vec<u8>,
    lo: usize,
    hi: usize,
    /// Decoded position of `buf[lo]`.
    pos: u64,
    eof: bool,
}

impl Cursor {
    pub(crate) fn new(src: Box<dyn Source>) -> Self {
        Cursor { src, buf: Vec::new(), lo: 0, hi: 0, pos: 0, eof: false }
    }

    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    pub(crate) fn source(&mut self) -> &mut dyn Source {
        &mut *self.src
    }

    pub(crate) fn locate(&self, pos: u64) -> u64 {
        self.src.locate(pos)
    }

    /// The buffered bytes, reading more when none are buffered; empty only at the end.
    pub(crate) fn fill(&mut self) -> io::Result<&[u8]> {
        if self.lo == self.hi {
            self.read_more(1)?;
        }
        Ok(&self.buf[self.lo..self.hi])
    }

    /// At least `n` buffered bytes unless the input ends first.
    pub(crate) fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.hi - self.lo < n {
            self.read_more(n)?;
        }
        Ok(&self.buf[self.lo..self.hi])
    }

    fn read_more(&mut self, want: usize) -> io::Result<()> {
        if self.lo > 0 {
            self.buf.copy_within(self.lo..self.hi, 0);
            self.hi -= self.lo;
            self.lo = 0;
        }
        let need = want.max(CHUNK);
        if self.buf.len() < need {
            self.buf.resize(need, 0);
        }
        while self.hi < want && !self.eof {
            match self.src.read(&mut self.buf[self.hi..]) {
                Ok(0) => self.eof = true,
                Ok(k) => self.hi += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    pub(crate) fn consume(&mut self, n: usize) {
        let n = n.min(self.hi - self.lo);
        self.lo += n;
        self.pos += n as u64;
    }

    /// Puts `bytes` back in front of the stream (they were the last ones consumed).
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if self.lo >= bytes.len() {
            self.lo -= bytes.len();
            self.buf[self.lo..self.lo + bytes.len()].copy_from_slice(bytes);
        } else {
            let mut buf = Vec::with_capacity(bytes.len() + (self.hi - self.lo) + CHUNK);
            buf.extend_from_slice(bytes);
            buf.extend_from_slice(&self.buf[self.lo..self.hi]);
            self.hi = buf.len();
            self.lo = 0;
            self.buf = buf;
        }
        self.pos -= bytes.len() as u64;
    }

    /// Appends one line (through its `\n`) to `out`, consuming at most `max` bytes.
    pub(crate) fn read_line(&mut self, max: u64, out: &mut Vec<u8>) -> io::Result<Line> {
        let mut taken: u64 = 0;
        loop {
            if taken >= max {
                return Ok(Line::TooLong);
            }
            let room = (max - taken).min(usize::MAX as u64) as usize;
            let avail = self.fill()?;
            if avail.is_empty() {
                return Ok(Line::Eof);
            }
            let window = &avail[..avail.len().min(room)];
            match memchr::memchr(b'\n', window) {
                Some(i) => {
                    out.extend_from_slice(&window[..=i]);
                    self.consume(i + 1);
                    return Ok(Line::Complete);
                }
                None => {
                    let n = window.len();
                    out.extend_from_slice(window);
                    self.consume(n);
                    taken += n as u64;
                }
            }
        }
    }

    /// Consumes through the next `\n` (or the end) without keeping the bytes; returns how many.
    pub(crate) fn skip_line(&mut self) -> io::Result<u64> {
        let mut skipped = 0;
        loop {
            let avail = self.fill()?;
            if avail.is_empty() {
                return Ok(skipped);
            }
            match memchr::memchr(b'\n', avail) {
                Some(i) => {
                    self.consume(i + 1);
                    return Ok(skipped + i as u64 + 1);
                }
                None => {
                    let n = avail.len();
                    self.consume(n);
                    skipped += n as u64;
                }
            }
        }
    }

    /// Appends up to `n` bytes to `out`; returns how many (fewer only at the end).
    pub(crate) fn read_into(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        let mut got = 0;
        while got < n {
            if self.lo == self.hi && n - got >= CHUNK as u64 && !self.eof {
                // Nothing buffered and much to read: straight from the source into `out`.
                let before = out.len();
                let result = (&mut self.src).take(n - got).read_to_end(out);
                let k = (out.len() - before) as u64;
                got += k;
                self.pos += k;
                result?;
                if got < n {
                    self.eof = true;
                }
                break;
            }
            let avail = self.fill()?;
            if avail.is_empty() {
                break;
            }
            let k = avail.len().min((n - got).min(usize::MAX as u64) as usize);
            out.extend_from_slice(&avail[..k]);
            self.consume(k);
            got += k as u64;
        }
        Ok(got)
    }

    /// Consumes up to `n` bytes without keeping them; returns how many (fewer only at the end).
    pub(crate) fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut got = 0;
        while got < n {
            let avail = self.fill()?;
            if avail.is_empty() {
                break;
            }
            let k = avail.len().min((n - got).min(usize::MAX as u64) as usize);
            self.consume(k);
            got += k as u64;
        }
        Ok(got)
    }
}
