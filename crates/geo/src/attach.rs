//! Which phrases of a parsed sentence the syntax attaches to an event trigger as its place:
//! the trigger's oblique and nominal-modifier dependents introduced by a locative preposition
//! ("exploded *at Camp Ashraf*", "an attack *in Diyala province*", "clashes *near the border*").
//! The spans feed [`crate::EventSite::attached`].

use model::{AnalyzedSentence, Span};

/// Prepositions that introduce the place where something happens. Directional and relational
/// ones ("from", "into", "on", "between") are left out: "sanctions on Iran", "flights from
/// Baghdad" do not say where the event happened.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "within",
    "along",
    "beside",
    "off",
    "amid",
    "behind",
    "beyond",
    "under",
];

/// Heads of time adverbials that a parser may label `obl` ("in March", "at night").
const TEMPORAL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "weekend",
    "time",
    "times",
    "hour",
    "hours",
    "minute",
    "minutes",
    "dawn",
    "noon",
    "midnight",
    "decade",
    "century",
    "past",
    "future",
    "wake",
    "end",
    "beginning",
    "start",
    "aftermath",
    "meantime",
    "meanwhile",
    "moment",
    "run-up",
];

/// Spans of the locative phrases attached to the trigger (its `obl`/`nmod` dependents with a
/// locative `case` word, time adverbials excluded), each from its preposition to the end of
/// its subtree. Empty when the trigger is not a word of the sentence.
pub fn attached_spans(sentence: &AnalyzedSentence, trigger: Span) -> Vec<Span> {
    let toks = &sentence.tokens;
    // The trigger's syntactic head word: the overlapping word whose head lies outside it.
    let inside: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].span.overlaps(trigger)).collect();
    let Some(&t) = inside
        .iter()
        .find(|&&i| !inside.iter().any(|&j| toks[i].head as usize == j + 1))
        .or(inside.first())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in sentence.children(t as u32 + 1) {
        let rel = toks[d].deprel.as_str();
        let nominal =
            rel == "obl" || rel.starts_with("obl:") || rel == "nmod" || rel.starts_with("nmod:");
        if !nominal || rel.ends_with(":tmod") || rel.ends_with(":npmod") {
            continue;
        }
        let head = toks[d].form.to_lowercase();
        if TEMPORAL.contains(&head.as_str()) || head.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let case = sentence.children(d as u32 + 1).find(|&c| toks[c].deprel == "case");
        let Some(c) = case else { continue };
        let prep = toks[c].form.to_lowercase();
        if !LOCATIVE.contains(&prep.as_str()) {
            continue;
        }
        out.push(subtree(sentence, d));
    }
    out
}

fn subtree(sentence: &AnalyzedSentence, root: usize) -> Span {
    let toks = &sentence.tokens;
    let mut span = toks[root].span;
    let mut stack = vec![root];
    let mut seen = vec![false; toks.len()];
    seen[root] = true;
    while let Some(n) = stack.pop() {
        for c in sentence.children(n as u32 + 1) {
            if !seen[c] {
                seen[c] = true;
                span = span.cover(toks[c].span);
                stack.push(c);
            }
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Token;

    fn sentence(text: &str, words: &[(&str, u32, &str)]) -> AnalyzedSentence {
        let mut at = 0;
        let tokens = words
            .iter()
            .map(|(form, head, rel)| {
                let s = text[at..].find(form).unwrap() + at;
                at = s + form.len();
                Token {
                    span: Span::new(s, s + form.len()),
                    form: form.to_string(),
                    head: *head,
                    deprel: rel.to_string(),
                    ..Token::default()
                }
            })
            .collect();
        AnalyzedSentence { index: 0, span: Span::new(0, text.len()), tokens }
    }

    #[test]
    fn locative_obliques_of_the_trigger() {
        let text = "A bomb exploded at Camp Ashraf in Diyala on Monday .";
        // "on Monday" is a plain `obl` in UD; it is a time, not a place.
        let s = sentence(
            text,
            &[
                ("A", 2, "det"),
                ("bomb", 3, "nsubj"),
                ("exploded", 0, "root"),
                ("at", 6, "case"),
                ("Camp", 6, "compound"),
                ("Ashraf", 3, "obl"),
                ("in", 8, "case"),
                ("Diyala", 6, "nmod"),
                ("on", 10, "case"),
                ("Monday", 3, "obl"),
                (".", 3, "punct"),
            ],
        );
        let trig = s.tokens[2].span;
        let got: Vec<&str> =
            attached_spans(&s, trig).iter().map(|sp| sp.slice(text).unwrap()).collect();
        assert_eq!(got, vec!["at Camp Ashraf in Diyala"]);
        assert!(attached_spans(&s, Span::new(200, 210)).is_empty());
    }
}
