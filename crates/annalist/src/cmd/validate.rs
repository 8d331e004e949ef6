//! `annalist validate`: runs the field's XML validation records through the coder and
//! prints, per record, pass/fail with expected vs produced triples, then a summary.

use super::Outcome;
use anyhow::Context;
use coder::input::records::{Expectation, Triple};
use coder::validate::{validate_file, ParseMode, SentenceParser};
use coder::DictionaryFiles;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Record file (PETRARCH XML: Treebank or CoNLL-U parses inside <Parse>).
    pub records: PathBuf,
    /// Dictionary files replacing the ones the record file names; the role is taken from the
    /// name (`*actors*`, `*agents*`, `*verbs*` or `CAMEO*`, `*discards*`, `*Issue*`).
    #[arg(long = "dict", value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// Extra folders searched first for the dictionaries the record file names.
    #[arg(long = "dict-dir", value_name = "DIR")]
    pub dict_dir: Vec<PathBuf>,
    /// Where the analysis comes from: the records' own parses, or our parser on the text.
    #[arg(long, value_enum, default_value = "given")]
    pub parse: Parse,
    /// JSON report on stdout instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print only failing records (text mode).
    #[arg(long)]
    pub failures: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Parse {
    Given,
    Ours,
}

fn classify(files: &[PathBuf]) -> anyhow::Result<DictionaryFiles> {
    let mut d = DictionaryFiles::default();
    for f in files {
        let n = f.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        if n.contains("actor") {
            d.actors.push(f.clone());
        } else if n.contains("agent") {
            d.agents.push(f.clone());
        } else if n.contains("verb") || n.starts_with("cameo") {
            d.verbs.push(f.clone());
        } else if n.contains("discard") {
            d.discards.push(f.clone());
        } else if n.contains("issue") {
            d.issues.push(f.clone());
        } else {
            anyhow::bail!("cannot tell the role of dictionary {} from its name", f.display());
        }
    }
    Ok(d)
}

fn show(t: &[Triple]) -> String {
    if t.is_empty() {
        return "(none)".into();
    }
    t.iter().map(|t| format!("{} {} {}", t.source, t.target, t.code)).collect::<Vec<_>>().join("; ")
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let overrides = if args.dict.is_empty() { None } else { Some(classify(&args.dict)?) };
    let mode = match args.parse {
        Parse::Given => ParseMode::Given,
        Parse::Ours => ParseMode::Ours,
    };
    let ours = match mode {
        ParseMode::Ours => Some(pipeline::repair::RecordParser(
            depparse::Models::load_default().context("loading the parser models")?,
        )),
        ParseMode::Given => None,
    };
    let parser = ours.as_ref().map(|p| p as &dyn SentenceParser);
    let report = validate_file(&args.records, &args.dict_dir, overrides.as_ref(), mode, parser)
        .with_context(|| format!("validating {}", args.records.display()))?;
    for d in &report.diagnostics {
        eprintln!("warning: {d}");
    }
    let s = &report.summary;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for r in &report.results {
            if args.failures && r.pass {
                continue;
            }
            let expected = match &r.expected {
                Expectation::Events(t) => show(t),
                Expectation::NoEvents => "no events".into(),
                Expectation::Error(e) => format!("error ({e})"),
            };
            println!(
                "{} {:<16} expected: {}",
                if r.pass { "PASS" } else { "FAIL" },
                r.id,
                expected
            );
            if !r.pass || !args.failures {
                let mut produced = show(&r.produced);
                if let Some(why) = &r.refused {
                    produced = format!("{produced} [refused: {why}]");
                }
                println!("     {:<16} produced: {}", "", produced);
            }
        }
        println!(
            "records passed: {}/{} ({:.1} %); triples: precision {:.3}, recall {:.3} ({} expected, {} produced, {} matched)",
            s.passed,
            s.records,
            100.0 * s.pass_rate(),
            s.precision(),
            s.recall(),
            s.expected_triples,
            s.produced_triples,
            s.matched_triples
        );
    }
    Ok(if report.diagnostics.is_empty() { Outcome::Clean } else { Outcome::Partial })
}
