//! The spans of an article worth marking — triggers, actors, places, dates, sources and
//! quotes — each tied to the event it feeds, and a cut of the text into non-overlapping
//! segments for rendering.
//!
//! Spans come from the store and are checked here: one that is out of range or not on
//! character boundaries is dropped, so slicing the text with any highlight gives its surface.

use serde::Serialize;
use store::ArticleView;

/// What a highlighted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    // Order = priority where spans overlap (first wins).
    Trigger,
    Actor,
    Place,
    Date,
    Source,
    Denial,
    Quote,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Trigger => "trigger",
            Kind::Actor => "actor",
            Kind::Place => "place",
            Kind::Date => "date",
            Kind::Source => "source",
            Kind::Denial => "denial",
            Kind::Quote => "quote",
        }
    }
}

/// One highlighted span of the article text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// The event it feeds (quotes have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<i64>,
    /// A short description (actor code, place, date value, speaker).
    pub label: String,
}

/// Every highlight of an article, valid against its text, sorted by start then priority.
pub fn highlights(a: &ArticleView) -> Vec<Highlight> {
    let mut out = Vec::new();
    let mut push = |span: model::Span, kind: Kind, event: Option<i64>, label: String| {
        if span.start < span.end && span.slice(&a.text).is_some() {
            out.push(Highlight { start: span.start, end: span.end, kind, event, label });
        }
    };
    for ev in &a.events {
        let e = &ev.event;
        push(e.trigger, Kind::Trigger, Some(ev.id), format!("CAMEO {}", e.code));
        for x in e.sources.iter().chain(&e.targets) {
            let label =
                if x.code.is_empty() { "unresolved actor".to_string() } else { x.code.clone() };
            push(x.span, Kind::Actor, Some(ev.id), label);
        }
        if let Some(l) = &e.location {
            if let Some(span) = l.span {
                push(span, Kind::Place, Some(ev.id), l.name.clone());
            }
        }
        if let Some(t) = &e.time {
            if let Some(span) = t.span {
                push(
                    span,
                    Kind::Date,
                    Some(ev.id),
                    t.start.clone().unwrap_or_else(|| "undated".into()),
                );
            }
        }
        for link in &e.attribution.chain {
            if let Some(span) = link.span {
                push(span, Kind::Source, Some(ev.id), link.text.clone());
            }
        }
        for d in &e.disputed_by {
            let who = d.denier.as_ref().map_or("denial", |x| x.text.as_str());
            push(d.cue, Kind::Denial, Some(ev.id), who.to_string());
        }
    }
    for q in &a.quotes {
        let who =
            q.speaker.as_ref().map(|s| s.text.clone()).unwrap_or_else(|| "unknown speaker".into());
        push(q.span, Kind::Quote, None, who);
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(a.kind.cmp(&b.kind)).then(b.end.cmp(&a.end)));
    out.dedup_by(|a, b| {
        a.start == b.start && a.end == b.end && a.kind == b.kind && a.event == b.event
    });
    out
}

/// A piece of text and the highlight that marks it, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment<'a> {
    pub start: u32,
    pub text: &'a str,
    pub mark: Option<&'a Highlight>,
}

/// Cuts `text[range]` into segments at every highlight boundary; each segment carries the
/// highest-priority highlight covering it (trigger over actor over place … over quote, then
/// the shorter span). Concatenating the segments gives the text back.
pub fn segments<'a>(
    text: &'a str,
    range: std::ops::Range<usize>,
    hl: &'a [Highlight],
) -> Vec<Segment<'a>> {
    let (lo, hi) = (range.start as u32, range.end as u32);
    let mut cuts: Vec<u32> = vec![lo, hi];
    for h in hl {
        for p in [h.start, h.end] {
            if p > lo && p < hi && text.is_char_boundary(p as usize) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment<'a>> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(piece) = text.get(s as usize..e as usize) else { continue };
        let mark = hl
            .iter()
            .filter(|h| h.start <= s && e <= h.end)
            .min_by(|a, b| a.kind.cmp(&b.kind).then((a.end - a.start).cmp(&(b.end - b.start))));
        match out.last_mut() {
            Some(last)
                if last.mark == mark && last.start as usize + last.text.len() == s as usize =>
            {
                last.text = &text[last.start as usize..e as usize];
            }
            _ => out.push(Segment { start: s, text: piece, mark }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(start: u32, end: u32, kind: Kind, event: i64) -> Highlight {
        Highlight { start, end, kind, event: Some(event), label: String::new() }
    }

    #[test]
    fn segments_cover_the_text_and_prefer_the_specific_mark() {
        let text = "“Iraqi forces foiled the plot,” an official said in Baghdad’s centre.";
        let quote = hl(0, text.find(',').unwrap() as u32 + 4, Kind::Quote, 1);
        let actor = hl(3, 15, Kind::Actor, 1);
        let trig = hl(16, 22, Kind::Trigger, 1);
        let place_start = text.find("Baghdad").unwrap() as u32;
        let place = hl(place_start, place_start + 7, Kind::Place, 1);
        let marks = vec![quote, actor, trig, place];
        let segs = segments(text, 0..text.len(), &marks);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
        let of = |k| segs.iter().find(|s| s.mark.map(|m| m.kind) == Some(k)).map(|s| s.text);
        assert_eq!(of(Kind::Actor), Some("Iraqi forces"));
        assert_eq!(of(Kind::Trigger), Some("foiled"));
        assert_eq!(of(Kind::Place), Some("Baghdad"));
        assert_eq!(of(Kind::Quote), Some("“"), "the quote shows around the marks inside it");
        for s in &segs {
            assert_eq!(&text[s.start as usize..s.start as usize + s.text.len()], s.text);
        }
    }

    #[test]
    fn cuts_inside_a_character_are_ignored() {
        let text = "a’b";
        let bad = hl(2, 3, Kind::Actor, 1);
        let segs = segments(text, 0..text.len(), std::slice::from_ref(&bad));
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
}
