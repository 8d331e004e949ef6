//! End-to-end NLP quality from raw text (issue 3): the rule tokenizer and sentence splitter
//! (`nlp`) feed the trained tagger, lemmatizer and parser (`depparse`); the output is scored
//! with the CoNLL 2018 metrics in raw-text mode (tokens and sentences aligned by characters)
//! on UD EWT test, GUM news test and PUD. It lives here because `nlp` must not depend on
//! `depparse` (depparse implements nlp's traits). Floors are in `ci/floors.txt`.

use nlp::{conllu, eval, rawtext, Pipeline};

fn models() -> Option<depparse::Models> {
    let dir = depparse::Models::default_dir();
    if !dir.join(depparse::TAGGER_FILE).exists() {
        assert!(!testdata::in_ci(), "CI=true and the models are missing in {}", dir.display());
        eprintln!("note: skipping, no models in {} (run `annalist train`)", dir.display());
        return None;
    }
    Some(depparse::Models::load_dir(&dir).expect("models load"))
}

fn gold(rel: &str, doc_prefix: Option<&str>) -> Option<Vec<conllu::Sentence>> {
    let path = testdata::shared(rel)?;
    let text = std::fs::read_to_string(&path).expect("read treebank");
    let mut p = conllu::parse(&text).sentences;
    if let Some(prefix) = doc_prefix {
        p.retain(|s| s.id.as_deref().is_some_and(|i| i.starts_with(prefix)));
    }
    Some(p)
}

fn score(pipeline: &Pipeline<'_>, name: &str, gold: &[conllu::Sentence]) -> eval::Report {
    let (r, run) = rawtext::evaluate_pipeline(pipeline, gold).expect("raw-text evaluation");
    println!(
        "{name} (raw text, {} words): Tokens {:.2} Sentences {:.2} Words {:.2} UPOS {:.2} XPOS {:.2} \
         UFeats {:.2} Lemmas {:.2} UAS {:.2} LAS {:.2}",
        run.words,
        100.0 * r.tokens.f1(),
        100.0 * r.sentences.f1(),
        100.0 * r.words.f1(),
        100.0 * r.upos.f1(),
        100.0 * r.xpos.f1(),
        100.0 * r.ufeats.f1(),
        100.0 * r.lemmas.f1(),
        100.0 * r.uas.f1(),
        100.0 * r.las.f1(),
    );
    r
}

#[test]
fn raw_text_tagging_and_parsing() {
    let Some(m) = models() else { return };
    let pipeline = Pipeline::new(&m, &m);
    if let Some(g) = gold("data/ud-english-ewt/en_ewt-ud-test.conllu", None) {
        let r = score(&pipeline, "EWT test", &g);
        testdata::assert_floor("nlp.raw.ewt_test.upos_f1", 100.0 * r.upos.f1());
        testdata::assert_floor("nlp.raw.ewt_test.las_f1", 100.0 * r.las.f1());
    }
    if let Some(g) =
        gold("data/ud-english-gum-permissive/en_gum-permissive-test.conllu", Some("GUM_news_"))
    {
        let r = score(&pipeline, "GUM news test", &g);
        testdata::assert_floor("nlp.raw.gum_news_test.las_f1", 100.0 * r.las.f1());
    }
    if let Some(g) = gold("data/ud-english-pud/en_pud-ud-test.conllu", None) {
        let r = score(&pipeline, "PUD", &g);
        testdata::assert_floor("nlp.raw.pud.upos_f1", 100.0 * r.upos.f1());
        testdata::assert_floor("nlp.raw.pud.las_f1", 100.0 * r.las.f1());
    }
}
