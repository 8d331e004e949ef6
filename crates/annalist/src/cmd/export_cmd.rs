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
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::PathBuf;
use store::{Filter, OpenOptions, SqliteStore, Store};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store (default: the user's data directory, annalist/annalist.db).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// gdelt, jsonl, csv or parquet (parquet needs --out).
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
    let path = args.db.clone().unwrap_or_else(store::default_path);
    let db = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None })?;
    let format: Format = match args.format.as_str() {
        "gdelt" => Format::Gdelt,
        "jsonl" | "json" => Format::Jsonl,
        "csv" => Format::Csv,
        "parquet" => return parquet(&db, &args),
        other => {
            anyhow::bail!("unknown export format `{other}`; expected gdelt, jsonl, csv or parquet")
        }
    };
    let rows = db.events(&Filter { latest_only: args.latest, ..Filter::default() })?;
    let out: Box<dyn Write> = match &args.out {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(io::stdout().lock()),
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
        eprintln!("annalist: {} event(s)", rows.len());
        return Ok(Outcome::Clean);
    }
    let mut w = Writer::new(out, format, args.all, added.clone());
    let mut mentions = match &args.mentions {
        Some(p) if format == Format::Gdelt => Some(io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        Some(_) => anyhow::bail!("--mentions goes with --format gdelt"),
        None => None,
    };
    // The first report of each cluster stands for it in the events table.
    let mut written: HashSet<i64> = HashSet::new();
    let mut rep_id: std::collections::HashMap<i64, u64> = std::collections::HashMap::new();
    for r in &rows {
        let key = r.cluster.unwrap_or(-(r.document * 100_000 + i64::from(r.event.sentence)));
        let first = written.insert(key);
        if format != Format::Gdelt || first {
            w.write_counted(&coded(r), counts(r))?;
        }
        let id = *rep_id.entry(key).or_insert_with(|| export::gdelt_id(&r.event));
        if let Some(m) = &mut mentions {
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
    w.finish()?;
    if let Some(mut m) = mentions {
        m.flush()?;
    }
    eprintln!("annalist: {n} row(s) written, {filtered} left out (not asserted or historical; --all keeps them)");
    Ok(Outcome::Clean)
}

fn parquet(db: &SqliteStore, args: &Args) -> anyhow::Result<Outcome> {
    let Some(path) = &args.out else {
        anyhow::bail!("--format parquet writes a binary file: give it with --out FILE")
    };
    let rows = db.events(&Filter { latest_only: args.latest, ..Filter::default() })?;
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut w = export::parquet_out::ParquetWriter::new(io::BufWriter::new(file))?;
    for chunk in rows.chunks(16_384) {
        let batch: Vec<_> = chunk.iter().map(|r| (coded(r), r.cluster, counts(r))).collect();
        w.write_batch(&batch)?;
    }
    w.finish()?;
    eprintln!("annalist: {} event(s) written to {}", rows.len(), path.display());
    Ok(Outcome::Clean)
}
