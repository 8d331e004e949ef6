//! `annalist train`: rebuilds the tagger, lemmatizer and parser models from UD treebanks.

use anyhow::Context;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shared data folder holding `ud-english-ewt/` and `ud-english-gum-permissive/`.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Explicit training CoNLL-U files (repeatable); replaces the standard files under --data.
    #[arg(long = "train")]
    train: Vec<PathBuf>,
    /// Train on EWT only (without the GUM permissive subset).
    #[arg(long)]
    no_gum: bool,
    /// Output folder for tagger.bin, lemmatizer.bin and parser.bin.
    #[arg(long, default_value = "models")]
    out: PathBuf,
    /// Seed: the same seed and data give byte-identical model files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Rebuild only these models (comma-separated: tagger,lemmatizer,parser); the others are
    /// left as they are.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Tagger training epochs.
    #[arg(long)]
    tagger_epochs: Option<usize>,
    /// Parser training epochs.
    #[arg(long)]
    parser_epochs: Option<usize>,
    /// Jack-knife folds for the parser's training tags (1 = gold tags).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Worker threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Folder holding the Brown-cluster tables of the PyPI package `spacy-lookups-data`
    /// (`en_lexeme_cluster.json.gz`, `en_lexeme_prob.json.gz`); default: the cache that
    /// `cargo xtask clusters` fills.
    #[arg(long)]
    clusters: Option<PathBuf>,
    /// Train the tagger and parser without Brown-cluster features.
    #[arg(long, conflicts_with = "clusters")]
    no_clusters: bool,
}

pub fn run(args: Args) -> anyhow::Result<super::Outcome> {
    let files = if args.train.is_empty() {
        let mut f = depparse::train::default_train_files(&args.data);
        if args.no_gum {
            f.truncate(1);
        }
        f
    } else {
        args.train.clone()
    };
    let mut opts = depparse::train::TrainOptions::new(files, args.out.clone(), args.seed);
    if !args.only.is_empty() {
        let has = |n: &str| args.only.iter().any(|o| o == n);
        for o in &args.only {
            anyhow::ensure!(
                ["tagger", "lemmatizer", "parser"].contains(&o.as_str()),
                "--only: unknown model `{o}` (tagger, lemmatizer, parser)"
            );
        }
        opts.which = depparse::train::Which {
            tagger: has("tagger"),
            lemmatizer: has("lemmatizer"),
            parser: has("parser"),
        };
    }
    if let Some(e) = args.tagger_epochs {
        opts.tagger.epochs = e;
    }
    if let Some(e) = args.parser_epochs {
        opts.parser.epochs = e;
    }
    if !args.no_clusters {
        let dir = match args.clusters.clone() {
            Some(d) => d,
            None => depparse::cluster::default_source_dir()
                .context("no --clusters folder and neither ANNALIST_CACHE nor HOME is set")?,
        };
        let table = depparse::cluster::Clusters::from_spacy_lookups(&dir).with_context(|| {
            format!(
                "Brown clusters from {}: run `cargo xtask clusters` to fetch them, or train \
                 with --no-clusters",
                dir.display()
            )
        })?;
        let table = std::sync::Arc::new(table);
        opts.tagger.clusters = Some(table.clone());
        opts.parser.clusters = Some(table);
    }
    opts.folds = args.folds;
    opts.threads = args.threads.max(1);
    let start = std::time::Instant::now();
    let log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
    let report = depparse::train::run(&opts, &log).context("training failed")?;
    println!(
        "trained on {} sentences / {} words in {:.1}s",
        report.sentences,
        report.words,
        start.elapsed().as_secs_f64()
    );
    for (name, bytes, secs) in &report.models {
        println!("{}/{name}: {:.2} MB ({secs:.1}s)", args.out.display(), *bytes as f64 / 1e6);
    }
    Ok(super::Outcome::Clean)
}
