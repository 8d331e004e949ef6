//! The project's news probe (`shared/data/news-timex-probe`): 30 expressions and 5 sentences
//! with expected TIMEX3-style values, anchored on Wednesday 2009-03-18.
//!
//! Scoring: an item passes when the first date or time expression we find has the expected
//! value (one of the `|` alternatives; a time's `T…` suffix and a START/MID/END `mod` are
//! scored on the base value, as the probe's README says). `NONE` passes when no date or time
//! with a value is found. *Lenient* (reported beside it, as in the research note): the start
//! of our interval lies inside the expected interval.

use crate::{find, value_interval, Anchor, Found, TimexType};
use std::path::Path;

use super::te3::EvalError;

/// The probe's reference date.
pub fn anchor() -> Anchor {
    Anchor::parse("2009-03-18").expect("valid literal")
}

/// One probe item and our answer.
#[derive(Debug, Clone)]
pub struct ProbeItem {
    pub id: String,
    pub text: String,
    /// Alternatives; empty for `NONE`.
    pub expected: Vec<String>,
    pub category: String,
    /// Our value (date part), or `None`.
    pub got: Option<String>,
    pub got_span: Option<String>,
    pub pass: bool,
    pub lenient: bool,
}

/// Reads a probe TSV (`expressions.tsv`: id, expression, expected, category; `sentences.tsv`:
/// id, sentence, expected) and scores each row.
pub fn run(path: &Path) -> Result<Vec<ProbeItem>, EvalError> {
    let raw = std::fs::read_to_string(path)
        .map_err(|source| EvalError::Io { path: path.to_path_buf(), source })?;
    let a = anchor();
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            return Err(EvalError::Format {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected at least 3 fields".into(),
            });
        }
        let expected: Vec<String> =
            if f[2] == "NONE" { Vec::new() } else { f[2].split('|').map(str::to_string).collect() };
        let found = find(f[1], Some(&a), None).unwrap_or_default();
        out.push(score(f[0], f[1], expected, f.get(3).copied().unwrap_or("sentence"), &found));
    }
    Ok(out)
}

fn score(id: &str, text: &str, expected: Vec<String>, category: &str, found: &Found) -> ProbeItem {
    let first = found
        .timexes
        .iter()
        .find(|t| matches!(t.kind, TimexType::Date | TimexType::Time) && t.value.is_some());
    let got = first
        .and_then(|t| t.value.as_deref())
        .map(|v| v.split('T').next().unwrap_or(v).to_string());
    let got_span = first.and_then(|t| t.span.slice(text)).map(str::to_string);
    let (pass, lenient) = if expected.is_empty() {
        (got.is_none(), got.is_none())
    } else {
        let pass = got.as_ref().is_some_and(|g| expected.iter().any(|e| e == g));
        let start = first.and_then(|t| t.interval).map(|iv| iv.start);
        let lenient = start.is_some_and(|s| {
            expected.iter().filter_map(|e| value_interval(e)).any(|iv| iv.start <= s && s <= iv.end)
        });
        (pass, lenient || pass)
    };
    ProbeItem {
        id: id.to_string(),
        text: text.to_string(),
        expected,
        category: category.to_string(),
        got,
        got_span,
        pass,
        lenient,
    }
}
