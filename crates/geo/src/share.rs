//! Places one event passes to another of the same story, once each event has its own:
//! - conjoined clauses share the place the first names ("met Abiy Ahmed in Cairo … and the
//!   two pledged to resolve their dispute": the pledge was made in Cairo too);
//! - an assault placed only at country level takes the finer place that a later definite
//!   mention gives inside that country ("ambushed a convoy in northern Burkina Faso …
//!   after *the attack near the town of Djibo*").

use crate::attach::{clausal_dependent, conjoined, definite_event_phrases, first_conjunct_spans};
use crate::gazetteer::Gazetteer;
use crate::locate::{ArticlePlaces, EventSite, PlaceBasis};
use model::{AnalyzedSentence, Event, GeoPrecision, Modality};

/// Roots of assaults (CAMEO 18 assault, 19 fight, 20 mass violence), whose later definite
/// mentions ("the attack", "the ambush") refine their place.
const ASSAULT_ROOTS: &[&str] = &["18", "19", "20"];

/// Verbs of reporting: "…, an official *told* Reuters" reports the clause, it did not happen
/// at the clause's place.
const REPORTING: &[&str] =
    &["say", "tell", "add", "state", "report", "announce", "write", "claim", "confirm", "deny"];

/// A precision's rank, finest first.
fn rank(p: GeoPrecision) -> u8 {
    match p {
        GeoPrecision::Place => 0,
        GeoPrecision::City => 1,
        GeoPrecision::Province => 2,
        GeoPrecision::Country => 3,
        _ => 4,
    }
}

/// How far (in bytes) a dateline's name may stand before the sentence it opens ("KABUL,
/// Aug. 26 (AP) — ").
const DATELINE_GAP: u32 = 60;

/// Completes the events' places in place. `own[i]` says whether event `i` was placed by its
/// own attached phrases; those, and events that happened, pass their place on. Events that
/// did not happen according to the text (planned, hypothetical …) and historical background
/// take nothing.
pub fn share_places(
    gaz: &Gazetteer,
    places: &ArticlePlaces,
    text: &str,
    sentences: &[AnalyzedSentence],
    own: &[bool],
    events: &mut [Event],
) {
    let happened =
        |e: &Event| !e.historical && matches!(e.modality, Modality::Asserted | Modality::Negated);
    // One deed coded twice, at a light verb and at its noun ("*carried out* air *strikes*",
    // "*launched* an *attack*"): the unplaced one takes the other's place.
    for i in 0..events.len() {
        if events[i].location.as_ref().is_some_and(|l| l.precision != GeoPrecision::Unknown) {
            continue;
        }
        // The same trigger coded twice (with other actors) is the same deed: it takes the
        // place the other reading found in its own phrases.
        let twin = |j: usize| {
            events[j].trigger.overlaps(events[i].trigger) && own.get(j).copied().unwrap_or(false)
        };
        let donor = (0..events.len()).find(|&j| {
            j != i
                && events[j].sentence == events[i].sentence
                && events[j].root == events[i].root
                && events[j].modality == events[i].modality
                && (twin(j) || !events[j].trigger.overlaps(events[i].trigger))
                && events[j].location.as_ref().is_some_and(|l| l.precision != GeoPrecision::Unknown)
                && adjacent(text, events[i].trigger, events[j].trigger)
        });
        if let Some(j) = donor {
            events[i].location = events[j].location.clone();
        }
    }
    // Conjoined clauses: the later conjunct takes the earlier one's own place. Background
    // deeds too, from a background deed placed by its own phrases ("overran Sinjar in 2014 and
    // *killed* thousands").
    let background =
        |e: &Event| e.historical && matches!(e.modality, Modality::Asserted | Modality::Negated);
    for i in 0..events.len() {
        let past = background(&events[i]);
        if events[i].location.is_some() || !(happened(&events[i]) || past) {
            continue;
        }
        let Some(s) = sentences.get(events[i].sentence as usize) else { continue };
        let reports = s.tokens.iter().any(|t| {
            t.span.overlaps(events[i].trigger)
                && REPORTING.contains(&t.lemma.to_lowercase().as_str())
        });
        if reports {
            continue;
        }
        let donor = (0..events.len()).find(|&j| {
            let own_j = own.get(j).copied().unwrap_or(false);
            j != i
                && (if past {
                    own_j && background(&events[j])
                } else {
                    own_j || happened(&events[j])
                })
                && events[j].sentence == events[i].sentence
                && events[j].trigger.end <= events[i].trigger.start
                && conjoined(s, events[j].trigger, events[i].trigger)
                && events[j]
                    .location
                    .as_ref()
                    .and_then(|l| l.span)
                    .is_some_and(|sp| sp.end <= events[i].trigger.start)
        });
        if let Some(j) = donor {
            events[i].location = events[j].location.clone();
            continue;
        }
        // The first conjunct is no event of ours: its own phrases still place the clause.
        // "overran Sinjar in 2014 and *killed* thousands": an assault's first conjunct names
        // its place by its object too.
        let assault = ASSAULT_ROOTS.contains(&events[i].root.as_str());
        let spans = first_conjunct_spans(s, events[i].trigger, assault);
        if !spans.is_empty() {
            let site =
                EventSite { trigger: events[i].trigger, attached: &spans, dateline: None, text };
            let found = places.locate(gaz, &site);
            if found.basis == PlaceBasis::Attached {
                events[i].location = Some(found.location);
            }
        }
    }
    // A clause hung on a placed deed ("arrested a would-be bomber outside a cathedral in
    // Makassar *before he could detonate* his explosives") happens there too, when the text
    // says it happened, was tried or is alleged.
    for i in 0..events.len() {
        let placed =
            |e: &Event| e.location.as_ref().is_some_and(|l| l.precision != GeoPrecision::Unknown);
        let open = matches!(
            events[i].modality,
            Modality::Asserted | Modality::Negated | Modality::Attempted | Modality::Alleged
        );
        // (Background takes its place only from a background deed: "after the rebels bombed a
        // base in Arauca province late last year, *killing* two soldiers".)
        let past = events[i].historical;
        if (past && events[i].modality != Modality::Asserted)
            || !open
            || (placed(&events[i]) && own.get(i).copied().unwrap_or(false))
        {
            continue;
        }
        let Some(s) = sentences.get(events[i].sentence as usize) else { continue };
        // The governing deed placed by its own phrases, or (having happened) by a place its
        // own sentence names, or by the dateline that opens its sentence ("KABUL (AP) — Two
        // suicide bombers attacked crowds …, *killing* at least 60"); not by a dateline far
        // from it.
        let dateline = places.dateline.map(|d| places.resolved[d].toponym.span);
        let named_here = |e: &Event| {
            happened(e)
                && e.location.as_ref().and_then(|l| l.span).is_some_and(|sp| {
                    s.span.contains(sp)
                        || (Some(sp) == dateline
                            && sp.end <= s.span.start
                            && s.span.start - sp.end <= DATELINE_GAP)
                })
        };
        let donor = (0..events.len()).find(|&j| {
            j != i
                && events[j].sentence == events[i].sentence
                && events[j].historical == past
                && (own.get(j).copied().unwrap_or(false) || named_here(&events[j]))
                && placed(&events[j])
                && clausal_dependent(s, events[j].trigger, events[i].trigger)
        });
        if let Some(j) = donor {
            // A participle its sentence already placed keeps that place unless the deed's is
            // a finer one of the same country ("… on a gathering in Pazigyi village in the
            // Sagaing region …, killing at least 50": the village, not the region).
            let finer = match (&events[i].location, &events[j].location) {
                (Some(a), Some(b)) if placed(&events[i]) => {
                    a.country == b.country && rank(b.precision) < rank(a.precision)
                }
                _ => true,
            };
            if finer {
                events[i].location = events[j].location.clone();
            }
        }
    }
    // Country-level assaults refined by a later definite mention in the same country.
    let mentions = definite_event_phrases(sentences);
    if mentions.is_empty() {
        return;
    }
    let dateline = places.dateline.map(|i| places.resolved[i].toponym.span);
    for (i, ev) in events.iter_mut().enumerate() {
        if !happened(ev) || !ASSAULT_ROOTS.contains(&ev.root.as_str()) {
            continue;
        }
        // An assault the dateline alone placed ("OUAGADOUGOU (AP) — Fighters ambushed a
        // convoy …") takes the place a later mention gives ("The attack took place near the
        // town of Ougarou"), as one placed only at country level does.
        let by_dateline = !own.get(i).copied().unwrap_or(false)
            && dateline.is_some()
            && ev.location.as_ref().and_then(|l| l.span) == dateline;
        let Some(country) = ev
            .location
            .as_ref()
            .filter(|l| l.precision == GeoPrecision::Country || by_dateline)
            .and_then(|l| l.country.clone())
        else {
            continue;
        };
        for (n, spans) in &mentions {
            if *n <= ev.sentence as usize {
                continue;
            }
            let Some(s) = sentences.get(*n) else { continue };
            let site = EventSite { trigger: s.span, attached: spans, dateline: None, text };
            let found = places.locate(gaz, &site);
            let finer = matches!(
                found.location.precision,
                GeoPrecision::Place | GeoPrecision::City | GeoPrecision::Province
            );
            let location = if found.basis == PlaceBasis::Attached {
                Some(found.location).filter(|_| finer)
            } else if by_dateline {
                // A town the gazetteer lacks ("near the town of Ougarou in the eastern region").
                crate::unlisted::unlisted_place(gaz, places, text, s, spans, s.span).map(|u| u.0)
            } else {
                None
            };
            if let Some(l) = location.filter(|l| l.country.as_deref() == Some(country.as_str())) {
                ev.location = Some(l);
                break;
            }
        }
    }
}

/// Whether two triggers stand side by side, with at most three words and no punctuation
/// between them ("carried out | air | strikes", "launched | an | attack").
fn adjacent(text: &str, a: model::Span, b: model::Span) -> bool {
    if a.overlaps(b) {
        return true;
    }
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if first.end > second.start {
        return false;
    }
    let Some(between) = text.get(first.end as usize..second.start as usize) else { return false };
    between.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        && between.split_whitespace().count() <= 3
}
