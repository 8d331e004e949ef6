//! Session-14 lexicon rules written by the lead, each checked on invented sentences: raw text
//! through [`pipeline::Engine`] with the built-in lexicon, as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str, date: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_lead_s14", text, date)
}

#[test]
fn slapping_a_measure_on_someone_imposes_it() {
    // "slap sanctions / tariffs / a fine / a curfew on X" is the idiom for imposing them,
    // not a blow; the measure noun decides the code as it does after "impose".
    for (text, code) in [
        ("The European Union slapped fresh sanctions on Belarusian officials.", "163"),
        ("Beijing slapped tariffs on Australian wine in 2020.", "163"),
        ("The regulator slapped a fine on the opposition newspaper.", "172"),
        ("The army slapped a curfew on the northern town.", "1723"),
    ] {
        let got = coded(text, "20240311");
        assert!(got.iter().any(|(w, .., c)| w == "slapped" && c == code), "{text}: {got:?}");
        assert!(!got.iter().any(|(.., c)| c.starts_with("18")), "{text}: no assault: {got:?}");
    }
    // A slap is still a blow.
    let got = coded("A police officer slapped a protester outside the court.", "20240311");
    assert!(got.iter().any(|(w, .., c)| w == "slapped" && c == "182"), "{got:?}");
}

#[test]
fn freezing_assets_or_accounts_is_a_sanction_not_a_seizure() {
    // An asset freeze keeps the property where it is (CAMEO 163); confiscation (1711) takes it.
    for text in [
        "Britain froze the assets of five Russian businessmen.",
        "Switzerland froze the bank accounts of the former president.",
    ] {
        let got = coded(text, "20240311");
        assert!(got.iter().any(|(w, .., c)| w == "froze" && c == "163"), "{text}: {got:?}");
    }
    let got = coded("Police seized the assets of the smuggling ring.", "20240311");
    assert!(got.iter().any(|(.., c)| c == "1711"), "{got:?}");
}

#[test]
fn a_treasury_is_a_government_body() {
    // The department that runs sanctions programmes, with or without its country's name.
    for text in [
        "The Treasury blacklisted two financiers of the militia.",
        "The U.S. Treasury Department imposed sanctions on three Iranian firms.",
        "The US Defense Department suspended arms deliveries to the country.",
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(_, s, ..)| s.ends_with("GOV") || s.ends_with("MIL")),
            "{text}: want a government doer, got {got:?}"
        );
    }
}
