//! `annalist serve --db PATH`: the JSON API and web UI over a store (logic in the `serve`
//! crate). Read-only unless a token is given; then `POST /api/articles` runs the pipeline.

use super::Outcome;
use anyhow::Context as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store (default: the user's data directory, annalist/annalist.db).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Address to listen on (port 0 picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Accept `POST /api/articles` with this bearer token (prefer --token-file: arguments are
    /// visible to other users).
    #[arg(long, value_name = "TOKEN", conflicts_with = "token_file")]
    pub token: Option<String>,
    /// Read the bearer token from the first line of this file.
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// Allow this origin to call the API from a browser (CORS is off by default).
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Option<String>,
    /// Seconds one store read may take before it is stopped with a 503.
    #[arg(long, default_value_t = 10, value_name = "SECS")]
    pub timeout: u64,
    /// Concurrent store reads (connections).
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub readers: usize,
}

/// Codes posted documents with the whole pipeline, as `annalist ingest` does.
struct PipelineIngestor(pipeline::Engine);

impl serve::Ingestor for PipelineIngestor {
    fn ingest(&self, doc: model::RawDocument) -> Result<store::DocRecord, String> {
        let coded = self.0.code_raw(&doc).map_err(|e| e.to_string())?;
        Ok(super::ingest::record(&doc, coded, false))
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = super::store_path(args.db.as_deref())?;
    let config = serve::Config {
        read_timeout: Duration::from_secs(args.timeout.max(1)),
        readers: args.readers.clamp(1, 64),
        cors_origin: args.cors_origin.clone(),
        ..serve::Config::new(db.clone(), args.listen)
    };
    let token = match (&args.token, &args.token_file) {
        (Some(t), _) => Some(t.clone()),
        (None, Some(p)) => Some(
            std::fs::read_to_string(p)
                .with_context(|| format!("reading the token file {}", p.display()))?
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        ),
        (None, None) => None,
    };
    let writer = match token {
        Some(t) if t.len() < 16 => anyhow::bail!("the token must be at least 16 characters"),
        Some(t) => {
            let models = depparse::Models::load_default().context("loading the parser models")?;
            let loaded = lexicon::load(&[], false).context("loading the dictionaries")?;
            let engine = pipeline::Engine::new(models, loaded);
            Some(serve::Writer::new(&config, &t, Box::new(PipelineIngestor(engine)))?)
        }
        None => None,
    };
    if let Err(e) = store::Reader::open(&db) {
        eprintln!("annalist: warning: {e}; the API answers 503 until the store can be read");
    }
    let writable = writer.is_some();
    serve::run(config, writer, |addr| {
        eprintln!(
            "annalist: serving {} on http://{addr}/ ({})",
            db.display(),
            if writable { "POST /api/articles enabled" } else { "read-only" }
        );
    })?;
    Ok(Outcome::Clean)
}
