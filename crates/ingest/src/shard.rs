//! Shard mode for sites without Spark (Slurm arrays, Kubernetes indexed jobs, GNU parallel):
//! a manifest lists inputs one a line, shard `i/n` takes every n-th of them, and each input
//! gets exactly one output file in an output directory.
//!
//! - The manifest: one input path a line; blank lines and lines starting with `#` are
//!   ignored, and a repeated input counts once (its first place), so two shards never write
//!   the same output.
//! - The output name depends on the input path only (its file name plus a hash of the whole
//!   path), never on the shard count or the manifest order: any split of the manifest
//!   produces the same files.
//! - An output is written as `NAME.partial` and renamed to `NAME` after it is flushed to disk,
//!   so a kill never leaves a half-written `NAME`; an existing `NAME` means the input is done
//!   and is skipped. A left-over `.partial` is overwritten by the next run of that shard.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A problem with the manifest, the shard spec or the output directory.
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// `--shard` is not `i/n` with `0 <= i < n`.
    #[error("bad shard {0:?}: expected i/n with 0 <= i < n, e.g. 0/4")]
    BadSpec(String),
    /// The manifest cannot be read.
    // The cause is in the message and not also chained as a source: `{:#}` (anyhow) printed
    // it twice ("…: No such file or directory (os error 2): No such file or directory …").
    #[error("{path}: cannot read the manifest: {error}")]
    Manifest { path: PathBuf, error: io::Error },
    /// A manifest line is not valid UTF-8.
    #[error("{path}:{line}: not UTF-8")]
    ManifestUtf8 { path: PathBuf, line: usize },
    /// The output directory or an output file cannot be written.
    #[error("{path}: {error}")]
    Output { path: PathBuf, error: io::Error },
}

/// Which part of the manifest one process takes: every `count`-th input from `index` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Default for Shard {
    /// The whole manifest.
    fn default() -> Self {
        Shard { index: 0, count: 1 }
    }
}

impl std::str::FromStr for Shard {
    type Err = ShardError;
    fn from_str(s: &str) -> Result<Self, ShardError> {
        let bad = || ShardError::BadSpec(s.to_string());
        let (i, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// One manifest entry: its 1-based manifest line and the input path as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    pub input: String,
}

/// The distinct inputs of a manifest, in order (see the module docs for the format).
pub fn parse_manifest(text: &str) -> Vec<Entry> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let input = raw.trim();
        if input.is_empty() || input.starts_with('#') || !seen.insert(input) {
            continue;
        }
        out.push(Entry { line: i + 1, input: input.to_string() });
    }
    out
}

/// Reads and parses a manifest file.
///
/// # Errors
/// When the file cannot be read or a line is not UTF-8.
pub fn read_manifest(path: &Path) -> Result<Vec<Entry>, ShardError> {
    let bytes =
        fs::read(path).map_err(|error| ShardError::Manifest { path: path.to_path_buf(), error })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(parse_manifest(&text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&c| c == b'\n').count() + 1;
            Err(ShardError::ManifestUtf8 { path: path.to_path_buf(), line })
        }
    }
}

/// The entries shard `shard` takes: positions `index`, `index + count`, … of the manifest.
pub fn select(entries: &[Entry], shard: Shard) -> Vec<Entry> {
    entries.iter().skip(shard.index).step_by(shard.count).cloned().collect()
}

/// The output file name of an input: its file name (made safe) plus 16 hex digits of a
/// 64-bit FNV-1a hash of the whole path as written, then `ext` (e.g. `jsonl`).
pub fn output_name(input: &str, ext: &str) -> String {
    let base = input.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let mut safe: String = base
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .take(100)
        .collect();
    if safe.is_empty() || safe.starts_with('.') {
        safe.insert(0, 'x');
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{safe}.{h:016x}.{ext}")
}

/// The output directory of a sharded run.
#[derive(Debug, Clone)]
pub struct OutDir {
    dir: PathBuf,
    ext: String,
}

impl OutDir {
    /// Creates `dir` if needed; outputs get the extension `ext`.
    ///
    /// # Errors
    /// When the directory cannot be created.
    pub fn create(dir: &Path, ext: &str) -> Result<Self, ShardError> {
        fs::create_dir_all(dir)
            .map_err(|error| ShardError::Output { path: dir.to_path_buf(), error })?;
        Ok(OutDir { dir: dir.to_path_buf(), ext: ext.to_string() })
    }

    /// Where the finished output of `input` goes.
    pub fn path_of(&self, input: &str) -> PathBuf {
        self.dir.join(output_name(input, &self.ext))
    }

    /// Whether `input`'s output is already there (a finished earlier run).
    pub fn is_done(&self, input: &str) -> bool {
        self.path_of(input).is_file()
    }

    /// Writes `input`'s output through `write` into `NAME.partial`, flushes it to disk and
    /// renames it to `NAME`. When `write` fails, the partial file is removed and its error
    /// returned as `Ok(Err(..))`; an I/O failure of the output itself is `Err`.
    ///
    /// # Errors
    /// When the output file cannot be created, written, synced or renamed.
    pub fn write_atomic<T, E>(
        &self,
        input: &str,
        write: impl FnOnce(&mut BufWriter<File>) -> Result<T, E>,
    ) -> Result<Result<T, E>, ShardError> {
        let done = self.path_of(input);
        let mut partial = done.clone().into_os_string();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |error| ShardError::Output { path, error }
        };
        let file = File::create(&partial).map_err(io_err(&partial))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        let result = write(&mut out);
        if result.is_err() {
            drop(out);
            let _ = fs::remove_file(&partial);
            return Ok(result);
        }
        out.flush().map_err(io_err(&partial))?;
        let file = out.into_inner().map_err(|e| io_err(&partial)(e.into_error()))?;
        file.sync_all().map_err(io_err(&partial))?;
        drop(file);
        fs::rename(&partial, &done).map_err(io_err(&done))?;
        // Make the rename itself durable.
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_specs() {
        assert_eq!("1/4".parse::<Shard>().unwrap(), Shard { index: 1, count: 4 });
        assert_eq!(" 0 / 1 ".parse::<Shard>().unwrap(), Shard::default());
        for bad in ["4/4", "1/0", "x/2", "2", "-1/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_the_distinct_inputs() {
        let m = parse_manifest("# inputs\na.warc.gz\n\n b.warc.gz \na.warc.gz\nc\nd\ne\n");
        let inputs: Vec<&str> = m.iter().map(|e| e.input.as_str()).collect();
        assert_eq!(inputs, ["a.warc.gz", "b.warc.gz", "c", "d", "e"]);
        assert_eq!(m[1].line, 4);
        for n in 1..=6 {
            let mut all: Vec<String> = (0..n)
                .flat_map(|i| select(&m, Shard { index: i, count: n }))
                .map(|e| e.input)
                .collect();
            all.sort();
            assert_eq!(all, ["a.warc.gz", "b.warc.gz", "c", "d", "e"], "n = {n}");
        }
    }

    #[test]
    fn output_names_are_safe_and_distinct() {
        let a = output_name("/data/2024/CC-NEWS-1.warc.gz", "jsonl");
        let b = output_name("/data/2025/CC-NEWS-1.warc.gz", "jsonl");
        assert!(a.starts_with("CC-NEWS-1.warc.gz.") && a.ends_with(".jsonl"), "{a}");
        assert_ne!(a, b);
        assert_eq!(a, output_name("/data/2024/CC-NEWS-1.warc.gz", "jsonl"));
        let odd = output_name("../..", "jsonl");
        assert!(!odd.starts_with('.') && !odd.contains('/'), "{odd}");
        assert!(!output_name("a b/c:d?", "jsonl").contains([' ', ':', '?']));
    }

    #[test]
    fn writes_are_atomic_and_failures_leave_nothing() {
        let dir = std::env::temp_dir().join(format!("shard-out-{}", std::process::id()));
        let out = OutDir::create(&dir, "jsonl").unwrap();
        assert!(!out.is_done("x.warc"));
        let r = out.write_atomic("x.warc", |w| w.write_all(b"{}\n")).unwrap();
        assert!(r.is_ok());
        assert!(out.is_done("x.warc"));
        assert_eq!(fs::read(out.path_of("x.warc")).unwrap(), b"{}\n");
        let r: Result<(), &str> = out
            .write_atomic("y.warc", |w| {
                w.write_all(b"half").unwrap();
                Err("coding failed")
            })
            .unwrap();
        assert_eq!(r, Err("coding failed"));
        assert!(!out.is_done("y.warc"));
        let names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
