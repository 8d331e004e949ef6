//! JSONL reader: fields become hints, each bad line is reported with its line and offset and
//! the rest is read, and the output does not depend on how reads are split.

mod common;

use common::*;
use ingest::{IngestError, Item, JsonlReader, Limits};

fn read_all(data: Vec<u8>, limits: Limits) -> Vec<Result<Item, IngestError>> {
    JsonlReader::new(std::io::Cursor::new(data), "dump.jsonl", limits).unwrap().collect()
}

fn sample() -> Vec<u8> {
    let mut s = String::new();
    s.push_str(r#"{"html": "<p>Troops withdrew from the border.</p>", "url": "https://a.example/1", "title": "Withdrawal", "date": "2024-03-02", "outlet": "Example News"}"#);
    s.push('\n');
    s.push_str(r#"{"text": "ANKARA, March 3 (Wire) - Talks began.", "extra": [1, 2, 3]}"#);
    s.push_str("\r\n\n   \n");
    s.push_str(r#"["not", "an", "object"]"#);
    s.push('\n');
    s.push_str(r#"{"html": 42}"#);
    s.push('\n');
    s.push_str(r#"{"url": "https://no-content.example/"}"#);
    s.push('\n');
    s.push_str(r#"{"html": "<p>unterminated"#);
    s.push('\n');
    let mut data = s.into_bytes();
    data.extend_from_slice(b"{\"text\": \"caf\xE9\"}\n");
    data.extend_from_slice(r#"{"text": "last line without newline", "title": null}"#.as_bytes());
    data
}

#[test]
fn records_hints_and_errors() {
    let items = read_all(sample(), Limits::default());
    let lines = dump(items.into_iter());
    let expected = [
        r#"doc dump.jsonl:1@0 uri=Some("https://a.example/1") fetched=None type=Some("text/html; charset=utf-8") len=39 hash=75e911a51fc3 text=false hints=(Some("Withdrawal"), Some("2024-03-02"), Some("Example News"))"#,
        r#"doc dump.jsonl:2@153 uri=None fetched=None type=Some("text/plain; charset=utf-8") len=37 hash=8c1e9aa443e0 text=true hints=(None, None, None)"#,
        "error dump.jsonl:5@229: bad JSONL record: not a JSON object",
        "error dump.jsonl:6@253: bad JSONL record: invalid type: integer `42`, expected a string at column 11 of the line",
        "error dump.jsonl:7@266: bad JSONL record: the object has neither an `html` nor a `text` string (nor `maintext`, `body`)",
        "error dump.jsonl:8@305: bad JSONL record: EOF while parsing a string at column 25 of the line",
        "error dump.jsonl:9@331: invalid UTF-8 at byte 13 of the line",
        r#"doc dump.jsonl:10@348 uri=None fetched=None type=Some("text/plain; charset=utf-8") len=25 hash=45821956a36c text=true hints=(None, None, None)"#,
    ];
    assert_eq!(lines, expected);
    let data = sample();
    // Offsets point at the line.
    assert!(data[153..].starts_with(br#"{"text": "ANKARA"#));
    assert!(data[229..].starts_with(br#"["not""#));
    assert!(data[331..].starts_with(b"{\"text\": \"caf\xE9"));
    assert_eq!(data[331 + 13], 0xE9);
    assert!(data[348..].starts_with(br#"{"text": "last line"#));
}

#[test]
fn other_dumps_key_names_become_hints() {
    // news-please, NewsAPI and a plain feed: the publication date and outlet were dropped.
    let data = [
        r#"{"maintext": "Talks began.", "date_publish": "2024-01-15 09:30:00", "source_domain": "afp.com", "title": "Talks"}"#,
        r#"{"content": "x", "text": "Troops withdrew.", "publishedAt": "2024-03-09T10:00:00Z", "source": {"id": null, "name": "BBC News"}}"#,
        r#"{"text": "Police fired tear gas.", "published": "2024-02-20", "source": "Daily Nation", "date": "2024-02-21", "outlet": "Nation"}"#,
        r#"{"text": "A date in Unix time.", "published": 1708387200, "source": ["a"]}"#,
    ]
    .join("\n");
    let lines = dump(read_all(data.into_bytes(), Limits::default()).into_iter());
    assert!(
        lines[0]
            .ends_with(r#"hints=(Some("Talks"), Some("2024-01-15 09:30:00"), Some("afp.com"))"#),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(r#"hints=(None, Some("2024-03-09T10:00:00Z"), Some("BBC News"))"#),
        "{}",
        lines[1]
    );
    // Our own keys win.
    assert!(
        lines[2].ends_with(r#"hints=(None, Some("2024-02-21"), Some("Nation"))"#),
        "{}",
        lines[2]
    );
    // Unix time is a date the extractor reads; an outlet that is neither text nor named is not.
    assert!(lines[3].ends_with(r#"hints=(None, Some("1708387200"), None)"#), "{}", lines[3]);
}

#[test]
fn hashes_are_of_the_document_bytes() {
    let items = read_all(sample(), Limits::default());
    let Ok(Item::Document(d)) = &items[0] else { panic!("{:?}", items[0]) };
    assert_eq!(d.bytes, b"<p>Troops withdrew from the border.</p>");
    assert_eq!(d.hash, ingest::content_hash(&d.bytes));
    assert_eq!(d.hash.0.len(), 64);
}

#[test]
fn long_lines_are_skipped_not_kept() {
    let mut data = format!("{{\"html\": \"{}\"}}\n", "x".repeat(10_000)).into_bytes();
    data.extend_from_slice(b"{\"text\": \"short\"}\n");
    let items = read_all(data, Limits { max_document_bytes: 1000, ..Limits::default() });
    assert_eq!(items.len(), 2, "{items:?}");
    match &items[0] {
        Err(IngestError::LimitExceeded { at, size: Some(10_013), .. }) => {
            assert_eq!(at.line, Some(1))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&items[1], Ok(Item::Document(d)) if d.origin.line == Some(2)));
}

#[test]
fn empty_gzip_and_truncated_gzip() {
    let items = read_all(Vec::new(), Limits::default());
    assert!(matches!(&items[..], [Err(IngestError::Empty { .. })]), "{items:?}");
    let items = read_all(gzip(b""), Limits::default());
    assert!(matches!(&items[..], [Err(IngestError::Empty { .. })]), "{items:?}");

    let data = gzip(&sample());
    let items = read_all(data.clone(), Limits::default());
    assert_eq!(items.iter().filter(|i| matches!(i, Ok(Item::Document(_)))).count(), 3);

    let mut cut = data;
    cut.truncate(cut.len() - 30);
    let items = read_all(cut, Limits::default());
    assert!(matches!(items.last(), Some(Err(IngestError::TruncatedGzip { .. }))), "{items:?}");
    assert!(matches!(&items[0], Ok(Item::Document(_))), "{items:?}");
}

#[test]
fn chunking_independence() {
    let plain = sample();
    let gz = gzip(&plain);
    for (name, data) in [("plain", plain), ("gzip", gz)] {
        let reference = dump(read_all(data.clone(), Limits::default()).into_iter());
        for seed in 0..40u64 {
            let max = [1, 2, 5, 64, 4096][seed as usize % 5];
            let reader = Chunky::new(data.clone(), 0x15_0000 + seed, max);
            let got = dump(JsonlReader::new(reader, "dump.jsonl", Limits::default()).unwrap());
            assert_eq!(got, reference, "{name}: seed {seed}, reads of 1..={max} bytes");
        }
    }
}
