//! Issue 8 quality suite. The clustering dev set (`tests/data/clusters/`): our own wire-style reports coded by the
//! whole pipeline, then clustered. Pairwise story-cluster F1 over reports and reprint-link F1
//! are ratcheted floors in `ci/floors.txt` (issue 8 bars: 0.90 and 0.95).

use std::collections::HashMap;

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let p = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn dev_set_clusters_and_reprints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/clusters");
    let gold_text = std::fs::read_to_string(root.join("gold.tsv")).expect("gold.tsv");
    let gold: HashMap<String, (String, String)> = gold_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), (f[1].to_string(), f.get(2).unwrap_or(&"").to_string()))
        })
        .collect();
    let models = depparse::Models::load_default().expect("models");
    let engine = pipeline::Engine::new(models, lexicon::load(&[], false).expect("lexicon"));
    let input = root.join("reports.jsonl").display().to_string();
    let mut urls = Vec::new();
    let mut docs = Vec::new();
    let mut events = Vec::new();
    for raw in ingest::Ingest::new([input], ingest::Options::default()) {
        let raw = raw.expect("readable report");
        let coded = engine.code_raw(&raw).expect("coded");
        let a = &coded.article;
        let day = a.published.as_ref().and_then(|p| cluster::iso_day(&p.value));
        for e in &coded.events {
            events.push(cluster::Ev::from_event(docs.len(), e, day));
        }
        urls.push(a.url.clone().or(raw.uri.clone()).expect("url"));
        docs.push(cluster::Doc { outlet: a.outlet.clone(), day, sketch: cluster::sketch(&a.text) });
    }
    assert_eq!(docs.len(), gold.len(), "every gold report was read");
    let c = cluster::cluster(&docs, &events, &cluster::Options::default());

    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let same_gold = gold[&urls[i]].0 == gold[&urls[j]].0;
            let same_pred = c.doc_group[i] == c.doc_group[j];
            match (same_gold, same_pred) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let cluster_f1 = f1(tp, fp, fn_);
    let (mut rtp, mut rfp, mut rfn) = (0, 0, 0);
    for (i, url) in urls.iter().enumerate() {
        let g = &gold[url].1;
        let p = c.reprint_of[i].map(|o| urls[o].clone()).unwrap_or_default();
        match (g.is_empty(), p.is_empty()) {
            (false, false) if *g == p => rtp += 1,
            (false, false) => {
                rfp += 1;
                rfn += 1;
            }
            (true, false) => rfp += 1,
            (false, true) => rfn += 1,
            (true, true) => {}
        }
    }
    let reprint_f1 = f1(rtp, rfp, rfn);
    eprintln!(
        "clusters dev: {} reports, {} events; pairwise cluster F1 {cluster_f1:.4} (tp {tp} fp {fp} fn {fn_}); reprint F1 {reprint_f1:.4} (tp {rtp} fp {rfp} fn {rfn})",
        docs.len(),
        events.len()
    );
    testdata::assert_floor("cluster.dev.pairwise_f1", cluster_f1);
    testdata::assert_floor("cluster.dev.reprint_f1", reprint_f1);
}
