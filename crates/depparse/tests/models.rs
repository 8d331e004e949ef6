//! The committed models: they load within budget from `models/`, reject corrupt files with a
//! typed error, and survive hostile sentences (empty, 1,000+ words, odd characters).

use depparse::{Lemmatizer, ModelError, Models, ParserModel, TaggerModel};
use model::{AnalyzedSentence, Span, Token};

fn sentence(words: &[&str]) -> AnalyzedSentence {
    let mut pos = 0;
    let tokens = words
        .iter()
        .map(|w| {
            let t = Token {
                span: Span::new(pos, pos + w.len()),
                form: w.to_string(),
                ..Token::default()
            };
            pos += w.len() + 1;
            t
        })
        .collect();
    AnalyzedSentence { index: 0, span: Span::new(0, pos.saturating_sub(1)), tokens }
}

fn assert_tree(s: &AnalyzedSentence) {
    let n = s.tokens.len() as u32;
    assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1, "exactly one root");
    for (i, t) in s.tokens.iter().enumerate() {
        assert!(t.head <= n && t.head != i as u32 + 1, "word {} head {}", i + 1, t.head);
        assert!(!t.deprel.is_empty() && !t.upos.is_empty() && !t.xpos.is_empty());
        // Following heads reaches the root without a cycle.
        let (mut h, mut steps) = (t.head, 0);
        while h != 0 {
            h = s.tokens[h as usize - 1].head;
            steps += 1;
            assert!(steps <= n, "cycle through word {}", i + 1);
        }
    }
}

#[test]
fn committed_models_analyse_news_and_hostile_input() {
    let m = Models::load_default().expect("models/ is committed");
    let mut s =
        sentence(&["Rebels", "attacked", "a", "UN", "convoy", "near", "Goma", "on", "Monday", "."]);
    m.analyze(&mut s);
    assert_tree(&s);
    assert_eq!(s.tokens[1].upos, "VERB");
    assert_eq!(s.tokens[1].lemma, "attack");
    assert_eq!(s.tokens[1].head, 0);
    assert_eq!(s.tokens[0].head, 2);
    assert_eq!(s.tokens[0].deprel, "nsubj");

    let mut empty = sentence(&[]);
    m.analyze(&mut empty);
    assert!(empty.tokens.is_empty());

    let odd = ["", "\u{0}", "😀", "Ωμέγα", "中文", "-----", "'s", "n't", "$", "%", "\t"];
    let mut s = sentence(&odd);
    m.analyze(&mut s);
    assert_tree(&s);

    let long: Vec<String> =
        (0..1500).map(|i| ["the", "talks", "went", "on", ",", "and"][i % 6].to_string()).collect();
    let refs: Vec<&str> = long.iter().map(String::as_str).collect();
    let mut s = sentence(&refs);
    m.analyze(&mut s);
    assert_tree(&s);
}

#[test]
fn corrupt_or_truncated_model_files_are_typed_errors() {
    let dir = Models::default_dir();
    let t = std::fs::read(dir.join(depparse::TAGGER_FILE)).unwrap();
    let p = std::fs::read(dir.join(depparse::PARSER_FILE)).unwrap();
    let l = std::fs::read(dir.join(depparse::LEMMATIZER_FILE)).unwrap();
    for cut in [0, 4, 20, 40, t.len() / 2, t.len() - 1] {
        assert!(TaggerModel::from_bytes(&t[..cut], "t").is_err(), "cut {cut}");
    }
    for cut in [0, 27, 100, p.len() / 3, p.len() - 1] {
        assert!(ParserModel::from_bytes(&p[..cut], "p").is_err(), "cut {cut}");
    }
    let mut bad = l.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0xff;
    assert!(matches!(Lemmatizer::from_bytes(&bad, "l"), Err(ModelError::Checksum { .. })));
    assert!(matches!(ParserModel::from_bytes(&t, "t"), Err(ModelError::WrongKind { .. })));
    let mut v = l;
    v[8] = 99;
    assert!(matches!(Lemmatizer::from_bytes(&v, "l"), Err(ModelError::Version { .. })));
    let missing = Models::load_dir(std::path::Path::new("/nonexistent/models"));
    assert!(matches!(missing, Err(ModelError::Io { .. })));
}
