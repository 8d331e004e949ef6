//! Labels: "called the attack a crime", "called the sanctions unacceptable", "called the raid a
//! provocation". A verb of naming with a second predicate judges its object: the judgement
//! codes the verb (111 a denunciation, 051 praise), and the object is what was judged, not an
//! act of the judge.

use model::AnalyzedSentence;

/// Verbs of naming whose second predicate is a label ("called X a crime", "branded X a farce").
pub(crate) const NAMING_VERBS: &[&str] = &["call", "brand", "label", "dub", "term"];

/// The labelled word and the label's head word of naming verb `v`, when it has a label: a noun
/// or adjective `xcomp` of the verb ("called [Arnor] a fascist"), or — as parsers often hang a
/// label on the object itself — a later noun or adjective that the object governs without a
/// preposition (`nsubj`, `appos`, `nmod:unmarked`, `xcomp`, an adjective after its noun:
/// "called the attack [a crime]", "called the sanctions [unacceptable]").
pub(crate) fn label_of(
    s: &AnalyzedSentence,
    children: &[Vec<usize>],
    v: usize,
) -> Option<(Option<usize>, usize)> {
    let t = &s.tokens;
    let rel = |k: usize| t[k].deprel.split(':').next().unwrap_or("").to_string();
    let nominal = |k: usize| matches!(t[k].upos.as_str(), "NOUN" | "ADJ");
    let caseless = |k: usize| {
        !children[k].iter().any(|&c| matches!(t[c].deprel.as_str(), "case" | "mark" | "cop"))
    };
    let on_object = |o: usize| {
        children[o].iter().copied().find(|&c| {
            c > o
                && nominal(c)
                && caseless(c)
                && (matches!(t[c].deprel.as_str(), "nsubj" | "appos" | "nmod:unmarked" | "xcomp")
                    || t[c].deprel == "amod" && t[c].upos == "ADJ")
        })
    };
    let obj = children[v].iter().copied().find(|&c| rel(c) == "obj");
    let xcomp = children[v].iter().copied().find(|&c| rel(c) == "xcomp" && nominal(c));
    match (obj, xcomp) {
        (o, Some(x)) => match on_object(x) {
            // "called [the raid]/xcomp [a provocation]/nmod:unmarked": the xcomp is the object.
            Some(l) if o.is_none() && t[x].upos == "NOUN" => Some((Some(x), l)),
            _ => Some((o, x)),
        },
        (Some(o), None) => on_object(o).map(|l| (Some(o), l)),
        (None, None) => None,
    }
}

/// Labels that judge what they name ill: insults of a person ("a fascist", "a liar") and
/// condemnations of an act or a thing ("a crime", "a provocation", "unacceptable").
const ILL: &[&str] = &[
    "fascist",
    "nazi",
    "terrorist",
    "dictator",
    "tyrant",
    "despot",
    "liar",
    "criminal",
    "murderer",
    "killer",
    "thief",
    "traitor",
    "puppet",
    "racist",
    "butcher",
    "thug",
    "gangster",
    "coward",
    "hypocrite",
    "clown",
    "bully",
    "enemy",
    "lie",
    "farce",
    "sham",
    "fraud",
    "disgrace",
    "provocation",
    "propaganda",
    "interference",
    "insult",
    "travesty",
    "outrage",
    "aggressor",
    "warmonger",
    "pariah",
    "failure",
    "joke",
    "crime",
    "violation",
    "breach",
    "atrocity",
    "massacre",
    "genocide",
    "terrorism",
    "aggression",
    "blackmail",
    "piracy",
    "sabotage",
    "mistake",
    "error",
    "scandal",
    "shame",
    "hoax",
    "slander",
    "smear",
    "fabrication",
    "nonsense",
    "betrayal",
    "threat",
    "assault",
    "attack",
    "war",
    "theft",
    "robbery",
    "extortion",
    "unacceptable",
    "illegal",
    "unlawful",
    "illegitimate",
    "unjustified",
    "unjustifiable",
    "irresponsible",
    "outrageous",
    "absurd",
    "baseless",
    "groundless",
    "unfounded",
    "barbaric",
    "barbarous",
    "cowardly",
    "heinous",
    "shameful",
    "disgraceful",
    "reckless",
    "provocative",
    "hostile",
    "ridiculous",
    "invalid",
    "void",
    "inhuman",
    "inhumane",
    "brutal",
    "criminal",
    "dangerous",
    "destabilizing",
    "destabilising",
    "deplorable",
    "despicable",
    "abhorrent",
    "appalling",
    "unprovoked",
    "null",
    "fraudulent",
    "rigged",
    "racist",
    "hypocritical",
];

/// Labels that praise what they name ("a reliable partner", "a breakthrough", "a positive step").
const GOOD: &[&str] = &[
    "friend",
    "partner",
    "ally",
    "hero",
    "brother",
    "champion",
    "success",
    "breakthrough",
    "model",
    "milestone",
    "statesman",
    "positive",
    "constructive",
    "welcome",
    "historic",
];

/// The code a label gives its naming verb: 111 for an ill judgement, 051 for praise, none for a
/// neutral label. The label's head word decides; a neutral head ("an act", "a step") takes the
/// judgement of its adjectives ("a cowardly act", "a positive step") or of its `of` phrase ("an
/// act of terrorism", "a declaration of war").
pub(crate) fn judgement(
    s: &AnalyzedSentence,
    children: &[Vec<usize>],
    label: usize,
) -> Option<&'static str> {
    let t = &s.tokens;
    let of = |w: &str| -> Option<&'static str> {
        if ILL.contains(&w) {
            Some("111")
        } else if GOOD.contains(&w) {
            Some("051")
        } else {
            None
        }
    };
    let lemma = |k: usize| t[k].lemma.to_lowercase();
    if let Some(c) = of(&lemma(label)) {
        return Some(c);
    }
    if t[label].upos != "NOUN" {
        return None;
    }
    children[label].iter().copied().find_map(|c| {
        let modifier = t[c].deprel == "amod" && c < label;
        let of_phrase = t[c].deprel.starts_with("nmod")
            && t[c].upos == "NOUN"
            && children[c].iter().any(|&k| t[k].deprel == "case" && t[k].lemma == "of");
        if modifier || of_phrase {
            of(&lemma(c))
        } else {
            None
        }
    })
}
