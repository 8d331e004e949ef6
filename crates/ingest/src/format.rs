//! Which reader an input needs: by file extension first, by its first bytes when the name
//! says nothing (stdin, unknown extensions), and a cheap check that a "document" is not an
//! image, archive or executable.

use std::path::Path;

/// The container format of an input. Gzip compression is orthogonal: it is detected from the
/// bytes and undone before the format's reader sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One HTML page per file (`.html`, `.htm`, `.xhtml`).
    Html,
    /// One plain-text news item per file (`.txt`).
    Text,
    /// One JSON object a line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// A WARC archive (`.warc`, `.warc.gz`).
    Warc,
}

impl Format {
    /// The format a file name announces, looking through a final `.gz`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "txt" | "text" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "warc" => Format::Warc,
            _ => return None,
        })
    }

    /// The format the first (decoded) bytes of an input suggest. `None` for binary data.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        if looks_binary(head).is_some() {
            return None;
        }
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = body.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(body.len());
        let body = &body[start..];
        if body.starts_with(b"WARC/1.") {
            Some(Format::Warc)
        } else if body.starts_with(b"{") {
            Some(Format::Jsonl)
        } else if body.starts_with(b"<") || is_utf16(head) {
            Some(Format::Html)
        } else {
            Some(Format::Text)
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(Format::Html),
            "text" | "txt" => Ok(Format::Text),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "warc" => Ok(Format::Warc),
            other => Err(format!("unknown format {other:?} (expected html, text, jsonl or warc)")),
        }
    }
}

fn is_utf16(head: &[u8]) -> bool {
    head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF")
}

/// What kind of binary data `head` (an input's first bytes) is, if it is not text.
///
/// The kind of news feed whose first element opens `head` ("RSS feed", "Atom feed"), past a
/// BOM, an XML declaration, comments and a doctype; `None` for anything else.
pub fn looks_like_feed(head: &[u8]) -> Option<&'static str> {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        let lt = rest.iter().position(|&c| c == b'<')?;
        if !rest[..lt].iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        rest = &rest[lt..];
        let skip = if rest.starts_with(b"<?") {
            b"?>".as_slice()
        } else if rest.starts_with(b"<!--") {
            b"-->".as_slice()
        } else if rest.starts_with(b"<!") {
            b">".as_slice()
        } else {
            break;
        };
        let end = memchr::memmem::find(rest, skip)?;
        rest = &rest[end + skip.len()..];
    }
    let name: Vec<u8> = rest[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b':')
        .map(u8::to_ascii_lowercase)
        .collect();
    match name.as_slice() {
        b"rss" => Some("RSS feed"),
        b"feed" => Some("Atom feed"),
        b"rdf:rdf" => Some("RSS (RDF) feed"),
        _ => None,
    }
}

/// Text in UTF-16 has NUL bytes, so a BOM or a regular NUL pattern around ASCII keeps a page
/// from being called binary; the extract crate decides its encoding.
pub fn looks_binary(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"\x7FELF", "executable"),
        (b"\x28\xB5\x2F\xFD", "zstd data"),
        (b"BZh", "bzip2 data"),
        (b"\xFD7zXZ\x00", "xz data"),
        (b"RIFF", "RIFF media"),
        (b"OggS", "Ogg media"),
        (b"wOFF", "web font"),
        (b"wOF2", "web font"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(what);
    }
    if is_utf16(head) {
        return None;
    }
    let sample = &head[..head.len().min(4096)];
    memchr::memchr(0, sample)?;
    // UTF-16 without a BOM: NULs at every other byte beside ASCII.
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    if half > 0 && (even * 10 >= half * 9 || odd * 10 >= half * 9) && (even == 0 || odd == 0) {
        return None;
    }
    Some("NUL bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("a/b.HTML"), Some(Format::Html));
        assert_eq!(f("b.html.gz"), Some(Format::Html));
        assert_eq!(f("crawl-00001.warc.gz"), Some(Format::Warc));
        assert_eq!(f("dump.jsonl"), Some(Format::Jsonl));
        assert_eq!(f("news.txt"), Some(Format::Text));
        assert_eq!(f("x.gz"), None);
        assert_eq!(f("README"), None);
        assert_eq!(f("pic.png"), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"WARC/1.1\r\n"), Some(Format::Warc));
        assert_eq!(Format::sniff(b"\n {\"html\":1}"), Some(Format::Jsonl));
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF<!doctype html>"), Some(Format::Html));
        assert_eq!(Format::sniff(b"BAGHDAD, Jan. 21"), Some(Format::Text));
        assert_eq!(Format::sniff(b"\xFF\xFE<\x00h\x00"), Some(Format::Html));
        assert_eq!(Format::sniff(b"\x89PNG\r\n\x1a\n...."), None);
    }

    #[test]
    fn binary_or_not() {
        assert_eq!(looks_binary(b"plain text"), None);
        assert_eq!(
            looks_like_feed(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Some("RSS feed")
        );
        assert_eq!(looks_like_feed(b"\xEF\xBB\xBF<!-- x --><feed xmlns=\"a\">"), Some("Atom feed"));
        assert_eq!(looks_like_feed(b"<rdf:RDF xmlns:rdf=\"r\">"), Some("RSS (RDF) feed"));
        assert_eq!(looks_like_feed(b"<!DOCTYPE html><html><body>RSS</body>"), None);
        assert_eq!(looks_like_feed(b"<feedback>"), None);
        assert_eq!(looks_like_feed(b"plain <rss>"), None);
        assert_eq!(looks_binary(b"%PDF-1.7"), Some("PDF"));
        assert_eq!(looks_binary(b"ab\x00\x01\x02cd\x00"), Some("NUL bytes"));
        assert_eq!(looks_binary(b"<\x00h\x00t\x00m\x00l\x00>\x00"), None, "UTF-16LE without BOM");
        assert_eq!(looks_binary(b"\xFE\xFF\x00<\x00h"), None, "UTF-16BE with BOM");
    }
}
