//! The committed models' output on fixed text, pinned by a hash: a speed change to the tagger,
//! lemmatizer or parser must leave every tag, lemma, head and label as it was.
//!
//! The words are the gold tokenization of the UD English EWT test treebank and the GUM test
//! treebank (from ../shared/data, read at run time), so the tokenizer and splitter (which
//! change for their own reasons) do not move the hash. When a change is meant to alter the
//! output (new models, a new feature), update [`EXPECTED`] to the printed hash and say so in
//! the commit, with the accuracy figures before and after.

use depparse::Models;
use model::{AnalyzedSentence, Span, Token};

/// FNV-1a of the tagged and parsed corpora (see [`digest`]).
const EXPECTED: u64 = 0xdb52_486d_80b1_b9f7;

/// Treebanks below `shared/` whose words are analysed.
const CORPORA: [&str; 2] = [
    "data/ud-english-ewt/en_ewt-ud-test.conllu",
    "data/ud-english-gum-permissive/en_gum-permissive-test.conllu",
];

struct Fnv(u64);

impl Fnv {
    fn add(&mut self, s: &str) {
        for &b in s.as_bytes().iter().chain(&[0xff]) {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// Tags and parses every sentence of the corpora (gold words) and hashes each word's UPOS,
/// XPOS, FEATS, lemma, head and label. Returns (hash, sentences), or `None` when the data is
/// absent (outside CI).
fn digest(m: &Models) -> Option<(u64, usize)> {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    let mut n = 0;
    for rel in CORPORA {
        let path = testdata::shared(rel)?;
        let text = std::fs::read_to_string(&path).expect("treebank readable");
        for gold in nlp::conllu::parse(&text).sentences {
            let mut pos = 0;
            let tokens = gold
                .words
                .iter()
                .map(|w| {
                    let span = Span::new(pos, pos + w.form.len());
                    pos += w.form.len() + 1;
                    Token { span, form: w.form.clone(), ..Token::default() }
                })
                .collect();
            let mut s = AnalyzedSentence { index: n as _, span: Span::new(0, pos), tokens };
            m.analyze(&mut s);
            for t in &s.tokens {
                for field in [&t.upos, &t.xpos, &t.feats, &t.lemma, &t.deprel] {
                    h.add(field);
                }
                h.add(&t.head.to_string());
            }
            n += 1;
        }
    }
    Some((h.0, n))
}

#[test]
fn committed_models_give_the_pinned_output() {
    let m = Models::load_default().expect("models/ is committed");
    let Some((got, n)) = digest(&m) else { return };
    eprintln!("output digest of {n} sentences: {got:#018x}");
    assert_eq!(
        got, EXPECTED,
        "the tagger/parser output changed ({got:#018x}, pinned {EXPECTED:#018x}); a speed change \
         must keep it, a deliberate model change updates EXPECTED"
    );
}
