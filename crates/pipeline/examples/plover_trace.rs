//! Development aid for the PLOVER suite with the built-in lexicon: codes the PLOVER example
//! sentences whose ids end with one of the arguments (or, with `--text DATE SENTENCE`, a
//! sentence of one's own) from raw text as `tests/plover.rs` does, and prints the analysis
//! (after the pipeline's repairs, before the coder's) and every event coded.
//!
//! `cargo run --release -p pipeline --example plover_trace -- PATH/PLOVER_GSR_CAMEO.txt ID…`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut items: Vec<(String, String, String)> = Vec::new();
    if args.first().map(String::as_str) == Some("--text") {
        let (Some(date), Some(text)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: plover_trace --text YYYY-MM-DD SENTENCE");
            std::process::exit(2);
        };
        items.push(("TEXT".into(), date.clone(), text.clone()));
    } else {
        let Some(path) = args.first() else {
            eprintln!("usage: plover_trace PLOVER_GSR_CAMEO.txt ID… | --text YYYY-MM-DD SENTENCE");
            std::process::exit(2);
        };
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).expect("read PLOVER file")).expect("json");
        for r in v.as_array().expect("array") {
            let s = |k: &str| r.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            let id = s("id");
            if args[1..].iter().any(|a| id.ends_with(a.as_str())) {
                items.push((id, s("date"), s("text")));
            }
        }
    }
    let models = depparse::Models::load_default().expect("models");
    let engine = pipeline::Engine::new(models, lexicon::load(&[], false).expect("lexicon"));
    for (id, date, text) in items {
        let raw = pipeline::eval::plain_text(&id, &text, &date, None);
        let coded = engine.code_raw(&raw).expect("codes");
        println!("== {id} {date}\n   {text}");
        for s in &coded.sentences {
            for (i, t) in s.tokens.iter().enumerate() {
                println!(
                    "{:>4} {:<16} {:<16} {:<6} {:>3} {}",
                    i + 1,
                    t.form,
                    t.lemma,
                    t.upos,
                    t.head,
                    t.deprel
                );
            }
        }
        for e in &coded.events {
            let codes = |v: &[model::ActorRef]| {
                v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join("+")
            };
            println!(
                "  EVENT {} {}->{} '{}'",
                e.code,
                codes(&e.sources),
                codes(&e.targets),
                e.trigger.slice(&coded.article.text).unwrap_or("")
            );
        }
    }
}
