//! The one way tests and eval commands reach the third-party data in `../shared` and the
//! quality floors kept in `ci/floors.txt`.
//!
//! `../shared` is found beside the workspace root, or at `$ANNALIST_SHARED`. When a file is
//! missing, [`shared`] returns `None` so a developer without the data can still run the rest —
//! except under CI (`CI=true`), where a missing file is a test failure, never a silent skip.
//!
//! Floors are ratchets: `ci/floors.txt` holds `name = value` lines, the best figure reached so
//! far (or the bar once met); quality suites assert they do not fall below them.

use std::path::{Path, PathBuf};

/// The workspace root (the folder holding the top `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/testdata sits two levels below the root")
        .to_path_buf()
}

/// The `shared` folder: `$ANNALIST_SHARED`, else `<root>/../shared`.
pub fn shared_root() -> PathBuf {
    match std::env::var_os("ANNALIST_SHARED") {
        Some(p) => PathBuf::from(p),
        None => workspace_root().join("..").join("shared"),
    }
}

/// True when running under CI, where missing data is an error.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A path below `shared/` (e.g. `"data/ud-english-ewt/en_ewt-ud-test.conllu"`).
///
/// Returns `None` (after saying so on stderr) when the file is absent outside CI.
///
/// # Panics
/// Under CI when the file is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = shared_root().join(rel);
    if path.exists() {
        return Some(path);
    }
    if in_ci() {
        panic!("CI=true and shared test data is missing: {}", path.display());
    }
    eprintln!("note: skipping, shared test data not found: {}", path.display());
    None
}

/// The floor recorded for `name` in `ci/floors.txt`.
///
/// # Panics
/// When the file or the name is missing or the value is not a number: a suite without a floor
/// is a configuration error.
pub fn floor(name: &str) -> f64 {
    let path = workspace_root().join("ci").join("floors.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    parse_floors(&text)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no floor named `{name}` in {}", path.display()))
}

/// Asserts `value >= floor(name)` and prints both, so CI logs show the figure.
///
/// # Panics
/// When the value is below the floor.
pub fn assert_floor(name: &str, value: f64) {
    let floor = floor(name);
    println!("quality {name}: {value:.4} (floor {floor:.4})");
    assert!(value + 1e-9 >= floor, "{name} = {value:.4} fell below its floor {floor:.4}");
}

fn parse_floors(text: &str) -> Vec<(String, f64)> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.trim().to_string(), v.trim().parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn floors_parse_with_comments() {
        let f = super::parse_floors("# header\na.b = 0.95 # bar\n\nc = 3\nbad line\n");
        assert_eq!(f, vec![("a.b".to_string(), 0.95), ("c".to_string(), 3.0)]);
    }

    #[test]
    fn floors_file_is_well_formed() {
        let path = super::workspace_root().join("ci/floors.txt");
        let text = std::fs::read_to_string(path).unwrap();
        for line in text.lines().map(|l| l.split('#').next().unwrap().trim()) {
            if !line.is_empty() {
                assert!(!super::parse_floors(line).is_empty(), "malformed floor line: {line}");
            }
        }
    }
}
