//! Reading publication dates from the strings pages put them in, keeping exactly the precision
//! the string gives: a year never becomes 1 January, `/2009/01/` in a URL is a month.

use model::{DatePrecision, DateSource, Published};
use regex::Regex;
use std::sync::LazyLock;

/// A calendar date (and maybe a time) as far as the source gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// `HH:MM` or `HH:MM:SS` with an optional zone (`Z`, `+01:00`), as written.
    pub time: Option<String>,
}

impl PartialDate {
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day, &self.time) {
            (Some(_), Some(_), Some(t)) if t.len() >= 8 && t.as_bytes()[5] == b':' => {
                DatePrecision::Second
            }
            (Some(_), Some(_), Some(_)) => DatePrecision::Minute,
            (Some(_), Some(_), None) => DatePrecision::Day,
            (Some(_), None, _) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The ISO 8601 prefix whose length matches the precision.
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}", self.year);
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
                if let Some(t) = &self.time {
                    s.push('T');
                    s.push_str(t);
                }
            }
        }
        s
    }

    pub fn published(&self, source: DateSource) -> Published {
        Published { value: self.iso(), precision: self.precision(), source }
    }

    /// Valid calendar date within `[1990, max_year]`.
    pub fn plausible(&self, max: (i32, u32, u32)) -> bool {
        if self.year < 1990 || self.year > max.0 {
            return false;
        }
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return false;
            }
            if self.year == max.0 && m > max.1 {
                return false;
            }
            if let Some(d) = self.day {
                if chrono::NaiveDate::from_ymd_opt(self.year, m, d).is_none() {
                    return false;
                }
                if self.year == max.0 && m == max.1 && d > max.2 {
                    return false;
                }
            }
        }
        true
    }
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T\s]+(\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?(?:$|[^\d])",
    )
    .expect("valid regex")
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[^\d])").expect("valid regex")
});

/// Parses a machine-readable date (JSON-LD, meta `content`, `datetime` attributes): ISO 8601
/// and its common variants, compact `YYYYMMDD`, or failing that a human-written date.
pub fn parse_machine(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Some(c) = ISO.captures(s) {
        let year: i32 = c[1].parse().ok()?;
        let month = c.get(2).and_then(|m| m.as_str().parse().ok());
        let day = c.get(3).and_then(|m| m.as_str().parse().ok());
        let time = c.get(4).map(|t| {
            let mut t = t.as_str().to_string();
            if t.len() == 4 || t.len() == 7 {
                t.insert(0, '0');
            }
            if let Some(z) = c.get(5) {
                let z = z.as_str();
                if z == "Z" {
                    t.push('Z');
                } else if z.len() == 5 {
                    t.push_str(&format!("{}:{}", &z[..3], &z[3..]));
                } else {
                    t.push_str(z);
                }
            }
            t
        });
        let time = time.filter(|t| {
            t.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && t[..2].parse::<u32>().is_ok_and(|h| h < 24)
        });
        return Some(PartialDate { year, month, day, time });
    }
    if let Some(c) = COMPACT.captures(s) {
        return Some(PartialDate {
            year: c[1].parse().ok()?,
            month: c[2].parse().ok(),
            day: c[3].parse().ok(),
            time: None,
        });
    }
    if s.chars().all(|c| c.is_ascii_digit()) && s.len() >= 9 && s.len() <= 13 {
        // Unix time in seconds or milliseconds.
        let mut v: i64 = s.parse().ok()?;
        if s.len() >= 12 {
            v /= 1000;
        }
        let dt = chrono::DateTime::from_timestamp(v, 0)?;
        let d = dt.date_naive();
        use chrono::Datelike;
        return Some(PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
            time: None,
        });
    }
    find_in_text(s, DayOrder::Unknown).map(|(d, _)| d)
}

/// Month names and abbreviations in the languages the news we read is written in.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let w = w.as_str();
    const MONTHS: &[(&[&str], u32)] = &[
        (
            &[
                "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio",
                "gen", "janeiro", "januari", "stycznia", "styczeń", "ianuarie", "ocak",
            ],
            1,
        ),
        (
            &[
                "february",
                "feb",
                "febr",
                "februar",
                "feber",
                "février",
                "fevrier",
                "févr",
                "fév",
                "febrero",
                "febbraio",
                "fevereiro",
                "fev",
                "februari",
                "lutego",
                "luty",
                "februarie",
                "şubat",
            ],
            2,
        ),
        (
            &[
                "march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt",
                "marca", "marzec", "martie", "mart",
            ],
            3,
        ),
        (
            &[
                "april",
                "apr",
                "avril",
                "avr",
                "abril",
                "abr",
                "aprile",
                "kwietnia",
                "kwiecień",
                "aprilie",
                "nisan",
            ],
            4,
        ),
        (&["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "mayıs"], 5),
        (
            &[
                "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca",
                "czerwiec", "iunie", "haziran",
            ],
            6,
        ),
        (
            &[
                "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
                "lipca", "lipiec", "iulie", "temmuz",
            ],
            7,
        ),
        (
            &[
                "august",
                "aug",
                "août",
                "aout",
                "agosto",
                "ago",
                "augustus",
                "sierpnia",
                "sierpień",
                "ağustos",
            ],
            8,
        ),
        (
            &[
                "september",
                "sep",
                "sept",
                "septembre",
                "septiembre",
                "set",
                "settembre",
                "setembro",
                "września",
                "wrzesień",
                "septembrie",
                "eylül",
            ],
            9,
        ),
        (
            &[
                "october",
                "oct",
                "oktober",
                "okt",
                "octobre",
                "octubre",
                "ottobre",
                "ott",
                "outubro",
                "out",
                "października",
                "październik",
                "octombrie",
                "ekim",
            ],
            10,
        ),
        (
            &[
                "november",
                "nov",
                "novembre",
                "noviembre",
                "novembro",
                "listopada",
                "listopad",
                "noiembrie",
                "kasım",
            ],
            11,
        ),
        (
            &[
                "december",
                "dec",
                "dez",
                "dezember",
                "décembre",
                "decembre",
                "déc",
                "diciembre",
                "dic",
                "dicembre",
                "dezembro",
                "grudnia",
                "grudzień",
                "decembrie",
                "aralık",
            ],
            12,
        ),
    ];
    MONTHS.iter().find(|(names, _)| names.contains(&w)).map(|(_, n)| *n)
}

/// How to read `01/02/2009`: the page's conventions, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// Month first (US English).
    MonthFirst,
    /// Day first (most of the world).
    DayFirst,
    Unknown,
}

const MONTH_WORD: &str = r"[A-Za-zÀ-ÿąćęłńóśźżĄĆĘŁŃÓŚŹŻşŞığĞ]{3,12}\.?";

static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?x)
        (?P<iso>\b(?:19|20)\d{{2}}-[01]?\d-[0-3]?\d\b)
      | (?P<dmy>\b[0-3]?\d\.[^\S\n]?[01]?\d\.[^\S\n]?(?:19|20)\d{{2}}\b)
      | (?P<slash>\b[0-3]?\d/[0-3]?\d/(?:19|20)\d{{2}}\b)
      | (?P<dmonthy>\b[0-3]?\d(?:\.|st|nd|rd|th|er|º)?[^\S\n]+(?:de[^\S\n]+)?{m}[^\S\n]*,?[^\S\n]+(?:de[^\S\n]+)?(?:19|20)\d{{2}}\b)
      | (?P<monthdy>\b{m}[^\S\n]+[0-3]?\d(?:st|nd|rd|th)?,?[^\S\n]+(?:19|20)\d{{2}}\b)
      | (?P<ymd>\b(?:19|20)\d{{2}}/[01]?\d/[0-3]?\d\b)
      | (?P<ymdcjk>(?:19|20)\d{{2}}\s?年\s?[01]?\d\s?月\s?[0-3]?\d\s?日)
        ",
        m = MONTH_WORD
    );
    Regex::new(&p).expect("valid regex")
});

static NUMS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").expect("valid regex"));
static WORDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(MONTH_WORD).expect("valid regex"));

/// The first human-written full date (day, month, year) in `text`, with its byte offset.
pub fn find_in_text(text: &str, order: DayOrder) -> Option<(PartialDate, usize)> {
    for c in TEXT_DATE.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let nums: Vec<u32> =
            NUMS.find_iter(m.as_str()).filter_map(|n| n.as_str().parse().ok()).collect();
        let date =
            if c.name("iso").is_some() || c.name("ymd").is_some() || c.name("ymdcjk").is_some() {
                (nums.len() == 3).then(|| (nums[0] as i32, nums[1], nums[2]))
            } else if c.name("dmy").is_some() {
                (nums.len() == 3).then(|| (nums[2] as i32, nums[1], nums[0]))
            } else if c.name("slash").is_some() {
                if nums.len() != 3 {
                    None
                } else if nums[0] > 12 {
                    Some((nums[2] as i32, nums[1], nums[0]))
                } else if nums[1] > 12 || order == DayOrder::MonthFirst {
                    Some((nums[2] as i32, nums[0], nums[1]))
                } else if order == DayOrder::DayFirst {
                    Some((nums[2] as i32, nums[1], nums[0]))
                } else {
                    // Ambiguous and no convention known: the day is not known, only the month if
                    // both readings agree, which they do not — skip.
                    None
                }
            } else {
                // Month written as a word: find which word is a month.
                let month = WORDS.find_iter(m.as_str()).find_map(|w| month_number(w.as_str()));
                match (month, nums.as_slice()) {
                    (Some(mo), [d, y]) => Some((*y as i32, mo, *d)),
                    _ => None,
                }
            };
        if let Some((y, mo, d)) = date {
            let pd = PartialDate { year: y, month: Some(mo), day: Some(d), time: None };
            if chrono::NaiveDate::from_ymd_opt(y, mo, d).is_some() {
                return Some((pd, m.start()));
            }
        }
    }
    None
}

static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})[/_-]?([01]\d)[/_-]?([0-3]\d)(?:$|[/_.-])")
        .expect("valid regex")
});
static URL_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})/([01]?\d)/").expect("valid regex"));

/// A date in a URL path: `/2009/01/20/`, `/2009-01-20-`, `20090120` → day; `/2009/01/` → month.
pub fn from_url(url: &str) -> Option<PartialDate> {
    let path = match url.find("://") {
        Some(p) => url[p + 3..].find('/').map_or("", |q| &url[p + 3 + q..]),
        None => url,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    if let Some(c) = URL_DAY.captures(path) {
        let d = PartialDate {
            year: c[1].parse().ok()?,
            month: c[2].parse().ok(),
            day: c[3].parse().ok(),
            time: None,
        };
        if chrono::NaiveDate::from_ymd_opt(d.year, d.month?, d.day?).is_some() {
            return Some(d);
        }
    }
    let c = URL_MONTH.captures(path)?;
    let month: u32 = c[2].parse().ok()?;
    (1..=12).contains(&month).then(|| PartialDate {
        year: c[1].parse().unwrap_or(0),
        month: Some(month),
        day: None,
        time: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<(String, DatePrecision)> {
        parse_machine(s).map(|d| (d.iso(), d.precision()))
    }

    #[test]
    fn machine_dates_keep_their_precision() {
        assert_eq!(iso("2009-01-20"), Some(("2009-01-20".into(), DatePrecision::Day)));
        assert_eq!(
            iso("2009-01-20T14:03:00Z"),
            Some(("2009-01-20T14:03:00Z".into(), DatePrecision::Second))
        );
        assert_eq!(
            iso("2009-01-20T14:03+0100"),
            Some(("2009-01-20T14:03+01:00".into(), DatePrecision::Minute))
        );
        assert_eq!(iso("2009-01"), Some(("2009-01".into(), DatePrecision::Month)));
        assert_eq!(iso("2009"), Some(("2009".into(), DatePrecision::Year)));
        assert_eq!(iso("20090120"), Some(("2009-01-20".into(), DatePrecision::Day)));
        assert_eq!(iso("Tue, 20 Jan 2009 10:00:00 GMT").map(|x| x.0), Some("2009-01-20".into()));
        assert_eq!(iso("1232445600").map(|x| x.0), Some("2009-01-20".into()));
        assert_eq!(iso("nonsense"), None);
    }

    #[test]
    fn text_dates_in_several_languages() {
        let f = |s: &str| find_in_text(s, DayOrder::Unknown).map(|(d, _)| d.iso());
        assert_eq!(f("Published January 20, 2009 by X").as_deref(), Some("2009-01-20"));
        assert_eq!(f("20. Januar 2009, 14:00 Uhr").as_deref(), Some("2009-01-20"));
        assert_eq!(f("le 20 janvier 2009").as_deref(), Some("2009-01-20"));
        assert_eq!(f("20 de enero de 2009").as_deref(), Some("2009-01-20"));
        assert_eq!(f("Stand: 20.01.2009").as_deref(), Some("2009-01-20"));
        assert_eq!(f("20 stycznia 2009").as_deref(), Some("2009-01-20"));
        assert_eq!(f("2009年1月20日").as_deref(), Some("2009-01-20"));
        assert_eq!(f("on 1/2/2009"), None, "ambiguous day order is not guessed");
        assert_eq!(
            find_in_text("on 1/2/2009", DayOrder::MonthFirst).map(|d| d.0.iso()).as_deref(),
            Some("2009-01-02")
        );
        assert_eq!(f("31.02.2009"), None, "not a calendar date");
        assert_eq!(f("Tel. 030 12 2009"), None);
        assert_eq!(f("27 28 29\nMarch 2020"), None, "a calendar's day cells are not a date");
    }

    #[test]
    fn url_dates_never_invent_a_day() {
        let u = |s: &str| from_url(s).map(|d| (d.iso(), d.precision()));
        assert_eq!(
            u("https://x.com/2009/01/20/story"),
            Some(("2009-01-20".into(), DatePrecision::Day))
        );
        assert_eq!(
            u("https://x.com/news/2009/01/story.html"),
            Some(("2009-01".into(), DatePrecision::Month))
        );
        assert_eq!(
            u("https://x.com/2009-01-20-story"),
            Some(("2009-01-20".into(), DatePrecision::Day))
        );
        assert_eq!(
            u("https://x.com/a/20090120/b"),
            Some(("2009-01-20".into(), DatePrecision::Day))
        );
        assert_eq!(u("https://x.com/2009/story"), None);
        assert_eq!(u("https://x.com/id/12345678"), None);
        assert_eq!(u("https://2009.x.com/?d=2009/01/20"), None, "query strings are not the path");
    }
}
