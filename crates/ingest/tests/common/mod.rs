//! Fixture builders shared by the ingest tests: WARC records, gzip members, a reader that
//! splits its data into reads of random sizes, and a readable dump of what a reader yields.

#![allow(dead_code)]

use ingest::{IngestError, Item};
use std::io::{self, Read, Write};

/// One WARC record: version line, `WARC-Type`, the extra headers, `Content-Length`, block.
pub fn record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    record_with_length(kind, headers, block, block.len())
}

/// A record whose `Content-Length` may lie.
pub fn record_with_length(
    kind: &str,
    headers: &[(&str, &str)],
    block: &[u8],
    length: usize,
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"WARC/1.1\r\n");
    out.extend_from_slice(format!("WARC-Type: {kind}\r\n").as_bytes());
    out.extend_from_slice(b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n");
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {length}\r\n\r\n").as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response message.
pub fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// A `response` record for an HTML page at `url`.
pub fn html_response(url: &str, date: &str, body: &[u8]) -> Vec<u8> {
    let block = http("200 OK", &[("Content-Type", "text/html; charset=utf-8")], body);
    record(
        "response",
        &[
            ("WARC-Target-URI", url),
            ("WARC-Date", date),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &block,
    )
}

pub fn warcinfo() -> Vec<u8> {
    record(
        "warcinfo",
        &[("WARC-Date", "2024-05-01T00:00:00Z"), ("Content-Type", "application/warc-fields")],
        b"software: annalist-tests\r\nformat: WARC File Format 1.1\r\n",
    )
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// Each record as its own gzip member, with the offset of each member.
pub fn gzip_members(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(out.len() as u64);
        out.extend_from_slice(&gzip(r));
    }
    (out, offsets)
}

/// A small deterministic PRNG (SplitMix64) so chunking tests can pin their seed.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Serves `data` in reads of random sizes between 1 and `max`.
#[derive(Debug)]
pub struct Chunky {
    data: Vec<u8>,
    pos: usize,
    rng: Rng,
    max: u64,
}

impl Chunky {
    pub fn new(data: Vec<u8>, seed: u64, max: u64) -> Self {
        Chunky { data, pos: 0, rng: Rng(seed), max }
    }
}

impl Read for Chunky {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = (1 + self.rng.below(self.max)) as usize;
        let n = want.min(buf.len()).min(self.data.len() - self.pos);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// A readable line per item: documents with origin, uri, date, type, hash and the bytes'
/// length; skips by reason; errors by their message.
pub fn dump(items: impl Iterator<Item = Result<Item, IngestError>>) -> Vec<String> {
    items
        .map(|it| match it {
            Ok(Item::Document(d)) => format!(
                "doc {} uri={:?} fetched={:?} type={:?} len={} hash={} text={} hints={:?}",
                d.origin,
                d.uri,
                d.fetched,
                d.content_type,
                d.bytes.len(),
                &d.hash.0[..12],
                d.hints.plain_text,
                (&d.hints.title, &d.hints.date, &d.hints.outlet)
            ),
            Ok(Item::Skipped(r)) => format!("skip {r}"),
            Err(e) => format!("error {e}"),
        })
        .collect()
}
