//! Inputs the extraction fuzzers (crates/ingest/fuzz: extract_html, extract_text) found, kept
//! in the normal suite. Each is run through `extract::extract` and the article's contracts are
//! checked: paragraph spans slice the text, the HTML map is sorted, inside the text, and
//! points into the page's bytes; on pages decoded as UTF-8 each map point lands on the
//! character it maps (or on the `&` of the entity it was decoded from).
//!
//! This lives with the binary because it is the crate that depends on both ingest (the fuzz
//! harness) and extract (the code under test).

use model::{Article, Hints, Origin, RawDocument};
use std::path::Path;

fn run(data: &[u8], plain_text: bool) -> Option<(Article, String)> {
    let doc = RawDocument {
        origin: Origin { input: "fuzz".into(), offset: None, line: None },
        uri: None,
        fetched: None,
        content_type: None,
        hash: ingest::content_hash(data),
        bytes: data.to_vec(),
        hints: Hints { plain_text, ..Hints::default() },
    };
    let opts = extract::Options { max_input_bytes: 1 << 20, ..extract::Options::default() };
    extract::extract(&doc, &opts).ok().map(|e| (e.article, e.encoding))
}

/// Contract violations of one article (decoded with `encoding`, from `page`), as messages.
fn violations(a: &Article, encoding: &str, page: &[u8]) -> Vec<String> {
    let page_len = page.len();
    let mut out = Vec::new();
    for p in &a.paragraphs {
        if p.slice(&a.text).is_none() {
            out.push(format!("paragraph {p:?} does not slice the text"));
        }
    }
    if a.html_map.windows(2).any(|w| w[0].text > w[1].text) {
        out.push("html map not sorted by text offset".into());
    }
    for m in &a.html_map {
        if m.text as usize > a.text.len() {
            out.push(format!("html map text offset {} past the text", m.text));
        }
        if m.html as usize > page_len {
            out.push(format!("html map offset {} past the page ({page_len} bytes)", m.html));
            continue;
        }
        let ch = a.text.get(m.text as usize..).and_then(|t| t.chars().next());
        if let (true, Some(ch)) = (encoding.starts_with("UTF-8"), ch) {
            let mut buf = [0u8; 4];
            let at = &page[m.html as usize..];
            if ch != '\u{FFFD}'
                && !at.starts_with(ch.encode_utf8(&mut buf).as_bytes())
                && !at.starts_with(b"&")
            {
                out.push(format!("html map point {m:?}: page does not start with {ch:?} there"));
            }
        }
    }
    out
}

fn case(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every saved input of one target, run through extraction: its violations, by input name.
fn check_all(target: &str, plain_text: bool) -> Vec<(String, Vec<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz").join(target);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let data = case(&format!("{target}/{name}"));
        if let Some((article, encoding)) = run(&data, plain_text) {
            out.push((name, violations(&article, &encoding, &data)));
        }
    }
    out
}

#[test]
fn extract_html_cases() {
    // `html-map-past-the-page.html`: a damaged `<meta charset=windows-1252>` after bytes above
    // 0x7F (sniffed as a multi-byte encoding whose lead bytes swallow ASCII trail bytes);
    // `html-map-past-the-page-bom.html`: a UTF-8 BOM page with invalid sequences. Both once
    // mapped body text past the end of the page.
    let results = check_all("extract_html", false);
    assert_eq!(results.len(), 2, "both pages give an article: {results:?}");
    for (name, found) in results {
        assert!(found.is_empty(), "{name}: {found:?}");
    }
}
