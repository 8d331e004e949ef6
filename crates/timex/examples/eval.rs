//! Prints the TE3-platinum and news-probe figures with every error, without the xtask:
//! `cargo run --release -p timex --example eval [SHARED_DIR]` (default `../shared`).
//! `cargo xtask eval-timex` prints the same plus the Python dateparser comparison.

use std::path::PathBuf;
use timex::eval::{probe, render, te3};

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let data = shared.join("data");
    match te3::evaluate(&data.join("te3-platinum")) {
        Ok(rep) => print!("{}", render::te3_report(&rep)),
        Err(e) => eprintln!("TE3-platinum: {e}"),
    }
    for (title, file) in
        [("probe expressions", "expressions.tsv"), ("probe sentences", "sentences.tsv")]
    {
        match probe::run(&data.join("news-timex-probe").join(file)) {
            Ok(items) => print!("{}", render::probe_report(title, &items)),
            Err(e) => eprintln!("{title}: {e}"),
        }
    }
}
