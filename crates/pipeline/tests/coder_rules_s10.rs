//! Session-10 coder rules and lexicon entries, each checked on sentences other than the
//! fresh-news case that showed the gap (`tests/cases/fresh_news_s10.txt`): raw text through
//! [`pipeline::Engine`] with the built-in lexicon, as `annalist code` reads it.

fn coded(text: &str, date: &str) -> Vec<(String, String, String)> {
    let engine = pipeline::eval::builtin_engine().expect("engine");
    let doc = pipeline::eval::plain_text("rules_s10", text, date, None);
    let out = engine.code_raw(&doc).expect("coded");
    let codes =
        |v: &[model::ActorRef]| v.iter().map(|a| a.code.clone()).collect::<Vec<_>>().join("+");
    out.events.iter().map(|e| (codes(&e.sources), codes(&e.targets), e.code.clone())).collect()
}

/// Whether an event from `src` to `tgt` (code prefixes; "" any) with a code starting `code`
/// was coded.
fn has(text: &str, date: &str, src: &str, tgt: &str, code: &str) {
    let got = coded(text, date);
    assert!(
        got.iter().any(|(s, t, c)| s.starts_with(src) && t.starts_with(tgt) && c.starts_with(code)),
        "{text}: want {src} {tgt} {code}, got {got:?}"
    );
}

#[test]
fn joint_acts_are_cooperation_between_the_members() {
    has(
        "India and Japan set up a joint venture to build railway carriages.",
        "20240918",
        "IND",
        "JPN",
        "061",
    );
    has(
        "China and Russia began joint naval drills in the Sea of Japan on Monday.",
        "20240918",
        "RUS",
        "CHN",
        "062",
    );
    has("Japan and Vietnam held joint drills off Luzon.", "20240918", "JPN", "VNM", "062");
}

#[test]
fn military_equipment_given_is_military_aid() {
    has("France delivered three patrol vessels to Senegal.", "20240311", "FRA", "SEN", "072");
    has(
        "Turkey handed two patrol boats to the Somali navy on Monday.",
        "20240311",
        "TUR",
        "SOM",
        "072",
    );
}

#[test]
fn time_limits_are_ultimatums_and_warnings_of_response_threats() {
    has(
        "Burkina Faso's junta gave French troops one month to leave the country.",
        "20230110",
        "BFA",
        "FRA",
        "139",
    );
    has(
        "North Korea warned that it will strike the United States.",
        "20231228",
        "PRK",
        "USA",
        "138",
    );
    has(
        "Iran warned that its forces would retaliate against Israel.",
        "20231228",
        "IRN",
        "ISR",
        "138",
    );
}

#[test]
fn labels_denounce_or_praise() {
    has(
        "Russia called the Ukrainian president a puppet of the West.",
        "20240328",
        "RUS",
        "UKR",
        "111",
    );
    has("Putin called Xi Jinping a dear friend.", "20240328", "RUS", "CHN", "051");
    has("Putin called Xi Jinping on Monday.", "20240328", "RUS", "CHN", "041");
}

#[test]
fn a_counterpart_received_came_on_a_visit() {
    has(
        "Egyptian President Abdel Fattah al-Sisi received the visiting Jordanian king in Cairo.",
        "20240826",
        "JOR",
        "EGY",
        "042",
    );
    has("Putin welcomed his Chinese counterpart to the Kremlin.", "20240826", "CHN", "RUS", "042");
}

#[test]
fn participial_adjuncts_and_forecasts() {
    has(
        "Russian police arrested two Ukrainian journalists, accusing them of espionage.",
        "20240418",
        "RUS",
        "UKR",
        "112",
    );
    assert!(coded("Iran is likely to retaliate against Israel.", "20250902").is_empty());
    assert!(coded("Parliament is expected to debate the budget next week.", "20250902").is_empty());
}

#[test]
fn bombers_that_kill_are_bombings() {
    has(
        "Taliban suicide bombers killed 20 Afghan police officers in Kabul.",
        "20100629",
        "AFG",
        "AFG",
        "1831",
    );
    has("Suicide bombers killed 12 people in Nigeria.", "20240629", "", "", "1831");
}

#[test]
fn an_offer_of_talks_turned_down_is_a_refusal_to_meet() {
    has("Israel rejected Hamas's offer of talks.", "20231014", "ISR", "PSE", "125");
    has(
        "The Ukrainian government turned down a Russian offer to negotiate.",
        "20231014",
        "UKR",
        "RUS",
        "125",
    );
}

#[test]
fn vowing_to_retake_ground_threatens_force() {
    has("Ukraine vowed to retake Crimea from Russia.", "20231014", "UKR", "RUS", "138");
    has("The Syrian army vowed to recapture Idlib.", "20231014", "SYR", "", "138");
}
