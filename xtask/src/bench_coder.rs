//! `cargo run --release -p xtask -- bench-coder [--seconds N | --passes N] [--write FILE]`
//! (`--profile dist` instead of `--release` for the deployed, LTO build):
//! the coder's speed on pre-parsed input and its footprint with the full Phoenix
//! dictionaries, printed beside the peers' figures measured on this machine
//! (shared/research/event-coders.md).
//!
//! - dictionary load: Phoenix country/international/non-state actors, agents, discards and
//!   the CAMEO.2.0 verbs, read and compiled (bar ≤ 300 ms);
//! - coding: the GigaWord sample's 76 Treebank-parsed sentences, converted to dependency
//!   trees once, then coded over and over on one thread for N seconds (bar ≥ 100,000
//!   sentences/s). The timed loop holds only `code_sentence` (with the Phoenix
//!   dictionaries, the sentence's date already parsed) and the count of events it returns:
//!   reading the XML and the Treebank conversion are outside it (the conversion is timed
//!   separately), building and dropping the events is inside;
//! - peak resident memory of this process (VmHWM; bar ≤ 150 MB).
//!
//! `--passes N` codes the sentences exactly N times instead (a fixed amount of work, for
//! instruction counts under a profiler such as `valgrind --tool=callgrind`).
//!
//! `--write FILE` also writes every sentence's coding result (all event fields, debug form)
//! after the timed run: a speed change must leave this file byte-identical (with
//! `CODER_DUMP=DIR` on `cargo test --release -p coder --test suites` for the suites).

use crate::cpu::thread_cpu;
use anyhow::Context;
use coder::validate::{given_analysis, read_record_file};
use coder::{code_sentence, DictionaryFiles, Options};
use std::time::{Duration, Instant};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let seconds: f64 = match args.iter().position(|a| a == "--seconds") {
        Some(i) => args.get(i + 1).context("--seconds needs a value")?.parse()?,
        None => 3.0,
    };
    let passes: Option<usize> = match args.iter().position(|a| a == "--passes") {
        Some(i) => Some(args.get(i + 1).context("--passes needs a value")?.parse()?),
        None => None,
    };
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data");
    let dict = shared.join("petrarch2/dictionaries");
    let files = DictionaryFiles {
        actors: vec![
            dict.join("Phoenix.Countries.actors.txt"),
            dict.join("Phoenix.International.actors.txt"),
            dict.join("Phoenix.MilNonState.actors.txt"),
        ],
        agents: vec![dict.join("Phoenix.agents.txt")],
        verbs: vec![dict.join("CAMEO.2.0.txt")],
        discards: vec![dict.join("Phoenix.discards.txt")],
        issues: vec![],
    };
    let t0 = Instant::now();
    let loaded = files.load();
    let load = t0.elapsed();
    let d = loaded.value;
    let bytes = d.to_bytes()?;
    let t1 = Instant::now();
    let _again = coder::Dictionaries::from_bytes(&bytes)?;
    let from_binary = t1.elapsed();

    let records = shared.join("petrarch2/text/GigaWord.sample.PETR.xml");
    let (file, _) = read_record_file(&records)?;
    let t2 = Instant::now();
    let mut sentences = Vec::new();
    for r in &file.records {
        if let Ok(s) = given_analysis(r) {
            sentences.extend(s.into_iter().map(|s| (s, r.date.clone())));
        }
    }
    let convert = t2.elapsed();
    anyhow::ensure!(!sentences.is_empty(), "no sentences read from {}", records.display());
    let dates: Vec<Option<u32>> =
        sentences.iter().map(|(_, d)| coder::date::parse_date(d).ok()).collect();
    let opts = Options::default();
    let mut coded = 0usize;
    let mut events = 0usize;
    let budget = Duration::from_secs_f64(seconds);
    let cpu0 = thread_cpu();
    let t3 = Instant::now();
    let mut pass = 0usize;
    while match passes {
        Some(p) => pass < p,
        None => t3.elapsed() < budget,
    } {
        pass += 1;
        for ((s, _), date) in sentences.iter().zip(&dates) {
            if let Ok(ev) = code_sentence(s, *date, &d, &opts) {
                events += ev.len();
            }
            coded += 1;
        }
    }
    let coding = t3.elapsed();
    let cpu = match (cpu0, thread_cpu()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => coding.as_secs_f64(),
    };
    let per_sec = coded as f64 / cpu;
    let per_wall = coded as f64 / coding.as_secs_f64();
    let rss = peak_rss_mb().unwrap_or(f64::NAN);
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let path = args.get(i + 1).context("--write needs a file")?;
        let mut out = String::new();
        for ((s, _), date) in sentences.iter().zip(&dates) {
            out.push_str(&format!("{} {:?}\n", s.span.start, code_sentence(s, *date, &d, &opts)));
        }
        std::fs::write(path, out).with_context(|| format!("writing {path}"))?;
    }

    println!("coder bench (one thread, {})", crate::build_profile());
    println!(
        "  dictionary load (Phoenix actors+agents+discards, CAMEO.2.0 verbs): {:>8.1} ms  [bar <= 300 ms; PETRARCH2 ~1,900 ms]",
        load.as_secs_f64() * 1e3
    );
    println!(
        "    {} actor phrases, {} agent phrases, {} verb patterns, {} diagnostics",
        d.actors.index.len(),
        d.agents.index.len(),
        d.verbs.pattern_count(),
        loaded.diagnostics.len()
    );
    println!(
        "  compiled binary form: {:.1} MB, read back in {:.1} ms",
        bytes.len() as f64 / 1e6,
        from_binary.as_secs_f64() * 1e3
    );
    println!(
        "  Treebank -> dependency conversion: {} sentences in {:.2} ms ({:.0} sentences/s)",
        sentences.len(),
        convert.as_secs_f64() * 1e3,
        sentences.len() as f64 / convert.as_secs_f64()
    );
    println!(
        "  coding pre-parsed sentences: {per_sec:>10.0} sentences per CPU-second ({per_wall:.0}/s wall; {coded} sentences, {events} events, {cpu:.2} CPU-s in {:.2} s)  [bar >= 100,000; PETRARCH2 ~1,700/CPU-s, UD-PETR ~290, TABARI ~11,600]",
        coding.as_secs_f64()
    );
    println!(
        "  peak resident memory: {rss:.1} MB  [bar <= 150 MB; PETRARCH2 226 MB, UD-PETR 447 MB]"
    );
    Ok(())
}
