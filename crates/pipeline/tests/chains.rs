//! Attribution chains through the whole pipeline, on sentences written for these rules (not the
//! gold set's).

use model::AttributionRole;

/// The chain after the outlet of the event at the first trigger `trigger`.
fn chain_at(text: &str, trigger: &str) -> Vec<String> {
    let engine = pipeline::eval::builtin_engine().expect("engine");
    let raw = pipeline::eval::plain_text("chains", text, "2025-04-02", Some("Reuters"));
    let coded = engine.code_raw(&raw).expect("coded");
    let t = &coded.article.text;
    let ev = coded
        .events
        .iter()
        .find(|e| e.trigger.slice(t) == Some(trigger))
        .unwrap_or_else(|| panic!("no event at {trigger}: {:?}", coded.events));
    ev.attribution
        .chain
        .iter()
        .filter(|l| l.role != AttributionRole::Outlet)
        .map(|l| l.text.clone())
        .collect()
}

#[test]
fn a_deed_inside_a_direct_quote_is_the_quoted_speakers_account() {
    let text = "Drone strike in Syria\n\n\
        BEIRUT, April 2 (Reuters) - Turkish drones struck a car in the Syrian city of Raqqa on \
        Tuesday, a monitoring group said.\n\n\
        \"They hit us in the middle of Raqqa, in front of a pharmacy,\" YPG commander Ahmed \
        Hassan told reporters in Tabqa on Wednesday.\n";
    assert_eq!(chain_at(text, "hit"), ["YPG commander Ahmed Hassan"]);
}
