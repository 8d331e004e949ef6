//! Quality ratchet: the project's news probe (30 expressions + 5 sentences, anchor
//! 2009-03-18), scored as `timex::eval::probe` documents. The bar is 30/30.

#[test]
fn news_probe_expressions() {
    let Some(path) = testdata::shared("data/news-timex-probe/expressions.tsv") else { return };
    let items = timex::eval::probe::run(&path).expect("probe reads");
    assert_eq!(items.len(), 30);
    for i in items.iter().filter(|i| !i.pass) {
        eprintln!("probe {} {:?}: expected {:?}, got {:?}", i.id, i.text, i.expected, i.got);
    }
    let pass = items.iter().filter(|i| i.pass).count();
    testdata::assert_floor("timex.probe.expressions_passed", pass as f64);
}

#[test]
fn news_probe_sentences() {
    let Some(path) = testdata::shared("data/news-timex-probe/sentences.tsv") else { return };
    let items = timex::eval::probe::run(&path).expect("probe reads");
    assert_eq!(items.len(), 5);
    let pass = items.iter().filter(|i| i.pass).count();
    testdata::assert_floor("timex.probe.sentences_passed", pass as f64);
}
