//! Repository rules that code review would otherwise have to remember.
//!
//! - every Rust source file starts with a `//!` header saying what it is for;
//! - no ignored tests: a known-wrong behaviour is asserted as it is, with a FIXME;
//! - crate edges follow the pipeline: a stage never depends on a later stage, and `model`
//!   depends on no stage.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// Internal dependencies each crate must NOT have.
const FORBIDDEN_EDGES: &[(&str, &[&str])] = &[
    ("model", &["ingest", "extract", "nlp", "coder", "store", "timex", "geo", "cluster", "server"]),
    ("ingest", &["extract", "nlp", "coder", "store", "server"]),
    ("extract", &["nlp", "coder", "store", "server"]),
    ("nlp", &["ingest", "extract", "coder", "store", "server"]),
    ("coder", &["ingest", "extract", "store", "server"]),
];

pub fn run() -> Result<()> {
    let root = workspace_root();
    let problems = check(&root)?;
    if problems.is_empty() {
        println!("tidy: ok");
        return Ok(());
    }
    for p in &problems {
        eprintln!("tidy: {p}");
    }
    bail!("{} tidy problem(s)", problems.len())
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").into()
}

pub fn check(root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for dir in ["crates", "xtask"] {
        collect_rs(&root.join(dir), &mut files)?;
    }
    let ignore_attr = concat!("#[", "ignore");
    for file in &files {
        let text = std::fs::read_to_string(file).with_context(|| file.display().to_string())?;
        let rel = file.strip_prefix(root).unwrap_or(file).display().to_string();
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if !first.starts_with("//!") && !first.starts_with("#![") {
            problems.push(format!("{rel}: no `//!` header"));
        }
        if text.contains(ignore_attr) {
            problems.push(format!("{rel}: ignored test; assert today's behaviour with a FIXME"));
        }
    }
    for (krate, forbidden) in FORBIDDEN_EDGES {
        let manifest = root.join("crates").join(krate).join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else { continue };
        for dep in *forbidden {
            let needle = format!("\n{dep}.workspace");
            let needle2 = format!("\n{dep} =");
            if text.contains(&needle) || text.contains(&needle2) {
                problems.push(format!("crates/{krate}: must not depend on `{dep}`"));
            }
        }
    }
    Ok(problems)
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "target" || n == "data") {
                continue;
            }
            collect_rs(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn repository_is_tidy() {
        let problems = super::check(&super::workspace_root()).unwrap();
        assert!(problems.is_empty(), "tidy problems:\n{}", problems.join("\n"));
    }
}
