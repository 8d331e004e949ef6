//! "…, the governor said, blaming Russian forces": the speaker's accusation (112) against the
//! party named, which is the alleged doer of the deeds of force reported without one. Sentences
//! written for this rule, not taken from the gold set.

fn coded(text: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("blame", text, "2025-06-02")
}

#[test]
fn blaming_on_a_verb_of_saying_accuses_and_names_the_doer() {
    let text = "A missile hit a school in the city of Sumy on Monday, killing two teachers, the \
        regional governor said, blaming Russian forces.";
    let ev = coded(text);
    let blame = ev.iter().find(|e| e.0 == "blaming").unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(blame.3, "112", "{ev:?}");
    assert!(blame.2.starts_with("RUS"), "{ev:?}");
    let hit = ev.iter().find(|e| e.0 == "hit").unwrap_or_else(|| panic!("{ev:?}"));
    assert!(hit.1.starts_with("RUS"), "{ev:?}");
}

#[test]
fn blaming_a_thing_is_no_accusation() {
    let text = "Floods destroyed hundreds of homes in Sylhet, the minister said, blaming heavy \
        rain.";
    let ev = coded(text);
    assert!(!ev.iter().any(|e| e.0 == "blaming"), "{ev:?}");
}
