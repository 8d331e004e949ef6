//! The compiled base gazetteer: one byte buffer, read in place (no per-entry allocation at load).
//!
//! Layout (little-endian; the file on disk is this buffer LZ4-compressed, see `gazetteer`):
//!
//! ```text
//! header   "ANLGAZ\0" version:u8, then u32 × 7: places, keys, postings, strings_len,
//!          entries_len, fcodes, codes
//! fcodes   fcodes × 8 bytes, ASCII feature codes padded with NUL
//! places   places × 28 bytes: geonames_id u32 | lat i32 (1e-5°) | lon i32 | population u32 |
//!          name_off u32 | name_len u8 | kind u8 | fcode u8 | country [u8; 2] |
//!          admin1 u24 (place index, 0xFFFFFF = none); sorted by geonames_id
//! strings  strings_len bytes of UTF-8 (names and admin codes)
//! keyidx   keys × u32: offset of the key's entry, entries in byte order of their keys
//! entries  per key: key_len u8 | key (UTF-8) | n u16 | n × u32 postings (place index, bit 31
//!          set when the key came from an alternate name)
//! codes    codes × 12 bytes: code_off u32 | code_len u16 | pad u16 | place u32, sorted by the
//!          code string ("IQ.06", "US.CA", "US.CA.037")
//! ```
//!
//! Accessors bounds-check every offset they read, so a damaged buffer yields `None`s, never a
//! panic; opening checks only the header and section sizes.

use crate::place::PlaceKind;

pub(crate) const MAGIC: &[u8; 7] = b"ANLGAZ\0";
pub(crate) const VERSION: u8 = 3;
const HEADER: usize = 8 + 7 * 4;
const PLACE: usize = 28;
const NO_ADMIN: u32 = 0xFF_FFFF;
/// Longest key and most postings per key the format holds (the compiler drops the rest).
pub(crate) const MAX_KEY: usize = 255;
pub(crate) const MAX_POSTINGS: usize = u16::MAX as usize;
const FCODE: usize = 8;
const CODE: usize = 12;
pub(crate) const ALT_FLAG: u32 = 1 << 31;
/// Posting flag (with [`ALT_FLAG`]) of a name that finds candidates but recognises nothing
/// alone (a division's name without its type word; a small place of the newer extract).
pub(crate) const CANDIDATE_ONLY_FLAG: u32 = 1 << 30;

/// Why a buffer is not a compiled gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("not an Annalist gazetteer (bad magic)")]
    BadMagic,
    #[error("gazetteer format version {found}, this build reads {VERSION}")]
    Version { found: u8 },
    #[error("gazetteer truncated or inconsistent: {0}")]
    Corrupt(&'static str),
}

/// One place as the compiler hands it to the writer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawPlace {
    pub geonames_id: u32,
    pub name: String,
    pub kind: PlaceKind,
    pub fcode: String,
    pub country: [u8; 2],
    pub admin1: Option<u32>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// Serialises places (already sorted by id), keys (sorted, with postings) and admin codes.
pub(crate) fn write(
    places: &[RawPlace],
    keys: &[(String, Vec<u32>)],
    codes: &[(String, u32)],
) -> Vec<u8> {
    let mut fcodes: Vec<&str> = places.iter().map(|p| p.fcode.as_str()).collect();
    fcodes.sort_unstable();
    fcodes.dedup();
    let mut strings = Vec::new();
    let mut place_bytes = Vec::with_capacity(places.len() * PLACE);
    for p in places {
        let name_off = strings.len() as u32;
        let name = truncate(&p.name, u8::MAX as usize);
        strings.extend_from_slice(name.as_bytes());
        place_bytes.extend_from_slice(&p.geonames_id.to_le_bytes());
        place_bytes.extend_from_slice(&((p.lat * 1e5).round() as i32).to_le_bytes());
        place_bytes.extend_from_slice(&((p.lon * 1e5).round() as i32).to_le_bytes());
        place_bytes.extend_from_slice(&(p.population.min(u32::MAX as u64) as u32).to_le_bytes());
        place_bytes.extend_from_slice(&name_off.to_le_bytes());
        place_bytes.push(name.len() as u8);
        place_bytes.push(p.kind as u8);
        let fc = fcodes.binary_search(&p.fcode.as_str()).unwrap_or(0);
        place_bytes.push(fc.min(255) as u8);
        place_bytes.extend_from_slice(&p.country);
        let a1 = p.admin1.filter(|&a| a < NO_ADMIN).unwrap_or(NO_ADMIN);
        place_bytes.extend_from_slice(&a1.to_le_bytes()[..3]);
    }
    let mut code_bytes = Vec::with_capacity(codes.len() * CODE);
    for (code, place) in codes {
        let off = strings.len() as u32;
        let code = truncate(code, u16::MAX as usize);
        strings.extend_from_slice(code.as_bytes());
        code_bytes.extend_from_slice(&off.to_le_bytes());
        code_bytes.extend_from_slice(&(code.len() as u16).to_le_bytes());
        code_bytes.extend_from_slice(&[0, 0]);
        code_bytes.extend_from_slice(&place.to_le_bytes());
    }
    let mut keyidx = Vec::with_capacity(keys.len() * 4);
    let mut entries = Vec::new();
    let mut n_keys = 0usize;
    let mut n_postings = 0usize;
    for (k, post) in keys {
        if k.len() > MAX_KEY || k.is_empty() {
            continue;
        }
        n_keys += 1;
        keyidx.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        entries.push(k.len() as u8);
        entries.extend_from_slice(k.as_bytes());
        let post = &post[..post.len().min(MAX_POSTINGS)];
        entries.extend_from_slice(&(post.len() as u16).to_le_bytes());
        for p in post {
            entries.extend_from_slice(&p.to_le_bytes());
        }
        n_postings += post.len();
    }

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    for n in
        [places.len(), n_keys, n_postings, strings.len(), entries.len(), fcodes.len(), codes.len()]
    {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for fc in &fcodes {
        let mut b = [0u8; FCODE];
        for (d, s) in b.iter_mut().zip(fc.bytes()) {
            *d = s;
        }
        out.extend_from_slice(&b);
    }
    out.extend_from_slice(&place_bytes);
    out.extend_from_slice(&strings);
    out.extend_from_slice(&keyidx);
    out.extend_from_slice(&entries);
    out.extend_from_slice(&code_bytes);
    out
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A validated compiled gazetteer buffer.
#[derive(Debug)]
pub(crate) struct Base {
    buf: Vec<u8>,
    n_places: usize,
    n_keys: usize,
    fcodes: Vec<String>,
    places_at: usize,
    strings_at: usize,
    strings_len: usize,
    keyidx_at: usize,
    entries_at: usize,
    entries_len: usize,
    codes_at: usize,
    n_codes: usize,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u24_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 3).map_or(NO_ADMIN, |s| u32::from_le_bytes([s[0], s[1], s[2], 0]))
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

impl Base {
    pub(crate) fn open(buf: Vec<u8>) -> Result<Base, FormatError> {
        if buf.len() < HEADER || &buf[..7] != MAGIC {
            return Err(FormatError::BadMagic);
        }
        if buf[7] != VERSION {
            return Err(FormatError::Version { found: buf[7] });
        }
        let n: Vec<usize> = (0..7).map(|i| u32_at(&buf, 8 + 4 * i) as usize).collect();
        let (n_places, n_keys, _n_postings, strings_len, entries_len, n_fcodes, n_codes) =
            (n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        let fcodes_at = HEADER;
        let places_at = fcodes_at + n_fcodes * FCODE;
        let strings_at = places_at + n_places * PLACE;
        let keyidx_at = strings_at + strings_len;
        let entries_at = keyidx_at + n_keys * 4;
        let codes_at = entries_at + entries_len;
        let end = codes_at + n_codes * CODE;
        if end != buf.len() {
            return Err(FormatError::Corrupt("section sizes do not add up to the file size"));
        }
        let fcodes = (0..n_fcodes)
            .map(|i| {
                let s = &buf[fcodes_at + i * FCODE..fcodes_at + (i + 1) * FCODE];
                String::from_utf8_lossy(s).trim_end_matches('\0').to_string()
            })
            .collect();
        if std::str::from_utf8(&buf[strings_at..keyidx_at]).is_err() {
            return Err(FormatError::Corrupt("names are not UTF-8"));
        }
        let base = Base {
            buf,
            n_places,
            n_keys,
            fcodes,
            places_at,
            strings_at,
            strings_len,
            keyidx_at,
            entries_at,
            entries_len,
            codes_at,
            n_codes,
        };
        // No per-entry validation here: every accessor bounds-checks what it reads and returns
        // `None` on a bad offset, so a damaged buffer gives missing answers, never a panic, and
        // opening stays O(1) beyond the decompression.
        Ok(base)
    }

    /// Key bytes and (absolute offset, count) of the postings of key entry `i`.
    fn entry(&self, i: usize) -> Option<(&[u8], (usize, usize))> {
        let off = u32_at(&self.buf, self.keyidx_at + 4 * i) as usize;
        if off >= self.entries_len {
            return None;
        }
        let at = self.entries_at + off;
        let klen = *self.buf.get(at)? as usize;
        let key = self.buf.get(at + 1..at + 1 + klen)?;
        let n = u16_at(&self.buf, at + 1 + klen) as usize;
        let p = at + 3 + klen;
        if p + 4 * n > self.entries_at + self.entries_len {
            return None;
        }
        Some((key, (p, n)))
    }

    fn str_in(&self, off: usize, len: usize) -> Option<&str> {
        if off + len > self.strings_len {
            return None;
        }
        let b = self.buf.get(self.strings_at + off..self.strings_at + off + len)?;
        std::str::from_utf8(b).ok()
    }

    pub(crate) fn len(&self) -> usize {
        self.n_places
    }

    /// Raw fields of place `i`: (geonames id, name, kind, fcode, country, admin1, lat, lon, pop).
    #[allow(clippy::type_complexity)]
    pub(crate) fn place(
        &self,
        i: usize,
    ) -> Option<(u32, &str, PlaceKind, &str, &str, Option<u32>, f64, f64, u64)> {
        if i >= self.n_places {
            return None;
        }
        let at = self.places_at + i * PLACE;
        let b = &self.buf;
        let id = u32_at(b, at);
        let lat = u32_at(b, at + 4) as i32 as f64 / 1e5;
        let lon = u32_at(b, at + 8) as i32 as f64 / 1e5;
        let pop = u32_at(b, at + 12) as u64;
        let name = self.str_in(u32_at(b, at + 16) as usize, b[at + 20] as usize)?;
        let kind = PlaceKind::from_u8(b[at + 21])?;
        let fcode = self.fcodes.get(b[at + 22] as usize).map_or("", String::as_str);
        let country = std::str::from_utf8(&b[at + 23..at + 25]).unwrap_or("");
        let country = country.trim_end_matches('\0');
        let a1 = u24_at(b, at + 25);
        let admin1 = (a1 != NO_ADMIN).then_some(a1);
        Some((id, name, kind, fcode, country, admin1, lat, lon, pop))
    }

    /// Kind and country code of place `i` (cheap: no string decoding).
    pub(crate) fn kind_country(&self, i: usize) -> Option<(PlaceKind, [u8; 2])> {
        if i >= self.n_places {
            return None;
        }
        let at = self.places_at + i * PLACE;
        let kind = PlaceKind::from_u8(*self.buf.get(at + 21)?)?;
        Some((kind, [*self.buf.get(at + 23)?, *self.buf.get(at + 24)?]))
    }

    /// Postings (place index | ALT_FLAG | CANDIDATE_ONLY_FLAG) for an exact key.
    pub(crate) fn postings(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let found = bsearch(self.n_keys, |i| {
            self.entry(i).map_or(std::cmp::Ordering::Less, |e| e.0.cmp(key.as_bytes()))
        });
        let (p, n) = found.and_then(|i| self.entry(i)).map_or((0, 0), |e| e.1);
        (0..n).map(move |j| u32_at(&self.buf, p + 4 * j))
    }

    /// Index of a place by GeoNames id.
    pub(crate) fn by_geonames_id(&self, id: u32) -> Option<u32> {
        bsearch(self.n_places, |i| u32_at(&self.buf, self.places_at + i * PLACE).cmp(&id))
            .map(|i| i as u32)
    }

    /// Index of a division by its GeoNames admin code ("IQ.06").
    pub(crate) fn by_admin_code(&self, code: &str) -> Option<u32> {
        bsearch(self.n_codes, |i| self.code(i).0.as_bytes().cmp(code.as_bytes()))
            .map(|i| self.code(i).1)
    }

    fn code(&self, i: usize) -> (&str, u32) {
        let at = self.codes_at + i * CODE;
        let s = self
            .str_in(u32_at(&self.buf, at) as usize, u16_at(&self.buf, at + 4) as usize)
            .unwrap_or("");
        (s, u32_at(&self.buf, at + 8))
    }

    /// Every (code, place) of the admin-code table, in code order.
    pub(crate) fn admin_codes(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        (0..self.n_codes).map(move |i| self.code(i))
    }
}

fn bsearch(n: usize, cmp: impl Fn(usize) -> std::cmp::Ordering) -> Option<usize> {
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp(mid) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let places = vec![
            RawPlace {
                geonames_id: 5,
                name: "Diyālá".into(),
                kind: PlaceKind::Admin1,
                fcode: "ADM1".into(),
                country: *b"IQ",
                admin1: Some(0),
                lat: 33.9,
                lon: 45.0,
                population: 1_000,
            },
            RawPlace {
                geonames_id: 9,
                name: "Baqubah".into(),
                kind: PlaceKind::City,
                fcode: "PPLA".into(),
                country: *b"IQ",
                admin1: Some(0),
                lat: 33.74659,
                lon: 44.64366,
                population: 152_550,
            },
        ];
        let keys = vec![
            ("baqubah".to_string(), vec![1]),
            ("diyala".to_string(), vec![0]),
            ("diyala governorate".to_string(), vec![ALT_FLAG]),
        ];
        write(&places, &keys, &[("IQ.10".to_string(), 0)])
    }

    #[test]
    fn round_trip() {
        let base = Base::open(sample()).unwrap();
        assert_eq!(base.len(), 2);
        let p = base.place(1).unwrap();
        assert_eq!(
            (p.0, p.1, p.2, p.3, p.4, p.5),
            (9, "Baqubah", PlaceKind::City, "PPLA", "IQ", Some(0))
        );
        assert!((p.6 - 33.74659).abs() < 1e-5 && p.8 == 152_550);
        assert_eq!(base.postings("diyala").collect::<Vec<_>>(), vec![0]);
        assert_eq!(base.postings("diyala governorate").collect::<Vec<_>>(), vec![ALT_FLAG]);
        assert_eq!(base.postings("nowhere").count(), 0);
        assert_eq!(base.by_geonames_id(9), Some(1));
        assert_eq!(base.by_geonames_id(7), None);
        assert_eq!(base.by_admin_code("IQ.10"), Some(0));
    }

    #[test]
    fn damaged_buffers_are_errors_not_panics() {
        let good = sample();
        assert!(matches!(Base::open(b"nope".to_vec()), Err(FormatError::BadMagic)));
        let mut v = good.clone();
        v[7] = 99;
        assert!(matches!(Base::open(v), Err(FormatError::Version { found: 99 })));
        for cut in [good.len() - 1, good.len() / 2, HEADER] {
            assert!(Base::open(good[..cut].to_vec()).is_err());
        }
        // Flip every byte in turn: each result is Ok or Err, never a panic.
        for i in HEADER..good.len() {
            let mut v = good.clone();
            v[i] ^= 0xA5;
            if let Ok(b) = Base::open(v) {
                for j in 0..b.len() {
                    let _ = b.place(j);
                }
                let _ = b.postings("baqubah").count();
            }
        }
    }
}
