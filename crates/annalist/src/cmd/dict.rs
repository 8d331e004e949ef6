//! `annalist dict check|show|lookup`: inspect the built-in lexicon (`lexicon/`, compiled into
//! the binary) and check dictionary files. The logic lives in the `lexicon` crate.

use super::Outcome;
use anyhow::Context;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Check dictionaries: with no FILE, lint the built-in lexicon (counts, conflicting
    /// duplicates, impossible dates, malformed lines); with FILEs, load them as `--dict`
    /// would (kind from the name: *actors*, *agents*, *verbs*, *nouns*, *discards*) and report
    /// every malformed line as file:line. Exit 1 when anything is reported.
    Check { files: Vec<PathBuf> },
    /// Summarise the built-in lexicon: entries per category, compiled size, CAMEO coverage.
    Show,
    /// Look a name up: actor (all dated codes and the one valid on --date), agent, verb form,
    /// nominal trigger, discard.
    Lookup {
        /// The name, e.g. "Nouri al-Maliki", "police", "surrendered".
        #[arg(required = true)]
        name: Vec<String>,
        /// Date for choosing date-restricted codes (YYYY-MM-DD or YYYYMMDD); default: today.
        #[arg(long)]
        date: Option<String>,
    },
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.command {
        Command::Check { files } if files.is_empty() => check_builtin(),
        Command::Check { files } => check_files(&files),
        Command::Show => {
            let b = lexicon::builtin()?;
            print!("{}", lexicon::inspect::summary(b, &lexicon::lint_builtin().stats));
            Ok(Outcome::Clean)
        }
        Command::Lookup { name, date } => {
            anyhow::ensure!(!name.is_empty(), "dict lookup needs a NAME");
            let name = name.join(" ");
            let date = match date {
                Some(d) => Some(parse_date(&d)?),
                None => Some(today()),
            };
            let b = lexicon::builtin()?;
            let hits = lexicon::inspect::lookup(b, &name, date);
            print!("{}", lexicon::inspect::render(&name, date, &hits));
            Ok(if hits.is_empty() { Outcome::Partial } else { Outcome::Clean })
        }
    }
}

fn check_builtin() -> anyhow::Result<Outcome> {
    let report = lexicon::lint_builtin();
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let b = lexicon::builtin()?;
    print!("{}", lexicon::inspect::summary(b, &report.stats));
    if report.is_clean() {
        println!("ok: no problems");
        Ok(Outcome::Clean)
    } else {
        println!("{} problems (on stderr)", report.diagnostics.len());
        Ok(Outcome::Partial)
    }
}

fn check_files(files: &[PathBuf]) -> anyhow::Result<Outcome> {
    let mut dicts = coder::Dictionaries::default();
    let mut nouns = coder::Dictionaries::default();
    let mut problems = 0usize;
    for f in files {
        let name = f.display().to_string();
        let kind = lexicon::Kind::from_file_name(&name).with_context(|| {
            format!("cannot tell the kind of {name} from its name (actors, agents, verbs, nouns, discards)")
        })?;
        let bytes = std::fs::read(f).with_context(|| format!("reading {name}"))?;
        let text = String::from_utf8_lossy(&bytes);
        let diags = match kind {
            lexicon::Kind::Actors => dicts.actors.add_text(&text, &name),
            lexicon::Kind::Agents => dicts.agents.add_text(&text, &name),
            lexicon::Kind::Verbs => dicts.verbs.add_text(&text, &name),
            lexicon::Kind::Nouns => nouns.verbs.add_text(&text, &name),
            lexicon::Kind::Discards => dicts.discards.add_text(&text, &name),
        };
        problems += diags.len();
        for d in diags {
            eprintln!("{d}");
        }
    }
    for d in dicts.verbs.finish().into_iter().chain(nouns.verbs.finish()) {
        problems += 1;
        eprintln!("{d}");
    }
    println!(
        "loaded: {} actors, {} agents, {} verb forms / {} patterns, {} nominal forms, {} discards",
        dicts.actors.entries.len(),
        dicts.agents.entries.len(),
        dicts.verbs.forms.len(),
        dicts.verbs.pattern_count(),
        nouns.verbs.forms.len(),
        dicts.discards.len()
    );
    if problems == 0 {
        println!("ok: no problems");
        Ok(Outcome::Clean)
    } else {
        println!("{problems} problems (on stderr)");
        Ok(Outcome::Partial)
    }
}

/// `YYYY-MM-DD` or `YYYYMMDD` → `YYYYMMDD`.
fn parse_date(s: &str) -> anyhow::Result<u32> {
    let digits: String = s.chars().filter(|c| *c != '-').collect();
    anyhow::ensure!(digits.len() == 8, "--date {s}: expected YYYY-MM-DD");
    lexicon::lint::parse_date(&digits).map_err(|e| anyhow::anyhow!("--date {s}: {e}"))
}

/// Today's date (UTC) as `YYYYMMDD`, from the system clock.
fn today() -> u32 {
    model::days::utc_stamp()[..8].parse().unwrap_or(0)
}
