//! Session-13 coder rules written by the lead, each checked on invented sentences (not on the
//! articles that showed the gap): raw text through [`pipeline::Engine`] with the built-in
//! lexicon, as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str, date: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_lead_s13", text, date)
}

#[test]
fn a_casualty_adjunct_after_a_weapon_or_a_blast_is_an_event_of_its_own() {
    // The subject of the verb the adjunct hangs on is a weapon or an explosion, no actor:
    // the killing is still told, with no doer and the dead as its target.
    for (text, root) in [
        (
            "A roadside bomb went off near a bus station in Mosul on Monday, killing six people.",
            "18",
        ),
        (
            "A car bomb exploded outside a courthouse in Quetta, killing at least 11 civilians.",
            "18",
        ),
        ("A drone strike hit a vehicle near the border town of Chaman, killing two men.", "19"),
        ("Twin blasts ripped through a crowded market in Maiduguri, killing 14 people.", "1"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter()
                .any(|(w, _, t, c)| w == "killing" && c.starts_with(root) && t.ends_with("CVL")),
            "{text}: want a {root}* killing of civilians, got {got:?}"
        );
    }
}

#[test]
fn a_casualty_adjunct_of_an_actor_keeps_its_doer() {
    // Unchanged: a named doer before the comma is the adjunct's doer too.
    let got =
        coded("Gunmen stormed a hotel in Mogadishu, killing at least nine people.", "20240311");
    assert!(
        got.iter().any(|(w, s, t, _)| w == "killing" && s.ends_with("REB") && t.ends_with("CVL")),
        "{got:?}"
    );
}

#[test]
fn a_weapon_of_war_that_wounds_codes_the_fighting() {
    // "An artillery shell wounded …": shelling is 194; a car bomb that wounds is a bombing.
    let got = coded("Mortar shells wounded four soldiers in the town of Avdiivka.", "20240311");
    assert!(got.iter().any(|(.., c)| c == "194"), "{got:?}");
    let got = coded("A car bomb wounded three police officers in Jamundi.", "20240311");
    assert!(got.iter().any(|(.., c)| c == "1832"), "{got:?}");
}

#[test]
fn a_casualty_adjunct_before_a_trailing_speaker_is_coded_with_the_speaker_as_attribution() {
    // The parser reads "killing" as the subject of "said" and the speaker as its modifier;
    // a repair gives the adjunct back to the clause it follows.
    for (text, target_role) in [
        (
            "Al Shabaab fighters attacked a military base near Kismayo on Friday, killing seven soldiers, two army officers said.",
            "MIL",
        ),
        (
            "Gunmen opened fire on a minibus outside Kaduna on Tuesday, killing nine passengers, a police spokesman said.",
            "CVL",
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Mogadishu, killing five people, including two policemen, officials said.",
            "",
        ),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, _, t, _)| w == "killing" && t.contains(target_role)),
            "{text}: want a killing of {target_role}, got {got:?}"
        );
        assert!(
            !got.iter().any(|(w, ..)| w == "said"),
            "{text}: the speaker is attribution, got {got:?}"
        );
    }
}

#[test]
fn the_victims_of_a_casualty_adjunct_are_no_pattern_words_of_the_attack() {
    // "Attacked army posts, killing civilians" is an attack on the army posts (190), not an
    // act against civilians (180); the killing of civilians is its own event.
    let got = coded(
        "Insurgents attacked army posts near the town of Diffa on Sunday, killing six soldiers and four civilians.",
        "20240311",
    );
    assert!(got.iter().any(|(w, .., c)| w == "attacked" && c == "190"), "{got:?}");
    assert!(got.iter().any(|(w, _, t, _)| w == "killing" && t.ends_with("CVL")), "{got:?}");
}

#[test]
fn a_second_predicate_with_its_own_object_is_a_second_event() {
    for (text, second) in [
        ("Gunmen stormed a church in Kaduna and abducted 30 worshippers.", "abducted"),
        (
            "Militants raided a police station near Bannu, the district capital, on Friday and killed four officers, officials said.",
            "killed",
        ),
    ] {
        let got = coded(text, "20240311");
        assert!(got.iter().any(|(w, ..)| w == second), "{text}: want `{second}`, got {got:?}");
    }
    // One act told with two verbs stays one event.
    let got = coded("Gunmen attacked and killed five villagers near Gusau.", "20240311");
    assert_eq!(
        got.iter().filter(|(.., c)| c.starts_with("19") || c.starts_with("18")).count(),
        1,
        "{got:?}"
    );
}

#[test]
fn an_act_of_force_named_with_its_doers_adjective_is_no_place() {
    // "in Israeli shelling" says how, not where: the dead are those of the place named after.
    let got = coded(
        "Six children were killed in Israeli shelling in the Gaza Strip on Friday.",
        "20240311",
    );
    assert!(got.iter().any(|(w, _, t, _)| w == "killed" && t == "PSECVL"), "{got:?}");
    let got = coded(
        "Five people were killed in Israeli shelling in southern Lebanon on Sunday.",
        "20240311",
    );
    assert!(got.iter().any(|(w, _, t, _)| w == "killed" && t == "LBNCVL"), "{got:?}");
    // Also when the place after it was drawn into the act's phrase, and for an air strike.
    let got = coded("Two civilians were killed in Turkish shelling in northern Syria.", "20240311");
    assert!(got.iter().any(|(w, _, t, _)| w == "killed" && t == "SYRCVL"), "{got:?}");
    let got =
        coded("Three civilians were killed in a Saudi air strike in Yemen on Monday.", "20240311");
    assert!(got.iter().any(|(w, _, t, _)| w == "killed" && t == "YEMCVL"), "{got:?}");
    // A labour strike is no act of force: "across Ghana" still places it.
    let got = coded("Thousands of nurses went on strike across Ghana on Monday.", "20240311");
    assert!(got.iter().any(|(_, s, ..)| s.starts_with("GHA")), "{got:?}");
    // A place with a country adjective stays a place.
    let got = coded("Protesters rallied in the Syrian capital on Friday.", "20240311");
    assert!(got.iter().any(|(_, s, ..)| s.starts_with("SYR")), "{got:?}");
}
