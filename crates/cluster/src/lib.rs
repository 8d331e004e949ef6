//! Reprints and event clusters.
//!
//! Two passes over what the store knows (no article text is needed, only [`Sketch`]es computed
//! at ingest and flat event fields):
//!
//! 1. **Documents.** Reprints — wire copies with a new headline or trailing junk — share most
//!    word shingles: MinHash with LSH banding finds candidate pairs, the estimated Jaccard
//!    confirms them, and each copy points at the earliest member of its group (its original).
//!    Reports of one story written independently share names, places and figures but few
//!    shingles: an IDF-weighted cosine over salient terms, within a few days, links them into
//!    document groups.
//! 2. **Events.** Events of one document group join when their code family and actors are
//!    compatible and their dates overlap; events of different groups join only on strong
//!    evidence (same base code, both actors compatible, overlapping dates, same country),
//!    found by blocking on (root code, day). When the event coder misses events, the document
//!    groups still carry the story: clustering degrades to document similarity.
//!
//! [`summarize`] turns one cluster into a [`model::EventCluster`]: each outlet's version (with
//! its attribution chain and modality), independent sources (copies of one wire story count
//! once), and per field whether the reports agree.

pub mod sketch;

use model::{EventCluster, FieldAgreement, OutletVersion};
use rustc_hash::FxHashMap;
pub use sketch::{jaccard, sketch, Sketch};

/// One document as clustering sees it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub outlet: Option<String>,
    /// Publication day (days since 1970-01-01), when known.
    pub day: Option<i32>,
    pub sketch: Sketch,
}

/// One event as clustering sees it.
#[derive(Debug, Clone, Default)]
pub struct Ev {
    /// Index of its document in the `docs` slice.
    pub doc: usize,
    pub code: String,
    pub root: String,
    pub base: String,
    pub quad_class: u8,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    /// Event day interval (days since 1970-01-01), from the text or the publication date.
    pub start: Option<i32>,
    pub end: Option<i32>,
    /// ISO country of the place, when known.
    pub country: Option<String>,
    pub place: Option<String>,
}

impl Ev {
    /// An event of document `doc`: its day interval from the text, else `published_day`.
    pub fn from_event(doc: usize, e: &model::Event, published_day: Option<i32>) -> Ev {
        let (start, end) = match &e.time {
            Some(t) if t.basis == model::TimeBasis::Text => {
                let s = t.start.as_deref().and_then(iso_day);
                (s, t.end.as_deref().and_then(iso_day).or(s))
            }
            _ => (published_day, published_day),
        };
        Ev {
            doc,
            code: e.code.clone(),
            root: e.root.clone(),
            base: e.base.clone(),
            quad_class: e.quad_class,
            sources: e.sources.iter().map(|a| a.code.clone()).collect(),
            targets: e.targets.iter().map(|a| a.code.clone()).collect(),
            start,
            end,
            country: e.location.as_ref().and_then(|l| l.country.clone()),
            place: e.location.as_ref().map(|l| l.name.clone()),
        }
    }
}

/// Thresholds.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Estimated shingle Jaccard at or above which two documents are copies of one story.
    pub reprint_jaccard: f64,
    /// Salient-term cosine at or above which two documents report the same story.
    pub doc_cosine: f64,
    /// Publication days apart that still count as the same news cycle.
    pub day_window: i32,
    /// Terms in more documents than this are ignored for linking (bounds time on big stores).
    pub max_term_docs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { reprint_jaccard: 0.5, doc_cosine: 0.22, day_window: 2, max_term_docs: 400 }
    }
}

/// The result of [`cluster`]: parallel to the inputs.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    /// For each document, the original it copies (an index into `docs`), if it is a copy.
    pub reprint_of: Vec<Option<usize>>,
    /// For each document, its story group (dense ids from 0).
    pub doc_group: Vec<u32>,
    /// For each event, its event cluster (dense ids from 0).
    pub event_cluster: Vec<u32>,
}

struct Dsu(Vec<u32>);
impl Dsu {
    fn new(n: usize) -> Self {
        Dsu((0..n as u32).collect())
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let p = self.0[self.0[x as usize] as usize];
            self.0[x as usize] = p;
            x = p;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index stays the root: roots are the earliest members.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi as usize] = lo;
        }
    }
    fn dense(&mut self) -> Vec<u32> {
        let mut ids = FxHashMap::default();
        (0..self.0.len() as u32)
            .map(|i| {
                let r = self.find(i);
                let n = ids.len() as u32;
                *ids.entry(r).or_insert(n)
            })
            .collect()
    }
}

fn days_close(a: Option<i32>, b: Option<i32>, w: i32) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= w,
        (None, None) => true,
        _ => false,
    }
}

/// Finds reprints: for each document, the original it copies.
pub fn reprints(docs: &[Doc], opts: &Options) -> Vec<Option<usize>> {
    let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, d) in docs.iter().enumerate() {
        for k in sketch::band_keys(&d.sketch) {
            buckets.entry(k).or_default().push(i as u32);
        }
    }
    let mut dsu = Dsu::new(docs.len());
    for members in buckets.values() {
        // A huge bucket is boilerplate shared by many pages; compare each only to a few.
        for (x, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(x + 1).take(64) {
                let (a, b) = (&docs[i as usize], &docs[j as usize]);
                if dsu.find(i) != dsu.find(j)
                    && days_close(a.day, b.day, opts.day_window.max(7))
                    && jaccard(&a.sketch, &b.sketch) >= opts.reprint_jaccard
                {
                    dsu.union(i, j);
                }
            }
        }
    }
    // The original: the earliest published member, then the first stored.
    let mut best: FxHashMap<u32, usize> = FxHashMap::default();
    for i in 0..docs.len() {
        let r = dsu.find(i as u32);
        let e = best.entry(r).or_insert(i);
        let key = |k: usize| (docs[k].day.unwrap_or(i32::MAX), k);
        if key(i) < key(*e) {
            *e = i;
        }
    }
    (0..docs.len())
        .map(|i| {
            let o = best[&dsu.find(i as u32)];
            (o != i).then_some(o)
        })
        .collect()
}

/// Clusters documents and events.
pub fn cluster(docs: &[Doc], events: &[Ev], opts: &Options) -> Clustering {
    let reprint_of = reprints(docs, opts);
    let mut dsu = Dsu::new(docs.len());
    for (i, r) in reprint_of.iter().enumerate() {
        if let Some(o) = r {
            dsu.union(i as u32, *o as u32);
        }
    }
    link_similar_docs(docs, &reprint_of, opts, &mut dsu);
    let doc_group = dsu.dense();
    let event_cluster = cluster_events(docs, events, &doc_group, opts);
    Clustering { reprint_of, doc_group, event_cluster }
}

fn link_similar_docs(docs: &[Doc], reprint_of: &[Option<usize>], opts: &Options, dsu: &mut Dsu) {
    // Only originals take part (a copy is already tied to its original).
    let mut df: FxHashMap<u64, u32> = FxHashMap::default();
    for (d, r) in docs.iter().zip(reprint_of) {
        if r.is_none() {
            for t in &d.sketch.terms {
                *df.entry(*t).or_default() += 1;
            }
        }
    }
    let n = reprint_of.iter().filter(|r| r.is_none()).count().max(1) as f64;
    let weight = |t: &u64| -> f64 {
        let f = f64::from(df.get(t).copied().unwrap_or(1));
        if f as usize > opts.max_term_docs || f < 2.0 {
            // A term in one document links nothing, and weighs in the norm as rare.
            return if f < 2.0 { (n / f).ln().max(0.0) + 1.0 } else { 0.0 };
        }
        (n / f).ln().max(0.0) + 1.0
    };
    let norms: Vec<f64> = docs
        .iter()
        .map(|d| d.sketch.terms.iter().map(|t| weight(t).powi(2)).sum::<f64>().sqrt())
        .collect();
    // Postings per (term, day) so candidates come only from the same news cycle.
    let mut postings: FxHashMap<(u64, i32), Vec<u32>> = FxHashMap::default();
    for (i, (d, r)) in docs.iter().zip(reprint_of).enumerate() {
        if r.is_some() {
            continue;
        }
        for t in &d.sketch.terms {
            let f = df.get(t).copied().unwrap_or(0) as usize;
            if (2..=opts.max_term_docs).contains(&f) {
                postings.entry((*t, d.day.unwrap_or(i32::MIN))).or_default().push(i as u32);
            }
        }
    }
    let mut dot: FxHashMap<u32, f64> = FxHashMap::default();
    for (i, (d, r)) in docs.iter().zip(reprint_of).enumerate() {
        if r.is_some() || norms[i] == 0.0 {
            continue;
        }
        dot.clear();
        let days: Vec<i32> = match d.day {
            Some(day) => (day - opts.day_window..=day + opts.day_window).collect(),
            None => vec![i32::MIN],
        };
        for t in &d.sketch.terms {
            let w = weight(t);
            if w == 0.0 {
                continue;
            }
            for day in &days {
                if let Some(p) = postings.get(&(*t, *day)) {
                    for &j in p {
                        if j as usize > i {
                            *dot.entry(j).or_default() += w * w;
                        }
                    }
                }
            }
        }
        for (&j, &v) in &dot {
            if v / (norms[i] * norms[j as usize]) >= opts.doc_cosine {
                dsu.union(i as u32, j);
            }
        }
    }
}

/// Actor codes compatible: either side unknown, or some pair where one code extends the other.
fn actors_compatible(a: &[String], b: &[String]) -> bool {
    a.is_empty()
        || b.is_empty()
        || a.iter().any(|x| b.iter().any(|y| !x.is_empty() && !y.is_empty() && codes_match(x, y)))
        || a.iter().all(String::is_empty)
        || b.iter().all(String::is_empty)
}

fn codes_match(x: &str, y: &str) -> bool {
    let n = x.len().min(y.len()).min(6);
    n >= 3 && x.get(..n) == y.get(..n)
}

fn actors_strong(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.iter().any(|y| !x.is_empty() && !y.is_empty() && codes_match(x, y)))
}

fn dates_overlap(a: &Ev, b: &Ev, slack: i32) -> bool {
    match (a.start, b.start) {
        (Some(s1), Some(s2)) => {
            let e1 = a.end.unwrap_or(s1).max(s1);
            let e2 = b.end.unwrap_or(s2).max(s2);
            s1 <= e2 + slack && s2 <= e1 + slack
        }
        _ => true,
    }
}

fn places_compatible(a: &Ev, b: &Ev) -> bool {
    match (&a.country, &b.country) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The kind of deed a CAMEO root names. Outlets code one deed under neighbouring roots of one
/// kind ("urged" 02 / "demanded" 10, "attacked" 18 / "fought" 19 / "massacred" 20), never
/// under roots of different kinds: a demand and a condemnation by the same actors on the same
/// day are two events, however alike their actors and quad class.
fn deed_kind(root: &str) -> &str {
    match root {
        "02" | "10" => "ask",
        "11" | "12" => "refuse",
        "03" | "05" => "cooperate",
        "06" | "07" => "give",
        "18" | "19" | "20" => "force",
        other => other,
    }
}

/// Same story group: same code family (one root, or two roots of one kind of deed with a
/// shared actor).
fn weak_match(a: &Ev, b: &Ev) -> bool {
    let family = a.root == b.root
        || (deed_kind(&a.root) == deed_kind(&b.root)
            && (actors_strong(&a.sources, &b.sources) || actors_strong(&a.targets, &b.targets)));
    family
        && actors_compatible(&a.sources, &b.sources)
        && actors_compatible(&a.targets, &b.targets)
        && dates_overlap(a, b, 1)
        && places_compatible(a, b)
}

/// Different story groups: only on strong evidence.
fn strong_match(a: &Ev, b: &Ev) -> bool {
    a.base == b.base
        && actors_strong(&a.sources, &b.sources)
        && actors_strong(&a.targets, &b.targets)
        && dates_overlap(a, b, 0)
        && a.start.is_some()
        && b.start.is_some()
        && places_compatible(a, b)
}

fn cluster_events(docs: &[Doc], events: &[Ev], doc_group: &[u32], _opts: &Options) -> Vec<u32> {
    let mut dsu = Dsu::new(events.len());
    // Within a story group: compare each event with the leaders (first members) of the
    // clusters formed so far in that group.
    let mut by_group: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, e) in events.iter().enumerate() {
        let g = doc_group.get(e.doc).copied().unwrap_or(u32::MAX);
        by_group.entry(g).or_default().push(i as u32);
    }
    for members in by_group.values() {
        let mut leaders: Vec<u32> = Vec::new();
        for &i in members {
            let e = &events[i as usize];
            match leaders.iter().find(|&&l| weak_match(&events[l as usize], e)) {
                Some(&l) => dsu.union(l, i),
                None => leaders.push(i),
            }
        }
    }
    // Across groups: block on (root, day) and compare with the leaders of nearby days.
    let mut blocks: FxHashMap<(&str, i32), Vec<u32>> = FxHashMap::default();
    let mut order: Vec<u32> =
        (0..events.len() as u32).filter(|&i| events[i as usize].start.is_some()).collect();
    order.sort_by_key(|&i| events[i as usize].start);
    for i in order {
        let e = &events[i as usize];
        let Some(day) = e.start else { continue };
        if e.sources.iter().all(String::is_empty) || e.targets.iter().all(String::is_empty) {
            continue;
        }
        let mut joined = false;
        'days: for d in [day, day - 1] {
            if let Some(ls) = blocks.get(&(e.root.as_str(), d)) {
                for &l in ls.iter().rev().take(256) {
                    let le = &events[l as usize];
                    if doc_group.get(le.doc) != doc_group.get(e.doc) && strong_match(le, e) {
                        dsu.union(l, i);
                        joined = true;
                        break 'days;
                    }
                }
            }
        }
        if !joined {
            blocks.entry((e.root.as_str(), day)).or_default().push(i);
        }
    }
    let _ = docs;
    dsu.dense()
}

/// Numbers in a sentence (digits, with thousands separators, or number words up to ninety):
/// the figures a report gives near its trigger (casualties, arrests).
pub fn figures(sentence: &str) -> Vec<i64> {
    const WORDS: &[(&str, i64)] = &[
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
    ];
    let mut out = Vec::new();
    for w in sentence.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | ':')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.len() > 12 {
            continue;
        }
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        if digits.chars().all(|c| c.is_ascii_digit()) {
            // Years are dates, not figures.
            if let Ok(v) = digits.parse::<i64>() {
                if !(1900..=2100).contains(&v) || w.contains(',') {
                    out.push(v);
                }
            }
        } else if let Some((_, v)) = WORDS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)) {
            out.push(*v);
        }
    }
    out
}

/// One report as [`summarize`] needs it.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub event: &'a model::Event,
    pub outlet: Option<&'a str>,
    /// The outlet of the original when this article is a copy.
    pub original_outlet: Option<&'a str>,
    pub reprint_of: Option<model::ContentHash>,
    /// Figures near the trigger ([`figures`] of its sentence).
    pub figures: Vec<i64>,
}

fn agreement(field: &str, values: Vec<String>) -> FieldAgreement {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values.into_iter().filter(|v| !v.is_empty()) {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    FieldAgreement {
        field: field.to_string(),
        agree: counts.len() <= 1,
        values: counts.into_iter().map(|(v, _)| v).collect(),
    }
}

/// Builds the record of one cluster from its reports.
pub fn summarize(id: String, reports: &[Report]) -> EventCluster {
    let mut sources: Vec<&str> = reports
        .iter()
        .map(|r| r.original_outlet.or(r.outlet).unwrap_or(r.event.article.0.as_str()))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let first = |a: &[model::ActorRef]| a.first().map(|x| x.code.clone()).unwrap_or_default();
    let date = |e: &model::Event| {
        e.time
            .as_ref()
            .and_then(|t| t.start.clone())
            .map(|s| s.chars().take(10).collect())
            .unwrap_or_default()
    };
    let agreement = vec![
        agreement("code", reports.iter().map(|r| r.event.code.clone()).collect()),
        agreement("source", reports.iter().map(|r| first(&r.event.sources)).collect()),
        agreement("target", reports.iter().map(|r| first(&r.event.targets)).collect()),
        agreement("date", reports.iter().map(|r| date(r.event)).collect()),
        agreement(
            "place",
            reports
                .iter()
                .map(|r| r.event.location.as_ref().map(|l| l.name.clone()).unwrap_or_default())
                .collect(),
        ),
        agreement(
            "figures",
            reports
                .iter()
                .map(|r| r.figures.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
                .collect(),
        ),
        agreement(
            "modality",
            reports.iter().map(|r| r.event.modality.as_str().to_string()).collect(),
        ),
    ];
    EventCluster {
        id,
        versions: reports
            .iter()
            .map(|r| OutletVersion {
                outlet: r.outlet.map(str::to_string),
                article: r.event.article.clone(),
                reprint_of: r.reprint_of.clone(),
                event: r.event.clone(),
            })
            .collect(),
        independent_sources: sources.len() as u32,
        agreement,
    }
}

/// Days since 1970-01-01 of an ISO date prefix (`YYYY`, `YYYY-MM`, `YYYY-MM-DD…`).
pub fn iso_day(s: &str) -> Option<i32> {
    if s.get(..4).is_some_and(|y| y.contains('X')) {
        return None;
    }
    model::days::iso_days(s).and_then(|d| i32::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days() {
        assert_eq!(iso_day("1970-01-01"), Some(0));
        assert_eq!(iso_day("2009-01-20T10:00Z"), Some(14264));
        assert_eq!(iso_day("2009"), iso_day("2009-01-01"));
        assert_eq!(iso_day("20x9"), None);
    }

    #[test]
    fn figures_in_a_sentence() {
        assert_eq!(
            figures("Gunmen killed four police officers and wounded 12 in 2024."),
            vec![4, 12]
        );
        assert_eq!(figures("At least 1,200 people fled."), vec![1200]);
    }

    fn ev(doc: usize, root: &str, s: &str, t: &str, day: i32) -> Ev {
        Ev {
            doc,
            code: format!("{root}0"),
            root: root.into(),
            base: format!("{root}0"),
            quad_class: 4,
            sources: vec![s.into()],
            targets: vec![t.into()],
            start: Some(day),
            end: Some(day),
            ..Ev::default()
        }
    }

    #[test]
    fn strong_events_join_across_unrelated_documents() {
        let d = |day| Doc {
            outlet: None,
            day: Some(day),
            sketch: Sketch { minhash: vec![], terms: vec![] },
        };
        let docs = vec![d(10), d(10), d(10)];
        let events = vec![
            ev(0, "19", "ISR", "PSE", 10),
            ev(1, "19", "ISRMIL", "PSE", 10),
            ev(2, "19", "USA", "IRQ", 10),
        ];
        let c = cluster(&docs, &events, &Options::default());
        assert_eq!(c.event_cluster[0], c.event_cluster[1]);
        assert_ne!(c.event_cluster[0], c.event_cluster[2]);
        assert_eq!(c.reprint_of, vec![None, None, None]);
    }

    /// One document group (same story): events of one kind of deed join across roots, events
    /// of different kinds never do, even with the same actors, day and quad class.
    #[test]
    fn roots_of_different_kinds_never_share_a_cluster() {
        let docs = vec![Doc {
            outlet: None,
            day: Some(10),
            sketch: Sketch { minhash: vec![], terms: vec![] },
        }];
        let with_quad = |mut e: Ev, q: u8| {
            e.quad_class = q;
            e
        };
        let events = vec![
            with_quad(ev(0, "10", "USAGOV", "RUSGOV", 10), 3), // demanded
            with_quad(ev(0, "11", "USAGOV", "RUSGOV", 10), 3), // condemned
            with_quad(ev(0, "02", "USAGOV", "RUSGOV", 10), 1), // urged: asks, like 10
            with_quad(ev(0, "12", "USA", "RUS", 10), 3),       // rejected: refuses, like 11
            with_quad(ev(0, "13", "USAGOV", "RUSGOV", 10), 3), // threatened: its own kind
            ev(0, "18", "ISRMIL", "PSE", 10),                  // attacked
            ev(0, "19", "ISR", "PSE", 10),                     // fought: force, like 18
            ev(0, "17", "ISRMIL", "PSE", 10),                  // arrested: coercion, not force
        ];
        let c = cluster(&docs, &events, &Options::default()).event_cluster;
        assert_ne!(c[0], c[1], "a demand is no condemnation");
        assert_eq!(c[0], c[2], "urged and demanded: one ask");
        assert_eq!(c[1], c[3], "condemned and rejected: one refusal");
        assert_ne!(c[0], c[4]);
        assert_ne!(c[1], c[4]);
        assert_eq!(c[5], c[6], "attacked and fought: one act of force");
        assert_ne!(c[5], c[7]);
    }
}
