//! Sentence splitter for news text, working on the tokenizer's output.
//!
//! A sentence ends at a paragraph break (a blank line, or a boundary of a caller-supplied
//! paragraph span: never joined across), or after terminal punctuation (`.`, `!`, `?`, `…`,
//! runs of them, or the period of an abbreviation such as "U.S.") plus any closing quotes and
//! brackets, when the next token looks like a sentence start. What counts as a start depends
//! on what ended the sentence:
//! - plain `.`/`!`/`?`: anything but a lower-case word or mid-sentence punctuation
//!   (`"Go!" he said` stays one sentence);
//! - an abbreviation that usually precedes a name or number ("Mr.", "Gen.", "Jan.", "No.") or
//!   an initial ("J."): never;
//! - an abbreviation that also ends sentences ("U.S.", "Inc.", "a.m."): only a capitalised
//!   function word or pronoun ("The", "He", "But") or an opening quote;
//! - an ellipsis: a capitalised word.
//!
//! A list marker ("1." or "a)") at the start of a sentence does not end it. Sentences longer
//! than the caller's cap are cut at the best place inside (after `;`, `:`, a comma, or at the
//! cap), so later stages stay bounded.

use crate::boundary::BoundaryModel;
use crate::tokenize::Surface;
use model::Span;
use std::ops::Range;

/// Splits `tokens` (of `text`) into sentences, returned as token index ranges in order.
///
/// `paragraphs` are optional paragraph spans; a sentence never crosses their boundaries nor a
/// blank line. `max_words` caps the number of syntactic words in a sentence (at least 1).
pub fn split(
    text: &str,
    tokens: &[Surface],
    paragraphs: &[Span],
    max_words: usize,
) -> Vec<Range<usize>> {
    split_with(text, tokens, paragraphs, max_words, Some(BoundaryModel::shipped()))
}

/// [`split`] with an explicit boundary model for unpunctuated boundaries (`None`: rules only).
pub fn split_with(
    text: &str,
    tokens: &[Surface],
    paragraphs: &[Span],
    max_words: usize,
    model: Option<&BoundaryModel>,
) -> Vec<Range<usize>> {
    // The model may start a sentence with a word, a number or an opening quote or bracket,
    // never with a dash or other mid-sentence punctuation ("\"Title\" — CBC.ca").
    let learned = |k: usize| {
        k < tokens.len()
            && !gap_has_blank_line(text, tokens, k)
            && tok_text(text, &tokens[k])
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '(' | '[' | '\''))
            && !name_goes_on(text, tokens, k)
            && model.is_some_and(|m| m.boundary(text, tokens, k))
    };
    let mut out = Vec::new();
    let max_words = max_words.max(1);
    let casual = lower_case_style(text, tokens);
    let mut para = 0usize;
    if let Some(t) = tokens.first() {
        while para < paragraphs.len() && paragraphs[para].end <= t.span.start {
            para += 1;
        }
    }
    let mut start = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        // Hard break before token i?
        if i > 0 && hard_break(text, tokens, i, paragraphs, &mut para) && i > start
            || (i > start && list_item_starts(text, tokens, i))
        {
            push_capped(&mut out, tokens, start..i, max_words, text);
            start = i;
        }
        if i == start && at_paragraph_start(text, tokens, i) {
            if let Some(end) = dateline_end(text, tokens, i) {
                push_capped(&mut out, tokens, start..end, max_words, text);
                start = end;
                i = end;
                continue;
            }
        }
        let kind = end_kind(text, tokens, start, i);
        if kind == EndKind::None {
            if learned(i + 1) {
                push_capped(&mut out, tokens, start..i + 1, max_words, text);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        // Absorb closing quotes and brackets, more terminal punctuation ("? ? ?") and
        // citation marks ("[12]").
        let mut j = i + 1;
        while j < tokens.len() && !gap_has_blank_line(text, tokens, j) {
            let t = tok_text(text, &tokens[j]);
            let decoration =
                crate::tokenize::is_emoticon(t) || t.chars().all(crate::tokenize::is_emoji);
            if is_closer(text, tokens, j)
                || is_terminal(t)
                || (decoration && !at_paragraph_start(text, tokens, j))
            {
                j += 1;
            } else if let Some(n) = citation_len(text, tokens, j) {
                j += n;
            } else {
                break;
            }
        }
        if j >= tokens.len() {
            break;
        }
        let closed = j > i + 1;
        if starts_sentence(kind, text, tokens, j)
            || (kind == EndKind::Terminal && lower_start_ends(text, tokens, i, j, closed, casual))
            || learned(j)
        {
            push_capped(&mut out, tokens, start..j, max_words, text);
            start = j;
        }
        i = j;
    }
    if start < tokens.len() {
        push_capped(&mut out, tokens, start..tokens.len(), max_words, text);
    }
    out
}

/// Whether the text is written without capitals at sentence starts ("i think so. they
/// agree."): more plain periods are followed by a lower-case word than by a capitalised one.
fn lower_case_style(text: &str, tokens: &[Surface]) -> bool {
    let (mut lower, mut upper) = (0usize, 0usize);
    for w in tokens.windows(2) {
        if tok_text(text, &w[0]) == "." {
            match tok_text(text, &w[1]).chars().next() {
                Some(c) if c.is_lowercase() => lower += 1,
                Some(c) if c.is_uppercase() => upper += 1,
                _ => {}
            }
        }
    }
    lower >= 2 && lower > upper
}

/// A lower-case word after terminal punctuation starts a sentence after `?` or `!` that is
/// not inside quotes ("are you kidding? why would you"), and after any terminal in text
/// written in lower case throughout.
fn lower_start_ends(
    text: &str,
    tokens: &[Surface],
    i: usize,
    j: usize,
    closed: bool,
    casual: bool,
) -> bool {
    let next = tok_text(text, &tokens[j]);
    if !next.chars().next().is_some_and(char::is_lowercase)
        || !next.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let term = tok_text(text, &tokens[i]);
    casual || (!closed && term.chars().all(|c| matches!(c, '?' | '!')))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EndKind {
    None,
    /// `.`, `!`, `?` or a run of them.
    Terminal,
    /// `...` or `…`.
    Ellipsis,
    /// An abbreviation that may end a sentence ("U.S.", "Inc.").
    WeakAbbrev,
}

fn tok_text<'a>(text: &'a str, t: &Surface) -> &'a str {
    &text[t.span.range()]
}

fn end_kind(text: &str, tokens: &[Surface], start: usize, i: usize) -> EndKind {
    let s = tok_text(text, &tokens[i]);
    if i > start && crate::tokenize::is_emoticon(s) {
        return EndKind::Terminal; // "... community :-) Posted by darin"
    }
    if s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) {
        if s == "…" || (s.len() >= 2 && s.chars().all(|c| c == '.')) {
            return EndKind::Ellipsis;
        }
        // A list marker: "1." / "a." / "iv." opening the sentence.
        if i == start + 1 && s == "." && is_list_marker(tok_text(text, &tokens[start])) {
            return EndKind::None;
        }
        // A period glued to the next word ("end.The") is not handled by the tokenizer, so
        // a terminal here is always a separate token.
        return EndKind::Terminal;
    }
    if s.len() > 1 && s.ends_with('.') {
        let core = &s[..s.len() - 1];
        if i == start && is_list_marker(core) {
            return EndKind::None;
        }
        return if strong_abbrev(core) { EndKind::None } else { EndKind::WeakAbbrev };
    }
    EndKind::None
}

/// A list item on a new line ("\n2. Aid convoys", "\n- item", "\n• item") starts a sentence.
fn list_item_starts(text: &str, tokens: &[Surface], i: usize) -> bool {
    if !at_paragraph_start(text, tokens, i) {
        return false;
    }
    let s = tok_text(text, &tokens[i]);
    let numbered = s.len() >= 2
        && s.ends_with(['.', ')'])
        && s[..s.len() - 1]
            .split('.')
            .all(|g| (1..=2).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    numbered || matches!(s, "-" | "•" | "*" | "·" | "–" | "—")
}

fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// "[12]" or "[a]" right after the end of a sentence (encyclopedia-style citations).
fn citation_len(text: &str, tokens: &[Surface], j: usize) -> Option<usize> {
    let t = |k: usize| tokens.get(k).map_or("", |x| tok_text(text, x));
    let inner = t(j + 1);
    (t(j) == "["
        && t(j + 2) == "]"
        && !inner.is_empty()
        && inner.len() <= 3
        && inner.chars().all(|c| c.is_ascii_alphanumeric()))
    .then_some(3)
}

/// Whether token `k` opens a hyphenated modifier whose first part ends the capitalised name
/// before it ("Islamic State-linked", "Saudi Arabia-led", "New York-based", "Boko
/// Haram-backed"): the name and its modifier are one phrase, no unpunctuated boundary between.
fn name_goes_on(text: &str, tokens: &[Surface], k: usize) -> bool {
    if k == 0 || k >= tokens.len() {
        return false;
    }
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let prev = tok_text(text, &tokens[k - 1]);
    let gap = &text[tokens[k - 1].span.end as usize..tokens[k].span.start as usize];
    let word = tok_text(text, &tokens[k]);
    // The modifier's lower-case part, in the token ("State-linked") or glued after it.
    let rest = match word.split_once('-') {
        Some((_, r)) => r,
        None => text[tokens[k].span.end as usize..].strip_prefix('-').unwrap_or(""),
    };
    capital(prev)
        && prev.chars().any(char::is_alphabetic)
        && !gap.is_empty()
        && gap.chars().all(|c| c == ' ')
        && capital(word)
        && rest.chars().next().is_some_and(char::is_lowercase)
}

fn at_paragraph_start(text: &str, tokens: &[Surface], i: usize) -> bool {
    i == 0 || {
        let gap = &text[tokens[i - 1].span.end as usize..tokens[i].span.start as usize];
        gap.contains('\n')
    }
}

/// The end (token index after the dash) of a news dateline opening a paragraph:
/// "BAGHDAD, Jan. 21 (Reuters) -", "WASHINGTON (CNN) --", "KABUL:", "Evansville, Indiana,
/// United States -". Every word before the dash is capitalised, a number, or an agency in
/// parentheses, and the text after it starts a sentence.
fn dateline_end(text: &str, tokens: &[Surface], i: usize) -> Option<usize> {
    const MAX: usize = 14;
    let mut saw_caps_word = false;
    for k in i..(i + MAX).min(tokens.len()) {
        let s = tok_text(text, &tokens[k]);
        if k > i && at_paragraph_start(text, tokens, k) {
            return None;
        }
        if k > i && matches!(s, "-" | "--" | "—" | "–" | ":" | "---") {
            let next = tokens.get(k + 1).map(|t| tok_text(text, t))?;
            let starts =
                next.chars().next().is_some_and(|c| c.is_uppercase() || c == '"' || c == '“');
            let shouty = tok_text(text, &tokens[i]).chars().filter(|c| c.is_alphabetic()).count()
                >= 2
                && tok_text(text, &tokens[i]).chars().all(|c| !c.is_lowercase());
            // A dateline's dash stands apart ("BAGHDAD (Reuters) - Five"); a glued hyphen is
            // part of a name or party label ("Sasse, R-Neb., said").
            let spaced = (tokens[k].span.start > tokens[k - 1].span.end || s == ":")
                && tokens[k + 1].span.start > tokens[k].span.end;
            // A colon only ends an all-caps place line ("KABUL:").
            if starts && spaced && saw_caps_word && (s != ":" || shouty) {
                return Some(k + 1);
            }
            return None;
        }
        let c = s.chars().next()?;
        if c.is_uppercase() {
            saw_caps_word = true;
        } else if !(c.is_ascii_digit() || matches!(s, "," | "(" | ")" | "." | "/")) {
            return None;
        }
    }
    None
}

fn is_list_marker(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
        || (s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(s, "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "x")
}

/// Abbreviations after which a sentence (almost) never ends: titles, months and initials.
fn strong_abbrev(core: &str) -> bool {
    let mut cs = core.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    let lower = core.to_ascii_lowercase();
    STRONG.contains(&lower.as_str())
}

const STRONG: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "drs", "prof", "gen", "lt", "col", "maj", "capt", "cpt",
    "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "sens", "rep", "reps", "rev",
    "hon", "pres", "supt", "insp", "det", "atty", "amb", "gens", "st", "mt", "ft", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol",
    "vols", "fig", "figs", "pp", "p", "vs", "v", "e.g", "i.e", "cf", "viz", "approx", "ca", "op",
    "ch", "sec", "art", "eq",
];

fn is_closer(text: &str, tokens: &[Surface], j: usize) -> bool {
    let s = tok_text(text, &tokens[j]);
    match s {
        ")" | "]" | "}" | "”" | "’" | "»" | "›" | "''" | "’’" => true,
        // A straight quote (or a mistyped opening one) closes when glued to what precedes it
        // and followed by a space.
        "\"" | "'" | "“" | "‘" => {
            tokens[j].span.start == tokens[j - 1].span.end
                && tokens.get(j + 1).is_none_or(|n| n.span.start > tokens[j].span.end)
        }
        _ => false,
    }
}

fn starts_sentence(kind: EndKind, text: &str, tokens: &[Surface], j: usize) -> bool {
    let s = tok_text(text, &tokens[j]);
    let Some(c) = s.chars().next() else { return false };
    match kind {
        EndKind::None => false,
        EndKind::Terminal => {
            if c.is_lowercase() {
                // "iPhone", "eBay": a lower-case start followed by a capital still starts.
                return s.chars().nth(1).is_some_and(char::is_uppercase);
            }
            !matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '-' | '–' | '—' | '/' | '.')
        }
        EndKind::Ellipsis => {
            c.is_uppercase() || is_opening_quote(text, tokens, j) && next_is_upper(text, tokens, j)
        }
        EndKind::WeakAbbrev => {
            if is_opening_quote(text, tokens, j) {
                return true;
            }
            // "It's" and "He'd" count by their first word.
            let first = s.split(['\'', '’']).next().unwrap_or(s);
            c.is_uppercase() && STARTERS.contains(&first)
        }
    }
}

fn is_opening_quote(text: &str, tokens: &[Surface], j: usize) -> bool {
    matches!(tok_text(text, &tokens[j]), "\"" | "“" | "‘" | "'" | "``" | "«")
}

fn next_is_upper(text: &str, tokens: &[Surface], j: usize) -> bool {
    tokens
        .get(j + 1)
        .is_some_and(|t| tok_text(text, t).chars().next().is_some_and(char::is_uppercase))
}

/// Capitalised words that start sentences far more often than they continue names.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "With", "By",
    "From", "As", "If", "When", "While", "After", "Before", "Since", "Although", "Though",
    "However", "Meanwhile", "Also", "His", "Her", "Its", "Their", "Our", "My", "Your", "What",
    "Who", "Why", "How", "Where", "Which", "Some", "Many", "Most", "All", "No", "Not", "One",
    "Two", "Three", "Other", "Another", "Such", "Both", "Each", "Last", "Earlier", "Later", "Now",
    "Then", "Today", "Yesterday", "Still", "Even", "Only", "Under", "Officials", "According",
    "Police", "Its", "Mr.", "Mrs.", "Ms.", "Dr.", "Do", "Does", "Did", "Can", "Could", "Would",
    "Will", "Should", "Please", "Thanks", "Thank", "Let", "See", "Here", "Is", "Are", "Was",
    "Were", "Have", "Has", "Had", "People", "Just", "Anyway", "Overall",
];

/// A paragraph break between tokens `i - 1` and `i`.
fn hard_break(
    text: &str,
    tokens: &[Surface],
    i: usize,
    paragraphs: &[Span],
    para: &mut usize,
) -> bool {
    // `para` counts the paragraphs ending at or before the previous token; tokens of one
    // paragraph share that count.
    let cur = tokens[i].span.start;
    let before = *para;
    while *para < paragraphs.len() && paragraphs[*para].end <= cur {
        *para += 1;
    }
    *para != before || gap_has_blank_line(text, tokens, i)
}

fn gap_has_blank_line(text: &str, tokens: &[Surface], i: usize) -> bool {
    let gap = &text[tokens[i - 1].span.end as usize..tokens[i].span.start as usize];
    let mut newlines = 0;
    for b in gap.bytes() {
        if b == b'\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        }
    }
    false
}

/// Pushes `range`, cut into pieces of at most `max_words` words at sensible places.
fn push_capped(
    out: &mut Vec<Range<usize>>,
    tokens: &[Surface],
    range: Range<usize>,
    max_words: usize,
    text: &str,
) {
    let mut start = range.start;
    loop {
        let mut words = 0usize;
        let mut end = start;
        while end < range.end && words + tokens[end].word_count as usize <= max_words {
            words += tokens[end].word_count as usize;
            end += 1;
        }
        if end >= range.end {
            if start < range.end {
                out.push(start..range.end);
            }
            return;
        }
        if end == start {
            end = start + 1; // a single token with more words than the cap
        }
        // Best cut in the second half of the window: after ; or :, else after a comma.
        let lo = start + (end - start) / 2;
        let mut cut = end;
        for pref in [&[";", ":"][..], &[",", "—", "–", "--"][..]] {
            if let Some(k) = (lo..end).rev().find(|&k| pref.contains(&tok_text(text, &tokens[k]))) {
                cut = k + 1;
                break;
            }
        }
        out.push(start..cut);
        start = cut;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str) -> Vec<String> {
        let t = tokenize(text);
        split(text, &t.tokens, &[], 500)
            .into_iter()
            .map(|r| {
                let a = t.tokens[r.start].span.start as usize;
                let b = t.tokens[r.end - 1].span.end as usize;
                text[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn news_abbreviations_and_quotes() {
        assert_eq!(
            sents("Mr. Smith went to Washington. He met Gen. Petraeus there."),
            ["Mr. Smith went to Washington.", "He met Gen. Petraeus there."]
        );
        assert_eq!(
            sents("\"We will fight,\" he said. \"We will win.\" Then he left."),
            ["\"We will fight,\" he said.", "\"We will win.\"", "Then he left."]
        );
        assert_eq!(
            sents("He lives in the U.S. The company is based in the U.S. Virgin Islands."),
            ["He lives in the U.S.", "The company is based in the U.S. Virgin Islands."]
        );
        assert_eq!(
            sents("In Jan. 21 people died. J. R. Smith said so."),
            ["In Jan. 21 people died.", "J. R. Smith said so."]
        );
        assert_eq!(
            sents("\"Go!\" he said. Why? Because."),
            ["\"Go!\" he said.", "Why?", "Because."]
        );
    }

    #[test]
    fn a_name_before_a_hyphenated_modifier_continues_the_sentence() {
        for text in [
            "DAKAR, May 3 (Reuters) - Soldiers killed 14 Islamic State-linked fighters near the border on Friday, the army said.",
            "LAGOS, June 9 (AFP) - Gunmen from a Boko Haram-linked faction raided two farms in the north on Sunday, police said.",
            "BEIRUT, Feb. 2 (Reuters) - Jets of the Saudi Arabia-led coalition struck a port held by Iran-backed Houthis, residents said.",
            "NAIROBI, April 7 (AP) - Fighters of the Hayat Tahrir al-Sham-led alliance and U.S.-backed forces met in the east, officials said.",
        ] {
            let got = sents(text);
            assert_eq!(got.len(), 2, "{got:?}");
        }
    }

    #[test]
    fn datelines_citations_and_repeated_marks() {
        assert_eq!(
            sents(
                "BAGHDAD, Jan. 21 (Reuters) - Five people died.\n\nWASHINGTON (AP) -- It rained."
            ),
            [
                "BAGHDAD, Jan. 21 (Reuters) -",
                "Five people died.",
                "WASHINGTON (AP) --",
                "It rained."
            ]
        );
        assert_eq!(
            sents("He died in 2014. [4] Later, more. What? ? ? No."),
            ["He died in 2014. [4]", "Later, more.", "What? ? ?", "No."]
        );
        assert_eq!(sents("Iraq - the facts: The war."), ["Iraq - the facts: The war."]);
        assert_eq!(
            sents("Sen. Ben Sasse, R-Neb., called it a crisis."),
            ["Sen. Ben Sasse, R-Neb., called it a crisis."]
        );
    }

    #[test]
    fn paragraphs_are_never_joined() {
        assert_eq!(
            sents("Headline without stop\n\nBody text here. More text"),
            ["Headline without stop", "Body text here.", "More text"]
        );
        let text = "One para Two para";
        let t = tokenize(text);
        let r = split(text, &t.tokens, &[Span::new(0, 8), Span::new(9, 17)], 500);
        assert_eq!(r, vec![0..2, 2..4]);
    }

    #[test]
    fn ellipses_and_lists() {
        assert_eq!(
            sents("Well... maybe. Wait... Then it came."),
            ["Well... maybe.", "Wait...", "Then it came."]
        );
        assert_eq!(sents("1. Buy milk. 2. Sell eggs."), ["1. Buy milk.", "2. Sell eggs."]);
    }

    #[test]
    fn long_runs_are_capped() {
        let text = "word ".repeat(1000);
        let t = tokenize(&text);
        let r = split(&text, &t.tokens, &[], 256);
        assert!(r.iter().all(|r| r.len() <= 256));
        assert_eq!(r.iter().map(|r| r.len()).sum::<usize>(), 1000);
        let text = "a, b; ".repeat(400);
        let t = tokenize(&text);
        let r = split(&text, &t.tokens, &[], 100);
        assert!(r.iter().all(|r| r.len() <= 100 && tok_text(&text, &t.tokens[r.end - 1]) == ";"));
    }
}
