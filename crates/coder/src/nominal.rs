//! Nominal event triggers: "the suicide attack on Iraqi forces", "an invasion of Iran", "the
//! massacre of Iraqis", "Israel's air strike". The noun dictionary uses the verb-block
//! syntax (forms, plurals, and `PRE * POST [CODE]` patterns whose words are the noun's
//! modifiers before `*` and what follows it after `*`).
//!
//! Arguments come from the noun's dependents: the source from a possessive ("Israel's"), an
//! actor modifier ("Taliban attack", "Israeli strike"), a `by` phrase, or the subject of the
//! verb that carries the noun ("launched an attack", "was involved in the massacre"); the
//! target from an `on`/`against`/`of`/`at` phrase or a following "targeting X". Whether the
//! event happened is left to the provenance stage (a nominal trigger is often planned,
//! foiled or history).

use crate::code::{CodedActor, CodedEvent};
use crate::date::DateKey;
use crate::dict::actors::AgentPlace;
use crate::dict::Dictionaries;
use model::{AnalyzedSentence, Span};

/// Verbs whose subject is the agent of their nominal object ("launched an attack").
const SUPPORT_VERBS: &[&str] = &[
    "carry",
    "launch",
    "stage",
    "conduct",
    "mount",
    "commit",
    "perpetrate",
    "plan",
    "plot",
    "prepare",
    "claim",
    "attempt",
    "execute",
    "organize",
    "organise",
    "orchestrate",
    "make",
    "unleash",
    "begin",
    "start",
    "wage",
    "lead",
    "order",
    "involve",
    // (Who joins or takes part in an act is one of its doers: "joined protests against the
    // law", "participated in the attack".)
    "join",
    "participate",
    "intensify",
    "escalate",
    "continue",
    "resume",
    "step",
    "threaten",
    "vow",
    "announce",
    "hold",
    "sign",
    "issue",
    "deliver",
    "impose",
    "give",
    "offer",
    "extend",
    "express",
    "call",
    "file",
    "lodge",
    "involved",
    "responsible",
    "behind",
];

/// Verbs that say little but "do" of their object noun ("lodged a protest", "held talks"):
/// when the verb codes an event, the noun is that event's own word.
const LIGHT_VERBS: &[&str] = &[
    "lodge", "file", "register", "stage", "hold", "conduct", "carry", "launch", "mount", "make",
    "issue",
];

/// Words that make a predicate nominal a denunciation ("X is a terrorist organization",
/// said Y): CAMEO 111, Y criticises or denounces X.
const DENOUNCING: &[&str] = &[
    "terrorist",
    "terrorists",
    "terror",
    "criminal",
    "criminals",
    "murderer",
    "murderers",
    "puppet",
    "illegitimate",
    "butcher",
    "butchers",
    "thug",
    "thugs",
    "gang",
    "mercenary",
    "mercenaries",
    "traitor",
    "traitors",
    "extremist",
    "extremists",
];
/// Verbs of saying whose clausal complement is the speaker's claim.
const SAYING: &[&str] =
    &["say", "tell", "state", "declare", "add", "insist", "call", "describe", "brand", "label"];

/// The sentence views both nominal coders read, built once per sentence.
struct Views {
    words: Vec<String>,
    lemmas: Vec<String>,
    children: Vec<Vec<usize>>,
}

/// Everything this module codes in one sentence: nominal triggers, then predicate-nominal
/// denunciations. `verbal` are the events the verb coder found in it; a noun already inside
/// one of them with the same root is not coded twice; a support verb coded for its object
/// noun ("held talks", "launched an attack") has its trigger widened to take the noun in.
pub fn code(
    s: &AnalyzedSentence,
    date: Option<DateKey>,
    dicts: &Dictionaries,
    nouns: &Dictionaries,
    verbal: &mut [CodedEvent],
) -> Vec<CodedEvent> {
    if s.tokens.is_empty() {
        return Vec::new();
    }
    let v = Views {
        words: s.tokens.iter().map(|t| t.form.to_uppercase()).collect(),
        lemmas: s.tokens.iter().map(|t| t.lemma.to_uppercase()).collect(),
        children: children(s),
    };
    // (verb trigger, noun trigger): a support verb whose event is its object noun's.
    let mut widen = Vec::new();
    let mut out = code_nouns(s, &v, date, dicts, nouns, verbal, &mut widen);
    for (verb, noun) in widen {
        for e in verbal.iter_mut().filter(|e| e.trigger.contains(verb)) {
            e.trigger = e.trigger.cover(noun);
        }
    }
    out.extend(code_denunciations(s, &v, date, dicts));
    out
}

/// Codes the nominal triggers of one sentence.
fn code_nouns(
    s: &AnalyzedSentence,
    v: &Views,
    date: Option<DateKey>,
    dicts: &Dictionaries,
    nouns: &Dictionaries,
    verbal: &[CodedEvent],
    widen: &mut Vec<(Span, Span)>,
) -> Vec<CodedEvent> {
    let n = s.tokens.len();
    if nouns.verbs.forms.is_empty() {
        return Vec::new();
    }
    let (words, lemmas, children) = (&v.words, &v.lemmas, &v.children);
    let mut out: Vec<CodedEvent> = Vec::new();
    let mut used = vec![false; n];
    // (A sentence-initial plural or gerund the tagger read as a verb before "between" —
    // "Clashes/VERB between Armenia and Azerbaijan erupted", "Fighting/VERB between the army
    // and militiamen killed 30" — is the fight's noun, its sides the "between" phrase.)
    let opening = opening_between(s, children);
    for i in 0..n {
        let opens = opening.is_some_and(|(o, _)| o == i);
        let period = period_gerund(s, i, children);
        if used[i]
            || !(opens || period || matches!(s.tokens[i].upos.as_str(), "NOUN" | "PROPN" | "ADJ"))
        {
            continue;
        }
        let Some((code, first, last)) = match_form(words, lemmas, i, nouns)
            .or_else(|| match_hyphenated(s, words, lemmas, i, nouns))
        else {
            continue;
        };
        // The head noun of the trigger: the matched word whose head lies outside the match.
        let head = (first..=last).find(|&k| {
            let h = s.tokens[k].head as usize;
            h == 0 || h - 1 < first || h - 1 > last
        });
        let Some(h) = head else { continue };
        // (An adjective heading a noun phrase — with a possessor or an article, as a subject or
        // object — is a noun: "Azerbaijan's offensive/ADJ against … ended".)
        let adjective_as_noun = s.tokens[h].upos == "ADJ"
            && matches!(
                s.tokens[h].deprel.split(':').next().unwrap_or(""),
                "nsubj" | "obj" | "obl" | "nmod"
            )
            && children[h]
                .iter()
                .any(|&c| matches!(s.tokens[c].deprel.as_str(), "nmod:poss" | "det"));
        if !(matches!(s.tokens[h].upos.as_str(), "NOUN" | "PROPN")
            || adjective_as_noun
            || (opens || period) && h == i)
        {
            continue;
        }
        let trigger = s.tokens[first].span.cover(s.tokens[last].span);
        let code = refine_with_patterns(&code, words, first, last, h, children, nouns, lemmas);
        if code == "---" || code.is_empty() {
            continue;
        }
        // The words of a matched trigger are not matched again as shorter triggers, even
        // when a verb already codes it ("began a hunger strike" is no "strike").
        used[first..=last].fill(true);
        let root = code.get(..2).unwrap_or("");
        // A noun inside a verb's own trigger is a word of that verb's phrase, whatever
        // code the noun has alone ("went on strike" is no military strike).
        // (The weapon subject of a verb of harm stays, for [`fold_weapon_subjects`] to give
        // the verb's event its code: "A missile strike hit …" is 194, not the verb's 190.)
        let weapon_subject = weapon_subject_verb(s, h).is_some();
        // (The verb the noun hangs on is the noun's own event only when it is a verb of doing
        // or holding it — "launched an attack", "held talks", "carried out strikes" —; any
        // other verb's act is a deed of its own beside the noun's: "killed 14 villagers in an
        // attack on Galayi", "died in clashes with police", "hosted talks between the sides".)
        let governor = (s.tokens[h].head as usize).checked_sub(1);
        let supported = governor.filter(|&g| {
            let lemma = s.tokens[g].lemma.to_lowercase();
            SUPPORT_VERBS.contains(&lemma.as_str())
                || LIGHT_VERBS.contains(&lemma.as_str())
                || takes_part(s, g, children)
        });
        // (A bare "in an ambush", "in a clash" on a deed of the same kind is only how the deed
        // was done: "killed seven soldiers in an ambush near the village"; not one aimed at
        // someone or between two sides, "were killed in clashes between herders and farmers".)
        let manner = s.tokens[h].deprel == "obl"
            && case_of(s, h, children).as_deref() == Some("in")
            && !aimed(s, h, children)
            && !children[h].iter().any(|&c| case_of(s, c, children).as_deref() == Some("between"));
        // (The deed done in an aimed assault is a deed of its own, even when the parser hung
        // the assault on the deed's object: "killed four soldiers/→in an attack on a
        // checkpoint".)
        let deed = deed_around(s, h, children, verbal)
            .filter(|&(_, within)| !within || aimed(s, h, children));
        if verbal.iter().any(|v| {
            v.trigger.contains(trigger)
                || v.code.get(..2) == Some(root)
                    && (v.target.span.contains(trigger)
                        && !deed.is_some_and(|(e, within)| within && std::ptr::eq(e, v))
                        || v.trigger.overlaps(trigger)
                        || !weapon_subject
                            && supported.is_some_and(|g| v.trigger.contains(s.tokens[g].span))
                        || manner && governor.is_some_and(|g| v.trigger.contains(s.tokens[g].span)))
        }) {
            // The support verb's event is the noun's: its trigger takes the noun in, so that
            // "launched an attack" is found at "attack" as at "launched". (Only for the acts
            // news names by such nouns — talks 04, protests 14, assaults 18, fights 19; a
            // coercion's verb, "carried out arrests", "imposed a curfew", keeps its own word.)
            if let Some(g) = supported.filter(|_| matches!(root, "04" | "14" | "18" | "19")) {
                widen.push((s.tokens[g].span, trigger));
            }
            continue;
        }
        // An act named inside an appeal, an intent, talks, a demand, a rejection or a threat
        // ("an appeal for aid", "talks on a ceasefire", "a warning against an invasion") is
        // what that event is about, not an event of its own.
        let about = (s.tokens[h].head as usize).checked_sub(1).is_some_and(|g| {
            let gspan = s.tokens[g].span;
            let roots_about =
                |r: Option<&str>| matches!(r, Some("02" | "03" | "04" | "10" | "12" | "13"));
            out.iter().any(|e| e.trigger.contains(gspan) && roots_about(e.code.get(..2)))
                || verbal.iter().any(|e| {
                    e.trigger.contains(gspan)
                        && matches!(s.tokens[g].upos.as_str(), "NOUN" | "PROPN")
                        && roots_about(e.code.get(..2))
                })
        });
        // The object of a light verb that coded an event of its own ("lodged a protest",
        // "filed a complaint", "staged a protest") is that event's noun, whatever code the
        // noun has alone.
        let light_object = s.tokens[h].deprel == "obj"
            && (s.tokens[h].head as usize).checked_sub(1).is_some_and(|g| {
                LIGHT_VERBS.iter().any(|l| l.eq_ignore_ascii_case(&s.tokens[g].lemma))
                    && verbal.iter().any(|e| e.trigger.contains(s.tokens[g].span))
            });
        if light_object {
            if let Some(g) = governor {
                widen.push((s.tokens[g].span, trigger));
            }
        }
        if about || light_object {
            continue;
        }
        // (A fight "between X and Y" is X's with Y: "fighting between the army and the
        // rebels", "clashes between police and protesters".)
        let sides = match opening {
            Some((o, c)) if o == h => {
                let second = second_side(s, children, c, Some(o));
                second.and_then(|b| {
                    Some((
                        code_np(s, c, children, words, date, dicts)?,
                        code_np(s, b, children, words, date, dicts)?,
                    ))
                })
            }
            _ => between_of(s, h, children, words, date, dicts),
        };
        let (source, target) = match sides {
            Some((a, b)) => (Some(a), Some(b)),
            None => (
                source_of(s, h, children, words, date, dicts, first),
                target_of(s, h, children, words, date, dicts, &code),
            ),
        };
        // (An assault that names its own target, in which a coded deed was done, is the deed's
        // doer's: "killed 14 villagers in an attack on Galayi", "killed nine people in raids on
        // the towns of A and B"; so is a fight after days of which the doer acted: "captured the town
        // after two days of fighting". A bare "in an ambush", "in a clash" is only how the
        // deed was done, no event of its own.)
        let source = match source {
            None if matches!(root, "18" | "19" | "20") => deed.map(|(e, _)| e.source.clone()),
            other => other,
        };
        // (A visit or talks "during" which someone acts are that one's: "said during a visit
        // to Kyiv", "signed the deal during talks with Iraq"; a fight or a protest during
        // which police act are not theirs.)
        let source = source.or_else(|| {
            if !code.starts_with("04")
                || !s.tokens[h].deprel.starts_with("obl")
                || case_of(s, h, children).as_deref() != Some("during")
            {
                return None;
            }
            let v = (s.tokens[h].head as usize).checked_sub(1)?;
            let sj = children[v].iter().copied().find(|&c| s.tokens[c].deprel == "nsubj")?;
            code_np(s, sj, children, words, date, dicts)
        });
        let code = labour_strike(s, h, children, &code, source.as_ref());
        let target = target.map(|t| at_home(source.as_ref(), t));
        // (A protest or strike named by a noun that names no one it is aimed at is made at
        // home, to the doer's own government — as the verb coder reads "workers went on
        // strike": "railway workers in France began a three-day strike" FRALAB -> FRAGOV.)
        let target = match (target, &source) {
            (None, Some(src)) if code.starts_with("14") => {
                src.code.get(..3).filter(|c| country_code(c)).map(|c| CodedActor {
                    code: format!("{c}GOV"),
                    text: String::new(),
                    span: trigger,
                })
            }
            (t, _) => t,
        };
        // (A target named by its role alone is of the country the act's `in` phrase places
        // it in: "the attack on a police station in Pakistan's Balochistan province".)
        let target = target.map(|mut t| {
            if let Some(role) = t.code.strip_prefix("---").filter(|r| r.len() >= 3) {
                let place = children[h].iter().copied().find_map(|c| {
                    (s.tokens[c].deprel.starts_with("nmod")
                        && case_of(s, c, children).as_deref() == Some("in"))
                    .then(|| code_np(s, c, children, words, date, dicts))
                    .flatten()
                    .filter(|a| a.code.len() == 3 && !a.code.starts_with("---"))
                });
                if let Some(p) = place {
                    t.code = format!("{}{role}", p.code);
                }
            }
            t
        });
        // A bare nominal event ("the details of the suicide attack") is kept: the pipeline
        // fills its arguments from an earlier mention of the same event, or drops it.
        let empty = |span: Span| CodedActor { code: String::new(), text: String::new(), span };
        out.push(CodedEvent {
            source: source.unwrap_or_else(|| empty(trigger)),
            target: target.unwrap_or_else(|| empty(trigger)),
            code,
            trigger,
            negated: false,
            passive: false,
            pattern: Some("nominal".into()),
            cues: Vec::new(),
        });
    }
    out
}

/// Verbs of harm or impact whose subject can be the weapon or the attack itself ("A car bomb
/// killed nine people", "An air strike hit a school", "An explosion tore through a bus").
const IMPACT_VERBS: &[&str] = &[
    "kill",
    "wound",
    "injure",
    "maim",
    "hit",
    "strike",
    "destroy",
    "damage",
    "tear",
    "rip",
    "rock",
    "target",
    "flatten",
    "level",
    "raze",
    "slam",
    "pound",
    "shatter",
    "gut",
    "devastate",
    "demolish",
    "wreck",
    // What a cyber attack does to systems ("A cyberattack shut down the check-in systems",
    // "knocked out the websites of …", "crippled the port's computers").
    "knock",
    "shut",
    "disrupt",
    "cripple",
    "paralyse",
    "paralyze",
    "disable",
];

/// The verb of harm ([`IMPACT_VERBS`]) whose active subject is word `h`.
fn weapon_subject_verb(s: &AnalyzedSentence, h: usize) -> Option<usize> {
    let v = (s.tokens[h].head as usize).checked_sub(1)?;
    (s.tokens[h].deprel == "nsubj"
        && s.tokens[v].upos == "VERB"
        && IMPACT_VERBS.contains(&s.tokens[v].lemma.to_lowercase().as_str()))
    .then_some(v)
}

/// **A weapon or an attack as the subject of a verb of harm** ("A car bomb killed nine
/// people", "An Israeli air strike hit a school", "Shelling killed four civilians", "An
/// explosion tore through a bus"): news English names the blast, the strike or the shelling
/// as the doer when the attacker is unknown or named elsewhere; CAMEO codes the attack (the
/// weapon's code: 1832 car bombing, 195 air strike, 194 shelling) with the one harmed as its
/// target. A nominal event of the violent families (18, 19, 20) whose head noun is the active
/// subject of a verb of [`IMPACT_VERBS`] is one event with that verb: when the verb coded
/// an event of its own, that event takes the weapon's code (and the nominal's source when it
/// has none, its target when the verb names no one coded) and the nominal goes; otherwise the nominal takes the verb's object (or its
/// `through`/`into`/`at`/`on` phrase) as its target.
pub fn fold_weapon_subjects(
    s: &AnalyzedSentence,
    date: Option<DateKey>,
    dicts: &Dictionaries,
    verbal: &mut [CodedEvent],
    nominal: &mut Vec<CodedEvent>,
) {
    // Deeds told in a relative clause on the attack ("an air strike that killed nine people"),
    // also on one a support verb coded ("carried out an attack … that killed nine soldiers").
    let mut told: Vec<CodedEvent> = Vec::new();
    let relative_harm = s.tokens.iter().any(|t| {
        t.deprel == "acl:relcl" && IMPACT_VERBS.iter().any(|w| t.lemma.eq_ignore_ascii_case(w))
    });
    if relative_harm {
        let children = children(s);
        let words: Vec<String> = s.tokens.iter().map(|t| t.form.to_uppercase()).collect();
        let supported: Vec<(usize, CodedEvent)> = verbal
            .iter()
            .filter(|e| matches!(e.code.get(..2), Some("18" | "19" | "20")))
            .filter_map(|e| {
                // The noun the event's trigger was widened to: its last word, a noun.
                let h =
                    (0..s.tokens.len()).rev().find(|&k| e.trigger.contains(s.tokens[k].span))?;
                (s.tokens[h].upos == "NOUN" && s.tokens[h].span.end == e.trigger.end)
                    .then(|| (h, e.clone()))
            })
            .collect();
        for (h, e) in &supported {
            relative_deeds(s, *h, e, &children, &words, date, dicts, verbal, &mut told);
        }
    }
    if nominal.is_empty() {
        nominal.extend(told);
        adjuncts_take_the_weapon(s, verbal);
        return;
    }
    let children = children(s);
    let words: Vec<String> = s.tokens.iter().map(|t| t.form.to_uppercase()).collect();
    nominal.retain_mut(|n| {
        if n.pattern.as_deref() != Some("nominal")
            || !(matches!(n.code.get(..2), Some("18" | "19" | "20")) || n.code == "176")
        {
            return true;
        }
        // The trigger's head noun: its word whose head lies outside it.
        let Some(h) = (0..s.tokens.len()).find(|&k| {
            n.trigger.contains(s.tokens[k].span)
                && (s.tokens[k].head as usize)
                    .checked_sub(1)
                    .is_none_or(|g| !n.trigger.contains(s.tokens[g].span))
        }) else {
            return true;
        };
        if relative_harm && n.code != "176" {
            relative_deeds(s, h, n, &children, &words, date, dicts, verbal, &mut told);
        }
        let Some(v) = weapon_subject_verb(s, h) else { return true };
        // The subject's phrase: the weapon noun and every word under it.
        let phrase = (0..s.tokens.len())
            .filter(|&k| descends(s, k, h))
            .map(|k| s.tokens[k].span)
            .reduce(Span::cover);
        let has_country = |a: &CodedActor| !a.code.is_empty() && !a.code.starts_with("---");
        let mut folded = false;
        for e in verbal.iter_mut().filter(|e| {
            e.trigger.contains(s.tokens[v].span)
                && !e.negated
                // (Destroying property, 1712, is what the weapon did: "A roadside bomb
                // damaged a police vehicle" is the bombing.)
                && matches!(e.code.get(..2), Some("17" | "18" | "19" | "20"))
        }) {
            folded = true;
            e.code.clone_from(&n.code);
            // The event rests on both words ("car bomb … killed"): its trigger covers them.
            e.trigger = e.trigger.cover(n.trigger);
            // The doer is the weapon phrase's own ("An Israeli air strike", "the attack …
            // by separatist gunmen") as the nominal reads it; the verb coder may have taken
            // the attack's target inside that phrase ("the attack on a police station") for
            // the doer. (Its other readings stay: "a rocket fired from Lebanon" is Lebanon's.)
            let victim = !n.target.code.is_empty()
                && phrase.is_some_and(|p| p.contains(e.source.span))
                && n.target.span.contains(e.source.span);
            if !n.source.code.is_empty() || e.source.code.is_empty() || victim {
                e.source = n.source.clone();
            }
            // ("Russia's offensive against Ukraine has killed thousands": those harmed are
            // the attack's target when the verb names no one of a country.)
            if !has_country(&e.target) && has_country(&n.target) {
                e.target = n.target.clone();
            }
        }
        if folded {
            return false;
        }
        if n.target.code.is_empty() {
            let place = children[v].iter().copied().find(|&c| {
                s.tokens[c].deprel == "obj"
                    || s.tokens[c].deprel.starts_with("obl")
                        && matches!(
                            case_of(s, c, &children).as_deref(),
                            Some("through" | "into" | "at" | "on")
                        )
            });
            if let Some(t) = place.and_then(|c| code_np(s, c, &children, &words, date, dicts)) {
                n.target = t;
            }
        }
        true
    });
    nominal.extend(told);
    adjuncts_take_the_weapon(s, verbal);
}

/// **A casualty adjunct of an attack by a named means is that attack's** ("Pakistani jets
/// struck hideouts, killing eight civilians", "An air strike hit a market, killing 12
/// civilians", "Artillery shelled the town, wounding four"): the killing or wounding told in a
/// participle after the clause is what the strike, shelling or bombing did, and takes its code
/// (aerial 195, artillery 194, bombing 183, weapons of mass destruction 204) where the
/// adjunct's own verb gave only the generic force (180, 182, 190, 193). Run after the weapon
/// subjects are folded, so that "An air strike hit …" has its code.
fn adjuncts_take_the_weapon(s: &AnalyzedSentence, verbal: &mut [CodedEvent]) {
    let specific = |c: &str| {
        c.starts_with("183") || c.starts_with("194") || c.starts_with("195") || c.starts_with("204")
    };
    if !verbal.iter().any(|e| specific(&e.code)) {
        return;
    }
    for v in 0..s.tokens.len() {
        let t = &s.tokens[v];
        if !(t.xpos == "VBG"
            && t.deprel.starts_with("advcl")
            && ["kill", "wound", "injure", "maim"].iter().any(|w| t.lemma.eq_ignore_ascii_case(w)))
        {
            continue;
        }
        let Some(g) = (t.head as usize).checked_sub(1) else { continue };
        // (An adjunct the parser hung on a trailing "…, officials said" belongs to the
        // reported clause before it.)
        let h = if g < v {
            g
        } else {
            match (0..v).rev().find(|&c| {
                s.tokens[c].head as usize == g + 1
                    && matches!(s.tokens[c].deprel.as_str(), "ccomp" | "parataxis")
            }) {
                Some(c) => c,
                None => continue,
            }
        };
        let Some(code) = verbal
            .iter()
            .find(|e| e.trigger.contains(s.tokens[h].span) && specific(&e.code))
            .map(|e| e.code.clone())
        else {
            continue;
        };
        for e in verbal.iter_mut().filter(|e| {
            e.trigger.contains(t.span) && matches!(e.code.as_str(), "180" | "182" | "190" | "193")
        }) {
            e.code.clone_from(&code);
        }
    }
}

/// **A deed of harm told in a relative clause on an attack** ("an air strike that destroyed
/// the consulate and killed seven advisers", "the bombing, which wounded 30 people", "an attack
/// on an army post on Saturday that killed seven soldiers", "a drone attack that killed three
/// U.S. soldiers"): news English tells what an attack did in a clause on its noun, and the
/// killing or wounding is a deed of its own beside the attack, done by the attack's doer with
/// the attack's means. Each verb of harm ([`IMPACT_VERBS`]) whose subject is a relative
/// pronoun (`that`, `which`) written right after a word of the attack's phrase (after a comma
/// or not; the parser may hang the clause on any word of the phrase, or on the verb the noun
/// hangs on), and each verb of harm coordinated with it without a subject of its own, is
/// coded with the attack's code and doer; its target is the verb's object, or the attack's
/// target when the object names no country ("an attack on a police post in Balochistan that
/// killed seven soldiers": those of the post's country). A verb some event already covers is
/// left to it.
#[allow(clippy::too_many_arguments)]
fn relative_deeds(
    s: &AnalyzedSentence,
    h: usize,
    n: &CodedEvent,
    children: &[Vec<usize>],
    words: &[String],
    date: Option<DateKey>,
    dicts: &Dictionaries,
    verbal: &[CodedEvent],
    told: &mut Vec<CodedEvent>,
) {
    let len = s.tokens.len();
    let under_h = |k: usize| descends(s, k, h);
    let harm = |v: usize| {
        s.tokens[v].upos == "VERB"
            && IMPACT_VERBS.iter().any(|w| s.tokens[v].lemma.eq_ignore_ascii_case(w))
    };
    let has_country = |a: &CodedActor| !a.code.is_empty() && !a.code.starts_with("---");
    let (lo, hi) = (h, len);
    for r in lo + 1..hi {
        let t = &s.tokens[r];
        if !(t.form.eq_ignore_ascii_case("that") || t.form.eq_ignore_ascii_case("which"))
            || t.deprel != "nsubj"
        {
            continue;
        }
        // The word the pronoun follows (across a comma) is a word of the attack's phrase.
        let before = if s.tokens[r - 1].form == "," { r.checked_sub(2) } else { Some(r - 1) };
        if !before.is_some_and(|b| b >= h && under_h(b)) {
            continue;
        }
        let Some(v) = (t.head as usize).checked_sub(1) else { continue };
        if s.tokens[v].deprel != "acl:relcl" || !harm(v) {
            continue;
        }
        let own_deed = |c: usize| {
            s.tokens[c].deprel == "conj"
                && harm(c)
                && !children[c].iter().any(|&k| s.tokens[k].deprel.starts_with("nsubj"))
        };
        // (A verb of harm right after the clause's last word and its "and" is one of its
        // conjuncts wherever the parser hung it: "that destroyed the consulate and killed
        // seven advisers" with "killed" hung on the main verb.)
        let mut end = v;
        for k in v + 1..len {
            let mut x = k;
            let mut inside = false;
            for _ in 0..len {
                if x == v {
                    inside = true;
                    break;
                }
                match (s.tokens[x].head as usize).checked_sub(1) {
                    Some(p) => x = p,
                    None => break,
                }
            }
            if inside {
                end = k;
            }
        }
        let after_and = (end + 2 < len && s.tokens[end + 1].form.eq_ignore_ascii_case("and"))
            .then_some(end + 2)
            .filter(|&c| own_deed(c) && !children[v].contains(&c));
        let conjuncts = children[v].iter().copied().filter(|&c| own_deed(c)).chain(after_and);
        for d in std::iter::once(v).chain(conjuncts) {
            let span = s.tokens[d].span;
            if verbal.iter().chain(told.iter()).any(|e| e.trigger.overlaps(span)) {
                continue;
            }
            let object = children[d]
                .iter()
                .copied()
                .find(|&c| s.tokens[c].deprel == "obj")
                .and_then(|c| code_np(s, c, children, words, date, dicts));
            let target = match object {
                Some(o) if has_country(&o) || !has_country(&n.target) => o,
                _ => n.target.clone(),
            };
            told.push(CodedEvent {
                source: n.source.clone(),
                target,
                code: n.code.clone(),
                trigger: span,
                negated: false,
                passive: false,
                pattern: Some("relative deed".into()),
                cues: Vec::new(),
            });
        }
        break;
    }
}

/// A target named by its role alone is the source's compatriot when the source is the state
/// acting at home: police and courts act on their own country's people, and a government or
/// army that acts on "an opposition leader", "union members" or "officials" acts on its own
/// ("the arrest of an opposition leader by Tanzanian police": TZACOP -> TZAOPP), as the verb
/// coder reads "police arrested opposition supporters".
/// Whether `c` is a state's three-letter code (not an international body or no country).
fn country_code(c: &str) -> bool {
    c.len() == 3
        && !matches!(c, "IGO" | "NGO" | "IMG" | "---")
        && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// The noun "strike" is a work stoppage (143), not an act of force, when it is held by
/// workers, unions, teachers, doctors, farmers or students ("railway workers began a three-day
/// strike", "a strike called by unions"), or is one of a stated span or reach ("a 24-hour
/// strike", "a nationwide strike", "an indefinite strike"): armies strike targets, not for
/// three days across a country. Only the bare noun's 190 is changed ("an air strike",
/// "a drone strike" keep their codes).
fn labour_strike(
    s: &AnalyzedSentence,
    h: usize,
    children: &[Vec<usize>],
    code: &str,
    source: Option<&CodedActor>,
) -> String {
    if code != "190" || !s.tokens[h].lemma.eq_ignore_ascii_case("strike") {
        return code.to_string();
    }
    let reach = children[h].iter().any(|&c| {
        let l = s.tokens[c].lemma.to_ascii_lowercase();
        c < h
            && (matches!(
                l.as_str(),
                "nationwide"
                    | "general"
                    | "national"
                    | "indefinite"
                    | "warning"
                    | "token"
                    | "countrywide"
                    | "statewide"
            ) || matches!(l.as_str(), "day" | "hour" | "week" | "month")
                && children[c].iter().any(|&n| s.tokens[n].deprel == "nummod"))
    });
    // (The doer's role blocks after its country: `FRALAB`, `---EDU`; one of force among them,
    // `SYROPPMIL`, keeps the act of force.)
    let labour = source.is_some_and(|a| {
        let roles: Vec<&str> =
            (3..a.code.len()).step_by(3).filter_map(|k| a.code.get(k..k + 3)).collect();
        roles.iter().any(|r| matches!(*r, "LAB" | "EDU" | "HLH" | "MED" | "AGR" | "BUS"))
            && !roles.iter().any(|r| matches!(*r, "MIL" | "REB" | "INS" | "SEP" | "UAF" | "COP"))
    });
    if reach || labour {
        "143".to_string()
    } else {
        code.to_string()
    }
}

fn at_home(source: Option<&CodedActor>, mut target: CodedActor) -> CodedActor {
    let Some(src) = source else { return target };
    let (Some(country), Some(role)) = (src.code.get(..3), src.code.get(3..6)) else {
        return target;
    };
    let Some(trole) = target.code.strip_prefix("---").filter(|r| r.len() >= 3) else {
        return target;
    };
    let state = matches!(role, "GOV" | "MIL" | "COP" | "JUD");
    let home =
        matches!(role, "COP" | "JUD") || matches!(trole.get(..3), Some("OPP" | "LAB" | "ELI"));
    if state
        && home
        && !matches!(country, "IGO" | "NGO" | "IMG" | "---")
        && country.bytes().all(|b| b.is_ascii_uppercase())
    {
        target.code = format!("{country}{trole}");
    }
    target
}

/// "Y said X is a terrorist organization": a copular clause whose predicate denounces its
/// subject, under a verb of saying. Codes 111 from the speaker to the subject.
fn code_denunciations(
    s: &AnalyzedSentence,
    v: &Views,
    date: Option<DateKey>,
    dicts: &Dictionaries,
) -> Vec<CodedEvent> {
    let n = s.tokens.len();
    let (words, children) = (&v.words, &v.children);
    let mut out = Vec::new();
    for p in 0..n {
        let t = &s.tokens[p];
        if !matches!(t.upos.as_str(), "NOUN" | "ADJ")
            || !children[p].iter().any(|&c| s.tokens[c].deprel == "cop")
        {
            continue;
        }
        let lower = t.form.to_lowercase();
        let denounces = DENOUNCING.contains(&lower.as_str())
            || children[p].iter().any(|&c| {
                matches!(s.tokens[c].deprel.as_str(), "amod" | "compound")
                    && DENOUNCING.contains(&s.tokens[c].form.to_lowercase().as_str())
            });
        if !denounces {
            continue;
        }
        let Some(&subj) = children[p].iter().find(|&&c| s.tokens[c].deprel.starts_with("nsubj"))
        else {
            continue;
        };
        // The verb of saying: the clause's head, or a verb hanging off the clause.
        let h = t.head as usize;
        let speech = if h >= 1 && SAYING.contains(&s.tokens[h - 1].lemma.to_lowercase().as_str()) {
            Some(h - 1)
        } else {
            children[p].iter().copied().find(|&c| {
                matches!(s.tokens[c].deprel.as_str(), "parataxis" | "conj" | "ccomp")
                    && SAYING.contains(&s.tokens[c].lemma.to_lowercase().as_str())
            })
        };
        let Some(v) = speech else { continue };
        let Some(&speaker) = children[v].iter().find(|&&c| s.tokens[c].deprel.starts_with("nsubj"))
        else {
            continue;
        };
        let (Some(source), Some(target)) = (
            code_np(s, speaker, children, words, date, dicts),
            code_np(s, subj, children, words, date, dicts),
        ) else {
            continue;
        };
        out.push(CodedEvent {
            source,
            target,
            code: "111".into(),
            trigger: s.tokens[v].span,
            negated: false,
            passive: false,
            pattern: Some("denunciation".into()),
            cues: vec![t.span],
        });
    }
    out
}

fn children(s: &AnalyzedSentence) -> Vec<Vec<usize>> {
    let n = s.tokens.len();
    let mut c = vec![Vec::new(); n];
    for (i, t) in s.tokens.iter().enumerate() {
        let h = t.head as usize;
        if h >= 1 && h <= n && h != i + 1 {
            c[h - 1].push(i);
        }
    }
    c
}

/// A dictionary form at token `i` (by word or lemma, with its fixed neighbours): the code
/// and the token range it covers.
fn match_form(
    words: &[String],
    lemmas: &[String],
    i: usize,
    nouns: &Dictionaries,
) -> Option<(String, usize, usize)> {
    let forms = nouns.verbs.forms.get(&words[i]).or_else(|| nouns.verbs.forms.get(&lemmas[i]))?;
    let mut best: Option<(String, usize, usize)> = None;
    for f in forms {
        let pre_ok = f
            .pre
            .iter()
            .enumerate()
            .all(|(k, w)| i > k && (words[i - 1 - k] == *w || lemmas[i - 1 - k] == *w));
        let post_ok = f.post.iter().enumerate().all(|(k, w)| {
            words.get(i + 1 + k).is_some_and(|x| x == w)
                || lemmas.get(i + 1 + k).is_some_and(|x| x == w)
        });
        if pre_ok && post_ok {
            let (a, b) = (i - f.pre.len(), i + f.post.len());
            if best.as_ref().is_none_or(|x| b - a > x.2 - x.1) {
                let code = if f.code.is_empty() {
                    nouns.verbs.blocks[f.block as usize].code.clone()
                } else {
                    f.code.clone()
                };
                best = Some((code, a, b));
            }
        }
    }
    best
}

/// A trigger written with a hyphen that the tokenizer split ("cease - fire", "sit - in"):
/// word `i` ends "A - B" written without spaces, and the dictionary lists "A-B" (with no words
/// before it). Returns its code and first and last word.
fn match_hyphenated(
    s: &AnalyzedSentence,
    words: &[String],
    lemmas: &[String],
    i: usize,
    nouns: &Dictionaries,
) -> Option<(String, usize, usize)> {
    let t = &s.tokens;
    if i < 2
        || t[i - 1].form != "-"
        || t[i - 2].span.end != t[i - 1].span.start
        || t[i - 1].span.end != t[i].span.start
    {
        return None;
    }
    let glued = format!("{}-{}", words[i - 2], words[i]);
    let forms = nouns.verbs.forms.get(&glued)?;
    let mut best: Option<(String, usize, usize)> = None;
    for f in forms.iter().filter(|f| f.pre.is_empty()) {
        let post_ok = f.post.iter().enumerate().all(|(k, w)| {
            words.get(i + 1 + k).is_some_and(|x| x == w)
                || lemmas.get(i + 1 + k).is_some_and(|x| x == w)
        });
        if post_ok && best.as_ref().is_none_or(|x| i + f.post.len() > x.2) {
            let code = if f.code.is_empty() {
                nouns.verbs.blocks[f.block as usize].code.clone()
            } else {
                f.code.clone()
            };
            best = Some((code, i - 2, i + f.post.len()));
        }
    }
    best
}

/// Applies the block's literal-word patterns: words before `*` among the noun's modifiers,
/// words after `*` right after the trigger (up to a few words).
#[allow(clippy::too_many_arguments)]
fn refine_with_patterns(
    code: &str,
    words: &[String],
    first: usize,
    last: usize,
    head: usize,
    children: &[Vec<usize>],
    nouns: &Dictionaries,
    lemmas: &[String],
) -> String {
    let Some(forms) =
        nouns.verbs.forms.get(&words[head]).or_else(|| nouns.verbs.forms.get(&lemmas[head]))
    else {
        return code.to_string();
    };
    let Some(block) = forms.first().map(|f| &nouns.verbs.blocks[f.block as usize]) else {
        return code.to_string();
    };
    let modifiers: Vec<&str> =
        children[head].iter().filter(|&&c| c < first).map(|&c| words[c].as_str()).collect();
    'pattern: for p in &block.patterns {
        use crate::dict::verbs::PatElem;
        for e in &p.upper {
            match e {
                PatElem::Word(w) if modifiers.contains(&w.as_str()) => {}
                _ => continue 'pattern,
            }
        }
        let mut k = last + 1;
        for e in &p.lower {
            match e {
                PatElem::Word(w) => {
                    let found =
                        (k..(k + 4).min(words.len())).find(|&j| words[j] == *w || lemmas[j] == *w);
                    match found {
                        Some(j) => k = j + 1,
                        None => continue 'pattern,
                    }
                }
                _ => continue 'pattern,
            }
        }
        if p.code != "---" {
            return p.code.clone();
        }
    }
    code.to_string()
}

fn case_of(s: &AnalyzedSentence, n: usize, children: &[Vec<usize>]) -> Option<String> {
    children[n]
        .iter()
        .find(|&&c| s.tokens[c].deprel == "case")
        .map(|&c| s.tokens[c].form.to_lowercase())
}

fn source_of(
    s: &AnalyzedSentence,
    h: usize,
    children: &[Vec<usize>],
    words: &[String],
    date: Option<DateKey>,
    dicts: &Dictionaries,
    first: usize,
) -> Option<CodedActor> {
    for &c in &children[h] {
        let rel = s.tokens[c].deprel.as_str();
        if rel == "nmod:poss" || (matches!(rel, "compound" | "amod") && c < first) {
            if let Some(a) = code_np(s, c, children, words, date, dicts) {
                return Some(a);
            }
        }
        if rel.starts_with("nmod") && case_of(s, c, children).as_deref() == Some("by") {
            if let Some(a) = code_np(s, c, children, words, date, dicts) {
                return Some(a);
            }
        }
    }
    for &c in &children[h] {
        let rel = s.tokens[c].deprel.as_str();
        // The doer of "the arrest of X by police", "the expulsion of two diplomats by Estonia",
        // "the attack on a police station in Y province by gunmen": a parser often hangs the
        // `by` phrase on the noun of the act's phrase before it, which names the one the act
        // befell or its place, not a doer of its own.
        if rel.starts_with("nmod")
            && rel != "nmod:poss"
            && case_of(s, c, children).as_deref() != Some("by")
        {
            for &b in &children[c] {
                if s.tokens[b].deprel.starts_with("nmod")
                    && case_of(s, b, children).as_deref() == Some("by")
                {
                    if let Some(a) = code_np(s, b, children, words, date, dicts) {
                        return Some(a);
                    }
                }
            }
        }
        // The doer of "an attack claimed by al Shabaab", "the offensive launched by the army":
        // the agent of a passive participle of a verb of doing or owning up to the act.
        if rel == "acl" {
            let lemma = s.tokens[c].lemma.to_lowercase();
            // (Bare "carried by" bears or publishes — "a statement carried by the news
            // agency"; only "carried out by" does.)
            let bears = lemma == "carry"
                && !children[c].iter().any(|&p| s.tokens[p].form.eq_ignore_ascii_case("out"));
            if SUPPORT_VERBS.contains(&lemma.as_str()) && !bears {
                for &b in &children[c] {
                    if s.tokens[b].deprel == "obl:agent"
                        || s.tokens[b].deprel.starts_with("obl")
                            && case_of(s, b, children).as_deref() == Some("by")
                    {
                        if let Some(a) = code_np(s, b, children, words, date, dicts) {
                            return Some(a);
                        }
                    }
                }
            }
            // The alleged doer of "a cyber attack blamed on Russian hackers", "the bombing
            // attributed to Islamic State": the act is told as theirs.
            let alleged = match lemma.as_str() {
                "blame" => Some("on"),
                "attribute" => Some("to"),
                _ => None,
            };
            if let Some(prep) = alleged {
                for &b in &children[c] {
                    if s.tokens[b].deprel.starts_with("obl")
                        && case_of(s, b, children).as_deref() == Some(prep)
                    {
                        if let Some(a) = code_np(s, b, children, words, date, dicts) {
                            return Some(a);
                        }
                    }
                }
            }
        }
    }
    // The subject of the verb that carries the noun ("launched an attack", "involved in").
    let mut cur = h;
    for _ in 0..3 {
        let p = s.tokens[cur].head as usize;
        if p == 0 {
            break;
        }
        let v = p - 1;
        let lemma = s.tokens[v].lemma.to_lowercase();
        let rel = s.tokens[cur].deprel.split(':').next().unwrap_or("");
        let form = s.tokens[v].form.to_lowercase();
        // (An oblique "over"/"about" the act is what the verb's event is about: "lodged a
        // protest over the visit" says nothing of who visited.)
        let topic = matches!(rel, "obl" | "nmod")
            && children[cur].iter().any(|&c| {
                s.tokens[c].deprel == "case"
                    && matches!(
                        s.tokens[c].form.to_ascii_lowercase().as_str(),
                        "over" | "about" | "regarding" | "concerning"
                    )
            });
        let support = SUPPORT_VERBS.contains(&lemma.as_str())
            || SUPPORT_VERBS.contains(&form.as_str())
            || takes_part(s, v, children);
        // (A reason given to another verb is no act of a subject higher up: "vowed to
        // retaliate against Israel for the strike" says nothing of who struck. Nor is what
        // is called for: "called for attacks on troops" names no one who would attack, only
        // who asked; "call" is a support verb only of its object, "called a strike".)
        let reason = (!support || lemma == "call")
            && matches!(rel, "obl" | "nmod")
            && children[cur].iter().any(|&c| {
                s.tokens[c].deprel == "case" && s.tokens[c].form.eq_ignore_ascii_case("for")
            });
        // (An act judged by a verb of naming is what was judged, not the judge's act: "called
        // the attack a crime", "branded the raid a provocation".)
        let judged = crate::label::NAMING_VERBS.contains(&lemma.as_str())
            && crate::label::label_of(s, children, v).is_some_and(|(o, l)| {
                o == Some(cur) && crate::label::judgement(s, children, l).is_some()
            });
        if topic || reason || judged {
            break;
        }
        if matches!(rel, "obj" | "obl" | "nsubj:pass" | "xcomp" | "nmod") && support {
            let subj = children[v]
                .iter()
                .copied()
                .find(|&c| matches!(s.tokens[c].deprel.as_str(), "nsubj" | "nsubj:pass"));
            let subj = subj.or_else(|| {
                // A conjoined verb shares its first conjunct's subject; so does an infinitive
                // of purpose or intent, "defied a ban to join a protest", "vowed to launch
                // attacks".
                let hv = s.tokens[v].head as usize;
                // (Not an infinitive whose doer is the verb's object: "urged supporters to
                // stage protests".)
                let object_control = s.tokens[v].deprel == "xcomp"
                    && hv >= 1
                    && children[hv - 1].iter().any(|&c| s.tokens[c].deprel == "obj");
                let to_infinitive = matches!(s.tokens[v].deprel.as_str(), "xcomp" | "advcl")
                    && !object_control
                    && children[v].iter().any(|&c| {
                        s.tokens[c].deprel == "mark" && s.tokens[c].form.eq_ignore_ascii_case("to")
                    });
                ((s.tokens[v].deprel == "conj" || to_infinitive) && hv >= 1)
                    .then(|| {
                        children[hv - 1]
                            .iter()
                            .copied()
                            .find(|&c| s.tokens[c].deprel.starts_with("nsubj"))
                    })
                    .flatten()
            });
            if let Some(sj) = subj {
                // "a member …, who was to carry out the attack": the relative pronoun stands
                // for the noun the clause modifies.
                let relative =
                    matches!(s.tokens[sj].form.to_lowercase().as_str(), "who" | "which" | "that")
                        && s.tokens[v].deprel == "acl:relcl";
                if relative {
                    let hv = s.tokens[v].head as usize;
                    if hv >= 1 {
                        return code_np(s, hv - 1, children, words, date, dicts);
                    }
                }
                return code_np(s, sj, children, words, date, dicts);
            }
        }
        if !matches!(rel, "obj" | "obl" | "xcomp" | "conj" | "nmod") {
            break;
        }
        cur = v;
    }
    None
}

/// Whether `h` is marked by "of" (as a case, or as the mark of a gerund the tagger read as a
/// verb: "two days of/mark fighting/VERB").
fn marked_of(s: &AnalyzedSentence, h: usize, children: &[Vec<usize>]) -> bool {
    children[h].iter().any(|&c| {
        matches!(s.tokens[c].deprel.as_str(), "case" | "mark")
            && s.tokens[c].form.eq_ignore_ascii_case("of")
    })
}

/// A gerund the tagger read as a verb that names a stretch of time's fighting: "after two
/// days of fighting", "after weeks of shelling" — the act's noun.
fn period_gerund(s: &AnalyzedSentence, i: usize, children: &[Vec<usize>]) -> bool {
    let t = &s.tokens[i];
    t.upos == "VERB"
        && t.xpos == "VBG"
        && t.deprel == "acl"
        && marked_of(s, i, children)
        && (t.head as usize).checked_sub(1).is_some_and(|p| {
            matches!(
                s.tokens[p].lemma.to_ascii_lowercase().as_str(),
                "hour" | "day" | "night" | "week" | "month"
            )
        })
}

/// Whether the act headed by `h` names what it was aimed at: "an attack on a checkpoint",
/// "raids on the cities of Jenin and Tulkarm", "strikes against rebel positions".
/// (The word right after the noun counts whatever the parser hung its phrase on: "killed nine
/// people in raids on/→killed the cities of …".)
fn aimed(s: &AnalyzedSentence, h: usize, children: &[Vec<usize>]) -> bool {
    let aiming = |w: &str| matches!(w.to_ascii_lowercase().as_str(), "on" | "against" | "upon");
    s.tokens.get(h + 1).is_some_and(|t| t.deprel == "case" && aiming(&t.form))
        || children[h].iter().any(|&c| {
            s.tokens[c].deprel.starts_with("nmod")
                && case_of(s, c, children).as_deref().is_some_and(aiming)
        })
}

/// The coded deed done in the act headed by `h` ("killed … in an attack", `true`) or after
/// days of it ("captured … after two days of fighting", `false`), when that deed has a doer.
fn deed_around<'a>(
    s: &AnalyzedSentence,
    h: usize,
    children: &[Vec<usize>],
    verbal: &'a [CodedEvent],
) -> Option<(&'a CodedEvent, bool)> {
    let up = |k: usize| (s.tokens[k].head as usize).checked_sub(1);
    let (carrier, within) = match s.tokens[h].deprel.as_str() {
        "obl" if case_of(s, h, children).as_deref() == Some("in") => (h, true),
        // (Hung on the deed's object: "killed four soldiers in an attack on …".)
        "nmod"
            if case_of(s, h, children).as_deref() == Some("in")
                && up(h).is_some_and(|o| matches!(s.tokens[o].deprel.as_str(), "obj" | "obl")) =>
        {
            (up(h)?, true)
        }
        "nmod" | "acl" if marked_of(s, h, children) => {
            let p = up(h)?;
            let period = s.tokens[p].deprel == "obl"
                && case_of(s, p, children).as_deref() == Some("after")
                && matches!(
                    s.tokens[p].lemma.to_ascii_lowercase().as_str(),
                    "hour" | "day" | "night" | "week" | "month"
                );
            if !period {
                return None;
            }
            (p, false)
        }
        _ => return None,
    };
    let g = up(carrier)?;
    if s.tokens[g].upos != "VERB" {
        return None;
    }
    let gspan = s.tokens[g].span;
    verbal
        .iter()
        .find(|e| e.trigger.contains(gspan) && !e.source.code.trim_matches('-').is_empty())
        .map(|e| (e, within))
}

/// "take part" (in an act): the verb `v` is "take" with the object "part".
fn takes_part(s: &AnalyzedSentence, v: usize, children: &[Vec<usize>]) -> bool {
    s.tokens[v].lemma.eq_ignore_ascii_case("take")
        && children[v]
            .iter()
            .any(|&c| s.tokens[c].deprel == "obj" && s.tokens[c].form.eq_ignore_ascii_case("part"))
}

/// The first word of the sentence when the tagger read it as a verb (a capitalised plural or
/// gerund: "Clashes", "Fighting") right before "between", with the noun that "between" marks.
fn opening_between(s: &AnalyzedSentence, children: &[Vec<usize>]) -> Option<(usize, usize)> {
    let i = s.tokens.iter().position(|t| t.upos != "PUNCT")?;
    let t = &s.tokens[i];
    let between = s.tokens.get(i + 1)?;
    if t.upos != "VERB"
        || !matches!(t.xpos.as_str(), "VBZ" | "VBG" | "NNS" | "")
        || !t.form.starts_with(|c: char| c.is_uppercase())
        || !between.form.eq_ignore_ascii_case("between")
        || between.deprel != "case"
    {
        return None;
    }
    let c = (between.head as usize).checked_sub(1)?;
    second_side(s, children, c, Some(i)).map(|_| (i, c))
}

/// The second party of "between X and Y" whose first is `c`: the conjunct of `c`; of the
/// phrase inside it ("the foreign ministers of Armenia and Azerbaijan"); or, for a noun the
/// tagger read as a verb, the conjunct the parser hung on that word ("Fighting/VERB between
/// the Arakan Army and/cc Myanmar's military/conj→Fighting").
fn second_side(
    s: &AnalyzedSentence,
    children: &[Vec<usize>],
    c: usize,
    opener: Option<usize>,
) -> Option<usize> {
    let conj_of = |x: usize| children[x].iter().copied().find(|&k| s.tokens[k].deprel == "conj");
    conj_of(c)
        .or_else(|| {
            children[c]
                .iter()
                .copied()
                .filter(|&k| s.tokens[k].deprel == "nmod" && k > c)
                .find_map(conj_of)
        })
        .or_else(|| opener.and_then(conj_of).filter(|&k| k > c))
}

/// The two sides of an act "between X and Y" (a `between` modifier of the noun whose head has
/// a coordinated second member), both coded.
fn between_of(
    s: &AnalyzedSentence,
    h: usize,
    children: &[Vec<usize>],
    words: &[String],
    date: Option<DateKey>,
    dicts: &Dictionaries,
) -> Option<(CodedActor, CodedActor)> {
    let c = children[h].iter().copied().find(|&c| {
        s.tokens[c].deprel.starts_with("nmod")
            && case_of(s, c, children).as_deref() == Some("between")
    })?;
    let second = second_side(s, children, c, None)?;
    let a = code_np(s, c, children, words, date, dicts)?;
    let b = code_np(s, second, children, words, date, dicts)?;
    Some((a, b))
}

fn target_of(
    s: &AnalyzedSentence,
    h: usize,
    children: &[Vec<usize>],
    words: &[String],
    date: Option<DateKey>,
    dicts: &Dictionaries,
    code: &str,
) -> Option<CodedActor> {
    // (A visit, talks or a meeting is "to" or "with" its counterpart: "a visit to Kyiv",
    // "talks with Iran".)
    let consult = code.starts_with("04");
    // (An adjective heading a noun phrase takes its phrases as `obl`: "Azerbaijan's
    // offensive/ADJ against/obl Armenian separatists".)
    let oblique_ok = s.tokens[h].upos == "ADJ";
    for &c in &children[h] {
        let rel = s.tokens[c].deprel.as_str();
        if !(rel.starts_with("nmod") || oblique_ok && rel.starts_with("obl")) || rel == "nmod:poss"
        {
            continue;
        }
        let case = case_of(s, c, children);
        if consult && matches!(case.as_deref(), Some("to" | "with")) {
            if let Some(a) = code_np(s, c, children, words, date, dicts) {
                return Some(a);
            }
        }
        if matches!(
            case.as_deref(),
            Some(
                "on" | "against"
                    | "of"
                    | "at"
                    | "upon"
                    | "targeting"
                    | "toward"
                    | "towards"
                    | "into"
            )
        ) {
            if let Some(a) = code_np(s, c, children, words, date, dicts) {
                return Some(a);
            }
        }
    }
    // "an attack targeting X": acl child with an object.
    for &c in &children[h] {
        if s.tokens[c].deprel.starts_with("acl") {
            if let Some(&o) = children[c].iter().find(|&&o| s.tokens[o].deprel == "obj") {
                return code_np(s, o, children, words, date, dicts);
            }
        }
    }
    // The object of a verb (or its conjunct) whose "against"/"targeting" phrase the parser hung
    // on the verb: "announced travel bans against three officials", "imposed asset freezes and
    // bans on travel against four officers" — what the act is against is its target.
    let mut obj = h;
    if s.tokens[obj].deprel == "conj" && s.tokens[obj].head >= 1 {
        obj = s.tokens[obj].head as usize - 1;
    }
    if s.tokens[obj].deprel == "obj" && s.tokens[obj].head >= 1 {
        let v = s.tokens[obj].head as usize - 1;
        for &c in &children[v] {
            let against = s.tokens[c].deprel.starts_with("obl")
                && matches!(case_of(s, c, children).as_deref(), Some("against" | "targeting"));
            if against {
                if let Some(a) = code_np(s, c, children, words, date, dicts) {
                    return Some(a);
                }
            }
        }
    }
    None
}

/// Codes the noun phrase headed by `n` (its subtree without clauses and prepositions).
fn code_np(
    s: &AnalyzedSentence,
    n: usize,
    children: &[Vec<usize>],
    words: &[String],
    date: Option<DateKey>,
    dicts: &Dictionaries,
) -> Option<CodedActor> {
    let mut idx = vec![n];
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        for &c in &children[x] {
            let rel = s.tokens[c].deprel.as_str();
            if matches!(
                rel,
                "case" | "punct" | "acl" | "acl:relcl" | "advcl" | "appos" | "parataxis" | "cc"
            ) || (x == n && rel == "conj")
            {
                continue;
            }
            // A `by` phrase names a doer, never who the phrase is: "the arrest of an
            // opposition leader by police" with "by police" hung on "leader".
            if rel.starts_with("nmod")
                && rel != "nmod:poss"
                && case_of(s, c, children).as_deref() == Some("by")
            {
                continue;
            }
            idx.push(c);
            stack.push(c);
            if idx.len() > s.tokens.len() {
                break;
            }
        }
    }
    idx.sort_unstable();
    idx.dedup();
    let ws: Vec<&str> = idx
        .iter()
        .filter(|&&k| s.tokens[k].xpos != "POS" && s.tokens[k].upos != "PUNCT")
        .map(|&k| words[k].as_str())
        .collect();
    let code = code_words(&ws, date, dicts)?;
    let span = s.tokens[idx[0]].span.cover(s.tokens[*idx.last()?].span);
    Some(CodedActor { code, text: ws.join(" "), span })
}

/// The actor code of a word sequence: the first actor phrase plus agent codes, or `None`.
pub fn code_words(words: &[&str], date: Option<DateKey>, dicts: &Dictionaries) -> Option<String> {
    code_words_first(words, date, dicts).0
}

/// The first actor phrase of `words` with a code on `date`: its start, the number of words
/// it spans, and its code as the dictionary gives it.
pub(crate) type FirstActor<'d> = (usize, usize, &'d str);

/// [`code_words`], with the first actor it found (kept so that callers asking again about
/// the same words need not look it up again).
pub(crate) fn code_words_first<'d>(
    words: &[&str],
    date: Option<DateKey>,
    dicts: &'d Dictionaries,
) -> (Option<String>, Option<FirstActor<'d>>) {
    let mut first: Option<FirstActor<'d>> = None;
    for k in 0..words.len() {
        if let Some((p, len)) = dicts.actors.index.match_at(words, k) {
            if let Some(c) = dicts.actors.entries[p.entry as usize].code_on(date) {
                first = Some((k, len, c));
                break;
            }
        }
    }
    (code_words_from(words, first, date, dicts), first)
}

/// [`code_words`] from its first actor, already found.
fn code_words_from(
    words: &[&str],
    first: Option<FirstActor<'_>>,
    date: Option<DateKey>,
    dicts: &Dictionaries,
) -> Option<String> {
    let mut actor: Option<(String, usize, usize)> =
        first.map(|(k, len, c)| (c.to_string(), k, k + len));
    // An actor without a country ("ethnic Albanians", ---ALB) takes it from a place named
    // later in the phrase ("ethnic Albanians in Serbia": SRBALB).
    if let Some((c, _, end)) = actor.as_mut().filter(|a| a.0.starts_with("---")) {
        let mut k = *end;
        while k < words.len() {
            if let Some((p, len)) = dicts.actors.index.match_at(words, k) {
                let place = dicts.actors.entries[p.entry as usize].code_on(date).and_then(|x| {
                    let x = x.get(..3)?;
                    (x != "---" && !matches!(x, "IGO" | "NGO" | "IMG")).then(|| x.to_string())
                });
                if let Some(x) = place {
                    *c = format!("{x}{}", &c[3..]);
                    break;
                }
                k += len.max(1);
                continue;
            }
            k += 1;
        }
    }
    let (mut code, actor_words) = match actor {
        Some((c, a, b)) => (c, a..b),
        None => (String::new(), 0..0),
    };
    // Agents, as they are found (greedy, left to right, outside the actor's words), are added
    // until one is already in the code; with agents only, the code is `---` plus them.
    let mut added_all = true;
    let mut k = 0;
    while k < words.len() {
        if actor_words.contains(&k) {
            k += 1;
            continue;
        }
        if let Some((p, len)) = dicts.agents.index.match_at(words, k) {
            let ag = &dicts.agents.entries[p.entry as usize];
            if code.is_empty() {
                code = "---".into();
            }
            if added_all {
                if (0..code.len())
                    .step_by(3)
                    .any(|s| code.get(s..s + ag.code.len()) == Some(ag.code.as_str()))
                {
                    added_all = false;
                } else {
                    match ag.place {
                        AgentPlace::After => code.push_str(&ag.code),
                        AgentPlace::Before => code = format!("{}{code}", ag.code),
                    }
                }
            }
            k += len.max(1);
            continue;
        }
        k += 1;
    }
    if code.is_empty() {
        return None;
    }
    Some(code)
}

/// Whether word `k` is `h` or lies under it in the tree (bounded: a malformed tree ends the
/// walk).
fn descends(s: &AnalyzedSentence, k: usize, h: usize) -> bool {
    let mut x = k;
    for _ in 0..s.tokens.len() {
        if x == h {
            return true;
        }
        match (s.tokens[x].head as usize).checked_sub(1) {
            Some(p) => x = p,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::conllu::parse_rows;

    #[test]
    fn a_trigger_written_with_a_hyphen_matches_the_split_words() {
        let mut dicts = Dictionaries::default();
        dicts.actors.add_text("ARNOR_ [ARN]\n", "a.txt");
        dicts.actors.finish();
        let mut nouns = Dictionaries::default();
        nouns.verbs.add_text("--- CEASEFIRE [0871] ---\nCEASE-FIRE {CEASE-FIRES}\n", "n.txt");
        nouns.verbs.finish();
        let text = "Arnor's cease-fire held.";
        let rows = "1\tArnor\tArnor\tPROPN\tNNP\t_\t5\tnmod:poss\t_\tSpaceAfter=No\n\
                    2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
                    3\tcease\tcease\tNOUN\tNN\t_\t5\tcompound\t_\tSpaceAfter=No\n\
                    4\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
                    5\tfire\tfire\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n\
                    6\theld\thold\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
                    7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n";
        let (s, _) = parse_rows(rows, text, 0).expect("rows");
        let ev = code(&s, None, &dicts, &nouns, &mut []);
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].code, "0871");
        assert_eq!(ev[0].trigger.slice(text), Some("cease-fire"));
        assert_eq!(ev[0].source.code, "ARN");
        // Written with spaces around a dash, the words are no hyphenated trigger.
        let text = "Arnor's cease - fire held.";
        let (s, _) = parse_rows(
            &rows
                .replace("SpaceAfter=No\n4", "_\n4")
                .replace("HYPH\t_\t3\tpunct\t_\tSpaceAfter=No", "HYPH\t_\t3\tpunct\t_\t_"),
            text,
            0,
        )
        .expect("rows");
        assert!(code(&s, None, &dicts, &nouns, &mut []).is_empty());
    }

    #[test]
    fn a_fight_between_two_sides_is_the_first_sides_with_the_second() {
        let mut dicts = Dictionaries::default();
        dicts.actors.add_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n", "a.txt");
        dicts.actors.finish();
        let mut nouns = Dictionaries::default();
        nouns.verbs.add_text("--- ATTACK [190] ---\nCLASH {CLASHES}\n", "n.txt");
        nouns.verbs.finish();
        // "Clashes between Arnor and Gondor erupted." (also "fighting between the army and
        // the rebels", "a battle between police and smugglers")
        let text = "Clashes between Arnor and Gondor erupted.";
        let rows = "1\tClashes\tclash\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n\
                    2\tbetween\tbetween\tADP\tIN\t_\t3\tcase\t_\t_\n\
                    3\tArnor\tArnor\tPROPN\tNNP\t_\t1\tnmod\t_\t_\n\
                    4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n\
                    5\tGondor\tGondor\tPROPN\tNNP\t_\t3\tconj\t_\t_\n\
                    6\terupted\terupt\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
                    7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n";
        let (s, _) = parse_rows(rows, text, 0).expect("rows");
        let ev = code(&s, None, &dicts, &nouns, &mut []);
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!((ev[0].source.code.as_str(), ev[0].target.code.as_str()), ("ARN", "GON"));
        assert_eq!(ev[0].code, "190");
    }
}
