//! Verb dictionaries in PETRARCH2's CAMEO.2.0 synset form, compiled into the same
//! [`VerbDict`] as the linear patterns.
//!
//! ```text
//! &SYNSET_ / +MEMBER_           word sets
//! --- NAME [CODE] ---           a verb group; member verbs follow, irregular forms in {…}
//! - pre * post (PREP {adj noun}) [CODE] # verb
//! ~ a (a b ATTACK) SAY = a b 015   transformations of nested events
//! ```
//! Each pattern is kept twice: flattened into plain word sequences (the linear matcher's
//! form) and, in [`Cameo2`], with its structure — head nouns of the subject and of the
//! objects, `{modifier … head}` noun phrases and `(PREP noun …)` prepositional phrases —
//! which the dependency coder for this format (`code::petr2`) matches against the tree.
//! `+MEET_WITH` lines inside a verb group are multi-word verbs (`+` marks the inflected
//! word). `A:B` codes mean active:passive here ([`ColonCode::ActivePassive`]).

use super::verbs::{ColonCode, VerbDict};
use super::{lines, Line};
use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};

/// One word position of a structured pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Slot {
    Word(String),
    /// Index into [`VerbDict::synsets`].
    Synset(u32),
    /// `$`: any noun phrase, bound as the source.
    Source,
    /// `+`: any noun phrase, bound as the target.
    Target,
    /// `^`: any noun.
    Any,
}

/// A noun of a pattern: its head and the modifiers written before it in `{…}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NounPat {
    pub head: Slot,
    pub mods: Vec<Slot>,
}

/// `(PREP noun …)`: a prepositional phrase and the nouns it governs (none: any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrepPat {
    pub prep: String,
    pub nouns: Vec<NounPat>,
}

/// A CAMEO.2.0 pattern with its structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern2 {
    /// Nouns and prepositional phrases before the verb (the subject side).
    pub pre: Vec<NounPat>,
    pub pre_preps: Vec<PrepPat>,
    /// After the verb (objects and the verb's prepositional phrases).
    pub post: Vec<NounPat>,
    pub post_preps: Vec<PrepPat>,
    pub code: String,
    pub origin: String,
    /// Keys ([`super::verbs::word_key`]) of the literal words the pattern needs: a
    /// sentence lacking one cannot match.
    #[serde(default)]
    pub needs: Vec<u64>,
}

impl Pattern2 {
    fn literal_keys(&self) -> Vec<u64> {
        let mut v = Vec::new();
        let mut noun = |n: &NounPat| {
            for s in std::iter::once(&n.head).chain(&n.mods) {
                if let Slot::Word(w) = s {
                    v.push(super::verbs::word_key(w));
                }
            }
        };
        for n in self.pre.iter().chain(&self.post) {
            noun(n);
        }
        for p in self.pre_preps.iter().chain(&self.post_preps) {
            for n in &p.nouns {
                noun(n);
            }
        }
        for p in self.pre_preps.iter().chain(&self.post_preps) {
            v.push(super::verbs::word_key(&p.prep));
        }
        v.sort_unstable();
        v.dedup();
        v
    }

    /// How specific the pattern is (more elements match first).
    pub fn weight(&self) -> usize {
        let n = |v: &[NounPat]| v.iter().map(|p| 1 + p.mods.len()).sum::<usize>();
        let p = |v: &[PrepPat]| v.iter().map(|p| 1 + n(&p.nouns)).sum::<usize>();
        n(&self.pre) + n(&self.post) + p(&self.pre_preps) + p(&self.post_preps)
    }
}

/// `~ a (b . ATTACK) SAY = a b 112`: a nested event of verb `inner_verb` (or any, `Q`)
/// reported by verb `outer_verb` becomes one event. Variables: the same letter is the
/// same actor, `.` any actor, `_` none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transform {
    pub outer_source: String,
    pub inner_source: String,
    pub inner_target: String,
    pub inner_verb: String,
    pub outer_verb: String,
    pub result_source: String,
    pub result_target: String,
    /// A CAMEO code, or `Q` for the nested event's own code.
    pub result_code: String,
    pub origin: String,
}

/// The structured side of a CAMEO.2.0 dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cameo2 {
    /// Patterns of each verb group, indexed like [`VerbDict::blocks`].
    pub patterns: Vec<Vec<Pattern2>>,
    pub transforms: Vec<Transform>,
    /// For each synset of [`VerbDict::synsets`], keys of its members' last words and their
    /// plurals (a quick test before a member is compared word by word).
    #[serde(default)]
    pub synset_heads: Vec<rustc_hash::FxHashSet<u64>>,
    /// For each pattern of [`Cameo2::patterns`], its [`Pattern2::needs`] as a 256-bit set
    /// of their top bytes ([`need_mask`]), stored apart so that the patterns a sentence
    /// cannot match are passed over without reading them.
    #[serde(default)]
    pub need_masks: Vec<Vec<[u64; 4]>>,
    /// [`Cameo2::transforms`] in the order they are tried, with the meanings of their outer
    /// and inner verbs ([`transform_order`]); set by [`super::VerbDict::finish`] once every
    /// verb is known (empty before: the coder then works the order out itself).
    #[serde(default)]
    pub transform_order: Vec<(u32, i32, i32)>,
    /// For each verb group with many patterns, its patterns by the top byte of one word
    /// they need ([`NeedBuckets`]); `None` for a small group (every pattern is tried). Not
    /// in the compiled form: after reading it, every group is read pattern by pattern.
    #[serde(skip)]
    pub need_buckets: Vec<Option<Box<NeedBuckets>>>,
}

/// A verb group's patterns grouped by the top byte of their first needed word (see
/// [`need_mask`]): a sentence without a word of that byte can skip the group's bucket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeedBuckets {
    /// Patterns needing no word.
    pub always: Vec<u32>,
    /// Patterns by the top byte `b` of their first needed word:
    /// `items[starts[b]..starts[b + 1]]`, in pattern order.
    pub starts: Vec<u32>,
    pub items: Vec<u32>,
    /// The bytes with a non-empty bucket.
    pub used: [u64; 4],
    /// The number of patterns of the group.
    pub len: usize,
}

/// Groups with at least this many patterns get [`NeedBuckets`].
const BUCKETED: usize = 8;

/// `patterns`' [`NeedBuckets`], or `None` for a small group.
pub fn need_buckets(patterns: &[Pattern2]) -> Option<Box<NeedBuckets>> {
    if patterns.len() < BUCKETED {
        return None;
    }
    let mut b = NeedBuckets { len: patterns.len(), ..Default::default() };
    let mut counts = [0u32; 257];
    for (i, p) in patterns.iter().enumerate() {
        match p.needs.first() {
            None => b.always.push(i as u32),
            Some(&k) => {
                let byte = (k >> 56) as usize;
                counts[byte + 1] += 1;
                b.used[byte >> 6] |= 1 << (byte & 63);
            }
        }
    }
    for byte in 0..256 {
        counts[byte + 1] += counts[byte];
    }
    b.starts = counts.to_vec();
    b.items = vec![0; counts[256] as usize];
    let mut next = counts;
    for (i, p) in patterns.iter().enumerate() {
        if let Some(&k) = p.needs.first() {
            let byte = (k >> 56) as usize;
            b.items[next[byte] as usize] = i as u32;
            next[byte] += 1;
        }
    }
    Some(Box::new(b))
}

/// The transformations' indices in the order tried (specific inner verbs before `Q`, any),
/// with the meanings of their outer and inner verbs as `forms` code them.
pub fn transform_order(
    transforms: &[Transform],
    forms: &rustc_hash::FxHashMap<String, Vec<super::verbs::VerbForm>>,
) -> Vec<(u32, i32, i32)> {
    let verb_meaning = |verb: &str| {
        forms
            .get(verb)
            .and_then(|f| f.first())
            .map(|f| crate::code::ontology::meaning(&f.code))
            .unwrap_or(0)
    };
    let mut order: Vec<(u32, i32, i32)> = transforms
        .iter()
        .enumerate()
        .map(|(i, t)| (i as u32, verb_meaning(&t.outer_verb), verb_meaning(&t.inner_verb)))
        .collect();
    order.sort_by_key(|t| transforms[t.0 as usize].inner_verb == "Q");
    order
}

/// The 256-bit set of the top bytes of `keys`.
pub fn need_mask(keys: impl IntoIterator<Item = u64>) -> [u64; 4] {
    let mut m = [0u64; 4];
    for k in keys {
        let b = (k >> 56) as usize;
        m[b >> 6] |= 1 << (b & 63);
    }
    m
}

/// Nouns and prepositional phrases before the verb, then after it.
type Sides = (Vec<NounPat>, Vec<PrepPat>, Vec<NounPat>, Vec<PrepPat>);

/// Reads a pattern's body (the text between `-` and `[CODE]`) into its structure.
fn parse_pattern(dict: &mut VerbDict, body: &str) -> Option<Sides> {
    let spaced: String = body
        .chars()
        .flat_map(|c| match c {
            '(' | ')' | '{' | '}' | '*' => vec![' ', c, ' '],
            _ => vec![c],
        })
        .collect();
    let toks: Vec<&str> = spaced.split_whitespace().collect();
    let star = toks.iter().position(|t| *t == "*")?;
    let (a, b) = parse_side(dict, &toks[..star])?;
    let (c, d) = parse_side(dict, &toks[star + 1..])?;
    Some((a, b, c, d))
}

fn slot(dict: &mut VerbDict, w: &str) -> Slot {
    match w {
        "$" => Slot::Source,
        "^" => Slot::Any,
        "+" => Slot::Target,
        _ if w.starts_with('&') && w.len() > 1 => Slot::Synset(dict.synset_id(&w[1..])),
        _ => Slot::Word(w.to_uppercase()),
    }
}

/// A noun from words (`DEBT_RELIEF` is a modifier and a head).
fn noun(dict: &mut VerbDict, words: &[&str]) -> Option<NounPat> {
    let parts: Vec<&str> =
        words.iter().flat_map(|w| w.split('_')).filter(|w| !w.is_empty()).collect();
    let (last, mods) = parts.split_last()?;
    Some(NounPat { head: slot(dict, last), mods: mods.iter().map(|m| slot(dict, m)).collect() })
}

fn parse_side(dict: &mut VerbDict, toks: &[&str]) -> Option<(Vec<NounPat>, Vec<PrepPat>)> {
    let mut nouns = Vec::new();
    let mut preps: Vec<PrepPat> = Vec::new();
    let mut in_prep = false;
    let mut k = 0;
    while k < toks.len() {
        match toks[k] {
            "(" => {
                let prep = toks.get(k + 1)?;
                if matches!(*prep, "(" | ")" | "{" | "}") {
                    return None;
                }
                preps.push(PrepPat { prep: prep.to_uppercase(), nouns: Vec::new() });
                in_prep = true;
                k += 2;
            }
            ")" => {
                in_prep = false;
                k += 1;
            }
            "{" => {
                let end = toks[k..].iter().position(|t| *t == "}")? + k;
                let n = noun(dict, &toks[k + 1..end])?;
                if in_prep {
                    preps.last_mut()?.nouns.push(n);
                } else {
                    nouns.push(n);
                }
                k = end + 1;
            }
            "}" => return None,
            w => {
                let n = noun(dict, &[w])?;
                if in_prep {
                    preps.last_mut()?.nouns.push(n);
                } else {
                    nouns.push(n);
                }
                k += 1;
            }
        }
    }
    Some((nouns, preps))
}

/// Reads `a (b . ATTACK) SAY = a b 112` (the text after `~`).
fn parse_transform(t: &str, origin: String) -> Option<Transform> {
    let t = t.replace(['(', ')'], " ");
    let (lhs, rhs) = t.split_once('=')?;
    let l: Vec<&str> = lhs.split_whitespace().collect();
    let r: Vec<&str> = rhs.split_whitespace().collect();
    if l.len() != 5 || r.len() != 3 {
        return None;
    }
    Some(Transform {
        outer_source: l[0].into(),
        inner_source: l[1].into(),
        inner_target: l[2].into(),
        inner_verb: l[3].to_uppercase(),
        outer_verb: l[4].to_uppercase(),
        result_source: r[0].into(),
        result_target: r[1].into(),
        result_code: r[2].to_uppercase(),
        origin,
    })
}

/// True when the text looks like a CAMEO.2.0 file (patterns with `(…)`/`{…}` groups, or
/// `---  NAME   [CODE]  ---` headers with synsets ending in `_`).
pub fn looks_like_cameo2(text: &str) -> bool {
    let mut groups = 0;
    let mut patterns = 0;
    for l in text.lines().take(20_000) {
        let t = l.trim_start();
        if t.starts_with('-') && !t.starts_with("---") {
            patterns += 1;
            if t.contains('(') || t.contains('{') {
                groups += 1;
            }
        }
    }
    patterns > 0 && groups * 10 >= patterns
}

/// Reads one CAMEO.2.0 verb file into `dict`; returns its diagnostics.
pub fn add_text(dict: &mut VerbDict, text: &str, name: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let ls: Vec<Line> = lines(text, name, &mut diags);
    let mut block: Option<u32> = None;
    let mut synset: Option<u32> = None;
    let mut c2 = dict.cameo2.take().map(|b| *b).unwrap_or_default();
    for l in &ls {
        let t = l.text.trim();
        if t.starts_with("---") {
            synset = None;
            let inner = t.trim_start_matches('-').trim_end_matches('-').trim();
            match (inner.find('['), inner.find(']')) {
                (Some(a), Some(b)) if b > a && !inner[..a].trim().is_empty() => {
                    let id = dict.new_block(inner[..a].trim(), inner[a + 1..b].trim());
                    dict.blocks[id as usize].colon = ColonCode::ActivePassive;
                    block = Some(id);
                }
                _ => {
                    diags.push(Diagnostic::at(
                        name,
                        l.no,
                        format!("verb group header without name or [CODE]: `{t}`"),
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
            } else {
                synset = Some(dict.synset_id(sname));
                block = None;
            }
            continue;
        }
        if let Some(tr) = t.strip_prefix('~') {
            match parse_transform(tr, format!("{name}:{}", l.no)) {
                Some(x) => c2.transforms.push(x),
                None => diags.push(Diagnostic::at(
                    name,
                    l.no,
                    format!("transformation not of the form `a (b c VERB) VERB = a b CODE`: `{t}`"),
                )),
            }
            continue;
        }
        if let Some(m) = t.strip_prefix('+') {
            match (synset, block) {
                (Some(s), _) => {
                    dict.add_synset_member(s, m);
                    continue;
                }
                // A multi-word verb of the current group (`+MEET_WITH {+MET_WITH …}`): read
                // below as a verb line, the `+` marking its inflected word.
                (None, Some(_)) => {}
                (None, None) => {
                    diags.push(Diagnostic::at(name, l.no, "`+` member outside a synset"));
                    continue;
                }
            }
        }
        if let Some(p) = t.strip_prefix('-') {
            let Some(b) = block else {
                diags.push(Diagnostic::at(name, l.no, "pattern outside a verb group"));
                continue;
            };
            // The code is the last `[…]` (braces may not contain brackets).
            let (Some(a), Some(z)) = (p.rfind('['), p.rfind(']')) else {
                diags.push(Diagnostic::at(name, l.no, format!("pattern without [CODE]: `{t}`")));
                continue;
            };
            if z < a {
                diags.push(Diagnostic::at(name, l.no, "malformed [CODE]"));
                continue;
            }
            let code = p[a + 1..z].trim();
            let body: String = p[..a]
                .chars()
                .map(|c| if matches!(c, '(' | ')' | '{' | '}') { ' ' } else { c })
                .collect();
            let body = body.replace('*', " * ");
            let Some((pre, post)) = body.split_once(" * ") else {
                diags.push(Diagnostic::at(
                    name,
                    l.no,
                    format!("pattern without the verb marker `*`: `{t}`"),
                ));
                continue;
            };
            if p[..a].matches('(').count() != p[..a].matches(')').count()
                || p[..a].matches('{').count() != p[..a].matches('}').count()
            {
                diags.push(Diagnostic::at(
                    name,
                    l.no,
                    "unbalanced brackets in pattern (read anyway)",
                ));
            }
            dict.add_pattern_sides(b, pre, post, code, format!("{name}:{}", l.no));
            match parse_pattern(dict, &p[..a]) {
                Some((pre, pre_preps, post, post_preps)) => {
                    if c2.patterns.len() <= b as usize {
                        c2.patterns.resize(b as usize + 1, Vec::new());
                    }
                    let mut p2 = Pattern2 {
                        pre,
                        pre_preps,
                        post,
                        post_preps,
                        code: code.to_string(),
                        origin: format!("{name}:{}", l.no),
                        needs: Vec::new(),
                    };
                    p2.needs = p2.literal_keys();
                    c2.patterns[b as usize].push(p2);
                }
                None => diags.push(Diagnostic::at(
                    name,
                    l.no,
                    "pattern structure unreadable (kept for the linear matcher only)",
                )),
            }
            continue;
        }
        let Some(b) = block else {
            diags.push(Diagnostic::at(name, l.no, format!("text outside any block: `{t}`")));
            continue;
        };
        let (phrase, forms) = match (t.find('{'), t.find('}')) {
            (Some(a), Some(z)) if z > a => {
                (t[..a].trim(), t[a + 1..z].split_whitespace().map(str::to_string).collect())
            }
            (None, None) => (t, Vec::new()),
            _ => {
                diags.push(Diagnostic::at(name, l.no, "unbalanced `{}` in verb line"));
                continue;
            }
        };
        let phrase = phrase.split('[').next().unwrap_or("").trim();
        if phrase.is_empty() {
            continue;
        }
        // The verb's own `[CODE]` (after its forms), else the group's.
        let own = t
            .rfind('[')
            .filter(|&a| t.rfind('}').is_none_or(|z| a > z))
            .and_then(|a| t[a + 1..].split(']').next())
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let code = own.map(str::to_string).unwrap_or_else(|| dict.blocks[b as usize].code.clone());
        dict.add_verb(phrase, &forms, b, &code);
    }
    for v in &mut c2.patterns {
        // Most specific first; among equally specific ones the later line wins, as a
        // repeated pattern overrides an earlier one in PETRARCH2's pattern tree.
        v.reverse();
        v.sort_by_key(|p| std::cmp::Reverse(p.weight()));
    }
    c2.need_masks = c2
        .patterns
        .iter()
        .map(|v| v.iter().map(|p| need_mask(p.needs.iter().copied())).collect())
        .collect();
    c2.need_buckets = c2.patterns.iter().map(|v| need_buckets(v)).collect();
    c2.synset_heads = dict
        .synsets
        .iter()
        .map(|set| {
            set.members
                .iter()
                .filter_map(|m| m.last())
                .flat_map(|w| std::iter::once(w.clone()).chain(super::noun_plurals(w)))
                .map(|w| super::verbs::word_key(&w))
                .collect()
        })
        .collect();
    dict.cameo2 = Some(Box::new(c2));
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::verbs::PatElem;

    #[test]
    fn groups_and_brackets() {
        let text = "&MILITARY\n+ARMED_FORCES\n+TROOPS\n---  RUSH   [---]  ---\nRUSH\nSPEED {SPED}\n- * (TO)   [042:043]  # RUSH\n- &MILITARY * (TO BORDER) [154]\n- * {ARMS [072]\n~ a (a b ATTACK) SAY = a b 015\n";
        assert!(looks_like_cameo2(text));
        let mut d = VerbDict::default();
        let diags = add_text(&mut d, text, "c.txt");
        assert_eq!(diags.len(), 2, "{diags:?}");
        d.finish();
        assert!(d.forms.contains_key("SPED"));
        let b = &d.blocks[0];
        assert_eq!(b.colon, ColonCode::ActivePassive);
        let p = b.patterns.iter().find(|p| p.code == "154").expect("pattern");
        assert_eq!(p.lower, vec![PatElem::Word("TO".into()), PatElem::Word("BORDER".into())]);
        assert!(matches!(p.upper[0], PatElem::Synset(_)));
    }

    #[test]
    fn structured_patterns_multiword_verbs_and_transformations() {
        let text = "&TREATY\n+AGREEMENT\n\n####### VERB PATTERNS #######\n--- MEET_PEOPLE [040] ---\n+MEET_WITH {+MET_WITH}\nATTEND [042:043]\nWANT [030]\n- * SUMMIT (IN ^) (ON) [042:043] # ATTEND\n- FORCES * {JOINT &TREATY} (WITH $) [0312]\n~ a (b . ATTACK) SAY = a b 112\n~ broken = rule\n";
        let mut d = VerbDict::default();
        let diags = add_text(&mut d, text, "c.txt");
        assert_eq!(diags.len(), 1, "the broken transformation: {diags:?}");
        d.finish();
        assert_eq!(d.forms["MET"][0].post, vec!["WITH".to_string()]);
        assert_eq!(d.forms["WANT"][0].code, "030");
        assert_eq!(d.forms["ATTENDED"][0].code, "042:043");
        let c2 = d.cameo2.as_deref().expect("structured side");
        assert_eq!(c2.transforms.len(), 1);
        assert_eq!(c2.transforms[0].inner_target, ".");
        let pats = &c2.patterns[0];
        let treaty = pats.iter().find(|p| p.code == "0312").expect("pattern");
        assert_eq!(treaty.pre[0].head, Slot::Word("FORCES".into()));
        assert_eq!(treaty.post[0].mods, vec![Slot::Word("JOINT".into())]);
        assert!(matches!(treaty.post[0].head, Slot::Synset(_)));
        assert_eq!(treaty.post_preps[0].prep, "WITH");
        assert_eq!(treaty.post_preps[0].nouns[0].head, Slot::Source);
        let summit = pats.iter().find(|p| p.code == "042:043").expect("pattern");
        assert_eq!(summit.post_preps.len(), 2);
        assert_eq!(summit.post_preps[0].nouns[0].head, Slot::Any);
        assert!(summit.post_preps[1].nouns.is_empty());
        // The more specific pattern is tried first.
        assert_eq!(pats[0].code, "0312");
    }
}
