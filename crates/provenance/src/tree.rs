//! Small read-only views over a UD dependency tree (`model::AnalyzedSentence`), 0-based.

use model::{AnalyzedSentence, Span, Token};

/// A sentence with its article text, for lookups by index.
#[derive(Debug, Clone, Copy)]
pub struct Tree<'a> {
    pub s: &'a AnalyzedSentence,
    pub text: &'a str,
}

impl<'a> Tree<'a> {
    pub fn new(s: &'a AnalyzedSentence, text: &'a str) -> Self {
        Tree { s, text }
    }

    pub fn len(&self) -> usize {
        self.s.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.s.tokens.is_empty()
    }

    pub fn tok(&self, i: usize) -> &'a Token {
        &self.s.tokens[i]
    }

    /// Lower-cased lemma (falls back to the form).
    pub fn lemma(&self, i: usize) -> String {
        let t = self.tok(i);
        if t.lemma.is_empty() {
            t.form.to_lowercase()
        } else {
            t.lemma.to_lowercase()
        }
    }

    pub fn form_lower(&self, i: usize) -> String {
        self.tok(i).form.to_lowercase()
    }

    /// The universal part of the relation (`obl:tmod` → `obl`).
    pub fn rel(&self, i: usize) -> &'a str {
        let r = self.tok(i).deprel.as_str();
        r.split(':').next().unwrap_or(r)
    }

    pub fn full_rel(&self, i: usize) -> &'a str {
        self.tok(i).deprel.as_str()
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.tok(i).head as usize;
        (h >= 1 && h <= self.len()).then(|| h - 1)
    }

    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let h = (i + 1) as u32;
        self.s.tokens.iter().enumerate().filter(move |(_, t)| t.head == h).map(|(j, _)| j)
    }

    pub fn child_with(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.children(i).find(|&c| rels.contains(&self.rel(c)))
    }

    /// The token whose span contains `span.start`, or the first one overlapping it.
    pub fn token_at(&self, span: Span) -> Option<usize> {
        let toks = &self.s.tokens;
        toks.iter()
            .position(|t| t.span.start <= span.start && span.start < t.span.end)
            .or_else(|| toks.iter().position(|t| t.span.overlaps(span)))
    }

    /// The head word of a (possibly multi-word) trigger span: the overlapping token whose head
    /// lies outside the span, else the first overlapping one.
    pub fn head_token_in(&self, span: Span) -> Option<usize> {
        let inside: Vec<usize> =
            (0..self.len()).filter(|&i| self.tok(i).span.overlaps(span)).collect();
        inside
            .iter()
            .copied()
            .find(|&i| self.head(i).is_none_or(|h| !inside.contains(&h)))
            .or_else(|| inside.first().copied())
            .or_else(|| self.token_at(span))
    }

    /// All tokens in the subtree of `i` (including `i`), in order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let n = out[k];
            out.extend(self.children(n));
            k += 1;
            if out.len() > self.len() {
                break; // malformed (cyclic) input: never loop
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The byte span covering the subtree of `i`.
    pub fn subtree_span(&self, i: usize) -> Span {
        let sub = self.subtree(i);
        let first = self.tok(sub[0]).span;
        let last = self.tok(*sub.last().unwrap_or(&i)).span;
        first.cover(last)
    }

    /// A noun phrase for token `i`: its subtree minus clausal and relative modifiers, trimmed of
    /// punctuation at the edges, as a span.
    pub fn phrase_span(&self, i: usize) -> Span {
        let mut keep = vec![i];
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            for c in self.children(n) {
                let r = self.rel(c);
                if n == i
                    && matches!(
                        r,
                        "acl"
                            | "advcl"
                            | "parataxis"
                            | "punct"
                            | "cc"
                            | "conj"
                            | "dep"
                            | "ccomp"
                            | "appos"
                            | "case"
                            | "mark"
                    )
                {
                    continue;
                }
                if r == "acl" && self.full_rel(c) == "acl:relcl" {
                    continue;
                }
                keep.push(c);
                stack.push(c);
                if keep.len() > self.len() {
                    break;
                }
            }
        }
        keep.sort_unstable();
        // Keep the contiguous run around the head only.
        let pos = keep.iter().position(|&k| k == i).unwrap_or(0);
        let mut lo = pos;
        while lo > 0 && keep[lo - 1] + 1 == keep[lo] {
            lo -= 1;
        }
        let mut hi = pos;
        while hi + 1 < keep.len() && keep[hi + 1] == keep[hi] + 1 {
            hi += 1;
        }
        let (mut a, mut b) = (keep[lo], keep[hi]);
        while a < b && self.tok(a).upos == "PUNCT" {
            a += 1;
        }
        while b > a && self.tok(b).upos == "PUNCT" {
            b -= 1;
        }
        self.tok(a).span.cover(self.tok(b).span)
    }

    /// A name phrase: [`Tree::phrase_span`] plus an appositive proper name right after it ("A
    /// Taliban spokesman, Zabihullah Mujahid"), so a source is named as the text names it.
    pub fn name_span(&self, i: usize) -> Span {
        let base = self.phrase_span(i);
        match self
            .children(i)
            .find(|&c| c > i && self.rel(c) == "appos" && self.tok(c).upos == "PROPN")
        {
            Some(a) => base.cover(self.phrase_span(a)),
            None => base,
        }
    }

    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or("")
    }

    /// Ancestors of `i`, nearest first, bounded by the sentence length.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = i;
        while let Some(h) = self.head(cur) {
            if out.contains(&h) || out.len() > self.len() {
                break;
            }
            out.push(h);
            cur = h;
        }
        out
    }

    pub fn is_verbal(&self, i: usize) -> bool {
        matches!(self.tok(i).upos.as_str(), "VERB" | "AUX")
    }
}

#[cfg(test)]
pub(crate) mod test_util {
    //! Builds trees from a compact CoNLL-like notation for tests: `form/lemma/UPOS/head/rel`.
    use model::{AnalyzedSentence, Span, Token};

    pub fn sentence(spec: &str) -> (String, AnalyzedSentence) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for item in spec.split_whitespace() {
            let f: Vec<&str> = item.split('/').collect();
            assert_eq!(f.len(), 5, "bad spec item {item}");
            if !text.is_empty() && !matches!(f[0], "." | "," | "'s" | "n't" | "\"") {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(f[0]);
            tokens.push(Token {
                span: Span::new(start, text.len()),
                form: f[0].into(),
                lemma: f[1].into(),
                upos: f[2].into(),
                xpos: String::new(),
                feats: String::new(),
                head: f[3].parse().unwrap(),
                deprel: f[4].into(),
                mwt: None,
            });
        }
        let span = Span::new(0, text.len());
        (text, AnalyzedSentence { index: 0, span, tokens })
    }
}
