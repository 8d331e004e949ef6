//! Greedy labelled arc-hybrid dependency parser with an averaged perceptron over rich
//! Zhang & Nivre (2011)-style features (valency, distance, label sets, third order), trained
//! with Goldberg & Nivre's dynamic oracle and exploration.
//!
//! ROOT sits at the end of the buffer and takes exactly one dependent, so every parse is a
//! single-rooted tree. Training trees are projectivised by lifting (the transition system is
//! projective); a sentence of any length parses in linear time with per-sentence buffers only.

use crate::format::{Kind, ModelError, Reader, Writer};
use crate::hash::{self, mix, Rng};
use crate::perceptron::{Trainer, Weights};
use nlp::conllu::Sentence;
use std::collections::BTreeSet;

/// Training settings for the parser.
#[derive(Debug, Clone)]
pub struct ParserConfig {
    pub epochs: usize,
    pub seed: u64,
    pub min_q: i16,
    /// First epoch (0-based) in which the trainer follows its own mistakes.
    pub explore_from: usize,
    /// Probability of following the model's (wrong) transition when exploring.
    pub explore_p: f64,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig { epochs: 15, seed: 1, min_q: 2, explore_from: 1, explore_p: 0.9 }
    }
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct ParserModel {
    labels: Vec<String>,
    root: u16,
    weights: Weights,
}

const NONE: u32 = u32::MAX;
const SHIFT: usize = 0;

/// Hashed word attributes of one sentence, ROOT last.
#[derive(Debug, Default)]
struct Words {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
}

impl Words {
    fn fill(&mut self, items: impl Iterator<Item = (u64, u64, u64)>) {
        self.w.clear();
        self.p.clear();
        self.u.clear();
        for (w, p, u) in items {
            self.w.push(w);
            self.p.push(p);
            self.u.push(u);
        }
        self.w.push(0x2007);
        self.p.push(0x2007);
        self.u.push(0x2007);
    }
}

/// Parser configuration: stack, buffer front and the partial tree.
#[derive(Debug, Default)]
struct State {
    n: usize,
    stack: Vec<u32>,
    b: usize,
    head: Vec<u32>,
    label: Vec<u16>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u16>,
    nr: Vec<u16>,
    lset: Vec<u128>,
    rset: Vec<u128>,
}

impl State {
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.b = 0;
        self.stack.clear();
        for v in [&mut self.head, &mut self.lc1, &mut self.lc2, &mut self.rc1, &mut self.rc2] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        self.label.clear();
        self.label.resize(n + 1, u16::MAX);
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    fn done(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    fn s(&self, k: usize) -> u32 {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    fn bf(&self, k: usize) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i as u32
        } else {
            NONE
        }
    }

    fn apply(&mut self, class: usize, nlabels: usize) {
        if class == SHIFT {
            self.stack.push(self.b as u32);
            self.b += 1;
            return;
        }
        let (left, l) =
            if class <= nlabels { (true, class - 1) } else { (false, class - 1 - nlabels) };
        let Some(d) = self.stack.pop() else { return };
        let d = d as usize;
        self.label[d] = l as u16;
        let bit = 1u128 << (l % 128);
        if left {
            let h = self.b;
            self.head[d] = h as u32;
            self.lc2[h] = self.lc1[h];
            self.lc1[h] = d as u32;
            self.nl[h] += 1;
            self.lset[h] |= bit;
        } else {
            let h = *self.stack.last().unwrap_or(&(self.n as u32)) as usize;
            self.head[d] = h as u32;
            self.rc2[h] = self.rc1[h];
            self.rc1[h] = d as u32;
            self.nr[h] += 1;
            self.rset[h] |= bit;
        }
    }
}

fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 99;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 7,
        _ => 10,
    }
}

fn features(st: &State, x: &Words, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: u32| if i == NONE { 0x3001 } else { x.w[i as usize] };
    let p = |i: u32| if i == NONE { 0x3001 } else { x.p[i as usize] };
    let u = |i: u32| if i == NONE { 0x3001 } else { x.u[i as usize] };
    let l = |i: u32| if i == NONE { 0x3001 } else { st.label[i as usize] as u64 };
    let ch = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
    let vl = |i: u32| if i == NONE { 99 } else { st.nl[i as usize] as u64 };
    let vr = |i: u32| if i == NONE { 99 } else { st.nr[i as usize] as u64 };
    let ls = |i: u32| {
        if i == NONE {
            7
        } else {
            hash::finish(st.lset[i as usize] as u64 ^ (st.lset[i as usize] >> 64) as u64)
        }
    };
    let rs = |i: u32| {
        if i == NONE {
            7
        } else {
            hash::finish(st.rset[i as usize] as u64 ^ (st.rset[i as usize] >> 64) as u64)
        }
    };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.bf(0), st.bf(1), st.bf(2));
    let (s0l1, s0l2, s0r1, s0r2) =
        (ch(&st.lc1, s0), ch(&st.lc2, s0), ch(&st.rc1, s0), ch(&st.rc2, s0));
    let (s1l1, s1r1, s1r2) = (ch(&st.lc1, s1), ch(&st.rc1, s1), ch(&st.rc2, s1));
    let (b0l1, b0l2) = (ch(&st.lc1, b0), ch(&st.lc2, b0));
    let d = dist(s0, b0);
    let d1 = dist(s1, s0);
    let mut t = 0u64;
    let mut f = |v: u64| {
        t += 1;
        out.push(hash::finish(mix(t.wrapping_mul(0x1000_0001), v)));
    };
    let wp = |i: u32| mix(w(i), p(i));
    // Single words.
    f(wp(s0));
    f(w(s0));
    f(p(s0));
    f(wp(b0));
    f(w(b0));
    f(p(b0));
    f(wp(b1));
    f(w(b1));
    f(p(b1));
    f(wp(b2));
    f(p(b2));
    f(wp(s1));
    f(w(s1));
    f(p(s1));
    f(p(s2));
    f(w(s2));
    // Pairs.
    f(mix(wp(s0), wp(b0)));
    f(mix(wp(s0), w(b0)));
    f(mix(w(s0), wp(b0)));
    f(mix(wp(s0), p(b0)));
    f(mix(p(s0), wp(b0)));
    f(mix(w(s0), w(b0)));
    f(mix(p(s0), p(b0)));
    f(mix(p(b0), p(b1)));
    f(mix(wp(s1), wp(s0)));
    f(mix(w(s1), w(s0)));
    f(mix(p(s1), p(s0)));
    f(mix(p(s1), w(s0)));
    f(mix(w(s1), p(s0)));
    f(mix(w(b0), w(b1)));
    f(mix(w(b0), p(b1)));
    // Triples.
    f(mix(mix(p(b0), p(b1)), p(b2)));
    f(mix(mix(p(s0), p(b0)), p(b1)));
    f(mix(mix(p(s1), p(s0)), p(b0)));
    f(mix(mix(p(s0), p(s0l1)), p(b0)));
    f(mix(mix(p(s0), p(s0r1)), p(b0)));
    f(mix(mix(p(s0), p(b0)), p(b0l1)));
    f(mix(mix(p(s2), p(s1)), p(s0)));
    f(mix(mix(p(s1), p(s1r1)), p(s0)));
    f(mix(mix(p(s1), p(s0)), p(s0l1)));
    f(mix(mix(p(s1), p(s0)), p(s0r1)));
    f(mix(mix(w(s1), p(s0)), p(b0)));
    f(mix(mix(p(s1), w(s0)), p(b0)));
    f(mix(mix(p(s1), p(s0)), w(b0)));
    // Distance.
    f(mix(w(s0), d));
    f(mix(p(s0), d));
    f(mix(w(b0), d));
    f(mix(p(b0), d));
    f(mix(mix(w(s0), w(b0)), d));
    f(mix(mix(p(s0), p(b0)), d));
    f(mix(mix(p(s1), p(s0)), d1));
    f(mix(mix(w(s1), w(s0)), d1));
    // Valency.
    f(mix(w(s0), vr(s0)));
    f(mix(p(s0), vr(s0)));
    f(mix(w(s0), vl(s0)));
    f(mix(p(s0), vl(s0)));
    f(mix(w(b0), vl(b0)));
    f(mix(p(b0), vl(b0)));
    f(mix(p(s1), vr(s1)));
    f(mix(p(s1), vl(s1)));
    // Children.
    f(w(s0l1));
    f(p(s0l1));
    f(l(s0l1));
    f(w(s0r1));
    f(p(s0r1));
    f(l(s0r1));
    f(w(b0l1));
    f(p(b0l1));
    f(l(b0l1));
    f(w(s1r1));
    f(p(s1r1));
    f(l(s1r1));
    f(p(ch(&st.lc1, s1)));
    f(l(s1l1));
    // Third order.
    f(w(s0l2));
    f(p(s0l2));
    f(l(s0l2));
    f(w(s0r2));
    f(p(s0r2));
    f(l(s0r2));
    f(w(b0l2));
    f(p(b0l2));
    f(l(b0l2));
    f(mix(mix(p(s0), p(s0l1)), p(s0l2)));
    f(mix(mix(p(s0), p(s0r1)), p(s0r2)));
    f(mix(mix(p(b0), p(b0l1)), p(b0l2)));
    f(mix(mix(p(s1), p(s1r1)), p(s1r2)));
    f(mix(mix(p(s0), l(s0l1)), l(s0r1)));
    f(mix(mix(p(s1), l(s1r1)), p(s0)));
    // Label sets.
    f(mix(w(s0), rs(s0)));
    f(mix(p(s0), rs(s0)));
    f(mix(w(s0), ls(s0)));
    f(mix(p(s0), ls(s0)));
    f(mix(w(b0), ls(b0)));
    f(mix(p(b0), ls(b0)));
    f(mix(p(s1), rs(s1)));
    f(mix(p(s1), ls(s1)));
    // Universal-tag backoffs.
    f(mix(u(s0), u(b0)));
    f(mix(mix(u(s1), u(s0)), u(b0)));
    f(mix(mix(u(s0), u(b0)), u(b1)));
    f(mix(mix(u(s0), u(b0)), d));
}

impl ParserModel {
    fn nlabels(&self) -> usize {
        self.labels.len()
    }

    fn legal(&self, st: &State, class: usize) -> bool {
        legal(st, class, self.labels.len(), self.root as usize)
    }

    /// Heads (1-based, 0 = root) and label ids for a sentence given word forms and tags.
    fn parse_words(&self, x: &Words, n: usize, st: &mut State, feats: &mut Vec<u64>) {
        st.reset(n);
        let nl = self.nlabels();
        let mut scores = vec![0i32; 1 + 2 * nl];
        while !st.done() {
            let class = if st.stack.is_empty() {
                SHIFT
            } else if st.b >= st.n && st.stack.len() == 1 {
                1 + self.root as usize
            } else {
                features(st, x, feats);
                scores.iter_mut().for_each(|s| *s = 0);
                self.weights.score(feats, &mut scores);
                let mut best = usize::MAX;
                for c in 0..scores.len() {
                    if self.legal(st, c) && (best == usize::MAX || scores[c] > scores[best]) {
                        best = c;
                    }
                }
                if best == usize::MAX {
                    // Unreachable by construction (some transition is always legal); finish
                    // safely by attaching the top to its neighbour.
                    if st.stack.len() >= 2 {
                        1 + nl
                    } else {
                        1 + self.root as usize
                    }
                } else {
                    best
                }
            };
            st.apply(class, nl);
        }
    }

    /// Parses a tagged sentence in place (head, deprel).
    pub fn parse(&self, s: &mut model::AnalyzedSentence) {
        let n = s.tokens.len();
        if n == 0 {
            return;
        }
        let mut x = Words::default();
        x.fill(
            s.tokens.iter().map(|t| (hash::lower(&t.form), hash::str(&t.xpos), hash::str(&t.upos))),
        );
        let mut st = State::default();
        let mut feats = Vec::with_capacity(128);
        self.parse_words(&x, n, &mut st, &mut feats);
        for (i, t) in s.tokens.iter_mut().enumerate() {
            let h = st.head[i];
            t.head = if h as usize >= n { 0 } else { h + 1 };
            t.deprel =
                self.labels.get(st.label[i] as usize).cloned().unwrap_or_else(|| "dep".into());
        }
    }

    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// Trains on sentences whose UPOS/XPOS should be the tags seen at run time (jack-knifed).
    pub fn train(sents: &[Sentence], cfg: &ParserConfig, log: &dyn Fn(&str)) -> ParserModel {
        let mut v = ParserModel::train_variants(sents, cfg, log, &[cfg.min_q]);
        v.pop().unwrap_or(ParserModel {
            labels: vec!["root".into()],
            root: 0,
            weights: Weights::default(),
        })
    }

    /// Trains once and freezes one model per pruning threshold (for size/accuracy sweeps).
    pub fn train_variants(
        sents: &[Sentence],
        cfg: &ParserConfig,
        log: &dyn Fn(&str),
        min_qs: &[i16],
    ) -> Vec<ParserModel> {
        let label_set: BTreeSet<String> =
            sents.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.clone())).collect();
        let mut labels: Vec<String> = label_set.into_iter().collect();
        if !labels.iter().any(|l| l == "root") {
            labels.push("root".into());
        }
        let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let nl = labels.len();
        let label_id = |s: &str| labels.iter().position(|l| l == s).unwrap_or(root as usize) as u16;

        // Gold trees, ROOT = n, projectivised.
        struct G {
            x: Words,
            head: Vec<u32>,
            label: Vec<u16>,
        }
        let mut data = Vec::new();
        let (mut lifted, mut skipped) = (0usize, 0usize);
        for s in sents {
            let n = s.words.len();
            let roots = s.words.iter().filter(|w| w.head == Some(0)).count();
            if n == 0 || roots != 1 || s.words.iter().any(|w| w.head.is_none()) {
                skipped += 1;
                continue;
            }
            let mut head: Vec<u32> = s
                .words
                .iter()
                .map(|w| match w.head {
                    Some(0) | None => n as u32,
                    Some(h) => h - 1,
                })
                .collect();
            lifted += projectivise(&mut head);
            let label = s.words.iter().map(|w| label_id(&w.deprel)).collect();
            let mut x = Words::default();
            x.fill(
                s.words
                    .iter()
                    .map(|w| (hash::lower(&w.form), hash::str(&w.xpos), hash::str(&w.upos))),
            );
            data.push(G { x, head, label });
        }
        log(&format!(
            "parser: {} sentences ({} skipped), {} arcs lifted to projectivise, {} labels",
            data.len(),
            skipped,
            lifted,
            nl
        ));

        let model_shell = ParserModel { labels: labels.clone(), root, weights: Weights::default() };
        let mut t = Trainer::new(1 + 2 * nl);
        let mut rng = Rng::new(cfg.seed ^ 0x9a25e);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut st = State::default();
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0f32; 1 + 2 * nl];
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let g = &data[si];
                let n = g.head.len();
                st.reset(n);
                while !st.done() {
                    let costs = Costs::new(&st, &g.head);
                    let forced = st.stack.is_empty() || (st.b >= st.n && st.stack.len() == 1);
                    if forced {
                        let c = if st.stack.is_empty() { SHIFT } else { 1 + root as usize };
                        st.apply(c, nl);
                        continue;
                    }
                    features(&st, &g.x, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    t.score(&feats, &mut scores);
                    let (mut pred, mut gold) = (usize::MAX, usize::MAX);
                    let mut min_cost = u32::MAX;
                    for c in 0..scores.len() {
                        if model_shell.legal(&st, c) {
                            min_cost = min_cost.min(costs.of(c, &st, &g.head, &g.label, nl));
                        }
                    }
                    for c in 0..scores.len() {
                        if !model_shell.legal(&st, c) {
                            continue;
                        }
                        if pred == usize::MAX || scores[c] > scores[pred] {
                            pred = c;
                        }
                        if costs.of(c, &st, &g.head, &g.label, nl) == min_cost
                            && (gold == usize::MAX || scores[c] > scores[gold])
                        {
                            gold = c;
                        }
                    }
                    t.tick();
                    let pred_ok = costs.of(pred, &st, &g.head, &g.label, nl) == min_cost;
                    if !pred_ok {
                        t.update(&feats, gold, pred);
                    }
                    right += pred_ok as usize;
                    total += 1;
                    let next =
                        if pred_ok || (epoch >= cfg.explore_from && rng.unit() < cfg.explore_p) {
                            pred
                        } else {
                            gold
                        };
                    st.apply(next, nl);
                }
            }
            log(&format!(
                "parser epoch {}/{}: transition acc {:.2}%, {} weights",
                epoch + 1,
                cfg.epochs,
                100.0 * right as f64 / total.max(1) as f64,
                t.entries()
            ));
        }
        min_qs
            .iter()
            .map(|&q| ParserModel { labels: labels.clone(), root, weights: t.freeze(q) })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.strs(&self.labels);
        w.u16(self.root);
        self.weights.write(&mut w);
        w.finish(Kind::Parser)
    }

    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<ParserModel, ModelError> {
        let mut r = Reader::open(bytes, Kind::Parser, what)?;
        let labels = r.strs()?;
        let root = r.u16()?;
        let weights = Weights::read(&mut r)?;
        r.end()?;
        if labels.is_empty()
            || root as usize >= labels.len()
            || weights.nclasses() != 1 + 2 * labels.len()
        {
            return Err(ModelError::Corrupt {
                what: what.to_string(),
                offset: 0,
                detail: "parser label table does not match its weights".into(),
            });
        }
        Ok(ParserModel { labels, root, weights })
    }
}

fn legal(st: &State, class: usize, nl: usize, root: usize) -> bool {
    if class == SHIFT {
        return st.b < st.n;
    }
    let (left, l) = if class <= nl { (true, class - 1) } else { (false, class - 1 - nl) };
    if left {
        if st.stack.is_empty() {
            return false;
        }
        if st.b >= st.n {
            st.stack.len() == 1 && l == root
        } else {
            l != root
        }
    } else {
        st.stack.len() >= 2 && l != root
    }
}

/// Dynamic-oracle costs of the three transition types in one configuration (arc-hybrid,
/// Goldberg & Nivre 2013): how many gold arcs each makes unreachable.
struct Costs {
    shift: u32,
    left: u32,
    right: u32,
}

impl Costs {
    fn new(st: &State, gold: &[u32]) -> Costs {
        let n = st.n;
        let (s0, s1) = (st.s(0), st.s(1));
        let b0 = st.b as u32;
        let mut shift = 0;
        if st.b < n {
            for &d in &st.stack {
                if gold[d as usize] == b0 {
                    shift += 1;
                }
            }
            let h = gold[st.b];
            if h != s0 && st.stack.contains(&h) {
                shift += 1;
            }
        }
        let (mut left, mut right) = (0, 0);
        if s0 != NONE {
            // Dependents of s0 still in the buffer (ROOT is never a dependent).
            let deps = (st.b..n).filter(|&d| gold[d] == s0).count() as u32;
            let h = gold[s0 as usize];
            left = deps + (h != b0 && (h == s1 || (h as usize > st.b && h as usize <= n))) as u32;
            right = deps + (h != s1 && h as usize >= st.b && h as usize <= n) as u32;
        }
        Costs { shift, left, right }
    }

    fn of(&self, class: usize, st: &State, head: &[u32], label: &[u16], nl: usize) -> u32 {
        if class == SHIFT {
            return self.shift;
        }
        let s0 = st.s(0);
        let (left, l) = if class <= nl { (true, class - 1) } else { (false, class - 1 - nl) };
        let (base, h) = if left { (self.left, st.b as u32) } else { (self.right, st.s(1)) };
        let wrong_label = s0 != NONE && head[s0 as usize] == h && label[s0 as usize] != l as u16;
        base + wrong_label as u32
    }
}

/// Makes a tree (heads 0-based, ROOT = n) projective by repeatedly lifting the shortest
/// non-projective arc to the head's head. Returns the number of lifts.
pub(crate) fn projectivise(head: &mut [u32]) -> usize {
    let n = head.len();
    let is_desc = |head: &[u32], mut k: usize, h: usize| {
        for _ in 0..=n {
            if k == h {
                return true;
            }
            if k >= n {
                return false;
            }
            k = head[k] as usize;
        }
        false
    };
    let mut lifts = 0;
    for _ in 0..n * n + 1 {
        let mut worst: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = head[d] as usize;
            let (a, b) = if h < d { (h, d) } else { (d, h) };
            let span = b - a;
            if worst.is_some_and(|(s, _)| s <= span) {
                continue;
            }
            if (a + 1..b).any(|k| k < n && !is_desc(head, k, h)) {
                worst = Some((span, d));
            }
        }
        let Some((_, d)) = worst else { break };
        let h = head[d] as usize;
        if h >= n {
            break;
        }
        head[d] = head[h];
        lifts += 1;
    }
    lifts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost transitions rebuilds every (projectivised) gold tree exactly.
    #[test]
    fn dynamic_oracle_reaches_the_gold_tree() {
        let parsed = nlp::conllu::parse(include_str!("../tests/data/tiny.conllu"));
        // Plus a hand-made non-projective tree, lifted first.
        let mut trees: Vec<Vec<u32>> = parsed
            .sentences
            .iter()
            .map(|s| {
                let n = s.words.len() as u32;
                s.words
                    .iter()
                    .map(|w| if w.head == Some(0) { n } else { w.head.unwrap() - 1 })
                    .collect()
            })
            .collect();
        trees.push(vec![2, 4, 1, 0]);
        for mut gold in trees {
            projectivise(&mut gold);
            let n = gold.len();
            let label: Vec<u16> = gold.iter().map(|&h| (h as usize == n) as u16).collect();
            let mut st = State::default();
            st.reset(n);
            let nl = 2; // label 0 = any, label 1 = root
            let mut steps = 0;
            while !st.done() {
                let costs = Costs::new(&st, &gold);
                let best = (0..1 + 2 * nl)
                    .filter(|&c| legal(&st, c, nl, 1))
                    .min_by_key(|&c| costs.of(c, &st, &gold, &label, nl))
                    .unwrap();
                assert_eq!(costs.of(best, &st, &gold, &label, nl), 0, "{gold:?}");
                st.apply(best, nl);
                steps += 1;
                assert!(steps <= 2 * n + 1);
            }
            assert_eq!(&st.head[..n], &gold[..], "tree rebuilt");
        }
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 0 <- 2, 1 -> 3 crosses 2 -> 0? Words: 0 1 2 3, ROOT = 4.
        // heads: 0->2, 1->4(root), 2->1, 3->0  : arc 0->3 spans 1,2 which are not under 0.
        let mut h = vec![2, 4, 1, 0];
        assert!(projectivise(&mut h) > 0);
        assert_eq!(projectivise(&mut h), 0);
        let mut p = vec![1, 4, 1];
        assert_eq!(projectivise(&mut p), 0);
    }
}
