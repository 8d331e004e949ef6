//! Golden tests: our own short news texts → the toponyms we recognise and resolve, and the
//! dateline. Expected dumps sit beside the inputs (`tests/data/golden/*.expected`);
//! `UPDATE_EXPECT=1 cargo test -p geo --test golden` rewrites them for review.

use geo::{ArticlePlaces, EventSite, Gazetteer};
use std::fmt::Write;
use std::path::Path;

fn dump(gaz: &Gazetteer, text: &str) -> String {
    let places = ArticlePlaces::analyze(gaz, text, &[]);
    let mut out = String::new();
    for r in &places.resolved {
        let t = &r.toponym;
        // The span contract: slicing the text gives the surface form.
        let surface = t.span.slice(text).expect("span on char boundaries");
        let place = r.place.and_then(|p| gaz.place(p));
        let flags = [(t.metonym, "metonym"), (t.demonym, "demonym"), (t.locative, "locative")]
            .iter()
            .filter(|f| f.0)
            .map(|f| f.1)
            .collect::<Vec<_>>()
            .join(",");
        let _ = writeln!(
            out,
            "{}..{}\t{surface}\t{}\t[{flags}]",
            t.span.start,
            t.span.end,
            place.map_or("-".to_string(), |p| format!(
                "{} {} {:?} {} ({:.2}, {:.2})",
                p.id, p.name, p.kind, p.country, p.lat, p.lon
            )),
        );
    }
    let site = EventSite { trigger: model::Span::new(0, 0), attached: &[], dateline: None, text };
    let d = places.locate(gaz, &site);
    let _ = writeln!(
        out,
        "dateline fallback: {:?} {} {:?} {:?}",
        d.basis, d.location.name, d.location.precision, d.location.country
    );
    out
}

#[test]
fn golden_documents() {
    let (gaz, diags) = Gazetteer::embedded().expect("embedded gazetteer loads");
    assert!(diags.is_empty(), "supplement diagnostics: {diags:?}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("golden dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    let mut failed = Vec::new();
    for input in inputs {
        let text = std::fs::read_to_string(&input).expect("read input");
        let got = dump(&gaz, &text);
        let exp_path = input.with_extension("expected");
        if update {
            std::fs::write(&exp_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if want != got {
            eprintln!("--- {} differs; got:\n{got}", exp_path.display());
            failed.push(exp_path);
        }
    }
    assert!(failed.is_empty(), "golden mismatches (UPDATE_EXPECT=1 to accept): {failed:?}");
}
