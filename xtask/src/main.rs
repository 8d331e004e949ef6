//! Project chores: `cargo xtask tidy` (repository rules), and the eval/bench drivers.

/// The same allocator as the `annalist` binary, so the benches measure what it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    if task.starts_with("bench-") && cfg!(debug_assertions) {
        // `cargo xtask` builds the dev profile; a debug build measures the wrong thing.
        anyhow::bail!(
            "{task} measures speed: run it from a release build, \
             `cargo run --release -p xtask -- {task}`"
        );
    }
    match task.as_str() {
        "tidy" => tidy::run(),
        "bench-code" => bench_code::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "bench-coder" => bench_coder::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "bench-nlp" => bench_nlp::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "eval-timex" => eval_timex::run(),
        "eval-geo" => eval_geo::run(),
        "gazetteer" => gazetteer::run_task(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => {
            eprintln!(
                "usage: cargo xtask tidy | eval-timex | eval-geo | gazetteer\n       \
                 cargo run --release -p xtask -- bench-code | bench-coder | bench-nlp"
            );
            std::process::exit(2)
        }
    }
}

mod bench_code;
mod bench_coder;
mod bench_nlp;
mod cpu;
mod eval_geo;
mod eval_timex;
mod gazetteer;
mod tidy;
