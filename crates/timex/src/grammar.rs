//! The recogniser: hand-written rules over tokens that find temporal expressions and say what
//! they mean (`sem.rs`), without anchoring them.
//!
//! Scanning is left to right; at each token every rule is tried and the longest match wins
//! (ties: the earlier rule). Every rule looks at most a bounded number of tokens ahead (and one
//! or two behind for context), so the whole scan is linear in the input. Lines are scanned
//! separately: no expression crosses a line break.

use crate::lexicon::{self, Unit};
use crate::sem::{Cand, DExpr, Dir, Qty, Sem, SetExpr, TimeOfDay, Unresolvable, Y};
use crate::token::{Kind, Tok};
use crate::{Mod, NumericOrder};

/// Words after which a bare, ambiguous month name ("May", "March") is read as a month.
const MONTH_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "from",
    "to",
    "between",
    "each",
    "every",
    "around",
    "for",
    "that",
    "earlier",
    "later",
];

/// Months whose names are also common words or given names.
const AMBIGUOUS_MONTHS: &[u32] = &[3, 4, 5, 6, 8];

/// Function words that may follow a date-like word without making it a noun modifier.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "when", "at", "in", "on", "to", "of", "with", "after", "before", "the",
    "a", "an", "as", "that", "which", "for", "by", "from", "since", "until", "while", "than", "so",
    "if", "because", "he", "she", "it", "they", "we", "i", "you", "is", "was", "were", "are",
    "will", "would", "has", "had", "have", "said", "says", "this", "there", "his", "her", "its",
    "their", "more", "some", "then", "not", "also", "only", "just", "about", "into", "over",
];

/// The first bytes, in ASCII lower case, of the first words of [`DURATION_MODS`].
const DURATION_MOD_INITIALS: [bool; 256] = {
    let mut m = [false; 256];
    let mut k = 0;
    while k < DURATION_MODS.len() {
        let b = DURATION_MODS[k].0[0].as_bytes()[0];
        m[b.to_ascii_lowercase() as usize] = true;
        m[b.to_ascii_uppercase() as usize] = true;
        k += 1;
    }
    m
};

/// Duration modifiers and the TIMEX3 `mod` they carry.
const DURATION_MODS: &[(&[&str], Mod)] = &[
    (&["more", "than"], Mod::MoreThan),
    (&["over"], Mod::MoreThan),
    (&["at", "least"], Mod::EqualOrMore),
    (&["less", "than"], Mod::LessThan),
    (&["fewer", "than"], Mod::LessThan),
    (&["under"], Mod::LessThan),
    (&["almost"], Mod::LessThan),
    (&["nearly"], Mod::LessThan),
    (&["up", "to"], Mod::EqualOrLess),
    (&["no", "more", "than"], Mod::EqualOrLess),
    (&["about"], Mod::Approx),
    (&["around"], Mod::Approx),
    (&["roughly"], Mod::Approx),
    (&["approximately"], Mod::Approx),
    (&["some"], Mod::Approx),
];

pub(crate) struct Grammar<'a> {
    /// Each token's text and its ASCII lower case, sliced once.
    words: Vec<(&'a str, &'a str)>,
    t: &'a [Tok],
    order: NumericOrder,
}

impl<'a> Grammar<'a> {
    /// `lower` is `text.to_ascii_lowercase()` (computed once per text by the caller).
    pub fn new(text: &'a str, lower: &'a str, toks: &'a [Tok], order: NumericOrder) -> Self {
        debug_assert_eq!(text.len(), lower.len());
        let words = toks.iter().map(|t| (&text[t.start..t.end], &lower[t.start..t.end])).collect();
        Grammar { words, t: toks, order }
    }

    // ---- token helpers -------------------------------------------------------------------

    fn s(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.0)
    }
    /// Token `i` in ASCII lower case (`""` past the end), without allocating.
    fn l(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| w.1)
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        i < self.t.len() && self.s(i).eq_ignore_ascii_case(w)
    }
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        i < self.t.len() && ws.iter().any(|w| self.s(i).eq_ignore_ascii_case(w))
    }
    fn prev_is_any(&self, i: usize, ws: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, ws)
    }
    fn p(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.s(i) == c
    }
    fn dash(&self, i: usize) -> bool {
        self.p(i, "-") || self.p(i, "–") || self.p(i, "‑")
    }
    fn apos(&self, i: usize) -> bool {
        self.p(i, "'") || self.p(i, "’") || self.p(i, "‘")
    }
    /// Token `i` exists and follows token `i - 1` without whitespace.
    fn joined(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap)
    }
    /// Token `i` exists and is on the same line as token `i - 1`.
    fn cont(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.newline)
    }
    fn cap(&self, i: usize) -> bool {
        self.s(i).chars().next().is_some_and(char::is_uppercase)
    }
    fn word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }
    fn num(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(Kind::Num) || self.s(i).len() > 9 {
            return None;
        }
        self.s(i).parse().ok()
    }
    fn digits(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Num) {
            self.s(i).len()
        } else {
            0
        }
    }
    /// Nothing, punctuation, or a function word follows at `i`: the preceding word ends a phrase.
    fn phrase_ends(&self, i: usize) -> bool {
        !self.cont(i) || self.kind(i) == Some(Kind::Punct) || self.is_any(i, FUNCTION_WORDS)
    }

    /// The expression ending before token `end` modifies a following noun ("the June 30
    /// deadline", "its March 19-20 meeting"): the clause's tense does not govern it.
    /// Returns the index of the word that may be that noun (the caller checks it is no verb).
    pub fn premodifier(&self, end: usize) -> Option<usize> {
        let mut j = end;
        // a day range: "March 19-20 meeting"
        if self.dash(j) && self.joined(j) && self.kind(j + 1) == Some(Kind::Num) {
            j += 2;
        }
        let noun = self.cont(j)
            && self.word(j)
            && !self.cap(j)
            && !self.is_any(j, FUNCTION_WORDS)
            && lexicon::unit(self.s(j)).is_none()
            && lexicon::part_of_day(self.s(j)).is_none()
            && !self.s(j).ends_with("ly");
        noun.then_some(j)
    }

    // ---- scanning --------------------------------------------------------------------------

    /// All matches, left to right, non-overlapping.
    pub fn scan(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            match self.parse_at(i) {
                Some(c) => {
                    i = c.end;
                    out.push(c);
                }
                None => i += 1,
            }
        }
        out
    }

    fn parse_at(&self, i: usize) -> Option<Cand> {
        let rules: [fn(&Self, usize) -> Option<Cand>; 14] = [
            Self::r_modified,
            Self::r_textual,
            Self::r_iso,
            Self::r_numeric,
            Self::r_weekday,
            Self::r_deictic,
            Self::r_rel,
            Self::r_offset,
            Self::r_duration,
            Self::r_vague_part,
            Self::r_time,
            Self::r_set,
            Self::r_ref,
            Self::r_misc_date,
        ];
        let mut best: Option<Cand> = None;
        for rule in rules {
            if let Some(c) = rule(self, i) {
                if c.end > c.start && best.is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        }
        best
    }

    fn date(start: usize, end: usize, expr: DExpr, rule: &'static str) -> Cand {
        Cand { start, end, sem: Sem::Date { expr, time: None, modifier: None }, rule }
    }

    // ---- pieces ----------------------------------------------------------------------------

    /// A day of the month in digits, with an optional ordinal suffix ("21", "21st").
    fn day_num(&self, i: usize) -> Option<(usize, u32)> {
        let n = self.num(i)?;
        if self.digits(i) > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut e = i + 1;
        if self.joined(e) && self.word(e) && lexicon::is_ordinal_suffix(self.s(e)) {
            e += 1;
        }
        if self.joined(e) && (self.p(e, ":") || self.p(e, "/") || self.kind(e) == Some(Kind::Num)) {
            return None;
        }
        if self.joined(e) && self.p(e, ".") && self.kind(e + 1) == Some(Kind::Num) {
            return None;
        }
        Some((e, n))
    }

    /// An ordinal day: "5th", "fifth", "twenty-first".
    fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(n) = self.num(i) {
            if self.digits(i) <= 2
                && self.joined(i + 1)
                && self.word(i + 1)
                && lexicon::is_ordinal_suffix(self.s(i + 1))
            {
                return Some((i + 2, n));
            }
            return None;
        }
        if let Some(n) = lexicon::ordinal_word(self.s(i)) {
            return Some((i + 1, n));
        }
        let tens = lexicon::tens_word(self.s(i))?;
        let j = if self.dash(i + 1) && self.joined(i + 1) { i + 2 } else { i + 1 };
        let unit = lexicon::ordinal_word(self.s(j)).filter(|u| *u < 10)?;
        Some((j + 1, tens + unit))
    }

    /// A month name, capitalised; abbreviations may carry a period ("Jan.").
    fn month_tok(&self, i: usize) -> Option<(usize, u32, bool)> {
        if !self.word(i) || !self.cap(i) {
            return None;
        }
        let (m, abbr) = lexicon::month(self.s(i))?;
        let mut e = i + 1;
        if abbr && self.p(e, ".") && self.joined(e) {
            e += 1;
        }
        Some((e, m, abbr))
    }

    /// A four-digit year 1000–2999 standing alone as a number.
    fn year4(&self, i: usize) -> Option<(usize, i32)> {
        if self.digits(i) != 4 {
            return None;
        }
        let y = self.num(i)? as i32;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        let e = i + 1;
        if self.joined(e) && (self.word(e) || self.kind(e) == Some(Kind::Num)) {
            return None;
        }
        if self.joined(e)
            && (self.p(e, ".") || self.p(e, ",") || self.p(e, ":"))
            && self.joined(e + 1)
            && self.kind(e + 1) == Some(Kind::Num)
        {
            return None;
        }
        // "2009/01/20" is a date, "2009/10" a fiscal-year range
        if self.joined(e)
            && self.p(e, "/")
            && self.joined(e + 1)
            && self.kind(e + 1) == Some(Kind::Num)
            && (self.digits(e + 1) != 2 || (self.joined(e + 2) && self.p(e + 2, "/")))
        {
            return None;
        }
        if i > 1
            && self.joined(i)
            && (self.p(i - 1, ",") || self.p(i - 1, "."))
            && self.kind(i - 2) == Some(Kind::Num)
            && self.joined(i - 1)
        {
            return None;
        }
        Some((e, y))
    }

    /// A two-digit year written after a date ("'09", or ", 09" after a day).
    fn short_year(&self, i: usize) -> Option<usize> {
        if self.apos(i) && self.joined(i + 1) && self.digits(i + 1) == 2 {
            if self.joined(i + 2) && self.word(i + 2) {
                return None;
            }
            return Some(i + 2);
        }
        None
    }

    /// Optional direction word before a month, season or weekday.
    fn dir_word(&self, i: usize) -> Option<(usize, Dir)> {
        let d = match self.l(i) {
            "last" | "past" => Dir::Last,
            "next" | "coming" => Dir::Next,
            "this" => Dir::This,
            _ => return None,
        };
        Some((i + 1, d))
    }

    /// The date forms built on month names, with an optional leading weekday:
    /// "January 1, 2009", "Jan. 21", "1 January 2009", "the 5th of May", "December 2008",
    /// "last July", "Tue, 20 Jan 2009". `bare_ok`: a bare month needs no context cue.
    fn textual(&self, i: usize, bare_ok: bool) -> Option<(usize, Result<DExpr, Unresolvable>)> {
        if let Some((dow, abbr)) = self.word(i).then(|| lexicon::weekday(self.s(i))).flatten() {
            if !self.cap(i) {
                return None;
            }
            let mut j = i + 1;
            if abbr && self.p(j, ".") && self.joined(j) {
                j += 1;
            }
            if self.p(j, ",") {
                j += 1;
            }
            let _ = dow;
            let r = self.month_forms(j, false)?;
            // a weekday must be followed by a day-level date to be part of it
            if matches!(r.1, Ok(DExpr::Cal { d: Some(_), .. }) | Err(_)) {
                return Some(r);
            }
            return None;
        }
        self.month_forms(i, bare_ok)
    }

    fn month_forms(&self, i: usize, bare_ok: bool) -> Option<(usize, Result<DExpr, Unresolvable>)> {
        // direction word + month: "last July", "this May"
        if let Some((j, dir)) = self.dir_word(i) {
            let (e, m, abbr) = self.month_tok(j)?;
            if abbr {
                return None;
            }
            if let Some((e2, d)) = self.day_num(e) {
                return Some((e2, Ok(DExpr::Cal { y: Y::Implicit(dir), m: Some(m), d: Some(d) })));
            }
            return Some((e, Ok(DExpr::Cal { y: Y::Implicit(dir), m: Some(m), d: None })));
        }
        // month first
        if let Some((e, m, abbr)) = self.month_tok(i) {
            if let Some((e2, d)) = self.day_num(e) {
                if self.word(e2)
                    && self.is_any(e2, &["million", "billion", "percent", "per", "people"])
                {
                    return None;
                }
                let mut e3 = e2;
                if self.p(e3, ",") {
                    e3 += 1;
                }
                if let Some((e4, y)) = self.year4(e3) {
                    return Some((e4, Ok(DExpr::Cal { y: Y::Abs(y), m: Some(m), d: Some(d) })));
                }
                if let Some(e4) = self.short_year(e3) {
                    return Some((e4, Err(Unresolvable::TwoDigitYear)));
                }
                if e3 > e2 && self.digits(e3) == 2 && self.phrase_ends(e3 + 1) {
                    return Some((e3 + 1, Err(Unresolvable::TwoDigitYear)));
                }
                return Some((
                    e2,
                    Ok(DExpr::Cal { y: Y::Implicit(Dir::Tensed), m: Some(m), d: Some(d) }),
                ));
            }
            let mut e2 = e;
            if self.p(e2, ",") || self.is(e2, "of") {
                e2 += 1;
            }
            if let Some((e3, y)) = self.year4(e2) {
                return Some((e3, Ok(DExpr::Cal { y: Y::Abs(y), m: Some(m), d: None })));
            }
            // "in May last year", "in March next year", "in June this year"
            if !abbr && self.is(e + 1, "year") {
                let off = match self.l(e) {
                    "last" => Some(-1),
                    "next" => Some(1),
                    "this" => Some(0),
                    _ => None,
                };
                if let Some(off) = off {
                    return Some((e + 2, Ok(DExpr::Cal { y: Y::Rel(off), m: Some(m), d: None })));
                }
            }
            if let Some(e3) = self.short_year(e) {
                return Some((e3, Err(Unresolvable::TwoDigitYear)));
            }
            if abbr {
                return None;
            }
            let cue = i > 0 && self.is_any(i - 1, MONTH_CUES);
            if bare_ok || cue || !AMBIGUOUS_MONTHS.contains(&m) {
                // "May" at a sentence start or as a name is not a month without a cue
                return Some((
                    e,
                    Ok(DExpr::Cal { y: Y::Implicit(Dir::Tensed), m: Some(m), d: None }),
                ));
            }
            return None;
        }
        // day first: "1 January 2009", "the 5th of May", "20 Jan 2009"
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let (e, d) =
            if the { self.ordinal(j)? } else { self.day_num(j).or_else(|| self.ordinal(j))? };
        let mut e2 = e;
        if self.is(e2, "of") {
            e2 += 1;
        } else if the {
            return None;
        }
        let (e3, m, _) = self.month_tok(e2)?;
        let mut e4 = e3;
        if self.p(e4, ",") {
            e4 += 1;
        }
        if let Some((e5, y)) = self.year4(e4) {
            return Some((e5, Ok(DExpr::Cal { y: Y::Abs(y), m: Some(m), d: Some(d) })));
        }
        if let Some(e5) = self.short_year(e3) {
            return Some((e5, Err(Unresolvable::TwoDigitYear)));
        }
        Some((e3, Ok(DExpr::Cal { y: Y::Implicit(Dir::Tensed), m: Some(m), d: Some(d) })))
    }

    /// A clock time: "8 PM", "8:30 a.m.", "15:00 GMT", "noon". `cued`: a preposition or a date
    /// makes a bare "15:00" or "noon" a time.
    fn clock(&self, i: usize, cued: bool) -> Option<(usize, u32, u32)> {
        let mut e;
        let (mut h, mut m);
        if self.is_any(i, &["noon", "midday"]) {
            (h, m, e) = (12, 0, i + 1);
            if !cued {
                return None;
            }
        } else if self.is(i, "midnight") {
            (h, m, e) = (0, 0, i + 1);
            if !cued {
                return None;
            }
        } else if self.digits(i) == 4
            && (self.timezone(i + 1).is_some() || self.is_any(i + 1, &["hours", "hrs", "GMT"]))
        {
            // "2100 local time", "1900 GMT", "0600 hours"
            let n = self.num(i)?;
            (h, m) = (n / 100, n % 100);
            if h > 23 || m > 59 {
                return None;
            }
            e = i + 1;
            if self.is_any(e, &["hours", "hrs"]) {
                e += 1;
            }
        } else {
            h = self.num(i)?;
            if self.digits(i) > 2 {
                return None;
            }
            m = 0;
            e = i + 1;
            let mut has_minutes = false;
            if self.p(e, ":") && self.joined(e) && self.joined(e + 1) && self.digits(e + 1) == 2 {
                m = self.num(e + 1)?;
                e += 2;
                has_minutes = true;
                if self.p(e, ":") && self.joined(e) {
                    return None; // h:mm:ss is a clock duration
                }
            }
            if m > 59 || h > 24 {
                return None;
            }
            if let Some(e2) = self.ampm(e) {
                if !(1..=12).contains(&h) {
                    return None;
                }
                let pm = self.l(e).starts_with('p');
                h = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                e = e2;
            } else if self.is(e, "o") && self.apos(e + 1) && self.is(e + 2, "clock") {
                e += 3;
            } else if !(has_minutes && (cued || self.timezone(e).is_some())) {
                return None;
            }
        }
        if let Some(e2) = self.timezone(e) {
            e = e2;
        }
        Some((e, h, m))
    }

    fn ampm(&self, i: usize) -> Option<usize> {
        if self.is_any(i, &["am", "pm"]) {
            return Some(i + 1);
        }
        if self.is_any(i, &["a", "p"]) && self.p(i + 1, ".") && self.is(i + 2, "m") {
            let e = i + 3;
            return Some(if self.p(e, ".") && self.joined(e) { e + 1 } else { e });
        }
        None
    }

    fn timezone(&self, i: usize) -> Option<usize> {
        const ZONES: &[&str] = &[
            "GMT", "UTC", "EST", "EDT", "ET", "CST", "CDT", "PST", "PDT", "BST", "CET", "CEST",
            "MSK", "IST", "JST",
        ];
        if self.word(i) && ZONES.iter().any(|z| self.s(i) == *z) {
            return Some(i + 1);
        }
        if self.is(i, "local") && self.is(i + 1, "time") {
            return Some(i + 2);
        }
        None
    }

    /// After a day-level date: an attached part of day or clock time ("Friday afternoon",
    /// "Saturday at 3 p.m.", "yesterday morning").
    fn with_time(&self, c: Cand) -> Cand {
        let Sem::Date { expr, time: None, modifier } = c.sem else { return c };
        let day_level = matches!(
            expr,
            DExpr::Weekday { .. } | DExpr::Deictic(_) | DExpr::Cal { d: Some(_), .. }
        );
        if !day_level || !self.cont(c.end) {
            return c;
        }
        let mut j = c.end;
        if let Some(p) = lexicon::part_of_day(self.s(j)) {
            if self.word(j) {
                let sem = Sem::Date { expr, time: Some(TimeOfDay::Part(p)), modifier };
                return Cand { end: j + 1, sem, ..c };
            }
        }
        if self.p(j, ",") || self.is(j, "at") {
            j += 1;
        }
        if let Some((e, h, m)) = self.clock(j, true) {
            let sem = Sem::Date { expr, time: Some(TimeOfDay::Clock { h, m }), modifier };
            return Cand { end: e, sem, ..c };
        }
        c
    }

    /// A quantity: digits, number words ("twenty-five"), "a"/"an", "a few", "several".
    fn qty(&self, i: usize) -> Option<(usize, Qty)> {
        if let Some(n) = self.num(i) {
            let mut e = i + 1;
            let mut v = n as f64;
            if self.p(e, ",") && self.joined(e) && self.digits(e + 1) == 3 && self.joined(e + 1) {
                v = v * 1000.0 + self.num(e + 1)? as f64;
                e += 2;
            }
            if self.p(e, ".") && self.joined(e) && self.joined(e + 1) && self.digits(e + 1) > 0 {
                let frac: f64 = format!("0.{}", self.s(e + 1)).parse().ok()?;
                v += frac;
                e += 2;
            }
            if self.joined(e) && (self.word(e) || self.kind(e) == Some(Kind::Num)) {
                return None;
            }
            return Some((e, Qty::N(v)));
        }
        let l = self.l(i);
        match l {
            "a" | "an" => {
                if self.is_any(i + 1, &["few", "couple"]) {
                    let e = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    let q = if self.is(i + 1, "couple") { Qty::N(2.0) } else { Qty::Vague };
                    return Some((e, q));
                }
                if self.is(i + 1, "number") && self.is(i + 2, "of") {
                    return Some((i + 3, Qty::Vague));
                }
                if self.is(i + 1, "dozen") {
                    return Some((i + 2, Qty::N(12.0)));
                }
                if self.is(i + 1, "half") {
                    return None;
                }
                return Some((i + 1, Qty::N(1.0)));
            }
            "few" | "several" | "many" => return Some((i + 1, Qty::Vague)),
            "half" => {
                if self.is_any(i + 1, &["a", "an"]) {
                    return Some((i + 2, Qty::N(0.5)));
                }
                return None;
            }
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => {
                return Some((i + 2, Qty::Vague));
            }
            _ => {}
        }
        let n = lexicon::number_word(self.s(i))?;
        let mut e = i + 1;
        let mut v = n;
        if lexicon::tens_word(self.s(i)).is_some() {
            let j = if self.dash(e) && self.joined(e) { e + 1 } else { e };
            if let Some(u) = lexicon::number_word(self.s(j)).filter(|u| (1..10).contains(u)) {
                v += u;
                e = j + 1;
            }
        }
        if self.is(e, "hundred") {
            v *= 100;
            e += 1;
        }
        Some((e, Qty::N(v as f64)))
    }

    /// "and a half" after a quantity and unit.
    fn and_a_half(&self, i: usize) -> Option<usize> {
        (self.is(i, "and") && self.is(i + 1, "a") && self.is(i + 2, "half")).then_some(i + 3)
    }

    // ---- rules -----------------------------------------------------------------------------

    /// Month-name dates ("January 1, 2009", "1 Jan 2009", "Jan. 21", "December 2008").
    fn r_textual(&self, i: usize) -> Option<Cand> {
        let (e, r) = self.textual(i, false)?;
        Some(match r {
            Ok(expr) => self.with_time(Self::date(i, e, expr, "textual")),
            Err(why) => Cand { start: i, end: e, sem: Sem::Unresolved(why), rule: "textual" },
        })
    }

    /// ISO 8601 dates and date-times ("2009-01-20", "2009-01-20T14:03").
    fn r_iso(&self, i: usize) -> Option<Cand> {
        // "2009-01-20", also "2009/01/20" (the same separator twice)
        let sep_ok = |k: usize| {
            self.joined(k) && (self.dash(k) || self.p(k, "/")) && self.s(k) == self.s(i + 1)
        };
        if self.digits(i) != 4
            || !sep_ok(i + 1)
            || self.digits(i + 2) != 2
            || !self.joined(i + 2)
            || !sep_ok(i + 3)
            || self.digits(i + 4) != 2
            || !self.joined(i + 4)
        {
            return None;
        }
        if i > 0 && self.joined(i) && self.kind(i - 1) != Some(Kind::Punct) {
            return None;
        }
        let (y, m, d) = (self.num(i)? as i32, self.num(i + 2)?, self.num(i + 4)?);
        let expr = DExpr::Cal { y: Y::Abs(y), m: Some(m), d: Some(d) };
        let mut e = i + 5;
        let mut time = None;
        if self.joined(e) && self.is(e, "T") && self.joined(e + 1) && self.digits(e + 1) == 2 {
            if self.p(e + 2, ":") && self.digits(e + 3) == 2 {
                time = Some(TimeOfDay::Clock { h: self.num(e + 1)?, m: self.num(e + 3)? });
                e += 4;
                if self.p(e, ":") && self.joined(e) && self.digits(e + 1) == 2 {
                    e += 2;
                }
                if self.joined(e) && self.is(e, "Z") {
                    e += 1;
                }
            }
        } else if self.joined(e) && (self.kind(e) == Some(Kind::Num) || self.dash(e)) {
            return None;
        }
        Some(Cand { start: i, end: e, sem: Sem::Date { expr, time, modifier: None }, rule: "iso" })
    }

    /// Numeric dates: "21/01/2009", "01/21/2009", "21.01.2009", "1/1/09" (two-digit year).
    ///
    /// Locale rule: a first number above 12 is the day, a second above 12 is the day; when both
    /// could be months the configured order decides (default month first, as in US wire copy).
    /// Dotted dates are always day first.
    fn r_numeric(&self, i: usize) -> Option<Cand> {
        let sep = self.s(i + 1);
        if !matches!(sep, "/" | ".") {
            return None;
        }
        let ok = |k: usize| self.joined(k);
        let shape = (1..=2).contains(&self.digits(i))
            && ok(i + 1)
            && ok(i + 2)
            && (1..=2).contains(&self.digits(i + 2))
            && ok(i + 3)
            && self.s(i + 3) == sep
            && ok(i + 4);
        if !shape {
            return None;
        }
        if i > 0 && self.joined(i) && !self.p(i - 1, "(") {
            return None;
        }
        let yd = self.digits(i + 4);
        if yd != 2 && yd != 4 {
            return None;
        }
        let e = i + 5;
        if self.joined(e) && (self.kind(e) == Some(Kind::Num) || self.s(e) == sep) {
            return None;
        }
        let (a, b) = (self.num(i)?, self.num(i + 2)?);
        let day_first = sep == "." || a > 12 || (b <= 12 && self.order == NumericOrder::DayFirst);
        let (d, m) = if day_first { (a, b) } else { (b, a) };
        if yd == 2 {
            return Some(Cand {
                start: i,
                end: e,
                sem: Sem::Unresolved(Unresolvable::TwoDigitYear),
                rule: "numeric",
            });
        }
        let y = self.num(i + 4)? as i32;
        let expr = DExpr::Cal { y: Y::Abs(y), m: Some(m), d: Some(d) };
        Some(self.with_time(Self::date(i, e, expr, "numeric")))
    }

    /// Weekdays: "Tuesday", "last Wednesday", "next Friday", "Sunday night".
    fn r_weekday(&self, i: usize) -> Option<Cand> {
        let (j, dir) = self.dir_word(i).unwrap_or((i, Dir::Tensed));
        if !self.word(j) || !self.cap(j) {
            return None;
        }
        let (dow, abbr) = lexicon::weekday(self.s(j))?;
        if abbr {
            return None;
        }
        let dir = if dir == Dir::This { Dir::This } else { dir };
        Some(self.with_time(Self::date(i, j + 1, DExpr::Weekday { dow, dir }, "weekday")))
    }

    /// Today, tonight, overnight, yesterday, tomorrow, last night, this morning.
    fn r_deictic(&self, i: usize) -> Option<Cand> {
        let l = self.l(i);
        let (end, off, part) = match l {
            "today" => (i + 1, 0, None),
            "tonight" => (i + 1, 0, Some(lexicon::PartOfDay::Night)),
            // In a report, the night that ended on the day it is dated ("drones struck the
            // depot overnight", "an overnight attack").
            "overnight" => (i + 1, 0, Some(lexicon::PartOfDay::Night)),
            "yesterday" => (i + 1, -1, None),
            "tomorrow" => (i + 1, 1, None),
            "last" if self.is(i + 1, "night") => (i + 2, -1, Some(lexicon::PartOfDay::Night)),
            "this" => {
                let p = lexicon::part_of_day(self.s(i + 1)).filter(|_| !self.is(i + 1, "night"))?;
                (i + 2, 0, Some(p))
            }
            "the"
                if self.is(i + 1, "day")
                    && self.is(i + 2, "before")
                    && self.is(i + 3, "yesterday") =>
            {
                (i + 4, -2, None)
            }
            "the"
                if self.is(i + 1, "day")
                    && self.is(i + 2, "after")
                    && self.is(i + 3, "tomorrow") =>
            {
                (i + 4, 2, None)
            }
            _ => return None,
        };
        if self.joined(i) && i > 0 && self.dash(i - 1) {
            return None; // "up-to-date", "day-to-day" compounds
        }
        let c = Cand {
            start: i,
            end,
            sem: Sem::Date {
                expr: DExpr::Deictic(off),
                time: part.map(TimeOfDay::Part),
                modifier: None,
            },
            rule: "deictic",
        };
        Some(if part.is_none() { self.with_time(c) } else { c })
    }

    /// "this week", "last month", "next year", "the last week", "this fiscal year",
    /// "the last century"; "the past year" is a duration; "the previous week" is unanchored.
    fn r_rel(&self, i: usize) -> Option<Cand> {
        // "over the weekend": the weekend the tense points to
        if self.is(i, "the")
            && self.is(i + 1, "weekend")
            && self.prev_is_any(i, &["over", "during", "at", "on", "for", "until", "by"])
        {
            return Some(Self::date(i, i + 2, DExpr::Weekend(Dir::Tensed), "relative-unit"));
        }
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let w = self.l(j);
        let mut k = j + 1;
        if self.is(k, "fiscal") {
            k += 1;
        }
        let (unit, plural) = lexicon::unit(self.s(k))?;
        if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        // "the previous day", "the next day": relative to a time the text set, not the anchor
        if unit == Unit::Day {
            if the && self.is_any(j, &["previous", "following", "same", "next", "preceding"]) {
                let off = match self.l(j) {
                    "previous" | "preceding" => -1,
                    "same" => 0,
                    _ => 1,
                };
                return Some(Cand {
                    start: i,
                    end: k + 1,
                    sem: Sem::Date {
                        expr: DExpr::Narrative { unit, off },
                        time: None,
                        modifier: None,
                    },
                    rule: "narrative",
                });
            }
            return None;
        }
        let e = k + 1;
        let rel = |off: i32| Some(Self::date(i, e, DExpr::RelUnit { unit, off }, "relative-unit"));
        let dur = |modifier| {
            Some(Cand {
                start: i,
                end: e,
                sem: Sem::Duration { qty: Qty::N(1.0), unit, modifier },
                rule: "relative-unit",
            })
        };
        match w {
            "this" | "current" if !the || w == "current" => rel(0),
            "last" | "next" | "coming" if the && unit == Unit::Decade => dur(None),
            "last" => rel(-1),
            "next" | "coming" => rel(1),
            "past" if the => {
                if unit == Unit::Century {
                    rel(-1)
                } else {
                    dur(None)
                }
            }
            "previous" | "preceding" | "following" | "same" if the && unit != Unit::Decade => {
                let off = match w {
                    "previous" | "preceding" => -1,
                    "same" => 0,
                    _ => 1,
                };
                Some(Self::date(i, e, DExpr::Narrative { unit, off }, "narrative"))
            }
            "previous" | "following" if the => Some(Cand {
                start: i,
                end: e,
                sem: Sem::Unresolved(Unresolvable::Vague),
                rule: "relative-unit",
            }),
            _ => None,
        }
    }

    /// Offsets from the anchor: "two days ago", "a year ago", "three weeks from now";
    /// "two days later" has no reference time here and stays unresolved.
    fn r_offset(&self, i: usize) -> Option<Cand> {
        let (j, modifier) = self.duration_mod(i);
        let (k, qty) = match self.qty(j) {
            Some(q) => q,
            None => (j, Qty::Vague), // "years ago"
        };
        let (unit, plural) = lexicon::unit(self.s(k))?;
        if k == j && !plural {
            return None;
        }
        let mut e = k + 1;
        if let Some(e2) = self.and_a_half(e) {
            e = e2;
        }
        // "a month earlier", "two days later", "eight years from now": TimeML annotates the
        // quantity as a duration ("earlier", "from" are signals; "now" is its own expression)
        let sign = match self.l(e) {
            "ago" | "back" => -1,
            _ => return None,
        };
        if self.is(e, "back") && !self.phrase_ends(e + 1) {
            return None;
        }
        let sem = match qty {
            Qty::Vague => Sem::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
            n => Sem::Date { expr: DExpr::Offset { n, unit, sign }, time: None, modifier },
        };
        Some(Cand { start: i, end: e + 1, sem, rule: "offset" })
    }

    fn duration_mod(&self, i: usize) -> (usize, Option<Mod>) {
        // Most tokens start no modifier: one table lookup on the first letter rules them out.
        if !self.l(i).as_bytes().first().is_some_and(|&b| DURATION_MOD_INITIALS[b as usize]) {
            return (i, None);
        }
        for (words, m) in DURATION_MODS {
            if words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                let j = i + words.len();
                // "over the past two years": a preposition, not "more than"
                if words == &["over"] && (self.qty(j).is_none() || self.is(j, "the")) {
                    continue;
                }
                if words == &["some"]
                    && self.num(j).is_none()
                    && lexicon::number_word(self.s(j)).is_none()
                {
                    continue;
                }
                return (j, Some(*m));
            }
        }
        (i, None)
    }

    /// Durations: "three years", "the past two years", "a decade", "four-week", "90-day",
    /// "several months", "recent weeks", bare plurals after "for"/"within" ("for years"),
    /// "half an hour", "a year and a half", clock durations "3:07:35".
    /// A capitalised unit inside a sentence belongs to a name ("the Six-Day War").
    fn name_unit(&self, k: usize) -> bool {
        self.cap(k) && !self.s(k).chars().all(|c| c.is_uppercase()) && k > 0 && !self.p(k - 1, ".")
    }

    fn r_duration(&self, i: usize) -> Option<Cand> {
        // h:mm:ss
        if self.digits(i) >= 1
            && self.p(i + 1, ":")
            && self.joined(i + 1)
            && self.digits(i + 2) == 2
            && self.p(i + 3, ":")
            && self.joined(i + 3)
            && self.digits(i + 4) == 2
            && !self.prev_is_any(i, &["at"])
        {
            let (h, m, s) = (self.num(i)?, self.num(i + 2)?, self.num(i + 4)?);
            if m < 60 && s < 60 {
                return Some(Cand {
                    start: i,
                    end: i + 5,
                    sem: Sem::ClockDuration { h, m, s },
                    rule: "duration",
                });
            }
        }
        let (mut j, modifier) = self.duration_mod(i);
        let mut lead = false;
        if self.is(j, "the")
            && self.is_any(
                j + 1,
                &[
                    "past",
                    "last",
                    "next",
                    "previous",
                    "first",
                    "following",
                    "coming",
                    "final",
                    "remaining",
                    "initial",
                    "latest",
                    "full",
                ],
            )
        {
            j += 2;
            lead = true;
        } else if self.is(j, "the")
            && (self.num(j + 1).is_some() || lexicon::number_word(self.s(j + 1)).is_some())
        {
            j += 1;
            lead = true;
        } else if self.is(j, "a") && self.is(j + 1, "mere") {
            j += 2;
        } else if self.is(j, "recent") && self.cap(j) == self.cap(j) {
            // "recent weeks": the adjective is part of the expression
            let (unit, plural) = lexicon::unit(self.s(j + 1))?;
            if !plural || matches!(unit, Unit::Weekend | Unit::Quarter) {
                return None;
            }
            return Some(Cand {
                start: i,
                end: j + 2,
                sem: Sem::Duration { qty: Qty::Vague, unit, modifier },
                rule: "duration",
            });
        }
        if let Some((k, qty)) = self.qty(j) {
            // hyphenated adjective: "four-week", "90-day" (but not "five-year-old")
            if self.dash(k) && self.joined(k) && self.joined(k + 1) {
                let (unit, plural) = lexicon::unit(self.s(k + 1))?;
                if plural
                    || (self.dash(k + 2) && self.is(k + 3, "old"))
                    || unit == Unit::Weekend
                    || self.name_unit(k + 1)
                {
                    return None;
                }
                return Some(Cand {
                    start: i,
                    end: k + 2,
                    sem: Sem::Duration { qty, unit, modifier },
                    rule: "duration",
                });
            }
            let (unit, plural) = lexicon::unit(self.s(k))?;
            if unit == Unit::Weekend || self.name_unit(k) {
                return None;
            }
            // "5 percent a year", "$3 a day": a rate, handled by sets
            if matches!(self.l(j), "a" | "an")
                && j > 0
                && (self.prev_is_any(
                    j,
                    &["percent", "cent", "cents", "dollars", "euros", "pounds", "%"],
                ) || self.kind(j - 1) == Some(Kind::Num))
            {
                return None;
            }
            // "a year" after "once"/"twice"/"times" is a frequency, handled by sets
            if qty == Qty::N(1.0) && self.prev_is_any(j, &["times", "twice", "once", "thrice"]) {
                return None;
            }
            let _ = plural;
            let mut e = k + 1;
            let mut qty = qty;
            if let (Some(e2), Qty::N(n)) = (self.and_a_half(e), qty) {
                qty = Qty::N(n + 0.5);
                e = e2;
            }
            if self.is(e, "of") && lead {
                return None; // "the first days of ...": a part of a period, not a duration
            }
            return Some(Cand {
                start: i,
                end: e,
                sem: Sem::Duration { qty, unit, modifier },
                rule: "duration",
            });
        }
        if lead && self.is_any(j - 1, &["past", "next", "coming", "last"]) {
            // "the coming weeks", "the past months"
            let (unit, plural) = lexicon::unit(self.s(j))?;
            if plural && !self.is(j + 1, "of") && !matches!(unit, Unit::Weekend | Unit::Quarter) {
                return Some(Cand {
                    start: i,
                    end: j + 1,
                    sem: Sem::Duration { qty: Qty::Vague, unit, modifier },
                    rule: "duration",
                });
            }
            return None;
        }
        // bare plural unit after a cue: "for years", "within minutes", "days of talks"
        let (unit, plural) = lexicon::unit(self.s(j))?;
        if !plural || matches!(unit, Unit::Weekend | Unit::Quarter) || j != i {
            return None;
        }
        let cue = self.prev_is_any(
            i,
            &[
                "for", "within", "over", "in", "after", "last", "lasts", "lasted", "lasting",
                "take", "takes", "took", "taking", "spend", "spent", "spending",
            ],
        );
        // "of talks", or before/after a clause or event ("days before he underwent surgery")
        // ("minutes of the meeting" are records, not a duration)
        let of = (self.is(i + 1, "of")
            && !self.is(i + 2, "the")
            && !matches!(unit, Unit::Minute | Unit::Second))
            || (self.is_any(i + 1, &["before", "after"])
                && i > 0
                && !self.prev_is_any(i, &["the", "those", "these", "few", "many", "some"]));
        if !(cue || of)
            || self.is(i + 1, "ago")
            || self.is(i + 1, "later")
            || self.is(i + 1, "earlier")
        {
            return None;
        }
        Some(Cand {
            start: i,
            end: i + 1,
            sem: Sem::Duration { qty: Qty::Vague, unit, modifier: None },
            rule: "duration",
        })
    }

    /// Parts of a period: "the first week of March" → March (START); "the last days of the
    /// war" → recognised, left undetermined.
    fn r_vague_part(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") {
            return None;
        }
        let m = match self.l(i + 1) {
            "first" | "early" | "opening" | "initial" => Mod::Start,
            "last" | "final" | "closing" | "dying" | "waning" => Mod::End,
            _ => return None,
        };
        let (_, _) = lexicon::unit(self.s(i + 2)).or_else(|| {
            self.is_any(i + 2, &["moments", "hours", "days"]).then_some((Unit::Day, true))
        })?;
        let e = i + 3;
        if self.is(e, "of") {
            if let Some(c) = self.core(e + 1) {
                if let Sem::Date { expr, time, modifier: None } = c.sem {
                    return Some(Cand {
                        start: i,
                        end: c.end,
                        sem: Sem::Date { expr, time, modifier: Some(m) },
                        rule: "part-of",
                    });
                }
            }
            return Some(Cand {
                start: i,
                end: e,
                sem: Sem::Unresolved(Unresolvable::Vague),
                rule: "part-of",
            });
        }
        if self.is(i + 1, "early") && self.is_any(i + 2, &["days", "years", "months", "hours"]) {
            return Some(Cand {
                start: i,
                end: e,
                sem: Sem::Unresolved(Unresolvable::Vague),
                rule: "part-of",
            });
        }
        None
    }

    /// The date cores that may follow a modifier ("early", "the end of", "earlier in").
    fn core(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut take = |c: Option<Cand>| {
            if let Some(c) = c {
                if matches!(c.sem, Sem::Date { .. }) && best.is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        take(
            self.textual(i, true).and_then(|(e, r)| r.ok().map(|x| Self::date(i, e, x, "textual"))),
        );
        take(self.r_rel(i));
        take(self.r_weekday(i));
        take(self.r_deictic(i));
        take(self.r_misc_date(i));
        // "the year", "the month", "the week" after a modifier: the anchor's own
        if self.is(i, "the") {
            if let Some((unit, false)) = lexicon::unit(self.s(i + 1)) {
                if matches!(
                    unit,
                    Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century
                ) {
                    take(Some(Self::date(
                        i,
                        i + 2,
                        DExpr::RelUnit { unit, off: 0 },
                        "relative-unit",
                    )));
                }
            }
        }
        // "by the end of year": the unit alone after "of"
        if i > 0 && self.is(i - 1, "of") {
            if let Some((unit, false)) = lexicon::unit(self.s(i)) {
                if matches!(unit, Unit::Week | Unit::Month | Unit::Year) && self.phrase_ends(i + 1)
                {
                    take(Some(Self::date(
                        i,
                        i + 1,
                        DExpr::RelUnit { unit, off: 0 },
                        "relative-unit",
                    )));
                }
            }
        }
        // "the year 2000", a decade or century without "the" after "early"/"mid"
        if let Some((e, y)) = self.year4(i) {
            take(Some(Self::date(i, e, DExpr::Cal { y: Y::Abs(y), m: None, d: None }, "year")));
        }
        best
    }

    /// Modified periods: "early 1980s", "mid-February", "late last July", "the end of 2008",
    /// "earlier in January", "earlier this month", "early this year", "the early 1980s".
    fn r_modified(&self, i: usize) -> Option<Cand> {
        let l = self.l(i);
        let (j, modifier) = match l {
            "early" | "earlier" | "late" | "later" | "mid" | "middle" => {
                let m = match l {
                    "early" => Some(Mod::Start),
                    "late" => Some(Mod::End),
                    "mid" | "middle" => Some(Mod::Mid),
                    _ => None,
                };
                let mut j = i + 1;
                if self.dash(j) && self.joined(j) {
                    j += 1;
                } else if l == "middle" {
                    return None;
                }
                if self.is(j, "in") || (self.is(j, "on") && m.is_some()) {
                    j += 1;
                }
                (j, m)
            }
            "the" | "end" | "beginning" | "start" => {
                let k = if l == "the" { i + 1 } else { i };
                let w = self.l(k);
                let m = match w {
                    "end" | "close" => Mod::End,
                    "beginning" | "start" | "dawn" => Mod::Start,
                    "middle" => Mod::Mid,
                    "early" | "late" | "mid" if l == "the" => {
                        let m = match w {
                            "early" => Mod::Start,
                            "late" => Mod::End,
                            _ => Mod::Mid,
                        };
                        let mut j = k + 1;
                        if self.dash(j) && self.joined(j) {
                            j += 1;
                        }
                        // "the early 1980s", "the late 20th century" (with its own "the")
                        let c = self.decade_or_century(j, false)?;
                        return Some(Cand {
                            start: i,
                            end: c.end,
                            sem: match c.sem {
                                Sem::Date { expr, time, .. } => {
                                    Sem::Date { expr, time, modifier: Some(m) }
                                }
                                s => s,
                            },
                            rule: "modified",
                        });
                    }
                    _ => return None,
                };
                if (self.dash(k + 1) && self.joined(k + 1) && l != "the") || self.is(k + 1, "of") {
                    (k + 2, Some(m)) // "end-March", "the end of"
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        let c = self.core(j)?;
        let Sem::Date { expr, time, modifier: None } = c.sem else { return None };
        // "earlier"/"later" alone modify nothing: keep them only before an expression they scope
        if matches!(l, "earlier" | "later") && j == i + 1 && !matches!(expr, DExpr::RelUnit { .. })
        {
            return None;
        }
        let expr = match expr {
            // "earlier in January": the January of the anchor year unless it is still to come
            DExpr::Cal { y: Y::Implicit(Dir::Tensed), m, d } if l == "earlier" => {
                DExpr::Cal { y: Y::Implicit(Dir::PastIncl), m, d }
            }
            e => e,
        };
        Some(Cand {
            start: i,
            end: c.end,
            sem: Sem::Date { expr, time, modifier },
            rule: "modified",
        })
    }

    /// Decades ("the 1990s", "the '80s", "1980's", "the eighties") and centuries ("the 20th
    /// century", "the 1900s"). `need_the`: standing alone, a two-digit decade needs "the".
    fn decade_or_century(&self, i: usize, need_the: bool) -> Option<Cand> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let mk = |e: usize, expr: DExpr| Some(Self::date(i, e, expr, "decade"));
        // 1980s, 1980's, 1900s
        if self.digits(j) == 4 {
            let n = self.num(j)?;
            let mut e = j + 1;
            if self.apos(e) && self.joined(e) {
                e += 1;
            }
            if self.joined(e) && self.is(e, "s") && n % 10 == 0 {
                if n % 100 == 0 {
                    return mk(e + 1, DExpr::Hundreds(n as i32 / 100));
                }
                return mk(e + 1, DExpr::Decade(n as i32 / 10));
            }
            return None;
        }
        // '80s
        if self.apos(j) && self.digits(j + 1) == 2 && self.joined(j + 1) {
            let n = self.num(j + 1)?;
            if self.is(j + 2, "s") && self.joined(j + 2) && n % 10 == 0 {
                return mk(j + 3, DExpr::DecadeShort(n / 10));
            }
            return None;
        }
        // 80s (after "the" or a modifier)
        if self.digits(j) == 2 && (the || !need_the) {
            let n = self.num(j)?;
            if self.is(j + 1, "s") && self.joined(j + 1) && n % 10 == 0 && n >= 20 {
                return mk(j + 2, DExpr::DecadeShort(n / 10));
            }
        }
        if let Some(d) = lexicon::decade_word(self.s(j)) {
            if the || !need_the {
                return mk(j + 1, DExpr::DecadeShort(d));
            }
        }
        // the 20th century, the twentieth century
        if let Some((e, n)) = self.ordinal(j) {
            let mut e = e;
            if self.dash(e) && self.joined(e) {
                e += 1;
            }
            if self.is(e, "century") && (1..=30).contains(&n) {
                return mk(e + 1, DExpr::Century(n as i32 - 1));
            }
        }
        None
    }

    /// Years, decades, centuries, seasons, quarters, "on the 5th" and year ranges ("1957-58").
    fn r_misc_date(&self, i: usize) -> Option<Cand> {
        if let Some(c) = self.decade_or_century(i, true) {
            return Some(c);
        }
        if let Some(c) = self.season(i) {
            return Some(c);
        }
        if let Some(c) = self.quarter(i) {
            return Some(c);
        }
        if let Some(c) = self.holiday(i) {
            return Some(c);
        }
        if let Some(c) = self.half(i) {
            return Some(c);
        }
        // "on the 5th"
        if self.is(i, "the")
            && self.prev_is_any(i, &["on", "by", "since", "until", "till", "before", "after"])
        {
            if let Some((e, d)) = self.ordinal(i + 1) {
                let digits = self.kind(i + 1) == Some(Kind::Num);
                if (1..=31).contains(&d)
                    && (digits || self.prev_is_any(i, &["on"]))
                    && self.phrase_ends(e)
                    && !self.is(e, "of")
                {
                    return Some(Self::date(i, e, DExpr::OrdinalDay(d), "ordinal-day"));
                }
            }
        }
        // second year of a range: "1957-58"
        if self.digits(i) == 2
            && i >= 2
            && self.joined(i)
            && (self.dash(i - 1) || self.p(i - 1, "/"))
            && self.joined(i - 1)
            && self.digits(i - 2) == 4
            && !(self.joined(i + 1) && (self.word(i + 1) || self.kind(i + 1) == Some(Kind::Num)))
        {
            let first = self.num(i - 2)? as i32;
            let n = self.num(i)? as i32;
            let y = first / 100 * 100 + n;
            if y > first && y - first < 20 && (1000..=2999).contains(&first) {
                return Some(Self::date(
                    i,
                    i + 1,
                    DExpr::Cal { y: Y::Abs(y), m: None, d: None },
                    "year-range",
                ));
            }
            return None;
        }
        // fiscal 2012, FY2012, the year 2000, 2009
        let mut j = i;
        if self.is_any(j, &["fiscal", "FY"]) {
            j += 1;
        } else if self.is(j, "the") && self.is(j + 1, "year") && self.digits(j + 2) == 4 {
            j += 2;
        }
        let (e, y) = self.year4(j)?;
        if j == i {
            if self.prev_is_any(
                i,
                &[
                    "no",
                    "number",
                    "flight",
                    "route",
                    "room",
                    "page",
                    "article",
                    "resolution",
                    "paragraph",
                    "chapter",
                    "section",
                    "rule",
                    "model",
                    "version",
                    "bill",
                    "item",
                    "highway",
                    "interstate",
                    "of",
                ],
            ) && !self.prev_is_any(i, &["of"])
            {
                return None;
            }
            if i > 0
                && self.joined(i)
                && (self.p(i - 1, "$")
                    || self.p(i - 1, "#")
                    || self.p(i - 1, "£")
                    || self.p(i - 1, "€"))
            {
                return None;
            }
            if self.p(e, "%")
                || self.is_any(
                    e,
                    &[
                        "percent",
                        "per",
                        "people",
                        "persons",
                        "troops",
                        "soldiers",
                        "men",
                        "women",
                        "children",
                        "votes",
                        "dollars",
                        "euros",
                        "pounds",
                        "tonnes",
                        "tons",
                        "kilometres",
                        "kilometers",
                        "miles",
                        "metres",
                        "meters",
                        "feet",
                        "residents",
                        "cases",
                        "deaths",
                        "units",
                        "homes",
                        "times",
                    ],
                )
            {
                return None;
            }
            if i > 0 && self.joined(i) && self.kind(i - 1) == Some(Kind::Num) {
                return None;
            }
            // part of a bigger number or a score
            if i > 1 && self.joined(i) && self.p(i - 1, ",") && self.kind(i - 2) == Some(Kind::Num)
            {
                return None;
            }
        }
        Some(Self::date(i, e, DExpr::Cal { y: Y::Abs(y), m: None, d: None }, "year"))
    }

    /// An optional year after a period: "of 2014" / "2014" / "of this year" / "of the year".
    fn year_of(&self, e: usize, of_required: bool) -> (usize, Y) {
        let mut k = e;
        if self.is(k, "of") {
            k += 1;
        } else if of_required {
            return (e, Y::Implicit(Dir::Tensed));
        }
        if let Some((e2, y)) = self.year4(k) {
            return (e2, Y::Abs(y));
        }
        // "of last year", and without "of" after a bare period: "in May last year".
        if k > e || !of_required {
            let off = match self.l(k) {
                "last" => Some(-1),
                "next" => Some(1),
                "this" => Some(0),
                "the" if k > e => Some(0),
                _ => None,
            };
            if let (Some(off), true) = (off, self.is(k + 1, "year")) {
                return (k + 2, Y::Rel(off));
            }
        }
        (e, Y::Implicit(Dir::Tensed))
    }

    /// Named holidays: "Christmas", "New Year's Eve", "Thanksgiving", "Easter Sunday".
    fn holiday(&self, i: usize) -> Option<Cand> {
        if !self.cap(i) {
            return None;
        }
        'outer: for (words, h) in lexicon::HOLIDAYS {
            let mut k = i;
            for (n, w) in words.iter().enumerate() {
                if n > 0 {
                    // skip the possessive: "New Year's Eve", "Valentine's Day"
                    if self.apos(k) && self.is(k + 1, "s") {
                        k += 2;
                    }
                    if !self.cap(k) {
                        continue 'outer;
                    }
                }
                if !self.is(k, w) {
                    continue 'outer;
                }
                k += 1;
            }
            if self.apos(k) && self.is(k + 1, "s") && words.len() > 1 {
                // "New Year's" alone is not matched here; a trailing possessive is not ours
            }
            let (e, y) = self.year_of(k, false);
            return Some(Self::date(i, e, DExpr::Holiday { y, h: *h }, "holiday"));
        }
        None
    }

    /// Half years: "the first half of 2014", "the second half of the year".
    fn half(&self, i: usize) -> Option<Cand> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let h = match self.l(j) {
            "first" => 1,
            "second" | "latter" => 2,
            _ => return None,
        };
        if !self.is(j + 1, "half") {
            return None;
        }
        let (e, y) = self.year_of(j + 2, true);
        if e == j + 2 {
            return None;
        }
        Some(Self::date(i, e, DExpr::Half { y, h }, "half-year"))
    }

    /// Seasons: "last summer", "summer 2008", "the winter of 2008", "in the spring".
    fn season(&self, i: usize) -> Option<Cand> {
        let (mut j, dir) = match self.dir_word(i) {
            Some((j, d)) => (j, Some(d)),
            None => (i, None),
        };
        let the = dir.is_none() && self.is(j, "the");
        if the {
            j += 1;
        }
        let s = lexicon::season(self.s(j))?;
        let mut e = j + 1;
        let mut k = e;
        if self.is(k, "of") {
            k += 1;
        }
        if let Some((e2, y)) = self.year4(k) {
            if dir.is_none() {
                return Some(Self::date(i, e2, DExpr::Season { y: Y::Abs(y), s }, "season"));
            }
        }
        if self.is(e, "of") {
            return None; // "the fall of Baghdad"
        }
        let y = match dir {
            Some(d) => Y::Implicit(d),
            None => {
                let cue = self.prev_is_any(
                    i,
                    &[
                        "in",
                        "during",
                        "over",
                        "since",
                        "by",
                        "until",
                        "through",
                        "throughout",
                        "this",
                        "that",
                    ],
                );
                let fall = self.is(j, "fall");
                // a bare season needs a cue ("in summer"); "fall" also needs "the"
                if !cue || (fall && !the) {
                    return None;
                }
                Y::Implicit(Dir::Tensed)
            }
        };
        if self.is(e, "season") {
            e += 1;
        }
        Some(Self::date(i, e, DExpr::Season { y, s }, "season"))
    }

    /// Quarters: "the first quarter", "the fourth quarter of 2012", "Q3".
    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let (q, e) = if self.s(j) == "Q" && self.joined(j + 1) && self.digits(j + 1) == 1 {
            (self.num(j + 1)?, j + 2)
        } else {
            if self.is(j, "the") {
                j += 1;
            }
            let q = match self.l(j) {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                "fourth" | "4th" | "final" => 4,
                _ => {
                    let (e, n) = self.ordinal(j)?;
                    if self.is(e, "quarter") && (1..=4).contains(&n) {
                        j = e - 1;
                        n
                    } else {
                        return None;
                    }
                }
            };
            if !self.is(j + 1, "quarter") {
                return None;
            }
            (q, j + 2)
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        let mut k = e;
        if self.is(k, "of") {
            k += 1;
        }
        if self.is(k, "fiscal") {
            k += 1;
        }
        if let Some((e2, y)) = self.year4(k) {
            return Some(Self::date(i, e2, DExpr::Quarter { y: Y::Abs(y), q }, "quarter"));
        }
        if self.is(e, "of")
            && self.is_any(e + 1, &["this", "last", "next"])
            && self.is(e + 2, "year")
        {
            let off = match self.l(e + 1) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Some(Self::date(i, e + 3, DExpr::Quarter { y: Y::Rel(off), q }, "quarter"));
        }
        Some(Self::date(i, e, DExpr::Quarter { y: Y::Implicit(Dir::Tensed), q }, "quarter"))
    }

    /// Clock times, alone or with a day: "8 PM", "15:00 GMT Saturday", "at noon on Friday".
    fn r_time(&self, i: usize) -> Option<Cand> {
        let cued = self.prev_is_any(
            i,
            &[
                "at", "by", "around", "about", "from", "until", "till", "before", "after", "since",
                "to", "between", "and",
            ],
        );
        let (e, h, m) = self.clock(i, cued)?;
        let time = Some(TimeOfDay::Clock { h, m });
        let mut k = e;
        if self.p(k, ",") || self.is(k, "on") {
            k += 1;
        }
        if self.cont(k) {
            for c in [self.r_weekday(k), self.r_deictic(k), self.r_textual(k)].into_iter().flatten()
            {
                if let Sem::Date { expr, time: None, modifier } = c.sem {
                    if matches!(
                        expr,
                        DExpr::Weekday { .. } | DExpr::Deictic(_) | DExpr::Cal { d: Some(_), .. }
                    ) {
                        return Some(Cand {
                            start: i,
                            end: c.end,
                            sem: Sem::Date { expr, time, modifier },
                            rule: "time",
                        });
                    }
                }
            }
        }
        Some(Cand {
            start: i,
            end: e,
            sem: Sem::Date { expr: DExpr::Deictic(0), time, modifier: None },
            rule: "time",
        })
    }

    /// Recurring times: "every morning", "each year", "annually", "twice a year".
    fn r_set(&self, i: usize) -> Option<Cand> {
        let l = self.l(i);
        let set =
            |end: usize, s: SetExpr| Some(Cand { start: i, end, sem: Sem::Set(s), rule: "set" });
        match l {
            "every" | "each" => {
                let mut j = i + 1;
                if self.is(j, "other") {
                    j += 1;
                }
                let w = self.s(j);
                if let Some((u, false)) = lexicon::unit(w) {
                    return set(j + 1, SetExpr::Every(u));
                }
                if let Some((d, false)) = lexicon::weekday(w).filter(|_| self.cap(j)) {
                    return set(j + 1, SetExpr::Weekday(d));
                }
                if let Some(p) = lexicon::part_of_day(w) {
                    return set(j + 1, SetExpr::Part(p));
                }
                if let Some((m, false)) = lexicon::month(w).filter(|_| self.cap(j)) {
                    return set(j + 1, SetExpr::Month(m));
                }
                if let Some(s) = lexicon::season(w) {
                    return set(j + 1, SetExpr::Season(s));
                }
                None
            }
            "daily" | "weekly" | "monthly" | "annually" | "yearly" | "quarterly" | "hourly"
            | "nightly" => {
                // adverbs only: "published daily", not "a daily newspaper"
                let adverb = l == "annually" || self.phrase_ends(i + 1);
                if !adverb || self.prev_is_any(i, &["a", "an", "the", "its", "their", "his", "her"])
                {
                    return None;
                }
                let s = match l {
                    "daily" => SetExpr::Every(Unit::Day),
                    "weekly" => SetExpr::Every(Unit::Week),
                    "monthly" => SetExpr::Every(Unit::Month),
                    "quarterly" => SetExpr::Every(Unit::Quarter),
                    "hourly" => SetExpr::Every(Unit::Hour),
                    "nightly" => SetExpr::Part(lexicon::PartOfDay::Night),
                    _ => SetExpr::Every(Unit::Year),
                };
                set(i + 1, s)
            }
            "a" | "an" | "per"
                if i > 0
                    && (self.prev_is_any(
                        i,
                        &["percent", "cent", "cents", "dollars", "euros", "pounds", "%"],
                    ) || self.kind(i - 1) == Some(Kind::Num)
                        || l == "per") =>
            {
                let (u, false) = lexicon::unit(self.s(i + 1))? else { return None };
                if u == Unit::Weekend || self.name_unit(i + 1) {
                    return None;
                }
                set(i + 2, SetExpr::Every(u))
            }
            _ => {
                let j = if matches!(l, "once" | "twice" | "thrice") {
                    i + 1
                } else {
                    let (k, _) = self.qty(i)?;
                    if !self.is(k, "times") {
                        return None;
                    }
                    k + 1
                };
                if !self.is_any(j, &["a", "an", "per", "each", "every"]) {
                    return None;
                }
                let (u, false) = lexicon::unit(self.s(j + 1))? else { return None };
                set(j + 2, SetExpr::Every(u))
            }
        }
    }

    /// Reference words: "now", "currently", "in the past", "the future", "recently".
    fn r_ref(&self, i: usize) -> Option<Cand> {
        let l = self.l(i);
        let r = |end: usize, v: &'static str| {
            Some(Cand { start: i, end, sem: Sem::Ref(v), rule: "reference" })
        };
        match l {
            "now" => {
                if self.dash(i + 1) && self.joined(i + 1) {
                    return None; // "now-defunct"
                }
                r(i + 1, "PRESENT_REF")
            }
            "right" if self.is(i + 1, "now") => r(i + 2, "PRESENT_REF"),
            "currently" | "nowadays" | "presently" => r(i + 1, "PRESENT_REF"),
            "recently" | "lately" => r(i + 1, "PAST_REF"),
            "these" if self.is(i + 1, "days") && self.phrase_ends(i + 2) => r(i + 2, "PRESENT_REF"),
            "at" if self.is(i + 1, "present") && self.phrase_ends(i + 2) => r(i + 2, "PRESENT_REF"),
            "the" => {
                let prep = self.prev_is_any(
                    i,
                    &["in", "of", "from", "into", "than", "until", "to", "for", "at"],
                );
                let mut j = i + 1;
                if self.is(j, "near") || self.is(j, "distant") || self.is(j, "recent") {
                    j += 1;
                }
                let v = match self.l(j) {
                    "past" => "PAST_REF",
                    "future" => "FUTURE_REF",
                    "present" => "PRESENT_REF",
                    "moment" if self.prev_is_any(i, &["at", "for"]) => "PRESENT_REF",
                    _ => return None,
                };
                if !prep || !self.phrase_ends(j + 1) || self.qty(j + 1).is_some() {
                    return None;
                }
                r(j + 1, v)
            }
            _ => None,
        }
    }
}
