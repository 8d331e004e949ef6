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

#[test]
fn a_subject_with_a_relative_clause_between_commas_keeps_its_act() {
    // The clause is an aside about the subject; the words after it are the main clause, not
    // a trailing aside of the kind ", police said".
    for (text, code, src) in [
        ("Kenya, which hosts the talks, condemned the strike.", "111", "KEN"),
        (
            "Taliban officials, who were negotiating with envoys in Doha, condemned the attack.",
            "111",
            "AFG",
        ),
        (
            "The Arakan Army, which seized most of Rakhine last year, condemned the strike.",
            "111",
            "MMR",
        ),
        ("Hamas, which controls Gaza, rejected the proposal.", "12", "PSE"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(_, s, _, c)| c.starts_with(code) && s.starts_with(src)),
            "{text}: want {code} by {src}, got {got:?}"
        );
    }
}

#[test]
fn the_vehicle_of_a_statement_is_no_target() {
    // "in a statement from Cairo", "in a letter to the Security Council": where and to whom the
    // speaker spoke.
    let got = coded(
        "Palestinian President Mahmoud Abbas condemned the killing in a statement from Ramallah.",
        "20240311",
    );
    assert!(
        got.iter()
            .any(|(w, s, t, c)| w == "condemned" && c == "111" && s == "PSEGOV" && t.is_empty()),
        "{got:?}"
    );
    let got = coded("The minister condemned the raid in a speech in Cairo.", "20240311");
    assert!(got.iter().all(|(_, _, t, _)| !t.starts_with("EGY")), "{got:?}");
    // A place of the act itself still is: "attacked soldiers at a border post near Kidal".
    let got = coded("Rebels attacked soldiers at a border post near Kidal.", "20240311");
    assert!(got.iter().any(|(_, _, t, c)| c == "190" && t.ends_with("MIL")), "{got:?}");
}

#[test]
fn a_main_clause_between_commas_is_no_aside() {
    // A fronted time or place and a trailing adjunct put the main clause between two commas;
    // it holds the sentence's root, so it is coded. An attribution there stays an aside.
    for (text, root) in [
        (
            "In 1999, Islamist fighters from Chechnya invaded the region, triggering a second war.",
            "19",
        ),
        ("In the port city, activists blocked a highway for several hours, local media reported.", "14"),
        ("On Sunday, gunmen bombed a police post in Cauca, the army said.", "18"),
        // After a participial aside the main clause is the sentence's last stretch.
        ("An opposition lawmaker, speaking in parliament, condemned the detentions.", "11"),
        ("The EU foreign policy chief, speaking in Brussels, urged both sides to talk.", "02"),
    ] {
        let got = coded(text, "20240311");
        assert!(got.iter().any(|(.., c)| c.starts_with(root)), "{text}: want {root}, got {got:?}");
    }
}

#[test]
fn a_deed_denied_as_a_gerund_is_coded_beside_the_denial() {
    // "Moscow denied targeting civilians": the denier's own deed, as it words it, is an event
    // (its modality says it is denied), beside the denial itself.
    for (text, word, root) in [
        ("Moscow denied targeting civilians in the city.", "targeting", "18"),
        ("The army denied killing protesters during the march.", "killing", "1"),
        ("The minister denied meeting the rebels.", "meeting", "04"),
    ] {
        let got = coded(text, "20240311");
        assert!(got.iter().any(|(w, .., c)| w == "denied" && c.starts_with("016")), "{got:?}");
        assert!(
            got.iter().any(|(w, .., c)| w == word && c.starts_with(root)),
            "{text}: want the denied deed {word} ({root}), got {got:?}"
        );
    }
}
