//! Event places through the whole pipeline, on sentences written for these rules (not the gold
//! set's): references back to a place named earlier, withdrawals, rivers, names the text puts
//! in another country than the gazetteer's namesake.

use model::RawDocument;

fn engine() -> pipeline::Engine {
    pipeline::eval::builtin_engine().expect("engine")
}

fn doc(text: &str, date: &str) -> RawDocument {
    pipeline::eval::plain_text("places", text, date, Some("Reuters"))
}

/// (name, country) of the place of the event at the first occurrence of `trigger`.
fn place_at(
    engine: &pipeline::Engine,
    text: &str,
    date: &str,
    trigger: &str,
) -> Option<(String, String)> {
    let coded = engine.code_raw(&doc(text, date)).expect("coded");
    let t = &coded.article.text;
    let ev = coded
        .events
        .iter()
        .find(|e| e.trigger.slice(t).is_some_and(|s| s.starts_with(trigger)))
        .unwrap_or_else(|| panic!("no event at {trigger}: {:?}", coded.events));
    ev.location
        .as_ref()
        .filter(|l| l.precision != model::GeoPrecision::Unknown)
        .map(|l| (l.name.clone(), l.country.clone().unwrap_or_default()))
}

fn named(name: &str, cc: &str) -> Option<(String, String)> {
    Some((name.to_string(), cc.to_string()))
}

#[test]
fn a_reference_back_to_a_town_the_gazetteer_lacks_is_that_town() {
    let e = engine();
    let text = "Rebels pull out of Congo town\n\n\
        KINSHASA, March 4 (Reuters) - Rebels withdrew from the town of Kalembe in North Kivu \
        province on Sunday, the army said.\n\n\
        Congolese soldiers later attacked the town, a rebel spokesman said.\n";
    assert_eq!(place_at(&e, text, "2025-03-04", "attacked"), named("Kalembe", "CD"));
}

#[test]
fn a_reference_back_to_a_building_is_where_the_story_put_it() {
    let e = engine();
    let text = "Troops raid hospital in Gaza\n\n\
        CAIRO, May 7 (Reuters) - Israeli troops stormed the al-Awda hospital in Jabalia on \
        Tuesday, health officials said.\n\n\
        Witnesses said tanks shelled the courtyard of the hospital overnight.\n";
    assert_eq!(place_at(&e, text, "2025-05-07", "shelled").map(|p| p.1), Some("PS".to_string()));
}

#[test]
fn a_withdrawal_happens_where_the_forces_left() {
    let e = engine();
    let text = "Russia leaves Kherson\n\n\
        LONDON, Nov 9 (AFP) - Russian forces withdrew from Kherson in southern Ukraine on \
        Wednesday, the defence ministry in Moscow said.\n";
    let got = place_at(&e, text, "2022-11-09", "withdrew");
    assert_eq!(got.map(|p| (p.0.starts_with("Kherson"), p.1)), Some((true, "UA".to_string())));
}

#[test]
fn a_river_does_not_make_its_namesake_the_place() {
    let e = engine();
    let text = "Boat attacked in Nigeria\n\n\
        ABUJA, June 3 (Reuters) - Bandits attacked a ferry on the Niger river near Jebba in \
        Kwara state on Monday, police said. Police in Niger state said they were searching.\n";
    assert_eq!(place_at(&e, text, "2025-06-03", "attacked").map(|p| p.1), Some("NG".to_string()));
}

#[test]
fn a_name_the_text_puts_in_another_country_than_the_gazetteer_is_placed_there() {
    let e = engine();
    let text = "Rebels attack Colombian town\n\n\
        BOGOTA, Feb 2 (Reuters) - Rebels attacked a police post in the village of Nueva \
        Jordan in Cauca department on Saturday, the army said.\n";
    assert_eq!(place_at(&e, text, "2025-02-02", "attacked"), named("Nueva Jordan", "CO"));
}

#[test]
fn el_alto_is_bolivian() {
    let e = engine();
    let text = "Protest in Bolivia\n\n\
        LA PAZ, Oct 1 (AP) - Protesters blocked highways in El Alto on Monday, police said.\n";
    assert_eq!(place_at(&e, text, "2025-10-01", "blocked"), named("El Alto", "BO"));
}

#[test]
fn taking_a_named_place_is_done_there_however_it_is_coded() {
    let e = engine();
    let text = "Ukraine war\n\n\
        LONDON, Dec 11 (Reuters) - Russian forces shelled Kharkiv on Tuesday, Ukrainian \
        officials said. The army captured Avdiivka in 2024.\n";
    let got = place_at(&e, text, "2024-12-11", "captured");
    assert_eq!(got.map(|p| (p.0.starts_with("Avdiivka"), p.1)), Some((true, "UA".to_string())));
    let text = "Sudan war\n\n\
        PORT SUDAN, Feb 5 (Reuters) - Warplanes struck positions near Bara on Tuesday. Rebels \
        stormed El Fasher last year.\n";
    assert_eq!(place_at(&e, text, "2025-02-05", "stormed"), named("El Fasher", "SD"));
}

#[test]
fn a_deed_denied_in_the_assault_told_before_is_at_its_place() {
    let e = engine();
    let text = "Air strike in Myanmar\n\n\
        BANGKOK, March 5 (Reuters) - Military jets bombed the town of Mindat in Chin state on \
        Monday, residents said.\n\n\
        The junta denied that civilians were killed in the bombing.\n";
    let got = place_at(&e, text, "2025-03-05", "killed");
    assert_eq!(got.map(|p| p.1), Some("MM".to_string()));
}

#[test]
fn a_march_on_a_place_happens_there() {
    let e = engine();
    let text = "Farmers threaten march\n\n\
        LIMA, June 10 (Reuters) - Protest leaders in the southern region of Puno said on Monday \
        that thousands of farmers would march on Lima next week.\n";
    assert_eq!(place_at(&e, text, "2025-06-10", "march"), named("Lima", "PE"));
    let text = "Uganda protest\n\n\
        NAIROBI, Jan 22 (Reuters) - Thousands of Ugandan opposition supporters marched on the \
        parliament in Kampala on Tuesday, police said.\n";
    assert_eq!(place_at(&e, text, "2025-01-22", "marched"), named("Kampala", "UG"));
}

#[test]
fn a_summoned_envoy_is_summoned_in_the_summoners_country() {
    let e = engine();
    let text = "Pakistan summons Afghan envoy\n\n\
        ISLAMABAD, Oct 3 (Reuters) - Pakistan summoned Afghanistan's ambassador on Thursday to \
        protest against a cross-border raid on a checkpoint in the Kurram district, the foreign \
        office said.\n";
    assert_eq!(place_at(&e, text, "2025-10-03", "summoned"), named("Islamabad", "PK"));
    // Filed from elsewhere: the summoner's country is not the dateline's, so no place.
    let text = "Poland summons Russian envoy\n\n\
        MOSCOW, Oct 3 (Reuters) - Poland summoned Russia's ambassador on Thursday over a drone \
        that crashed near the town of Hrubieszow, the Polish foreign ministry said.\n";
    assert_eq!(place_at(&e, text, "2025-10-03", "summoned"), None);
}

#[test]
fn what_the_parties_agreed_next_is_agreed_at_their_meeting() {
    let e = engine();
    let text = "Turkey, Iraq leaders hold talks\n\n\
        ANKARA, May 6 (Reuters) - Turkish President Tayyip Erdogan met Iraqi Prime Minister \
        Mohammed Shia al-Sudani in Baghdad on Monday to discuss water sharing and a planned \
        highway, Erdogan's office said.\n\n\
        The two leaders agreed to set up a joint committee on the Tigris and Euphrates, the \
        statement said.\n";
    assert_eq!(place_at(&e, text, "2025-05-06", "agreed"), named("Baghdad", "IQ"));
    // Not the meeting's parties: no place borrowed from it.
    let text = "Turkey, Iraq leaders hold talks\n\n\
        ANKARA, May 6 (Reuters) - Turkish President Tayyip Erdogan met Iraqi Prime Minister \
        Mohammed Shia al-Sudani in Baghdad on Monday to discuss water sharing, Erdogan's office \
        said.\n\n\
        Syria agreed last year to share data on the Euphrates, the statement said.\n";
    assert_ne!(place_at(&e, text, "2025-05-06", "agreed"), named("Baghdad", "IQ"));
}

#[test]
fn a_statement_is_made_at_the_occasion_the_next_sentence_opens_with() {
    let e = engine();
    let text = "Georgian leader threatens to quit talks\n\n\
        TBILISI, April 9 (AP) - Georgian Prime Minister Irakli Kobakhidze threatened on Tuesday \
        to pull out of talks with the European Union unless Brussels dropped its conditions.\n\n\
        Speaking at a party congress in Batumi, Kobakhidze said the government would not accept \
        outside pressure.\n";
    assert_eq!(place_at(&e, text, "2025-04-09", "threatened"), named("Batumi", "GE"));
    // Another speaker's occasion does not place it.
    let text = "Georgian leader threatens to quit talks\n\n\
        TBILISI, April 9 (AP) - Georgian Prime Minister Irakli Kobakhidze threatened on Tuesday \
        to pull out of talks with the European Union unless Brussels dropped its conditions.\n\n\
        Speaking at a party congress in Batumi, opposition leader Nika Melia said the \
        government would not last.\n";
    assert_eq!(place_at(&e, text, "2025-04-09", "threatened"), None);
}

#[test]
fn a_site_without_a_place_name_is_in_the_story_place_of_a_story_filed_abroad() {
    let e = engine();
    let text = "Unrest in Nairobi\n\n\
        KAMPALA, Jan 11 (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on \
        Wednesday, witnesses said.\n\n\
        Protesters from Kenya's coastal city of Mombasa had marched on parliament earlier in \
        the day.\n";
    assert_eq!(place_at(&e, text, "2025-01-11", "marched"), named("Nairobi", "KE"));
}

#[test]
fn a_site_stormed_by_a_crowd_of_no_country_is_in_the_story_place() {
    let e = engine();
    let text = "Uganda police fire tear gas\n\n\
        NAIROBI, Jan 13 (Reuters) - Police in Uganda fired tear gas at opposition supporters in \
        Kampala on Monday, witnesses said.\n\n\
        Demonstrators had earlier stormed the headquarters of the electoral commission, the \
        witnesses said.\n";
    assert_eq!(place_at(&e, text, "2025-01-13", "stormed"), named("Kampala", "UG"));
}

#[test]
fn where_a_speaker_said_something_is_not_where_the_deed_was_done() {
    let e = engine();
    let text = "Ethiopia denies incursion\n\n\
        NAIROBI, Dec 9 (Reuters) - Kenyan police said Ethiopian troops had detained herders \
        near Moyale on Monday.\n\n\
        Ethiopia's government spokesman said in Addis Ababa that the troops had not crossed \
        the border.\n";
    assert_ne!(place_at(&e, text, "2025-12-09", "crossed"), named("Addis Ababa", "ET"));
}

#[test]
fn a_town_known_only_by_another_form_is_in_the_country_the_story_names() {
    // The gazetteer holds Kawkareik only as a derived name, in Myanmar; a Bangkok dateline and
    // a road "to Thailand" must not make it Thai.
    let e = engine();
    let text = "Fighting near Thai border\n\n\
        BANGKOK, June 2 (Reuters) - Thai officials met Myanmar's envoy on Monday.\n\n\
        Ethnic rebels seized the town of Kawkareik on the highway to Thailand on Sunday, \
        residents said. Myanmar's army denied it.\n";
    assert_eq!(place_at(&e, text, "2025-06-02", "seized"), named("Kawkareik", "MM"));
}

#[test]
fn the_words_of_a_group_name_are_no_places() {
    // "Boko" (Kazakhstan) and "Haram" (Norway) must not pull the story abroad.
    let e = engine();
    let text = "Militants raid Nigerian village\n\n\
        Boko Haram fighters attacked the village of Kalle on Tuesday, killing four farmers, \
        Nigerian police said.\n";
    let coded = e.code_raw(&doc(text, "2025-06-03")).expect("coded");
    for ev in &coded.events {
        let cc = ev.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default();
        assert!(cc != "KZ" && cc != "NO", "{:?}", ev.location);
    }
}

#[test]
fn a_later_deed_of_the_sentence_is_at_the_unlisted_village_written_inside_its_province() {
    let e = engine();
    let text = "Rebels raid village in Congo\n\n\
        KINSHASA, March 4 (Reuters) - The army said rebels had looted a clinic in the village of \
        Mbau Kasinga in North Kivu province, after residents said an attack on Sunday killed \
        six people.\n";
    assert_eq!(place_at(&e, text, "2025-03-04", "attack"), named("Mbau Kasinga", "CD"));
}

#[test]
fn a_part_of_the_country_by_its_bearing_is_the_country_not_the_dateline_city() {
    let e = engine();
    let text = "Soldiers killed in Burkina Faso\n\n\
        OUAGADOUGOU, March 4 (Reuters) - Jihadist fighters killed 12 soldiers in \
        the country's north on Sunday, the army said.\n";
    assert_eq!(place_at(&e, text, "2025-03-04", "killed"), named("Burkina Faso", "BF"));
}

#[test]
fn a_lake_or_a_mountain_named_as_such_places_the_deed() {
    let e = engine();
    let text = "Boat attacked on Lake Kivu\n\n\
        KINSHASA, March 4 (Reuters) - Gunmen attacked a fishing boat on Lake Edwardo on \
        Saturday, killing two fishermen, the army said.\n";
    assert_eq!(place_at(&e, text, "2025-03-04", "attacked"), named("Lake Edwardo", "CD"));
}

#[test]
fn a_deed_done_during_an_operation_is_where_the_operation_was_aimed() {
    let e = engine();
    let text = "Troops kill three in raid\n\n\
        ISLAMABAD, May 7 (Reuters) - Pakistani troops killed three militants during a raid on \
        Bannu on Tuesday, the army said.\n";
    let p = place_at(&e, text, "2025-05-07", "killed");
    assert!(p.as_ref().is_some_and(|p| p.0 == "Bannu" && p.1 == "PK"), "{p:?}");
    let text = "Police detain suspects\n\n\
        BAGHDAD, May 7 (Reuters) - Iraqi police detained 12 suspects during a sweep of \
        Fallujah on Tuesday, officials said.\n";
    // The gazetteer's name, "Al Fallūjah".
    let p = place_at(&e, text, "2025-05-07", "detained");
    assert!(p.as_ref().is_some_and(|p| p.0.contains("Fall") && p.1 == "IQ"), "{p:?}");
}

#[test]
fn a_bearing_from_a_known_place_says_where_an_unlisted_village_lies() {
    let e = engine();
    let text = "Militia attacks Congo village\n\n\
        NAIROBI, March 4 (Reuters) - Militiamen attacked the village of Kalembe, north of \
        Goma, on Sunday, aid workers said.\n";
    assert_eq!(place_at(&e, text, "2025-03-04", "attacked"), named("Kalembe", "CD"));
    let text = "Gunmen raid Syrian village\n\n\
        BEIRUT, March 4 (Reuters) - Gunmen raided the village of Kafr Nabudah northwest of \
        Hama on Sunday, a war monitor said.\n";
    assert_eq!(place_at(&e, text, "2025-03-04", "raided").map(|p| p.1), Some("SY".to_string()));
}
