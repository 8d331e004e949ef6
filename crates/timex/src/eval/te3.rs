//! The TempEval-3 Task A scorer over TE3-platinum (`shared/data/te3-platinum`).
//!
//! Conventions (as in the TE3 overview and the data's README):
//! - *relaxed* match: a system expression overlapping a gold one (one-to-one, greedy in text
//!   order); *strict* match: identical character span;
//! - relaxed/strict P = matches / system expressions, R = matches / gold expressions;
//! - *value* F1 (the headline): P = relaxed matches whose value string equals gold's / system
//!   expressions, R = the same count / gold expressions; *type* F1 likewise. An expression we
//!   recognise but leave without a value counts as a system expression with a wrong value.
//!
//! The documents are read from the `.tml` files (the character content of `<TEXT>`, tags
//! removed); gold comes from `timex3_gold.tsv` (character offsets into that text).

use crate::{find, Anchor, Timex};
use std::path::{Path, PathBuf};

/// Errors reading the test set.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Format { path: PathBuf, line: usize, message: String },
}

/// One TimeML document: its name, creation date and text.
#[derive(Debug, Clone)]
pub struct Doc {
    pub name: String,
    pub dct: String,
    pub text: String,
}

/// One gold TIMEX3 (character offsets into [`Doc::text`]).
#[derive(Debug, Clone)]
pub struct Gold {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
    pub text: String,
}

/// A system expression in character offsets.
#[derive(Debug, Clone)]
pub struct SysTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: Option<String>,
    pub text: String,
    pub rule: &'static str,
}

/// What kind of disagreement an error item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    Missed,
    Spurious,
    WrongValue,
    SpanOnly,
}

/// One disagreement with gold.
#[derive(Debug, Clone)]
pub struct ErrorItem {
    pub doc: String,
    pub kind: ErrorKind,
    pub gold: Option<Gold>,
    pub sys: Option<SysTimex>,
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(tp: usize, sys: usize, gold: usize) -> Prf {
        let p = if sys == 0 { 0.0 } else { tp as f64 / sys as f64 };
        let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { p, r, f1 }
    }
}

/// The scores and the error list.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub docs: usize,
    pub gold: usize,
    pub system: usize,
    pub relaxed: Prf,
    pub strict: Prf,
    pub value: Prf,
    pub kind: Prf,
    pub errors: Vec<ErrorItem>,
    /// Gold rows whose `text` column did not match our reading of the document (sanity check).
    pub gold_text_mismatches: usize,
    /// Total text bytes processed and the time taken by `find` alone.
    pub bytes: usize,
    pub seconds: f64,
}

/// Reads a TimeML file.
pub fn read_tml(path: &Path) -> Result<Doc, EvalError> {
    let raw = std::fs::read_to_string(path)
        .map_err(|source| EvalError::Io { path: path.to_path_buf(), source })?;
    let fmt = |message: &str| EvalError::Format {
        path: path.to_path_buf(),
        line: 1,
        message: message.into(),
    };
    let dct_at = raw.find("<DCT>").ok_or_else(|| fmt("no <DCT>"))?;
    let after = &raw[dct_at..];
    let v = after.find("value=\"").ok_or_else(|| fmt("no DCT value"))? + 7;
    let dct: String = after[v..].chars().take_while(|c| *c != '"').collect();
    let t0 = raw.find("<TEXT>").ok_or_else(|| fmt("no <TEXT>"))? + 6;
    let t1 = raw[t0..].find("</TEXT>").ok_or_else(|| fmt("no </TEXT>"))? + t0;
    let mut text = String::with_capacity(t1 - t0);
    let mut in_tag = false;
    for c in raw[t0..t1].chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Doc { name, dct, text })
}

/// Reads `timex3_gold.tsv` (`doc, dct, tid, start, end, type, value, mod, text`).
pub fn read_gold(path: &Path) -> Result<Vec<Gold>, EvalError> {
    let raw = std::fs::read_to_string(path)
        .map_err(|source| EvalError::Io { path: path.to_path_buf(), source })?;
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |m: &str| EvalError::Format {
            path: path.to_path_buf(),
            line: n + 1,
            message: m.into(),
        };
        if f.len() < 9 {
            return Err(bad("expected 9 tab-separated fields"));
        }
        out.push(Gold {
            doc: f[0].to_string(),
            start: f[3].parse().map_err(|_| bad("bad start"))?,
            end: f[4].parse().map_err(|_| bad("bad end"))?,
            kind: f[5].to_string(),
            value: f[6].to_string(),
            text: f[8].to_string(),
        });
    }
    Ok(out)
}

/// Runs the engine on one document, in character offsets.
pub fn run_doc(doc: &Doc) -> Vec<SysTimex> {
    let anchor = Anchor::parse(&doc.dct).ok();
    let found = find(&doc.text, anchor.as_ref(), None).map(|f| f.timexes).unwrap_or_default();
    to_chars(&doc.text, &found)
}

fn to_chars(text: &str, found: &[Timex]) -> Vec<SysTimex> {
    // byte offset → char offset
    let mut map = vec![0usize; text.len() + 1];
    let mut c = 0;
    for (b, ch) in text.char_indices() {
        for k in 0..ch.len_utf8() {
            map[b + k] = c;
        }
        c += 1;
    }
    map[text.len()] = c;
    found
        .iter()
        .map(|t| SysTimex {
            start: map[t.span.start as usize],
            end: map[t.span.end as usize],
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
            text: t.span.slice(text).unwrap_or("").to_string(),
            rule: t.rule,
        })
        .collect()
}

/// Scores the engine on a TE3-platinum folder (holding `tml/` and `timex3_gold.tsv`).
pub fn evaluate(dir: &Path) -> Result<Report, EvalError> {
    let gold = read_gold(&dir.join("timex3_gold.tsv"))?;
    let tml_dir = dir.join("tml");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&tml_dir)
        .map_err(|source| EvalError::Io { path: tml_dir.clone(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    paths.sort();
    let mut rep = Report::default();
    let (mut tp_rel, mut tp_strict, mut tp_val, mut tp_type) = (0, 0, 0, 0);
    for path in &paths {
        let doc = read_tml(path)?;
        rep.docs += 1;
        rep.bytes += doc.text.len();
        let t0 = std::time::Instant::now();
        let sys = run_doc(&doc);
        rep.seconds += t0.elapsed().as_secs_f64();
        let golds: Vec<&Gold> = gold.iter().filter(|g| g.doc == doc.name).collect();
        let chars: Vec<char> = doc.text.chars().collect();
        for g in &golds {
            let seen: String =
                chars.get(g.start..g.end).map(|s| s.iter().collect()).unwrap_or_default();
            if seen != g.text {
                rep.gold_text_mismatches += 1;
            }
        }
        rep.gold += golds.len();
        rep.system += sys.len();
        let mut used = vec![false; sys.len()];
        for g in &golds {
            let hit =
                (0..sys.len()).find(|&k| !used[k] && sys[k].start < g.end && g.start < sys[k].end);
            let Some(k) = hit else {
                rep.errors.push(ErrorItem {
                    doc: doc.name.clone(),
                    kind: ErrorKind::Missed,
                    gold: Some((*g).clone()),
                    sys: None,
                });
                continue;
            };
            used[k] = true;
            let s = &sys[k];
            tp_rel += 1;
            let strict = s.start == g.start && s.end == g.end;
            if strict {
                tp_strict += 1;
            }
            if s.kind == g.kind {
                tp_type += 1;
            }
            let value_ok = s.value.as_deref() == Some(g.value.as_str());
            if value_ok {
                tp_val += 1;
            }
            let kind = if !value_ok {
                Some(ErrorKind::WrongValue)
            } else if !strict {
                Some(ErrorKind::SpanOnly)
            } else {
                None
            };
            if let Some(kind) = kind {
                rep.errors.push(ErrorItem {
                    doc: doc.name.clone(),
                    kind,
                    gold: Some((*g).clone()),
                    sys: Some(s.clone()),
                });
            }
        }
        for (k, s) in sys.iter().enumerate() {
            if !used[k] {
                rep.errors.push(ErrorItem {
                    doc: doc.name.clone(),
                    kind: ErrorKind::Spurious,
                    gold: None,
                    sys: Some(s.clone()),
                });
            }
        }
    }
    rep.relaxed = Prf::new(tp_rel, rep.system, rep.gold);
    rep.strict = Prf::new(tp_strict, rep.system, rep.gold);
    rep.value = Prf::new(tp_val, rep.system, rep.gold);
    rep.kind = Prf::new(tp_type, rep.system, rep.gold);
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_arithmetic() {
        let p = Prf::new(8, 10, 16);
        assert!((p.p - 0.8).abs() < 1e-9 && (p.r - 0.5).abs() < 1e-9);
        assert!((p.f1 - 2.0 * 0.8 * 0.5 / 1.3).abs() < 1e-9);
        assert_eq!(Prf::new(0, 0, 5).f1, 0.0);
    }

    #[test]
    fn char_offsets_from_byte_spans() {
        let text = "Ba’ath on Monday";
        let a = Anchor::parse("2009-03-18").unwrap();
        let f = find(text, Some(&a), None).unwrap();
        let s = to_chars(text, &f.timexes);
        assert_eq!((s[0].start, s[0].end), (10, 16));
        assert_eq!(s[0].text, "Monday");
    }
}
