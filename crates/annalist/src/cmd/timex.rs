//! `annalist timex`: the temporal expressions of a text, one JSON object per line (byte span,
//! surface, TIMEX3 type and value, granularity, mod, interval, tense used), anchored on the
//! given publication date. Diagnostics go to stderr with the input name and byte offsets.

use anyhow::{Context, Result};
use std::io::Read;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text file to read (default, or `-`: standard input).
    pub input: Option<PathBuf>,
    /// Publication date the relative expressions are anchored on: 2009, 2009-01 or 2009-01-20.
    #[arg(long)]
    pub anchor: Option<String>,
    /// Tense of the governing verb for every expression (past, present, future); default: guessed
    /// per expression from its sentence.
    #[arg(long)]
    pub tense: Option<String>,
    /// Read ambiguous all-numeric dates day first (01/02/2009 = 1 February).
    #[arg(long)]
    pub day_first: bool,
}

pub fn run(args: Args) -> Result<super::Outcome> {
    // `-` is standard input, as for every other command.
    let (name, text) = match args.input.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(p) => (
            p.display().to_string(),
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        ),
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).context("reading standard input")?;
            ("<stdin>".to_string(), s)
        }
    };
    let anchor = args.anchor.as_deref().map(timex::Anchor::parse).transpose()?;
    let tense = match args.tense.as_deref() {
        None => None,
        Some("past") => Some(timex::Tense::Past),
        Some("present") => Some(timex::Tense::Present),
        Some("future") => Some(timex::Tense::Future),
        Some(other) => anyhow::bail!("--tense must be past, present or future, not {other:?}"),
    };
    let config = timex::Config {
        numeric_order: if args.day_first {
            timex::NumericOrder::DayFirst
        } else {
            timex::NumericOrder::MonthFirst
        },
        ..timex::Config::default()
    };
    let found = timex::find_with(&config, &text, anchor.as_ref(), tense)
        .with_context(|| format!("{name}: cannot scan"))?;
    for t in &found.timexes {
        let line = serde_json::json!({
            "start": t.span.start,
            "end": t.span.end,
            "text": t.span.slice(&text),
            "type": t.kind.as_str(),
            "value": t.value,
            "granularity": format!("{:?}", t.granularity).to_lowercase(),
            "mod": t.modifier.map(|m| m.as_str()),
            "interval": t.interval.map(|iv| [iv.start.to_string(), iv.end.to_string()]),
            "tense": t.tense.map(|x| format!("{x:?}").to_lowercase()),
            "rule": t.rule,
        });
        println!("{line}");
    }
    for d in &found.diagnostics {
        eprintln!("{name}: {d}");
    }
    Ok(super::Outcome::Clean)
}
