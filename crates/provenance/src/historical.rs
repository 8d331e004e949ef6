//! The historical flag: is this event background rather than news of the story's days?
//!
//! True when the event's own date (from the text, not the publication fallback) ends well
//! before the publication date, or when the syntax marks it as background: "since 1984",
//! "from 2003 to 2017",
//! "the anniversary of …", "under the … regime", "former", present perfect of long duration
//! ("has repeatedly urged", "has been blacklisted by …"), past perfect with a duration.

use crate::tree::Tree;
use model::days::iso_days as days;
use model::{DatePrecision, EventTime, Span, TimeBasis};

/// Events that ended more than this many days before publication are background.
pub const NEWS_WINDOW_DAYS: i64 = 180;

pub fn of(
    tree: &Tree,
    t: usize,
    time: Option<&EventTime>,
    published: Option<&str>,
) -> (bool, Option<Span>) {
    let pub_days = published.and_then(days);
    if let (Some(time), Some(p)) = (time, pub_days) {
        if time.basis == TimeBasis::Text {
            let end = time.end.as_deref().or(time.start.as_deref()).and_then(days);
            if let Some(e) = end {
                if p - e > NEWS_WINDOW_DAYS {
                    return (true, time.span);
                }
            }
            // "fought a six-week war in 2020" in a story of February 2021: a deed the report
            // dates only by a bare past year, not by its day, week or month, is background.
            let bare_year = time.precision == DatePrecision::Year
                && time.span.is_some_and(|sp| is_past_year(tree.slice(sp), published));
            if bare_year {
                return (true, time.span);
            }
            // "had agreed last year", "in May last year", "late last year", "who met Putin
            // last October" (in February): a deed the text puts in the previous calendar year
            // is background whatever its age in days; "last month" and a "last December" a few
            // weeks old stay the story's own news.
            let start = time.start.as_deref();
            let past_year = start
                .and_then(|s| s.get(..4))
                .zip(published.and_then(|p| p.get(..4)))
                .is_some_and(|(y, py)| y < py);
            if past_year {
                if let Some(sp) = time.span {
                    let words = tree.slice(sp).to_lowercase();
                    let last_year = words.contains("last year") || words.contains("previous year");
                    let last_month_name =
                        words.split_whitespace().collect::<Vec<_>>().windows(2).any(|w| {
                            w[0] == "last"
                                && model::days::month(w[1].trim_end_matches('.')).is_some()
                        }) && start.and_then(days).is_some_and(|s| p - s > 60);
                    // "have attacked dozens of ships since November" (in January): a span
                    // from a point of a past calendar year, like "since 2017".
                    let since = words.starts_with("since ")
                        || (1..tree.len()).any(|i| {
                            tree.tok(i).span.start == sp.start && tree.form_lower(i - 1) == "since"
                        });
                    if last_year || last_month_name || since {
                        return (true, time.span);
                    }
                }
            }
            if matches!(time.precision, DatePrecision::Decade | DatePrecision::Century) {
                let start = time.start.as_deref().and_then(days);
                if start.is_some_and(|s| s < p) {
                    return (true, time.span);
                }
            }
        }
    }
    let pub_year = published.and_then(|p| p.get(..4)).and_then(|y| y.parse::<i32>().ok());
    // "intervened in Yemen's war in March 2015 *after* the Houthis *ousted* the government":
    // a deed in an adverbial clause of time of a deed dated in a past year is as old.
    if tree.rel(t) == "advcl"
        && tree.children(t).any(|m| {
            tree.rel(m) == "mark"
                && matches!(tree.form_lower(m).as_str(), "after" | "before" | "when" | "as")
        })
    {
        if let Some(g) = tree.head(t) {
            let year = tree.children(g).filter(|&c| tree.rel(c) == "obl").find_map(|c| {
                std::iter::once(c)
                    .chain(tree.children(c))
                    .find(|&n| is_past_year(&tree.tok(n).form, published))
            });
            if let Some(y) = year {
                return (true, Some(tree.tok(y).span));
            }
        }
    }
    let mut path = vec![t];
    path.extend(tree.ancestors(t).into_iter().take(3));
    // "the massacre of Iraqis under the … regime": modifiers of the trigger's arguments too.
    path.extend(tree.children(t).filter(|&c| matches!(tree.rel(c), "nmod" | "obl")));
    for &a in &path {
        for c in tree.children(a) {
            let rel = tree.rel(c);
            let f = tree.form_lower(c);
            // "since 1984", "from 2003 to 2017", "between 2018 and 2021" (a year before
            // publication)
            if rel == "obl"
                && tree.children(c).any(|m| {
                    tree.rel(m) == "case"
                        && matches!(tree.form_lower(m).as_str(), "since" | "from" | "between")
                })
            {
                if let (Ok(y), Some(py)) = (tree.tok(c).form.parse::<i32>(), pub_year) {
                    if y < py {
                        return (true, Some(tree.tok(c).span));
                    }
                }
            }
            // "under the Ba'athist regime", "during the 1980s war"
            if matches!(rel, "obl" | "nmod")
                && tree.children(c).any(|m| tree.rel(m) == "case" && tree.form_lower(m) == "under")
                && matches!(
                    tree.lemma(c).as_str(),
                    "regime" | "rule" | "dictatorship" | "government" | "occupation" | "reign"
                )
            {
                return (true, Some(tree.tok(c).span));
            }
            if matches!(rel, "advmod")
                && matches!(
                    f.as_str(),
                    "repeatedly"
                        | "previously"
                        | "formerly"
                        | "long"
                        | "once"
                        | "historically"
                        | "traditionally"
                )
                && has_perfect_or_past(tree, a)
            {
                return (true, Some(tree.tok(c).span));
            }
        }
        if tree.lemma(a) == "anniversary" && a != t {
            return (true, Some(tree.tok(a).span));
        }
    }
    // Perfect passive with an agent: "has been blacklisted … by many countries".
    let aux: Vec<String> = tree
        .children(t)
        .filter(|&c| matches!(tree.rel(c), "aux"))
        .map(|c| tree.form_lower(c))
        .collect();
    let passive = tree.children(t).any(|c| tree.full_rel(c) == "aux:pass");
    // Present perfect only: "had been started deliberately by some residents" in reported
    // speech is the story's own deed.
    let perfect = aux.iter().any(|a| matches!(a.as_str(), "has" | "have"));
    // (Not a negated one: "has not been recognised by any country" is a state of the present.)
    if perfect
        && passive
        && crate::modality::negation(tree, t).is_none()
        && tree.children(t).any(|c| {
            tree.full_rel(c) == "obl:agent"
                || (tree.rel(c) == "obl" && tree.children(c).any(|m| tree.form_lower(m) == "by"))
        })
    {
        return (true, Some(tree.tok(t).span));
    }
    // "was also involved in the massacre": background involvement.
    for &a in &path {
        if matches!(tree.lemma(a).as_str(), "involve" | "involved" | "responsible" | "implicate")
            && tree.children(a).any(|c| tree.form_lower(c) == "also")
        {
            return (true, Some(tree.tok(a).span));
        }
    }
    // A perfect with a duration: "had warned for years", "has been fighting insurgents for
    // years" (not "had killed 1,500 people in the first three months of the year", nor
    // "had recaptured the town last week after two years of insurgent control").
    // The parser may hang the duration on the object ("fighting insurgents … for years").
    let objects: Vec<usize> = tree.children(t).filter(|&c| tree.rel(c) == "obj").collect();
    let duration_site = |c: usize| {
        tree.rel(c) == "obl"
            || (tree.rel(c) == "nmod" && tree.head(c).is_some_and(|h| objects.contains(&h)))
    };
    if aux.iter().any(|a| matches!(a.as_str(), "has" | "have" | "had"))
        && tree.children(t).chain(objects.iter().flat_map(|&o| tree.children(o))).any(|c| {
            duration_site(c)
                && matches!(tree.lemma(c).as_str(), "year" | "decade" | "month")
                && tree.children(c).any(|m| {
                    tree.rel(m) == "case" && matches!(tree.form_lower(m).as_str(), "for" | "over")
                })
        })
    {
        return (true, Some(tree.tok(t).span));
    }
    (false, None)
}

/// Whether `word` is a year (four digits, after 1800) before the publication year.
fn is_past_year(word: &str, published: Option<&str>) -> bool {
    let pub_year = published.and_then(|p| p.get(..4)).and_then(|y| y.parse::<i32>().ok());
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<i32>().is_ok_and(|y| y > 1800 && pub_year.is_some_and(|p| y < p))
}

fn has_perfect_or_past(tree: &Tree, v: usize) -> bool {
    tree.children(v).any(|c| tree.rel(c) == "aux" && matches!(tree.lemma(c).as_str(), "have"))
        || tree.tok(v).xpos == "VBD"
        || tree.tok(v).feats.contains("Tense=Past")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::test_util::sentence;

    #[test]
    fn a_deed_of_last_year_is_background_whatever_its_age() {
        // "Rebels seized the town <when>", published on `published`, dated `start` by `when`.
        let judge = |when: &str, start: &str, precision: DatePrecision, published: &str| {
            let words: Vec<&str> = when.split(' ').collect();
            let mut spec = "Rebels/rebel/NOUN/2/nsubj seized/seize/VERB/0/root the/the/DET/4/det town/town/NOUN/2/obj".to_string();
            for (i, w) in words.iter().enumerate() {
                let rel = if i + 1 == words.len() { "2/obl:tmod" } else { "0/amod" };
                let rel = rel.replace('0', &(4 + words.len()).to_string());
                spec.push_str(&format!(" {w}/{}/X/{rel}", w.to_lowercase()));
            }
            let (text, s) = sentence(&spec);
            let tree = Tree::new(&s, &text);
            let at = text.find(when).unwrap();
            let time = EventTime {
                start: Some(start.into()),
                end: Some(start.into()),
                precision,
                basis: TimeBasis::Text,
                span: Some(Span::new(at, at + when.len())),
            };
            of(&tree, 1, Some(&time), Some(published)).0
        };
        // "late last year" 70 days before, "in May last year", "last October" four months back.
        assert!(judge("late last year", "2025", DatePrecision::Year, "2026-03-10"));
        assert!(judge("in May last year", "2025-05", DatePrecision::Month, "2026-01-10"));
        assert!(judge("last October", "2025-10", DatePrecision::Month, "2026-02-20"));
        // The story's own news: "last month", a "last December" three weeks old, this year.
        assert!(!judge("last month", "2025-12", DatePrecision::Month, "2026-01-20"));
        assert!(!judge("last December", "2025-12", DatePrecision::Month, "2026-01-20"));
        assert!(!judge("last week", "2026-W02", DatePrecision::Week, "2026-01-20"));
        assert!(!judge("in March", "2026-03", DatePrecision::Month, "2026-05-02"));
        // A span from a point of the past year: "since November" in January, as "since 2017".
        assert!(judge("since November", "2025-11", DatePrecision::Month, "2026-01-12"));
        assert!(judge("since last August", "2025-08", DatePrecision::Month, "2026-03-01"));
        // … and from this year's, the story's own news.
        assert!(!judge("since March", "2026-03", DatePrecision::Month, "2026-05-02"));
    }

    #[test]
    fn dated_background_and_recent_news() {
        let (text, s) = sentence("They/they/PRON/2/nsubj attacked/attack/VERB/0/root");
        let tree = Tree::new(&s, &text);
        let old = EventTime {
            start: Some("1988".into()),
            end: Some("1988-12-31".into()),
            precision: DatePrecision::Year,
            basis: TimeBasis::Text,
            span: None,
        };
        assert!(of(&tree, 1, Some(&old), Some("2009-01-20")).0);
        let recent = EventTime {
            start: Some("2009-01-01".into()),
            end: Some("2009-01-01".into()),
            precision: DatePrecision::Day,
            basis: TimeBasis::Text,
            span: None,
        };
        assert!(!of(&tree, 1, Some(&recent), Some("2009-01-20")).0);
        let fallback = EventTime { basis: TimeBasis::PublicationFallback, ..old };
        assert!(
            !of(&tree, 1, Some(&fallback), Some("2009-01-20")).0,
            "a fallback date says nothing"
        );
    }

    #[test]
    fn syntactic_background() {
        let (text, s) = sentence("The/the/DET/2/det PKK/PKK/PROPN/3/nsubj fought/fight/VERB/0/root since/since/ADP/5/case 1984/1984/NUM/3/obl");
        let tree = Tree::new(&s, &text);
        assert!(of(&tree, 2, None, Some("2020-06-03")).0);
        let (text, s) = sentence("It/it/PRON/4/nsubj:pass has/have/AUX/4/aux been/be/AUX/4/aux:pass blacklisted/blacklist/VERB/0/root by/by/ADP/6/case many/many/ADJ/4/obl");
        let tree = Tree::new(&s, &text);
        assert!(of(&tree, 3, None, Some("2009-01-20")).0);
        // A negated one is a state of the present: it has not been recognised by any country.
        let (text, s) = sentence("It/it/PRON/5/nsubj:pass has/have/AUX/5/aux not/not/PART/5/advmod been/be/AUX/5/aux:pass recognised/recognise/VERB/0/root by/by/ADP/8/case any/any/DET/8/det country/country/NOUN/5/obl");
        let tree = Tree::new(&s, &text);
        assert!(!of(&tree, 4, None, Some("2024-10-12")).0);
    }

    #[test]
    fn a_past_perfect_passive_of_the_story_is_news() {
        let (text, s) = sentence("The/the/DET/2/det fire/fire/NOUN/5/nsubj:pass had/have/AUX/5/aux been/be/AUX/5/aux:pass started/start/VERB/0/root by/by/ADP/7/case residents/resident/NOUN/5/obl");
        let tree = Tree::new(&s, &text);
        assert!(!of(&tree, 4, None, Some("2020-09-09")).0);
    }

    #[test]
    fn a_duration_is_for_or_over_years() {
        let (text, s) = sentence("Niger/Niger/PROPN/4/nsubj has/have/AUX/4/aux been/be/AUX/4/aux fighting/fight/VERB/0/root rebels/rebel/NOUN/4/obj for/for/ADP/7/case years/year/NOUN/4/obl");
        let tree = Tree::new(&s, &text);
        assert!(of(&tree, 3, None, Some("2022-05-10")).0);
        // The same with the duration hung on the object.
        let (text, s) = sentence("Niger/Niger/PROPN/4/nsubj has/have/AUX/4/aux been/be/AUX/4/aux fighting/fight/VERB/0/root rebels/rebel/NOUN/4/obj for/for/ADP/7/case years/year/NOUN/5/nmod");
        let tree = Tree::new(&s, &text);
        assert!(of(&tree, 3, None, Some("2022-05-10")).0);
        let (text, s) = sentence("Gangs/gang/NOUN/3/nsubj had/have/AUX/3/aux killed/kill/VERB/0/root 1,500/1,500/NUM/5/nummod people/people/NOUN/3/obj in/in/ADP/9/case the/the/DET/9/det first/first/ADJ/9/amod months/month/NOUN/3/obl");
        let tree = Tree::new(&s, &text);
        assert!(!of(&tree, 2, None, Some("2023-03-30")).0);
    }

    #[test]
    fn a_deed_after_which_a_dated_deed_followed_is_as_old() {
        let (text, s) = sentence("The/the/DET/2/det coalition/coalition/NOUN/3/nsubj intervened/intervene/VERB/0/root in/in/ADP/5/case March/March/PROPN/3/obl 2015/2015/NUM/5/nummod after/after/SCONJ/9/mark rebels/rebel/NOUN/9/nsubj ousted/oust/VERB/3/advcl the/the/DET/11/det government/government/NOUN/9/obj");
        let tree = Tree::new(&s, &text);
        assert!(of(&tree, 8, None, Some("2023-10-07")).0);
        assert!(!of(&tree, 8, None, Some("2015-03-30")).0);
    }

    #[test]
    fn a_bare_past_year_is_background() {
        let (text, s) = sentence(
            "They/they/PRON/2/nsubj fought/fight/VERB/0/root in/in/ADP/4/case 2020/2020/NUM/2/obl",
        );
        let tree = Tree::new(&s, &text);
        let start = text.find("2020").unwrap();
        let year = EventTime {
            start: Some("2020".into()),
            end: Some("2020-12-31".into()),
            precision: DatePrecision::Year,
            basis: TimeBasis::Text,
            span: Some(Span::new(start, start + 4)),
        };
        assert!(of(&tree, 1, Some(&year), Some("2021-02-18")).0);
        // "last year" is no bare year, but a deed the text puts last year is background all
        // the same (the gold README's `historical` convention, session 12).
        let (text, s) = sentence("They/they/PRON/2/nsubj fought/fight/VERB/0/root last/last/ADJ/4/amod year/year/NOUN/2/obl:tmod");
        let tree = Tree::new(&s, &text);
        let start = text.find("last").unwrap();
        let last = EventTime { span: Some(Span::new(start, start + 9)), ..year };
        assert!(of(&tree, 1, Some(&last), Some("2021-02-18")).0);
    }
}
