//! Session-14 coder rules for acts of force (K), each checked on invented sentences (not on the
//! articles that showed the gap): raw text through [`pipeline::Engine`] with the built-in
//! lexicon, as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str, date: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_k_s14", text, date)
}

#[test]
fn a_deed_of_harm_in_a_relative_clause_on_an_attack_is_an_event_of_its_own() {
    // The killing or wounding told in a relative clause on the attack's noun is coded beside
    // the attack, with its doer and code; a conjunct of the clause's verb too.
    for (text, word, target) in [
        (
            "The rebels carried out an attack on an army post in Niger's Tillaberi region that killed nine soldiers.",
            "killed",
            "NER",
        ),
        (
            "Residents blamed an Israeli air strike that destroyed a school in Rafah and killed 14 people.",
            "killed",
            "",
        ),
        (
            "Witnesses said the suicide bombing, which wounded 25 people at a checkpoint in Kabul, was carried out by a teenager.",
            "wounded",
            "",
        ),
        (
            "The shelling, which wounded 25 people in the city of Kherson, was blamed on Russian forces.",
            "wounded",
            "UKR",
        ),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, _, t, c)| w == word
                && matches!(c.get(..2), Some("18" | "19"))
                && t.starts_with(target)),
            "{text}: want a force event at `{word}` aimed at {target}, got {got:?}"
        );
    }
}

#[test]
fn a_relative_clause_that_is_no_harm_codes_nothing_new() {
    // A relative clause on an attack that tells no harm ("that shocked the country") adds no
    // event, nor does a relative clause of harm on a noun that is no attack.
    let got = coded(
        "The bombing of the market, which shocked the country, was condemned by the president.",
        "20240311",
    );
    assert!(!got.iter().any(|(w, ..)| w == "shocked"), "{got:?}");
    let got = coded("The president visited a hospital that treated the wounded.", "20240311");
    assert!(!got.iter().any(|(w, ..)| w == "treated"), "{got:?}");
}

#[test]
fn a_passive_act_of_force_with_nothing_after_it_was_done_to_its_subject_by_no_one_named() {
    // "Two soldiers were wounded.", "the officer said nine soldiers had been killed": the
    // subject is the target, the source no one.
    for (text, word) in [
        ("Three Malian soldiers were wounded.", "wounded"),
        ("The governor said at least six policemen had been killed.", "killed"),
        ("Witnesses said two Kenyan students had been shot dead.", "shot dead"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, s, t, c)| w == word
                && s.is_empty()
                && !t.is_empty()
                && matches!(c.get(..2), Some("18" | "19"))),
            "{text}: want a force event at `{word}` with no source, got {got:?}"
        );
    }
    // Being injured says no one did it; a pronoun subject names no one.
    for text in ["At least 15 people were injured.", "He was killed."] {
        let got = coded(text, "20240311");
        assert!(got.is_empty(), "{text}: want nothing, got {got:?}");
    }
}

#[test]
fn a_casualty_adjunct_of_a_strike_shelling_or_bombing_takes_its_code() {
    // The killing or wounding after the clause is what the strike did: the aerial, artillery
    // or bombing code, not the adjunct verb's generic force; also when the parser hung the
    // adjunct on a trailing "…, officials said".
    for (text, code) in [
        ("A drone strike hit a car near the town of Gao, killing three men.", "195"),
        (
            "Pakistani jets struck militant hideouts in eastern Afghanistan on Monday, killing at least eight civilians, Taliban officials said.",
            "195",
        ),
        ("Russian artillery shelled the town of Kupiansk on Tuesday, wounding four civilians.", "194"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter()
                .any(|(w, _, _, c)| (w == "killing" || w == "wounding") && c.starts_with(code)),
            "{text}: want the adjunct coded {code}*, got {got:?}"
        );
    }
    // An adjunct of a deed with no weapon keeps its own code.
    let got =
        coded("Gunmen stormed a hotel in Mogadishu, killing at least nine people.", "20240311");
    assert!(got.iter().any(|(w, _, _, c)| w == "killing" && c == "190"), "{got:?}");
}

#[test]
fn a_bombing_by_an_air_force_is_aerial() {
    // The doer's platform sets 195: an air force that bombs bombs from the air; rebels who
    // bomb a building do not.
    let got = coded("Sudan's air force bombed a market in Nyala on Sunday.", "20240311");
    assert!(got.iter().any(|(w, _, _, c)| w == "bombed" && c == "195"), "{got:?}");
    let got = coded(
        "The Myanmar air force bombed a village in Sagaing region, killing 11 people.",
        "20240311",
    );
    assert!(got.iter().any(|(w, _, _, c)| w == "killing" && c == "195"), "{got:?}");
    let got = coded("Rebels bombed a police station in Quetta.", "20240311");
    assert!(got.iter().any(|(w, _, _, c)| w == "bombed" && c.starts_with("183")), "{got:?}");
}

#[test]
fn a_munition_defused_is_no_de_escalation() {
    // A bomb or shell made safe is no act between actors; tension defused still is.
    for text in [
        "Police defused a bomb near the main station in Lyon on Friday.",
        "Army engineers defused two mines on the road to Kherson.",
    ] {
        let got = coded(text, "20240311");
        assert!(got.is_empty(), "{text}: want nothing, got {got:?}");
    }
    let got = coded("India and China agreed to defuse tension on their border.", "20240311");
    assert!(!got.is_empty(), "{got:?}");
}
