//! Per-word attributes hashed once per token (lower-cased form, affixes, shape, flags), shared
//! by the tagger, lemmatizer and parser feature extractors.

use crate::hash::{self, mix};

/// Hashed attributes of one word form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordAttrs {
    /// Exact form.
    pub form: u64,
    /// Lower-cased form.
    pub lower: u64,
    /// Suffixes of the lower-cased form, 1 to 5 characters (the whole word when shorter).
    pub suf: [u64; 5],
    /// Prefixes of the lower-cased form, 1 to 3 characters.
    pub pre: [u64; 3],
    /// Word shape: `Xxxx`, `dd.dd`, … with runs of one class capped at 3.
    pub shape: u64,
    /// Bit flags, see `FLAG_*`.
    pub flags: u64,
}

pub const FLAG_DIGIT: u64 = 1;
pub const FLAG_HYPHEN: u64 = 2;
pub const FLAG_UPPER: u64 = 4;
pub const FLAG_ALL_UPPER: u64 = 8;
pub const FLAG_INIT_UPPER: u64 = 16;
pub const FLAG_ALPHA: u64 = 32;
pub const FLAG_PERIOD: u64 = 64;
pub const FLAG_LONG: u64 = 128;

/// Stand-in for positions before the first / after the last word.
pub const PAD: WordAttrs = WordAttrs {
    form: 0x1111,
    lower: 0x1111,
    suf: [0x1111; 5],
    pre: [0x1111; 3],
    shape: 0x1111,
    flags: 0x1000,
};

/// Computes the attributes of `form`; `scratch` is reused to avoid allocating per word.
pub fn attrs(form: &str, scratch: &mut String) -> WordAttrs {
    scratch.clear();
    for c in form.chars() {
        if c.is_ascii() {
            scratch.push(c.to_ascii_lowercase());
        } else {
            scratch.extend(c.to_lowercase());
        }
    }
    let low = scratch.as_str();
    let mut a = WordAttrs { form: hash::str(form), lower: hash::str(low), ..WordAttrs::default() };
    // Suffixes: char boundaries from the end.
    let mut ends = low.char_indices().rev().map(|(i, _)| i);
    let mut last = 0;
    for k in 0..5 {
        let start = ends.next().unwrap_or(last);
        last = start;
        a.suf[k] = mix(k as u64 + 1, hash::str(&low[start..]));
    }
    let mut bounds = low.char_indices().map(|(i, c)| i + c.len_utf8());
    let mut end = low.len();
    for k in 0..3 {
        end = bounds.next().unwrap_or(end);
        a.pre[k] = mix(k as u64 + 11, hash::str(&low[..end]));
    }
    let (mut shape, mut prev, mut run) = (0x5a5au64, 0u64, 0u32);
    let (mut upper, mut lower_n, mut alpha, mut n) = (0, 0, 0, 0);
    for (i, c) in form.chars().enumerate() {
        n += 1;
        let class = if c.is_uppercase() {
            upper += 1;
            alpha += 1;
            if i == 0 {
                a.flags |= FLAG_INIT_UPPER;
            }
            'X' as u64
        } else if c.is_lowercase() {
            lower_n += 1;
            alpha += 1;
            'x' as u64
        } else if c.is_ascii_digit() {
            a.flags |= FLAG_DIGIT;
            'd' as u64
        } else if c.is_alphabetic() {
            alpha += 1;
            'a' as u64
        } else {
            match c {
                '-' => a.flags |= FLAG_HYPHEN,
                '.' => a.flags |= FLAG_PERIOD,
                _ => {}
            }
            c as u64
        };
        if class == prev {
            run += 1;
        } else {
            run = 1;
            prev = class;
        }
        if run <= 3 {
            shape = mix(shape, class);
        }
    }
    a.shape = hash::finish(shape);
    if upper > 0 {
        a.flags |= FLAG_UPPER;
        if lower_n == 0 && upper > 1 {
            a.flags |= FLAG_ALL_UPPER;
        }
    }
    if alpha > 0 {
        a.flags |= FLAG_ALPHA;
    }
    if n > 12 {
        a.flags |= FLAG_LONG;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let mut s = String::new();
        let a = attrs("Running", &mut s);
        let b = attrs("running", &mut s);
        assert_eq!(a.lower, b.lower);
        assert_eq!(a.suf, b.suf);
        assert_ne!(a.shape, b.shape);
        assert!(a.flags & FLAG_INIT_UPPER != 0);
        let c = attrs("jumping", &mut s);
        assert_eq!(c.suf[2], b.suf[2]); // "ing"
        assert_ne!(c.suf[4], b.suf[4]);
        // Short and non-ASCII words do not panic and pad with the whole word.
        let d = attrs("é", &mut s);
        assert_ne!(d.suf[0], 0);
        let e = attrs("", &mut s);
        assert_eq!(e.flags & FLAG_ALPHA, 0);
        assert_eq!(attrs("1984", &mut s).shape, attrs("2001", &mut s).shape);
    }
}
