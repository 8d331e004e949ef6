//! Verb dictionaries in the TABARI/PETRARCH-1 linear-pattern form.
//!
//! ```text
//! &SYNSET            a named word set; `+WORD`, `+TWO WORDS` or `+&OTHER` members
//! --- NAME [CODE] ---  a verb block with its default code (`---` = none)
//! VERB {FORMS}       the block's verbs; irregular forms in braces; `WIRE_+TAP`: `+` marks
//!                    the inflected word of a multi-word verb; `VERB [CODE]` has its own code
//! - PRE * POST [CODE]  a pattern: words before (`PRE`) and after (`POST`) the verb `*`;
//!                    `$` source, `+` target, `^` skip a noun phrase, `%` compound actor,
//!                    `&SYNSET` any member, `_` or space between words
//! ```
//! A code `A:B` codes two events, A from source to target and B back.

use super::{lines, Line};
use crate::diag::Diagnostic;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PatElem {
    Word(String),
    /// Index into [`VerbDict::synsets`]; `u32::MAX` for an unknown set (never matches).
    Synset(u32),
    /// `$`: the source actor's noun phrase.
    Source,
    /// `+`: the target actor's noun phrase.
    Target,
    /// `^`: skip one noun phrase.
    Skip,
    /// `%`: a compound actor that is both source and target.
    Compound,
}

/// A pattern: elements before the verb (nearest the verb first) and after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    pub upper: Vec<PatElem>,
    pub lower: Vec<PatElem>,
    /// `upper_adj[i]`: element `i` must directly neighbour the previous one (the verb for
    /// `i = 0`), written `_` in the dictionary; a space allows words in between.
    pub upper_adj: Vec<bool>,
    pub lower_adj: Vec<bool>,
    /// Literal words the pattern needs: a sentence lacking one cannot match (a cheap
    /// filter before the full match).
    pub needs: Vec<u64>,
    pub code: String,
    /// Where it was written (`file:line`), for provenance of a coding decision.
    pub origin: String,
}

/// A verb block: default code and patterns shared by its verbs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VerbBlock {
    pub name: String,
    pub code: String,
    pub patterns: Vec<Pattern>,
    /// How an `A:B` code reads: PETRARCH-1 pairs (`A` source→target, `B` back) or, in the
    /// CAMEO.2.0 format, active:passive (`A` in the active voice, `B` in the passive).
    #[serde(default)]
    pub colon: ColonCode,
}

/// The two meanings of `A:B` codes in the field's verb dictionaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ColonCode {
    #[default]
    Paired,
    ActivePassive,
}

/// One inflected form of a dictionary verb, keyed in [`VerbDict`] by its inflected word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbForm {
    /// Words that must come right before the verb, nearest first.
    pub pre: Vec<String>,
    /// Words that must come right after the verb, in order.
    pub post: Vec<String>,
    pub block: u32,
    /// The verb's own code (its line's `[CODE]`), else the block's.
    pub code: String,
}

/// A named word set; members are word sequences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Synset {
    pub name: String,
    pub members: Vec<Vec<String>>,
    /// Nested set names, flattened by [`VerbDict::finish`].
    #[serde(skip)]
    includes: Vec<String>,
}

/// A pattern element before synset names are resolved.
#[derive(Debug, Clone)]
enum RawElem {
    Elem(PatElem),
    Synset(String),
}

#[derive(Debug, Clone)]
struct RawPattern {
    block: u32,
    upper: Vec<RawElem>,
    lower: Vec<RawElem>,
    upper_adj: Vec<bool>,
    lower_adj: Vec<bool>,
    code: String,
    origin: String,
}

/// Compiled verb dictionary.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct VerbDict {
    pub forms: FxHashMap<String, Vec<VerbForm>>,
    pub blocks: Vec<VerbBlock>,
    pub synsets: Vec<Synset>,
    synset_ids: FxHashMap<String, u32>,
    #[serde(skip)]
    raw: Vec<RawPattern>,
    /// The structured patterns and transformations of a CAMEO.2.0 (PETRARCH2) file; when
    /// present the coder reads the verbs with PETRARCH2's semantics ([`super::verbs2`]).
    #[serde(default)]
    pub cameo2: Option<Box<super::verbs2::Cameo2>>,
    /// TABARI's verbs are stems (`RESTOR` codes "restore", "restored", "restoring"): its
    /// verbs by stem, tried on a word no form matches (longest stem first).
    #[serde(default)]
    pub stems: FxHashMap<String, Vec<VerbForm>>,
}

/// Regular inflections of an English verb stem (`RESTORE` → `RESTORES`, `RESTORED`,
/// `RESTORING`; `STOP` → `STOPPED`, `STOPPING` too).
pub fn regular_forms(v: &str) -> Vec<String> {
    let mut out = Vec::new();
    if v.len() < 2 || !v.chars().all(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    let b = v.as_bytes();
    let last = b[b.len() - 1];
    let prev = b[b.len() - 2];
    let vowel = |c: u8| b"AEIOU".contains(&c);
    if last == b'E' {
        out.push(format!("{v}S"));
        out.push(format!("{v}D"));
        if prev == b'E' {
            out.push(format!("{v}ING"));
        } else {
            out.push(format!("{}ING", &v[..v.len() - 1]));
        }
    } else if last == b'Y' && !vowel(prev) {
        let stem = &v[..v.len() - 1];
        out.push(format!("{stem}IES"));
        out.push(format!("{stem}IED"));
        out.push(format!("{v}ING"));
    } else {
        if v.ends_with('S')
            || v.ends_with('X')
            || v.ends_with('Z')
            || v.ends_with("CH")
            || v.ends_with("SH")
        {
            out.push(format!("{v}ES"));
        } else {
            out.push(format!("{v}S"));
        }
        out.push(format!("{v}ED"));
        out.push(format!("{v}ING"));
        let cvc = b.len() >= 3
            && !vowel(last)
            && vowel(prev)
            && !vowel(b[b.len() - 3])
            && !b"WXY".contains(&last);
        if cvc {
            out.push(format!("{v}{}ED", last as char));
            out.push(format!("{v}{}ING", last as char));
        }
    }
    out
}

/// A hash of a word, for quick "does the sentence contain it" checks.
pub fn word_key(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    w.hash(&mut h);
    h.finish()
}

/// Splits on whitespace and `_`, upper-cased; contractions as the tokenizer splits them.
fn split_words(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .flat_map(|w| split_contraction(&w.to_uppercase()))
        .collect()
}

/// A negative contraction written as one word in the field's dictionaries (`DIDN'T`,
/// `WON'T`, `CAN'T`) as tokenizers split it (`DID N'T`, `WO N'T`, `CA N'T`).
pub fn split_contraction(w: &str) -> Vec<String> {
    match w.strip_suffix("N'T") {
        Some(stem) if !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_alphabetic()) => {
            vec![stem.to_string(), "N'T".to_string()]
        }
        _ => vec![w.to_string()],
    }
}

/// The code inside the first `[…]` and the text before it.
fn take_code(s: &str) -> (Option<String>, &str) {
    match (s.find('['), s.find(']')) {
        (Some(a), Some(b)) if b > a => (Some(s[a + 1..b].trim().to_string()), &s[..a]),
        _ => (None, s),
    }
}

impl VerbDict {
    pub(crate) fn synset_id(&mut self, name: &str) -> u32 {
        let name = name.trim_end_matches('_').to_uppercase();
        if let Some(&id) = self.synset_ids.get(&name) {
            return id;
        }
        let id = self.synsets.len() as u32;
        self.synsets.push(Synset { name: name.clone(), ..Synset::default() });
        self.synset_ids.insert(name, id);
        id
    }

    pub(crate) fn add_synset_member(&mut self, id: u32, member: &str) {
        let m = member.trim();
        // `&SET` alone includes a set; `&SET_WORD` (a set inside a sequence) is expanded
        // by [`VerbDict::finish`].
        let alone =
            |n: &str| !n.trim_end_matches('_').contains(|c: char| c == '_' || c.is_whitespace());
        if let Some(nested) = m.strip_prefix('&').filter(|n| alone(n)) {
            self.synsets[id as usize].includes.push(nested.trim_end_matches('_').to_uppercase());
        } else {
            let words = split_words(m);
            if !words.is_empty() {
                self.synsets[id as usize].members.push(words);
            }
        }
    }

    pub(crate) fn new_block(&mut self, name: &str, code: &str) -> u32 {
        self.blocks.push(VerbBlock {
            name: name.to_string(),
            code: code.to_string(),
            patterns: Vec::new(),
            colon: ColonCode::Paired,
        });
        (self.blocks.len() - 1) as u32
    }

    /// Adds a verb (single or multi-word, `+` marking the inflected word) with its forms.
    pub(crate) fn add_verb(
        &mut self,
        phrase: &str,
        explicit_forms: &[String],
        block: u32,
        code: &str,
    ) {
        self.add_verb_forms(phrase, explicit_forms, block, code, true);
    }

    /// As [`VerbDict::add_verb`]; `regular` adds the phrase's regular inflections.
    fn add_verb_forms(
        &mut self,
        phrase: &str,
        explicit_forms: &[String],
        block: u32,
        code: &str,
        regular: bool,
    ) {
        let mut variants: Vec<(String, bool)> = vec![(phrase.to_string(), regular)];
        variants.extend(explicit_forms.iter().map(|f| (f.clone(), false)));
        for (v, regular) in variants {
            let parts: Vec<&str> = v
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect();
            if parts.is_empty() {
                continue;
            }
            let head = parts.iter().position(|p| p.starts_with('+') && p.len() > 1).unwrap_or(0);
            let words: Vec<String> =
                parts.iter().map(|p| p.trim_start_matches('+').to_uppercase()).collect();
            if words[head].is_empty() {
                continue;
            }
            let pre: Vec<String> = words[..head].iter().rev().cloned().collect();
            let post: Vec<String> = words[head + 1..].to_vec();
            let mut inflected = vec![words[head].clone()];
            if regular {
                inflected.extend(regular_forms(&words[head]));
            }
            for w in inflected {
                let form = VerbForm {
                    pre: pre.clone(),
                    post: post.clone(),
                    block,
                    code: code.to_string(),
                };
                let list = self.forms.entry(w).or_default();
                if !list.contains(&form) {
                    list.push(form);
                }
            }
        }
    }

    /// The forms of dictionary verb `w` (upper case): an inflected form, else — for TABARI
    /// dictionaries — the longest stem of at least four letters that `w` begins with.
    pub fn lookup(&self, w: &str) -> Option<&Vec<VerbForm>> {
        if let Some(f) = self.forms.get(w) {
            return Some(f);
        }
        if self.stems.is_empty() || !w.is_ascii() {
            return None;
        }
        (4..w.len()).rev().find_map(|k| self.stems.get(&w[..k]))
    }

    /// A TABARI verb line and its `{ … }` irregular forms. A word written bare is a stem
    /// (`RESTOR` codes any word it begins); a word ending in `_` is a whole word taking the
    /// regular endings (`DEPART_`: departs, departes, departed, departen, departing, not
    /// "departx"); `=` marks a whole word whose last consonant doubles (`BAN=`: bans,
    /// banned, banning, not "baning").
    fn add_tabari_verb(&mut self, phrase: &str, forms: &[String], block: u32, code: &str) {
        let t = phrase.trim();
        if let Some(head) = t
            .strip_suffix('=')
            .filter(|h| h.len() >= 2 && h.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            let h = head.to_uppercase();
            let last = &h[h.len() - 1..];
            let mut all: Vec<String> =
                vec![format!("{h}S"), format!("{h}{last}ED"), format!("{h}{last}ING")];
            all.extend(forms.iter().cloned());
            self.add_verb_forms(&h, &all, block, code, false);
            return;
        }
        let whole = |p: &str| {
            let head = p
                .split_whitespace()
                .find(|w| w.starts_with('+') && w.len() > 1)
                .or_else(|| p.split_whitespace().next())
                .unwrap_or("");
            // `ACT_` and `LEFT_ON` (joined words) are whole words; a trailing `_` on the
            // head or `=` says so.
            let first = head.trim_start_matches('+');
            first.ends_with('_') || first.ends_with('=') || first.contains('_')
        };
        let clean = phrase.replace('=', "");
        let forms: Vec<String> = forms.iter().map(|f| f.replace('=', "")).collect();
        self.add_verb(&clean, &forms, block, code);
        if whole(phrase) {
            let head = clean.trim().trim_end_matches('_');
            if !head.is_empty()
                && !head.contains(|c: char| c == '_' || c.is_whitespace())
                && phrase.trim().ends_with('_')
            {
                let h = head.to_uppercase();
                let extra: Vec<String> =
                    ["S", "ES", "ED", "D", "EN", "ING"].iter().map(|e| format!("{h}{e}")).collect();
                self.add_verb(head, &extra, block, code);
            }
        } else {
            self.add_stem(&clean, block, code);
        }
        for f in &forms {
            if !whole(f) {
                self.add_stem(f, block, code);
            }
        }
    }

    /// Registers the head word of a TABARI verb line as a stem.
    fn add_stem(&mut self, phrase: &str, block: u32, code: &str) {
        let parts: Vec<&str> = phrase
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(head) = parts
            .iter()
            .position(|p| p.starts_with('+') && p.len() > 1)
            .or((!parts.is_empty()).then_some(0))
        else {
            return;
        };
        let words: Vec<String> =
            parts.iter().map(|p| p.trim_start_matches('+').to_uppercase()).collect();
        if words[head].len() < 4 || !words[head].bytes().all(|b| b.is_ascii_alphabetic()) {
            return;
        }
        let form = VerbForm {
            pre: words[..head].iter().rev().cloned().collect(),
            post: words[head + 1..].to_vec(),
            block,
            code: code.to_string(),
        };
        let list = self.stems.entry(words[head].clone()).or_default();
        if !list.contains(&form) {
            list.push(form);
        }
    }

    /// Elements of one side in sentence order, each with "joined to the previous element"
    /// (`_`), and whether the last one is joined to what follows (the verb, for the side
    /// before it).
    fn parse_elems(&mut self, s: &str) -> (Vec<RawElem>, Vec<bool>, bool) {
        let mut elems = Vec::new();
        let mut joined = Vec::new();
        let mut trailing = false;
        for tok in s.split_whitespace() {
            for (k, w) in tok.split('_').enumerate() {
                if w.is_empty() {
                    continue;
                }
                // `WORD~` (TABARI): the word with any ending, which TABARI's matching of a
                // pattern word as a text word's beginning gives.
                let w = w.trim_end_matches('~').to_uppercase();
                if w.is_empty() {
                    continue;
                }
                let parts = split_contraction(&w);
                if parts.len() > 1 && !w.starts_with('&') {
                    for (j, part) in parts.into_iter().enumerate() {
                        elems.push(RawElem::Elem(PatElem::Word(part)));
                        joined.push(k > 0 || j > 0);
                    }
                    continue;
                }
                elems.push(match w.as_str() {
                    "$" => RawElem::Elem(PatElem::Source),
                    "+" => RawElem::Elem(PatElem::Target),
                    "^" => RawElem::Elem(PatElem::Skip),
                    "%" => RawElem::Elem(PatElem::Compound),
                    _ if w.starts_with('&') && w.len() > 1 => RawElem::Synset(w[1..].to_string()),
                    _ => RawElem::Elem(PatElem::Word(w)),
                });
                joined.push(k > 0);
            }
            trailing = tok.ends_with('_');
        }
        (elems, joined, trailing)
    }

    /// Replaces each `{ A | B C | … }` alternation (TABARI's pattern syntax) by a word set
    /// of its alternatives, named `&{n}`; an unclosed `{` is left as written.
    fn alternations(&mut self, side: &str) -> String {
        let mut out = String::with_capacity(side.len());
        let mut rest = side;
        while let Some(a) = rest.find('{') {
            let Some(len) = rest[a..].find('}') else { break };
            out.push_str(&rest[..a]);
            let inner = &rest[a + 1..a + len];
            let name = format!("{{{}}}", self.synsets.len());
            let id = self.synset_id(&name);
            for alt in inner.split('|') {
                self.add_synset_member(
                    id,
                    alt.trim_matches(|c: char| c == '_' || c.is_whitespace()),
                );
            }
            out.push('&');
            out.push_str(&name);
            rest = &rest[a + len + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Adds a pattern given as its two sides (`pre` in sentence order).
    pub(crate) fn add_pattern_sides(
        &mut self,
        block: u32,
        pre: &str,
        post: &str,
        code: &str,
        origin: String,
    ) {
        let (pre, post) = if pre.contains('{') || post.contains('{') {
            (self.alternations(pre), self.alternations(post))
        } else {
            (pre.to_string(), post.to_string())
        };
        let (pre, post) = (pre.as_str(), post.as_str());
        let (mut upper, pre_joined, pre_trailing) = self.parse_elems(pre);
        // Before the verb the match runs outward: element j's neighbour is the one nearer
        // the verb, so adjacency flags shift by one.
        let n = upper.len();
        let upper_adj: Vec<bool> =
            (0..n).map(|j| if j == 0 { pre_trailing } else { pre_joined[n - j] }).collect();
        upper.reverse();
        let (lower, lower_adj, _) = self.parse_elems(post);
        self.raw.push(RawPattern {
            block,
            upper,
            lower,
            upper_adj,
            lower_adj,
            code: code.to_string(),
            origin,
        });
    }

    /// Reads one PETRARCH-1/TABARI verb file; returns its diagnostics.
    pub fn add_text(&mut self, text: &str, name: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        // TABARI's own files have no `--- NAME ---` headers: each verb line with a code
        // opens its block; `<TIME>` shifts are not verbs.
        let tabari = !text.lines().any(|l| l.trim_start().starts_with("---"));
        let cleaned = if tabari { super::blank_sections(text, &["TIME"]) } else { String::new() };
        let text = if tabari { cleaned.as_str() } else { text };
        let ls: Vec<Line> = lines(text, name, &mut diags);
        let mut block: Option<u32> = None;
        let mut synset: Option<u32> = None;
        // The last TABARI verb line (its irregular forms may follow on a line of their own).
        let mut last_verb: Option<(String, u32, String)> = None;
        for l in &ls {
            let t = l.text.trim();
            if t.starts_with("---") {
                synset = None;
                let inner = t.trim_start_matches('-').trim_end_matches('-').trim();
                let (code, head) = take_code(inner);
                let bname = head.trim();
                match code {
                    Some(c) if !bname.is_empty() => block = Some(self.new_block(bname, &c)),
                    _ => {
                        diags.push(Diagnostic::at(
                            name,
                            l.no,
                            format!("verb block header without name or [CODE]: `{t}`"),
                        ));
                        block = None;
                    }
                }
                continue;
            }
            if let Some(s) = t.strip_prefix('&') {
                let sname = s.split_whitespace().next().unwrap_or("");
                if sname.is_empty() {
                    diags.push(Diagnostic::at(name, l.no, "synset without a name"));
                    synset = None;
                } else {
                    synset = Some(self.synset_id(sname));
                    block = None;
                }
                continue;
            }
            if let Some(p) = t.strip_prefix('-') {
                let Some(b) = block else {
                    diags.push(Diagnostic::at(name, l.no, "pattern outside a verb block"));
                    continue;
                };
                let (code, body) = take_code(p);
                let Some(code) = code.filter(|c| !c.is_empty()) else {
                    diags.push(Diagnostic::at(
                        name,
                        l.no,
                        format!("pattern without [CODE]: `{t}`"),
                    ));
                    continue;
                };
                let body = body.replace('*', " * ");
                let Some((pre, post)) = body.split_once(" * ") else {
                    diags.push(Diagnostic::at(
                        name,
                        l.no,
                        format!("pattern without the verb marker `*`: `{t}`"),
                    ));
                    continue;
                };
                self.add_pattern_sides(b, pre, post, &code, format!("{name}:{}", l.no));
                continue;
            }
            if let Some(m) = t.strip_prefix('+') {
                if let Some(s) = synset {
                    self.add_synset_member(s, m);
                    continue;
                }
            }
            // A `{ FORM_ … }` line lists the irregular forms of the TABARI verb line before
            // it (`BREAK_ [1717]` then `{ BROKE_ BROKEN_ }`).
            if tabari && t.starts_with('{') {
                if let (Some((phrase, b, code)), Some(z)) = (&last_verb, t.find('}')) {
                    let forms: Vec<String> =
                        t[1..z].split_whitespace().map(str::to_string).collect();
                    let (phrase, b, code) = (phrase.clone(), *b, code.clone());
                    self.add_tabari_verb(&phrase, &forms, b, &code);
                }
                continue;
            }
            // A verb line of the current block (TABARI files: a coded verb line opens one).
            if tabari && !t.starts_with('+') && t.contains('[') {
                let (code, head) = take_code(t);
                let vname = head.split('{').next().unwrap_or("").trim();
                if let (Some(c), false) = (code, vname.is_empty()) {
                    synset = None;
                    block = Some(self.new_block(vname.trim_end_matches('_'), &c));
                }
            }
            let Some(b) = block else {
                diags.push(Diagnostic::at(name, l.no, format!("text outside any block: `{t}`")));
                continue;
            };
            let (code, rest) = take_code(t);
            let (phrase, forms) = match (rest.find('{'), rest.find('}')) {
                (Some(a), Some(z)) if z > a => (
                    rest[..a].trim(),
                    rest[a + 1..z].split_whitespace().map(str::to_string).collect::<Vec<_>>(),
                ),
                (None, None) => (rest.trim(), Vec::new()),
                _ => {
                    diags.push(Diagnostic::at(name, l.no, "unbalanced `{}` in verb line"));
                    continue;
                }
            };
            if phrase.is_empty() {
                diags.push(Diagnostic::at(name, l.no, "verb line without a verb"));
                continue;
            }
            let code = code.unwrap_or_else(|| self.blocks[b as usize].code.clone());
            if tabari {
                self.add_tabari_verb(phrase, &forms, b, &code);
                last_verb = Some((phrase.to_string(), b, code.clone()));
            } else {
                self.add_verb(phrase, &forms, b, &code);
            }
        }
        diags
    }

    /// Resolves synset names, flattens nested sets and moves patterns into their blocks,
    /// ordered so that longer patterns are tried first. Returns unknown-synset diagnostics.
    pub fn finish(&mut self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        // Flatten nested synsets (bounded depth).
        for _ in 0..4 {
            for i in 0..self.synsets.len() {
                let inc = std::mem::take(&mut self.synsets[i].includes);
                for n in &inc {
                    if let Some(&j) = self.synset_ids.get(n) {
                        let m = self.synsets[j as usize].members.clone();
                        self.synsets[i].members.extend(m);
                        let more = self.synsets[j as usize].includes.clone();
                        self.synsets[i].includes.extend(more);
                    }
                }
            }
        }
        // Members naming a set inside a sequence (TABARI's `+&TIETYPES_MEMOS`): one member
        // per member of that set (bounded).
        for _ in 0..2 {
            for i in 0..self.synsets.len() {
                if !self.synsets[i].members.iter().any(|m| m.iter().any(|w| w.starts_with('&'))) {
                    continue;
                }
                let mut out = Vec::new();
                for m in std::mem::take(&mut self.synsets[i].members) {
                    let Some(k) = m.iter().position(|w| w.starts_with('&')) else {
                        out.push(m);
                        continue;
                    };
                    let name = m[k][1..].to_string();
                    let Some(&j) = self.synset_ids.get(&name).filter(|&&j| j as usize != i) else {
                        continue;
                    };
                    for sub in self.synsets[j as usize].members.iter().take(256) {
                        let mut v = m[..k].to_vec();
                        v.extend(sub.iter().cloned());
                        v.extend(m[k + 1..].iter().cloned());
                        out.push(v);
                    }
                }
                self.synsets[i].members = out;
            }
        }
        for s in &mut self.synsets {
            s.members.retain(|m| !m.iter().any(|w| w.starts_with('&')));
            s.members.sort_by_key(|m| std::cmp::Reverse(m.len()));
            s.members.dedup();
        }
        let raw = std::mem::take(&mut self.raw);
        for r in raw {
            let mut resolve = |v: Vec<RawElem>| -> Vec<PatElem> {
                v.into_iter()
                    .map(|e| match e {
                        RawElem::Elem(p) => p,
                        RawElem::Synset(n) => match self.synset_ids.get(&n) {
                            Some(&id) if !self.synsets[id as usize].members.is_empty() => {
                                PatElem::Synset(id)
                            }
                            _ => {
                                diags.push(Diagnostic::at(
                                    &r.origin,
                                    0,
                                    format!("unknown synset &{n}"),
                                ));
                                PatElem::Synset(u32::MAX)
                            }
                        },
                    })
                    .collect()
            };
            let upper = resolve(r.upper);
            let lower = resolve(r.lower);
            let needs: Vec<u64> = upper
                .iter()
                .chain(&lower)
                .filter_map(|e| match e {
                    PatElem::Word(w) => Some(word_key(w)),
                    _ => None,
                })
                .collect();
            self.blocks[r.block as usize].patterns.push(Pattern {
                upper,
                lower,
                needs,
                upper_adj: r.upper_adj,
                lower_adj: r.lower_adj,
                code: r.code,
                origin: r.origin,
            });
        }
        for b in &mut self.blocks {
            // Longest lower side first, then longest upper side; file order breaks ties.
            b.patterns.sort_by_key(|p| std::cmp::Reverse((p.lower.len(), p.upper.len())));
        }
        if let Some(c2) = self.cameo2.as_deref() {
            let order = super::verbs2::transform_order(&c2.transforms, &self.forms);
            if let Some(c2) = self.cameo2.as_deref_mut() {
                c2.transform_order = order;
            }
        }
        diags
    }

    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "&CURRENCY\n+DOLLARS\n+SWISS FRANCS\n\n--- CONTRIBUTE [070] ---\nCONTRIBUTE\n- * &CURRENCY [903]\n- $ * TO + [071]\n- * NOSTAR [1]\n\n--- BREAK [1717] ---\nBREAK { BROKE BROKEN }\n+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\nWIRE_+TAP [002]\n- * &NOSUCH [5]\n- no star [6]\n";

    #[test]
    fn blocks_forms_patterns() {
        let mut v = VerbDict::default();
        let diags = v.add_text(VERBS, "v.txt");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, 16);
        let fin = v.finish();
        assert_eq!(fin.len(), 1, "unknown synset: {fin:?}");
        assert!(v.forms.contains_key("CONTRIBUTED"));
        assert!(v.forms.contains_key("BROKEN"));
        let down = &v.forms["BROKE"];
        assert!(down.iter().any(|f| f.post == vec!["DOWN".to_string()]));
        let tap = &v.forms["TAPPED"];
        assert_eq!(tap[0].pre, vec!["WIRE".to_string()]);
        assert_eq!(tap[0].code, "002");
        let b = &v.blocks[0];
        assert_eq!(b.patterns[0].upper, vec![PatElem::Source]);
        assert_eq!(b.patterns[0].lower, vec![PatElem::Word("TO".into()), PatElem::Target]);
        assert_eq!(v.synsets[0].members[0], vec!["SWISS".to_string(), "FRANCS".to_string()]);
    }

    #[test]
    fn alternations_become_word_sets() {
        let mut v = VerbDict::default();
        let d = v.add_text(
            "CALL  [---]\n- * FOR { SANCTIONS | BOYCOTT | ARMS_EMBARGO }  [172]\n- * {OPEN [1]\n",
            "v.txt",
        );
        assert!(d.is_empty(), "{d:?}");
        assert!(v.finish().is_empty());
        let b = &v.blocks[0];
        let p = b.patterns.iter().find(|p| p.code == "172").expect("pattern");
        assert_eq!(p.lower[0], PatElem::Word("FOR".into()));
        let PatElem::Synset(id) = p.lower[1] else { panic!("{:?}", p.lower) };
        let members = &v.synsets[id as usize].members;
        assert_eq!(members.len(), 3);
        assert!(members.contains(&vec!["ARMS".to_string(), "EMBARGO".to_string()]));
        // An unclosed brace is read as written.
        assert!(b.patterns.iter().any(|p| p.code == "1"));
    }

    #[test]
    fn contractions_split_as_tokenizers_do() {
        assert_eq!(split_contraction("DIDN'T"), vec!["DID".to_string(), "N'T".to_string()]);
        assert_eq!(split_contraction("WON'T"), vec!["WO".to_string(), "N'T".to_string()]);
        assert_eq!(split_contraction("N'T"), vec!["N'T".to_string()]);
        let mut v = VerbDict::default();
        v.add_text(
            "&NEG\n+DIDN'T\n+WILL_NOT\n--- CLASH [223] ---\nCLASH\n- CAN'T * OVER [1]\n",
            "v",
        );
        assert!(v.finish().is_empty());
        assert!(v.synsets[0].members.contains(&vec!["DID".to_string(), "N'T".to_string()]));
        let p = &v.blocks[0].patterns[0];
        assert_eq!(p.upper, vec![PatElem::Word("N'T".into()), PatElem::Word("CA".into())]);
        assert_eq!(p.upper_adj, vec![false, true]);
    }

    #[test]
    fn tabari_verbs_are_stems() {
        let mut v = VerbDict::default();
        assert!(v
            .add_text("RESTOR  [064] ;pas\nCALL  [---]\n- * FOR  [095]\n", "t.verbs")
            .is_empty());
        v.finish();
        assert_eq!(v.lookup("RESTORE").map(|f| f[0].code.as_str()), Some("064"));
        assert_eq!(v.lookup("RESTORING").map(|f| f[0].code.as_str()), Some("064"));
        assert!(v.lookup("CALLOUS").is_some(), "TABARI's own (shallow) reading");
        assert!(v.lookup("RES").is_none());
        // `_` ends a whole word with the regular endings, `=` a whole word.
        let mut w = VerbDict::default();
        assert!(w
            .add_text("DEPART_ [032]\nBAN= [191]\nACT_ [100]\n{ ACTXD_ ACTUALITY }\n", "t.verbs")
            .is_empty());
        w.finish();
        for ok in [
            "DEPART",
            "DEPARTS",
            "DEPARTES",
            "DEPARTEN",
            "DEPARTING",
            "BAN",
            "ACTXD",
            "ACTUALITYSS",
        ] {
            assert!(w.lookup(ok).is_some(), "{ok}");
        }
        for no in ["DEPARTX", "DEPARTINK", "BANING", "ACTOR"] {
            assert!(w.lookup(no).is_none(), "{no}");
        }
        // PETRARCH files (with block headers) name whole verbs.
        let mut p = VerbDict::default();
        p.add_text("--- RESTORE [064] ---\nRESTOR\n", "p.txt");
        assert!(p.lookup("RESTORE").is_none());
    }

    #[test]
    fn sets_inside_set_members_expand() {
        let mut v = VerbDict::default();
        let t = "<SYNSETS>\n&TYPES\n+MILITARY\n+ECONOMIC\n&PHRASE\n+&TYPES_MEMOS\n+MEMOS_ON_&TYPES\n</SYNSETS>\nWELCOME [041]\n- * &PHRASE [911]\n";
        assert!(v.add_text(t, "t.verbs").is_empty());
        assert!(v.finish().is_empty());
        let id = v.synset_ids["PHRASE"] as usize;
        let m = &v.synsets[id].members;
        assert!(m.contains(&vec!["ECONOMIC".to_string(), "MEMOS".to_string()]));
        assert!(m.contains(&vec!["MEMOS".to_string(), "ON".to_string(), "MILITARY".to_string()]));
        assert_eq!(m.len(), 4);
    }

    #[test]
    fn regular_inflections() {
        let f = regular_forms("RESTORE");
        assert!(f.contains(&"RESTORED".into()) && f.contains(&"RESTORING".into()));
        assert!(regular_forms("STOP").contains(&"STOPPED".into()));
        assert!(regular_forms("DENY").contains(&"DENIES".into()));
    }
}
