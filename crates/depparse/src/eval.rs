//! Scoring with gold tokenization: [`conll2018`] runs the predictions through `nlp::eval` (the
//! CoNLL 2018 shared-task metrics); [`add`] is a quick word-by-word counter with the same
//! conventions (all words incl. punctuation; LAS compares the universal part of the relation)
//! used where only totals are needed.

use model::AnalyzedSentence;
use nlp::conllu::Sentence;

/// Correct counts over `words`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub feats: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
}

impl Counts {
    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }
    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }
    pub fn feats_pct(&self) -> f64 {
        self.pct(self.feats)
    }
    pub fn lemma_pct(&self) -> f64 {
        self.pct(self.lemma)
    }
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Adds the comparison of one predicted sentence against its gold sentence (same words).
pub fn add(gold: &Sentence, pred: &AnalyzedSentence, c: &mut Counts) {
    for (g, p) in gold.words.iter().zip(&pred.tokens) {
        c.words += 1;
        c.upos += (g.upos == p.upos) as usize;
        c.xpos += (g.xpos == p.xpos) as usize;
        c.feats += (g.feats == p.feats) as usize;
        c.lemma += (g.lemma == p.lemma || (g.lemma.is_empty() && p.lemma == "_")) as usize;
        let head_ok = g.head == Some(p.head);
        c.uas += head_ok as usize;
        c.las += (head_ok && universal(&g.deprel) == universal(&p.deprel)) as usize;
    }
    // Words the prediction lacks count as wrong.
    c.words += gold.words.len().saturating_sub(pred.tokens.len());
}

/// An unanalysed sentence with the gold words (forms only), for a tagger and parser to fill.
pub fn blank(gold: &Sentence) -> AnalyzedSentence {
    let mut s = AnalyzedSentence::default();
    let mut pos = 0u32;
    for w in &gold.words {
        let len = w.form.len() as u32;
        s.tokens.push(model::Token {
            span: model::Span { start: pos, end: pos + len },
            form: w.form.clone(),
            ..Default::default()
        });
        pos += len + 1;
    }
    s.span = model::Span { start: 0, end: pos.saturating_sub(1) };
    s
}

/// The gold sentence with its word annotations replaced by the prediction's (same words).
pub fn system_sentence(gold: &Sentence, pred: &AnalyzedSentence) -> Sentence {
    let mut s = gold.clone();
    for (w, t) in s.words.iter_mut().zip(&pred.tokens) {
        w.lemma = t.lemma.clone();
        w.upos = t.upos.clone();
        w.xpos = t.xpos.clone();
        w.feats = t.feats.clone();
        w.head = Some(t.head);
        w.deprel = t.deprel.clone();
    }
    s
}

/// CoNLL 2018 scores of `preds` (one per gold sentence, same words) through `nlp::eval`.
pub fn conll2018(
    gold: &[Sentence],
    preds: &[AnalyzedSentence],
) -> Result<nlp::eval::Report, nlp::eval::EvalError> {
    let system: Vec<Sentence> =
        gold.iter().zip(preds).map(|(g, p)| system_sentence(g, p)).collect();
    nlp::eval::evaluate(gold, &system)
}
