//! Development aid: prune a trained parser or tagger file to a smaller one:
//! `cargo run --release -p depparse --example prune -- parser|tagger IN OUT MIN_Q`
//! (MIN_Q 0 prints the weight-magnitude quantiles only; `BEAM=k` sets a parser's beam width,
//! MIN_Q 1 keeps every weight; `LABELER_Q=q` prunes the parser's labeller at q instead).

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        eprintln!("usage: prune parser|tagger IN OUT MIN_Q");
        std::process::exit(2);
    }
    let bytes = std::fs::read(&a[2]).expect("read model");
    let q: i16 = a[4].parse().expect("MIN_Q");
    let qs = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
    let out = match a[1].as_str() {
        "parser" => {
            let m = depparse::ParserModel::from_bytes(&bytes, &a[2]).expect("parser");
            println!("quantiles {qs:?}: {:?}; size {:?}", m.weight_quantiles(&qs), m.size());
            // LABELER_Q prunes the labeller at its own threshold.
            let lq = std::env::var("LABELER_Q").ok().and_then(|v| v.parse().ok()).unwrap_or(q);
            let mut p = m.pruned_parts(q, lq);
            if let Some(k) = std::env::var("BEAM").ok().and_then(|v| v.parse().ok()) {
                p.set_beam(k);
            }
            println!("pruned at {q}: {:?}, beam {}", p.size(), p.beam());
            p.to_bytes()
        }
        _ => {
            let m = depparse::TaggerModel::from_bytes(&bytes, &a[2]).expect("tagger");
            println!("quantiles {qs:?}: {:?}; size {:?}", m.weight_quantiles(&qs), m.size());
            let p = m.pruned(q);
            println!("pruned at {q}: {:?}", p.size());
            p.to_bytes()
        }
    };
    if q > 0 {
        std::fs::write(&a[3], &out).expect("write");
        println!("{}: {:.2} MB", a[3], out.len() as f64 / 1e6);
    }
}
