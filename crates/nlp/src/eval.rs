//! CoNLL 2018 shared-task scoring of a system CoNLL-U file against a gold one.
//!
//! Our implementation of the published method (Zeman et al. 2018, "CoNLL 2018 Shared Task:
//! Multilingual Parsing from Raw Text to Universal Dependencies", section 2 and the scorer's
//! documentation): both files are reduced to their stream of non-whitespace characters, which
//! must be equal; tokens, multiword-token words and sentences become character spans in that
//! stream. Tokens and sentences score by exact span match. Words are aligned by span; inside
//! a stretch covered by a multiword token on either side they are aligned by the longest
//! common subsequence of their (lower-cased) forms. Tag, lemma and attachment scores are F1
//! over aligned words (precision over system words, recall over gold words); UAS/LAS compare
//! the gold word of the system head with the gold head. Features keep only the universal
//! feature names (sorted); relations drop their subtype.

use crate::conllu::{self, Sentence};
use std::collections::HashMap;
use std::fmt::{self, Write as _};

/// Why two files cannot be scored against each other.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvalError {
    /// The files do not contain the same text (ignoring whitespace).
    #[error(
        "the texts differ at character {offset} (gold sentence starting at line {gold_line}, \
         system sentence starting at line {system_line}): gold {gold:?}, system {system:?}"
    )]
    TextMismatch {
        offset: usize,
        gold_line: usize,
        system_line: usize,
        gold: String,
        system: String,
    },
}

/// Counts behind one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
    /// Aligned words (for word-level metrics), else `None`.
    pub aligned: Option<usize>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.gold + self.system)
    }
    /// Correct over aligned words (the scorer's "AligndAcc").
    pub fn aligned_accuracy(&self) -> Option<f64> {
        self.aligned.map(|a| ratio(self.correct, a))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// All metrics of one comparison, in the scorer's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub tokens: Score,
    pub sentences: Score,
    pub words: Score,
    pub upos: Score,
    pub xpos: Score,
    pub ufeats: Score,
    pub alltags: Score,
    pub lemmas: Score,
    pub uas: Score,
    pub las: Score,
    pub clas: Score,
}

impl Report {
    /// `(name, score)` pairs in the scorer's order.
    pub fn rows(&self) -> [(&'static str, Score); 11] {
        [
            ("Tokens", self.tokens),
            ("Sentences", self.sentences),
            ("Words", self.words),
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("UFeats", self.ufeats),
            ("AllTags", self.alltags),
            ("Lemmas", self.lemmas),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("CLAS", self.clas),
        ]
    }
}

impl fmt::Display for Report {
    /// The scorer's verbose table (percentages).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        let _ = writeln!(s, "Metric     | Precision |    Recall |  F1 Score | AligndAcc");
        let _ = writeln!(s, "-----------+-----------+-----------+-----------+-----------");
        for (name, sc) in self.rows() {
            let acc =
                sc.aligned_accuracy().map_or(String::new(), |a| format!("{:>9.2}", 100.0 * a));
            let _ = writeln!(
                s,
                "{name:<11}|{:>10.2} |{:>10.2} |{:>10.2} |{acc:>10}",
                100.0 * sc.precision(),
                100.0 * sc.recall(),
                100.0 * sc.f1(),
            );
        }
        f.write_str(&s)
    }
}

/// Universal feature names kept by the scorer.
const UNIVERSAL_FEATURES: &[&str] = &[
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number",
    "Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident",
    "Polarity", "Person", "Polite",
];

/// Relations that count for CLAS (content words), as in the scorer.
const CONTENT_DEPRELS: &[&str] = &[
    "nsubj",
    "obj",
    "iobj",
    "csubj",
    "ccomp",
    "xcomp",
    "obl",
    "vocative",
    "expl",
    "dislocated",
    "advcl",
    "advmod",
    "discourse",
    "nmod",
    "appos",
    "nummod",
    "acl",
    "amod",
    "conj",
    "fixed",
    "flat",
    "compound",
    "list",
    "parataxis",
    "orphan",
    "goeswith",
    "reparandum",
    "root",
    "dep",
];

#[derive(Debug, Clone)]
struct EWord {
    start: usize,
    end: usize,
    multiword: bool,
    form_lower: String,
    upos: String,
    xpos: String,
    feats: String,
    lemma: String,
    deprel: String,
    /// Index of the head word in the file's word list, `None` for the root.
    head: Option<usize>,
}

#[derive(Debug, Default)]
struct Doc {
    chars: Vec<char>,
    /// For each character, the line of the sentence it came from (for error messages).
    char_line: Vec<usize>,
    tokens: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    words: Vec<EWord>,
}

fn is_zs(c: char) -> bool {
    // Unicode category Zs (space separators).
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn build(sentences: &[Sentence]) -> Doc {
    let mut d = Doc::default();
    for s in sentences {
        let sent_start = d.chars.len();
        let base = d.words.len();
        let mut mwt = s.multiword.iter().peekable();
        let mut i = 0usize;
        let push_token = |d: &mut Doc, form: &str| -> (usize, usize) {
            let start = d.chars.len();
            d.chars.extend(form.chars().filter(|&c| !is_zs(c)));
            d.char_line.resize(d.chars.len(), s.line);
            d.tokens.push((start, d.chars.len()));
            (start, d.chars.len())
        };
        while i < s.words.len() {
            let id = i as u32 + 1;
            if let Some(m) = mwt.next_if(|m| m.first == id) {
                let (a, b) = push_token(&mut d, &m.form);
                for k in (m.first as usize - 1)..(m.last as usize).min(s.words.len()) {
                    d.words.push(word(&s.words[k], a, b, true, base));
                }
                i = m.last as usize;
            } else {
                let (a, b) = push_token(&mut d, &s.words[i].form);
                d.words.push(word(&s.words[i], a, b, false, base));
                i += 1;
            }
        }
        d.sentences.push((sent_start, d.chars.len()));
    }
    d
}

fn word(w: &conllu::Word, start: usize, end: usize, multiword: bool, base: usize) -> EWord {
    let mut feats: Vec<&str> = w
        .feats
        .split('|')
        .filter(|f| f.split('=').next().is_some_and(|n| UNIVERSAL_FEATURES.contains(&n)))
        .collect();
    feats.sort_unstable();
    let feats = feats.join("|");
    EWord {
        start,
        end,
        multiword,
        form_lower: w.form.to_lowercase(),
        upos: w.upos.clone(),
        xpos: w.xpos.clone(),
        feats,
        lemma: w.lemma.clone(),
        deprel: w.deprel.split(':').next().unwrap_or("").to_string(),
        head: match w.head {
            Some(0) | None => None,
            Some(h) => Some(base + h as usize - 1),
        },
    }
}

fn spans_score(gold: &[(usize, usize)], system: &[(usize, usize)]) -> Score {
    let (mut correct, mut gi, mut si) = (0, 0, 0);
    while gi < gold.len() && si < system.len() {
        if system[si].0 < gold[gi].0 {
            si += 1;
        } else if gold[gi].0 < system[si].0 {
            gi += 1;
        } else {
            correct += usize::from(gold[gi].1 == system[si].1);
            si += 1;
            gi += 1;
        }
    }
    Score { gold: gold.len(), system: system.len(), correct, aligned: None }
}

/// Aligned (gold index, system index) pairs.
fn align(gold: &[EWord], system: &[EWord]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut gi, mut si) = (0usize, 0usize);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multiword || system[si].multiword {
            let (gs, ss, ge, se) = multiword_span(gold, system, gi, si);
            gi = ge;
            si = se;
            if ge > gs && se > ss {
                lcs_align(&gold[gs..ge], &system[ss..se], gs, ss, &mut pairs);
            }
        } else if (gold[gi].start, gold[gi].end) == (system[si].start, system[si].end) {
            pairs.push((gi, si));
            gi += 1;
            si += 1;
        } else if gold[gi].start <= system[si].start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    pairs
}

fn beyond_end(words: &[EWord], i: usize, end: usize) -> bool {
    if i >= words.len() {
        return true;
    }
    if words[i].multiword {
        words[i].start >= end
    } else {
        words[i].end > end
    }
}

fn extend_end(w: &EWord, end: usize) -> usize {
    if w.multiword && w.end > end {
        w.end
    } else {
        end
    }
}

fn multiword_span(
    gold: &[EWord],
    system: &[EWord],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if gold[gi].multiword {
        end = gold[gi].end;
        if !system[si].multiword && system[si].start < gold[gi].start {
            si += 1;
        }
    } else {
        end = system[si].end;
        if !gold[gi].multiword && gold[gi].start < system[si].start {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    while !beyond_end(gold, gi, end) || !beyond_end(system, si, end) {
        if gi < gold.len() && (si >= system.len() || gold[gi].start <= system[si].start) {
            end = extend_end(&gold[gi], end);
            gi += 1;
        } else {
            end = extend_end(&system[si], end);
            si += 1;
        }
    }
    (gs, ss, gi, si)
}

/// Longest-common-subsequence alignment of forms inside a multiword stretch. Stretches are
/// short (a few words) in real data; a pathological one is capped so memory stays bounded.
fn lcs_align(g: &[EWord], s: &[EWord], gs: usize, ss: usize, pairs: &mut Vec<(usize, usize)>) {
    const MAX_CELLS: usize = 4_000_000;
    let (n, m) = (g.len(), s.len());
    if n * m > MAX_CELLS {
        return; // nothing aligned in an absurd stretch; counts stay honest (unaligned)
    }
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut v =
                if g[i].form_lower == s[j].form_lower { 1 + lcs[at(i + 1, j + 1)] } else { 0 };
            v = v.max(lcs[at(i + 1, j)]).max(lcs[at(i, j + 1)]);
            lcs[at(i, j)] = v;
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if g[i].form_lower == s[j].form_lower {
            pairs.push((gs + i, ss + j));
            i += 1;
            j += 1;
        } else if lcs[at(i, j)] == lcs[at(i + 1, j)] {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// Scores `system` against `gold` (both CoNLL-U sentence lists).
pub fn evaluate(gold: &[Sentence], system: &[Sentence]) -> Result<Report, EvalError> {
    let g = build(gold);
    let s = build(system);
    if g.chars != s.chars {
        let offset = g.chars.iter().zip(&s.chars).take_while(|(a, b)| a == b).count();
        let snip = |d: &Doc| d.chars.iter().skip(offset).take(20).collect::<String>();
        return Err(EvalError::TextMismatch {
            offset,
            gold_line: g.char_line.get(offset).copied().unwrap_or(0),
            system_line: s.char_line.get(offset).copied().unwrap_or(0),
            gold: snip(&g),
            system: snip(&s),
        });
    }
    let pairs = align(&g.words, &s.words);
    let sys_to_gold: HashMap<usize, usize> = pairs.iter().map(|&(gi, si)| (si, gi)).collect();
    let gold_head = |w: &EWord| w.head;
    let sys_head = |w: &EWord| -> Option<Option<usize>> {
        match w.head {
            None => Some(None),
            Some(h) => sys_to_gold.get(&h).map(|&gh| Some(gh)),
        }
    };
    let total = |filter: &dyn Fn(&EWord) -> bool| Score {
        gold: g.words.iter().filter(|w| filter(w)).count(),
        system: s.words.iter().filter(|w| filter(w)).count(),
        correct: 0,
        aligned: Some(pairs.iter().filter(|&&(gi, _)| filter(&g.words[gi])).count()),
    };
    let metric = |filter: &dyn Fn(&EWord) -> bool, same: &dyn Fn(&EWord, &EWord) -> bool| {
        let mut sc = total(filter);
        sc.correct = pairs
            .iter()
            .filter(|&&(gi, si)| filter(&g.words[gi]) && same(&g.words[gi], &s.words[si]))
            .count();
        sc
    };
    let all = |_: &EWord| true;
    let content = |w: &EWord| CONTENT_DEPRELS.contains(&w.deprel.as_str());
    let mut words = total(&all);
    words.correct = pairs.len();
    words.aligned = None;
    let uas_same = |gw: &EWord, sw: &EWord| sys_head(sw) == Some(gold_head(gw));
    Ok(Report {
        tokens: spans_score(&g.tokens, &s.tokens),
        sentences: spans_score(&g.sentences, &s.sentences),
        words,
        upos: metric(&all, &|a, b| a.upos == b.upos),
        xpos: metric(&all, &|a, b| a.xpos == b.xpos),
        ufeats: metric(&all, &|a, b| a.feats == b.feats),
        alltags: metric(&all, &|a, b| a.upos == b.upos && a.xpos == b.xpos && a.feats == b.feats),
        lemmas: metric(&all, &|a, b| a.lemma.is_empty() || a.lemma == b.lemma),
        uas: metric(&all, &uas_same),
        las: metric(&all, &|a, b| uas_same(a, b) && a.deprel == b.deprel),
        clas: metric(&content, &|a, b| uas_same(a, b) && a.deprel == b.deprel),
    })
}

/// Parses and scores two CoNLL-U texts; reader diagnostics are returned beside the report.
pub fn evaluate_text(
    gold: &str,
    system: &str,
) -> Result<(Report, Vec<conllu::Diagnostic>, Vec<conllu::Diagnostic>), EvalError> {
    let g = conllu::parse(gold);
    let s = conllu::parse(system);
    let r = evaluate(&g.sentences, &s.sentences)?;
    Ok((r, g.diagnostics, s.diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\tCase=Nom|Typo=Yes\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";

    #[test]
    fn identical_files_score_100() {
        let (r, _, _) = evaluate_text(GOLD, GOLD).unwrap();
        for (name, s) in r.rows() {
            assert_eq!(s.f1(), 1.0, "{name}");
        }
    }

    #[test]
    fn tokenization_and_sentence_errors_count() {
        // System: no multiword token, "don't" as one word, and one sentence only.
        let sys = "1\tI\tI\tPRON\tPRP\tCase=Nom\t3\tnsubj:x\t_\t_\n\
2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
3\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\
5\tOK\tok\tINTJ\tUH\t_\t3\tdiscourse\t_\t_\n\n";
        let (r, _, _) = evaluate_text(GOLD, sys).unwrap();
        // Tokens: I, don't, know, ., OK all match.
        assert_eq!((r.tokens.correct, r.tokens.gold, r.tokens.system), (5, 5, 5));
        // Sentences: gold 2, system 1, none equal.
        assert_eq!((r.sentences.correct, r.sentences.gold, r.sentences.system), (0, 2, 1));
        // Words: gold 6, system 5; aligned I, know, ., OK (LCS finds none inside don't).
        assert_eq!((r.words.correct, r.words.gold, r.words.system), (4, 6, 5));
        // Features: Typo is not universal, so "Case=Nom" matches.
        assert_eq!(r.ufeats.correct, 4);
        // UAS: I→know ok, know root ok, .→know ok, OK: gold root vs system know: wrong.
        assert_eq!(r.uas.correct, 3);
        assert_eq!(r.las.correct, 3, "subtypes are ignored");
    }

    #[test]
    fn feature_order_and_language_specific_features_do_not_matter() {
        let g = "1\tOK\tok\tINTJ\tUH\tNumber=Sing|Case=Nom|Typo=Yes\t0\troot\t_\t_\n\n";
        let s = "1\tOK\tok\tINTJ\tUH\tCase=Nom|Number=Sing\t0\troot\t_\t_\n\n";
        let (r, _, _) = evaluate_text(g, s).unwrap();
        assert_eq!(r.ufeats.correct, 1);
    }

    #[test]
    fn different_texts_are_an_error() {
        let sys = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n\n";
        assert!(matches!(evaluate_text(GOLD, sys), Err(EvalError::TextMismatch { offset: 1, .. })));
    }
}
