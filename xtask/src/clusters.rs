//! `cargo xtask clusters`: fetch the Brown word clusters that the tagger and parser are trained
//! with — the English lexeme tables of the PyPI package `spacy-lookups-data` (MIT licence) —
//! with the ordinary client into a cache outside the repository, and print the folder to pass
//! to `annalist train --clusters` (which also looks there by default).
//!
//! Cache: `$ANNALIST_CACHE/spacy-lookups-data`, else `~/.cache/annalist/spacy-lookups-data`
//! (see `depparse::cluster::default_source_dir`). A cached download is reused; `--refresh`
//! fetches again. Needs `python3 -m pip` on the PATH. The version is pinned so training is
//! reproducible. Nothing of the package enters the repository except the models built from it.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

const PIP_SPEC: &str = "spacy-lookups-data==1.0.5";
const WHEEL: &str = "spacy_lookups_data-1.0.5-py2.py3-none-any.whl";

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("cannot start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

/// Downloads and unpacks the two tables into `data` (the package's `data` folder).
fn fetch(data: &Path, refresh: bool) -> Result<()> {
    // data = <cache>/x/spacy_lookups_data/data
    let x = data.parent().and_then(Path::parent).context("cluster cache path too short")?;
    let cache = x.parent().context("cluster cache path too short")?;
    std::fs::create_dir_all(cache)?;
    if refresh || !cache.join(WHEEL).exists() {
        run(Command::new("python3")
            .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d", "."])
            .arg(PIP_SPEC)
            .current_dir(cache))?;
    }
    let wanted = [depparse::cluster::CLUSTER_FILE, depparse::cluster::PROB_FILE];
    if refresh || wanted.iter().any(|f| !data.join(f).exists()) {
        std::fs::create_dir_all(data)?;
        // Only the two English tables (the wheel holds ~100 MB of other languages).
        let script = "import sys, zipfile\n\
                      z = zipfile.ZipFile(sys.argv[1])\n\
                      for n in sys.argv[3:]:\n    \
                      z.extract('spacy_lookups_data/data/' + n, sys.argv[2])\n";
        run(Command::new("python3")
            .args(["-c", script])
            .arg(cache.join(WHEEL))
            .arg(x)
            .args(wanted))?;
    }
    Ok(())
}

pub fn run_task(args: &[String]) -> Result<()> {
    let refresh = args.iter().any(|a| a == "--refresh");
    let data = depparse::cluster::default_source_dir()
        .context("neither ANNALIST_CACHE nor HOME is set")?;
    fetch(&data, refresh)?;
    let c = depparse::cluster::Clusters::from_spacy_lookups(&data)?;
    println!("{}", data.display());
    eprintln!("{} lower-cased words with a Brown cluster", c.len());
    Ok(())
}
