//! `annalist code PATH...`: the main job. Reads anything `extract` reads, runs the whole
//! pipeline (extract → parse → code → time → provenance) on every core, and writes events in
//! input order: a table on a terminal, JSONL when piped, or `--format csv|tsv|gdelt`.
//!
//! Stream mode: `annalist code -` reads JSONL articles (or any format) from stdin and writes
//! each document's events as soon as they are ready, flushed per document; a closed stdout
//! ends the run cleanly. A stdin whose first line is a JSON object or a WARC path (or any
//! stdin with `--lines`) is read line by line: each line is an article or the path of a
//! `.warc`/`.warc.gz` file read in place (`ingest::StreamReader`); errors name the line.
//! `--origin` adds where each event came from (input, offset, line, event index) to JSONL.

use super::Outcome;
use anyhow::Context as _;
use export::{CodedEvent, Format, Writer};
use ingest::{Ingest, Limits, Options, StreamReader};
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

const AFTER: &str = concat!(
    "\
Formats: table (default on a terminal), jsonl (default when piped), csv, tsv, gdelt.
The gdelt format keeps asserted, non-historical events unless --all is given.

Dictionaries: the built-in lexicon, then each --dict file (role from its name: *actors*,
*agents*, *verbs*/CAMEO.2.0*, *nouns*, *discards*, *issues*); a user entry wins over a
built-in one for the same phrase. --dict-replace drops the built-in lexicon.

Exit codes: 0 all documents coded; 1 some inputs or documents failed (reported on stderr,
the rest was coded); 2 usage error or nothing could be processed.

",
    super::jsonl_help!()
);

#[derive(clap::Args, Debug)]
#[command(after_help = AFTER)]
pub struct Args {
    /// Inputs: files (.html .htm .txt .jsonl .warc .warc.gz, .gz of these), directories, or
    /// `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output format: table, jsonl, csv, tsv or gdelt.
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<String>,
    /// With --format gdelt: also write events that are not asserted or are historical.
    #[arg(long)]
    pub all: bool,
    /// Worker threads (default, or 0: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Extra dictionary files, loaded after the built-in lexicon.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Use only the --dict files, not the built-in lexicon.
    #[arg(long)]
    pub dict_replace: bool,
    /// Write one JSON line per document (article metadata, events, quotes) instead of one
    /// line per event.
    #[arg(long)]
    pub documents: bool,
    /// Print the time spent in each stage on stderr at the end.
    #[arg(long)]
    pub times: bool,
    /// Print every dictionary and extraction diagnostic, not just their counts.
    #[arg(long, short)]
    pub verbose: bool,
    /// With `-`: read stdin line by line, each line a JSONL article or a WARC path (the
    /// default when the first line is one of these).
    #[arg(long)]
    pub lines: bool,
    /// JSONL: start each event with `input`, `offset`, `line` (where its document came from)
    /// and `event_index` (its index in the document).
    #[arg(long)]
    pub origin: bool,
    /// Publication date (YYYY-MM-DD) for documents that give none of their own: it completes
    /// a dateline without a year ("BAGHDAD, Jan. 21 (Reuters) -") and anchors relative dates.
    /// A date the document carries (dateline, source line, page metadata, JSONL field) wins.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<String>,
}

/// A `--published` value: a calendar day written YYYY-MM-DD.
fn parse_day(s: &str) -> Result<String, String> {
    let bad = || format!("`{s}` is not a calendar day written YYYY-MM-DD (e.g. 2024-01-18)");
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    // A day that does not exist ("2023-02-30") does not survive the round trip.
    let back = model::days::civil_from_days(model::days::days_from_civil(i64::from(y), m, d));
    if !(1..=12).contains(&m) || back != (i64::from(y), m, d) {
        return Err(bad());
    }
    Ok(s.to_string())
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let format: Format = match &args.format {
        Some(f) => f.parse()?,
        None if io::stdout().is_terminal() && !args.documents => Format::Table,
        None => Format::Jsonl,
    };
    // A --dict file that cannot be used at all is a usage error: coding on without it gives
    // other events than the user asked for, with exit 0 and only a count on stderr.
    // (Bad lines inside a usable file stay diagnostics: the rest of the file loads.)
    for p in &args.dicts {
        match std::fs::metadata(p) {
            Err(e) => anyhow::bail!("--dict {}: cannot read: {e}", p.display()),
            Ok(m) if m.is_dir() => anyhow::bail!("--dict {}: is a directory", p.display()),
            Ok(_) if !lexicon::load::kind_known(&p.display().to_string()) => anyhow::bail!(
                "--dict {}: cannot tell the dictionary's kind from its name (expected actors, \
                 agents, verbs, nouns, discards or issues in it, or CAMEO.2.0 for verbs)",
                p.display()
            ),
            Ok(_) => {}
        }
    }
    let started = Instant::now();
    let models = depparse::Models::load_default().context("loading the parser models")?;
    let loaded =
        lexicon::load(&args.dicts, args.dict_replace).context("loading the dictionaries")?;
    let diags = &loaded.diagnostics;
    if !diags.is_empty() {
        eprintln!(
            "annalist: {} dictionary diagnostic(s){}",
            diags.len(),
            if args.verbose { ":" } else { " (--verbose lists them)" }
        );
        if args.verbose {
            for d in diags {
                eprintln!("  {d}");
            }
        }
    }
    let engine = pipeline::Engine::new(models, loaded);
    let jobs = super::threads(args.jobs);
    if args.origin && format != Format::Jsonl {
        anyhow::bail!("--origin needs the jsonl format");
    }
    if args.documents && format != Format::Jsonl {
        // It used to write the CSV/TSV header (or nothing) and report 0 events.
        let f = args.format.as_deref().unwrap_or("table");
        anyhow::bail!("--documents writes JSON lines; it does not go with --format {f}");
    }
    let mut items = documents(&args.paths, args.lines);
    if let Some(day) = args.published.clone() {
        items = Box::new(items.map(move |item| {
            item.map(|mut doc| {
                doc.hints.date.get_or_insert_with(|| day.clone());
                doc
            })
        }));
    }

    let date_added = model::days::utc_stamp();
    let mut writer = Writer::new(
        io::BufWriter::with_capacity(1 << 16, io::stdout()),
        format,
        args.all,
        date_added,
    );
    let mut failed = 0u64;
    let mut coded_docs = 0u64;
    // Documents read fine whose extraction found no article text (a page of navigation, an
    // index page): coded, but worth a word, or a directory of them reads as "0 event(s)".
    let mut no_text = 0u64;
    let mut events = 0u64;
    let mut times = pipeline::StageTimes::default();
    let mut pipe_closed = false;
    let verbose = args.verbose;
    let documents_mode = args.documents;
    let origin = args.origin;
    pipeline::ordered::run(
        items,
        jobs,
        |item| {
            item.and_then(|doc| engine.code_raw(&doc).map_err(|e| format!("{}: {e}", doc.origin)))
        },
        |result| {
            let coded = match result {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("annalist: {e}");
                    failed += 1;
                    return true;
                }
            };
            coded_docs += 1;
            if coded.article.text.trim().is_empty() {
                no_text += 1;
            }
            times.add(&coded.times);
            if verbose {
                for d in &coded.diagnostics {
                    eprintln!("annalist: {}: note: {d}", coded.article.origin);
                }
            }
            let written = if documents_mode {
                events += coded.events.len() as u64;
                write_document(&mut writer, &coded)
            } else {
                write_events(&mut writer, &coded, &mut events, origin)
            };
            match written.and_then(|()| writer.flush()) {
                Ok(()) => true,
                Err(e) => {
                    if e.kind() != io::ErrorKind::BrokenPipe {
                        eprintln!("annalist: writing to stdout: {e}");
                        failed += 1;
                    }
                    pipe_closed = true;
                    false
                }
            }
        },
    );
    if !pipe_closed {
        if let Err(e) = writer.finish() {
            if e.kind() != io::ErrorKind::BrokenPipe {
                return Err(anyhow::Error::new(e).context("writing to stdout"));
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let empty = match no_text {
        0 => String::new(),
        n if verbose => format!(" ({n} with no article text)"),
        n => format!(" ({n} with no article text; --verbose says why)"),
    };
    eprintln!("annalist: {coded_docs} document(s) coded{empty}, {events} event(s), {failed} failed, in {secs:.2}s");
    if args.times {
        eprintln!(
            "annalist: stage times (summed over threads): extract {:.3}s, parse {:.3}s, code {:.3}s, time {:.3}s, place {:.3}s, provenance {:.3}s",
            times.extract.as_secs_f64(),
            times.analyze.as_secs_f64(),
            times.code.as_secs_f64(),
            times.time.as_secs_f64(),
            times.place.as_secs_f64(),
            times.provenance.as_secs_f64()
        );
    }
    if failed > 0 && coded_docs == 0 {
        anyhow::bail!("nothing could be coded ({failed} failure(s) above)");
    }
    Ok(if failed > 0 { Outcome::Partial } else { Outcome::Clean })
}

type Documents = Box<dyn Iterator<Item = Result<model::RawDocument, String>>>;

/// The documents to code: stdin line by line (stream mode) when it is `-` alone and `lines`
/// is set or its first line is a JSON object or a WARC path; otherwise through `Ingest`.
fn documents(paths: &[String], lines: bool) -> Documents {
    let limits = Limits::default();
    if let [only] = paths {
        if only == "-" {
            let mut stdin = io::stdin().lock();
            // Peeking leaves the bytes in stdin's buffer for whichever reader takes them.
            if lines || stdin.fill_buf().is_ok_and(ingest::is_line_stream) {
                let reader = StreamReader::new(stdin, "-", limits);
                return Box::new(reader.map(|r| r.map_err(|e| e.to_string())));
            }
        }
    }
    let docs = Ingest::new(paths.iter().cloned(), Options { limits, format: None });
    Box::new(docs.map(|item| item.map_err(|e| e.to_string())))
}

/// Writes a coded document's events, one row each; with `origin` (JSONL only) each line
/// starts with `input`, `offset`, `line` and `event_index`.
pub(crate) fn write_events<W: Write>(
    writer: &mut Writer<W>,
    coded: &pipeline::Coded,
    count: &mut u64,
    origin: bool,
) -> io::Result<()> {
    let a = &coded.article;
    for (index, ev) in coded.events.iter().enumerate() {
        let row = CodedEvent::of(a, &coded.sentences, ev);
        if origin {
            let o = &a.origin;
            let head = serde_json::json!({"input": o.input, "offset": o.offset, "line": o.line, "event_index": index});
            let body = serde_json::to_string(&row).map_err(io::Error::other)?;
            let head = head.to_string();
            let line = format!("{},{}", &head[..head.len() - 1], &body[1..]);
            writer.write_raw_line(&line)?;
        } else {
            writer.write(&row)?;
        }
        *count += 1;
    }
    Ok(())
}

fn write_document<W: Write>(writer: &mut Writer<W>, coded: &pipeline::Coded) -> io::Result<()> {
    // One self-contained line: the article without its HTML map, its events and quotes.
    // The events are serialised as records, not through a `serde_json::Value`: a Value widens
    // their f32 fields to f64 ("goldstein": 2.799999952316284 where the event lines say 2.8).
    let a = &coded.article;
    let head = serde_json::json!({ "id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "published": a.published, "language": a.language, "text": a.text });
    let (denials, events, quotes) = (
        serde_json::to_string(&coded.denials).map_err(io::Error::other)?,
        serde_json::to_string(&coded.events).map_err(io::Error::other)?,
        serde_json::to_string(&coded.quotes).map_err(io::Error::other)?,
    );
    // Keys in the order the Value map gave them before (sorted).
    let line = format!(
        "{{\"article\":{head},\"denials\":{denials},\"events\":{events},\"quotes\":{quotes}}}"
    );
    writer.write_raw_line(&line)
}
