//! Repairs of typical errors of automatic dependency parsers, made on a copy of the sentence
//! before it is coded. Each repair is keyed to a tree shape and to what the dictionaries
//! know about a word (an actor name, a verb) — never to particular words or names:
//!
//! - **a name read as a verb** ("Pyongyang/VERB on Thursday fired …", "Mordor, Rohan,
//!   Fornost/VERB and Bree welcomed …", "Frodo/AUX said"): a capitalised word the actor
//!   dictionary knows and the verb dictionary does not becomes a proper noun, and when the
//!   parser made it the clause's root, the verb hung under it takes its place;
//! - **a role word read as a verb** ("Insurgents/AUX bombarded …"): a capitalised subject
//!   the agent dictionary knows and the verb dictionary does not becomes a common noun;
//! - **a verb read as a noun modifier** ("… on Thursday and promised/amod aid to …"): a
//!   dictionary verb right after a coordinator, modifying a noun coordinated with a name
//!   attached to a verb, is that verb's conjunct with the noun as its object;
//! - **a verb read as a noun** ("Ethiopia departs/NOUN from Libya"): a root noun the verb
//!   dictionary knows, right after a name that is its only pre-modifier, is the verb and the
//!   name its subject;
//! - **a conjunct hung on the far noun** ("Lawmakers in Fornost and Gondor" with Gondor a
//!   conjunct of "Lawmakers"): a proper-noun conjunct of a common noun goes to the
//!   proper-noun attachment written between them;
//! - **a past-tense verb read as an adjective** ("Israeli helicopters and tanks shelled/amod
//!   positions …", "guerrillas/nmod:poss wounded/amod two soldiers"): an `-ed` form the verb
//!   dictionary lists, tagged an adjective of the noun after it, right after a noun phrase no
//!   verb has as its subject, is that phrase's verb with the noun as its object; on the
//!   built-in path (`Options::clauses`, `apply_product`) also such a form tagged a verb
//!   ("supporters of X blocked/VERB/amod roads");
//! - **a past-tense verb read as an adjective with an object** ("Irish guerrillas
//!   wounded/amod two soldiers/obj …"): an `-ed` form the verb dictionary lists, tagged an
//!   adjective of the noun before it yet holding a direct object, is that noun's verb when the
//!   noun stands where a clause does (the root, a reported clause);
//! - **a participle read as a predicate adjective** ("Vietnam is committed/ADJ to opening
//!   …"): an `-ed` form the verb dictionary lists, tagged an adjective with a copula, is a
//!   passive participle (the copula its passive auxiliary, the subject its passive subject);
//! - **a speaker hung inside the reported clause** ("A and B seek a partnership …, US
//!   Deputy Secretary Smith said Wednesday" with the speaker a conjunct of a verb in the
//!   clause and the day the subject): the noun phrase between the last comma and a root verb
//!   that has a clause before it and no subject before it is that verb's subject;
//! - **a possessor hung on a verb** ("demanded that the Democratic People/nmod:poss 's
//!   Republic of Korea forsake …" with "People" under "forsake"): a verb has no possessor;
//!   one written before the verb's subject belongs to that subject;
//! - **an infinitive read as the main verb** ("Greece, like other members, plans/NOUN to
//!   impose/root restrictions"): a root verb marked by "to", whose subject comes before the
//!   word right before that "to", a dictionary verb form the tagger read as a noun: that word
//!   is the clause's verb, with the infinitive as its complement and the subject as its own;
//! - **a quantity's "of" phrase hung on the verb** ("holding thousands/obj of Tamil
//!   refugees/obl", built-in path only, `apply_product`): an `of` oblique right after a
//!   verb's object that is a number noun (hundreds, thousands, dozens …) belongs to that
//!   object;
//! - **a verb read as a noun before its resultative adjective** ("Gunmen on motorbikes
//!   shot/NOUN dead/ADJ a village chief/obj", built-in path only, `apply_product`): a past
//!   form the verb dictionary knows, tagged a noun of the noun before it, right before an
//!   adjective of that noun holding a direct object, is that noun's verb;
//! - **a subordinator read as a preposition** ("… after a hafling was reported", "five
//!   years after crowds burned …"): `after`/`before`/`since`/`until` in front of the subject
//!   of a finite verb marks that verb's clause, which is subordinate;
//! - **a verb read as the head noun of its own subject** ("Kenyan police/compound
//!   shot/NOUN dead/amod two protesters/obj", built-in path only, `apply_product`): a past
//!   form the verb dictionary knows, tagged a noun with a compound before it and an object
//!   after it whose adjective stands right after it, is the verb of that compound;
//! - **a participial adjunct hung on the trailing speaker** ("Missiles struck a block,
//!   killing/advcl→said three people, the governor said", built-in path only,
//!   `apply_product`): an -ing verb after a comma, without a subject of its own, under a verb
//!   of saying that follows with its subject, belongs to the reported clause before it.

use crate::dict::Dictionaries;
use model::AnalyzedSentence;

fn base(r: &str) -> &str {
    match r.find(':') {
        Some(i) => &r[..i],
        None => r,
    }
}

fn head(s: &AnalyzedSentence, i: usize) -> Option<usize> {
    let h = s.tokens[i].head as usize;
    (h >= 1 && h <= s.tokens.len() && h != i + 1).then(|| h - 1)
}

fn children(s: &AnalyzedSentence, h: usize) -> impl Iterator<Item = usize> + '_ {
    (0..s.tokens.len()).filter(move |&k| head(s, k) == Some(h))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The verb dictionary knows the word (its form, or its lemma).
fn verb_word(s: &AnalyzedSentence, i: usize, dicts: &Dictionaries) -> bool {
    let t = &s.tokens[i];
    dicts.verbs.lookup(&t.form.to_uppercase()).is_some()
        || (!t.lemma.is_empty() && dicts.verbs.forms.contains_key(&t.lemma.to_uppercase()))
}

/// A capitalised word the actor dictionary knows (alone) and the verb dictionary does not.
fn name_word(s: &AnalyzedSentence, i: usize, dicts: &Dictionaries) -> bool {
    let t = &s.tokens[i];
    capitalised(&t.form)
        && dicts.actors.index.match_at(&[t.form.to_uppercase().as_str()], 0).is_some()
        && !verb_word(s, i, dicts)
}

fn is_verb_tag(t: &model::Token) -> bool {
    matches!(t.upos.as_str(), "VERB" | "AUX")
}

/// A finite verb: a finite tag, or an auxiliary of its own.
fn finite(s: &AnalyzedSentence, v: usize) -> bool {
    let t = &s.tokens[v];
    let finite_tag = |t: &model::Token| {
        matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD") || t.feats.contains("VerbForm=Fin")
    };
    finite_tag(t)
        || children(s, v).any(|c| base(&s.tokens[c].deprel) == "aux" && finite_tag(&s.tokens[c]))
}

fn set(s: &mut AnalyzedSentence, i: usize, h: Option<usize>, rel: &str) {
    let t = &mut s.tokens[i];
    t.head = h.map_or(0, |h| h as u32 + 1);
    t.deprel.clear();
    t.deprel.push_str(rel);
}

/// Retags word `i` as a verb with Penn tag `xpos` (when the parse has Penn tags).
fn retag_verb(s: &mut AnalyzedSentence, i: usize, xpos: &str) {
    let t = &mut s.tokens[i];
    t.upos.clear();
    t.upos.push_str("VERB");
    if !t.xpos.is_empty() {
        t.xpos.clear();
        t.xpos.push_str(xpos);
    }
}

fn retag_name(s: &mut AnalyzedSentence, i: usize) {
    let t = &mut s.tokens[i];
    t.upos.clear();
    t.upos.push_str("PROPN");
    if !t.xpos.is_empty() {
        t.xpos.clear();
        t.xpos.push_str("NNP");
    }
}

/// A capitalised role word the parser tagged as a verb or auxiliary but made a subject
/// ("Insurgents/AUX bombarded …"): the agent dictionary knows it, the verb dictionary does not.
fn agent_as_verb(s: &AnalyzedSentence, i: usize, dicts: &Dictionaries) -> bool {
    let t = &s.tokens[i];
    is_verb_tag(t)
        && capitalised(&t.form)
        && base(&t.deprel) == "nsubj"
        && dicts.agents.index.match_at(&[t.form.to_uppercase().as_str()], 0).is_some()
        && !verb_word(s, i, dicts)
}

/// Names tagged as verbs or auxiliaries.
fn misread_names(s: &AnalyzedSentence, dicts: &Dictionaries) -> Vec<usize> {
    (0..s.tokens.len()).filter(|&i| is_verb_tag(&s.tokens[i]) && name_word(s, i, dicts)).collect()
}

/// Verbs tagged as amod after a coordinator: (verb, its noun, the coordinator, the verb the
/// noun's first conjunct hangs on).
fn misread_modifier(
    s: &AnalyzedSentence,
    p: usize,
    dicts: &Dictionaries,
) -> Option<(usize, usize, usize, usize)> {
    let t = &s.tokens[p];
    if t.upos != "VERB" || t.deprel != "amod" || p == 0 || !verb_word(s, p, dicts) {
        return None;
    }
    let h = head(s, p).filter(|&h| h > p)?;
    if base(&s.tokens[h].deprel) != "conj"
        || children(s, h).any(|c| matches!(base(&s.tokens[c].deprel), "det"))
    {
        return None;
    }
    // The first conjunct: a name attached to a verb before it; the coordinator on either
    // conjunct (UD v1 hangs it on the first).
    let x = head(s, h)?;
    let cc = p - 1;
    if base(&s.tokens[cc].deprel) != "cc" || !matches!(head(s, cc), Some(c) if c == h || c == x) {
        return None;
    }
    if s.tokens[x].upos != "PROPN" || !matches!(base(&s.tokens[x].deprel), "obl" | "nmod") {
        return None;
    }
    let g = head(s, x).filter(|&g| g < x && s.tokens[g].upos == "VERB")?;
    Some((p, h, cc, g))
}

/// A root noun the verb dictionary knows, right after a name that is its only dependent
/// before it: (noun, name).
fn misread_verb_noun(s: &AnalyzedSentence, r: usize, dicts: &Dictionaries) -> Option<usize> {
    let t = &s.tokens[r];
    if t.upos != "NOUN" || t.deprel != "root" || r == 0 || !verb_word(s, r, dicts) {
        return None;
    }
    let c = r - 1;
    if base(&s.tokens[c].deprel) != "compound" || head(s, c) != Some(r) || !name_word(s, c, dicts) {
        return None;
    }
    // Nothing before the name but a determiner.
    if (0..c).any(|k| s.tokens[k].upos != "DET") {
        return None;
    }
    Some(c)
}

/// A proper-noun conjunct of a common noun with a proper-noun attachment between them:
/// (conjunct, the attachment).
fn misattached_conjunct(s: &AnalyzedSentence, c: usize, dicts: &Dictionaries) -> Option<usize> {
    let t = &s.tokens[c];
    if t.deprel != "conj" || t.upos != "PROPN" {
        return None;
    }
    let h = head(s, c).filter(|&h| h < c && s.tokens[h].upos == "NOUN")?;
    let m = children(s, h)
        .filter(|&m| m > h && m < c && !matches!(base(&s.tokens[m].deprel), "cc" | "punct"))
        .last()?;
    let mt = &s.tokens[m];
    if base(&mt.deprel) != "nmod"
        || mt.deprel == "nmod:poss"
        || !(mt.upos == "PROPN" || name_word(s, m, dicts))
    {
        return None;
    }
    // Only a coordinator and punctuation between the attachment's phrase and the conjunct.
    let end = (m..c).filter(|&k| descends(s, k, m)).max().unwrap_or(m);
    let between_ok =
        (end + 1..c).all(|k| s.tokens[k].upos == "PUNCT" || base(&s.tokens[k].deprel) == "cc");
    between_ok.then_some(m)
}

fn descends(s: &AnalyzedSentence, k: usize, h: usize) -> bool {
    let mut cur = k;
    for _ in 0..=s.tokens.len() {
        if cur == h {
            return true;
        }
        match head(s, cur) {
            Some(p) => cur = p,
            None => return false,
        }
    }
    false
}

/// Subordinators a parser may read as prepositions.
fn subordinator(w: &str) -> bool {
    ["after", "before", "since", "until", "till"].iter().any(|s| w.eq_ignore_ascii_case(s))
}

/// An infinitive made the root under a verb read as a noun: (the infinitive, the verb read as
/// a noun, the infinitive's subject).
fn infinitive_root(
    s: &AnalyzedSentence,
    v: usize,
    dicts: &Dictionaries,
) -> Option<(usize, usize, usize)> {
    let t = &s.tokens[v];
    if t.deprel != "root" || t.upos != "VERB" || v < 3 {
        return None;
    }
    let to = v - 1;
    if !s.tokens[to].form.eq_ignore_ascii_case("to")
        || head(s, to) != Some(v)
        || base(&s.tokens[to].deprel) != "mark"
    {
        return None;
    }
    let g = to - 1;
    let gt = &s.tokens[g];
    if gt.upos != "NOUN" || dicts.verbs.lookup(&gt.form.to_uppercase()).is_none() {
        return None;
    }
    // A finite form: "plans", "vows" (not a bare noun with an infinitive, "a plan to …").
    if !gt.form.ends_with('s') || children(s, g).any(|c| base(&s.tokens[c].deprel) == "det") {
        return None;
    }
    let subj = children(s, v).find(|&c| base(&s.tokens[c].deprel) == "nsubj" && c < g)?;
    Some((v, g, subj))
}

/// The number nouns that head a quantity phrase ("thousands of refugees"): a closed class.
fn number_noun(w: &str) -> bool {
    ["hundreds", "thousands", "millions", "dozens", "scores", "tens"]
        .iter()
        .any(|n| w.eq_ignore_ascii_case(n))
}

/// An `of` phrase the parser hung on a verb right after its object, a number noun ("holding
/// thousands of refugees" with "refugees" an oblique of "holding"): (the phrase, the object).
fn quantity_of(s: &AnalyzedSentence, k: usize) -> Option<(usize, usize)> {
    if base(&s.tokens[k].deprel) != "obl" {
        return None;
    }
    let v = head(s, k)?;
    let o = children(s, v).find(|&c| base(&s.tokens[c].deprel) == "obj" && c < k)?;
    if !number_noun(&s.tokens[o].form) || s.tokens.get(o + 1).is_none() {
        return None;
    }
    let of = o + 1;
    (s.tokens[of].form.eq_ignore_ascii_case("of")
        && head(s, of) == Some(k)
        && (of + 1..k).all(|w| descends(s, w, k)))
    .then_some((k, o))
}

/// A possessor the parser hung on a verb, written before that verb's subject: (the
/// possessor, the subject).
fn possessor_of_verb(s: &AnalyzedSentence, k: usize) -> Option<(usize, usize)> {
    if s.tokens[k].deprel != "nmod:poss" {
        return None;
    }
    let v = head(s, k).filter(|&v| s.tokens[v].upos == "VERB" && v > k)?;
    let subj = children(s, v).find(|&c| base(&s.tokens[c].deprel) == "nsubj" && c > k && c < v)?;
    // Only words of the subject's phrase lie between the possessor and the subject.
    (k + 1..subj).all(|w| w == k || descends(s, w, subj) || descends(s, w, k)).then_some((k, subj))
}

/// `after N V`: (the subordinator, the noun, the verb, a measure phrase the parser made
/// the verb's subject).
fn misread_subordinator(
    s: &AnalyzedSentence,
    p: usize,
) -> Option<(usize, usize, usize, Option<usize>)> {
    let t = &s.tokens[p];
    if t.deprel != "case" || !subordinator(&t.form) {
        return None;
    }
    let n = head(s, p).filter(|&n| n > p)?;
    if !matches!(s.tokens[n].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
        return None;
    }
    // The verb right after the noun's words (its auxiliaries between).
    let end = (n..s.tokens.len()).take_while(|&k| descends(s, k, n)).last().unwrap_or(n);
    let mut v = end + 1;
    while v < s.tokens.len() && base(&s.tokens[v].deprel) == "aux" {
        v += 1;
    }
    if v >= s.tokens.len() || s.tokens[v].upos != "VERB" || !finite(s, v) {
        return None;
    }
    let subj = children(s, v).find(|&c| base(&s.tokens[c].deprel) == "nsubj");
    match subj {
        Some(x) if x == n => Some((p, n, v, None)),
        // "five years after crowds burned": the measure phrase is the subject.
        Some(x)
            if x < p
                && descends(s, n, x)
                && children(s, x).any(|c| base(&s.tokens[c].deprel) == "nummod") =>
        {
            Some((p, n, v, Some(x)))
        }
        Some(_) => None,
        // (The verb must not hang below the noun: re-hanging the noun on it would close a
        // cycle.)
        None if !descends(s, v, n) => Some((p, n, v, None)),
        None => None,
    }
}

/// A past-tense dictionary verb tagged as an adjective between two noun phrases, in a clause
/// with no verb of its own ("Israeli helicopters and tanks shelled/amod positions …",
/// "guerrillas/nmod:poss wounded/amod two soldiers"): (the verb, the subject's head, the
/// object, where the new clause hangs: its head (`None`: the root) and relation).
fn misread_participle(
    s: &AnalyzedSentence,
    p: usize,
    dicts: &Dictionaries,
    verb_tag: bool,
) -> Option<(usize, usize, usize, Option<usize>, &'static str)> {
    let t = &s.tokens[p];
    // (`verb_tag`: the same shape with the word tagged a verb, "supporters of X
    // blocked/VERB/amod roads" — the built-in path's reading only: a participle before a
    // noun is also a plain modifier, "the government's announced asset freezes".)
    if !(t.upos == "ADJ" || (verb_tag && t.upos == "VERB"))
        || t.deprel != "amod"
        || p == 0
        || !t.form.to_ascii_uppercase().ends_with("ED")
        || dicts.verbs.lookup(&t.form.to_uppercase()).is_none()
    {
        return None;
    }
    let o =
        head(s, p).filter(|&o| o > p && matches!(s.tokens[o].upos.as_str(), "NOUN" | "PROPN"))?;
    // The word before, or the head of the name it ends ("… Ahmed Ben Bella/flat blocked").
    let mut b = p - 1;
    while s.tokens[b].deprel == "flat" {
        match head(s, b) {
            Some(h) if h < b => b = h,
            _ => break,
        }
    }
    let before = &s.tokens[b];
    if !matches!(before.upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    // The word before is a noun phrase of its own: not a modifier inside the object's
    // phrase, except a possessor without its "'s" (the parser's reading of "X Y-ed Z").
    let possessor_without_s = before.deprel == "nmod:poss"
        && head(s, b) == Some(o)
        && !children(s, b).any(|c| s.tokens[c].upos == "PART" || s.tokens[c].xpos == "POS");
    // So is a plural noun the parser made a compound of the root noun after the adjective
    // ("Young Algerians/compound blocked/amod roads/root …"): a compound modifier is singular,
    // and the sentence has no verb.
    let plural_compound = before.deprel == "compound"
        && head(s, b) == Some(o)
        && head(s, o).is_none()
        && matches!(before.xpos.as_str(), "NNS" | "NNPS");
    if descends(s, b, o) && !possessor_without_s && !plural_compound {
        return None;
    }
    // Its phrase head (the first conjunct of a coordination).
    let mut subj = b;
    while base(&s.tokens[subj].deprel) == "conj" {
        match head(s, subj) {
            Some(h) if h < subj && matches!(s.tokens[h].upos.as_str(), "NOUN" | "PROPN") => {
                subj = h
            }
            _ => break,
        }
    }
    // The word before may be an attachment inside a larger phrase ("hundreds of thousands of
    // people blocked/amod streets", parsed with "streets" under "hundreds"): that phrase's
    // head stands for the subject.
    let mut whole = subj;
    while base(&s.tokens[whole].deprel) == "nmod" && s.tokens[whole].deprel != "nmod:poss" {
        match head(s, whole) {
            Some(h) if h < whole && matches!(s.tokens[h].upos.as_str(), "NOUN" | "NUM") => {
                whole = h
            }
            _ => break,
        }
    }
    if whole != subj && descends(s, o, whole) && !descends(s, o, subj) {
        subj = whole;
    }
    // No verb has it as its subject already.
    if base(&s.tokens[subj].deprel) == "nsubj" {
        return None;
    }
    // The new clause takes the place of the higher of the two phrases.
    let top = if descends(s, o, subj) {
        subj
    } else if descends(s, subj, o) {
        o
    } else {
        return None;
    };
    match head(s, top) {
        None => Some((p, subj, o, None, "root")),
        Some(h) if s.tokens[h].upos == "VERB" && !descends(s, h, top) => {
            Some((p, subj, o, Some(h), "ccomp"))
        }
        _ => None,
    }
}

/// A dictionary verb's `-ed` form tagged as an adjective of the noun before it but with a
/// direct object of its own ("Irish guerrillas wounded/amod two soldiers/obj …, police
/// said"): an adjective takes no object, so it is the verb of that noun's clause. Returns
/// (the verb, the noun, the noun's head and relation) when the noun heads a clause position
/// (the root or a reported clause) and no verb has it as subject already.
fn adjective_with_object(
    s: &AnalyzedSentence,
    p: usize,
    dicts: &Dictionaries,
) -> Option<(usize, usize, Option<usize>, String)> {
    let t = &s.tokens[p];
    if t.upos != "ADJ"
        || t.deprel != "amod"
        || !t.form.to_ascii_uppercase().ends_with("ED")
        || dicts.verbs.lookup(&t.form.to_uppercase()).is_none()
    {
        return None;
    }
    let n = head(s, p)
        .filter(|&n| n < p && matches!(s.tokens[n].upos.as_str(), "NOUN" | "PROPN" | "PRON"))?;
    if !children(s, p).any(|c| c > p && base(&s.tokens[c].deprel) == "obj") {
        return None;
    }
    let rel = s.tokens[n].deprel.clone();
    let h = head(s, n);
    let clause_position = match h {
        None => true,
        Some(h) => {
            is_verb_tag(&s.tokens[h]) && matches!(base(&rel), "ccomp" | "parataxis" | "conj")
        }
    };
    clause_position.then_some((p, n, h, if h.is_none() { "root".into() } else { rel }))
}

/// A dictionary verb's `-ed` form tagged as an adjective with a copula of its own ("Vietnam
/// is committed/ADJ to opening …"): the copula. Not a state of taking part in something ("the
/// group was involved/engaged/implicated in the massacre"): there the subject is the one who
/// took part, and reading it as a passive would turn it into the target.
fn predicate_participle(s: &AnalyzedSentence, p: usize, dicts: &Dictionaries) -> Option<usize> {
    let t = &s.tokens[p];
    if t.upos != "ADJ"
        || !t.form.to_ascii_uppercase().ends_with("ED")
        || dicts.verbs.lookup(&t.form.to_uppercase()).is_none()
    {
        return None;
    }
    let part_in = children(s, p).any(|o| {
        base(&s.tokens[o].deprel) == "obl"
            && children(s, o).any(|c| {
                s.tokens[c].deprel == "case" && s.tokens[c].form.eq_ignore_ascii_case("in")
            })
    });
    if part_in {
        return None;
    }
    children(s, p).find(|&c| s.tokens[c].deprel == "cop" && s.tokens[c].upos == "AUX")
}

/// A main verb the parser hung as a clausal modifier (`acl`) on a root noun — or on that
/// noun's apposition — right after a comma, in a sentence with no other verb above it ("The
/// main rebel group, the Forces for Defence of Democracy (FDD), insisted/acl on its demands
/// …"): (the verb, the root noun). The verb is a dictionary verb in a past form with no
/// subject or auxiliary of its own.
fn misread_main_verb(s: &AnalyzedSentence, v: usize, dicts: &Dictionaries) -> Option<usize> {
    let t = &s.tokens[v];
    if t.deprel != "acl"
        || t.upos != "VERB"
        || !matches!(t.xpos.as_str(), "VBD" | "VBN")
        || v == 0
        || s.tokens[v - 1].form != ","
        || !verb_word(s, v, dicts)
    {
        return None;
    }
    let h = head(s, v).filter(|&h| h < v)?;
    let r = if s.tokens[h].deprel == "root" {
        h
    } else if base(&s.tokens[h].deprel) == "appos" {
        head(s, h).filter(|&r| r < h && s.tokens[r].deprel == "root")?
    } else {
        return None;
    };
    if !matches!(s.tokens[r].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    // The noun is no predicate ("X is a group, founded in …") and the verb has no subject,
    // auxiliary or marker of its own.
    if children(s, r).any(|c| matches!(base(&s.tokens[c].deprel), "cop" | "nsubj"))
        || children(s, v).any(|c| {
            matches!(base(&s.tokens[c].deprel), "nsubj" | "aux" | "mark" | "obl")
                && (base(&s.tokens[c].deprel) != "obl"
                    || children(s, c).any(|d| s.tokens[d].form.eq_ignore_ascii_case("by")))
        })
    {
        return None;
    }
    Some(r)
}

/// A speaker the parser hung inside the clause reported before it: for a root verb `v` with
/// a clausal complement (or parataxis) before it and no subject before it, the noun phrase
/// written between the comma before `v` and `v`, attached to a word before that comma, is
/// the speaker. Returns (the phrase's top, the verb's subject after it if any: a bare word
/// the parser took for the subject, "said Wednesday").
fn misattached_speaker(s: &AnalyzedSentence, v: usize) -> Option<(usize, Option<usize>)> {
    let t = &s.tokens[v];
    if t.deprel != "root" || t.upos != "VERB" || v < 3 {
        return None;
    }
    let kids: Vec<usize> = children(s, v).collect();
    if !kids.iter().any(|&c| c < v && matches!(base(&s.tokens[c].deprel), "ccomp" | "parataxis"))
        || kids.iter().any(|&c| c < v && base(&s.tokens[c].deprel).starts_with("nsubj"))
    {
        return None;
    }
    if !matches!(s.tokens[v - 1].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    // The phrase: the words after the last comma before the verb.
    let comma = (0..v - 1).rev().find(|&k| s.tokens[k].form == ",")?;
    let words = comma + 1..v;
    if words.clone().any(|k| {
        matches!(s.tokens[k].upos.as_str(), "VERB" | "AUX" | "PUNCT" | "PRON" | "SCONJ" | "CCONJ")
    }) {
        return None;
    }
    // One top, attached before the comma, every other word under it.
    let mut tops = words.clone().filter(|&k| head(s, k).is_none_or(|h| !words.contains(&h)));
    let top = tops.next()?;
    if tops.next().is_some() || !matches!(s.tokens[top].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let h = head(s, top)?;
    if h >= comma || !matches!(base(&s.tokens[top].deprel), "conj" | "appos" | "nmod" | "obl") {
        return None;
    }
    let after = kids.iter().copied().find(|&c| c > v && base(&s.tokens[c].deprel) == "nsubj");
    if let Some(a) = after {
        if children(s, a).next().is_some()
            || s.tokens[a].upos != "PROPN" && s.tokens[a].upos != "NOUN"
        {
            return None;
        }
    }
    Some((top, after))
}

/// Whether any repair applies (cheap enough to run on every sentence).
pub(super) fn needed(s: &AnalyzedSentence, dicts: &Dictionaries) -> bool {
    let n = s.tokens.len();
    (0..n).any(|i| {
        let t = &s.tokens[i];
        (is_verb_tag(t) && capitalised(&t.form) && name_word(s, i, dicts))
            || agent_as_verb(s, i, dicts)
            || (t.deprel == "amod" && misread_modifier(s, i, dicts).is_some())
            || (t.deprel == "amod" && misread_participle(s, i, dicts, false).is_some())
            || (t.deprel == "amod" && adjective_with_object(s, i, dicts).is_some())
            || (t.deprel == "root" && misread_verb_noun(s, i, dicts).is_some())
            || (t.deprel == "acl" && misread_main_verb(s, i, dicts).is_some())
            || (t.deprel == "conj" && misattached_conjunct(s, i, dicts).is_some())
            || (t.deprel == "case" && misread_subordinator(s, i).is_some())
            || (t.upos == "ADJ" && predicate_participle(s, i, dicts).is_some())
            || (t.deprel == "nmod:poss" && possessor_of_verb(s, i).is_some())
            || (t.deprel == "root" && infinitive_root(s, i, dicts).is_some())
            || (t.deprel == "root" && misattached_speaker(s, i).is_some())
    })
}

/// Applies the repairs in place.
pub(super) fn apply(s: &mut AnalyzedSentence, dicts: &Dictionaries) {
    for nm in misread_names(s, dicts) {
        name_as_verb(s, nm);
    }
    for a in 0..s.tokens.len() {
        if agent_as_verb(s, a, dicts) {
            let t = &mut s.tokens[a];
            t.upos.clear();
            t.upos.push_str("NOUN");
            if !t.xpos.is_empty() {
                t.xpos.clear();
                t.xpos.push_str(if t.form.ends_with('s') { "NNS" } else { "NN" });
            }
        }
    }
    for p in 0..s.tokens.len() {
        if let Some((p, h, cc, g)) = misread_modifier(s, p, dicts) {
            set(s, p, Some(g), "conj");
            set(s, cc, Some(p), "cc");
            set(s, h, Some(p), "obj");
            // The main verb's attachments after the noun are the new verb's.
            for k in h + 1..s.tokens.len() {
                if head(s, k) == Some(g) && matches!(base(&s.tokens[k].deprel), "obl" | "nmod") {
                    set(s, k, Some(p), "obl");
                }
            }
        }
    }
    for p in 0..s.tokens.len() {
        if let Some(m) = misread_participle(s, p, dicts, false) {
            participle_as_verb(s, m);
        }
    }
    for p in 0..s.tokens.len() {
        if let Some((p, n, h, rel)) = adjective_with_object(s, p, dicts) {
            retag_verb(s, p, "VBD");
            set(s, p, h, &rel);
            set(s, n, Some(p), "nsubj");
            // The noun's punctuation and attachments after the verb are the verb's.
            for k in p + 1..s.tokens.len() {
                if head(s, k) == Some(n) {
                    let r = match base(&s.tokens[k].deprel) {
                        "punct" => "punct",
                        "nmod" => "obl",
                        _ => continue,
                    };
                    set(s, k, Some(p), r);
                }
            }
        }
    }
    for r in 0..s.tokens.len() {
        if let Some(c) = misread_verb_noun(s, r, dicts) {
            retag_verb(s, r, "VB");
            set(s, c, Some(r), "nsubj");
            for k in r + 1..s.tokens.len() {
                if head(s, k) == Some(r) && base(&s.tokens[k].deprel) == "nmod" {
                    let rel = if s.tokens[k].deprel == "nmod:tmod" { "obl:tmod" } else { "obl" };
                    set(s, k, Some(r), rel);
                }
            }
        }
    }
    for v in 0..s.tokens.len() {
        if let Some(r) = misread_main_verb(s, v, dicts) {
            set(s, v, None, "root");
            set(s, r, Some(v), "nsubj");
            // The root's own attachments after the verb are the verb's.
            for k in v + 1..s.tokens.len() {
                if head(s, k) == Some(r) && base(&s.tokens[k].deprel) == "punct" {
                    set(s, k, Some(v), "punct");
                }
            }
            let t = &mut s.tokens[v];
            if t.xpos == "VBN" {
                t.xpos.clear();
                t.xpos.push_str("VBD");
            }
        }
    }
    for c in 0..s.tokens.len() {
        if let Some(m) = misattached_conjunct(s, c, dicts) {
            let h = head(s, c);
            for k in m + 1..c {
                if head(s, k) == h && matches!(base(&s.tokens[k].deprel), "cc" | "punct") {
                    set(
                        s,
                        k,
                        Some(c),
                        if base(&s.tokens[k].deprel) == "cc" { "cc" } else { "punct" },
                    );
                }
            }
            set(s, c, Some(m), "conj");
        }
    }
    for v in 0..s.tokens.len() {
        if let Some((v, g, subj)) = infinitive_root(s, v, dicts) {
            retag_verb(s, g, "VBZ");
            set(s, g, None, "root");
            set(s, v, Some(g), "xcomp");
            set(s, subj, Some(g), "nsubj");
            // The sentence's final punctuation goes with the new root.
            for k in v + 1..s.tokens.len() {
                if head(s, k) == Some(v) && s.tokens[k].upos == "PUNCT" {
                    set(s, k, Some(g), "punct");
                }
            }
        }
    }
    for k in 0..s.tokens.len() {
        if let Some((k, subj)) = possessor_of_verb(s, k) {
            set(s, k, Some(subj), "nmod:poss");
        }
    }
    for p in 0..s.tokens.len() {
        if let Some(cop) = predicate_participle(s, p, dicts) {
            retag_verb(s, p, "VBN");
            set(s, cop, Some(p), "aux:pass");
            for k in 0..s.tokens.len() {
                if head(s, k) == Some(p) && s.tokens[k].deprel == "nsubj" {
                    set(s, k, Some(p), "nsubj:pass");
                }
            }
        }
    }
    for v in 0..s.tokens.len() {
        if let Some((top, after)) = misattached_speaker(s, v) {
            set(s, top, Some(v), "nsubj");
            if let Some(a) = after {
                set(s, a, Some(v), "obl:tmod");
            }
        }
    }
    for p in 0..s.tokens.len() {
        if let Some((p, n, v, measure)) = misread_subordinator(s, p) {
            if let Some(x) = measure {
                set(s, x, Some(v), "obl:npmod");
            }
            let subj = if children(s, v).any(|c| s.tokens[c].deprel == "aux:pass") {
                "nsubj:pass"
            } else {
                "nsubj"
            };
            set(s, n, Some(v), subj);
            set(s, p, Some(v), "mark");
            if matches!(base(&s.tokens[v].deprel), "parataxis" | "conj" | "ccomp" | "acl") {
                let h = head(s, v);
                set(s, v, h, "advcl");
            }
        }
    }
}

/// (Built-in path.) Whether a product-only repair applies: a past participle tagged a verb
/// but hung as a modifier between two noun phrases ([`misread_participle`]), a quantity's
/// "of" phrase hung on the verb ([`quantity_of`]).
pub(super) fn needed_product(s: &AnalyzedSentence, dicts: &Dictionaries) -> bool {
    (0..s.tokens.len()).any(|i| {
        (s.tokens[i].deprel == "amod"
            && s.tokens[i].upos == "VERB"
            && misread_participle(s, i, dicts, true).is_some())
            || quantity_of(s, i).is_some()
            || verb_before_predicate(s, i, dicts).is_some()
            || adjunct_under_speaker(s, i).is_some()
            || resultative_noun_head(s, i, dicts).is_some()
    })
}

/// (Built-in path.) **A verb read as a noun before its resultative adjective** ("Gunmen on
/// motorbikes shot/NOUN dead/ADJ a village chief/obj …"): a past form the verb dictionary
/// knows, tagged a noun and hung on the noun before it, right before an adjective that
/// holds a direct object (an adjective takes none) and modifies that same noun: the word is
/// that noun's verb, the adjective its predicate, the object its own.
/// Returns (verb, adjective, subject).
fn verb_before_predicate(
    s: &AnalyzedSentence,
    p: usize,
    dicts: &Dictionaries,
) -> Option<(usize, usize, usize)> {
    let t = &s.tokens[p];
    if t.upos != "NOUN" || !verb_word(s, p, dicts) || p + 1 >= s.tokens.len() {
        return None;
    }
    let a = p + 1;
    if s.tokens[a].upos != "ADJ" || !children(s, a).any(|c| base(&s.tokens[c].deprel) == "obj") {
        return None;
    }
    let subj = head(s, p).filter(|&h| h < p && head(s, a) == Some(h))?;
    matches!(s.tokens[subj].upos.as_str(), "NOUN" | "PROPN").then_some((p, a, subj))
}

/// Makes the word found by [`verb_before_predicate`] its subject's verb.
fn noun_as_verb(s: &mut AnalyzedSentence, (p, a, subj): (usize, usize, usize)) {
    let (sh, srel) = (head(s, subj), s.tokens[subj].deprel.clone());
    retag_verb(s, p, "VBD");
    // The verb's words before it ("on motorbikes") are an attachment of the subject.
    let before: Vec<usize> = children(s, p).filter(|&c| c < p && c > subj).collect();
    if let Some(&n) =
        before.iter().rev().find(|&&c| matches!(s.tokens[c].upos.as_str(), "NOUN" | "PROPN"))
    {
        set(s, n, Some(subj), "nmod");
        for &c in &before {
            if c != n {
                let r = s.tokens[c].deprel.clone();
                set(s, c, Some(n), &r);
            }
        }
    }
    match sh {
        // "…, security sources said": the subject's conjuncts after the verb are the
        // speaker's; the saying becomes an aside of the new clause.
        Some(h) if base(&srel) == "nsubj" && h > a => {
            for k in a + 1..h {
                if head(s, k) == Some(subj) && base(&s.tokens[k].deprel) == "conj" {
                    set(s, k, Some(h), "nsubj");
                }
                if head(s, k) == Some(subj) && base(&s.tokens[k].deprel) == "punct" {
                    set(s, k, Some(h), "punct");
                }
            }
            let hh = head(s, h);
            let hrel = s.tokens[h].deprel.clone();
            set(s, p, hh, &hrel);
            set(s, h, Some(p), "parataxis");
        }
        _ => set(s, p, sh, &srel),
    }
    set(s, subj, Some(p), "nsubj");
    for k in 0..s.tokens.len() {
        if head(s, k) == Some(a) && matches!(base(&s.tokens[k].deprel), "obj" | "obl" | "nmod") {
            let r = if base(&s.tokens[k].deprel) == "obj" { "obj" } else { "obl" };
            set(s, k, Some(p), r);
        }
    }
    set(s, a, Some(p), "xcomp");
}

/// (Built-in path.) Applies the product-only repairs, after [`apply`].
pub(super) fn apply_product(s: &mut AnalyzedSentence, dicts: &Dictionaries) {
    for p in 0..s.tokens.len() {
        if let Some(m) = verb_before_predicate(s, p, dicts) {
            noun_as_verb(s, m);
        }
    }
    for p in 0..s.tokens.len() {
        if let Some((p, a, subj, o)) = resultative_noun_head(s, p, dicts) {
            retag_verb(s, p, "VBD");
            // The noun the parser hung the verb on hands it its place ("police shot/compound
            // dead robbers/nsubj, a spokesman said": the clause is the speaker's report).
            if head(s, p) == Some(o) {
                let rel = match base(&s.tokens[o].deprel) {
                    "nsubj" => "ccomp".to_string(),
                    _ => s.tokens[o].deprel.clone(),
                };
                let h = head(s, o);
                set(s, p, h, &rel);
            }
            set(s, subj, Some(p), "nsubj");
            set(s, o, Some(p), "obj");
            set(s, a, Some(p), "xcomp");
        }
    }
    for p in 0..s.tokens.len() {
        if let Some(m) = misread_participle(s, p, dicts, true) {
            participle_as_verb(s, m);
        }
    }
    for k in 0..s.tokens.len() {
        if let Some((k, o)) = quantity_of(s, k) {
            set(s, k, Some(o), "nmod");
        }
    }
    for k in 0..s.tokens.len() {
        if let Some(c) = adjunct_under_speaker(s, k) {
            set(s, k, Some(c), "advcl");
        }
    }
}

/// A verb read as a noun before its resultative adjective, with its subject hung on it
/// ("Kenyan police/compound shot/NOUN dead/amod two protesters/obj"; "troops/nsubj shot/NOUN
/// dead two Palestinians/parataxis"; "police shot/compound dead robbers"): a form the verb
/// dictionary knows, tagged a noun, whose noun right before it hangs on it, right before an
/// adjective of a noun after it that is its dependent or its head, is the verb: the noun
/// before it its subject, the noun after its object, the adjective its complement.
fn resultative_noun_head(
    s: &AnalyzedSentence,
    p: usize,
    dicts: &Dictionaries,
) -> Option<(usize, usize, usize, usize)> {
    let t = &s.tokens[p];
    if t.upos != "NOUN" || !verb_word(s, p, dicts) || p == 0 || p + 1 >= s.tokens.len() {
        return None;
    }
    let a = p + 1;
    if s.tokens[a].upos != "ADJ" {
        return None;
    }
    let o = head(s, a).filter(|&o| {
        o > a
            && (head(s, o) == Some(p) || head(s, p) == Some(o))
            && matches!(s.tokens[o].upos.as_str(), "NOUN" | "PROPN")
    })?;
    let subj = p - 1;
    (head(s, subj) == Some(p)
        && matches!(base(&s.tokens[subj].deprel), "compound" | "nsubj")
        && matches!(s.tokens[subj].upos.as_str(), "NOUN" | "PROPN"))
    .then_some((p, a, subj, o))
}

/// A participial adjunct the parser hung on the trailing verb of saying ("Missiles struck
/// a block in Kharkiv, killing/advcl→said three people, the governor said"): an -ing verb
/// after a comma, with no subject or subordinator of its own, under a verb of saying that
/// comes after it with its subject between, belongs to the reported clause before the
/// speaker (its `ccomp`, or the verb it hangs on as `parataxis`), whose subject did it.
fn adjunct_under_speaker(s: &AnalyzedSentence, k: usize) -> Option<usize> {
    let t = &s.tokens[k];
    if t.xpos != "VBG" || !matches!(base(&t.deprel), "advcl" | "ccomp") {
        return None;
    }
    if k == 0 || s.tokens[k - 1].form != "," {
        return None;
    }
    let h = head(s, k).filter(|&h| h > k)?;
    let saying = matches!(
        s.tokens[h].lemma.to_ascii_lowercase().as_str(),
        "say" | "tell" | "state" | "add" | "report" | "announce" | "claim" | "confirm"
    );
    if !saying
        || children(s, k).any(|c| matches!(base(&s.tokens[c].deprel), "nsubj" | "mark" | "expl"))
        || !children(s, h).any(|c| c > k && base(&s.tokens[c].deprel) == "nsubj")
    {
        return None;
    }
    let clause = |c: usize| {
        is_verb_tag(&s.tokens[c])
            && children(s, c).any(|d| d < c && base(&s.tokens[d].deprel) == "nsubj")
    };
    // The reported clause is the speaker's `ccomp` before it, or the verb the speaker's
    // clause hangs on as `parataxis` ("X shelled …, killing …, the ministry said/parataxis").
    children(s, h).find(|&c| c < k && base(&s.tokens[c].deprel) == "ccomp" && clause(c)).or_else(
        || {
            (base(&s.tokens[h].deprel) == "parataxis")
                .then(|| head(s, h))
                .flatten()
                .filter(|&c| c < k && clause(c))
        },
    )
}

/// Makes the participle `p` found by [`misread_participle`] the verb of its clause.
fn participle_as_verb(
    s: &mut AnalyzedSentence,
    (p, subj, o, h, rel): (usize, usize, usize, Option<usize>, &'static str),
) {
    retag_verb(s, p, "VBD");
    set(s, p, h, rel);
    // The subject's later conjuncts belong to the object now, its later attachments to the
    // verb.
    for k in p + 1..s.tokens.len() {
        if head(s, k) == Some(subj) {
            match base(&s.tokens[k].deprel) {
                "conj" | "cc" if k > o => {
                    let r = s.tokens[k].deprel.clone();
                    set(s, k, Some(o), &r);
                }
                "nmod" | "obl" => set(s, k, Some(p), "obl"),
                _ => {}
            }
        }
    }
    set(s, subj, Some(p), "nsubj");
    set(s, o, Some(p), "obj");
}

/// A name the parser tagged as a verb or auxiliary: it becomes a proper noun; as the root it
/// hands the root over to the verb hung under it.
fn name_as_verb(s: &mut AnalyzedSentence, nm: usize) {
    retag_name(s, nm);
    let rel = base(&s.tokens[nm].deprel).to_string();
    if rel == "aux" {
        // "Frodo/AUX said": the subject of its verb, when that has none.
        if let Some(h) = head(s, nm) {
            if !children(s, h).any(|c| base(&s.tokens[c].deprel) == "nsubj") {
                set(s, nm, Some(h), "nsubj");
            }
        }
        return;
    }
    if rel != "root" {
        return;
    }
    // The clause's verb: the first finite verb under the name outside relative clauses
    // ("Gollum/VERB centre of a row … called/acl on Gondor"), else a verb hung on it.
    let under_relcl = |k: usize| {
        let mut cur = k;
        while cur != nm {
            if s.tokens[cur].deprel == "acl:relcl" {
                return true;
            }
            match head(s, cur) {
                Some(h) => cur = h,
                None => return true,
            }
        }
        false
    };
    let finite_verb = (nm + 1..s.tokens.len()).find(|&k| {
        s.tokens[k].upos == "VERB"
            && (finite(s, k) || s.tokens[k].xpos == "VBN")
            && !children(s, k).any(|c| base(&s.tokens[c].deprel) == "mark")
            && descends(s, k, nm)
            && !under_relcl(k)
    });
    let Some(v) = finite_verb.or_else(|| {
        children(s, nm).find(|&c| {
            c > nm
                && s.tokens[c].upos == "VERB"
                && matches!(
                    base(&s.tokens[c].deprel),
                    "conj" | "parataxis" | "ccomp" | "xcomp" | "advcl" | "dep"
                )
        })
    }) else {
        return;
    };
    let before = children(s, nm).find(|&c| c < nm && base(&s.tokens[c].deprel) == "nsubj");
    if let Some(first) = before {
        // "Mordor, Rohan, Fornost/VERB and Bree welcomed": the list's first member heads
        // the list; the name is its conjunct (the subject-list repair then re-roots).
        let up = head(s, nm);
        let r = s.tokens[nm].deprel.clone();
        set(s, first, up, &r);
        for k in children(s, nm).collect::<Vec<_>>() {
            if k != first {
                s.tokens[k].head = first as u32 + 1;
            }
        }
        set(s, nm, Some(first), "conj");
        return;
    }
    if children(s, v).any(|c| base(&s.tokens[c].deprel) == "nsubj") {
        return;
    }
    // "Pyongyang/VERB on Thursday fired …": the verb is the root, the name its subject.
    let up = head(s, nm);
    let r = s.tokens[nm].deprel.clone();
    set(s, v, up, &r);
    for k in children(s, nm).collect::<Vec<_>>() {
        if k == v {
            continue;
        }
        if k > v {
            s.tokens[k].head = v as u32 + 1;
        } else if matches!(base(&s.tokens[k].deprel), "nmod" | "obl" | "advmod") {
            let rel = match s.tokens[k].deprel.as_str() {
                "nmod:tmod" | "obl:tmod" => "obl:tmod",
                "advmod" => "advmod",
                _ => "obl",
            };
            set(s, k, Some(v), rel);
        }
    }
    set(s, nm, Some(v), "nsubj");
}

#[cfg(test)]
mod tests {
    use crate::code::{code_sentence, Options};
    use crate::dict::Dictionaries;
    use crate::input::conllu::parse_rows;

    fn dicts() -> Dictionaries {
        let mut d = Dictionaries::default();
        d.actors.add_text("VELLAND [VEL]\nKORSIA [KOR]\nTARVOS [TAR]\n", "a.txt");
        d.agents.add_text("LAWMAKER [~LEG]\n", "g.txt");
        d.verbs.add_text(
            "--- FIRE [190] ---\nFIRE\n--- PROMISE [050] ---\nPROMISE\n\
             --- CONDEMN [122] ---\nCONDEMN\n--- DEPART [032] ---\nDEPART\n\
             --- TAP [081] ---\nWIRE_+TAP\n--- PRAISE [051] ---\nPRAISE\n\
             - * THE_BRAVE_PEOPLE [057]\n",
            "v.txt",
        );
        d.actors.finish();
        d.agents.finish();
        d.verbs.finish();
        d
    }

    /// Rows as `form lemma upos xpos head deprel`, one word a line.
    fn code(text: &str, rows: &str) -> Vec<String> {
        let conllu: String = rows
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(i, l)| {
                let c: Vec<&str> = l.split_whitespace().collect();
                format!(
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                    i + 1,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5]
                )
            })
            .collect();
        let (s, _) = parse_rows(&conllu, text, 0).expect("rows");
        let opts = Options { intent: false, clauses: false, ..Options::default() };
        let mut v: Vec<String> = code_sentence(&s, None, &dicts(), &opts)
            .expect("coded")
            .iter()
            .map(|e| format!("{}>{}:{}", e.source.code, e.target.code, e.code))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_name_read_as_the_main_verb_hands_the_root_to_the_verb() {
        let ev = code(
            "Velland on Monday fired shells at Korsia.",
            "Velland Velland VERB VBG 0 root
             on on ADP IN 3 case
             Monday Monday PROPN NNP 1 nmod
             fired fire VERB VBD 1 parataxis
             shells shell NOUN NNS 4 dobj
             at at ADP IN 7 case
             Korsia Korsia PROPN NNP 4 nmod
             . . PUNCT . 4 punct",
        );
        assert_eq!(ev, ["VEL>KOR:190"]);
    }

    #[test]
    fn a_verb_read_as_a_noun_modifier_after_and_is_a_conjoined_verb() {
        let ev = code(
            "Velland condemned the raid on Sunday and promised aid to Korsia.",
            "Velland Velland PROPN NNP 2 nsubj
             condemned condemn VERB VBD 0 root
             the the DET DT 4 det
             raid raid NOUN NN 2 dobj
             on on ADP IN 6 case
             Sunday Sunday PROPN NNP 2 nmod
             and and CONJ CC 6 cc
             promised promise VERB VBN 9 amod
             aid aid NOUN NN 6 conj
             to to ADP IN 11 case
             Korsia Korsia PROPN NNP 2 nmod
             . . PUNCT . 2 punct",
        );
        assert!(ev.contains(&"VEL>KOR:050".to_string()), "{ev:?}");
    }

    #[test]
    fn a_past_tense_verb_read_as_an_adjective_between_two_phrases_is_the_verb() {
        // The parser's reading: "fired" an adjective of "positions", "Velland" their possessor.
        let ev = code(
            "Velland fired positions of Korsia, lawmakers said.",
            "Velland Velland PROPN NNP 3 nmod:poss
             fired fired ADJ JJ 3 amod
             positions position NOUN NNS 8 ccomp
             of of ADP IN 5 case
             Korsia Korsia PROPN NNP 3 nmod
             , , PUNCT , 3 punct
             lawmakers lawmaker NOUN NNS 8 nsubj
             said say VERB VBD 0 root
             . . PUNCT . 8 punct",
        );
        assert!(ev.contains(&"VEL>KOR:190".to_string()), "{ev:?}");
        // With a genitive "'s" the word before is the object's possessor: no repair.
        let ev = code(
            "Velland's fired positions.",
            "Velland Velland PROPN NNP 4 nmod:poss
             's 's PART POS 1 case
             fired fired ADJ JJ 4 amod
             positions position NOUN NNS 0 root
             . . PUNCT . 4 punct",
        );
        assert!(ev.is_empty(), "{ev:?}");
    }

    #[test]
    fn a_past_tense_verb_read_as_an_adjective_after_a_measure_phrase_is_the_verb() {
        // The parser's reading: "positions" a second attachment of "Hundreds".
        let ev = code(
            "Hundreds of lawmakers fired positions of Korsia.",
            "Hundreds hundred NOUN NNS 0 root
             of of ADP IN 3 case
             lawmakers lawmaker NOUN NNS 1 nmod
             fired fired ADJ JJ 5 amod
             positions position NOUN NNS 1 nmod
             of of ADP IN 7 case
             Korsia Korsia PROPN NNP 5 nmod
             . . PUNCT . 1 punct",
        );
        assert!(ev.contains(&"---LEG>KOR:190".to_string()), "{ev:?}");
    }

    #[test]
    fn a_main_verb_hung_on_the_subject_after_a_comma_is_the_verb() {
        // The parser's reading: the sentence a noun phrase, "condemned" its clausal modifier.
        let ev = code(
            "Velland, the biggest group, condemned Korsia for the raid on the border town last week.",
            "Velland Velland PROPN NNP 0 root
             , , PUNCT , 1 punct
             the the DET DT 5 det
             biggest big ADJ JJS 5 amod
             group group NOUN NN 1 appos
             , , PUNCT , 7 punct
             condemned condemn VERB VBN 5 acl
             Korsia Korsia PROPN NNP 7 obj
             for for ADP IN 11 case
             the the DET DT 11 det
             raid raid NOUN NN 7 obl
             on on ADP IN 15 case
             the the DET DT 15 det
             border border NOUN NN 15 compound
             town town NOUN NN 11 nmod
             last last ADJ JJ 17 amod
             week week NOUN NN 7 obl:tmod
             . . PUNCT . 1 punct",
        );
        assert_eq!(ev, ["VEL>KOR:122"]);
        // A participle with its own `by` agent modifies the noun: no repair.
        let ev = code(
            "Velland, a group, condemned by Korsia.",
            "Velland Velland PROPN NNP 0 root
             , , PUNCT , 1 punct
             a a DET DT 4 det
             group group NOUN NN 1 appos
             , , PUNCT , 6 punct
             condemned condemn VERB VBN 4 acl
             by by ADP IN 8 case
             Korsia Korsia PROPN NNP 6 obl
             . . PUNCT . 1 punct",
        );
        assert!(!ev.contains(&"VEL>KOR:122".to_string()), "{ev:?}");
    }

    #[test]
    fn a_verb_read_as_a_noun_after_its_subject_is_the_verb() {
        let ev = code(
            "Velland departs from Korsia.",
            "Velland Velland PROPN NNP 2 compound
             departs depart NOUN NNS 0 root
             from from ADP IN 4 case
             Korsia Korsia PROPN NNP 2 nmod
             . . PUNCT . 2 punct",
        );
        assert_eq!(ev, ["VEL>KOR:032"]);
    }

    #[test]
    fn a_name_conjunct_goes_to_the_name_between() {
        let ev = code(
            "Lawmakers in Velland and Korsia condemned Tarvos.",
            "Lawmakers lawmaker NOUN NNS 6 nsubj
             in in ADP IN 3 case
             Velland Velland PROPN NNP 1 nmod
             and and CONJ CC 1 cc
             Korsia Korsia PROPN NNP 1 conj
             condemned condemn VERB VBD 0 root
             Tarvos Tarvos PROPN NNP 6 dobj
             . . PUNCT . 6 punct",
        );
        assert_eq!(ev, ["KORLEG>TAR:122", "VELLEG>TAR:122"]);
    }

    #[test]
    fn a_clause_after_a_subordinator_read_as_a_preposition_is_subordinate() {
        // "after Tarvos fired on Velland" parsed as a prepositional phrase and a clause of
        // its own: the clause is subordinate to "condemned" and not coded apart.
        let ev = code(
            "Velland condemned Korsia after Tarvos fired on Velland.",
            "Velland Velland PROPN NNP 2 nsubj
             condemned condemn VERB VBD 0 root
             Korsia Korsia PROPN NNP 2 dobj
             after after ADP IN 5 case
             Tarvos Tarvos PROPN NNP 6 nsubj
             fired fire VERB VBD 2 parataxis
             on on ADP IN 8 case
             Velland Velland PROPN NNP 6 nmod
             . . PUNCT . 2 punct",
        );
        assert_eq!(ev, ["VEL>KOR:122"]);
    }

    #[test]
    fn a_multi_word_verb_whose_main_word_is_tagged_a_noun_is_found() {
        let ev = code(
            "Velland will wire tap the lines of Korsia.",
            "Velland Velland PROPN NNP 3 nsubj
             will will AUX MD 3 aux
             wire wire VERB VB 0 root
             tap tap NOUN NN 3 dobj
             the the DET DT 6 det
             lines line NOUN NNS 3 dobj
             of of ADP IN 8 case
             Korsia Korsia PROPN NNP 6 nmod
             . . PUNCT . 3 punct",
        );
        assert_eq!(ev, ["VEL>KOR:081"]);
    }

    #[test]
    fn a_pattern_word_on_the_skip_list_matches_as_written() {
        let ev = code(
            "Velland praised Korsia as the brave people of the north.",
            "Velland Velland PROPN NNP 2 nsubj
             praised praise VERB VBD 0 root
             Korsia Korsia PROPN NNP 2 dobj
             as as ADP IN 7 case
             the the DET DT 7 det
             brave brave ADJ JJ 7 amod
             people people NOUN NNS 2 nmod
             of of ADP IN 10 case
             the the DET DT 10 det
             north north NOUN NN 7 nmod
             . . PUNCT . 2 punct",
        );
        assert_eq!(ev, ["VEL>KOR:057"]);
    }

    #[test]
    fn a_malformed_es_form_is_no_verb_of_its_lemma() {
        let rows = |form: &str| {
            format!(
                "Velland Velland PROPN NNP 2 nsubj
                 {form} depart VERB VBZ 0 root
                 from from ADP IN 4 case
                 Korsia Korsia PROPN NNP 2 nmod
                 . . PUNCT . 2 punct"
            )
        };
        assert_eq!(code("Velland departs from Korsia.", &rows("departs")), ["VEL>KOR:032"]);
        assert!(code("Velland departes from Korsia.", &rows("departes")).is_empty());
    }

    /// Repairs keep a tree a tree: on random trees with the shapes they look for, every
    /// word still reaches the root, and coding does not panic.
    #[test]
    fn repairs_never_close_a_cycle() {
        let d = dicts();
        let forms = ["Velland", "Korsia", "after", "and", "fired", "promised", "departs", "the"];
        let tags = ["PROPN", "NOUN", "VERB", "AUX", "ADP", "DET", "CCONJ", "PUNCT"];
        let rels = [
            "nsubj",
            "obj",
            "obl",
            "nmod",
            "conj",
            "cc",
            "amod",
            "compound",
            "case",
            "parataxis",
            "acl",
            "acl:relcl",
            "advcl",
            "aux",
            "mark",
            "punct",
            "xcomp",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % m
        };
        for _ in 0..10_000 {
            let n = 2 + next(10);
            // A random tree: words attached in a random order to a word attached before.
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                order.swap(i, next(i + 1));
            }
            let mut s = model::AnalyzedSentence::default();
            for i in 0..n {
                let form = forms[next(forms.len())].to_string();
                s.tokens.push(model::Token {
                    lemma: form.to_lowercase(),
                    form,
                    upos: tags[next(tags.len())].into(),
                    xpos: ["VBD", "VBN", "NN", ""][next(4)].into(),
                    deprel: rels[next(rels.len())].into(),
                    ..Default::default()
                });
                let _ = i;
            }
            for (j, &w) in order.iter().enumerate() {
                if j == 0 {
                    s.tokens[w].head = 0;
                    s.tokens[w].deprel = "root".into();
                } else {
                    s.tokens[w].head = order[next(j)] as u32 + 1;
                }
            }
            let mut r = s.clone();
            if super::needed(&r, &d) {
                super::apply(&mut r, &d);
            }
            for i in 0..n {
                let mut cur = i;
                let mut steps = 0;
                while r.tokens[cur].head != 0 {
                    cur = r.tokens[cur].head as usize - 1;
                    steps += 1;
                    assert!(steps <= n, "cycle after repair: {:?}", r.tokens);
                }
            }
            let _ = code_sentence(&s, None, &d, &Options::default());
        }
    }
}
