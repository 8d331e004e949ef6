//! The HTTP message inside a WARC `response` record: status line, the few headers ingest
//! needs, and undoing the transfer and content encodings of the payload under a size cap.

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::io::Read;

/// Why a payload could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// The decoded payload is larger than the cap.
    Limit,
    /// Malformed chunking or compressed data.
    Bad(String),
}

/// The parts of an HTTP response head that decide what to do with the payload.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub status: u16,
    pub content_type: Option<String>,
    pub transfer_encoding: Option<String>,
    pub content_encoding: Option<String>,
}

impl Head {
    /// Records one header line (`Name: value`, line ending stripped); ignores other names.
    pub(crate) fn header(&mut self, name: &str, value: &str) {
        let slot = if name.eq_ignore_ascii_case("content-type") {
            &mut self.content_type
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            &mut self.transfer_encoding
        } else if name.eq_ignore_ascii_case("content-encoding") {
            &mut self.content_encoding
        } else {
            return;
        };
        // The first occurrence wins, as for most HTTP clients with duplicated headers.
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
}

/// The status code of an HTTP status line (`HTTP/1.1 200 OK`, `HTTP/2 200`).
pub(crate) fn status(line: &str) -> Option<u16> {
    let mut parts = line.split_ascii_whitespace();
    let version = parts.next()?;
    if !version.starts_with("HTTP/") {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    code.parse().ok()
}

/// Whether a `Content-Type` value names HTML.
pub(crate) fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// Whether bytes look like the start of an HTML document (after a BOM and white space),
/// following the spirit of the WHATWG MIME sniffing patterns for HTML.
pub(crate) fn sniff_html(bytes: &[u8]) -> bool {
    let mut b = bytes;
    if let Some(rest) = b.strip_prefix(b"\xEF\xBB\xBF") {
        b = rest;
    }
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let b = &b[start..b.len().min(start + 64)];
    const TAGS: [&[u8]; 12] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<script",
        b"<iframe",
        b"<title",
        b"<div",
        b"<table",
        b"<p",
        b"<meta",
        b"<!--",
    ];
    TAGS.iter().any(|t| {
        b.len() > t.len()
            && b[..t.len()].eq_ignore_ascii_case(t)
            && (t.ends_with(b"--") || matches!(b[t.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r'))
    })
}

/// Undoes `Transfer-Encoding: chunked`. Returns `None` when the body does not start like a
/// chunked body (many WARC writers store it de-chunked but keep the header). A body that
/// ends without its last chunk (a crawler cut it) yields what it has.
pub(crate) fn dechunk(body: &[u8], cap: u64) -> Result<Option<Vec<u8>>, DecodeError> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut first = true;
    loop {
        let Some(nl) = memchr::memchr(b'\n', &body[i..]) else {
            if first {
                return Ok(None);
            }
            break; // cut before the next size line
        };
        let line = &body[i..i + nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let digits = line.split(|&c| c == b';').next().unwrap_or(b"");
        let digits = digits.trim_ascii();
        let size = match parse_hex(digits) {
            Some(s) => s,
            None if first => return Ok(None),
            None => {
                return Err(DecodeError::Bad(format!(
                    "malformed chunk size line at payload byte {i}"
                )))
            }
        };
        first = false;
        i += nl + 1;
        if size == 0 {
            break; // trailers, if any, carry nothing ingest needs
        }
        let end = i.saturating_add(size.min(usize::MAX as u64) as usize).min(body.len());
        if (out.len() + (end - i)) as u64 > cap {
            return Err(DecodeError::Limit);
        }
        out.extend_from_slice(&body[i..end]);
        if end < i + size as usize {
            break; // cut inside a chunk
        }
        i = end;
        // The CRLF that closes a chunk.
        if body[i..].starts_with(b"\r\n") {
            i += 2;
        } else if body[i..].starts_with(b"\n") {
            i += 1;
        } else if i < body.len() {
            return Err(DecodeError::Bad(format!(
                "chunk not followed by CRLF at payload byte {i}"
            )));
        }
    }
    Ok(Some(out))
}

fn parse_hex(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let mut v: u64 = 0;
    for &d in digits {
        v = v * 16 + (d as char).to_digit(16)? as u64;
    }
    Some(v)
}

/// The result of undoing a `Content-Encoding`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decoded {
    Bytes(Vec<u8>),
    /// An encoding this crate does not decode, applied to bytes that do not look decoded.
    Unsupported,
}

/// Undoes `Content-Encoding` (gzip, deflate, br). A body that does not carry the encoding's
/// signature is taken as already decoded: crawlers often store the decoded payload and keep
/// the header.
pub(crate) fn decode_content(
    body: Vec<u8>,
    encoding: Option<&str>,
    cap: u64,
) -> Result<Decoded, DecodeError> {
    let Some(enc) = encoding.map(|e| e.trim().to_ascii_lowercase()) else {
        return Ok(Decoded::Bytes(body));
    };
    match enc.as_str() {
        "" | "identity" | "none" => Ok(Decoded::Bytes(body)),
        "gzip" | "x-gzip" => {
            if body.starts_with(&[0x1f, 0x8b]) {
                inflate(MultiGzDecoder::new(&body[..]), cap).map(Decoded::Bytes)
            } else {
                Ok(Decoded::Bytes(body))
            }
        }
        "deflate" => {
            // RFC 9110 says zlib; some servers send raw deflate. A zlib header is
            // `0x78 xx` with the pair a multiple of 31.
            let zlib = body.len() >= 2
                && body[0] & 0x0f == 8
                && (u16::from(body[0]) << 8 | u16::from(body[1])) % 31 == 0;
            if zlib {
                inflate(ZlibDecoder::new(&body[..]), cap).map(Decoded::Bytes)
            } else if sniff_html(&body) {
                Ok(Decoded::Bytes(body))
            } else {
                inflate(DeflateDecoder::new(&body[..]), cap).map(Decoded::Bytes)
            }
        }
        "br" => {
            // Brotli has no signature: bytes that already look like HTML were stored decoded.
            if sniff_html(&body) {
                Ok(Decoded::Bytes(body))
            } else {
                inflate(brotli_decompressor::Decompressor::new(&body[..], 4096), cap)
                    .map(Decoded::Bytes)
            }
        }
        _ => {
            if sniff_html(&body) {
                Ok(Decoded::Bytes(body))
            } else {
                Ok(Decoded::Unsupported)
            }
        }
    }
}

fn inflate(reader: impl Read, cap: u64) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    match reader.take(cap.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > cap => Err(DecodeError::Limit),
        Ok(_) => Ok(out),
        Err(e) => Err(DecodeError::Bad(format!("compressed payload: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn status_lines() {
        assert_eq!(status("HTTP/1.1 200 OK"), Some(200));
        assert_eq!(status("HTTP/2 404"), Some(404));
        assert_eq!(status("HTTP/1.0 20 OK"), None);
        assert_eq!(status("ICY 200 OK"), None);
        assert_eq!(status(""), None);
    }

    #[test]
    fn html_types_and_sniffing() {
        assert!(is_html_type("text/html; charset=ISO-8859-1"));
        assert!(is_html_type("Application/XHTML+XML"));
        assert!(!is_html_type("text/plain"));
        assert!(sniff_html(b"\xEF\xBB\xBF\n  <!DOCTYPE html><html>"));
        assert!(sniff_html(b"<p>Hi</p>"));
        assert!(!sniff_html(b"<pre>"));
        assert!(!sniff_html(b"%PDF-1.4"));
        assert!(!sniff_html(b"<html"), "a tag name needs its delimiter");
    }

    #[test]
    fn chunked_bodies() {
        let body = b"5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n";
        assert_eq!(dechunk(body, 100).unwrap().unwrap(), b"Hello, world");
        assert_eq!(dechunk(b"<html>", 100).unwrap(), None, "not chunked after all");
        assert_eq!(dechunk(b"5\r\nHel", 100).unwrap().unwrap(), b"Hel", "cut inside a chunk");
        assert_eq!(dechunk(b"5\r\nHello\r\n", 100).unwrap().unwrap(), b"Hello");
        assert!(matches!(dechunk(b"5\r\nHelloXX3\r\nabc\r\n0\r\n", 100), Err(DecodeError::Bad(_))));
        assert!(matches!(dechunk(b"5\r\nHello\r\nzz\r\n", 100), Err(DecodeError::Bad(_))));
        assert_eq!(dechunk(b"5\r\nHello\r\n0\r\n\r\n", 4), Err(DecodeError::Limit));
        assert_eq!(dechunk(b"fffffffffffffff\r\nab", 100).unwrap().unwrap(), b"ab");
    }

    #[test]
    fn content_encodings() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<html>hello</html>").unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            decode_content(gz.clone(), Some("gzip"), 100).unwrap(),
            Decoded::Bytes(b"<html>hello</html>".to_vec())
        );
        assert_eq!(decode_content(gz.clone(), Some("gzip"), 5), Err(DecodeError::Limit));
        assert!(matches!(
            decode_content(gz[..gz.len() - 6].to_vec(), Some("gzip"), 100),
            Err(DecodeError::Bad(_))
        ));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"<p>x</p>").unwrap();
        let z = z.finish().unwrap();
        assert_eq!(
            decode_content(z, Some("deflate"), 100).unwrap(),
            Decoded::Bytes(b"<p>x</p>".to_vec())
        );
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(b"<p>raw</p>").unwrap();
        let d = d.finish().unwrap();
        assert_eq!(
            decode_content(d, Some("deflate"), 100).unwrap(),
            Decoded::Bytes(b"<p>raw</p>".to_vec())
        );
        assert_eq!(
            decode_content(b"<html>already</html>".to_vec(), Some("gzip"), 100).unwrap(),
            Decoded::Bytes(b"<html>already</html>".to_vec())
        );
        // Written by Python's `brotli.compress` from the page below.
        let br =
            hex("1b3700f8454f161ba17c2f5293d81833494b2d422529c0e004e2bb18074b9bfe730ebff94a812e01");
        assert_eq!(
            decode_content(br.clone(), Some("br"), 100).unwrap(),
            Decoded::Bytes(b"<html><body><p>Compressed with brotli.</p></body></html>".to_vec())
        );
        assert_eq!(decode_content(br.clone(), Some("br"), 10), Err(DecodeError::Limit));
        assert!(matches!(
            decode_content(br[..20].to_vec(), Some("br"), 100),
            Err(DecodeError::Bad(_))
        ));
        assert_eq!(
            decode_content(vec![0x28, 0xb5, 0x2f, 0xfd], Some("zstd"), 100).unwrap(),
            Decoded::Unsupported
        );
    }
}
