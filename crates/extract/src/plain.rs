//! Plain-text news items: a headline line, a wire dateline ("BAGHDAD, Jan. 21 (Reuters) -"),
//! a source line ("PressTV – Tue, 20 Jan 2009", "Source: X"), a bare URL line, and trailing
//! junk ("Related posts", "Read more", share buttons) that is not part of the body.

use crate::dates::{self, DayOrder, PartialDate};
use model::{DateSource, Published, Span};
use regex::Regex;
use std::sync::LazyLock;

/// What the text itself says, before container hints are consulted.
#[derive(Debug, Default, PartialEq)]
pub struct PlainItem {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// The agency a wire dateline credits ("GAZA (Reuters) -"); also the outlet when no source
    /// line names one.
    pub agency: Option<String>,
    pub url: Option<String>,
    pub published: Option<Published>,
    pub byline: Option<String>,
    pub text: String,
    pub paragraphs: Vec<Span>,
}

static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").expect("valid regex"));
/// `BAGHDAD, Jan. 21 (Reuters) -`, `WASHINGTON (AP) —`, `Tehran, Iran (IRNA) --`,
/// `KYIV, 18 January 2024 (AFP) –`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>[A-Z][A-Za-z\u00C0-\u017F .'’-]{{1,40}}?)(?:,\s*(?P<region>[A-Z][A-Za-z .]{{1,30}}?))?{DATELINE_DATE}?\s*\((?P<agency>[A-Z][A-Za-z .&/-]{{1,40}})\)\s*(?:[-–—]{{1,2}}|:)\s*"
    ))
    .expect("valid regex")
});
/// A dateline's date: `, Jan. 21`, `, January 18, 2024`, `, 18 January 2024`.
const DATELINE_DATE: &str = r"(?:,?\s+(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+(?P<month2>[A-Z][a-z]{2,8})\.?)(?:,?\s+(?P<year>(?:19|20)\d{2}))?)";
/// A dateline with no agency but a date: `ISLAMABAD, January 18, 2024 -`,
/// `NEW DELHI, Jan. 18, 2024 --`, `Islamabad, 18 January 2024:`. The place is one to four
/// capitalised words (and a region), and the date is required: a capitalised phrase and a
/// dash alone are too weak a sign.
static DATELINE_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>[A-Z][\p{{L}}.'’-]*(?:\s+[A-Z][\p{{L}}.'’-]*){{0,3}})(?:,\s*(?P<region>[A-Z][\p{{L}}.]*(?:\s+[A-Z][\p{{L}}.]*){{0,2}}))?{DATELINE_DATE}\s*(?:[-–—]{{1,2}}|:)\s+\S"
    ))
    .expect("valid regex")
});
/// `Outlet – date`, `Outlet, date`, `Outlet | date`.
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<outlet>[A-Z0-9][\w.&'’ -]{0,48}?[\w.])\s*(?:[–—|]|\s-|,)\s*(?P<date>.{6,60})$",
    )
    .expect("valid regex")
});
/// `Source: X`, `Quelle: X`, `Source - X`.
static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|sources|quelle|fuente|fonte|bron|źródło|via)\s*[:–—-]\s*(?P<outlet>.{2,60})$").expect("valid regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von|al-\w+))*)$").expect("valid regex")
});
/// Lines that start trailing junk: everything from here on is not the article.
static JUNK_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related(?:\s+(?:posts?|articles?|stories|news|content|coverage|links))?|read\s+more|more\s+(?:from|on|stories|news|like this)|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|see\s+also|also\s+read|popular\s+(?:posts|stories)|most\s+(?:read|popular|viewed)|share\s+this(?:\s+(?:article|story|post))?|tags?|comments?|\d+\s+comments?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|about\s+the\s+author|filed\s+under|categories|weitere\s+artikel|mehr\s+zum\s+thema|lesen\s+sie\s+auch|à\s+lire\s+aussi|lire\s+aussi|artículos\s+relacionados)\s*[:.…]*$").expect("valid regex")
});
/// Single lines of share/UI junk, dropped wherever they are.
static JUNK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:share|tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|advertisement|anzeige|publicité|click\s+here.*|share\s+on\s+\w+|follow\s+us.*|subscribe.*|sign\s+up.*|continue\s+reading.*|(?:share|tweet|email|print|facebook|twitter)(?:\s*[|/•·,]\s*(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin))+)\s*[:.!]*$").expect("valid regex")
});

fn line_date(s: &str) -> Option<PartialDate> {
    dates::find_in_text(s, DayOrder::Unknown).map(|x| x.0).or_else(|| {
        let d = dates::parse_machine(s)?;
        d.day.is_some().then_some(d)
    })
}

/// Whether two names give one outlet: "Reuters" and "reuters.com", "AP" and "apnews.com".
pub fn same_outlet(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    let (a, b) = (norm(a), norm(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 2 && long.starts_with(&short)
}

/// A source line's outlet and date, when the line is one.
fn source_line(line: &str) -> Option<(String, Option<PartialDate>)> {
    if let Some(c) = SOURCE_LABEL.captures(line) {
        let o = c["outlet"].trim().trim_end_matches('.').to_string();
        let date = line_date(&o);
        let o = o.split([',', '–', '—', '|']).next().unwrap_or("").trim().to_string();
        return (!o.is_empty() && o.split_whitespace().count() <= 6).then_some((o, date));
    }
    let c = SOURCE_LINE.captures(line)?;
    let outlet = c["outlet"].trim();
    if outlet.split_whitespace().count() > 5 {
        return None;
    }
    let date = line_date(&c["date"])?;
    // The date must be most of the rest of the line, not a date mentioned in a sentence.
    if c["date"].split_whitespace().count() > 8 {
        return None;
    }
    Some((outlet.to_string(), Some(date)))
}

/// Month, day and (when written) year of a dateline.
type DatelineDate = (u32, u32, Option<i32>);

/// A dateline's agency (when it names one) and its month, day and year if written. A dateline
/// without an agency counts only when it carries a date.
fn dateline(line: &str) -> Option<(Option<String>, Option<DatelineDate>)> {
    let (c, agency) = match DATELINE.captures(line) {
        Some(c) => {
            let agency = c["agency"].trim().to_string();
            (c, Some(agency))
        }
        None => (DATELINE_BARE.captures(line)?, None),
    };
    let place = c["place"].trim();
    // Datelines name the place in capitals ("BAGHDAD") or Title Case.
    if !place.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let month = c.name("month").or(c.name("month2"));
    let day = c.name("day").or(c.name("day2"));
    let md = match (month, day) {
        (Some(m), Some(d)) => dates::month_number(m.as_str()).zip(d.as_str().parse().ok()),
        _ => None,
    };
    if agency.is_none() && md.is_none() {
        return None;
    }
    let year = c.name("year").and_then(|y| y.as_str().parse().ok());
    Some((agency, md.map(|(m, d)| (m, d, year))))
}

fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=25).contains(&words)
        && line.len() < 250
        && !URL_LINE.is_match(line)
        && !line.ends_with([':', ','])
        && DATELINE.find(line).is_none()
        && DATELINE_BARE.find(line).is_none()
        && (!line.ends_with('.') || words <= 12)
}

/// Whether these lines hold more article text: at least three long sentence lines and 300
/// bytes of them. Page furniture after a closing source line (teasers, links, captions) is short.
fn body_follows(rest: &[&str]) -> bool {
    let (mut lines, mut bytes) = (0, 0);
    for l in rest {
        if l.split_whitespace().count() > 12 && ends_sentence(l) && !JUNK_LINE.is_match(l) {
            lines += 1;
            bytes += l.len();
            if lines >= 3 && bytes >= 300 {
                return true;
            }
        }
    }
    false
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', '»', '“'])
}

/// Parses a plain-text item. `year_hint` (from the container) completes a dateline's
/// month and day when the text gives no year.
pub fn parse(text: &str, year_hint: Option<i32>) -> PlainItem {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut item = PlainItem::default();
    let mut keep = vec![true; lines.len()];
    let first = lines.iter().position(|l| !l.is_empty());
    let Some(first) = first else { return item };

    // Headline: the first line when it reads as one and is set off from what follows (a blank
    // line, or a following line that reads as body).
    let mut body_from = first;
    if is_headline(lines[first]) && lines.len() > first + 1 {
        item.title = Some(lines[first].to_string());
        keep[first] = false;
        body_from = first + 1;
    }

    // Trailing junk: from the first junk heading after some body text to the end.
    let mut end = lines.len();
    let mut seen_body = 0;
    for (i, l) in lines.iter().enumerate().skip(body_from) {
        if JUNK_START.is_match(l) && seen_body > 0 {
            end = i;
            break;
        }
        if l.split_whitespace().count() > 8 {
            seen_body += 1;
        }
    }

    let mut source_date: Option<PartialDate> = None;
    let mut last_body = None;
    let mut closed_at = None;
    for i in body_from..end {
        let l = lines[i];
        if l.is_empty() {
            continue;
        }
        if closed_at.is_some() {
            // After the closing source line only a bare URL line is still read.
            if URL_LINE.is_match(l) && item.url.is_none() {
                item.url = Some(l.to_string());
            }
            continue;
        }
        if URL_LINE.is_match(l) {
            if item.url.is_none() {
                let u = if l.starts_with("www.") { format!("http://{l}") } else { l.to_string() };
                item.url = Some(u);
            }
            keep[i] = false;
            continue;
        }
        if JUNK_LINE.is_match(l) {
            keep[i] = false;
            continue;
        }
        if let Some(c) = BYLINE.captures(l) {
            if item.byline.is_none() && last_body.is_none() {
                item.byline = Some(c["name"].to_string());
                keep[i] = false;
                continue;
            }
        }
        // A source-like line with an article's worth of body after it is a line of the body
        // (a story's own date or place line in a text of several stories), not the source.
        // A dateline opens the body, whatever its length ("NEW DELHI, Jan. 18, 2024 -- Ministers met.").
        if l.len() < 120
            && dateline(l).is_none()
            && (last_body.is_none() || !body_follows(&lines[i + 1..end]))
        {
            if let Some((outlet, date)) = source_line(l) {
                item.outlet.get_or_insert(outlet);
                if source_date.is_none() {
                    source_date = date;
                }
                keep[i] = false;
                // A source line after the body closes it: what follows is the page's furniture.
                if last_body.is_some() {
                    closed_at = Some(i);
                }
                continue;
            }
        }
        last_body = Some(i);
    }
    let end = closed_at.unwrap_or(end);
    for k in keep.iter_mut().skip(end) {
        *k = false;
    }

    // Paragraphs: blank lines separate them; inside a block a line ending a sentence ends a
    // paragraph, a hard-wrapped line continues it.
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, l) in lines.iter().enumerate() {
        if !keep[i] || l.is_empty() {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(l);
        if ends_sentence(l) || l.len() < 40 {
            paras.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        paras.push(cur);
    }

    // Dateline on the first paragraph.
    let mut dateline_date = None;
    if let Some(p) = paras.first() {
        if let Some((agency, md)) = dateline(p) {
            if let Some(agency) = agency {
                item.outlet.get_or_insert_with(|| agency.clone());
                item.agency = Some(agency);
            }
            if let Some((m, d, y)) = md {
                let y = y.or(source_date.as_ref().map(|s| s.year)).or(year_hint);
                if let Some(y) = y {
                    let pd = PartialDate { year: y, month: Some(m), day: Some(d), time: None };
                    if chrono::NaiveDate::from_ymd_opt(y, m, d).is_some() {
                        dateline_date = Some(pd);
                    }
                }
            }
        }
    }
    item.published = source_date
        .map(|d| d.published(DateSource::SourceLine))
        .or_else(|| dateline_date.map(|d| d.published(DateSource::Dateline)))
        .or_else(|| {
            item.url.as_deref().and_then(dates::from_url).map(|d| d.published(DateSource::Url))
        });

    for p in paras {
        if !item.text.is_empty() {
            item.text.push_str("\n\n");
        }
        let start = item.text.len();
        item.text.push_str(&p);
        item.paragraphs.push(Span::new(start, item.text.len()));
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::DatePrecision;

    #[test]
    fn wire_dateline_gives_outlet_and_day_with_the_year_from_elsewhere() {
        let t = "Iraq says militants routed\n\nBAGHDAD, Jan. 21 (Reuters) - Iraqi troops retook the town on Wednesday, officials said.\n\nFighting went on into the night.\n";
        let it = parse(t, Some(2009));
        assert_eq!(it.title.as_deref(), Some("Iraq says militants routed"));
        assert_eq!(it.outlet.as_deref(), Some("Reuters"));
        let p = it.published.unwrap();
        assert_eq!(
            (p.value.as_str(), p.precision, p.source),
            ("2009-01-21", DatePrecision::Day, DateSource::Dateline)
        );
        assert_eq!(it.paragraphs.len(), 2);
        assert!(it.text.starts_with("BAGHDAD, Jan. 21 (Reuters) - Iraqi troops"));
    }

    #[test]
    fn dateline_without_a_year_anywhere_gives_no_date() {
        let it = parse(
            "Headline here\nWASHINGTON, March 3 (AP) — Lawmakers met on Tuesday to discuss it.\n",
            None,
        );
        assert_eq!(it.outlet.as_deref(), Some("AP"));
        assert_eq!(it.published, None, "a day without a year is not invented into a date");
    }

    #[test]
    fn dateline_without_an_agency_gives_the_day_when_it_carries_a_date() {
        for (line, want) in [
            (
                "ISLAMABAD, January 18, 2024 - Pakistan struck targets in Iran on Thursday.",
                "2024-01-18",
            ),
            ("NEW DELHI, Jan. 18, 2024 -- Ministers met on Thursday.", "2024-01-18"),
            ("Islamabad, 18 January 2024: Ministers met on Thursday.", "2024-01-18"),
            ("KYIV, Ukraine, Sept. 3, 2023 — Drones struck the port overnight.", "2023-09-03"),
            ("KYIV, 3 September 2023 (AFP) – Drones struck the port overnight.", "2023-09-03"),
        ] {
            let it = parse(&format!("Headline\n\n{line}\n\nMore text follows here.\n"), None);
            let p = it.published.unwrap_or_else(|| panic!("no date from {line:?}"));
            assert_eq!((p.value.as_str(), p.source), (want, DateSource::Dateline), "{line}");
            assert!(it.text.starts_with(line), "the dateline stays in the body: {line}");
        }
        let it = parse("Headline\n\nISLAMABAD, January 18, 2024 - Text.\n", None);
        assert_eq!(it.outlet, None, "no agency, no outlet");
    }

    #[test]
    fn capitalised_openings_without_a_date_or_agency_are_no_dateline() {
        for line in [
            "BREAKING - Parliament was dissolved on Monday.",
            "Pakistan said on January 18, 2024 - a date it chose - that it struck Iran.",
            "UPDATE: The talks resumed on Marching 3 - officials said.",
            "Officials said: the talks resumed.",
        ] {
            let it = parse(&format!("Headline\n\n{line}\n"), None);
            assert_eq!(it.published, None, "{line}");
        }
    }

    #[test]
    fn source_label_and_hard_wrapped_paragraphs() {
        let t = "Talks resume in Geneva\n\nDiplomats from both sides met again on Monday\nafter a pause of three weeks, a spokesman said.\n\nNo agreement was expected before Friday.\n\nSource: Xinhua, 12 May 2014\n\nShare | Tweet | Email\n";
        let it = parse(t, None);
        assert_eq!(it.outlet.as_deref(), Some("Xinhua"));
        assert_eq!(it.published.as_ref().map(|p| p.value.as_str()), Some("2014-05-12"));
        assert_eq!(it.paragraphs.len(), 2);
        assert_eq!(&it.text[it.paragraphs[0].range()], "Diplomats from both sides met again on Monday after a pause of three weeks, a spokesman said.");
        assert!(!it.text.contains("Tweet"));
    }

    #[test]
    fn read_more_block_and_url_leave_the_body() {
        let t = "Protest in the capital\nBy Jane Doe\nThousands marched through the city centre on Saturday demanding new elections.\nPolice said the march was peaceful.\nhttps://example.org/2016/05/protest\nRead more\nOther story one\nOther story two\n";
        let it = parse(t, None);
        assert_eq!(it.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(it.url.as_deref(), Some("https://example.org/2016/05/protest"));
        let p = it.published.unwrap();
        assert_eq!((p.value.as_str(), p.precision), ("2016-05", DatePrecision::Month));
        assert!(!it.text.contains("Other story"));
        assert_eq!(it.paragraphs.len(), 2);
    }

    #[test]
    fn no_headline_when_the_first_line_is_body() {
        let t = "Thousands marched through the city centre on Saturday, demanding new elections and the release of prisoners held since the spring.\nPolice said the march was peaceful.";
        let it = parse(t, None);
        assert_eq!(it.title, None);
        assert_eq!(it.paragraphs.len(), 2);
    }

    #[test]
    fn a_date_line_between_stories_does_not_end_the_text() {
        let story = "Officials in the region said on Monday that the talks had made progress and would resume within a week.\n";
        let t = format!(
            "Two stories\n\n{}{}\nWashington, March 3, 2015\n\n{}{}{}\nRelated posts\nOther story\n",
            story, story, story, story, story
        );
        let it = parse(&t, None);
        assert_eq!(it.paragraphs.len(), 6, "{:?}", it.text);
        assert!(it.text.contains("Washington, March 3, 2015"));
        assert_eq!(it.outlet, None, "a place-and-date line inside the body names no outlet");
        assert!(!it.text.contains("Other story"));
        // The same line with only furniture after it still closes the article.
        let t = format!(
            "Title\n\n{story}{story}\nPressTV – Tue, 20 Jan 2009\n\nStockholm| Security raised\n"
        );
        let it = parse(&t, None);
        assert_eq!(it.outlet.as_deref(), Some("PressTV"));
        assert!(!it.text.contains("Stockholm"));
    }

    #[test]
    fn spans_slice_the_text() {
        let it = parse("Title\n\nOne para here.\n\nTwo para — ünïcode.\n", None);
        for p in &it.paragraphs {
            assert!(p.slice(&it.text).is_some());
        }
        assert_eq!(it.text, "One para here.\n\nTwo para — ünïcode.");
    }
}
