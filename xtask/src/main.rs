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
        "clusters" => clusters::run_task(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => {
            eprintln!(
                "usage: cargo xtask tidy | eval-timex | eval-geo | gazetteer | clusters\n       \
                 cargo run --release -p xtask -- bench-code | bench-coder | bench-nlp\n       \
                 (or --profile dist: the deployed build, with LTO)"
            );
            std::process::exit(2)
        }
    }
}

/// The cargo profile this binary was built with, read from its directory
/// (`target/release/xtask`, `target/dist/xtask`), for the benches' headers.
pub fn build_profile() -> String {
    let exe = std::env::current_exe().ok();
    let dir = exe.as_deref().and_then(|p| p.parent()).and_then(|p| p.file_name());
    match dir.and_then(|d| d.to_str()) {
        Some("dist") => "dist build: fat LTO, 1 codegen unit".to_string(),
        Some("release") => "release build: no cross-crate LTO, 4 codegen units".to_string(),
        Some(other) => format!("{other} build"),
        None => "build profile unknown".to_string(),
    }
}

mod bench_code;
mod bench_coder;
mod bench_nlp;
mod clusters;
mod cpu;
mod eval_geo;
mod eval_timex;
mod gazetteer;
mod tidy;
