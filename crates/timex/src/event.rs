//! Event time: the interval, precision and basis of an event from the temporal expression
//! attached to its trigger, or the publication date as a flagged fallback.

use crate::resolve::fmt_day;
use crate::{Anchor, Timex, TimexType};
use chrono::Datelike;
use model::{DatePrecision, EventTime, Span, TimeBasis};

/// How far (bytes) from the trigger an expression may be and still attach to it.
const MAX_DISTANCE: u32 = 160;

/// The event time given the expression attached to the event (if any).
///
/// - a dated expression → its interval and precision, basis `Text`;
/// - PAST_REF ("recently") → open start, ending at the anchor, precision `Unknown`, basis `Text`;
///   FUTURE_REF the mirror image; PRESENT_REF → the anchor day;
/// - a recognised expression without a value ("the last days of the war") → no interval,
///   precision `Unknown`, basis `Text`: undetermined, not guessed;
/// - no expression, or a duration/set → the publication date, basis `PublicationFallback`.
pub fn event_time(timex: Option<&Timex>, anchor: Option<&Anchor>) -> EventTime {
    let fallback = || publication(anchor);
    let Some(t) = timex else { return fallback() };
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return fallback();
    }
    let text = |start: Option<String>, end: Option<String>, precision| EventTime {
        start,
        end,
        precision,
        basis: TimeBasis::Text,
        span: Some(t.span),
    };
    let anchor_day = anchor.map(fmt_anchor);
    match (t.value.as_deref(), t.interval) {
        (Some("PAST_REF"), _) => text(None, anchor_day, DatePrecision::Unknown),
        (Some("FUTURE_REF"), _) => text(anchor_day, None, DatePrecision::Unknown),
        (Some(_), Some(iv)) => {
            let p = match t.value.as_deref() {
                Some("PRESENT_REF") => DatePrecision::Day,
                _ => t.granularity.precision(),
            };
            text(Some(fmt_day(iv.start)), Some(fmt_day(iv.end)), p)
        }
        _ => text(None, None, DatePrecision::Unknown),
    }
}

fn fmt_anchor(a: &Anchor) -> String {
    match a.precision {
        DatePrecision::Year | DatePrecision::Decade | DatePrecision::Century => {
            format!("{:04}", a.date.year())
        }
        DatePrecision::Month => format!("{:04}-{:02}", a.date.year(), a.date.month()),
        DatePrecision::Unknown => String::new(),
        _ => fmt_day(a.date),
    }
}

fn publication(anchor: Option<&Anchor>) -> EventTime {
    match anchor {
        Some(a) if a.precision != DatePrecision::Unknown => EventTime {
            start: Some(fmt_anchor(a)),
            end: Some(fmt_anchor(a)),
            precision: a.precision.max(DatePrecision::Day),
            basis: TimeBasis::PublicationFallback,
            span: None,
        },
        _ => EventTime {
            start: None,
            end: None,
            precision: DatePrecision::Unknown,
            basis: TimeBasis::PublicationFallback,
            span: None,
        },
    }
}

/// The date or time expression that belongs to an event trigger, without a parse: the nearest
/// one in the same sentence within a short distance, preferring one that has a date over an
/// undetermined one ("in the last days of the war in 1988" → 1988). Callers with a dependency
/// tree should pick the expression attached to the trigger themselves and call [`event_time`].
pub fn attach<'t>(text: &str, trigger: Span, timexes: &'t [Timex]) -> Option<&'t Timex> {
    let mut best: Option<((bool, u32), &Timex)> = None;
    for t in timexes {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let (gap_start, gap_end, dist) = if t.span.end <= trigger.start {
            (t.span.end, trigger.start, trigger.start - t.span.end)
        } else if t.span.start >= trigger.end {
            (trigger.end, t.span.start, t.span.start - trigger.end)
        } else {
            (trigger.start, trigger.start, 0)
        };
        if dist > MAX_DISTANCE {
            continue;
        }
        let between = text.get(gap_start as usize..gap_end as usize).unwrap_or("\n");
        if crosses_sentence(between) {
            continue;
        }
        let rank = (t.value.is_none(), dist);
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, t));
        }
    }
    best.map(|b| b.1)
}

fn crosses_sentence(between: &str) -> bool {
    if between.contains('\n') {
        return true;
    }
    let b = between.as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        matches!(c, b'.' | b'!' | b'?')
            && b.get(i + 1).is_some_and(|n| *n == b' ')
            && b.get(i + 2).is_some_and(|n| n.is_ascii_uppercase())
    })
}

/// [`attach`] then [`event_time`].
pub fn resolve_event_time(
    text: &str,
    trigger: Span,
    timexes: &[Timex],
    anchor: Option<&Anchor>,
) -> EventTime {
    event_time(attach(text, trigger, timexes), anchor)
}
