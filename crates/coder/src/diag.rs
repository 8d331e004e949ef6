//! Diagnostics for partly bad input: a reader returns what it could read *and* a list of
//! located problems, so one broken dictionary line or record never stops the rest.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a problem was found: a file (or input name) and a 1-based line, or a record id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// File name or input label, e.g. `PETR.Validate.actors.txt` or `records.xml`.
    pub source: String,
    /// 1-based line number; 0 when the problem is not tied to a line.
    pub line: usize,
    /// A record id or other locator (`DEMO-01`), empty when there is none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub record: String,
    pub message: String,
}

impl Diagnostic {
    pub fn at(source: &str, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            source: source.to_string(),
            line,
            record: String::new(),
            message: message.into(),
        }
    }

    pub fn record(
        source: &str,
        line: usize,
        record: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            source: source.to_string(),
            line,
            record: record.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.record.is_empty() {
            write!(f, " [{}]", self.record)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A value read from partly bad input, with the problems met on the way.
#[derive(Debug, Clone)]
pub struct Partial<T> {
    pub value: T,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Partial<T> {
    pub fn new(value: T, diagnostics: Vec<Diagnostic>) -> Partial<T> {
        Partial { value, diagnostics }
    }

    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}
