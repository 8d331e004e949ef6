//! Places the text names but the gazetteer lacks: the text's name with the country and
//! province of a container the same phrase names, a nationality on its type noun, or the place
//! named last before "nearby" — never a guess without such evidence; and the type-noun
//! phrases "the Ethiopian capital" and "in the region" after a town.

use geo::{unlisted_place, ArticlePlaces, EventSite, Gazetteer, PlaceBasis};
use model::{AnalyzedSentence, GeoPrecision, Span, Token};

fn gaz() -> &'static Gazetteer {
    Gazetteer::shared().expect("embedded gazetteer")
}

fn span_of(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect("needle in text");
    Span::new(s, s + needle.len())
}

/// A parsed sentence from (form, upos, head, deprel) rows, spans found left to right.
fn sentence(text: &str, words: &[(&str, &str, u32, &str)]) -> AnalyzedSentence {
    let mut at = 0;
    let tokens = words
        .iter()
        .map(|(form, upos, head, rel)| {
            let s = text[at..].find(form).expect("word in text") + at;
            at = s + form.len();
            Token {
                span: Span::new(s, s + form.len()),
                form: form.to_string(),
                upos: upos.to_string(),
                head: *head,
                deprel: rel.to_string(),
                ..Token::default()
            }
        })
        .collect();
    AnalyzedSentence { index: 0, span: Span::new(0, text.len()), tokens }
}

const SEIZED: &[(&str, &str, u32, &str)] = &[
    ("Rebels", "NOUN", 2, "nsubj"),
    ("seized", "VERB", 0, "root"),
    ("the", "DET", 4, "det"),
    ("town", "NOUN", 2, "obj"),
    ("of", "ADP", 6, "case"),
    ("Kanyabayonga", "PROPN", 4, "nmod"),
];

#[test]
fn an_unlisted_town_in_a_known_province() {
    let g = gaz();
    let text = "Rebels seized the town of Kanyabayonga in North Kivu province.";
    let mut words = SEIZED.to_vec();
    words.extend([
        ("in", "ADP", 10, "case"),
        ("North", "PROPN", 9, "compound"),
        ("Kivu", "PROPN", 10, "compound"),
        ("province", "NOUN", 6, "nmod"),
        (".", "PUNCT", 2, "punct"),
    ]);
    let s = sentence(text, &words);
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the town of Kanyabayonga in North Kivu province")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized"))
        .expect("unlisted town");
    assert_eq!(loc.name, "Kanyabayonga");
    assert_eq!(loc.span.and_then(|sp| sp.slice(text)), Some("Kanyabayonga"));
    assert_eq!(loc.country.as_deref(), Some("CD"));
    assert_eq!(loc.precision, GeoPrecision::City);
    assert!(loc.gazetteer_id.is_none() && loc.lat.is_none() && loc.lon.is_none());
}

#[test]
fn no_evidence_of_where_it_lies_no_answer() {
    let g = gaz();
    let text = "Rebels seized the town of Kanyabayonga.";
    let mut words = SEIZED.to_vec();
    words.push((".", "PUNCT", 2, "punct"));
    let s = sentence(text, &words);
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the town of Kanyabayonga")];
    assert!(unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized")).is_none());
}

#[test]
fn a_nationality_on_the_type_noun_or_nearby_says_the_country() {
    let g = gaz();
    let text = "Rebels seized the Malian town of Kanyabayonga.";
    let s = sentence(
        text,
        &[
            ("Rebels", "NOUN", 2, "nsubj"),
            ("seized", "VERB", 0, "root"),
            ("the", "DET", 5, "det"),
            ("Malian", "ADJ", 5, "amod"),
            ("town", "NOUN", 2, "obj"),
            ("of", "ADP", 7, "case"),
            ("Kanyabayonga", "PROPN", 5, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the Malian town of Kanyabayonga")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized")).expect("town");
    assert_eq!(loc.country.as_deref(), Some("ML"));

    let text = "Troops patrolled Kidal. Rebels seized the nearby town of Kanyabayonga.";
    let at = text.find("Rebels").unwrap();
    let mut s = sentence(&text[at..], &{
        let mut w = SEIZED.to_vec();
        w.push((".", "PUNCT", 2, "punct"));
        w.insert(3, ("nearby", "ADJ", 5, "amod"));
        for (i, row) in w.iter_mut().enumerate() {
            // Re-number heads after the inserted word.
            if i != 3 && row.2 >= 4 {
                row.2 += 1;
            }
        }
        w
    });
    for t in &mut s.tokens {
        t.span = Span::new(t.span.start as usize + at, t.span.end as usize + at);
    }
    s.span = Span::new(at, text.len());
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the nearby town of Kanyabayonga")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized")).expect("town");
    assert_eq!(loc.country.as_deref(), Some("ML"));
}

#[test]
fn the_ethiopian_capital_and_the_region_of_a_town() {
    let g = gaz();
    let text = "NAIROBI (Annalist Wire) - Leaders met in the Ethiopian capital on Sunday.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in the Ethiopian capital")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "met"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.name, "Addis Ababa");

    let text = "SEOUL (Annalist Wire) - North Korea fired a missile from an area near its capital.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "from an area near its capital")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "fired"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.country.as_deref(), Some("KP"));

    let text = "Missiles struck the city of Kharkiv. Troops hit targets in the region.";
    let places = ArticlePlaces::analyze(g, text, &[]);
    let pp = [span_of(text, "in the region")];
    let ev = places.locate(
        g,
        &EventSite { trigger: span_of(text, "hit"), attached: &pp, dateline: None, text },
    );
    assert_eq!(ev.basis, PlaceBasis::Attached);
    assert_eq!(ev.location.precision, GeoPrecision::Province);
    assert_eq!(ev.location.country.as_deref(), Some("UA"));
}

#[test]
fn a_two_word_name_joined_either_way() {
    // "Kfar Kila" as a flat name (head on "Kfar") or as a compound (head on "Kila").
    let g = gaz();
    let text = "Troops struck positions near the village of Kfar Kila in Lebanon.";
    for (kfar, kila) in [((6, "nmod"), (8, "flat")), ((9, "compound"), (6, "nmod"))] {
        let s = sentence(
            text,
            &[
                ("Troops", "NOUN", 2, "nsubj"),
                ("struck", "VERB", 0, "root"),
                ("positions", "NOUN", 2, "obj"),
                ("near", "ADP", 6, "case"),
                ("the", "DET", 6, "det"),
                ("village", "NOUN", 2, "obl"),
                ("of", "ADP", 8, "case"),
                ("Kfar", "PROPN", kfar.0, kfar.1),
                ("Kila", "PROPN", kila.0, kila.1),
                ("in", "ADP", 11, "case"),
                ("Lebanon", "PROPN", 6, "nmod"),
                (".", "PUNCT", 2, "punct"),
            ],
        );
        let places = ArticlePlaces::analyze(g, text, &[]);
        let phrase = [span_of(text, "near the village of Kfar Kila in Lebanon")];
        let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "struck"))
            .expect("unlisted village");
        assert_eq!(loc.name, "Kfar Kila");
        assert_eq!(loc.country.as_deref(), Some("LB"));
    }
}

#[test]
fn a_nationality_on_a_military_post_earlier_in_the_phrase() {
    let g = gaz();
    let text = "BEIRUT (Annalist Wire) - Hezbollah fired rockets at an Israeli army post near the \
        border town of Metula.";
    let at = text.find("Hezbollah").unwrap();
    let body = &text[at..];
    let mut s = sentence(
        body,
        &[
            ("Hezbollah", "PROPN", 2, "nsubj"),
            ("fired", "VERB", 0, "root"),
            ("rockets", "NOUN", 2, "obj"),
            ("at", "ADP", 8, "case"),
            ("an", "DET", 8, "det"),
            ("Israeli", "ADJ", 8, "amod"),
            ("army", "NOUN", 8, "compound"),
            ("post", "NOUN", 2, "obl"),
            ("near", "ADP", 12, "case"),
            ("the", "DET", 12, "det"),
            ("border", "NOUN", 12, "compound"),
            ("town", "NOUN", 8, "nmod"),
            ("of", "ADP", 14, "case"),
            ("Metula", "PROPN", 12, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    for t in &mut s.tokens {
        t.span = Span::new(t.span.start as usize + at, t.span.end as usize + at);
    }
    s.span = Span::new(at, text.len());
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "at an Israeli army post near the border town of Metula")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrase, span_of(text, "fired")).expect("town");
    assert_eq!(loc.name, "Metula");
    assert_eq!(loc.country.as_deref(), Some("IL"));
}

#[test]
fn a_locative_earlier_in_the_sentence_or_another_phrase_says_where_it_lies() {
    let g = gaz();
    // "In Niger, rebels seized the town of Kanyabayonga.": the fronted place holds the town.
    let text = "In Niger, rebels seized the town of Kanyabayonga.";
    let s = sentence(
        text,
        &[
            ("In", "ADP", 2, "case"),
            ("Niger", "PROPN", 5, "obl"),
            (",", "PUNCT", 2, "punct"),
            ("rebels", "NOUN", 5, "nsubj"),
            ("seized", "VERB", 0, "root"),
            ("the", "DET", 7, "det"),
            ("town", "NOUN", 5, "obj"),
            ("of", "ADP", 9, "case"),
            ("Kanyabayonga", "PROPN", 7, "nmod"),
            (".", "PUNCT", 5, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the town of Kanyabayonga")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized"))
        .expect("unlisted town");
    assert_eq!(loc.name, "Kanyabayonga");
    assert_eq!(loc.country.as_deref(), Some("NE"));
    // The same when the parse gives the fronted phrase to the event as one of its own.
    let phrases = [span_of(text, "In Niger"), span_of(text, "the town of Kanyabayonga")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrases, span_of(text, "seized"))
        .expect("unlisted town");
    assert_eq!(loc.country.as_deref(), Some("NE"));
}

#[test]
fn a_country_before_a_modified_type_noun_and_a_name_before_a_crossing() {
    let g = gaz();
    let text = "Rebels seized the Myanmar border town of Kanyabayonga.";
    let s = sentence(
        text,
        &[
            ("Rebels", "NOUN", 2, "nsubj"),
            ("seized", "VERB", 0, "root"),
            ("the", "DET", 6, "det"),
            ("Myanmar", "PROPN", 6, "compound"),
            ("border", "NOUN", 6, "compound"),
            ("town", "NOUN", 2, "obj"),
            ("of", "ADP", 8, "case"),
            ("Kanyabayonga", "PROPN", 6, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the Myanmar border town of Kanyabayonga")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized"))
        .expect("unlisted town");
    assert_eq!(loc.country.as_deref(), Some("MM"));
    assert_eq!(loc.span.and_then(|sp| sp.slice(text)), Some("Kanyabayonga"));
}

#[test]
fn after_a_type_noun_a_capitalised_run_is_the_name_whatever_its_tags() {
    let g = gaz();
    // The tagger took "Let" for a verb and "Yet" for a conjunction.
    let text = "Jets bombed the village of Let Yet Kone in the Sagaing region.";
    let s = sentence(
        text,
        &[
            ("Jets", "NOUN", 2, "nsubj"),
            ("bombed", "VERB", 0, "root"),
            ("the", "DET", 4, "det"),
            ("village", "NOUN", 2, "obj"),
            ("of", "ADP", 6, "case"),
            ("Let", "VERB", 4, "nmod"),
            ("Yet", "CCONJ", 8, "cc"),
            ("Kone", "PROPN", 4, "conj"),
            ("in", "ADP", 12, "case"),
            ("the", "DET", 12, "det"),
            ("Sagaing", "PROPN", 12, "compound"),
            ("region", "NOUN", 4, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let mut places = ArticlePlaces::analyze(g, text, &[]);
    places.drop_strays(g, text);
    let phrase = [span_of(text, "the village of Let Yet Kone in the Sagaing region")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "bombed"))
        .expect("unlisted village");
    assert_eq!((loc.name.as_str(), loc.country.as_deref()), ("Let Yet Kone", Some("MM")));
}

#[test]
fn a_place_the_sentence_says_it_lies_in_holds_an_unlisted_site() {
    let g = gaz();
    // The parser hung "in Syria's Deir el-Zor province" on the verb, outside the site's phrase.
    let text = "Militias fired rockets at the al-Omar oil field in Syria's Deir el-Zor province.";
    let s = sentence(
        text,
        &[
            ("Militias", "NOUN", 2, "nsubj"),
            ("fired", "VERB", 0, "root"),
            ("rockets", "NOUN", 2, "obj"),
            ("at", "ADP", 10, "case"),
            ("the", "DET", 10, "det"),
            ("al", "PROPN", 8, "compound"),
            ("-", "PUNCT", 6, "punct"),
            ("Omar", "PROPN", 10, "compound"),
            ("oil", "NOUN", 10, "compound"),
            ("field", "NOUN", 2, "obl"),
            ("in", "ADP", 17, "case"),
            ("Syria", "PROPN", 17, "nmod:poss"),
            ("'s", "PART", 12, "case"),
            ("Deir", "PROPN", 17, "compound"),
            ("el", "PROPN", 14, "flat"),
            ("-", "PUNCT", 16, "punct"),
            ("Zor", "PROPN", 15, "flat"),
            ("province", "NOUN", 2, "obl:unmarked"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "at the al-Omar oil field")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "fired"))
        .expect("unlisted field");
    assert_eq!((loc.name.as_str(), loc.country.as_deref()), ("Omar", Some("SY")));
}

#[test]
fn a_name_before_a_settlement_noun_with_its_own_of_name_only_holds_it() {
    let g = gaz();
    let text = "Rebels seized the Ruwenzi town of Kanyabayonga in North Kivu province.";
    let words = [
        ("Rebels", "NOUN", 2, "nsubj"),
        ("seized", "VERB", 0, "root"),
        ("the", "DET", 5, "det"),
        ("Ruwenzi", "PROPN", 5, "compound"),
        ("town", "NOUN", 2, "obj"),
        ("of", "ADP", 7, "case"),
        ("Kanyabayonga", "PROPN", 5, "nmod"),
        ("in", "ADP", 11, "case"),
        ("North", "PROPN", 10, "compound"),
        ("Kivu", "PROPN", 11, "compound"),
        ("province", "NOUN", 7, "nmod"),
        (".", "PUNCT", 2, "punct"),
    ];
    let s = sentence(text, &words);
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "the Ruwenzi town of Kanyabayonga in North Kivu province")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "seized"))
        .expect("unlisted town");
    assert_eq!(loc.name, "Kanyabayonga");
    assert_eq!(loc.country.as_deref(), Some("CD"));
}

#[test]
fn a_landmark_named_before_its_type_noun_is_a_place_where_its_phrase_puts_it() {
    let g = gaz();
    let text = "Troops clashed near the Sala Daeng temple in Thailand's Surin province.";
    let words = [
        ("Troops", "NOUN", 2, "nsubj"),
        ("clashed", "VERB", 0, "root"),
        ("near", "ADP", 7, "case"),
        ("the", "DET", 7, "det"),
        ("Sala", "PROPN", 7, "compound"),
        ("Daeng", "PROPN", 5, "flat"),
        ("temple", "PROPN", 2, "obl"),
        ("in", "ADP", 12, "case"),
        ("Thailand", "PROPN", 12, "nmod:poss"),
        ("'s", "PART", 9, "case"),
        ("Surin", "PROPN", 12, "compound"),
        ("province", "NOUN", 7, "nmod"),
        (".", "PUNCT", 2, "punct"),
    ];
    let s = sentence(text, &words);
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "near the Sala Daeng temple in Thailand's Surin province")];
    let (loc, _) = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "clashed"))
        .expect("unlisted temple");
    assert_eq!((loc.name.as_str(), loc.country.as_deref()), ("Sala Daeng", Some("TH")));
    assert_eq!(loc.precision, GeoPrecision::Place);
    // A faith before the type noun names no place.
    let text = "Gunmen attacked a Sufi shrine in Pakistan's Sindh province.";
    let words = [
        ("Gunmen", "NOUN", 2, "nsubj"),
        ("attacked", "VERB", 0, "root"),
        ("a", "DET", 5, "det"),
        ("Sufi", "PROPN", 5, "compound"),
        ("shrine", "NOUN", 2, "obj"),
        ("in", "ADP", 10, "case"),
        ("Pakistan", "PROPN", 10, "nmod:poss"),
        ("'s", "PART", 7, "case"),
        ("Sindh", "PROPN", 10, "compound"),
        ("province", "NOUN", 5, "nmod"),
        (".", "PUNCT", 2, "punct"),
    ];
    let s = sentence(text, &words);
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "a Sufi shrine in Pakistan's Sindh province")];
    let found = unlisted_place(g, &places, text, &s, &phrase, span_of(text, "attacked"));
    assert!(found.as_ref().is_none_or(|(l, _)| l.name != "Sufi"), "{found:?}");
}

#[test]
fn a_lake_a_mountain_or_a_river_named_as_such_is_a_place_in_its_container() {
    let g = gaz();
    // Militants attacked an outpost on Mount Gabar in Sirnak province.
    let text = "Militants attacked an outpost on Mount Gabar in Sirnak province.";
    let s = sentence(
        text,
        &[
            ("Militants", "NOUN", 2, "nsubj"),
            ("attacked", "VERB", 0, "root"),
            ("an", "DET", 4, "det"),
            ("outpost", "NOUN", 2, "obj"),
            ("on", "ADP", 7, "case"),
            ("Mount", "PROPN", 7, "compound"),
            ("Gabar", "PROPN", 2, "obl"),
            ("in", "ADP", 10, "case"),
            ("Sirnak", "PROPN", 10, "compound"),
            ("province", "NOUN", 7, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "on Mount Gabar in Sirnak province")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrase, span_of(text, "attacked")).expect("mount");
    assert_eq!(loc.name, "Mount Gabar");
    assert_eq!(loc.country.as_deref(), Some("TR"));
    assert_eq!(loc.precision, GeoPrecision::Place);

    // Rebels ambushed a boat on the Baudo River in Choco province.
    let text = "Rebels ambushed a boat on the Baudo River in Choco province.";
    let s = sentence(
        text,
        &[
            ("Rebels", "NOUN", 2, "nsubj"),
            ("ambushed", "VERB", 0, "root"),
            ("a", "DET", 4, "det"),
            ("boat", "NOUN", 2, "obj"),
            ("on", "ADP", 8, "case"),
            ("the", "DET", 8, "det"),
            ("Baudo", "PROPN", 8, "compound"),
            ("River", "PROPN", 2, "obl"),
            ("in", "ADP", 11, "case"),
            ("Choco", "PROPN", 11, "compound"),
            ("province", "NOUN", 8, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "on the Baudo River in Choco province")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrase, span_of(text, "ambushed")).expect("river");
    assert_eq!(loc.name, "Baudo River");
    assert_eq!(loc.country.as_deref(), Some("CO"));

    // A one-word name after "on" is no place by itself ("on Tuesday", "on Hezbollah").
    let text = "Rebels ambushed a boat on Kanyabayonga.";
    let s = sentence(
        text,
        &[
            ("Rebels", "NOUN", 2, "nsubj"),
            ("ambushed", "VERB", 0, "root"),
            ("a", "DET", 4, "det"),
            ("boat", "NOUN", 2, "obj"),
            ("on", "ADP", 6, "case"),
            ("Kanyabayonga", "PROPN", 2, "obl"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "on Kanyabayonga")];
    assert!(unlisted_place(g, &places, text, &s, &phrase, span_of(text, "ambushed")).is_none());
}

#[test]
fn at_a_name_after_a_road_or_border_is_a_point_on_it() {
    let g = gaz();
    let text = "Truckers blocked the highway at Dhulikhela in Bagmati Province.";
    let s = sentence(
        text,
        &[
            ("Truckers", "NOUN", 2, "nsubj"),
            ("blocked", "VERB", 0, "root"),
            ("the", "DET", 4, "det"),
            ("highway", "NOUN", 2, "obj"),
            ("at", "ADP", 6, "case"),
            ("Dhulikhela", "PROPN", 2, "obl"),
            ("in", "ADP", 9, "case"),
            ("Bagmati", "PROPN", 9, "compound"),
            ("Province", "PROPN", 6, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "at Dhulikhela in Bagmati Province")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrase, span_of(text, "blocked")).expect("point");
    assert_eq!(loc.name, "Dhulikhela");
    assert_eq!(loc.country.as_deref(), Some("NP"));

    // "at" after anything else names no place by itself ("protested at Reuters").
    let text = "Truckers protested at Dhulikhela in Bagmati Province.";
    let s = sentence(
        text,
        &[
            ("Truckers", "NOUN", 2, "nsubj"),
            ("protested", "VERB", 0, "root"),
            ("at", "ADP", 4, "case"),
            ("Dhulikhela", "PROPN", 2, "obl"),
            ("in", "ADP", 7, "case"),
            ("Bagmati", "PROPN", 7, "compound"),
            ("Province", "PROPN", 4, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrase = [span_of(text, "at Dhulikhela in Bagmati Province")];
    assert!(unlisted_place(g, &places, text, &s, &phrase, span_of(text, "protested")).is_none());
}

#[test]
fn a_name_after_the_type_noun_runs_on_past_a_cut_phrase() {
    let g = gaz();
    // The parser read "Yet" as a conjunction and ended the phrase at "Let".
    let text = "Jets bombed a school in the village of Let Yet Kone in Sagaing region.";
    let s = sentence(
        text,
        &[
            ("Jets", "NOUN", 2, "nsubj"),
            ("bombed", "VERB", 0, "root"),
            ("a", "DET", 4, "det"),
            ("school", "NOUN", 2, "obj"),
            ("in", "ADP", 7, "case"),
            ("the", "DET", 7, "det"),
            ("village", "NOUN", 2, "obl"),
            ("of", "ADP", 9, "case"),
            ("Let", "PROPN", 7, "nmod"),
            ("Yet", "CCONJ", 11, "cc"),
            ("Kone", "PROPN", 2, "conj"),
            ("in", "ADP", 14, "case"),
            ("Sagaing", "PROPN", 14, "compound"),
            ("region", "NOUN", 11, "nmod"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrases = [span_of(text, "in the village of Let"), span_of(text, "in Sagaing region")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrases, span_of(text, "bombed")).expect("village");
    assert_eq!(loc.name, "Let Yet Kone");
    assert_eq!(loc.country.as_deref(), Some("MM"));
    // A day after the name is no word of it.
    let text = "Troops raided the village of Koroba Monday in Mopti region.";
    let s = sentence(
        text,
        &[
            ("Troops", "NOUN", 2, "nsubj"),
            ("raided", "VERB", 0, "root"),
            ("the", "DET", 4, "det"),
            ("village", "NOUN", 2, "obj"),
            ("of", "ADP", 6, "case"),
            ("Koroba", "PROPN", 4, "nmod"),
            ("Monday", "PROPN", 2, "obl:tmod"),
            ("in", "ADP", 10, "case"),
            ("Mopti", "PROPN", 10, "compound"),
            ("region", "NOUN", 2, "obl"),
            (".", "PUNCT", 2, "punct"),
        ],
    );
    let places = ArticlePlaces::analyze(g, text, &[]);
    let phrases = [span_of(text, "the village of Koroba"), span_of(text, "in Mopti region")];
    let (loc, _) =
        unlisted_place(g, &places, text, &s, &phrases, span_of(text, "raided")).expect("village");
    assert_eq!(loc.name, "Koroba");
}
