//! `annalist extract PATH...`: reads files, directories, JSONL dumps and WARC archives
//! (ingest crate), extracts one article per document (extract crate) and prints each
//! `Article` as one JSON line on stdout. Problems go to stderr as they happen, then a summary.

use super::Outcome;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ingest::{Format, Ingest, Limits, Options};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

const EXIT_CODES: &str = "\
Output: one JSON Article per line on stdout; diagnostics and a closing summary on stderr.

Exit codes:
  0  every input was read and every document extracted
  1  some inputs, records or documents failed (each reported on stderr); the rest was processed
  2  usage error, or nothing could be processed";

#[derive(clap::Args, Debug)]
#[command(after_help = EXIT_CODES)]
pub struct Args {
    /// Inputs: files (.html .htm .txt .jsonl .warc .warc.gz, and .gz of these), directories
    /// (walked recursively in sorted order), or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Read every input as this format (html, text, jsonl, warc) instead of going by the
    /// file name and content.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Largest document accepted, in bytes; larger ones are reported and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_document_bytes)]
    pub max_bytes: u64,
    /// Also print the extractor's non-fatal diagnostics (charset conflicts, fallbacks…).
    #[arg(long, short)]
    pub verbose: bool,
    /// No progress bar (it is only drawn when stderr is a terminal anyway).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Tallies for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    articles: u64,
    extract_errors: u64,
    diagnostics: BTreeMap<String, u64>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let limits = Limits { max_document_bytes: args.max_bytes, ..Limits::default() };
    let extract_opts = extract::Options {
        max_input_bytes: usize::try_from(args.max_bytes).unwrap_or(usize::MAX),
        ..extract::Options::default()
    };
    let progress = progress_bar(&args);
    let mut docs = Ingest::new(args.paths.iter().cloned(), Options { limits, format: args.format });
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut tally = Tally::default();
    let mut line = Vec::new();
    let mut pipe_closed = false;

    while let Some(item) = docs.next() {
        let doc = match item {
            Ok(doc) => doc,
            Err(e) => {
                progress.suspend(|| eprintln!("annalist: {e}"));
                continue;
            }
        };
        match extract::extract(&doc, &extract_opts) {
            Ok(extracted) => {
                for d in &extracted.diagnostics {
                    *tally.diagnostics.entry(format!("{:?}", d.kind)).or_default() += 1;
                    if args.verbose {
                        progress.suspend(|| eprintln!("annalist: {}: note: {d}", doc.origin));
                    }
                }
                line.clear();
                serde_json::to_writer(&mut line, &extracted.article)?;
                line.push(b'\n');
                if let Err(e) = out.write_all(&line) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        pipe_closed = true;
                        break;
                    }
                    return Err(anyhow::Error::new(e).context("writing to stdout"));
                }
                tally.articles += 1;
            }
            Err(e) => {
                tally.extract_errors += 1;
                progress.suspend(|| eprintln!("annalist: {}: {e}", doc.origin));
            }
        }
        progress.set_position(docs.bytes_read());
        if docs.counters().documents % 32 == 1 {
            progress.set_message(format!("{} articles", tally.articles));
        }
    }
    if !pipe_closed {
        match out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => pipe_closed = true,
            Err(e) => return Err(anyhow::Error::new(e).context("writing to stdout")),
            Ok(()) => {}
        }
    }
    progress.finish_and_clear();

    let c = docs.counters();
    let errors = c.errors + tally.extract_errors;
    eprintln!("{}", summary(c, &tally, docs.bytes_read(), started.elapsed(), pipe_closed));
    if pipe_closed {
        // The reader went away (`| head`): not a failure of ours.
        return Ok(if errors == 0 { Outcome::Clean } else { Outcome::Partial });
    }
    if errors > 0 && c.documents == 0 && c.skipped_total() == 0 {
        anyhow::bail!("nothing could be processed ({errors} error(s) above)");
    }
    Ok(if errors == 0 { Outcome::Clean } else { Outcome::Partial })
}

fn progress_bar(args: &Args) -> ProgressBar {
    if args.quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = match ingest::total_size(&args.paths) {
        Some(total) => {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {msg} ({elapsed}, eta {eta})",
            );
            return match style {
                Ok(s) => bar.with_style(s),
                Err(_) => bar,
            };
        }
        None => ProgressStyle::with_template("{spinner} {bytes} {msg} ({elapsed})"),
    };
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(200));
    match style {
        Ok(s) => bar.with_style(s),
        Err(_) => bar,
    }
}

fn summary(
    c: &ingest::Counters,
    tally: &Tally,
    bytes: u64,
    elapsed: Duration,
    pipe_closed: bool,
) -> String {
    let mut s = format!(
        "annalist extract: {} input(s), {} document(s) in, {} article(s) out",
        c.inputs, c.documents, tally.articles
    );
    let skipped = c.skipped_total();
    if skipped > 0 {
        let reasons: Vec<String> = c.skipped.iter().map(|(r, n)| format!("{r} {n}")).collect();
        s.push_str(&format!(", {skipped} skipped ({})", reasons.join(", ")));
    }
    let errors = c.errors + tally.extract_errors;
    s.push_str(&format!(
        ", {errors} error(s) ({} reading, {} extracting)",
        c.errors, tally.extract_errors
    ));
    if !tally.diagnostics.is_empty() {
        let d: Vec<String> = tally.diagnostics.iter().map(|(k, n)| format!("{k} {n}")).collect();
        s.push_str(&format!("; diagnostics: {}", d.join(", ")));
    }
    let secs = elapsed.as_secs_f64();
    s.push_str(&format!("; {:.1} MB in {secs:.2} s", bytes as f64 / 1e6));
    if pipe_closed {
        s.push_str("; stopped: stdout was closed");
    }
    s
}
