//! `annalist parse`: tokenizes, splits, tags and parses text or articles and prints CoNLL-U.
//!
//! Inputs are files or `-` (stdin). A file whose lines are JSON `Article` records (the output
//! of `annalist extract`) is read article by article, using each article's text and
//! paragraph spans; anything else is plain UTF-8 text whose blank lines separate paragraphs.

use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text or JSONL article files; `-` or nothing reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Model folder (default: the committed models, or $ANNALIST_MODELS).
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// Tokenize and split only (no tagger or parser models needed).
    #[arg(long)]
    pub tokenize_only: bool,
    /// Longest sentence handed to the tagger and parser, in words.
    #[arg(long, default_value_t = nlp::Limits::default().max_sentence_words)]
    pub max_sentence_words: usize,
}

pub fn run(args: Args) -> Result<super::Outcome> {
    let models = if args.tokenize_only {
        None
    } else {
        let m = match &args.models {
            Some(dir) => depparse::Models::load_dir(dir),
            None => depparse::Models::load_default(),
        };
        Some(m.context("loading the tagger and parser models (or use --tokenize-only)")?)
    };
    let pipeline = match &models {
        Some(m) => nlp::Pipeline::new(m, m),
        None => nlp::Pipeline::segmenter(),
    }
    .with_limits(nlp::Limits {
        max_sentence_words: args.max_sentence_words.max(1),
        ..nlp::Limits::default()
    });

    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut outcome = super::Outcome::Clean;
    for path in &inputs {
        let name = path.display().to_string();
        let text = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("annalist parse: {name}: {e:#}");
                outcome = super::Outcome::Partial;
                continue;
            }
        };
        for (k, doc) in documents(&name, &text).into_iter().enumerate() {
            let doc = match doc {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("annalist parse: {name}: {e}");
                    outcome = super::Outcome::Partial;
                    continue;
                }
            };
            match pipeline.analyze(&doc.text, &doc.paragraphs) {
                Ok(sentences) => {
                    let mut s = format!("# newdoc id = {}\n", doc.id.replace('\n', " "));
                    nlp::conllu::write(&sentences, &doc.text, &mut s);
                    if let Err(e) = out.write_all(s.as_bytes()) {
                        // A closed pipe (`| head`) ends the output quietly.
                        if e.kind() == std::io::ErrorKind::BrokenPipe {
                            return Ok(outcome);
                        }
                        return Err(e.into());
                    }
                }
                Err(e) => {
                    eprintln!("annalist parse: {name}: document {}: {e}", k + 1);
                    outcome = super::Outcome::Partial;
                }
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(outcome),
    }
}

fn read_input(path: &PathBuf) -> Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).context("reading stdin")?;
    } else {
        bytes = std::fs::read(path).context("reading")?;
    }
    // Invalid UTF-8 is replaced rather than rejected: a stray byte should not lose a file.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

struct Doc {
    id: String,
    text: String,
    paragraphs: Vec<model::Span>,
}

/// JSONL articles when every non-empty line is a JSON object that reads as an `Article`;
/// otherwise one plain-text document.
fn documents(name: &str, text: &str) -> Vec<Result<Doc, String>> {
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).collect();
    let jsonl = !lines.is_empty() && lines.iter().all(|(_, l)| l.trim_start().starts_with('{'));
    if !jsonl {
        return vec![Ok(Doc { id: name.to_string(), text: text.to_string(), paragraphs: vec![] })];
    }
    lines
        .into_iter()
        .map(|(i, l)| {
            let a: model::Article = serde_json::from_str(l)
                .map_err(|e| format!("line {}: not an Article record: {e}", i + 1))?;
            let id = a.url.clone().unwrap_or_else(|| format!("{name}:{}", i + 1));
            Ok(Doc { id, text: a.text, paragraphs: a.paragraphs })
        })
        .collect()
}
