//! `annalist ingest PATH...`: the whole pipeline into the store. Documents already stored
//! (same content hash and URL) are skipped without coding, wherever they sit in the input (a
//! checkpoint alone never skips a document: stdin and replaced files hold new ones there);
//! every batch commits with its checkpoints in one transaction, so a killed run loses at most
//! the batch in flight and a rerun completes the rest. Clusters are recomputed at the end.

use super::Outcome;
use anyhow::Context as _;
use ingest::{Ingest, Limits, Options};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;
use store::{Batch, DocRecord, OpenOptions, SqliteStore, Store};

#[derive(clap::Args, Debug)]
#[command(after_help = super::jsonl_help!())]
pub struct Args {
    /// Inputs: files (.html .htm .txt .jsonl .warc .warc.gz, .gz of these), directories, or `-`.
    #[arg(required_unless_present = "manifest", conflicts_with = "manifest", value_name = "PATH")]
    pub paths: Vec<String>,
    /// The store, created if missing; its folder must exist (default: the user's data
    /// directory, annalist/annalist.db, folder made as needed).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Worker threads (default, or 0: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Documents per committed batch.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// Cap the store file at this many 4 KiB pages.
    #[arg(long, value_name = "PAGES")]
    pub max_pages: Option<u64>,
    /// Do not recompute clusters at the end (run `annalist ingest` again or query as is).
    #[arg(long)]
    pub no_cluster: bool,
    /// Print every extraction diagnostic.
    #[arg(long, short)]
    pub verbose: bool,
    /// Shard mode (no store): code the inputs FILE lists, one a line, into one JSONL file of
    /// events each under --out, skipping inputs whose output is already there.
    #[arg(long, value_name = "FILE", requires = "out")]
    pub manifest: Option<PathBuf>,
    /// With --manifest: take every n-th input from the i-th (0-based) on, e.g. 0/4.
    #[arg(long, value_name = "i/n", requires = "manifest")]
    pub shard: Option<ingest::shard::Shard>,
    /// With --manifest: the output directory.
    #[arg(long, value_name = "DIR", requires = "manifest")]
    pub out: Option<PathBuf>,
}

enum Item {
    Code(Box<model::RawDocument>),
    /// Already stored or before the checkpoint: only the position advances.
    Skip(String),
    Failed(String),
}

enum Done {
    Coded(Box<DocRecord>),
    Skip(String),
    Failed(String, Option<String>),
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if let (Some(manifest), Some(out)) = (&args.manifest, &args.out) {
        let shard = args.shard.unwrap_or_default();
        return super::ingest_shard::run(manifest, shard, out, args.jobs, args.verbose);
    }
    let started = Instant::now();
    let path = super::store_path(args.db.as_deref())?;
    let opts = OpenOptions { read_only: false, max_pages: args.max_pages };
    let db = SqliteStore::open(&path, &opts)?;
    // A second connection answers "seen before?" on the reading thread while the writer commits.
    let reader = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None })?;
    let models = depparse::Models::load_default().context("loading the parser models")?;
    let loaded = lexicon::load(&[], false).context("loading the dictionaries")?;
    let engine = pipeline::Engine::new(models, loaded);
    let jobs = super::threads(args.jobs);
    let docs = Ingest::new(
        args.paths.iter().cloned(),
        Options { limits: Limits::default(), format: None },
    );
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut checkpoints: HashMap<String, u64> = HashMap::new();
    let mut lookup_error = None;
    let items = docs.map(|item| match item {
        Err(e) => Item::Failed(e.to_string()),
        Ok(doc) => {
            let input = doc.origin.input.clone();
            let n = seen.entry(input.clone()).or_insert(0);
            *n += 1;
            let done = *checkpoints
                .entry(input.clone())
                .or_insert_with(|| reader.checkpoint(&input).unwrap_or(0));
            // A checkpoint is where a run over this input stopped; it says nothing about what
            // the input holds now (stdin carries a new stream each time, a daily file is
            // replaced under the same name), so a document before it is skipped only when its
            // content is stored: the lookup is cheap, coding it again is not.
            let key = store::document_key(&doc.hash, doc.uri.as_deref());
            match reader.has_document(&key) {
                Ok(true) => Item::Skip(input),
                Ok(false) => Item::Code(Box::new(doc)),
                Err(_) if *n <= done => Item::Skip(input),
                Err(e) => {
                    lookup_error.get_or_insert(e.to_string());
                    Item::Code(Box::new(doc))
                }
            }
        }
    });

    let mut batch = Batch::default();
    let mut positions: HashMap<String, u64> = HashMap::new();
    let mut failed = 0u64;
    let mut skipped = 0u64;
    let batch_size = args.batch.max(1);
    let verbose = args.verbose;
    // Commits run on their own thread so coding never waits for the disk; one batch may be
    // in flight while the next fills. The first store error stops the run.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(1);
    let (totals, fatal, db) = std::thread::scope(|scope| {
        let stop = &stop;
        let mut db = db;
        let writer = scope.spawn(move || {
            let mut totals = store::Committed::default();
            for b in rx {
                match db.commit(&b) {
                    Ok(c) => add(&mut totals, c),
                    Err(e) => {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        return (totals, Some(e), db);
                    }
                }
            }
            (totals, None, db)
        });
        let send = |batch: &mut Batch, positions: &HashMap<String, u64>| {
            let mut full = std::mem::take(batch);
            full.checkpoints = positions.iter().map(|(k, v)| (k.clone(), *v)).collect();
            tx.send(full).is_ok() && !stop.load(std::sync::atomic::Ordering::Relaxed)
        };
        pipeline::ordered::run(
            items,
            jobs,
            |item| match item {
                Item::Skip(input) => Done::Skip(input),
                Item::Failed(e) => Done::Failed(e, None),
                Item::Code(doc) => match engine.code_raw(&doc) {
                    Ok(coded) => Done::Coded(Box::new(record(&doc, coded, verbose))),
                    Err(e) => {
                        Done::Failed(format!("{}: {e}", doc.origin), Some(doc.origin.input.clone()))
                    }
                },
            },
            |done| {
                let input = match done {
                    Done::Skip(input) => {
                        skipped += 1;
                        input
                    }
                    Done::Failed(e, input) => {
                        eprintln!("annalist: {e}");
                        failed += 1;
                        match input {
                            Some(i) => i,
                            None => return true,
                        }
                    }
                    Done::Coded(rec) => {
                        let input = rec.article.origin.input.clone();
                        batch.docs.push(*rec);
                        input
                    }
                };
                *positions.entry(input).or_insert(0) += 1;
                batch.docs.len() < batch_size || send(&mut batch, &positions)
            },
        );
        if !stop.load(std::sync::atomic::Ordering::Relaxed) {
            send(&mut batch, &positions);
        }
        drop(tx);
        match writer.join() {
            Ok((totals, fatal, db)) => (totals, fatal, Some(db)),
            Err(_) => (store::Committed::default(), None, None),
        }
    });
    // The read-only connection goes first: SQLite folds the WAL back into the store file and
    // removes it only when the last connection to close can write, and a store left as a
    // 4 KiB file beside a large `-wal` is empty to anyone who copies the file alone.
    drop(reader);
    let Some(mut db) = db else {
        anyhow::bail!("the store writer thread failed; everything committed before is intact")
    };
    if let Some(e) = fatal {
        return Err(
            anyhow::Error::new(e).context("ingest stopped; everything committed before is intact")
        );
    }
    if let Some(e) = lookup_error {
        eprintln!(
            "annalist: note: duplicate lookups failed ({e}); duplicates were caught at commit"
        );
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "annalist: {} document(s) added ({} new version(s)), {} event(s); {} already stored, {} failed, in {secs:.2}s",
        totals.added,
        totals.new_versions,
        totals.events,
        skipped + totals.known,
        failed
    );
    if !args.no_cluster {
        let t = Instant::now();
        let s = db.recluster(&cluster::Options::default())?;
        eprintln!(
            "annalist: clustered {} document(s) ({} reprint(s), {} stories), {} event(s) into {} cluster(s) in {:.2}s",
            s.documents,
            s.reprints,
            s.stories,
            s.events,
            s.clusters,
            t.elapsed().as_secs_f64()
        );
    }
    if failed > 0 && totals.added == 0 && skipped == 0 {
        anyhow::bail!("nothing could be ingested ({failed} failure(s) above)");
    }
    Ok(if failed > 0 { Outcome::Partial } else { Outcome::Clean })
}

fn add(t: &mut store::Committed, c: store::Committed) {
    t.added += c.added;
    t.known += c.known;
    t.new_versions += c.new_versions;
    t.events += c.events;
}

/// A coded document as the store keeps it: with its fingerprint and the figures near each
/// event's trigger (computed here, on the worker thread).
pub fn record(doc: &model::RawDocument, coded: pipeline::Coded, verbose: bool) -> DocRecord {
    if verbose {
        for d in &coded.diagnostics {
            eprintln!("annalist: {}: note: {d}", coded.article.origin);
        }
    }
    let a = &coded.article;
    let figures = coded
        .events
        .iter()
        .map(|e| {
            let s = coded.sentences.get(e.sentence as usize).and_then(|s| s.span.slice(&a.text));
            s.map(cluster::figures).unwrap_or_default()
        })
        .collect();
    DocRecord {
        key: store::document_key(&doc.hash, doc.uri.as_deref()),
        hash: doc.hash.clone(),
        url: a.url.clone().or_else(|| doc.uri.clone()),
        origin: doc.origin.to_string(),
        fetched: doc.fetched.clone(),
        sketch: cluster::sketch(&a.text),
        figures,
        article: coded.article,
        events: coded.events,
        quotes: coded.quotes,
    }
}
