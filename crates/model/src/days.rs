//! Calendar arithmetic shared by the stages and the binary: days since 1970-01-01 of a civil
//! date and back (proleptic Gregorian), and the UTC clock as a stamp.

/// An English month name in lower case, full or abbreviated without its period ("march",
/// "sept"): its number and whether it was abbreviated. The one month lexicon of the stages
/// (timex, geo's datelines, provenance's background dates).
pub fn month(lower: &str) -> Option<(u32, bool)> {
    Some(match lower {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Days since 1970-01-01 of `y-m-d`.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 of an ISO date prefix (`YYYY`, `YYYY-MM`, `YYYY-MM-DD…`), taking the
/// start of a partial date; `198X` (a decade) counts as its first year.
pub fn iso_days(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(..4)?.replace('X', "0").parse().ok()?;
    let m: u32 = iso.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let d: u32 = iso.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// The system clock in UTC as `YYYYMMDDHHMMSS` (GDELT's DATEADDED form).
pub fn utc_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!("{y:04}{m:02}{d:02}{:02}{:02}{:02}", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_full_and_abbreviated() {
        assert_eq!(month("march"), Some((3, false)));
        assert_eq!(month("may"), Some((5, false)));
        assert_eq!(month("sept"), Some((9, true)));
        assert_eq!(month("sep"), Some((9, true)));
        assert_eq!(month("dec"), Some((12, true)));
        // Lower case only, and no period: callers strip and lower.
        assert_eq!(month("March"), None);
        assert_eq!(month("mar."), None);
        assert_eq!(month("marching"), None);
        let full = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        for (i, name) in full.iter().enumerate() {
            assert_eq!(month(name), Some((i as u32 + 1, false)));
        }
    }

    #[test]
    fn round_trips_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(iso_days("2009-01-21"), Some(14_265));
        assert_eq!(iso_days("198X"), iso_days("1980-01-01"));
        assert_eq!(iso_days("2009-13"), None);
        assert_eq!(iso_days("2009-13-01"), None);
        assert_eq!(iso_days("2009-01-20").unwrap() - iso_days("2009-01-01").unwrap(), 19);
        assert_eq!(iso_days("2000-03-01").unwrap() - iso_days("2000-02-28").unwrap(), 2);
        for days in [-719_468, -1, 0, 59, 11_016, 14_265, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(utc_stamp().len(), 14);
    }
}
