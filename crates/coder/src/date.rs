//! Calendar dates as the dictionaries write them (`YYMMDD`, `YYYYMMDD`) turned into one
//! comparable number, `YYYYMMDD`.

/// A date as `YYYYMMDD` (e.g. `20090120`); ordering is chronological.
pub type DateKey = u32;

/// Parses `YYYYMMDD` or `YYMMDD` (two-digit years below 30 are 20xx, as in the field's
/// dictionaries, where `000101` means 2000 and `780101` 1978). Checks month and day ranges.
pub fn parse_date(s: &str) -> Result<DateKey, String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date `{s}` is not all digits"));
    }
    let (year, rest) = match s.len() {
        8 => (s[..4].parse::<u32>().map_err(|e| e.to_string())?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<u32>().map_err(|e| e.to_string())?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        n => return Err(format!("date `{s}` has {n} digits; expected YYMMDD or YYYYMMDD")),
    };
    let month: u32 = rest[..2].parse().map_err(|e: std::num::ParseIntError| e.to_string())?;
    let day: u32 = rest[2..4].parse().map_err(|e: std::num::ParseIntError| e.to_string())?;
    if !(1..=12).contains(&month) {
        return Err(format!("date `{s}` has month {month}"));
    }
    if !(1..=days_in_month(year, month)).contains(&day) {
        return Err(format!("date `{s}` has day {day} in month {month}"));
    }
    Ok(year * 10_000 + month * 100 + day)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_widths_and_the_pivot() {
        assert_eq!(parse_date("20090120"), Ok(20090120));
        assert_eq!(parse_date("090120"), Ok(20090120));
        assert_eq!(parse_date("780101"), Ok(19780101));
        assert_eq!(parse_date("000101"), Ok(20000101));
        assert!(parse_date("20091320").is_err());
        assert!(parse_date("19990230").is_err());
        assert!(parse_date("2000229").is_err());
        assert_eq!(parse_date("20000229"), Ok(20000229));
        assert!(parse_date("AAA950601").is_err());
    }
}
