//! Golden test on the founding article (`shared/seed/mko-plot-2009.txt`) read as a plain-text
//! news item: every field the issue names, and the span contract.

use model::{ContentHash, DatePrecision, DateSource, Hints, Origin, RawDocument};

#[test]
fn seed_item_fields() {
    let Some(path) = testdata::shared("seed/mko-plot-2009.txt") else { return };
    let bytes = std::fs::read(&path).unwrap();
    let doc = RawDocument {
        origin: Origin { input: path.display().to_string(), ..Default::default() },
        uri: None,
        fetched: None,
        content_type: None,
        hash: ContentHash("seed".into()),
        bytes,
        hints: Hints { plain_text: true, ..Default::default() },
    };
    let ex = extract::extract(&doc, &extract::Options::default()).unwrap();
    let a = &ex.article;
    assert_eq!(a.title.as_deref(), Some("MKO plot on Iraq security center fails"));
    assert_eq!(a.outlet.as_deref(), Some("PressTV"));
    let p = a.published.as_ref().unwrap();
    assert_eq!(
        (p.value.as_str(), p.precision, p.source),
        ("2009-01-20", DatePrecision::Day, DateSource::SourceLine)
    );
    assert_eq!(
        a.url.as_deref(),
        Some("http://www.presstv.ir/detail.aspx?id=83055&sectionid=351020201")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a.text.starts_with(
        "Iraqi security forces are in charge of the MKO training center at Camp Ashraf."
    ));
    assert!(a.text.ends_with("former Iraqi dictator Saddam Hussein."));
    for junk in
        ["Related posts", "Stockholm", "WHAT IS THE MEK", "Trial of 104", "PressTV", "presstv.ir"]
    {
        assert!(!a.text.contains(junk), "{junk} leaked into the body");
    }
    assert_eq!(a.paragraphs.len(), 11);
    for (i, sp) in a.paragraphs.iter().enumerate() {
        let para = sp.slice(&a.text).expect("paragraph span slices the text");
        assert!(!para.is_empty() && !para.contains('\n'), "paragraph {i}: {para:?}");
    }
    let joined: Vec<&str> = a.paragraphs.iter().map(|s| s.slice(&a.text).unwrap()).collect();
    assert_eq!(joined.join("\n\n"), a.text);
    assert_eq!(a.paragraphs[10].slice(&a.text).unwrap(), "The MKO was also involved in the massacre of Iraqis under the Ba’athist regime of former Iraqi dictator Saddam Hussein.");
    assert!(a.html_map.is_empty(), "plain text has no HTML to map back to");
    assert_eq!(a.text_hash.0.len(), 64);
    assert!(a.extractor.starts_with("annalist-extract/"));
}
