//! Session 14 fresh event-cluster set (`tests/data/clusters/fresh_events_s14.*`): invented
//! wire-style reports whose gold was written before the product ran on them. Each gold line
//! names an event by its report and a trigger word; reports of one event share a label. The
//! pairwise F1 over the gold events the coder finds is a floor in `ci/floors.txt`: clusters
//! must group reports of one event, and never a demand with a condemnation.

use std::collections::HashMap;

#[test]
fn fresh_reports_cluster_by_event() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/clusters");
    let gold_text = std::fs::read_to_string(root.join("fresh_events_s14.tsv")).expect("gold");
    let gold: Vec<(String, String, String)> = gold_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_lowercase(), f[2].to_string())
        })
        .collect();
    let models = depparse::Models::load_default().expect("models");
    let engine = pipeline::Engine::new(models, lexicon::load(&[], false).expect("lexicon"));
    let input = root.join("fresh_events_s14.jsonl").display().to_string();
    let (mut docs, mut events) = (Vec::new(), Vec::new());
    // (url, lowercased trigger text) of every coded event, by its index in `events`.
    let mut keys: Vec<(String, String)> = Vec::new();
    for raw in ingest::Ingest::new([input], ingest::Options::default()) {
        let raw = raw.expect("readable report");
        let coded = engine.code_raw(&raw).expect("coded");
        let a = &coded.article;
        let day = a.published.as_ref().and_then(|p| cluster::iso_day(&p.value));
        let url = a.url.clone().expect("url");
        for e in &coded.events {
            events.push(cluster::Ev::from_event(docs.len(), e, day));
            let trigger = e.trigger.slice(&a.text).unwrap_or("").to_lowercase();
            keys.push((url.clone(), trigger));
        }
        docs.push(cluster::Doc { outlet: a.outlet.clone(), day, sketch: cluster::sketch(&a.text) });
    }
    let c = cluster::cluster(&docs, &events, &cluster::Options::default());
    // Each gold event takes the first coded event of its report whose trigger holds its word.
    let mut used = vec![false; keys.len()];
    let mut found: Vec<(&str, u32)> = Vec::new();
    for (url, word, label) in &gold {
        if let Some(i) = (0..keys.len())
            .find(|&i| !used[i] && keys[i].0 == *url && keys[i].1.contains(word.as_str()))
        {
            used[i] = true;
            found.push((label.as_str(), c.event_cluster[i]));
        }
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for i in 0..found.len() {
        for j in i + 1..found.len() {
            match (found[i].0 == found[j].0, found[i].1 == found[j].1) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let p = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    let labels: HashMap<&str, usize> = found.iter().fold(HashMap::new(), |mut m, (l, _)| {
        *m.entry(*l).or_default() += 1;
        m
    });
    eprintln!(
        "clusters fresh s14: {} of {} gold events coded ({} labels); pairwise event F1 {f1:.4} \
         (tp {tp} fp {fp} fn {fn_})",
        found.len(),
        gold.len(),
        labels.len()
    );
    testdata::assert_floor("cluster.fresh_s14.event_pairwise_f1", f1);
}
