//! TABARI/PETRARCH actor and agent dictionaries.
//!
//! Actors: a primary phrase (`WORD_WORD`, a final `_` stops plural forms), optional `+synonym`
//! lines, and codes either on the phrase line or on tab-indented lines, each optionally
//! restricted to a period: `[CODE]`, `[CODE <date]`, `[CODE >date]`, `[CODE d1-d2]`.
//! The code valid on the sentence's date is picked; the first restriction that holds wins,
//! else the unrestricted code.
//!
//! Agents: `PHRASE {PLURAL …} [~CODE]` (`~` first: the code goes after the actor's,
//! `CODE~`: before it), with macro sets `!NAME! = A, B` expanded inside phrases.

use super::{lines, noun_plurals, Line};
use crate::date::{parse_date, DateKey};
use crate::diag::Diagnostic;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A code with the period (inclusive) in which it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<DateKey>,
    pub to: Option<DateKey>,
}

impl DatedCode {
    fn restricted(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn holds(&self, date: DateKey) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// A phrase as a word sequence: `joined[i]` says word `i` must follow word `i-1` directly
/// (`_` in the dictionary); a space allows words in between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    pub words: Vec<String>,
    pub joined: Vec<bool>,
    pub entry: u32,
}

/// Phrases indexed by their first two words when the second must follow the first directly
/// (most phrases), else by their first word; each list longest first.
///
/// Keys are hashes of the words ([`word_hash`], [`pair_key`]), so a lookup hashes each
/// word once and a word that starts no phrase costs one probe (hash collisions are
/// harmless: every candidate is checked word by word).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PhraseIndex {
    by_first: FxHashMap<u64, FirstWord>,
    by_pair: FxHashMap<u64, Vec<Phrase>>,
}

/// The phrases indexed by one first word, and whether any is indexed by a pair from it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct FirstWord {
    phrases: Vec<Phrase>,
    paired: bool,
}

/// A hash of one word, the key of [`PhraseIndex`]'s first-word lists.
pub fn word_hash(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    w.hash(&mut h);
    h.finish()
}

/// A hash of two words, the key of [`PhraseIndex`]'s pair lists.
pub fn pair_key(a: &str, b: &str) -> u64 {
    pair_of(word_hash(a), word_hash(b))
}

fn pair_of(a: u64, b: u64) -> u64 {
    a.rotate_left(29) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl PhraseIndex {
    fn add(&mut self, p: Phrase) {
        if p.words.len() >= 2 && p.joined[1] {
            self.by_first.entry(word_hash(&p.words[0])).or_default().paired = true;
            self.by_pair.entry(pair_key(&p.words[0], &p.words[1])).or_default().push(p);
        } else if let Some(first) = p.words.first() {
            self.by_first.entry(word_hash(first)).or_default().phrases.push(p);
        }
    }

    fn finish(&mut self) {
        for v in self.by_first.values_mut().map(|f| &mut f.phrases).chain(self.by_pair.values_mut())
        {
            // Longest first; among phrases of one length the later entry wins, as a
            // repeated phrase overrides an earlier one in the field's dictionaries.
            v.reverse();
            v.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
            v.dedup_by(|a, b| a.words == b.words && a.joined == b.joined && a.entry == b.entry);
        }
    }

    fn first_hit<'a>(
        cands: &'a [Phrase],
        words: &[&str],
        start: usize,
    ) -> Option<(&'a Phrase, usize)> {
        'cand: for p in cands {
            if p.words[0] != words[start] {
                continue;
            }
            let mut k = start + 1;
            for (i, w) in p.words.iter().enumerate().skip(1) {
                loop {
                    if k >= words.len() {
                        continue 'cand;
                    }
                    if words[k] == w {
                        k += 1;
                        break;
                    }
                    if p.joined[i] {
                        continue 'cand;
                    }
                    k += 1;
                }
            }
            return Some((p, k - start));
        }
        None
    }

    /// The longest phrase starting at `words[start]`, with the number of words it spans.
    pub fn match_at(&self, words: &[&str], start: usize) -> Option<(&Phrase, usize)> {
        let h = word_hash(words[start]);
        let first = self.by_first.get(&h)?;
        let pair = match words.get(start + 1) {
            Some(next) if first.paired => self
                .by_pair
                .get(&pair_of(h, word_hash(next)))
                .and_then(|c| Self::first_hit(c, words, start)),
            _ => None,
        };
        let single = Self::first_hit(&first.phrases, words, start);
        match (pair, single) {
            (Some(a), Some(b)) => Some(if b.0.words.len() > a.0.words.len() { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(|f| &f.phrases).chain(self.by_pair.values()).map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty() && self.by_pair.is_empty()
    }
}

/// Splits a dictionary phrase into words and connectors; a final `_` means "no plural".
fn phrase_words(s: &str) -> (Vec<String>, Vec<bool>, bool) {
    let s = s.trim();
    let stopped = s.ends_with('_');
    let mut words = Vec::new();
    let mut joined = Vec::new();
    let mut cur = String::new();
    let mut next_joined = false;
    for c in s.chars() {
        if c == '_' || c.is_whitespace() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur).to_uppercase());
                joined.push(next_joined);
            }
            next_joined = c == '_';
        } else {
            if cur.is_empty() && words.is_empty() {
                next_joined = false;
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur.to_uppercase());
        joined.push(next_joined);
    }
    if let Some(j) = joined.first_mut() {
        *j = false;
    }
    (words, joined, stopped)
}

/// Adds the phrase and, unless stopped, its plural forms.
fn add_phrase_forms(index: &mut PhraseIndex, phrase: &str, entry: u32, plurals: bool) {
    let (words, joined, stopped) = phrase_words(phrase);
    if words.is_empty() {
        return;
    }
    if plurals && !stopped {
        for pl in noun_plurals(words.last().map(String::as_str).unwrap_or("")) {
            let mut w = words.clone();
            *w.last_mut().expect("non-empty") = pl;
            index.add(Phrase { words: w, joined: joined.clone(), entry });
        }
    }
    // Text tokenizers split a possessive ("People's" -> "People" + "'s") and the coders skip
    // the "'s": the phrase is also indexed as they will see it.
    let bare: Vec<String> = words
        .iter()
        .map(|w| {
            w.strip_suffix("'S")
                .or_else(|| w.strip_suffix("\u{2019}S"))
                .filter(|b| !b.is_empty())
                .unwrap_or(w)
                .to_string()
        })
        .collect();
    if bare != words {
        index.add(Phrase { words: bare, joined: joined.clone(), entry });
    }
    index.add(Phrase { words, joined, entry });
}

/// Parses every `[…]` code block on a line. Returns the codes and the text before the first
/// block.
fn code_blocks(
    s: &str,
    name: &str,
    no: usize,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<DatedCode>, usize) {
    let mut out = Vec::new();
    let first = s.find('[').unwrap_or(s.len());
    let mut rest = &s[first..];
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            diags.push(Diagnostic::at(name, no, "unclosed `[` in code block"));
            break;
        };
        let inner = rest[open + 1..open + close].trim();
        match parse_dated(inner) {
            Ok(Some(dc)) => out.push(dc),
            Ok(None) => {}
            Err(msg) => {
                diags.push(Diagnostic::at(name, no, format!("code block `[{inner}]`: {msg}")))
            }
        }
        rest = &rest[open + close + 1..];
    }
    (out, first)
}

fn parse_dated(inner: &str) -> Result<Option<DatedCode>, String> {
    let mut parts = inner.splitn(2, char::is_whitespace);
    let code = parts.next().unwrap_or("").trim().to_string();
    let restr = parts.next().unwrap_or("").trim();
    if code.is_empty() {
        return Err("empty code".into());
    }
    if code.starts_with(['<', '>'])
        || code.chars().next().is_some_and(|c| c.is_ascii_digit()) && code.len() >= 6
    {
        return Err("restriction without a code".into());
    }
    if restr.is_empty() {
        return Ok(Some(DatedCode { code, from: None, to: None }));
    }
    let restr: String = restr.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(d) = restr.strip_prefix('<') {
        return Ok(Some(DatedCode { code, from: None, to: Some(parse_date(d)?) }));
    }
    if let Some(d) = restr.strip_prefix('>') {
        return Ok(Some(DatedCode { code, from: Some(parse_date(d)?), to: None }));
    }
    if let Some((a, b)) = restr.split_once('-') {
        let (from, to) = (parse_date(a)?, parse_date(b)?);
        if from > to {
            return Err(format!("period {a}-{b} ends before it starts"));
        }
        return Ok(Some(DatedCode { code, from: Some(from), to: Some(to) }));
    }
    Err(format!("unreadable date restriction `{restr}`"))
}

/// One actor: its primary phrase and its (dated) codes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ActorEntry {
    pub primary: String,
    pub codes: Vec<DatedCode>,
}

impl ActorEntry {
    /// The code valid on `date`: the first restriction that holds, else the last
    /// unrestricted code, else `None`.
    pub fn code_on(&self, date: Option<DateKey>) -> Option<&str> {
        if let Some(d) = date {
            if let Some(c) = self.codes.iter().find(|c| c.restricted() && c.holds(d)) {
                return Some(&c.code);
            }
        }
        self.codes.iter().rev().find(|c| !c.restricted()).map(|c| c.code.as_str())
    }
}

/// Compiled actor dictionary.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ActorDict {
    pub entries: Vec<ActorEntry>,
    pub index: PhraseIndex,
}

impl ActorDict {
    /// Reads one actor file into this dictionary; returns its diagnostics.
    pub fn add_text(&mut self, text: &str, name: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        // TABARI actor files may open with word lists for its shallow parser.
        let text = super::blank_sections(text, &["NOUN", "ADJECTIVE", "VERB"]);
        let ls: Vec<Line> = lines(&text, name, &mut diags);
        let mut current: Option<(usize, usize)> = None; // (entry index, line of primary)
        let mut pending: Vec<String> = Vec::new();
        let close = |this: &mut ActorDict,
                     cur: Option<(usize, usize)>,
                     pending: &mut Vec<String>,
                     diags: &mut Vec<Diagnostic>| {
            if let Some((e, line)) = cur {
                if this.entries[e].codes.is_empty() {
                    diags.push(Diagnostic::at(
                        name,
                        line,
                        format!("actor `{}` has no code", this.entries[e].primary),
                    ));
                }
                for p in pending.drain(..) {
                    add_phrase_forms(&mut this.index, &p, e as u32, true);
                }
            }
            pending.clear();
        };
        for l in &ls {
            let starts_indented = l.text.starts_with([' ', '\t']);
            let t = l.text.trim();
            if t.starts_with('[') {
                // A code line for the current actor.
                let (codes, _) = code_blocks(t, name, l.no, &mut diags);
                match current {
                    Some((e, _)) => self.entries[e].codes.extend(codes),
                    None => diags.push(Diagnostic::at(name, l.no, "code line before any actor")),
                }
                continue;
            }
            if let Some(syn) = t.strip_prefix('+') {
                let (codes, first) = code_blocks(syn, name, l.no, &mut diags);
                let phrase = syn[..first].trim();
                match current {
                    Some((e, _)) if !phrase.is_empty() => {
                        pending.push(phrase.to_string());
                        self.entries[e].codes.extend(codes);
                    }
                    Some(_) => diags.push(Diagnostic::at(name, l.no, "empty synonym")),
                    None => diags.push(Diagnostic::at(name, l.no, "synonym before any actor")),
                }
                continue;
            }
            if starts_indented && current.is_some() && !t.contains('[') {
                // Continuation junk such as a stray tab-indented word: report, keep going.
                diags.push(Diagnostic::at(name, l.no, format!("unexpected indented text `{t}`")));
                continue;
            }
            let (codes, first) = code_blocks(t, name, l.no, &mut diags);
            // A phrase line without codes right after another code-less phrase is one more
            // name for the same actor (the Phoenix files list names before their codes).
            if codes.is_empty() {
                if let Some((e, _)) = current {
                    if self.entries[e].codes.is_empty() && !t[..first].trim().is_empty() {
                        pending.push(t[..first].trim().to_string());
                        continue;
                    }
                }
            }
            close(self, current, &mut pending, &mut diags);
            // Tab-separated junk after the phrase (`OSMAN_OLCAY\t_TURKEY_\t[…]`) is kept as
            // words; the phrase is everything before the first code block.
            let phrase = t[..first].trim();
            if phrase.is_empty() {
                diags.push(Diagnostic::at(name, l.no, "line without a phrase"));
                current = None;
                continue;
            }
            let e = self.entries.len();
            self.entries.push(ActorEntry { primary: phrase.to_string(), codes });
            pending.push(phrase.to_string());
            current = Some((e, l.no));
        }
        close(self, current, &mut pending, &mut diags);
        diags
    }

    /// Sorts the index; call once after the last [`ActorDict::add_text`].
    pub fn finish(&mut self) {
        self.index.finish();
    }
}

/// Where an agent code goes relative to the actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgentPlace {
    /// `[~GOV]`: appended (`IRQ` + `GOV`).
    After,
    /// `[NGO~]`: prefixed.
    Before,
}

/// One agent code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentEntry {
    pub primary: String,
    pub code: String,
    pub place: AgentPlace,
}

/// Compiled agent dictionary.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AgentDict {
    pub entries: Vec<AgentEntry>,
    pub index: PhraseIndex,
}

impl AgentDict {
    /// Reads one agent file; returns its diagnostics.
    pub fn add_text(&mut self, text: &str, name: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut macros: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for l in lines(text, name, &mut diags) {
            let t = l.text.trim();
            if t.starts_with('!') {
                if let Some((k, v)) = t.split_once('=') {
                    let vals: Vec<String> = v
                        .split(',')
                        .map(|s| s.trim().to_uppercase())
                        .filter(|s| !s.is_empty())
                        .collect();
                    if vals.is_empty() {
                        diags.push(Diagnostic::at(name, l.no, "macro set without members"));
                    }
                    macros.insert(k.trim().to_uppercase(), vals);
                    continue;
                }
            }
            let Some(open) = t.find('[') else {
                diags.push(Diagnostic::at(name, l.no, format!("agent line without a code: `{t}`")));
                continue;
            };
            let Some(close) = t[open..].find(']') else {
                diags.push(Diagnostic::at(name, l.no, "unclosed `[` in agent code"));
                continue;
            };
            let code_raw: String =
                t[open + 1..open + close].chars().filter(|c| !c.is_whitespace()).collect();
            let (code, place) = if let Some(c) = code_raw.strip_prefix('~') {
                (c.to_string(), AgentPlace::After)
            } else if let Some(c) = code_raw.strip_suffix('~') {
                (c.to_string(), AgentPlace::Before)
            } else {
                diags.push(Diagnostic::at(
                    name,
                    l.no,
                    format!("agent code `{code_raw}` lacks `~`"),
                ));
                continue;
            };
            if code.is_empty() {
                diags.push(Diagnostic::at(name, l.no, "empty agent code"));
                continue;
            }
            let head = &t[..open];
            let (phrase, plurals) = match (head.find('{'), head.find('}')) {
                (Some(a), Some(b)) if b > a => {
                    let pl: Vec<String> =
                        head[a + 1..b].split_whitespace().map(str::to_string).collect();
                    (head[..a].trim().to_string(), Some(pl))
                }
                (Some(_), _) | (None, Some(_)) => {
                    diags.push(Diagnostic::at(name, l.no, "unbalanced `{}` in agent line"));
                    continue;
                }
                _ => (head.trim().to_string(), None),
            };
            if phrase.is_empty() {
                diags.push(Diagnostic::at(name, l.no, "agent line without a phrase"));
                continue;
            }
            let e = self.entries.len() as u32;
            self.entries.push(AgentEntry { primary: phrase.clone(), code, place });
            for p in expand_macros(&phrase, &macros, name, l.no, &mut diags) {
                match &plurals {
                    Some(pl) => {
                        add_phrase_forms(&mut self.index, &p, e, false);
                        for q in pl {
                            add_phrase_forms(&mut self.index, q, e, false);
                        }
                    }
                    // An agent without listed plurals takes the regular one even when
                    // written as a whole word (`GUERRILLA_` codes "guerrillas", as TABARI
                    // and PETRARCH read agents).
                    None => {
                        add_phrase_forms(&mut self.index, &p, e, true);
                        if p.trim_end().ends_with('_') {
                            add_phrase_forms(
                                &mut self.index,
                                p.trim_end().trim_end_matches('_'),
                                e,
                                true,
                            );
                        }
                    }
                }
            }
        }
        diags
    }

    pub fn finish(&mut self) {
        self.index.finish();
    }
}

/// Expands `!NAME!` macro references (one level, every member).
fn expand_macros(
    phrase: &str,
    macros: &FxHashMap<String, Vec<String>>,
    name: &str,
    no: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some(a) = phrase.find('!') else { return vec![phrase.to_string()] };
    let Some(len) = phrase[a + 1..].find('!') else {
        diags.push(Diagnostic::at(name, no, "unclosed `!` macro reference"));
        return vec![];
    };
    let key = phrase[a..a + len + 2].to_uppercase();
    let Some(vals) = macros.get(&key) else {
        diags.push(Diagnostic::at(name, no, format!("unknown macro set {key}")));
        return vec![];
    };
    let (pre, post) = (&phrase[..a], &phrase[a + len + 2..]);
    let mut out = Vec::new();
    for v in vals {
        // `CONGRESS!PERSON!` glues the member to the word; `FOREIGN_!MINST!` keeps the join.
        out.extend(expand_macros(&format!("{pre}{v}{post}"), macros, name, no, diags));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "GOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nARNOR_ [ARN]\nBROKEN [XYZ 20001301]\nROHAN [ROH]\n+ROHANS\nNOCODE\n";

    #[test]
    fn possessive_names_match_as_the_coders_see_them() {
        let mut d = ActorDict::default();
        d.add_text("PEOPLE'S_MOJAHEDIN_ORGANIZATION_OF_IRAN_ [IRNREB]\n", "t");
        d.finish();
        let words = ["PEOPLE", "MOJAHEDIN", "ORGANIZATION", "OF", "IRAN"];
        let (p, len) = d.index.match_at(&words, 0).expect("matched without the 's");
        assert_eq!(len, 5);
        assert_eq!(d.entries[p.entry as usize].code_on(None), Some("IRNREB"));
    }

    #[test]
    fn dated_codes_and_synonyms() {
        let mut d = ActorDict::default();
        let diags = d.add_text(ACTORS, "a.txt");
        d.finish();
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(diags[0].to_string().starts_with("a.txt:7: code block"), "{}", diags[0]);
        assert!(diags[1].to_string().starts_with("a.txt:7: actor `BROKEN`"), "{}", diags[1]);
        assert!(diags[2].to_string().starts_with("a.txt:10:"), "{}", diags[2]);
        let words = ["SMEAGOL"];
        let (p, n) = d.index.match_at(&words, 0).expect("synonym");
        assert_eq!(n, 1);
        let e = &d.entries[p.entry as usize];
        assert_eq!(e.code_on(Some(19940101)), Some("HOB"));
        assert_eq!(e.code_on(Some(19970101)), Some("HOBGOV"));
        assert_eq!(e.code_on(Some(20010101)), Some("HOBREB"));
        assert!(d.index.match_at(&["ARNORS"], 0).is_none(), "stopped with _");
        assert!(d.index.match_at(&["ROHANS"], 0).is_some());
    }

    #[test]
    fn agents_with_macros_and_places() {
        let mut a = AgentDict::default();
        let diags = a.add_text(
            "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nHUMAN_RIGHTS_BODY  [NGO~]\nPOLICE {} [ ~COP]\nBAD LINE\n",
            "g.txt",
        );
        a.finish();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 5);
        let (p, _) = a.index.match_at(&["CONGRESSMEN"], 0).expect("macro");
        assert_eq!(a.entries[p.entry as usize].code, "LEG");
        let (p, _) = a.index.match_at(&["HUMAN", "RIGHTS", "BODIES"], 0).expect("plural");
        assert_eq!(a.entries[p.entry as usize].place, AgentPlace::Before);
        assert!(a.index.match_at(&["POLICES"], 0).is_none(), "{{}} = no plural");
    }
}
