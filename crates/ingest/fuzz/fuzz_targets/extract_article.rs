//! Shared by the extraction fuzz targets: runs `extract::extract` on arbitrary bytes and
//! checks the article's span contracts, including the HTML map's: every point inside the
//! page, and on pages decoded as UTF-8 on the character it maps (or the `&` of its entity).

use model::{Hints, Origin, RawDocument};

pub fn check(data: &[u8], plain_text: bool) {
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
    let Ok(out) = extract::extract(&doc, &opts) else { return };
    let a = &out.article;
    assert_eq!(a.id, doc.hash, "the article's identity is the document's hash");
    for p in &a.paragraphs {
        assert!(p.slice(&a.text).is_some(), "paragraph span {p:?} slices the text");
    }
    for w in a.html_map.windows(2) {
        assert!(w[0].text <= w[1].text, "html map sorted by text offset");
    }
    let utf8 = out.encoding.starts_with("UTF-8");
    for m in &a.html_map {
        assert!((m.text as usize) <= a.text.len(), "html map points into the text");
        assert!((m.html as usize) <= data.len(), "html map points into the page");
        let Some(ch) = a.text.get(m.text as usize..).and_then(|t| t.chars().next()) else {
            continue;
        };
        if utf8 && ch != '\u{FFFD}' {
            let at = &data[m.html as usize..];
            let mut buf = [0u8; 4];
            assert!(
                at.starts_with(ch.encode_utf8(&mut buf).as_bytes()) || at.starts_with(b"&"),
                "html map point {m:?} lands on {ch:?} (or its entity)"
            );
        }
    }
}
