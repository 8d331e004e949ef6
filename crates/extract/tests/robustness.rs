//! Hostile and broken input: every case gives an article with a diagnostic or a typed error,
//! in bounded time, never a panic.

use extract::{extract, DiagnosticKind, ExtractError, Options};
use model::{ContentHash, Hints, Origin, RawDocument};
use std::time::Instant;

fn doc(bytes: Vec<u8>) -> RawDocument {
    RawDocument {
        origin: Origin { input: "test.html".into(), ..Default::default() },
        uri: Some("https://news.example.org/2009/01/20/story.html".into()),
        fetched: None,
        content_type: None,
        hash: ContentHash("t".into()),
        bytes,
        hints: Hints::default(),
    }
}

const ARTICLE: &str = "<p>Iraqi security forces took over the camp on Tuesday, officials in Baghdad said, after weeks of talks with the residents and the United Nations mission.</p>";

#[test]
fn hundred_thousand_nested_elements_fall_back_to_streaming() {
    let html = "<div>".repeat(100_000) + ARTICLE + &"</div>".repeat(100_000);
    let t = Instant::now();
    let ex = extract(&doc(html.into_bytes()), &Options::default()).unwrap();
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    assert!(ex.diagnostics.iter().any(|d| d.kind == DiagnosticKind::DepthLimit));
    assert!(ex.article.text.contains("Iraqi security forces took over the camp"));
    assert!(ex.article.extractor.ends_with("+streaming"));
}

#[test]
fn too_many_elements_fall_back_to_streaming() {
    let html = "<span>a</span>".repeat(250_000) + ARTICLE;
    let ex = extract(&doc(html.into_bytes()), &Options::default()).unwrap();
    assert!(ex.diagnostics.iter().any(|d| d.kind == DiagnosticKind::ElementLimit));
}

#[test]
fn a_200_mb_page_is_refused_before_any_work() {
    let big = vec![b'a'; 200 << 20];
    let t = Instant::now();
    match extract(&doc(big), &Options::default()) {
        Err(ExtractError::TooLarge { size, limit }) => assert!(size > limit),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert!(t.elapsed().as_secs() < 2);
}

#[test]
fn empty_and_binary_inputs_are_typed_errors() {
    assert!(matches!(extract(&doc(Vec::new()), &Options::default()), Err(ExtractError::Empty)));
    assert!(matches!(
        extract(&doc(b" \n\t ".to_vec()), &Options::default()),
        Err(ExtractError::Empty)
    ));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    assert!(matches!(
        extract(&doc(png), &Options::default()),
        Err(ExtractError::Binary { offset: 8 })
    ));
}

#[test]
fn lying_charset_still_gives_clean_text_and_a_map_into_the_raw_bytes() {
    // Declared UTF-8, written in windows-1252.
    let mut html =
        b"<html><head><meta charset=\"utf-8\"><title>Stra\xdfe</title></head><body><article>"
            .to_vec();
    for _ in 0..6 {
        html.extend_from_slice(b"<p>Die Stra\xdfe nach K\xf6ln wurde am Dienstag f\xfcr den Verkehr gesperrt, teilte die Polizei mit, nachdem ein Lastwagen umgekippt war.</p>");
    }
    html.extend_from_slice(b"</article></body></html>");
    let ex = extract(&doc(html.clone()), &Options::default()).unwrap();
    assert!(
        ex.diagnostics.iter().any(|d| d.kind == DiagnosticKind::CharsetConflict),
        "{:?}",
        ex.diagnostics
    );
    let a = &ex.article;
    assert!(a.text.contains("Die Straße nach Köln"), "{}", a.text);
    assert_eq!(a.language.as_deref(), Some("de"));
    for p in &a.paragraphs {
        let h = a.html_offset(p.start).expect("mapped") as usize;
        assert!(
            html[h..].starts_with(b"Die Stra"),
            "paragraph maps to {:?}",
            String::from_utf8_lossy(&html[h..h + 20])
        );
    }
}

#[test]
fn truncated_and_malformed_pages_never_panic() {
    let cases: Vec<Vec<u8>> = vec![
        b"<html><body><p>cut here".to_vec(),
        b"<p>a</b></i></p></div></div><<>>&&#;&#x;".to_vec(),
        b"<script>never closed".to_vec(),
        b"<!-- never closed comment".to_vec(),
        b"<meta charset=\"x-unknown\"><p>caf\xe9</p>".to_vec(),
        b"\xef\xbb\xbf<p>BOM page</p>".to_vec(),
        b"<b><i><b><i><b><i>".repeat(5000),
        "<table>".repeat(3000).into_bytes(),
        b"<p>\xff\xfe\xfd</p>".to_vec(),
    ];
    for c in cases {
        let _ = extract(&doc(c), &Options::default());
    }
}

#[test]
fn spans_slice_and_paragraphs_join_with_blank_lines() {
    let html = format!(
        "<html><head><title>Camp handed over | Example News</title><meta property=\"og:site_name\" content=\"Example News\"></head><body><nav>Home News Sport</nav><article><h1>Camp handed over</h1>{ARTICLE}{ARTICLE}</article><footer>© Example</footer></body></html>"
    );
    let ex = extract(&doc(html.into_bytes()), &Options::default()).unwrap();
    let a = &ex.article;
    assert_eq!(a.title.as_deref(), Some("Camp handed over"));
    assert_eq!(a.outlet.as_deref(), Some("Example News"));
    let p = a.published.as_ref().unwrap();
    assert_eq!((p.value.as_str(), p.precision), ("2009-01-20", model::DatePrecision::Day));
    let parts: Vec<&str> = a.paragraphs.iter().map(|s| s.slice(&a.text).unwrap()).collect();
    assert_eq!(parts.join("\n\n"), a.text);
    assert!(!a.text.contains("Home News Sport") && !a.text.contains("© Example"));
}

/// Every HTML map point, read back from the ORIGINAL bytes with the page's encoding, is the
/// character (or the `&` of the entity) the body has at that offset: for a BOM page with broken
/// UTF-8 sequences, and for a windows-1252 page whose accented letters grow when transcoded.
#[test]
fn html_map_points_at_the_original_bytes_for_bom_and_transcoded_pages() {
    let para = |accent: &[u8], broken: &[u8]| -> Vec<u8> {
        [
            &b"<p>Negotiators met in Gen"[..],
            accent,
            b"ve on Tuesday &amp; agreed ",
            broken,
            b"to meet again, officials said after the talks, which lasted well into the night and ended with a joint statement.</p>",
        ]
        .concat()
    };
    let page = |head: &[u8], accent: &[u8], broken: &[u8]| -> Vec<u8> {
        let mut html = head.to_vec();
        html.extend_from_slice(b"<html><body><article>");
        for _ in 0..5 {
            html.extend(para(accent, broken));
        }
        html.extend_from_slice(b"</article></body></html>");
        html
    };
    let cases = [
        (page(b"\xef\xbb\xbf", "è".as_bytes(), b"\xd8 \xe2\x82 "), encoding_rs::UTF_8),
        (
            page(b"<meta charset=windows-1252>", b"\xe8", b"\x93quoted\x94 "),
            encoding_rs::WINDOWS_1252,
        ),
    ];
    for (html, enc) in cases {
        let ex = extract(&doc(html.clone()), &Options::default()).unwrap();
        let a = &ex.article;
        assert!(a.text.contains("Genève on Tuesday & agreed"), "{}", a.text);
        assert!(a.html_map.len() >= a.paragraphs.len(), "{:?}", a.html_map);
        for m in &a.html_map {
            assert!(m.html as usize <= html.len(), "{m:?} past the page");
            let ch = a.text[m.text as usize..].chars().next().unwrap();
            let at = m.html as usize;
            let (here, _) = enc.decode_without_bom_handling(&html[at..(at + 4).min(html.len())]);
            assert!(
                here.starts_with(ch) || here.starts_with('&'),
                "{} {m:?}: {ch:?} vs {here:?}",
                enc.name()
            );
        }
        for p in &a.paragraphs {
            let h = a.html_offset(p.start).unwrap() as usize;
            assert!(html[h..].starts_with(b"Negotiators"), "{}", enc.name());
        }
    }
}

#[test]
fn a_short_page_keeps_its_paragraph_breaks() {
    // A page this short goes through the engine's baseline pass, which ran the article's
    // blocks together: "…kills fiveBy Jane Reporter2024-03-05Israeli…witnesses.Hamas…".
    let page = r#"<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Jenin raid kills five | Al Jazeera</title></head><body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<article><h1>Jenin raid kills five</h1><p class="byline">By Jane Reporter</p><time datetime="2024-03-05">2024-03-05</time><p>Israeli soldiers attacked the Jenin camp on Monday, killing five Palestinians, according to local witnesses.</p><p>Hamas condemned the raid.</p>
<p>Sign up for our newsletter to get the latest news.</p></article><footer>Copyright 2024 Example Media.</footer></body></html>"#;
    let a = extract(&doc(page.as_bytes().to_vec()), &Options::default()).unwrap().article;
    assert!(!a.text.contains("witnesses.Hamas"), "{:?}", a.text);
    assert!(!a.text.contains("fiveBy"), "{:?}", a.text);
    assert!(a.text.contains("Israeli soldiers attacked the Jenin camp"), "{:?}", a.text);
    assert!(a.text.contains("local witnesses.\n\nHamas condemned the raid."), "{:?}", a.text);
    for p in &a.paragraphs {
        assert!(!a.text[p.start as usize..p.end as usize].is_empty());
    }
}
