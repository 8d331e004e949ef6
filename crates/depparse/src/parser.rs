//! Greedy labelled arc-hybrid dependency parser: an averaged perceptron over rich
//! Zhang & Nivre (2011)-style features (valency, distance, label sets, third order) picks the
//! transition (shift / left-arc / right-arc), trained with Goldberg & Nivre's dynamic oracle
//! and exploration; a second perceptron over dependent–head features labels each arc as it is
//! made. Splitting the two keeps the per-transition scoring to three classes, which is what
//! makes the parser fast.
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
    /// Weights below this many quantisation steps (1/30000 of the 99.99th-percentile
    /// magnitude) are pruned: 2500 keeps about half the weights for at most 0.3 LAS.
    pub min_q: i16,
    /// First epoch (0-based) in which the trainer follows its own mistakes.
    pub explore_from: usize,
    /// Probability of following the model's (wrong) transition when exploring.
    pub explore_p: f64,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig { epochs: 12, seed: 1, min_q: 2500, explore_from: 1, explore_p: 0.9 }
    }
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct ParserModel {
    labels: Vec<String>,
    root: u16,
    /// Transition scorer: classes SHIFT, LEFT, RIGHT.
    actions: Weights,
    /// Arc labeller: one class per label.
    labeler: Weights,
}

const NONE: u32 = u32::MAX;
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

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

    /// Applies `action` (SHIFT, LEFT, RIGHT); arcs get label `l`.
    fn apply(&mut self, action: usize, l: u16) {
        if action == SHIFT {
            self.stack.push(self.b as u32);
            self.b += 1;
            return;
        }
        let Some(d) = self.stack.pop() else { return };
        let d = d as usize;
        self.label[d] = l;
        let bit = 1u128 << (l % 128);
        if action == LEFT {
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

    /// The (dependent, head) an arc action would make.
    fn arc(&self, action: usize) -> (u32, u32) {
        let d = self.s(0);
        let h = if action == LEFT { self.b as u32 } else { self.s(1) };
        (d, h)
    }

    fn legal(&self, action: usize) -> bool {
        match action {
            SHIFT => self.b < self.n,
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            _ => self.stack.len() >= 2,
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

/// Features of the arc `h → d` made by `action` (LEFT or RIGHT) for the labeller.
fn label_features(st: &State, x: &Words, action: usize, d: u32, h: u32, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: u32| if i == NONE { 0x3001 } else { x.w[i as usize] };
    let p = |i: u32| if i == NONE { 0x3001 } else { x.p[i as usize] };
    let u = |i: u32| if i == NONE { 0x3001 } else { x.u[i as usize] };
    let l = |i: u32| if i == NONE { 0x3001 } else { st.label[i as usize] as u64 };
    let ch = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
    let set = |v: &Vec<u128>, i: u32| {
        if i == NONE {
            7
        } else {
            hash::finish(v[i as usize] as u64 ^ (v[i as usize] >> 64) as u64)
        }
    };
    let near = |i: u32, k: i64| {
        let j = i as i64 + k;
        if i == NONE || j < 0 || j as usize >= st.n {
            NONE
        } else {
            j as u32
        }
    };
    let dir = action as u64;
    let dist = dist(d, h);
    let (dl1, dr1, dl2) = (ch(&st.lc1, d), ch(&st.rc1, d), ch(&st.lc2, d));
    let (hl1, hr1) = (ch(&st.lc1, h), ch(&st.rc1, h));
    let mut t = 0u64;
    let mut f = |v: u64| {
        t += 1;
        out.push(hash::finish(mix(mix(t.wrapping_mul(0x2000_0003), dir), v)));
    };
    f(0);
    f(w(d));
    f(p(d));
    f(u(d));
    f(mix(w(d), p(d)));
    f(w(h));
    f(p(h));
    f(mix(w(h), p(h)));
    f(mix(p(d), p(h)));
    f(mix(w(d), p(h)));
    f(mix(p(d), w(h)));
    f(mix(w(d), w(h)));
    f(mix(u(d), u(h)));
    f(mix(mix(p(d), p(h)), dist));
    f(mix(u(d), dist));
    f(mix(p(d), l(dl1)));
    f(mix(p(d), l(dr1)));
    f(mix(p(d), set(&st.lset, d)));
    f(mix(p(d), set(&st.rset, d)));
    f(mix(p(h), set(&st.lset, h)));
    f(mix(p(h), set(&st.rset, h)));
    f(mix(p(d), w(dl1)));
    f(mix(p(d), p(dl1)));
    f(mix(mix(p(d), w(dl1)), p(h)));
    f(mix(mix(p(d), p(dl1)), p(dl2)));
    f(mix(p(d), w(dr1)));
    f(mix(p(d), p(dr1)));
    f(mix(p(h), l(hl1)));
    f(mix(p(h), l(hr1)));
    f(mix(p(d), p(near(d, 1))));
    f(mix(p(d), p(near(d, -1))));
    f(mix(mix(p(d), p(h)), p(near(h, 1))));
    f(mix(mix(p(d), p(h)), p(st.bf(0))));
    f(mix(w(d), u(h)));
    f(mix(u(d), w(h)));
    f(mix(mix(w(dl1), p(d)), w(h)));
    // The dependent's subtree is complete when it is attached: its children tell a lot.
    f(mix(p(d), w(dl2)));
    f(mix(l(dl1), l(dl2)));
    f(mix(w(d), l(dl1)));
    f(mix(w(d), w(dr1)));
    let val = |i: u32| {
        if i == NONE {
            99
        } else {
            (st.nl[i as usize] as u64) << 8 | st.nr[i as usize] as u64
        }
    };
    f(mix(p(d), val(d)));
    f(mix(p(h), w(hl1)));
    f(mix(p(d), w(near(d, -1))));
    f(mix(p(d), w(near(d, 1))));
    f(mix(mix(p(d), p(h)), w(dl1)));
}

fn argmax_legal(scores: &[i32], legal: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if legal(c) && best.is_none_or(|b| s > scores[b]) {
            best = Some(c);
        }
    }
    best
}

impl ParserModel {
    fn nlabels(&self) -> usize {
        self.labels.len()
    }

    /// Picks the label of the arc `action` would make in `st`.
    fn label(
        &self,
        st: &State,
        x: &Words,
        action: usize,
        feats: &mut Vec<u64>,
        scores: &mut [i32],
    ) -> u16 {
        let (d, h) = st.arc(action);
        if h as usize >= st.n {
            return self.root;
        }
        label_features(st, x, action, d, h, feats);
        scores.iter_mut().for_each(|s| *s = 0);
        self.labeler.score(feats, scores);
        let root = self.root as usize;
        argmax_legal(scores, |c| c != root).unwrap_or(0) as u16
    }

    /// Runs the parser over one sentence of `n` words.
    fn parse_words(&self, x: &Words, n: usize, st: &mut State, feats: &mut Vec<u64>) {
        st.reset(n);
        let mut lscores = vec![0i32; self.nlabels()];
        while !st.done() {
            let action = if st.stack.is_empty() {
                SHIFT
            } else if st.b >= st.n && st.stack.len() == 1 {
                LEFT
            } else {
                features(st, x, feats);
                let mut scores = [0i32; 3];
                self.actions.score(feats, &mut scores);
                // Some transition is always legal here; RIGHT is the safe fallback.
                argmax_legal(&scores, |c| st.legal(c)).unwrap_or(RIGHT)
            };
            let l =
                if action == SHIFT { 0 } else { self.label(st, x, action, feats, &mut lscores) };
            st.apply(action, l);
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

    /// (features, weights) of the transition scorer and the labeller together.
    pub fn size(&self) -> (usize, usize) {
        let (a, b) = (self.actions.size(), self.labeler.size());
        (a.0 + b.0, a.1 + b.1)
    }

    /// A copy with weights below `min_q` quantisation steps dropped.
    pub fn pruned(&self, min_q: i16) -> ParserModel {
        ParserModel {
            labels: self.labels.clone(),
            root: self.root,
            actions: self.actions.pruned(min_q),
            labeler: self.labeler.pruned(min_q),
        }
    }

    /// Weight magnitudes at the given quantiles (transition scorer).
    pub fn weight_quantiles(&self, qs: &[f64]) -> Vec<u16> {
        self.actions.quantiles(qs)
    }

    /// Trains on sentences whose UPOS/XPOS should be the tags seen at run time (jack-knifed).
    pub fn train(sents: &[Sentence], cfg: &ParserConfig, log: &dyn Fn(&str)) -> ParserModel {
        let mut v = ParserModel::train_variants(sents, cfg, log, &[cfg.min_q]);
        v.pop().unwrap_or_else(|| ParserModel {
            labels: vec!["root".into()],
            root: 0,
            actions: Weights::default(),
            labeler: Weights::default(),
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

        let mut ta = Trainer::new(3);
        let mut tl = Trainer::new(nl);
        let mut rng = Rng::new(cfg.seed ^ 0x9a25e);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut st = State::default();
        let mut feats = Vec::with_capacity(128);
        let mut lfeats = Vec::with_capacity(64);
        let mut lscores = vec![0f32; nl];
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut order);
            let explore = epoch >= cfg.explore_from;
            let (mut right, mut total, mut lright, mut ltotal) = (0usize, 0usize, 0usize, 0usize);
            for &si in &order {
                let g = &data[si];
                let n = g.head.len();
                st.reset(n);
                while !st.done() {
                    let next = if st.stack.is_empty() {
                        SHIFT
                    } else if st.b >= st.n && st.stack.len() == 1 {
                        LEFT
                    } else {
                        let costs = Costs::new(&st, &g.head);
                        let cost = |a: usize| match a {
                            SHIFT => costs.shift,
                            LEFT => costs.left,
                            _ => costs.right,
                        };
                        features(&st, &g.x, &mut feats);
                        let mut scores = [0f32; 3];
                        ta.score(&feats, &mut scores);
                        let min_cost = (0..3).filter(|&a| st.legal(a)).map(cost).min().unwrap_or(0);
                        let (mut pred, mut gold) = (usize::MAX, usize::MAX);
                        for a in 0..3 {
                            if !st.legal(a) {
                                continue;
                            }
                            if pred == usize::MAX || scores[a] > scores[pred] {
                                pred = a;
                            }
                            if cost(a) == min_cost
                                && (gold == usize::MAX || scores[a] > scores[gold])
                            {
                                gold = a;
                            }
                        }
                        ta.tick();
                        let ok = cost(pred) == min_cost;
                        if !ok {
                            ta.update(&feats, gold, pred);
                        }
                        right += ok as usize;
                        total += 1;
                        if ok || (explore && rng.unit() < cfg.explore_p) {
                            pred
                        } else {
                            gold
                        }
                    };
                    let mut l = 0u16;
                    if next != SHIFT {
                        let (d, h) = st.arc(next);
                        if h as usize >= st.n {
                            l = root;
                        } else {
                            label_features(&st, &g.x, next, d, h, &mut lfeats);
                            lscores.iter_mut().for_each(|s| *s = 0.0);
                            tl.score(&lfeats, &mut lscores);
                            let mut lp = usize::MAX;
                            for (c, &sc) in lscores.iter().enumerate() {
                                if c != root as usize && (lp == usize::MAX || sc > lscores[lp]) {
                                    lp = c;
                                }
                            }
                            let lp = if lp == usize::MAX { 0 } else { lp };
                            l = lp as u16;
                            if g.head[d as usize] == h {
                                let lg = g.label[d as usize] as usize;
                                tl.tick();
                                if lp != lg {
                                    tl.update(&lfeats, lg, lp);
                                }
                                lright += (lp == lg) as usize;
                                ltotal += 1;
                                if !explore {
                                    l = lg as u16;
                                }
                            }
                        }
                    }
                    st.apply(next, l);
                }
            }
            log(&format!(
                "parser epoch {}/{}: transition acc {:.2}%, label acc {:.2}%, {}+{} weights",
                epoch + 1,
                cfg.epochs,
                100.0 * right as f64 / total.max(1) as f64,
                100.0 * lright as f64 / ltotal.max(1) as f64,
                ta.entries(),
                tl.entries()
            ));
        }
        min_qs
            .iter()
            .map(|&q| ParserModel {
                labels: labels.clone(),
                root,
                actions: ta.freeze(q),
                labeler: tl.freeze(q),
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.strs(&self.labels);
        w.u16(self.root);
        self.actions.write(&mut w);
        self.labeler.write(&mut w);
        w.finish(Kind::Parser)
    }

    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<ParserModel, ModelError> {
        let mut r = Reader::open(bytes, Kind::Parser, what)?;
        let labels = r.strs()?;
        let root = r.u16()?;
        let actions = Weights::read(&mut r)?;
        let labeler = Weights::read(&mut r)?;
        r.end()?;
        if labels.is_empty()
            || root as usize >= labels.len()
            || actions.nclasses() != 3
            || labeler.nclasses() != labels.len()
        {
            return Err(ModelError::Corrupt {
                what: what.to_string(),
                offset: 0,
                detail: "parser label table does not match its weights".into(),
            });
        }
        Ok(ParserModel { labels, root, actions, labeler })
    }
}

/// Dynamic-oracle costs of the three transitions in one configuration (arc-hybrid,
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
            let mut st = State::default();
            st.reset(n);
            let mut steps = 0;
            while !st.done() {
                let costs = Costs::new(&st, &gold);
                let cost = [costs.shift, costs.left, costs.right];
                let best = (0..3).filter(|&a| st.legal(a)).min_by_key(|&a| cost[a]).unwrap();
                assert_eq!(cost[best], 0, "{gold:?}");
                st.apply(best, 0);
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
