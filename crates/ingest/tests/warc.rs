//! WARC reader: which records become documents, which are skipped and why, offsets, HTTP
//! decoding, damaged archives, limits, and independence from how reads are split.

mod common;

use common::*;
use ingest::{IngestError, Item, Limits, SkipReason, WarcProblem, WarcReader};
use std::io::Read;

const PAGE: &[u8] = b"<!DOCTYPE html><html><head><title>Talks resume</title></head>\
<body><p>Negotiators met in Geneva on Tuesday.</p></body></html>";

fn read_all(data: Vec<u8>, limits: Limits) -> Vec<Result<Item, IngestError>> {
    WarcReader::new(std::io::Cursor::new(data), "test.warc", limits).unwrap().collect()
}

fn docs(items: &[Result<Item, IngestError>]) -> Vec<&model::RawDocument> {
    items
        .iter()
        .filter_map(|i| match i {
            Ok(Item::Document(d)) => Some(d),
            _ => None,
        })
        .collect()
}

/// A small crawl: every kind of record a real WARC holds.
fn crawl() -> Vec<Vec<u8>> {
    let request = record(
        "request",
        &[("WARC-Target-URI", "https://news.example/a")],
        b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
    );
    let image = record(
        "response",
        &[("WARC-Target-URI", "https://news.example/logo.png")],
        &http("200 OK", &[("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n...."),
    );
    let redirect = record(
        "response",
        &[("WARC-Target-URI", "http://news.example/a")],
        &http("301 Moved Permanently", &[("Location", "https://news.example/a")], b""),
    );
    let missing = record(
        "response",
        &[("WARC-Target-URI", "https://news.example/gone")],
        &http("404 Not Found", &[("Content-Type", "text/html")], b"<html><body>no</body></html>"),
    );
    let metadata = record("metadata", &[], b"outlinks: https://news.example/b\r\n");
    let revisit = record(
        "revisit",
        &[("WARC-Target-URI", "https://news.example/a")],
        &http("200 OK", &[("Content-Type", "text/html")], b""),
    );
    let dns = record(
        "response",
        &[("WARC-Target-URI", "dns:news.example")],
        b"20240501 news.example. 300 IN A 192.0.2.1\n",
    );
    vec![
        warcinfo(),
        request,
        html_response("https://news.example/a", "2024-05-01T10:00:00Z", PAGE),
        image,
        redirect,
        missing,
        metadata,
        revisit,
        dns,
        html_response("https://news.example/b", "2024-05-01T10:00:05Z", b"<p>Second page.</p>"),
    ]
}

#[test]
fn documents_and_skips_from_a_crawl() {
    let records = crawl();
    let data: Vec<u8> = records.concat();
    let items = read_all(data.clone(), Limits::default());
    let got = dump(items.iter().map(|i| match i {
        Ok(x) => Ok(x.clone()),
        Err(e) => Err(IngestError::Jsonl { at: Default::default(), detail: e.to_string() }),
    }));
    let skips: Vec<&str> = got.iter().filter(|l| l.starts_with("skip")).map(|s| &s[5..]).collect();
    assert_eq!(
        skips,
        [
            "warcinfo",
            "request",
            "not-html",
            "http-redirect",
            "http-error",
            "metadata",
            "revisit",
            "not-http"
        ]
    );
    assert!(items.iter().all(|i| i.is_ok()), "{got:#?}");
    let d = docs(&items);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].bytes, PAGE);
    assert_eq!(d[0].uri.as_deref(), Some("https://news.example/a"));
    assert_eq!(d[0].fetched.as_deref(), Some("2024-05-01T10:00:00Z"));
    assert_eq!(d[0].content_type.as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(d[0].hash, ingest::content_hash(PAGE));
    assert_eq!(d[0].origin.input, "test.warc");
    // Offsets: slicing the file at the offset finds the record.
    let off0 = records[..2].iter().map(Vec::len).sum::<usize>() as u64;
    assert_eq!(d[0].origin.offset, Some(off0));
    let off1 = data.len() as u64 - records.last().unwrap().len() as u64;
    assert_eq!(d[1].origin.offset, Some(off1));
    assert!(data[off1 as usize..].starts_with(b"WARC/1.1\r\nWARC-Type: response"));
}

#[test]
fn gzip_members_are_located_by_file_offset() {
    let records = crawl();
    let (data, offsets) = gzip_members(&records);
    let items = read_all(data, Limits::default());
    let d = docs(&items);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].origin.offset, Some(offsets[2]));
    assert_eq!(d[1].origin.offset, Some(offsets[9]));
    assert_eq!(d[0].bytes, PAGE);
}

#[test]
fn warc_1_0_angle_bracket_uris_and_resource_records() {
    let mut r = html_response("<http://old.example/x>", "2008-01-01T00:00:00Z", PAGE);
    r[..10].copy_from_slice(b"WARC/1.0\r\n");
    let resource = record(
        "resource",
        &[("WARC-Target-URI", "file:///saved/page.html"), ("Content-Type", "text/html")],
        PAGE,
    );
    let items = read_all([r, resource].concat(), Limits::default());
    let d = docs(&items);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].uri.as_deref(), Some("http://old.example/x"));
    assert_eq!(d[1].uri.as_deref(), Some("file:///saved/page.html"));
    assert_eq!(d[1].content_type.as_deref(), Some("text/html"));
}

#[test]
fn chunked_and_gzip_encoded_payloads_are_decoded() {
    let gz = gzip(PAGE);
    let mut chunked = Vec::new();
    for part in gz.chunks(50) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let block = http(
        "200 OK",
        &[
            ("Content-Type", "text/html"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Encoding", "gzip"),
        ],
        &chunked,
    );
    let r = record("response", &[("WARC-Target-URI", "https://x.example/")], &block);
    // Stored de-chunked and decoded, headers kept (common in crawls).
    let block2 = http(
        "200 OK",
        &[
            ("Content-Type", "text/html"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Encoding", "gzip"),
        ],
        PAGE,
    );
    let r2 = record("response", &[("WARC-Target-URI", "https://y.example/")], &block2);
    // No Content-Type: sniffed.
    let r3 = record("response", &[], &http("200 OK", &[], PAGE));
    let r4 = record("response", &[], &http("200 OK", &[], b"{\"json\": true}"));
    let r5 = record(
        "response",
        &[],
        &http(
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "zstd")],
            b"\x28\xb5\x2f\xfd\x00",
        ),
    );
    let items = read_all([r, r2, r3, r4, r5].concat(), Limits::default());
    let d = docs(&items);
    assert_eq!(d.len(), 3);
    assert!(d.iter().all(|d| d.bytes == PAGE));
    assert!(matches!(items[3], Ok(Item::Skipped(SkipReason::NotHtml))));
    assert!(matches!(items[4], Ok(Item::Skipped(SkipReason::UnsupportedEncoding))));
}

#[test]
fn garbage_between_records_is_reported_and_skipped() {
    let mut data = html_response("https://a.example/", "2024-01-01T00:00:00Z", PAGE);
    data.extend_from_slice(b"this is not a record\r\nneither is this\r\n");
    data.extend_from_slice(&html_response("https://b.example/", "2024-01-01T00:00:00Z", PAGE));
    let items = read_all(data, Limits::default());
    assert_eq!(docs(&items).len(), 2);
    let errs: Vec<_> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert_eq!(errs.len(), 1);
    match errs[0] {
        IngestError::Warc { at, problem: WarcProblem::Garbage { skipped } } => {
            assert_eq!(*skipped, 39);
            assert!(at.offset.is_some());
        }
        other => panic!("{other}"),
    }
    assert!(errs[0].to_string().starts_with("test.warc@"), "{}", errs[0]);
}

#[test]
fn wrong_content_length_drops_only_that_record() {
    let a = html_response("https://a.example/", "2024-01-01T00:00:00Z", PAGE);
    let block = http("200 OK", &[("Content-Type", "text/html")], PAGE);
    // Too long: the block would swallow the start of the next record.
    let too_long = record_with_length(
        "response",
        &[("WARC-Target-URI", "https://long/")],
        &block,
        block.len() + 40,
    );
    let b = html_response("https://b.example/", "2024-01-01T00:00:00Z", PAGE);
    // Too short: the block ends inside the page.
    let too_short = record_with_length(
        "response",
        &[("WARC-Target-URI", "https://short/")],
        &block,
        block.len() - 10,
    );
    let c = html_response("https://c.example/", "2024-01-01T00:00:00Z", PAGE);
    let items = read_all([a, too_long, b, too_short, c].concat(), Limits::default());
    let uris: Vec<_> = docs(&items).iter().map(|d| d.uri.clone().unwrap()).collect();
    assert_eq!(uris, ["https://a.example/", "https://b.example/", "https://c.example/"]);
    let problems: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Err(IngestError::Warc { problem, .. }) => Some(problem.clone()),
            _ => None,
        })
        .collect();
    // Each bad record is reported once; the search for the next record starts inside the bad
    // one's block (too long: the next record is there) and passes the rest silently.
    assert_eq!(problems, [WarcProblem::MissingTerminator, WarcProblem::MissingTerminator]);
}

#[test]
fn bad_headers_are_reported_and_skipped() {
    let a = html_response("https://a.example/", "2024-01-01T00:00:00Z", PAGE);
    let mut bad = html_response("https://bad/", "2024-01-01T00:00:00Z", PAGE);
    let pos = bad.windows(9).position(|w| w == b"WARC-Date").unwrap();
    bad.splice(pos..pos, b"no colon here\r\n".iter().copied());
    let mut nolen = html_response("https://nolen/", "2024-01-01T00:00:00Z", PAGE);
    let pos = nolen.windows(15).position(|w| w == b"Content-Length:").unwrap();
    nolen[pos..pos + 15].copy_from_slice(b"Content-Lengt: ");
    let mut nan = html_response("https://nan/", "2024-01-01T00:00:00Z", PAGE);
    let pos = nan.windows(16).position(|w| w == b"Content-Length: ").unwrap();
    nan[pos + 16] = b'x';
    let b = html_response("https://b.example/", "2024-01-01T00:00:00Z", PAGE);
    let items = read_all([a, bad, nolen, nan, b].concat(), Limits::default());
    let uris: Vec<_> = docs(&items).iter().map(|d| d.uri.clone().unwrap()).collect();
    assert_eq!(uris, ["https://a.example/", "https://b.example/"]);
    let problems: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Err(IngestError::Warc { problem, .. }) => Some(problem.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(problems[0], WarcProblem::BadHeader { line: "no colon here".into() });
    assert_eq!(problems[1], WarcProblem::BadContentLength { value: None });
    assert!(
        matches!(&problems[2], WarcProblem::BadContentLength { value: Some(v) } if v.starts_with('x')),
        "{problems:?}"
    );
}

#[test]
fn truncated_plain_warc_reports_the_record() {
    let a = html_response("https://a.example/", "2024-01-01T00:00:00Z", PAGE);
    let b = html_response("https://b.example/", "2024-01-01T00:00:00Z", PAGE);
    let mut data = [a.clone(), b].concat();
    data.truncate(a.len() + 300);
    let items = read_all(data, Limits::default());
    assert_eq!(docs(&items).len(), 1);
    match items.last().unwrap() {
        Err(IngestError::Warc { at, problem: WarcProblem::Truncated { .. } }) => {
            assert_eq!(at.offset, Some(a.len() as u64));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn truncated_gzip_reports_the_member() {
    let records = vec![
        warcinfo(),
        html_response("https://a.example/", "2024-01-01T00:00:00Z", PAGE),
        html_response("https://b.example/", "2024-01-01T00:00:00Z", PAGE),
    ];
    let (mut data, offsets) = gzip_members(&records);
    data.truncate(data.len() - 20);
    let items = read_all(data, Limits::default());
    assert_eq!(docs(&items).len(), 1);
    let errs: Vec<_> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    match errs[0] {
        IngestError::TruncatedGzip { at } => assert_eq!(at.offset, Some(offsets[2])),
        other => panic!("{other}"),
    }
}

#[test]
fn corrupt_gzip_member_resumes_at_the_next() {
    let records: Vec<Vec<u8>> = (0..4)
        .map(|i| html_response(&format!("https://n.example/{i}"), "2024-01-01T00:00:00Z", PAGE))
        .collect();
    let (mut data, offsets) = gzip_members(&records);
    // Damage the deflate data of member 1.
    let mid = (offsets[1] + 20) as usize;
    for b in &mut data[mid..mid + 12] {
        *b ^= 0x5a;
    }
    // And put stray bytes between members 2 and 3.
    let stray = offsets[3] as usize;
    data.splice(stray..stray, b"JUNK".iter().copied());
    let items = read_all(data, Limits::default());
    let uris: Vec<_> = docs(&items).iter().map(|d| d.uri.clone().unwrap()).collect();
    assert_eq!(uris, ["https://n.example/0", "https://n.example/2", "https://n.example/3"]);
    let errs: Vec<String> =
        items.iter().filter_map(|i| i.as_ref().err()).map(|e| e.to_string()).collect();
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs[0].starts_with(&format!("test.warc@{}: corrupt gzip", offsets[1])), "{errs:?}");
    assert!(errs[1].contains("4 bytes between gzip members"), "{errs:?}");
}

#[test]
fn empty_and_binary_inputs() {
    let items = read_all(Vec::new(), Limits::default());
    assert!(matches!(&items[..], [Err(IngestError::Empty { .. })]), "{items:?}");
    let items = read_all(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(), Limits::default());
    assert!(
        matches!(
            &items[..],
            [Err(IngestError::Warc { problem: WarcProblem::Garbage { skipped: 16 }, .. })]
        ),
        "{items:?}"
    );
    // Blank lines only: not a record, nothing to report beyond emptiness of content.
    let items = read_all(b"\r\n\r\n".to_vec(), Limits::default());
    assert!(items.is_empty(), "{items:?}");
}

#[test]
fn document_cap_skips_the_record_and_goes_on() {
    let big = vec![b'x'; 5000];
    let mut page = b"<html><body>".to_vec();
    page.extend_from_slice(&big);
    let records = [
        html_response("https://big/", "2024-01-01T00:00:00Z", &page),
        html_response("https://small/", "2024-01-01T00:00:00Z", PAGE),
    ];
    let limits = Limits { max_document_bytes: 1000, ..Limits::default() };
    let items = read_all(records.concat(), limits);
    assert_eq!(docs(&items).len(), 1);
    match &items[0] {
        Err(IngestError::LimitExceeded { at, limit: 1000, size: Some(5012), .. }) => {
            assert_eq!(at.offset, Some(0))
        }
        other => panic!("{other:?}"),
    }
    // A gzip bomb in the payload is capped after decoding too.
    let bomb = gzip(&vec![b' '; 100_000]);
    let block =
        http("200 OK", &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")], &bomb);
    let items = read_all(record("response", &[], &block), limits);
    assert!(matches!(&items[..], [Err(IngestError::LimitExceeded { .. })]), "{items:?}");
}

#[test]
fn header_cap() {
    let long = "v".repeat(2000);
    let r = record(
        "response",
        &[("X-Long", &long)],
        &http("200 OK", &[("Content-Type", "text/html")], PAGE),
    );
    let ok = html_response("https://ok/", "2024-01-01T00:00:00Z", PAGE);
    let limits = Limits { max_header_bytes: 1024, ..Limits::default() };
    let items = read_all([r, ok].concat(), limits);
    assert!(matches!(&items[0], Err(IngestError::LimitExceeded { .. })), "{items:?}");
    assert_eq!(docs(&items).len(), 1);
}

/// A 200 MB page streams past under the default cap without being held in memory.
#[test]
fn a_200_mb_page_is_refused_without_being_read_into_memory() {
    const SIZE: u64 = 200 << 20;
    let head = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://huge/\r\nContent-Length: {}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        SIZE + 44
    );
    let tail =
        [b"\r\n\r\n".to_vec(), html_response("https://after/", "2024-01-01T00:00:00Z", PAGE)]
            .concat();
    let reader = std::io::Cursor::new(head.into_bytes())
        .chain(std::io::repeat(b'a').take(SIZE))
        .chain(std::io::Cursor::new(tail));
    let items: Vec<_> = WarcReader::new(reader, "huge.warc", Limits::default()).unwrap().collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        matches!(&items[0], Err(IngestError::LimitExceeded { size: Some(SIZE), .. })),
        "{items:?}"
    );
    assert_eq!(docs(&items)[0].uri.as_deref(), Some("https://after/"));
}

/// Same items for every split of the input into reads.
#[test]
fn chunking_independence() {
    let mut records = crawl();
    records.insert(3, b"garbage line\r\n".to_vec());
    let block = http("200 OK", &[("Content-Type", "text/html")], PAGE);
    records.insert(5, record_with_length("response", &[], &block, block.len() + 7));
    // Larger than the readers' buffers, so the unbuffered path for big payloads runs too.
    let mut big = b"<html><body>".to_vec();
    for i in 0..20_000 {
        big.extend_from_slice(format!("<p>{i}</p>").as_bytes());
    }
    records.insert(6, html_response("https://big.example/", "2024-01-01T00:00:00Z", &big));
    let plain = records.concat();
    let (gz, offsets) = gzip_members(&records);
    // Damaged gzip: a corrupt member in the middle of the big page, stray bytes, a cut tail.
    let mut damaged = gz.clone();
    let big = offsets[6] as usize + 2000;
    for b in &mut damaged[big..big + 8] {
        *b = !*b;
    }
    damaged.splice(offsets[8] as usize..offsets[8] as usize, b"??".iter().copied());
    damaged.truncate(damaged.len() - 25);
    for (name, data) in [("plain", plain), ("gzip", gz), ("damaged gzip", damaged)] {
        let reference = dump(
            WarcReader::new(std::io::Cursor::new(data.clone()), "t", Limits::default()).unwrap(),
        );
        let docs = reference.iter().filter(|l| l.starts_with("doc")).count();
        assert_eq!(docs, if name == "damaged gzip" { 1 } else { 3 }, "{reference:#?}");
        for seed in 0..40u64 {
            let max = [1, 2, 3, 7, 64, 4096, 100_000][seed as usize % 7];
            let reader = Chunky::new(data.clone(), 0xA11A_0000 + seed, max);
            let got = dump(WarcReader::new(reader, "t", Limits::default()).unwrap());
            assert_eq!(got, reference, "{name}: seed {seed}, reads of 1..={max} bytes");
        }
    }
}
