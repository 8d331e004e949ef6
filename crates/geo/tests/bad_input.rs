//! Hostile and broken input: a gazetteer source with broken rows compiles the rest and reports
//! each broken row with its file and line; a broken supplement row is a diagnostic; damaged
//! compiled bases are errors, never panics; and the span contract holds on odd text.

use geo::{compile, Gazetteer, PlaceKind, Sources};
use std::path::Path;

fn mini() -> Sources {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mini");
    Sources {
        cities500_txt: d.join("cities500.txt"),
        cities500_json: None,
        countries_tsv: d.join("countries.tsv"),
        subdivisions_tsv: d.join("subdivisions.tsv"),
        countries_json: None,
        continents_json: None,
    }
}

#[test]
fn broken_source_rows_are_reported_with_line_numbers_and_the_rest_compiles() {
    let c = compile(&mini()).expect("compiles");
    let lines: Vec<(String, usize)> = c
        .diagnostics
        .iter()
        .map(|d| (Path::new(&d.file).file_name().unwrap().to_string_lossy().into_owned(), d.line))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("countries.tsv".to_string(), 3),
            ("subdivisions.tsv".to_string(), 3),
            ("subdivisions.tsv".to_string(), 4),
            ("cities500.txt".to_string(), 3),
            ("cities500.txt".to_string(), 5),
        ],
        "{:#?}",
        c.diagnostics
    );
    assert!(c.diagnostics[4].message.contains("coordinates"), "{}", c.diagnostics[4]);
    // 2 countries + 2 divisions + 4 good places.
    assert_eq!(c.places, 8);
    let (gaz, diags) = Gazetteer::from_parts(c.bytes, "", "").expect("loads");
    assert!(diags.is_empty());
    let baqubah: Vec<_> =
        gaz.lookup("Ba'qubah").iter().filter_map(|c| gaz.place(c.place)).collect();
    assert_eq!(baqubah.len(), 1);
    let b = baqubah[0];
    assert_eq!((b.name, b.kind, b.country), ("Baqubah", PlaceKind::City, "IQ"));
    let diyala = gaz.place(b.admin1.expect("admin1 linked")).unwrap();
    assert_eq!(diyala.name, "Diyālá");
    // Division points are the median of their places; populations their sum.
    assert!((diyala.lat - 33.8).abs() < 0.1, "{}", diyala.lat);
    assert_eq!(diyala.population, 152_550 + 70_000);
    assert_eq!(gaz.lookup("Iran").len(), 1);
}

#[test]
fn missing_source_is_a_typed_error() {
    let mut s = mini();
    s.countries_tsv = "/nonexistent/countries.tsv".into();
    assert!(matches!(compile(&s), Err(geo::CompileError::Read { .. })));
}

#[test]
fn broken_supplement_rows_are_diagnostics() {
    let c = compile(&mini()).unwrap();
    let places = "# comment\n\
        camp-x\tCamp X\tsite\tCAMP\tIQ\tIQ.10\t33.6\t44.6\t0\tX camp\n\
        bad\tBad\tnokind\tX\tIQ\t\t1\t2\t0\n\
        far\tFar\tsite\tX\tIQ\t\t123\t2\t0\n\
        short\tShort\n\
        nocountry\tNo Country\tsite\tX\tZZ\t\t1\t2\t0\n\
        geonames:3373405\tAtlantic Ocean\twater\tOCN\t\t\t10\t-25\t0\tAtlantic\n\
        geonames:x1\tBad Id\twater\tOCN\t\t\t10\t-25\t0\n";
    let aliases = "Camp Ex\tannalist:camp-x\nIraqi\tIQ\tdemonym\nGhost\tgeonames:1\n\
        The Atlantic\tgeonames:3373405\n";
    let (gaz, d) = Gazetteer::from_parts(c.bytes, places, aliases).unwrap();
    let got: Vec<(&str, usize)> = d.iter().map(|d| (d.file.as_str(), d.line)).collect();
    assert_eq!(
        got,
        vec![
            ("places.tsv", 3),
            ("places.tsv", 4),
            ("places.tsv", 5),
            ("places.tsv", 6),
            ("places.tsv", 8),
            ("aliases.tsv", 3)
        ]
    );
    let camp = gaz.lookup("Camp Ex");
    assert_eq!(camp.len(), 1);
    let p = gaz.place(camp[0].place).unwrap();
    assert_eq!(p.id.to_string(), "annalist:camp-x");
    assert_eq!(gaz.place(p.admin1.unwrap()).unwrap().name, "Diyālá");
    assert!(gaz.lookup("iraqi").iter().all(|c| c.demonym));
    // A supplement row may stand for a GeoNames feature the extracts lack: it carries the id.
    let ocean = gaz.by_geonames_id(3373405).expect("supplement row found by its GeoNames id");
    assert_eq!(gaz.place(ocean).unwrap().id.to_string(), "geonames:3373405");
    assert_eq!(gaz.lookup("the atlantic")[0].place, ocean);
}

#[test]
fn damaged_compiled_bases_are_errors() {
    assert!(matches!(
        Gazetteer::from_parts(b"garbage".to_vec(), "", ""),
        Err(geo::LoadError::Format(_))
    ));
    assert!(geo::decompress(&[0xff, 0xff, 0xff, 0x7f, 1, 2, 3]).is_err());
    assert!(geo::decompress(&[1]).is_err());
    let c = compile(&mini()).unwrap();
    let stored = geo::compress(&c.bytes);
    let mut cut = stored.clone();
    cut.truncate(stored.len() / 2);
    assert!(geo::decompress(&cut).is_err());
}

#[test]
fn recognition_keeps_the_span_contract_on_odd_text() {
    let c = compile(&mini()).unwrap();
    let (gaz, _) = Gazetteer::from_parts(c.bytes, "", "").unwrap();
    let texts = [
        "",
        "Baghdad",
        "in Baqubah’s market, near Al Khalis—and Tehran's",
        "BAGHDAD — 😀 Baqubah\u{a0}Baghdad ..Ba'qubah.",
        "\u{301}Baghdad\u{301}",
    ];
    for t in texts {
        for top in geo::recognize(&gaz, t) {
            let s = top.span.slice(t).expect("char boundaries");
            assert!(!s.is_empty());
            assert!(!gaz.lookup(s).is_empty(), "{s:?} in {t:?}");
        }
    }
    let t = "in Baqubah’s market, near Al Khalis";
    let found: Vec<&str> =
        geo::recognize(&gaz, t).iter().map(|r| r.span.slice(t).unwrap()).collect();
    assert_eq!(found, vec!["Baqubah", "Al Khalis"]);
}
