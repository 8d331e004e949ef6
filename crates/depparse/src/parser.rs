//! Labelled arc-hybrid dependency parser: an averaged perceptron over rich Zhang & Nivre
//! (2011)-style features (valency, distance, label sets, third order) plus what lies between
//! the candidate words (verbs, punctuation, conjunctions) scores the transitions (shift /
//! left-arc / right-arc); a second perceptron over dependent–head features labels each arc as
//! it is made. Splitting the two keeps the per-transition scoring to three classes, which is
//! what makes the parser fast (label groups inside the transitions are an option; measured
//! no better).
//!
//! Two regimes: beam width 1 is a greedy parser trained with Goldberg & Nivre's dynamic oracle
//! and exploration; a wider beam is trained globally with max-violation updates (Huang et al.
//! 2012) against the best zero-cost hypothesis and decodes with the same width. Models
//! trained with several seeds can be summed into one ([`ParserModel::ensemble`]).
//!
//! Features that depend on one word position alone (stack top, second and third, buffer
//! front: each word with its neighbours' tags and words, its suffix and shape) are summed once
//! per sentence and position ([`Static`]), when parsing and in beam training alike, so they
//! cost almost nothing per configuration; that is what makes a training beam of 8 affordable.
//!
//! ROOT sits at the end of the buffer and takes exactly one dependent, so every parse is a
//! single-rooted tree. Training trees are projectivised by lifting (the transition system is
//! projective); a sentence of n words takes 2n transitions per hypothesis, with buffers reused
//! per thread.

use crate::cluster::{Clusters, Prefixes};
use crate::format::{Kind, ModelError, Reader, Writer};
use crate::hash::{self, mix, Rng};
use crate::perceptron::{Trainer, Weights};
use nlp::conllu::Sentence;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

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
    /// Beam width. 1: greedy parser trained with the dynamic oracle and exploration; more:
    /// beam search trained globally with max-violation updates, decoded with the same width.
    pub beam: usize,
    /// Beam width the trained model parses with (0: the training width). Decoding with a
    /// narrower beam than in training is faster and, measured on EWT dev, no worse.
    pub decode_beam: usize,
    /// Where to write the frozen parser after every epoch (to evaluate a run in progress).
    pub checkpoint: Option<PathBuf>,
    /// How much of the label the transition scorer predicts with each arc.
    pub grouping: Grouping,
    /// Parsers trained with seeds `seed, seed + 1, ...` and summed into one model (a linear
    /// ensemble at the cost of one).
    pub ensemble: usize,
    /// Pruning threshold of the summed model (its weights are requantised; the parts are
    /// pruned at `min_q` first).
    pub ensemble_min_q: i16,
    /// Pruning threshold of the summed model's arc labeller: 2500 parses about 10% faster
    /// and, measured on EWT dev, no less accurately than `ensemble_min_q`.
    pub labeler_min_q: i16,
    /// Brown word clusters to use as features (stored in the model).
    pub clusters: Option<Arc<Clusters>>,
}

/// Label information in the transitions: the transition scorer picks SHIFT, or LEFT/RIGHT
/// together with a group of labels; the labeller then picks the label inside the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Three transitions; the labeller picks among all labels.
    Unlabelled,
    /// A dozen groups of UD relations (subjects, complements, function words, ...).
    Coarse,
    /// One group per label.
    Full,
}

/// The coarse group of a UD relation (by its universal part, before any `:`).
fn coarse_group(label: &str) -> u16 {
    match label.split(':').next().unwrap_or("") {
        "root" => 0,
        "punct" => 1,
        "nsubj" | "csubj" | "expl" => 2,
        "obj" | "iobj" | "ccomp" | "xcomp" => 3,
        "obl" | "nmod" => 4,
        "advmod" | "amod" | "nummod" | "discourse" | "vocative" => 5,
        "det" | "case" | "mark" | "cc" => 6,
        "aux" | "cop" => 7,
        "conj" | "parataxis" | "list" | "appos" | "reparandum" | "orphan" | "dislocated" => 8,
        "compound" | "flat" | "fixed" | "goeswith" => 9,
        "acl" | "advcl" => 10,
        _ => 11,
    }
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 12,
            seed: 1,
            min_q: 2500,
            explore_from: 1,
            explore_p: 0.9,
            beam: 8,
            decode_beam: 3,
            checkpoint: None,
            grouping: Grouping::Unlabelled,
            ensemble: 2,
            ensemble_min_q: 1600,
            labeler_min_q: 2500,
            clusters: None,
        }
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
    /// Beam width used when parsing (1 = greedy).
    beam: u16,
    /// The transition classes.
    moves: Moves,
    /// Brown word clusters (files written before them have none).
    clusters: Option<Arc<Clusters>>,
}

/// Transition classes: 0 is SHIFT, then LEFT and RIGHT once per label group
/// (`1..=g` LEFT, `g+1..=2g` RIGHT).
#[derive(Debug, Clone)]
struct Moves {
    ngroups: usize,
    /// Group of every label.
    group: Vec<u16>,
    /// Group of the `root` label (only arcs from ROOT take it).
    root_group: u16,
}

impl Moves {
    fn new(labels: &[String], root: u16, grouping: Grouping) -> Moves {
        let raw: Vec<u16> = match grouping {
            Grouping::Unlabelled => vec![0; labels.len()],
            Grouping::Coarse => labels.iter().map(|l| coarse_group(l)).collect(),
            Grouping::Full => (0..labels.len() as u16).collect(),
        };
        // Renumber the groups in use densely.
        let mut used: Vec<u16> = raw.clone();
        used.sort_unstable();
        used.dedup();
        let group: Vec<u16> =
            raw.iter().map(|g| used.binary_search(g).unwrap_or(0) as u16).collect();
        let root_group = group.get(root as usize).copied().unwrap_or(0);
        Moves { ngroups: used.len().max(1), group, root_group }
    }

    fn n(&self) -> usize {
        1 + 2 * self.ngroups
    }

    /// SHIFT, LEFT or RIGHT.
    fn base(&self, c: usize) -> usize {
        if c == 0 {
            SHIFT
        } else if c <= self.ngroups {
            LEFT
        } else {
            RIGHT
        }
    }

    fn group_of(&self, c: usize) -> u16 {
        ((c.max(1) - 1) % self.ngroups) as u16
    }

    fn class(&self, base: usize, group: u16) -> usize {
        match base {
            SHIFT => 0,
            LEFT => 1 + group as usize,
            _ => 1 + self.ngroups + group as usize,
        }
    }

    /// Legal in `st`: the transition is, and the root group goes with arcs from ROOT only.
    fn legal(&self, st: &State, c: usize) -> bool {
        let b = self.base(c);
        if !st.legal(b) {
            return false;
        }
        if b == SHIFT || self.ngroups == 1 {
            return true;
        }
        let (_, h) = st.arc(b);
        (h as usize >= st.n) == (self.group_of(c) == self.root_group)
    }

    /// The only legal class, when no scoring is needed.
    fn forced(&self, st: &State) -> Option<usize> {
        forced(st).map(|b| if b == SHIFT { 0 } else { self.class(b, self.root_group) })
    }

    /// Dynamic-oracle cost of class `c`: that of its transition, plus one when it makes a
    /// gold arc with a label outside the gold label's group.
    fn cost(&self, costs: &Costs, st: &State, g: &G, c: usize) -> u32 {
        let b = self.base(c);
        let base = costs.of(b);
        if b == SHIFT || self.ngroups == 1 {
            return base;
        }
        let (d, h) = st.arc(b);
        let wrong = g.head[d as usize] == h
            && self.group.get(g.label[d as usize] as usize).copied() != Some(self.group_of(c));
        base + wrong as u32
    }

    /// Whether label `l` may go with class `c`.
    fn allows(&self, c: usize, l: usize) -> bool {
        self.ngroups == 1 || self.group.get(l).copied() == Some(self.group_of(c))
    }
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
    /// Three-letter suffix of the lower-cased form.
    sfx: Vec<u64>,
    /// Word shape (`Xxxx`, `dd.dd`, ...).
    shp: Vec<u64>,
    /// Reused for lower-casing.
    scratch: String,
    /// Running counts before each word of verbs, punctuation and conjunctions
    /// (`verbs[i]` = verbs among words `0..i`), for "in between" features.
    verbs: Vec<u16>,
    puncts: Vec<u16>,
    conjs: Vec<u16>,
    /// Cluster prefixes of each word (ROOT last); empty when the model has no clusters.
    cl: Vec<Prefixes>,
}

/// Cluster prefixes standing for ROOT.
const ROOT_PREFIXES: Prefixes = Prefixes { c4: 0x2007, c6: 0x2007, full: 0x2007, path: 1 };

impl Words {
    /// Hashes the (form, XPOS, UPOS) of every word and looks up its cluster in `cl`.
    fn fill<'a>(
        &mut self,
        items: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
        cl: Option<&Clusters>,
    ) {
        self.cl.clear();
        self.w.clear();
        self.p.clear();
        self.u.clear();
        self.sfx.clear();
        self.shp.clear();
        for v in [&mut self.verbs, &mut self.puncts, &mut self.conjs] {
            v.clear();
            v.push(0);
        }
        let (verb, aux, punct, cconj) =
            (hash::str("VERB"), hash::str("AUX"), hash::str("PUNCT"), hash::str("CCONJ"));
        for (form, p, u) in items {
            let a = crate::word::attrs(form, &mut self.scratch);
            let (w, p, u) = (hash::lower(form), hash::str(p), hash::str(u));
            self.sfx.push(a.suf[2]);
            self.shp.push(a.shape);
            if let Some(cl) = cl {
                self.cl.push(Prefixes::of(cl.get(w)));
            }
            self.w.push(w);
            self.p.push(p);
            self.u.push(u);
            let last = |v: &Vec<u16>| *v.last().unwrap_or(&0);
            let (a, b, c) = (last(&self.verbs), last(&self.puncts), last(&self.conjs));
            self.verbs.push(a.saturating_add((u == verb || u == aux) as u16));
            self.puncts.push(b.saturating_add((u == punct) as u16));
            self.conjs.push(c.saturating_add((u == cconj) as u16));
        }
        self.w.push(0x2007);
        self.p.push(0x2007);
        self.u.push(0x2007);
        self.sfx.push(0x2007);
        self.shp.push(0x2007);
        if cl.is_some() {
            self.cl.push(ROOT_PREFIXES);
        }
    }

    /// Cluster prefixes of word `i` (`NONE` allowed).
    #[inline]
    fn c(&self, i: u32) -> Prefixes {
        if i == NONE {
            Prefixes::NONE
        } else {
            self.cl.get(i as usize).copied().unwrap_or(Prefixes::NONE)
        }
    }

    /// (verbs, punctuation, conjunctions) strictly between words `a` and `b`, each capped
    /// at 3, packed into one value; 0xfff when either is missing.
    fn between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 0xfff;
        }
        let (lo, hi) = if a < b { (a as usize, b as usize) } else { (b as usize, a as usize) };
        let n = self.verbs.len() - 1;
        let (lo1, hi) = ((lo + 1).min(n), hi.min(n));
        if lo1 >= hi {
            return 0;
        }
        let c = |v: &Vec<u16>| (v[hi] - v[lo1]).min(3) as u64;
        c(&self.verbs) << 8 | c(&self.puncts) << 4 | c(&self.conjs)
    }
}

/// Per-thread buffers reused from sentence to sentence so parsing allocates little.
#[derive(Debug, Default)]
struct Work {
    x: Words,
    st: State,
    feats: Vec<u64>,
    bm: Beam,
    pre: Static<i32>,
}

thread_local! {
    static WORK: std::cell::RefCell<Work> = std::cell::RefCell::new(Work::default());
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

impl Clone for State {
    fn clone(&self) -> State {
        let mut st = State::default();
        st.clone_from(self);
        st
    }

    /// Copies into the existing buffers: the beam copies a configuration per hypothesis and
    /// step, and the derived version would allocate thirteen vectors each time.
    fn clone_from(&mut self, src: &State) {
        self.n = src.n;
        self.b = src.b;
        self.stack.clone_from(&src.stack);
        self.head.clone_from(&src.head);
        self.label.clone_from(&src.label);
        self.lc1.clone_from(&src.lc1);
        self.lc2.clone_from(&src.lc2);
        self.rc1.clone_from(&src.rc1);
        self.rc2.clone_from(&src.rc2);
        self.nl.clone_from(&src.nl);
        self.nr.clone_from(&src.nr);
        self.lset.clone_from(&src.lset);
        self.rset.clone_from(&src.rset);
    }
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

/// A transition feature: template `t` with value `v`.
#[inline]
fn feature(t: u64, v: u64) -> u64 {
    hash::finish(mix(t.wrapping_mul(0x1000_0001), v))
}

/// Positions whose features depend on one word index alone (and the sentence): stack top,
/// second and third, and the buffer front (with the words after it). Their weights are summed
/// once per sentence and position when parsing ([`Static`]) instead of per configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    S0,
    S1,
    S2,
    B,
}

const ROLES: [Role; 4] = [Role::S0, Role::S1, Role::S2, Role::B];

/// The roles of a configuration and the word index (or `NONE`) in each.
fn roles(st: &State) -> [(Role, u32); 4] {
    [(Role::S0, st.s(0)), (Role::S1, st.s(1)), (Role::S2, st.s(2)), (Role::B, st.bf(0))]
}

/// The features of word `i` (0..=n, or `NONE`) in `role` (for `Role::B`, `i` is the buffer
/// front and the two words after it count too).
fn role_features(role: Role, i: u32, x: &Words, out: &mut Vec<u64>) {
    let n = x.w.len().saturating_sub(1) as u32;
    let at = |k: u32| if i == NONE || i + k > n { NONE } else { i + k };
    let w = |i: u32| if i == NONE { 0x3001 } else { x.w[i as usize] };
    let p = |i: u32| if i == NONE { 0x3001 } else { x.p[i as usize] };
    let wp = |i: u32| mix(w(i), p(i));
    let sf = |i: u32| if i == NONE { 0x3001 } else { x.sfx[i as usize] };
    let sh = |i: u32| if i == NONE { 0x3001 } else { x.shp[i as usize] };
    let prev = if i == NONE || i == 0 { NONE } else { i - 1 };
    let mut f = |t: u64, v: u64| out.push(feature(t, v));
    // The word's surroundings in the sentence and its spelling: they let the parser
    // recover from a wrong tag, and cost nothing per configuration when parsing.
    let mut context = |base: u64, next: u32| {
        f(base, mix(p(prev), p(i)));
        f(base + 1, mix(p(i), p(next)));
        f(base + 2, mix(mix(p(prev), p(i)), p(next)));
        f(base + 3, mix(w(prev), p(i)));
        f(base + 4, mix(p(i), w(next)));
        f(base + 5, mix(sf(i), p(i)));
        f(base + 6, mix(sh(i), p(i)));
    };
    match role {
        Role::S0 => {
            context(200, at(1));
            f(1, wp(i));
            f(2, w(i));
            f(3, p(i));
        }
        Role::S1 => {
            context(210, at(1));
            f(12, wp(i));
            f(13, w(i));
            f(14, p(i));
        }
        Role::S2 => {
            f(15, p(i));
            f(16, w(i));
        }
        Role::B => {
            let (b0, b1, b2) = (i, at(1), at(2));
            context(220, b1);
            f(4, wp(b0));
            f(5, w(b0));
            f(6, p(b0));
            f(7, wp(b1));
            f(8, w(b1));
            f(9, p(b1));
            f(10, wp(b2));
            f(11, p(b2));
            f(24, mix(p(b0), p(b1)));
            f(30, mix(w(b0), w(b1)));
            f(31, mix(w(b0), p(b1)));
            f(32, mix(mix(p(b0), p(b1)), p(b2)));
        }
    }
    if !x.cl.is_empty() {
        // Brown cluster prefixes of the word (and the next ones for the buffer front).
        let c = |i: u32| x.c(i);
        match role {
            Role::S0 => {
                f(300, c(i).c4);
                f(301, c(i).c6);
                f(302, c(i).full);
                f(303, mix(c(i).c4, p(i)));
                f(304, mix(c(i).c6, p(i)));
            }
            Role::S1 => {
                f(310, c(i).c4);
                f(311, c(i).c6);
                f(312, mix(c(i).c4, p(i)));
                f(313, c(i).full);
            }
            Role::S2 => {
                f(320, c(i).c4);
            }
            Role::B => {
                let b1 = at(1);
                f(330, c(i).c4);
                f(331, c(i).c6);
                f(332, c(i).full);
                f(333, mix(c(i).c4, p(i)));
                f(334, mix(c(i).c6, p(i)));
                f(335, c(b1).c4);
                f(336, c(b1).c6);
                f(337, mix(c(i).c4, c(b1).c4));
                f(338, mix(p(i), c(b1).c4));
            }
        }
    }
}

/// Per-sentence sums of the role features' weights: `[role][index][class]`, the last index
/// standing for `NONE`. `i32` for a model's quantised weights when parsing, `f32` for the
/// trainer's current weights in beam training (they do not change while a beam decodes one
/// sentence).
#[derive(Debug, Default)]
struct Static<T> {
    nc: usize,
    /// Indices per role: n + 2.
    stride: usize,
    sums: Vec<T>,
    buf: Vec<u64>,
    ends: Vec<usize>,
}

type TrainStatic = Static<f32>;

impl<T: Copy + Default + std::ops::AddAssign> Static<T> {
    /// Sums every role's features at every index with `score` (which adds a feature list's
    /// weights per class into its slice).
    /// `touch` is handed every feature first (see [`Weights::touch`]).
    fn fill(
        &mut self,
        x: &Words,
        nc: usize,
        touch: impl Fn(&[u64]),
        score: impl Fn(&[u64], &mut [T]),
    ) {
        let stride = x.w.len() + 1;
        self.nc = nc;
        self.stride = stride;
        self.sums.clear();
        self.sums.resize(ROLES.len() * stride * nc, T::default());
        // Every role's features at every index in one list (`ends` marks where each ends),
        // touched at once so the cache misses of the lookups overlap.
        self.buf.clear();
        self.ends.clear();
        for &role in ROLES.iter() {
            for i in 0..stride {
                let idx = if i + 1 == stride { NONE } else { i as u32 };
                role_features(role, idx, x, &mut self.buf);
                self.ends.push(self.buf.len());
            }
        }
        touch(&self.buf);
        let mut start = 0;
        for (k, &end) in self.ends.iter().enumerate() {
            let at = k * nc;
            score(&self.buf[start..end], &mut self.sums[at..at + nc]);
            start = end;
        }
    }

    /// Adds the role weights of configuration `st` into `scores`.
    #[inline]
    fn add(&self, st: &State, scores: &mut [T]) {
        for (r, (_, i)) in roles(st).into_iter().enumerate() {
            let i = if i == NONE { self.stride - 1 } else { (i as usize).min(self.stride - 1) };
            let at = (r * self.stride + i) * self.nc;
            for (s, &v) in scores.iter_mut().zip(&self.sums[at..at + self.nc]) {
                *s += v;
            }
        }
    }
}

fn features(st: &State, x: &Words, out: &mut Vec<u64>, full: bool) {
    out.clear();
    if full {
        for (role, i) in roles(st) {
            role_features(role, i, x, out);
        }
    }
    part_features::<ALL>(st, x, out);
}

/// [`part_features`]: the features of the stack top and buffer front words alone (their
/// forms and tags, the next word's, their distance, what lies between them, their clusters).
const PAIR: u8 = 1;
/// [`part_features`]: every other configuration feature.
const REST: u8 = 2;
/// [`part_features`]: the features of the two top stack words alone (forms, tags, distance,
/// what lies between them, clusters).
const STACK: u8 = 4;
/// [`part_features`]: the features of the stack top and its children alone (their forms,
/// tags, labels, valencies and label sets): the same wherever that word has those children.
const S0_KIDS: u8 = 8;
/// [`part_features`]: the buffer front and its (left) children alone.
const B0_KIDS: u8 = 16;
/// [`part_features`]: the second stack word and its children alone.
const S1_KIDS: u8 = 32;
/// Every part: the configuration features in their training order.
const ALL: u8 = PAIR | STACK | REST | S0_KIDS | B0_KIDS | S1_KIDS;

/// Appends the configuration features of `st` (all but the per-position [`role_features`])
/// in the parts `PART` (a union of [`PAIR`], [`STACK`] and [`REST`]) to `out`. Within a
/// sentence the `PAIR` part depends on the (stack top, buffer front) indices alone and the
/// `STACK` part on the (second, top) stack words, so a beam decoder sums their weights once
/// per pair; all parts together are the features in their training order.
fn part_features<const PART: u8>(st: &State, x: &Words, out: &mut Vec<u64>) {
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
    let (b0, b1) = (st.bf(0), st.bf(1));
    let (s0l1, s0l2, s0r1, s0r2) =
        (ch(&st.lc1, s0), ch(&st.lc2, s0), ch(&st.rc1, s0), ch(&st.rc2, s0));
    let (s1l1, s1r1, s1r2) = (ch(&st.lc1, s1), ch(&st.rc1, s1), ch(&st.rc2, s1));
    let (b0l1, b0l2) = (ch(&st.lc1, b0), ch(&st.lc2, b0));
    let d = dist(s0, b0);
    let d1 = dist(s1, s0);
    // A part's features go into a local array, then onto `out` at once: cheaper than a
    // push per feature (and a small array costs little to zero). All of them (training,
    // greedy decoding) are pushed.
    let mut buf = [0u64; PART_FEATURES];
    let mut n = 0usize;
    // Macros rather than closures so a feature outside `PART` is not even computed.
    macro_rules! emit {
        ($part:expr, $t:expr, $v:expr) => {
            if PART & $part != 0 {
                let v = feature($t, $v);
                if PART == ALL {
                    out.push(v);
                } else if let Some(slot) = buf.get_mut(n) {
                    *slot = v;
                }
                n += 1;
            }
        };
    }
    macro_rules! f {
        ($t:expr, $v:expr) => {
            emit!(REST, $t, $v)
        };
    }
    macro_rules! fa {
        ($t:expr, $v:expr) => {
            emit!(PAIR, $t, $v)
        };
    }
    macro_rules! fs {
        ($t:expr, $v:expr) => {
            emit!(STACK, $t, $v)
        };
    }
    macro_rules! k0 {
        ($t:expr, $v:expr) => {
            emit!(S0_KIDS, $t, $v)
        };
    }
    macro_rules! kb {
        ($t:expr, $v:expr) => {
            emit!(B0_KIDS, $t, $v)
        };
    }
    macro_rules! k1 {
        ($t:expr, $v:expr) => {
            emit!(S1_KIDS, $t, $v)
        };
    }
    let wp = |i: u32| mix(w(i), p(i));
    // Single words.
    // Pairs.
    fa!(17, mix(wp(s0), wp(b0)));
    fa!(18, mix(wp(s0), w(b0)));
    fa!(19, mix(w(s0), wp(b0)));
    fa!(20, mix(wp(s0), p(b0)));
    fa!(21, mix(p(s0), wp(b0)));
    fa!(22, mix(w(s0), w(b0)));
    fa!(23, mix(p(s0), p(b0)));
    fs!(25, mix(wp(s1), wp(s0)));
    fs!(26, mix(w(s1), w(s0)));
    fs!(27, mix(p(s1), p(s0)));
    fs!(28, mix(p(s1), w(s0)));
    fs!(29, mix(w(s1), p(s0)));
    // Triples.
    fa!(33, mix(mix(p(s0), p(b0)), p(b1)));
    f!(34, mix(mix(p(s1), p(s0)), p(b0)));
    f!(35, mix(mix(p(s0), p(s0l1)), p(b0)));
    f!(36, mix(mix(p(s0), p(s0r1)), p(b0)));
    f!(37, mix(mix(p(s0), p(b0)), p(b0l1)));
    f!(38, mix(mix(p(s2), p(s1)), p(s0)));
    f!(39, mix(mix(p(s1), p(s1r1)), p(s0)));
    f!(40, mix(mix(p(s1), p(s0)), p(s0l1)));
    f!(41, mix(mix(p(s1), p(s0)), p(s0r1)));
    f!(42, mix(mix(w(s1), p(s0)), p(b0)));
    f!(43, mix(mix(p(s1), w(s0)), p(b0)));
    f!(44, mix(mix(p(s1), p(s0)), w(b0)));
    // Distance.
    fa!(45, mix(w(s0), d));
    fa!(46, mix(p(s0), d));
    fa!(47, mix(w(b0), d));
    fa!(48, mix(p(b0), d));
    fa!(49, mix(mix(w(s0), w(b0)), d));
    fa!(50, mix(mix(p(s0), p(b0)), d));
    fs!(51, mix(mix(p(s1), p(s0)), d1));
    fs!(52, mix(mix(w(s1), w(s0)), d1));
    // Valency.
    k0!(53, mix(w(s0), vr(s0)));
    k0!(54, mix(p(s0), vr(s0)));
    k0!(55, mix(w(s0), vl(s0)));
    k0!(56, mix(p(s0), vl(s0)));
    kb!(57, mix(w(b0), vl(b0)));
    kb!(58, mix(p(b0), vl(b0)));
    k1!(59, mix(p(s1), vr(s1)));
    k1!(60, mix(p(s1), vl(s1)));
    // Children.
    k0!(61, w(s0l1));
    k0!(62, p(s0l1));
    k0!(63, l(s0l1));
    k0!(64, w(s0r1));
    k0!(65, p(s0r1));
    k0!(66, l(s0r1));
    kb!(67, w(b0l1));
    kb!(68, p(b0l1));
    kb!(69, l(b0l1));
    k1!(70, w(s1r1));
    k1!(71, p(s1r1));
    k1!(72, l(s1r1));
    k1!(73, p(ch(&st.lc1, s1)));
    k1!(74, l(s1l1));
    // Third order.
    k0!(75, w(s0l2));
    k0!(76, p(s0l2));
    k0!(77, l(s0l2));
    k0!(78, w(s0r2));
    k0!(79, p(s0r2));
    k0!(80, l(s0r2));
    kb!(81, w(b0l2));
    kb!(82, p(b0l2));
    kb!(83, l(b0l2));
    k0!(84, mix(mix(p(s0), p(s0l1)), p(s0l2)));
    k0!(85, mix(mix(p(s0), p(s0r1)), p(s0r2)));
    kb!(86, mix(mix(p(b0), p(b0l1)), p(b0l2)));
    k1!(87, mix(mix(p(s1), p(s1r1)), p(s1r2)));
    k0!(88, mix(mix(p(s0), l(s0l1)), l(s0r1)));
    f!(89, mix(mix(p(s1), l(s1r1)), p(s0)));
    // Label sets.
    k0!(90, mix(w(s0), rs(s0)));
    k0!(91, mix(p(s0), rs(s0)));
    k0!(92, mix(w(s0), ls(s0)));
    k0!(93, mix(p(s0), ls(s0)));
    kb!(94, mix(w(b0), ls(b0)));
    kb!(95, mix(p(b0), ls(b0)));
    k1!(96, mix(p(s1), rs(s1)));
    k1!(97, mix(p(s1), ls(s1)));
    // Universal-tag backoffs.
    fa!(98, mix(u(s0), u(b0)));
    f!(99, mix(mix(u(s1), u(s0)), u(b0)));
    fa!(100, mix(mix(u(s0), u(b0)), u(b1)));
    fa!(101, mix(mix(u(s0), u(b0)), d));
    // What lies between the candidates: verbs, punctuation, conjunctions.
    let bt = x.between(s0, b0);
    let bt1 = x.between(s1, s0);
    fa!(102, mix(mix(p(s0), p(b0)), bt));
    fa!(103, mix(mix(u(s0), u(b0)), bt));
    fs!(104, mix(mix(p(s1), p(s0)), bt1));
    fs!(105, mix(mix(u(s1), u(s0)), bt1));
    f!(106, mix(mix(mix(u(s1), u(s0)), u(b0)), mix(bt, bt1)));
    if !x.cl.is_empty() {
        // Koo et al. (2008): cluster prefixes of the candidate pairs, alone and with tags.
        let (cs0, cb0, cs1) = (x.c(s0), x.c(b0), x.c(s1));
        fa!(350, mix(cs0.c4, cb0.c4));
        fa!(351, mix(cs0.c6, cb0.c6));
        fa!(352, mix(cs0.c4, p(b0)));
        fa!(353, mix(p(s0), cb0.c4));
        fa!(354, mix(cs0.full, p(b0)));
        fa!(355, mix(p(s0), cb0.full));
        fa!(356, mix(mix(cs0.c4, cb0.c4), d));
        fs!(357, mix(cs1.c4, cs0.c4));
        fs!(358, mix(cs1.c4, p(s0)));
        fs!(359, mix(p(s1), cs0.c4));
    }
    if PART != ALL {
        debug_assert!(n <= PART_FEATURES);
        out.extend_from_slice(&buf[..n.min(PART_FEATURES)]);
    }
}

/// A word's part of a configuration as its children parts ([`S0_KIDS`], [`B0_KIDS`],
/// [`S1_KIDS`]) see it: the word, its two outermost children on each side with their labels,
/// its valencies and label sets. Within a sentence, equal keys give equal part features, so
/// a beam decoder sums their weights once per key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct Kids {
    part: u8,
    i: u32,
    /// lc1, lc2, rc1, rc2.
    kids: [u32; 4],
    labels: [u16; 4],
    nl: u16,
    nr: u16,
    lset: u128,
    rset: u128,
}

impl Kids {
    /// The key of word `i` (or `NONE`) in children part `part` of `st`.
    fn of(st: &State, part: u8, i: u32) -> Kids {
        if i == NONE {
            return Kids { part, i, kids: [NONE; 4], labels: [u16::MAX; 4], ..Kids::default() };
        }
        let at = i as usize;
        let kids = [st.lc1[at], st.lc2[at], st.rc1[at], st.rc2[at]];
        let labels = kids.map(|k| if k == NONE { u16::MAX } else { st.label[k as usize] });
        Kids {
            part,
            i,
            kids,
            labels,
            nl: st.nl[at],
            nr: st.nr[at],
            lset: st.lset[at],
            rset: st.rset[at],
        }
    }

    /// The children parts of `st` with their words: stack top, buffer front, second.
    fn all(st: &State) -> [Kids; 3] {
        [
            Kids::of(st, S0_KIDS, st.s(0)),
            Kids::of(st, B0_KIDS, st.bf(0)),
            Kids::of(st, S1_KIDS, st.s(1)),
        ]
    }

    /// A well-mixed hash of the key (for a memo slot).
    fn hash(&self) -> u64 {
        let k = &self.kids;
        let mut h = mix(self.part as u64, self.i as u64);
        h = mix(h, k[0] as u64 | (k[1] as u64) << 32);
        h = mix(h, k[2] as u64 | (k[3] as u64) << 32);
        let l = &self.labels;
        h = mix(h, l[0] as u64 | (l[1] as u64) << 16 | (l[2] as u64) << 32 | (l[3] as u64) << 48);
        h = mix(h, self.nl as u64 | (self.nr as u64) << 16);
        h = mix(h, self.lset as u64 ^ (self.lset >> 64) as u64);
        h = mix(h, self.rset as u64 ^ (self.rset >> 64) as u64);
        hash::finish(h)
    }
}

/// Appends the features of the children part `part` ([`S0_KIDS`], [`B0_KIDS`] or
/// [`S1_KIDS`]) of `st` to `out`.
fn kids_features(part: u8, st: &State, x: &Words, out: &mut Vec<u64>) {
    match part {
        S0_KIDS => part_features::<S0_KIDS>(st, x, out),
        B0_KIDS => part_features::<B0_KIDS>(st, x, out),
        _ => part_features::<S1_KIDS>(st, x, out),
    }
}

/// Room for the features of one part of [`part_features`] other than all of them (26 at
/// most, with clusters: the `PAIR` part).
const PART_FEATURES: usize = 32;

/// Room for the labeller's features (51 with clusters).
const FEATURES: usize = 64;

/// A signature (never 0) of everything [`label_features`] reads in `st` for the arc `h → d`
/// that `action` (of transition class `c`) makes, besides the sentence itself: the arc and
/// class, the children of `d` and `h` it looks at with their labels, the valencies and label
/// sets of both, and the buffer front. Equal signatures give equal features (up to a 64-bit
/// hash collision), hence the same label. `d` and `h` are words of the sentence.
fn label_sig(st: &State, c: usize, action: usize, d: u32, h: u32) -> u64 {
    let (di, hi) = (d as usize, h as usize);
    let lab = |k: u32| if k == NONE { u16::MAX as u64 } else { st.label[k as usize] as u64 };
    let (dl1, dl2, dr1, hl1, hr1) = (st.lc1[di], st.lc2[di], st.rc1[di], st.lc1[hi], st.rc1[hi]);
    let mut a = mix(c as u64, action as u64);
    a = mix(a, d as u64 | (h as u64) << 32);
    a = mix(a, dl1 as u64 | (dl2 as u64) << 32);
    a = mix(a, dr1 as u64 | (hl1 as u64) << 32);
    a = mix(a, hr1 as u64 | (st.bf(0) as u64) << 32);
    a = mix(a, lab(dl1) | lab(dl2) << 16 | lab(dr1) << 32 | lab(hl1) << 48);
    a = mix(a, lab(hr1) | (st.nl[di] as u64) << 16 | (st.nr[di] as u64) << 32);
    for v in [st.lset[di], st.rset[di], st.lset[hi], st.rset[hi]] {
        a = mix(mix(a, v as u64), (v >> 64) as u64);
    }
    hash::finish(a) | 1
}

/// Features of the arc `h → d` made by `action` (LEFT or RIGHT) for the labeller.
fn label_features(st: &State, x: &Words, action: usize, d: u32, h: u32, out: &mut Vec<u64>) {
    out.clear();
    label_part_features::<LABEL_ALL>(st, x, action, d, h, out);
}

/// [`label_part_features`]: the labeller's features that read the words of the arc and the
/// sentence alone (not the configuration): the same wherever a hypothesis makes that arc.
const LABEL_ARC: u8 = 1;
/// [`label_part_features`]: the labeller's features that read the configuration (children,
/// their labels, valencies, label sets, the buffer front).
const LABEL_STATE: u8 = 2;
/// Every labeller feature, in training order.
const LABEL_ALL: u8 = LABEL_ARC | LABEL_STATE;

/// Appends the labeller's features of the arc `h → d` made by `action` in the parts `PART`
/// (a union of [`LABEL_ARC`] and [`LABEL_STATE`]) to `out`; both parts together are
/// [`label_features`] in their order. A feature's key depends on its template number alone,
/// never on which other features are emitted, so a part's weights can be summed apart.
fn label_part_features<const PART: u8>(
    st: &State,
    x: &Words,
    action: usize,
    d: u32,
    h: u32,
    out: &mut Vec<u64>,
) {
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
    let mut n = 0usize;
    let mut buf = [0u64; FEATURES];
    // Macros rather than closures so a feature outside `PART` is not even computed; the
    // template number `t` counts every feature either way.
    macro_rules! emit {
        ($part:expr, $v:expr) => {
            if PART & $part != 0 {
                if let Some(slot) = buf.get_mut(n) {
                    *slot = hash::finish(mix(mix((t + 1).wrapping_mul(0x2000_0003), dir), $v));
                }
                n += 1;
            }
            t += 1;
        };
    }
    macro_rules! a {
        ($v:expr) => {
            emit!(LABEL_ARC, $v)
        };
    }
    macro_rules! f {
        ($v:expr) => {
            emit!(LABEL_STATE, $v)
        };
    }
    a!(0);
    a!(w(d));
    a!(p(d));
    a!(u(d));
    a!(mix(w(d), p(d)));
    a!(w(h));
    a!(p(h));
    a!(mix(w(h), p(h)));
    a!(mix(p(d), p(h)));
    a!(mix(w(d), p(h)));
    a!(mix(p(d), w(h)));
    a!(mix(w(d), w(h)));
    a!(mix(u(d), u(h)));
    a!(mix(mix(p(d), p(h)), dist));
    a!(mix(u(d), dist));
    f!(mix(p(d), l(dl1)));
    f!(mix(p(d), l(dr1)));
    f!(mix(p(d), set(&st.lset, d)));
    f!(mix(p(d), set(&st.rset, d)));
    f!(mix(p(h), set(&st.lset, h)));
    f!(mix(p(h), set(&st.rset, h)));
    f!(mix(p(d), w(dl1)));
    f!(mix(p(d), p(dl1)));
    f!(mix(mix(p(d), w(dl1)), p(h)));
    f!(mix(mix(p(d), p(dl1)), p(dl2)));
    f!(mix(p(d), w(dr1)));
    f!(mix(p(d), p(dr1)));
    f!(mix(p(h), l(hl1)));
    f!(mix(p(h), l(hr1)));
    a!(mix(p(d), p(near(d, 1))));
    a!(mix(p(d), p(near(d, -1))));
    a!(mix(mix(p(d), p(h)), p(near(h, 1))));
    f!(mix(mix(p(d), p(h)), p(st.bf(0))));
    a!(mix(w(d), u(h)));
    a!(mix(u(d), w(h)));
    f!(mix(mix(w(dl1), p(d)), w(h)));
    // The dependent's subtree is complete when it is attached: its children tell a lot.
    f!(mix(p(d), w(dl2)));
    f!(mix(l(dl1), l(dl2)));
    f!(mix(w(d), l(dl1)));
    f!(mix(w(d), w(dr1)));
    let val = |i: u32| {
        if i == NONE {
            99
        } else {
            (st.nl[i as usize] as u64) << 8 | st.nr[i as usize] as u64
        }
    };
    f!(mix(p(d), val(d)));
    f!(mix(p(h), w(hl1)));
    a!(mix(p(d), w(near(d, -1))));
    a!(mix(p(d), w(near(d, 1))));
    f!(mix(mix(p(d), p(h)), w(dl1)));
    if !x.cl.is_empty() {
        let (cd, chd) = (x.c(d), x.c(h));
        a!(mix(cd.c4, chd.c4));
        a!(mix(cd.c6, p(h)));
        a!(mix(p(d), chd.c6));
        a!(cd.full);
        a!(mix(cd.full, p(h)));
        a!(mix(cd.c6, chd.c6));
    }
    debug_assert!(t as usize <= FEATURES);
    out.extend_from_slice(&buf[..n.min(FEATURES)]);
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

    /// Picks the label of the arc transition class `c` would make in `st` (within its group).
    fn label(
        &self,
        st: &State,
        x: &Words,
        c: usize,
        feats: &mut Vec<u64>,
        scores: &mut [i32],
        mut memo: Option<&mut LabelMemo>,
    ) -> u16 {
        let action = self.moves.base(c);
        let (d, h) = st.arc(action);
        if h as usize >= st.n {
            return self.root;
        }
        // Hypotheses of a beam often make the same arc in the same surroundings: the same
        // features give the same label, so it is looked up once per sentence, by a signature
        // of what the features read (before computing them).
        let sig = memo.as_ref().map_or(0, |_| label_sig(st, c, action, d, h));
        let slot = memo.as_ref().map(|m| &m.slots[sig as usize % MEMO]);
        if let Some(&(k, l)) = slot {
            if k == sig {
                return l;
            }
        }
        match memo.as_deref_mut() {
            Some(m) => {
                // The features of the arc's words alone: summed once per arc and sentence
                // (integer sums, so the scores are exactly those of all features at once).
                // Both parts' features are listed first (the arc's only when not memoised),
                // and touched at once so their cache misses overlap.
                let key = (action as u64) << 62 | (h as u64) << 31 | d as u64;
                feats.clear();
                if !m.arcs.has(key) {
                    label_part_features::<LABEL_ARC>(st, x, action, d, h, feats);
                }
                let arc_end = feats.len();
                label_part_features::<LABEL_STATE>(st, x, action, d, h, feats);
                std::hint::black_box(self.labeler.touch(feats));
                let sums = m.arcs.sums(key, scores.len(), |sums| {
                    self.labeler.score(&feats[..arc_end], sums);
                });
                scores.copy_from_slice(sums);
                feats.drain(..arc_end);
            }
            None => {
                label_features(st, x, action, d, h, feats);
                scores.iter_mut().for_each(|s| *s = 0);
            }
        }
        self.labeler.score(feats, scores);
        let root = self.root as usize;
        let l = argmax_legal(scores, |l| l != root && self.moves.allows(c, l))
            .or_else(|| argmax_legal(scores, |l| l != root))
            .unwrap_or(0) as u16;
        if let Some(m) = memo {
            m.slots[sig as usize % MEMO] = (sig, l);
        }
        l
    }

    /// Runs the parser over one sentence of `n` words.
    fn parse_words(
        &self,
        x: &Words,
        n: usize,
        st: &mut State,
        feats: &mut Vec<u64>,
        pre: &mut Static<i32>,
    ) {
        st.reset(n);
        pre.fill(
            x,
            self.actions.nclasses(),
            |f| {
                std::hint::black_box(self.actions.touch(f));
            },
            |f, out| self.actions.score(f, out),
        );
        let mut lscores = vec![0i32; self.nlabels()];
        let mut scores = vec![0i32; self.moves.n()];
        while !st.done() {
            let c = match self.moves.forced(st) {
                Some(c) => c,
                None => {
                    features(st, x, feats, false);
                    scores.iter_mut().for_each(|s| *s = 0);
                    self.actions.score(feats, &mut scores);
                    pre.add(st, &mut scores);
                    // Some transition is always legal here.
                    argmax_legal(&scores, |c| self.moves.legal(st, c))
                        .or_else(|| (0..self.moves.n()).find(|&c| st.legal(self.moves.base(c))))
                        .unwrap_or(0)
                }
            };
            let action = self.moves.base(c);
            let l =
                if action == SHIFT { 0 } else { self.label(st, x, c, feats, &mut lscores, None) };
            st.apply(action, l);
        }
    }

    /// Beam search over one sentence of `n` words; the best final configuration.
    fn parse_beam<'b>(&self, x: &Words, n: usize, k: usize, bm: &'b mut Beam) -> &'b State {
        bm.start(n);
        let mut lfeats = Vec::with_capacity(64);
        let mut lscores = vec![0i32; self.nlabels()];
        let mut iscores = vec![0i32; self.moves.n()];
        let mut pre = std::mem::take(&mut bm.pre);
        pre.fill(
            x,
            self.actions.nclasses(),
            |f| {
                std::hint::black_box(self.actions.touch(f));
            },
            |f, out| self.actions.score(f, out),
        );
        let mut feats = std::mem::take(&mut bm.feats);
        let mut pairs = std::mem::take(&mut bm.pairs);
        let mut stacks = std::mem::take(&mut bm.stacks);
        let mut kids = std::mem::take(&mut bm.kids);
        let nc = self.actions.nclasses();
        pairs.clear(nc);
        stacks.clear(nc);
        kids.start(nc);
        let mut spare = Vec::new();
        let mut score = |st: &State, out: &mut [f64]| {
            iscores.iter_mut().for_each(|s| *s = 0);
            // First the features of every part to be scored (the rest, and each memoised part
            // not yet summed), in one list whose slots are touched at once: their cache misses
            // overlap instead of coming one part after another. `ends[j]` is where part j's
            // features end (0: pair, 1: stack, 2..=4: children); the rest's come last.
            let pair_key = (st.s(0) as u64) << 32 | st.bf(0) as u64;
            let stack_key = (st.s(1) as u64) << 32 | st.s(0) as u64;
            let kid_keys = Kids::all(st);
            feats.clear();
            let mut ends = [0usize; 5];
            if !pairs.has(pair_key) {
                part_features::<PAIR>(st, x, &mut feats);
            }
            ends[0] = feats.len();
            if !stacks.has(stack_key) {
                part_features::<STACK>(st, x, &mut feats);
            }
            ends[1] = feats.len();
            let mut listed = [false; 3];
            for (j, key) in kid_keys.iter().enumerate() {
                if !kids.has(key) {
                    kids_features(key.part, st, x, &mut feats);
                    listed[j] = true;
                }
                ends[2 + j] = feats.len();
            }
            part_features::<REST>(st, x, &mut feats);
            std::hint::black_box(self.actions.touch(&feats));
            let part = |j: usize| &feats[if j == 0 { 0 } else { ends[j - 1] }..ends[j]];
            // The (stack top, buffer front) and (second, top of the stack) parts: summed once
            // per pair and sentence.
            let sums = pairs.sums(pair_key, nc, |sums| self.actions.score(part(0), sums));
            for (s, &v) in iscores.iter_mut().zip(sums) {
                *s += v;
            }
            let sums = stacks.sums(stack_key, nc, |sums| self.actions.score(part(1), sums));
            for (s, &v) in iscores.iter_mut().zip(sums) {
                *s += v;
            }
            // Each children part: summed once per word and children.
            for (j, key) in kid_keys.iter().enumerate() {
                let sums = kids.sums(key, |sums| {
                    if listed[j] {
                        self.actions.score(part(2 + j), sums);
                    } else {
                        // Memoised when listed, but since pushed out of its slot by another
                        // children part of this configuration.
                        spare.clear();
                        kids_features(key.part, st, x, &mut spare);
                        self.actions.score(&spare, sums);
                    }
                });
                for (s, &v) in iscores.iter_mut().zip(sums) {
                    *s += v;
                }
            }
            self.actions.score(&feats[ends[4]..], &mut iscores);
            pre.add(st, &mut iscores);
            for (o, &s) in out.iter_mut().zip(iscores.iter()) {
                *o = f64::from(s);
            }
        };
        let mut memo = std::mem::take(&mut bm.memo);
        memo.clear(self.nlabels());
        let mut label = |st: &State, x: &Words, c: usize| {
            self.label(st, x, c, &mut lfeats, &mut lscores, Some(&mut memo))
        };
        while !bm.cur[0].st.done() {
            bm.step(k, x, &self.moves, &mut score, &mut label, None);
        }
        bm.memo = memo;
        bm.pairs = pairs;
        bm.stacks = stacks;
        bm.kids = kids;
        bm.pre = pre;
        bm.feats = feats;
        &bm.cur[0].st
    }

    /// The Brown-cluster table the model was trained with, if any.
    pub fn clusters(&self) -> Option<&Clusters> {
        self.clusters.as_deref()
    }

    /// The beam width used when parsing (1 = greedy).
    pub fn beam(&self) -> usize {
        self.beam as usize
    }

    /// Parses with beam width `k` from now on (1 = greedy), e.g. to trade accuracy for speed.
    pub fn set_beam(&mut self, k: usize) {
        self.beam = k.clamp(1, 64) as u16;
    }

    /// Parses a tagged sentence in place (head, deprel).
    pub fn parse(&self, s: &mut model::AnalyzedSentence) {
        let n = s.tokens.len();
        if n == 0 {
            return;
        }
        WORK.with(|cell| match cell.try_borrow_mut() {
            Ok(mut w) => self.parse_with(s, &mut w),
            Err(_) => self.parse_with(s, &mut Work::default()),
        });
    }

    fn parse_with(&self, s: &mut model::AnalyzedSentence, w: &mut Work) {
        let n = s.tokens.len();
        let Work { x, st, feats, bm, pre } = w;
        x.fill(
            s.tokens.iter().map(|t| (t.form.as_str(), t.xpos.as_str(), t.upos.as_str())),
            self.clusters.as_deref(),
        );
        let st = if self.beam > 1 {
            self.parse_beam(x, n, self.beam as usize, bm)
        } else {
            self.parse_words(x, n, st, feats, pre);
            &*st
        };
        for (i, t) in s.tokens.iter_mut().enumerate() {
            let h = st.head[i];
            t.head = if h as usize >= n { 0 } else { h + 1 };
            // Into the token's own buffer: no allocation per word once it has one.
            t.deprel.clear();
            t.deprel.push_str(self.labels.get(st.label[i] as usize).map_or("dep", |l| l.as_str()));
        }
    }

    /// (features, weights) of the transition scorer and the labeller together.
    pub fn size(&self) -> (usize, usize) {
        let (a, b) = (self.actions.size(), self.labeler.size());
        (a.0 + b.0, a.1 + b.1)
    }

    /// A copy with weights below `min_q` quantisation steps dropped.
    pub fn pruned(&self, min_q: i16) -> ParserModel {
        self.pruned_parts(min_q, min_q)
    }

    /// A copy with the transition scorer's weights below `actions_q` and the labeller's
    /// below `labeler_q` quantisation steps dropped.
    pub fn pruned_parts(&self, actions_q: i16, labeler_q: i16) -> ParserModel {
        ParserModel {
            labels: self.labels.clone(),
            root: self.root,
            actions: self.actions.pruned(actions_q),
            labeler: self.labeler.pruned(labeler_q),
            beam: self.beam,
            moves: self.moves.clone(),
            clusters: self.clusters.clone(),
        }
    }

    /// One model scoring as the sum of `parts` (trained alike on the same labels, e.g. with
    /// different seeds), pruned at `min_q`; `None` when the parts do not match.
    pub fn ensemble(parts: &[ParserModel], min_q: i16) -> Option<ParserModel> {
        let first = parts.first()?;
        let same = |p: &ParserModel| {
            p.labels == first.labels
                && p.root == first.root
                && p.moves.group == first.moves.group
                && p.moves.ngroups == first.moves.ngroups
                && p.clusters == first.clusters
        };
        if !parts.iter().all(same) {
            return None;
        }
        let actions: Vec<&Weights> = parts.iter().map(|p| &p.actions).collect();
        let labeler: Vec<&Weights> = parts.iter().map(|p| &p.labeler).collect();
        Some(ParserModel {
            labels: first.labels.clone(),
            root: first.root,
            actions: Weights::sum(&actions, min_q)?,
            labeler: Weights::sum(&labeler, min_q)?,
            beam: first.beam,
            moves: first.moves.clone(),
            clusters: first.clusters.clone(),
        })
    }

    /// Weight magnitudes at the given quantiles (transition scorer).
    pub fn weight_quantiles(&self, qs: &[f64]) -> Vec<u16> {
        self.actions.quantiles(qs)
    }

    /// Trains `cfg.ensemble` parsers (seeds `cfg.seed`, `cfg.seed + 1`, ...) on up to `threads`
    /// threads and sums them into one model. Deterministic for a seed, whatever `threads`.
    pub fn train_ensemble(
        sents: &[Sentence],
        cfg: &ParserConfig,
        threads: usize,
        log: &(dyn Fn(&str) + Sync),
    ) -> ParserModel {
        let k = cfg.ensemble.max(1);
        if k == 1 {
            return ParserModel::train(sents, cfg, log);
        }
        let part = |i: usize| {
            let c = ParserConfig {
                seed: cfg.seed.wrapping_add(i as u64),
                ensemble: 1,
                checkpoint: None,
                ..cfg.clone()
            };
            let tagged = |m: &str| log(&format!("[part {}/{k}] {m}", i + 1));
            ParserModel::train(sents, &c, &tagged)
        };
        let threads = threads.clamp(1, k);
        let mut parts: Vec<(usize, ParserModel)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let part = &part;
                    scope.spawn(move || {
                        (t..k).step_by(threads).map(|i| (i, part(i))).collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        });
        parts.sort_by_key(|p| p.0);
        let parts: Vec<ParserModel> = parts.into_iter().map(|p| p.1).collect();
        match ParserModel::ensemble(&parts, cfg.ensemble_min_q) {
            Some(m) => {
                m.pruned_parts(cfg.ensemble_min_q, cfg.labeler_min_q.max(cfg.ensemble_min_q))
            }
            None => parts.into_iter().next().unwrap_or_else(|| ParserModel::train(&[], cfg, log)),
        }
    }

    /// Trains on sentences whose UPOS/XPOS should be the tags seen at run time (jack-knifed).
    pub fn train(sents: &[Sentence], cfg: &ParserConfig, log: &dyn Fn(&str)) -> ParserModel {
        let mut v = ParserModel::train_variants(sents, cfg, log, &[cfg.min_q]);
        v.pop().unwrap_or_else(|| ParserModel {
            labels: vec!["root".into()],
            root: 0,
            actions: Weights::default(),
            labeler: Weights::default(),
            beam: 1,
            moves: Moves { ngroups: 1, group: vec![0], root_group: 0 },
            clusters: cfg.clusters.clone(),
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
                s.words.iter().map(|w| (w.form.as_str(), w.xpos.as_str(), w.upos.as_str())),
                cfg.clusters.as_deref(),
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

        let moves = Moves::new(&labels, root, cfg.grouping);
        let nc = moves.n();
        let mut ta = Trainer::new(nc);
        let mut tl = Trainer::new(nl);
        let freeze = |ta: &Trainer, tl: &Trainer, q: i16| ParserModel {
            labels: labels.clone(),
            root,
            actions: ta.freeze(q),
            labeler: tl.freeze(q),
            beam: if cfg.decode_beam > 0 { cfg.decode_beam } else { cfg.beam }.clamp(1, 64) as u16,
            moves: moves.clone(),
            clusters: cfg.clusters.clone(),
        };
        let checkpoint = |e: usize, ta: &Trainer, tl: &Trainer| {
            if let Some(path) = &cfg.checkpoint {
                let bytes = freeze(ta, tl, cfg.min_q).to_bytes();
                let tmp = path.with_extension("tmp");
                match std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path)) {
                    Ok(()) => log(&format!("epoch {e}: checkpoint {}", path.display())),
                    Err(err) => log(&format!("checkpoint {}: {err}", path.display())),
                }
            }
        };
        if cfg.beam > 1 {
            train_beam(&data, cfg, &moves, root, &mut ta, &mut tl, &checkpoint, log);
            return min_qs.iter().map(|&q| freeze(&ta, &tl, q)).collect();
        }
        let mut rng = Rng::new(cfg.seed ^ 0x9a25e);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut st = State::default();
        let mut feats = Vec::with_capacity(128);
        let mut lfeats = Vec::with_capacity(64);
        let mut lscores = vec![0f32; nl];
        let mut scores = vec![0f32; nc];
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut order);
            let explore = epoch >= cfg.explore_from;
            let (mut right, mut total, mut lright, mut ltotal) = (0usize, 0usize, 0usize, 0usize);
            for &si in &order {
                let g = &data[si];
                let n = g.head.len();
                st.reset(n);
                while !st.done() {
                    let next = if let Some(c) = moves.forced(&st) {
                        c
                    } else {
                        let costs = Costs::new(&st, &g.head);
                        let cost = |c: usize| moves.cost(&costs, &st, g, c);
                        features(&st, &g.x, &mut feats, true);
                        scores.iter_mut().for_each(|s| *s = 0.0);
                        ta.score(&feats, &mut scores);
                        let min_cost =
                            (0..nc).filter(|&c| moves.legal(&st, c)).map(cost).min().unwrap_or(0);
                        let (mut pred, mut gold) = (usize::MAX, usize::MAX);
                        for a in 0..nc {
                            if !moves.legal(&st, a) {
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
                    let class = next;
                    let next = moves.base(class);
                    if next != SHIFT {
                        let (d, h) = st.arc(next);
                        if h as usize >= st.n {
                            l = root;
                        } else {
                            label_features(&st, &g.x, next, d, h, &mut lfeats);
                            lscores.iter_mut().for_each(|s| *s = 0.0);
                            tl.score(&lfeats, &mut lscores);
                            let (mut lp, mut lin) = (usize::MAX, usize::MAX);
                            for (c, &sc) in lscores.iter().enumerate() {
                                if c != root as usize && (lp == usize::MAX || sc > lscores[lp]) {
                                    lp = c;
                                }
                                if c != root as usize
                                    && moves.allows(class, c)
                                    && (lin == usize::MAX || sc > lscores[lin])
                                {
                                    lin = c;
                                }
                            }
                            let lp = if lp == usize::MAX { 0 } else { lp };
                            l = if lin == usize::MAX { lp as u16 } else { lin as u16 };
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
            checkpoint(epoch + 1, &ta, &tl);
        }
        min_qs.iter().map(|&q| freeze(&ta, &tl, q)).collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.strs(&self.labels);
        w.u16(self.root);
        self.actions.write(&mut w);
        self.labeler.write(&mut w);
        w.u16(self.beam);
        w.u16(self.moves.ngroups as u16);
        w.u16s(&self.moves.group);
        if let Some(c) = &self.clusters {
            c.write(&mut w);
        }
        w.finish(Kind::Parser)
    }

    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<ParserModel, ModelError> {
        let mut r = Reader::open(bytes, Kind::Parser, what)?;
        let labels = r.strs()?;
        let root = r.u16()?;
        let actions = Weights::read(&mut r)?;
        let labeler = Weights::read(&mut r)?;
        // Files written before beam search parse greedily.
        let beam = if r.at_end() { 1 } else { r.u16()? };
        // ... and with unlabelled transitions.
        let moves = if r.at_end() {
            Moves { ngroups: 1, group: vec![0; labels.len()], root_group: 0 }
        } else {
            let ngroups = r.u16()? as usize;
            let group = r.u16s()?;
            let root_group = group.get(root as usize).copied().unwrap_or(0);
            Moves { ngroups: ngroups.max(1), group, root_group }
        };
        // ... and without word clusters.
        let clusters = if r.at_end() { None } else { Some(Arc::new(Clusters::read(&mut r)?)) };
        r.end()?;
        if labels.is_empty()
            || root as usize >= labels.len()
            || actions.nclasses() != moves.n()
            || labeler.nclasses() != labels.len()
            || moves.group.len() != labels.len()
            || moves.group.iter().any(|&g| g as usize >= moves.ngroups)
            || !(1..=64).contains(&beam)
        {
            return Err(ModelError::Corrupt {
                what: what.to_string(),
                offset: 0,
                detail: "parser label, group or beam table does not match its weights".into(),
            });
        }
        Ok(ParserModel { labels, root, actions, labeler, beam, moves, clusters })
    }
}

/// The transition a configuration allows without scoring (empty stack; ROOT's last arc).
fn forced(st: &State) -> Option<usize> {
    if st.stack.is_empty() {
        Some(SHIFT)
    } else if st.b >= st.n && st.stack.len() == 1 {
        Some(LEFT)
    } else {
        None
    }
}

/// No history node: the initial configuration.
const NO_NODE: u32 = u32::MAX;

/// One transition of a hypothesis' history, linked to the one before it.
#[derive(Debug, Clone, Copy)]
struct Node {
    parent: u32,
    action: u8,
    label: u16,
}

/// A beam hypothesis: a configuration, its summed transition score and its history.
#[derive(Debug, Default, Clone)]
struct Hyp {
    st: State,
    score: f64,
    node: u32,
    /// Gold arcs its history made unreachable (training only).
    cost: u32,
}

/// A scored extension of a hypothesis.
#[derive(Debug, Clone, Copy)]
struct Cand {
    score: f64,
    from: u32,
    action: u8,
    cost: u32,
}

/// Beam-search workspace, reused across sentences so parsing allocates little.
#[derive(Debug, Default)]
struct Beam {
    cur: Vec<Hyp>,
    live: usize,
    next: Vec<Hyp>,
    arena: Vec<Node>,
    cands: Vec<Cand>,
    feats: Vec<u64>,
    scores: Vec<f64>,
    memo: LabelMemo,
    pre: Static<i32>,
    pairs: PairMemo,
    stacks: PairMemo,
    kids: KidsMemo,
}

/// Slots of the per-sentence [`PairMemo`] (a power of two).
const PAIR_MEMO: usize = 512;

/// Summed transition weights of the [`PAIR`] features, by (stack top, buffer front) index
/// pair, for one sentence: the beam's hypotheses meet the same pair again and again.
/// Direct-mapped on the exact pair, so a clash only costs a recomputation; integer sums, so
/// adding a memoised part gives exactly the scores of scoring every feature at once.
#[derive(Debug, Default)]
struct PairMemo {
    keys: Vec<Option<u64>>,
    sums: Vec<i32>,
}

impl PairMemo {
    /// Empties the memo for a sentence scored over `nc` classes.
    fn clear(&mut self, nc: usize) {
        self.keys.clear();
        self.keys.resize(PAIR_MEMO, None);
        self.sums.resize(PAIR_MEMO * nc, 0);
    }

    /// Whether the part keyed by `key` is memoised.
    fn has(&self, key: u64) -> bool {
        self.keys[hash::finish(key) as usize & (PAIR_MEMO - 1)] == Some(key)
    }

    /// The summed weights of the part keyed by `key` (an exact index pair), computed by
    /// `fill` (which adds into zeroed sums) when not memoised.
    fn sums(&mut self, key: u64, nc: usize, fill: impl FnOnce(&mut [i32])) -> &[i32] {
        let slot = hash::finish(key) as usize & (PAIR_MEMO - 1);
        let sums = &mut self.sums[slot * nc..(slot + 1) * nc];
        if self.keys[slot] != Some(key) {
            sums.iter_mut().for_each(|s| *s = 0);
            fill(sums);
            self.keys[slot] = Some(key);
        }
        sums
    }
}

/// Slots of the per-sentence [`KidsMemo`] (a power of two).
const KIDS_MEMO: usize = 1024;

/// Summed transition weights of the children parts, by [`Kids`] key, for one sentence:
/// direct-mapped on the exact key, so a clash only costs a recomputation. A slot belongs to
/// the sentence whose number it carries, so starting a sentence clears nothing.
#[derive(Debug, Default)]
struct KidsMemo {
    sentence: u64,
    nc: usize,
    keys: Vec<(u64, Kids)>,
    sums: Vec<i32>,
}

impl KidsMemo {
    /// Starts a sentence scored over `nc` classes.
    fn start(&mut self, nc: usize) {
        self.sentence += 1;
        if self.nc != nc || self.keys.len() != KIDS_MEMO {
            self.nc = nc;
            self.keys.clear();
            self.keys.resize(KIDS_MEMO, (0, Kids::default()));
            self.sums.clear();
            self.sums.resize(KIDS_MEMO * nc, 0);
        }
    }

    /// Whether the part keyed by `key` is memoised.
    fn has(&self, key: &Kids) -> bool {
        let (at, k) = &self.keys[key.hash() as usize & (KIDS_MEMO - 1)];
        *at == self.sentence && *k == *key
    }

    /// The summed weights of the part keyed by `key`, computed by `fill` (which adds into
    /// zeroed sums) when not memoised.
    fn sums(&mut self, key: &Kids, fill: impl FnOnce(&mut [i32])) -> &[i32] {
        let nc = self.nc;
        let slot = key.hash() as usize & (KIDS_MEMO - 1);
        let sums = &mut self.sums[slot * nc..(slot + 1) * nc];
        let (at, k) = &mut self.keys[slot];
        if *at != self.sentence || *k != *key {
            sums.iter_mut().for_each(|s| *s = 0);
            fill(sums);
            *at = self.sentence;
            *k = *key;
        }
        sums
    }
}

/// Slots of the per-sentence label memo.
const MEMO: usize = 256;

/// Labels already chosen in this sentence, by a signature of the labeller's features (and the
/// transition class): direct-mapped, so a clash only costs a recomputation. With them, the
/// summed weights of the [`LABEL_ARC`] features by arc (dependent, head, direction): the
/// hypotheses of a beam make the same arc in different surroundings.
#[derive(Debug, Default)]
struct LabelMemo {
    slots: Vec<(u64, u16)>,
    arcs: PairMemo,
}

impl LabelMemo {
    /// Empties the memo for a sentence labelled over `nl` labels.
    fn clear(&mut self, nl: usize) {
        self.slots.clear();
        self.slots.resize(MEMO, (0, 0));
        self.arcs.clear(nl);
    }
}

impl Beam {
    fn start(&mut self, n: usize) {
        self.arena.clear();
        if self.cur.is_empty() {
            self.cur.push(Hyp::default());
        }
        let h = &mut self.cur[0];
        h.st.reset(n);
        h.score = 0.0;
        h.node = NO_NODE;
        h.cost = 0;
        self.live = 1;
    }

    fn push_node(&mut self, parent: u32, action: usize, label: u16) -> u32 {
        self.arena.push(Node { parent, action: action as u8, label });
        (self.arena.len() - 1) as u32
    }

    /// The (action, label) history ending at `node`, oldest first.
    fn history(&self, mut node: u32, out: &mut Vec<(usize, u16)>) {
        out.clear();
        while node != NO_NODE {
            let nd = self.arena[node as usize];
            out.push((nd.action as usize, nd.label));
            node = nd.parent;
        }
        out.reverse();
    }

    /// Extends every live hypothesis by each legal transition and keeps the `k` best
    /// (ties broken by hypothesis rank, then SHIFT < LEFT < RIGHT). `gold` heads, when
    /// given, make each hypothesis carry its dynamic-oracle cost.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        k: usize,
        x: &Words,
        moves: &Moves,
        score: &mut dyn FnMut(&State, &mut [f64]),
        label: &mut dyn FnMut(&State, &Words, usize) -> u16,
        gold: Option<&G>,
    ) {
        self.cands.clear();
        self.scores.resize(moves.n(), 0.0);
        for (i, h) in self.cur[..self.live].iter().enumerate() {
            let costs = gold.map(|g| (Costs::new(&h.st, &g.head), g));
            let cost =
                |a: usize| h.cost + costs.as_ref().map_or(0, |(c, g)| moves.cost(c, &h.st, g, a));
            if let Some(a) = moves.forced(&h.st) {
                let c = Cand { score: h.score, from: i as u32, action: a as u8, cost: cost(a) };
                self.cands.push(c);
                continue;
            }
            score(&h.st, &mut self.scores);
            for (a, &sa) in self.scores.iter().enumerate() {
                if moves.legal(&h.st, a) {
                    let c = Cand {
                        score: h.score + sa,
                        from: i as u32,
                        action: a as u8,
                        cost: cost(a),
                    };
                    self.cands.push(c);
                }
            }
        }
        // All keys differ (hypothesis rank and action break ties): unstable is the same order.
        self.cands.sort_unstable_by(|a, b| {
            b.score.total_cmp(&a.score).then(a.from.cmp(&b.from)).then(a.action.cmp(&b.action))
        });
        let keep = k.min(self.cands.len());
        while self.next.len() < keep {
            self.next.push(Hyp::default());
        }
        for j in 0..keep {
            let c = self.cands[j];
            let from = c.from as usize;
            let parent = self.cur[from].node;
            // When decoding, the old beam is dropped after the step: a hypothesis' last
            // extension takes its configuration instead of a copy (training reads the old
            // beam afterwards, so it copies).
            let reused = gold.is_some() || self.cands[j + 1..keep].iter().any(|o| o.from == c.from);
            if reused {
                self.next[j].st.clone_from(&self.cur[from].st);
            } else {
                std::mem::swap(&mut self.next[j].st, &mut self.cur[from].st);
            }
            let dst = &mut self.next[j];
            let a = c.action as usize;
            let base = moves.base(a);
            let l = if base == SHIFT { 0 } else { label(&dst.st, x, a) };
            dst.st.apply(base, l);
            dst.score = c.score;
            dst.cost = c.cost;
            self.arena.push(Node { parent, action: c.action, label: l });
            dst.node = (self.arena.len() - 1) as u32;
        }
        std::mem::swap(&mut self.cur, &mut self.next);
        self.live = keep;
    }
}

/// The labels the labeller in training gives the arc `c` would make (never `root` below
/// the top) for transition class `c`: (best label in the class' group, best label overall).
fn train_label(
    tl: &Trainer,
    moves: &Moves,
    st: &State,
    x: &Words,
    c: usize,
    root: u16,
    buf: &mut Vec<u64>,
) -> (u16, u16) {
    let action = moves.base(c);
    let (d, h) = st.arc(action);
    if h as usize >= st.n {
        return (root, root);
    }
    label_features(st, x, action, d, h, buf);
    let mut scores = vec![0f32; tl.nclasses()];
    tl.score(buf, &mut scores);
    let (mut best, mut within) = (usize::MAX, usize::MAX);
    for (l, &s) in scores.iter().enumerate() {
        if l == root as usize {
            continue;
        }
        if best == usize::MAX || s > scores[best] {
            best = l;
        }
        if moves.allows(c, l) && (within == usize::MAX || s > scores[within]) {
            within = l;
        }
    }
    let best = if best == usize::MAX { 0 } else { best as u16 };
    (if within == usize::MAX { best } else { within as u16 }, best)
}

/// Global training of the transition scorer by beam search with max-violation updates
/// (Huang et al. 2012): the reference is the best-scoring zero-cost hypothesis (any history
/// that still reaches the gold tree), so no canonical oracle sequence is imposed. The labeller
/// is trained locally along the reference's arcs. `on_epoch` sees the weights after each epoch.
#[allow(clippy::too_many_arguments)]
fn train_beam(
    data: &[G],
    cfg: &ParserConfig,
    moves: &Moves,
    root: u16,
    ta: &mut Trainer,
    tl: &mut Trainer,
    on_epoch: &dyn Fn(usize, &Trainer, &Trainer),
    log: &dyn Fn(&str),
) {
    let k = cfg.beam.max(1);
    let mut rng = Rng::new(cfg.seed ^ 0x9a25e);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut bm = Beam::default();
    let mut pre = TrainStatic::default();
    let mut feats = Vec::with_capacity(128);
    let mut lbuf = Vec::with_capacity(64);
    let (mut gh, mut ph) = (Vec::new(), Vec::new());
    // Per step: (violation, best node, reference node, best is wrong).
    let mut steps: Vec<(f64, u32, u32, bool)> = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut updates, mut exact, mut lright, mut ltotal) = (0usize, 0usize, 0usize, 0usize);
        for &si in &order {
            let g = &data[si];
            let n = g.head.len();
            bm.start(n);
            steps.clear();
            pre.fill(&g.x, ta.nclasses(), |_| {}, |f, out| ta.score(f, out));
            // The reference once it has fallen out of the beam.
            let mut outside: Option<Hyp> = None;
            while !bm.cur[0].st.done() {
                let prev_ref = bm.cur[..bm.live].iter().position(|h| h.cost == 0);
                {
                    let tl_ref = &*tl;
                    let ta_ref = &*ta;
                    let mut fs = vec![0f32; moves.n()];
                    let pre = &pre;
                    let mut score = |st: &State, out: &mut [f64]| {
                        features(st, &g.x, &mut feats, false);
                        fs.iter_mut().for_each(|s| *s = 0.0);
                        ta_ref.score(&feats, &mut fs);
                        pre.add(st, &mut fs);
                        for (o, &s) in out.iter_mut().zip(fs.iter()) {
                            *o = f64::from(s);
                        }
                    };
                    let mut label = |st: &State, x: &Words, c: usize| {
                        train_label(tl_ref, moves, st, x, c, root, &mut lbuf).0
                    };
                    bm.step(k, &g.x, moves, &mut score, &mut label, Some(g));
                }
                let in_beam = bm.cur[..bm.live].iter().find(|h| h.cost == 0);
                let (ref_score, ref_node) = match in_beam {
                    Some(h) => (h.score, h.node),
                    None => {
                        // Advance the reference by its best zero-cost transition.
                        let mut h = match outside.take() {
                            Some(h) => h,
                            None => match prev_ref {
                                Some(i) => bm.next[i].clone(),
                                None => break, // cannot happen: the start has cost 0
                            },
                        };
                        let costs = Costs::new(&h.st, &g.head);
                        let (a, add) = match moves.forced(&h.st) {
                            Some(a) => (a, 0.0),
                            None => {
                                features(&h.st, &g.x, &mut feats, false);
                                let mut s = vec![0f32; moves.n()];
                                ta.score(&feats, &mut s);
                                pre.add(&h.st, &mut s);
                                let mut best: Option<usize> = None;
                                for a in 0..moves.n() {
                                    if moves.legal(&h.st, a)
                                        && moves.cost(&costs, &h.st, g, a) == 0
                                        && best.is_none_or(|b| s[a] > s[b])
                                    {
                                        best = Some(a);
                                    }
                                }
                                let a = best.unwrap_or(0);
                                (a, f64::from(s[a]))
                            }
                        };
                        let base = moves.base(a);
                        let l = if base == SHIFT {
                            0
                        } else {
                            train_label(tl, moves, &h.st, &g.x, a, root, &mut lbuf).0
                        };
                        h.st.apply(base, l);
                        h.score += add;
                        h.node = bm.push_node(h.node, a, l);
                        let r = (h.score, h.node);
                        outside = Some(h);
                        r
                    }
                };
                let best = &bm.cur[0];
                steps.push((best.score - ref_score, best.node, ref_node, best.cost > 0));
            }
            ta.tick();
            // Max violation: the step where the best wrong hypothesis beats the reference most.
            let mut pick: Option<(f64, u32, u32)> = None;
            for &(v, b, r, wrong) in &steps {
                if wrong && v >= 0.0 && pick.is_none_or(|p| v > p.0) {
                    pick = Some((v, b, r));
                }
            }
            let final_ref = steps.last().map_or(NO_NODE, |s| s.2);
            if steps.last().is_some_and(|s| !s.3) {
                exact += 1;
            }
            if let Some((_, b, r)) = pick {
                updates += 1;
                bm.history(r, &mut gh);
                bm.history(b, &mut ph);
                let mut sg = State::default();
                sg.reset(n);
                let mut i = 0;
                while i < gh.len() && i < ph.len() && gh[i] == ph[i] {
                    sg.apply(moves.base(gh[i].0), gh[i].1);
                    i += 1;
                }
                let mut sp = sg.clone();
                for (st, hist, delta) in [(&mut sg, &gh, 1.0f32), (&mut sp, &ph, -1.0)] {
                    for &(a, l) in &hist[i..] {
                        if forced(st).is_none() {
                            features(st, &g.x, &mut feats, true);
                            ta.adjust(&feats, a, delta);
                        }
                        st.apply(moves.base(a), l);
                    }
                }
            }
            // The labeller learns along the reference's whole history.
            bm.history(final_ref, &mut gh);
            let mut st = State::default();
            st.reset(n);
            for &(c, _) in &gh {
                let mut l = 0;
                let a = moves.base(c);
                if a != SHIFT {
                    let (d, h) = st.arc(a);
                    if h as usize >= st.n {
                        l = root;
                    } else {
                        let (lin, lp) = train_label(tl, moves, &st, &g.x, c, root, &mut lbuf);
                        l = lin;
                        if g.head[d as usize] == h {
                            let lg = g.label[d as usize];
                            tl.tick();
                            if lp != lg {
                                tl.update(&lbuf, lg as usize, lp as usize);
                            }
                            lright += (lp == lg) as usize;
                            ltotal += 1;
                            if epoch == 0 {
                                l = lg;
                            }
                        }
                    }
                }
                st.apply(a, l);
            }
        }
        log(&format!(
            "parser epoch {}/{} (beam {k}): {:.2}% of sentences exact, {:.2}% updated, label acc {:.2}%, {}+{} weights",
            epoch + 1,
            cfg.epochs,
            100.0 * exact as f64 / data.len().max(1) as f64,
            100.0 * updates as f64 / data.len().max(1) as f64,
            100.0 * lright as f64 / ltotal.max(1) as f64,
            ta.entries(),
            tl.entries()
        ));
        on_epoch(epoch + 1, ta, tl);
    }
}

/// A training tree: hashed words, gold heads (ROOT = n, projectivised) and label ids.
struct G {
    x: Words,
    head: Vec<u32>,
    label: Vec<u16>,
}

/// Dynamic-oracle costs of the three transitions in one configuration (arc-hybrid,
/// Goldberg & Nivre 2013): how many gold arcs each makes unreachable.
struct Costs {
    shift: u32,
    left: u32,
    right: u32,
}

impl Costs {
    fn of(&self, action: usize) -> u32 {
        match action {
            SHIFT => self.shift,
            LEFT => self.left,
            _ => self.right,
        }
    }

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
    use std::collections::HashMap;

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

    /// The beam decoder's feature parts are together exactly the configuration features (the
    /// memoised sums are then exact), the `PAIR` (`STACK`) part is the same wherever the
    /// (stack top, buffer front) pair (the two top stack words) is, each children part the
    /// same wherever its [`Kids`] key is, and the labeller's features the same wherever
    /// their [`label_sig`] is.
    #[test]
    fn feature_parts_are_all_the_features_and_pairs_key_theirs() {
        let parsed = nlp::conllu::parse(include_str!("../tests/data/tiny.conllu"));
        let cl = Clusters::from_entries(
            [("the", 11.0, Some(-3.0)), ("dog", 1446.0, Some(-9.0))].into_iter(),
            std::path::Path::new("t"),
        )
        .unwrap();
        for s in &parsed.sentences {
            for clusters in [None, Some(&cl)] {
                let mut x = Words::default();
                let items = s.words.iter().map(|w| (w.form.as_str(), "NN", w.upos.as_str()));
                x.fill(items, clusters);
                let n = s.words.len();
                let mut st = State::default();
                st.reset(n);
                let mut by_pair: HashMap<(u32, u32), Vec<u64>> = HashMap::new();
                let mut by_stack: HashMap<(u32, u32), Vec<u64>> = HashMap::new();
                let mut by_kids: HashMap<Kids, Vec<u64>> = HashMap::new();
                let mut by_sig: HashMap<u64, Vec<u64>> = HashMap::new();
                // Several transition sequences, so the same word meets different children
                // and the same arc different configurations.
                for path in 0..6 {
                    st.reset(n);
                    let mut k = path;
                    while !st.done() {
                        let (mut all, mut pair, mut stack, mut rest) =
                            (vec![], vec![], vec![], vec![]);
                        features(&st, &x, &mut all, false);
                        part_features::<PAIR>(&st, &x, &mut pair);
                        part_features::<STACK>(&st, &x, &mut stack);
                        part_features::<REST>(&st, &x, &mut rest);
                        let mut parts = [pair.clone(), stack.clone(), rest].concat();
                        for key in Kids::all(&st) {
                            let mut kids = vec![];
                            kids_features(key.part, &st, &x, &mut kids);
                            parts.extend_from_slice(&kids);
                            let seen = by_kids.entry(key).or_insert(kids.clone());
                            assert_eq!(*seen, kids);
                        }
                        parts.sort_unstable();
                        all.sort_unstable();
                        assert_eq!(parts, all);
                        let seen = by_pair.entry((st.s(0), st.bf(0))).or_insert(pair.clone());
                        assert_eq!(*seen, pair);
                        let seen = by_stack.entry((st.s(1), st.s(0))).or_insert(stack.clone());
                        assert_eq!(*seen, stack);
                        // The labeller's signature: equal signatures, equal features.
                        for c in [LEFT, RIGHT] {
                            let (d, h) = if st.legal(c) { st.arc(c) } else { (NONE, NONE) };
                            if d == NONE || h as usize >= n {
                                continue;
                            }
                            let mut lf = vec![];
                            label_features(&st, &x, c, d, h, &mut lf);
                            let seen =
                                by_sig.entry(label_sig(&st, c, c, d, h)).or_insert(lf.clone());
                            assert_eq!(*seen, lf);
                        }
                        // Some legal transition, varied so arcs of both kinds are made.
                        k += 1;
                        let a = (0..3).map(|j| (k + j) % 3).find(|&a| st.legal(a)).unwrap();
                        st.apply(a, ((k + path) % 5) as u16);
                    }
                }
                // The memo keys repeat (else the test would show nothing).
                assert!(by_kids.len() < 3 * by_pair.len() * 6, "{} kids keys", by_kids.len());
            }
        }
    }

    /// Training sentences are parsed back almost perfectly by every training regime: greedy
    /// with the dynamic oracle, beam search with max-violation updates, label groups.
    #[test]
    fn every_training_regime_learns_the_tiny_treebank() {
        let sents = nlp::conllu::parse(include_str!("../tests/data/tiny.conllu")).sentences;
        for (beam, grouping) in [
            (1, Grouping::Unlabelled),
            (4, Grouping::Unlabelled),
            (1, Grouping::Coarse),
            (3, Grouping::Full),
        ] {
            let cfg = ParserConfig {
                epochs: 8,
                beam,
                decode_beam: 0,
                grouping,
                min_q: 1,
                ..Default::default()
            };
            let quiet = |_: &str| {};
            let m = ParserModel::train(&sents, &cfg, &quiet);
            let back = ParserModel::from_bytes(&m.to_bytes(), "tiny").expect("round trip");
            assert_eq!(back.beam(), beam);
            let (mut right, mut total) = (0, 0);
            for g in &sents {
                let mut s = crate::eval::blank(g);
                for (t, w) in s.tokens.iter_mut().zip(&g.words) {
                    t.upos = w.upos.clone();
                    t.xpos = w.xpos.clone();
                }
                back.parse(&mut s);
                assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
                for (t, w) in s.tokens.iter().zip(&g.words) {
                    right += (Some(t.head) == w.head && t.deprel == w.deprel) as usize;
                    total += 1;
                }
            }
            let las = right as f64 / total as f64;
            assert!(las > 0.9, "beam {beam} {grouping:?}: training LAS {las:.3}");
        }
    }

    /// An ensemble is the same model whatever the number of threads, and still parses.
    #[test]
    fn ensembles_are_deterministic() {
        let sents = nlp::conllu::parse(include_str!("../tests/data/tiny.conllu")).sentences;
        let cfg = ParserConfig { epochs: 4, ensemble: 3, min_q: 1, ..Default::default() };
        let quiet = |_: &str| {};
        let one = ParserModel::train_ensemble(&sents, &cfg, 1, &quiet);
        let two = ParserModel::train_ensemble(&sents, &cfg, 2, &quiet);
        assert_eq!(one.to_bytes(), two.to_bytes());
        let single =
            ParserModel::train(&sents, &ParserConfig { ensemble: 1, ..cfg.clone() }, &quiet);
        assert_ne!(one.to_bytes(), single.to_bytes());
        let mut s = crate::eval::blank(&sents[0]);
        one.parse(&mut s);
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
    }

    /// Zero-cost transition classes with label groups rebuild the gold tree and give every
    /// arc a class whose group holds the gold label.
    #[test]
    fn zero_cost_classes_carry_the_gold_label_group() {
        let parsed = nlp::conllu::parse(include_str!("../tests/data/tiny.conllu"));
        let labels: Vec<String> = {
            let set: BTreeSet<String> = parsed
                .sentences
                .iter()
                .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
                .collect();
            set.into_iter().collect()
        };
        let root = labels.iter().position(|l| l == "root").unwrap() as u16;
        let moves = Moves::new(&labels, root, Grouping::Coarse);
        assert!(moves.ngroups > 3 && moves.ngroups <= 12);
        for s in &parsed.sentences {
            let n = s.words.len();
            let head: Vec<u32> = s
                .words
                .iter()
                .map(|w| if w.head == Some(0) { n as u32 } else { w.head.unwrap() - 1 })
                .collect();
            let label =
                s.words.iter().map(|w| labels.iter().position(|l| *l == w.deprel).unwrap() as u16);
            let g = G { x: Words::default(), head: head.clone(), label: label.collect() };
            let mut st = State::default();
            st.reset(n);
            while !st.done() {
                let c = match moves.forced(&st) {
                    Some(c) => c,
                    None => {
                        let costs = Costs::new(&st, &g.head);
                        (0..moves.n())
                            .filter(|&c| moves.legal(&st, c))
                            .min_by_key(|&c| moves.cost(&costs, &st, &g, c))
                            .unwrap()
                    }
                };
                let b = moves.base(c);
                let mut l = 0;
                if b != SHIFT {
                    let (d, _) = st.arc(b);
                    l = g.label[d as usize];
                    assert!(moves.allows(c, l as usize), "class {c} for {}", labels[l as usize]);
                }
                st.apply(b, l);
            }
            assert_eq!(&st.head[..n], &head[..]);
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
