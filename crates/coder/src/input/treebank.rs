//! Penn Treebank constituency parses → UD-style dependency trees, by head rules of our own.
//!
//! Only what the coder needs is labelled carefully: subjects (`nsubj`, `nsubj:pass`),
//! objects, obliques with their prepositions (`case`), agents (`obl:agent`), possessors,
//! compounds and modifiers inside noun phrases, coordination (`conj`/`cc`), apposition,
//! clausal complements (`ccomp`, `xcomp`, `advcl`, `acl`, `acl:relcl`), auxiliaries and
//! negation (`advmod` with `Polarity=Neg`).
//!
//! Limits: at most [`MAX_DEPTH`] levels and [`MAX_TOKENS`] words; beyond that, or with
//! unbalanced brackets, the reader returns a [`TreeError`] with the byte offset.

use super::align::align;
use model::{AnalyzedSentence, Span, Token};

pub const MAX_DEPTH: usize = 400;
pub const MAX_TOKENS: usize = 2_000;

/// Why a bracketed tree could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("treebank parse at byte {offset}: {message}")]
pub struct TreeError {
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone)]
struct Node {
    label: String,
    /// Leaf: index of the word.
    word: Option<usize>,
    children: Vec<usize>,
}

/// A parsed constituency tree: nodes in an arena, words in order.
#[derive(Debug, Clone)]
pub struct Tree {
    nodes: Vec<Node>,
    root: usize,
    words: Vec<(String, String)>, // (tag, form)
}

fn lex(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'(' || c == b')' {
            out.push((i, &s[i..i + 1]));
            i += 1;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            let st = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'(' && b[i] != b')' {
                i += 1;
            }
            out.push((st, &s[st..i]));
        }
    }
    out
}

/// Reads one bracketed tree (`(ROOT (S (NP (NNP Arnor)) …))`).
pub fn parse_tree(s: &str) -> Result<Tree, TreeError> {
    let toks = lex(s);
    let mut nodes: Vec<Node> = Vec::new();
    let mut words = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut root = None;
    let mut i = 0;
    while i < toks.len() {
        let (off, t) = toks[i];
        match t {
            "(" => {
                if stack.len() >= MAX_DEPTH {
                    return Err(TreeError {
                        offset: off,
                        message: format!("deeper than {MAX_DEPTH} levels"),
                    });
                }
                // Label (may be absent: `( (S …))`).
                let (label, step) = match toks.get(i + 1) {
                    Some((_, l)) if *l != "(" && *l != ")" => (l.to_string(), 2),
                    _ => (String::new(), 1),
                };
                // Leaf: `(TAG word)`.
                if step == 2 {
                    if let (Some((_, w)), Some((_, ")"))) = (toks.get(i + 2), toks.get(i + 3)) {
                        if *w != "(" && *w != ")" {
                            if words.len() >= MAX_TOKENS {
                                return Err(TreeError {
                                    offset: off,
                                    message: format!("more than {MAX_TOKENS} words"),
                                });
                            }
                            let id = nodes.len();
                            nodes.push(Node {
                                label: label.clone(),
                                word: Some(words.len()),
                                children: vec![],
                            });
                            words.push((label, w.to_string()));
                            match stack.last() {
                                Some(&p) => nodes[p].children.push(id),
                                None => {
                                    return Err(TreeError {
                                        offset: off,
                                        message: "word outside any phrase".into(),
                                    })
                                }
                            }
                            i += 4;
                            continue;
                        }
                    }
                }
                let id = nodes.len();
                nodes.push(Node { label, word: None, children: vec![] });
                if let Some(&p) = stack.last() {
                    nodes[p].children.push(id);
                } else if root.is_some() {
                    return Err(TreeError {
                        offset: off,
                        message: "text after the end of the tree".into(),
                    });
                } else {
                    root = Some(id);
                }
                stack.push(id);
                i += step;
            }
            ")" => {
                if stack.pop().is_none() {
                    return Err(TreeError { offset: off, message: "unbalanced `)`".into() });
                }
                i += 1;
            }
            w => {
                return Err(TreeError {
                    offset: off,
                    message: format!("unexpected word `{w}` outside `(TAG word)`"),
                });
            }
        }
    }
    if !stack.is_empty() {
        return Err(TreeError {
            offset: s.len(),
            message: format!("{} unclosed `(`", stack.len()),
        });
    }
    let root = root.ok_or(TreeError { offset: 0, message: "empty parse".into() })?;
    if words.is_empty() {
        return Err(TreeError { offset: 0, message: "parse without words".into() });
    }
    Ok(Tree { nodes, root, words })
}

fn is_noun_tag(t: &str) -> bool {
    matches!(
        t,
        "NN" | "NNS"
            | "NNP"
            | "NNPS"
            | "PRP"
            | "CD"
            | "EX"
            | "WP"
            | "NX"
            | "NP"
            | "NAC"
            | "NML"
            | "QP"
    )
}
fn is_verb_tag(t: &str) -> bool {
    t.starts_with("VB") || t == "MD"
}
fn is_punct_tag(t: &str) -> bool {
    matches!(t, "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "#" | "$" | "HYPH" | "NFP")
}

fn upos(xpos: &str, form: &str) -> &'static str {
    match xpos {
        "NN" | "NNS" => "NOUN",
        "NNP" | "NNPS" => "PROPN",
        "PRP" | "WP" | "EX" | "PRP$" | "WP$" => "PRON",
        "DT" | "PDT" | "WDT" => "DET",
        "JJ" | "JJR" | "JJS" => "ADJ",
        "RB" | "RBR" | "RBS" | "WRB" => "ADV",
        "MD" => "AUX",
        "IN" | "RP" => "ADP",
        "TO" => "PART",
        "CC" => "CCONJ",
        "CD" => "NUM",
        "POS" => "PART",
        "UH" => "INTJ",
        "SYM" => "SYM",
        "FW" | "LS" => "X",
        t if t.starts_with("VB") => "VERB",
        t if is_punct_tag(t) => "PUNCT",
        _ if form.chars().all(|c| c.is_ascii_punctuation()) => "PUNCT",
        _ => "X",
    }
}

fn is_aux_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "be" | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "am"
            | "'s"
            | "'re"
            | "'m"
            | "have"
            | "has"
            | "had"
            | "having"
            | "'ve"
            | "'d"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "wo"
            | "ca"
    )
}
fn is_be(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'s" | "'re"
    )
}
fn is_neg(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "not" | "n't" | "never" | "no")
}

struct Conv<'a> {
    t: &'a Tree,
    head: Vec<u32>,
    rel: Vec<String>,
}

impl Conv<'_> {
    fn label(&self, n: usize) -> &str {
        let l = self.t.nodes[n].label.as_str();
        // Strip function tags: `NP-SBJ-1` → `NP` (but keep `-LRB-` style tags).
        if l.starts_with('-') {
            return l;
        }
        l.split(['-', '=']).next().unwrap_or(l)
    }

    fn word_form(&self, n: usize) -> Option<&str> {
        self.t.nodes[n].word.map(|w| self.t.words[w].1.as_str())
    }

    /// Converts the subtree at `n`; returns its head word (0-based), or None for empty
    /// subtrees (traces).
    fn convert(&mut self, n: usize) -> Option<usize> {
        if let Some(w) = self.t.nodes[n].word {
            return if self.t.words[w].0 == "-NONE-" { None } else { Some(w) };
        }
        let children: Vec<usize> = self.t.nodes[n].children.clone();
        let mut heads: Vec<(usize, usize, String)> = Vec::new(); // (child node, head word, label)
        for c in children {
            if let Some(h) = self.convert(c) {
                heads.push((c, h, self.label(c).to_string()));
            }
        }
        if heads.is_empty() {
            return None;
        }
        let label = self.label(n).to_string();
        let hi = self.pick_head(&label, &heads);
        let h = heads[hi].1;
        self.attach(&label, &heads, hi);
        Some(h)
    }

    fn pick_head(&self, label: &str, kids: &[(usize, usize, String)]) -> usize {
        let find = |pred: &dyn Fn(&str) -> bool| kids.iter().position(|k| pred(&k.2));
        let rfind = |pred: &dyn Fn(&str) -> bool| kids.iter().rposition(|k| pred(&k.2));
        let non_punct = || kids.iter().position(|k| !is_punct_tag(&k.2)).unwrap_or(0);
        match label {
            "S" | "SINV" | "SQ" | "SBARQ" | "ROOT" | "" => find(&|l| l == "VP")
                .or_else(|| find(&|l| l.starts_with('S')))
                .or_else(|| find(&|l| is_verb_tag(l)))
                .or_else(|| find(&|l| l == "NP" || l == "FRAG"))
                .unwrap_or_else(non_punct),
            "VP" => {
                let verb = find(&|l| is_verb_tag(l) || l == "TO");
                let vp = find(&|l| l == "VP");
                let clause = find(&|l| l == "S" || l == "SBAR");
                match (verb, vp) {
                    (Some(v), Some(p)) if p > v => {
                        let w = self.word_form(kids[v].0).unwrap_or("");
                        if is_aux_word(w) || kids[v].2 == "MD" || kids[v].2 == "TO" {
                            p
                        } else {
                            v
                        }
                    }
                    (Some(v), _) => {
                        if kids[v].2 == "TO" {
                            vp.unwrap_or(v)
                        } else {
                            v
                        }
                    }
                    (None, Some(p)) => p,
                    (None, None) => clause.unwrap_or_else(non_punct),
                }
            }
            "SBAR" | "SBARQ2" => {
                find(&|l| l.starts_with('S') || l == "FRAG").unwrap_or_else(non_punct)
            }
            "PP" | "WHPP" => {
                let prep = find(&|l| l == "IN" || l == "TO" || l == "RP");
                let obj = kids.iter().enumerate().position(|(i, k)| {
                    prep.is_some_and(|p| i > p)
                        && matches!(
                            k.2.as_str(),
                            "NP" | "S"
                                | "SBAR"
                                | "ADJP"
                                | "WHNP"
                                | "NN"
                                | "NNS"
                                | "NNP"
                                | "NNPS"
                                | "CD"
                                | "PRP"
                        )
                });
                obj.or(prep).unwrap_or_else(non_punct)
            }
            "NP" | "NX" | "NAC" | "NML" | "WHNP" => self.np_head(kids),
            "ADJP" | "WHADJP" => rfind(&|l| l.starts_with("JJ"))
                .or_else(|| rfind(&|l| l == "ADJP"))
                .unwrap_or_else(non_punct),
            "ADVP" | "WHADVP" => rfind(&|l| l.starts_with("RB")).unwrap_or_else(non_punct),
            "UCP" => non_punct(),
            _ => non_punct(),
        }
    }

    fn np_head(&self, kids: &[(usize, usize, String)]) -> usize {
        let has_cc = kids.iter().any(|k| k.2 == "CC" || k.2 == "CONJP");
        let first_nominal = kids.iter().position(|k| is_noun_tag(&k.2));
        if has_cc {
            if let Some(f) = first_nominal {
                return f;
            }
        }
        // (NP (NP …) (PP|SBAR|VP|, NP …)): the first NP, unless it is a possessor.
        if kids[0].2 == "NP" && kids.len() > 1 {
            let possessor = self.ends_with_pos(kids[0].0);
            if !possessor
                && kids[1..].iter().any(|k| {
                    matches!(
                        k.2.as_str(),
                        "PP" | "SBAR" | "VP" | "," | "NP" | "PRN" | "ADJP" | "RRC" | ":"
                    )
                })
            {
                return 0;
            }
        }
        kids.iter()
            .rposition(|k| is_noun_tag(&k.2) && k.2 != "NP" && k.2 != "QP")
            .or_else(|| kids.iter().rposition(|k| k.2 == "NP" && !self.ends_with_pos(k.0)))
            .or_else(|| kids.iter().rposition(|k| is_noun_tag(&k.2)))
            .or_else(|| kids.iter().rposition(|k| !is_punct_tag(&k.2) && k.2 != "POS"))
            .unwrap_or(0)
    }

    fn ends_with_pos(&self, n: usize) -> bool {
        match self.t.nodes[n].children.last() {
            Some(&c) => {
                self.t.nodes[c].label == "POS"
                    || (self.t.nodes[c].word.is_none() && self.ends_with_pos(c))
            }
            None => false,
        }
    }

    fn attach(&mut self, label: &str, kids: &[(usize, usize, String)], hi: usize) {
        let h = kids[hi].1;
        let head_label = kids[hi].2.clone();
        let mut seen_obj = false;
        let coord = kids.iter().any(|k| k.2 == "CC" || k.2 == "CONJP");
        for (i, (node, w, l)) in kids.iter().enumerate() {
            if i == hi {
                continue;
            }
            let form = self.word_form(*node).unwrap_or("").to_string();
            let before = i < hi;
            let rel: String = if is_punct_tag(l) {
                "punct".into()
            } else if l == "CC" || l == "CONJP" {
                "cc".into()
            } else {
                match label {
                    "S" | "SINV" | "SQ" | "ROOT" | "" | "SBARQ" => match l.as_str() {
                        "NP" if before => "nsubj".into(),
                        "NP" => "obj".into(),
                        "VP" | "S" if coord && !before => "conj".into(),
                        "S" | "SINV" => "ccomp".into(),
                        "SBAR" => "advcl".into(),
                        "PP" => "obl".into(),
                        "ADVP" | "RB" => "advmod".into(),
                        "MD" => "aux".into(),
                        "VP" => "conj".into(),
                        _ => "dep".into(),
                    },
                    "VP" => match l.as_str() {
                        t if before && (is_verb_tag(t)) => "aux".into(),
                        "TO" => "mark".into(),
                        "NP" if !before => {
                            if seen_obj {
                                "obj".into()
                            } else {
                                seen_obj = true;
                                "obj".into()
                            }
                        }
                        "NP" => "nsubj".into(),
                        "PP" => "obl".into(),
                        "S" => {
                            let has_subj =
                                self.t.nodes[*node].children.iter().any(|&c| self.label(c) == "NP");
                            if has_subj {
                                "ccomp".into()
                            } else {
                                "xcomp".into()
                            }
                        }
                        "SBAR" => {
                            let mark = self.first_word(*node).to_ascii_lowercase();
                            if mark == "that" || !matches!(self.first_label(*node).as_str(), "IN") {
                                "ccomp".into()
                            } else {
                                "advcl".into()
                            }
                        }
                        "VP" if coord => "conj".into(),
                        "VP" => "xcomp".into(),
                        "ADJP" => "xcomp".into(),
                        "PRT" | "RP" => "compound:prt".into(),
                        "ADVP" | "RB" => "advmod".into(),
                        "IN" => "mark".into(),
                        _ => "dep".into(),
                    },
                    "SBAR" => "mark".into(),
                    "PP" | "WHPP" => match l.as_str() {
                        "IN" | "TO" | "RP" if before => {
                            if matches!(head_label.as_str(), "S" | "SBAR") {
                                "mark".into()
                            } else {
                                "case".into()
                            }
                        }
                        "ADVP" | "RB" => "advmod".into(),
                        _ => "dep".into(),
                    },
                    "NP" | "NX" | "NAC" | "NML" | "WHNP" => match l.as_str() {
                        _ if coord && !before && (is_noun_tag(l)) => "conj".into(),
                        "DT" | "PDT" | "WDT" => "det".into(),
                        t if t.starts_with("JJ") || t == "ADJP" || t == "VBN" || t == "VBG" => {
                            "amod".into()
                        }
                        "NN" | "NNS" | "NNP" | "NNPS" | "NML" | "NX" if before => "compound".into(),
                        "CD" | "QP" => "nummod".into(),
                        "PRP$" | "WP$" => "nmod:poss".into(),
                        "POS" => "case".into(),
                        "NP" if before && self.ends_with_pos(*node) => "nmod:poss".into(),
                        "NP" if before => "compound".into(),
                        "NP" => "appos".into(),
                        "PP" => "nmod".into(),
                        "SBAR" => "acl:relcl".into(),
                        "VP" | "RRC" | "S" => "acl".into(),
                        "ADVP" | "RB" => "advmod".into(),
                        "PRN" => "appos".into(),
                        _ => "dep".into(),
                    },
                    "ADJP" | "ADVP" | "WHADJP" | "WHADVP" => "advmod".into(),
                    _ => "dep".into(),
                }
            };
            // A temporal noun phrase (`NP-TMP`: "said today", "late Sunday") is a time
            // modifier, never an argument.
            let tmp = l == "NP"
                && self.t.nodes[*node].label.split(['-', '=']).skip(1).any(|f| f == "TMP");
            let rel = match (tmp, label) {
                (true, "NP" | "NX" | "NAC" | "NML" | "WHNP") => "nmod:tmod".into(),
                (true, _) => "obl:tmod".into(),
                _ => rel,
            };
            self.head[*w] = h as u32 + 1;
            self.rel[*w] = rel;
            let _ = form;
        }
        // In coordination, `cc` attaches to the following conjunct (UD).
        if coord {
            for (i, (_, w, l)) in kids.iter().enumerate() {
                if l == "CC" || l == "CONJP" {
                    if let Some((_, nw, _)) =
                        kids[i + 1..].iter().find(|k| !is_punct_tag(&k.2) && k.2 != "CC")
                    {
                        if *nw != h {
                            self.head[*w] = *nw as u32 + 1;
                        }
                    }
                }
            }
        }
    }

    fn first_word(&self, n: usize) -> &str {
        let mut n = n;
        loop {
            if let Some(w) = self.t.nodes[n].word {
                return &self.t.words[w].1;
            }
            match self.t.nodes[n].children.first() {
                Some(&c) => n = c,
                None => return "",
            }
        }
    }

    fn first_label(&self, n: usize) -> String {
        match self.t.nodes[n].children.first() {
            Some(&c) => self.label(c).to_string(),
            None => String::new(),
        }
    }
}

/// The words of a tree and their dependency analysis, spans aligned with `text`.
/// Returns the sentence and the number of words whose span could not be found.
pub fn to_sentence(tree: &Tree, text: &str, index: u32) -> (AnalyzedSentence, usize) {
    let n = tree.words.len();
    let mut conv = Conv { t: tree, head: vec![0; n], rel: vec![String::new(); n] };
    let root = conv.convert(tree.root);
    if let Some(r) = root {
        conv.head[r] = 0;
        conv.rel[r] = "root".into();
    }
    let (mut head, mut rel) = (conv.head, conv.rel);
    // Traces (-NONE-) are dropped: re-index.
    let keep: Vec<usize> = (0..n).filter(|&i| tree.words[i].0 != "-NONE-").collect();
    let mut newid = vec![0u32; n];
    for (k, &i) in keep.iter().enumerate() {
        newid[i] = k as u32 + 1;
    }
    let forms: Vec<&str> = keep.iter().map(|&i| tree.words[i].1.as_str()).collect();
    let (spans, missing) = align(text, &forms);
    let mut tokens: Vec<Token> = keep
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let (tag, form) = &tree.words[i];
            let h = if head[i] == 0 { 0 } else { newid[head[i] as usize - 1] };
            let mut feats = String::new();
            if is_neg(form) && (tag.starts_with("RB") || tag == "DT") {
                feats = "Polarity=Neg".into();
            }
            Token {
                span: spans[k],
                form: form.clone(),
                lemma: form.to_lowercase(),
                upos: upos(tag, form).to_string(),
                xpos: tag.clone(),
                feats,
                head: h,
                deprel: std::mem::take(&mut rel[i]),
                mwt: None,
            }
        })
        .collect();
    head.clear();
    mark_passives(&mut tokens);
    let span = match (spans.first(), spans.last()) {
        (Some(a), Some(b)) => Span::new(a.start as usize, b.end as usize),
        _ => Span::default(),
    };
    (AnalyzedSentence { index, span, tokens }, missing)
}

/// UD passive labels: a VBN with a form of "be" as auxiliary gets `aux:pass`,
/// `nsubj:pass` and, for a `by` phrase, `obl:agent`.
fn mark_passives(tokens: &mut [Token]) {
    for v in 0..tokens.len() {
        if tokens[v].xpos != "VBN" {
            continue;
        }
        let id = v as u32 + 1;
        let be_aux = (0..tokens.len())
            .find(|&a| tokens[a].head == id && tokens[a].deprel == "aux" && is_be(&tokens[a].form));
        let Some(a) = be_aux else { continue };
        tokens[a].deprel = "aux:pass".into();
        tokens[a].upos = "AUX".into();
        for c in 0..tokens.len() {
            if tokens[c].head != id {
                continue;
            }
            if tokens[c].deprel == "nsubj" {
                tokens[c].deprel = "nsubj:pass".into();
            } else if tokens[c].deprel == "obl" {
                let cid = c as u32 + 1;
                if tokens.iter().any(|t| {
                    t.head == cid && t.deprel == "case" && t.form.eq_ignore_ascii_case("by")
                }) {
                    tokens[c].deprel = "obl:agent".into();
                }
            }
        }
    }
    // Auxiliaries are AUX in UD.
    for t in tokens.iter_mut() {
        if t.deprel == "aux" && t.upos == "VERB" {
            t.upos = "AUX".into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deps(s: &AnalyzedSentence) -> Vec<String> {
        s.tokens
            .iter()
            .map(|t| {
                let h = if t.head == 0 {
                    "ROOT".to_string()
                } else {
                    s.tokens[t.head as usize - 1].form.clone()
                };
                format!("{}<-{}-{}", t.form, t.deprel, h)
            })
            .collect()
    }

    #[test]
    fn subject_object_oblique_and_passive() {
        let text = "Arnor was attacked by Gondor's troops in Rohan.";
        let tree = parse_tree("(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NP (NNP Gondor) (POS 's)) (NNS troops))) (PP (IN in) (NP (NNP Rohan))))) (. .)))").unwrap();
        let (s, missing) = to_sentence(&tree, text, 0);
        assert_eq!(missing, 0);
        let d = deps(&s);
        assert!(d.contains(&"Arnor<-nsubj:pass-attacked".to_string()), "{d:?}");
        assert!(d.contains(&"was<-aux:pass-attacked".to_string()), "{d:?}");
        assert!(d.contains(&"troops<-obl:agent-attacked".to_string()), "{d:?}");
        assert!(d.contains(&"Gondor<-nmod:poss-troops".to_string()), "{d:?}");
        assert!(d.contains(&"Rohan<-obl-attacked".to_string()), "{d:?}");
        for t in &s.tokens {
            assert_eq!(t.span.slice(text), Some(t.form.as_str()));
        }
    }

    #[test]
    fn coordination_and_bad_brackets() {
        let tree = parse_tree(
            "(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD met)) (. .)))",
        )
        .unwrap();
        let (s, _) = to_sentence(&tree, "Arnor and Gondor met.", 0);
        let d = deps(&s);
        assert!(d.contains(&"Gondor<-conj-Arnor".to_string()), "{d:?}");
        assert!(d.contains(&"and<-cc-Gondor".to_string()), "{d:?}");
        assert!(d.contains(&"Arnor<-nsubj-met".to_string()), "{d:?}");
        let e = parse_tree("(ROOT (S (NP (NNP A))").unwrap_err();
        assert!(e.message.contains("unclosed"), "{e}");
        let e = parse_tree("(ROOT (S (NP (NNP A)))))").unwrap_err();
        assert_eq!(e.offset, 23);
        assert!(parse_tree("").is_err());
        let deep = "(".repeat(1000);
        assert!(parse_tree(&deep).is_err());
    }
}
