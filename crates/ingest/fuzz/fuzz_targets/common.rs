//! Shared by the ingest fuzz targets: a reader that splits the input into reads whose sizes
//! come from the input itself, and a comparable dump of what a reader yields that checks the
//! invariants every item must keep.

use ingest::{IngestError, Item};
use std::io::{self, Read};

/// Serves `data` in reads whose sizes (1..=256) cycle through `sizes`.
pub struct Chunky {
    data: Vec<u8>,
    pos: usize,
    sizes: Vec<u8>,
    i: usize,
}

impl Chunky {
    /// Read sizes are taken from the input's last bytes, so the fuzzer explores splits too.
    pub fn new(data: &[u8]) -> Self {
        let sizes = data.iter().rev().take(16).copied().collect();
        Chunky { data: data.to_vec(), pos: 0, sizes, i: 0 }
    }
}

impl Read for Chunky {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let want = match self.sizes.len() {
            0 => 1,
            n => 1 + self.sizes[self.i % n] as usize,
        };
        self.i += 1;
        let n = want.min(buf.len()).min(self.data.len() - self.pos);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// One line per item, checking: documents within the cap, hash of the bytes, errors naming
/// the input.
pub fn dump(items: impl Iterator<Item = Result<Item, IngestError>>, cap: u64) -> Vec<String> {
    items
        .map(|it| match it {
            Ok(Item::Document(d)) => {
                assert!(d.bytes.len() as u64 <= cap, "document above the cap");
                assert_eq!(d.hash, ingest::content_hash(&d.bytes), "hash is of the bytes");
                assert_eq!(d.origin.input, "fuzz");
                format!(
                    "doc {} {:?} {:?} {:?} {}",
                    d.origin, d.uri, d.fetched, d.content_type, d.hash
                )
            }
            Ok(Item::Skipped(r)) => format!("skip {r}"),
            Err(e) => {
                assert_eq!(e.input(), "fuzz");
                let msg = e.to_string();
                assert!(msg.starts_with("fuzz"), "errors name the input: {msg}");
                format!("error {msg}")
            }
        })
        .collect()
}
