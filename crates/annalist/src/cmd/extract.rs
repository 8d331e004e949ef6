//! `annalist extract PATH...`: reads files, directories, JSONL dumps and WARC archives
//! (ingest crate), extracts one article per document (extract crate) and prints each
//! `Article` as one JSON line on stdout. Problems go to stderr as they happen, then a summary.

use super::Outcome;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ingest::{Counters, Format, Ingest, Limits, Options};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

const EXIT_CODES: &str = concat!(
    "\
Output: one JSON Article per line on stdout; diagnostics and a closing summary on stderr.

Exit codes:
  0  every input was read and every document extracted
  1  some inputs, records or documents failed (each reported on stderr); the rest was processed
  2  usage error, or nothing could be processed

",
    super::jsonl_help!()
);

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
    /// Extraction threads (default, or 0: one per core). Output order is the input order
    /// whatever the number.
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
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

/// What extracting one document produced, ready to print (built on a worker thread).
#[derive(Debug)]
struct Done {
    /// The article as one JSON line, or the extraction error as a message.
    result: Result<Vec<u8>, String>,
    /// Diagnostic kinds, for the summary.
    kinds: Vec<String>,
    /// Diagnostics as messages, when `--verbose`.
    notes: Vec<String>,
}

fn process(doc: &model::RawDocument, opts: &extract::Options, verbose: bool) -> Done {
    match extract::extract(doc, opts) {
        Ok(extracted) => {
            let kinds = extracted.diagnostics.iter().map(|d| format!("{:?}", d.kind)).collect();
            let notes = if verbose {
                extracted.diagnostics.iter().map(|d| format!("{}: note: {d}", doc.origin)).collect()
            } else {
                Vec::new()
            };
            let mut line = Vec::with_capacity(extracted.article.text.len() * 2 + 512);
            let result = match serde_json::to_writer(&mut line, &extracted.article) {
                Ok(()) => {
                    line.push(b'\n');
                    Ok(line)
                }
                Err(e) => Err(format!("{}: cannot serialise the article: {e}", doc.origin)),
            };
            Done { result, kinds, notes }
        }
        Err(e) => {
            Done { result: Err(format!("{}: {e}", doc.origin)), kinds: vec![], notes: vec![] }
        }
    }
}

/// Writes results in document order; remembers whether the reader of stdout went away.
struct Writer<W: Write> {
    out: W,
    tally: Tally,
    pipe_closed: bool,
    progress: ProgressBar,
}

impl<W: Write> Writer<W> {
    fn write(&mut self, done: Done) -> anyhow::Result<()> {
        for k in done.kinds {
            *self.tally.diagnostics.entry(k).or_default() += 1;
        }
        for n in &done.notes {
            self.progress.suspend(|| eprintln!("annalist: {n}"));
        }
        match done.result {
            Ok(line) => {
                if self.pipe_closed {
                    return Ok(());
                }
                if let Err(e) = self.out.write_all(&line) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        self.pipe_closed = true;
                        return Ok(());
                    }
                    return Err(anyhow::Error::new(e).context("writing to stdout"));
                }
                self.tally.articles += 1;
            }
            Err(msg) => {
                self.tally.extract_errors += 1;
                self.progress.suspend(|| eprintln!("annalist: {msg}"));
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        if self.pipe_closed {
            return Ok(());
        }
        match self.out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => self.pipe_closed = true,
            Err(e) => return Err(anyhow::Error::new(e).context("writing to stdout")),
            Ok(()) => {}
        }
        Ok(())
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let limits = Limits { max_document_bytes: args.max_bytes, ..Limits::default() };
    let extract_opts = extract::Options {
        max_input_bytes: usize::try_from(args.max_bytes).unwrap_or(usize::MAX),
        ..extract::Options::default()
    };
    let jobs = super::threads(args.jobs);
    let progress = progress_bar(&args);
    let docs = Ingest::new(args.paths.iter().cloned(), Options { limits, format: args.format });
    let stdout = io::stdout();
    let mut writer = Writer {
        out: io::BufWriter::with_capacity(1 << 16, stdout.lock()),
        tally: Tally::default(),
        pipe_closed: false,
        progress: progress.clone(),
    };
    let (counters, bytes) = if jobs == 1 {
        sequential(docs, &extract_opts, args.verbose, &mut writer)?
    } else {
        parallel(docs, &extract_opts, args.verbose, jobs, &mut writer)?
    };
    writer.flush()?;
    progress.finish_and_clear();

    let (tally, pipe_closed) = (&writer.tally, writer.pipe_closed);
    let errors = counters.errors + tally.extract_errors;
    eprintln!("{}", summary(&counters, tally, bytes, started.elapsed(), pipe_closed));
    if pipe_closed {
        // The reader went away (`| head`): not a failure of ours.
        return Ok(if errors == 0 { Outcome::Clean } else { Outcome::Partial });
    }
    if errors > 0 && counters.documents == 0 && counters.skipped_total() == 0 {
        anyhow::bail!("nothing could be processed ({errors} error(s) above)");
    }
    Ok(if errors == 0 { Outcome::Clean } else { Outcome::Partial })
}

fn report(progress: &ProgressBar, docs: &Ingest) {
    progress.set_position(docs.bytes_read());
    let n = docs.counters().documents;
    if n % 32 == 1 {
        progress.set_message(format!("{n} documents"));
    }
}

fn sequential<W: Write>(
    mut docs: Ingest,
    opts: &extract::Options,
    verbose: bool,
    writer: &mut Writer<W>,
) -> anyhow::Result<(Counters, u64)> {
    while let Some(item) = docs.next() {
        match item {
            Ok(doc) => writer.write(process(&doc, opts, verbose))?,
            Err(e) => writer.progress.suspend(|| eprintln!("annalist: {e}")),
        }
        if writer.pipe_closed {
            break;
        }
        report(&writer.progress, &docs);
    }
    Ok((docs.counters().clone(), docs.bytes_read()))
}

/// Ingest on one thread, extraction on `jobs` workers, output in document order on this
/// thread. At most `4 × jobs` documents are in flight, so memory stays bounded even when one
/// slow page holds back the ones after it.
fn parallel<W: Write>(
    mut docs: Ingest,
    opts: &extract::Options,
    verbose: bool,
    jobs: usize,
    writer: &mut Writer<W>,
) -> anyhow::Result<(Counters, u64)> {
    let in_flight = jobs * 4;
    let (doc_tx, doc_rx) = mpsc::sync_channel::<(u64, model::RawDocument)>(jobs);
    let doc_rx = Mutex::new(doc_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Done)>(in_flight);
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = token_tx.send(());
    }
    let mut token_tx = Some(token_tx);
    let progress = writer.progress.clone();
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let mut seq = 0u64;
            while let Some(item) = docs.next() {
                match item {
                    Ok(doc) => {
                        // Wait for a slot; none comes once the writer has stopped.
                        if token_rx.recv().is_err() || doc_tx.send((seq, doc)).is_err() {
                            break;
                        }
                        seq += 1;
                    }
                    Err(e) => progress.suspend(|| eprintln!("annalist: {e}")),
                }
                report(&progress, &docs);
            }
            (docs.counters().clone(), docs.bytes_read())
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let doc_rx = &doc_rx;
            scope.spawn(move || loop {
                let next = doc_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((seq, doc)) = next else { break };
                // A panic must cost one document, never stall the ordered output.
                let done =
                    std::panic::catch_unwind(AssertUnwindSafe(|| process(&doc, opts, verbose)))
                        .unwrap_or_else(|_| Done {
                            result: Err(format!(
                                "{}: internal error: the extractor panicked",
                                doc.origin
                            )),
                            kinds: vec![],
                            notes: vec![],
                        });
                if done_tx.send((seq, done)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut failure = None;
        for (seq, done) in done_rx {
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                if failure.is_none() {
                    if let Err(e) = writer.write(done) {
                        failure = Some(e);
                    }
                }
                if let Some(tx) = &token_tx {
                    let _ = tx.send(());
                }
            }
            if failure.is_some() || writer.pipe_closed {
                // Stop the producer: it waits for tokens that no longer come. Results still
                // arriving are drained so no worker blocks.
                token_tx = None;
            }
        }
        let counted = producer.join().map_err(|_| anyhow::anyhow!("the ingest thread panicked"))?;
        match failure {
            Some(e) => Err(e),
            None => Ok(counted),
        }
    })
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
