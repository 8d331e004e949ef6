//! Session-12 coder rules written by the lead, each checked on invented sentences (not on the
//! articles that showed the gap): raw text through [`pipeline::Engine`] with the built-in
//! lexicon, as `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str, date: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_lead_s12", text, date)
}

#[test]
fn a_speaker_whose_claim_is_coded_is_its_attribution_not_a_statement_event() {
    for (text, deed) in [
        (
            "Gunmen killed four villagers in Zamfara state on Sunday, a police spokesman said.",
            "killed",
        ),
        ("Uganda's army said its troops had arrested 12 rebels near the border.", "arrested"),
        ("The ministry said in a statement that police had detained two journalists.", "detained"),
        ("Soldiers arrested 23 people in Kisumu, a police statement said.", "arrested"),
        (
            "Protesters stormed a police station in Kasese, a local official told Reuters.",
            "stormed",
        ),
    ] {
        let got = coded(text, "20240311");
        assert!(got.iter().any(|(w, ..)| w == deed), "{text}: want `{deed}`, got {got:?}");
        assert!(
            !got.iter().any(|(.., c)| c == "010"),
            "{text}: the speaker is attribution, no 010 event: {got:?}"
        );
    }
}

#[test]
fn a_statement_is_kept_when_it_is_aimed_at_someone_or_its_content_codes_nothing() {
    // Told to someone other than the press: an event of its own.
    let got = coded(
        "Interior Minister Rana Sanaullah told parliament in Islamabad that the bomber had entered the compound.",
        "20240311",
    );
    assert!(
        got.iter().any(|(w, _, t, c)| w == "told" && c == "010" && t.starts_with("PAK")),
        "{got:?}"
    );
    // What was said codes no event: the statement is all there is.
    let got = coded(
        "Kenyan President William Ruto said on Monday that the talks had been useful.",
        "20240311",
    );
    assert!(
        got.iter().any(|(w, s, _, c)| w == "said" && c == "010" && s.starts_with("KEN")),
        "{got:?}"
    );
}

#[test]
fn a_claim_hung_on_the_channel_it_was_made_through_is_what_was_said() {
    for (text, deed, source) in [
        (
            "Kenya's interior ministry said in a statement that police had detained two opposition leaders.",
            "detained",
            "KENCOP",
        ),
        ("The Malian army said on Twitter that its troops had killed 12 militants near Gao.", "killed", "MLI"),
        (
            "Nigeria's defence ministry said in a statement on Friday that troops had rescued 20 hostages.",
            "rescued",
            "NGAMIL",
        ),
    ] {
        let got = coded(text, "20240311");
        assert!(
            got.iter().any(|(w, s, ..)| w == deed && s.starts_with(source)),
            "{text}: want `{deed}` by {source}, got {got:?}"
        );
    }
    // A relative clause on the channel ("a statement that condemned …") stays the noun's.
    let got =
        coded("The group said in a statement that condemned the attack on Friday.", "20240311");
    assert!(!got.iter().any(|(w, ..)| w == "condemned"), "{got:?}");
}

#[test]
fn a_title_set_before_a_name_between_commas_is_the_subject() {
    for (text, trigger, source) in [
        (
            "The European Union's foreign policy chief, Kaja Kallas, condemned the crackdown on protesters in Georgia.",
            "condemned",
            "IGOEUR",
        ),
        ("Sudan's army chief, Abdel Fattah al-Burhan, rejected the truce proposal.", "rejected", "SDN"),
        ("Pakistan's army chief, Asim Munir, met Chinese officials in Beijing on Monday.", "met", "PAK"),
    ] {
        let got = coded(text, "20250311");
        assert!(
            got.iter().any(|(w, s, ..)| w == trigger && s.starts_with(source)),
            "{text}: want `{trigger}` by {source}, got {got:?}"
        );
    }
}

#[test]
fn two_countries_forces_in_one_phrase_exchange_fire_with_each_other() {
    let got = coded(
        "Pakistani and Afghan border forces exchanged heavy fire overnight at the Chaman crossing.",
        "20251003",
    );
    for (s, t) in [("PAKMIL", "AFGMIL"), ("AFGMIL", "PAKMIL")] {
        assert!(
            got.iter().any(|(w, gs, gt, _)| w == "exchanged" && gs == s && gt == t),
            "{s} -> {t}: {got:?}"
        );
    }
    assert!(!got.iter().any(|(_, _, t, _)| t == "PAK"), "the crossing is the place: {got:?}");
}

#[test]
fn throwing_stones_at_someone_is_a_riot_and_returning_to_power_no_visit() {
    for text in [
        "Protesters in Nairobi hurled rocks at police on Tuesday.",
        "Demonstrators threw petrol bombs and stones at riot police in Belgrade.",
    ] {
        let got = coded(text, "20250311");
        assert!(got.iter().any(|(.., c)| c.starts_with("145")), "{text}: {got:?}");
    }
    assert!(coded("The coach threw his support behind the president.", "20250311").is_empty());
    let got = coded("The Taliban returned to power in Afghanistan in 2021.", "20250311");
    assert!(!got.iter().any(|(.., c)| c == "042"), "{got:?}");
}

#[test]
fn a_name_word_the_tagger_read_as_a_verb_stays_in_the_name() {
    for (text, trigger, source) in [
        (
            "Human Rights Watch urged the Burmese junta on Monday to release all political prisoners.",
            "urged",
            "NGOHRI",
        ),
        ("The Committee to Protect Journalists condemned the arrest of two Tunisian reporters.", "condemned", "NGO"),
    ] {
        let got = coded(text, "20250304");
        assert!(
            got.iter().any(|(w, s, ..)| w == trigger && s.starts_with(source)),
            "{text}: want `{trigger}` by {source}, got {got:?}"
        );
    }
}
