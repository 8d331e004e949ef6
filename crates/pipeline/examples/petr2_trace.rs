//! Development aid for the PETR-2 gold suite with the built-in lexicon: codes the records named
//! on the command line (or every failing one) from raw text as the `plover` quality test does,
//! and prints our repaired dependency analysis beside the expected and produced triples, with
//! each event's trigger and pattern. `--text DATE SENTENCE` codes a sentence of one's own.
//! `PRODUCT=1` codes with the product's options (as `annalist code`) instead of the field's.
//! `ANNALIST_PETR2_TRACE=1` adds the coder's per-verb trace on stderr.
//!
//! `cargo run --release -p pipeline --example petr2_trace -- PATH/PETR2_GSR_validation.xml [ID…]`

use coder::validate::{read_record_file, run, run_with, ParseMode, SentenceParser};
use pipeline::repair::RecordParser;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(first) = args.first() else {
        eprintln!("usage: petr2_trace RECORDS.xml [ID…] | --text YYYYMMDD SENTENCE");
        std::process::exit(2);
    };
    let models = depparse::Models::load_default().expect("models");
    let parser = RecordParser(models);
    let loaded = lexicon::load(&[], false).expect("lexicon");
    let mut file = if first == "--text" {
        let (Some(date), Some(text)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: petr2_trace --text YYYYMMDD SENTENCE");
            std::process::exit(2);
        };
        let xml = format!(
            "<Sentences><Sentence category=\"X\" date=\"{date}\" id=\"TEXT\" evaluate=\"true\"/>\
             <EventCoding noevents=\"True\" /><Text>{text}</Text></Sentences>"
        );
        let tmp = std::env::temp_dir().join(format!("petr2_trace_{}.xml", std::process::id()));
        std::fs::write(&tmp, xml).expect("temp file");
        let f = read_record_file(&tmp).expect("records").0;
        let _ = std::fs::remove_file(&tmp);
        f
    } else {
        read_record_file(std::path::Path::new(first)).expect("records").0
    };
    let only: Vec<&String> =
        if first == "--text" { Vec::new() } else { args[1..].iter().collect() };
    if !only.is_empty() {
        file.records.retain(|r| only.iter().any(|o| **o == r.id));
    }
    // `PRODUCT=1`: the product's options (`annalist code`) instead of the field's.
    let report = if std::env::var_os("PRODUCT").is_some() {
        run_with(
            &file,
            "trace",
            &loaded.dictionaries,
            ParseMode::Ours,
            Some(&parser),
            &coder::Options::default(),
        )
    } else {
        run(&file, "trace", &loaded.dictionaries, ParseMode::Ours, Some(&parser))
    };
    for (r, res) in file.records.iter().zip(&report.results) {
        if only.is_empty() && res.pass && first != "--text" {
            continue;
        }
        println!("== {} [{}] {}", r.id, if res.pass { "pass" } else { "FAIL" }, r.text.trim());
        for s in parser.parse(&r.text) {
            for (i, t) in s.tokens.iter().enumerate() {
                println!("   {:>2} {:<16} {:<6} {:>2} {}", i + 1, t.form, t.upos, t.head, t.deprel);
            }
        }
        println!("   expected {:?}", res.expected);
        for e in &res.events {
            let trig = r.text.get(e.trigger.start as usize..e.trigger.end as usize).unwrap_or("?");
            println!(
                "   produced {} {} {} trigger {trig:?} passive {} pattern {:?}",
                e.source.code, e.target.code, e.code, e.passive, e.pattern
            );
        }
        if let Some(why) = &res.refused {
            println!("   refused: {why}");
        }
    }
}
