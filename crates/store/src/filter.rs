//! Query filters, applied the same way by every store.

use crate::EventRow;
use model::Modality;

/// What `annalist query` can ask for; every field set must match (AND).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Actor code prefix (`IRN`, `IRNGOV`) or a word of the actor's name, either role.
    pub actor: Option<String>,
    /// CAMEO code prefix: `19` (root), `190` (base), `1951`.
    pub code: Option<String>,
    /// PLOVER event type (`ASSAULT`), case-insensitive.
    pub plover: Option<String>,
    /// Inclusive ISO date bounds on the event date (publication date when the text gives none).
    pub from: Option<String>,
    pub to: Option<String>,
    /// ISO country code of the place, or a word of the place name.
    pub place: Option<String>,
    pub modality: Option<Modality>,
    pub historical: Option<bool>,
    /// Outlet name (case-insensitive substring).
    pub outlet: Option<String>,
    /// Words that must all occur in the trigger, actors, title or sentence.
    pub text: Option<String>,
    /// Only the newest version of each URL.
    pub latest_only: bool,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// Checks a `from`/`to` bound: an ISO date of year, month or day precision (`2009`,
/// `2009-07`, `2009-07-28`) that exists in the calendar. Bounds are compared as text, so a
/// malformed one ("2019-13-45", "yesterday") would silently match nothing or the wrong rows.
pub fn check_date_bound(s: &str) -> Result<(), String> {
    let bad = || format!("`{s}` is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let shape = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    if !shape {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    if b.len() >= 7 && !(1..=12).contains(&num(5..7)) {
        return Err(format!("`{s}`: there is no month {}", &s[5..7]));
    }
    // A bound compares as text, so "2023-02-30" bounds February as "2023-02-28" would; only a
    // day no month has is refused (the API's published pattern says the same).
    if b.len() == 10 && !(1..=31).contains(&num(8..10)) {
        return Err(format!("`{s}`: there is no day {}", &s[8..10]));
    }
    Ok(())
}

fn has_word(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(&needle.to_lowercase())
}

/// The date an event is filed under: its own when the text gives one, else publication.
pub fn event_date(r: &EventRow) -> Option<String> {
    r.event
        .time
        .as_ref()
        .filter(|t| t.basis == model::TimeBasis::Text)
        .and_then(|t| t.start.clone())
        .or_else(|| r.published.as_ref().map(|p| p.value.clone()))
        .map(|d| d.chars().take(10).collect())
}

impl Filter {
    pub fn matches(&self, r: &EventRow) -> bool {
        let e = &r.event;
        if self.latest_only && !r.latest {
            return false;
        }
        if let Some(a) = &self.actor {
            let up = a.to_ascii_uppercase();
            let hit =
                e.sources.iter().chain(&e.targets).any(|x| {
                    (!x.code.is_empty() && x.code.starts_with(&up)) || has_word(&x.text, a)
                });
            if !hit {
                return false;
            }
        }
        if let Some(c) = &self.code {
            if !e.code.starts_with(c.as_str()) {
                return false;
            }
        }
        if let Some(p) = &self.plover {
            if !e.plover_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(p)) {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = event_date(r) else { return false };
            if self.from.as_ref().is_some_and(|f| d.as_str() < f.as_str()) {
                return false;
            }
            if self
                .to
                .as_ref()
                .is_some_and(|t| d.get(..t.len().min(d.len())).unwrap_or(&d) > t.as_str())
            {
                return false;
            }
        }
        if let Some(p) = &self.place {
            let hit = e.location.as_ref().is_some_and(|l| {
                l.country.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(p))
                    || has_word(&l.name, p)
                    || l.admin1.as_deref().is_some_and(|a| has_word(a, p))
            });
            if !hit {
                return false;
            }
        }
        if self.modality.is_some_and(|m| m != e.modality) {
            return false;
        }
        if self.historical.is_some_and(|h| h != e.historical) {
            return false;
        }
        if let Some(o) = &self.outlet {
            if !r.outlet.as_deref().is_some_and(|x| has_word(x, o)) {
                return false;
            }
        }
        if let Some(t) = &self.text {
            let hay = format!(
                "{} {} {} {} {}",
                r.trigger_text,
                r.title.as_deref().unwrap_or(""),
                r.sentence_text,
                e.sources.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(" "),
                e.targets.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(" ")
            )
            .to_lowercase();
            if !t.split_whitespace().all(|w| hay.contains(&w.to_lowercase())) {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::check_date_bound;

    #[test]
    fn date_bounds_must_exist() {
        for ok in ["2009", "2009-07", "2009-07-28", "2024-02-29"] {
            assert_eq!(check_date_bound(ok), Ok(()), "{ok}");
        }
        for bad in [
            "09",
            "2009-7",
            "2009/07/28",
            "2009-07-28T10",
            "yesterday",
            "",
            "2019-13",
            "2019-13-45",
        ] {
            assert!(check_date_bound(bad).is_err(), "{bad}");
        }
        assert!(check_date_bound("2023-04-32").unwrap_err().contains("no day 32"));
        assert!(
            check_date_bound("2023-02-30").is_ok(),
            "a bound, not a day: Feb 30 bounds February"
        );
        assert!(check_date_bound("2019-00").unwrap_err().contains("no month 00"));
    }
}
