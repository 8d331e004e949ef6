//! Quality ratchet: TempEval-3 value F1 (and relaxed/strict span F1) on TE3-platinum, scored
//! as `timex::eval::te3` documents. Floors live in `ci/floors.txt`.

#[test]
fn te3_platinum_value_f1() {
    let Some(dir) = testdata::shared("data/te3-platinum/timex3_gold.tsv") else { return };
    let dir = dir.parent().expect("the gold file sits in the set's folder");
    let rep = timex::eval::te3::evaluate(dir).expect("TE3-platinum reads");
    assert_eq!(rep.docs, 20);
    assert_eq!(rep.gold, 138);
    assert_eq!(rep.gold_text_mismatches, 0, "our reading of <TEXT> must match gold offsets");
    testdata::assert_floor("timex.te3.value_f1", rep.value.f1);
    testdata::assert_floor("timex.te3.relaxed_f1", rep.relaxed.f1);
    testdata::assert_floor("timex.te3.strict_f1", rep.strict.f1);
}
