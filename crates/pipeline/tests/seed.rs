//! The founding article (`../shared/seed/mko-plot-2009.txt`) through the whole pipeline:
//! the events issue #5 requires, with the provenance issue #6 requires.
//!
//! Each requirement is checked by a predicate over the coded events; requirements not met
//! yet are asserted as unmet with a FIXME, so this test fails (and must be updated) the day
//! one starts to pass.

use model::{Event, Modality};
use pipeline::Engine;

fn engine() -> Engine {
    pipeline::eval::builtin_engine().expect("engine")
}

fn text_of<'a>(text: &'a str, e: &Event) -> &'a str {
    e.trigger.slice(text).unwrap_or("")
}

#[test]
fn seed_article_events_and_provenance() {
    let Some(path) = testdata::shared("seed/mko-plot-2009.txt") else { return };
    let bytes = std::fs::read(&path).unwrap();
    let raw = model::RawDocument {
        origin: model::Origin { input: path.display().to_string(), offset: None, line: None },
        uri: None,
        fetched: None,
        content_type: None,
        hash: model::ContentHash("seed".into()),
        bytes,
        hints: model::Hints { plain_text: true, ..Default::default() },
    };
    let coded = engine().code_raw(&raw).unwrap();
    let text = &coded.article.text;
    println!(
        "{} sentences, {} bytes, diagnostics {:?}",
        coded.sentences.len(),
        text.len(),
        coded.diagnostics
    );
    for e in &coded.events {
        let src: Vec<_> = e.sources.iter().map(|a| a.code.as_str()).collect();
        let tgt: Vec<_> = e.targets.iter().map(|a| a.code.as_str()).collect();
        let chain: Vec<_> = e.attribution.chain.iter().map(|l| l.text.as_str()).collect();
        println!(
            "{:>4} {:<12} {:?} -> {:?} {:?} hist={} chain={:?}",
            e.code,
            text_of(text, e),
            src,
            tgt,
            e.modality,
            e.historical,
            chain
        );
    }
    for q in &coded.quotes {
        println!("quote {:?} speaker {:?}", q.text, q.speaker.as_ref().map(|s| &s.text));
    }
    let has = |pred: &dyn Fn(&Event) -> bool| coded.events.iter().any(pred);
    let src = |e: &Event, c: &str| e.sources.iter().any(|a| a.code.starts_with(c));
    let tgt = |e: &Event, c: &str| e.targets.iter().any(|a| a.code.starts_with(c));

    // Nothing from the "Related posts" block or the source line.
    assert!(
        !text.contains("Related posts") && !text.contains("WHAT IS THE MEK"),
        "page junk in the body"
    );

    let checks: Vec<(&str, bool)> = vec![
        (
            "08 surrender to Iraqi forces",
            has(&|e| {
                e.root == "08"
                    && ["turned", "surrendered"].iter().any(|w| text_of(text, e).starts_with(w))
            }),
        ),
        (
            "18 suicide attack, not asserted",
            has(&|e| {
                e.root == "18"
                    && text_of(text, e).contains("attack")
                    && e.modality != Modality::Asserted
            }),
        ),
        (
            "13 al-Maliki (IRQGOV) vows to expel",
            has(&|e| e.root == "13" && src(e, "IRQGOV") && e.modality == Modality::Threatened),
        ),
        ("11 al-Maliki denounces the MKO", has(&|e| e.root == "11" && src(e, "IRQ"))),
        (
            "16/17 designation (United States among the designators)",
            has(&|e| (e.root == "16" || e.root == "17") && text_of(text, e).contains("blacklist")),
        ),
        (
            "18/19 early-1980s attacks, historical",
            has(&|e| {
                (e.root == "18" || e.root == "19") && text_of(text, e) == "targeted" && e.historical
            }),
        ),
        (
            "18/19 1988 invasion attempt, historical",
            has(&|e| {
                (e.root == "18" || e.root == "19")
                    && e.historical
                    && e.modality == Modality::Attempted
            }),
        ),
        (
            "20 the MKO's massacre of Iraqis, historical",
            has(&|e| e.root == "20" && e.historical && src(e, "IRNREB") && tgt(e, "IRQ")),
        ),
        ("MKO member is the surrendering source", has(&|e| e.root == "08" && src(e, "IRNREB"))),
        (
            "Maliki's words are a quote attributed to him",
            coded
                .quotes
                .iter()
                .any(|q| q.speaker.as_ref().is_some_and(|s| s.text.contains("Maliki"))),
        ),
        (
            "suicide attack attributed PressTV > Mehr > the would-be bomber",
            has(&|e| {
                e.root == "18"
                    && text_of(text, e).contains("attack")
                    && e.attribution.chain.len() >= 3
                    && e.attribution.chain[1].text.contains("Mehr")
            }),
        ),
        (
            "suicide attack targets Iraqi forces",
            has(&|e| e.root == "18" && text_of(text, e).contains("attack") && tgt(e, "IRQ")),
        ),
    ];
    let mut met = 0;
    for (name, ok) in &checks {
        println!("{} {name}", if *ok { "MET  " } else { "UNMET" });
        met += usize::from(*ok);
    }
    println!("seed requirements met: {met}/{}", checks.len());
    testdata::assert_floor("seed.requirements_met", met as f64);
}
