//! Development aid: codes each sentence given on the command line as a plain-text news item
//! through [`pipeline::Engine`] with the built-in lexicon (as `annalist code` and the fresh-news
//! suite do), and prints the repaired parse the coder saw and the events with their modality.
//!
//! `cargo run --release -p pipeline --example code_text -- YYYYMMDD "SENTENCE" ["SENTENCE" …]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((date, texts)) = args.split_first() else {
        eprintln!("usage: code_text YYYYMMDD SENTENCE…");
        std::process::exit(2);
    };
    let engine = pipeline::eval::builtin_engine().expect("engine");
    let quiet = std::env::var_os("QUIET").is_some();
    for (k, text) in texts.iter().enumerate() {
        let raw = pipeline::eval::plain_text(&format!("text#{k}"), text, date, None);
        let coded = engine.code_raw(&raw).expect("code");
        println!("== {text}");
        if !quiet {
            for s in &coded.sentences {
                for (i, t) in s.tokens.iter().enumerate() {
                    println!(
                        "   {:>2} {:<16} {:<6} {:>2} {}",
                        i + 1,
                        t.form,
                        t.upos,
                        t.head,
                        t.deprel
                    );
                }
            }
        }
        // `CODER=1`: the verb coder's own events on each sentence, before the pipeline's
        // nominal events and merges.
        if std::env::var_os("CODER").is_some() {
            let loaded = lexicon::load(&[], false).expect("lexicon");
            for s in &coded.sentences {
                let opts = coder::Options { require_dyad: false, ..coder::Options::default() };
                for e in
                    coder::code_sentence(s, None, &loaded.dictionaries, &opts).unwrap_or_default()
                {
                    println!(
                        "   coder {} {} -> {} '{}' {:?}",
                        e.code,
                        e.source.code,
                        e.target.code,
                        e.trigger.slice(&coded.article.text).unwrap_or(""),
                        e.pattern
                    );
                }
            }
        }
        let body = &coded.article.text;
        for e in &coded.events {
            let codes = |v: &[model::ActorRef]| {
                v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join("+")
            };
            println!(
                "   event {} {} -> {} '{}' {:?}",
                e.code,
                codes(&e.sources),
                codes(&e.targets),
                e.trigger.slice(body).unwrap_or(""),
                e.modality
            );
        }
    }
}
