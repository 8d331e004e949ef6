//! Averaged-perceptron POS tagger: joint UPOS+XPOS classes, greedy left-to-right decoding with
//! two tags of history, a tag dictionary for frequent unambiguous words, ambiguity classes of
//! the words ahead, and a (word, tag) → FEATS table.

use crate::cluster::{Clusters, Prefixes};
use crate::format::{Kind, ModelError, Reader, Writer};
use crate::hash::{self, mix, Rng, U64Map};
use crate::perceptron::{Trainer, Weights};
use crate::word::{attrs, WordAttrs, PAD};
use nlp::conllu::Sentence;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Training settings for the tagger.
#[derive(Debug, Clone)]
pub struct TaggerConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Entries whose quantised weight is below this are pruned.
    pub min_q: i16,
    /// Brown word clusters to use as features (stored in the model).
    pub clusters: Option<Arc<Clusters>>,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig { epochs: 10, seed: 1, min_q: 2, clusters: None }
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct TaggerModel {
    /// Class id → (UPOS, XPOS).
    classes: Vec<(String, String)>,
    /// Exact-form hash → class, for frequent unambiguous words.
    tagdict: U64Map<u16>,
    /// Lower-form hash → hash of the set of classes seen for it.
    ambig: U64Map<u64>,
    feats: Vec<String>,
    /// mix(lower-form hash, class) → FEATS id, where it differs from the class default.
    feats_by_word: U64Map<u32>,
    feats_by_class: Vec<u32>,
    weights: Weights,
    /// Brown word clusters (files written before them have none).
    clusters: Option<Arc<Clusters>>,
    /// Identifies these weights for the per-thread word cache (copies share it).
    id: u64,
}

const NO_AMBIG: u64 = 0x0a0a;
const START: u64 = 0;

struct Ctx<'a> {
    w: &'a [WordAttrs],
    amb: &'a [u64],
    /// Cluster prefixes per word; empty when the model has no clusters.
    cl: &'a [Prefixes],
}

impl Ctx<'_> {
    fn w(&self, i: isize) -> &WordAttrs {
        if i < 0 || i as usize >= self.w.len() {
            &PAD
        } else {
            &self.w[i as usize]
        }
    }
    fn a(&self, i: isize) -> u64 {
        if i < 0 || i as usize >= self.amb.len() {
            0x0b0b
        } else {
            self.amb[i as usize]
        }
    }
    fn c(&self, i: isize) -> Prefixes {
        if i < 0 || i as usize >= self.cl.len() {
            Prefixes::NONE
        } else {
            self.cl[i as usize]
        }
    }
}

/// Cluster prefixes of each word (none without a table).
fn prefixes_of(cl: Option<&Clusters>, w: &[WordAttrs], out: &mut Vec<Prefixes>) {
    out.clear();
    if let Some(cl) = cl {
        out.extend(w.iter().map(|a| Prefixes::of(cl.get(a.lower))));
    }
}

/// The cluster features of the word itself (appended to `out`; nothing without clusters).
fn word_cluster_features(c0: Option<Prefixes>, out: &mut Vec<u64>) {
    if let Some(c0) = c0 {
        let mut f = |t: u64, v: u64| out.push(hash::finish(mix(t, v)));
        f(41, c0.c4);
        f(42, c0.c6);
        f(43, c0.full);
    }
}

/// The cluster features of the neighbours (appended to `out`; nothing without clusters).
fn context_cluster_features(c: &Ctx<'_>, i: isize, p1: u64, out: &mut Vec<u64>) {
    if c.cl.is_empty() {
        return;
    }
    let mut f = |t: u64, v: u64| out.push(hash::finish(mix(t, v)));
    let (c0, cm1, cm2, cp1, cp2) = (c.c(i), c.c(i - 1), c.c(i - 2), c.c(i + 1), c.c(i + 2));
    f(44, cm1.c6);
    f(45, cp1.c6);
    f(46, cm2.c4);
    f(47, cp2.c4);
    f(48, cm1.full);
    f(49, cp1.full);
    f(50, mix(p1, c0.c6));
    f(51, mix(c0.full, cp1.c4));
    f(52, mix(cm1.c4, c0.full));
}

/// All features of word `i`, in the order training adds them up (the `f32` sums of
/// training depend on it).
fn features(c: &Ctx<'_>, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let i = i as isize;
    let w0 = c.w(i);
    let (wm1, wm2, wp1, wp2) = (c.w(i - 1), c.w(i - 2), c.w(i + 1), c.w(i + 2));
    let mut f = |t: u64, v: u64| out.push(hash::finish(mix(t, v)));
    f(1, 0);
    f(2, w0.lower);
    f(3, w0.form);
    for k in 0..5 {
        f(4 + k as u64, w0.suf[k]);
    }
    for k in 0..3 {
        f(10 + k as u64, w0.pre[k]);
    }
    f(13, w0.shape);
    f(14, w0.flags | if i == 0 { 1 << 20 } else { 0 });
    f(15, wm1.lower);
    f(16, wm2.lower);
    f(17, wp1.lower);
    f(18, wp2.lower);
    f(19, wm1.suf[2]);
    f(20, wp1.suf[2]);
    f(21, wm1.shape);
    f(22, wp1.shape);
    f(23, p1);
    f(24, p2);
    f(25, mix(p1, p2));
    f(26, mix(p1, w0.lower));
    f(27, mix(wm1.lower, w0.lower));
    f(28, mix(w0.lower, wp1.lower));
    f(29, c.a(i + 1));
    f(30, c.a(i + 2));
    f(31, c.a(i));
    f(32, mix(p1, c.a(i + 1)));
    f(33, mix(p1, w0.suf[2]));
    f(34, mix(c.a(i), c.a(i + 1)));
    f(35, mix(p1, c.a(i)));
    f(36, mix(wp1.lower, wp2.lower));
    f(37, mix(w0.shape, wp1.shape));
    f(38, mix(wm1.flags, w0.flags));
    f(39, wp1.suf[1]);
    f(40, mix(w0.suf[3], wp1.lower));
    word_cluster_features((!c.cl.is_empty()).then(|| c.c(i)), out);
    context_cluster_features(c, i, p1, out);
}

/// The features that depend only on the word's form (its attributes and ambiguity class) and
/// on whether it starts the sentence: their summed weights can be reused for every
/// occurrence of the form (see [`WordCache`]). Appended to `out`.
fn word_features(w0: &WordAttrs, first: bool, amb: u64, c0: Option<Prefixes>, out: &mut Vec<u64>) {
    let mut f = |t: u64, v: u64| out.push(hash::finish(mix(t, v)));
    f(1, 0);
    f(2, w0.lower);
    f(3, w0.form);
    for k in 0..5 {
        f(4 + k as u64, w0.suf[k]);
    }
    for k in 0..3 {
        f(10 + k as u64, w0.pre[k]);
    }
    f(13, w0.shape);
    f(14, w0.flags | if first { 1 << 20 } else { 0 });
    f(31, amb);
    word_cluster_features(c0, out);
}

/// The features that depend on the neighbours or on the tags before the word. Appended to
/// `out`.
fn context_features(c: &Ctx<'_>, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let i = i as isize;
    let w0 = c.w(i);
    let (wm1, wm2, wp1, wp2) = (c.w(i - 1), c.w(i - 2), c.w(i + 1), c.w(i + 2));
    let mut f = |t: u64, v: u64| out.push(hash::finish(mix(t, v)));
    f(15, wm1.lower);
    f(16, wm2.lower);
    f(17, wp1.lower);
    f(18, wp2.lower);
    f(19, wm1.suf[2]);
    f(20, wp1.suf[2]);
    f(21, wm1.shape);
    f(22, wp1.shape);
    f(23, p1);
    f(24, p2);
    f(25, mix(p1, p2));
    f(26, mix(p1, w0.lower));
    f(27, mix(wm1.lower, w0.lower));
    f(28, mix(w0.lower, wp1.lower));
    f(29, c.a(i + 1));
    f(30, c.a(i + 2));
    f(32, mix(p1, c.a(i + 1)));
    f(33, mix(p1, w0.suf[2]));
    f(34, mix(c.a(i), c.a(i + 1)));
    f(35, mix(p1, c.a(i)));
    f(36, mix(wp1.lower, wp2.lower));
    f(37, mix(w0.shape, wp1.shape));
    f(38, mix(wm1.flags, w0.flags));
    f(39, wp1.suf[1]);
    f(40, mix(w0.suf[3], wp1.lower));
    context_cluster_features(c, i, p1, out);
}

/// Rows of the per-thread [`WordCache`] (a power of two).
const WORD_CACHE_ROWS: usize = 4096;

/// Longest form (in bytes) kept in the [`WordCache`]; longer words are always scored afresh.
const WORD_CACHE_FORM: usize = 30;

/// The key of a [`WordCache`] row: the form's bytes themselves (so a hit is exact, never a
/// hash collision) and whether it started its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CacheKey {
    /// 0: empty row; 1: a word inside its sentence; 2: a sentence's first word.
    state: u8,
    len: u8,
    bytes: [u8; WORD_CACHE_FORM],
}

impl CacheKey {
    const EMPTY: CacheKey = CacheKey { state: 0, len: 0, bytes: [0; WORD_CACHE_FORM] };

    fn new(form: &str, first: bool) -> Option<CacheKey> {
        let b = form.as_bytes();
        if b.len() > WORD_CACHE_FORM {
            return None;
        }
        let mut k = CacheKey { state: 1 + first as u8, len: b.len() as u8, ..CacheKey::EMPTY };
        k.bytes[..b.len()].copy_from_slice(b);
        Some(k)
    }
}

/// Summed weights of the [`word_features`] of recently tagged forms, per thread: a
/// direct-mapped table indexed by the form's hash. Integer sums, so adding a cached sum and
/// then the context features gives exactly the scores of scoring all features at once.
/// Tied to one model by its id; another model clears it.
#[derive(Debug, Default)]
struct WordCache {
    model: u64,
    nclasses: usize,
    keys: Vec<CacheKey>,
    sums: Vec<i32>,
}

impl WordCache {
    /// The cache for `model`, cleared if it was filled for another one.
    fn for_model(&mut self, model: u64, nclasses: usize) -> &mut WordCache {
        if self.model != model || self.nclasses != nclasses {
            self.model = model;
            self.nclasses = nclasses;
            self.keys.clear();
            self.keys.resize(WORD_CACHE_ROWS, CacheKey::EMPTY);
            self.sums.clear();
            self.sums.resize(WORD_CACHE_ROWS * nclasses, 0);
        }
        self
    }
}

/// Per-thread buffers of the tagger's decoder, reused from sentence to sentence.
#[derive(Debug, Default)]
struct Work {
    scratch: String,
    attrs: Vec<WordAttrs>,
    amb: Vec<u64>,
    cl: Vec<Prefixes>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    classes: Vec<u16>,
    cache: WordCache,
}

thread_local! {
    static WORK: std::cell::RefCell<Work> = std::cell::RefCell::new(Work::default());
}

/// Source of [`TaggerModel::id`]s: every built or loaded model gets its own.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}

fn argmax_f(scores: &[f32]) -> usize {
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best
}

/// Tag history value for class `c`.
fn hist(c: usize) -> u64 {
    c as u64 + 1
}

impl TaggerModel {
    /// Class ids for each form.
    pub fn tag_forms(&self, forms: &[&str]) -> Vec<u16> {
        self.with_work(forms.len(), |i| forms[i], |w| w.classes.clone())
    }

    /// Runs the decoder over the `n` words whose forms `form` gives, in this thread's
    /// buffers, and hands them (classes in `classes`, attributes in `attrs`) to `then`.
    fn with_work<'f, R>(
        &self,
        n: usize,
        form: impl Fn(usize) -> &'f str,
        then: impl FnOnce(&Work) -> R,
    ) -> R {
        let run = |w: &mut Work| {
            self.decode(w, n, &form);
            then(w)
        };
        WORK.with(|cell| match cell.try_borrow_mut() {
            Ok(mut w) => run(&mut w),
            // Re-entered on this thread (not done today): fresh buffers.
            Err(_) => run(&mut Work::default()),
        })
    }

    /// Greedy left-to-right decoding into `w.classes`.
    fn decode<'f>(&self, w: &mut Work, n: usize, form: &impl Fn(usize) -> &'f str) {
        let Work { scratch, attrs: at, amb, cl, feats, scores, classes, cache } = w;
        at.clear();
        at.extend((0..n).map(|i| attrs(form(i), scratch)));
        amb.clear();
        amb.extend(at.iter().map(|a| self.ambig.get(&a.lower).copied().unwrap_or(NO_AMBIG)));
        prefixes_of(self.clusters.as_deref(), at, cl);
        let ctx = Ctx { w: at, amb, cl };
        let nc = self.classes.len();
        let cache = cache.for_model(self.id, nc);
        classes.clear();
        scores.clear();
        scores.resize(nc, 0);
        let (mut p1, mut p2) = (START, START);
        for (i, a) in at.iter().enumerate() {
            let c = match self.tagdict.get(&a.form) {
                Some(&c) => c as usize,
                None => {
                    let key = CacheKey::new(form(i), i == 0);
                    let row = (a.form as usize ^ (i == 0) as usize) & (WORD_CACHE_ROWS - 1);
                    let sums = &mut cache.sums[row * nc..(row + 1) * nc];
                    if key.is_some_and(|k| cache.keys[row] == k) {
                        scores.copy_from_slice(sums);
                    } else {
                        feats.clear();
                        let c0 = (!ctx.cl.is_empty()).then(|| ctx.c(i as isize));
                        word_features(a, i == 0, ctx.a(i as isize), c0, feats);
                        scores.iter_mut().for_each(|s| *s = 0);
                        self.weights.score(feats, scores);
                        if let Some(k) = key {
                            cache.keys[row] = k;
                            sums.copy_from_slice(scores);
                        }
                    }
                    feats.clear();
                    context_features(&ctx, i, p1, p2, feats);
                    self.weights.score(feats, scores);
                    argmax(scores)
                }
            };
            classes.push(c as u16);
            p2 = p1;
            p1 = hist(c);
        }
    }

    /// The Brown-cluster table the model was trained with, if any.
    pub fn clusters(&self) -> Option<&Clusters> {
        self.clusters.as_deref()
    }

    pub fn upos(&self, class: u16) -> &str {
        self.classes.get(class as usize).map_or("X", |c| c.0.as_str())
    }

    pub fn xpos(&self, class: u16) -> &str {
        self.classes.get(class as usize).map_or("XX", |c| c.1.as_str())
    }

    /// The predicted FEATS for a word with this form and class.
    pub fn feats(&self, form: &str, class: u16) -> &str {
        let key = mix(hash::lower(form), class as u64);
        let id = match self.feats_by_word.get(&key) {
            Some(&id) => id,
            None => self.feats_by_class.get(class as usize).copied().unwrap_or(0),
        };
        self.feats.get(id as usize).map_or("", |s| s.as_str())
    }

    /// Tags a sentence in place: UPOS, XPOS and FEATS.
    pub fn tag(&self, s: &mut model::AnalyzedSentence) {
        let tokens = &s.tokens;
        // The tags go in below, once the forms are no longer borrowed.
        let classes =
            self.with_work(tokens.len(), |i| tokens[i].form.as_str(), |w| w.classes.clone());
        for (t, c) in s.tokens.iter_mut().zip(classes) {
            t.upos = self.upos(c).to_string();
            t.xpos = self.xpos(c).to_string();
            t.feats = self.feats(&t.form, c).to_string();
        }
    }

    /// A copy with weights below `min_q` quantisation steps dropped.
    pub fn pruned(&self, min_q: i16) -> TaggerModel {
        TaggerModel { weights: self.weights.pruned(min_q), id: next_id(), ..self.clone() }
    }

    /// Weight magnitudes at the given quantiles.
    pub fn weight_quantiles(&self, qs: &[f64]) -> Vec<u16> {
        self.weights.quantiles(qs)
    }

    pub fn nclasses(&self) -> usize {
        self.classes.len()
    }

    /// (features, weights) kept.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// Trains on gold-tagged sentences. Deterministic for a given config.
    pub fn train(sents: &[Sentence], cfg: &TaggerConfig, log: &dyn Fn(&str)) -> TaggerModel {
        // Classes, sorted for a stable numbering.
        let mut class_set: BTreeMap<(String, String), usize> = BTreeMap::new();
        for s in sents {
            for w in &s.words {
                *class_set.entry((w.upos.clone(), w.xpos.clone())).or_default() += 1;
            }
        }
        let classes: Vec<(String, String)> = class_set.keys().cloned().collect();
        let class_id: HashMap<(String, String), u16> =
            classes.iter().enumerate().map(|(i, c)| (c.clone(), i as u16)).collect();
        let gold: Vec<Vec<u16>> = sents
            .iter()
            .map(|s| s.words.iter().map(|w| class_id[&(w.upos.clone(), w.xpos.clone())]).collect())
            .collect();

        // Counts per exact form and per lower form.
        let mut scratch = String::new();
        let attrs_all: Vec<Vec<WordAttrs>> = sents
            .iter()
            .map(|s| s.words.iter().map(|w| attrs(&w.form, &mut scratch)).collect())
            .collect();
        let mut by_form: BTreeMap<u64, BTreeMap<u16, u32>> = BTreeMap::new();
        let mut by_lower: BTreeMap<u64, BTreeMap<u16, u32>> = BTreeMap::new();
        for (ws, gs) in attrs_all.iter().zip(&gold) {
            for (a, &g) in ws.iter().zip(gs) {
                *by_form.entry(a.form).or_default().entry(g).or_default() += 1;
                *by_lower.entry(a.lower).or_default().entry(g).or_default() += 1;
            }
        }
        let mut tagdict = U64Map::default();
        for (&f, counts) in &by_form {
            let n: u32 = counts.values().sum();
            let (&best, &m) =
                counts.iter().max_by_key(|(c, m)| (**m, std::cmp::Reverse(**c))).unwrap();
            if n >= 20 && m as f64 / n as f64 >= 0.97 {
                tagdict.insert(f, best);
            }
        }
        let mut ambig = U64Map::default();
        for (&f, counts) in &by_lower {
            let n: u32 = counts.values().sum();
            if n < 2 {
                continue;
            }
            let mut h = 0x77u64;
            for (&c, &m) in counts {
                if m as f64 / n as f64 >= 0.05 {
                    h = mix(h, c as u64 + 1);
                }
            }
            ambig.insert(f, hash::finish(h));
        }

        // FEATS tables.
        let mut feat_ids: BTreeMap<String, u32> = BTreeMap::new();
        feat_ids.insert(String::new(), 0);
        for s in sents {
            for w in &s.words {
                let n = feat_ids.len() as u32;
                feat_ids.entry(w.feats.clone()).or_insert(n);
            }
        }
        // Renumber in sorted order for determinism.
        let feats: Vec<String> = feat_ids.keys().cloned().collect();
        let feat_id: HashMap<&str, u32> =
            feats.iter().enumerate().map(|(i, f)| (f.as_str(), i as u32)).collect();
        let mut fc_class: Vec<BTreeMap<u32, u32>> = vec![BTreeMap::new(); classes.len()];
        let mut fc_word: BTreeMap<(u64, u16), BTreeMap<u32, u32>> = BTreeMap::new();
        for ((s, ws), gs) in sents.iter().zip(&attrs_all).zip(&gold) {
            for ((w, a), &g) in s.words.iter().zip(ws).zip(gs) {
                let fid = feat_id[w.feats.as_str()];
                *fc_class[g as usize].entry(fid).or_default() += 1;
                *fc_word.entry((a.lower, g)).or_default().entry(fid).or_default() += 1;
            }
        }
        let top = |m: &BTreeMap<u32, u32>| {
            m.iter().max_by_key(|(f, n)| (**n, std::cmp::Reverse(**f))).map_or(0, |(f, _)| *f)
        };
        let feats_by_class: Vec<u32> = fc_class.iter().map(top).collect();
        // Keep only words whose FEATS differ from their class default.
        let mut feats_by_word = U64Map::default();
        for (&(lower, class), m) in &fc_word {
            let best = top(m);
            if best != feats_by_class[class as usize] {
                feats_by_word.insert(mix(lower, class as u64), best);
            }
        }

        // Perceptron.
        let amb_all: Vec<Vec<u64>> = attrs_all
            .iter()
            .map(|ws| ws.iter().map(|a| ambig.get(&a.lower).copied().unwrap_or(NO_AMBIG)).collect())
            .collect();
        let cl_all: Vec<Vec<Prefixes>> = attrs_all
            .iter()
            .map(|ws| {
                let mut v = Vec::new();
                prefixes_of(cfg.clusters.as_deref(), ws, &mut v);
                v
            })
            .collect();
        let mut t = Trainer::new(classes.len());
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut rng = Rng::new(cfg.seed);
        let mut feats_buf = Vec::with_capacity(64);
        let mut scores = vec![0f32; classes.len()];
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let ctx = Ctx { w: &attrs_all[si], amb: &amb_all[si], cl: &cl_all[si] };
                let (mut p1, mut p2) = (START, START);
                for (i, a) in ctx.w.iter().enumerate() {
                    let g = gold[si][i] as usize;
                    let c = if let Some(&c) = tagdict.get(&a.form) {
                        c as usize
                    } else {
                        features(&ctx, i, p1, p2, &mut feats_buf);
                        scores.iter_mut().for_each(|s| *s = 0.0);
                        t.score(&feats_buf, &mut scores);
                        let p = argmax_f(&scores);
                        t.tick();
                        t.update(&feats_buf, g, p);
                        p
                    };
                    right += (c == g) as usize;
                    total += 1;
                    p2 = p1;
                    p1 = hist(c);
                }
            }
            log(&format!(
                "tagger epoch {}/{}: train acc {:.2}%, {} weights",
                epoch + 1,
                cfg.epochs,
                100.0 * right as f64 / total.max(1) as f64,
                t.entries()
            ));
        }
        let weights = t.freeze(cfg.min_q);
        TaggerModel {
            classes,
            tagdict,
            ambig,
            feats,
            feats_by_word,
            feats_by_class,
            weights,
            clusters: cfg.clusters.clone(),
            id: next_id(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.len(self.classes.len());
        for (u, x) in &self.classes {
            w.str(u);
            w.str(x);
        }
        write_map16(&mut w, &self.tagdict);
        write_map64(&mut w, &self.ambig);
        w.strs(&self.feats);
        write_map32(&mut w, &self.feats_by_word);
        w.u32s(&self.feats_by_class);
        self.weights.write(&mut w);
        if let Some(c) = &self.clusters {
            c.write(&mut w);
        }
        w.finish(Kind::Tagger)
    }

    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<TaggerModel, ModelError> {
        let mut r = Reader::open(bytes, Kind::Tagger, what)?;
        let n = r.len(16)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.str()?, r.str()?));
        }
        let tagdict = read_map16(&mut r)?;
        let ambig = read_map64(&mut r)?;
        let feats = r.strs()?;
        let feats_by_word = read_map32(&mut r)?;
        let feats_by_class = r.u32s()?;
        let weights = Weights::read(&mut r)?;
        // Files written before word clusters have none.
        let clusters = if r.at_end() { None } else { Some(Arc::new(Clusters::read(&mut r)?)) };
        r.end()?;
        if classes.is_empty()
            || weights.nclasses() != classes.len()
            || feats_by_class.len() != classes.len()
            || tagdict.values().any(|&c| c as usize >= classes.len())
            || feats_by_word.values().chain(&feats_by_class).any(|&f| f as usize >= feats.len())
        {
            return Err(ModelError::Corrupt {
                what: what.to_string(),
                offset: 0,
                detail: "tagger tables disagree on the number of classes".into(),
            });
        }
        Ok(TaggerModel {
            classes,
            tagdict,
            ambig,
            feats,
            feats_by_word,
            feats_by_class,
            weights,
            clusters,
            id: next_id(),
        })
    }
}

fn sorted<V: Copy>(m: &U64Map<V>) -> Vec<(u64, V)> {
    let mut v: Vec<(u64, V)> = m.iter().map(|(&k, &v)| (k, v)).collect();
    v.sort_unstable_by_key(|e| e.0);
    v
}

pub(crate) fn write_map16(w: &mut Writer, m: &U64Map<u16>) {
    let v = sorted(m);
    w.u64s(&v.iter().map(|e| e.0).collect::<Vec<_>>());
    w.u16s(&v.iter().map(|e| e.1).collect::<Vec<_>>());
}

pub(crate) fn write_map32(w: &mut Writer, m: &U64Map<u32>) {
    let v = sorted(m);
    w.u64s(&v.iter().map(|e| e.0).collect::<Vec<_>>());
    w.u32s(&v.iter().map(|e| e.1).collect::<Vec<_>>());
}

pub(crate) fn write_map64(w: &mut Writer, m: &U64Map<u64>) {
    let v = sorted(m);
    w.u64s(&v.iter().map(|e| e.0).collect::<Vec<_>>());
    w.u64s(&v.iter().map(|e| e.1).collect::<Vec<_>>());
}

fn zip_map<V>(r: &Reader<'_>, k: Vec<u64>, v: Vec<V>) -> Result<U64Map<V>, ModelError> {
    if k.len() != v.len() {
        return Err(r.corrupt("map keys and values differ in length"));
    }
    Ok(k.into_iter().zip(v).collect())
}

pub(crate) fn read_map16(r: &mut Reader<'_>) -> Result<U64Map<u16>, ModelError> {
    let k = r.u64s()?;
    let v = r.u16s()?;
    zip_map(r, k, v)
}

pub(crate) fn read_map32(r: &mut Reader<'_>) -> Result<U64Map<u32>, ModelError> {
    let k = r.u64s()?;
    let v = r.u32s()?;
    zip_map(r, k, v)
}

pub(crate) fn read_map64(r: &mut Reader<'_>) -> Result<U64Map<u64>, ModelError> {
    let k = r.u64s()?;
    let v = r.u64s()?;
    zip_map(r, k, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decoding as training does: every feature of [`features`] scored at once, no cache.
    fn reference(m: &TaggerModel, forms: &[&str]) -> Vec<u16> {
        let mut scratch = String::new();
        let w: Vec<WordAttrs> = forms.iter().map(|f| attrs(f, &mut scratch)).collect();
        let amb: Vec<u64> =
            w.iter().map(|a| m.ambig.get(&a.lower).copied().unwrap_or(NO_AMBIG)).collect();
        let mut cl = Vec::new();
        prefixes_of(m.clusters.as_deref(), &w, &mut cl);
        let ctx = Ctx { w: &w, amb: &amb, cl: &cl };
        let (mut feats, mut scores) = (Vec::new(), vec![0i32; m.classes.len()]);
        let (mut p1, mut p2) = (START, START);
        let mut out = Vec::new();
        for (i, a) in w.iter().enumerate() {
            let c = match m.tagdict.get(&a.form) {
                Some(&c) => c as usize,
                None => {
                    features(&ctx, i, p1, p2, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0);
                    m.weights.score(&feats, &mut scores);
                    argmax(&scores)
                }
            };
            out.push(c as u16);
            (p2, p1) = (p1, hist(c));
        }
        out
    }

    #[test]
    fn word_and_context_features_are_all_the_features() {
        let mut scratch = String::new();
        let w: Vec<WordAttrs> =
            ["The", "rebels", "fled", "."].iter().map(|f| attrs(f, &mut scratch)).collect();
        let amb = [5u64, 6, 7, 8];
        let table = Clusters::from_entries(
            [("the", 11.0, None), ("fled", 874.0, None)].into_iter(),
            std::path::Path::new("t"),
        )
        .unwrap();
        for cl in [None, Some(&table)] {
            let mut pre = Vec::new();
            prefixes_of(cl, &w, &mut pre);
            let ctx = Ctx { w: &w, amb: &amb, cl: &pre };
            for i in 0..w.len() {
                let (mut all, mut split) = (Vec::new(), Vec::new());
                features(&ctx, i, 3, 4, &mut all);
                let c0 = cl.map(|_| pre[i]);
                word_features(&w[i], i == 0, amb[i], c0, &mut split);
                context_features(&ctx, i, 3, 4, &mut split);
                all.sort_unstable();
                split.sort_unstable();
                assert_eq!(all, split, "word {i}");
                assert_eq!(all.len(), 39 + if cl.is_some() { 12 } else { 0 });
            }
        }
    }

    #[test]
    fn cached_decoding_tags_exactly_as_scoring_every_feature() {
        let Some(path) = testdata::shared("data/ud-english-ewt/en_ewt-ud-test.conllu") else {
            return;
        };
        let m = crate::Models::load_default().expect("committed models").tagger;
        let text = std::fs::read_to_string(path).expect("EWT test");
        let sents = nlp::conllu::parse(&text).sentences;
        let mut words = 0;
        // Twice over, so the second pass tags mostly from cached word sums.
        for _ in 0..2 {
            for s in &sents {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                assert_eq!(m.tag_forms(&forms), reference(&m, &forms), "{forms:?}");
                words += forms.len();
            }
        }
        assert!(words > 40_000);
        // Another model on the same thread does not see this one's cached sums.
        let pruned = m.pruned(400);
        for s in sents.iter().take(300) {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            assert_eq!(pruned.tag_forms(&forms), reference(&pruned, &forms), "{forms:?}");
        }
        // Long and non-ASCII forms (never cached, or cached by their bytes).
        let odd = ["Ωμέγα", "Ωμέγα", &"x".repeat(40), &"x".repeat(40), "Éire", "éire"];
        assert_eq!(m.tag_forms(&odd), reference(&m, &odd));
    }
}
