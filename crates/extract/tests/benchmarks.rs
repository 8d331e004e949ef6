//! Quality suites on the two public extraction benchmarks (run in release mode by the
//! project's test command); each asserts its floor from `ci/floors.txt`.

use extract::eval::{self, DateVerdict, Gold, SnippetCounts};
use model::{ContentHash, DatePrecision, Hints, Origin, RawDocument};

/// The suites take minutes unoptimised; the project runs them with `cargo test --release`.
fn release_only() -> bool {
    if cfg!(debug_assertions) {
        eprintln!(
            "note: extraction quality suites run only in release builds (cargo test --release)"
        );
        return false;
    }
    true
}

fn raw(p: &eval::Page) -> RawDocument {
    RawDocument {
        origin: Origin { input: p.id.clone(), ..Default::default() },
        uri: Some(p.url.clone()),
        fetched: None,
        content_type: None,
        hash: ContentHash(p.id.clone()),
        bytes: p.html.clone(),
        hints: Hints::default(),
    }
}

#[test]
fn scrapinghub_body_f1() {
    if !release_only() {
        return;
    }
    let Some(dir) = testdata::shared("data/scrapinghub-article-extraction-benchmark") else {
        return;
    };
    let pages = eval::load_scrapinghub(&dir).unwrap();
    assert_eq!(pages.len(), 181);
    let opts = extract::Options::default();
    let outs: Vec<String> = pages
        .iter()
        .map(|p| extract::extract(&raw(p), &opts).map(|e| e.article.text).unwrap_or_default())
        .collect();
    let s = eval::score_scrapinghub(outs.iter().zip(&pages).map(|(o, p)| {
        let Gold::Body(g) = &p.gold else { unreachable!("scrapinghub gold is a body") };
        (o.as_str(), g.as_str())
    }));
    println!("scrapinghub P {:.4} R {:.4}", s.precision, s.recall);
    testdata::assert_floor("extract.scrapinghub.f1", s.f1);
}

#[test]
fn trafilatura_eval_snippets_and_dates() {
    if !release_only() {
        return;
    }
    let Some(dir) = testdata::shared("data/trafilatura-eval") else { return };
    let pages = eval::load_trafilatura_eval(&dir).unwrap();
    assert_eq!(pages.len(), 990);
    let opts = extract::Options::default();
    let mut counts = SnippetCounts::default();
    let (mut dated, mut right, mut day_dates, mut unsupported) = (0usize, 0usize, 0usize, 0usize);
    for p in &pages {
        let Gold::Snippets { with, without, date } = &p.gold else { unreachable!() };
        let art = extract::extract(&raw(p), &opts).ok().map(|e| e.article);
        counts.add(art.as_ref().map_or("", |a| a.text.as_str()), with, without);
        let published = art.as_ref().and_then(|a| a.published.as_ref());
        if let Some(pb) = published {
            if matches!(
                pb.precision,
                DatePrecision::Day | DatePrecision::Minute | DatePrecision::Second
            ) {
                day_dates += 1;
                if !eval::day_is_supported(pb, &p.url, &eval::decoded_page(&p.html, Some(&p.url))) {
                    unsupported += 1;
                    println!("day not shown by the page: {} {}", pb.value, p.url);
                }
            }
        }
        if let Some(g) = date.as_deref().filter(|g| g.len() == 10 && g.as_bytes()[7] == b'-') {
            dated += 1;
            right += usize::from(eval::date_verdict(published, g) == DateVerdict::Right);
        }
    }
    let s = counts.prf();
    println!("trafilatura-eval P {:.4} R {:.4}; dates right {right}/{dated}; unsupported days {unsupported}/{day_dates}", s.precision, s.recall);
    testdata::assert_floor("extract.trafilatura_eval.f1", s.f1);
    testdata::assert_floor("extract.trafilatura_eval.date_accuracy", right as f64 / dated as f64);
    testdata::assert_floor(
        "extract.trafilatura_eval.days_shown_share",
        1.0 - unsupported as f64 / day_dates.max(1) as f64,
    );
}

/// For every paragraph of every ScrapingHub page (UTF-8 pages, so raw bytes are text), the
/// HTML region the map points at must start with the paragraph's first word.
#[test]
fn html_map_points_back_into_the_page() {
    if !release_only() {
        return;
    }
    let Some(dir) = testdata::shared("data/scrapinghub-article-extraction-benchmark") else {
        return;
    };
    let pages = eval::load_scrapinghub(&dir).unwrap();
    let opts = extract::Options::default();
    let (mut paras, mut hits) = (0usize, 0usize);
    for p in &pages {
        let Ok(ex) = extract::extract(&raw(p), &opts) else { continue };
        let a = &ex.article;
        for sp in &a.paragraphs {
            paras += 1;
            let para = sp.slice(&a.text).expect("paragraph span slices the text");
            let first = para.split_whitespace().next().unwrap_or("");
            let Some(h) = a.html_offset(sp.start) else { continue };
            let region =
                &p.html[(h as usize).min(p.html.len())..(h as usize + 400).min(p.html.len())];
            if String::from_utf8_lossy(region).starts_with(first) {
                hits += 1;
            }
        }
    }
    println!("html_map: {hits}/{paras} paragraphs map to their first word");
    testdata::assert_floor("extract.html_map.first_word_share", hits as f64 / paras as f64);
}
