//! The two public extraction benchmarks, read from their folders and scored the way their
//! READMEs say, so the quality suites and the `bench-extract` command share one scorer.
//!
//! * ScrapingHub article-extraction-benchmark: `\w+` tokens, 4-token shingles as multisets,
//!   per-page precision and recall averaged over pages, F1 of the two means.
//! * trafilatura evaluation set: whitespace-collapsed, case-sensitive containment of "with" and
//!   "without" snippets, summed over pages (micro precision/recall/F1).

use regex::Regex;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

/// One benchmark page: its bytes (decompressed), URL and gold.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub url: String,
    pub html: Vec<u8>,
    pub gold: Gold,
}

/// What a page is scored against.
#[derive(Debug, Clone)]
pub enum Gold {
    /// ScrapingHub: the annotated article body.
    Body(String),
    /// trafilatura-eval: snippets that must / must not appear, and the gold date if any.
    Snippets { with: Vec<String>, without: Vec<String>, date: Option<String> },
}

fn gunzip(path: &Path) -> std::io::Result<Vec<u8>> {
    let f = std::fs::File::open(path)?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f).read_to_end(&mut out)?;
    Ok(out)
}

fn bad(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
}

/// Loads `scrapinghub-article-extraction-benchmark/` (sorted by id).
pub fn load_scrapinghub(dir: &Path) -> std::io::Result<Vec<Page>> {
    let gt: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?).map_err(bad)?;
    let obj = gt.as_object().ok_or_else(|| bad("ground-truth.json is not an object"))?;
    let mut pages = Vec::new();
    for (id, v) in obj {
        let html = gunzip(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push(Page {
            id: id.clone(),
            url: v["url"].as_str().unwrap_or_default().to_string(),
            html,
            gold: Gold::Body(v["articleBody"].as_str().unwrap_or_default().to_string()),
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// Loads `trafilatura-eval/` (sorted by URL).
pub fn load_trafilatura_eval(dir: &Path) -> std::io::Result<Vec<Page>> {
    let gt: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("evaldata.json"))?).map_err(bad)?;
    let obj = gt.as_object().ok_or_else(|| bad("evaldata.json is not an object"))?;
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let mut pages = Vec::new();
    for (url, v) in obj {
        let file = v["file"].as_str().unwrap_or_default();
        let html = gunzip(&dir.join("html").join(format!("{file}.gz")))?;
        let date = v["date"].as_str().map(str::trim).filter(|d| !d.is_empty()).map(str::to_string);
        pages.push(Page {
            id: file.to_string(),
            url: url.clone(),
            html,
            gold: Gold::Snippets {
                with: strings(&v["with"]),
                without: strings(&v["without"]),
                date,
            },
        });
    }
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(pages)
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        *m.entry(toks).or_insert(0) += 1;
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Per-page shingle precision and recall (`None` where undefined, as the benchmark skips it).
pub fn shingle_pr(pred: &str, gold: &str) -> (Option<f64>, Option<f64>) {
    let p = shingles(pred);
    let g = shingles(gold);
    let tp: usize = p.iter().map(|(k, c)| (*c).min(*g.get(k).unwrap_or(&0))).sum();
    let fp = p.values().sum::<usize>() - tp;
    let fn_ = g.values().sum::<usize>() - tp;
    if fp == 0 && fn_ == 0 {
        return (Some(1.0), Some(1.0));
    }
    let prec = (tp + fp > 0).then(|| tp as f64 / (tp + fp) as f64);
    let rec = (tp + fn_ > 0).then(|| tp as f64 / (tp + fn_) as f64);
    (prec, rec)
}

/// Mean precision, mean recall and F1 of the means over pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores ScrapingHub predictions (pairs of prediction and gold body).
pub fn score_scrapinghub<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Prf {
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for (pred, gold) in pairs {
        let (p, r) = shingle_pr(pred, gold);
        ps.extend(p);
        rs.extend(r);
    }
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (p, r) = (mean(&ps), mean(&rs));
    Prf { precision: p, recall: r, f1: f1(p, r) }
}

/// Snippet counts for the trafilatura evaluation set.
#[derive(Debug, Clone, Copy, Default)]
pub struct SnippetCounts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl SnippetCounts {
    pub fn add(&mut self, pred: &str, with: &[String], without: &[String]) {
        let text = crate::scan::collapse(pred);
        for w in with {
            if !text.is_empty() && text.contains(&crate::scan::collapse(w)) {
                self.tp += 1;
            } else {
                self.fn_ += 1;
            }
        }
        for w in without {
            if !text.is_empty() && text.contains(&crate::scan::collapse(w)) {
                self.fp += 1;
            } else {
                self.tn += 1;
            }
        }
    }

    pub fn prf(&self) -> Prf {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        Prf {
            precision: p,
            recall: r,
            f1: 2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_).max(1) as f64,
        }
    }
}

/// Date verdict on one gold-dated page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateVerdict {
    Right,
    Wrong,
    /// Only a month or year was given (not wrong, but not the day).
    Coarser,
    Missing,
}

/// Compares a published value with a gold `YYYY-MM-DD`.
pub fn date_verdict(published: Option<&model::Published>, gold: &str) -> DateVerdict {
    let Some(p) = published else { return DateVerdict::Missing };
    let gold = gold.get(..10).unwrap_or(gold);
    match p.precision {
        model::DatePrecision::Year | model::DatePrecision::Month => {
            if gold.starts_with(&p.value) {
                DateVerdict::Coarser
            } else {
                DateVerdict::Wrong
            }
        }
        _ if p.value.get(..10) == Some(gold) => DateVerdict::Right,
        _ => DateVerdict::Wrong,
    }
}

/// The page as text, decoded the way [`crate::extract`] decodes it (for checks on the page).
/// Entities are decoded too (`4.&nbsp;Februar` reads as `4. Februar`).
pub fn decoded_page(bytes: &[u8], url: Option<&str>) -> String {
    crate::scan::decode_entities(&crate::charset::decode(bytes, None, url, &mut Vec::new()).text)
}

/// Whether the page shows the day of a day-precision date somewhere (URL or bytes) in a common
/// written form. A day-precision date the page never shows would be an invented day.
pub fn day_is_supported(p: &model::Published, url: &str, html: &str) -> bool {
    let Some(d) = crate::dates::parse_machine(&p.value) else { return false };
    let (Some(m), Some(day)) = (d.month, d.day) else { return true };
    let y = d.year;
    let forms = [
        format!("{y}-{m:02}-{day:02}"),
        format!("{y}-{m}-{day}"),
        format!("{y}/{m:02}/{day:02}"),
        format!("{y}{m:02}{day:02}"),
        format!("{day:02}.{m:02}.{y}"),
        format!("{day}.{m}.{y}"),
        format!("{day}. {m}. {y}"),
        format!("{day:02}/{m:02}/{y}"),
        format!("{m:02}/{day:02}/{y}"),
        format!("{m}/{day}/{y}"),
        format!("{day}/{m}/{y}"),
        format!("{y}年{m}月{day}日"),
        format!("{day:02}.{m:02}.{}", y % 100),
    ];
    if forms.iter().any(|f| url.contains(f.as_str()) || html.contains(f.as_str())) {
        return true;
    }
    // Written months and Unix timestamps: parse every date the page text holds.
    let target = (y, m, day);
    let mut rest = html;
    while let Some((pd, at)) = crate::dates::find_in_text(rest, crate::dates::DayOrder::DayFirst) {
        if (pd.year, pd.month.unwrap_or(0), pd.day.unwrap_or(0)) == target {
            return true;
        }
        rest = &rest[(at + 1).min(rest.len())..];
        while !rest.is_char_boundary(0) {
            rest = &rest[1..];
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        let (p, r) = shingle_pr("a b c d e", "a b c d e");
        assert_eq!((p, r), (Some(1.0), Some(1.0)));
        let (p, r) = shingle_pr("a b c d e f", "a b c d e");
        assert_eq!(r, Some(1.0));
        assert_eq!(p, Some(2.0 / 3.0));
        let (p, r) = shingle_pr("", "a b c d");
        assert_eq!((p, r), (None, Some(0.0)));
        let (p, r) = shingle_pr("x y", "x y");
        assert_eq!((p, r), (Some(1.0), Some(1.0)), "short texts are one shingle");
    }

    #[test]
    fn snippet_counts() {
        let mut c = SnippetCounts::default();
        c.add(
            "Hello  big\nworld",
            &["big world".into(), "absent".into()],
            &["Hello".into(), "nav".into()],
        );
        assert_eq!((c.tp, c.fn_, c.fp, c.tn), (1, 1, 1, 1));
    }
}
