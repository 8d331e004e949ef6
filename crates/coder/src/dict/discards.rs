//! Discard phrases: a sentence containing one is not coded; a `+` phrase discards the whole
//! story (sports results, films, historical battles…).

use super::lines;
use crate::diag::Diagnostic;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// What a discard match means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiscardKind {
    Sentence,
    Story,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DiscardDict {
    /// First word → (phrase words, kind), longest first.
    by_first: FxHashMap<String, Vec<(Vec<String>, DiscardKind)>>,
    /// A bit per [`first_word_bit`] of the first words, tested before the map (a word
    /// whose bit is clear starts no phrase). Built as phrases are added; after reading the
    /// compiled form it is absent and every word is looked up.
    #[serde(skip)]
    first_bits: Option<Box<[u64; FIRST_BITS / 64]>>,
}

const FIRST_BITS: usize = 8192;

/// A word's bit in [`DiscardDict`]'s first-word filter, from its length and its first and
/// last bytes (equal words share it).
fn first_word_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    (b.len().wrapping_mul(0x9e37) ^ (usize::from(first) << 5) ^ usize::from(last)) % FIRST_BITS
}

/// Upper-cased words of a text with surrounding punctuation removed.
pub fn text_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_uppercase())
        .filter(|w| !w.is_empty())
        .collect()
}

impl DiscardDict {
    pub fn add_text(&mut self, text: &str, name: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for l in lines(text, name, &mut diags) {
            let t = l.text.trim();
            let (kind, body) = match t.strip_prefix('+') {
                Some(b) => (DiscardKind::Story, b),
                None => (DiscardKind::Sentence, t),
            };
            if body.contains('[') {
                diags.push(Diagnostic::at(name, l.no, "discard phrases take no code"));
                continue;
            }
            let words: Vec<String> = body
                .split(|c: char| c == '_' || c.is_whitespace())
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_uppercase())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                diags.push(Diagnostic::at(name, l.no, "empty discard phrase"));
                continue;
            }
            self.mark_first(&words[0]);
            let v = self.by_first.entry(words[0].clone()).or_default();
            v.push((words, kind));
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        diags
    }

    /// Sets `w`'s bit in the first-word filter (made first from the words already indexed
    /// when there is none, as after reading the compiled form).
    fn mark_first(&mut self, w: &str) {
        let by_first = &self.by_first;
        let bits = self.first_bits.get_or_insert_with(|| {
            let mut bits = Box::new([0; FIRST_BITS / 64]);
            for k in by_first.keys() {
                let bit = first_word_bit(k);
                bits[bit / 64] |= 1 << (bit % 64);
            }
            bits
        });
        let bit = first_word_bit(w);
        bits[bit / 64] |= 1 << (bit % 64);
    }

    /// The strongest discard found in `text` (story beats sentence), with the phrase.
    pub fn check(&self, text: &str) -> Option<(DiscardKind, String)> {
        self.check_words(&text_words(text))
    }

    /// As [`DiscardDict::check`], on words already upper-cased and stripped.
    pub fn check_words<S: AsRef<str>>(&self, words: &[S]) -> Option<(DiscardKind, String)> {
        if self.by_first.is_empty() {
            return None;
        }
        let mut found: Option<(DiscardKind, String)> = None;
        for i in 0..words.len() {
            if let Some(bits) = &self.first_bits {
                let bit = first_word_bit(words[i].as_ref());
                if bits[bit / 64] & (1 << (bit % 64)) == 0 {
                    continue;
                }
            }
            let Some(cands) = self.by_first.get(words[i].as_ref()) else { continue };
            for (p, kind) in cands {
                if words.len() - i >= p.len()
                    && words[i..i + p.len()].iter().zip(p).all(|(a, b)| a.as_ref() == b)
                {
                    if *kind == DiscardKind::Story {
                        return Some((*kind, p.join(" ")));
                    }
                    found.get_or_insert((*kind, p.join(" ")));
                }
            }
        }
        found
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_word_filter_survives_the_compiled_form() {
        let mut d = DiscardDict::default();
        d.add_text("MONTHS LATER\n", "d.txt");
        let bytes = postcard::to_allocvec(&d).unwrap();
        let mut e: DiscardDict = postcard::from_bytes(&bytes).unwrap();
        assert!(e.first_bits.is_none());
        assert!(e.check("Months later it rained.").is_some());
        // A phrase added after reading: the filter then holds the earlier first words too.
        e.add_text("+TYPHOON\n", "e.txt");
        assert!(e.first_bits.is_some());
        assert_eq!(e.check("Months later it rained."), d.check("Months later it rained."));
        assert_eq!(e.check("A typhoon hit."), Some((DiscardKind::Story, "TYPHOON".into())));
        assert_eq!(e.check("It rained later."), None);
    }

    #[test]
    fn story_beats_sentence() {
        let mut d = DiscardDict::default();
        let diags = d.add_text("MONTHS LATER\n+TYPHOON  # x\nBAD [X]\n", "d.txt");
        assert_eq!(diags.len(), 1);
        assert_eq!(
            d.check("Months later, a typhoon hit."),
            Some((DiscardKind::Story, "TYPHOON".into()))
        );
        assert_eq!(
            d.check("Months later it rained."),
            Some((DiscardKind::Sentence, "MONTHS LATER".into()))
        );
        assert_eq!(d.check("Nothing here"), None);
    }
}
