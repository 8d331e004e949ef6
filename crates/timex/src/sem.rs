//! What the grammar recognised, before anchoring: partial dates, relative offsets, durations,
//! sets and reference words. Resolution (`resolve.rs`) turns these into TIMEX3 values.

use crate::lexicon::{PartOfDay, Season, Unit};
use crate::Mod;
use chrono::Weekday;

/// How a date without an explicit year (or a bare weekday) is placed around the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Decided by the governing verb's tense (news convention without a tense: most recent past).
    Tensed,
    /// The latest occurrence on or before the anchor ("earlier in January").
    PastIncl,
    /// The latest occurrence strictly before the anchor's own unit ("last Tuesday", "last May").
    Last,
    /// The first occurrence strictly after the anchor's own unit ("next Friday").
    Next,
    /// The occurrence in the anchor's own year or week ("this May", "this Friday").
    This,
}

/// The year of a partial date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Y {
    /// Written out ("2009").
    Abs(i32),
    /// Relative to the anchor's year ("July last year": -1).
    Rel(i32),
    /// Not given: placed around the anchor by a direction.
    Implicit(Dir),
}

/// A quantity in a duration or an offset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Qty {
    N(f64),
    /// "several", "a few", "many", bare plurals: TIMEX3 `X`.
    Vague,
}

/// A date-like expression before anchoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DExpr {
    /// A (partial) calendar date: a year, a month of a year, or a day.
    Cal {
        y: Y,
        m: Option<u32>,
        d: Option<u32>,
    },
    Weekday {
        dow: Weekday,
        dir: Dir,
    },
    /// "the weekend": the last one on or before the anchor, or (future) the next one.
    Weekend(Dir),
    /// Days from the anchor: today 0, yesterday -1.
    Deictic(i64),
    /// This (0), last (-1), next (+1) week/month/year/quarter/weekend/decade/century.
    RelUnit {
        unit: Unit,
        off: i32,
    },
    /// `n` units before (sign -1) or after (+1) the anchor ("two days ago").
    Offset {
        n: Qty,
        unit: Unit,
        sign: i64,
    },
    /// A decade by its first three digits: 198 = the 1980s.
    Decade(i32),
    /// A decade written with two digits ("the '80s"): the latest such decade not after the anchor.
    DecadeShort(u32),
    /// A century by its first two digits: 19 = the 1900s (TIMEX3 convention for "20th century").
    Century(i32),
    /// "the 1900s", "the 2000s": the century by its first two digits, except that in the first
    /// half of that century it is its first decade ("the 2000s" said in 2026).
    Hundreds(i32),
    Season {
        y: Y,
        s: Season,
    },
    Quarter {
        y: Y,
        q: u32,
    },
    /// "on the 5th": a day of the anchor's month (or the previous month when that day is later).
    OrdinalDay(u32),
    /// Relative to the last date the text mentioned (the reference time), not the anchor:
    /// "the previous day" (-1), "the same day" (0), "the following year" (+1).
    Narrative {
        unit: Unit,
        off: i32,
    },
    /// A half year: "the first half of 2014" (h = 1 or 2).
    Half {
        y: Y,
        h: u32,
    },
    /// A named holiday ("Christmas", "Thanksgiving").
    Holiday {
        y: Y,
        h: Holiday,
    },
}

/// Holidays with a rule for their date (fixed, or computed per year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    Easter(i64),
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// US Labor Day: the first Monday of September.
    LaborDay,
    /// US Memorial Day: the last Monday of May.
    MemorialDay,
}

/// A clock time or a part of the day attached to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeOfDay {
    Clock { h: u32, m: u32 },
    Part(PartOfDay),
}

/// Why a recognised expression gets no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unresolvable {
    /// Vague reference ("the last days of the war", "two days later" without a reference time).
    Vague,
    /// A year written with two digits ("1/1/09", "Jan. 5, '09").
    TwoDigitYear,
}

/// The meaning of one recognised expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sem {
    Date {
        expr: DExpr,
        time: Option<TimeOfDay>,
        modifier: Option<Mod>,
    },
    Duration {
        qty: Qty,
        unit: Unit,
        modifier: Option<Mod>,
    },
    /// A clock-style duration ("3:07:35"): hours, minutes, seconds.
    ClockDuration {
        h: u32,
        m: u32,
        s: u32,
    },
    Set(SetExpr),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// Recognised as temporal but with no determinable value, and why.
    Unresolved(Unresolvable),
}

/// A recurring time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SetExpr {
    Every(Unit),
    Weekday(Weekday),
    Part(PartOfDay),
    Month(u32),
    Season(Season),
}

/// A match of the grammar over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub rule: &'static str,
}
