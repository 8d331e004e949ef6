//! Actor codes for the voices of an article ("Mehr news agency" → `IRNMED`, "an Iraqi security
//! official" → `IRQ…`), coded with the same actor coder and the same date as event arguments:
//! [`code_span`] is what `provenance::annotate_with` codes attribution links, quote speakers and
//! deniers with; [`code_outlets`] codes the publishing outlet, which comes from metadata.

use model::{AnalyzedSentence, AttributionLink, AttributionRole, Event, Span};

/// Cites the wire agency of the dateline ("GAZA (Reuters) -" in a story another outlet
/// published) in every chain, right after the outlet, unless the chain cites it already.
pub fn cite_agency(events: &mut [Event], agency: &str) {
    for ev in events {
        let chain = &mut ev.attribution.chain;
        if chain.iter().any(|l| {
            l.role == AttributionRole::CitedOutlet
                && provenance::attribution::names_outlet(&l.text, agency)
        }) {
            continue;
        }
        let at = usize::from(chain.first().is_some_and(|l| l.role == AttributionRole::Outlet));
        chain.insert(
            at,
            AttributionLink {
                role: AttributionRole::CitedOutlet,
                text: agency.to_string(),
                span: None,
                actor: None,
            },
        );
    }
}

/// Codes the outlet link (first in every chain) and a cited agency without a span (the
/// dateline's) from their names.
pub fn code_outlets(
    events: &mut [Event],
    date: Option<coder::date::DateKey>,
    dicts: &coder::Dictionaries,
) {
    let Some(name) = events
        .iter()
        .flat_map(|e| e.attribution.chain.first())
        .find(|l| l.role == AttributionRole::Outlet && l.span.is_none())
        .map(|l| l.text.clone())
    else {
        return;
    };
    let words: Vec<String> = name.split_whitespace().map(str::to_uppercase).collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let code = coder::nominal::code_words(&refs, date, dicts).filter(|c| c != "---");
    for l in events.iter_mut().flat_map(|e| e.attribution.chain.first_mut()) {
        if l.role == AttributionRole::Outlet
            && l.span.is_none()
            && l.actor.is_none()
            && l.text == name
        {
            l.actor.clone_from(&code);
        }
    }
    let mut agency: Option<(String, Option<String>)> = None;
    for l in events.iter_mut().flat_map(|e| e.attribution.chain.iter_mut()) {
        if l.role != AttributionRole::CitedOutlet || l.span.is_some() || l.actor.is_some() {
            continue;
        }
        if agency.as_ref().is_none_or(|(n, _)| *n != l.text) {
            let words: Vec<String> = l.text.split_whitespace().map(str::to_uppercase).collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let code = coder::nominal::code_words(&refs, date, dicts).filter(|c| c != "---");
            agency = Some((l.text.clone(), code));
        }
        l.actor = agency.as_ref().and_then(|(_, c)| c.clone());
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
