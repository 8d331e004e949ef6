//! Temporal expressions in news text: finds them, gives each a TIMEX3 type and value, a
//! granularity and (for dates) an interval, anchored on the publication date and the tense of
//! the governing verb; and turns the expression attached to an event into its [`EventTime`].
//!
//! ```
//! use timex::{Anchor, find};
//! let anchor = Anchor::parse("2009-01-20").unwrap();
//! let text = "Earlier in January, Iraqi forces entered Camp Ashraf.";
//! let found = find(text, Some(&anchor), None).unwrap();
//! let t = &found.timexes[0];
//! assert_eq!(t.span.slice(text), Some("Earlier in January"));
//! assert_eq!(t.value.as_deref(), Some("2009-01"));
//! ```
//!
//! The engine is our own rule grammar (`grammar.rs`) over a simple tokenizer, then anchoring
//! (`resolve.rs`); `chrono` is used only for calendar arithmetic. Scanning is linear in the
//! input; inputs above [`Config::max_input_bytes`] are refused with a typed error. Expressions
//! that are recognised but cannot be valued — impossible dates ("February 30"), two-digit
//! years, implausibly distant years, vague references ("the last days of the war") — are
//! returned with `value: None` and a [`Diagnostic`]; nothing is guessed.

#![forbid(unsafe_code)]

mod event;
mod grammar;
mod lexicon;
mod resolve;
mod sem;
mod tense;
mod token;

pub mod eval;

pub use chrono::NaiveDate;
pub use event::{attach, event_time, resolve_event_time};
pub use model::{DatePrecision, EventTime, Span, TimeBasis};
pub use resolve::value_interval;

/// Whether a word names a month (full or abbreviated: "March", "Sept"), a weekday written in
/// full ("Wednesday") or a part of the day ("morning", "overnight"), in any case: the calendar
/// names the expression grammar reads, for callers that only need to know a word says when.
pub fn names_a_time(word: &str) -> bool {
    lexicon::month(word).is_some()
        || lexicon::weekday(word).is_some_and(|(_, abbreviated)| !abbreviated)
        || lexicon::part_of_day(word).is_some()
}

/// Whether a word names a weekday written in full ("Thursday"), in any case.
pub fn names_a_weekday(word: &str) -> bool {
    lexicon::weekday(word).is_some_and(|(_, abbreviated)| !abbreviated)
}

use sem::{Sem, Unresolvable};

/// The date relative expressions are anchored on (the publication date), with how much of it
/// is known. A month-precise anchor still resolves "last year" but not "yesterday".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

impl Anchor {
    pub fn new(date: NaiveDate, precision: DatePrecision) -> Anchor {
        Anchor { date, precision }
    }

    /// A day-precise anchor; `None` for an impossible date.
    pub fn day(y: i32, m: u32, d: u32) -> Option<Anchor> {
        NaiveDate::from_ymd_opt(y, m, d).map(|date| Anchor { date, precision: DatePrecision::Day })
    }

    /// Parses an ISO 8601 prefix: `2009`, `2009-01`, `2009-01-20`, `2009-01-20T14:03:00Z`.
    /// The precision follows the length (a time part counts as day precision).
    pub fn parse(iso: &str) -> Result<Anchor, TimexError> {
        let bad = || TimexError::BadAnchor { input: iso.chars().take(64).collect() };
        let date_part = iso.trim().split('T').next().unwrap_or("");
        let parts: Vec<&str> = date_part.split('-').collect();
        let num = |s: &str| -> Result<u32, TimexError> {
            if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse().map_err(|_| bad())
        };
        let (y, m, d, p) = match parts.as_slice() {
            [y] if y.len() == 4 => (num(y)?, 1, 1, DatePrecision::Year),
            [y, m] if y.len() == 4 => (num(y)?, num(m)?, 1, DatePrecision::Month),
            [y, m, d] if y.len() == 4 => (num(y)?, num(m)?, num(d)?, DatePrecision::Day),
            _ => return Err(bad()),
        };
        let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)?;
        Ok(Anchor { date, precision: p })
    }

    /// The anchor of an article's publication date.
    pub fn from_published(p: &model::Published) -> Result<Anchor, TimexError> {
        let mut a = Anchor::parse(&p.value)?;
        if p.precision > a.precision {
            a.precision = p.precision;
        }
        Ok(a)
    }
}

/// The tense of the verb governing an expression: which way an underspecified date points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The unit a value is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    Second,
    Minute,
    Hour,
    /// Morning, afternoon, evening, night.
    PartOfDay,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    HalfYear,
    Year,
    Decade,
    Century,
    /// References (PRESENT_REF), sets, and values with no date.
    Unknown,
}

impl Granularity {
    /// The model's precision for this granularity: the finest [`DatePrecision`] that does not
    /// claim more than the expression says (a week or a season is stated below a month or a
    /// year but never pins a day, so it reports the coarser unit; the interval is exact).
    pub fn precision(self) -> DatePrecision {
        match self {
            Granularity::Second => DatePrecision::Second,
            Granularity::Minute => DatePrecision::Minute,
            Granularity::Hour | Granularity::PartOfDay | Granularity::Day => DatePrecision::Day,
            Granularity::Week => DatePrecision::Week,
            Granularity::Month => DatePrecision::Month,
            Granularity::Season
            | Granularity::Quarter
            | Granularity::HalfYear
            | Granularity::Year => DatePrecision::Year,
            Granularity::Decade => DatePrecision::Decade,
            Granularity::Century => DatePrecision::Century,
            Granularity::Unknown => DatePrecision::Unknown,
        }
    }
}

/// TIMEX3 `mod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mod {
    Start,
    Mid,
    End,
    Approx,
    MoreThan,
    LessThan,
    EqualOrMore,
    EqualOrLess,
}

impl Mod {
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
        }
    }
}

/// An inclusive interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Byte span into the text given to [`find`]; slicing it gives the surface form.
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value (`2009-01-20`, `2009-W04`, `198`, `P3D`, `PRESENT_REF`, `XXXX-WXX-1`);
    /// `None` when the expression is recognised but its value cannot be determined.
    pub value: Option<String>,
    pub granularity: Granularity,
    pub modifier: Option<Mod>,
    /// For dates and times: the days it covers (after `mod` START/MID/END narrowing).
    pub interval: Option<Interval>,
    /// The tense used to place it (given by the caller, or guessed from the sentence).
    pub tense: Option<Tense>,
    /// The grammar rule that matched (for debugging and error analysis).
    pub rule: &'static str,
}

impl Timex {
    /// The expression as a pipeline [`model::Mention`] of kind `Time`, its TIMEX3 value as the
    /// resolution. `text` is the text the span points into.
    pub fn to_mention(&self, text: &str) -> model::Mention {
        model::Mention {
            span: self.span,
            kind: model::MentionKind::Time,
            text: self.span.slice(text).unwrap_or_default().to_string(),
            resolution: self.value.clone(),
        }
    }
}

/// What went wrong with one expression (the rest of the text is still processed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagnosticKind {
    /// A calendar date that does not exist ("February 30", "31/04/2009").
    ImpossibleDate,
    /// A year written with two digits ("1/1/09"): the century is not guessed.
    TwoDigitYear,
    /// A year implausibly far after the anchor ([`Config::far_future_years`]).
    FarFuture,
    /// A relative expression with no anchor to resolve it against.
    NoAnchor,
    /// The anchor is less precise than the expression needs ("yesterday" with a month anchor).
    AnchorTooCoarse,
    /// A vague reference whose date the text does not fix ("the last days of the war").
    Undetermined,
}

/// A problem with one expression, at a byte span of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub kind: DiagnosticKind,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bytes {}..{}: {}", self.span.start, self.span.end, self.message)
    }
}

/// Everything found in one text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    pub timexes: Vec<Timex>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Errors that stop the whole call.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TimexError {
    #[error("input of {bytes} bytes exceeds the limit of {limit} bytes")]
    InputTooLarge { bytes: usize, limit: usize },
    #[error("not an ISO 8601 date anchor: {input:?}")]
    BadAnchor { input: String },
}

/// How to read all-numeric dates whose first two numbers could both be months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumericOrder {
    /// 01/02/2009 = January 2 (US wire copy).
    #[default]
    MonthFirst,
    /// 01/02/2009 = 1 February (British, European outlets).
    DayFirst,
}

/// Limits and locale choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Inputs above this many bytes are refused ([`TimexError::InputTooLarge`]).
    pub max_input_bytes: usize,
    /// Years more than this far after the anchor get no value ([`DiagnosticKind::FarFuture`]).
    pub far_future_years: i32,
    pub numeric_order: NumericOrder,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_input_bytes: 16 << 20,
            far_future_years: 100,
            numeric_order: NumericOrder::MonthFirst,
        }
    }
}

/// Finds and resolves the temporal expressions of `text` with the default [`Config`].
///
/// `tense`: the tense of the governing verb when the caller knows it (e.g. a single clause);
/// `None` lets the engine guess per expression from the nearest verb in its sentence.
pub fn find(
    text: &str,
    anchor: Option<&Anchor>,
    tense: Option<Tense>,
) -> Result<Found, TimexError> {
    find_with(&Config::default(), text, anchor, tense)
}

/// The errors [`find_with`] would return for these inputs, without looking for expressions:
/// for a caller that needs none but reports the same diagnostics.
pub fn check(config: &Config, text: &str, anchor: Option<&Anchor>) -> Result<(), TimexError> {
    if text.len() > config.max_input_bytes {
        return Err(TimexError::InputTooLarge { bytes: text.len(), limit: config.max_input_bytes });
    }
    if let Some(a) = anchor {
        // keeps all calendar arithmetic far from chrono's limits
        if !(1..=9000).contains(&chrono::Datelike::year(&a.date)) {
            return Err(TimexError::BadAnchor { input: a.date.to_string() });
        }
    }
    Ok(())
}

/// [`find`] with explicit limits and locale.
pub fn find_with(
    config: &Config,
    text: &str,
    anchor: Option<&Anchor>,
    tense: Option<Tense>,
) -> Result<Found, TimexError> {
    check(config, text, anchor)?;
    let toks = token::tokenize(text);
    let lower = text.to_ascii_lowercase();
    let mut found = Found::default();
    // scan line by line: no expression crosses a line break
    let mut start = 0;
    while start < toks.len() {
        let mut end = start + 1;
        while end < toks.len() && !toks[end].newline {
            end += 1;
        }
        let line = &toks[start..end];
        let g = grammar::Grammar::new(text, &lower, line, config.numeric_order);
        // the reference time for narrative expressions: the last day-level date of the line
        let mut reference: Option<(NaiveDate, Granularity)> = None;
        for c in g.scan() {
            let span = Span::new(line[c.start].start, line[c.end - 1].end);
            let t = match tense {
                Some(t) => Some(t),
                None if g.premodifier(c.end).is_some_and(|j| !tense::is_verb(text, line, j)) => {
                    None
                }
                None => match tense::guess(text, line, c.start, c.end) {
                    // "has until Friday", "is open until June": a deadline lies ahead
                    None | Some(Tense::Present)
                        if c.start > 0
                            && matches!(
                                text[line[c.start - 1].start..line[c.start - 1].end]
                                    .to_ascii_lowercase()
                                    .as_str(),
                                "until" | "till"
                            ) =>
                    {
                        Some(Tense::Future)
                    }
                    t => t,
                },
            };
            let cx = resolve::Ctx {
                anchor,
                tense: t,
                far_future_years: config.far_future_years,
                reference,
            };
            push(&mut found, text, span, &c.sem, c.rule, t, &cx);
            // a clock time alone was put on the anchor day by default: no reference
            let bare_clock = matches!(
                c.sem,
                Sem::Date {
                    expr: sem::DExpr::Deictic(0),
                    time: Some(sem::TimeOfDay::Clock { .. }),
                    ..
                }
            ) && c.rule == "time";
            if let Some(last) = found.timexes.last().filter(|_| !bare_clock) {
                if last.value.as_deref().is_some_and(|v| !v.ends_with("_REF")) {
                    if let Some(iv) = last.interval {
                        reference = Some((iv.start, last.granularity));
                    }
                }
            }
        }
        start = end;
    }
    Ok(found)
}

fn push(
    found: &mut Found,
    text: &str,
    span: Span,
    sem: &Sem,
    rule: &'static str,
    tense: Option<Tense>,
    cx: &resolve::Ctx,
) {
    let surface = span.slice(text).unwrap_or("");
    let diag = |kind, message: String| Diagnostic { span, kind, message };
    let modifier = match sem {
        Sem::Date { modifier, .. } | Sem::Duration { modifier, .. } => *modifier,
        _ => None,
    };
    let mut timex = Timex {
        span,
        kind: resolve::timex_type(sem),
        value: None,
        granularity: Granularity::Unknown,
        modifier,
        interval: None,
        tense,
        rule,
    };
    match resolve::resolve(sem, cx) {
        Ok(Some(r)) => {
            timex.value = Some(r.value);
            timex.granularity = r.granularity;
            timex.interval = r.interval;
        }
        Ok(None) => {
            let (kind, msg) = match sem {
                Sem::Unresolved(Unresolvable::TwoDigitYear) => (
                    DiagnosticKind::TwoDigitYear,
                    format!("{surface:?}: two-digit year, century not guessed"),
                ),
                _ => (
                    DiagnosticKind::Undetermined,
                    format!("{surface:?}: the text does not fix this date"),
                ),
            };
            found.diagnostics.push(diag(kind, msg));
        }
        Err(f) => {
            let (kind, msg) = match f {
                resolve::Fail::NoAnchor => (
                    DiagnosticKind::NoAnchor,
                    format!("{surface:?}: relative, and no anchor was given"),
                ),
                resolve::Fail::NoReference => (
                    DiagnosticKind::Undetermined,
                    format!("{surface:?}: relative to a time the text does not give before it"),
                ),
                resolve::Fail::AnchorTooCoarse => (
                    DiagnosticKind::AnchorTooCoarse,
                    format!("{surface:?}: the anchor is not precise enough"),
                ),
                resolve::Fail::Impossible(what) => {
                    (DiagnosticKind::ImpossibleDate, format!("{surface:?}: no such date ({what})"))
                }
                resolve::Fail::FarFuture(y) => (
                    DiagnosticKind::FarFuture,
                    format!("{surface:?}: year {y} is implausibly far after the anchor"),
                ),
            };
            found.diagnostics.push(diag(kind, msg));
        }
    }
    found.timexes.push(timex);
}

#[cfg(test)]
mod tests;
