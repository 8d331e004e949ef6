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
    let Some(t) = head_of(sentence, trigger) else { return Vec::new() };
    locatives(sentence, t, LOCATIVE)
}

/// Verbs of travel, whose destination is the event's place.
const MOTION: &[&str] = &[
    "fly", "travel", "arrive", "go", "come", "return", "head", "visit", "journey", "sail", "flee",
];

/// Prepositions that place an assault where its target is ("an air strike *on Beirut's
/// suburbs*", "an attack *against a base in Diyala*").
const TARGET: &[&str] = &["on", "against"];

/// The locative phrases of an event, widest first-hand reading: those attached to the trigger;
/// those attached to its core arguments ("met Abiy Ahmed *in Cairo*", "arrested a man *outside
/// a cathedral in Makassar*"); and, for a nominal trigger that is the subject or object of a
/// verb ("an air strike … hit a market *in Saada*"), that verb's and its object's. For an
/// assault (`assault`), "on" and "against" also introduce the place.
pub fn event_spans(sentence: &AnalyzedSentence, trigger: Span, assault: bool) -> Vec<Span> {
    let Some(t) = head_of(sentence, trigger) else { return Vec::new() };
    let toks = &sentence.tokens;
    // A journey happens where it ends: "flew *to Saudi Arabia*".
    let motion = MOTION.contains(&toks[t].lemma.to_lowercase().as_str());
    let preps: Vec<&str> = LOCATIVE
        .iter()
        .chain(if assault { TARGET } else { &[] })
        .chain(if motion { &["to"][..] } else { &[] })
        .copied()
        .collect();
    let core = |rel: &str| {
        matches!(rel.split(':').next(), Some("obj" | "nsubj" | "iobj")) || rel == "nsubj:pass"
    };
    let mut heads = vec![t];
    let args: Vec<usize> =
        sentence.children(t as u32 + 1).filter(|&d| core(&toks[d].deprel)).collect();
    heads.extend(args);
    // A nominal trigger as a verb's subject or object: the verb's phrases are the event's.
    let upos = toks[t].upos.as_str();
    if matches!(upos, "NOUN" | "PROPN") && core(&toks[t].deprel) && toks[t].head > 0 {
        let v = toks[t].head as usize - 1;
        if toks[v].upos == "VERB" {
            heads.push(v);
            heads.extend(
                sentence.children(v as u32 + 1).filter(|&d| d != t && toks[d].deprel == "obj"),
            );
        }
    }
    let mut out: Vec<Span> = Vec::new();
    let adjacent = misattached_after(sentence, t, &preps);
    for h in heads {
        for sp in locatives(sentence, h, &preps).into_iter().chain(adjacent) {
            if !out.iter().any(|o| o.contains(sp)) {
                out.retain(|o| !sp.contains(*o));
                out.push(sp);
            }
        }
    }
    out
}

/// A locative phrase that follows the trigger's own phrase directly but that the parser hung
/// on a word further right ("planned an attack on Iraqi forces *at Camp Ashraf*, an official
/// said", parsed as "said at Camp Ashraf"), or, after a nominal trigger, on the trigger's own
/// governor ("respond to an attack *on Beirut's suburbs*"). A place adjunct in English
/// attaches to its left; one right after the trigger's phrase is read as the trigger's.
fn misattached_after(sentence: &AnalyzedSentence, t: usize, preps: &[&str]) -> Option<Span> {
    let toks = &sentence.tokens;
    let end = subtree(sentence, t).end;
    let k = toks.iter().position(|x| x.span.start >= end)?;
    let prep = toks[k].form.to_lowercase();
    if toks[k].deprel != "case" || !preps.contains(&prep.as_str()) || toks[k].head == 0 {
        return None;
    }
    let d = toks[k].head as usize - 1;
    let rel = toks[d].deprel.as_str();
    let nominal = rel == "obl" || rel.starts_with("obl:") || rel == "nmod";
    let rightward = toks[d].head as usize > d + 1;
    // "respond to an attack *on Beirut's suburbs*" parsed as "respond on …": the phrase right
    // after a nominal trigger is the noun's.
    let sibling = toks[d].head == toks[t].head && matches!(toks[t].upos.as_str(), "NOUN");
    let head = toks[d].form.to_lowercase();
    (nominal && (rightward || sibling) && d > k && !TEMPORAL.contains(&head.as_str()))
        .then(|| subtree(sentence, d))
}

/// Whether the triggers `a` and `b` head conjoined verbs or clauses of the sentence ("met
/// Abiy Ahmed in Cairo … and the two *pledged*"): one is the other's `conj` dependent.
pub fn conjoined(sentence: &AnalyzedSentence, a: Span, b: Span) -> bool {
    let (Some(x), Some(y)) = (head_of(sentence, a), head_of(sentence, b)) else { return false };
    let toks = &sentence.tokens;
    let conj = |d: usize, h: usize| toks[d].deprel == "conj" && toks[d].head as usize == h + 1;
    x != y && (conj(x, y) || conj(y, x))
}

/// The locative phrases of the first conjunct when the trigger heads a later one ("met Abiy
/// Ahmed in Cairo … and the two *pledged*" gives "in Cairo"); empty otherwise.
pub fn first_conjunct_spans(sentence: &AnalyzedSentence, trigger: Span) -> Vec<Span> {
    let Some(t) = head_of(sentence, trigger) else { return Vec::new() };
    let toks = &sentence.tokens;
    if toks[t].deprel != "conj" || toks[t].head == 0 {
        return Vec::new();
    }
    let h = toks[t].head as usize - 1;
    if h >= t || toks[h].upos != "VERB" {
        return Vec::new();
    }
    event_spans(sentence, toks[h].span, false)
        .into_iter()
        .filter(|sp| sp.end <= trigger.start)
        .collect()
}

/// Definite nouns that take up an earlier event ("the attack near the town of Djibo").
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "ambush",
    "raid",
    "strike",
    "airstrike",
    "bombing",
    "blast",
    "explosion",
    "assault",
    "clash",
    "clashes",
    "fighting",
    "shooting",
    "massacre",
    "killings",
];

/// The locative phrases of the definite event nouns ("*the attack* near the town of Djibo")
/// in the sentences, in text order, with the sentence's position in `sentences`: where a later
/// mention of an assault says it happened.
pub fn definite_event_phrases(sentences: &[AnalyzedSentence]) -> Vec<(usize, Vec<Span>)> {
    let mut out = Vec::new();
    for (n, s) in sentences.iter().enumerate() {
        for (i, t) in s.tokens.iter().enumerate() {
            let lemma = t.form.to_lowercase();
            if !EVENT_NOUNS.contains(&lemma.as_str()) {
                continue;
            }
            let definite = s.children(i as u32 + 1).any(|c| {
                s.tokens[c].deprel == "det" && s.tokens[c].form.eq_ignore_ascii_case("the")
            });
            if definite {
                let spans = locatives(s, i, LOCATIVE);
                if !spans.is_empty() {
                    out.push((n, spans));
                }
            }
        }
    }
    out
}

/// The trigger's syntactic head word: the overlapping word whose head lies outside it.
fn head_of(sentence: &AnalyzedSentence, trigger: Span) -> Option<usize> {
    let toks = &sentence.tokens;
    let inside: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].span.overlaps(trigger)).collect();
    inside
        .iter()
        .find(|&&i| !inside.iter().any(|&j| toks[i].head as usize == j + 1))
        .or(inside.first())
        .copied()
}

/// The locative phrases (by `preps`) among the `obl`/`nmod` dependents of word `t`.
fn locatives(sentence: &AnalyzedSentence, t: usize, preps: &[&str]) -> Vec<Span> {
    let toks = &sentence.tokens;
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
        if !preps.contains(&prep.as_str()) {
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

    #[test]
    fn event_phrases_reach_arguments_serving_verbs_targets_and_destinations() {
        let text = "An air strike hit a market in Saada and Sisi met Ahmed in Cairo .";
        let mut s = sentence(
            text,
            &[
                ("An", 3, "det"),
                ("air", 3, "compound"),
                ("strike", 4, "nsubj"),
                ("hit", 0, "root"),
                ("a", 6, "det"),
                ("market", 4, "obj"),
                ("in", 8, "case"),
                ("Saada", 6, "nmod"),
                ("and", 11, "cc"),
                ("Sisi", 11, "nsubj"),
                ("met", 4, "conj"),
                ("Ahmed", 11, "obj"),
                ("in", 14, "case"),
                ("Cairo", 12, "nmod"),
                (".", 4, "punct"),
            ],
        );
        for (i, upos) in [(2, "NOUN"), (3, "VERB"), (10, "VERB")] {
            s.tokens[i].upos = upos.to_string();
        }
        let spans = |s: &AnalyzedSentence, trig: &str, assault: bool| -> Vec<String> {
            let at = text.find(trig).unwrap();
            event_spans(s, Span::new(at, at + trig.len()), assault)
                .iter()
                .map(|sp| sp.slice(text).unwrap().to_string())
                .collect()
        };
        // The strike's place is where the verb it is the subject of happened.
        assert_eq!(spans(&s, "strike", true), vec!["in Saada"]);
        // The meeting's place hangs under its object.
        assert_eq!(spans(&s, "met", false), vec!["in Cairo"]);
        assert!(attached_spans(&s, s.tokens[10].span).is_empty());

        let text = "Jets struck on Beirut and Netanyahu flew to Riyadh .";
        let mut s = sentence(
            text,
            &[
                ("Jets", 2, "nsubj"),
                ("struck", 0, "root"),
                ("on", 4, "case"),
                ("Beirut", 2, "obl"),
                ("and", 7, "cc"),
                ("Netanyahu", 7, "nsubj"),
                ("flew", 2, "conj"),
                ("to", 9, "case"),
                ("Riyadh", 7, "obl"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[6].lemma = "fly".to_string();
        let at = text.find("struck").unwrap();
        let struck = Span::new(at, at + 6);
        assert_eq!(event_spans(&s, struck, true).len(), 1);
        assert!(event_spans(&s, struck, false).is_empty());
        let at = text.find("flew").unwrap();
        let got = event_spans(&s, Span::new(at, at + 4), false);
        assert_eq!(
            got.iter().map(|sp| sp.slice(text).unwrap()).collect::<Vec<_>>(),
            vec!["to Riyadh"]
        );
    }

    #[test]
    fn a_phrase_hung_rightwards_after_the_trigger_is_the_triggers() {
        // The parser hung "at Camp Ashraf" on "said".
        let text = "They planned an attack on forces at Camp Ashraf , an official said .";
        let mut s = sentence(
            text,
            &[
                ("They", 2, "nsubj"),
                ("planned", 0, "root"),
                ("an", 4, "det"),
                ("attack", 2, "obj"),
                ("on", 6, "case"),
                ("forces", 4, "nmod"),
                ("at", 9, "case"),
                ("Camp", 9, "compound"),
                ("Ashraf", 13, "obl"),
                (",", 9, "punct"),
                ("an", 12, "det"),
                ("official", 13, "nsubj"),
                ("said", 2, "parataxis"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[3].upos = "NOUN".to_string();
        s.tokens[1].upos = "VERB".to_string();
        let at = text.find("attack").unwrap();
        let got: Vec<&str> = event_spans(&s, Span::new(at, at + 6), true)
            .iter()
            .map(|sp| sp.slice(text).unwrap())
            .collect();
        assert!(got.iter().any(|g| g.starts_with("at Camp Ashraf")), "{got:?}");
    }

    #[test]
    fn a_later_conjunct_reads_the_first_conjuncts_phrases() {
        let text = "Sisi met Ahmed in Cairo and the two pledged to talk .";
        let mut s = sentence(
            text,
            &[
                ("Sisi", 2, "nsubj"),
                ("met", 0, "root"),
                ("Ahmed", 2, "obj"),
                ("in", 5, "case"),
                ("Cairo", 2, "obl"),
                ("and", 8, "cc"),
                ("the", 7, "det"),
                ("two", 8, "nsubj"),
                ("pledged", 2, "conj"),
                ("to", 10, "mark"),
                ("talk", 8, "xcomp"),
                (".", 2, "punct"),
            ],
        );
        s.tokens[1].upos = "VERB".to_string();
        s.tokens[8].upos = "VERB".to_string();
        let at = text.find("pledged").unwrap();
        let got = first_conjunct_spans(&s, Span::new(at, at + 7));
        assert_eq!(got.iter().map(|sp| sp.slice(text).unwrap()).collect::<Vec<_>>(), ["in Cairo"]);
        let met = text.find("met").unwrap();
        assert!(conjoined(&s, Span::new(met, met + 3), Span::new(at, at + 7)));
        assert!(first_conjunct_spans(&s, Span::new(met, met + 3)).is_empty());
    }
}
