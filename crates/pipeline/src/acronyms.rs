//! Acronyms an article spells out. "The RSF denied the claim" after "the paramilitary Rapid
//! Support Forces" means the Rapid Support Forces in this article, whatever the lexicon's
//! reading of the letters alone (RSF is also Reporters Without Borders, by its French name).
//! News defines an acronym by writing the name in full first, often with the letters in
//! brackets after it; a later bare acronym then stands for that name.
//!
//! The pass runs over the coded events: an actor, speaker or denier written as a bare acronym
//! (with at most a leading "the") takes the code of the full name when the article names one
//! whose capitalised words give the letters and the lexicon codes that name. Nothing changes
//! when the article spells no name out, or the name codes to nothing.

use model::{AnalyzedSentence, AttributionLink, Event, Span};
use std::collections::HashMap;

/// Words that may sit inside a name without giving a letter ("Organization *of* American
/// States", "Union *for* the Mediterranean").
const INSIDE: &[&str] = &["of", "for", "and", "the", "de", "du", "des", "la", "el", "al", "&"];

/// The acronym `text` is written as, when it is one: 2–6 capital letters, alone or after
/// "the" ("RSF", "the RSF").
fn bare_acronym(text: &str) -> Option<&str> {
    let t = text.trim();
    let t = t.strip_prefix("the ").or_else(|| t.strip_prefix("The ")).unwrap_or(t).trim();
    ((2..=6).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase())).then_some(t)
}

/// The span of a name whose capitalised words give the letters of `acronym`, the first in
/// the article, as a run of words in one sentence.
fn spelled_out(text: &str, sentences: &[AnalyzedSentence], acronym: &str) -> Option<Span> {
    let letters: Vec<char> = acronym.chars().collect();
    for s in sentences {
        let words: Vec<(&str, Span)> =
            s.tokens.iter().filter_map(|t| Some((t.span.slice(text)?, t.span))).collect();
        for start in 0..words.len() {
            let mut k = 0;
            let mut i = start;
            while i < words.len() && k < letters.len() {
                let w = words[i].0;
                let first = w.chars().next().unwrap_or(' ');
                if first.is_uppercase() && w.chars().any(char::is_lowercase) {
                    if first != letters[k] {
                        break;
                    }
                    k += 1;
                } else if i == start || !INSIDE.contains(&w.to_lowercase().as_str()) {
                    break;
                }
                i += 1;
            }
            // All letters used, and the name does not go on with another capitalised word
            // ("Rapid Support Forces Command" is another name).
            let goes_on = words.get(i).is_some_and(|(w, _)| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
            });
            if k == letters.len() && !goes_on {
                return Some(Span::new(words[start].1.start as usize, words[i - 1].1.end as usize));
            }
        }
    }
    None
}

/// The acronym heading a role phrase ("RSF fighters", "dozens of ELN rebels", "the RSF's
/// forces"): a few lower-case words around one acronym.
fn acronym_in_phrase(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| bare_acronym(w.trim_end_matches("'s")).is_some())?;
    let lower = |w: &&str| w.chars().all(|c| !c.is_alphabetic() || c.is_lowercase());
    (at <= 3 && words.len() - at - 1 <= 2 && words.len() > 1)
        .then_some(())
        .filter(|()| words[..at].iter().all(lower) && words[at + 1..].iter().all(lower))
        .and_then(|()| bare_acronym(words[at].trim_end_matches("'s")))
}

/// Gives actors, speakers and deniers written as a bare acronym the code of the name the
/// article spells out for it. `code` codes a span of the article (None: no actor in it).
pub fn resolve(
    text: &str,
    sentences: &[AnalyzedSentence],
    events: &mut [Event],
    code: &dyn Fn(Span) -> Option<String>,
) {
    let mut found: HashMap<String, Option<String>> = HashMap::new();
    let mut expand = |written: &str| -> Option<String> {
        let acronym = bare_acronym(written)?;
        found
            .entry(acronym.to_string())
            .or_insert_with(|| spelled_out(text, sentences, acronym).and_then(code))
            .clone()
    };
    let link = |l: &mut AttributionLink, expand: &mut dyn FnMut(&str) -> Option<String>| {
        if l.actor.is_some() {
            if let Some(c) = expand(&l.text) {
                l.actor = Some(c);
            }
        }
    };
    for ev in events.iter_mut() {
        for a in ev.sources.iter_mut().chain(ev.targets.iter_mut()) {
            if let Some(c) = expand(&a.text) {
                a.code = c;
            } else if let Some(acronym) = acronym_in_phrase(&a.text) {
                // In a role phrase the lexicon's reading of the letters stands unless the
                // name spelled out codes otherwise ("RSF fighters" after "the Rapid Support
                // Forces" is SDNREB, not Reporters Without Borders; "UN peacekeepers" keeps its
                // peacekeepers).
                if let Some(c) = expand(acronym).filter(|c| !a.code.starts_with(c.as_str())) {
                    a.code = c;
                }
            }
        }
        for l in &mut ev.attribution.chain {
            link(l, &mut expand);
        }
        for d in &mut ev.disputed_by {
            if let Some(l) = &mut d.denier {
                link(l, &mut expand);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::sentence;

    #[test]
    fn only_bare_acronyms_are_read() {
        assert_eq!(bare_acronym("The RSF"), Some("RSF"));
        assert_eq!(bare_acronym("RSF"), Some("RSF"));
        for t in ["RSF fighters", "Rsf", "R", "the NATIONALS", "US-led"] {
            assert_eq!(bare_acronym(t), None, "{t}");
        }
    }

    #[test]
    fn acronyms_heading_role_phrases() {
        assert_eq!(acronym_in_phrase("RSF fighters"), Some("RSF"));
        assert_eq!(acronym_in_phrase("dozens of RSF fighters"), Some("RSF"));
        assert_eq!(acronym_in_phrase("the ELN's commanders"), Some("ELN"));
        for t in [
            "RSF",
            "the Rapid Support Forces",
            "RSF and army fighters from Darfur",
            "US-led forces",
        ] {
            assert_eq!(acronym_in_phrase(t), None, "{t}");
        }
    }

    #[test]
    fn the_name_spelled_out_gives_the_letters() {
        let t = "an attack by the paramilitary Rapid Support Forces on the city";
        let s = [sentence(t, &[])];
        let span = spelled_out(t, &s, "RSF").unwrap();
        assert_eq!(span.slice(t), Some("Rapid Support Forces"));
        let t = "the Organization of American States met";
        let s = [sentence(t, &[])];
        assert_eq!(
            spelled_out(t, &s, "OAS").and_then(|x| x.slice(t)),
            Some("Organization of American States")
        );
        // A longer name is another name; words out of order give nothing.
        let t = "the Rapid Support Forces Command said";
        assert_eq!(spelled_out(t, &[sentence(t, &[])], "RSF"), None);
        let t = "Support Forces of Rapid reaction";
        assert_eq!(spelled_out(t, &[sentence(t, &[])], "RSF"), None);
    }
}
