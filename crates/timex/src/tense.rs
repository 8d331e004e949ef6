//! A small tense guesser for when the caller has no parse: the tense of the verb nearest to a
//! temporal expression within its sentence, read from auxiliaries, modals and past-tense forms.
//!
//! It only decides which way an underspecified date points ("on Monday" in "police arrested"
//! = the Monday before; in "will meet" = the next one). With a dependency parse, callers pass
//! the governing verb's tense instead.

use crate::token::{Kind, Tok};
use crate::Tense;

/// How far (in tokens) to look on each side for a verb.
const WINDOW: usize = 30;

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "won",
    "tomorrow",
    "upcoming",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "expected",
    "due",
    "set",
    "intends",
    "hopes",
    "aims",
];
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "went",
    "came",
    "took",
    "made",
    "met",
    "left",
    "began",
    "saw",
    "gave",
    "got",
    "held",
    "won",
    "lost",
    "fell",
    "rose",
    "sent",
    "spent",
    "thought",
    "found",
    "brought",
    "bought",
    "fought",
    "stood",
    "ran",
    "struck",
    "broke",
    "spoke",
    "wrote",
    "drove",
    "led",
    "fled",
    "shot",
    "became",
    "knew",
    "grew",
    "flew",
    "chose",
    "sold",
    "paid",
    "heard",
    "kept",
    "felt",
    "meant",
    "built",
    "caught",
    "taught",
    "sought",
    "withdrew",
    "drew",
    "threw",
    "ate",
    "ago",
    "yesterday",
    "died",
    "killed",
    "wounded",
    "arrested",
];
const PRESENT: &[&str] = &[
    "is",
    "are",
    "am",
    "says",
    "say",
    "does",
    "do",
    "has",
    "have",
    "takes",
    "goes",
    "comes",
    "begins",
    "starts",
    "ends",
    "opens",
    "closes",
    "runs",
    "meets",
    "holds",
    "expects",
    "remains",
    "continues",
    "faces",
    "seeks",
    "wants",
    "needs",
    "calls",
    "leads",
    "makes",
    "gives",
    "shows",
    "includes",
    "becomes",
    "stands",
    "lies",
    "sits",
    "believes",
    "thinks",
    "knows",
    "keeps",
];
/// Verbs whose time complement lies after the act ("postponed until", "delayed to").
const FORWARD: &[&str] = &[
    "postponed",
    "delayed",
    "adjourned",
    "deferred",
    "rescheduled",
    "postpone",
    "delay",
    "adjourn",
];
/// Words after "to" that show it is a preposition, not an infinitive marker.
const NOT_VERB_AFTER_TO: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "date", "power", "office", "court", "prison", "death", "war", "life", "end", "some",
    "all", "each", "every", "about", "around", "more", "than", "last", "next", "early", "late",
    "mid",
];
/// Words ending in "-ed" that are not past forms.
const NOT_ED: &[&str] = &[
    "need",
    "speed",
    "proceed",
    "indeed",
    "hundred",
    "red",
    "bed",
    "feed",
    "seed",
    "shed",
    "bred",
    "weed",
    "united",
    "limited",
    "based",
    "related",
    "armed",
    "alleged",
    "so-called",
    "concerned",
    "detailed",
    "advanced",
    "supposed",
    "used",
];

/// The tense that governs token `at`, or `None` when no cue is found in its sentence.
pub(crate) fn guess(text: &str, toks: &[Tok], at: usize, end: usize) -> Option<Tense> {
    let s = |i: usize| &text[toks[i].start..toks[i].end];
    let sentence_end = |i: usize| {
        let t = s(i);
        toks[i].kind == Kind::Punct && matches!(t, "!" | "?" | ";")
            || (t == "." && toks.get(i + 1).is_none_or(|n| n.gap))
    };
    // the nearest verb decides; an infinitive ("to run through June") is a verb without tense
    let mut best: Option<(usize, Option<Tense>)> = None;
    let consider = |best: &mut Option<(usize, Option<Tense>)>, i: usize, dist: usize| {
        if let Some(t) = cue(text, toks, i) {
            if best.is_none_or(|(d, _)| dist < d) {
                *best = Some((dist, t));
            }
        }
    };
    // left
    let mut i = at;
    let mut d = 0;
    while i > 0 && d < WINDOW {
        i -= 1;
        d += 1;
        if sentence_end(i) || toks[i + 1].newline {
            break;
        }
        consider(&mut best, i, d);
    }
    // right (slightly penalised: the governing verb usually precedes an adjunct's head or
    // is its nearest neighbour); past a comma only when nothing was found on the left
    // ("On Sunday, troops will..." but not "will take ... on Sunday, officials said")
    let left_found = best.is_some();
    let mut i = end;
    let mut d = 1;
    while i < toks.len() && d < WINDOW {
        if toks[i].newline || (i > end && sentence_end(i - 1)) {
            break;
        }
        if left_found && toks[i].kind == Kind::Punct && matches!(s(i), "," | "—" | "–" | "(") {
            break;
        }
        consider(&mut best, i, d + 1);
        if sentence_end(i) {
            break;
        }
        i += 1;
        d += 1;
    }
    best.and_then(|(_, t)| t)
}

/// Token `i` reads as a verb (a tense cue or an infinitive marker).
pub(crate) fn is_verb(text: &str, toks: &[Tok], i: usize) -> bool {
    cue(text, toks, i).is_some()
}

/// `Some(Some(t))`: a verb of tense `t`; `Some(None)`: an untensed verb (infinitive);
/// `None`: not a verb cue.
fn cue(text: &str, toks: &[Tok], i: usize) -> Option<Option<Tense>> {
    let t = toks[i];
    if t.kind != Kind::Word {
        return None;
    }
    let w = text[t.start..t.end].to_ascii_lowercase();
    let prev =
        |k: usize| (i >= k).then(|| text[toks[i - k].start..toks[i - k].end].to_ascii_lowercase());
    // verbs that move their complement forward: "postponed until Saturday"
    if FORWARD.contains(&w.as_str()) {
        return Some(Some(Tense::Future));
    }
    if w == "to" {
        let next = toks.get(i + 1).filter(|n| n.kind == Kind::Word);
        let verbish = next.is_some_and(|n| {
            let v = &text[n.start..n.end];
            v.chars().next().is_some_and(char::is_lowercase)
                && !NOT_VERB_AFTER_TO.contains(&v.to_ascii_lowercase().as_str())
                && !v.ends_with("ing")
        });
        if !verbish {
            return None;
        }
        // "expected to", "due to", "plans to", "is set to", "going to": a future
        let governor = prev(1).unwrap_or_default();
        if matches!(
            governor.as_str(),
            "expected"
                | "due"
                | "set"
                | "plans"
                | "plan"
                | "planned"
                | "scheduled"
                | "going"
                | "intends"
                | "intend"
                | "aims"
                | "hopes"
                | "prepared"
                | "poised"
                | "ready"
        ) {
            return Some(Some(Tense::Future));
        }
        return Some(None);
    }
    cue_tensed(&w, prev, toks, text, i).map(Some)
}

fn cue_tensed(
    w: &str,
    prev: impl Fn(usize) -> Option<String>,
    toks: &[Tok],
    text: &str,
    i: usize,
) -> Option<Tense> {
    if FUTURE.contains(&w) {
        // "set"/"due"/"expected" are future only before "to"; "won" only as "won't"
        let next = toks.get(i + 1).map(|n| text[n.start..n.end].to_ascii_lowercase());
        return match w {
            "set" | "due" | "expected" | "plans" | "plan" | "planned" | "intends" | "hopes"
            | "aims" => (next.as_deref() == Some("to")).then_some(Tense::Future),
            "won" => None,
            "ll" => {
                (prev(1).as_deref().is_some_and(|p| p == "'" || p == "’")).then_some(Tense::Future)
            }
            _ => Some(Tense::Future),
        };
    }
    // "would resign on Friday": future seen from a reported past; "would have" is not
    if w == "would" {
        let next = toks.get(i + 1).map(|n| text[n.start..n.end].to_ascii_lowercase());
        return (next.as_deref() != Some("have")).then_some(Tense::Future);
    }
    if w == "going" && toks.get(i + 1).is_some_and(|n| &text[n.start..n.end] == "to") {
        return Some(Tense::Future);
    }
    let past_form =
        PAST.contains(&w) || (w.len() >= 5 && w.ends_with("ed") && !NOT_ED.contains(&w));
    if past_form {
        // "will be released", "to be held": the auxiliary decides
        for k in 1..=3 {
            match prev(k).as_deref() {
                Some("will" | "shall" | "ll" | "would") => return Some(Tense::Future),
                Some("to") if k <= 2 => return None,
                Some("is" | "are" | "am") if k <= 2 => return Some(Tense::Present),
                _ => {}
            }
        }
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        // "are expected to", "is due to", "is set to": a present that looks forward
        let next = |k: usize| toks.get(i + k).map(|n| text[n.start..n.end].to_ascii_lowercase());
        if matches!(w, "is" | "are" | "am")
            && matches!(
                next(1).as_deref(),
                Some(
                    "expected"
                        | "due"
                        | "set"
                        | "scheduled"
                        | "going"
                        | "likely"
                        | "poised"
                        | "about"
                )
            )
            && next(2).as_deref() == Some("to")
        {
            return Some(Tense::Future);
        }
        return Some(Tense::Present);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn at(text: &str, word: &str) -> Option<Tense> {
        let toks = tokenize(text);
        let i = toks.iter().position(|t| &text[t.start..t.end] == word).unwrap();
        guess(text, &toks, i, i + 1)
    }

    #[test]
    fn reads_the_nearest_verb() {
        assert_eq!(at("Police arrested three men on Monday.", "Monday"), Some(Tense::Past));
        assert_eq!(at("The ministers will meet on Monday.", "Monday"), Some(Tense::Future));
        assert_eq!(at("The report will be released on Monday.", "Monday"), Some(Tense::Future));
        assert_eq!(
            at("On Monday the talks are expected to resume.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(at("The market is open on Monday.", "Monday"), Some(Tense::Present));
        assert_eq!(at("Monday", "Monday"), None);
    }

    #[test]
    fn stops_at_the_sentence() {
        assert_eq!(at("He said so. On Monday nothing.", "Monday"), None);
    }
}
