//! 25 sentences (33 expected values) written for this project *before* the engine was run on
//! them, anchor Wednesday 2014-06-11: a small check of how the rules generalise beyond the
//! sets they were developed on. Each `;`-separated expected value (alternatives `|`) must be
//! among the values found in its sentence. First run: 33/33.

#[test]
fn blind_written_sentences() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/blind-2014-06-11.tsv");
    let raw = std::fs::read_to_string(path).unwrap();
    let anchor = timex::Anchor::parse("2014-06-11").unwrap();
    let (mut ok, mut total) = (0, 0);
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let (sentence, expected) = line.split_once('\t').expect("sentence<TAB>expected");
        let found = timex::find(sentence, Some(&anchor), None).unwrap();
        let values: Vec<&str> = found.timexes.iter().filter_map(|t| t.value.as_deref()).collect();
        for want in expected.split(';') {
            total += 1;
            if want.split('|').any(|w| values.contains(&w)) {
                ok += 1;
            } else {
                eprintln!("missed {want} in {sentence:?}: found {values:?}");
            }
        }
    }
    assert_eq!(total, 33);
    assert_eq!(ok, total, "every expected value is found");
}
