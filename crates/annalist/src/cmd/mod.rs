//! One module per subcommand.

/// What a JSONL input holds, for the help of the commands that read one.
macro_rules! jsonl_help {
    () => {
        "JSONL inputs: one object a line with `html` (a page) or `text` (a story), and optional
`url`, `title`, `date` (publication date) and `outlet` (the publisher: a wire dateline's
agency, \"GAZA (Reuters) -\", is then cited as its source). The keys of news-please, NewsAPI and
schema.org dumps are read too (`maintext`, `date_publish`, `publishedAt`, `published`,
`datePublished`, `source`, `publisher`, `source_domain`)."
    };
}
pub(crate) use jsonl_help;

pub mod code;
pub mod dict;
pub mod eval_ud;
pub mod export_cmd;
pub mod extract;
pub mod ingest;
pub mod ingest_shard;
pub mod parse;
pub mod query;
pub mod serve;
pub mod timex;
pub mod train;
pub mod validate;

/// The worker threads `-j N` asks for. Every command reads it the same way: absent or 0 means
/// one per core (as `xz -T0` and `zstd -T0` do), any other number is taken as given.
pub fn threads(jobs: Option<usize>) -> usize {
    match jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// The store a command opens: `--db PATH`, or the default one. A store may be created, but
/// only the default store's folder is: a folder the user names that does not exist is more
/// likely a typo than a wish for new folders, so it is an error naming it.
pub fn store_path(db: Option<&std::path::Path>) -> anyhow::Result<std::path::PathBuf> {
    let Some(path) = db else { return Ok(store::default_path()) };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        anyhow::bail!(
            "--db {}: the folder {} does not exist (create it first)",
            path.display(),
            dir.display()
        );
    }
    Ok(path.to_path_buf())
}

/// How a command that did not fail outright ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Clean,
    /// Some inputs failed; their diagnostics went to stderr and the rest was processed.
    Partial,
}
