//! The shipped boundary model (`data/boundary.bin`) is exactly what `boundary::train` builds
//! from the treebanks with the current tokenizer and rules, so it never goes stale.

#[test]
fn shipped_boundary_model_is_reproducible() {
    let read = |rel: &str| -> Option<String> {
        let p = testdata::shared(rel)?;
        Some(std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
    };
    let (Some(ewt), Some(gum), Some(ewt_dev), Some(gum_dev)) = (
        read("data/ud-english-ewt/en_ewt-ud-train.conllu"),
        read("data/ud-english-gum-permissive/en_gum-permissive-train.conllu"),
        read("data/ud-english-ewt/en_ewt-ud-dev.conllu"),
        read("data/ud-english-gum-permissive/en_gum-permissive-dev.conllu"),
    ) else {
        return;
    };
    let model = nlp::boundary::train(&[&ewt, &gum], &[&ewt_dev, &gum_dev], &|l| println!("{l}"));
    assert!(
        model.to_bytes() == nlp::boundary::BoundaryModel::shipped_bytes(),
        "data/boundary.bin is stale: run `cargo run --release -p nlp --example train_boundary`"
    );
}
