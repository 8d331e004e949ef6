//! Training on a tiny treebank of our own: same seed → byte-identical model files; the models
//! load back and analyse; a malformed treebank is an error naming file and line.

use depparse::train::{run, TrainError, TrainOptions};
use depparse::{Models, LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

fn out_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("depparse-test-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn train(seed: u64, tag: &str) -> PathBuf {
    let out = out_dir(tag);
    let mut o = TrainOptions::new(vec![data("tiny.conllu")], out.clone(), seed);
    o.folds = 3;
    o.tagger.epochs = 3;
    o.parser.epochs = 4;
    o.lemma.epochs = 3;
    let quiet = |_: &str| {};
    let r = run(&o, &quiet).expect("training the tiny treebank");
    assert_eq!(r.models.len(), 3);
    out
}

#[test]
fn same_seed_gives_byte_identical_models() {
    let a = train(7, "a");
    let b = train(7, "b");
    let c = train(8, "c");
    for f in [TAGGER_FILE, LEMMATIZER_FILE, PARSER_FILE] {
        let (x, y) = (std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap());
        assert!(x == y, "{f} differs between two runs with the same seed");
        assert!(!x.is_empty());
    }
    // A different seed shuffles differently; at least the parser weights move.
    let p7 = std::fs::read(a.join(PARSER_FILE)).unwrap();
    let p8 = std::fs::read(c.join(PARSER_FILE)).unwrap();
    assert_ne!(p7, p8, "the seed has no effect");

    // The models load and produce a single-rooted tree with known labels.
    let m = Models::load_dir(&a).expect("load trained models");
    let mut s = depparse::eval::blank(&nlp::conllu::parse(
        "1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tenvoys\t_\t_\t_\t_\t_\t_\t_\t_\n3\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n4\tPolice\t_\t_\t_\t_\t_\t_\t_\t_\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
    )
    .sentences[0]);
    m.analyze(&mut s);
    assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
    assert_eq!(s.tokens[0].upos, "DET");
    assert_eq!(s.tokens[1].lemma, "envoy");
    for d in [a, b, c] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn malformed_treebank_is_an_error_with_file_and_line() {
    let out = out_dir("bad");
    let o = TrainOptions::new(vec![data("malformed.conllu")], out.clone(), 1);
    let quiet = |_: &str| {};
    let err = run(&o, &quiet).unwrap_err();
    assert!(matches!(err, TrainError::Malformed { .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("malformed.conllu:4:"), "{msg}");
    assert!(!out.join(TAGGER_FILE).exists(), "nothing is written from bad data");
    let missing = TrainOptions::new(vec![data("no-such-file.conllu")], out, 1);
    assert!(matches!(run(&missing, &quiet), Err(TrainError::Read { .. })));
}

#[test]
fn clusters_are_stored_in_the_models_and_training_stays_deterministic() {
    use depparse::cluster::Clusters;
    use std::sync::Arc;
    // Our own small table in the package's integer form (first branch in bit 0).
    let entries = [
        ("the", 11.0),
        ("a", 19.0),
        ("an", 3.0),
        ("minister", 37.0),
        ("envoys", 101.0),
        ("rebels", 101.0),
        ("convoy", 37.0),
        ("met", 116.0),
        ("attacked", 244.0),
        ("signed", 244.0),
        ("goma", 1446.0),
    ];
    let table = Arc::new(
        Clusters::from_entries(entries.iter().map(|&(w, c)| (w, c, None)), Path::new("t")).unwrap(),
    );
    let train = |tag: &str| {
        let out = out_dir(tag);
        let mut o = TrainOptions::new(vec![data("tiny.conllu")], out.clone(), 7);
        o.folds = 3;
        o.tagger.epochs = 3;
        o.parser.epochs = 4;
        o.lemma.epochs = 3;
        o.tagger.clusters = Some(table.clone());
        o.parser.clusters = Some(table.clone());
        let quiet = |_: &str| {};
        run(&o, &quiet).expect("training the tiny treebank with clusters");
        out
    };
    let (a, b, plain) = (train("cl-a"), train("cl-b"), self::train(7, "cl-plain"));
    for f in [TAGGER_FILE, PARSER_FILE] {
        let (x, y) = (std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap());
        assert!(x == y, "{f} with clusters differs between two runs with the same seed");
    }
    let m = Models::load_dir(&a).expect("load models trained with clusters");
    assert_eq!(m.tagger.clusters().map(|c| c.len()), Some(entries.len()));
    assert_eq!(m.parser.clusters(), Some(&*table));
    let p = Models::load_dir(&plain).expect("load models trained without clusters");
    assert!(p.tagger.clusters().is_none() && p.parser.clusters().is_none());
    let mut s = depparse::eval::blank(&nlp::conllu::parse(
        "1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n2\trebels\t_\t_\t_\t_\t_\t_\t_\t_\n3\tsigned\t_\t_\t_\t_\t_\t_\t_\t_\n4\tan\t_\t_\t_\t_\t_\t_\t_\t_\n5\taccord\t_\t_\t_\t_\t_\t_\t_\t_\n6\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
    )
    .sentences[0]);
    m.analyze(&mut s);
    assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
    assert_eq!(s.tokens[0].upos, "DET");
    // A truncated file with clusters is a typed error, not a panic.
    let bytes = std::fs::read(a.join(PARSER_FILE)).unwrap();
    assert!(depparse::ParserModel::from_bytes(&bytes[..bytes.len() - 7], "cut").is_err());
    for d in [a, b, plain] {
        let _ = std::fs::remove_dir_all(d);
    }
}
