//! Development aid: head errors by relation and the most frequent lemma, UPOS and label errors on a CoNLL-U file:
//! `cargo run --release -p depparse --example errors -- MODELS FILE`.

use std::collections::HashMap;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let models = depparse::Models::load_dir(std::path::Path::new(&a[1])).expect("models");
    let text = std::fs::read_to_string(&a[2]).expect("file");
    let gold = nlp::conllu::parse(&text).sentences;
    let mut lemma_err: HashMap<String, usize> = HashMap::new();
    let mut upos_err: HashMap<String, usize> = HashMap::new();
    let mut rel_err: HashMap<String, usize> = HashMap::new();
    let mut head_err: HashMap<String, (usize, usize)> = HashMap::new();
    let (mut lemma_tag_wrong, mut lemma_tag_right) = (0, 0);
    for g in &gold {
        let mut s = depparse::eval::blank(g);
        models.analyze(&mut s);
        for (w, t) in g.words.iter().zip(&s.tokens) {
            if w.lemma != t.lemma {
                if w.xpos != t.xpos {
                    lemma_tag_wrong += 1;
                } else {
                    lemma_tag_right += 1;
                    *lemma_err
                        .entry(format!("{} {} gold={} ours={}", w.form, w.xpos, w.lemma, t.lemma))
                        .or_default() += 1;
                }
            }
            if w.upos != t.upos {
                *upos_err
                    .entry(format!("{} gold={} ours={}", w.form, w.upos, t.upos))
                    .or_default() += 1;
            }
            let rel = w.deprel.split(':').next().unwrap_or("").to_string();
            let e = head_err.entry(rel).or_insert((0usize, 0usize));
            e.1 += 1;
            e.0 += (w.head != Some(t.head)) as usize;
            if w.head == Some(t.head) && w.deprel.split(':').next() != t.deprel.split(':').next() {
                *rel_err.entry(format!("gold={} ours={}", w.deprel, t.deprel)).or_default() += 1;
            }
        }
    }
    let mut h: Vec<_> = head_err.into_iter().collect();
    h.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    println!("== head errors by gold relation (wrong / all)");
    for (rel, (bad, all)) in h.iter().take(25) {
        println!("{bad:>5} / {all:>5} {rel}");
    }
    println!("lemma errors with wrong XPOS {lemma_tag_wrong}, with right XPOS {lemma_tag_right}");
    for (name, m) in [("lemma", lemma_err), ("upos", upos_err), ("rel", rel_err)] {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("== {name}");
        for (k, n) in v.iter().take(25) {
            println!("{n:>4} {k}");
        }
    }
}
