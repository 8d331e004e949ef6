//! Session-11 coder rules written by the lead (precision: who did what to whom), each checked
//! on invented sentences, not on the records that showed the gap: raw text through
//! [`pipeline::Engine`] with the built-in lexicon, as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str, date: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_lead_s11", text, date)
}

/// The events triggered by `trigger`, as (sources, targets, code).
fn by_trigger(text: &str, date: &str, trigger: &str) -> Vec<(String, String, String)> {
    coded(text, date)
        .into_iter()
        .filter(|(w, ..)| w == trigger)
        .map(|(_, s, t, c)| (s, t, c))
        .collect()
}

#[test]
fn an_act_in_the_passive_without_its_doer_is_done_to_the_subject() {
    for (text, trigger, target, code) in [
        (
            "The Russian ambassador was summoned on Monday over the drone strike.",
            "summoned",
            "RUS",
            "11",
        ),
        ("Two Iranian diplomats were expelled last week.", "expelled", "IRN", "16"),
        ("Three French officials were accused of corruption on Friday.", "accused", "FRA", "112"),
    ] {
        let got = by_trigger(text, "20240311", trigger);
        assert!(
            got.iter()
                .any(|(s, t, c)| s.is_empty() && t.starts_with(target) && c.starts_with(code)),
            "{text}: want no one -> {target} {code}, got {got:?}"
        );
        assert!(
            !got.iter().any(|(s, ..)| s.starts_with(target)),
            "{text}: the subject is no doer, got {got:?}"
        );
    }
    // With its doer named, the doer is the source.
    let got = by_trigger("Two Iranian diplomats were expelled by Germany.", "20240311", "expelled");
    assert!(got.iter().any(|(s, t, _)| s == "DEU" && t.starts_with("IRN")), "{got:?}");
    // A participle saying how the subject stands is no passive.
    let got = by_trigger("Israel is opposed to French mediation.", "20240311", "opposed");
    assert!(got.iter().any(|(s, ..)| s.starts_with("ISR")), "{got:?}");
}

#[test]
fn actors_modified_by_a_participle_of_an_act_done_to_them_are_not_its_doers() {
    for (text, trigger) in [
        ("Two Kenyan officials accused of corruption were arrested on Monday.", "accused"),
        ("A Nigerian senator criticised for his remarks resigned on Tuesday.", "criticised"),
    ] {
        let got = by_trigger(text, "20240311", trigger);
        assert!(got.is_empty(), "{text}: want nothing for `{trigger}`, got {got:?}");
    }
}

#[test]
fn opponents_of_someone_are_their_countrys_opposition_and_protest_against_them() {
    for (text, src, tgt) in [
        ("Opponents of Kenya's president protested on Monday in Nairobi.", "KENOPP", "KENGOV"),
        ("Thousands of opponents of President Maduro marched in Caracas.", "VENOPP", "VENGOV"),
        ("Critics of the Turkish government rallied in Istanbul.", "TUROPP", "TURGOV"),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(_, s, t, c)| s == src && t == tgt && c.starts_with("14")),
            "{text}: want {src} -> {tgt} 14x, got {got:?}"
        );
    }
}

#[test]
fn a_span_of_time_after_in_is_when_something_is_sent_not_a_time_limit() {
    let got = coded(
        "Interpol said it will send a team in the next 48 hours to help identify victims.",
        "20140720",
    );
    assert!(!got.iter().any(|(.., c)| c == "139"), "no ultimatum: {got:?}");
    assert!(
        got.iter().any(|(w, s, _, c)| w == "send" && s.starts_with("IGO") && c == "033"),
        "{got:?}"
    );
    // A time limit given to someone stays an ultimatum.
    let got = coded("The army gave the rebels 48 hours to leave the town.", "20140720");
    assert!(got.iter().any(|(.., c)| c == "139"), "{got:?}");
}

#[test]
fn people_in_a_capital_are_of_its_country_not_its_government() {
    for (text, src) in [
        ("Protesters in Nairobi clashed with police on Tuesday.", "KENOPP"),
        ("Students in Tehran protested against the new law on Sunday.", "IRNEDU"),
        ("Police in Dakar arrested two opposition leaders.", "SENCOP"),
        // People whose role is the government's stay the government's.
        ("Officials in Moscow accused Kyiv of sabotage.", "RUSGOV"),
    ] {
        let got = coded(text, "20250304");
        assert!(got.iter().any(|(_, s, ..)| s == src), "{text}: want source {src}, got {got:?}");
    }
    // The capital alone still stands for the government.
    let got = coded("Tehran condemned the sanctions imposed by the European Union.", "20250304");
    assert!(got.iter().any(|(_, s, ..)| s == "IRNGOV"), "{got:?}");
}

#[test]
fn ending_something_says_what_was_done_and_the_ended_state_is_no_new_event() {
    let got = coded(
        "Ethiopia and Eritrea signed a peace deal in Jeddah, ending decades of hostility.",
        "20250304",
    );
    assert!(!got.iter().any(|(w, ..)| w == "ending"), "ending hostility is no act: {got:?}");
    let got = coded("The United States ended military aid to Niger on Friday.", "20250304");
    assert!(
        got.iter()
            .any(|(w, s, t, c)| w == "ended" && s == "USA" && t == "NER" && c.starts_with("162")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(w, ..)| w == "aid"), "the aid ended is no new event: {got:?}");
    let got =
        coded("Teachers called off their strike after the government raised salaries.", "20250304");
    assert!(got.iter().any(|(_, _, _, c)| c == "082"), "{got:?}");
}

#[test]
fn the_by_phrase_of_a_passive_is_its_doer_wherever_it_stands() {
    let got = by_trigger(
        "Hundreds of migrants were rescued off the coast of Libya by the Italian coast guard.",
        "20250304",
        "rescued",
    );
    assert!(got.iter().any(|(s, ..)| s.starts_with("ITA")), "{got:?}");
    assert!(!got.iter().any(|(s, ..)| s.starts_with("LBY")), "{got:?}");
}

#[test]
fn calling_a_strike_or_a_ceasefire_declares_it_and_is_no_appeal_or_phone_call() {
    for (text, code) in [
        ("The union called a general strike for Monday.", "143"),
        ("The rebels called a ceasefire on Friday.", "0871"),
    ] {
        let got = coded(text, "20250304");
        assert!(got.iter().any(|(.., c)| c == code), "{text}: want {code}, got {got:?}");
        assert!(!got.iter().any(|(w, ..)| w == "called"), "{text}: no second event, got {got:?}");
    }
    // Calling on someone to act stays an appeal.
    let got = coded("Kenya called on Somalia to release the hostages.", "20250304");
    assert!(
        got.iter().any(|(w, _, _, c)| w.starts_with("called") && c.starts_with("02")),
        "{got:?}"
    );
}
