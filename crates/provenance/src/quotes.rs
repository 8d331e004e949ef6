//! Direct quotes and their speakers.
//!
//! A quote is a span between matching quotation marks (straight `"…"` or curly `“…”`) inside one
//! paragraph. Its speaker is the subject of the nearest verb of saying that governs the quote
//! or hangs off it (`"…," he said`); a pronoun speaker is resolved to the last named source of
//! the preceding sentences; a quote with no speech verb in its sentence takes the speaker of the
//! sentence before when that one ended in a quote or a speech verb.

use crate::attribution::{subject, SPEECH};
use crate::tree::Tree;
use model::{AnalyzedSentence, AttributionLink, AttributionRole, Quote, Span};

/// Spans of quoted text (without the marks), in order. Unbalanced marks are ignored.
pub fn find(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let p = &text[para.range()];
        let mut open: Option<(usize, char)> = None;
        for (i, c) in p.char_indices() {
            match (open, c) {
                (None, '"' | '“') => open = Some((i + c.len_utf8(), c)),
                (Some((start, '"')), '"')
                | (Some((start, '“')), '”')
                | (Some((start, '“')), '"') => {
                    let s = para.start as usize + start;
                    let e = para.start as usize + i;
                    if e > s && text[s..e].chars().any(char::is_alphanumeric) {
                        out.push(Span::new(s, e));
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        out.push(Span::new(start, i));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

/// A speaker candidate remembered across sentences for pronoun resolution.
#[derive(Debug, Clone)]
pub struct Antecedent {
    pub text: String,
    pub span: Span,
}

/// Quotes with their speakers. `antecedents` should hold named sources met so far (the
/// caller's running memory); it is extended with the speakers found here.
pub fn attribute(
    text: &str,
    sentences: &[AnalyzedSentence],
    named: &[(usize, Antecedent)],
) -> Vec<Quote> {
    let mut antecedents: Vec<Antecedent> = Vec::new();
    let mut named_iter = named.iter().peekable();
    let spans = find(text);
    let mut quotes = Vec::new();
    let mut last_speaker: Option<AttributionLink> = None;
    let mut last_sentence_with_speaker: Option<usize> = None;
    for q in spans {
        let Some(si) = sentences
            .iter()
            .position(|s| s.span.start <= q.start && q.start < s.span.end.max(s.span.start + 1))
        else {
            continue;
        };
        // Named sources of earlier sentences become antecedents for pronouns.
        while let Some((nsi, a)) = named_iter.peek() {
            if *nsi >= si {
                break;
            }
            antecedents.push(a.clone());
            named_iter.next();
        }
        let s = &sentences[si];
        let tree = Tree::new(s, text);
        let mut speaker = speaker_in_sentence(&tree, q, &antecedents);
        if speaker.is_none() && last_sentence_with_speaker.is_some_and(|p| p + 1 >= si) {
            speaker = last_speaker.clone();
        }
        if speaker.is_none() {
            // A quote sentence with no verb of saying: the next sentence may say who ("…," he said.
            // is one sentence; but "…" / He said so. is two).
            if let Some(next) = sentences.get(si + 1) {
                let nt = Tree::new(next, text);
                speaker = speech_subject_anywhere(&nt, &antecedents);
            }
        }
        if let Some(sp) = &speaker {
            if !is_pronoun_text(&sp.text) {
                antecedents
                    .push(Antecedent { text: sp.text.clone(), span: sp.span.unwrap_or_default() });
            }
            last_speaker = Some(sp.clone());
            last_sentence_with_speaker = Some(si);
        }
        quotes.push(Quote { span: q, text: text[q.range()].to_string(), speaker });
    }
    quotes
}

fn speaker_in_sentence(
    tree: &Tree,
    q: Span,
    antecedents: &[Antecedent],
) -> Option<AttributionLink> {
    let inside: Vec<usize> = (0..tree.len()).filter(|&i| q.contains(tree.tok(i).span)).collect();
    if inside.is_empty() {
        return None;
    }
    // The quote's top tokens: heads outside the quote.
    let tops: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|&i| tree.head(i).is_none_or(|h| !inside.contains(&h)))
        .collect();
    for &top in &tops {
        // Governing verb of saying above the quote.
        for a in tree.ancestors(top) {
            if is_speech(tree, a) {
                if let Some(sub) = subject_outside(tree, a, q) {
                    return Some(link(tree, sub, antecedents));
                }
            }
        }
        // A verb of saying hanging off the quote: `"…," he said`.
        for c in tree.children(top) {
            if !q.contains(tree.tok(c).span)
                && is_speech(tree, c)
                && matches!(tree.rel(c), "parataxis" | "ccomp" | "conj" | "advcl")
            {
                if let Some(sub) = subject(tree, c) {
                    return Some(link(tree, sub, antecedents));
                }
            }
        }
    }
    // A speech verb elsewhere in the sentence, outside the quote.
    speech_subject_outside(tree, q, antecedents)
}

fn speech_subject_outside(
    tree: &Tree,
    q: Span,
    antecedents: &[Antecedent],
) -> Option<AttributionLink> {
    (0..tree.len())
        .filter(|&i| !q.contains(tree.tok(i).span) && is_speech(tree, i))
        .find_map(|v| subject_outside(tree, v, q))
        .map(|s| link(tree, s, antecedents))
}

/// The subject of verb `v` outside the quote `q`. A parser that takes the quote's own subject
/// for the verb of saying's (`"The target was the officials," the group said` with "officials"
/// under "said") leaves a second subject after the quote: that one speaks.
fn subject_outside(tree: &Tree, v: usize, q: Span) -> Option<usize> {
    subject(tree, v).filter(|&s| !q.contains(tree.tok(s).span)).or_else(|| {
        tree.children(v).find(|&c| {
            matches!(tree.full_rel(c), "nsubj" | "nsubj:pass") && !q.contains(tree.tok(c).span)
        })
    })
}

fn speech_subject_anywhere(tree: &Tree, antecedents: &[Antecedent]) -> Option<AttributionLink> {
    let root = (0..tree.len()).find(|&i| tree.tok(i).head == 0)?;
    if is_speech(tree, root) {
        return subject(tree, root).map(|s| link(tree, s, antecedents));
    }
    None
}

fn is_speech(tree: &Tree, v: usize) -> bool {
    tree.is_verbal(v) && SPEECH.contains(&tree.lemma(v).as_str())
}

fn is_pronoun_text(t: &str) -> bool {
    matches!(t.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

/// Whether a named source can be what pronoun `pron` stands for: "he" and "she" are one
/// person, never a plural common noun ("his supporters", "witnesses").
pub fn fits_pronoun(pron: &str, antecedent: &str) -> bool {
    if !matches!(pron.to_lowercase().as_str(), "he" | "she" | "him" | "her") {
        return true;
    }
    let head = antecedent.rsplit(' ').next().unwrap_or("");
    let plural = head.starts_with(|c: char| c.is_lowercase())
        && head.ends_with('s')
        && !head.ends_with("ss")
        && head.len() > 3;
    !plural
}

fn link(tree: &Tree, n: usize, antecedents: &[Antecedent]) -> AttributionLink {
    if tree.tok(n).upos == "PRON" {
        let pron = tree.form_lower(n);
        if let Some(a) = antecedents.iter().rev().find(|a| fits_pronoun(&pron, &a.text)) {
            return AttributionLink {
                role: AttributionRole::Speaker,
                text: a.text.clone(),
                span: Some(a.span),
                actor: None,
            };
        }
    }
    let span = tree.name_span(n);
    AttributionLink {
        role: AttributionRole::Speaker,
        text: tree.slice(span).to_string(),
        span: Some(span),
        actor: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_balanced_quotes_within_paragraphs() {
        let t = "He said \"no way\" and “maybe”.\n\nAn \"open quote\n\nnext";
        let q: Vec<&str> = find(t).iter().map(|s| &t[s.range()]).collect();
        assert_eq!(q, ["no way", "maybe"]);
    }

    #[test]
    fn he_is_never_a_plural_noun() {
        assert!(!fits_pronoun("he", "his supporters"));
        assert!(!fits_pronoun("She", "the protesters"));
        assert!(fits_pronoun("he", "Opposition leader Temir Asanov"));
        assert!(fits_pronoun("he", "the Interior Minister"));
        assert!(fits_pronoun("he", "Carlos Santos"));
        assert!(fits_pronoun("they", "witnesses"));
    }
}
