//! Scores predicted provenance against the gold set, field by field.
//!
//! A gold event is matched by the predicted event whose trigger span overlaps the gold trigger
//! in the article text (found again there as the n-th occurrence of the trigger word). Field
//! accuracies are over matched events; `coverage` says how many gold events were matched at all.

use crate::gold::{find_trigger_from, GoldArticle};
use model::{AttributionRole, DatePrecision, Denial, Event, Quote, Span, TimeBasis};
use std::fmt::Write as _;

/// What the pipeline produced for one gold article.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    /// The article text the spans point into.
    pub text: String,
    pub outlet: Option<String>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub denials: Vec<Denial>,
}

/// Counts per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub gold_events: usize,
    pub matched: usize,
    pub modality_right: usize,
    pub hist_tp: usize,
    pub hist_fp: usize,
    pub hist_fn: usize,
    pub chain_right: usize,
    pub date_right: usize,
    pub place_right: usize,
    /// Precision agreement over matched events whose gold gives a place (beside
    /// `place_right`, which compares name and country only): see [`PlaceLevel`].
    pub place_levels: PlaceLevels,
    pub gold_quotes: usize,
    pub quote_found: usize,
    pub speaker_right: usize,
    pub gold_denials: usize,
    /// Predicted denials and counter-claims, and how many of them match a gold one.
    pub predicted_denials: usize,
    pub denial_matched: usize,
    pub denier_right: usize,
    /// Gold denials whose contested claims are exactly right, among the annotated events the
    /// pipeline coded.
    pub denial_link_right: usize,
    /// One line per wrong field, for development only (never read on the held-out part).
    pub errors: Vec<String>,
}

/// How a predicted place's precision (place < city < province < country) stands to the gold
/// one's, for a gold event with a known place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceLevel {
    /// The right place at the gold's level.
    Exact,
    /// The right place named at a coarser level ("Jenin" the town for the Jenin camp), or a
    /// coarser place of the gold's country ("Iraq" for "Camp Ashraf"): right, less precise.
    /// (The scorer has no gazetteer: a coarser place of the same country is not checked to
    /// hold the gold place.)
    Coarser,
    /// The right place at a finer level, or a finer place of the gold's country.
    Finer,
    /// No place, another country, or another place of the same level.
    Wrong,
}

/// Counts of [`PlaceLevel`] over matched events with a gold place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceLevels {
    pub exact: usize,
    pub coarser: usize,
    pub finer: usize,
    pub wrong: usize,
}

impl PlaceLevels {
    pub fn total(&self) -> usize {
        self.exact + self.coarser + self.finer + self.wrong
    }
    fn add(&mut self, l: PlaceLevel) {
        match l {
            PlaceLevel::Exact => self.exact += 1,
            PlaceLevel::Coarser => self.coarser += 1,
            PlaceLevel::Finer => self.finer += 1,
            PlaceLevel::Wrong => self.wrong += 1,
        }
    }
}

/// The rank of a gold precision word or a predicted precision: place 0 … country 3.
fn gold_rank(p: &str) -> Option<u8> {
    match p {
        "place" => Some(0),
        "city" => Some(1),
        "province" => Some(2),
        "country" => Some(3),
        _ => None,
    }
}

fn predicted_rank(p: model::GeoPrecision) -> Option<u8> {
    match p {
        model::GeoPrecision::Place => Some(0),
        model::GeoPrecision::City => Some(1),
        model::GeoPrecision::Province => Some(2),
        model::GeoPrecision::Country => Some(3),
        model::GeoPrecision::Unknown => None,
    }
}

/// The precision agreement of a predicted location with a gold place `(name, cc, precision)`;
/// `right` is whether the name and country agree (the `place` figure's test).
pub fn place_level(
    pred: Option<&model::Location>,
    gold: &(String, String, String),
    right: bool,
) -> PlaceLevel {
    let Some(l) = pred else { return PlaceLevel::Wrong };
    let (Some(p), Some(g)) = (predicted_rank(l.precision), gold_rank(&gold.2)) else {
        return PlaceLevel::Wrong;
    };
    let same_country = l.country.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&gold.1));
    match p.cmp(&g) {
        std::cmp::Ordering::Equal if right => PlaceLevel::Exact,
        std::cmp::Ordering::Greater if right || same_country => PlaceLevel::Coarser,
        std::cmp::Ordering::Less if right || same_country => PlaceLevel::Finer,
        _ => PlaceLevel::Wrong,
    }
}

impl Report {
    pub fn coverage(&self) -> f64 {
        ratio(self.matched, self.gold_events)
    }
    pub fn modality_accuracy(&self) -> f64 {
        ratio(self.modality_right, self.matched)
    }
    pub fn historical_f1(&self) -> f64 {
        let p = ratio(self.hist_tp, self.hist_tp + self.hist_fp);
        let r = ratio(self.hist_tp, self.hist_tp + self.hist_fn);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn chain_accuracy(&self) -> f64 {
        ratio(self.chain_right, self.matched)
    }
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.date_right, self.matched)
    }
    pub fn place_accuracy(&self) -> f64 {
        ratio(self.place_right, self.matched)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.gold_quotes)
    }
    /// Gold denials found (a predicted cue on the gold cue).
    pub fn denial_recall(&self) -> f64 {
        ratio(self.denial_matched, self.gold_denials)
    }
    /// Predicted denials that are gold ones.
    pub fn denial_precision(&self) -> f64 {
        ratio(self.denial_matched, self.predicted_denials)
    }
    /// Gold denials found and linked to exactly the claims they contest.
    pub fn denial_link_accuracy(&self) -> f64 {
        ratio(self.denial_link_right, self.gold_denials)
    }

    pub fn summary(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "events matched     {:>3}/{:<3} coverage {:.3}",
            self.matched,
            self.gold_events,
            self.coverage()
        );
        let _ = writeln!(s, "modality accuracy  {:.3}", self.modality_accuracy());
        let _ = writeln!(
            s,
            "historical F1      {:.3}  (tp {} fp {} fn {})",
            self.historical_f1(),
            self.hist_tp,
            self.hist_fp,
            self.hist_fn
        );
        let _ = writeln!(s, "chain exact        {:.3}", self.chain_accuracy());
        let _ = writeln!(s, "event date         {:.3}", self.date_accuracy());
        let _ = writeln!(s, "event location     {:.3}", self.place_accuracy());
        let l = &self.place_levels;
        let n = l.total();
        let _ = writeln!(
            s,
            "place precision    exact {:.3} coarser {:.3} finer {:.3} wrong {:.3}  ({n} gold places)",
            ratio(l.exact, n),
            ratio(l.coarser, n),
            ratio(l.finer, n),
            ratio(l.wrong, n)
        );
        let _ = writeln!(
            s,
            "quote speaker      {:.3}  ({} of {} quotes found)",
            self.speaker_accuracy(),
            self.quote_found,
            self.gold_quotes
        );
        let _ = writeln!(
            s,
            "denials            recall {:.3} precision {:.3} denier {:.3} linked {:.3}  ({} gold, {} predicted)",
            self.denial_recall(),
            self.denial_precision(),
            ratio(self.denier_right, self.gold_denials),
            self.denial_link_accuracy(),
            self.gold_denials,
            self.predicted_denials
        );
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Normalised for lenient comparison: lower case, letters and digits only, no leading article.
pub fn norm(s: &str) -> String {
    let lower = s.to_lowercase().replace(['’', '\''], "");
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let words = match words.first() {
        Some(&("the" | "a" | "an")) => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// Two mentions name the same thing when one normalised form contains the other.
pub fn same_mention(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Latin letters without diacritics, for comparing place names ("Ḩalabja" ~ "Halabja").
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ā' | 'ã' | 'å' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'É' | 'È' | 'Ê' | 'Ē' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'ō' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'Ḩ' => 'H',
            'ḩ' => 'h',
            'ş' | 'š' => 's',
            'Ş' | 'Š' => 'S',
            'ţ' => 't',
            'ẖ' => 'h',
            'ḑ' => 'd',
            'ẕ' => 'z',
            other => other,
        })
        .collect()
}

/// The gold-format date string of a predicted event time.
pub fn date_string(ev: &Event) -> String {
    let Some(t) = &ev.time else { return "unknown".into() };
    if t.basis == TimeBasis::PublicationFallback {
        return "unknown".into();
    }
    let Some(start) = &t.start else { return "unknown".into() };
    match t.precision {
        DatePrecision::Second | DatePrecision::Minute | DatePrecision::Day => {
            start.get(..10).unwrap_or(start).into()
        }
        DatePrecision::Week => week_string(start),
        DatePrecision::Month => start.get(..7).unwrap_or(start).into(),
        DatePrecision::Year => start.get(..4).unwrap_or(start).into(),
        DatePrecision::Decade => format!("{}X", start.get(..3).unwrap_or(start)),
        DatePrecision::Century | DatePrecision::Unknown => "unknown".into(),
    }
}

fn week_string(start: &str) -> String {
    if start.contains("-W") {
        return start.get(..8).unwrap_or(start).to_string();
    }
    let Some(d) = model::days::iso_days(start) else { return "unknown".into() };
    // ISO week of the day: Thursday of the same week decides the year.
    let weekday = (d + 3).rem_euclid(7); // 0 = Monday
    let thursday = d - weekday + 3;
    let year = (1970..2200)
        .rev()
        .find(|y| model::days::iso_days(&format!("{y}-01-01")).is_some_and(|j| j <= thursday))
        .unwrap_or(1970);
    let jan1 = model::days::iso_days(&format!("{year}-01-01")).unwrap_or(0);
    let week = (thursday - jan1) / 7 + 1;
    format!("{year}-W{week:02}")
}

/// The span in the predicted text of the word found at `gold_span` in the gold text: the same
/// occurrence, counted from the start of the body.
fn in_predicted(
    gold: &GoldArticle,
    pred: &Predicted,
    written: &str,
    gold_span: Span,
) -> Option<Span> {
    let gold_body = gold.text.find("\n\n").map_or(0, |i| i + 2);
    let (word, _) = written.rsplit_once('#').unwrap_or((written, "1"));
    let nth = (1..200)
        .find(|n| {
            find_trigger_from(&gold.text, gold_body, &format!("{word}#{n}")) == Some(gold_span)
        })
        .unwrap_or(1);
    find_trigger_from(&pred.text, 0, &format!("{word}#{nth}"))
}

/// Scores one article into `report`.
pub fn score_article(gold: &GoldArticle, pred: &Predicted, report: &mut Report) {
    score_denials(gold, pred, report);
    for ge in &gold.events {
        report.gold_events += 1;
        // Find the same occurrence in the predicted text: count occurrences before it in gold.
        let Some(span) = in_predicted(gold, pred, &ge.trigger, ge.span) else {
            report
                .errors
                .push(format!("{}: trigger `{}` not in extracted text", gold.name, ge.trigger));
            continue;
        };
        let cands: Vec<&Event> = pred.events.iter().filter(|e| e.trigger.overlaps(span)).collect();
        let Some(ev) = cands.iter().find(|e| e.root == ge.root).or(cands.first()).copied() else {
            report.errors.push(format!("{}: no event at `{}`", gold.name, ge.trigger));
            continue;
        };
        report.matched += 1;
        let label = format!("{}: {}", gold.name, ge.trigger);
        let modality = format!("{:?}", ev.modality).to_lowercase();
        if modality == ge.modality {
            report.modality_right += 1;
        } else {
            report.errors.push(format!("{label}: modality {modality}, gold {}", ge.modality));
        }
        match (ev.historical, ge.historical) {
            (true, true) => report.hist_tp += 1,
            (true, false) => {
                report.hist_fp += 1;
                report.errors.push(format!("{label}: historical, gold not"));
            }
            (false, true) => {
                report.hist_fn += 1;
                report.errors.push(format!("{label}: not historical, gold is"));
            }
            _ => {}
        }
        let links: Vec<&str> = ev
            .attribution
            .chain
            .iter()
            .filter(|l| l.role != AttributionRole::Outlet)
            .map(|l| l.text.as_str())
            .collect();
        let outlet_ok = ev.attribution.chain.first().is_some_and(|l| {
            l.role == AttributionRole::Outlet && same_mention(&l.text, &gold.outlet)
        });
        let chain_ok = outlet_ok
            && links.len() == ge.chain.len()
            && links.iter().zip(&ge.chain).all(|(a, b)| same_mention(a, b));
        if chain_ok {
            report.chain_right += 1;
        } else {
            report.errors.push(format!(
                "{label}: chain {:?} (outlet ok: {outlet_ok}), gold {:?}",
                links, ge.chain
            ));
        }
        let date = date_string(ev);
        if date == ge.date {
            report.date_right += 1;
        } else {
            report.errors.push(format!("{label}: date {date}, gold {}", ge.date));
        }
        let place_ok = match (&ev.location, &ge.place) {
            (None, None) => true,
            (Some(l), None) => l.precision == model::GeoPrecision::Unknown,
            (Some(l), Some((name, cc, _))) => {
                // The gazetteer's name ("Diyālá") or the text's ("Diyala") may be given.
                let surface = l.span.and_then(|sp| sp.slice(&pred.text)).unwrap_or("");
                (same_mention(&fold(&l.name), &fold(name)) || same_mention(surface, name))
                    && l.country.as_deref().is_none_or(|c| c.eq_ignore_ascii_case(cc))
            }
            (None, Some(_)) => false,
        };
        if let Some(gp) = &ge.place {
            let level = place_level(ev.location.as_ref(), gp, place_ok);
            report.place_levels.add(level);
            if place_ok && level != PlaceLevel::Exact {
                report.errors.push(format!(
                    "{label}: place level {level:?}: {:?}, gold {}",
                    ev.location.as_ref().map(|l| l.precision),
                    gp.2
                ));
            }
        }
        if place_ok {
            report.place_right += 1;
        } else {
            report.errors.push(format!(
                "{label}: place {:?}, gold {:?}",
                ev.location.as_ref().map(|l| (&l.name, &l.country)),
                ge.place
            ));
        }
    }
    for gq in &gold.quotes {
        report.gold_quotes += 1;
        let opening = pred.text.find(&gq.opening);
        let Some(q) = opening.and_then(|o| {
            pred.quotes.iter().find(|q| q.span.start as usize <= o && o < q.span.end as usize)
        }) else {
            report.errors.push(format!("{}: quote `{}` not found", gold.name, gq.opening));
            continue;
        };
        report.quote_found += 1;
        match &q.speaker {
            Some(sp) if same_mention(&sp.text, &gq.speaker) => report.speaker_right += 1,
            other => report.errors.push(format!(
                "{}: quote `{}` speaker {:?}, gold {}",
                gold.name,
                gq.opening,
                other.as_ref().map(|s| &s.text),
                gq.speaker
            )),
        }
    }
}

fn score_denials(gold: &GoldArticle, pred: &Predicted, report: &mut Report) {
    report.gold_denials += gold.denials.len();
    report.predicted_denials += pred.denials.len();
    let gold_spans: Vec<Option<Span>> =
        gold.denials.iter().map(|gd| in_predicted(gold, pred, &gd.cue, gd.span)).collect();
    for d in &pred.denials {
        if !gold_spans.iter().flatten().any(|g| g.overlaps(d.cue)) {
            report.errors.push(format!("{}: denial `{}` not in gold", gold.name, d.text));
        }
    }
    // The annotated events' triggers in the predicted text.
    let events: Vec<(&str, Option<Span>)> = gold
        .events
        .iter()
        .map(|ge| (ge.trigger.as_str(), in_predicted(gold, pred, &ge.trigger, ge.span)))
        .collect();
    for (gd, span) in gold.denials.iter().zip(&gold_spans) {
        let label = format!("{}: denial `{}`", gold.name, gd.cue);
        let Some(d) = span.and_then(|g| pred.denials.iter().find(|d| d.cue.overlaps(g))) else {
            report.errors.push(format!("{label} not found"));
            continue;
        };
        report.denial_matched += 1;
        let denier = d.denier.as_ref().map_or("", |l| l.text.as_str());
        if (gd.denier.is_empty() && denier.is_empty()) || same_mention(denier, &gd.denier) {
            report.denier_right += 1;
        } else {
            report.errors.push(format!("{label}: denier `{denier}`, gold `{}`", gd.denier));
        }
        let mut linked: Vec<&str> = events
            .iter()
            .filter(|(_, sp)| sp.is_some_and(|sp| d.claims.iter().any(|c| c.overlaps(sp))))
            .map(|(t, _)| *t)
            .collect();
        // Over the annotated events the pipeline found: a claim it did not code cannot be linked
        // (that shortfall is event coverage, scored there).
        let found = |t: &str| {
            events.iter().any(|(et, sp)| {
                *et == t && sp.is_some_and(|sp| pred.events.iter().any(|e| e.trigger.overlaps(sp)))
            })
        };
        let mut want: Vec<&str> =
            gd.denies.iter().map(String::as_str).filter(|t| found(t)).collect();
        linked.sort_unstable();
        want.sort_unstable();
        if linked == want {
            report.denial_link_right += 1;
        } else {
            report.errors.push(format!("{label}: denies {linked:?}, gold {want:?}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_mentions() {
        assert!(same_mention("A Taliban spokesman, Zabihullah Mujahid", "Zabihullah Mujahid"));
        assert!(same_mention("the Fars news agency", "Fars news agency"));
        assert!(!same_mention("police", "witnesses"));
        assert!(!same_mention("", "x"));
    }

    #[test]
    fn place_levels_credit_a_right_but_coarser_place() {
        let loc = |name: &str, cc: &str, precision| model::Location {
            name: name.into(),
            gazetteer_id: None,
            admin1: None,
            country: Some(cc.into()),
            lat: None,
            lon: None,
            precision,
            span: None,
        };
        let gold = |n: &str, cc: &str, p: &str| (n.to_string(), cc.to_string(), p.to_string());
        use model::GeoPrecision as P;
        let ashraf = gold("Camp Ashraf", "IQ", "place");
        // "Iraq" for Camp Ashraf: wrong by name, right at a coarser level.
        assert_eq!(
            place_level(Some(&loc("Iraq", "IQ", P::Country)), &ashraf, false),
            PlaceLevel::Coarser
        );
        assert_eq!(
            place_level(Some(&loc("Camp Ashraf", "IQ", P::Place)), &ashraf, true),
            PlaceLevel::Exact
        );
        // The Jenin camp given as the town of Jenin: right by name, coarser.
        let camp = gold("Jenin", "PS", "place");
        assert_eq!(
            place_level(Some(&loc("Janīn", "PS", P::City)), &camp, true),
            PlaceLevel::Coarser
        );
        // A province's event placed at a town of the same country: finer.
        let diyala = gold("Diyala", "IQ", "province");
        assert_eq!(
            place_level(Some(&loc("Baqubah", "IQ", P::City)), &diyala, false),
            PlaceLevel::Finer
        );
        // Another country, another town of the same level, or nothing: wrong.
        assert_eq!(
            place_level(Some(&loc("Jenin", "PL", P::City)), &gold("Jenin", "PS", "city"), false),
            PlaceLevel::Wrong
        );
        assert_eq!(
            place_level(Some(&loc("Poland", "PL", P::Country)), &camp, false),
            PlaceLevel::Wrong
        );
        assert_eq!(
            place_level(Some(&loc("Tulkarm", "PS", P::City)), &gold("Jenin", "PS", "city"), false),
            PlaceLevel::Wrong
        );
        assert_eq!(place_level(None, &camp, false), PlaceLevel::Wrong);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(week_string("2022-09-26"), "2022-W39");
        assert_eq!(week_string("2021-01-03"), "2020-W53");
        assert_eq!(week_string("2023-05-08"), "2023-W19");
    }
}
