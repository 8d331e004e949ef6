//! `annalist eval-ud`: CoNLL 2018 shared-task scores of a system CoNLL-U file against gold.

use anyhow::{Context, Result};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold CoNLL-U file.
    pub gold: PathBuf,
    /// System CoNLL-U file over the same text (tokenization and sentences may differ).
    #[arg(long)]
    pub system: PathBuf,
}

pub fn run(args: Args) -> Result<super::Outcome> {
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))
    };
    let (gold, system) = (read(&args.gold)?, read(&args.system)?);
    let mut outcome = super::Outcome::Clean;
    let mut parsed = Vec::new();
    for (path, text) in [(&args.gold, &gold), (&args.system, &system)] {
        let p = nlp::conllu::parse(text);
        for d in &p.diagnostics {
            eprintln!("{}:{}: skipped sentence: {}", path.display(), d.line, d.message);
            outcome = super::Outcome::Partial;
        }
        parsed.push(p.sentences);
    }
    let report = nlp::eval::evaluate(&parsed[0], &parsed[1]).with_context(|| {
        format!("{} and {} cannot be compared", args.gold.display(), args.system.display())
    })?;
    print!("{report}");
    Ok(outcome)
}
