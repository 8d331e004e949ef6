//! Development aid: EWT dev UPOS/XPOS of one or more tagger files (to compare taggers trained
//! with different features): `cargo run --release -p depparse --example tagscore -- TAGGER...`
//! (`DATA` the UD file, EWT dev by default). Also reports accuracy on words unseen in
//! training (`TRAIN` a CoNLL-U file, EWT train by default).

use std::collections::HashSet;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let path = std::env::var("DATA")
        .unwrap_or_else(|_| "/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu".into());
    let train = std::env::var("TRAIN")
        .unwrap_or_else(|_| "/work/shared/data/ud-english-ewt/en_ewt-ud-train.conllu".into());
    let gold = nlp::conllu::parse(&std::fs::read_to_string(&path).expect("data")).sentences;
    let seen: HashSet<String> =
        nlp::conllu::parse(&std::fs::read_to_string(&train).expect("train"))
            .sentences
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.form.clone()))
            .collect();
    for p in &a[1..] {
        let bytes = std::fs::read(p).expect("read tagger");
        let m = depparse::TaggerModel::from_bytes(&bytes, p).expect("tagger");
        let (mut n, mut u, mut x, mut un, mut uu) = (0usize, 0usize, 0usize, 0usize, 0usize);
        for g in &gold {
            let forms: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
            for (w, c) in g.words.iter().zip(m.tag_forms(&forms)) {
                n += 1;
                u += (m.upos(c) == w.upos) as usize;
                x += (m.xpos(c) == w.xpos) as usize;
                if !seen.contains(&w.form) {
                    un += 1;
                    uu += (m.upos(c) == w.upos) as usize;
                }
            }
        }
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "{p}: UPOS {:.2} XPOS {:.2} unseen-word UPOS {:.2} ({un} words)",
            pct(u, n),
            pct(x, n),
            pct(uu, un)
        );
    }
}
