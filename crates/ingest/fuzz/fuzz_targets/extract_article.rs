//! Shared by the extraction fuzz targets: runs `extract::extract` on arbitrary bytes and
//! checks the article's span contracts.

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
    for m in &a.html_map {
        assert!((m.text as usize) <= a.text.len(), "html map points into the text");
        assert!((m.html as usize) <= data.len(), "html map points into the page");
    }
}
