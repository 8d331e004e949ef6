//! Development aid: analyse a CoNLL-U file with gold tokenization and print the predicted
//! CoNLL-U (ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL) for offline error analysis:
//! `cargo run --release -p depparse --example predict -- MODELS FILE > OUT`.

use std::fmt::Write;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: predict MODELS FILE");
        std::process::exit(2);
    }
    let models = depparse::Models::load_dir(std::path::Path::new(&a[1])).expect("models");
    let text = std::fs::read_to_string(&a[2]).expect("file");
    let gold = nlp::conllu::parse(&text).sentences;
    let mut out = String::new();
    for g in &gold {
        let mut s = depparse::eval::blank(g);
        models.analyze(&mut s);
        for (i, t) in s.tokens.iter().enumerate() {
            let feats = if t.feats.is_empty() { "_" } else { t.feats.as_str() };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t_",
                i + 1,
                t.form,
                t.lemma,
                t.upos,
                t.xpos,
                feats,
                t.head,
                t.deprel
            );
        }
        out.push('\n');
    }
    print!("{out}");
}
