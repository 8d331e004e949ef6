//! Document fingerprints: MinHash over word shingles (for reprints) and salient terms (for
//! reports of the same story written independently), computed once per article at ingest.

use serde::{Deserialize, Serialize};

/// MinHash permutations per sketch.
pub const K: usize = 64;
/// LSH bands × rows = K. Four rows per band finds pairs with Jaccard ≥ ~0.5 almost surely.
pub const BANDS: usize = 16;
const ROWS: usize = K / BANDS;
/// Words per shingle.
const SHINGLE: usize = 4;

/// What clustering needs to know about a document, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sketch {
    /// MinHash of the body's word shingles (empty for bodies shorter than one shingle).
    pub minhash: Vec<u32>,
    /// Hashes of salient terms (names, places, numbers), sorted and deduplicated.
    pub terms: Vec<u64>,
}

fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // Final avalanche so nearby inputs spread over all bits.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

fn mix(x: u64, i: u64) -> u32 {
    let mut h = x ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    (h >> 32) as u32
}

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "to",
    "and",
    "or",
    "but",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "for",
    "with",
    "by",
    "from",
    "as",
    "after",
    "before",
    "when",
    "while",
    "on",
    "mr",
    "mrs",
    "ms",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "said",
    "according",
    "officials",
    "one",
    "two",
    "three",
    "also",
    "some",
    "all",
    "no",
    "not",
    "if",
    "last",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "reuters",
    "ap",
    "afp",
    "copyright",
];

/// Words of a text, lower-cased, with whether each was capitalised in the text.
fn words(text: &str) -> impl Iterator<Item = (String, bool)> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            let w = w.trim_matches(['\'', '-']);
            // Possessives name the same thing: "Sudan's" is "Sudan".
            let w = w.strip_suffix("'s").unwrap_or(w);
            (w.to_lowercase(), cap)
        })
        .filter(|(w, _)| !w.is_empty())
}

/// Sketches a body text.
pub fn sketch(text: &str) -> Sketch {
    let ws: Vec<(String, bool)> = words(text).collect();
    let mut minhash = Vec::new();
    if ws.len() >= SHINGLE {
        minhash = vec![u32::MAX; K];
        for win in ws.windows(SHINGLE) {
            let mut h = 0u64;
            for (w, _) in win {
                h = fnv(w.as_bytes(), h.rotate_left(7));
            }
            for (i, slot) in minhash.iter_mut().enumerate() {
                let v = mix(h, i as u64);
                if v < *slot {
                    *slot = v;
                }
            }
        }
    }
    let mut terms: Vec<u64> = ws
        .iter()
        .filter(|(w, cap)| {
            let numeric = w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 6;
            let content =
                w.chars().count() >= if *cap { 3 } else { 4 } && !STOP.contains(&w.as_str());
            content || numeric
        })
        .map(|(w, _)| {
            // A crude stem: the first six characters ("Colombia"/"Colombian", "inspectors"/
            // "inspections") — enough to match reports written independently.
            let stem: String = w.chars().take(6).collect();
            fnv(stem.as_bytes(), 0x7465_726d)
        })
        .collect();
    terms.sort_unstable();
    terms.dedup();
    Sketch { minhash, terms }
}

/// The estimated Jaccard similarity of two sketches' shingle sets.
pub fn jaccard(a: &Sketch, b: &Sketch) -> f64 {
    if a.minhash.len() != K || b.minhash.len() != K {
        return 0.0;
    }
    let same = a.minhash.iter().zip(&b.minhash).filter(|(x, y)| x == y).count();
    same as f64 / K as f64
}

/// The LSH band keys of a sketch: documents sharing any key are reprint candidates.
pub fn band_keys(s: &Sketch) -> impl Iterator<Item = u64> + '_ {
    let ok = s.minhash.len() == K;
    (0..if ok { BANDS } else { 0 }).map(move |b| {
        let mut h = b as u64;
        for v in &s.minhash[b * ROWS..(b + 1) * ROWS] {
            h = fnv(&v.to_le_bytes(), h);
        }
        h
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Gunmen attacked a police checkpoint near the northern town of Kelvara \
        on Tuesday, killing four officers and wounding six others, the provincial governor said. \
        The attackers fled toward the hills after a gun battle that lasted nearly an hour, \
        according to a police spokesman who asked not to be named.";

    #[test]
    fn a_copy_with_trailing_junk_stays_similar() {
        let a = sketch(BODY);
        let b = sketch(&format!("{BODY}\n\nRead more: Subscribe to our newsletter for updates."));
        assert!(jaccard(&a, &b) > 0.6, "{}", jaccard(&a, &b));
        assert!(band_keys(&a).zip(band_keys(&b)).any(|(x, y)| x == y));
    }

    #[test]
    fn an_independent_report_is_not_a_copy() {
        let a = sketch(BODY);
        let b = sketch(
            "Four police officers died when militants stormed a checkpoint outside Kelvara, \
             officials said Tuesday. Six more were hurt in the assault.",
        );
        assert!(jaccard(&a, &b) < 0.2);
        // …but they share names and figures.
        let shared = a.terms.iter().filter(|t| b.terms.contains(t)).count();
        assert!(shared >= 1);
    }

    #[test]
    fn short_texts_have_no_minhash() {
        assert!(sketch("Too short").minhash.is_empty());
        assert_eq!(jaccard(&sketch("a"), &sketch("a")), 0.0);
    }
}
