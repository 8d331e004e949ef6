//! PETRARCH2's reading of a sentence, on a dependency tree: the coder used when the verb
//! dictionary is in the CAMEO.2.0 synset form ([`crate::dict::verbs2::Cameo2`]).
//!
//! Each verb has a *meaning*: a list of events (sources, target or nested event, code):
//!
//! - the verb's code is its dictionary code, or the code of the most specific pattern that
//!   matches the tree: pattern nouns before `*` are head words of the subject, nouns after
//!   it head words of the objects (`{modifier head}` checks the head's modifiers), and
//!   `(PREP noun)` a prepositional dependent of the verb or of a matched object. Words a
//!   pattern matched are not read as actors ("conducting military exercises in Alaska"
//!   targets Alaska, not the military).
//! - Passive verbs (and patterns with only a passive code, `[:100]`) take their source
//!   from a `by`/`from`/`in` phrase and their target from the subject or an
//!   `at`/`against`/`into`/`towards` phrase.
//! - Otherwise the targets are the actors among the objects, else among the verb's
//!   prepositional phrases. Only when the verb itself yields no event are its clausal
//!   complements read; their events combine with it ([`super::ontology::combine`]:
//!   "wants to help" → 033), or nest when they have a subject of their own, in which
//!   case the dictionary's transformations apply ("A said B attacked C" → A accuses B,
//!   112) or a material nested event becomes an appeal/demand on its subject ("asks B to
//!   help C" → 023 on B). A `not` negates (negated cooperation is its rejection, 12x).
//! - The sentence's events are those of its main clause(s); nested events that no rule
//!   resolved are dropped, as are events without a source or target. A compound source
//!   without target cooperating (03–06) codes every pair of its members.

use super::ontology::{cameo, combine, meaning, NEG};
use super::{base_rel, Analysis, CodedActor, CodedEvent, Options};
use crate::date::DateKey;
use crate::dict::verbs2::{Cameo2, NounPat, Pattern2, PrepPat, Slot, Transform};
use crate::dict::Dictionaries;
use model::Span;

/// `ANNALIST_PETR2_TRACE=1` prints each verb's meaning to stderr (a dictionary
/// maintainer's debugging aid; read once).
fn trace() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ANNALIST_PETR2_TRACE").is_some())
}

/// Phrases a pattern's `$` and `+` bound.
type Bind = (Option<usize>, Option<usize>);

/// Deepest clause nesting followed (bounded work on odd trees).
const MAX_DEPTH: usize = 12;

#[derive(Debug, Clone)]
struct Ev {
    src: Vec<CodedActor>,
    tgt: Tgt,
    code: i32,
    /// The dictionary code this meaning came from, while it is unchanged.
    name: Option<String>,
    trigger: Span,
    passive: bool,
    negated: bool,
    pattern: Option<String>,
    cues: Vec<Span>,
}

#[derive(Debug, Clone)]
enum Tgt {
    None,
    /// A passive verb whose target is still to come from the clause above.
    Passive,
    Actor(CodedActor),
    Event(Box<Ev>),
}

impl Tgt {
    fn is_empty(&self) -> bool {
        matches!(self, Tgt::None | Tgt::Passive)
    }
}

/// What a verb's dictionary entry and patterns say.
struct VerbCode {
    active: i32,
    passive: i32,
    active_name: Option<String>,
    passive_name: Option<String>,
    /// Both codes came from a matched pattern (`[043:042]`: both directions are coded).
    paired: bool,
    pattern: Option<String>,
    colored: Vec<usize>,
    bound_src: Option<usize>,
    bound_tgt: Option<usize>,
    vstart: usize,
    vend: usize,
}

pub(super) struct Petr2<'a, 'b> {
    a: &'a Analysis<'b>,
    dicts: &'a Dictionaries,
    c2: &'a Cameo2,
    date: Option<DateKey>,
    opts: &'a Options,
    /// Words a pattern matched (not read as actors).
    colored: Vec<bool>,
    /// [`crate::dict::verbs::word_key`] of each word.
    keys: Vec<u64>,
    /// Keys of the sentence's words and lemmas, sorted (the pattern pre-filter).
    present: Vec<u64>,
    /// A 256-bit filter over `present` (top byte of each key): most absent words are
    /// rejected without a search.
    present_bits: [u64; 4],
    /// The dictionary's transformations in the order tried (specific inner verbs before
    /// `Q`), with the meanings of their outer and inner verbs; built on first use when the
    /// dictionary holds no such order ([`Cameo2::transform_order`]).
    transforms: std::cell::OnceCell<Vec<(u32, i32, i32)>>,
    /// The participle of an existential clause ("There were ten soldiers killed in …"):
    /// passive whatever its tag, its noun the target.
    existential: Option<usize>,
    /// The lemma buffer of [`Petr2::new`], kept for the pool.
    lemma: String,
}

impl Drop for Petr2<'_, '_> {
    fn drop(&mut self) {
        super::scratch::give_petr2(super::scratch::Petr2Buffers {
            colored: std::mem::take(&mut self.colored),
            keys: std::mem::take(&mut self.keys),
            present: std::mem::take(&mut self.present),
            lemma: std::mem::take(&mut self.lemma),
        });
    }
}

fn code_name(m: i32, name: &Option<String>) -> Option<String> {
    match name {
        Some(n) if meaning(n) == m => Some(n.clone()),
        _ => cameo(m).map(str::to_string),
    }
}

fn same_actors(a: &[CodedActor], b: &[CodedActor]) -> bool {
    let mut x: Vec<&str> = a.iter().map(|c| c.code.as_str()).collect();
    let mut y: Vec<&str> = b.iter().map(|c| c.code.as_str()).collect();
    x.sort_unstable();
    x.dedup();
    y.sort_unstable();
    y.dedup();
    !x.is_empty() && x == y
}

impl<'a, 'b> Petr2<'a, 'b> {
    pub(super) fn new(
        a: &'a Analysis<'b>,
        dicts: &'a Dictionaries,
        c2: &'a Cameo2,
        date: Option<DateKey>,
        opts: &'a Options,
    ) -> Self {
        let n = a.s.tokens.len();
        // A word glued to a hyphenated suffix the tokenizer split off ("military -ruled",
        // "Qaeda -linked") is part of one modifier word, not an actor or agent.
        // Vectors and the key set come from the per-thread pool (`super::scratch`).
        let super::scratch::Petr2Buffers { mut colored, mut keys, mut present, lemma: mut buf } =
            super::scratch::take_petr2();
        colored.clear();
        colored.extend((0..n).map(|k| {
            a.s.tokens.get(k + 1).is_some_and(|t| {
                t.form.len() > 1
                    && t.form.starts_with('-')
                    && !a.s.tokens[k].span.is_empty()
                    && a.s.tokens[k].span.end == t.span.start
            })
        }));
        keys.clear();
        keys.extend(a.words.iter().map(|w| crate::dict::verbs::word_key(w)));
        present.clear();
        present.extend(keys.iter().copied());
        // Lemmas upper-cased into one reused buffer (no string per word).
        for (t, w) in a.s.tokens.iter().zip(&a.words) {
            // A lemma that is the word itself (any case) has its key already.
            if t.lemma.is_empty() || (t.lemma.is_ascii() && t.lemma.eq_ignore_ascii_case(w)) {
                continue;
            }
            buf.clear();
            if t.lemma.is_ascii() {
                buf.push_str(&t.lemma);
                buf.make_ascii_uppercase();
            } else {
                buf.push_str(&t.lemma.to_uppercase());
            }
            present.push(crate::dict::verbs::word_key(&buf));
        }
        let mut present_bits = [0u64; 4];
        present.sort_unstable();
        present.dedup();
        for &k in &present {
            let b = (k >> 56) as usize;
            present_bits[b >> 6] |= 1 << (b & 63);
        }
        Petr2 {
            a,
            dicts,
            c2,
            date,
            opts,
            colored,
            keys,
            present,
            present_bits,
            transforms: std::cell::OnceCell::new(),
            existential: None,
            lemma: buf,
        }
    }

    /// Whether a word or lemma of the sentence has key `w`.
    fn has_key(&self, w: u64) -> bool {
        let b = (w >> 56) as usize;
        self.present_bits[b >> 6] & (1 << (b & 63)) != 0 && self.present.binary_search(&w).is_ok()
    }

    fn rel(&self, k: usize) -> &str {
        base_rel(&self.a.s.tokens[k].deprel)
    }

    fn full_rel(&self, k: usize) -> &str {
        self.a.s.tokens[k].deprel.as_str()
    }

    fn kids(&self, k: usize) -> &[usize] {
        &self.a.children[k]
    }

    /// The preposition (`case` dependent) of a nominal.
    fn prep_of(&self, k: usize) -> Option<&'a str> {
        let a: &'a Analysis<'b> = self.a;
        a.children[k]
            .iter()
            .find(|&&c| self.rel(c) == "case" && a.s.tokens[c].xpos != "POS")
            .map(|&c| a.words[c].as_str())
    }

    fn subject(&self, v: usize) -> Option<usize> {
        self.kids(v).iter().copied().find(|&c| self.rel(c) == "nsubj")
    }

    fn is_passive_voice(&self, v: usize) -> bool {
        if self.existential == Some(v) {
            return true;
        }
        let t = &self.a.s.tokens[v];
        self.kids(v)
            .iter()
            .any(|&c| matches!(self.full_rel(c), "aux:pass" | "nsubj:pass" | "csubj:pass"))
            || (matches!(self.rel(v), "acl" | "amod")
                && t.xpos == "VBN"
                && self.a.head(v).is_some_and(|h| self.a.nominal[h]))
    }

    fn negated(&self, v: usize) -> bool {
        self.kids(v).iter().any(|&c| {
            matches!(self.a.words[c].as_str(), "NOT" | "N'T")
                && matches!(self.rel(c), "advmod" | "neg" | "dep")
        })
    }

    /// Objects (head words) of a verb: direct and indirect objects, nominal or adverbial
    /// complements, particles.
    fn objects(&self, v: usize) -> Vec<usize> {
        self.kids(v)
            .iter()
            .copied()
            .filter(|&c| {
                c > v
                    && (matches!(self.rel(c), "obj" | "iobj" | "compound" | "advmod")
                        || (self.rel(c) == "xcomp" && !self.a.is_verb(c)))
                    && !(self.rel(c) == "advmod"
                        && matches!(self.a.words[c].as_str(), "NOT" | "N'T"))
            })
            .collect()
    }

    /// Prepositional dependents `(preposition, nominal)` of word `k`.
    fn preps(&self, k: usize) -> Vec<(&'a str, usize)> {
        self.kids(k)
            .iter()
            .copied()
            .filter(|&c| matches!(self.rel(c), "obl" | "nmod") && self.full_rel(c) != "nmod:poss")
            .filter_map(|c| self.prep_of(c).map(|p| (p, c)))
            .collect()
    }

    /// Whether actor `code` is named in a locative phrase ("in Switzerland") below `v`.
    fn locative(&self, v: usize, code: &str) -> bool {
        let (_, hi) = self.a.subtree_bounds(v);
        (v + 1..=hi).any(|k| {
            self.prep_of(k).is_some_and(|p| {
                matches!(p, "IN" | "AT" | "ON" | "NEAR" | "INSIDE" | "ACROSS" | "AROUND")
            }) && self.actors(k).iter().any(|a| a.code == code)
        })
    }

    /// The object that is the subject of an `xcomp` ("wants Putin to attack").
    fn controller(&self, v: usize) -> Option<usize> {
        let x = self.kids(v).iter().copied().find(|&c| self.infinitive_complement(c))?;
        self.kids(v).iter().copied().find(|&c| matches!(self.rel(c), "obj" | "iobj") && c < x)
    }

    /// A subjectless verbal complement: `xcomp`, or an infinitival `advcl` ("asking Obama
    /// to help Iran" parsed as an adverbial clause).
    fn infinitive_complement(&self, c: usize) -> bool {
        self.a.is_verb(c)
            && self.subject(c).is_none()
            && (self.rel(c) == "xcomp"
                || (self.rel(c) == "advcl"
                    && self
                        .kids(c)
                        .iter()
                        .any(|&m| self.rel(m) == "mark" && self.a.words[m] == "TO")))
    }

    /// A clause that is a prepositional phrase in a constituency parse ("especially by
    /// promoting biofuels", "after meeting him"): a subjectless adverbial clause
    /// introduced by a preposition. Such clauses do not carry the verb's event.
    fn prepositional_clause(&self, c: usize) -> bool {
        self.rel(c) == "advcl"
            && self.subject(c).is_none()
            && self.kids(c).iter().any(|&m| {
                matches!(self.rel(m), "mark" | "case")
                    && self.a.s.tokens[m].xpos == "IN"
                    && self.a.words[m] != "THAT"
            })
    }

    // ---- actors -------------------------------------------------------------------

    fn pronoun(&self, k: usize) -> bool {
        let t = &self.a.s.tokens[k];
        t.upos == "PRON"
            || t.xpos == "PRP"
            || (t.upos.is_empty()
                && matches!(
                    self.a.words[k].as_str(),
                    "HE" | "SHE" | "IT" | "THEY" | "HIM" | "THEM"
                ))
    }

    /// The antecedent phrase of a personal or reflexive pronoun: the subject of an enclosing
    /// clause (the pronoun's own clause first only for a reflexive).
    fn antecedent(&self, k: usize) -> Option<usize> {
        let w = self.a.words[k].as_str();
        let reflexive = w.ends_with("SELF") || w.ends_with("SELVES");
        let mut cur = self.a.governing_verb(k)?;
        let mut local = true;
        for _ in 0..MAX_DEPTH {
            if !local || reflexive {
                if let Some(s) = self.subject(cur).filter(|&s| s != k && !self.pronoun(s)) {
                    if let Some(p) = self.a.phrase_of[s].filter(|&p| !self.a.phrases[p].null) {
                        return Some(p);
                    }
                }
            }
            local = false;
            cur = match self.a.head(cur) {
                Some(h) => {
                    self.a.governing_verb(h).or(if self.a.is_verb(h) { Some(h) } else { None })?
                }
                None => break,
            };
            if self.a.is_verb(self.a.head(cur).unwrap_or(cur)) {
                // keep walking up through verbs
            }
        }
        None
    }

    /// The actors of the noun phrase word `k` belongs to (one per conjunct; agents alone
    /// as `---AGT`), pronouns resolved, words a pattern matched left out.
    fn actors(&self, k: usize) -> Vec<CodedActor> {
        self.actors_depth(k, 0)
    }

    fn actors_depth(&self, k: usize, depth: usize) -> Vec<CodedActor> {
        let Some(mut p) = self.a.phrase_of[k] else { return Vec::new() };
        if self.a.phrases[p].null && self.pronoun(k) {
            if let Some(q) = self.antecedent(k) {
                p = q;
            }
        }
        let ph = &self.a.phrases[p];
        let mut out = Vec::with_capacity(ph.codes.len());
        for (c, (ws, span)) in ph.codes.iter().zip(&ph.texts) {
            // Words a pattern matched are not the actor, unless nothing else is.
            let mut code = std::borrow::Cow::Borrowed(c.as_str());
            if ws.iter().any(|&w| self.colored[w]) {
                let keep: Vec<usize> = ws.iter().copied().filter(|&w| !self.colored[w]).collect();
                if !keep.is_empty() {
                    let recoded = self.a.code_phrase(&keep, self.date, self.dicts, self.opts).0;
                    if recoded != "---" {
                        code = std::borrow::Cow::Owned(recoded);
                    }
                }
            }
            let owner = if code.starts_with("---") { self.a.adjacent_owner(p, ws) } else { None };
            // Without an actor of its own, a phrase takes one from a prepositional
            // attachment at any depth ("the mayor of the city of Nablus" → PSE + GOV).
            let nested = if owner.is_none() && code.starts_with("---") && depth < 4 {
                self.nested_actor(ws, p, depth)
            } else {
                Vec::new()
            };
            // The phrase's text, joined only when an actor is kept: the actor holding it.
            let mut text_of: Option<usize> = None;
            let nested: Vec<Option<String>> = nested.into_iter().map(Some).collect();
            let nested: &[Option<String>] = if nested.is_empty() { &[None] } else { &nested };
            for (part, nested) in
                code.split('/').flat_map(|part| nested.iter().map(move |n| (part, n)))
            {
                let role = part.strip_prefix("---");
                let code = match (&owner, nested, role) {
                    (Some(o), _, Some(role)) => format!("{o}{role}"),
                    // The phrase's own agent comes before the attachment's in the text:
                    // it follows the attachment's root ("exiled leaders of Egypt's Muslim
                    // Brotherhood" → EGY + OPP + MUS).
                    (None, Some(n), Some(role)) if !n.contains(role) => {
                        let root = if ["IGO", "NGO", "IMG", "MNC"].iter().any(|r| n.starts_with(r))
                        {
                            6
                        } else {
                            3
                        };
                        let cut = root.min(n.len());
                        format!("{}{role}{}", &n[..cut], &n[cut..])
                    }
                    (None, Some(n), Some(_)) => n.clone(),
                    _ => part.to_string(),
                };
                if code == "---" || code.is_empty() {
                    continue;
                }
                if !out.iter().any(|a: &CodedActor| a.code == code) {
                    // Built for the first actor, copied from it for the next ones.
                    let text = match text_of {
                        Some(i) => {
                            let t: &CodedActor = &out[i];
                            t.text.clone()
                        }
                        None => {
                            let forms = ws.iter().map(|&w| self.a.s.tokens[w].form.len() + 1);
                            let mut t = String::with_capacity(forms.sum());
                            for (i, &w) in ws.iter().enumerate() {
                                if i > 0 {
                                    t.push(' ');
                                }
                                t.push_str(&self.a.s.tokens[w].form);
                            }
                            t
                        }
                    };
                    text_of.get_or_insert(out.len());
                    out.push(CodedActor { code, text, span: *span });
                }
            }
        }
        out
    }

    /// The full actors (each conjunct) of the first prepositional attachment below a
    /// phrase's words that has any.
    fn nested_actor(&self, ws: &[usize], p: usize, depth: usize) -> Vec<String> {
        for &w in ws {
            // A participle's prepositional phrases count too ("a report released in the
            // Rwandan capital").
            let below = self.kids(w).iter().flat_map(|&c| {
                let (inner, own): (&[usize], Option<usize>) =
                    if self.full_rel(c) == "acl" { (self.kids(c), None) } else { (&[], Some(c)) };
                inner.iter().copied().chain(own)
            });
            for c in below {
                if !matches!(self.rel(c), "nmod" | "obl") || self.a.phrase_of[c] == Some(p) {
                    continue;
                }
                let full: Vec<String> = self
                    .actors_depth(c, depth + 1)
                    .into_iter()
                    .filter(|a| !a.code.starts_with("---"))
                    .map(|a| a.code)
                    .collect();
                if !full.is_empty() {
                    return full;
                }
            }
        }
        Vec::new()
    }

    /// Actors of several words: full actors first; agents alone only when no word has one.
    fn actors_of(&self, ks: &[usize]) -> Vec<CodedActor> {
        let mut all: Vec<CodedActor> = match ks {
            // One word's actors already differ in code (taken as they are).
            [k] => self.actors(*k),
            _ => {
                let mut all = Vec::new();
                for &k in ks {
                    for a in self.actors(k) {
                        if !all.iter().any(|b: &CodedActor| b.code == a.code) {
                            all.push(a);
                        }
                    }
                }
                all
            }
        };
        // Full actors when there are any (kept in place, not copied).
        if all.iter().any(|a| !a.code.starts_with("---")) {
            all.retain(|a| !a.code.starts_with("---"));
        }
        all
    }

    // ---- patterns -----------------------------------------------------------------

    /// The word, or its lemma (a pattern's `ASSURANCE` matches "assurances").
    fn word_is(&self, k: usize, w: &str) -> bool {
        self.a.words[k] == w || {
            let l = &self.a.s.tokens[k].lemma;
            !l.is_empty() && l.len() == w.len() && l.eq_ignore_ascii_case(w)
        }
    }

    /// Whether word `k` (or its lemma) is a plural of `w` as [`crate::dict::noun_plurals`]
    /// forms it, compared without building the plural.
    fn plural_is(&self, k: usize, w: &str) -> bool {
        let Some((stem, suffix)) = crate::dict::noun_plural_parts(w) else { return false };
        let l = &self.a.s.tokens[k].lemma;
        let is = |c: &str, fold: bool| {
            c.len() == stem.len() + suffix.len() && {
                let (a, b) = c.as_bytes().split_at(stem.len());
                if fold {
                    a.eq_ignore_ascii_case(stem.as_bytes()) && b.eq_ignore_ascii_case(suffix)
                } else {
                    a == stem.as_bytes() && b == suffix
                }
            }
        };
        is(&self.a.words[k], false) || (!l.is_empty() && is(l, true))
    }

    fn slot_matches(&self, s: &Slot, k: usize) -> bool {
        match s {
            Slot::Word(w) => self.word_is(k, w),
            Slot::Synset(id) => {
                if !self
                    .c2
                    .synset_heads
                    .get(*id as usize)
                    .is_some_and(|h| h.contains(&self.keys[k]))
                {
                    return false;
                }
                let Some(set) = self.dicts.verbs.synsets.get(*id as usize) else { return false };
                set.members.iter().any(|m| match m.as_slice() {
                    [one] => self.word_is(k, one) || self.plural_is(k, one),
                    [rest @ .., last] => {
                        (self.word_is(k, last) || self.plural_is(k, last))
                            && rest
                                .iter()
                                .all(|r| (k.saturating_sub(4)..k).any(|j| self.word_is(j, r)))
                    }
                    [] => false,
                })
            }
            Slot::Source | Slot::Target | Slot::Any => self.a.nominal[k],
        }
    }

    /// Matches a pattern noun against the phrase headed by `k`; returns the words used.
    fn match_noun(&self, n: &NounPat, k: usize, bind: &mut Bind) -> Option<Vec<usize>> {
        if !self.slot_matches(&n.head, k) {
            return None;
        }
        let mut used = vec![k];
        match n.head {
            Slot::Source => bind.0 = Some(k),
            Slot::Target => bind.1 = Some(k),
            _ => {}
        }
        for m in &n.mods {
            let hit = self
                .kids(k)
                .iter()
                .copied()
                .filter(|&c| c < k && !used.contains(&c))
                .find(|&c| self.slot_matches(m, c))?;
            used.push(hit);
        }
        if matches!(n.head, Slot::Source | Slot::Target | Slot::Any) {
            used.clear();
        }
        Some(used)
    }

    /// Matches each noun against some candidate head word (each candidate used once).
    fn match_nouns(
        &self,
        nouns: &[NounPat],
        cands: &[usize],
        bind: &mut Bind,
    ) -> Option<Vec<usize>> {
        let mut used = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        for n in nouns {
            let (k, u) = cands
                .iter()
                .copied()
                .filter(|c| !taken.contains(c))
                .find_map(|c| self.match_noun(n, c, bind).map(|u| (c, u)))?;
            taken.push(k);
            used.extend(u);
        }
        Some(used)
    }

    fn match_preps(
        &self,
        preps: &[PrepPat],
        cands: &[(&str, usize)],
        bind: &mut Bind,
    ) -> Option<Vec<usize>> {
        let mut used = Vec::new();
        for p in preps {
            let hit = cands.iter().find_map(|(w, k)| {
                if *w != p.prep {
                    return None;
                }
                let mut b = *bind;
                let u = self.match_nouns(&p.nouns, &[*k], &mut b).or_else(|| {
                    // Further nouns may sit deeper in the phrase.
                    let (lo, hi) = self.a.subtree_bounds(*k);
                    let inside: Vec<usize> = (lo..=hi).filter(|&j| self.a.nominal[j]).collect();
                    self.match_nouns(&p.nouns, &inside, &mut b)
                })?;
                Some((u, b))
            })?;
            *bind = hit.1;
            used.extend(hit.0);
        }
        Some(used)
    }

    fn match_pattern(
        &self,
        p: &Pattern2,
        subj: &[usize],
        objs: &[usize],
        pcands: &[(&str, usize)],
        pre_preps: &[(&str, usize)],
    ) -> Option<(Vec<usize>, Bind)> {
        let mut bind = (None, None);
        let mut used = self.match_nouns(&p.post, objs, &mut bind)?;
        used.extend(self.match_preps(&p.post_preps, pcands, &mut bind)?);
        used.extend(self.match_nouns(&p.pre, subj, &mut bind)?);
        used.extend(self.match_preps(&p.pre_preps, pre_preps, &mut bind)?);
        Some((used, bind))
    }

    /// The verb's dictionary code and the best pattern match.
    /// `objs` and `preps` are the verb's [`Self::objects`] and [`Self::preps`].
    fn verb_code(
        &self,
        v: usize,
        passive_voice: bool,
        up_tokens: &[usize],
        objs: &[usize],
        preps: &[(&'a str, usize)],
    ) -> Option<VerbCode> {
        if !self.a.is_verb(v) {
            return None;
        }
        let forms = self
            .dicts
            .verbs
            .forms
            .get(&self.a.words[v])
            .or_else(|| self.dicts.verbs.forms.get(&self.a.s.tokens[v].lemma.to_uppercase()))?;
        let (form, vstart, vend) = self.a.pick_forms(v, forms).into_iter().next()?;
        use std::borrow::Cow;
        let (subj, objs_m): (Cow<[usize]>, Cow<[usize]>) = if passive_voice {
            // Before the verb stands the agent; after it, the grammatical subject.
            let agents: Vec<usize> = preps
                .iter()
                .filter(|(p, _)| matches!(*p, "BY" | "FROM"))
                .map(|&(_, k)| k)
                .collect();
            let mut o = up_tokens.to_vec();
            o.extend(objs);
            (Cow::Owned(agents), Cow::Owned(o))
        } else {
            (Cow::Borrowed(up_tokens), Cow::Borrowed(objs))
        };
        let mut found = None;
        // Prepositional phrases: the verb's, or inside a matched object (the same for
        // every pattern, so gathered once).
        let mut pcands: Option<Vec<(&str, usize)>> = None;
        if let Some(pats) = self.c2.patterns.get(form.block as usize) {
            let masks: &[[u64; 4]] = self
                .c2
                .need_masks
                .get(form.block as usize)
                .filter(|m| m.len() == pats.len())
                .map_or(&[], Vec::as_slice);
            let have = self.present_bits;
            // In a large group only the buckets of bytes the sentence has are read (in
            // pattern order, as a pass over every pattern would find them).
            let buckets = self
                .c2
                .need_buckets
                .get(form.block as usize)
                .and_then(|b| b.as_deref())
                .filter(|b| b.len == pats.len());
            let mut cands = super::scratch::indices(0, 0);
            if let Some(bk) = buckets {
                for (w, (&used, &have)) in bk.used.iter().zip(&have).enumerate() {
                    let mut bits = used & have;
                    while bits != 0 {
                        let byte = w * 64 + bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        let (a, b) = (bk.starts[byte] as usize, bk.starts[byte + 1] as usize);
                        cands.extend(bk.items[a..b].iter().map(|&i| i as usize));
                    }
                }
                cands.extend(bk.always.iter().map(|&i| i as usize));
                cands.sort_unstable();
            }
            let every = if buckets.is_some() { 0..0 } else { 0..pats.len() };
            for i in cands.iter().copied().chain(every) {
                let p = &pats[i];
                // The needed words' top bytes first (no pattern read, no branch per word),
                // then the words.
                if masks.get(i).is_some_and(|need| {
                    (need[0] & !have[0])
                        | (need[1] & !have[1])
                        | (need[2] & !have[2])
                        | (need[3] & !have[3])
                        != 0
                }) || !p.needs.iter().all(|w| self.has_key(*w))
                {
                    continue;
                }
                let pc = pcands.get_or_insert_with(|| {
                    let mut v = preps.to_vec();
                    for &o in objs_m.iter() {
                        v.extend(self.preps(o));
                    }
                    v
                });
                if let Some(m) = self.match_pattern(p, &subj, &objs_m, pc, &[]) {
                    found = Some((p, m));
                    break;
                }
            }
            super::scratch::give_indices(cands);
        }
        let (code, pattern, colored, bind) = match &found {
            Some((p, (used, bind))) => {
                (p.code.clone(), Some(p.origin.clone()), used.clone(), *bind)
            }
            None => (form.code.clone(), None, Vec::new(), (None, None)),
        };
        let (a, b) = code.split_once(':').unwrap_or((code.as_str(), ""));
        let (active, passive) = (meaning(a), meaning(b));
        if active == 0 && passive == 0 && found.is_some() && !code.starts_with("---") {
            // An unknown code: nothing to combine with.
            return None;
        }
        Some(VerbCode {
            active,
            passive,
            active_name: (active != 0).then(|| a.trim().to_string()),
            passive_name: (passive != 0).then(|| b.trim().to_string()),
            paired: found.is_some() && active != 0 && passive != 0,
            pattern,
            colored,
            bound_src: bind.0,
            bound_tgt: bind.1,
            vstart,
            vend,
        })
    }

    // ---- meanings -----------------------------------------------------------------

    fn ev(&self, src: Vec<CodedActor>, tgt: Tgt, code: i32, name: Option<String>, base: &Ev) -> Ev {
        Ev { src, tgt, code, name, ..base.clone() }
    }

    /// The events of verb (or clause head) `v`; `inherited` is the subject it shares with
    /// the verb it is coordinated with or controlled by.
    fn meaning(&mut self, v: usize, inherited: Option<&[usize]>, depth: usize) -> Vec<Ev> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let own_subj: Vec<usize> = self.subject(v).into_iter().collect();
        let up_tokens: Vec<usize> = if own_subj.is_empty() {
            inherited.map(<[usize]>::to_vec).unwrap_or_default()
        } else {
            own_subj
        };
        let passive_voice = self.is_passive_voice(v);
        let up_tokens =
            if up_tokens.is_empty() && passive_voice && matches!(self.rel(v), "acl" | "amod") {
                self.a.head(v).into_iter().collect()
            } else {
                up_tokens
            };
        let preps = self.preps(v);
        let objs = self.objects(v);
        let vc = self.verb_code(v, passive_voice, &up_tokens, &objs, &preps);
        for &w in vc.as_ref().map(|c| c.colored.as_slice()).unwrap_or(&[]) {
            self.colored[w] = true;
        }
        // The pattern's source when it bound one (actors are read without side effects).
        let up = match vc.as_ref().and_then(|c| c.bound_src) {
            Some(s) => self.actors(s),
            None => self.actors_of(&up_tokens),
        };
        let (code, name, pass_code, pass_name, paired) = match &vc {
            Some(c) => {
                (c.active, c.active_name.clone(), c.passive, c.passive_name.clone(), c.paired)
            }
            None => (0, None, 0, None, false),
        };
        let (vstart, vend) = vc.as_ref().map(|c| (c.vstart, c.vend)).unwrap_or((v, v));
        let mut cues = Vec::new();
        let neg = self.negated(v);
        self.a.negation(v, v, &mut cues);
        let base = Ev {
            src: Vec::new(),
            tgt: Tgt::None,
            code: 0,
            name: None,
            trigger: self.a.s.tokens[vstart].span.cover(self.a.s.tokens[vend].span),
            passive: passive_voice,
            negated: false,
            pattern: vc.as_ref().and_then(|c| c.pattern.clone()),
            cues,
        };
        let mut events: Vec<Ev> = Vec::new();
        let passive = passive_voice || (code == 0 && pass_code != 0);
        let mut done = false;
        if passive {
            let (c, n) =
                if code != 0 { (code, name.clone()) } else { (pass_code, pass_name.clone()) };
            let src_k: Vec<usize> = preps
                .iter()
                .filter(|(p, _)| matches!(*p, "BY" | "FROM" | "IN"))
                .map(|&(_, k)| k)
                .chain(self.kids(v).iter().copied().filter(|&k| self.full_rel(k) == "obl:agent"))
                // "faces pressure from Congress" ([:100]): the agent inside the object.
                .chain(objs.iter().flat_map(|&o| {
                    self.preps(o)
                        .into_iter()
                        .filter(|(p, _)| matches!(*p, "BY" | "FROM"))
                        .map(|(_, k)| k)
                }))
                .collect();
            let sources = self.actors_of(&src_k);
            let mut targets = up.clone();
            let tk: Vec<usize> = preps
                .iter()
                .filter(|(p, _)| matches!(*p, "AT" | "AGAINST" | "INTO" | "TOWARDS" | "TOWARD"))
                .map(|&(_, k)| k)
                .collect();
            targets.extend(self.actors_of(&tk));
            if !sources.is_empty() || c != 0 {
                if targets.is_empty() {
                    events.push(self.ev(sources, Tgt::Passive, c, n, &base));
                } else {
                    for t in targets {
                        events.push(self.ev(sources.clone(), Tgt::Actor(t), c, n.clone(), &base));
                    }
                }
                done = true;
            }
        }
        if !done {
            let ctl = self.controller(v);
            let obj_k: Vec<usize> = objs.iter().copied().filter(|&o| Some(o) != ctl).collect();
            // Targets: actors among the objects, else among the verb's prepositional
            // phrases; agents alone only when neither has an actor.
            let targets = match vc.as_ref().and_then(|c| c.bound_tgt) {
                Some(t) => self.actors(t),
                None => {
                    let obj = self.actors_of(&obj_k);
                    let pk: Vec<usize> = preps.iter().map(|&(_, k)| k).collect();
                    let pp = self.actors_of(&pk);
                    let full = |v: &[CodedActor]| v.iter().any(|a| !a.code.starts_with("---"));
                    if full(&obj) || (!full(&pp) && !obj.is_empty()) {
                        obj
                    } else {
                        pp
                    }
                }
            };
            let clauses: Vec<usize> = self
                .kids(v)
                .iter()
                .copied()
                .filter(|&c| {
                    c > v
                        && matches!(self.rel(c), "xcomp" | "ccomp" | "advcl")
                        && !self.prepositional_clause(c)
                })
                .collect();
            if !targets.is_empty() {
                for t in targets {
                    if paired && !self.locative(v, &t.code) {
                        // `[043:042]`: the second code runs from the target back (not
                        // from a place: "attend a summit in Switzerland").
                        for u in &up {
                            events.push(self.ev(
                                vec![t.clone()],
                                Tgt::Actor(u.clone()),
                                pass_code,
                                pass_name.clone(),
                                &base,
                            ));
                        }
                    }
                    events.push(self.ev(up.clone(), Tgt::Actor(t), code, name.clone(), &base));
                }
            } else if clauses.is_empty() && (!up.is_empty() || code != 0) {
                events.push(self.ev(up.clone(), Tgt::None, code, name.clone(), &base));
            }
            // Coordinated verbs share the subject.
            let conj: Vec<usize> = self
                .kids(v)
                .iter()
                .copied()
                .filter(|&c| self.rel(c) == "conj" && self.a.is_verb(c))
                .collect();
            for c in conj {
                let inh: Vec<usize> = self.subject(v).into_iter().collect();
                let inh = if inh.is_empty() { up_tokens.clone() } else { inh };
                events.extend(self.meaning(c, Some(&inh), depth + 1));
            }
            if events.is_empty() {
                for c in clauses {
                    let inner_up: Vec<usize> = match ctl {
                        Some(o) if self.infinitive_complement(c) => vec![o],
                        _ => Vec::new(),
                    };
                    let inner = self.meaning(
                        c,
                        if inner_up.is_empty() { None } else { Some(&inner_up) },
                        depth + 1,
                    );
                    for e in inner {
                        if e.tgt.is_empty() && e.code == 0 {
                            continue;
                        }
                        events.extend(self.resolve(&up, code, &name, e));
                    }
                }
            }
        }
        let mut out = Vec::new();
        for e in events {
            out.extend(self.transform(e));
        }
        if trace() {
            eprintln!(
                "TRACE v={} {} code={:?} up={:?} -> {:?}",
                v,
                self.a.words[v],
                vc.as_ref().map(|c| (c.active, c.passive, c.pattern.clone(), c.colored.clone())),
                up.iter().map(|a| a.code.clone()).collect::<Vec<_>>(),
                out.iter()
                    .map(|e| (
                        e.src.iter().map(|a| a.code.clone()).collect::<Vec<_>>(),
                        format!(
                            "{:?}",
                            match &e.tgt {
                                Tgt::Actor(a) => a.code.clone(),
                                Tgt::Event(i) => format!("EV{:x}", i.code),
                                Tgt::None => "-".into(),
                                Tgt::Passive => "P".into(),
                            }
                        ),
                        format!("{:x}", e.code),
                        e.name.clone()
                    ))
                    .collect::<Vec<_>>()
            );
        }
        if neg {
            for e in &mut out {
                e.code -= NEG;
                e.name = None;
                e.negated = true;
            }
        }
        out
    }

    /// A nested event under a verb with subject `up` and meaning `c`.
    fn resolve(&self, up: &[CodedActor], c: i32, name: &Option<String>, e: Ev) -> Vec<Ev> {
        if up.is_empty() && c == 0 {
            return vec![e];
        }
        let combined = combine(c, e.code);
        let cname = if combined == e.code {
            e.name.clone()
        } else if combined == c {
            name.clone()
        } else {
            None
        };
        match &e.tgt {
            Tgt::Passive => {
                if up.is_empty() {
                    vec![Ev { code: combined, name: cname, ..e }]
                } else {
                    up.iter()
                        .map(|u| Ev {
                            tgt: Tgt::Actor(u.clone()),
                            code: combined,
                            name: cname.clone(),
                            ..e.clone()
                        })
                        .collect()
                }
            }
            _ if !e.src.is_empty() => {
                let mut outer = e.clone();
                outer.src = up.to_vec();
                outer.code = c;
                outer.name = name.clone();
                outer.tgt = Tgt::Event(Box::new(e));
                vec![outer]
            }
            _ => vec![Ev { src: up.to_vec(), code: combined, name: cname, ..e }],
        }
    }

    fn code_fits(code: i32, verb: i32) -> bool {
        [0, 0x10, 0x100, 0x1000].iter().any(|&m| {
            let masked = if m == 0 { code } else { code - code.rem_euclid(m) };
            masked == verb
        })
    }

    /// The dictionary's transformations, else the default reading of a nested event.
    fn transform(&self, e: Ev) -> Vec<Ev> {
        let Tgt::Event(inner) = &e.tgt else { return vec![e] };
        // Specific inner verbs before `Q` (any).
        let c2: &'a Cameo2 = self.c2;
        let order: &[(u32, i32, i32)] = if c2.transform_order.len() == c2.transforms.len() {
            &c2.transform_order
        } else {
            self.transforms.get_or_init(|| {
                crate::dict::verbs2::transform_order(&c2.transforms, &self.dicts.verbs.forms)
            })
        };
        for &(ti, outer_meaning, inner_meaning) in order {
            let t: &'a Transform = &c2.transforms[ti as usize];
            if !Self::code_fits(e.code, outer_meaning) {
                continue;
            }
            if t.inner_verb != "Q" && !Self::code_fits(inner.code, inner_meaning) {
                continue;
            }
            if e.src.is_empty() {
                continue;
            }
            let mut vars: Vec<(String, Vec<CodedActor>)> =
                vec![(t.outer_source.clone(), e.src.clone())];
            let bind = |vars: &mut Vec<(String, Vec<CodedActor>)>,
                        var: &str,
                        acts: Vec<CodedActor>|
             -> bool {
                if acts.is_empty() {
                    return var == "_";
                }
                if var == "." {
                    return true;
                }
                if let Some((bv, _)) = vars.iter().find(|(_, a)| same_actors(a, &acts)) {
                    return bv == var;
                }
                if var == "." {
                    return true;
                }
                if var == "_" || vars.iter().any(|(bv, _)| bv == var) {
                    return false;
                }
                vars.push((var.to_string(), acts));
                true
            };
            if !bind(&mut vars, &t.inner_source, inner.src.clone()) {
                continue;
            }
            let itgt = match &inner.tgt {
                Tgt::Actor(a) => vec![a.clone()],
                _ => Vec::new(),
            };
            if !bind(&mut vars, &t.inner_target, itgt) {
                continue;
            }
            let get = |v: &str| vars.iter().find(|(bv, _)| bv == v).map(|(_, a)| a.clone());
            let (Some(src), Some(tgt)) = (get(&t.result_source), get(&t.result_target)) else {
                continue;
            };
            let (code, name) = if t.result_code == "Q" {
                (inner.code, inner.name.clone())
            } else {
                (meaning(&t.result_code), Some(t.result_code.clone()))
            };
            let mut pattern = inner.pattern.clone().or_else(|| e.pattern.clone());
            pattern.get_or_insert_with(|| t.origin.clone());
            return tgt
                .into_iter()
                .map(|tg| Ev {
                    src: src.clone(),
                    tgt: Tgt::Actor(tg),
                    code,
                    name: name.clone(),
                    pattern: pattern.clone(),
                    negated: inner.negated,
                    ..(**inner).clone()
                })
                .collect();
        }
        // "A asks B to help C": an appeal (demand, …) on B for the nested material act.
        if !e.src.is_empty()
            && e.code != 0
            && !inner.src.is_empty()
            && inner.code >= 0
            && inner.code < 0x1000
        {
            let code = combine(e.code, inner.code);
            return inner
                .src
                .iter()
                .map(|s| Ev {
                    src: e.src.clone(),
                    tgt: Tgt::Actor(s.clone()),
                    code,
                    name: None,
                    ..e.clone()
                })
                .collect();
        }
        vec![e]
    }

    /// The clauses coded on their own: the root (an existential's participle), clauses
    /// fronted before it ("X attacked Y, officials said") and other independent clauses.
    /// The participle of "There were N X killed in Y": the subject's modifier, or a clause
    /// of the copula.
    fn existential_participle(&self, r: usize) -> Option<usize> {
        self.subject(r)
            .and_then(|s| {
                self.kids(s).iter().copied().find(|&c| self.rel(c) == "acl" && self.a.is_verb(c))
            })
            .or_else(|| {
                self.kids(r).iter().copied().find(|&c| {
                    matches!(self.rel(c), "csubj" | "ccomp" | "dep")
                        && matches!(self.a.s.tokens[c].xpos.as_str(), "VBN" | "VBD")
                        && c > r
                })
            })
    }

    fn main_clauses(&self) -> Vec<usize> {
        let n = self.a.s.tokens.len();
        let mut out = Vec::new();
        for r in (0..n).filter(|&k| self.a.head(k).is_none() && self.a.s.tokens[k].upos != "PUNCT")
        {
            if self.kids(r).iter().any(|&c| self.rel(c) == "expl") {
                if let Some(p) = self.existential_participle(r) {
                    out.push(p);
                    continue;
                }
            }
            out.push(r);
            for &c in self.kids(r) {
                if (matches!(self.rel(c), "ccomp" | "parataxis") && c < r)
                    || self.rel(c) == "parataxis"
                {
                    out.push(c);
                }
            }
        }
        out
    }

    pub(super) fn code(mut self) -> Vec<CodedEvent> {
        let mut out: Vec<CodedEvent> = Vec::new();
        if trace() {
            eprintln!("TRACE SENT {}", self.a.words.join(" "));
        }
        for v in self.main_clauses() {
            if self.a.head(v).is_some_and(|r| self.kids(r).iter().any(|&c| self.rel(c) == "expl")) {
                self.existential = Some(v);
            }
            for e in self.meaning(v, None, 0) {
                self.emit(&e, &mut out);
            }
        }
        let mut uniq: Vec<CodedEvent> = Vec::with_capacity(out.len());
        for e in out {
            if !uniq.iter().any(|o| {
                o.source.code == e.source.code && o.target.code == e.target.code && o.code == e.code
            }) {
                uniq.push(e);
            }
        }
        uniq
    }

    fn emit(&self, e: &Ev, out: &mut Vec<CodedEvent>) {
        let Some(code) = code_name(e.code, &e.name) else { return };
        let mk = |s: &CodedActor, t: &CodedActor| CodedEvent {
            source: s.clone(),
            target: t.clone(),
            code: code.clone(),
            trigger: e.trigger,
            negated: e.negated,
            passive: e.passive,
            pattern: e.pattern.clone(),
            cues: e.cues.clone(),
        };
        match &e.tgt {
            Tgt::Actor(t) => {
                for s in &e.src {
                    if s.code != t.code {
                        out.push(mk(s, t));
                    }
                }
            }
            Tgt::None if e.src.len() > 1 && matches!(&code[..2], "03" | "04" | "05" | "06") => {
                for s in &e.src {
                    for t in &e.src {
                        if s.code != t.code {
                            out.push(mk(s, t));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::code::{code_sentence, Options};
    use crate::dict::{verbs2, Dictionaries};
    use crate::input::conllu::parse_rows;

    /// A CAMEO.2.0-form dictionary written for these tests.
    fn dicts() -> Dictionaries {
        let mut d = Dictionaries::default();
        d.actors.add_text(
            "OBAMA [USAGOV]\nPUTIN [RUSGOV]\nISRAEL [ISR]\nIRAQ [IRQ]\nRUSSIA [RUS]\nUNITED_STATES [USA]\n+US\nCONGRESS [USALEG]\n",
            "a.txt",
        );
        let verbs = "&PROOF\n+EVIDENCE\n\n####### VERB PATTERNS #######\n\
--- EXPLAIN_VERBAL [010] ---\nSAY {SAYS SAID SAYING}\n\n\
--- DEMAND [100] ---\nWANT [030]\n\n\
--- ASK [020] ---\nASK\n\n\
--- HELP [070] ---\nHELP\n\n\
--- GRANT [060] ---\nPROVIDE\n- * SUPPORT [051]\n- * SUPPORT [060]\n\n\
--- PRESENT [---] ---\nPRESENT\n- * &PROOF [1124]\n\n\
--- MEET_PEOPLE [040] ---\n+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH}\nMEET {MEETS MET MEETING}\n\n\
--- PHYSICAL_CONFLICT [190] ---\nATTACK\n\n\
~ a (b . ATTACK) SAY = a b 112\n~ a (a b Q) SAY = a b Q\n";
        let diags = verbs2::add_text(&mut d.verbs, verbs, "v.txt");
        assert!(diags.is_empty(), "{diags:?}");
        d.actors.finish();
        d.agents.finish();
        d.verbs.finish();
        d
    }

    /// Codes a sentence given as `form head deprel upos xpos` rows.
    fn code(text: &str, rows: &[(&str, u32, &str, &str, &str)]) -> Vec<(String, String, String)> {
        let conllu: String = rows
            .iter()
            .enumerate()
            .map(|(i, (f, h, r, u, x))| {
                format!("{}\t{f}\t{}\t{u}\t{x}\t_\t{h}\t{r}\t_\t_\n", i + 1, f.to_lowercase())
            })
            .collect();
        let (s, _) = parse_rows(&conllu, text, 0).expect("rows");
        let opts = Options { intent: false, clauses: false, ..Options::default() };
        let mut v: Vec<(String, String, String)> = code_sentence(&s, None, &dicts(), &opts)
            .expect("coded")
            .into_iter()
            .map(|e| {
                assert!(e.trigger.slice(text).is_some());
                (e.source.code, e.target.code, e.code)
            })
            .collect();
        v.sort();
        v
    }

    fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn wanting_to_help_is_an_intent_to_aid() {
        let got = code(
            "Obama wants to help Israel",
            &[
                ("Obama", 2, "nsubj", "PROPN", "NNP"),
                ("wants", 0, "root", "VERB", "VBZ"),
                ("to", 4, "mark", "PART", "TO"),
                ("help", 2, "xcomp", "VERB", "VB"),
                ("Israel", 4, "obj", "PROPN", "NNP"),
            ],
        );
        assert_eq!(got, vec![t("USAGOV", "ISR", "033")]);
    }

    #[test]
    fn asking_someone_to_help_is_an_appeal_to_them() {
        let got = code(
            "Congress asks Obama to help Israel",
            &[
                ("Congress", 2, "nsubj", "PROPN", "NNP"),
                ("asks", 0, "root", "VERB", "VBZ"),
                ("Obama", 2, "obj", "PROPN", "NNP"),
                ("to", 5, "mark", "PART", "TO"),
                ("help", 2, "xcomp", "VERB", "VB"),
                ("Israel", 5, "obj", "PROPN", "NNP"),
            ],
        );
        assert_eq!(got, vec![t("USALEG", "USAGOV", "023")]);
    }

    #[test]
    fn saying_one_will_not_cooperate_is_a_rejection() {
        // The later of two identical patterns wins (060, not 051); "he" is Obama; the
        // negated material cooperation is its rejection.
        let got = code(
            "Obama said he would not provide support to Israel",
            &[
                ("Obama", 2, "nsubj", "PROPN", "NNP"),
                ("said", 0, "root", "VERB", "VBD"),
                ("he", 6, "nsubj", "PRON", "PRP"),
                ("would", 6, "aux", "AUX", "MD"),
                ("not", 6, "advmod", "PART", "RB"),
                ("provide", 2, "ccomp", "VERB", "VB"),
                ("support", 6, "obj", "NOUN", "NN"),
                ("to", 9, "case", "ADP", "IN"),
                ("Israel", 6, "obl", "PROPN", "NNP"),
            ],
        );
        assert_eq!(got, vec![t("USAGOV", "ISR", "121")]);
    }

    #[test]
    fn reporting_another_actors_attack_is_an_accusation() {
        let got = code(
            "The US said Iraq attacked Israel",
            &[
                ("The", 2, "det", "DET", "DT"),
                ("US", 3, "nsubj", "PROPN", "NNP"),
                ("said", 0, "root", "VERB", "VBD"),
                ("Iraq", 5, "nsubj", "PROPN", "NNP"),
                ("attacked", 3, "ccomp", "VERB", "VBD"),
                ("Israel", 5, "obj", "PROPN", "NNP"),
            ],
        );
        assert_eq!(got, vec![t("USA", "IRQ", "112")]);
    }

    #[test]
    fn passive_pattern_takes_its_source_from_by() {
        // The pattern noun (`&PROOF`) is matched in the subject and is not itself coded.
        let got = code(
            "Evidence against Russia was presented by the US",
            &[
                ("Evidence", 5, "nsubj:pass", "NOUN", "NN"),
                ("against", 3, "case", "ADP", "IN"),
                ("Russia", 1, "nmod", "PROPN", "NNP"),
                ("was", 5, "aux:pass", "AUX", "VBD"),
                ("presented", 0, "root", "VERB", "VBN"),
                ("by", 8, "case", "ADP", "IN"),
                ("the", 8, "det", "DET", "DT"),
                ("US", 5, "obl:agent", "PROPN", "NNP"),
            ],
        );
        assert_eq!(got, vec![t("USA", "RUS", "1124")]);
    }

    #[test]
    fn compound_subject_meeting_codes_every_pair() {
        let got = code(
            "Obama and Putin met",
            &[
                ("Obama", 4, "nsubj", "PROPN", "NNP"),
                ("and", 3, "cc", "CCONJ", "CC"),
                ("Putin", 1, "conj", "PROPN", "NNP"),
                ("met", 0, "root", "VERB", "VBD"),
            ],
        );
        assert_eq!(got, vec![t("RUSGOV", "USAGOV", "040"), t("USAGOV", "RUSGOV", "040")]);
    }

    #[test]
    fn nested_event_without_a_rule_is_not_coded() {
        // "A said B wants to …" has no transformation: the field drops it.
        let got = code(
            "Obama said Putin asks Israel",
            &[
                ("Obama", 2, "nsubj", "PROPN", "NNP"),
                ("said", 0, "root", "VERB", "VBD"),
                ("Putin", 4, "nsubj", "PROPN", "NNP"),
                ("asks", 2, "ccomp", "VERB", "VBZ"),
                ("Israel", 4, "obj", "PROPN", "NNP"),
            ],
        );
        assert_eq!(got, vec![]);
    }
}
