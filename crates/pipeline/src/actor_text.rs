//! The words an event's actor is shown with. The coder codes a phrase and reports the words it
//! read; those may open with the coordinator or preposition that joined the phrase to the
//! sentence ("and the EU", "between the two sides") and close with a time or a source that
//! is not the actor ("The European Union on Thursday", "nine people, according to state
//! media"). The code is the coder's; only the span shown is trimmed to the actor's words.

use model::{AnalyzedSentence, Span};

/// Words that may sit in a closing time phrase besides the words that say when
/// ([`crate::repair::says_when`]): "on the same day", "early this week".
const TIME_MODIFIERS: &[&str] =
    &["tomorrow", "night", "this", "last", "next", "early", "late", "the", "same", "of"];

/// A word that names a day on its own: a weekday, "today", "yesterday", "tonight".
fn is_day(w: &str) -> bool {
    timex::names_a_weekday(w)
        || matches!(w.to_lowercase().as_str(), "today" | "yesterday" | "tonight")
}

fn is_time_word(w: &str) -> bool {
    let l = w.to_lowercase();
    crate::repair::says_when(w)
        || TIME_MODIFIERS.contains(&l.as_str())
        || (!l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
}

/// The actor's words in `span`, trimmed: a leading coordinator, preposition or punctuation, a
/// trailing ", according to …" or "of" + verb (the charge of "accused X of shelling"), a
/// trailing time phrase ("on Thursday", "yesterday") and
/// trailing punctuation go. `None` when the words are only a time phrase ("Thursday").
/// A span that matches no tokens of `s` comes back unchanged.
pub fn tidy(text: &str, s: &AnalyzedSentence, span: Span) -> Option<Span> {
    let toks: Vec<&model::Token> = s.tokens.iter().filter(|t| span.contains(t.span)).collect();
    if toks.is_empty() {
        return Some(span);
    }
    let word = |t: &model::Token| t.span.slice(text).unwrap_or("");
    let (mut lo, mut hi) = (0usize, toks.len());
    // A preposition goes only before the start of a noun phrase: "at least five protesters",
    // "around 200 people" keep theirs.
    while hi - lo > 1
        && (matches!(toks[lo].upos.as_str(), "CCONJ" | "PUNCT")
            || (matches!(toks[lo].upos.as_str(), "ADP" | "SCONJ")
                && matches!(toks[lo + 1].upos.as_str(), "DET" | "PROPN" | "NOUN" | "PRON" | "ADJ")
                && !matches!(word(toks[lo + 1]).to_lowercase().as_str(), "least" | "most")))
    {
        lo += 1;
    }
    // ", according to …": the source of the report, not the actor.
    if let Some(k) = (lo + 1..hi).find(|&k| {
        word(toks[k]).eq_ignore_ascii_case("according")
            && toks.get(k + 1).is_some_and(|n| word(n).eq_ignore_ascii_case("to"))
    }) {
        hi = k;
    }
    // "accused the army | of shelling homes": the charge, not the actor.
    if let Some(k) = (lo + 1..hi).find(|&k| {
        word(toks[k]).eq_ignore_ascii_case("of")
            && toks.get(k + 1).is_some_and(|n| {
                let w = word(n);
                n.upos == "VERB"
                    || n.xpos == "VBG"
                    || (w.starts_with(char::is_lowercase) && w.ends_with("ing"))
            })
    }) {
        hi = k;
    }
    loop {
        while hi > lo && toks[hi - 1].upos == "PUNCT" {
            hi -= 1;
        }
        // A closing time phrase: a preposition and time words only, or bare time words
        // ("The US yesterday"), with words of the actor before it.
        let mut k = hi;
        while k > lo && is_time_word(word(toks[k - 1])) {
            k -= 1;
        }
        let names_time = (k..hi).any(|j| timex::names_a_time(word(toks[j])));
        let after_prep = k > lo && toks[k - 1].upos == "ADP" && names_time;
        // Without a preposition only a day said as such closes the phrase ("The US
        // yesterday"); a month may be part of a name ("Black September").
        let bare_day = (k..hi).any(|j| is_day(word(toks[j])))
            && !(k..hi).any(|j| timex::names_a_time(word(toks[j])) && !is_day(word(toks[j])));
        if k == hi || !(after_prep || bare_day) {
            break;
        }
        if after_prep {
            k -= 1;
        }
        if k == lo {
            // Nothing but a time phrase.
            return None;
        }
        hi = k;
    }
    if hi <= lo {
        return Some(span);
    }
    Some(toks[lo].span.cover(toks[hi - 1].span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sentence;

    fn tidied(text: &str, tags: &[&str]) -> Option<String> {
        let s = sentence(text, tags);
        tidy(text, &s, Span::new(0, text.len())).map(|x| x.slice(text).unwrap().to_string())
    }

    #[test]
    fn joining_words_times_and_sources_leave_the_actor() {
        assert_eq!(tidied("and the EU", &["CCONJ", "DET", "PROPN"]).as_deref(), Some("the EU"));
        assert_eq!(
            tidied("between the two sides", &["ADP", "DET", "NUM", "NOUN"]).as_deref(),
            Some("the two sides")
        );
        assert_eq!(
            tidied("The European Union on Thursday", &["DET", "ADJ", "PROPN", "ADP", "PROPN"])
                .as_deref(),
            Some("The European Union")
        );
        assert_eq!(
            tidied("The US yesterday", &["DET", "PROPN", "NOUN"]).as_deref(),
            Some("The US")
        );
        assert_eq!(
            tidied(
                "nine people , according to Iranian state media",
                &["NUM", "NOUN", "PUNCT", "VERB", "ADP", "ADJ", "NOUN", "NOUN"]
            )
            .as_deref(),
            Some("nine people")
        );
        assert_eq!(
            tidied("the army of shelling homes", &["DET", "NOUN", "SCONJ", "VERB", "NOUN"])
                .as_deref(),
            Some("the army")
        );
        assert_eq!(
            tidied("the government of Beijing", &["DET", "NOUN", "ADP", "PROPN"]).as_deref(),
            Some("the government of Beijing")
        );
        for (t, tags) in [
            ("at least five protesters", &["ADP", "ADJ", "NUM", "NOUN"][..]),
            ("around 200 people", &["ADP", "NUM", "NOUN"][..]),
        ] {
            assert_eq!(tidied(t, tags).as_deref(), Some(t), "{t}");
        }
        assert_eq!(tidied("Thursday", &["PROPN"]), None);
        assert_eq!(tidied("on Thursday", &["ADP", "PROPN"]), None);
    }

    #[test]
    fn actors_named_with_numbers_or_time_nouns_stay_whole() {
        // No word naming a time: a number or "day" alone is part of the name.
        for (t, tags) in [
            ("the group of 20", &["DET", "NOUN", "ADP", "NUM"][..]),
            ("Seventh-day Adventists", &["ADJ", "PROPN"][..]),
            ("the March 23 Movement", &["DET", "PROPN", "NUM", "PROPN"][..]),
            ("Black September", &["ADJ", "PROPN"][..]),
            ("the 6th of October", &["DET", "ADJ", "ADP", "PROPN"][..]),
        ] {
            assert_eq!(tidied(t, tags).as_deref(), Some(t), "{t}");
        }
    }
}
