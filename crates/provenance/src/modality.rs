//! Modality from the syntax around a trigger: negation, auxiliaries, conditionals, embedding
//! verbs ("tried to", "vowed to", "denied"), and nominal cues ("attempted attack", "plot").
//!
//! The search is local first (the trigger's own dependents), then walks up the governors
//! through complement and modifier relations; the nearest cue wins. Every decision returns
//! the cue's span as evidence.

use crate::tree::Tree;
use model::{Modality, Span};

/// Verbs whose complement was tried but (as far as the text says) not achieved.
const TRY: &[&str] = &["try", "attempt", "seek", "strive", "endeavour", "endeavor"];
/// Verbs whose complement did not happen.
const FAIL: &[&str] = &["fail", "refuse", "decline"];
/// Verbs and nouns whose complement is intended.
const PLAN: &[&str] = &[
    "plan", "intend", "prepare", "plot", "aim", "scheme", "mean", "want", "hope", "decide",
    "expect", "schedule", "propose", "consider", "conspire", "seek", "set", "due", "going",
    "agree", "continue", "pledge", "promise", "offer", "wish", "ready", "likely", "able",
];
/// Verbs of threat: their complement is threatened.
const THREAT: &[&str] = &["threaten", "vow", "warn", "swear", "menace"];
/// Verbs of asking: what they ask for ("demanded a ceasefire", "urged a general strike",
/// "called for a boycott", "appealed for calm") is wanted, not done.
const ASK: &[&str] =
    &["demand", "urge", "request", "ask", "call", "appeal", "press", "push", "plead"];
/// Verbs of denial: their complement is denied by the subject.
const DENY: &[&str] = &["deny", "dismiss", "refute", "rebut", "disavow"];
/// Verbs of accusation: their complement is alleged.
const ACCUSE: &[&str] =
    &["accuse", "allege", "blame", "charge", "suspect", "claim", "implicate", "indict"];
/// Verbs that stop an action before it happens: their object was attempted.
const FOIL: &[&str] = &[
    "foil",
    "thwart",
    "prevent",
    "avert",
    "disrupt",
    "intercept",
    "stop",
    "frustrate",
    "defuse",
    "abort",
    "block",
];
/// Nominal heads whose complement is planned ("a plot to attack", "plans for an attack").
const PLAN_NOUNS: &[&str] =
    &["plot", "plan", "scheme", "conspiracy", "preparation", "intention", "bid", "threat"];
/// Modifiers of a nominal trigger.
const ATTEMPT_MODS: &[&str] = &[
    "attempted",
    "failed",
    "foiled",
    "thwarted",
    "abortive",
    "would-be",
    "botched",
    "unsuccessful",
    "aborted",
    "averted",
    "attempt",
];
const PLAN_MODS: &[&str] = &[
    "planned",
    "plotted",
    "intended",
    "proposed",
    "upcoming",
    "imminent",
    "prospective",
    "future",
];
const ALLEGE_MODS: &[&str] = &[
    "alleged",
    "allegedly",
    "reported",
    "reportedly",
    "suspected",
    "purported",
    "supposed",
    "apparent",
    "claimed",
];
const HYPO_MODS: &[&str] = &["possible", "potential", "hypothetical", "any"];
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// The modality of the event whose trigger is token `t`, the evidence span, and whether the
/// trigger itself is negated.
pub fn of(tree: &Tree, t: usize) -> (Modality, Option<Span>, bool) {
    let negated = negation(tree, t);
    // The trigger is itself the embedding verb ("vowed to expel" coded at "vowed", "attempted
    // an invasion" at "attempted"): the act it introduces is threatened, tried or planned.
    if let Some(m) = self_cue(tree, t) {
        return (combine_negation(m, negated.is_some()), Some(tree.tok(t).span), negated.is_some());
    }
    if let Some((m, cue)) = local(tree, t) {
        // "warned that the army would retaliate (if …)": the future a verb of threat reports
        // is what it threatens.
        if matches!(m, Modality::Planned | Modality::Hypothetical) && negated.is_none() {
            if let Some(g) = threat_above(tree, t) {
                return (Modality::Threatened, Some(tree.tok(g).span), false);
            }
        }
        return (combine_negation(m, negated.is_some()), Some(cue), negated.is_some());
    }
    // Walk up through the embedding structure.
    let mut cur = t;
    for _ in 0..6 {
        let Some(g) = tree.head(cur) else { break };
        let rel = tree.rel(cur);
        // Another voice's statement in an adverbial clause ("denied shelling the town *after*
        // a militia *said* artillery fire had killed two fighters", "denied it, *saying* troops
        // had fired on rebels"): what is said there is that speaker's claim, not under the
        // verb the clause modifies.
        if cur != t
            && rel == "advcl"
            && crate::attribution::SPEECH.contains(&tree.lemma(cur).as_str())
        {
            break;
        }
        // A past deed in a clause of time ("would retaliate …, a day after officers *seized* a
        // building", "planned to attack the town after rebels *had withdrawn*") is a fact the
        // clause takes for granted, not part of the threat, plan or claim above it.
        if past_clause_of_time(tree, cur) {
            break;
        }
        // What a response answers is a deed done: "vowed to respond *to an Israeli drone
        // attack*", "would retaliate *for the killing*".
        if matches!(rel, "obl" | "nmod")
            && matches!(
                lemma_of_head(tree, cur).as_deref(),
                Some(
                    "respond" | "retaliate" | "react" | "avenge" | "answer" | "punish" | "revenge"
                )
            )
            && tree.children(cur).any(|m| {
                tree.rel(m) == "case" && matches!(tree.form_lower(m).as_str(), "to" | "for")
            })
        {
            break;
        }
        let lemma = tree.lemma(g);
        let gspan = tree.tok(g).span;
        let complement = matches!(
            rel,
            "xcomp" | "ccomp" | "obj" | "nmod" | "obl" | "advcl" | "csubj" | "acl" | "nsubj"
        );
        if complement {
            let gneg = negation(tree, g).is_some();
            if DENY.contains(&lemma.as_str()) && !gneg {
                return (Modality::Denied, Some(gspan), negated.is_some());
            }
            if FAIL.contains(&lemma.as_str()) && rel == "xcomp" {
                return (Modality::Negated, Some(gspan), true);
            }
            if TRY.contains(&lemma.as_str()) && matches!(rel, "xcomp" | "obj") {
                return (Modality::Attempted, Some(gspan), negated.is_some());
            }
            if FOIL.contains(&lemma.as_str()) && matches!(rel, "obj" | "nmod" | "xcomp" | "advcl") {
                return (Modality::Attempted, Some(gspan), negated.is_some());
            }
            if THREAT.contains(&lemma.as_str())
                && matches!(rel, "xcomp" | "ccomp" | "obj" | "advcl" | "obl")
            {
                return (Modality::Threatened, Some(gspan), negated.is_some());
            }
            if ACCUSE.contains(&lemma.as_str())
                && matches!(rel, "advcl" | "obl" | "ccomp" | "xcomp" | "nmod")
            {
                return (Modality::Alleged, Some(gspan), negated.is_some());
            }
            // (Asking: the object of "demand"/"urge"/"request", or the `for` phrase of any verb
            // of asking — "called for", "appealed for", "pressed for" — is asked for.)
            let asked_for =
                tree.children(cur).any(|c| tree.rel(c) == "case" && tree.form_lower(c) == "for");
            if ASK.contains(&lemma.as_str())
                && (matches!(rel, "obl" | "nmod") && asked_for
                    || rel == "obj" && matches!(lemma.as_str(), "demand" | "urge" | "request"))
            {
                return (combine_negation(Modality::Planned, gneg), Some(gspan), negated.is_some());
            }
            // "Two men sought/wanted in the slaying of …": a person sought or wanted in or for
            // a deed is wanted by the police, and the deed was done, not planned.
            let wanted_for = matches!(lemma.as_str(), "seek" | "want")
                && rel == "obl"
                && (tree.rel(g) == "acl"
                    || tree.children(g).any(|c| tree.full_rel(c) == "aux:pass"));
            if PLAN.contains(&lemma.as_str())
                && !wanted_for
                && matches!(rel, "xcomp" | "obj" | "advcl" | "nmod" | "obl" | "ccomp")
            {
                // "denied that the army was planning to overthrow the government": a plan
                // that is denied, the deed with it.
                if let Some(d) = denial_above(tree, g) {
                    return (Modality::Denied, Some(tree.tok(d).span), negated.is_some());
                }
                return (combine_negation(Modality::Planned, gneg), Some(gspan), negated.is_some());
            }
            if PLAN_NOUNS.contains(&lemma.as_str()) && matches!(rel, "acl" | "nmod" | "compound") {
                return (Modality::Planned, Some(gspan), negated.is_some());
            }
            // "was to carry out the attack": copula/aux `be` + infinitival `to`.
            if rel == "obj" && is_be_to(tree, g) {
                return (Modality::Planned, Some(gspan), negated.is_some());
            }
        }
        if let Some((m, cue)) = aux_mood(tree, g) {
            // The governor's mood carries down to complements ("would seek to expel") and to
            // an infinitive of purpose ("would vote next week *to ban* the state police").
            let purpose = rel == "advcl"
                && tree.children(cur).any(|c| tree.rel(c) == "mark" && tree.form_lower(c) == "to");
            if matches!(rel, "xcomp" | "obj" | "ccomp") || purpose {
                return (combine_negation(m, negated.is_some()), Some(cue), negated.is_some());
            }
        }
        // Reported speech and ordinary coordination do not change modality; stop at clause
        // boundaries that are not complements.
        if matches!(rel, "parataxis" | "root" | "conj" | "appos" | "list") {
            break;
        }
        cur = g;
    }
    if negated.is_some() {
        return (Modality::Negated, negated, true);
    }
    (Modality::Asserted, None, false)
}

/// An unnegated verb of denial whose complement holds token `v`, reached through complement
/// relations only (as the walk in [`of`] reads them).
fn denial_above(tree: &Tree, v: usize) -> Option<usize> {
    let mut cur = v;
    for _ in 0..4 {
        let rel = tree.rel(cur);
        if !matches!(rel, "xcomp" | "ccomp" | "obj" | "advcl" | "csubj") {
            return None;
        }
        let g = tree.head(cur)?;
        if DENY.contains(&tree.lemma(g).as_str()) && negation(tree, g).is_none() {
            return Some(g);
        }
        cur = g;
    }
    None
}

/// The unnegated verb of threat whose complement clause is `t` ("warned that …").
fn threat_above(tree: &Tree, t: usize) -> Option<usize> {
    if !matches!(tree.rel(t), "ccomp" | "xcomp") {
        return None;
    }
    let g = tree.head(t)?;
    if !THREAT.contains(&tree.lemma(g).as_str()) || negation(tree, g).is_some() {
        return None;
    }
    // A threat is an act of someone's ("the army would retaliate", "we will respond"); a
    // consequence foretold ("such a move would violate the accords") is only hypothetical.
    let agent = |n: usize| {
        matches!(tree.tok(n).upos.as_str(), "PRON" | "PROPN")
            || matches!(
                tree.lemma(n).as_str(),
                "army"
                    | "troops"
                    | "troop"
                    | "force"
                    | "military"
                    | "police"
                    | "government"
                    | "country"
                    | "group"
                    | "fighter"
                    | "militant"
                    | "rebel"
                    | "movement"
                    | "state"
                    | "navy"
                    | "leader"
                    | "authority"
            )
    };
    let subject = tree.children(t).find(|&c| matches!(tree.full_rel(c), "nsubj" | "nsubj:pass"));
    (tree.rel(t) == "xcomp" || subject.is_some_and(agent)).then_some(g)
}

fn lemma_of_head(tree: &Tree, n: usize) -> Option<String> {
    tree.head(n).map(|h| tree.lemma(h))
}

/// Whether `v` is a simple-past or past-perfect clause of time with its own subject ("after
/// officers seized …", "when troops had left").
fn past_clause_of_time(tree: &Tree, v: usize) -> bool {
    tree.rel(v) == "advcl"
        && tree.children(v).any(|m| {
            tree.rel(m) == "mark"
                && matches!(
                    tree.form_lower(m).as_str(),
                    "after" | "before" | "since" | "when" | "until" | "once"
                )
        })
        && tree.children(v).any(|c| matches!(tree.rel(c), "nsubj"))
        && (matches!(tree.tok(v).xpos.as_str(), "VBD" | "VBN")
            || tree.tok(v).feats.contains("Tense=Past")
            || tree.children(v).any(|c| tree.rel(c) == "aux" && tree.form_lower(c) == "had"))
        // (A participle with a subject is a misread simple past — "after warplanes *struck*" —
        // unless a passive or perfect auxiliary other than "had" is its own.)
        && !tree.children(v).any(|c| {
            tree.rel(c) == "aux" && !matches!(tree.form_lower(c).as_str(), "had")
        })
}

/// An infinitive the parser hung as an adverbial clause ("threatened on Friday *to shoot*").
fn to_clause(tree: &Tree, c: usize) -> bool {
    tree.rel(c) == "advcl"
        && tree.children(c).any(|m| tree.rel(m) == "mark" && tree.form_lower(m) == "to")
}

fn self_cue(tree: &Tree, t: usize) -> Option<Modality> {
    if !tree.is_verbal(t) {
        return None;
    }
    let lemma = tree.lemma(t);
    let has_complement = tree
        .children(t)
        .any(|c| matches!(tree.rel(c), "xcomp" | "ccomp" | "obj") || to_clause(tree, c));
    if !has_complement {
        return None;
    }
    let l = lemma.as_str();
    if THREAT.contains(&l) {
        threat_complement(tree, t).then_some(Modality::Threatened)
    } else if matches!(l, "try" | "attempt" | "strive") {
        Some(Modality::Attempted)
    } else if matches!(l, "plan" | "plot" | "intend" | "prepare" | "scheme" | "conspire") {
        Some(Modality::Planned)
    } else {
        None
    }
}

/// Whether a verb of threat (`t`) states a threat: an act to come ("vowed to retake",
/// "threatened on Friday to shoot down", "warned that the army would retaliate", "warned the
/// United States of retaliation"), not a warning of a state of things ("warned that aid had
/// not reached the city") nor advice ("warned ministers against dismantling institutions").
fn threat_complement(tree: &Tree, t: usize) -> bool {
    let against = tree.children(t).any(|c| {
        tree.children(c)
            .any(|m| matches!(tree.rel(m), "case" | "mark") && tree.form_lower(m) == "against")
    });
    if against {
        return false;
    }
    tree.children(t).any(|c| match tree.rel(c) {
        "xcomp" | "obj" => true,
        "advcl" => to_clause(tree, c),
        "ccomp" => tree.children(c).any(|a| {
            tree.rel(a) == "aux"
                && matches!(
                    tree.form_lower(a).as_str(),
                    "will" | "would" | "shall" | "'ll" | "wo" | "could" | "might" | "may" | "can"
                )
        }),
        _ => false,
    })
}

fn combine_negation(m: Modality, negated: bool) -> Modality {
    match (m, negated) {
        (Modality::Asserted, true) => Modality::Negated,
        // "will not attack" is a negated plan: report it as negated.
        (Modality::Planned, true) => Modality::Negated,
        (m, _) => m,
    }
}

/// A negator attached to `t` (or to its copula/auxiliary chain).
/// The negator of token `t` ("not", "never", "no" …) among its dependents, if any.
pub(crate) fn negation(tree: &Tree, t: usize) -> Option<Span> {
    for c in tree.children(t) {
        let rel = tree.rel(c);
        let f = tree.form_lower(c);
        if (rel == "advmod" || rel == "neg" || rel == "det" || rel == "cc:preconj")
            && NEGATORS.contains(&f.as_str())
        {
            return Some(tree.tok(c).span);
        }
    }
    None
}

/// Cues on the trigger itself: auxiliaries, conditionals, modifiers of nominal triggers.
fn local(tree: &Tree, t: usize) -> Option<(Modality, Span)> {
    if let Some(found) = aux_mood(tree, t) {
        return Some(found);
    }
    for c in tree.children(t) {
        let rel = tree.rel(c);
        let f = tree.form_lower(c);
        let l = tree.lemma(c);
        let span = tree.tok(c).span;
        // A clause with a subject of its own says what the noun holds, not how its deed
        // stands ("accusations that one of its members *had planned* a suicide bombing").
        let content = rel == "acl" && tree.children(c).any(|g| tree.rel(g) == "nsubj");
        if !content && matches!(rel, "amod" | "compound" | "advmod" | "nmod" | "acl") {
            if ATTEMPT_MODS.contains(&f.as_str()) || ATTEMPT_MODS.contains(&l.as_str()) {
                return Some((Modality::Attempted, span));
            }
            if PLAN_MODS.contains(&f.as_str()) {
                return Some((Modality::Planned, span));
            }
            if ALLEGE_MODS.contains(&f.as_str()) {
                return Some((Modality::Alleged, span));
            }
            if rel != "advmod" && HYPO_MODS.contains(&f.as_str()) {
                return Some((Modality::Hypothetical, span));
            }
        }
        if rel == "det" && f == "any" && !tree.is_verbal(t) {
            return Some((Modality::Hypothetical, span));
        }
    }
    None
}

/// Mood from auxiliaries and conditional clauses on a verbal token.
fn aux_mood(tree: &Tree, v: usize) -> Option<(Modality, Span)> {
    let conditional = tree.children(v).find(|&c| {
        tree.rel(c) == "advcl"
            && tree.children(c).any(|m| {
                tree.rel(m) == "mark"
                    && matches!(tree.form_lower(m).as_str(), "if" | "unless" | "should")
            })
    });
    let mut planned = None;
    for c in tree.children(v) {
        if tree.rel(c) != "aux" {
            continue;
        }
        let f = tree.form_lower(c);
        let span = tree.tok(c).span;
        match f.as_str() {
            "could" | "might" | "may" | "can" | "should" => {
                return Some((Modality::Hypothetical, span))
            }
            "would" | "'d" if conditional.is_some() => return Some((Modality::Hypothetical, span)),
            "will" | "shall" | "'ll" | "wo" if conditional.is_some() => {
                return Some((Modality::Hypothetical, span))
            }
            "will" | "shall" | "'ll" | "wo" | "would" | "'d" => {
                planned = Some((Modality::Planned, span))
            }
            _ => {}
        }
    }
    if planned.is_some() {
        return planned;
    }
    if let Some(c) = conditional {
        // "if diplomacy failed" on the main clause, with no modal: still hypothetical.
        return Some((Modality::Hypothetical, tree.tok(c).span));
    }
    None
}

/// The verb of a conditional undertaking that holds trigger `t`: a "will"/"would"/"shall" verb
/// with an "if"/"unless" clause of its own — the trigger itself ("Moscow would retaliate if
/// …") or the verb whose complement it is ("would be ready to strike … if …", "will have to
/// resume attacks unless …"). "could"/"might" make a possibility, not an undertaking: `None`.
pub(crate) fn conditional_undertaking(tree: &Tree, t: usize) -> Option<usize> {
    let modal = |f: &str| matches!(f, "could" | "might" | "may" | "can" | "should");
    let mut conditional = false;
    let mut v = t;
    for _ in 0..3 {
        conditional |= tree.children(v).any(|c| {
            tree.rel(c) == "advcl"
                && tree.children(c).any(|m| {
                    tree.rel(m) == "mark" && matches!(tree.form_lower(m).as_str(), "if" | "unless")
                })
        });
        if tree.children(v).any(|c| tree.rel(c) == "aux" && modal(&tree.form_lower(c))) {
            return None;
        }
        if in_the_future(tree, v) {
            return conditional.then_some(v);
        }
        if !matches!(tree.rel(v), "xcomp" | "obj") {
            return None;
        }
        v = tree.head(v)?;
    }
    None
}

/// The subject of verb `v`, or of the verb it is coordinated with ("they would hold protests
/// and would *march*").
pub(crate) fn subject(tree: &Tree, v: usize) -> Option<usize> {
    let own =
        |v: usize| tree.children(v).find(|&c| matches!(tree.full_rel(c), "nsubj" | "nsubj:pass"));
    own(v).or_else(|| (tree.rel(v) == "conj").then(|| tree.head(v).and_then(own)).flatten())
}

/// `was to` + verb: the governor is an infinitive whose subject clause uses `be to`.
fn is_be_to(tree: &Tree, v: usize) -> bool {
    let has_to = tree.children(v).any(|c| tree.rel(c) == "mark" && tree.form_lower(c) == "to");
    let has_be =
        tree.children(v).any(|c| matches!(tree.rel(c), "aux" | "cop") && tree.lemma(c) == "be");
    has_to && has_be
}

/// Whether verb `t` is said of the future: a "will"/"would"/"shall" auxiliary ("would not
/// withdraw", "won't attend").
pub(crate) fn in_the_future(tree: &Tree<'_>, t: usize) -> bool {
    tree.children(t).any(|c| {
        tree.rel(c) == "aux"
            && matches!(tree.form_lower(c).as_str(), "will" | "would" | "shall" | "wo" | "'ll")
    })
}

/// Whether the act at `t` is still to come: under a future auxiliary, or intended ("did not
/// intend to withdraw the law", "does not plan to attack"). Its negation is a refusal, like
/// "would not withdraw", not a denial of a deed.
pub(crate) fn to_come(tree: &Tree<'_>, t: usize) -> bool {
    let intended = tree.rel(t) == "xcomp"
        && tree.head(t).is_some_and(|h| {
            matches!(tree.lemma(h).as_str(), "intend" | "plan" | "want" | "mean" | "aim" | "seek")
        });
    in_the_future(tree, t) || intended
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::test_util::sentence;

    fn modality(spec: &str, trigger: &str) -> Modality {
        let (text, s) = sentence(spec);
        let tree = Tree::new(&s, &text);
        let t = s.tokens.iter().position(|t| t.form == trigger).unwrap();
        of(&tree, t).0
    }

    #[test]
    fn future_auxiliaries() {
        let future = |spec: &str, trigger: &str| {
            let (text, s) = sentence(spec);
            let tree = Tree::new(&s, &text);
            let t = s.tokens.iter().position(|t| t.form == trigger).unwrap();
            in_the_future(&tree, t)
        };
        assert!(future("It/it/PRON/4/nsubj would/would/AUX/4/aux not/not/PART/4/advmod withdraw/withdraw/VERB/0/root", "withdraw"));
        assert!(!future("It/it/PRON/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod withdraw/withdraw/VERB/0/root", "withdraw"));
        // "did not intend to withdraw": an act intended is to come.
        let to_come = |spec: &str, trigger: &str| {
            let (text, s) = sentence(spec);
            let tree = Tree::new(&s, &text);
            let t = s.tokens.iter().position(|t| t.form == trigger).unwrap();
            super::to_come(&tree, t)
        };
        assert!(to_come("It/it/PRON/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod plan/plan/VERB/0/root to/to/PART/6/mark attack/attack/VERB/4/xcomp", "attack"));
        assert!(!to_come("It/it/PRON/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod try/try/VERB/0/root to/to/PART/6/mark attack/attack/VERB/4/xcomp", "attack"));
    }

    #[test]
    fn a_purpose_under_a_future_is_planned() {
        // Lawmakers would vote to ban the police.
        let spec = "Lawmakers/lawmaker/NOUN/3/nsubj would/would/AUX/3/aux vote/vote/VERB/0/root to/to/PART/5/mark ban/ban/VERB/3/advcl the/the/DET/7/det police/police/NOUN/5/obj";
        assert_eq!(modality(spec, "ban"), Modality::Planned);
    }

    #[test]
    fn a_denied_plan_is_denied() {
        // He denied that the army was planning to overthrow the government.
        let spec = "He/he/PRON/2/nsubj denied/deny/VERB/0/root that/that/SCONJ/7/mark the/the/DET/5/det army/army/NOUN/7/nsubj was/be/AUX/7/aux planning/plan/VERB/2/ccomp to/to/PART/9/mark overthrow/overthrow/VERB/7/xcomp the/the/DET/11/det government/government/NOUN/9/obj";
        assert_eq!(modality(spec, "overthrow"), Modality::Denied);
        // Not denied: the plan stands.
        let spec = spec.replace("denied/deny", "said/say");
        assert_eq!(modality(&spec, "overthrow"), Modality::Planned);
    }

    #[test]
    fn a_deed_someone_is_wanted_in_was_done() {
        // Two men sought in the slaying of two missionaries.
        let spec = "Two/two/NUM/2/nummod men/man/NOUN/0/root sought/seek/VERB/2/acl in/in/ADP/6/case the/the/DET/6/det slaying/slaying/NOUN/3/obl of/of/ADP/8/case missionaries/missionary/NOUN/6/nmod";
        assert_eq!(modality(spec, "slaying"), Modality::Asserted);
        // He is wanted for the murder.
        let spec = "He/he/PRON/3/nsubj:pass is/be/AUX/3/aux:pass wanted/want/VERB/0/root for/for/ADP/6/case the/the/DET/6/det murder/murder/NOUN/3/obl";
        assert_eq!(modality(spec, "murder"), Modality::Asserted);
        // But a deed someone seeks is still only sought: they sought an attack.
        let spec = "They/they/PRON/2/nsubj sought/seek/VERB/0/root an/a/DET/4/det attack/attack/NOUN/2/obj";
        assert_eq!(modality(spec, "attack"), Modality::Attempted);
    }

    #[test]
    fn a_claim_said_in_an_adverbial_clause_is_not_denied() {
        let spec = "Rebels/rebel/NOUN/2/nsubj denied/deny/VERB/0/root shelling/shell/VERB/2/xcomp \
                    the/the/DET/5/det town/town/NOUN/3/obj after/after/SCONJ/9/mark \
                    a/a/DET/8/det militia/militia/NOUN/9/nsubj said/say/VERB/2/advcl \
                    shells/shell/NOUN/11/nsubj killed/kill/VERB/9/ccomp two/two/NUM/13/nummod \
                    fighters/fighter/NOUN/11/obj";
        assert_eq!(modality(spec, "killed"), Modality::Asserted);
        assert_eq!(modality(spec, "shelling"), Modality::Denied);
        let spec = "Police/police/NOUN/2/nsubj denied/deny/VERB/0/root it/it/PRON/2/obj \
                    ,/,/PUNCT/5/punct saying/say/VERB/2/advcl officers/officer/NOUN/7/nsubj \
                    fired/fire/VERB/5/ccomp warning/warning/NOUN/9/compound shots/shot/NOUN/7/obj";
        assert_eq!(modality(spec, "fired"), Modality::Asserted);
        // Content of the denial itself still is denied.
        let spec = "Police/police/NOUN/2/nsubj denied/deny/VERB/0/root that/that/SCONJ/5/mark \
                    officers/officer/NOUN/5/nsubj fired/fire/VERB/2/ccomp";
        assert_eq!(modality(spec, "fired"), Modality::Denied);
    }

    #[test]
    fn what_is_asked_for_is_planned() {
        let spec = "They/they/PRON/2/nsubj called/call/VERB/0/root for/for/ADP/5/case a/a/DET/5/det strike/strike/NOUN/2/obl";
        assert_eq!(modality(spec, "strike"), Modality::Planned);
        let spec = "They/they/PRON/2/nsubj demanded/demand/VERB/0/root a/a/DET/4/det ceasefire/ceasefire/NOUN/2/obj";
        assert_eq!(modality(spec, "ceasefire"), Modality::Planned);
        // A judged act is no act asked for.
        let spec = "They/they/PRON/2/nsubj called/call/VERB/0/root the/the/DET/4/det attack/attack/NOUN/2/obj";
        assert_eq!(modality(spec, "attack"), Modality::Asserted);
    }

    #[test]
    fn a_verb_of_threat_threatens_only_an_act_to_come() {
        // North Korea threatened on Friday to shoot down aircraft (infinitive hung as advcl).
        let spec = "Korea/Korea/PROPN/2/nsubj threatened/threaten/VERB/0/root on/on/ADP/4/case Friday/Friday/PROPN/2/obl to/to/PART/6/mark shoot/shoot/VERB/2/advcl aircraft/aircraft/NOUN/6/obj";
        assert_eq!(modality(spec, "threatened"), Modality::Threatened);
        // He warned that the army would retaliate.
        let spec = "He/he/PRON/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/7/mark the/the/DET/5/det army/army/NOUN/7/nsubj would/would/AUX/7/aux retaliate/retaliate/VERB/2/ccomp";
        assert_eq!(modality(spec, "warned"), Modality::Threatened);
        // What is threatened is the act under "would", conditional or not; "said" reports a plan.
        assert_eq!(modality(spec, "retaliate"), Modality::Threatened);
        // A consequence foretold is no threat: they warned that such a move would violate it.
        let spec2 = "They/they/PRON/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/7/mark such/such/DET/6/det a/a/DET/6/det move/move/NOUN/8/nsubj would/would/AUX/8/aux violate/violate/VERB/2/ccomp it/it/PRON/8/obj";
        assert_eq!(modality(spec2, "violate"), Modality::Planned);
        let said = spec.replace("warned/warn", "said/say");
        assert_eq!(modality(&said, "retaliate"), Modality::Planned);
        // The UN warned that aid had not reached the city: a warning of a state of things.
        let spec = "UN/UN/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/7/mark aid/aid/NOUN/7/nsubj had/have/AUX/7/aux not/not/PART/7/advmod reached/reach/VERB/2/ccomp the/the/DET/9/det city/city/NOUN/7/obj";
        assert_eq!(modality(spec, "warned"), Modality::Asserted);
        // He warned ministers against dismantling the institutions: advice.
        let spec = "He/he/PRON/2/nsubj warned/warn/VERB/0/root ministers/minister/NOUN/2/obj against/against/SCONJ/5/mark dismantling/dismantle/VERB/2/advcl institutions/institution/NOUN/5/obj";
        assert_eq!(modality(spec, "warned"), Modality::Asserted);
    }

    #[test]
    fn a_past_deed_in_a_clause_of_time_is_no_part_of_the_threat() {
        // He warned that the army would retaliate, a day after officers seized a building.
        let spec = "He/he/PRON/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/7/mark the/the/DET/5/det army/army/NOUN/7/nsubj would/would/AUX/7/aux retaliate/retaliate/VERB/2/ccomp ,/,/PUNCT/10/punct a/a/DET/10/det day/day/NOUN/13/obl:unmarked after/after/SCONJ/13/mark officers/officer/NOUN/13/nsubj seized/seize/VERB/7/advcl a/a/DET/15/det building/building/NOUN/13/obj";
        let (text, mut s) = sentence(spec);
        s.tokens[12].xpos = "VBD".into();
        let tree = Tree::new(&s, &text);
        assert_eq!(of(&tree, 12).0, Modality::Asserted);
        assert_eq!(of(&tree, 6).0, Modality::Threatened);
        assert_eq!(of(&tree, 1).0, Modality::Threatened);
        // What a response answers was done: he vowed to respond to the attack.
        let spec = "He/he/PRON/2/nsubj vowed/vow/VERB/0/root to/to/PART/4/mark respond/respond/VERB/2/xcomp to/to/ADP/7/case the/the/DET/7/det attack/attack/NOUN/4/obl";
        assert_eq!(modality(spec, "attack"), Modality::Asserted);
        assert_eq!(modality(spec, "respond"), Modality::Threatened);
        // They planned to strike the town after the rebels had withdrawn.
        let spec = "They/they/PRON/2/nsubj planned/plan/VERB/0/root to/to/PART/4/mark strike/strike/VERB/2/xcomp the/the/DET/6/det town/town/NOUN/4/obj after/after/SCONJ/11/mark the/the/DET/9/det rebels/rebel/NOUN/11/nsubj had/have/AUX/11/aux withdrawn/withdraw/VERB/4/advcl";
        assert_eq!(modality(spec, "withdrawn"), Modality::Asserted);
        assert_eq!(modality(spec, "strike"), Modality::Planned);
        // A gerund without a subject of its own stays under the claim: accused of killing him
        // after abducting him.
        let spec = "They/they/PRON/2/nsubj accused/accuse/VERB/0/root police/police/NOUN/2/obj of/of/SCONJ/5/mark killing/kill/VERB/2/advcl him/he/PRON/5/obj after/after/SCONJ/8/mark abducting/abduct/VERB/5/advcl him/he/PRON/8/obj";
        assert_eq!(modality(spec, "abducting"), Modality::Alleged);
    }

    #[test]
    fn a_conditional_undertaking_is_will_or_would_with_if_or_unless() {
        let undertaking = |spec: &str, trigger: &str| {
            let (text, s) = sentence(spec);
            let tree = Tree::new(&s, &text);
            let t = s.tokens.iter().position(|t| t.form == trigger).unwrap();
            conditional_undertaking(&tree, t).map(|v| s.tokens[v].form.clone())
        };
        // "The army would shell the port if the talks collapsed."
        let shell = "The/the/DET/2/det army/army/NOUN/4/nsubj would/would/AUX/4/aux shell/shell/VERB/0/root the/the/DET/6/det port/port/NOUN/4/obj if/if/SCONJ/10/mark the/the/DET/9/det talks/talk/NOUN/10/nsubj collapsed/collapse/VERB/4/advcl";
        assert_eq!(undertaking(shell, "shell").as_deref(), Some("shell"));
        // "The militia will resume raids unless the governor resigns": the noun under the verb.
        let raids = "The/the/DET/2/det militia/militia/NOUN/4/nsubj will/will/AUX/4/aux resume/resume/VERB/0/root raids/raid/NOUN/4/obj unless/unless/SCONJ/9/mark the/the/DET/8/det governor/governor/NOUN/9/nsubj resigns/resign/VERB/4/advcl";
        assert_eq!(undertaking(raids, "raids").as_deref(), Some("resume"));
        // "Kyiv would be ready to bomb the bridge if Moscow attacked": the if-clause below.
        let ready = "Kyiv/Kyiv/PROPN/4/nsubj would/would/AUX/4/aux be/be/AUX/4/cop ready/ready/ADJ/0/root to/to/PART/6/mark bomb/bomb/VERB/4/xcomp the/the/DET/8/det bridge/bridge/NOUN/6/obj if/if/SCONJ/11/mark Moscow/Moscow/PROPN/11/nsubj attacked/attack/VERB/6/advcl";
        assert_eq!(undertaking(ready, "bomb").as_deref(), Some("ready"));
        // "could" is a possibility; a future without a condition is a plan.
        let could = shell.replace("would/would", "could/could");
        assert_eq!(undertaking(&could, "shell"), None);
        let plain = "The/the/DET/2/det army/army/NOUN/4/nsubj would/would/AUX/4/aux shell/shell/VERB/0/root the/the/DET/6/det port/port/NOUN/4/obj";
        assert_eq!(undertaking(plain, "shell"), None);
        // "they would rally and would march if …": the second conjunct's subject is the first's.
        let spec = "they/they/PRON/3/nsubj would/would/AUX/3/aux rally/rally/VERB/0/root and/and/CCONJ/6/cc would/would/AUX/6/aux march/march/VERB/3/conj if/if/SCONJ/9/mark police/police/NOUN/9/nsubj fired/fire/VERB/6/advcl";
        let (text, s) = sentence(spec);
        let tree = Tree::new(&s, &text);
        assert_eq!(subject(&tree, 5), Some(0));
        assert_eq!(conditional_undertaking(&tree, 5), Some(5));
    }

    #[test]
    fn plain_assertion() {
        assert_eq!(modality("Rebels/rebel/NOUN/2/nsubj attacked/attack/VERB/0/root the/the/DET/4/det base/base/NOUN/2/obj", "attacked"), Modality::Asserted);
    }

    #[test]
    fn a_content_clause_is_no_modifier_of_its_noun() {
        // Iraqi accusations that a member had planned a bombing: the accusation was made.
        let spec = "Iraqi/Iraqi/ADJ/2/amod accusations/accusation/NOUN/0/root that/that/SCONJ/5/mark he/he/PRON/5/nsubj planned/plan/VERB/2/acl a/a/DET/7/det bombing/bombing/NOUN/5/obj";
        assert_eq!(modality(spec, "accusations"), Modality::Asserted);
        // An attack planned for Monday: planned.
        let spec = "an/a/DET/2/det attack/attack/NOUN/0/root planned/planned/VERB/2/acl for/for/ADP/5/case Monday/Monday/PROPN/3/obl";
        assert_eq!(modality(spec, "attack"), Modality::Planned);
    }

    #[test]
    fn negation_and_failure() {
        assert_eq!(modality("They/they/PRON/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod attack/attack/VERB/0/root", "attack"), Modality::Negated);
        assert_eq!(modality("They/they/PRON/2/nsubj failed/fail/VERB/0/root to/to/PART/4/mark reach/reach/VERB/2/xcomp agreement/agreement/NOUN/4/obj", "reach"), Modality::Negated);
    }

    #[test]
    fn embedding_verbs() {
        assert_eq!(modality("He/he/PRON/2/nsubj vowed/vow/VERB/0/root to/to/PART/4/mark expel/expel/VERB/2/xcomp them/they/PRON/4/obj", "expel"), Modality::Threatened);
        assert_eq!(modality("They/they/PRON/2/nsubj tried/try/VERB/0/root to/to/PART/4/mark storm/storm/VERB/2/xcomp it/it/PRON/4/obj", "storm"), Modality::Attempted);
        assert_eq!(modality("Police/police/NOUN/2/nsubj foiled/foil/VERB/0/root an/a/DET/4/det attack/attack/NOUN/2/obj", "attack"), Modality::Attempted);
        assert_eq!(modality("They/they/PRON/2/nsubj denied/deny/VERB/0/root hitting/hit/VERB/2/xcomp civilians/civilian/NOUN/3/obj", "hitting"), Modality::Denied);
        assert_eq!(modality("He/he/PRON/2/nsubj accused/accuse/VERB/0/root them/they/PRON/2/obj of/of/SCONJ/5/mark planning/plan/VERB/2/advcl", "planning"), Modality::Alleged);
    }

    #[test]
    fn nominal_cues_and_auxiliaries() {
        assert_eq!(
            modality(
                "an/a/DET/3/det attempted/attempted/ADJ/3/amod attack/attack/NOUN/0/root",
                "attack"
            ),
            Modality::Attempted
        );
        assert_eq!(modality("Israel/Israel/PROPN/3/nsubj could/could/AUX/3/aux strike/strike/VERB/0/root Iran/Iran/PROPN/3/obj", "strike"), Modality::Hypothetical);
        assert_eq!(modality("Japan/Japan/PROPN/3/nsubj will/will/AUX/3/aux provide/provide/VERB/0/root aid/aid/NOUN/3/obj", "provide"), Modality::Planned);
        assert_eq!(
            modality("They/they/PRON/3/nsubj would/would/AUX/3/aux strike/strike/VERB/0/root if/if/SCONJ/6/mark talks/talk/NOUN/6/nsubj failed/fail/VERB/3/advcl", "strike"),
            Modality::Hypothetical
        );
    }
}
