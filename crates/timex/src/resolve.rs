//! Anchoring: turns what the grammar recognised into TIMEX3 values, granularities and date
//! intervals, using the anchor (publication date) and the tense of the governing verb.
//!
//! Conventions (documented here because callers and scorers rely on them):
//! - A date without a year follows the tense: past → the latest occurrence on or before the
//!   anchor, future → the first on or after it, present or unknown → the occurrence nearest to
//!   the anchor (ties go to the past). "last X" is strictly before the anchor's own X, "next X"
//!   strictly after.
//! - Weekdays: past, present or unknown tense → on or before the anchor (a "Friday" in a Friday
//!   article is the anchor day); future → on or after.
//! - Decades are written with three digits (`198` = the 1980s) and centuries with two (`19` =
//!   the 1900s, "the 20th century"), as in TimeML 1.2.
//! - `mod` START/MID/END narrows the interval to a third: a decade's years 0–3 / 4–6 / 7–9, a
//!   year's months 1–4 / 5–8 / 9–12, a month's days 1–10 / 11–20 / 21–end, a century's years
//!   0–33 / 34–66 / 67–99, any other period by thirds of its days.
//! - Seasons are northern-hemisphere meteorological: spring March–May, summer June–August,
//!   fall September–November, winter of year Y December Y – February Y+1.

use crate::lexicon::{Season, Unit};
use crate::sem::{DExpr, Dir, Holiday, Qty, Sem, SetExpr, TimeOfDay, Y};
use crate::{Anchor, Granularity, Interval, Mod, Tense, TimexType};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use model::DatePrecision;

/// A resolved value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub value: String,
    pub granularity: Granularity,
    pub interval: Option<Interval>,
}

/// Why a recognised expression could not be given a value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fail {
    NoAnchor,
    /// A narrative expression with no earlier date in its paragraph to count from.
    NoReference,
    AnchorTooCoarse,
    Impossible(String),
    FarFuture(i32),
}

/// The TIMEX3 type of a meaning.
pub(crate) fn timex_type(sem: &Sem) -> TimexType {
    match sem {
        Sem::Date { time: Some(_), .. } => TimexType::Time,
        Sem::Date { .. } | Sem::Ref(_) | Sem::Unresolved(_) => TimexType::Date,
        Sem::Duration { .. } | Sem::ClockDuration { .. } => TimexType::Duration,
        Sem::Set(_) => TimexType::Set,
    }
}

pub(crate) struct Ctx<'a> {
    pub anchor: Option<&'a Anchor>,
    pub tense: Option<Tense>,
    /// Years after the anchor's year beyond which a date is rejected as implausible.
    pub far_future_years: i32,
    /// The last date mentioned earlier in the same paragraph, with its granularity (for "the
    /// previous day").
    pub reference: Option<(NaiveDate, Granularity)>,
}

impl Ctx<'_> {
    fn anchor(&self, need: DatePrecision) -> Result<&Anchor, Fail> {
        let a = self.anchor.ok_or(Fail::NoAnchor)?;
        // DatePrecision orders from finest (Second) to coarsest (Unknown)
        if a.precision > need {
            return Err(Fail::AnchorTooCoarse);
        }
        Ok(a)
    }

    fn check_year(&self, y: i32) -> Result<(), Fail> {
        let limit = self.anchor.map_or(2200, |a| a.date.year() + self.far_future_years);
        if y > limit {
            return Err(Fail::FarFuture(y));
        }
        if !(1..=9999).contains(&y) {
            return Err(Fail::Impossible(format!("year {y} is out of range")));
        }
        Ok(())
    }
}

/// Resolves one meaning. `Ok(None)` for expressions that have no value by nature.
pub(crate) fn resolve(sem: &Sem, cx: &Ctx) -> Result<Option<Resolved>, Fail> {
    Ok(Some(match *sem {
        Sem::Date { expr, time, modifier } => {
            let mut r = date(expr, cx)?;
            if let Some(m) = modifier {
                if matches!(m, Mod::Start | Mod::Mid | Mod::End) {
                    if let DExpr::RelUnit { unit, off: 0 } = expr {
                        r = shift_part_by_tense(r, unit, m, cx)?;
                    }
                    r.interval = r.interval.map(|iv| part(iv, r.granularity, m));
                }
            }
            if let Some(t) = time {
                if r.granularity != Granularity::Day {
                    return Err(Fail::Impossible(format!("a time of day on {}", r.value)));
                }
                match t {
                    TimeOfDay::Clock { h, m } => {
                        r.value = format!("{}T{:02}:{:02}", r.value, h, m);
                        r.granularity = Granularity::Minute;
                    }
                    TimeOfDay::Part(p) => {
                        r.value = format!("{}T{}", r.value, p.code());
                        r.granularity = Granularity::PartOfDay;
                    }
                }
            }
            r
        }
        Sem::Duration { qty, unit, .. } => Resolved {
            value: duration_value(qty, unit),
            granularity: unit_granularity(unit),
            interval: None,
        },
        Sem::ClockDuration { h, m, s } => {
            let mut v = String::from("PT");
            for (n, c) in [(h, 'H'), (m, 'M'), (s, 'S')] {
                if n > 0 {
                    v.push_str(&format!("{n}{c}"));
                }
            }
            if v == "PT" {
                v.push_str("0S");
            }
            Resolved { value: v, granularity: Granularity::Second, interval: None }
        }
        Sem::Set(s) => {
            Resolved { value: set_value(s), granularity: Granularity::Unknown, interval: None }
        }
        Sem::Ref(v) => {
            let interval = match (v, cx.anchor) {
                ("PRESENT_REF", Some(a)) if a.precision <= DatePrecision::Day => {
                    Some(Interval { start: a.date, end: a.date })
                }
                _ => None,
            };
            Resolved { value: v.to_string(), granularity: Granularity::Unknown, interval }
        }
        Sem::Unresolved(_) => return Ok(None),
    }))
}

fn day(d: NaiveDate) -> Resolved {
    Resolved {
        value: fmt_day(d),
        granularity: Granularity::Day,
        interval: Some(Interval { start: d, end: d }),
    }
}

pub(crate) fn fmt_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn month_res(y: i32, m: u32) -> Result<Resolved, Fail> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)
        .ok_or_else(|| Fail::Impossible(format!("month {m} of {y}")))?;
    let end = last_of_month(start);
    Ok(Resolved {
        value: format!("{y:04}-{m:02}"),
        granularity: Granularity::Month,
        interval: Some(Interval { start, end }),
    })
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first)
}

fn years(y0: i32, y1: i32) -> Option<Interval> {
    Some(Interval {
        start: NaiveDate::from_ymd_opt(y0, 1, 1)?,
        end: NaiveDate::from_ymd_opt(y1, 12, 31)?,
    })
}

fn year_res(y: i32) -> Resolved {
    Resolved { value: format!("{y:04}"), granularity: Granularity::Year, interval: years(y, y) }
}

fn week_res(d: NaiveDate, weekend: bool) -> Resolved {
    let w = d.iso_week();
    let monday = d - Days::new(d.weekday().num_days_from_monday() as u64);
    if weekend {
        let sat = monday + Days::new(5);
        return Resolved {
            value: format!("{:04}-W{:02}-WE", w.year(), w.week()),
            granularity: Granularity::Week,
            interval: Some(Interval { start: sat, end: sat + Days::new(1) }),
        };
    }
    Resolved {
        value: format!("{:04}-W{:02}", w.year(), w.week()),
        granularity: Granularity::Week,
        interval: Some(Interval { start: monday, end: monday + Days::new(6) }),
    }
}

fn quarter_res(y: i32, q: u32) -> Result<Resolved, Fail> {
    let start = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)
        .ok_or(Fail::Impossible(format!("quarter {q} of {y}")))?;
    let end = last_of_month(start.checked_add_months(Months::new(2)).unwrap_or(start));
    Ok(Resolved {
        value: format!("{y:04}-Q{q}"),
        granularity: Granularity::Quarter,
        interval: Some(Interval { start, end }),
    })
}

fn season_interval(y: i32, s: Season) -> Option<Interval> {
    let start = NaiveDate::from_ymd_opt(y, s.first_month(), 1)?;
    let end = last_of_month(start.checked_add_months(Months::new(2))?);
    Some(Interval { start, end })
}

fn season_res(y: i32, s: Season) -> Result<Resolved, Fail> {
    Ok(Resolved {
        value: format!("{y:04}-{}", s.code()),
        granularity: Granularity::Season,
        interval: Some(season_interval(y, s).ok_or(Fail::Impossible(format!("season of {y}")))?),
    })
}

fn decade_res(d: i32) -> Resolved {
    Resolved {
        value: format!("{d:03}"),
        granularity: Granularity::Decade,
        interval: years(d * 10, d * 10 + 9),
    }
}

fn century_res(c: i32) -> Resolved {
    Resolved {
        value: format!("{c:02}"),
        granularity: Granularity::Century,
        interval: years(c * 100, c * 100 + 99),
    }
}

/// The direction a tensed expression takes.
fn tensed(dir: Dir, tense: Option<Tense>) -> Option<Dir> {
    match dir {
        Dir::Tensed => match tense {
            Some(Tense::Past) => Some(Dir::PastIncl),
            Some(Tense::Future) => None, // future inclusive
            _ => Some(Dir::Tensed),      // nearest
        },
        d => Some(d),
    }
}

/// Among candidate periods (sorted by time, each with its interval), pick one by direction
/// relative to the anchor's unit `cur` (the candidate containing the anchor).
fn pick<T: Copy>(cands: &[(T, Interval)], anchor: NaiveDate, dir: Option<Dir>) -> Option<T> {
    let contains = |iv: &Interval| iv.start <= anchor && anchor <= iv.end;
    match dir {
        Some(Dir::PastIncl) => cands.iter().rev().find(|(_, iv)| iv.start <= anchor).map(|c| c.0),
        Some(Dir::Last) => cands.iter().rev().find(|(_, iv)| iv.end < anchor).map(|c| c.0),
        Some(Dir::Next) => cands.iter().find(|(_, iv)| iv.start > anchor).map(|c| c.0),
        None => cands.iter().find(|(_, iv)| iv.end >= anchor).map(|c| c.0),
        Some(Dir::This) => cands.iter().find(|(_, iv)| contains(iv)).map(|c| c.0),
        Some(Dir::Tensed) => {
            if let Some(c) = cands.iter().find(|(_, iv)| contains(iv)) {
                return Some(c.0);
            }
            let dist = |iv: &Interval| {
                if iv.end < anchor {
                    (anchor - iv.end).num_days()
                } else {
                    (iv.start - anchor).num_days()
                }
            };
            let mut best: Option<(i64, T)> = None;
            for (t, iv) in cands {
                let d = dist(iv);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, *t));
                }
            }
            best.map(|b| b.1)
        }
    }
}

fn date(expr: DExpr, cx: &Ctx) -> Result<Resolved, Fail> {
    match expr {
        DExpr::Cal { y, m, d } => cal(y, m, d, cx),
        DExpr::Weekday { dow, dir } => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            let back = (7 + a.weekday().num_days_from_monday() as i64
                - dow.num_days_from_monday() as i64)
                % 7;
            let fwd = (7 - back) % 7;
            let d = match tensed(dir, cx.tense) {
                Some(Dir::PastIncl) | Some(Dir::Tensed) => a - Days::new(back as u64),
                None => a + Days::new(fwd as u64),
                Some(Dir::Last) => a - Days::new(if back == 0 { 7 } else { back } as u64),
                Some(Dir::Next) => a + Days::new(if fwd == 0 { 7 } else { fwd } as u64),
                Some(Dir::This) => {
                    let monday = a - Days::new(a.weekday().num_days_from_monday() as u64);
                    monday + Days::new(dow.num_days_from_monday() as u64)
                }
            };
            Ok(day(d))
        }
        DExpr::Weekend(dir) => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            let from_sat = (7 + a.weekday().num_days_from_monday() as i64 - 5) % 7;
            let sat = match tensed(dir, cx.tense) {
                // the next weekend whose Sunday is not past (the current one on a weekend)
                None => {
                    if from_sat <= 1 {
                        add_days(a, -from_sat)?
                    } else {
                        add_days(a, 7 - from_sat)?
                    }
                }
                _ => add_days(a, -from_sat)?,
            };
            Ok(week_res(sat, true))
        }
        DExpr::Deictic(n) => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            Ok(day(add_days(a, n)?))
        }
        DExpr::RelUnit { unit, off } => rel_unit(unit, off, cx),
        DExpr::Offset { n, unit, sign } => offset(n, unit, sign, cx),
        DExpr::Decade(d) => {
            cx.check_year(d * 10)?;
            Ok(decade_res(d))
        }
        DExpr::DecadeShort(k) => {
            let a = cx.anchor(DatePrecision::Year)?.date.year();
            let mut d = a / 100 * 10 + k as i32;
            if d * 10 > a {
                d -= 10;
            }
            Ok(decade_res(d))
        }
        DExpr::Century(c) => {
            cx.check_year(c * 100)?;
            Ok(century_res(c))
        }
        DExpr::Hundreds(c) => {
            cx.check_year(c * 100)?;
            // While a century is young, it is "this century", and its "NN00s" its first
            // decade ("the early 2000s" in 2026); a century past or well on is the century.
            let young = cx
                .anchor(DatePrecision::Year)
                .is_ok_and(|a| (c * 100..c * 100 + 50).contains(&a.date.year()));
            Ok(if young { decade_res(c * 10) } else { century_res(c) })
        }
        DExpr::Season { y, s } => {
            let yr = match y {
                Y::Abs(y) => y,
                Y::Rel(off) => cx.anchor(DatePrecision::Year)?.date.year() + off,
                Y::Implicit(dir) => {
                    let a = cx.anchor(DatePrecision::Day)?.date;
                    let cands: Vec<(i32, Interval)> = (a.year() - 2..=a.year() + 1)
                        .filter_map(|yy| season_interval(yy, s).map(|iv| (yy, iv)))
                        .collect();
                    let dir = match tensed(dir, cx.tense) {
                        Some(Dir::Tensed) => Some(Dir::PastIncl),
                        Some(Dir::This) => {
                            // the season containing the anchor, else the one in its year
                            return season_res(
                                pick(&cands, a, Some(Dir::This)).unwrap_or(a.year()),
                                s,
                            );
                        }
                        d => d,
                    };
                    pick(&cands, a, dir).ok_or(Fail::Impossible("no such season".into()))?
                }
            };
            cx.check_year(yr)?;
            season_res(yr, s)
        }
        DExpr::Quarter { y, q } => {
            let yr = match y {
                Y::Abs(y) => y,
                Y::Rel(off) => cx.anchor(DatePrecision::Year)?.date.year() + off,
                Y::Implicit(dir) => {
                    let a = cx.anchor(DatePrecision::Month)?.date;
                    let cands: Vec<(i32, Interval)> = (a.year() - 1..=a.year() + 1)
                        .filter_map(|yy| {
                            quarter_res(yy, q).ok().and_then(|r| r.interval).map(|iv| (yy, iv))
                        })
                        .collect();
                    let dir = match tensed(dir, cx.tense) {
                        Some(Dir::Tensed) if cx.tense == Some(Tense::Present) => Some(Dir::This),
                        Some(Dir::Tensed) => Some(Dir::PastIncl),
                        d => d,
                    };
                    if dir == Some(Dir::This) {
                        a.year()
                    } else {
                        pick(&cands, a, dir).ok_or(Fail::Impossible("no such quarter".into()))?
                    }
                }
            };
            cx.check_year(yr)?;
            quarter_res(yr, q)
        }
        DExpr::Narrative { unit, off } => {
            let (r, g) = cx.reference.ok_or(Fail::NoReference)?;
            // the reference must be at least as fine as the unit counted
            let fine_enough = match unit {
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
                    matches!(
                        g,
                        Granularity::Day
                            | Granularity::PartOfDay
                            | Granularity::Hour
                            | Granularity::Minute
                            | Granularity::Second
                    )
                }
                Unit::Week | Unit::Weekend | Unit::Fortnight => matches!(
                    g,
                    Granularity::Day
                        | Granularity::PartOfDay
                        | Granularity::Hour
                        | Granularity::Minute
                        | Granularity::Second
                        | Granularity::Week
                ),
                Unit::Month => !matches!(
                    g,
                    Granularity::Year
                        | Granularity::Decade
                        | Granularity::Century
                        | Granularity::HalfYear
                        | Granularity::Quarter
                        | Granularity::Season
                        | Granularity::Unknown
                ),
                _ => {
                    !matches!(g, Granularity::Decade | Granularity::Century | Granularity::Unknown)
                }
            };
            if !fine_enough {
                return Err(Fail::NoReference);
            }
            let sub = Ctx {
                anchor: Some(&Anchor { date: r, precision: DatePrecision::Day }),
                tense: cx.tense,
                far_future_years: cx.far_future_years,
                reference: None,
            };
            rel_unit(unit, off, &sub)
        }
        DExpr::Half { y, h } => {
            let yr = match y {
                Y::Abs(y) => y,
                Y::Rel(off) => cx.anchor(DatePrecision::Year)?.date.year() + off,
                Y::Implicit(_) => cx.anchor(DatePrecision::Year)?.date.year(),
            };
            cx.check_year(yr)?;
            let start = NaiveDate::from_ymd_opt(yr, 1 + 6 * (h - 1), 1)
                .ok_or_else(|| Fail::Impossible(format!("half {h} of {yr}")))?;
            let end = last_of_month(start.checked_add_months(Months::new(5)).unwrap_or(start));
            Ok(Resolved {
                value: format!("{yr:04}-H{h}"),
                granularity: Granularity::HalfYear,
                interval: Some(Interval { start, end }),
            })
        }
        DExpr::Holiday { y, h } => {
            let yr = match y {
                Y::Abs(y) => y,
                Y::Rel(off) => cx.anchor(DatePrecision::Year)?.date.year() + off,
                Y::Implicit(dir) => {
                    let a = cx.anchor(DatePrecision::Day)?.date;
                    let cands: Vec<(i32, Interval)> = (a.year() - 1..=a.year() + 1)
                        .filter_map(|yy| {
                            holiday_date(h, yy).map(|d| (yy, Interval { start: d, end: d }))
                        })
                        .collect();
                    let dir = tensed(dir, cx.tense);
                    if dir == Some(Dir::This) {
                        a.year()
                    } else {
                        pick(&cands, a, dir).ok_or(Fail::Impossible("no such holiday".into()))?
                    }
                }
            };
            cx.check_year(yr)?;
            Ok(
                day(holiday_date(h, yr)
                    .ok_or_else(|| Fail::Impossible(format!("holiday in {yr}")))?),
            )
        }
        DExpr::OrdinalDay(dd) => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            let this = NaiveDate::from_ymd_opt(a.year(), a.month(), dd);
            let future = cx.tense == Some(Tense::Future);
            let d = match this {
                Some(d) if (d <= a) != future || d == a => Some(d),
                _ => {
                    let first = NaiveDate::from_ymd_opt(a.year(), a.month(), 1).unwrap_or(a);
                    let other = if future {
                        first.checked_add_months(Months::new(1))
                    } else {
                        first.checked_sub_months(Months::new(1))
                    };
                    other.and_then(|o| NaiveDate::from_ymd_opt(o.year(), o.month(), dd))
                }
            };
            Ok(day(d.ok_or_else(|| Fail::Impossible(format!("day {dd} of the month")))?))
        }
    }
}

/// The date of a holiday in a year (Easter by the Gregorian computus).
fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    let nth_weekday = |m: u32, wd: Weekday, n: u64| {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let off = (7 + wd.num_days_from_monday() as i64
            - first.weekday().num_days_from_monday() as i64)
            % 7;
        first.checked_add_days(Days::new(off as u64 + 7 * (n - 1)))
    };
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Easter(off) => {
            let (a, b, c) = (y % 19, y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let hh = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - hh - k) % 7;
            let m = (a + 11 * hh + 22 * l) / 451;
            let month = (hh + l - 7 * m + 114) / 31;
            let day = (hh + l - 7 * m + 114) % 31 + 1;
            let easter = NaiveDate::from_ymd_opt(y, month as u32, day as u32)?;
            if off >= 0 {
                easter.checked_add_days(Days::new(off as u64))
            } else {
                easter.checked_sub_days(Days::new((-off) as u64))
            }
        }
        Holiday::Thanksgiving => nth_weekday(11, Weekday::Thu, 4),
        Holiday::LaborDay => nth_weekday(9, Weekday::Mon, 1),
        Holiday::MemorialDay => {
            let june = NaiveDate::from_ymd_opt(y, 6, 1)?;
            let back = june.weekday().num_days_from_monday() as i64;
            june.checked_sub_days(Days::new(if back == 0 { 7 } else { back } as u64))
        }
    }
}

fn add_days(a: NaiveDate, n: i64) -> Result<NaiveDate, Fail> {
    let r = if n >= 0 {
        a.checked_add_days(Days::new(n as u64))
    } else {
        a.checked_sub_days(Days::new((-n) as u64))
    };
    r.ok_or(Fail::Impossible("date out of range".into()))
}

fn add_months(a: NaiveDate, n: i64) -> Result<NaiveDate, Fail> {
    let r = if n >= 0 {
        a.checked_add_months(Months::new(n as u32))
    } else {
        a.checked_sub_months(Months::new((-n) as u32))
    };
    r.ok_or(Fail::Impossible("date out of range".into()))
}

fn cal(y: Y, m: Option<u32>, d: Option<u32>, cx: &Ctx) -> Result<Resolved, Fail> {
    let name = |y: i32| match (m, d) {
        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    };
    if let Some(m) = m {
        if !(1..=12).contains(&m) {
            return Err(Fail::Impossible(format!("month {m}")));
        }
    }
    let yr = match y {
        Y::Abs(y) => y,
        Y::Rel(off) => cx.anchor(DatePrecision::Year)?.date.year() + off,
        Y::Implicit(dir) => {
            let Some(m) = m else {
                return Err(Fail::Impossible("a date without year or month".into()));
            };
            let need = if d.is_some() { DatePrecision::Day } else { DatePrecision::Month };
            let a = match cx.anchor(need) {
                Ok(a) => a,
                Err(Fail::AnchorTooCoarse) => {
                    // a year-precise anchor still places a month in that year
                    let a = cx.anchor(DatePrecision::Year)?;
                    return finish_cal(a.date.year(), m, d, &name, cx);
                }
                Err(e) => return Err(e),
            };
            let a = a.date;
            let mut cands = Vec::new();
            for yy in a.year() - 2..=a.year() + 2 {
                let iv = match d {
                    Some(dd) => match NaiveDate::from_ymd_opt(yy, m, dd) {
                        Some(x) => Interval { start: x, end: x },
                        // Feb 29 in a common year: keep the month so the rule still picks a year
                        None => match month_res(yy, m)?.interval {
                            Some(iv) => iv,
                            None => continue,
                        },
                    },
                    None => month_res(yy, m)?.interval.ok_or(Fail::Impossible(name(yy)))?,
                };
                cands.push((yy, iv));
            }
            let dir = tensed(dir, cx.tense);
            if dir == Some(Dir::This) {
                return finish_cal(a.year(), m, d, &name, cx);
            }
            pick(&cands, a, dir).ok_or_else(|| Fail::Impossible(name(a.year())))?
        }
    };
    match m {
        Some(m) => finish_cal(yr, m, d, &name, cx),
        None => {
            cx.check_year(yr)?;
            Ok(year_res(yr))
        }
    }
}

fn finish_cal(
    y: i32,
    m: u32,
    d: Option<u32>,
    name: &dyn Fn(i32) -> String,
    cx: &Ctx,
) -> Result<Resolved, Fail> {
    cx.check_year(y)?;
    match d {
        Some(dd) => {
            let date =
                NaiveDate::from_ymd_opt(y, m, dd).ok_or_else(|| Fail::Impossible(name(y)))?;
            Ok(day(date))
        }
        None => month_res(y, m),
    }
}

fn rel_unit(unit: Unit, off: i32, cx: &Ctx) -> Result<Resolved, Fail> {
    match unit {
        Unit::Week | Unit::Fortnight | Unit::Weekend => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            Ok(week_res(add_days(a, 7 * off as i64)?, unit == Unit::Weekend))
        }
        Unit::Month => {
            let a = cx.anchor(DatePrecision::Month)?.date;
            let d = add_months(a.with_day(1).unwrap_or(a), off as i64)?;
            month_res(d.year(), d.month())
        }
        Unit::Quarter => {
            let a = cx.anchor(DatePrecision::Month)?.date;
            let d = add_months(a.with_day(1).unwrap_or(a), 3 * off as i64)?;
            quarter_res(d.year(), (d.month() - 1) / 3 + 1)
        }
        Unit::Year => {
            let y = cx.anchor(DatePrecision::Year)?.date.year() + off;
            cx.check_year(y)?;
            Ok(year_res(y))
        }
        Unit::Decade => Ok(decade_res(cx.anchor(DatePrecision::Year)?.date.year() / 10 + off)),
        Unit::Century => Ok(century_res(cx.anchor(DatePrecision::Year)?.date.year() / 100 + off)),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            Ok(day(add_days(a, off as i64)?))
        }
    }
}

/// "the end of the year" in a past-tense sentence early in the year is last year's end.
fn shift_part_by_tense(r: Resolved, unit: Unit, m: Mod, cx: &Ctx) -> Result<Resolved, Fail> {
    let (Some(iv), Some(a)) = (r.interval, cx.anchor) else { return Ok(r) };
    let p = part(iv, r.granularity, m);
    match cx.tense {
        Some(Tense::Past) if p.start > a.date => rel_unit(unit, -1, cx),
        Some(Tense::Future) if p.end < a.date => rel_unit(unit, 1, cx),
        _ => Ok(r),
    }
}

fn offset(n: Qty, unit: Unit, sign: i64, cx: &Ctx) -> Result<Resolved, Fail> {
    let Qty::N(v) = n else { return Err(Fail::Impossible("vague offset".into())) };
    let (v, unit) = if v.fract() != 0.0 {
        match unit {
            Unit::Year => (v * 12.0, Unit::Month),
            Unit::Month => (v * 30.0, Unit::Day),
            Unit::Week => (v * 7.0, Unit::Day),
            Unit::Decade => (v * 10.0, Unit::Year),
            Unit::Century => (v * 100.0, Unit::Year),
            u => (v, u),
        }
    } else {
        (v, unit)
    };
    if v > 100_000.0 {
        return Err(Fail::Impossible(format!("an offset of {v} units")));
    }
    let k = v.round() as i64 * sign;
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            let k = match unit {
                Unit::Day => k,
                Unit::Hour => k / 24,
                _ => 0,
            };
            Ok(day(add_days(a, k)?))
        }
        // "two weeks ago" names a day (the probe's convention), not an ISO week
        Unit::Week | Unit::Fortnight | Unit::Weekend => {
            let a = cx.anchor(DatePrecision::Day)?.date;
            let per = if unit == Unit::Fortnight { 14 } else { 7 };
            Ok(day(add_days(a, per * k)?))
        }
        Unit::Month | Unit::Quarter => {
            let a = cx.anchor(DatePrecision::Month)?.date;
            let per = if unit == Unit::Quarter { 3 } else { 1 };
            let d = add_months(a.with_day(1).unwrap_or(a), per * k)?;
            if unit == Unit::Quarter {
                return quarter_res(d.year(), (d.month() - 1) / 3 + 1);
            }
            month_res(d.year(), d.month())
        }
        Unit::Year => {
            let y = cx.anchor(DatePrecision::Year)?.date.year() as i64 + k;
            let y = i32::try_from(y).map_err(|_| Fail::Impossible("year out of range".into()))?;
            cx.check_year(y)?;
            Ok(year_res(y))
        }
        Unit::Decade | Unit::Century => {
            let per = if unit == Unit::Decade { 10 } else { 100 };
            let y = cx.anchor(DatePrecision::Year)?.date.year() as i64 + per * k;
            let y = i32::try_from(y).map_err(|_| Fail::Impossible("year out of range".into()))?;
            cx.check_year(y)?;
            Ok(if unit == Unit::Decade { decade_res(y / 10) } else { century_res(y / 100) })
        }
    }
}

/// The START/MID/END third of an interval (see the module documentation).
pub(crate) fn part(iv: Interval, g: Granularity, m: Mod) -> Interval {
    let idx = match m {
        Mod::Start => 0,
        Mod::Mid => 1,
        Mod::End => 2,
        _ => return iv,
    };
    let y0 = iv.start.year();
    let by_years = |cuts: [i32; 4]| years(y0 + cuts[idx], y0 + cuts[idx + 1] - 1).unwrap_or(iv);
    match g {
        Granularity::Decade => by_years([0, 4, 7, 10]),
        Granularity::Century => by_years([0, 34, 67, 100]),
        Granularity::Year => {
            let first = iv.start.with_month(1 + 4 * idx as u32).unwrap_or(iv.start);
            let last = first
                .checked_add_months(Months::new(4))
                .and_then(|d| d.pred_opt())
                .unwrap_or(iv.end);
            Interval { start: first, end: last }
        }
        Granularity::Month => {
            let s = iv.start.with_day(1 + 10 * idx as u32).unwrap_or(iv.start);
            let e = if idx == 2 {
                iv.end
            } else {
                iv.start.with_day(10 * (idx as u32 + 1)).unwrap_or(iv.end)
            };
            Interval { start: s, end: e }
        }
        _ => {
            let n = (iv.end - iv.start).num_days() + 1;
            let a = n * idx as i64 / 3;
            let b = n * (idx as i64 + 1) / 3 - 1;
            Interval {
                start: iv.start + Days::new(a as u64),
                end: iv.start + Days::new(b.max(a) as u64),
            }
        }
    }
}

fn unit_granularity(u: Unit) -> Granularity {
    match u {
        Unit::Second => Granularity::Second,
        Unit::Minute => Granularity::Minute,
        Unit::Hour => Granularity::Hour,
        Unit::Day => Granularity::Day,
        Unit::Weekend | Unit::Week | Unit::Fortnight => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The TIMEX3 duration value ("P3Y", "PT24H", "PXM").
pub(crate) fn duration_value(q: Qty, unit: Unit) -> String {
    let (q, unit) = match q {
        Qty::N(v) if v.fract() != 0.0 => match unit {
            Unit::Year => (Qty::N(v * 12.0), Unit::Month),
            Unit::Day => (Qty::N(v * 24.0), Unit::Hour),
            Unit::Hour => (Qty::N(v * 60.0), Unit::Minute),
            Unit::Minute => (Qty::N(v * 60.0), Unit::Second),
            Unit::Week => (Qty::N(v * 7.0), Unit::Day),
            Unit::Decade => (Qty::N(v * 10.0), Unit::Year),
            Unit::Century => (Qty::N(v * 100.0), Unit::Year),
            u => (Qty::N(v), u),
        },
        q => (q, unit),
    };
    let n = |k: f64| match q {
        Qty::N(v) => fmt_num(v * k),
        Qty::Vague => "X".to_string(),
    };
    match unit {
        Unit::Second => format!("PT{}S", n(1.0)),
        Unit::Minute => format!("PT{}M", n(1.0)),
        Unit::Hour => format!("PT{}H", n(1.0)),
        Unit::Day => format!("P{}D", n(1.0)),
        Unit::Week | Unit::Weekend => format!("P{}W", n(1.0)),
        Unit::Fortnight => format!("P{}W", n(2.0)),
        Unit::Month => format!("P{}M", n(1.0)),
        Unit::Quarter => match q {
            Qty::Vague => "PXQ".to_string(),
            _ => format!("P{}M", n(3.0)),
        },
        Unit::Year => format!("P{}Y", n(1.0)),
        Unit::Decade => match q {
            Qty::Vague => "PXDE".to_string(),
            _ => format!("P{}Y", n(10.0)),
        },
        Unit::Century => match q {
            Qty::Vague => "PXCE".to_string(),
            _ => format!("P{}Y", n(100.0)),
        },
    }
}

fn set_value(s: SetExpr) -> String {
    match s {
        SetExpr::Every(Unit::Weekend) => "XXXX-WXX-WE".to_string(),
        SetExpr::Every(u) => duration_value(Qty::N(1.0), u),
        SetExpr::Weekday(d) => format!("XXXX-WXX-{}", d.number_from_monday()),
        SetExpr::Part(p) => format!("XXXX-XX-XXT{}", p.code()),
        SetExpr::Month(m) => format!("XXXX-{m:02}"),
        SetExpr::Season(s) => format!("XXXX-{}", s.code()),
    }
}

/// The interval a TIMEX3 date value denotes, when it denotes one ("2009-01" → all of January
/// 2009; "198" → 1980–1989; "2009-W11" → that ISO week; "2008-SU" → June–August 2008).
/// Time suffixes ("T15:00", "TNI") are ignored. Used by scorers and by event-time resolution.
pub fn value_interval(value: &str) -> Option<Interval> {
    let v = value.split('T').next()?;
    let parts: Vec<&str> = v.split('-').collect();
    let int = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => int(y).and_then(|y| years(y, y)),
        [d] if d.len() == 3 => int(d).and_then(|d| years(d * 10, d * 10 + 9)),
        [c] if c.len() == 2 => int(c).and_then(|c| years(c * 100, c * 100 + 99)),
        [y, m] if m.len() == 2 && int(m).is_some() => {
            month_res(int(y)?, int(m)? as u32).ok()?.interval
        }
        [y, w] if w.starts_with('W') && int(&w[1..]).is_some() => {
            let d = NaiveDate::from_isoywd_opt(int(y)?, int(&w[1..])? as u32, Weekday::Mon)?;
            week_res(d, false).interval
        }
        [y, w, we] if w.starts_with('W') && *we == "WE" => {
            let d = NaiveDate::from_isoywd_opt(int(y)?, int(&w[1..])? as u32, Weekday::Mon)?;
            week_res(d, true).interval
        }
        [y, h] if h.starts_with('H') && int(&h[1..]).is_some_and(|n| n == 1 || n == 2) => {
            let n = int(&h[1..])? as u32;
            let start = NaiveDate::from_ymd_opt(int(y)?, 1 + 6 * (n - 1), 1)?;
            Some(Interval { start, end: last_of_month(start.checked_add_months(Months::new(5))?) })
        }
        [y, q] if q.starts_with('Q') => quarter_res(int(y)?, int(&q[1..])? as u32).ok()?.interval,
        [y, s] => {
            let season = match *s {
                "SP" => Season::Spring,
                "SU" => Season::Summer,
                "FA" => Season::Fall,
                "WI" => Season::Winter,
                _ => return None,
            };
            season_interval(int(y)?, season)
        }
        [y, m, d] => {
            let date = NaiveDate::from_ymd_opt(int(y)?, int(m)? as u32, int(d)? as u32)?;
            Some(Interval { start: date, end: date })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn value_intervals() {
        let iv = value_interval("198").unwrap();
        assert_eq!((iv.start, iv.end), (d("1980-01-01"), d("1989-12-31")));
        let iv = value_interval("2009-W11").unwrap();
        assert_eq!((iv.start, iv.end), (d("2009-03-09"), d("2009-03-15")));
        let iv = value_interval("2008-WI").unwrap();
        assert_eq!((iv.start, iv.end), (d("2008-12-01"), d("2009-02-28")));
        let iv = value_interval("2009-02").unwrap();
        assert_eq!(iv.end, d("2009-02-28"));
        assert_eq!(value_interval("2009-03-15TNI").unwrap().start, d("2009-03-15"));
        assert_eq!(value_interval("PRESENT_REF"), None);
        assert_eq!(value_interval("P3Y"), None);
    }

    #[test]
    fn thirds() {
        let dec = value_interval("198").unwrap();
        let e = part(dec, Granularity::Decade, Mod::Start);
        assert_eq!((e.start, e.end), (d("1980-01-01"), d("1983-12-31")));
        let feb = value_interval("2009-02").unwrap();
        let m = part(feb, Granularity::Month, Mod::Mid);
        assert_eq!((m.start, m.end), (d("2009-02-11"), d("2009-02-20")));
        let y = value_interval("2008").unwrap();
        let l = part(y, Granularity::Year, Mod::End);
        assert_eq!((l.start, l.end), (d("2008-09-01"), d("2008-12-31")));
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Qty::N(3.0), Unit::Year), "P3Y");
        assert_eq!(duration_value(Qty::N(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Qty::N(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Qty::N(1.5), Unit::Year), "P18M");
        assert_eq!(duration_value(Qty::Vague, Unit::Month), "PXM");
        assert_eq!(duration_value(Qty::N(24.0), Unit::Hour), "PT24H");
    }
}
