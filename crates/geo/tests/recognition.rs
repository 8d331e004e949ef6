//! Toponym recognition on our own sentences: given names open persons, a place opening an
//! institution's name is still the place, and a division's name without its type word finds
//! the division without recognising anything by itself.

use geo::{recognize, toponym_for_span, Gazetteer, PlaceKind};
use model::Span;

fn gaz() -> &'static Gazetteer {
    Gazetteer::shared().expect("embedded gazetteer")
}

fn names(text: &str) -> Vec<&str> {
    recognize(gaz(), text).iter().filter_map(|t| t.span.slice(text)).collect()
}

#[test]
fn a_given_name_before_a_surname_is_a_person_and_so_is_the_surname_later() {
    let text = "Ministry spokesman David Jensen said the plan was sound. Later Jensen spoke in \
        Florence, and Dave Allen arrived. Allen left for Dallas.";
    let found = names(text);
    assert!(!found.contains(&"David"), "{found:?}");
    assert!(!found.contains(&"Allen"), "{found:?}");
    assert!(found.contains(&"Florence"), "{found:?}");
    assert!(found.contains(&"Dallas"), "{found:?}");
}

#[test]
fn a_place_opening_an_institution_name_is_the_place() {
    let text = "A man pointed a replica handgun at a Saskatoon Police officer. The Saskatoon \
        StarPhoenix reported it. Later, Saskatoon was calm.";
    let found = names(text);
    assert_eq!(found.iter().filter(|n| **n == "Saskatoon").count(), 2, "{found:?}");
}

#[test]
fn a_division_stem_is_a_candidate_but_recognises_nothing_alone() {
    let g = gaz();
    // "Afrin" finds Afrin District beside the town.
    let text = "Turkish forces entered Afrin on Sunday.";
    let s = text.find("Afrin").unwrap();
    let t = toponym_for_span(g, text, Span::new(s, s + 5));
    let kinds: Vec<PlaceKind> =
        t.candidates.iter().filter_map(|c| g.place(c.place)).map(|p| p.kind).collect();
    assert!(kinds.contains(&PlaceKind::Admin2) && kinds.contains(&PlaceKind::City), "{kinds:?}");
    assert!(t.candidates.iter().any(|c| c.candidate_only));
    // "Commonwealth" is only a stem (Liberia's Commonwealth District): no toponym.
    let text = "The Commonwealth summit opened.";
    assert!(names(text).is_empty(), "{:?}", names(text));
}

#[test]
fn a_capitalised_type_word_is_part_of_the_name() {
    let text = "Gunmen attacked a village in Sokoto State, and troops moved into Diyala province.";
    let found = names(text);
    assert!(found.contains(&"Sokoto State"), "{found:?}");
    assert!(found.contains(&"Diyala"), "{found:?}");
}

#[test]
fn a_name_given_to_a_street_has_no_candidate_of_its_own() {
    let g = gaz();
    let span_of = |text: &str, name: &str| {
        let s = text.find(name).unwrap();
        toponym_for_span(g, text, Span::new(s, s + name.len()))
    };
    for (text, name) in [
        ("It rolled down Bourbon and Dauphine streets.", "Bourbon"),
        ("The church at the Chartres/Franklin intersection.", "Chartres"),
        ("A shop on Chartres Street burned.", "Chartres"),
    ] {
        assert!(span_of(text, name).candidates.is_empty(), "{text}");
    }
    // The town itself keeps its readings.
    assert!(!span_of("She moved to Chartres in May.", "Chartres").candidates.is_empty());
}

#[test]
fn a_square_or_building_named_after_a_place_is_not_that_place() {
    let g = gaz();
    let span_of = |text: &str, name: &str| {
        let s = text.find(name).unwrap();
        toponym_for_span(g, text, Span::new(s, s + name.len()))
    };
    // A school or a stadium in the story's town honours a state; it is not the state.
    for (text, name) in [
        ("Students of Florida High School marched.", "Florida High School"),
        ("Fans filled Texas Stadium in Irving.", "Texas Stadium"),
    ] {
        let t = span_of(text, name);
        assert!(t.candidates.is_empty(), "{text}: {:?}", t.candidates);
    }
    // An institution named after a prominent place still takes it.
    assert!(!span_of("The Bank of Japan held rates.", "Bank of Japan").candidates.is_empty());
}

fn ids_for(text: &str, name: &str) -> Vec<String> {
    let g = gaz();
    let s = text.find(name).unwrap();
    let t = toponym_for_span(g, text, Span::new(s, s + name.len()));
    t.candidates.iter().filter_map(|c| g.id_string(c.place)).collect()
}

#[test]
fn saint_mount_and_fort_find_places_written_the_other_way() {
    // GeoNames writes "St Helens" (the English borough) and "Saint Helens" (Oregon's town):
    // either spelling finds both.
    let st = ids_for("She grew up in Saint Helens.", "Saint Helens");
    assert!(st.contains(&"geonames:3333201".to_string()), "{st:?}");
    assert!(st.contains(&"geonames:5750041".to_string()), "{st:?}");
    let full = ids_for("Traffic stopped in Ft. Worth today.", "Ft. Worth");
    assert!(!full.is_empty(), "{full:?}");
}

#[test]
fn north_or_south_before_an_ocean_names_its_own_part() {
    let text = "Waters of the north Atlantic are cooler; the Atlantic hurricane season opens.";
    assert_eq!(ids_for(text, "Atlantic"), vec!["geonames:3411923"]);
    let later = &text[20..];
    assert!(ids_for(later, "Atlantic").contains(&"geonames:3373405".to_string()));
    // Not a water body's part: "north London" keeps London's candidates.
    let london = ids_for("Police in north London said so.", "London");
    assert!(london.contains(&"geonames:2643743".to_string()), "{london:?}");
}

#[test]
fn adjectives_of_countries_and_regions_are_demonyms_nouns_for_people_are_not() {
    let text = "The Basque leaders met Bruneian and Saudi Arabian envoys; an Iowan and \
        Luxembourgers watched.";
    let found = recognize(gaz(), text);
    let demonyms: Vec<&str> =
        found.iter().filter(|t| t.demonym).filter_map(|t| t.span.slice(text)).collect();
    assert_eq!(demonyms, vec!["Basque", "Bruneian", "Saudi Arabian"]);
}

#[test]
fn a_word_of_a_longer_foreign_name_is_no_place() {
    // A function word capitalised inside the run, or a small town's name beside the match,
    // makes the run one name the gazetteer lacks.
    let found = names("Troops burned houses in the village of Let Yet Kone on Tuesday.");
    assert!(!found.contains(&"Kone"), "{found:?}");
    let found = names("Police arrested five people in Kobe Pin Lay, residents said.");
    assert!(found.is_empty(), "{found:?}");
    let found = names("Fans cheered as Aston Villa beat the visitors.");
    assert!(found.is_empty(), "{found:?}");
    // A sentence opened by a function word, a dateline in capitals and a place before its
    // state stay places.
    let found = names("Yet Kabul says the road is open. Fighting reached Rutshuru on Monday.");
    assert!(found.contains(&"Kabul") && found.contains(&"Rutshuru"), "{found:?}");
    let found = names("LONDON Pope Francis spoke. He points to Boise, Idaho, and Hawaii.");
    assert!(found.contains(&"LONDON") && found.contains(&"Boise"), "{found:?}");
    assert!(found.contains(&"Hawaii"), "{found:?}");
}
