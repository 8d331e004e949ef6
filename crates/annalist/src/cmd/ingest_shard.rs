//! `annalist ingest --manifest FILE --shard i/n --out DIR`: shard mode for array jobs (Slurm,
//! Kubernetes indexed jobs, GNU parallel). Each selected input is coded on every core into
//! one JSONL file of events (with `--origin` fields, as `annalist code --origin` writes them),
//! written atomically; inputs whose file exists are skipped, so a killed shard is simply
//! started again. The manifest, selection and atomic output live in `ingest::shard`.

use super::Outcome;
use anyhow::Context as _;
use export::{Format, Writer};
use ingest::shard::{self, OutDir, Shard};
use ingest::{Ingest, Limits, Options};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// What coding one input gave.
struct Coded {
    docs: u64,
    events: u64,
    failed: u64,
}

pub fn run(
    manifest: &Path,
    shard: Shard,
    out: &Path,
    jobs: Option<usize>,
    verbose: bool,
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let entries = shard::read_manifest(manifest)?;
    let mine = shard::select(&entries, shard);
    let out = OutDir::create(out, "jsonl")?;
    let models = depparse::Models::load_default().context("loading the parser models")?;
    let loaded = lexicon::load(&[], false).context("loading the dictionaries")?;
    let engine = pipeline::Engine::new(models, loaded);
    let jobs = super::threads(jobs);
    let (mut done, mut skipped, mut failed, mut events) = (0u64, 0u64, 0u64, 0u64);
    for entry in &mine {
        if out.is_done(&entry.input) {
            skipped += 1;
            continue;
        }
        let written = out
            .write_atomic(&entry.input, |w| code_input(&engine, &entry.input, jobs, verbose, w))?;
        match written {
            Ok(c) => {
                done += 1;
                events += c.events;
                if c.failed > 0 {
                    failed += 1;
                }
                if verbose {
                    eprintln!(
                        "annalist: {}: {} document(s), {} event(s), {} record(s) failed",
                        entry.input, c.docs, c.events, c.failed
                    );
                }
            }
            Err(e) => {
                eprintln!(
                    "annalist: {manifest}:{}: {}: {e:#}",
                    entry.line,
                    entry.input,
                    manifest = manifest.display()
                );
                failed += 1;
            }
        }
    }
    eprintln!(
        "annalist: shard {shard}: {} of {} input(s): {done} coded ({events} event(s)), {skipped} already done, {failed} with failures, in {:.2}s",
        mine.len(),
        entries.len(),
        started.elapsed().as_secs_f64()
    );
    if failed > 0 && done == 0 && skipped == 0 {
        anyhow::bail!("nothing could be coded ({failed} failure(s) above)");
    }
    Ok(if failed > 0 { Outcome::Partial } else { Outcome::Clean })
}

/// Codes every document of `input` into `w`, in input order. Damaged records are reported
/// and passed over; an input that yields errors and no document at all is an error (no
/// output is kept, so the next run tries it again).
fn code_input<W: Write + Send>(
    engine: &pipeline::Engine,
    input: &str,
    jobs: usize,
    verbose: bool,
    w: &mut W,
) -> anyhow::Result<Coded> {
    let docs =
        Ingest::new([input.to_string()], Options { limits: Limits::default(), format: None });
    let items = docs.map(|item| item.map_err(|e| e.to_string()));
    let mut writer = Writer::new(w, Format::Jsonl, false, String::new());
    let mut c = Coded { docs: 0, events: 0, failed: 0 };
    let mut first_error = None;
    let mut write_error = None;
    pipeline::ordered::run(
        items,
        jobs,
        |item| {
            item.and_then(|doc| engine.code_raw(&doc).map_err(|e| format!("{}: {e}", doc.origin)))
        },
        |result| match result {
            Ok(coded) => {
                c.docs += 1;
                if verbose {
                    for d in &coded.diagnostics {
                        eprintln!("annalist: {}: note: {d}", coded.article.origin);
                    }
                }
                match super::code::write_events(&mut writer, &coded, &mut c.events, true) {
                    Ok(()) => true,
                    Err(e) => {
                        write_error = Some(e);
                        false
                    }
                }
            }
            Err(e) => {
                eprintln!("annalist: {e}");
                c.failed += 1;
                first_error.get_or_insert(e);
                true
            }
        },
    );
    if let Some(e) = write_error {
        return Err(anyhow::Error::new(e).context("writing the output"));
    }
    writer.finish().context("writing the output")?;
    if c.docs == 0 {
        if let Some(e) = first_error {
            anyhow::bail!("no document could be coded (first error: {e})");
        }
    }
    Ok(c)
}
