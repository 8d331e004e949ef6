//! Development aid: CPU time of the tagger, the lemmatizer and the parser over the sentences
//! of text files (tokenized and split first, not timed), best of `ROUNDS` (default 5) passes:
//! `cargo run --release -p depparse --example parsespeed -- [--dump OUT] FILE...`.
//! `--dump OUT` writes every word's tags, lemma, head and label (one line a word, a blank line
//! a sentence), so two builds can be compared byte for byte.

use std::fmt::Write as _;

// The allocator of the product binaries, so the model tables sit in the same kind of pages.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0.0, |ns| ns as f64 / 1e9)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dump = match args.iter().position(|a| a == "--dump") {
        Some(i) if i + 1 < args.len() => {
            let out = args.remove(i + 1);
            args.remove(i);
            Some(out)
        }
        _ => None,
    };
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let models = depparse::Models::load_default().expect("models");
    let mut sents = Vec::new();
    for path in &args {
        let text = std::fs::read_to_string(path).expect("file");
        sents.extend(nlp::Pipeline::segmenter().analyze(&text, &[]).expect("analyze"));
    }
    let words: usize = sents.iter().map(|s| s.tokens.len()).sum();
    let mut best = [f64::MAX; 3];
    let mut last = Vec::new();
    for _ in 0..rounds.max(1) {
        let mut work = sents.clone();
        let t = cpu();
        for s in &mut work {
            models.tagger.tag(s);
        }
        let tag = cpu() - t;
        let t = cpu();
        for s in &mut work {
            models.lemmatizer.lemmatize(s);
        }
        let lemma = cpu() - t;
        let t = cpu();
        for s in &mut work {
            models.parser.parse(s);
        }
        let parse = cpu() - t;
        for (b, v) in best.iter_mut().zip([tag, lemma, parse]) {
            *b = b.min(v);
        }
        last = work;
    }
    println!(
        "{} sentences, {words} words: tagger {:.1} ms, lemmatizer {:.1} ms, parser {:.1} ms \
         ({:.0} sentences/s parsing)",
        sents.len(),
        best[0] * 1e3,
        best[1] * 1e3,
        best[2] * 1e3,
        sents.len() as f64 / best[2].max(1e-9)
    );
    if let Some(path) = dump {
        let mut out = String::new();
        for s in &last {
            for t in &s.tokens {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    t.form, t.lemma, t.upos, t.xpos, t.feats, t.head, t.deprel
                );
            }
            out.push('\n');
        }
        std::fs::write(&path, out).expect("write the dump");
    }
}
