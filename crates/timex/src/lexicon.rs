//! The English words the grammar knows: month and weekday names, number and ordinal words,
//! calendar units, seasons and parts of the day. Written for this project (facts only).

use chrono::Weekday;

/// A calendar unit as used by durations and relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A meteorological (northern-hemisphere) season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    /// First month of the season; winter of year Y runs December Y – February Y+1.
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day (TIMEX3 `TMO`, `TAF`, `TEV`, `TNI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// A holiday name spread over tokens (lowercased words; apostrophes and "s" are skipped by the
/// caller): the words and the holiday.
pub(crate) const HOLIDAYS: &[(&[&str], crate::sem::Holiday)] = {
    use crate::sem::Holiday::*;
    &[
        (&["christmas", "eve"], Fixed(12, 24)),
        (&["christmas", "day"], Fixed(12, 25)),
        (&["christmas"], Fixed(12, 25)),
        (&["boxing", "day"], Fixed(12, 26)),
        (&["new", "year", "eve"], Fixed(12, 31)),
        (&["new", "year", "day"], Fixed(1, 1)),
        (&["valentine", "day"], Fixed(2, 14)),
        (&["halloween"], Fixed(10, 31)),
        (&["bastille", "day"], Fixed(7, 14)),
        (&["may", "day"], Fixed(5, 1)),
        (&["good", "friday"], Easter(-2)),
        (&["easter", "sunday"], Easter(0)),
        (&["easter", "monday"], Easter(1)),
        (&["easter"], Easter(0)),
        (&["thanksgiving", "day"], Thanksgiving),
        (&["thanksgiving"], Thanksgiving),
        (&["labor", "day"], LaborDay),
        (&["memorial", "day"], MemorialDay),
    ]
};

/// The ASCII lower case of `w` (itself when it has no upper case, else copied into `buf`),
/// without allocating; `None` when `w` has upper case and is longer than any word of this
/// lexicon (so it can match none of them).
pub(crate) fn lower<'b>(w: &'b str, buf: &'b mut [u8; LONGEST]) -> Option<&'b str> {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(w);
    }
    let out = buf.get_mut(..w.len())?;
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    // ASCII lower-casing keeps a valid UTF-8 string valid.
    std::str::from_utf8(out).ok()
}

/// The longest word any lookup below matches, in bytes, with room to spare.
pub(crate) const LONGEST: usize = 24;

/// A month name: (number, abbreviated).
pub(crate) fn month(w: &str) -> Option<(u32, bool)> {
    let mut buf = [0u8; LONGEST];
    model::days::month(lower(w, &mut buf)?)
}

/// A weekday name: (day, abbreviated).
pub(crate) fn weekday(w: &str) -> Option<(Weekday, bool)> {
    let mut buf = [0u8; LONGEST];
    let l = lower(w, &mut buf)?;
    let d = match l {
        "monday" => (Weekday::Mon, false),
        "tuesday" => (Weekday::Tue, false),
        "wednesday" => (Weekday::Wed, false),
        "thursday" => (Weekday::Thu, false),
        "friday" => (Weekday::Fri, false),
        "saturday" => (Weekday::Sat, false),
        "sunday" => (Weekday::Sun, false),
        "mon" => (Weekday::Mon, true),
        "tue" | "tues" => (Weekday::Tue, true),
        "wed" => (Weekday::Wed, true),
        "thu" | "thur" | "thurs" => (Weekday::Thu, true),
        "fri" => (Weekday::Fri, true),
        "sat" => (Weekday::Sat, true),
        "sun" => (Weekday::Sun, true),
        _ => return None,
    };
    Some(d)
}

/// A unit word: (unit, plural).
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    let mut buf = [0u8; LONGEST];
    let l = lower(w, &mut buf)?;
    let u = match l {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some(u)
}

pub(crate) fn season(w: &str) -> Option<Season> {
    let mut buf = [0u8; LONGEST];
    match lower(w, &mut buf)? {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "autumn" | "fall" => Some(Season::Fall),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

pub(crate) fn part_of_day(w: &str) -> Option<PartOfDay> {
    let mut buf = [0u8; LONGEST];
    match lower(w, &mut buf)? {
        "morning" => Some(PartOfDay::Morning),
        "afternoon" => Some(PartOfDay::Afternoon),
        "evening" => Some(PartOfDay::Evening),
        "night" | "overnight" => Some(PartOfDay::Night),
        _ => None,
    }
}

/// Cardinal number words below one hundred (compounds are joined by the grammar).
pub(crate) fn number_word(w: &str) -> Option<u32> {
    let mut buf = [0u8; LONGEST];
    let l = lower(w, &mut buf)?;
    let small = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(i) = small.iter().position(|m| *m == l) {
        return Some(i as u32);
    }
    tens_word(l)
}

pub(crate) fn tens_word(l: &str) -> Option<u32> {
    let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    tens.iter().position(|m| m.eq_ignore_ascii_case(l)).map(|i| (i as u32 + 2) * 10)
}

/// Ordinal words up to "thirty-first" (the grammar joins "twenty" + "first").
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    let mut buf = [0u8; LONGEST];
    let l = lower(w, &mut buf)?;
    let small = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(i) = small.iter().position(|m| *m == l) {
        return Some(i as u32 + 1);
    }
    match l {
        "thirtieth" => Some(30),
        _ => None,
    }
}

/// English ordinal suffixes after digits ("1st", "22nd", "3rd", "5th").
pub(crate) fn is_ordinal_suffix(w: &str) -> bool {
    let mut buf = [0u8; LONGEST];
    matches!(lower(w, &mut buf), Some("st" | "nd" | "rd" | "th"))
}

/// Decade words ("the eighties") → the decade's digit.
pub(crate) fn decade_word(w: &str) -> Option<u32> {
    let mut buf = [0u8; LONGEST];
    let l = lower(w, &mut buf)?;
    let words = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    words.iter().position(|m| *m == l).map(|i| i as u32 + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(month("Sept"), Some((9, true)));
        assert_eq!(month("MAY"), Some((5, false)));
        assert_eq!(weekday("Tues"), Some((Weekday::Tue, true)));
        assert_eq!(number_word("Twelve"), Some(12));
        assert_eq!(number_word("forty"), Some(40));
        assert_eq!(ordinal_word("twentieth"), Some(20));
        assert_eq!(unit("Centuries"), Some((Unit::Century, true)));
        assert_eq!(decade_word("eighties"), Some(8));
        assert_eq!(Season::Winter.first_month(), 12);
    }
}
