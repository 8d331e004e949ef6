//! One module per subcommand.

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
