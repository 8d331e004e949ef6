//! Actor codes for the voices of an article: every attribution link, quote speaker and denier
//! that names an actor the lexicon knows ("Mehr news agency" → `IRNMED`, "an Iraqi security
//! official" → `IRQ…`), coded with the same actor coder and the same date as event arguments.

use model::{AnalyzedSentence, AttributionLink, Denial, Event, Quote, Span};
use std::collections::HashMap;

/// Fills `actor` on every link whose words (the span's, or the outlet's name) code to an actor;
/// links already coded are left as they are.
pub fn code_voices(
    text: &str,
    sentences: &[AnalyzedSentence],
    date: Option<coder::date::DateKey>,
    dicts: &coder::Dictionaries,
    events: &mut [Event],
    quotes: &mut [Quote],
    denials: &mut [Denial],
) {
    let mut cache: HashMap<Span, Option<String>> = HashMap::new();
    let mut outlets: HashMap<String, Option<String>> = HashMap::new();
    let mut code = |link: &mut AttributionLink| {
        if link.actor.is_some() {
            return;
        }
        let Some(span) = link.span else {
            // The publishing outlet comes from metadata: coded from its name.
            let coded = outlets
                .entry(link.text.clone())
                .or_insert_with(|| {
                    let words: Vec<String> =
                        link.text.split_whitespace().map(str::to_uppercase).collect();
                    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
                    coder::nominal::code_words(&refs, date, dicts).filter(|c| c != "---")
                })
                .clone();
            link.actor = coded;
            return;
        };
        let coded = cache
            .entry(span)
            .or_insert_with(|| code_span(text, sentences, span, date, dicts))
            .clone();
        link.actor = coded;
    };
    for ev in events.iter_mut() {
        ev.attribution.chain.iter_mut().for_each(&mut code);
        for d in &mut ev.disputed_by {
            if let Some(l) = d.denier.as_mut() {
                code(l);
            }
        }
    }
    for q in quotes.iter_mut() {
        if let Some(l) = q.speaker.as_mut() {
            code(l);
        }
    }
    for d in denials.iter_mut() {
        if let Some(l) = d.denier.as_mut() {
            code(l);
        }
    }
}

/// The actor code of the words in `span`, or `None` when nothing in them is an actor or agent.
pub fn code_span(
    text: &str,
    sentences: &[AnalyzedSentence],
    span: Span,
    date: Option<coder::date::DateKey>,
    dicts: &coder::Dictionaries,
) -> Option<String> {
    let s = sentences.iter().find(|s| s.span.contains(span))?;
    let words: Vec<String> = s
        .tokens
        .iter()
        .filter(|t| span.contains(t.span) && t.upos != "PUNCT" && t.xpos != "POS")
        .filter_map(|t| t.span.slice(text))
        .map(str::to_uppercase)
        .collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    coder::nominal::code_words(&refs, date, dicts).filter(|c| c != "---")
}
