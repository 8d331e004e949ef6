//! Quality suite on GeoWebNews (release mode): resolution of the gold toponym spans and
//! end-to-end recognition + resolution, asserted against the ratchets in `ci/floors.txt`.
//! Full figures per half: `cargo xtask eval-geo`.

use geo::gwn::{parse, score_end_to_end, score_gold_spans};
use geo::{Gazetteer, Weights};

#[test]
fn geowebnews_resolution_and_end_to_end() {
    let Some(path) = testdata::shared("data/geowebnews/GWN.xml") else { return };
    let xml = std::fs::read_to_string(path).expect("read GWN.xml");
    let set = parse(&xml);
    assert_eq!(set.articles.len(), 200);
    let (gaz, diags) = Gazetteer::embedded().expect("embedded gazetteer");
    assert!(diags.is_empty(), "{diags:?}");
    let w = Weights::default();
    let s = score_gold_spans(&gaz, &set.articles, &w);
    assert_eq!(s.with_coords, 2599);
    testdata::assert_floor("geo.gwn.exact_pct", 100.0 * s.exact_rate());
    testdata::assert_floor("geo.gwn.acc161_pct", 100.0 * s.acc161());
    let e = score_end_to_end(&gaz, &set.articles, &w);
    testdata::assert_floor("geo.gwn.recognition_f1_pct", 100.0 * e.recognition().2);
    testdata::assert_floor("geo.gwn.end_to_end_f1_pct", 100.0 * e.end_to_end().2);
}
