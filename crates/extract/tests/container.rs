//! What the container (a JSONL record's fields, a WARC record's header) adds to what the page
//! says: the record's outlet publishes, a dateline's agency is cited; the capture day is the
//! publication date of last resort.

use model::{ContentHash, DatePrecision, DateSource, Hints, Origin, RawDocument};

fn doc(bytes: &str, plain: bool, outlet: Option<&str>, fetched: Option<&str>) -> RawDocument {
    RawDocument {
        origin: Origin { input: "test".into(), ..Default::default() },
        uri: Some("https://news.example.org/story".into()),
        fetched: fetched.map(str::to_string),
        content_type: None,
        hash: ContentHash("h".into()),
        bytes: bytes.as_bytes().to_vec(),
        hints: Hints {
            plain_text: plain,
            outlet: outlet.map(str::to_string),
            ..Default::default()
        },
    }
}

fn article(d: &RawDocument) -> model::Article {
    extract::extract(d, &extract::Options::default()).unwrap().article
}

const WIRE: &str = "GAZA (Reuters) - Israeli forces killed five Palestinians in an air strike \
                    on Rafah on Saturday, health officials said.";

#[test]
fn the_records_outlet_publishes_and_the_datelines_agency_is_cited() {
    let a = article(&doc(WIRE, true, Some("Al Jazeera"), None));
    assert_eq!(a.outlet.as_deref(), Some("Al Jazeera"));
    assert_eq!(a.agency.as_deref(), Some("Reuters"));
    // Other agencies and dateline shapes, the same way.
    let a = article(&doc(
        "KYIV, Jan. 18 (AFP) - Russian drones struck a power plant overnight, officials said.",
        true,
        Some("The Guardian"),
        None,
    ));
    assert_eq!((a.outlet.as_deref(), a.agency.as_deref()), (Some("The Guardian"), Some("AFP")));
}

#[test]
fn the_agency_alone_publishes_and_is_not_cited_twice() {
    // No outlet in the record: the agency is the publisher, as before.
    let a = article(&doc(WIRE, true, None, None));
    assert_eq!((a.outlet.as_deref(), a.agency), (Some("Reuters"), None));
    // The record names the agency itself ("reuters.com"): one outlet, nothing cited.
    let a = article(&doc(WIRE, true, Some("reuters.com"), None));
    assert_eq!((a.outlet.as_deref(), a.agency), (Some("reuters.com"), None));
}

#[test]
fn the_capture_day_dates_a_page_that_gives_no_date() {
    let page = "<html><head><title>Clash</title></head><body><article><p>Police fired tear gas \
                at protesters in Nairobi on Tuesday, witnesses said. Hundreds of people had \
                gathered outside parliament.</p></article></body></html>";
    let a = article(&doc(page, false, None, Some("2024-05-14T10:11:12Z")));
    let p = a.published.expect("the capture day");
    assert_eq!(
        (p.value.as_str(), p.precision, p.source),
        ("2024-05-14", DatePrecision::Day, DateSource::Container),
        "a capture time is no publication time: the day only"
    );
    // A plain-text record captured in a WARC, the same.
    let a = article(&doc(WIRE, true, None, Some("2024-03-02T08:00:00Z")));
    assert_eq!(a.published.map(|p| p.value).as_deref(), Some("2024-03-02"));
    // The page's own date wins over the capture.
    let dated = page.replace(
        "<title>",
        "<meta property=\"article:published_time\" \
                                         content=\"2024-05-12\"><title>",
    );
    let a = article(&doc(&dated, false, None, Some("2024-05-14T10:11:12Z")));
    assert_eq!(a.published.map(|p| p.value).as_deref(), Some("2024-05-12"));
}
