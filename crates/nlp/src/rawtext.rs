//! Raw documents rebuilt from a treebank, for raw-text evaluation and benchmarks.
//!
//! As in the CoNLL 2018 shared task's raw-text inputs: a `# newdoc` starts a document, a
//! `# newpar` a paragraph (paragraphs are joined by a blank line, as in `Article.text`), and
//! the sentences of a paragraph are joined by one space. Each document keeps the byte span of
//! every gold sentence, so sentence splitting can be scored without the CoNLL-U scorer too.

use crate::conllu::{self, Sentence};
use crate::{NlpError, Pipeline};
use model::{AnalyzedSentence, Span};

/// One rebuilt document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawDoc {
    /// The document id: the first sentence's `sent_id` without its `-N` suffix, or as given.
    pub id: Option<String>,
    pub text: String,
    pub paragraphs: Vec<Span>,
    /// Gold sentence spans into `text`.
    pub sentences: Vec<Span>,
    /// Index of the document's first sentence in the treebank.
    pub first_sentence: usize,
}

/// The text of a sentence: `# text` when it agrees with the token forms (ignoring
/// whitespace), otherwise the forms joined by `SpaceAfter`.
pub fn sentence_text(s: &Sentence) -> String {
    let rebuilt = Sentence { text: None, ..s.clone() }.surface_text();
    match &s.text {
        Some(t) if squash(t) == squash(&rebuilt) => t.clone(),
        _ => rebuilt,
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Groups sentences into documents. `doc_id` gives the id of a sentence's document when the
/// treebank has no `# newdoc` lines (e.g. derived from `sent_id`); return `None` to use
/// `# newdoc` only.
pub fn documents(sentences: &[Sentence], doc_ids: &[Option<String>]) -> Vec<RawDoc> {
    let mut docs: Vec<RawDoc> = Vec::new();
    let mut para_start = 0usize;
    for (i, s) in sentences.iter().enumerate() {
        let new_doc = docs.is_empty() || s.newdoc || doc_ids.get(i).is_some_and(Option::is_some);
        if new_doc {
            if let Some(d) = docs.last_mut() {
                close_para(d, para_start);
            }
            docs.push(RawDoc {
                id: doc_ids.get(i).cloned().flatten().or_else(|| s.id.as_deref().map(doc_of)),
                first_sentence: i,
                ..RawDoc::default()
            });
            para_start = 0;
        }
        let d = docs.last_mut().expect("pushed above");
        if !d.text.is_empty() {
            if s.newpar {
                close_para(d, para_start);
                d.text.push_str("\n\n");
                para_start = d.text.len();
            } else {
                d.text.push(' ');
            }
        }
        let t = sentence_text(s);
        let start = d.text.len();
        d.text.push_str(t.trim());
        d.sentences.push(Span::new(start, d.text.len()));
    }
    if let Some(d) = docs.last_mut() {
        close_para(d, para_start);
    }
    docs
}

/// "GUM_news_nasa-12" → "GUM_news_nasa"; ids without a numeric suffix are kept.
pub fn doc_of(sent_id: &str) -> String {
    match sent_id.rsplit_once('-') {
        Some((doc, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => doc.to_string(),
        _ => sent_id.to_string(),
    }
}

fn close_para(d: &mut RawDoc, start: usize) {
    if d.text.len() > start {
        d.paragraphs.push(Span::new(start, d.text.len()));
    }
}

/// Counts for sentence segmentation scored on byte spans of the same text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SplitScore {
    /// Sentences whose span matches exactly (the CoNLL scorer's "Sentences").
    pub sentences_correct: usize,
    pub sentences_gold: usize,
    pub sentences_system: usize,
    /// Sentence-internal boundaries (a start that is not a document start).
    pub boundaries_correct: usize,
    pub boundaries_gold: usize,
    pub boundaries_system: usize,
}

impl SplitScore {
    pub fn add(&mut self, gold: &[Span], system: &[Span]) {
        let g: std::collections::HashSet<Span> = gold.iter().copied().collect();
        self.sentences_gold += gold.len();
        self.sentences_system += system.len();
        self.sentences_correct += system.iter().filter(|s| g.contains(s)).count();
        let gb: std::collections::HashSet<u32> = gold.iter().skip(1).map(|s| s.start).collect();
        self.boundaries_gold += gb.len();
        let sb: Vec<u32> = system.iter().skip(1).map(|s| s.start).collect();
        self.boundaries_system += sb.len();
        self.boundaries_correct += sb.iter().filter(|b| gb.contains(b)).count();
    }

    pub fn sentence_f1(&self) -> f64 {
        f1(self.sentences_correct, self.sentences_gold, self.sentences_system)
    }

    pub fn boundary_f1(&self) -> f64 {
        f1(self.boundaries_correct, self.boundaries_gold, self.boundaries_system)
    }

    pub fn boundary_precision(&self) -> f64 {
        div(self.boundaries_correct, self.boundaries_system)
    }

    pub fn boundary_recall(&self) -> f64 {
        div(self.boundaries_correct, self.boundaries_gold)
    }
}

fn div(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(c: usize, g: usize, s: usize) -> f64 {
    div(2 * c, g + s)
}

/// The output of running a pipeline over rebuilt documents.
#[derive(Debug, Clone, Default)]
pub struct RawRun {
    /// System output as CoNLL-U, documents in order.
    pub conllu: String,
    /// Per document, the analysed sentences.
    pub sentences: Vec<Vec<AnalyzedSentence>>,
    pub split: SplitScore,
    /// Syntactic words produced.
    pub words: usize,
}

/// Runs `pipeline` over every document and scores its sentence spans against the gold ones.
pub fn run(pipeline: &Pipeline<'_>, docs: &[RawDoc]) -> Result<RawRun, NlpError> {
    let mut out = RawRun::default();
    for d in docs {
        let sents = pipeline.analyze(&d.text, &d.paragraphs)?;
        let spans: Vec<Span> = sents.iter().map(|s| s.span).collect();
        out.split.add(&d.sentences, &spans);
        out.words += sents.iter().map(|s| s.tokens.len()).sum::<usize>();
        conllu::write(&sents, &d.text, &mut out.conllu);
        out.sentences.push(sents);
    }
    Ok(out)
}

/// Why a raw-text evaluation failed.
#[derive(Debug, thiserror::Error)]
pub enum RawEvalError {
    #[error(transparent)]
    Analyze(#[from] NlpError),
    /// Our own output did not read back (a writer bug).
    #[error("system CoNLL-U did not read back: {0}")]
    Output(String),
    #[error(transparent)]
    Eval(#[from] crate::eval::EvalError),
}

/// Rebuilds the raw documents of `gold`, runs `pipeline` over them and scores the result
/// with the CoNLL 2018 metrics (raw-text mode: tokens and sentences are aligned by
/// characters). Returns the report and the run.
pub fn evaluate_pipeline(
    pipeline: &Pipeline<'_>,
    gold: &[Sentence],
) -> Result<(crate::eval::Report, RawRun), RawEvalError> {
    let docs = documents(gold, &[]);
    let run = run(pipeline, &docs)?;
    let sys = conllu::parse(&run.conllu);
    if let Some(d) = sys.diagnostics.first() {
        return Err(RawEvalError::Output(d.to_string()));
    }
    let report = crate::eval::evaluate(gold, &sys.sentences)?;
    Ok((report, run))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn rebuilds_documents_and_paragraphs() {
        let text = "# newdoc id = d1\n# newpar\n# text = A b.\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tb\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# text = C.\n1\tC\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# newpar\n1\tD\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# newdoc id = d2\n# sent_id = d2-1\n1\tE\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        let p = conllu::parse(text);
        let docs = documents(&p.sentences, &[]);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "A b. C.\n\nD");
        assert_eq!(docs[0].paragraphs, vec![Span::new(0, 7), Span::new(9, 10)]);
        assert_eq!(docs[0].sentences, vec![Span::new(0, 4), Span::new(5, 7), Span::new(9, 10)]);
        assert_eq!(docs[1].id.as_deref(), Some("d2"));
        let mut sc = SplitScore::default();
        sc.add(&docs[0].sentences, &[Span::new(0, 7), Span::new(9, 10)]);
        assert_eq!((sc.sentences_correct, sc.boundaries_correct, sc.boundaries_gold), (1, 1, 2));
    }
}
