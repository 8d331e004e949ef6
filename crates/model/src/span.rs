//! Byte spans: the contract that ties every field back to the text it came from.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text named by the record holding it.
///
/// Offsets are `u32`: articles are capped well below 4 GiB by the extractor's limits, and the
/// smaller type halves the size of token arrays.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Builds a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start: start as u32, end: end as u32 }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers, or `None` when it is out of range or not on char boundaries.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// This span moved right by `by` bytes (e.g. from sentence- to article-relative).
    pub fn shift(self, by: usize) -> Span {
        Span { start: self.start + by as u32, end: self.end + by as u32 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "Ba’athist regime";
        assert_eq!(Span::new(0, 2).slice(text), Some("Ba"));
        assert_eq!(Span::new(0, 3).slice(text), None, "inside the curly apostrophe");
        assert_eq!(Span::new(0, 5).slice(text), Some("Ba’"));
        assert_eq!(Span::new(10, 99).slice(text), None);
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(!a.overlaps(Span::new(5, 6)), "half-open");
        assert!(Span::new(0, 10).contains(a));
    }
}
