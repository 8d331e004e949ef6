//! Session-14 coder rules written by engineer P7, each checked on invented sentences, not on the
//! reports that showed the gap (`tests/cases/fresh_news_s14.txt`, `fresh_news_s13.txt` and the
//! session's known defects): raw text through [`pipeline::Engine`] with the built-in lexicon, as
//! `annalist code` reads it.

/// The coded events as (trigger text, sources, targets, code).
fn coded(text: &str) -> Vec<(String, String, String, String)> {
    pipeline::eval::coded_events("rules_p7_s14", text, "20260311")
}

/// The noun "strike" held by workers, teachers or doctors, or of a stated span or reach, is a
/// work stoppage (143) made at home; an army's strike stays an act of force.
#[test]
fn a_labour_strike_named_by_a_noun_is_no_act_of_force() {
    for (text, src) in [
        ("Doctors in South Korea staged a 24-hour strike on Friday.", "KOR"),
        ("Teachers in Kenya began a nationwide strike on Monday over pay.", "KEN"),
        ("Dock workers in Belgium launched an indefinite strike on Wednesday.", "BEL"),
    ] {
        let got = coded(text);
        assert!(
            got.iter().any(|(_, s, t, c)| c == "143" && s.starts_with(src) && t.starts_with(src)),
            "{text}: {got:?}"
        );
        assert!(!got.iter().any(|(_, _, _, c)| c.starts_with("19")), "{text}: {got:?}");
    }
    let got =
        coded("Israel carried out a strike on a Hezbollah weapons depot in Lebanon on Monday.");
    assert!(got.iter().any(|(_, _, _, c)| c.starts_with("19")), "{got:?}");
}

/// A raid or search by police, prosecutors or investigators is law enforcement (171), not
/// military force; troops raiding a camp still fight (190).
#[test]
fn a_raid_by_police_or_prosecutors_is_law_enforcement() {
    for text in [
        "Police raided the headquarters of an opposition newspaper in Istanbul on Monday.",
        "Prosecutors in Brazil raided the home of a former president on Thursday.",
    ] {
        let got = coded(text);
        assert!(got.iter().any(|(_, _, _, c)| c == "171"), "{text}: {got:?}");
        assert!(!got.iter().any(|(_, _, _, c)| c.starts_with("19")), "{text}: {got:?}");
    }
    let got = coded("Israeli troops raided the Jenin refugee camp on Monday.");
    assert!(got.iter().any(|(_, _, _, c)| c == "190"), "{got:?}");
}

/// Arresting or detaining soldiers is an arrest (173); soldiers captured by the other side
/// are still taken captive.
#[test]
fn arresting_soldiers_is_an_arrest() {
    for text in [
        "The government arrested 14 soldiers on Sunday over an attempted coup.",
        "Burkina Faso's junta detained three army officers accused of plotting a coup.",
    ] {
        let got = coded(text);
        assert!(got.iter().any(|(_, _, _, c)| c == "173"), "{text}: {got:?}");
        assert!(!got.iter().any(|(_, _, _, c)| c == "181"), "{text}: {got:?}");
    }
}

/// Hackers' attacks are cyber attacks (176), whatever the verb of force.
#[test]
fn hackers_attack_through_the_network() {
    for (text, src) in [
        ("Chinese hackers targeted the foreign ministry of the Czech Republic on Monday.", "CHN"),
        ("Russian hackers attacked the computer systems of a Polish water utility.", "RUS"),
    ] {
        let got = coded(text);
        assert!(got.iter().any(|(_, s, _, c)| c == "176" && s.starts_with(src)), "{text}: {got:?}");
        assert!(!got.iter().any(|(_, _, _, c)| c.starts_with("19")), "{text}: {got:?}");
    }
}

/// One's own forces deployed or massed along a border are aimed at the country across it.
#[test]
fn forces_sent_to_a_border_face_the_country_across_it() {
    for (text, src, tgt) in [
        ("Russia massed tanks near its border with Ukraine on Friday.", "RUS", "UKR"),
        ("Colombia deployed 2,000 soldiers to its border with Venezuela.", "COL", "VEN"),
    ] {
        let got = coded(text);
        assert!(
            got.iter().any(|(_, s, t, c)| c.starts_with("15")
                && s.starts_with(src)
                && t.starts_with(tgt)),
            "{text}: {got:?}"
        );
    }
}

/// Warning someone that one would take measures or steps threatens the one warned (13).
#[test]
fn a_warning_of_measures_is_a_threat() {
    for (text, src, tgt) in [
        (
            "Russia warned Finland on Tuesday that it would take military-technical measures.",
            "RUS",
            "FIN",
        ),
        (
            "Beijing warned Manila that it will take resolute steps to protect its sovereignty.",
            "CHN",
            "PHL",
        ),
    ] {
        let got = coded(text);
        assert!(
            got.iter().any(|(_, s, t, c)| c.starts_with("13")
                && s.starts_with(src)
                && t.starts_with(tgt)),
            "{text}: {got:?}"
        );
    }
}

/// A span named as next, this or the coming one says when the sending happens, no time limit
/// (no ultimatum, 139); people sent named by their role alone are not the one helped: the
/// `to` phrase is.
#[test]
fn troops_sent_next_month_are_no_ultimatum_and_go_to_the_country_named() {
    for (text, src, tgt) in [
        ("Canada will send 150 troops to Latvia next month to train local forces.", "CAN", "LVA"),
        (
            "Japan sent a team of doctors to Turkey on Monday to help earthquake victims.",
            "JPN",
            "TUR",
        ),
        ("Germany will deploy 5,000 troops to Lithuania next year.", "DEU", "LTU"),
    ] {
        let got = coded(text);
        assert!(!got.iter().any(|(_, _, _, c)| c == "139"), "{text}: {got:?}");
        assert!(
            got.iter().any(|(_, s, t, _)| s.starts_with(src) && t.starts_with(tgt)),
            "{text}: {got:?}"
        );
    }
    // A time limit given to someone is still an ultimatum.
    let got = coded("The United States gave Iran two months to reach a deal.");
    assert!(got.iter().any(|(_, _, _, c)| c == "139"), "{got:?}");
}

/// A pattern's "to" before the one acted on is the preposition: a march or a protest "to
/// demand" something of someone is a demonstration (141), no official complaint (114) to them;
/// a protest made "to" a government still is.
#[test]
fn an_infinitive_to_is_no_addressee() {
    for text in [
        "Thousands of people marched through Tbilisi on Sunday to demand the release of the jailed journalists.",
        "Farmers protested in Paris on Tuesday to demand the scrapping of the trade deal.",
    ] {
        let got = coded(text);
        assert!(!got.iter().any(|(_, _, _, c)| c == "114"), "{text}: {got:?}");
        assert!(got.iter().any(|(_, _, _, c)| c.starts_with("14")), "{text}: {got:?}");
    }
    let got = coded("China protested to Japan on Monday over the visit.");
    assert!(
        got.iter().any(|(_, s, t, c)| c == "114" && s.starts_with("CHN") && t.starts_with("JPN")),
        "{got:?}"
    );
}
