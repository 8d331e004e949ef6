//! Development aid for event dates, actors and attribution: codes provenance gold articles
//! given on the command line (the dev part only — never the held-out part) and prints every
//! predicted event with its code, actors, modality, chain and time (and the expression that
//! dated it) beside the gold event lines; with `PARSES=1` also each sentence's tree after the
//! pipeline's repairs.
//!
//! `cargo run --release -p pipeline --example gold_dates -- tests/data/provenance/dev/05*.txt`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| pipeline::eval::is_heldout(a)) {
        eprintln!("the held-out part is never inspected");
        std::process::exit(2);
    }
    let engine = pipeline::eval::builtin_engine().expect("engine");
    for path in &args {
        let text = std::fs::read_to_string(path).expect("read");
        let g = provenance::gold::parse(path, &text, None).expect("gold");
        let raw = pipeline::eval::raw_document(&g);
        let Ok(c) = engine.code_raw(&raw) else {
            println!("## {path}: not coded");
            continue;
        };
        let text = &c.article.text;
        println!("## {path}");
        if std::env::var_os("PARSES").is_some() {
            for s in &c.sentences {
                println!("  --");
                for (i, t) in s.tokens.iter().enumerate() {
                    println!(
                        "    {} {} {} {} {} {}",
                        i + 1,
                        t.form,
                        t.upos,
                        t.xpos,
                        t.head,
                        t.deprel
                    );
                }
            }
        }
        for ev in &c.events {
            let trig = ev.trigger.slice(text).unwrap_or("?");
            let codes = |a: &[model::ActorRef]| {
                a.iter().map(|x| x.code.as_str()).collect::<Vec<_>>().join(",")
            };
            let chain: Vec<&str> = ev.attribution.chain.iter().map(|l| l.text.as_str()).collect();
            let time = ev.time.as_ref().map_or("-".to_string(), |t| {
                format!(
                    "{}..{} {:?} {:?} {:?}",
                    t.start.as_deref().unwrap_or("?"),
                    t.end.as_deref().unwrap_or("?"),
                    t.precision,
                    t.basis,
                    t.span.and_then(|s| s.slice(text))
                )
            });
            println!(
                "  pred {trig:<14} {} {} -> {} {:?} hist={} chain={chain:?} time {time}",
                ev.code,
                codes(&ev.sources),
                codes(&ev.targets),
                ev.modality,
                ev.historical,
            );
        }
        for ge in &g.events {
            println!(
                "  gold {:<14} {} {} -> {} {} chain={:?} date {:?}",
                ge.trigger, ge.root, ge.source, ge.target, ge.modality, ge.chain, ge.date
            );
        }
    }
}
