//! Brown word clusters (Brown et al. 1992) as features for rare words: a table from the
//! lower-cased form to its cluster's bit path, built at training time from the English
//! lexeme tables of the PyPI package `spacy-lookups-data` (`en_lexeme_cluster.json.gz`,
//! `en_lexeme_prob.json.gz`) and stored inside the model files that use it, so a model is
//! self-contained and nothing is read from the package at run time.
//!
//! The package stores each path as an integer whose least significant bit is the path's first
//! branch (the bit string reversed): "Monday" and "Friday" are both `0b1101101010`, and words
//! sharing their low bits share the top of the cluster tree. Here a path is kept with a
//! sentinel bit above its last branch, so prefixes of different lengths never collide
//! ([`prefix`]). Koo, Carreras & Collins (2008) use 4- and 6-bit prefixes and the full path.

use crate::format::{ModelError, Reader, Writer};
use crate::hash::{self, U64Map};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// File names inside the package's `spacy_lookups_data/data` folder.
pub const CLUSTER_FILE: &str = "en_lexeme_cluster.json.gz";
pub const PROB_FILE: &str = "en_lexeme_prob.json.gz";

/// Most entries a table may hold (bounds memory for a bad file or model).
pub const MAX_ENTRIES: usize = 1_000_000;

/// Largest decompressed JSON file read (the package's are about 30 MB).
const MAX_JSON_BYTES: u64 = 256 << 20;

/// A path with its sentinel bit: the branches in bits `0..len`, a 1 at bit `len`.
pub type Path32 = u32;

/// Feature value of a word the table does not list.
pub const UNKNOWN: u64 = 0xc1_0000_0000;
/// Feature value standing for a missing position (before the sentence, no child, ...).
pub const NONE: u64 = 0xc2_0000_0000;

/// Why a cluster source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("{path}: cannot read word-cluster source: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a JSON object of word → number: {detail}")]
    Malformed { path: PathBuf, detail: String },
    #[error("{path}: more than {MAX_ENTRIES} clustered words")]
    TooLarge { path: PathBuf },
}

/// Where `cargo xtask clusters` unpacks the package's tables and `annalist train` looks for
/// them: `$ANNALIST_CACHE/spacy-lookups-data/…`, else `~/.cache/annalist/spacy-lookups-data/…`
/// (`None` when neither variable is set).
pub fn default_source_dir() -> Option<PathBuf> {
    let cache = match std::env::var_os("ANNALIST_CACHE") {
        Some(c) => PathBuf::from(c),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache").join("annalist"),
    };
    Some(cache.join("spacy-lookups-data").join("x").join("spacy_lookups_data").join("data"))
}

/// Lower-cased form hash → cluster path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    map: U64Map<Path32>,
}

/// Reads a gzip-compressed JSON object `{word: number}`.
fn read_json_gz(path: &Path) -> Result<BTreeMap<String, f64>, ClusterError> {
    let err = |source| ClusterError::Read { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(err)?;
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(file).take(MAX_JSON_BYTES).read_to_end(&mut text).map_err(err)?;
    serde_json::from_slice(&text)
        .map_err(|e| ClusterError::Malformed { path: path.to_path_buf(), detail: e.to_string() })
}

/// The sentinel form of the package's integer (0: no cluster).
fn from_package(v: u64) -> Option<Path32> {
    if v == 0 || v >= 1 << 31 {
        return None;
    }
    let len = 64 - v.leading_zeros();
    Some((v | 1 << len) as Path32)
}

impl Clusters {
    /// Builds the table from the package's data folder: every word with a cluster, keyed by
    /// its lower-cased form; where several spellings fold together (`The`, `the`), the most
    /// probable one's cluster is kept (ties: the first in byte order).
    pub fn from_spacy_lookups(dir: &Path) -> Result<Clusters, ClusterError> {
        let cpath = dir.join(CLUSTER_FILE);
        let clusters = read_json_gz(&cpath)?;
        let probs = read_json_gz(&dir.join(PROB_FILE))?;
        Clusters::from_entries(
            clusters.iter().map(|(w, &c)| (w.as_str(), c, probs.get(w).copied())),
            &cpath,
        )
    }

    /// Builds the table from (word, package cluster integer, log-probability) entries.
    pub fn from_entries<'a>(
        entries: impl Iterator<Item = (&'a str, f64, Option<f64>)>,
        path: &Path,
    ) -> Result<Clusters, ClusterError> {
        let mut best: U64Map<(f64, Path32)> = U64Map::default();
        for (word, c, prob) in entries {
            if !(c >= 0.0 && c.fract() == 0.0) {
                return Err(ClusterError::Malformed {
                    path: path.to_path_buf(),
                    detail: format!("cluster of `{word}` is {c}, not a whole number"),
                });
            }
            let Some(p) = from_package(c as u64) else { continue };
            let prob = prob.unwrap_or(f64::NEG_INFINITY);
            let key = hash::lower(word);
            match best.get(&key) {
                Some(&(q, _)) if q >= prob => {}
                _ => {
                    if best.len() >= MAX_ENTRIES {
                        return Err(ClusterError::TooLarge { path: path.to_path_buf() });
                    }
                    best.insert(key, (prob, p));
                }
            }
        }
        Ok(Clusters { map: best.into_iter().map(|(k, (_, p))| (k, p)).collect() })
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The path of the word whose lower-cased form hashes to `lower` (0: not listed).
    #[inline]
    pub fn get(&self, lower: u64) -> Path32 {
        self.map.get(&lower).copied().unwrap_or(0)
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        crate::tagger::write_map32(w, &self.map);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Clusters, ModelError> {
        let map = crate::tagger::read_map32(r)?;
        if map.len() > MAX_ENTRIES || map.values().any(|&p| p < 2) {
            return Err(r.corrupt("word-cluster table out of range"));
        }
        Ok(Clusters { map })
    }
}

/// Feature value of the first `k` branches of path `p` (the whole path when shorter;
/// [`UNKNOWN`] for 0).
#[inline]
pub fn prefix(p: Path32, k: u32) -> u64 {
    if p == 0 {
        return UNKNOWN;
    }
    let len = 31 - p.leading_zeros();
    if len <= k {
        p as u64
    } else {
        ((p & ((1 << k) - 1)) | 1 << k) as u64
    }
}

/// Feature values of one word: 4- and 6-branch prefixes and the whole path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefixes {
    pub c4: u64,
    pub c6: u64,
    pub full: u64,
    /// The path itself (0: none), for other prefix lengths.
    pub path: Path32,
}

impl Prefixes {
    pub const NONE: Prefixes = Prefixes { c4: NONE, c6: NONE, full: NONE, path: 1 };

    #[inline]
    pub fn of(p: Path32) -> Prefixes {
        Prefixes { c4: prefix(p, 4), c6: prefix(p, 6), full: prefix(p, 32), path: p }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(entries: &[(&str, f64, f64)]) -> Clusters {
        Clusters::from_entries(entries.iter().map(|&(w, c, p)| (w, c, Some(p))), Path::new("t"))
            .unwrap()
    }

    #[test]
    fn prefixes_are_the_low_bits_with_a_length_marker() {
        // "Monday" in the package: 0b1101101010 (first branch in bit 0).
        let p = from_package(0b11_0110_1010).unwrap();
        assert_eq!(p, 0b111_0110_1010);
        assert_eq!(prefix(p, 4), 0b1_1010);
        assert_eq!(prefix(p, 6), 0b110_1010);
        assert_eq!(prefix(p, 32), p as u64);
        // A path shorter than the prefix is itself, distinct from longer paths' prefixes.
        let short = from_package(0b11).unwrap();
        assert_eq!(prefix(short, 4), 0b111);
        assert_ne!(prefix(short, 4), prefix(from_package(0b1011).unwrap(), 4));
        assert_eq!(prefix(0, 4), UNKNOWN);
    }

    #[test]
    fn folds_case_keeping_the_most_probable_spelling() {
        let c = table(&[("The", 30.0, -6.0), ("the", 11.0, -3.5), ("Obama", 0.0, -9.0)]);
        assert_eq!(c.len(), 1);
        assert_eq!(c.get(hash::lower("THE")), from_package(11).unwrap());
        assert_eq!(c.get(hash::lower("Obama")), 0);
    }

    #[test]
    fn rejects_non_integer_clusters() {
        let e = Clusters::from_entries([("x", 1.5, None)].into_iter(), Path::new("c.json.gz"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("c.json.gz") && e.contains("`x`"), "{e}");
    }

    #[test]
    fn round_trips_through_the_model_format() {
        let c = table(&[("monday", 874.0, -9.0), ("paris", 1446.0, -10.0)]);
        let mut w = Writer::new();
        c.write(&mut w);
        let bytes = w.finish(crate::format::Kind::Parser);
        let mut r = Reader::open(&bytes, crate::format::Kind::Parser, "t").unwrap();
        assert_eq!(Clusters::read(&mut r).unwrap(), c);
    }

    #[test]
    fn reads_the_package_tables() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("depparse-clusters-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gz = |name: &str, json: &str| {
            let f = std::fs::File::create(dir.join(name)).unwrap();
            let mut e = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
            e.write_all(json.as_bytes()).unwrap();
            e.finish().unwrap();
        };
        gz(CLUSTER_FILE, r#"{"Paris": 1446, "paris": 12, "the": 11, "zz": 0}"#);
        gz(PROB_FILE, r#"{"Paris": -9.5, "paris": -14.0, "the": -3.5, "zz": -20.0}"#);
        let c = Clusters::from_spacy_lookups(&dir).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.get(hash::lower("PARIS")), from_package(1446).unwrap());
        gz(CLUSTER_FILE, r#"["not", "an", "object"]"#);
        let e = Clusters::from_spacy_lookups(&dir).unwrap_err().to_string();
        assert!(e.contains(CLUSTER_FILE) && e.contains("not a JSON object"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_source_names_the_file() {
        let e = Clusters::from_spacy_lookups(Path::new("/nonexistent-dir")).unwrap_err();
        assert!(e.to_string().contains("en_lexeme_cluster.json.gz"), "{e}");
    }
}
