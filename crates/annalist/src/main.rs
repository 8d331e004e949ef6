//! The `annalist` command line: parses arguments, builds the pipeline from library crates and
//! maps errors to exit codes. No logic a test would want lives here.
//!
//! Exit codes: 0 success; 1 the command ran but some inputs failed (diagnostics on stderr,
//! the rest of the batch was processed); 2 usage error or nothing could be processed.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "annalist",
    version,
    about = "News reports in, political events out — with provenance."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    // One line per subcommand; each lives in its own module under `cmd/`.
    /// Code events from news: the whole pipeline, events with provenance out.
    Code(cmd::code::Args),
    /// Extract articles from HTML, text, JSONL and WARC inputs: one JSON Article per line.
    Extract(cmd::extract::Args),
    /// Inspect and check dictionaries: the built-in lexicon or given files (check, show, lookup).
    Dict(cmd::dict::Args),
    /// Score a system CoNLL-U file against gold with the CoNLL 2018 shared-task metrics.
    EvalUd(cmd::eval_ud::Args),
    /// Tokenize, split, tag and parse text or JSONL articles; print CoNLL-U.
    Parse(cmd::parse::Args),
    /// Rebuild the tagger, lemmatizer and parser models from UD treebanks.
    Train(cmd::train::Args),
    /// Run the field's XML validation records through the coder: per-record pass/fail and a summary.
    Validate(cmd::validate::Args),
    /// Find temporal expressions in a text: TIMEX3 values anchored on a publication date, as JSONL.
    Timex(cmd::timex::Args),
    /// Code inputs into the store (idempotent, resumable), then cluster reports and reprints.
    Ingest(cmd::ingest::Args),
    /// Query stored events by actor, code, date, place, modality, outlet or text.
    Query(cmd::query::Args),
    /// Export the store: GDELT 2.0 Events (+ Mentions) TSV with cluster counts, JSONL, CSV or Parquet.
    Export(cmd::export_cmd::Args),
    /// Serve the store: a JSON API (OpenAPI at /api/openapi.json) and a web UI.
    Serve(cmd::serve::Args),
}

/// mimalloc: the pipeline allocates several small strings per token, and the system
/// allocator made the whole pipeline ~5-10 % slower (bench-nlp, bench-code).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: anyhow::Result<cmd::Outcome> = match cli.command {
        Command::Code(args) => cmd::code::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Dict(args) => cmd::dict::run(args),
        Command::EvalUd(args) => cmd::eval_ud::run(args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Timex(args) => cmd::timex::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Export(args) => cmd::export_cmd::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(cmd::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::Partial) => ExitCode::from(1),
        // `annalist export | head -1`: the reader has what it wanted; that is no error.
        Err(err) if closed_stdout(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("annalist: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether `err` comes from writing to a pipe whose reader went away (every command writes
/// its results to stdout; files are created and written through other paths that name them).
fn closed_stdout(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| c.downcast_ref::<serde_json::Error>().and_then(|e| e.io_error_kind()));
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
