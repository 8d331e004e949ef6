//! Development aid: CPU time of the tagger and the lemmatizer alone over the sentences of
//! text files (tokenized and split first, not timed):
//! `cargo run --release -p depparse --example tagspeed -- FILE...`.

fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0.0, |ns| ns as f64 / 1e9)
}

fn main() {
    let models = depparse::Models::load_default().expect("models");
    let mut sents = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("file");
        sents.extend(nlp::Pipeline::segmenter().analyze(&text, &[]).expect("analyze"));
    }
    let words: usize = sents.iter().map(|s| s.tokens.len()).sum();
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..5 {
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
        best = (best.0.min(tag), best.1.min(lemma));
    }
    println!(
        "{words} words: tagger {:.1} ms ({:.2} us/word), lemmatizer {:.1} ms ({:.2} us/word)",
        best.0 * 1e3,
        best.0 * 1e6 / words as f64,
        best.1 * 1e3,
        best.1 * 1e6 / words as f64
    );
}
