//! Repairs of dependency trees the greedy parser gets wrong in a way that loses an event's
//! subject, applied between parsing and coding.
//!
//! One repair today: **a main verb swallowed by a relative clause**. In "A member of the group,
//! who was to carry out the attack, turned himself in to the police", a transition parser often
//! makes "member" the root and joins "turned" to "carry" as a conjunct (or a parenthetical)
//! inside the relative clause, so "turned" has no subject. When the root is a noun (not a
//! predicate nominal), and a finite verb without a subject of its own hangs as a conjunct or a
//! bare parenthetical inside a clause modifying that root,
//! right after the comma that closes the clause, the verb becomes the root and the noun its
//! subject — the reading the commas mark. Words after the verb that the parser hung from the
//! clause go to the verb as well.
//!
//! And **a phrase of the reported clause hung on a trailing attribution**. In "…said the group
//! had planned a suicide attack on Iraqi forces guarding the camp, an Iraqi official said", a
//! parser may attach "on Iraqi forces" to the final "said" across the comma. When a verb of
//! saying has its subject after a comma and its reported clause before it, an oblique or nominal
//! modifier of that verb lying wholly before the comma belongs to the reported clause: it goes
//! to the nearest noun (as `nmod`) or verb (as `obl`) before it inside that clause; a date or
//! time of day ("on Wednesday") goes to that clause's verb. The attribution may hang from the
//! clause as a parenthetical or as an adverbial clause.
//!
//! And **a clause's subject read as the object of its subordinator**. In "… was found after the
//! gunman surrendered himself", a parser may take "after the gunman" as a prepositional phrase and
//! hang "surrendered" from "gunman" as a modifier, so the clause loses its subject and an event
//! coder climbs to the main clause's. When a noun introduced by a word that also subordinates
//! clauses (after, before, until, since, once, as, because, while) has as its modifier a finite
//! verb (the tagger's own reading: `VerbForm=Fin`, not a participle) with no subject, right after
//! the noun's words, the verb heads an adverbial clause in the noun's place, the noun is its
//! subject and the preposition its subordinator.
//!
//! The later repairs each say their case on their function: "close to" read as a verb, "shot
//! dead" read as a noun, a gerund read as an auxiliary, a reported clause hung on the channel it
//! was said through ("said in a statement that …"), a title before a name between commas read
//! as an oblique ("Sudan's army chief, Abdel Fattah al-Burhan, rejected …"), and others.

use model::AnalyzedSentence;

/// Applies the repairs to one sentence; returns whether the tree changed.
pub fn repair(s: &mut AnalyzedSentence) -> bool {
    let a = reroot_swallowed_main_verb(s);
    let b = reattach_before_trailing_attribution(s);
    let c = subordinate_clause_read_as_phrase(s);
    let d = main_verb_read_as_participle(s);
    let e = conjoined_clause_subject(s);
    let f = reroot_from_relative_clause(s);
    let g = speaker_read_as_conjunct(s);
    let h = saying_phrase_read_into_its_clause(s);
    let i = gerund_read_as_auxiliary(s);
    let j = shot_dead_read_as_noun(s);
    let k = close_to_read_as_verb(s);
    let l = claim_read_as_content_of_its_channel(s);
    let m = role_before_name_read_as_oblique(s);
    let n = clause_hung_on_its_time(s);
    let o = gerund_adjunct_read_as_subject_of_saying(s);
    let p = object_of_gerund_hung_on_trailing_saying(s);
    let q = object_read_as_subject_of_saying(s);
    let r = relative_clause_read_as_main(s);
    let t = relative_clause_read_as_adverbial(s);
    a || b || c || d || e || f || g || h || i || j || k || l || m || n || o || p || q || r || t
}

/// A relative clause between the subject and its verb read as an adverbial clause of that
/// verb: in "The Arakan Army, which seized most of Rakhine last year, condemned the strike", a
/// parser may hang "seized" on "condemned" as `advcl`. A clause whose subject is a relative
/// pronoun ("who", "which") right after a comma, lying between the verb's subject and the
/// verb, modifies that subject (`acl:relcl`). (After the verb, "…, which angered Beijing", it
/// is left as it was.)
fn relative_clause_read_as_adverbial(s: &mut AnalyzedSentence) -> bool {
    let toks = &s.tokens;
    let mut moves = Vec::new();
    for v in 0..toks.len() {
        if base(toks, v) != "advcl" {
            continue;
        }
        let Some(h) = head(toks, v).filter(|&h| h > v) else { continue };
        let Some(w) = kids(toks, v)
            .find(|&c| c < v && base(toks, c) == "nsubj" && relative_pronoun(&toks[c]))
        else {
            continue;
        };
        if w == 0 || toks[w - 1].form != "," {
            continue;
        }
        let Some(subj) = kids(toks, h).find(|&c| c < w && base(toks, c) == "nsubj") else {
            continue;
        };
        // The subject's words end at the comma that opens the clause.
        if (subj + 1..w - 1).any(|i| !descends_from(toks, i, subj)) {
            continue;
        }
        moves.push((v, subj));
    }
    for &(v, subj) in &moves {
        s.tokens[v].head = (subj + 1) as u32;
        s.tokens[v].deprel = "acl:relcl".into();
    }
    !moves.is_empty()
}

/// A relative clause between the subject and its verb read as the main clause: in "Taliban
/// officials, who were negotiating with envoys in Doha, condemned the attack", a parser may make
/// "negotiating" the root, with "officials" a modifier of it and "condemned" its conjunct, so
/// the act loses its subject. When the root verb's subject is a relative pronoun ("who",
/// "which") set after a comma, the words before that comma are one noun phrase hung on the
/// root, and a finite verb without a subject or subordinator of its own hangs on the root
/// right after a later comma, that verb is the root, the noun phrase its subject and the
/// relative clause the noun's.
fn relative_clause_read_as_main(s: &mut AnalyzedSentence) -> bool {
    let toks = &s.tokens;
    let n = toks.len();
    let Some(r) = (0..n).find(|&i| toks[i].head == 0) else { return false };
    if toks[r].upos != "VERB" {
        return false;
    }
    let Some(w) =
        kids(toks, r).find(|&c| c < r && base(toks, c) == "nsubj" && relative_pronoun(&toks[c]))
    else {
        return false;
    };
    if w < 2 || toks[w - 1].form != "," {
        return false;
    }
    let Some(np) = kids(toks, r)
        .find(|&c| c < w - 1 && matches!(toks[c].upos.as_str(), "NOUN" | "PROPN" | "PRON"))
    else {
        return false;
    };
    // Everything before the comma is the noun phrase.
    if (0..w - 1).any(|i| !descends_from(toks, i, np)) {
        return false;
    }
    let Some(v) = kids(toks, r).find(|&c| {
        c > r
            && toks[c].upos == "VERB"
            && toks[c].feats.contains("VerbForm=Fin")
            && matches!(base(toks, c), "conj" | "parataxis" | "advcl")
            && !kids(toks, c)
                .any(|a| matches!(base(toks, a), "nsubj" | "csubj" | "expl" | "mark" | "cc"))
    }) else {
        return false;
    };
    // The verb's own words start right after a comma.
    let leftmost = (0..v).find(|&i| descends_from(toks, i, v)).unwrap_or(v);
    let first = if toks[leftmost].form == "," { leftmost } else { leftmost.saturating_sub(1) };
    if toks[first].form != "," || first <= r {
        return false;
    }
    let later: Vec<usize> = kids(toks, r).filter(|&c| c > v).collect();
    let vh = (v + 1) as u32;
    let toks = &mut s.tokens;
    toks[v].head = 0;
    toks[v].deprel = "root".into();
    toks[np].head = vh;
    toks[np].deprel = "nsubj".into();
    toks[r].head = (np + 1) as u32;
    toks[r].deprel = "acl:relcl".into();
    toks[first].head = vh;
    toks[first].deprel = "punct".into();
    for c in later {
        toks[c].head = vh;
    }
    true
}

/// The object of the reported clause's last verb read as the subject of a trailing saying,
/// with the speaker as its conjunct ("… and killed four officers/nsubj, officials/conj
/// said"): when a verb of saying's subject comes right after a verb with no object of its
/// own, and has as a conjunct without a coordinator the phrase between the last comma and
/// the saying, the subject is that verb's object and the conjunct the saying's subject.
fn object_read_as_subject_of_saying(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 3..n {
        let toks = &s.tokens;
        if !speech_verb(&toks[v]) {
            continue;
        }
        let Some(subj) = kids(toks, v).find(|&c| c < v && base(toks, c) == "nsubj") else {
            continue;
        };
        let Some(c) = kids(toks, subj).find(|&c| c > subj && c < v && base(toks, c) == "conj")
        else {
            continue;
        };
        if kids(toks, c).any(|k| base(toks, k) == "cc") {
            continue;
        }
        let Some(comma) = (subj + 1..c).rev().find(|&i| toks[i].form == ",") else { continue };
        if speaker_phrase(toks, comma, v) != Some(c) {
            continue;
        }
        let first = (0..=subj).find(|&i| descends_from(toks, i, subj)).unwrap_or(subj);
        if first == 0 || (first..comma).any(|i| !descends_from(toks, i, subj)) {
            continue;
        }
        let w = first - 1;
        if toks[w].upos != "VERB"
            || speech_verb(&toks[w])
            || kids(toks, w).any(|k| matches!(base(toks, k), "obj" | "ccomp" | "xcomp"))
        {
            continue;
        }
        let toks = &mut s.tokens;
        toks[subj].head = (w + 1) as u32;
        toks[subj].deprel = "obj".into();
        toks[c].head = (v + 1) as u32;
        toks[c].deprel = "nsubj".into();
        toks[comma].head = (v + 1) as u32;
        toks[comma].deprel = "punct".into();
        changed = true;
    }
    changed
}

/// The speaker's phrase after a comma: the words from `comma + 1` up to verb `v` hang from one
/// noun or pronoun; that word, if so.
fn speaker_phrase(toks: &[model::Token], comma: usize, v: usize) -> Option<usize> {
    let inside = |i: usize| i > comma && i < v;
    let mut heads = (comma + 1..v).filter(|&i| !head(toks, i).is_some_and(inside));
    let sp = heads.next()?;
    (heads.next().is_none() && matches!(toks[sp].upos.as_str(), "NOUN" | "PROPN" | "PRON"))
        .then_some(sp)
}

/// A casualty or other -ing adjunct read as the subject of a trailing saying ("Militants
/// ambushed a patrol on Monday, killing/nsubj four soldiers, two officials/xcomp said/root"):
/// when a verb of saying has as its subject an -ing verb right after a comma, with the
/// reported clause before that comma and a noun phrase of its own between the last comma and
/// itself, the -ing verb is an adverbial clause of the reported clause's verb and that noun
/// phrase is the saying's subject.
fn gerund_adjunct_read_as_subject_of_saying(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 2..n {
        let toks = &s.tokens;
        if !speech_verb(&toks[v]) {
            continue;
        }
        let subjects: Vec<usize> =
            kids(toks, v).filter(|&c| matches!(base(toks, c), "nsubj" | "csubj")).collect();
        let [g] = subjects[..] else { continue };
        if g + 2 > v || g < 2 || toks[g].xpos != "VBG" || toks[g - 1].form != "," {
            continue;
        }
        // The reported clause: the saying's dependent holding the word before the comma. A
        // noun there stands for the main verb the parser hung on it as a modifier ("Fighters
        // clashed/acl in the camp, killing …").
        let Some(top) = kids(toks, v).find(|&c| c != g && descends_from(toks, g - 2, c)) else {
            continue;
        };
        let verb = if toks[top].upos == "VERB" {
            Some(top)
        } else {
            kids(toks, top).find(|&c| c > top && c < g && toks[c].deprel == "acl")
        };
        let Some(verb) = verb.filter(|&c| toks[c].upos == "VERB") else { continue };
        let Some(comma) = (g + 1..v).rev().find(|&i| toks[i].form == ",") else { continue };
        let Some(sp) = speaker_phrase(toks, comma, v) else { continue };
        let toks = &mut s.tokens;
        toks[g].head = (verb + 1) as u32;
        toks[g].deprel = "advcl".into();
        toks[sp].head = (v + 1) as u32;
        toks[sp].deprel = "nsubj".into();
        toks[comma].head = (v + 1) as u32;
        toks[comma].deprel = "punct".into();
        changed = true;
    }
    changed
}

/// The object of an -ing adjunct hung on a trailing saying that the parser made the adjunct's
/// conjunct ("a drone struck a car, killing two men/obl, the agency/nsubj reported/conj"):
/// when a verb of saying with its subject after a comma hangs as a conjunct or parenthetical
/// from an -ing adjunct set off by a comma, a nominal of the saying lying between the two
/// before that comma is the adjunct's object, and the saying hangs on the adjunct's verb.
fn object_of_gerund_hung_on_trailing_saying(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 2..n {
        let toks = &s.tokens;
        if !speech_verb(&toks[v]) || !matches!(base(toks, v), "conj" | "parataxis") {
            continue;
        }
        let Some(g) = head(toks, v).filter(|&g| g < v && g > 0) else { continue };
        if toks[g].xpos != "VBG"
            || base(toks, g) != "advcl"
            || toks[g - 1].form != ","
            || kids(toks, g).any(|c| matches!(base(toks, c), "obj" | "nsubj"))
        {
            continue;
        }
        let Some(main) = head(toks, g).filter(|&m| m < g) else { continue };
        let Some(subj) = kids(toks, v).find(|&c| c > g && c < v && base(toks, c) == "nsubj") else {
            continue;
        };
        let Some(comma) = (g + 1..subj).rev().find(|&i| toks[i].form == ",") else { continue };
        if speaker_phrase(toks, comma, v) != Some(subj) {
            continue;
        }
        let objs: Vec<usize> = kids(toks, v)
            .filter(|&c| c > g && c < comma && matches!(base(toks, c), "obl" | "obj" | "nmod"))
            .filter(|&c| !kids(toks, c).any(|k| base(toks, k) == "case"))
            .collect();
        let [o] = objs[..] else { continue };
        if !matches!(toks[o].upos.as_str(), "NOUN" | "PROPN" | "NUM" | "PRON") {
            continue;
        }
        let toks = &mut s.tokens;
        toks[o].head = (g + 1) as u32;
        toks[o].deprel = "obj".into();
        toks[v].head = (main + 1) as u32;
        toks[v].deprel = "parataxis".into();
        changed = true;
    }
    changed
}

/// A title before the name it describes read as an oblique ("Sudan's army chief/obl, Abdel
/// Fattah al-Burhan/nsubj, rejected …"): a noun without a preposition that hangs on a verb as
/// an oblique, ends right before a comma, and is followed by the verb's subject set off by
/// commas up to the verb, is the subject; the name between the commas is its apposition.
fn role_before_name_read_as_oblique(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut fix = None;
    {
        let toks = &s.tokens;
        // A phrase's words, without the punctuation the parser hung on it.
        let span = |p: usize| {
            let inside: Vec<usize> =
                (0..n).filter(|&i| toks[i].upos != "PUNCT" && descends_from(toks, i, p)).collect();
            (inside.iter().copied().min().unwrap_or(p), inside.iter().copied().max().unwrap_or(p))
        };
        'verbs: for v in 0..n {
            if toks[v].upos != "VERB" {
                continue;
            }
            for x in kids(toks, v).filter(|&x| x < v && base(toks, x) == "obl") {
                if toks[x].upos != "NOUN" || kids(toks, x).any(|c| base(toks, c) == "case") {
                    continue;
                }
                let (_, x_end) = span(x);
                if toks.get(x_end + 1).is_none_or(|t| t.form != ",") {
                    continue;
                }
                let Some(p) = kids(toks, v).find(|&k| base(toks, k) == "nsubj" && k > x && k < v)
                else {
                    continue;
                };
                let (p_start, p_end) = span(p);
                let closed = toks.get(p_end + 1).is_some_and(|t| t.form == ",");
                if toks[p].upos == "PROPN" && p_start == x_end + 2 && closed && p_end + 1 < v {
                    fix = Some((x, p, v));
                    break 'verbs;
                }
            }
        }
    }
    let Some((x, p, v)) = fix else { return false };
    s.tokens[x].head = (v + 1) as u32;
    s.tokens[x].deprel = "nsubj".into();
    s.tokens[p].head = (x + 1) as u32;
    s.tokens[p].deprel = "appos".into();
    true
}

/// The reported clause read as the content of the channel it was said through ("said in a
/// statement that police had/acl detained …", "said on Twitter that …", "told reporters during
/// a briefing that …"): a finite clause with its own subject, opened by "that", that hangs as a
/// modifier on a phrase of a verb of saying introduced by a preposition is what was said — the
/// verb's complement, so its deed is coded with the speaker as its attribution.
fn claim_read_as_content_of_its_channel(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut moves = Vec::new();
    {
        let toks = &s.tokens;
        for v in 0..n {
            if !speech_verb(&toks[v]) || kids(toks, v).any(|c| base(toks, c) == "ccomp") {
                continue;
            }
            for o in kids(toks, v).filter(|&o| o > v && base(toks, o) == "obl") {
                if !kids(toks, o).any(|c| base(toks, c) == "case" && c < o) {
                    continue;
                }
                for c in kids(toks, o).filter(|&c| c > o && base(toks, c) == "acl") {
                    let that = kids(toks, c).find(|&m| {
                        base(toks, m) == "mark" && toks[m].form.eq_ignore_ascii_case("that")
                    });
                    // ("said on Wednesday that/PRON soldiers had/relcl fired …": no day is
                    // what a clause with a subject of its own is about; the "that" right after
                    // a time phrase opens what was said.)
                    let relative = that.is_none() && says_when(&toks[o].lemma);
                    let that = that.or_else(|| {
                        relative
                            .then(|| {
                                kids(toks, c).find(|&m| {
                                    m == o + 1
                                        && toks[m].upos == "PRON"
                                        && toks[m].form.eq_ignore_ascii_case("that")
                                })
                            })
                            .flatten()
                    });
                    let subject = kids(toks, c)
                        .any(|k| base(toks, k) == "nsubj" && that.is_some_and(|t| k > t));
                    if that.is_some_and(|t| t > o) && subject {
                        moves.push((c, v, that.filter(|_| relative)));
                    }
                }
            }
        }
    }
    for &(c, v, that) in &moves {
        s.tokens[c].head = (v + 1) as u32;
        s.tokens[c].deprel = "ccomp".into();
        if let Some(t) = that {
            s.tokens[t].head = (c + 1) as u32;
            s.tokens[t].deprel = "mark".into();
            s.tokens[t].upos = "SCONJ".into();
        }
    }
    !moves.is_empty()
}

/// An adverbial clause hung on the time phrase before it ("moved troops to its border on
/// Friday, a day/acl after gunmen killed 26 tourists", "hours/acl after the president
/// called …"): a finite verb with a subject and a subordinator of its own is no modifier of a
/// noun that says when; it is an adverbial clause of the verb that time phrase belongs to.
fn clause_hung_on_its_time(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 0..n {
        let toks = &s.tokens;
        let t = &toks[v];
        if t.upos != "VERB" || t.deprel != "acl" {
            continue;
        }
        let Some(noun) = head(toks, v).filter(|&h| h < v) else { continue };
        if !says_when(&toks[noun].lemma) {
            continue;
        }
        let mark = kids(toks, v).any(|c| {
            c < v
                && base(toks, c) == "mark"
                && SUBORDINATORS.contains(&toks[c].form.to_lowercase().as_str())
        });
        let subject = kids(toks, v).any(|c| c < v && base(toks, c) == "nsubj");
        if !mark || !subject {
            continue;
        }
        // The verb the time phrase belongs to, through its attachments.
        let mut cur = noun;
        let mut verb = None;
        for _ in 0..4 {
            if !matches!(base(toks, cur), "obl" | "nmod" | "appos") {
                break;
            }
            let Some(h) = head(toks, cur) else { break };
            if toks[h].upos == "VERB" {
                verb = Some(h);
                break;
            }
            cur = h;
        }
        let Some(g) = verb.filter(|&g| g < noun) else { continue };
        let toks = &mut s.tokens;
        toks[v].head = (g + 1) as u32;
        toks[v].deprel = "advcl".into();
        changed = true;
    }
    changed
}

/// "close to" read as the verb *close* ("Sources/nsubj close/VERB to the prime minister said
/// …", "unfurling banners close/VERB to the stadium"): a bare "close" right before "to", with
/// no auxiliary, marker, object or clause of its own, is the adjective. It modifies the noun
/// the parser made its subject (which takes its place in the tree), or else the noun right
/// before it.
fn close_to_read_as_verb(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 1..n.saturating_sub(1) {
        let toks = &s.tokens;
        if toks[v].upos != "VERB"
            || !toks[v].form.eq_ignore_ascii_case("close")
            || !toks[v + 1].form.eq_ignore_ascii_case("to")
            || kids(toks, v).any(|c| {
                matches!(
                    base(toks, c),
                    "aux" | "mark" | "obj" | "expl" | "cop" | "ccomp" | "xcomp" | "iobj"
                )
            })
        {
            continue;
        }
        let subject = kids(toks, v).find(|&c| c < v && base(toks, c) == "nsubj");
        let noun = subject.or_else(|| {
            Some(v - 1).filter(|&p| matches!(toks[p].upos.as_str(), "NOUN" | "PROPN" | "PRON"))
        });
        let toks = &mut s.tokens;
        if let Some(m) = subject {
            // The noun takes the verb's place; "close" and its "to" phrase modify it.
            toks[m].head = toks[v].head;
            toks[m].deprel = toks[v].deprel.clone();
            for (k, t) in toks.iter_mut().enumerate().take(v) {
                if k != m && t.head as usize == v + 1 {
                    t.head = (m + 1) as u32;
                }
            }
        }
        if let Some(m) = noun {
            toks[v].head = (m + 1) as u32;
            toks[v].deprel = "amod".into();
        }
        toks[v].upos = "ADJ".into();
        toks[v].xpos = "JJ".into();
        toks[v].lemma = "close".into();
        toks[v].feats = "Degree=Pos".into();
        changed = true;
    }
    changed
}

/// **"shot dead" read as a noun or an adverb** ("Security forces shot/NOUN dead/ADJ two
/// young men", "Police shot/ADV dead/amod three protesters/nsubj→said"): in news English
/// "shot dead" right after a noun phrase is always the verb "shoot" with its result ("shot X
/// dead" inverted), never the noun "shot". When "shot", not tagged a verb, follows a noun or
/// name and precedes "dead" and a noun phrase, it becomes the clause's verb: the noun phrase
/// before it its subject, the one after "dead" its object, "dead" its complement, and the
/// clause takes the place in the sentence of the first of those words whose head lay outside
/// them (a reported clause of a trailing "…, police said", or the root).
fn shot_dead_read_as_noun(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 1..n.saturating_sub(2) {
        let toks = &s.tokens;
        if !toks[v].form.eq_ignore_ascii_case("shot")
            || !toks[v + 1].form.eq_ignore_ascii_case("dead")
            || matches!(toks[v].upos.as_str(), "VERB" | "AUX")
            || !matches!(toks[v - 1].upos.as_str(), "NOUN" | "PROPN")
        {
            continue;
        }
        // The subject: the words before "shot" back to the sentence start or a comma, all
        // of one noun phrase (its head the one word whose head lies outside them).
        let start = (0..v).rev().find(|&k| toks[k].upos == "PUNCT").map_or(0, |k| k + 1);
        let subj: Vec<usize> =
            (start..v).filter(|&k| head(toks, k).is_none_or(|h| h < start || h >= v)).collect();
        if subj.len() != 1
            || !matches!(toks[subj[0]].upos.as_str(), "NOUN" | "PROPN")
            || (start..v).any(|k| matches!(toks[k].upos.as_str(), "VERB" | "AUX" | "ADP" | "SCONJ"))
        {
            continue;
        }
        let subj = subj[0];
        // The object: the first noun after "dead", with only its own modifiers before it.
        let Some(obj) = (v + 2..n).find(|&k| matches!(toks[k].upos.as_str(), "NOUN" | "PROPN"))
        else {
            continue;
        };
        // (A participle before the noun is its adjective: "two suspected/VERB/amod robbers".)
        if (v + 2..obj).any(|k| {
            !matches!(toks[k].upos.as_str(), "DET" | "NUM" | "ADJ" | "ADV")
                && toks[k].deprel != "amod"
        }) {
            continue;
        }
        let clause = [subj, v, v + 1, obj];
        let outside = |k: usize| {
            head(toks, k).is_none_or(|h| !clause.contains(&h) && !(start..=obj).contains(&h))
        };
        let Some(top) = clause.iter().copied().find(|&k| outside(k)) else { continue };
        let (th, trel) = (toks[top].head, toks[top].deprel.clone());
        let rel = match trel.split(':').next().unwrap_or("") {
            "root" => "root".to_string(),
            // ("…, police said": a clause under the verb of saying is what it reports.)
            "nsubj" | "ccomp" | "obj" | "parataxis" if th as usize > obj + 1 => "ccomp".to_string(),
            _ => trel,
        };
        let vh = (v + 1) as u32;
        // Words of the new clause hung on its old heads stay; the clause's other subjects of
        // the outer verb among them move under the new verb.
        let toks = &mut s.tokens;
        toks[v].upos = "VERB".into();
        toks[v].xpos = "VBD".into();
        toks[v].lemma = "shoot".into();
        toks[v].feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
        toks[v].head = th;
        toks[v].deprel = rel;
        toks[subj].head = vh;
        toks[subj].deprel = "nsubj".into();
        toks[v + 1].head = vh;
        toks[v + 1].deprel = "xcomp".into();
        toks[obj].head = vh;
        toks[obj].deprel = "obj".into();
        for k in v + 2..obj {
            if head(toks, k).is_some_and(|h| clause.contains(&h) && h != obj) {
                let r = match toks[k].upos.as_str() {
                    "NUM" => "nummod",
                    "DET" => "det",
                    "ADV" => "advmod",
                    _ => "amod",
                };
                toks[k].head = (obj + 1) as u32;
                toks[k].deprel = r.into();
            }
        }
        changed = true;
    }
    changed
}

/// **A gerund subject read as an auxiliary** ("Shelling/aux:pass killed four civilians",
/// "Looting/aux spread to the suburbs"): English auxiliaries are forms of be, have and do and
/// the modals, never another -ing word. A word ending in -ing, tagged a verb or auxiliary and
/// hung as the `aux` of a later verb that has no subject, with nothing but its own words between
/// them, is that verb's subject: a noun (the act named, "shelling", "fighting", "looting").
fn gerund_read_as_auxiliary(s: &mut AnalyzedSentence) -> bool {
    let mut changed = false;
    for g in 0..s.tokens.len() {
        let toks = &s.tokens;
        let t = &toks[g];
        let lower = t.form.to_lowercase();
        if !matches!(t.upos.as_str(), "VERB" | "AUX")
            || base(toks, g) != "aux"
            || !lower.ends_with("ing")
            || lower.len() < 6
            || matches!(t.lemma.to_lowercase().as_str(), "be" | "have" | "do" | "get")
        {
            continue;
        }
        let Some(v) = head(toks, g).filter(|&v| v > g && toks[v].upos == "VERB") else {
            continue;
        };
        if kids(toks, v).any(|c| matches!(base(toks, c), "nsubj" | "csubj" | "expl"))
            || (g + 1..v).any(|k| !descends_from(toks, k, g))
        {
            continue;
        }
        let passive = toks[g].deprel == "aux:pass";
        let toks = &mut s.tokens;
        toks[g].upos = "NOUN".into();
        toks[g].xpos = "NN".into();
        toks[g].lemma = lower;
        toks[g].feats = "Number=Sing".into();
        toks[g].deprel = "nsubj".into();
        // The verb the "auxiliary" made passive is active again.
        if passive {
            toks[v].feats = toks[v]
                .feats
                .split('|')
                .filter(|f| *f != "Voice=Pass")
                .collect::<Vec<_>>()
                .join("|");
        }
        changed = true;
    }
    changed
}

/// A phrase of the verb of saying hung on the reported clause ("the army said on Monday/obl→
/// killed it had killed …"): an oblique of a reported clause lying wholly between the verb of
/// saying and the clause's own subject, with no "that" before it, is the saying's.
fn saying_phrase_read_into_its_clause(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut moves = Vec::new();
    {
        let toks = &s.tokens;
        for v in 0..n {
            if !speech_verb(&toks[v]) {
                continue;
            }
            for c in kids(toks, v).filter(|&c| c > v && base(toks, c) == "ccomp") {
                let Some(subj) =
                    kids(toks, c).find(|&k| k > v && k < c && base(toks, k) == "nsubj")
                else {
                    continue;
                };
                let subj_first = (v + 1..=subj).find(|&i| descends_from(toks, i, subj));
                let Some(subj_first) = subj_first else { continue };
                for d in
                    kids(toks, c).filter(|&d| d > v && d < subj_first && base(toks, d) == "obl")
                {
                    let inside = (0..n)
                        .filter(|&i| descends_from(toks, i, d))
                        .all(|i| i > v && i < subj_first);
                    let that_before =
                        kids(toks, c).any(|m| base(toks, m) == "mark" && m > v && m < d);
                    if inside && !that_before {
                        moves.push((d, v));
                    }
                }
            }
        }
    }
    for &(d, v) in &moves {
        s.tokens[d].head = (v + 1) as u32;
    }
    !moves.is_empty()
}

/// The speaker of a trailing attribution read as a conjunct of the reported clause's last noun
/// ("killed at least 10 people, police/conj said"): when a verb of saying without a subject has
/// its reported clause before it and right before it, after a comma, a noun phrase the parser
/// made a conjunct inside that clause (no conjunction of its own), that phrase is its subject.
fn speaker_read_as_conjunct(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 2..n {
        let toks = &s.tokens;
        if !speech_verb(&toks[v])
            || kids(toks, v).any(|c| matches!(base(toks, c), "nsubj" | "csubj" | "expl"))
        {
            continue;
        }
        let Some(clause) =
            kids(toks, v).find(|&c| c < v && matches!(base(toks, c), "ccomp" | "parataxis"))
        else {
            continue;
        };
        // The phrase ending right before the verb: climb from the word before it while the
        // head stays before the verb and the phrase stays contiguous.
        let mut np = v - 1;
        while base(toks, np) != "conj" {
            match head(toks, np) {
                Some(h) if h < v && (h..v).all(|i| descends_from(toks, i, h)) => np = h,
                _ => break,
            }
        }
        if base(toks, np) != "conj"
            || !matches!(toks[np].upos.as_str(), "NOUN" | "PROPN")
            || !descends_from(toks, np, clause)
            || kids(toks, np).any(|c| base(toks, c) == "cc")
        {
            continue;
        }
        let first =
            (0..=np).find(|&i| toks[i].upos != "PUNCT" && descends_from(toks, i, np)).unwrap_or(np);
        if first == 0 || toks[first - 1].form != "," {
            continue;
        }
        let comma = first - 1;
        if (first..v).any(|i| !descends_from(toks, i, np)) {
            continue;
        }
        let toks = &mut s.tokens;
        toks[np].head = (v + 1) as u32;
        toks[np].deprel = "nsubj".into();
        toks[comma].head = (v + 1) as u32;
        toks[comma].deprel = "punct".into();
        changed = true;
    }
    changed
}

/// The main verb after a subject's relative clause that the parser hung on a verb inside that
/// clause ("The protesters, who want the monarchy restored/root, had gathered/ccomp …"): when
/// the root verb lies inside the comma-closed relative clause of its own subject, and a verb
/// after the closing comma, finite or with an auxiliary and without a subject, hangs from it,
/// that verb becomes the root with the subject, and the root goes back into the relative
/// clause as its verb's complement.
fn reroot_from_relative_clause(s: &mut AnalyzedSentence) -> bool {
    let toks = &s.tokens;
    let n = toks.len();
    let Some(r) = (0..n).find(|&i| toks[i].head == 0) else { return false };
    if toks[r].upos != "VERB" {
        return false;
    }
    let Some(subj) = kids(toks, r).find(|&c| c < r && base(toks, c) == "nsubj") else {
        return false;
    };
    let Some(rel) = kids(toks, subj).find(|&c| c < r && toks[c].deprel == "acl:relcl") else {
        return false;
    };
    // The relative clause opens with a comma after the subject and closes with one after r.
    if !(subj + 1..rel).any(|i| toks[i].form == ",") {
        return false;
    }
    let Some(close) = (r + 1..n).find(|&i| toks[i].form == ",") else { return false };
    if (r + 1..close).any(|i| !descends_from(toks, i, r)) {
        return false;
    }
    let Some(v) = kids(toks, r).find(|&c| {
        c > close
            && toks[c].upos == "VERB"
            && matches!(base(toks, c), "ccomp" | "conj" | "parataxis")
            && (toks[c].feats.contains("VerbForm=Fin")
                || kids(toks, c).any(|a| base(toks, a) == "aux"))
            && !kids(toks, c).any(|a| matches!(base(toks, a), "nsubj" | "csubj" | "expl" | "mark"))
    }) else {
        return false;
    };
    // The verb's own words start right after the comma.
    if (close + 1..v).any(|i| !descends_from(toks, i, v)) {
        return false;
    }
    let later: Vec<usize> = kids(toks, r).filter(|&c| c >= close && c != v).collect();
    let vh = (v + 1) as u32;
    let toks = &mut s.tokens;
    toks[v].head = 0;
    toks[v].deprel = "root".into();
    toks[r].head = (rel + 1) as u32;
    toks[r].deprel = "xcomp".into();
    toks[subj].head = vh;
    for c in later {
        toks[c].head = vh;
    }
    true
}

/// The subject of a conjoined clause read as a conjunct of the noun before it ("met X in Cairo
/// on Sunday and the two/conj pledged/advcl to resolve …"): when a finite verb without a
/// subject follows right after a noun phrase opened by "and"/"but" that the parser made a
/// conjunct of an earlier noun, that phrase is the verb's subject, its conjunction the verb's,
/// and the verb (hung on an earlier verb) that verb's conjunct.
fn conjoined_clause_subject(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 2..n {
        let toks = &s.tokens;
        let t = &toks[v];
        if t.upos != "VERB"
            || !t.feats.contains("VerbForm=Fin")
            || !matches!(base(toks, v), "advcl" | "conj" | "parataxis")
            || kids(toks, v)
                .any(|c| c < v && matches!(base(toks, c), "nsubj" | "csubj" | "expl" | "mark"))
        {
            continue;
        }
        let Some(verb_head) = head(toks, v).filter(|&h| h < v && toks[h].upos == "VERB") else {
            continue;
        };
        // The word before the verb (past its auxiliaries and adverbs) ends the noun phrase.
        let Some(last) = (0..v).rev().find(|&i| !descends_from(toks, i, v)) else { continue };
        let mut np = last;
        while let Some(h) = head(toks, np).filter(|&h| h < v && base(toks, np) != "conj") {
            if !descends_from(toks, last, h) || h >= v {
                break;
            }
            np = h;
        }
        if base(toks, np) != "conj" || !matches!(toks[np].upos.as_str(), "NOUN" | "PROPN" | "NUM") {
            continue;
        }
        let Some(cc) = kids(toks, np).find(|&c| base(toks, c) == "cc" && c < np) else { continue };
        if !matches!(toks[cc].form.to_lowercase().as_str(), "and" | "but") {
            continue;
        }
        // The phrase spans from its conjunction to right before the verb's words.
        let first_v = (0..v).find(|&i| descends_from(toks, i, v)).unwrap_or(v);
        if (cc..first_v).any(|i| !descends_from(toks, i, np)) || last + 1 != first_v {
            continue;
        }
        if descends_from(toks, verb_head, np) {
            continue;
        }
        let vh = (v + 1) as u32;
        let toks = &mut s.tokens;
        toks[np].head = vh;
        toks[np].deprel = "nsubj".into();
        toks[cc].head = vh;
        toks[v].head = (verb_head + 1) as u32;
        toks[v].deprel = "conj".into();
        changed = true;
    }
    changed
}

/// A clause's past-tense verb the tagger took for a participle and the parser hung on its
/// subject as a modifier ("A Palestinian man stabbed/VBN/acl and wounded a soldier …, the
/// military said" with "man" the reported clause). When a noun stands where a clause belongs —
/// the complement or parenthetical of a verb, a second subject of a verb that has one, or the
/// root with the verb taking an object — and its `acl` child is a past verb right after the
/// noun's words, with no subject, subordinator or auxiliary of its own, the verb takes the
/// noun's place and the noun becomes its subject. A headline's "Soldiers killed in ambush"
/// (a root noun, no object) is left alone.
fn main_verb_read_as_participle(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 1..n {
        let toks = &s.tokens;
        let t = &toks[v];
        if t.upos != "VERB" || !matches!(t.xpos.as_str(), "VBN" | "VBD") || t.deprel != "acl" {
            continue;
        }
        let Some(noun) = head(toks, v).filter(|&h| h < v) else { continue };
        if !matches!(toks[noun].upos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        if kids(toks, v)
            .any(|c| matches!(base(toks, c), "nsubj" | "csubj" | "expl" | "mark" | "aux" | "cop"))
        {
            continue;
        }
        // Right after the noun's own words, no comma between.
        if (noun + 1..v).any(|i| !descends_from(toks, i, noun) || toks[i].upos == "PUNCT") {
            continue;
        }
        let takes_object = std::iter::once(v)
            .chain(kids(toks, v).filter(|&c| base(toks, c) == "conj" && toks[c].upos == "VERB"))
            .any(|w| kids(toks, w).any(|c| base(toks, c) == "obj"));
        let second_subject = base(toks, noun) == "nsubj"
            && head(toks, noun)
                .is_some_and(|h| kids(toks, h).any(|c| c != noun && base(toks, c) == "nsubj"));
        let rel = match base(toks, noun) {
            "ccomp" | "parataxis" => toks[noun].deprel.clone(),
            "root" if takes_object => "root".to_string(),
            _ if second_subject => "ccomp".to_string(),
            _ => continue,
        };
        let later: Vec<usize> = kids(toks, noun).filter(|&c| c > v).collect();
        let conjuncts: Vec<usize> = kids(toks, v)
            .filter(|&c| {
                base(toks, c) == "conj"
                    && toks[c].xpos == "VBN"
                    && !kids(toks, c).any(|d| matches!(base(toks, d), "aux" | "nsubj"))
            })
            .collect();
        let nh = toks[noun].head;
        let vh = (v + 1) as u32;
        let toks = &mut s.tokens;
        toks[v].head = nh;
        toks[v].deprel = rel;
        toks[noun].head = vh;
        toks[noun].deprel = "nsubj".into();
        for c in later {
            toks[c].head = vh;
        }
        for w in std::iter::once(v).chain(conjuncts) {
            if toks[w].xpos == "VBN" {
                toks[w].xpos = "VBD".into();
                toks[w].feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
            }
        }
        changed = true;
    }
    changed
}

/// Head words of phrases that say when, besides the calendar names timex reads
/// ([`timex::names_a_time`]): dawn, the days next to today, and spans of time ("last week").
const TIME_WORDS: &[&str] =
    &["dawn", "yesterday", "today", "tonight", "weekend", "day", "week", "month", "year", "hour"];

/// A phrase head that says when.
pub(crate) fn says_when(lemma: &str) -> bool {
    let l = lemma.to_lowercase();
    timex::names_a_time(&l) || TIME_WORDS.contains(&l.as_str())
}

/// Words that are both prepositions and subordinators.
const SUBORDINATORS: &[&str] =
    &["after", "before", "until", "till", "since", "once", "as", "because", "while"];

fn subordinate_clause_read_as_phrase(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 0..n {
        let toks = &s.tokens;
        let t = &toks[v];
        // `acl` proper: a relative clause (`acl:relcl`) is another shape.
        if t.upos != "VERB"
            || !t.feats.contains("VerbForm=Fin")
            || !t.feats.contains("Mood=Ind")
            || t.deprel != "acl"
        {
            continue;
        }
        let Some(noun) = head(toks, v).filter(|&h| h < v) else { continue };
        if !matches!(toks[noun].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            || base(toks, noun) != "obl"
        {
            continue;
        }
        if kids(toks, v).any(|c| matches!(base(toks, c), "nsubj" | "csubj" | "expl" | "mark")) {
            continue;
        }
        let Some(case) = kids(toks, noun).find(|&c| base(toks, c) == "case" && c < noun) else {
            continue;
        };
        if !SUBORDINATORS.contains(&toks[case].form.to_lowercase().as_str())
            || kids(toks, case).next().is_some()
        {
            continue;
        }
        // The verb follows the noun's own words directly (nothing of another phrase between).
        let noun_end =
            (noun..v).rev().find(|&i| descends_from(toks, i, noun) && !descends_from(toks, i, v));
        if noun_end.is_none_or(|e| (e + 1..v).any(|i| !descends_from(toks, i, v))) {
            continue;
        }
        let nh = toks[noun].head;
        let vh = (v + 1) as u32;
        let toks = &mut s.tokens;
        toks[v].head = nh;
        toks[v].deprel = "advcl".into();
        toks[noun].head = vh;
        toks[noun].deprel = "nsubj".into();
        toks[case].head = vh;
        toks[case].deprel = "mark".into();
        changed = true;
    }
    changed
}

fn reattach_before_trailing_attribution(s: &mut AnalyzedSentence) -> bool {
    let n = s.tokens.len();
    let mut changed = false;
    for v in 0..n {
        let toks = &s.tokens;
        if !speech_verb(&toks[v]) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&c| head(toks, c) == Some(v)).collect();
        // The subject comes after a comma that follows the reported clause.
        let Some(&subj) = kids.iter().find(|&&c| base(toks, c) == "nsubj" && c < v) else {
            continue;
        };
        let Some(comma) = (0..subj).rev().find(|&i| toks[i].form == ",") else { continue };
        if (comma + 1..subj).any(|i| !descends_from(toks, i, subj)) {
            continue;
        }
        // The reported clause: a complement before the comma, or the clause the attribution
        // itself hangs from as a parenthetical ("X did Y, an official said").
        // A date the parser made the saying's complement ("killed … in Kumbo, on Sunday, the
        // army said", with "Sunday" as `ccomp`) is no reported clause; it moves like an `obl`.
        let date_as_clause = |c: usize| {
            base(toks, c) == "ccomp"
                && matches!(toks[c].upos.as_str(), "NOUN" | "PROPN" | "NUM")
                && says_when(&toks[c].lemma)
        };
        let own = kids.iter().copied().find(|&c| {
            matches!(base(toks, c), "ccomp" | "parataxis") && c < comma && !date_as_clause(c)
        });
        let host =
            head(toks, v).filter(|&h| matches!(base(toks, v), "parataxis" | "advcl") && h < comma);
        let Some(clause) = own.or(host) else { continue };
        let hosted = own.is_none();
        let movable: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&d| {
                (matches!(base(toks, d), "obl" | "nmod") || date_as_clause(d))
                    && d < comma
                    && (0..n).all(|k| !descends_from(toks, k, d) || k <= comma)
            })
            .collect();
        let mut moves = Vec::new();
        for d in movable {
            // A date or time of day is the reported clause's own ("killed … on Wednesday, the
            // ministry said"), not a modifier of the noun before it.
            if (base(toks, d) == "obl" || date_as_clause(d)) && says_when(&toks[d].lemma) {
                moves.push((d, clause, "obl"));
                continue;
            }
            let first = (0..=d).find(|&k| descends_from(toks, k, d)).unwrap_or(d);
            let target = (0..first).rev().find(|&h| {
                descends_from(toks, h, clause)
                    && !(hosted && descends_from(toks, h, v))
                    && matches!(toks[h].upos.as_str(), "NOUN" | "PROPN" | "VERB")
            });
            if let Some(h) = target {
                let rel = if toks[h].upos == "VERB" { "obl" } else { "nmod" };
                moves.push((d, h, rel));
            }
        }
        for (d, h, rel) in moves {
            s.tokens[d].head = (h + 1) as u32;
            s.tokens[d].deprel = rel.into();
            changed = true;
        }
    }
    changed
}

fn reroot_swallowed_main_verb(s: &mut AnalyzedSentence) -> bool {
    let toks = &s.tokens;
    let n = toks.len();
    // Heads are 1-based (0 = root), as in CoNLL-U.
    let Some(root) = (0..n).find(|&i| toks[i].head == 0) else { return false };
    if !matches!(toks[root].upos.as_str(), "NOUN" | "PROPN") {
        return false;
    }
    if kids(toks, root).any(|c| matches!(base(toks, c), "cop" | "nsubj" | "csubj")) {
        return false;
    }
    for v in root + 1..n {
        let t = &toks[v];
        // A conjunct of the clause's verb, or (another greedy error) a parenthetical
        // beside it.
        if t.upos != "VERB" || !t.feats.contains("VerbForm=Fin") {
            continue;
        }
        let rel = base(toks, v);
        if rel != "conj" && rel != "parataxis" && rel != "advcl" {
            continue;
        }
        if kids(toks, v).any(|c| matches!(base(toks, c), "nsubj" | "csubj" | "expl")) {
            continue;
        }
        // An adverbial clause is one when it has a subordinator ("…, after talks failed");
        // a bare finite verb after the comma is the sentence's own.
        if rel == "advcl" && kids(toks, v).any(|c| base(toks, c) == "mark") {
            continue;
        }
        // A parenthetical with a subordinator or quotation marks of its own is one.
        if rel == "parataxis"
            && kids(toks, v).any(|c| {
                base(toks, c) == "mark"
                    || (base(toks, c) == "punct"
                        && !matches!(toks[c].form.as_str(), "," | "." | "!" | "?"))
            })
        {
            continue;
        }
        // Up from the verb through conjuncts and clauses to a clause modifying the root.
        let mut cur = v;
        let mut inside_clause = false;
        for _ in 0..n {
            let Some(h) = head(toks, cur) else { break };
            if h == root {
                inside_clause = base(toks, cur) == "acl";
                break;
            }
            if !matches!(
                base(toks, cur),
                "conj" | "parataxis" | "acl" | "xcomp" | "ccomp" | "advcl"
            ) {
                break;
            }
            cur = h;
        }
        if !inside_clause {
            continue;
        }
        // The comma that closes the clause comes right before the verb's own words.
        let leftmost =
            (0..v).find(|&i| toks[i].upos != "PUNCT" && descends_from(toks, i, v)).unwrap_or(v);
        if leftmost == 0 || toks[leftmost - 1].form != "," {
            continue;
        }
        let vh = (v + 1) as u32;
        let later_punct: Vec<usize> =
            kids(toks, root).filter(|&c| c > v && base(toks, c) == "punct").collect();
        // Words after the verb that hang from the clause before it ("…, turned himself in …,
        // Mehr news agency **reported**" under "carry") belong to the new root: the tree stays
        // projective and the clause ends at its comma.
        let clause_top = cur;
        let later_clause: Vec<usize> = (v + 1..n)
            .filter(|&c| {
                head(toks, c).is_some_and(|h| h < v && descends_from(toks, h, clause_top))
                    && !descends_from(toks, c, v)
            })
            .collect();
        let toks = &mut s.tokens;
        toks[v].head = 0;
        toks[v].deprel = "root".into();
        toks[root].head = vh;
        toks[root].deprel = "nsubj".into();
        for c in later_punct.into_iter().chain(later_clause) {
            toks[c].head = vh;
        }
        return true;
    }
    false
}

/// "who" or "which", the relative pronouns that open a clause on a person or body.
fn relative_pronoun(t: &model::Token) -> bool {
    t.form.eq_ignore_ascii_case("who") || t.form.eq_ignore_ascii_case("which")
}

/// The index of word `i`'s head; `None` for the root.
/// A verb of saying ("said", "told", "announced"), as tagged.
fn speech_verb(t: &model::Token) -> bool {
    t.upos == "VERB" && provenance::attribution::SPEECH.contains(&t.lemma.as_str())
}

fn head(toks: &[model::Token], i: usize) -> Option<usize> {
    (toks[i].head as usize).checked_sub(1)
}

/// Word `i`'s relation without its subtype ("obl" for `obl:tmod`).
fn base(toks: &[model::Token], i: usize) -> &str {
    toks[i].deprel.split(':').next().unwrap_or("")
}

/// The words whose head is word `p`.
fn kids(toks: &[model::Token], p: usize) -> impl Iterator<Item = usize> + '_ {
    (0..toks.len()).filter(move |&c| head(toks, c) == Some(p))
}

fn descends_from(toks: &[model::Token], mut i: usize, anc: usize) -> bool {
    for _ in 0..toks.len() {
        if i == anc {
            return true;
        }
        match (toks[i].head as usize).checked_sub(1) {
            Some(h) => i = h,
            None => return false,
        }
    }
    false
}

/// Our analysis of a record's raw text for `validate --parse ours`: the pipeline's tokenizer,
/// tagger and parser, then [`repair`] on each sentence.
#[derive(Debug)]
pub struct RecordParser(pub depparse::Models);

impl coder::validate::SentenceParser for RecordParser {
    fn parse(&self, text: &str) -> Vec<model::AnalyzedSentence> {
        let para = [model::Span::new(0, text.len())];
        let p = nlp::Pipeline::new(&self.0, &self.0);
        let mut sents = p.analyze(text, &para).unwrap_or_default();
        for s in &mut sents {
            repair(s);
        }
        sents
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Span, Token};

    #[test]
    fn close_to_is_the_adjective() {
        // Sources close to the minister said the talks had failed.
        let mut s = sentence(
            "Sources/NOUN/2/nsubj close/VERB/5/nsubj to/ADP/4/case minister/NOUN/2/obl \
             said/VERB/0/root the/DET/7/det talks/NOUN/8/nsubj failed/VERB/5/ccomp",
        );
        assert!(repair(&mut s));
        let t = &s.tokens;
        assert_eq!((t[0].head, t[0].deprel.as_str()), (5, "nsubj"));
        assert_eq!((t[1].upos.as_str(), t[1].head, t[1].deprel.as_str()), ("ADJ", 1, "amod"));
        assert_eq!(t[3].head, 2);
        // Banners close to the stadium: it modifies the noun before it.
        let mut s = sentence(
            "unfurling/VERB/0/root banners/NOUN/1/obj close/VERB/1/xcomp to/ADP/5/case \
             stadium/NOUN/3/obl",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[2].head, s.tokens[2].deprel.as_str()), (2, "amod"));
        // The verb stays a verb with an auxiliary of its own: the road will close to traffic.
        let mut s = sentence(
            "road/NOUN/3/nsubj will/AUX/3/aux close/VERB/0/root to/ADP/5/case traffic/NOUN/3/obl",
        );
        repair(&mut s);
        assert_eq!(s.tokens[2].upos, "VERB");
    }

    #[test]
    fn time_heads_are_calendar_names_and_spans() {
        let when = "Monday tuesday WEDNESDAY thursday friday saturday sunday january february \
                    march april may june july august september october november december jan \
                    feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening night \
                    overnight dawn yesterday today tonight weekend day week month year hour";
        for w in when.split_whitespace() {
            assert!(says_when(w), "{w}");
        }
        // Abbreviated weekdays and plain nouns are no time heads here.
        for w in ["wed", "sat", "sun", "days", "market", "capital", "spring"] {
            assert!(!says_when(w), "{w}");
        }
    }

    /// `form/UPOS/head/deprel/feats` items separated by spaces.
    fn sentence(spec: &str) -> AnalyzedSentence {
        let mut tokens = Vec::new();
        let mut at = 0;
        for item in spec.split_whitespace() {
            let f: Vec<&str> = item.split('/').collect();
            tokens.push(Token {
                span: Span::new(at, at + f[0].len()),
                form: f[0].into(),
                lemma: f[0].to_lowercase(),
                upos: f[1].into(),
                xpos: String::new(),
                feats: f.get(4).copied().unwrap_or("").into(),
                head: f[2].parse().unwrap(),
                deprel: f[3].into(),
                mwt: None,
            });
            at += f[0].len() + 1;
        }
        AnalyzedSentence { index: 0, span: Span::new(0, at), tokens }
    }

    #[test]
    fn a_claim_read_as_a_relative_clause_of_its_day_is_what_was_said() {
        // "Officials said on Friday that/PRON rebels had/relcl attacked a base ." The clause
        // becomes the complement of "said", "that" its subordinator.
        let mut s = sentence(
            "Officials/NOUN/2/nsubj said/VERB/0/root on/ADP/4/case Friday/PROPN/2/obl \
             that/PRON/8/obj rebels/NOUN/8/nsubj had/AUX/8/aux attacked/VERB/4/acl:relcl \
             a/DET/10/det base/NOUN/8/obj ./PUNCT/2/punct",
        );
        s.tokens[1].lemma = "say".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[7].head, s.tokens[7].deprel.as_str()), (2, "ccomp"));
        assert_eq!((s.tokens[4].head, s.tokens[4].deprel.as_str()), (8, "mark"));
        assert!(!repair(&mut s), "idempotent");
        // A real relative clause on a thing said through is left alone: "said in a report
        // that/PRON the agency published".
        let mut r = sentence(
            "Officials/NOUN/2/nsubj said/VERB/0/root in/ADP/5/case a/DET/5/det report/NOUN/2/obl \
             that/PRON/9/obj the/DET/8/det agency/NOUN/9/nsubj published/VERB/5/acl:relcl \
             ./PUNCT/2/punct",
        );
        r.tokens[1].lemma = "say".into();
        assert!(!repair(&mut r));
    }

    #[test]
    fn shot_dead_read_as_a_noun_is_the_verb() {
        // "Gunmen shot/NOUN dead/ADJ a farmer , police said ." with "dead" the subject of
        // "said".
        let mut s = sentence(
            "Gunmen/NOUN/2/compound shot/NOUN/7/ccomp dead/ADJ/7/nsubj a/DET/5/det \
             farmer/NOUN/3/obj ,/PUNCT/7/punct police/NOUN/7/nsubj said/VERB/0/root \
             ./PUNCT/8/punct",
        );
        // (The spec's heads are 1-based: fix "said" as word 8.)
        for t in &mut s.tokens {
            if t.head == 7 {
                t.head = 8;
            }
        }
        s.tokens[6].head = 8;
        s.tokens[6].deprel = "nsubj".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[1].upos.as_str(), s.tokens[1].head), ("VERB", 8));
        assert_eq!(s.tokens[1].deprel, "ccomp");
        assert_eq!((s.tokens[0].head, s.tokens[0].deprel.as_str()), (2, "nsubj"));
        assert_eq!((s.tokens[4].head, s.tokens[4].deprel.as_str()), (2, "obj"));
        assert_eq!((s.tokens[2].head, s.tokens[2].deprel.as_str()), (2, "xcomp"));
        // "a shot" after a verb, and "shot dead" already a verb, are left alone.
        let mut s = sentence(
            "He/PRON/2/nsubj heard/VERB/0/root a/DET/4/det shot/NOUN/2/obj ./PUNCT/2/punct",
        );
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_gerund_read_as_an_auxiliary_is_the_subject() {
        // "Looting spread to the suburbs ." and "Heavy fighting … " shapes: an -ing aux of a
        // subjectless verb.
        let mut s = sentence(
            "Looting/VERB/2/aux spread/VERB/0/root/VerbForm=Fin to/ADP/5/case the/DET/5/det \
             suburbs/NOUN/2/obl ./PUNCT/2/punct",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[0].upos.as_str(), s.tokens[0].deprel.as_str()), ("NOUN", "nsubj"));
        let mut s = sentence(
            "Shelling/VERB/2/aux:pass killed/VERB/0/root/Voice=Pass four/NUM/4/nummod \
             civilians/NOUN/2/obj ./PUNCT/2/punct",
        );
        assert!(repair(&mut s));
        assert_eq!(s.tokens[0].deprel, "nsubj");
        assert_eq!(s.tokens[1].feats, "");
        // A real auxiliary, and a verb that has its subject, are left alone.
        let mut s = sentence(
            "Being/AUX/2/aux:pass attacked/VERB/0/root ,/PUNCT/2/punct they/PRON/5/nsubj \
             fled/VERB/2/conj ./PUNCT/2/punct",
        );
        s.tokens[0].lemma = "be".into();
        assert!(!repair(&mut s));
        let mut s = sentence(
            "Rebels/NOUN/3/nsubj fighting/VERB/3/aux took/VERB/0/root the/DET/5/det \
             town/NOUN/3/obj ./PUNCT/3/punct",
        );
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_verb_hung_as_an_adverbial_clause_of_a_relative_clause_becomes_the_root() {
        // "Prime Minister Henry, who was attending a summit in Guyana, called for calm."
        let mut s = sentence(
            "Minister/PROPN/2/nmod:desc Henry/PROPN/0/root ,/PUNCT/5/punct who/PRON/5/nsubj \
             attending/VERB/2/acl:relcl/VerbForm=Part summit/NOUN/5/obj ,/PUNCT/8/punct \
             called/VERB/5/advcl/VerbForm=Fin for/ADP/10/case calm/NOUN/8/obl ./PUNCT/2/punct",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[7].head, s.tokens[7].deprel.as_str()), (0, "root"));
        assert_eq!((s.tokens[1].head, s.tokens[1].deprel.as_str()), (8, "nsubj"));
        // With a subordinator it is an adverbial clause: "…, after talks failed" stays.
        let mut s = sentence(
            "Henry/PROPN/0/root ,/PUNCT/4/punct who/PRON/4/nsubj attending/VERB/1/acl:relcl \
             summit/NOUN/4/obj ,/PUNCT/8/punct after/SCONJ/8/mark failed/VERB/4/advcl/VerbForm=Fin",
        );
        repair(&mut s);
        assert_eq!(s.tokens[7].deprel, "advcl");
    }

    #[test]
    fn a_relative_clause_read_as_an_adverbial_clause_modifies_the_subject() {
        // "The Arakan Army, which seized Rakhine, condemned the strike."
        let mut s = sentence(
            "The/DET/3/det Arakan/ADJ/3/amod Army/PROPN/8/nsubj ,/PUNCT/6/punct \
             which/PRON/6/nsubj seized/VERB/8/advcl Rakhine/PROPN/6/obj ,/PUNCT/6/punct \
             condemned/VERB/0/root strike/NOUN/9/obj",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[5].head, s.tokens[5].deprel.as_str()), (3, "acl:relcl"));
        // After the verb, a clause on the whole sentence stays: "Taiwan held drills, which
        // angered Beijing."
        let mut s = sentence(
            "Taiwan/PROPN/2/nsubj held/VERB/0/root drills/NOUN/2/obj ,/PUNCT/6/punct \
             which/PRON/6/nsubj angered/VERB/2/advcl Beijing/PROPN/6/obj",
        );
        repair(&mut s);
        assert_eq!(s.tokens[5].deprel, "advcl");
    }

    #[test]
    fn a_relative_clause_read_as_the_main_clause_gives_its_verb_back() {
        // "Taliban officials, who were negotiating with envoys, condemned the attack." read
        // with "negotiating" as the root and "condemned" its conjunct.
        let mut s = sentence(
            "Taliban/PROPN/2/compound officials/NOUN/6/obl ,/PUNCT/2/punct who/PRON/6/nsubj \
             were/AUX/6/aux negotiating/VERB/0/root with/ADP/8/case envoys/NOUN/6/obl \
             ,/PUNCT/10/punct condemned/VERB/6/conj/VerbForm=Fin the/DET/12/det \
             attack/NOUN/10/obj ./PUNCT/6/punct",
        );
        assert!(repair(&mut s));
        let t = &s.tokens;
        assert_eq!((t[9].head, t[9].deprel.as_str()), (0, "root"));
        assert_eq!((t[1].head, t[1].deprel.as_str()), (10, "nsubj"));
        assert_eq!((t[5].head, t[5].deprel.as_str()), (2, "acl:relcl"));
        assert_eq!(t[12].head, 10, "the final stop moves to the new root");
        // A conjunct with a subject of its own is a clause of its own and stays.
        let mut s = sentence(
            "officials/NOUN/4/obl ,/PUNCT/1/punct who/PRON/4/nsubj negotiating/VERB/0/root \
             ,/PUNCT/7/punct they/PRON/7/nsubj condemned/VERB/4/conj/VerbForm=Fin",
        );
        repair(&mut s);
        assert_eq!(s.tokens[3].head, 0);
    }

    #[test]
    fn a_verb_swallowed_by_a_relative_clause_becomes_the_root() {
        let mut s = sentence(
            "A/DET/2/det member/NOUN/0/root ,/PUNCT/6/punct who/PRON/6/nsubj \
             was/AUX/6/cop carry/VERB/2/acl:relcl/VerbForm=Inf ,/PUNCT/8/punct \
             turned/VERB/6/conj/VerbForm=Fin himself/PRON/8/obj ./PUNCT/2/punct",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[7].head, s.tokens[7].deprel.as_str()), (0, "root"));
        assert_eq!((s.tokens[1].head, s.tokens[1].deprel.as_str()), (8, "nsubj"));
        assert_eq!(s.tokens[9].head, 8, "the final stop moves to the new root");
    }

    #[test]
    fn a_verb_hung_as_a_parenthetical_of_the_relative_clause_becomes_the_root() {
        // "A delegate, who was to sign the pact, walked out of the talks." with "walked" a
        // parataxis under "sign".
        let mut s = sentence(
            "A/DET/2/det delegate/NOUN/0/root ,/PUNCT/6/punct who/PRON/6/nsubj \
             was/AUX/6/cop sign/VERB/2/acl:relcl/VerbForm=Inf the/DET/8/det pact/NOUN/6/obj \
             ,/PUNCT/10/punct walked/VERB/6/parataxis/VerbForm=Fin out/ADP/10/compound:prt \
             ./PUNCT/2/punct",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[9].head, s.tokens[9].deprel.as_str()), (0, "root"));
        assert_eq!((s.tokens[1].head, s.tokens[1].deprel.as_str()), (10, "nsubj"));
        assert_eq!(s.tokens[11].head, 10);
        // A parenthetical with a subordinator is a clause of its own: left alone.
        let mut s = sentence(
            "A/DET/2/det delegate/NOUN/0/root ,/PUNCT/6/punct who/PRON/6/nsubj \
             was/AUX/6/cop sign/VERB/2/acl:relcl/VerbForm=Inf ,/PUNCT/9/punct \
             as/SCONJ/9/mark planned/VERB/6/parataxis/VerbForm=Fin ./PUNCT/2/punct",
        );
        assert!(!repair(&mut s));
    }

    #[test]
    fn later_words_of_the_clause_move_to_the_new_root() {
        // "A member, who was to carry, turned, Mehr reported." with "reported" under "carry".
        let mut s = sentence(
            "A/DET/2/det member/NOUN/0/root ,/PUNCT/6/punct who/PRON/6/nsubj \
             was/AUX/6/cop carry/VERB/2/acl:relcl/VerbForm=Inf ,/PUNCT/8/punct \
             turned/VERB/6/conj/VerbForm=Fin ,/PUNCT/11/punct Mehr/PROPN/11/nsubj \
             reported/VERB/6/advcl/VerbForm=Fin ./PUNCT/2/punct",
        );
        assert!(repair(&mut s));
        assert_eq!(s.tokens[10].head, 8, "reported hangs from turned");
        assert_eq!(s.tokens[11].head, 8);
    }

    #[test]
    fn a_phrase_of_the_reported_clause_leaves_the_trailing_attribution() {
        // "He planned an attack on forces , an official said ." with "forces" under "said".
        let mut s = sentence(
            "He/PRON/2/nsubj planned/VERB/10/ccomp/VerbForm=Fin an/DET/4/det attack/NOUN/2/obj \
             on/ADP/6/case forces/NOUN/10/obl ,/PUNCT/10/punct an/DET/9/det \
             official/NOUN/10/nsubj said/VERB/0/root/VerbForm=Fin ./PUNCT/10/punct",
        );
        s.tokens[9].lemma = "say".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[5].head, s.tokens[5].deprel.as_str()), (4, "nmod"));
        // The reported clause itself and the subject stay where they are.
        assert_eq!(s.tokens[1].head, 10);
        assert_eq!(s.tokens[8].head, 10);
        assert!(!repair(&mut s), "a mended tree is left alone");
        // The attribution hung from the clause it reports, as a parenthetical.
        let mut s = sentence(
            "He/PRON/2/nsubj planned/VERB/0/root/VerbForm=Fin an/DET/4/det attack/NOUN/2/obj \
             on/ADP/6/case forces/NOUN/10/obl ,/PUNCT/10/punct an/DET/9/det \
             official/NOUN/10/nsubj said/VERB/2/parataxis/VerbForm=Fin ./PUNCT/2/punct",
        );
        s.tokens[9].lemma = "say".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[5].head, s.tokens[5].deprel.as_str()), (4, "nmod"));
        // A date before the comma is the reported clause's own, also with the attribution hung
        // as an adverbial clause: "He left Gondor on Monday , an official said ."
        let mut s = sentence(
            "He/PRON/2/nsubj left/VERB/0/root/VerbForm=Fin Gondor/PROPN/2/obj on/ADP/5/case \
             Monday/PROPN/9/obl ,/PUNCT/5/punct an/DET/8/det official/NOUN/9/nsubj \
             said/VERB/2/advcl/VerbForm=Fin ./PUNCT/2/punct",
        );
        s.tokens[8].lemma = "say".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[4].head, s.tokens[4].deprel.as_str()), (2, "obl"));
        // The same date made the saying's complement: "He left Gondor on Monday , an official
        // said ." with "Monday" a `ccomp` of "said".
        let mut s = sentence(
            "He/PRON/2/nsubj left/VERB/0/root/VerbForm=Fin Gondor/PROPN/2/obj on/ADP/5/case \
             Monday/PROPN/9/ccomp ,/PUNCT/5/punct an/DET/8/det official/NOUN/9/nsubj \
             said/VERB/2/advcl/VerbForm=Fin ./PUNCT/2/punct",
        );
        s.tokens[8].lemma = "say".into();
        s.tokens[4].lemma = "Monday".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[4].head, s.tokens[4].deprel.as_str()), (2, "obl"));
        assert!(!repair(&mut s), "a mended tree is left alone");
        // A phrase after the verb ("said on Monday") is the saying's own.
        let mut s = sentence(
            "He/PRON/2/nsubj left/VERB/6/ccomp/VerbForm=Fin ,/PUNCT/6/punct an/DET/5/det \
             official/NOUN/6/nsubj said/VERB/0/root/VerbForm=Fin on/ADP/8/case \
             Monday/PROPN/6/obl ./PUNCT/6/punct",
        );
        s.tokens[5].lemma = "say".into();
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_subordinate_clause_read_as_a_phrase_gets_its_subject_back() {
        // "The road reopened after the gunman surrendered himself ." with "gunman" an oblique
        // of "reopened" and "surrendered" a modifier of "gunman".
        let fin = "Mood=Ind|Tense=Past|VerbForm=Fin";
        let mut s = sentence(&format!(
            "The/DET/2/det road/NOUN/3/nsubj reopened/VERB/0/root/{fin} after/ADP/6/case \
             the/DET/6/det gunman/NOUN/3/obl surrendered/VERB/6/acl/{fin} \
             himself/PRON/7/obj ./PUNCT/3/punct"
        ));
        assert!(repair(&mut s));
        assert_eq!((s.tokens[6].head, s.tokens[6].deprel.as_str()), (3, "advcl"));
        assert_eq!((s.tokens[5].head, s.tokens[5].deprel.as_str()), (7, "nsubj"));
        assert_eq!((s.tokens[3].head, s.tokens[3].deprel.as_str()), (7, "mark"));
        assert!(!repair(&mut s), "a mended tree is left alone");
        // A participle ("the talks held in Rome") or a preposition that never subordinates
        // ("with the troops stationed there") is a modifier indeed.
        let mut s = sentence(
            "They/PRON/2/nsubj met/VERB/0/root/VerbForm=Fin after/ADP/4/case \
             talks/NOUN/2/obl held/VERB/4/acl/Tense=Past|VerbForm=Part in/ADP/7/case \
             Rome/PROPN/5/obl",
        );
        assert!(!repair(&mut s));
        let mut s = sentence(&format!(
            "They/PRON/2/nsubj left/VERB/0/root/{fin} with/ADP/5/case the/DET/5/det \
             troops/NOUN/2/obl stayed/VERB/5/acl/{fin}"
        ));
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_main_verb_read_as_a_participle_of_its_subject_heads_the_clause() {
        // "A man stabbed a guard , police said ." with "man" the complement of "said".
        let mut s = sentence(
            "A/DET/2/det man/NOUN/7/ccomp stabbed/VERB/2/acl a/DET/5/det guard/NOUN/3/obj \
             ,/PUNCT/2/punct police/NOUN/7/nsubj said/VERB/0/root ./PUNCT/7/punct",
        );
        s.tokens[2].xpos = "VBN".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[2].head, s.tokens[2].deprel.as_str()), (7, "ccomp"));
        assert_eq!((s.tokens[1].head, s.tokens[1].deprel.as_str()), (3, "nsubj"));
        assert_eq!(s.tokens[5].head, 3, "the comma goes with the verb");
        assert_eq!(s.tokens[2].xpos, "VBD");
        assert!(!repair(&mut s), "a mended tree is left alone");
        // "Groups clashed in Tripoli , the ministry said ." with two subjects on "said".
        let mut s = sentence(
            "Groups/NOUN/8/nsubj clashed/VERB/1/acl in/ADP/4/case Tripoli/PROPN/2/obl \
             ,/PUNCT/1/punct the/DET/7/det ministry/NOUN/8/nsubj said/VERB/0/root \
             ./PUNCT/8/punct",
        );
        s.tokens[1].xpos = "VBN".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[1].head, s.tokens[1].deprel.as_str()), (8, "ccomp"));
        assert_eq!((s.tokens[0].head, s.tokens[0].deprel.as_str()), (2, "nsubj"));
        // A headline: "Soldiers killed in ambush" is a noun phrase.
        let mut s =
            sentence("Soldiers/NOUN/0/root killed/VERB/1/acl in/ADP/4/case ambush/NOUN/2/obl");
        s.tokens[1].xpos = "VBN".into();
        assert!(!repair(&mut s));
        // A participle of a subject that is the only one: "Men wounded in the blast died".
        let mut s = sentence(
            "Men/NOUN/5/nsubj wounded/VERB/1/acl in/ADP/4/case blast/NOUN/2/obl \
             died/VERB/0/root",
        );
        s.tokens[1].xpos = "VBN".into();
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_conjoined_clause_gets_its_subject_back() {
        // "Arnor met Rohan on Sunday and the two pledged peace ." with "two" a conjunct of
        // "Sunday" and "pledged" an adverbial clause of "met".
        let fin = "Mood=Ind|Tense=Past|VerbForm=Fin";
        let mut s = sentence(&format!(
            "Arnor/PROPN/2/nsubj met/VERB/0/root/{fin} Rohan/PROPN/2/obj on/ADP/5/case \
             Sunday/PROPN/2/obl and/CCONJ/8/cc the/DET/8/det two/NUM/5/conj \
             pledged/VERB/2/advcl/{fin} peace/NOUN/9/obj ./PUNCT/2/punct"
        ));
        assert!(repair(&mut s));
        assert_eq!((s.tokens[7].head, s.tokens[7].deprel.as_str()), (9, "nsubj"));
        assert_eq!((s.tokens[8].head, s.tokens[8].deprel.as_str()), (2, "conj"));
        assert_eq!(s.tokens[5].head, 9);
        assert!(!repair(&mut s), "a mended tree is left alone");
        // A verb with its own subject is left alone.
        let mut s = sentence(&format!(
            "Arnor/PROPN/2/nsubj met/VERB/0/root/{fin} Rohan/PROPN/2/obj and/CCONJ/5/cc \
             Gondor/PROPN/3/conj ,/PUNCT/8/punct they/PRON/8/nsubj said/VERB/2/parataxis/{fin}"
        ));
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_main_verb_hung_inside_the_subjects_relative_clause_becomes_the_root() {
        // "The men , who want the king back/root , had gathered early ." with "back" the root.
        let mut s = sentence(
            "The/DET/2/det men/NOUN/8/nsubj ,/PUNCT/5/punct who/PRON/5/nsubj \
             want/VERB/2/acl:relcl the/DET/7/det king/NOUN/5/obj back/VERB/0/root \
             ,/PUNCT/11/punct had/AUX/11/aux gathered/VERB/8/ccomp/VerbForm=Part \
             early/ADV/11/advmod ./PUNCT/8/punct",
        );
        assert!(repair(&mut s));
        assert_eq!((s.tokens[10].head, s.tokens[10].deprel.as_str()), (0, "root"));
        assert_eq!((s.tokens[1].head, s.tokens[1].deprel.as_str()), (11, "nsubj"));
        assert_eq!((s.tokens[7].head, s.tokens[7].deprel.as_str()), (5, "xcomp"));
        assert_eq!(s.tokens[12].head, 11, "the final stop moves to the new root");
        assert!(!repair(&mut s), "a mended tree is left alone");
    }

    #[test]
    fn a_speaker_read_as_a_conjunct_is_the_subject_of_saying() {
        // "Gunmen killed ten people , police said ." with "police" a conjunct of "people".
        let mut s = sentence(
            "Gunmen/NOUN/2/nsubj killed/VERB/7/ccomp ten/NUM/4/nummod people/NOUN/2/obj \
             ,/PUNCT/6/punct police/NOUN/4/conj said/VERB/0/root ./PUNCT/7/punct",
        );
        s.tokens[6].lemma = "say".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[5].head, s.tokens[5].deprel.as_str()), (7, "nsubj"));
        assert_eq!(s.tokens[4].head, 7);
        assert!(!repair(&mut s), "a mended tree is left alone");
        // A real conjunct with its conjunction: "… people and police said" is left alone.
        let mut s = sentence(
            "Gunmen/NOUN/2/nsubj killed/VERB/7/ccomp ten/NUM/4/nummod people/NOUN/2/obj \
             and/CCONJ/6/cc police/NOUN/4/conj said/VERB/0/root ./PUNCT/7/punct",
        );
        s.tokens[6].lemma = "say".into();
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_phrase_of_the_saying_leaves_the_reported_clause() {
        // "The army said on Monday it had killed rebels ." with "Monday" under "killed".
        let mut s = sentence(
            "The/DET/2/det army/NOUN/3/nsubj said/VERB/0/root on/ADP/5/case \
             Monday/PROPN/8/obl it/PRON/8/nsubj had/AUX/8/aux killed/VERB/3/ccomp \
             rebels/NOUN/8/obj ./PUNCT/3/punct",
        );
        s.tokens[2].lemma = "say".into();
        assert!(repair(&mut s));
        assert_eq!((s.tokens[4].head, s.tokens[4].deprel.as_str()), (3, "obl"));
        assert!(!repair(&mut s), "a mended tree is left alone");
        // After "that" the phrase is the clause's own: "said that on Monday it had killed".
        let mut s = sentence(
            "The/DET/2/det army/NOUN/3/nsubj said/VERB/0/root that/SCONJ/9/mark on/ADP/6/case \
             Monday/PROPN/9/obl it/PRON/9/nsubj had/AUX/9/aux killed/VERB/3/ccomp \
             rebels/NOUN/9/obj ./PUNCT/3/punct",
        );
        s.tokens[2].lemma = "say".into();
        assert!(!repair(&mut s));
    }

    #[test]
    fn a_right_tree_is_left_alone() {
        // "The man, who fled, was arrested": the verb already has its subject.
        let mut s = sentence(
            "The/DET/2/det man/NOUN/7/nsubj:pass ,/PUNCT/5/punct who/PRON/5/nsubj \
             fled/VERB/2/acl:relcl/VerbForm=Fin ,/PUNCT/5/punct was/AUX/7/aux:pass \
             arrested/VERB/0/root/VerbForm=Part ./PUNCT/7/punct",
        );
        assert!(!repair(&mut s));
        // A headline noun phrase with a relative clause and no comma-closed verb.
        let mut s = sentence(
            "Men/NOUN/0/root who/PRON/3/nsubj fled/VERB/1/acl:relcl/VerbForm=Fin \
             and/CCONJ/5/cc hid/VERB/3/conj/VerbForm=Fin",
        );
        assert!(!repair(&mut s));
    }
}
