//! Lemmatizer: an exception lexicon of (form, XPOS) → edit script learnt from the treebank,
//! and an averaged-perceptron classifier over edit scripts for unseen words.
//!
//! An edit script is (case, strip, append): optionally lower-case the form, remove `strip`
//! characters from its end and append a string — "Running"/VBG → (lower, 4, "un") → "run".

use crate::format::{Kind, ModelError, Reader, Writer};
use crate::hash::{self, mix, Rng, U64Map};
use crate::perceptron::{Trainer, Weights};
use crate::tagger::{read_map32, write_map32};
use crate::word::{attrs, WordAttrs, FLAG_ALL_UPPER, FLAG_DIGIT, FLAG_INIT_UPPER};
use nlp::conllu::Sentence;
use std::collections::BTreeMap;

/// One suffix rewrite.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Script {
    pub lower: bool,
    pub strip: u16,
    pub append: String,
}

impl Script {
    /// The script that turns `form` into `lemma` with the least editing.
    pub fn learn(form: &str, lemma: &str) -> Script {
        let mut best: Option<(usize, Script)> = None;
        for lower in [false, true] {
            let base = if lower { form.to_lowercase() } else { form.to_string() };
            let common = base
                .char_indices()
                .zip(lemma.chars())
                .take_while(|((_, a), b)| a == b)
                .map(|((i, a), _)| i + a.len_utf8())
                .last()
                .unwrap_or(0);
            let strip = base[common..].chars().count();
            let append = lemma[common..].to_string();
            let cost = strip + append.len() + lower as usize;
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((
                    cost,
                    Script { lower, strip: strip.min(u16::MAX as usize) as u16, append },
                ));
            }
        }
        best.map(|b| b.1).unwrap_or(Script { lower: false, strip: 0, append: String::new() })
    }

    /// Applies the script; a script that would strip more than the word keeps the form.
    pub fn apply(&self, form: &str, out: &mut String) {
        out.clear();
        if self.lower {
            out.push_str(&form.to_lowercase());
        } else {
            out.push_str(form);
        }
        let n = out.chars().count();
        if self.strip as usize > n || (self.strip as usize == n && self.append.is_empty()) {
            out.clear();
            out.push_str(form);
            return;
        }
        let cut = match (self.strip as usize).checked_sub(1) {
            None => out.len(),
            Some(k) => out.char_indices().rev().nth(k).map_or(out.len(), |c| c.0),
        };
        out.truncate(cut);
        out.push_str(&self.append);
    }
}

/// Training settings for the lemmatizer.
#[derive(Debug, Clone)]
pub struct LemmaConfig {
    pub epochs: usize,
    pub seed: u64,
    pub min_q: i16,
}

impl Default for LemmaConfig {
    fn default() -> Self {
        LemmaConfig { epochs: 10, seed: 1, min_q: 1 }
    }
}

/// A trained lemmatizer.
#[derive(Debug, Clone)]
pub struct Lemmatizer {
    scripts: Vec<Script>,
    /// mix(exact form, XPOS) → script.
    exact: U64Map<u32>,
    /// mix(lower form, XPOS) → script.
    lowered: U64Map<u32>,
    /// Classifier classes → script ids.
    class_scripts: Vec<u32>,
    weights: Weights,
}

fn features(a: &WordAttrs, xpos: u64, upos: u64, out: &mut Vec<u64>) {
    out.clear();
    let mut f = |t: u64, v: u64| out.push(hash::finish(mix(t, v)));
    f(1, 0);
    f(2, xpos);
    f(3, upos);
    for k in 0..5 {
        f(4 + k as u64, a.suf[k]);
        f(10 + k as u64, mix(xpos, a.suf[k]));
    }
    let caps = a.flags & (FLAG_INIT_UPPER | FLAG_ALL_UPPER | FLAG_DIGIT);
    f(16, mix(xpos, caps));
    f(17, mix(upos, caps));
    f(18, mix(mix(xpos, caps), a.suf[1]));
    f(19, a.shape);
    f(20, mix(upos, a.suf[2]));
}

impl Lemmatizer {
    /// The lemma of `form` tagged `upos`/`xpos`.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let mut out = String::new();
        let x = hash::str(xpos);
        let sid = match self.exact.get(&mix(hash::str(form), x)) {
            Some(&s) => s,
            None => match self.lowered.get(&mix(hash::lower(form), x)) {
                Some(&s) => {
                    // Lowered entries were learnt from the lower-cased form.
                    if let Some(sc) = self.scripts.get(s as usize) {
                        sc.apply(&form.to_lowercase(), &mut out);
                        return out;
                    }
                    s
                }
                None => {
                    let mut scratch = String::new();
                    let a = attrs(form, &mut scratch);
                    let mut feats = Vec::with_capacity(24);
                    features(&a, x, hash::str(upos), &mut feats);
                    let mut scores = vec![0i32; self.class_scripts.len()];
                    self.weights.score(&feats, &mut scores);
                    let mut best = 0;
                    for (c, &s) in scores.iter().enumerate() {
                        if s > scores[best] {
                            best = c;
                        }
                    }
                    self.class_scripts.get(best).copied().unwrap_or(0)
                }
            },
        };
        match self.scripts.get(sid as usize) {
            Some(s) => s.apply(form, &mut out),
            None => out.push_str(form),
        }
        out
    }

    /// Fills `lemma` for every token from its form and tags.
    pub fn lemmatize(&self, s: &mut model::AnalyzedSentence) {
        for t in &mut s.tokens {
            t.lemma = self.lemma(&t.form, &t.upos, &t.xpos);
        }
    }

    pub fn size(&self) -> (usize, usize) {
        (self.exact.len() + self.lowered.len(), self.weights.size().1)
    }

    pub fn train(sents: &[Sentence], cfg: &LemmaConfig, log: &dyn Fn(&str)) -> Lemmatizer {
        // (form, xpos) types with their lemma counts.
        let mut types: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        let mut upos_of: BTreeMap<(String, String), String> = BTreeMap::new();
        for s in sents {
            for w in &s.words {
                if w.lemma.is_empty() && w.form != "_" {
                    continue;
                }
                let key = (w.form.clone(), w.xpos.clone());
                *types.entry(key.clone()).or_default().entry(w.lemma.clone()).or_default() += 1;
                upos_of.entry(key).or_insert_with(|| w.upos.clone());
            }
        }
        let mut script_ids: BTreeMap<Script, u32> = BTreeMap::new();
        let mut typed: Vec<((String, String), Script, u32)> = Vec::new();
        // (lower form, xpos) → lemma counts, for case variants of known words.
        let mut lower_types: BTreeMap<(String, String), BTreeMap<String, u32>> = BTreeMap::new();
        for (key, lemmas) in &types {
            let (lemma, &n) =
                lemmas.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(*l))).unwrap();
            let s = Script::learn(&key.0, lemma);
            script_ids.entry(s.clone()).or_insert(0);
            typed.push((key.clone(), s, n));
            let lk = (key.0.to_lowercase(), key.1.clone());
            for (l, c) in lemmas {
                *lower_types.entry(lk.clone()).or_default().entry(l.clone()).or_default() += c;
            }
        }
        let mut lowered_scripts: Vec<(u64, Script)> = Vec::new();
        for ((lower, xpos), lemmas) in &lower_types {
            let (lemma, _) =
                lemmas.iter().max_by_key(|(l, n)| (**n, std::cmp::Reverse(*l))).unwrap();
            let s = Script::learn(lower, lemma);
            script_ids.entry(s.clone()).or_insert(0);
            lowered_scripts.push((mix(hash::str(lower), hash::str(xpos)), s));
        }
        let scripts: Vec<Script> = script_ids.keys().cloned().collect();
        for (i, s) in scripts.iter().enumerate() {
            script_ids.insert(s.clone(), i as u32);
        }
        let mut exact = U64Map::default();
        let mut script_freq: BTreeMap<u32, u32> = BTreeMap::new();
        for ((form, xpos), s, _) in &typed {
            let sid = script_ids[s];
            exact.insert(mix(hash::str(form), hash::str(xpos)), sid);
            *script_freq.entry(sid).or_default() += 1;
        }
        let lowered: U64Map<u32> =
            lowered_scripts.into_iter().map(|(k, s)| (k, script_ids[&s])).collect();

        // Classifier over scripts seen for at least 2 types (the productive rules).
        let class_scripts: Vec<u32> =
            script_freq.iter().filter(|(_, &n)| n >= 2).map(|(&s, _)| s).collect();
        let class_of: BTreeMap<u32, usize> =
            class_scripts.iter().enumerate().map(|(c, &s)| (s, c)).collect();
        let mut scratch = String::new();
        let mut items: Vec<(WordAttrs, u64, u64, usize)> = Vec::new();
        for ((form, xpos), s, _) in &typed {
            if let Some(&c) = class_of.get(&script_ids[s]) {
                let upos = &upos_of[&(form.clone(), xpos.clone())];
                items.push((attrs(form, &mut scratch), hash::str(xpos), hash::str(upos), c));
            }
        }
        let mut t = Trainer::new(class_scripts.len().max(1));
        let mut rng = Rng::new(cfg.seed ^ 0x1e44a);
        let mut feats = Vec::with_capacity(24);
        let mut scores = vec![0f32; t.nclasses()];
        for epoch in 0..cfg.epochs {
            rng.shuffle(&mut items);
            let mut right = 0;
            for (a, x, u, g) in &items {
                features(a, *x, *u, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                t.score(&feats, &mut scores);
                let mut p = 0;
                for (c, &s) in scores.iter().enumerate() {
                    if s > scores[p] {
                        p = c;
                    }
                }
                right += (p == *g) as usize;
                t.tick();
                t.update(&feats, *g, p);
            }
            log(&format!(
                "lemmatizer epoch {}/{}: type acc {:.2}% over {} types, {} scripts",
                epoch + 1,
                cfg.epochs,
                100.0 * right as f64 / items.len().max(1) as f64,
                items.len(),
                class_scripts.len()
            ));
        }
        let weights = t.freeze(cfg.min_q);
        Lemmatizer { scripts, exact, lowered, class_scripts, weights }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.len(self.scripts.len());
        for s in &self.scripts {
            w.u8(s.lower as u8);
            w.u16(s.strip);
            w.str(&s.append);
        }
        write_map32(&mut w, &self.exact);
        write_map32(&mut w, &self.lowered);
        w.u32s(&self.class_scripts);
        self.weights.write(&mut w);
        w.finish(Kind::Lemmatizer)
    }

    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<Lemmatizer, ModelError> {
        let mut r = Reader::open(bytes, Kind::Lemmatizer, what)?;
        let n = r.len(11)?;
        let mut scripts = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u16()?;
            let append = r.str()?;
            scripts.push(Script { lower, strip, append });
        }
        let exact = read_map32(&mut r)?;
        let lowered = read_map32(&mut r)?;
        let class_scripts = r.u32s()?;
        let weights = Weights::read(&mut r)?;
        r.end()?;
        let bad =
            exact.values().chain(lowered.values()).chain(&class_scripts).any(|&s| s as usize >= n)
                || weights.nclasses() < class_scripts.len();
        if bad {
            return Err(ModelError::Corrupt {
                what: what.to_string(),
                offset: 0,
                detail: "lemmatizer refers to an edit script it does not hold".into(),
            });
        }
        Ok(Lemmatizer { scripts, exact, lowered, class_scripts, weights })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_round_trip_forms_to_lemmas() {
        for (form, lemma) in [
            ("Running", "run"),
            ("The", "the"),
            ("John", "John"),
            ("was", "be"),
            ("n't", "not"),
            ("cats", "cat"),
            ("studies", "study"),
            ("Élèves", "élève"),
            ("", ""),
        ] {
            let s = Script::learn(form, lemma);
            let mut out = String::new();
            s.apply(form, &mut out);
            assert_eq!(out, lemma, "{form} via {s:?}");
        }
        let s = Script::learn("cats", "cat");
        let mut out = String::new();
        s.apply("dogs", &mut out);
        assert_eq!(out, "dog");
        s.apply("", &mut out); // shorter than the strip: keep the form
        assert_eq!(out, "");
    }
}
