//! Quality suite for issue #6/#7: the provenance gold set through the whole pipeline.
//!
//! Prints per-field figures for the dev part (with its errors), the held-out part (figures
//! only: never tune on it) and the seed, and asserts the floors in `ci/floors.txt`.

use pipeline::eval::{read_gold_dir, score};
use pipeline::Engine;

fn engine() -> Engine {
    pipeline::eval::builtin_engine().expect("engine")
}

#[test]
fn provenance_gold_set() {
    let root = testdata::workspace_root().join("tests/data/provenance");
    let engine = engine();
    let dev = read_gold_dir(&root.join("dev")).unwrap();
    let held = read_gold_dir(&root.join("heldout")).unwrap();
    let d = score(&engine, &dev);
    println!("== provenance dev ({} articles)\n{}", dev.len(), d.summary());
    for e in &d.errors {
        println!("  dev: {e}");
    }
    let h = score(&engine, &held);
    println!("== provenance held-out ({} articles)\n{}", held.len(), h.summary());

    testdata::assert_floor("provenance.heldout.coverage", h.coverage());
    testdata::assert_floor("provenance.heldout.modality", h.modality_accuracy());
    testdata::assert_floor("provenance.heldout.historical_f1", h.historical_f1());
    testdata::assert_floor("provenance.heldout.chain", h.chain_accuracy());
    testdata::assert_floor("provenance.heldout.speaker", h.speaker_accuracy());
    testdata::assert_floor("provenance.heldout.date", h.date_accuracy());
    testdata::assert_floor("provenance.heldout.place", h.place_accuracy());
    testdata::assert_floor("provenance.heldout.denial_recall", h.denial_recall());
    testdata::assert_floor("provenance.heldout.denial_link", h.denial_link_accuracy());
}
