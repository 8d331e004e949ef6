//! Trains the learned sentence-boundary scorer (`nlp::boundary::train`) and writes
//! `crates/nlp/data/boundary.bin`.
//!
//! `cargo run --release -p nlp --example train_boundary -- [DATA_DIR] [OUT]`
//! (defaults: `../shared/data`, `crates/nlp/data/boundary.bin`).
//!
//! Examples are the token gaps inside paragraphs of UD EWT train and GUM-permissive train
//! where the punctuation rules put no boundary; the label is whether a gold sentence starts
//! there. Averaged perceptron, 6 epochs in file order (deterministic: same data, same bytes).
//! The threshold maximises sentence-boundary F1 (rules plus model) on EWT dev + GUM dev,
//! among thresholds whose added boundaries are at least 85% precise. Retrain whenever the
//! tokenizer or the rules change: `tests/boundary_model.rs` checks the shipped bytes.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().map_or("../shared/data", String::as_str));
    let out = PathBuf::from(args.get(1).map_or("crates/nlp/data/boundary.bin", String::as_str));
    let read = |rel: &str| {
        let p = data.join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let train = [
        read("ud-english-ewt/en_ewt-ud-train.conllu"),
        read("ud-english-gum-permissive/en_gum-permissive-train.conllu"),
    ];
    let dev = [
        read("ud-english-ewt/en_ewt-ud-dev.conllu"),
        read("ud-english-gum-permissive/en_gum-permissive-dev.conllu"),
    ];
    let model = nlp::boundary::train(
        &[train[0].as_str(), train[1].as_str()],
        &[dev[0].as_str(), dev[1].as_str()],
        &|l| eprintln!("{l}"),
    );
    std::fs::write(&out, model.to_bytes()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {}", out.display());
}
