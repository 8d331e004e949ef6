//! One module per subcommand.

/// How a command that did not fail outright ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Clean,
    /// Some inputs failed; their diagnostics went to stderr and the rest was processed.
    Partial,
}
