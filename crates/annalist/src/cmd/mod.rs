//! One module per subcommand.

/// What a JSONL input holds, for the help of the commands that read one.
macro_rules! jsonl_help {
    () => {
        "JSONL inputs: one object a line with `html` (a page) or `text` (a story), and optional
`url`, `title`, `date` (publication date) and `outlet`. The keys of news-please, NewsAPI and
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

/// How a command that did not fail outright ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Clean,
    /// Some inputs failed; their diagnostics went to stderr and the rest was processed.
    Partial,
}
