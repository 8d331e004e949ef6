//! `annalist export`: the whole store as GDELT 2.0 Events (+ Mentions) TSV, JSONL or CSV.
//!
//! GDELT: one events row per event cluster (its earliest report stands for it, with the
//! cluster's NumMentions/NumSources/NumArticles) and, with `--mentions FILE`, one Mentions row
//! per report. Asserted, non-historical clusters only unless `--all`. JSONL and CSV: one row
//! per stored event with its cluster id and counts. Parquet: the same rows, typed columns.

use super::query::{coded, counts};
use super::Outcome;
use anyhow::Context as _;
use export::{Format, Writer};
use std::io::{self, Write};
use std::path::PathBuf;
use store::{Filter, OpenOptions, SqliteStore, Store};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store (default: the user's data directory, annalist/annalist.db).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// gdelt, jsonl, csv, tsv or parquet (parquet needs --out).
    #[arg(long, short = 'f', default_value = "gdelt")]
    pub format: String,
    /// Write here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With gdelt: also write the Mentions table to this file.
    #[arg(long, value_name = "FILE")]
    pub mentions: Option<PathBuf>,
    /// With gdelt: also clusters that are not asserted or are historical.
    #[arg(long)]
    pub all: bool,
    /// Only the newest version of each URL.
    #[arg(long)]
    pub latest: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    // Usage errors first: they need no store.
    let format: Option<Format> = match args.format.as_str() {
        "gdelt" => Some(Format::Gdelt),
        "jsonl" | "json" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        "tsv" => Some(Format::Tsv),
        "parquet" => None,
        other => {
            anyhow::bail!(
                "unknown export format `{other}`; expected gdelt, jsonl, csv, tsv or parquet"
            )
        }
    };
    if args.mentions.is_some() && format != Some(Format::Gdelt) {
        anyhow::bail!("--mentions goes with --format gdelt");
    }
    // The other formats write every event with its modality and historical flag: `--all`
    // changed nothing there, silently.
    if args.all && format != Some(Format::Gdelt) {
        anyhow::bail!("--all goes with --format gdelt (the other formats keep every event)");
    }
    // Output paths that cannot take a file are refused before anything is written: the
    // events file was renamed into place and then a directory given as --mentions failed.
    for (flag, p) in [("--out", &args.out), ("--mentions", &args.mentions)] {
        if let Some(p) = p.as_deref().filter(|p| p.is_dir()) {
            anyhow::bail!("{flag} {}: is a directory, not a file", p.display());
        }
    }
    if let (Some(o), Some(m)) = (&args.out, &args.mentions) {
        if o == m {
            anyhow::bail!("--out and --mentions are both {}: give two files", o.display());
        }
    }
    let path = args.db.clone().unwrap_or_else(store::default_path);
    let db = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None })?;
    let Some(format) = format else { return parquet(&db, &args) };
    let rows = db.events(&Filter { latest_only: args.latest, ..Filter::default() })?;
    // Every output file is written under a temporary name and renamed into place only when
    // the whole export succeeded: a failure never leaves a half-written or empty file.
    let (out, out_file): (Box<dyn Write>, Option<Pending>) = match &args.out {
        Some(p) => {
            let (f, pending) = Pending::create(p)?;
            (Box::new(f), Some(pending))
        }
        None => (Box::new(io::stdout().lock()), None),
    };
    let (mut mentions, mentions_file) = match &args.mentions {
        Some(p) => {
            let (f, pending) = Pending::create(p)?;
            (Some(io::BufWriter::new(f)), Some(pending))
        }
        None => (None, None),
    };
    let out = io::BufWriter::new(out);
    let added = model::days::utc_stamp();
    if format == Format::Jsonl {
        let mut out = out;
        for r in &rows {
            serde_json::to_writer(&mut out, r)?;
            writeln!(out)?;
        }
        out.flush()?;
        drop(out);
        if let Some(f) = out_file {
            f.commit()?;
        }
        eprintln!("annalist: {} event(s)", rows.len());
        return Ok(Outcome::Clean);
    }
    let mut w = Writer::new(out, format, args.all, added.clone()).with_cluster_columns();
    // The first report of each cluster stands for it in the events table; `kept` says whether
    // that row was written (not left out as unasserted or historical), so that the Mentions
    // table only names events the events table holds.
    let mut kept: std::collections::HashMap<i64, bool> = std::collections::HashMap::new();
    let mut rep_id: std::collections::HashMap<i64, u64> = std::collections::HashMap::new();
    for r in &rows {
        let key = r.cluster.unwrap_or(-(r.document * 100_000 + i64::from(r.event.sentence)));
        let written = match kept.get(&key) {
            Some(&k) if format == Format::Gdelt => k,
            _ => {
                let before = w.written;
                w.write_clustered(&coded(r), r.cluster, counts(r))?;
                *kept.entry(key).or_insert(w.written > before)
            }
        };
        let id = *rep_id.entry(key).or_insert_with(|| export::gdelt_id(&r.event));
        if let (Some(m), true) = (&mut mentions, written) {
            export::mentions::write_mention(
                m,
                &export::mentions::Mention {
                    event_id: id,
                    event_added: &added,
                    published: r.published.as_ref().map(|p| p.value.as_str()),
                    outlet: r.outlet.as_deref(),
                    url: r.url.as_deref(),
                    doc_len: 0,
                    event: &r.event,
                },
            )?;
        }
    }
    let (n, filtered) = (w.written, w.filtered);
    drop(w.finish()?);
    if let Some(mut m) = mentions {
        m.flush()?;
    }
    if let Some(f) = out_file {
        f.commit()?;
    }
    if let Some(f) = mentions_file {
        f.commit()?;
    }
    if format == Format::Gdelt {
        eprintln!("annalist: {n} row(s) written, {filtered} left out (not asserted or historical; --all keeps them)");
    } else {
        eprintln!("annalist: {n} row(s) written");
    }
    Ok(Outcome::Clean)
}

/// An output file being written under a temporary name beside it; [`Pending::commit`] renames
/// it into place, dropping it uncommitted removes it.
struct Pending {
    tmp: PathBuf,
    dest: PathBuf,
    done: bool,
}

impl Pending {
    fn create(dest: &std::path::Path) -> anyhow::Result<(std::fs::File, Pending)> {
        let name = dest.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tmp = dest.with_file_name(format!(".{name}.partial-{}", std::process::id()));
        let file =
            std::fs::File::create(&tmp).with_context(|| format!("creating {}", dest.display()))?;
        Ok((file, Pending { tmp, dest: dest.to_path_buf(), done: false }))
    }

    fn commit(mut self) -> anyhow::Result<()> {
        std::fs::rename(&self.tmp, &self.dest)
            .with_context(|| format!("writing {}", self.dest.display()))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

fn parquet(db: &SqliteStore, args: &Args) -> anyhow::Result<Outcome> {
    let Some(path) = &args.out else {
        anyhow::bail!("--format parquet writes a binary file: give it with --out FILE")
    };
    let rows = db.events(&Filter { latest_only: args.latest, ..Filter::default() })?;
    let (file, pending) = Pending::create(path)?;
    let mut w = export::parquet_out::ParquetWriter::new(io::BufWriter::new(file))?;
    for chunk in rows.chunks(16_384) {
        let batch: Vec<_> = chunk.iter().map(|r| (coded(r), r.cluster, counts(r))).collect();
        w.write_batch(&batch)?;
    }
    w.finish()?;
    pending.commit()?;
    eprintln!("annalist: {} event(s) written to {}", rows.len(), path.display());
    Ok(Outcome::Clean)
}
