//! Session-13 rules for nominal triggers (N), each checked on invented sentences (not on the
//! articles that showed the gap): raw text through [`pipeline::Engine`] with the built-in
//! lexicon, as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_n_s13", text, "20260310")
}

/// Whether an event's trigger takes in `word`.
fn has_trigger(got: &[(String, String, String, String)], word: &str) -> bool {
    got.iter().any(|(w, ..)| w.split(|c: char| !c.is_alphanumeric()).any(|x| x == word))
}

#[test]
fn a_support_verb_coded_for_its_object_noun_is_found_at_the_noun() {
    for (text, noun) in [
        ("Rebels launched an attack on a police post in Kidal on Monday.", "attack"),
        ("The foreign ministers of Egypt and Jordan held talks in Cairo on Sunday.", "talks"),
        ("The navy carried out strikes on rebel positions near the port.", "strikes"),
        ("Hundreds of opposition supporters held a rally in Nairobi.", "rally"),
    ] {
        let got = coded(text);
        assert!(has_trigger(&got, noun), "{text}: want an event at `{noun}`, got {got:?}");
    }
}

#[test]
fn an_assault_in_which_a_harm_was_done_is_an_event_beside_the_harm() {
    for (text, noun) in [
        ("Gunmen killed six farmers in an attack on a village in Zamfara state.", "attack"),
        ("Militants killed four soldiers in an attack on an army checkpoint near Kumbo.", "attack"),
        (
            "Bandits killed 11 villagers in an attack on a village in Katsina state, police said.",
            "attack",
        ),
        ("Troops killed 20 militants in raids on insurgent camps near Mosul.", "raids"),
    ] {
        let got = coded(text);
        assert!(has_trigger(&got, "killed"), "{text}: want `killed`, got {got:?}");
        assert!(has_trigger(&got, noun), "{text}: want `{noun}`, got {got:?}");
    }
}

#[test]
fn a_fight_between_two_parties_opening_the_sentence_is_theirs() {
    // (The tagger reads the opening noun as a verb and hangs the second party on it, or on
    // the phrase inside the first: "the defence ministers of India and China".)
    for (text, noun) in [
        (
            "Fighting between the Karen National Union and Myanmar's army in Kayin has displaced thousands, aid groups said.",
            "Fighting",
        ),
        ("Talks between the defence ministers of India and China began in Moscow on Friday.", "Talks"),
    ] {
        let got = coded(text);
        assert!(has_trigger(&got, noun), "{text}: want an event at `{noun}`, got {got:?}");
    }
}

#[test]
fn a_fight_after_days_of_which_a_party_acted_is_that_partys() {
    for text in [
        "The rebels withdrew from the town after three days of fighting with the army.",
        "Police said the army had retaken the village after two days of fighting.",
    ] {
        let got = coded(text);
        assert!(
            got.iter().any(|(w, s, ..)| w == "fighting" && !s.is_empty()),
            "{text}: want `fighting` with its doer, got {got:?}"
        );
    }
}

#[test]
fn who_joins_or_takes_part_in_an_act_is_its_doer() {
    let got = coded("Thousands of students joined protests against the education law in Santiago.");
    assert!(has_trigger(&got, "protests"), "got {got:?}");
    let got =
        coded("Police detained four men suspected of taking part in an attack on a police station in Kano.");
    assert!(has_trigger(&got, "attack"), "got {got:?}");
    let got = coded(
        "Hundreds of farmers defied a curfew to join a protest against the land law in Nairobi.",
    );
    assert!(has_trigger(&got, "protest"), "got {got:?}");
}

#[test]
fn a_coup_attempt_is_a_nominal_event_of_its_doers() {
    let got = coded("Guinea's junta said it had foiled a coup attempt by a group of soldiers.");
    assert!(
        got.iter().any(|(w, s, ..)| w.contains("coup") && s.contains("MIL")),
        "want the soldiers' coup, got {got:?}"
    );
}

#[test]
fn a_bare_manner_of_a_deed_is_no_event_of_its_own() {
    // "in an ambush" with nothing aimed at says only how the deed was done.
    for text in [
        "Rebels killed seven soldiers in an ambush near the village late on Tuesday.",
        "Gunmen killed two guards in an ambush outside the town on Friday.",
    ] {
        let got = coded(text);
        assert!(has_trigger(&got, "killed"), "{text}: got {got:?}");
        assert!(!has_trigger(&got, "ambush"), "{text}: no event at the manner noun, got {got:?}");
    }
}
