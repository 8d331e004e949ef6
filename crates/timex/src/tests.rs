//! Behaviour tests over sentences written for this project: absolute and relative dates,
//! tense, periods, durations, vague expressions, bad input, limits and the span contract.

use crate::*;

fn anchor(s: &str) -> Anchor {
    Anchor::parse(s).unwrap()
}

/// (surface, value) of every expression found.
fn run(text: &str, a: &str, tense: Option<Tense>) -> Vec<(String, Option<String>)> {
    let f = find(text, Some(&anchor(a)), tense).unwrap();
    f.timexes.iter().map(|t| (t.span.slice(text).unwrap().to_string(), t.value.clone())).collect()
}

/// The single expression of `text` as (surface, value).
fn one(text: &str, a: &str) -> (String, Option<String>) {
    let v = run(text, a, None);
    assert_eq!(v.len(), 1, "{text:?} → {v:?}");
    v[0].clone()
}

fn val(text: &str, a: &str) -> String {
    one(text, a).1.unwrap_or_else(|| "(none)".into())
}

fn first(text: &str, a: &str) -> Timex {
    find(text, Some(&anchor(a)), None).unwrap().timexes.remove(0)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn seed_article_expressions() {
    let a = "2009-01-20";
    let text = "Iraqi forces took over the camp's security on January 1, 2009 and stayed.";
    assert_eq!(one(text, a), ("January 1, 2009".into(), Some("2009-01-01".into())));
    let text = "Earlier in January, Prime Minister Nouri al-Maliki vowed to expel the members.";
    assert_eq!(one(text, a), ("Earlier in January".into(), Some("2009-01".into())));
    let text = "The group moved its fighters to Iraq in the early 1980s.";
    let t = first(text, a);
    assert_eq!(t.span.slice(text), Some("the early 1980s"));
    assert_eq!(t.value.as_deref(), Some("198"));
    assert_eq!(t.modifier, Some(Mod::Start));
    assert_eq!(t.granularity, Granularity::Decade);
    let iv = t.interval.unwrap();
    assert_eq!((iv.start, iv.end), (day("1980-01-01"), day("1983-12-31")));
    let text = "It was founded in 1988 by exiles.";
    assert_eq!(one(text, a), ("1988".into(), Some("1988".into())));
}

#[test]
fn earlier_in_a_month_takes_the_anchor_year_unless_still_to_come() {
    assert_eq!(val("Earlier in January, talks failed.", "2009-01-05"), "2009-01");
    assert_eq!(val("Earlier in January, talks failed.", "2009-03-05"), "2009-01");
    assert_eq!(val("Earlier in March, talks failed.", "2009-01-05"), "2008-03");
}

#[test]
fn absolute_forms() {
    let a = "2009-01-20";
    for (text, v) in [
        ("It began on 1 Jan 2009.", "2009-01-01"),
        ("It began on Jan. 1, 2009.", "2009-01-01"),
        ("It began on January 1st, 2009.", "2009-01-01"),
        ("It began on the 1st of January 2009.", "2009-01-01"),
        ("Filed 2009-01-20 by the clerk.", "2009-01-20"),
        ("Filed 2009/01/20 by the clerk.", "2009-01-20"),
        ("Dated 21/01/2009 in the file.", "2009-01-21"),
        ("Dated 01/21/2009 in the file.", "2009-01-21"),
        ("Dated 21.01.2009 in the file.", "2009-01-21"),
        ("Tue, 20 Jan 2009 was the day.", "2009-01-20"),
        ("Tuesday, January 20, 2009 was the day.", "2009-01-20"),
        ("The vote was held in December 2008.", "2008-12"),
        ("The vote was held in May 2008.", "2008-05"),
    ] {
        assert_eq!(val(text, a), v, "{text}");
    }
    // the whole written form is the span
    assert_eq!(one("Tue, 20 Jan 2009 was the day.", a).0, "Tue, 20 Jan 2009");
}

#[test]
fn numeric_locale_rule() {
    let a = anchor("2009-01-20");
    let text = "Dated 01/02/2009.";
    let us = find(text, Some(&a), None).unwrap();
    assert_eq!(us.timexes[0].value.as_deref(), Some("2009-01-02"), "month first by default");
    let cfg = Config { numeric_order: NumericOrder::DayFirst, ..Config::default() };
    let eu = find_with(&cfg, text, Some(&a), None).unwrap();
    assert_eq!(eu.timexes[0].value.as_deref(), Some("2009-02-01"));
    // unambiguous either way
    let eu = find_with(&cfg, "Dated 12/25/2008.", Some(&a), None).unwrap();
    assert_eq!(eu.timexes[0].value.as_deref(), Some("2008-12-25"));
}

#[test]
fn dates_without_a_year_follow_the_tense() {
    let a = "2009-01-20"; // a Tuesday
    assert_eq!(val("Police arrested him on Jan. 12.", a), "2009-01-12");
    assert_eq!(val("He was born on March 3.", a), "2008-03-03");
    assert_eq!(val("The court will rule on March 3.", a), "2009-03-03");
    assert_eq!(val("Jan. 21", a), "2009-01-21", "untensed: the nearest");
    assert_eq!(val("The talks ended in October.", a), "2008-10");
    assert_eq!(val("The talks will resume in October.", a), "2009-10");
    assert_eq!(val("Police said on the 5th that nobody was hurt.", a), "2009-01-05");
}

#[test]
fn weekdays_follow_the_tense() {
    let a = "2009-01-21"; // a Wednesday
    assert_eq!(val("Police arrested three men on Monday.", a), "2009-01-19");
    assert_eq!(val("The ministers will meet on Monday.", a), "2009-01-26");
    assert_eq!(val("The report will be released on Monday.", a), "2009-01-26");
    assert_eq!(val("The attack happened on Wednesday.", a), "2009-01-21", "same day");
    assert_eq!(val("Troops left last Tuesday.", a), "2009-01-20");
    assert_eq!(val("Troops left last Wednesday.", a), "2009-01-14");
    assert_eq!(val("Troops leave next Friday.", a), "2009-01-23");
    assert_eq!(val("Talks are set to resume on Friday.", a), "2009-01-23");
    assert_eq!(val("The group has until Friday to leave.", a), "2009-01-23");
    assert_eq!(val("The group stayed until Friday.", a), "2009-01-16");
    let t = first("Shelling resumed on Sunday night.", a);
    assert_eq!(t.value.as_deref(), Some("2009-01-18TNI"));
    assert_eq!(t.kind, TimexType::Time);
}

#[test]
fn deictics_and_units() {
    let a = "2009-03-18";
    for (text, v) in [
        ("yesterday", "2009-03-17"),
        ("The bomb went off yesterday morning.", "2009-03-17TMO"),
        ("The vote is today.", "2009-03-18"),
        ("Rebels attacked two days ago.", "2009-03-16"),
        ("The army withdrew two weeks ago.", "2009-03-04"),
        ("It happened a year ago.", "2008"),
        ("It happened three months ago.", "2008-12"),
        ("They meet next week.", "2009-W13"),
        ("They met last week.", "2009-W11"),
        ("Growth slowed this year.", "2009"),
        ("Growth slowed last year.", "2008"),
        ("Growth will pick up next year.", "2010"),
        ("Prices rose earlier this month.", "2009-03"),
        ("Prices rose in the first quarter.", "2009-Q1"),
        ("Profit fell in the fourth quarter of 2008.", "2008-Q4"),
        ("Fighting raged last summer.", "2008-SU"),
        ("The camp was emptied last weekend.", "2009-W11-WE"),
        ("The camp was emptied over the weekend.", "2009-W11-WE"),
        ("Talks will resume over the weekend.", "2009-W12-WE"),
        ("Serbs clashed with peacekeepers in May last year.", "2008-05"),
        ("The summit is planned for June next year.", "2010-06"),
        ("Talks broke down in January this year.", "2009-01"),
        ("The church was bombed on Christmas Day last year.", "2008-12-25"),
    ] {
        assert_eq!(val(text, a), v, "{text}");
    }
}

#[test]
fn periods_decades_and_centuries() {
    let a = "2009-03-18";
    let t = first("Talks stalled in mid-February.", a);
    assert_eq!((t.value.as_deref(), t.modifier), (Some("2009-02"), Some(Mod::Mid)));
    let iv = t.interval.unwrap();
    assert_eq!((iv.start, iv.end), (day("2009-02-11"), day("2009-02-20")));
    let t = first("The deal was signed at the end of 2008.", a);
    assert_eq!((t.value.as_deref(), t.modifier), (Some("2008"), Some(Mod::End)));
    assert_eq!(val("Exports boomed in the 1990s.", a), "199");
    assert_eq!(val("Exports boomed in the '90s.", a), "199");
    assert_eq!(val("It was the bloodiest war of the last century.", a), "19");
    assert_eq!(val("It was the bloodiest war of the 20th century.", a), "19");
    assert_eq!(val("Oil fell in late 2008.", a), "2008");
    assert_eq!(val("Oil fell in early December.", a), "2008-12");
    assert_eq!(val("The plant reopened late last July.", a), "2008-07");
    assert_eq!(val("The season ended in the spring of 2007.", a), "2007-SP");
    let t = first("The tribunal sat in 1957-58.", a);
    assert_eq!(t.value.as_deref(), Some("1957"));
    let all = run("Revenue rose in fiscal 2009/10.", a, None);
    assert_eq!(all.len(), 2, "{all:?}");
    let all = run("The tribunal sat in 1957-58.", a, None);
    assert_eq!(all[1], ("58".into(), Some("1958".into())), "second year of a range");
}

#[test]
fn durations_and_sets() {
    let a = "2009-03-18";
    for (text, v) in [
        ("He ruled for three years.", "P3Y"),
        ("a four-week campaign", "P4W"),
        ("a 90-day review", "P90D"),
        ("Prices rose over the past two years.", "P2Y"),
        ("in recent weeks", "PXW"),
        ("The siege lasted several months.", "PXM"),
        ("It took half an hour.", "PT30M"),
        ("It took a year and a half.", "P18M"),
        ("the worst in a decade", "P10Y"),
        ("She finished in 3:07:35.", "PT3H7M35S"),
        ("The committee meets every Monday.", "XXXX-WXX-1"),
        ("He jogs every morning.", "XXXX-XX-XXTMO"),
        ("The report is published annually.", "P1Y"),
        ("They meet twice a year.", "P1Y"),
    ] {
        assert_eq!(val(text, a), v, "{text}");
    }
    let t = first("It lasted almost seven years.", a);
    assert_eq!(
        (t.value.as_deref(), t.modifier, t.kind),
        (Some("P7Y"), Some(Mod::LessThan), TimexType::Duration)
    );
    assert!(run("a five-year-old boy", a, None).is_empty(), "ages are not durations");
}

#[test]
fn references_and_vague_expressions() {
    let a = "2009-03-18";
    assert_eq!(val("The camp is now under Iraqi control.", a), "PRESENT_REF");
    assert_eq!(val("Such raids happened in the past, officials said.", a), "PAST_REF");
    let t = first("Iraqi forces recently entered the camp.", a);
    assert_eq!((t.value.as_deref(), t.interval), (Some("PAST_REF"), None), "no date guessed");
    let f = find("Many fled in the last days of the war.", Some(&anchor(a)), None).unwrap();
    assert_eq!(f.timexes.len(), 1);
    assert_eq!(f.timexes[0].value, None);
    assert_eq!(f.diagnostics[0].kind, DiagnosticKind::Undetermined);
    // a part of a period that is a date is valued
    let t = first("Troops left in the last days of 2008.", a);
    assert_eq!((t.value.as_deref(), t.modifier), (Some("2008"), Some(Mod::End)));
    // signals: the quantity is the expression
    assert_eq!(one("It started a month earlier than usual.", a).0, "a month");
}

#[test]
fn words_that_are_not_dates() {
    let a = "2009-03-18";
    for text in [
        "Theresa May said the plan may work.",
        "Protesters march to the square.",
        "He scored 12,009 points in his career, 1,998 of them at home.",
        "They paid $2000 for it.",
        "The fall of Baghdad shocked them.",
        "Room 1984 was locked.",
        "a daily newspaper",
    ] {
        let got = run(text, a, None);
        assert!(got.is_empty(), "{text:?} → {got:?}");
    }
}

#[test]
fn bad_dates_get_a_diagnostic_and_no_value() {
    let a = anchor("2009-03-18");
    let cases = [
        ("It happened on February 30, 2009.", DiagnosticKind::ImpossibleDate),
        ("It happened on February 30.", DiagnosticKind::ImpossibleDate),
        ("Dated 31/04/2009.", DiagnosticKind::ImpossibleDate),
        ("Dated 1/1/09.", DiagnosticKind::TwoDigitYear),
        ("Dated Jan. 5, '09.", DiagnosticKind::TwoDigitYear),
        ("The treaty runs until 2500.", DiagnosticKind::FarFuture),
        ("The treaty runs until March 3, 2990.", DiagnosticKind::FarFuture),
    ];
    for (text, kind) in cases {
        let f = find(text, Some(&a), None).unwrap();
        assert_eq!(f.timexes.len(), 1, "{text}");
        assert_eq!(f.timexes[0].value, None, "{text}");
        assert_eq!(f.diagnostics.len(), 1, "{text}");
        assert_eq!(f.diagnostics[0].kind, kind, "{text}");
        assert_eq!(f.diagnostics[0].span, f.timexes[0].span);
        assert!(f.diagnostics[0].to_string().starts_with("bytes "), "names the position");
    }
    // leap day exists in 2008 only
    assert_eq!(val("on February 29, 2008", "2009-03-18"), "2008-02-29");
}

#[test]
fn anchors_missing_or_coarse() {
    let f = find("It happened yesterday, in 2008.", None, None).unwrap();
    assert_eq!(f.timexes[0].value, None);
    assert_eq!(f.diagnostics[0].kind, DiagnosticKind::NoAnchor);
    assert_eq!(f.timexes[1].value.as_deref(), Some("2008"), "absolute dates need no anchor");
    let month = Anchor::parse("2009-03").unwrap();
    assert_eq!(month.precision, DatePrecision::Month);
    let f = find("It happened yesterday, not last year.", Some(&month), None).unwrap();
    assert_eq!(f.diagnostics[0].kind, DiagnosticKind::AnchorTooCoarse);
    assert_eq!(f.timexes[1].value.as_deref(), Some("2008"));
    assert!(Anchor::parse("20 Jan 2009").is_err());
    assert!(Anchor::parse("2009-02-30").is_err());
    assert_eq!(Anchor::parse("2009-01-20T14:03:00Z").unwrap().precision, DatePrecision::Day);
}

#[test]
fn explicit_tense_overrides_the_guess() {
    let a = "2009-01-21";
    assert_eq!(run("Monday", a, Some(Tense::Future))[0].1.as_deref(), Some("2009-01-26"));
    assert_eq!(run("Monday", a, Some(Tense::Past))[0].1.as_deref(), Some("2009-01-19"));
    assert_eq!(run("Monday", a, None)[0].1.as_deref(), Some("2009-01-19"), "news convention");
}

#[test]
fn spans_slice_the_input() {
    let text = "Ba’athist officials met on Monday, Jan. 19.\n\nOn 1 February 2009 — three weeks ago — \
                the army took over. Since the early 1980s, the group has lived in Iraq. Now it faces \
                expulsion within weeks.";
    let f = find(text, Some(&anchor("2009-02-22")), None).unwrap();
    assert!(f.timexes.len() >= 5, "{:?}", f.timexes);
    for t in &f.timexes {
        let s = t.span.slice(text).expect("on char boundaries");
        assert!(!s.trim().is_empty() && s.trim() == s, "{s:?}");
    }
    let surfaces: Vec<&str> = f.timexes.iter().map(|t| t.span.slice(text).unwrap()).collect();
    assert!(surfaces.contains(&"Monday, Jan. 19") || surfaces.contains(&"Monday"), "{surfaces:?}");
    assert!(surfaces.contains(&"1 February 2009"), "{surfaces:?}");
    assert!(surfaces.contains(&"the early 1980s"), "{surfaces:?}");
}

#[test]
fn timexes_become_time_mentions() {
    let text = "Talks collapsed last week.";
    let t = first(text, "2009-03-18");
    let m = t.to_mention(text);
    assert_eq!(
        (m.kind, m.text.as_str(), m.resolution.as_deref()),
        (model::MentionKind::Time, "last week", Some("2009-W11"))
    );
}

#[test]
fn no_expression_crosses_a_line_break() {
    let f = find("It ended in January\n2009 was calm.", Some(&anchor("2009-03-18")), None).unwrap();
    assert!(f.timexes.iter().all(|t| !t
        .span
        .slice("It ended in January\n2009 was calm.")
        .unwrap()
        .contains('\n')));
}

#[test]
fn huge_and_hostile_inputs() {
    let a = anchor("2009-03-18");
    // 1 MB of news-like text with dates: linear time, no panic
    let para =
        "On Monday, police said that on January 1, 2009 and again two days ago, in the early \
                1980s and in mid-February, 31/02/2009 and 1/1/09, militants attacked. ";
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(para);
    }
    let t0 = std::time::Instant::now();
    let f = find(&big, Some(&a), None).unwrap();
    let took = t0.elapsed();
    assert!(f.timexes.len() > 10_000);
    assert!(took.as_secs() < 20, "1 MB took {took:?}");
    // one long line without spaces, digits and punctuation soup
    let soup: String = (0..200_000).map(|i| ["1", "/", "-", ":", "9", "'", "s"][i % 7]).collect();
    let _ = find(&soup, Some(&a), None).unwrap();
    let words: String = "May March the end of early mid- last next every ".repeat(20_000);
    let _ = find(&words, Some(&a), None).unwrap();
    // over the limit: a typed error, not a panic
    let cfg = Config { max_input_bytes: 1000, ..Config::default() };
    let err = find_with(&cfg, &big, Some(&a), None).unwrap_err();
    assert!(matches!(err, TimexError::InputTooLarge { limit: 1000, .. }));
    // absurd numbers
    let _ =
        find("999999999 years ago, 4294967295 days ago, the 99th century", Some(&a), None).unwrap();
    let f = find("It was 9999 days ago.", Some(&a), None).unwrap();
    assert_eq!(f.timexes[0].value.as_deref(), Some("1981-11-01"));
}

#[test]
fn event_time_from_the_attached_expression() {
    let a = anchor("2009-01-20");
    let text = "Iraqi forces took over the camp on January 1, 2009. Later, officials met.";
    let f = find(text, Some(&a), None).unwrap();
    let took = Span::new(13, 17);
    assert_eq!(took.slice(text), Some("took"));
    let et = resolve_event_time(text, took, &f.timexes, Some(&a));
    assert_eq!(et.basis, TimeBasis::Text);
    assert_eq!((et.start.as_deref(), et.end.as_deref()), (Some("2009-01-01"), Some("2009-01-01")));
    assert_eq!(et.precision, DatePrecision::Day);
    assert_eq!(et.span.and_then(|s| s.slice(text)), Some("January 1, 2009"));
    // "met" is in the next sentence: publication fallback, flagged
    let met = Span::new(text.find("met").unwrap(), text.find("met").unwrap() + 3);
    let et = resolve_event_time(text, met, &f.timexes, Some(&a));
    assert_eq!(et.basis, TimeBasis::PublicationFallback);
    assert_eq!(et.start.as_deref(), Some("2009-01-20"));
    assert_eq!(et.span, None);
    // periods keep their precision; vague ones stay undetermined
    let text = "The group settled in Iraq in the early 1980s.";
    let f = find(text, Some(&a), None).unwrap();
    let et = event_time(f.timexes.first(), Some(&a));
    assert_eq!(
        (et.start.as_deref(), et.end.as_deref(), et.precision),
        (Some("1980-01-01"), Some("1983-12-31"), DatePrecision::Decade)
    );
    let text = "Many fled in the last days of the war.";
    let f = find(text, Some(&a), None).unwrap();
    let et = event_time(f.timexes.first(), Some(&a));
    assert_eq!(
        (et.start, et.end, et.precision, et.basis),
        (None, None, DatePrecision::Unknown, TimeBasis::Text)
    );
    let text = "They attempted an invasion in the last days of the war in 1988.";
    let f = find(text, Some(&a), None).unwrap();
    let trig = Span::new(text.find("invasion").unwrap(), text.find("invasion").unwrap() + 8);
    let et = resolve_event_time(text, trig, &f.timexes, Some(&a));
    assert_eq!((et.start.as_deref(), et.precision), (Some("1988-01-01"), DatePrecision::Year));
    let text = "Iraqi forces recently entered the camp.";
    let f = find(text, Some(&a), None).unwrap();
    let et = event_time(f.timexes.first(), Some(&a));
    assert_eq!(
        (et.start, et.end.as_deref(), et.precision),
        (None, Some("2009-01-20"), DatePrecision::Unknown)
    );
    // a month-precise publication date falls back at month precision
    let m = Anchor::parse("2009-01").unwrap();
    let et = event_time(None, Some(&m));
    assert_eq!(
        (et.start.as_deref(), et.precision, et.basis),
        (Some("2009-01"), DatePrecision::Month, TimeBasis::PublicationFallback)
    );
    let et = event_time(None, None);
    assert_eq!((et.start, et.precision), (None, DatePrecision::Unknown));
}

#[test]
fn holidays_half_years_and_military_time() {
    let a = "2012-11-22";
    for (text, v) in [
        ("They spent Easter 2009 in Rome.", "2009-04-12"),
        ("Shops closed on Good Friday 2009.", "2009-04-10"),
        ("He arrived on Thanksgiving 2012.", "2012-11-22"),
        ("The market fell after Memorial Day 2012.", "2012-05-28"),
        ("They met on Labor Day 2012.", "2012-09-03"),
        ("Families will be home for Christmas.", "2012-12-25"),
        ("The attack came on Christmas Eve.", "2011-12-24"),
        ("He spoke on New Year's Eve.", "2011-12-31"),
        ("Growth slowed in the first half of 2014.", "2014-H1"),
        ("Growth will slow in the second half of the year.", "2012-H2"),
        ("The truce took hold at 2100 local time.", "2012-11-22T21:00"),
        ("Rockets were fired as late as 1900 GMT.", "2012-11-22T19:00"),
    ] {
        assert_eq!(val(text, a), v, "{text}");
    }
    assert_eq!(value_interval("2014-H2").map(|iv| iv.start), Some(day("2014-07-01")));
    let f = find("The previous day, a strike killed 12 people.", Some(&anchor(a)), None).unwrap();
    assert_eq!((f.timexes.len(), f.timexes[0].value.as_ref()), (1, None), "no reference time");
    // with a reference time earlier in the paragraph, counted from it (not from the anchor)
    let text = "Police raided the camp on Nov. 6, 2012. The previous day, a strike killed 12 people. \
                In 2008 a truce held; the following year it collapsed, and the next day nobody knew.";
    let got = run(text, a, None);
    assert_eq!(got[1], ("The previous day".into(), Some("2012-11-05".into())));
    assert_eq!(got[3], ("the following year".into(), Some("2009".into())));
    assert_eq!(got[4], ("the next day".into(), None), "a year is no day-level reference");
}

/// A small deterministic generator (no dependency): same seed, same inputs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

#[test]
fn random_inputs_keep_the_contract() {
    const VOCAB: &[&str] = &[
        "January",
        "Jan",
        ".",
        ",",
        "May",
        "March",
        "the",
        "early",
        "mid",
        "-",
        "late",
        "end",
        "of",
        "last",
        "next",
        "this",
        "week",
        "year",
        "years",
        "ago",
        "days",
        "Monday",
        "Sunday",
        "night",
        "1980",
        "s",
        "'",
        "’",
        "80",
        "1",
        "31",
        "29",
        "2",
        "02",
        "2009",
        "/",
        ":",
        "00",
        "15",
        "GMT",
        "p",
        "m",
        "a",
        "in",
        "on",
        "earlier",
        "will",
        "said",
        "was",
        "é",
        "Ба",
        "日本",
        "\n",
        " ",
        "quarter",
        "first",
        "half",
        "Christmas",
        "Eve",
        "previous",
        "day",
        "every",
        "twice",
        "times",
        "now",
        "recently",
        "the past",
        "9999",
        "0000",
        "century",
        "20th",
        "fiscal",
        "T",
        "Z",
        "–",
    ];
    let mut rng = Lcg(7);
    for case in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(VOCAB));
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let y = 1 + (rng.next() % 9000) as i32;
        let a = Anchor::day(y, 1 + (rng.next() % 12) as u32, 1 + (rng.next() % 28) as u32).unwrap();
        let tense = [None, Some(Tense::Past), Some(Tense::Future), Some(Tense::Present)][case % 4];
        let f = find(&text, Some(&a), tense).unwrap();
        let mut last_end = 0;
        for t in &f.timexes {
            let s = t.span.slice(&text).unwrap_or_else(|| panic!("bad span in {text:?}"));
            assert!(!s.is_empty() && t.span.start >= last_end, "{text:?}");
            last_end = t.span.end;
            if let Some(iv) = t.interval {
                assert!(iv.start <= iv.end, "{text:?}");
            }
        }
        for d in &f.diagnostics {
            assert!(d.span.slice(&text).is_some());
        }
    }
    assert!(find("today", Some(&Anchor::day(9500, 1, 1).unwrap()), None).is_err());
}

#[test]
fn hundreds_of_a_running_century_are_its_first_decade() {
    // Said in 2026, "the 2000s" is 2000–2009; "the 1900s" is the century.
    assert_eq!(val("Fighters attacked the town in the early 2000s.", "2026-03-09"), "200");
    assert_eq!(val("The region was quiet throughout the 2000s.", "2026-03-09"), "200");
    assert_eq!(val("The dam was built in the 1900s.", "2026-03-09"), "19");
    // A report from 1998 on "the 1900s" means the century, then near its end.
    assert_eq!(val("The city grew through the 1900s.", "1998-05-01"), "19");
}
