//! Bytes → text as a browser would decode them: BOM, then the transport's `charset`, then a
//! `<meta>` declaration, then sniffing (`chardetng`), with a check that the declared charset does
//! not lie. Also keeps the map from decoded offsets back to the page's original bytes (BOM
//! included): exact for UTF-8 and single-byte encodings, never past the end for any encoding.

use crate::{Diagnostic, DiagnosticKind};
use encoding_rs::{Encoding, UTF_8};

/// How many bytes of the document the `<meta>` prescan looks at. Browsers stop at 1024, but
/// saved pages often carry long `<head>` preambles; the prescan is cheap.
const META_PRESCAN_BYTES: usize = 16 * 1024;
/// How many bytes `chardetng` sees (enough to decide; bounds the time on huge pages).
const SNIFF_BYTES: usize = 256 * 1024;

/// The decoded document and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Where the encoding came from (`bom`, `http`, `meta`, `sniffed`, `default`, `utf8-valid`).
    pub basis: &'static str,
    pub offsets: OffsetMap,
}

/// Decoded-text offset → raw-byte offset. Empty `points` is the identity plus `shift` (valid
/// UTF-8, after a BOM of `shift` bytes: the common case). Otherwise `points` holds
/// `(decoded, raw)` pairs at the start of each run: a linear run maps byte for byte, any other
/// run maps all of its characters to its start (exact for a one-character run; approximate
/// inside a run of multi-byte legacy characters).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    points: Vec<(u32, u32)>,
    shift: u32,
    /// Per point: does the run map byte for byte (ASCII) or only to its start?
    linear: Vec<bool>,
}

impl OffsetMap {
    /// Does decoded offset `d` lie in a run that maps byte for byte?
    #[cfg(test)]
    fn is_linear(&self, d: usize) -> bool {
        let i = self.points.partition_point(|p| p.0 as usize <= d);
        self.points.is_empty() || i.checked_sub(1).is_some_and(|i| self.linear[i])
    }

    /// The raw byte offset that decoded offset `d` came from.
    pub fn raw(&self, d: usize) -> usize {
        if self.points.is_empty() {
            return d + self.shift as usize;
        }
        let i = self.points.partition_point(|p| p.0 as usize <= d);
        match i.checked_sub(1) {
            None => d,
            Some(i) => {
                let (dp, rp) = self.points[i];
                if self.linear[i] {
                    rp as usize + (d - dp as usize)
                } else {
                    rp as usize
                }
            }
        }
    }
}

/// The charset named by a `Content-Type` value (`text/html; charset=...`).
pub fn charset_from_content_type(ct: &str) -> Option<&'static Encoding> {
    let lower = ct.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace());
    let label = &rest[..end.unwrap_or(rest.len())];
    Encoding::for_label(label.as_bytes())
}

/// The charset declared by `<meta charset>` or `<meta http-equiv=content-type>` near the top.
pub fn charset_from_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let mut i = 0;
    while let Some(rel) = memfind(&head[i..], b"<meta") {
        let start = i + rel + 5;
        let end = head[start..].iter().position(|&b| b == b'>').map_or(head.len(), |e| start + e);
        let tag = head[start..end].to_ascii_lowercase();
        if let Some(enc) = meta_tag_charset(&tag) {
            // A page cannot declare itself UTF-16 in ASCII; browsers treat that as UTF-8.
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                UTF_8
            } else {
                enc
            };
            return Some(enc);
        }
        i = end.min(head.len());
        if i >= head.len() {
            break;
        }
    }
    None
}

fn meta_tag_charset(tag: &[u8]) -> Option<&'static Encoding> {
    let s = std::str::from_utf8(tag).ok().map(str::to_string).unwrap_or_else(|| {
        tag.iter().map(|&b| if b.is_ascii() { b as char } else { ' ' }).collect()
    });
    let at = s.find("charset")?;
    let rest = s[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| {
        c == ';' || c == '"' || c == '\'' || c == '/' || c == '>' || c.is_whitespace()
    });
    let label = &rest[..end.unwrap_or(rest.len())];
    Encoding::for_label(label.as_bytes())
}

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// True when `bytes` is valid UTF-8 and uses at least one multi-byte sequence: then a
/// declared legacy single-byte charset is almost surely wrong (real windows-1252 text is
/// very rarely valid UTF-8 by accident).
fn utf8_with_multibyte(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok() && bytes.iter().any(|&b| b >= 0x80)
}

fn sniff(bytes: &[u8], uri: Option<&str>) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new();
    det.feed(&bytes[..bytes.len().min(SNIFF_BYTES)], bytes.len() <= SNIFF_BYTES);
    let tld = uri
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string))
        .and_then(|h| h.rsplit('.').next().map(str::to_string));
    det.guess(tld.as_deref().map(str::as_bytes), true)
}

/// Decodes `bytes`, recording where the charset came from and any conflict.
pub fn decode(
    bytes: &[u8],
    content_type: Option<&str>,
    uri: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(&bytes[bom_len..], enc, "bom", bom_len, diags);
    }
    let http = content_type.and_then(charset_from_content_type);
    let declared =
        http.map(|e| (e, "http")).or_else(|| charset_from_meta(bytes).map(|e| (e, "meta")));
    let (enc, basis) = match declared {
        Some((enc, basis)) if enc == UTF_8 => {
            if std::str::from_utf8(bytes).is_ok() {
                (UTF_8, basis)
            } else {
                let bad = count_invalid_utf8(bytes);
                // A few stray bytes in a UTF-8 page are damage; many mean the label lies.
                if bad * 200 > bytes.iter().filter(|&&b| b >= 0x80).count().max(1) * 10 {
                    let guess = sniff(bytes, uri);
                    if guess != UTF_8 {
                        diags.push(Diagnostic {
                            kind: DiagnosticKind::CharsetConflict,
                            offset: None,
                            message: format!(
                                "declared UTF-8 ({basis}) but {bad} invalid sequences; decoded as {}",
                                guess.name()
                            ),
                        });
                        (guess, "sniffed")
                    } else {
                        (UTF_8, basis)
                    }
                } else {
                    (UTF_8, basis)
                }
            }
        }
        Some((enc, basis)) => {
            if enc.is_single_byte() && utf8_with_multibyte(bytes) {
                diags.push(Diagnostic {
                    kind: DiagnosticKind::CharsetConflict,
                    offset: None,
                    message: format!(
                        "declared {} ({basis}) but the bytes are valid UTF-8; decoded as UTF-8",
                        enc.name()
                    ),
                });
                (UTF_8, "utf8-valid")
            } else {
                (enc, basis)
            }
        }
        None => {
            if std::str::from_utf8(bytes).is_ok() {
                (UTF_8, "utf8-valid")
            } else {
                (sniff(bytes, uri), "sniffed")
            }
        }
    };
    decode_with(bytes, enc, basis, 0, diags)
}

fn count_invalid_utf8(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip.max(1).min(bytes.len())..];
                if bytes.is_empty() {
                    return n;
                }
            }
        }
    }
}

fn decode_with(
    bytes: &[u8],
    enc: &'static Encoding,
    basis: &'static str,
    base: usize,
    diags: &mut Vec<Diagnostic>,
) -> Decoded {
    let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        enc
    } else {
        enc.output_encoding()
    };
    let mut map = MapBuilder::default();
    let (text, first_error) = if enc == UTF_8 {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Decoded {
                text: s.to_string(),
                encoding: UTF_8,
                basis,
                offsets: OffsetMap { shift: base as u32, ..OffsetMap::default() },
            };
        }
        decode_utf8_lossy(bytes, base, &mut map)
    } else if enc.is_single_byte() {
        match decode_single_byte(bytes, enc, base, &mut map) {
            Some(done) => done,
            None => {
                map = MapBuilder::default();
                decode_runs(bytes, enc, base, &mut map)
            }
        }
    } else {
        decode_runs(bytes, enc, base, &mut map)
    };
    if let Some(at) = first_error {
        diags.push(Diagnostic {
            kind: DiagnosticKind::MalformedBytes,
            offset: Some(at as u64),
            message: format!("bytes not valid in {} replaced by U+FFFD", enc.name()),
        });
    }
    Decoded { text, encoding: enc, basis, offsets: map.finish() }
}

/// Collects [`OffsetMap`] points, merging a linear run that continues the previous one.
#[derive(Debug, Default)]
struct MapBuilder {
    points: Vec<(u32, u32)>,
    linear: Vec<bool>,
}

impl MapBuilder {
    fn push(&mut self, decoded: usize, raw: usize, linear: bool) {
        let (d, r) = (decoded as u32, raw as u32);
        if let (Some(&(pd, pr)), Some(&true)) = (self.points.last(), self.linear.last()) {
            if linear && d - pd == r - pr {
                return;
            }
        }
        // A point at the same decoded offset as the last one replaces it (an empty run).
        if self.points.last().is_some_and(|p| p.0 == d) {
            self.points.pop();
            self.linear.pop();
        }
        self.points.push((d, r));
        self.linear.push(linear);
    }

    fn finish(self) -> OffsetMap {
        OffsetMap { points: self.points, shift: 0, linear: self.linear }
    }
}

/// UTF-8 with damage: valid stretches are copied (and map byte for byte), each maximal invalid
/// subpart becomes one U+FFFD mapped to its first byte (the substitution browsers make).
fn decode_utf8_lossy(bytes: &[u8], base: usize, map: &mut MapBuilder) -> (String, Option<usize>) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut first_error = None;
    let mut at = base;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if !valid.is_empty() {
            map.push(text.len(), at, true);
            text.push_str(valid);
            at += valid.len();
        }
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            first_error.get_or_insert(at);
            map.push(text.len(), at, false);
            text.push('\u{FFFD}');
            at += invalid.len();
        }
    }
    (text, first_error)
}

/// A single-byte encoding: one character per byte, so every character maps exactly (ASCII runs
/// as linear runs, each other byte as its own point).
fn decode_single_byte(
    bytes: &[u8],
    enc: &'static Encoding,
    base: usize,
    map: &mut MapBuilder,
) -> Option<(String, Option<usize>)> {
    let (cow, _) = enc.decode_without_bom_handling(bytes);
    if cow.chars().count() != bytes.len() {
        // Not one character per byte after all: the run-by-run decoder handles it.
        return None;
    }
    let mut first_error = None;
    let mut in_ascii = false;
    for ((d, ch), (raw, &byte)) in cow.char_indices().zip((base..).zip(bytes)) {
        if ch.is_ascii() && byte < 0x80 {
            if !in_ascii {
                map.push(d, raw, true);
                in_ascii = true;
            }
        } else {
            if ch == '\u{FFFD}' {
                first_error.get_or_insert(raw);
            }
            map.push(d, raw, false);
            in_ascii = false;
        }
    }
    Some((cow.into_owned(), first_error))
}

/// Multi-byte legacy encodings (and UTF-16): decoded run by run with one streaming decoder. In
/// ASCII-compatible encodings ASCII runs map byte for byte and other runs to their start. A
/// character pending at the end of a non-ASCII run (a lead byte whose trail byte is ASCII, or
/// a truncated sequence turning into U+FFFD) comes out at the start of the next run's output;
/// that prefix is attributed to the run before, and the linear run starts after it.
fn decode_runs(
    bytes: &[u8],
    enc: &'static Encoding,
    base: usize,
    map: &mut MapBuilder,
) -> (String, Option<usize>) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut first_error = None;
    let ascii_compatible = enc.is_ascii_compatible();
    let mut i = 0;
    while i < bytes.len() {
        let is_ascii = ascii_compatible && bytes[i] < 0x80;
        let mut j = i + 1;
        while j < bytes.len() && (ascii_compatible && bytes[j] < 0x80) == is_ascii {
            j += 1;
        }
        if !ascii_compatible {
            j = bytes.len();
        }
        let last = j == bytes.len();
        let chunk = &bytes[i..j];
        let before = text.len();
        text.reserve(decoder.max_utf8_buffer_length(chunk.len()).unwrap_or(chunk.len() * 3));
        let (_, read, errors) = decoder.decode_to_string(chunk, &mut text, last);
        debug_assert_eq!(read, chunk.len());
        if errors {
            first_error.get_or_insert(base + i);
        }
        if is_ascii {
            // The output is (what the previous run left pending) + a literal copy of the tail
            // of this chunk. The pending part is all non-ASCII characters.
            let out = &text.as_bytes()[before..];
            let copied = out.iter().rev().take_while(|b| b.is_ascii()).count();
            let consumed = chunk.len() - copied.min(chunk.len());
            map.push(text.len() - copied, base + i + consumed, true);
        } else {
            map.push(before, base + i, false);
        }
        i = j;
    }
    (text, first_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    fn dec(bytes: &[u8], ct: Option<&str>) -> (Decoded, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let r = decode(bytes, ct, None, &mut d);
        (r, d)
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let (d, diags) = dec(page, None);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert_eq!(d.basis, "meta");
        assert!(d.text.contains("café"));
        assert!(diags.is_empty());
    }

    #[test]
    fn http_equiv_and_http_header() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>\xcf\xf0\xe8";
        assert_eq!(dec(page, None).0.text.chars().last(), Some('и'));
        let (d, _) = dec("<p>é</p>".as_bytes(), Some("text/html; charset=UTF-8"));
        assert_eq!(d.basis, "http");
    }

    #[test]
    fn lying_latin1_label_on_utf8_bytes() {
        let page = "<meta charset=iso-8859-1><p>Ba’athist café</p>".as_bytes();
        let (d, diags) = dec(page, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Ba’athist café"));
        assert_eq!(diags[0].kind, DiagnosticKind::CharsetConflict);
    }

    #[test]
    fn lying_utf8_label_on_legacy_bytes() {
        let body: Vec<u8> = b"<meta charset=utf-8><p>"
            .iter()
            .copied()
            .chain(b"Die Stra\xdfe f\xfchrt \xfcber den Flu\xdf nach K\xf6ln. ".repeat(20))
            .collect();
        let (d, diags) = dec(&body, None);
        assert!(d.text.contains("Straße führt über"), "{}", &d.text[..80]);
        assert_eq!(diags[0].kind, DiagnosticKind::CharsetConflict);
    }

    #[test]
    fn bom_wins_and_offsets_map_back() {
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice("<p>hello</p>".as_bytes());
        let (d, _) = dec(&page, Some("text/html; charset=iso-8859-1"));
        assert_eq!(d.basis, "bom");
        let at = d.text.find("hello").unwrap();
        assert_eq!(&page[d.offsets.raw(at)..d.offsets.raw(at) + 5], b"hello");
    }

    #[test]
    fn legacy_offsets_are_exact_on_ascii_runs() {
        let page = b"<meta charset=windows-1252><p>caf\xe9 \xe9t\xe9 here</p>";
        let (d, _) = dec(page, None);
        let at = d.text.find("here").unwrap();
        assert_eq!(&page[d.offsets.raw(at)..d.offsets.raw(at) + 4], b"here");
        let e = d.text.find("été").unwrap();
        assert_eq!(page[d.offsets.raw(e)], 0xe9);
    }

    /// Bytes mixing ASCII text, markup and high bytes (a deterministic xorshift stream).
    fn noisy_pages() -> Vec<Vec<u8>> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..400)
            .map(|_| {
                let len = (next() % 200) as usize;
                (0..len)
                    .map(|_| match next() % 6 {
                        0..=2 => b"ab <p>1&"[(next() % 8) as usize],
                        3 => 0x80 + (next() % 0x80) as u8,
                        4 => [0xe2, 0x80, 0x99, 0xc3, 0xa9, 0xd8][(next() % 6) as usize],
                        _ => (next() % 0x80) as u8,
                    })
                    .collect()
            })
            .collect()
    }

    /// The map's contract for every encoding: every decoded offset maps inside the raw bytes,
    /// monotonically; a character in a run that maps byte for byte is the byte it maps to;
    /// UTF-8 and single-byte pages map every character exactly.
    #[test]
    fn offsets_stay_inside_the_bytes_for_every_encoding() {
        use encoding_rs::*;
        let encs = [
            UTF_8,
            WINDOWS_1252,
            WINDOWS_1251,
            ISO_8859_7,
            SHIFT_JIS,
            GBK,
            GB18030,
            BIG5,
            EUC_KR,
            EUC_JP,
            ISO_2022_JP,
            UTF_16LE,
            UTF_16BE,
            X_USER_DEFINED,
        ];
        for page in noisy_pages() {
            for enc in encs {
                for base in [0usize, 3] {
                    let mut raw_page = vec![b'B'; base];
                    raw_page.extend_from_slice(&page);
                    let d = decode_with(&raw_page[base..], enc, "test", base, &mut Vec::new());
                    let mut prev = 0;
                    for (at, ch) in d.text.char_indices().chain([(d.text.len(), ' ')]) {
                        let r = d.offsets.raw(at);
                        assert!(r <= raw_page.len(), "{enc:?} {page:?}: {at} → {r}");
                        assert!(r >= prev, "{enc:?} {page:?}: map goes back at {at}");
                        prev = r;
                        if at == d.text.len() {
                            break;
                        }
                        let exact = enc == UTF_8 || enc.is_single_byte();
                        if exact && ch != '\u{FFFD}' {
                            let (one, _) = enc.decode_without_bom_handling(
                                &raw_page[r..(r + ch.len_utf8()).min(raw_page.len())],
                            );
                            assert_eq!(one.chars().next(), Some(ch), "{enc:?} {page:?} at {at}");
                        }
                        if ch.is_ascii() && d.offsets.is_linear(at) {
                            assert_eq!(raw_page[r], ch as u8, "{enc:?} {page:?} at {at}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn no_declaration_sniffs() {
        let page = b"<p>Der Stra\xdfenverkehr in K\xf6ln und M\xfcnchen w\xe4chst.</p>".repeat(5);
        let (d, _) = dec(&page, None);
        assert!(d.text.contains("Köln"));
    }

    #[test]
    fn invalid_utf8_without_declaration_never_panics() {
        for bytes in [&b"\xff\xfe\x00"[..], b"\xc3", b"\xe2\x82", b"abc\x80\x80\x80"] {
            let _ = dec(bytes, None);
            let _ = dec(bytes, Some("text/html; charset=utf-8"));
        }
    }
}
