//! Runs a validation record file and prints failing records with their dependency analysis:
//! a dictionary maintainer's debugging aid (`cargo run -p coder --example records -- FILE [ID…]`).

use coder::validate::{given_analysis, read_record_file, validate_file, ParseMode};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().map(PathBuf::from) else {
        eprintln!("usage: records FILE [ID…]");
        std::process::exit(2);
    };
    let only: Vec<&String> = args[1..].iter().collect();
    let report = match validate_file(&path, &[], None, ParseMode::Given, None) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let (file, _) = read_record_file(&path).expect("read");
    for r in &report.results {
        if !only.is_empty() && !only.iter().any(|o| **o == r.id) {
            continue;
        }
        if r.pass && only.is_empty() {
            continue;
        }
        println!(
            "{} {} [{}] expected {:?}\n   produced {:?} refused {:?}",
            if r.pass { "PASS" } else { "FAIL" },
            r.id,
            r.category,
            r.expected,
            r.produced,
            r.refused
        );
        if !only.is_empty() {
            let rec = file.records.iter().find(|x| x.id == r.id).expect("record");
            println!("   {}", rec.text.split_whitespace().collect::<Vec<_>>().join(" "));
            if let Ok(s) = given_analysis(rec) {
                for (i, t) in s[0].tokens.iter().enumerate() {
                    println!(
                        "   {:>3} {:<14} {:<5} {:<4} {:>3} {}",
                        i + 1,
                        t.form,
                        t.xpos,
                        t.upos,
                        t.head,
                        t.deprel
                    );
                }
            }
        }
    }
    let s = &report.summary;
    println!(
        "passed {}/{} ({:.1} %), P {:.3} R {:.3}; {} diagnostics",
        s.passed,
        s.records,
        100.0 * s.pass_rate(),
        s.precision(),
        s.recall(),
        report.diagnostics.len()
    );
    for d in report.diagnostics.iter().take(15) {
        println!("  diag: {d}");
    }
}
