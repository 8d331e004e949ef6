//! The field's validation suites, run in release mode by the project's test command; each
//! figure is a ratchet in `ci/floors.txt`.
//!
//! - PETR unit records (284) with the Treebank parses given, PETRARCH-1 expectations;
//! - the same records with UniversalPetrarch's UDPipe CoNLL-U parses;
//! - PETR-2 gold records (78) with the Phoenix dictionaries and CAMEO.2.0 verbs.

use coder::validate::{validate_file, ParseMode};

fn suite(rel: &str, floor: &str) {
    let Some(path) = testdata::shared(rel) else { return };
    let report = validate_file(&path, &[], None, ParseMode::Given, None).expect("suite runs");
    let s = &report.summary;
    for r in report.results.iter().filter(|r| !r.pass) {
        println!("FAIL {} expected {:?} produced {:?}", r.id, r.expected, r.produced);
    }
    println!(
        "{rel}: {}/{} records, triples P {:.3} R {:.3}",
        s.passed,
        s.records,
        s.precision(),
        s.recall()
    );
    testdata::assert_floor(floor, 100.0 * s.pass_rate());
}

#[test]
fn petr_unit_records_treebank_given() {
    suite("data/petrarch2/text/PETR.UnitTest.records.xml", "coder.petr_unit.treebank.pass_pct");
}

#[test]
fn petr_unit_records_udpipe_given() {
    suite(
        "data/universal-petrarch/text/PETR.UnitTest.records.parsing_parsed_udpipe_petr1.xml",
        "coder.petr_unit.udpipe.pass_pct",
    );
}

#[test]
fn petr2_gold_records() {
    suite("data/universal-petrarch/text/PETR2_GSR_validation.xml", "coder.petr2_gsr.pass_pct");
}
