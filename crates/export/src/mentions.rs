//! GDELT 2.0 Mentions TSV: one row per report of an event, in GDELT's 16 columns.
//!
//! `GlobalEventID` is the GLOBALEVENTID of the cluster's row in the events file, so a join on
//! it lists every article that reported the event. Differences from GDELT: `MentionTimeDate`
//! is the article's publication time (GDELT: the 15-minute crawl slot); offsets are UTF-8 byte
//! offsets into the extracted body (GDELT: characters); `Confidence` is ours ×100;
//! `MentionDocTone` is 0; `Extras` holds our modality and attribution chain.

use model::Event;
use std::io::{self, Write};

/// The GDELT 2.0 Mentions columns, in order.
pub const MENTION_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// One report of a clustered event.
#[derive(Debug, Clone)]
pub struct Mention<'a> {
    /// GLOBALEVENTID of the cluster's events row.
    pub event_id: u64,
    /// DATEADDED of the events row (`YYYYMMDDHHMMSS`).
    pub event_added: &'a str,
    /// The article's publication date as ISO 8601 (any precision).
    pub published: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub doc_len: usize,
    pub event: &'a Event,
}

fn stamp(iso: Option<&str>) -> String {
    let digits: String = iso.unwrap_or("").chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() < 8 {
        return String::new();
    }
    format!("{digits:0<14}")
}

/// Writes one Mentions row (no header: GDELT files have none).
pub fn write_mention<W: Write>(out: &mut W, m: &Mention) -> io::Result<()> {
    let e = m.event;
    let s = |v: &str| v.replace(['\t', '\n', '\r'], " ");
    let off =
        |a: &[model::ActorRef]| a.first().map_or("-1".to_string(), |x| x.span.start.to_string());
    let modality = serde_json::to_value(e.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let chain = e.attribution.chain.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" > ");
    let cols = [
        m.event_id.to_string(),
        m.event_added.to_string(),
        stamp(m.published),
        "1".to_string(),
        s(m.outlet.unwrap_or("")),
        s(m.url.unwrap_or("")),
        (e.sentence + 1).to_string(),
        off(&e.sources),
        off(&e.targets),
        e.trigger.start.to_string(),
        "1".to_string(),
        format!("{:.0}", (e.confidence * 100.0).clamp(0.0, 100.0)),
        m.doc_len.to_string(),
        "0".to_string(),
        String::new(),
        s(&format!("<modality>{modality}</modality><attribution>{chain}</attribution>")),
    ];
    debug_assert_eq!(cols.len(), MENTION_COLUMNS.len());
    writeln!(out, "{}", cols.join("\t"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn stamps() {
        assert_eq!(super::stamp(Some("2009-01-20")), "20090120000000");
        assert_eq!(super::stamp(Some("2009-01-20T14:03:00Z")), "20090120140300");
        assert_eq!(super::stamp(Some("2009")), "");
    }
}
