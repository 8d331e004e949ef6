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
            if matches!(time.precision, DatePrecision::Decade | DatePrecision::Century) {
                let start = time.start.as_deref().and_then(days);
                if start.is_some_and(|s| s < p) {
                    return (true, time.span);
                }
            }
        }
    }
    let pub_year = published.and_then(|p| p.get(..4)).and_then(|y| y.parse::<i32>().ok());
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
    let perfect = aux.iter().any(|a| matches!(a.as_str(), "has" | "have" | "had"));
    if perfect
        && passive
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
    // Past perfect with a duration: "had warned for years".
    if aux.iter().any(|a| a == "had")
        && tree.children(t).any(|c| {
            tree.rel(c) == "obl" && matches!(tree.lemma(c).as_str(), "year" | "decade" | "month")
        })
    {
        return (true, Some(tree.tok(t).span));
    }
    (false, None)
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
    }
}
