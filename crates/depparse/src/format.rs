//! Our compact, versioned binary model format and its typed load errors.
//!
//! Layout (little-endian): magic `ANLMODEL` (8 bytes), format version `u16`, model kind
//! `u16`, payload length `u64`, checksum of the payload `u64`, then the payload. The checksum
//! is [`checksum`] (four interleaved multiply–rotate lanes over 8-byte words, fast enough not
//! to count in the load time) since format version 2; version 1 files (FNV-1a 64, byte by
//! byte) still load.
//! The payload is a sequence of primitive fields written by [`Writer`] and read back by
//! [`Reader`], which checks every length against what remains, so a truncated or corrupt file
//! is a [`ModelError`], never a panic or an unbounded allocation.

use std::path::PathBuf;

pub const MAGIC: &[u8; 8] = b"ANLMODEL";
/// Bumped whenever any model's payload layout (or the checksum) changes.
pub const VERSION: u16 = 2;
/// The oldest version still read (same payloads, FNV-1a checksum).
const OLDEST: u16 = 1;
const HEADER: usize = 8 + 2 + 2 + 8 + 8;

/// Which model a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Tagger = 1,
    Lemmatizer = 2,
    Parser = 3,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Tagger => "tagger",
            Kind::Lemmatizer => "lemmatizer",
            Kind::Parser => "parser",
        }
    }
}

/// Why a model could not be loaded. `what` names the file (or "embedded bytes").
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}: cannot read model file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{what}: not an annalist model file (bad magic)")]
    BadMagic { what: String },
    #[error("{what}: model format version {found}; this build reads version {expected} (retrain with `annalist train`)")]
    Version { what: String, found: u16, expected: u16 },
    #[error("{what}: holds a {found} model, expected a {expected} model")]
    WrongKind { what: String, found: String, expected: &'static str },
    #[error("{what}: truncated at byte {offset} (needed {needed} more bytes)")]
    Truncated { what: String, offset: usize, needed: usize },
    #[error("{what}: checksum mismatch, the file is corrupt")]
    Checksum { what: String },
    #[error("{what}: corrupt at byte {offset}: {detail}")]
    Corrupt { what: String, offset: usize, detail: String },
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The payload checksum of format version 2: four independent lanes over little-endian
/// 8-byte words (so the multiplications overlap), the tail bytes and the length folded in.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut lanes = [
        0x243f_6a88_85a3_08d3u64,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    ];
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        for (j, lane) in lanes.iter_mut().enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&c[8 * j..8 * j + 8]);
            *lane = (*lane ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
        }
    }
    let mut h = fnv(chunks.remainder()) ^ bytes.len() as u64;
    for lane in lanes {
        h = (h ^ lane).wrapping_mul(K).rotate_left(31);
    }
    crate::hash::finish(h)
}

/// Builds a payload; [`Writer::finish`] prepends the header.
#[derive(Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.buf.extend_from_slice(v);
    }
    pub fn u16s(&mut self, v: &[u16]) {
        self.len(v.len());
        for &x in v {
            self.u16(x);
        }
    }
    pub fn i16s(&mut self, v: &[i16]) {
        self.len(v.len());
        for &x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &x in v {
            self.u32(x);
        }
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        for &x in v {
            self.u64(x);
        }
    }
    /// The complete file: header + payload.
    pub fn finish(self, kind: Kind) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.buf.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(kind as u16).to_le_bytes());
        out.extend_from_slice(&(self.buf.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&self.buf).to_le_bytes());
        out.extend_from_slice(&self.buf);
        out
    }
}

/// Reads a payload written by [`Writer`], bounds-checking every field.
#[derive(Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
    what: String,
}

impl<'a> Reader<'a> {
    /// Checks the header of `file` and returns a reader over its payload.
    pub fn open(file: &'a [u8], kind: Kind, what: &str) -> Result<Reader<'a>, ModelError> {
        let what = what.to_string();
        if file.len() < 8 || &file[..8] != MAGIC {
            return Err(ModelError::BadMagic { what });
        }
        if file.len() < HEADER {
            return Err(ModelError::Truncated {
                what,
                offset: file.len(),
                needed: HEADER - file.len(),
            });
        }
        let version = u16::from_le_bytes([file[8], file[9]]);
        if !(OLDEST..=VERSION).contains(&version) {
            return Err(ModelError::Version { what, found: version, expected: VERSION });
        }
        let k = u16::from_le_bytes([file[10], file[11]]);
        if k != kind as u16 {
            let found = match k {
                1 => "tagger".to_string(),
                2 => "lemmatizer".to_string(),
                3 => "parser".to_string(),
                other => format!("unknown ({other})"),
            };
            return Err(ModelError::WrongKind { what, found, expected: kind.name() });
        }
        let mut len8 = [0u8; 8];
        len8.copy_from_slice(&file[12..20]);
        let len = u64::from_le_bytes(len8);
        let mut sum8 = [0u8; 8];
        sum8.copy_from_slice(&file[20..28]);
        let sum = u64::from_le_bytes(sum8);
        let payload = &file[HEADER..];
        if (payload.len() as u64) < len {
            return Err(ModelError::Truncated {
                what,
                offset: file.len(),
                needed: (len - payload.len() as u64) as usize,
            });
        }
        if (payload.len() as u64) > len {
            return Err(ModelError::Corrupt {
                what,
                offset: HEADER + len as usize,
                detail: "trailing bytes after the payload".into(),
            });
        }
        let computed = if version == 1 { fnv(payload) } else { checksum(payload) };
        if computed != sum {
            return Err(ModelError::Checksum { what });
        }
        Ok(Reader { buf: payload, pos: 0, base: HEADER, what })
    }

    pub fn corrupt(&self, detail: impl Into<String>) -> ModelError {
        ModelError::Corrupt {
            what: self.what.clone(),
            offset: self.base + self.pos,
            detail: detail.into(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let rest = self.buf.len() - self.pos;
        if n > rest {
            return Err(ModelError::Truncated {
                what: self.what.clone(),
                offset: self.base + self.pos,
                needed: n - rest,
            });
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// A count of items of `item_size` bytes each, checked against the bytes left.
    pub fn len(&mut self, item_size: usize) -> Result<usize, ModelError> {
        let n = self.u64()?;
        let rest = (self.buf.len() - self.pos) as u64;
        if n.saturating_mul(item_size.max(1) as u64) > rest {
            return Err(self.corrupt(format!("length {n} exceeds the {rest} bytes left")));
        }
        Ok(n as usize)
    }
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.corrupt("string is not UTF-8"))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.len(8)?;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn bytes(&mut self) -> Result<Vec<u8>, ModelError> {
        let n = self.len(1)?;
        Ok(self.take(n)?.to_vec())
    }
    pub fn u16s(&mut self) -> Result<Vec<u16>, ModelError> {
        let n = self.len(2)?;
        let b = self.take(n * 2)?;
        Ok(b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect())
    }
    pub fn i16s(&mut self) -> Result<Vec<i16>, ModelError> {
        let n = self.len(2)?;
        let b = self.take(n * 2)?;
        Ok(b.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect())
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>, ModelError> {
        let n = self.len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>, ModelError> {
        let n = self.len(8)?;
        let b = self.take(n * 8)?;
        Ok(b.chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            })
            .collect())
    }
    /// Whether the whole payload was consumed (for optional trailing fields).
    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
    /// Fails unless the whole payload was consumed.
    pub fn end(&self) -> Result<(), ModelError> {
        if self.pos != self.buf.len() {
            return Err(self.corrupt("unread bytes at the end of the payload"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(7);
        w.str("héllo");
        w.i16s(&[-3, 4]);
        w.u64s(&[1, u64::MAX]);
        w.finish(Kind::Tagger)
    }

    #[test]
    fn round_trips() {
        let f = sample();
        let mut r = Reader::open(&f, Kind::Tagger, "t").unwrap();
        assert_eq!(r.u32().unwrap(), 7);
        assert_eq!(r.str().unwrap(), "héllo");
        assert_eq!(r.i16s().unwrap(), [-3, 4]);
        assert_eq!(r.u64s().unwrap(), [1, u64::MAX]);
        r.end().unwrap();
    }

    #[test]
    fn version_1_files_with_their_fnv_checksum_still_load() {
        let mut f = sample();
        let payload = f[HEADER..].to_vec();
        f[8..10].copy_from_slice(&1u16.to_le_bytes());
        assert!(matches!(Reader::open(&f, Kind::Tagger, "t"), Err(ModelError::Checksum { .. })));
        f[20..28].copy_from_slice(&fnv(&payload).to_le_bytes());
        let mut r = Reader::open(&f, Kind::Tagger, "t").unwrap();
        assert_eq!(r.u32().unwrap(), 7);
        assert_ne!(checksum(&payload), fnv(&payload));
        assert_ne!(checksum(b"ab"), checksum(b"ba"));
        assert_ne!(checksum(&[0; 40]), checksum(&[0; 41]));
    }

    #[test]
    fn every_truncation_and_bit_flip_is_a_typed_error() {
        let f = sample();
        for cut in 0..f.len() {
            assert!(Reader::open(&f[..cut], Kind::Tagger, "t").is_err(), "cut {cut}");
        }
        for i in 0..f.len() {
            let mut g = f.clone();
            g[i] ^= 0x10;
            assert!(Reader::open(&g, Kind::Tagger, "t").is_err(), "flip {i}");
        }
        assert!(matches!(Reader::open(&f, Kind::Parser, "t"), Err(ModelError::WrongKind { .. })));
    }

    #[test]
    fn lengths_beyond_the_payload_are_rejected_before_allocating() {
        let mut w = Writer::new();
        w.u64(u64::MAX / 2);
        let f = w.finish(Kind::Parser);
        let mut r = Reader::open(&f, Kind::Parser, "t").unwrap();
        assert!(matches!(r.u64s(), Err(ModelError::Corrupt { .. })));
    }
}
