//! Development aid for event places: codes provenance gold articles given on the command line
//! (the dev part only — never the held-out part) and prints every predicted event with its
//! root, modality and location beside the gold place lines, and with `--lookup NAME` the
//! gazetteer's readings of a name. `ALL_ERRORS=1` lists every field's errors.
//!
//! `cargo run --release -p pipeline --example gold_places -- tests/data/provenance/dev/3*.txt`

use pipeline::eval::predict;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--lookup") {
        let gaz = geo::Gazetteer::shared().expect("gazetteer");
        for name in &args[1..] {
            for c in gaz.lookup(name) {
                if let Some(p) = gaz.place(c.place) {
                    println!(
                        "{name}: {} {:?} {} {} pop {}",
                        p.name, p.kind, p.feature_code, p.country, p.population
                    );
                }
            }
        }
        return;
    }
    if args.iter().any(|a| pipeline::eval::is_heldout(a)) {
        eprintln!("the held-out part is never inspected");
        std::process::exit(2);
    }
    let engine = pipeline::eval::builtin_engine().expect("engine");
    let mut report = provenance::score::Report::default();
    for path in &args {
        let text = std::fs::read_to_string(path).expect("read");
        let g = provenance::gold::parse(path, &text, None).expect("gold");
        let p = predict(&engine, &g);
        provenance::score::score_article(&g, &p, &mut report);
        if std::env::var_os("PARSES").is_some() {
            print_parses(&engine, &g);
        }
        println!("## {path}");
        for ev in &p.events {
            let trig = ev.trigger.slice(&p.text).unwrap_or("?");
            let loc = ev.location.as_ref().map_or("-".to_string(), |l| {
                format!("{}/{}/{:?}", l.name, l.country.as_deref().unwrap_or("?"), l.precision)
            });
            let code =
                |a: &[model::ActorRef]| a.first().map_or("-".to_string(), |a| a.code.clone());
            let chain: Vec<String> = ev
                .attribution
                .chain
                .iter()
                .map(|l| format!("{}@{}", l.text, l.actor.as_deref().unwrap_or("")))
                .collect();
            println!(
                "  pred {trig:<14} {} {:?} hist={} place {loc} s={} t={} chain={chain:?}",
                ev.root,
                ev.modality,
                ev.historical,
                code(&ev.sources),
                code(&ev.targets)
            );
        }
        for d in &p.denials {
            let claims: Vec<&str> = d.claims.iter().filter_map(|c| c.slice(&p.text)).collect();
            let denier = d.denier.as_ref().map_or("-", |l| l.text.as_str());
            println!("  deny {:<12} by {denier} -> {claims:?}", d.text);
        }
        for ge in &g.events {
            println!("  gold {:<14} {} {} place {:?}", ge.trigger, ge.root, ge.modality, ge.place);
        }
    }
    // `ALL_ERRORS=1` prints every field's errors, not only the places'.
    let all = std::env::var_os("ALL_ERRORS").is_some();
    for e in report.errors.iter().filter(|e| all || e.contains(": place")) {
        println!("{e}");
    }
    println!("{}", report.summary());
}

/// The sentences' dependency trees and the article's resolved toponyms (with `PARSES=1`).
fn print_parses(engine: &pipeline::Engine, g: &provenance::gold::GoldArticle) {
    let raw = pipeline::eval::raw_document(g);
    let Ok(c) = engine.code_raw(&raw) else { return };
    let gaz = geo::Gazetteer::shared().expect("gazetteer");
    let places = geo::ArticlePlaces::analyze(gaz, &c.article.text, &[]);
    for r in &places.resolved {
        let p = r.place.and_then(|p| gaz.place(p));
        println!(
            "  top {:?} metonym={} demonym={} hint={:?} -> {:?}",
            r.toponym.span.slice(&c.article.text),
            r.toponym.metonym,
            r.toponym.demonym,
            r.toponym.kind_hint,
            p.map(|p| (p.name, p.kind, p.country))
        );
    }
    for s in &c.sentences {
        println!("  --");
        for (i, t) in s.tokens.iter().enumerate() {
            println!("    {} {} {} {} {} {}", i + 1, t.form, t.lemma, t.upos, t.head, t.deprel);
        }
    }
    // Each event's attached phrases, as `geo::event_spans` reads them (assault reading).
    for ev in &c.events {
        let Some(s) = c.sentences.get(ev.sentence as usize) else { continue };
        let spans = geo::event_spans(s, ev.trigger, true);
        let shown: Vec<&str> = spans.iter().filter_map(|sp| sp.slice(&c.article.text)).collect();
        println!("  spans {:?}: {shown:?}", ev.trigger.slice(&c.article.text).unwrap_or("?"));
    }
}
