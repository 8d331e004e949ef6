//! Development aid: EWT dev UAS/LAS of one or more parser files at several decode beams, on
//! the committed tagger's tags, with parse CPU time per beam (to compare parsers trained with
//! different settings): `cargo run --release -p depparse --example devscore -- BEAMS PARSER...`
//! (`BEAMS` comma-separated, e.g. `3,4,6`; `DATA` the UD file, EWT dev by default; `LABELS=1`
//! adds the most frequent label confusions on correctly attached words; `GOLDTAGS=1` parses
//! the gold UPOS/XPOS instead; `TAGGER` a tagger file to use instead of the committed one).

use std::collections::HashMap;
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: devscore BEAMS PARSER...");
        std::process::exit(2);
    }
    let beams: Vec<usize> = a[1].split(',').filter_map(|b| b.parse().ok()).collect();
    let mut base = depparse::Models::load_default().expect("committed models");
    if let Ok(t) = std::env::var("TAGGER") {
        let bytes = std::fs::read(&t).expect("read tagger");
        base.tagger = depparse::TaggerModel::from_bytes(&bytes, &t).expect("tagger");
    }
    let path = std::env::var("DATA")
        .unwrap_or_else(|_| "/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu".into());
    let text = std::fs::read_to_string(&path).expect("data");
    let gold = nlp::conllu::parse(&text).sentences;
    let tagged: Vec<_> = gold
        .iter()
        .map(|g| {
            let mut s = depparse::eval::blank(g);
            nlp::Tagger::tag(&base, &mut s);
            if std::env::var("GOLDTAGS").is_ok() {
                for (t, w) in s.tokens.iter_mut().zip(&g.words) {
                    t.upos = w.upos.clone();
                    t.xpos = w.xpos.clone();
                }
            }
            s
        })
        .collect();
    for p in &a[2..] {
        let bytes = std::fs::read(p).expect("read parser");
        let mut m = depparse::ParserModel::from_bytes(&bytes, p).expect("parser");
        for &k in &beams {
            m.set_beam(k);
            let mut out = tagged.clone();
            let t = Instant::now();
            for s in &mut out {
                m.parse(s);
            }
            let secs = t.elapsed().as_secs_f64();
            let mut c = depparse::eval::Counts::default();
            let mut conf: HashMap<(String, String), usize> = HashMap::new();
            for (g, s) in gold.iter().zip(&out) {
                depparse::eval::add(g, s, &mut c);
                for (w, t) in g.words.iter().zip(&s.tokens) {
                    if w.head == Some(t.head) && w.deprel != t.deprel {
                        *conf.entry((w.deprel.clone(), t.deprel.clone())).or_default() += 1;
                    }
                }
            }
            println!("{p} beam {k}: UAS {:.2} LAS {:.2} ({:.2}s)", c.uas_pct(), c.las_pct(), secs);
            if std::env::var("LABELS").is_ok() {
                let mut v: Vec<_> = conf.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                for ((g, p), n) in v.iter().take(25) {
                    println!("  gold {g:<14} got {p:<14} {n}");
                }
            }
        }
    }
}
