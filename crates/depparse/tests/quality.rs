//! Quality suite: the committed models on UD English EWT test with gold tokenization, scored
//! by `nlp::eval` (CoNLL 2018 metrics) and asserted against the ratchets in `ci/floors.txt`;
//! GUM (permissive) test and PUD are scored beside it. Run in release mode:
//! `cargo test --release -p depparse --test quality -- --nocapture`.

use depparse::eval::{blank, conll2018};
use depparse::Models;

/// (UPOS, Lemma, UAS, LAS) in percent, printed with the other metrics.
fn score(models: &Models, rel: &str) -> Option<[f64; 4]> {
    let path = testdata::shared(rel)?;
    let text = std::fs::read_to_string(path).expect("readable test set");
    let parsed = nlp::conllu::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", &parsed.diagnostics[..1]);
    let preds: Vec<_> = parsed
        .sentences
        .iter()
        .map(|g| {
            let mut s = blank(g);
            models.analyze(&mut s);
            s
        })
        .collect();
    let r = conll2018(&parsed.sentences, &preds).expect("same text on both sides");
    assert_eq!(r.words.f1(), 1.0, "gold tokenization");
    println!("{rel}:\n{r}");
    Some([r.upos.f1(), r.lemmas.f1(), r.uas.f1(), r.las.f1()].map(|x| 100.0 * x))
}

#[test]
fn ewt_test_gold_tokenization_meets_floors() {
    let models = Models::load_default().expect("models/ is committed");
    let Some([upos, lemma, uas, las]) = score(&models, "data/ud-english-ewt/en_ewt-ud-test.conllu")
    else {
        return;
    };
    testdata::assert_floor("depparse_ewt_test_upos", upos);
    testdata::assert_floor("depparse_ewt_test_lemma", lemma);
    testdata::assert_floor("depparse_ewt_test_uas", uas);
    testdata::assert_floor("depparse_ewt_test_las", las);
    if let Some([upos, _, _, las]) = score(&models, "data/ud-english-pud/en_pud-ud-test.conllu") {
        testdata::assert_floor("depparse_pud_upos", upos);
        testdata::assert_floor("depparse_pud_las", las);
    }
    let gum = "data/ud-english-gum-permissive/en_gum-permissive-test.conllu";
    if let Some([upos, _, _, las]) = score(&models, gum) {
        testdata::assert_floor("depparse_gum_test_upos", upos);
        testdata::assert_floor("depparse_gum_test_las", las);
    }
}
