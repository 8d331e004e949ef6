//! Event dates through the whole pipeline, on sentences written for these rules (not the gold
//! set's): two coordinated deeds dated once, "on the eve of" a named day.

fn engine() -> pipeline::Engine {
    pipeline::eval::builtin_engine().expect("engine")
}

/// The scorer's date string of the event at the first trigger starting with `trigger`.
fn date_at(engine: &pipeline::Engine, text: &str, date: &str, trigger: &str) -> String {
    let raw = pipeline::eval::plain_text("dates", text, date, Some("Reuters"));
    let coded = engine.code_raw(&raw).expect("coded");
    let t = &coded.article.text;
    let ev = coded
        .events
        .iter()
        .find(|e| e.trigger.slice(t).is_some_and(|s| s.starts_with(trigger)))
        .unwrap_or_else(|| panic!("no event at {trigger}: {:?}", coded.events));
    provenance::score::date_string(ev)
}

#[test]
fn a_day_before_and_dates_both_coordinated_deeds() {
    let e = engine();
    let text = "Kidnapping in Nigeria\n\n\
        ABUJA, Dec 11 (Reuters) - Bandits on motorbikes raided a farming village near Gusau in \
        Zamfara state on Sunday and abducted 40 people, police said on Tuesday.\n";
    assert_eq!(date_at(&e, text, "2024-12-11", "abducted"), "2024-12-08");
}

#[test]
fn on_the_eve_of_a_named_day_is_the_day_before() {
    let e = engine();
    let text = "Candidate killed\n\n\
        MEXICO CITY, June 3 (Reuters) - Gunmen killed a local candidate in the town of Taxco on \
        the eve of Sunday's vote, prosecutors said on Monday.\n";
    assert_eq!(date_at(&e, text, "2024-06-03", "killed"), "2024-06-01");
    // "The eve" of nothing dated leaves the event as it was.
    let text = "Candidate killed\n\n\
        MEXICO CITY, June 3 (Reuters) - Gunmen killed a local candidate in the town of Taxco on \
        the eve of the vote, prosecutors said.\n";
    assert_eq!(date_at(&e, text, "2024-06-03", "killed"), "unknown");
}

#[test]
fn two_days_joined_by_and_date_a_deed_by_their_week() {
    let e = engine();
    let text = "Shelling in Sudan\n\n\
        PORT SUDAN, Feb 5 (Reuters) - Paramilitary fighters shelled the city of Kadugli on \
        Monday and Tuesday, killing eight civilians, doctors said.\n";
    assert_eq!(date_at(&e, text, "2025-02-05", "shelled"), "2025-W06");
    // A single day stays a day.
    let text = "Shelling in Sudan\n\n\
        PORT SUDAN, Feb 5 (Reuters) - Paramilitary fighters shelled the city of Kadugli on \
        Monday, killing eight civilians, doctors said.\n";
    assert_eq!(date_at(&e, text, "2025-02-05", "shelled"), "2025-02-03");
}

#[test]
fn a_day_inside_a_charge_dates_the_charged_deed_not_the_charge() {
    let e = engine();
    let text = "Blame in Lebanon\n\n\
        BEIRUT, July 24 (Reuters) - The army said it deployed troops around the camp.\n\n\
        Hezbollah accused Israel of killing two of its fighters in south Lebanon on Sunday.\n";
    assert_eq!(date_at(&e, text, "2024-07-24", "accused"), "unknown");
    // The charge's own day still dates it.
    let text = "Blame in Lebanon\n\n\
        BEIRUT, July 24 (Reuters) - The army said it deployed troops around the camp.\n\n\
        Hezbollah on Sunday accused Israel of killing two of its fighters in south Lebanon.\n";
    assert_eq!(date_at(&e, text, "2024-07-24", "accused"), "2024-07-21");
}

#[test]
fn a_day_the_parser_took_for_the_trailing_speaker_dates_the_report() {
    let e = engine();
    let text = "Attack in Congo\n\n\
        MAIDUGURI, Nigeria, Oct 9 (Reuters) - Gunmen abducted 20 farmers near Damboa on \
        Tuesday, two militia leaders said on Wednesday.\n\n\
        The insurgents also killed three traders in the village of Kirawa, about 60 km from the \
        state capital, on Monday, one of the village chiefs said.\n";
    assert_eq!(date_at(&e, text, "2024-10-09", "killed"), "2024-10-07");
    let raw = pipeline::eval::plain_text("dates", text, "2024-10-09", Some("Reuters"));
    let coded = e.code_raw(&raw).expect("coded");
    let t = &coded.article.text;
    let ev = coded.events.iter().find(|x| x.trigger.slice(t) == Some("killed")).expect("killed");
    let links: Vec<&str> = ev.attribution.chain.iter().skip(1).map(|l| l.text.as_str()).collect();
    assert_eq!(links, vec!["one of the village chiefs"]);
}

#[test]
fn an_expression_of_a_later_verb_with_will_does_not_date_the_event_above_it() {
    let e = engine();
    let text = "Talks in Ethiopia\n\n\
        NAIROBI, March 18 (Reuters) - Kenya agreed with Ethiopia to set up a joint commission and \
        will sign a transport agreement next month, the statement said.\n";
    assert_ne!(date_at(&e, text, "2025-03-18", "agreed"), "2024-04");
    assert_ne!(date_at(&e, text, "2025-03-18", "agreed"), "2025-04");
    let text = "Arrests in Kenya\n\n\
        NAIROBI, March 18 (Reuters) - Police arrested 12 protesters in Kisumu and will charge \
        them in court on Friday, a police spokesman said.\n";
    assert_ne!(date_at(&e, text, "2025-03-18", "arrested"), "2025-03-21");
    // The event's own expression still dates it.
    let text = "Arrests in Kenya\n\n\
        NAIROBI, March 18 (Reuters) - Police arrested 12 protesters in Kisumu on Monday and \
        will charge them in court on Friday, a police spokesman said.\n";
    assert_eq!(date_at(&e, text, "2025-03-18", "arrested"), "2025-03-17");
}

#[test]
fn next_month_in_a_past_tense_sentence_is_never_a_year_back() {
    let e = engine();
    let text = "Talks delayed\n\n\
        NAIROBI, March 18 (Reuters) - Kenya postponed its talks with Ethiopia to next month, \
        the foreign ministry said.\n";
    assert_ne!(date_at(&e, text, "2025-03-18", "postponed"), "2024-04");
    // A bare month in the simple past is still the last such month.
    let text = "Talks delayed\n\n\
        NAIROBI, March 18 (Reuters) - Kenya postponed its talks with Ethiopia in May, the \
        foreign ministry said.\n";
    assert_eq!(date_at(&e, text, "2025-03-18", "postponed"), "2024-05");
}

#[test]
fn a_participle_after_a_dated_deed_happened_that_day() {
    let e = engine();
    let text = "Bomb in Lagos\n\n\
        LAGOS, March 6 (Reuters) - Gunmen attacked a police station in Ikorodu on Tuesday night, \
        killing three officers, police said.\n";
    assert_eq!(date_at(&e, text, "2025-03-06", "killing"), "2025-03-04");
}

#[test]
fn earlier_in_the_day_is_the_day_of_the_deed_told_before() {
    let e = engine();
    let text = "Protest in Dhaka\n\n\
        DHAKA, Feb 20 (Reuters) - Police fired tear gas at students in Dhaka on Tuesday, \
        witnesses said.\n\n\
        The students had blocked a highway in Gazipur earlier in the day, police said.\n";
    assert_eq!(date_at(&e, text, "2025-02-20", "blocked"), "2025-02-18");
}

#[test]
fn of_two_days_on_one_verb_the_later_dates_the_nominal_deed_after_it() {
    let e = engine();
    let text = "Mali protests\n\n\
        BAMAKO, March 7 (Reuters) - Mali summoned Algeria's ambassador on Friday to protest \
        against the bombing of a market in the town of Tessalit on Wednesday, the foreign \
        ministry said.\n";
    assert_eq!(date_at(&e, text, "2025-03-07", "bombing"), "2025-03-05");
    assert_eq!(date_at(&e, text, "2025-03-07", "summoned"), "2025-03-07");
}

#[test]
fn a_month_in_a_past_perfect_relative_clause_dates_that_earlier_deed_only() {
    let e = engine();
    let text = "Hostages freed\n\n\
        BAMAKO, Oct 9 (Reuters) - Soldiers freed 12 truck drivers who had been kidnapped on the \
        road to Kayes last month, the army said on Thursday.\n";
    assert_eq!(date_at(&e, text, "2025-10-09", "freed"), "unknown");
    // A day closing the clause is the news's own, as wire leads put it.
    let text = "Protesters detained\n\n\
        BELGRADE, May 8 (Reuters) - Police detained 12 students who had blocked a bridge in \
        Novi Sad on Wednesday, a students' union said.\n";
    assert_eq!(date_at(&e, text, "2025-05-08", "detained"), "2025-05-07");
}

#[test]
fn the_day_after_counts_from_the_deed_told_before_and_never_dates_what_was_said() {
    let e = engine();
    let text = "Ambush in Niger\n\n\
        NIAMEY, March 4 (Reuters) - Gunmen ambushed an army patrol near the town of Tera on \
        Sunday, killing six soldiers, security sources said.\n\n\
        The attack came the day after militants burned a customs post on the border with Burkina \
        Faso, a local official said.\n";
    assert_eq!(date_at(&e, text, "2025-03-04", "burned"), "2025-03-01");
    let text = "Missile test\n\n\
        SEOUL, Oct 3 (Reuters) - North Korea warned on Friday it would respond to any new drills.\n\n\
        The warning came a day after South Korea's military said the North had fired a cruise \
        missile off its west coast.\n";
    assert_eq!(date_at(&e, text, "2025-10-03", "fired"), "unknown");
}

#[test]
fn a_date_an_irrealis_event_does_not_own_does_not_make_it_background() {
    let e = engine();
    let text = "Curfew extended\n\n\
        LIMA, May 6 (Reuters) - Peru's interior minister said the government would ask Congress \
        to extend a state of emergency in the region, first declared in March 2023.\n";
    let raw = pipeline::eval::plain_text("dates", text, "2025-05-06", Some("Reuters"));
    let coded = e.code_raw(&raw).expect("coded");
    let t = &coded.article.text;
    let ask = coded
        .events
        .iter()
        .find(|ev| ev.trigger.slice(t) == Some("ask"))
        .unwrap_or_else(|| panic!("no event at ask: {:?}", coded.events));
    assert!(!ask.historical, "{ask:?}");
    assert_eq!(provenance::score::date_string(ask), "unknown");
}
