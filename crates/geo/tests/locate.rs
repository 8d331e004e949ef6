//! The event-location contract: the attached phrase's place, else the dateline's, else
//! unknown — with the precision of what was found, the span it came from, and never a capital
//! by default; metonyms and demonyms are not locations.

use geo::{ArticlePlaces, EventSite, Gazetteer, PlaceBasis, PlaceKind};
use model::{GeoPrecision, Span};

fn span_of(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect("needle in text");
    Span::new(s, s + needle.len())
}

fn gaz() -> &'static Gazetteer {
    Gazetteer::shared().expect("embedded gazetteer")
}

#[test]
fn attached_phrase_wins_and_reports_precision() {
    let g = gaz();
    let text = "BAGHDAD (Annalist Wire) — A bomb exploded at Camp Ashraf in Diyala province on \
        Monday, and gunmen attacked a checkpoint in Diyala, police in Baqubah said.";
    let places = ArticlePlaces::analyze(g, text, &["IQ"]);
    let camp = [span_of(text, "at Camp Ashraf in Diyala province")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "exploded"), attached: &camp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    let loc = &ev.location;
    assert_eq!(loc.name, "Camp Ashraf");
    assert_eq!(loc.precision, GeoPrecision::Place);
    assert_eq!(loc.country.as_deref(), Some("IQ"));
    assert_eq!(loc.admin1.as_deref(), Some("Diyālá"));
    assert_eq!(loc.span.and_then(|s| s.slice(text)), Some("Camp Ashraf"));
    assert_eq!(loc.gazetteer_id.as_deref(), Some("annalist:camp-ashraf"));

    let pp = [span_of(text, "in Diyala,")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "attacked"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.location.precision, GeoPrecision::Province);
    assert_eq!(ev.location.gazetteer_id.as_deref(), Some("geonames:96965"));
}

#[test]
fn dateline_then_unknown_never_a_capital() {
    let g = gaz();
    let text = "BAQUBAH, Iraq (Annalist Wire) — Tehran rejected the report on Sunday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    assert!(places.metonyms().any(|r| r.toponym.span.slice(text) == Some("Tehran")));
    // "Tehran" is an actor here, not where anything happened; the dateline answers.
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "rejected"), attached: &[], dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Dateline);
    assert_eq!(ev.location.name, "Baqubah");
    assert_eq!(ev.location.precision, GeoPrecision::City);

    let text = "Iraqi officials said on Sunday that talks would resume. Moscow said it agreed.";
    let places = ArticlePlaces::analyze(g, text, &["IQ"]);
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "resume"), attached: &[], dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Unknown);
    assert_eq!(ev.location.precision, GeoPrecision::Unknown);
    assert!(ev.location.lat.is_none() && ev.location.name.is_empty());
}

#[test]
fn a_country_in_the_phrase_is_country_precision() {
    let g = gaz();
    let text = "The militants carried out attacks in Syria last year.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in Syria")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "attacks"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.location.precision, GeoPrecision::Country);
    assert_eq!(ev.location.country.as_deref(), Some("SY"));
    // A demonym inside an attached phrase is not a location.
    let text = "Talks took place with Syrian officials.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "with Syrian officials")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "Talks"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Unknown);
}

#[test]
fn actor_countries_break_ties() {
    let g = gaz();
    let text = "Protesters gathered in Hyderabad on Friday.";
    let pp = [span_of(text, "in Hyderabad")];
    let site =
        EventSite { trigger: span_of(text, "gathered"), attached: &pp, dateline: None, text };
    let pk = ArticlePlaces::analyze(g, text, &["PK"]).locate(g, &site);
    let ind = ArticlePlaces::analyze(g, text, &["IN"]).locate(g, &site);
    assert_eq!(pk.location.country.as_deref(), Some("PK"));
    assert_eq!(ind.location.country.as_deref(), Some("IN"));
}

#[test]
fn wire_datelines_with_a_date() {
    let g = gaz();
    for (text, place) in [
        ("CAIRO, June 10 (Reuters) - Leaders met in the city on Sunday.", "Cairo"),
        ("LAGOS, Feb. 4 (Reuters) - Gunmen released four engineers.", "Lagos"),
        ("ISTANBUL, July 30 - Police detained a journalist.", "Istanbul"),
        ("GOMA, Congo, Nov. 28, 2012 (Reuters) - Rebels denied it.", "Goma"),
        ("BAQUBAH, Iraq, Monday — Gunmen attacked a checkpoint.", "Baqubah"),
    ] {
        let places = ArticlePlaces::analyze(g, text, &[]);
        let ev = places.dateline_place(g);
        assert_eq!(ev.basis, PlaceBasis::Dateline, "{text}");
        assert_eq!(ev.location.name, place, "{text}");
    }
    // A first sentence that merely opens with a place and a date is no dateline.
    let text = "Cairo, June 10 is the day the talks open in Geneva.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    assert_eq!(places.dateline_place(g).basis, PlaceBasis::Unknown);
}

#[test]
fn sentence_place_is_the_finest_place_a_locative_governs() {
    let g = gaz();
    let text = "LAGOS, Feb. 4 (Reuters) - Gunmen released engineers kidnapped from an oil \
        facility in Nigeria's Delta state, police told reporters from Abuja.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let sentence = Span::new(0, text.len());
    let ev = places.sentence_place(g, text, sentence, span_of(text, "kidnapped"));
    assert_eq!(ev.basis, PlaceBasis::Sentence);
    assert_eq!(ev.location.name, "Delta");
    assert_eq!(ev.location.precision, GeoPrecision::Province);
    // "from Abuja" is no place of the event, and the dateline is not the sentence's place.
    let text = "LAGOS, Feb. 4 (Reuters) - Police told reporters from Abuja.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let ev = places.sentence_place(g, text, Span::new(0, text.len()), span_of(text, "told"));
    assert_eq!(ev.basis, PlaceBasis::Unknown);
    // A second-level division a first-level one owns is the finer place.
    let text = "JAKARTA (Reuters) - Rebels burned a school in Papua's Puncak regency, police said.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let ev = places.sentence_place(g, text, Span::new(0, text.len()), span_of(text, "burned"));
    assert_eq!(ev.location.span.and_then(|s| s.slice(text)), Some("Puncak"));
}

#[test]
fn a_topic_inside_the_attached_phrase_is_not_the_place() {
    let g = gaz();
    let text = "BRUSSELS, Aug. 18 (Reuters) - The leaders failed to reach agreement at talks on \
        easing tensions in northern Kosovo.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "at talks on easing tensions in northern Kosovo")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "reach"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Dateline);
    assert_eq!(ev.location.name, "Brussels");
}

#[test]
fn a_definite_type_noun_takes_its_antecedent() {
    let g = gaz();
    let text = "Gunmen attacked Camp Ashraf in Diyala on Monday. Iraqi forces took over \
        security at the camp on January 1.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "at the camp")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "took"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.name, "Camp Ashraf");
    // "the city" has no city before it here: unknown, not the camp.
    let none = ArticlePlaces::analyze(g, "They met at the city hall.", &[]);
    let t = "They met at the city hall.";
    let city = [span_of(t, "at the city hall")];
    let ev2 = none.locate(
        g,
        &EventSite { trigger: span_of(t, "met"), attached: &city, dateline: None, text: t },
    );
    assert_eq!(ev2.basis, PlaceBasis::Unknown);
}

#[test]
fn a_one_country_region_locates_as_a_province_a_wider_one_not_at_all() {
    let g = gaz();
    let text = "Militias blocked monitors in Darfur and clashed in the Middle East.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let darfur = [span_of(text, "in Darfur")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "blocked"), attached: &darfur, dateline: None, text },
    );
    assert_eq!(ev.location.name, "Darfur");
    assert_eq!(ev.location.precision, GeoPrecision::Province);
    let mideast = [span_of(text, "in the Middle East")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "clashed"), attached: &mideast, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Unknown);
}

#[test]
fn a_topic_phrase_does_not_place_the_talks() {
    let g = gaz();
    let text = "The leaders failed to reach agreement at talks on easing tensions in northern \
        Kosovo. Troops were deployed on Thursday in Pristina.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let s1 = span_of(
        text,
        "The leaders failed to reach agreement at talks on easing tensions in northern Kosovo.",
    );
    let ev = places.sentence_place(g, text, s1, span_of(text, "reach"));
    assert_eq!(ev.basis, PlaceBasis::Unknown);
    let s2 = span_of(text, "Troops were deployed on Thursday in Pristina.");
    let ev = places.sentence_place(g, text, s2, span_of(text, "deployed"));
    assert_eq!(ev.location.name, "Pristina");
}

#[test]
fn arabic_names_without_the_article_and_news_spellings() {
    let g = gaz();
    let name = |n: &str| -> Vec<String> {
        g.lookup(n).iter().filter_map(|c| g.place(c.place)).map(|p| p.name.to_string()).collect()
    };
    assert!(name("Qamishli").iter().any(|n| n == "Al Qāmishlī"), "{:?}", name("Qamishli"));
    assert!(name("Tal Abyad").iter().any(|n| n.starts_with("Tall Abya")));
    assert!(name("Hodeidah").iter().any(|n| n == "Al Ḩudaydah"));
    // Only places of Arabic-speaking countries, and never for a plain word.
    assert!(name("Qaeda").is_empty());
}

#[test]
fn bearings_type_nouns_capitals_and_sites_in_the_sentence() {
    let g = gaz();
    let text = "ISLAMABAD (Annalist Wire) — Militants attacked a checkpoint outside the \
        northwestern city of Peshawar. Gunmen ambushed a patrol 30 kilometres north of \
        Tikrit. Police fired tear gas at a crowd in the capital. Israel reopened the Kerem \
        Shalom crossing. A man stabbed a soldier in the West Bank city of Hebron.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    // Each sentence on its own, as the pipeline passes them.
    let sentence = |t: Span| {
        let start = text[..t.start as usize].rfind(". ").map_or(0, |i| i + 2);
        let end = text[t.end as usize..].find('.').map_or(text.len(), |i| t.end as usize + i);
        Span::new(start, end)
    };
    let at = |trigger: &str| {
        let t = span_of(text, trigger);
        places.sentence_place(g, text, sentence(t), t)
    };
    let found = at("attacked");
    assert_eq!(found.basis, PlaceBasis::Sentence);
    assert_eq!(found.location.name, "Peshawar");
    assert_eq!(at("ambushed").location.country.as_deref(), Some("IQ"));
    assert_eq!(at("reopened").location.precision, GeoPrecision::Place);
    assert_eq!(at("stabbed").location.name, "Hebron");

    // "in the capital": the last national capital named before.
    let pp = [span_of(text, "in the capital")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "fired"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.name, "Islamabad");
}

#[test]
fn an_attack_on_a_village_is_no_topic() {
    let g = gaz();
    let text = "MAPUTO (Annalist Wire) — Insurgents killed 12 villagers in an attack on a \
        village in the country's northern Cabo Delgado province.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(
        text,
        "in an attack on a village in the country's northern Cabo Delgado province",
    )];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "killed"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.precision, GeoPrecision::Province);
    assert_eq!(ev.location.country.as_deref(), Some("MZ"));
}

#[test]
fn inside_a_phrase_the_place_beats_reference_points_and_containers() {
    let g = gaz();
    let text = "TUNIS (Annalist Wire) — In Misrata, about 200 km east of Tripoli, fighters \
        rallied. Gangs attacked a station in the Port-au-Prince suburb of Croix-des-Bouquets. \
        Troops killed militants in the mountains of Lanao del Sur province.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    // "east of Tripoli" only says how far Misrata is from Tripoli.
    assert_eq!(
        at("rallied", "In Misrata, about 200 km east of Tripoli").country.as_deref(),
        Some("LY")
    );
    assert_ne!(at("rallied", "In Misrata, about 200 km east of Tripoli").name, "Tripoli");
    // The capital is the suburb's container.
    assert_eq!(
        at("attacked", "in the Port-au-Prince suburb of Croix-des-Bouquets").name,
        "Croix-des-Bouquets"
    );
    // A parse that cut the phrase inside the name still places the event there.
    assert_eq!(at("killed", "in the mountains of Lanao del").name, "Lanao del Sur");
}

#[test]
fn names_with_a_joined_arabic_article_are_recognised() {
    let g = gaz();
    let text = "Troops attacked the border town of Ras al-Ain. A strike hit a house in Deir \
        el-Balah.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let names: Vec<&str> =
        places.resolved.iter().filter_map(|r| r.toponym.span.slice(text)).collect();
    assert!(names.contains(&"Ras al-Ain"), "{names:?}");
    assert!(names.contains(&"Deir el-Balah"), "{names:?}");
}

#[test]
fn a_bearing_after_a_name_describes_that_name() {
    let g = gaz();
    let text = "In Misrata, about 200 km east of Tripoli, the forces loyal to the government \
        rallied on Sunday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let found = places.sentence_place(g, text, Span::new(0, text.len()), span_of(text, "rallied"));
    assert_eq!(found.basis, PlaceBasis::Sentence);
    assert_ne!(found.location.name, "Tripoli");
    assert_eq!(found.location.country.as_deref(), Some("LY"));
}

#[test]
fn a_region_named_in_a_group_name_is_still_a_place_after_a_preposition() {
    let g = gaz();
    let text = "The Tigray People's Liberation Front said troops captured the town in \
        northwestern Tigray.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let last = places.resolved.last().map(|r| r.toponym.span.slice(text));
    assert_eq!(last, Some(Some("Tigray")));
}

#[test]
fn a_nationality_before_its_ground_names_the_country() {
    let g = gaz();
    let text = "Turkish jets struck militants in Iraqi territory on Monday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in Iraqi territory")];
    let site = EventSite { trigger: span_of(text, "struck"), attached: &pp, dateline: None, text };
    let ev = places.locate(g, &site);
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.country.as_deref(), Some("IQ"));
    assert_eq!(ev.location.precision, GeoPrecision::Country);
    // Without a word for the ground the nationality is no place ("in Iraqi raids").
    let text = "Turkish jets struck militants in Iraqi raids on Monday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in Iraqi raids")];
    let site = EventSite { trigger: span_of(text, "struck"), attached: &pp, dateline: None, text };
    assert_eq!(places.locate(g, &site).basis, PlaceBasis::Unknown);
}

#[test]
fn a_nationality_on_a_place_noun_two_towns_and_a_stray_reading() {
    let g = gaz();
    // Nothing finer named: the nationality on "air bases" names the country.
    let text = "BAGHDAD (Annalist Wire) — Iran fired missiles at two Iraqi air bases on Wednesday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "at two Iraqi air bases")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "fired"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.precision, GeoPrecision::Country);
    assert_eq!(ev.location.country.as_deref(), Some("IQ"));

    // Two towns side by side: what holds both, here the place the phrase names before them.
    let text = "JERUSALEM (Annalist Wire) — Troops raided the West Bank cities of Jenin and \
        Tulkarm on Wednesday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "the West Bank cities of Jenin and Tulkarm")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "raided"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.location.name, "West Bank");
    assert_eq!(ev.location.precision, GeoPrecision::Province);
    // One town alone stays itself.
    let pp = [span_of(text, "the West Bank cities of Jenin")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "raided"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.location.precision, GeoPrecision::City);

    // "the Gombe district" of Kinshasa: Nigeria's Gombe is a reading of a country the story
    // never names; it is dropped and the name stays recognised with no place.
    let text = "KINSHASA (Annalist Wire) — Gunmen tried to storm a house in the Gombe district.";
    let mut places = ArticlePlaces::analyze(g, text, &[]);
    let gombe = span_of(text, "Gombe");
    let before = places.resolved.iter().find(|r| r.toponym.span == gombe).and_then(|r| r.place);
    assert!(before.and_then(|p| g.place(p)).is_some_and(|p| p.country == "NG"));
    places.drop_strays(g, text);
    let r = places.resolved.iter().find(|r| r.toponym.span == gombe).expect("still recognised");
    assert!(r.place.is_none());
    // Named with Nigeria elsewhere in the story, it stays.
    let text = "KINSHASA (Annalist Wire) — Nigeria's president visited the Gombe district.";
    let mut places = ArticlePlaces::analyze(g, text, &[]);
    places.drop_strays(g, text);
    let gombe = span_of(text, "Gombe");
    assert!(places.resolved.iter().any(|r| r.toponym.span == gombe && r.place.is_some()));
}

#[test]
fn a_town_read_as_its_same_named_division_is_placed_at_town_precision() {
    // The gazetteer has Masisi territory and An Nabatiyah governorate, not their towns: "the
    // town of X" is the town, inside the division.
    let g = gaz();
    for (text, phrase) in [
        (
            "GOMA (Annalist Wire) — Rebels attacked the town of Masisi on Friday.",
            "the town of Masisi",
        ),
        (
            "BEIRUT (Annalist Wire) — A drone struck a car near the town of Nabatieh on Monday.",
            "near the town of Nabatieh",
        ),
    ] {
        let places = ArticlePlaces::analyze(g, text, &[]);
        let pp = [span_of(text, phrase)];
        let trigger = span_of(text, if text.contains("attacked") { "attacked" } else { "struck" });
        let ev = places.locate(g, &EventSite { trigger, attached: &pp, dateline: None, text });
        assert_eq!(ev.location.precision, GeoPrecision::City, "{text}: {:?}", ev.location);
    }
}

#[test]
fn a_camp_named_after_its_town_is_a_site() {
    let g = gaz();
    for (text, phrase, trigger) in [
        (
            "JERUSALEM (Annalist Wire) — Israeli troops raided Jenin camp on Monday.",
            "Jenin camp",
            "raided",
        ),
        (
            "RAMALLAH (Annalist Wire) — Soldiers arrested two men in the Balata refugee camp near \
             Nablus.",
            "in the Balata refugee camp near Nablus",
            "arrested",
        ),
    ] {
        let places = ArticlePlaces::analyze(g, text, &[]);
        let pp = [span_of(text, phrase)];
        let t = span_of(text, trigger);
        let ev = places.locate(g, &EventSite { trigger: t, attached: &pp, dateline: None, text });
        assert_eq!(ev.location.precision, GeoPrecision::Place, "{text}: {:?}", ev.location);
        assert_eq!(ev.location.country.as_deref(), Some("PS"), "{text}");
    }
}

#[test]
fn a_town_near_the_dateline_across_a_border_is_no_stray() {
    // A West Bank town in a story filed from Jerusalem: its country (PS) is named nowhere
    // else, but it lies near the dateline's place, so it is where the story is.
    let g = gaz();
    for (text, name) in [
        ("JERUSALEM (Annalist Wire) — Israeli troops raided Jenin camp on Monday.", "Jenin"),
        (
            "JERUSALEM (Annalist Wire) — Soldiers stormed the town of Qabatiya overnight.",
            "Qabatiya",
        ),
    ] {
        let mut places = ArticlePlaces::analyze(g, text, &[]);
        places.drop_strays(g, text);
        let sp = span_of(text, name);
        let r = places.resolved.iter().find(|r| r.toponym.span == sp).expect("recognised");
        assert_eq!(r.place.and_then(|p| g.place(p)).map(|p| p.country), Some("PS"), "{text}");
    }
}

#[test]
fn a_possessive_after_a_comma_is_no_container() {
    let g = gaz();
    let text = "ISTANBUL (Annalist Wire) — Troops killed militants near the Syrian border town of \
        Ras al-Ain, Turkey's defence ministry said.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let ras = span_of(text, "Ras al-Ain");
    let r = places.resolved.iter().find(|r| r.toponym.span == ras).expect("recognised");
    assert_eq!(r.place.and_then(|p| g.place(p)).map(|p| p.country), Some("SY"));
}

#[test]
fn across_the_country_and_a_stray_prison_name() {
    let g = gaz();
    let text = "QUITO (Annalist Wire) — The government declared a state of emergency across the \
        country.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "across the country")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "declared"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.precision, GeoPrecision::Country);
    assert_eq!(ev.location.country.as_deref(), Some("EC"));
}

#[test]
fn a_division_before_its_type_noun_and_a_reference_point_before_its_province() {
    let g = gaz();
    let text = "BANGKOK (Annalist Wire) — Insurgents detonated a bomb in the Rueso district of \
        Narathiwat province. Police killed 11 militants in a raid on a hideout south of \
        El-Arish, the capital of North Sinai province.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    // "the X district of Y": X is the district, Y holds it (unlike "the Y suburb of X").
    let rueso = at("detonated", "in the Rueso district of Narathiwat province");
    assert_eq!(rueso.span.and_then(|s| s.slice(text)), Some("Rueso"));
    assert_eq!(rueso.country.as_deref(), Some("TH"));
    // A reference point does not give way to the province that holds it.
    let arish = at(
        "killed",
        "in a raid on a hideout south of El-Arish, the capital of North Sinai province",
    );
    assert_eq!(arish.span.and_then(|s| s.slice(text)), Some("El-Arish"));
    assert_eq!(arish.precision, GeoPrecision::City);
}

#[test]
fn a_division_named_before_its_type_noun_beats_the_town_that_holds_it() {
    let g = gaz();
    // Y in "the X district of Y" holds X even when Y, with no type word, reads as a town.
    let text = "CONAKRY (Annalist Wire) — Police fired tear gas at youths in the Ratoma \
        district of Conakry. Gunmen shot a headman in the Nong Chik district of Pattani.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    let shot = at("shot", "in the Nong Chik district of Pattani");
    assert_eq!(shot.span.and_then(|s| s.slice(text)), Some("Nong Chik"));
    assert_eq!(shot.country.as_deref(), Some("TH"));
    let fired = at("fired", "in the Ratoma district of Conakry");
    assert_eq!(fired.country.as_deref(), Some("GN"));
    assert_ne!(fired.precision, GeoPrecision::Country);
}

#[test]
fn a_finer_place_of_another_phrase_inside_the_nearest_one_refines_it() {
    let g = gaz();
    let text = "PRISTINA (Annalist Wire) — Serbs in northern Kosovo clashed with peacekeepers in \
        the town of Zvecan. Protesters in Kosovo marched in Belgrade.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrases: &[&str]| {
        let pp: Vec<Span> = phrases.iter().map(|p| span_of(text, p)).collect();
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    let zvecan = at("clashed", &["in northern Kosovo", "in the town of Zvecan"]);
    assert_eq!(zvecan.span.and_then(|s| s.slice(text)), Some("Zvecan"));
    // A town outside the nearest phrase's country refines nothing.
    let kosovo = at("marched", &["in Kosovo marched", "in Belgrade"]);
    assert_eq!(kosovo.country.as_deref(), Some("XK"));
}

#[test]
fn where_a_speaker_spoke_does_not_place_the_deed_reported() {
    let g = gaz();
    let text = "LA PAZ (Annalist Wire) — Police arrested 50 protesters, the minister told \
        reporters in La Paz. Police arrested 20 people in Cochabamba, the minister said.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let first = Span::new(0, text.find(" Police arrested 20").unwrap());
    let ev = places.sentence_place(g, text, first, span_of(text, "arrested 50"));
    assert_eq!(ev.basis, PlaceBasis::Unknown);
    let second = Span::new(first.end as usize, text.len());
    let ev = places.sentence_place(g, text, second, span_of(text, "arrested 20"));
    assert_eq!(ev.basis, PlaceBasis::Sentence);
    assert_eq!(ev.location.country.as_deref(), Some("BO"));
}

#[test]
fn a_sentence_place_named_right_before_its_province_refines_it_not_one_of_another_clause() {
    let g = gaz();
    let text = "LIMA (Annalist Wire) — Police cleared a road near the town of Chala in the \
        Arequipa region and detained 30 people.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let s = Span::new(text.find("Police").unwrap(), text.len());
    let ev = places.sentence_place(g, text, s, span_of(text, "detained"));
    assert_eq!(ev.location.span.and_then(|sp| sp.slice(text)), Some("Chala"));
    let text = "BAGHDAD (Annalist Wire) — A man surrendered to police in Diyala province and \
        said the group had planned an attack at Camp Ashraf.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let s = Span::new(text.find("A man").unwrap(), text.len());
    let ev = places.sentence_place(g, text, s, span_of(text, "surrendered"));
    assert_eq!(ev.location.precision, GeoPrecision::Province);
}

#[test]
fn a_possessive_place_holds_a_place_of_its_country_named_after_it() {
    let g = gaz();
    let text = "LAGOS (Annalist Wire) — Gunmen attacked a market in Nigeria's Delta state. \
        Police clashed with worshippers in Jerusalem's Old City.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    assert_eq!(at("attacked", "in Nigeria's Delta state").country.as_deref(), Some("NG"));
    assert_eq!(at("attacked", "in Nigeria's Delta state").precision, GeoPrecision::Province);
    // An owned name the gazetteer files in another country does not make the owner a mere
    // container: the nearest name stays.
    let jerusalem = at("clashed", "in Jerusalem's Old City");
    assert_eq!(jerusalem.span.and_then(|s| s.slice(text)), Some("Jerusalem"));
}

/// The place `name` reads as in `text` after the stray and contradiction passes.
fn read_after_drops(text: &str, name: &str) -> Option<(String, &'static str)> {
    let g = gaz();
    let mut places = ArticlePlaces::analyze(g, text, &[]);
    places.drop_strays(g, text);
    let at = span_of(text, name);
    let r = places.resolved.iter().find(|r| r.toponym.span.overlaps(at)).expect("recognised");
    r.place.and_then(|p| g.place(p)).map(|p| (p.name.to_string(), p.country))
}

#[test]
fn a_name_said_to_lie_in_another_country_is_a_place_the_gazetteer_lacks() {
    // The gazetteer has a Torkham on each side of the border; the text puts this one in
    // Pakistan.
    let text = "ISLAMABAD (Annalist Wire) — Guards fired at the Torkham border crossing in the \
        Khyber district.";
    assert_eq!(read_after_drops(text, "Torkham").map(|p| p.1), Some("PK"));
    assert!(read_after_drops(text, "Khyber").is_some_and(|(_, c)| c == "PK"));
    // A country's name inside a town's name ("Puerto Jordan in Arauca department"), with the
    // other names of its run.
    let text = "BOGOTA (Annalist Wire) — Rebels attacked the town of Puerto Jordan in Arauca \
        department.";
    assert_eq!(read_after_drops(text, "Jordan"), None);
    assert_eq!(read_after_drops(text, "Puerto"), None);
    // A town that lies where the text says keeps its reading, and so does a list.
    let text = "CAIRO (Annalist Wire) — Fighting in Manbij in northern Syria went on.";
    assert!(read_after_drops(text, "Manbij").is_some_and(|(_, c)| c == "SY"));
    let text = "KYIV (Annalist Wire) — Drones struck Kharkiv in Ukraine and Belgorod in Russia.";
    assert!(read_after_drops(text, "Belgorod").is_some_and(|(_, c)| c == "RU"));
    assert!(read_after_drops(text, "Kharkiv").is_some_and(|(_, c)| c == "UA"));
}

#[test]
fn a_name_before_river_is_the_river_not_the_namesake_country() {
    let g = gaz();
    // "the Niger river … in Niger state": the state is Nigeria's, the river no country.
    let text = "ABUJA (Annalist Wire) — Gunmen ambushed a boat on the Niger river near the town \
        of Mokwa in Niger state.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let kinds: Vec<(PlaceKind, &str)> = places
        .resolved
        .iter()
        .filter(|r| r.toponym.span.slice(text) == Some("Niger"))
        .filter_map(|r| r.place.and_then(|p| g.place(p)))
        .map(|p| (p.kind, p.country))
        .collect();
    assert_eq!(kinds.first().map(|k| k.0), Some(PlaceKind::Water));
    assert_eq!(kinds.get(1), Some(&(PlaceKind::Admin1, "NG")));
    let mokwa = span_of(text, "Mokwa");
    let m = places.resolved.iter().find(|r| r.toponym.span == mokwa).and_then(|r| r.place);
    assert!(m.and_then(|p| g.place(p)).is_some_and(|p| p.country == "NG"));
    // A river the gazetteer lacks reads as nothing, not as the town of its name.
    let text = "BOGOTA (Annalist Wire) — The rebels withdrew across the Arauca river.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let arauca = span_of(text, "Arauca");
    assert!(places.resolved.iter().all(|r| r.toponym.span != arauca || r.place.is_none()));
}

#[test]
fn a_country_before_a_post_it_keeps_abroad_is_no_place() {
    let g = gaz();
    let text = "BAGHDAD (Annalist Wire) — Militias fired rockets at a U.S. base and at the U.S. \
        embassy.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "at a U.S. base"), span_of(text, "at the U.S. embassy")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "fired"), attached: &pp, dateline: None, text },
    );
    assert_ne!(ev.location.country.as_deref(), Some("US"));
}

#[test]
fn a_reference_back_takes_the_place_the_text_named_with_its_noun() {
    let g = gaz();
    let text = "LA PAZ (Annalist Wire) — Farmers blocked the highway in the Chapare region of \
        Cochabamba department. They have blocked roads in the region since Monday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in the region")];
    let trigger = Span::new(text.rfind("blocked").unwrap(), text.rfind("blocked").unwrap() + 7);
    let ev = places.locate(g, &EventSite { trigger, attached: &pp, dateline: None, text });
    assert_eq!(ev.location.name, "Chapare");
    // With no place named with the noun, the last place of its type.
    let text = "KYIV (Annalist Wire) — Drones struck Kharkiv in Kharkiv oblast and Sumy. Shelling \
        went on in the region.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in the region")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "Shelling"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.location.precision, GeoPrecision::Province);
}

#[test]
fn a_stretch_of_road_between_two_towns_is_in_what_holds_them() {
    let g = gaz();
    let text = "BAMAKO (Annalist Wire) — Jihadists ambushed a convoy on the road between Gao and \
        Ansongo in northern Mali.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "on the road between Gao and Ansongo in northern Mali")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "ambushed"), attached: &pp, dateline: None, text },
    );
    assert_eq!((ev.location.name.as_str(), ev.location.precision), ("Gao", GeoPrecision::Province));
    // A road between towns of two countries is in neither.
    let text = "ISLAMABAD (Annalist Wire) — Trucks were stopped on the road between Peshawar and \
        Kabul.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "on the road between Peshawar and Kabul")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "stopped"), attached: &pp, dateline: None, text },
    );
    assert_ne!(ev.basis, PlaceBasis::Attached);
    // Talks between two countries are no ground between them.
    let text = "PARIS (Annalist Wire) — Diplomats spoke at talks between Armenia and Azerbaijan.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "at talks between Armenia and Azerbaijan")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "spoke"), attached: &pp, dateline: None, text },
    );
    assert_ne!(ev.location.country.as_deref(), Some("AM"));
}

#[test]
fn a_name_opening_an_institutions_name_gives_way_to_where_the_institution_is() {
    let g = gaz();
    let locate = |text: &str, phrase: &str, trigger: &str| {
        let places = ArticlePlaces::analyze(g, text, &[]);
        let pp = [span_of(text, phrase)];
        places
            .locate(
                g,
                &EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text },
            )
            .location
    };
    let text = "NEW YORK (Annalist Wire) — Police arrested 40 students at Columbia University in \
        New York City.";
    let l = locate(text, "at Columbia University in New York City", "arrested");
    assert_eq!(l.country.as_deref(), Some("US"));
    assert_ne!(l.name, "Columbia");
    // Alone, the name still places the deed.
    let text = "KABUL (Annalist Wire) — Gunmen attacked students at Kabul University.";
    let l = locate(text, "at Kabul University", "attacked");
    assert_eq!(l.name, "Kabul");
}

#[test]
fn a_hamlet_named_after_a_famous_division_gives_way_to_it_for_events() {
    // The story's country weight reads "Texas" as a Mexican hamlet.
    let text = "MEXICO CITY (Annalist Wire) — Gunmen clashed in Culiacan, the capital of Sinaloa \\
        state. A cartel founder was arrested in Texas in July.";
    assert!(read_after_drops(text, "Texas").is_some_and(|(_, c)| c == "US"));
    // Called a village, it stays the village.
    let text = "MEXICO CITY (Annalist Wire) — Gunmen clashed in Culiacan, the capital of Sinaloa \\
        state, and in the village of Texas.";
    assert!(read_after_drops(text, "Texas").is_none_or(|(_, c)| c != "US"));
    // A hamlet its text places in its state keeps its reading.
    let text = "MINNEAPOLIS (Annalist Wire) — Police arrested two men in Jordan, Minnesota.";
    assert!(read_after_drops(text, "Jordan").is_some_and(|(_, c)| c == "US"));
}

#[test]
fn a_region_before_a_type_noun_contains_the_place_named_after_of() {
    let g = gaz();
    let text = "Police fired tear gas in the Rift Valley city of Nakuru. Troops clashed in the \
        Kharkiv border town of Vovchansk. Gunmen raided the Sindh city of Hyderabad.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    assert_eq!(at("fired", "in the Rift Valley city of Nakuru").name, "Nakuru");
    assert_eq!(at("clashed", "in the Kharkiv border town of Vovchansk").name, "Vovchansk");
    let h = at("raided", "the Sindh city of Hyderabad");
    assert_eq!((h.name.as_str(), h.country.as_deref()), ("Hyderabad", Some("PK")));
}

#[test]
fn the_origin_of_a_path_gives_way_to_its_goal() {
    let g = gaz();
    let text = "Militants fired rockets from Lebanon into northern Israel. Refugees crossed \
        from Sudan into Chad. Troops withdrew from Kherson.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    assert_eq!(at("fired", "from Lebanon into northern Israel").name, "Israel");
    assert_eq!(at("crossed", "from Sudan into Chad").name, "Chad");
    // A withdrawal's "from" with no goal still places it.
    assert_eq!(at("withdrew", "from Kherson").name, "Kherson");
}

#[test]
fn a_first_level_type_word_picks_the_first_level_division() {
    let g = gaz();
    let kind_of = |text: &str, name: &str| {
        let places = ArticlePlaces::analyze(g, text, &[]);
        let at = span_of(text, name);
        let r = places.resolved.iter().find(|r| r.toponym.span.overlaps(at)).expect("recognised");
        r.place.and_then(|p| g.place(p)).map(|p| p.kind)
    };
    let text = "MEXICO CITY (Reuters) - Gunmen killed five people in the state of Chihuahua.";
    assert_eq!(kind_of(text, "Chihuahua"), Some(geo::PlaceKind::Admin1));
    let text = "MEXICO CITY (Reuters) - Gunmen killed five people in Chihuahua state.";
    assert_eq!(kind_of(text, "Chihuahua"), Some(geo::PlaceKind::Admin1));
    // The city of the same name stays the city.
    let text = "MEXICO CITY (Reuters) - Gunmen killed five people in the city of Chihuahua.";
    assert_eq!(kind_of(text, "Chihuahua"), Some(geo::PlaceKind::City));
}

#[test]
fn a_name_before_island_is_an_island_not_a_town_elsewhere() {
    // Boma in Congo is a town; "Boma island" in Lake Chad is not it.
    let text = "N'DJAMENA (Annalist Wire) — Fighters attacked an army base on Boma island in \
        Lake Chad.";
    assert_ne!(read_after_drops(text, "Boma").map(|p| p.1), Some("CD"));
    // The same name with no "island" after it keeps the town.
    let text = "KINSHASA (Annalist Wire) — Fighters attacked an army base near Boma.";
    assert_eq!(read_after_drops(text, "Boma").map(|p| p.1), Some("CD"));
}

#[test]
fn a_place_after_a_comma_and_in_only_says_where_the_one_before_lies() {
    let g = gaz();
    let text = "KANO (Annalist Wire) — Bandits killed five people in the town of Birnin Gwari, \
        also in Kaduna. Gunmen attacked a police station in Jamundi, in Valle del Cauca. \
        Troops shelled Sumy, in northern Ukraine. Protesters marched in Lagos, Nigeria.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    let name = |l: model::Location| l.span.and_then(|s| s.slice(text)).map(str::to_string);
    let birnin = at("killed", "in the town of Birnin Gwari, also in Kaduna");
    assert_eq!(name(birnin).as_deref(), Some("Birnin Gwari"));
    let jamundi = at("attacked", "in Jamundi, in Valle del Cauca");
    assert_eq!(name(jamundi).as_deref(), Some("Jamundi"));
    let sumy = at("shelled", "Sumy, in northern Ukraine");
    assert_eq!(name(sumy).as_deref(), Some("Sumy"));
    // A bare comma keeps the resolver's container reading ("Lagos, Nigeria" is Lagos already).
    let lagos = at("marched", "in Lagos, Nigeria");
    assert_eq!(name(lagos).as_deref(), Some("Lagos"));
}

#[test]
fn a_phrase_saying_where_the_place_before_it_lies_places_the_deed_there() {
    let g = gaz();
    let text = "BOGOTA (Annalist Wire) — Rebels bombed a pipeline near Saravena, in Arauca \
        department. Troops shelled positions near Sumy, in northern Ukraine.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let at = |trigger: &str, phrase: &str| {
        let pp = [span_of(text, phrase)];
        let site =
            EventSite { trigger: span_of(text, trigger), attached: &pp, dateline: None, text };
        places.locate(g, &site).location
    };
    let name = |l: model::Location| l.span.and_then(|s| s.slice(text)).map(str::to_string);
    assert_eq!(name(at("bombed", ", in Arauca department")).as_deref(), Some("Saravena"));
    // A country is coarser than the town before it, which still answers.
    assert_eq!(name(at("shelled", ", in northern Ukraine")).as_deref(), Some("Sumy"));
}
