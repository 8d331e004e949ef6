//! The location of an event: the place the syntax attaches to it, else the dateline's, else
//! unknown — never a capital or a country centroid by default.
//!
//! The caller (the event coder) knows the syntax: it passes the spans of the locative phrases
//! attached to the event's trigger ("in Baqubah", "at Camp Ashraf", "near the border"). This
//! module resolves the article's toponyms once ([`ArticlePlaces::analyze`]) and answers each
//! event from them ([`ArticlePlaces::locate`]).

use crate::gazetteer::Gazetteer;
use crate::place::PlaceKind;
use crate::recognize::recognize;
use crate::resolve::{resolve, Resolved, Weights};
use model::{GeoPrecision, Location, Span};

/// Where the event's location came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceBasis {
    /// A place inside a phrase the syntax attaches to the event.
    Attached,
    /// The article's dateline ("BAGHDAD (Reuters) —").
    Dateline,
    /// Nothing usable: the location is unknown.
    Unknown,
}

/// An event's location with its basis and the gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPlace {
    pub location: Location,
    pub basis: PlaceBasis,
    /// Gazetteer index of the place (for [`Gazetteer::place`]).
    pub place: Option<u32>,
}

/// What the caller knows about one event.
#[derive(Debug, Clone, Copy)]
pub struct EventSite<'a> {
    /// The event trigger's span in the article text.
    pub trigger: Span,
    /// Spans of locative phrases (in/at/near/outside …) the syntax attaches to the trigger.
    pub attached: &'a [Span],
    /// The dateline's span when the extractor found one; else it is detected from the text.
    pub dateline: Option<Span>,
}

/// The resolved toponyms of one article.
#[derive(Debug, Clone)]
pub struct ArticlePlaces {
    pub resolved: Vec<Resolved>,
    /// Index into `resolved` of the dateline place, when the text opens with one.
    pub dateline: Option<usize>,
}

impl ArticlePlaces {
    /// Recognises and resolves the toponyms of `text`. `actor_countries` are ISO 3166-1 alpha-2
    /// codes of the event actors' countries (may be empty); they favour same-country readings.
    pub fn analyze(gaz: &Gazetteer, text: &str, actor_countries: &[&str]) -> ArticlePlaces {
        ArticlePlaces::analyze_with(gaz, text, actor_countries, &Weights::default())
    }

    /// [`ArticlePlaces::analyze`] with explicit resolver weights.
    pub fn analyze_with(
        gaz: &Gazetteer,
        text: &str,
        actor_countries: &[&str],
        w: &Weights,
    ) -> ArticlePlaces {
        let resolved = resolve(gaz, text, recognize(gaz, text), actor_countries, w);
        let dateline = detect_dateline(text, &resolved);
        ArticlePlaces { resolved, dateline }
    }

    /// Toponyms that probably stand for actors ("Moscow said"): the caller may treat them as
    /// actors; they are never used as event locations.
    pub fn metonyms(&self) -> impl Iterator<Item = &Resolved> {
        self.resolved.iter().filter(|r| r.toponym.metonym)
    }

    /// The event's location: the place in an attached phrase nearest the trigger, else the
    /// dateline's place, else unknown.
    pub fn locate(&self, gaz: &Gazetteer, site: &EventSite<'_>) -> EventPlace {
        let usable = |r: &Resolved| {
            !r.toponym.metonym
                && !r.toponym.demonym
                && r.place
                    .and_then(|p| gaz.place(p))
                    .is_some_and(|p| p.kind.precision() != GeoPrecision::Unknown)
        };
        let distance = |s: Span| {
            if s.overlaps(site.trigger) {
                0
            } else if s.end <= site.trigger.start {
                site.trigger.start - s.end
            } else {
                s.start.saturating_sub(site.trigger.end)
            }
        };
        let attached = self
            .resolved
            .iter()
            .filter(|r| usable(r) && site.attached.iter().any(|a| a.contains(r.toponym.span)))
            .min_by_key(|r| (distance(r.toponym.span), r.toponym.span.start));
        if let Some(r) = attached {
            return answer(gaz, r, PlaceBasis::Attached);
        }
        let dateline = match site.dateline {
            Some(d) => self.resolved.iter().find(|r| usable(r) && d.contains(r.toponym.span)),
            None => self.dateline.map(|i| &self.resolved[i]).filter(|r| usable(r)),
        };
        match dateline {
            Some(r) => answer(gaz, r, PlaceBasis::Dateline),
            None => EventPlace { location: unknown(), basis: PlaceBasis::Unknown, place: None },
        }
    }
}

/// A `Location` for a gazetteer place mentioned at `span`.
pub fn location_of(gaz: &Gazetteer, place: u32, span: Option<Span>) -> Option<Location> {
    let p = gaz.place(place)?;
    let admin1 = match p.kind {
        PlaceKind::Admin1 => Some(p.name.to_string()),
        _ => p.admin1.and_then(|a| gaz.place(a)).map(|a| a.name.to_string()),
    };
    Some(Location {
        name: p.name.to_string(),
        gazetteer_id: Some(p.id.to_string()),
        admin1,
        country: (!p.country.is_empty()).then(|| p.country.to_string()),
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision: p.kind.precision(),
        span,
    })
}

/// The explicit "we do not know" location.
pub fn unknown() -> Location {
    Location {
        name: String::new(),
        gazetteer_id: None,
        admin1: None,
        country: None,
        lat: None,
        lon: None,
        precision: GeoPrecision::Unknown,
        span: None,
    }
}

fn answer(gaz: &Gazetteer, r: &Resolved, basis: PlaceBasis) -> EventPlace {
    match r.place.and_then(|p| location_of(gaz, p, Some(r.toponym.span))) {
        Some(location) => EventPlace { location, basis, place: r.place },
        None => EventPlace { location: unknown(), basis: PlaceBasis::Unknown, place: None },
    }
}

/// A dateline: the text's first line opens with a place name followed, after an optional
/// ", Region" and an optional "(Agency)", by a dash or colon ("BAGHDAD (Reuters) —",
/// "Baqubah, Iraq -").
fn detect_dateline(text: &str, resolved: &[Resolved]) -> Option<usize> {
    let first = resolved.first()?;
    let start = first.toponym.span.start as usize;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..start].trim().is_empty() || start > 200 {
        return None;
    }
    let mut rest = text.get(first.toponym.span.end as usize..)?;
    let mut i = 0;
    // Skip ", Region" parts: later toponyms adjacent to the first.
    while let Some(stripped) = rest.strip_prefix(',') {
        let trimmed = stripped.trim_start();
        let words: usize = trimmed
            .split(|c: char| c.is_whitespace() || c == '(' || c == '—' || c == '–')
            .next()
            .map_or(0, str::len);
        if words == 0 || !trimmed.starts_with(char::is_uppercase) {
            break;
        }
        let mut skip = stripped.len() - trimmed.len() + words;
        // A multi-word region: take the span of the next toponym if it starts here.
        if let Some(next) = resolved.get(i + 1) {
            let here = text.len() - trimmed.len();
            if next.toponym.span.start as usize == here {
                skip = next.toponym.span.end as usize - (text.len() - stripped.len());
                i += 1;
            }
        }
        rest = &stripped[skip.min(stripped.len())..];
    }
    let mut rest = rest.trim_start();
    if rest.starts_with('(') {
        let close = rest.find(')')?;
        if close > 40 {
            return None;
        }
        rest = rest[close + 1..].trim_start();
    }
    let dash = ["—", "–", "--", "-", ":"].iter().any(|d| rest.starts_with(d));
    dash.then_some(0)
}
