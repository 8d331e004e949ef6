//! A learned sentence-boundary scorer for the places the punctuation rules cannot see.
//!
//! Web text and headlines often end a sentence with no punctuation at all ("thanks for the
//! help I will call you"). Where the rules in [`crate::split`] find no boundary, this
//! averaged perceptron scores the gap between two tokens from the words and shapes around
//! it; a boundary is added only when the score clears a threshold chosen for high precision
//! on held-out data. The weights (hashed features, 2^16 `f32`s) are built by our code from
//! the UD English EWT and GUM training treebanks (`examples/train_boundary.rs`) and shipped in
//! `data/boundary.bin`; see `data/README.md` for attribution.

use crate::tokenize::{self, Surface};
use crate::{conllu, rawtext, split};
use std::collections::HashSet;

/// log2 of the number of weight buckets.
const BITS: u32 = 16;
/// Number of weight buckets.
pub const BUCKETS: usize = 1 << BITS;

/// The shipped weights: `BUCKETS` little-endian `f32`s followed by the threshold.
static SHIPPED: &[u8] = include_bytes!("../data/boundary.bin");

/// Hashed-feature weights and the decision threshold.
#[derive(Debug, Clone)]
pub struct BoundaryModel {
    weights: Vec<f32>,
    threshold: f32,
}

/// Why model bytes could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BoundaryModelError {
    #[error("boundary model has {0} bytes, expected {expected}", expected = (BUCKETS + 1) * 4)]
    Size(usize),
}

impl BoundaryModel {
    /// The model compiled into the crate.
    pub fn shipped() -> &'static BoundaryModel {
        static MODEL: std::sync::OnceLock<BoundaryModel> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            BoundaryModel::from_bytes(SHIPPED).unwrap_or_else(|_| BoundaryModel::disabled())
        })
    }

    /// The bytes compiled into the crate (`data/boundary.bin`).
    pub fn shipped_bytes() -> &'static [u8] {
        SHIPPED
    }

    /// A model that never adds a boundary.
    pub fn disabled() -> BoundaryModel {
        BoundaryModel { weights: vec![0.0; BUCKETS], threshold: f32::INFINITY }
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<BoundaryModel, BoundaryModelError> {
        if bytes.len() != (BUCKETS + 1) * 4 {
            return Err(BoundaryModelError::Size(bytes.len()));
        }
        let mut f = bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let weights: Vec<f32> = f.by_ref().take(BUCKETS).collect();
        let threshold = f.next().unwrap_or(f32::INFINITY);
        Ok(BoundaryModel { weights, threshold })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity((BUCKETS + 1) * 4);
        for w in self.weights.iter().chain(std::iter::once(&self.threshold)) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Builds a model from trained weights (see [`Trainer`]).
    pub fn new(weights: Vec<f32>, threshold: f32) -> BoundaryModel {
        let mut weights = weights;
        weights.resize(BUCKETS, 0.0);
        BoundaryModel { weights, threshold }
    }

    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Score of a boundary before token `i` (`0 < i < tokens.len()`).
    pub fn score(&self, text: &str, tokens: &[Surface], i: usize) -> f32 {
        let mut s = 0.0;
        features(text, tokens, i, &mut |h| s += self.weights[h]);
        s
    }

    /// Whether to add a boundary before token `i`.
    pub fn boundary(&self, text: &str, tokens: &[Surface], i: usize) -> bool {
        self.threshold.is_finite() && self.score(text, tokens, i) > self.threshold
    }
}

/// Averaged-perceptron training over gaps (each with its label).
#[derive(Debug)]
pub struct Trainer {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    step: u64,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            weights: vec![0.0; BUCKETS],
            totals: vec![0.0; BUCKETS],
            stamps: vec![0; BUCKETS],
            step: 0,
        }
    }
}

impl Trainer {
    /// One online update for the gap before token `i`; returns whether it was right.
    pub fn learn(&mut self, text: &str, tokens: &[Surface], i: usize, gold: bool) -> bool {
        self.step += 1;
        let mut hs = Vec::with_capacity(32);
        features(text, tokens, i, &mut |h| hs.push(h));
        let score: f32 = hs.iter().map(|&h| self.weights[h]).sum();
        let guess = score > 0.0;
        if guess != gold {
            let delta = if gold { 1.0 } else { -1.0 };
            for &h in &hs {
                self.totals[h] += (self.step - self.stamps[h]) as f64 * self.weights[h] as f64;
                self.stamps[h] = self.step;
                self.weights[h] += delta;
            }
        }
        guess == gold
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        let n = self.step.max(1) as f64;
        (0..BUCKETS)
            .map(|h| {
                let total =
                    self.totals[h] + (self.step - self.stamps[h]) as f64 * self.weights[h] as f64;
                (total / n) as f32
            })
            .collect()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The FNV-1a state after hashing `part` and a `0xff` separator from state `h`.
const fn after(mut h: u64, part: &[u8]) -> u64 {
    let mut i = 0;
    while i < part.len() {
        h ^= part[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h ^= 0xff;
    h.wrapping_mul(FNV_PRIME)
}

/// Folds a final FNV-1a state to a bucket.
fn bucket(h: u64) -> usize {
    ((h >> 32) ^ h) as usize & (BUCKETS - 1)
}

/// FNV-1a (64-bit) over the parts, each followed by a separator, folded to the bucket count:
/// the definition of a feature's bucket. [`features`] starts from the states after its
/// (constant) template names, computed at compile time, which gives the same buckets.
#[cfg(test)]
fn hash(parts: &[&[u8]]) -> usize {
    bucket(parts.iter().fold(FNV_OFFSET, |h, p| after(h, p)))
}

/// A coarse shape: `Xx`, `x`, `X`, `d`, or the punctuation itself (first 3 chars).
fn shape(s: &str) -> &str {
    let mut cs = s.chars();
    let Some(c) = cs.next() else { return "" };
    if c.is_uppercase() {
        if s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && cs.next().is_some() {
            "X"
        } else {
            "Xx"
        }
    } else if c.is_lowercase() {
        "x"
    } else if c.is_numeric() {
        "d"
    } else {
        let end = s.char_indices().nth(3).map_or(s.len(), |(i, _)| i);
        &s[..end]
    }
}

/// The lower-cased word (borrowed when already lower case).
fn word(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() > 24 {
        return "<long>".into();
    }
    if s.chars().any(char::is_uppercase) {
        s.to_lowercase().into()
    } else {
        s.into()
    }
}

fn features(text: &str, tokens: &[Surface], i: usize, emit: &mut dyn FnMut(usize)) {
    let get = |k: isize| -> &str {
        let k = i as isize + k;
        if k < 0 || k as usize >= tokens.len() {
            "<none>"
        } else {
            &text[tokens[k as usize].span.range()]
        }
    };
    let (p1, p2, n1, n2) = (get(-1), get(-2), get(0), get(1));
    let (sp1, sp2, sn1, sn2) = (shape(p1), shape(p2), shape(n1), shape(n2));
    let (wp1, wn1) = (word(p1), word(n1));
    let gap = &text[tokens[i - 1].span.end as usize..tokens[i].span.start as usize];
    let newline: &[u8] = if gap.contains('\n') { b"nl" } else { b"sp" };
    // The template name is always the first part: start from its state.
    const fn t(name: &[u8]) -> u64 {
        after(FNV_OFFSET, name)
    }
    let h = |state: u64, parts: &[&[u8]]| bucket(parts.iter().fold(state, |h, p| after(h, p)));
    let (wp1, wn1) = (wp1.as_bytes(), wn1.as_bytes());
    let (sp1, sp2, sn1, sn2) = (sp1.as_bytes(), sp2.as_bytes(), sn1.as_bytes(), sn2.as_bytes());
    emit(bucket(const { t(b"bias") }));
    emit(h(const { t(b"p1") }, &[wp1]));
    emit(h(const { t(b"n1") }, &[wn1]));
    emit(h(const { t(b"sp1") }, &[sp1]));
    emit(h(const { t(b"sn1") }, &[sn1]));
    emit(h(const { t(b"sp2") }, &[sp2]));
    emit(h(const { t(b"sn2") }, &[sn2]));
    emit(h(const { t(b"sp1sn1") }, &[sp1, sn1]));
    emit(h(const { t(b"wp1sn1") }, &[wp1, sn1]));
    emit(h(const { t(b"sp1wn1") }, &[sp1, wn1]));
    emit(h(const { t(b"wp1wn1") }, &[wp1, wn1]));
    emit(h(const { t(b"sp2sp1sn1") }, &[sp2, sp1, sn1]));
    emit(h(const { t(b"sp1sn1sn2") }, &[sp1, sn1, sn2]));
    emit(h(const { t(b"gap") }, &[newline, sp1, sn1]));
    emit(h(const { t(b"wn1sn2") }, &[wn1, sn2]));
}

// ---- training (see `examples/train_boundary.rs`) ----

struct Gap<'a> {
    text: &'a str,
    tokens: &'a [tokenize::Surface],
    i: usize,
    gold: bool,
}

struct Doc {
    text: String,
    tokens: Vec<tokenize::Surface>,
    gold_starts: HashSet<u32>,
    rule_correct: usize,
    rule_boundaries: usize,
    gold_boundaries: usize,
}

fn docs(treebanks: &[&str]) -> Vec<Doc> {
    let mut out = Vec::new();
    for text in treebanks {
        let parsed = conllu::parse(text);
        for d in rawtext::documents(&parsed.sentences, &[]) {
            let toks = tokenize::tokenize(&d.text).tokens;
            let gold_starts: HashSet<u32> = d.sentences.iter().skip(1).map(|s| s.start).collect();
            let rules = split::split_with(&d.text, &toks, &d.paragraphs, usize::MAX, None);
            let rule_starts: Vec<u32> =
                rules.iter().skip(1).map(|r| toks[r.start].span.start).collect();
            let rule_correct = rule_starts.iter().filter(|s| gold_starts.contains(s)).count();
            out.push(Doc {
                rule_correct,
                rule_boundaries: rule_starts.len(),
                gold_boundaries: gold_starts.len(),
                text: d.text,
                tokens: toks,
                gold_starts,
            });
        }
    }
    out
}

/// Gaps where the rules put no boundary and no paragraph break falls.
fn gaps(d: &Doc) -> Vec<Gap<'_>> {
    let rules = split::split_with(&d.text, &d.tokens, &[], usize::MAX, None);
    let rule_starts: HashSet<usize> = rules.iter().map(|r| r.start).collect();
    (1..d.tokens.len())
        .filter(|&i| !rule_starts.contains(&i))
        .filter(|&i| {
            let gap = &d.text[d.tokens[i - 1].span.end as usize..d.tokens[i].span.start as usize];
            let next = &d.text[d.tokens[i].span.range()];
            // As in `split`: the model only starts sentences at words, numbers, opening
            // quotes and brackets.
            gap.matches('\n').count() < 2
                && next.chars().next().is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, '"' | '“' | '(' | '[' | '\'')
                })
        })
        .map(|i| Gap {
            text: &d.text,
            tokens: &d.tokens,
            i,
            gold: d.gold_starts.contains(&d.tokens[i].span.start),
        })
        .collect()
}

/// Trains the scorer from treebank texts (CoNLL-U): `train` for the weights, `dev` for the
/// threshold. Deterministic: the same texts give the same model bytes. `log` receives
/// progress lines.
pub fn train(train: &[&str], dev: &[&str], log: &dyn Fn(&str)) -> BoundaryModel {
    let train = docs(train);
    let dev = docs(dev);
    let train_gaps: Vec<Gap> = train.iter().flat_map(gaps).collect();
    let positives = train_gaps.iter().filter(|g| g.gold).count();
    log(&format!("training gaps: {} ({} boundaries)", train_gaps.len(), positives));
    let mut t = Trainer::default();
    for epoch in 0..6 {
        let right = train_gaps.iter().filter(|g| t.learn(g.text, g.tokens, g.i, g.gold)).count();
        log(&format!(
            "epoch {epoch}: {:.3}% right",
            100.0 * right as f64 / train_gaps.len() as f64
        ));
    }
    let weights = t.averaged();

    // Threshold on dev.
    let probe = BoundaryModel::new(weights.clone(), 0.0);
    let mut scored: Vec<(f32, bool)> =
        dev.iter().flat_map(gaps).map(|g| (probe.score(g.text, g.tokens, g.i), g.gold)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let rule_correct: usize = dev.iter().map(|d| d.rule_correct).sum();
    let rule_sys: usize = dev.iter().map(|d| d.rule_boundaries).sum();
    let gold: usize = dev.iter().map(|d| d.gold_boundaries).sum();
    let f1 = |c: usize, s: usize| 2.0 * c as f64 / (gold + s) as f64;
    let mut best = (f1(rule_correct, rule_sys), f32::INFINITY, 0usize, 0usize);
    let (mut added, mut added_right) = (0usize, 0usize);
    for (k, &(score, is_gold)) in scored.iter().enumerate() {
        added += 1;
        added_right += usize::from(is_gold);
        // Only cut between distinct scores.
        if scored.get(k + 1).is_some_and(|n| n.0 == score) || score <= 0.0 {
            continue;
        }
        let precise = added_right as f64 >= 0.85 * added as f64;
        let f = f1(rule_correct + added_right, rule_sys + added);
        if precise && f > best.0 {
            best = (
                f,
                scored.get(k + 1).map_or(score - 1.0, |n| (score + n.0) / 2.0),
                added,
                added_right,
            );
        }
    }
    log(&format!(
        "dev boundary F1: rules {:.2} -> with model {:.2} (threshold {:.3}, {} added, {} right)",
        100.0 * f1(rule_correct, rule_sys),
        100.0 * best.0,
        best.1,
        best.2,
        best.3
    ));
    BoundaryModel::new(weights, best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features as first written: every part hashed from the start.
    fn reference_features(text: &str, tokens: &[Surface], i: usize) -> Vec<usize> {
        let get = |k: isize| -> &str {
            let k = i as isize + k;
            if k < 0 || k as usize >= tokens.len() {
                "<none>"
            } else {
                &text[tokens[k as usize].span.range()]
            }
        };
        let (p1, p2, n1, n2) = (get(-1), get(-2), get(0), get(1));
        let (sp1, sp2, sn1, sn2) = (shape(p1), shape(p2), shape(n1), shape(n2));
        let (wp1, wn1) = (word(p1), word(n1));
        let gap = &text[tokens[i - 1].span.end as usize..tokens[i].span.start as usize];
        let newline: &[u8] = if gap.contains('\n') { b"nl" } else { b"sp" };
        vec![
            hash(&[b"bias"]),
            hash(&[b"p1", wp1.as_bytes()]),
            hash(&[b"n1", wn1.as_bytes()]),
            hash(&[b"sp1", sp1.as_bytes()]),
            hash(&[b"sn1", sn1.as_bytes()]),
            hash(&[b"sp2", sp2.as_bytes()]),
            hash(&[b"sn2", sn2.as_bytes()]),
            hash(&[b"sp1sn1", sp1.as_bytes(), sn1.as_bytes()]),
            hash(&[b"wp1sn1", wp1.as_bytes(), sn1.as_bytes()]),
            hash(&[b"sp1wn1", sp1.as_bytes(), wn1.as_bytes()]),
            hash(&[b"wp1wn1", wp1.as_bytes(), wn1.as_bytes()]),
            hash(&[b"sp2sp1sn1", sp2.as_bytes(), sp1.as_bytes(), sn1.as_bytes()]),
            hash(&[b"sp1sn1sn2", sp1.as_bytes(), sn1.as_bytes(), sn2.as_bytes()]),
            hash(&[b"gap", newline, sp1.as_bytes(), sn1.as_bytes()]),
            hash(&[b"wn1sn2", wn1.as_bytes(), sn2.as_bytes()]),
        ]
    }

    #[test]
    fn template_states_give_the_buckets_of_hashing_every_part() {
        let text = "Thanks for the help I will call you\nMr. SMITH said 3.5 % \"Yes\" — É. ok";
        let tokens = tokenize::tokenize(text).tokens;
        for i in 1..tokens.len() {
            let mut got = Vec::new();
            features(text, &tokens, i, &mut |h| got.push(h));
            assert_eq!(got, reference_features(text, &tokens, i), "gap before token {i}");
        }
    }

    #[test]
    fn bytes_round_trip_and_size_is_checked() {
        let m = BoundaryModel::new(vec![0.5; BUCKETS], 1.25);
        let back = BoundaryModel::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.threshold(), 1.25);
        assert!(matches!(BoundaryModel::from_bytes(&[0; 8]), Err(BoundaryModelError::Size(8))));
    }
}
