//! The location of an event: the place the syntax attaches to it, else the dateline's, else
//! unknown — never a capital or a country centroid by default.
//!
//! The caller (the event coder) knows the syntax: it passes the spans of the locative phrases
//! attached to the event's trigger ("in Baqubah", "at Camp Ashraf", "near the border"). This
//! module resolves the article's toponyms once ([`ArticlePlaces::analyze`]) and answers each
//! event from them ([`ArticlePlaces::locate`]).

use crate::gazetteer::Gazetteer;
use crate::place::PlaceKind;
use crate::recognize::recognize;
use crate::resolve::{resolve, Resolved, Weights};
use model::{GeoPrecision, Location, Span};

/// Where the event's location came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceBasis {
    /// A place inside a phrase the syntax attaches to the event.
    Attached,
    /// A place a locative preposition governs elsewhere in the event's sentence ("… in
    /// Cairo on Sunday and the two pledged …").
    Sentence,
    /// The article's dateline ("BAGHDAD (Reuters) —").
    Dateline,
    /// Nothing usable: the location is unknown.
    Unknown,
}

/// An event's location with its basis and the gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPlace {
    pub location: Location,
    pub basis: PlaceBasis,
    /// Gazetteer index of the place (for [`Gazetteer::place`]).
    pub place: Option<u32>,
}

/// What the caller knows about one event.
#[derive(Debug, Clone, Copy)]
pub struct EventSite<'a> {
    /// The event trigger's span in the article text.
    pub trigger: Span,
    /// Spans of locative phrases (in/at/near/outside …) the syntax attaches to the trigger.
    pub attached: &'a [Span],
    /// The dateline's span when the extractor found one; else it is detected from the text.
    pub dateline: Option<Span>,
    /// The article text the spans point into (empty: the topic filter is off).
    pub text: &'a str,
}

/// The byte offset of the place preposition ("in", "at", "near" …) that governs the name at
/// `top`, with at most two lower-case words between ("in northern Burkina Faso") or a
/// possessive place ("in Nigeria's Delta state"); `None` when a directional or relational one
/// ("to", "from", "on") comes first, or none.
pub(crate) fn governing_locative(text: &str, sentence: Span, top: Span) -> Option<usize> {
    let before = text.get(sentence.start as usize..top.start as usize)?;
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in before.char_indices().chain(std::iter::once((before.len(), ' '))) {
        let inner = c.is_alphanumeric() || c == '-';
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s0)) => {
                words.push((s0, &before[s0..i]));
                start = None;
            }
            _ => {}
        }
    }
    let mut lower = 0;
    let mut k = words.len();
    // Capitalised words just before a type noun name its container or nationality ("the West
    // Bank city of Hebron", "the Syrian town of Kobani").
    let mut container = 0;
    while k > 0 {
        k -= 1;
        let (at, w) = words[k];
        // Before a type noun: its container, nationality or other modifiers ("the Syrian
        // border town of", "the nearby town of").
        let prep = matches!(w, "in" | "at" | "near" | "outside" | "the" | "a" | "an");
        if container > 0
            && !prep
            && (w.starts_with(char::is_uppercase) || !DIRECTIONAL.contains(&w))
        {
            container -= 1;
            continue;
        }
        container = 0;
        // "Nigeria's": a possessive place before the name.
        if w == "s" && k > 0 && words[k - 1].1.starts_with(char::is_uppercase) {
            k -= 1;
            continue;
        }
        // "In Misrata, …" opening the sentence.
        if k == 0
            && matches!(
                w,
                "In" | "At" | "Near" | "Outside" | "Inside" | "Around" | "Across" | "Within"
            )
        {
            return Some(sentence.start as usize + at);
        }
        if w.starts_with(char::is_uppercase) {
            return None;
        }
        // "north of Tikrit", "30 kilometres north of Tikrit": a bearing from the name is a place
        // phrase of its own; "the city of Peshawar", "the outskirts of Gao": the type noun
        // stands between the name and its preposition.
        if w == "of" && k > 0 {
            let prev = words[k - 1].1.to_lowercase();
            if BEARINGS.contains(&prev.as_str()) {
                return Some(sentence.start as usize + words[k - 1].0);
            }
            if PLACE_TYPES.contains(&prev.as_str()) {
                k -= 1;
                container = 3;
                continue;
            }
        }
        if matches!(w, "the" | "a" | "an") {
            continue;
        }
        if matches!(
            w,
            "in" | "at"
                | "near"
                | "outside"
                | "inside"
                | "around"
                | "throughout"
                | "across"
                | "within"
                | "off"
        ) {
            return Some(sentence.start as usize + at);
        }
        // "on the outskirts of Kyiv", "on the border near X".
        if w == "on"
            && words.get(k + 1).is_some_and(|&(_, n)| {
                let n =
                    if matches!(n, "the" | "a") { words.get(k + 2).map_or("", |x| x.1) } else { n };
                matches!(n, "outskirts" | "edge" | "fringes" | "border" | "frontline" | "coast")
            })
        {
            return Some(sentence.start as usize + at);
        }
        if DIRECTIONAL.contains(&w) {
            return None;
        }
        lower += 1;
        if lower > 2 {
            return None;
        }
    }
    None
}

/// Directional and relational prepositions: a name they govern is no place of the event.
const DIRECTIONAL: &[&str] = &[
    "to", "from", "into", "of", "on", "for", "with", "by", "against", "over", "about", "toward",
    "towards",
];

/// Compass bearings that, followed by "of", place something relative to a name.
pub(crate) const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Whether the name at `top`, inside the phrase `phrase`, is a reference point rather than the
/// place: after "<bearing> of" ("200 km east *of* Tripoli"), "<distance unit> of/from", or
/// "from"/"with" ("on the border *with* Myanmar").
fn reference(text: &str, phrase: Span, top: Span) -> bool {
    let Some(before) = text.get(phrase.start as usize..top.start as usize) else { return false };
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let n = words.len();
    // The phrase's own preposition does not count ("from Kabul" as a whole phrase), unless
    // the phrase goes on to the path's goal ("fired rockets *from Lebanon into northern
    // Israel*", "crossed from Sudan into Chad", "fired from Gaza towards Ashkelon"): the
    // origin of a path is a reference point, the deed lands at its goal.
    if n == 1 && words[0] == "from" {
        return path_goal_after(text, phrase, top);
    }
    if n < 2 {
        return false;
    }
    let last = words[n - 1].as_str();
    let prev = words[n - 2].as_str();
    let unit = matches!(prev, "km" | "kilometres" | "kilometers" | "miles" | "mi");
    matches!(last, "from" | "with")
        || (last == "of" && (BEARINGS.contains(&prev) || unit))
        || (matches!(last, "the" | "a") && n >= 3 && words[n - 2] == "of" && {
            let p = words[n - 3].as_str();
            BEARINGS.contains(&p)
        })
}

/// Whether, after the name at `top`, the phrase `phrase` goes on with the goal of a path
/// ("into", "towards", "toward", "onto" and a capitalised name within three words).
fn path_goal_after(text: &str, phrase: Span, top: Span) -> bool {
    let Some(after) = text.get(top.end as usize..phrase.end as usize) else { return false };
    let mut words = after.split_whitespace();
    words.next().is_some_and(|w| matches!(w, "into" | "towards" | "toward" | "onto"))
        && words.take(3).any(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Capitalised heads of institutions and buildings named after a place or a person.
const INSTITUTIONS: &[&str] = &[
    "University",
    "College",
    "Institute",
    "Hospital",
    "School",
    "Academy",
    "Stadium",
    "Museum",
    "Hotel",
];

/// Whether the name at `top` opens an institution's name ("*Emory* University in Atlanta",
/// "*Kabul* University"): it names the institution, and another place of the phrase says
/// where it is; alone it still places the deed.
fn institution(text: &str, top: Span) -> bool {
    let after = text.get(top.end as usize..).unwrap_or("");
    after.strip_prefix(' ').is_some_and(|a| {
        let word: String = a.chars().take_while(|c| c.is_alphabetic()).collect();
        INSTITUTIONS.contains(&word.as_str())
    })
}

/// Whether the text from `from` (the end of a name) to `bearing` (a bearing phrase's start)
/// is a comma and a distance ("Misrata*, about 200 km* east of Tripoli"): the bearing phrase
/// describes the name before it.
fn describes(text: &str, from: u32, bearing: u32) -> bool {
    let Some(gap) = text.get(from as usize..bearing as usize) else { return false };
    let Some(rest) = gap.trim_start().strip_prefix(',') else { return false };
    let first = text.get(bearing as usize..).and_then(|t| t.split_whitespace().next());
    rest.len() <= 40
        && first.is_some_and(|w| BEARINGS.contains(&w.to_lowercase().as_str()))
        && rest
            .split_whitespace()
            .all(|w| distance_word(w.trim_matches(|c: char| matches!(c, '(' | ')' | ','))))
}

/// Whether a word may stand in a distance before a bearing ("about 200 km", "some 30
/// miles"): a number, an approximation or a unit.
pub(crate) fn distance_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || matches!(
            w.to_lowercase().as_str(),
            "about"
                | "some"
                | "around"
                | "nearly"
                | "roughly"
                | "almost"
                | "just"
                | "km"
                | "kilometres"
                | "kilometers"
                | "miles"
                | "mi"
                | "kms"
        )
}

/// Whether a country's name stands before a word for its people or forces ("bases hosting
/// *U.S.* troops", "an attack on *Iraq* army positions") or for a post it keeps abroad ("a
/// *U.S.* base at the al-Omar oil field in Syria", "the *U.S.* embassy in Baghdad"): a
/// nationality, not a place.
fn attributive(gaz: &Gazetteer, text: &str, r: &Resolved) -> bool {
    let country = r.place.and_then(|p| gaz.place(p)).is_some_and(|p| p.kind == PlaceKind::Country);
    let next = text.get(r.toponym.span.end as usize..).and_then(|t| t.split_whitespace().next());
    country
        && next.is_some_and(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(),
                "troops"
                    | "forces"
                    | "soldiers"
                    | "military"
                    | "army"
                    | "officials"
                    | "diplomats"
                    | "personnel"
                    | "citizens"
                    | "nationals"
                    | "warships"
                    | "warplanes"
                    | "jets"
                    | "drones"
                    | "drone"
                    | "aircraft"
                    | "air"
                    | "missile"
                    | "missiles"
                    | "strike"
                    | "strikes"
                    | "airstrike"
                    | "airstrikes"
                    | "navy"
                    | "marines"
                    | "contractors"
                    | "base"
                    | "bases"
                    | "embassy"
                    | "consulate"
            )
        })
}

/// Whether a word for a country's ground follows the name at `top` ("Syrian *territory*",
/// "Iraqi *airspace*").
fn territory_after(text: &str, top: Span) -> bool {
    let next = text.get(top.end as usize..).and_then(|t| t.split_whitespace().next());
    next.is_some_and(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(),
            "territory" | "soil" | "airspace" | "waters" | "territorial" | "land"
        )
    })
}

/// Nouns of a place in a country that a nationality before them locates ("at two *Iraqi* air
/// bases", "a *Somali* army base", "*Syrian* villages"): the country, when the phrase names
/// nothing finer.
const NATIONAL_SITES: &[&str] = &[
    "base",
    "bases",
    "airbase",
    "airbases",
    "airfield",
    "airport",
    "camp",
    "camps",
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "cities",
    "port",
    "ports",
    "province",
    "provinces",
    "region",
    "regions",
    "island",
    "islands",
];

/// Whether a nationality at `top` stands before a place noun, with at most one modifying
/// noun between ("Iraqi air bases", "a Somali army base", "the Syrian border town").
fn national_site_after(text: &str, top: Span) -> bool {
    let Some(after) = text.get(top.end as usize..) else { return false };
    let words: Vec<String> = after
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let site = |w: &String| NATIONAL_SITES.contains(&w.as_str());
    words.first().is_some_and(site)
        || (words.len() == 2
            && words[0].chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !words[0].is_empty()
            && site(&words[1]))
}

/// Whether the name at `top` stands before a type noun and "of" ("the *Port-au-Prince* suburb
/// of Croix-des-Bouquets"): it contains the named place that follows.
fn container(text: &str, top: Span) -> bool {
    let Some(after) = text.get(top.end as usize..) else { return false };
    let mut words = after
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let first = words.next().unwrap_or_default();
    let (noun, of) = if PLACE_TYPES.contains(&first.as_str()) {
        (first, words.next().unwrap_or_default())
    } else {
        // "the Kharkiv border town of …": one more word before the type noun.
        let second = words.next().unwrap_or_default();
        (second, words.next().unwrap_or_default())
    };
    // "the *Rueso* district of Narathiwat province": before a division's type noun the name is
    // the division itself, and the "of" place holds it.
    PLACE_TYPES.contains(&noun.as_str()) && of == "of" && !DIVISION_TYPES.contains(&noun.as_str())
}

/// Whether the name at `top` follows a named division's type noun and "of" ("the Rueso
/// district *of Narathiwat*", "the Ratoma district *of Conakry*"): it holds that division, so
/// the division, not it, is where the deed was.
fn division_holder(text: &str, top: Span) -> bool {
    let Some(before) = text.get(..top.start as usize) else { return false };
    let mut words = before.split_whitespace().rev();
    let (of, noun, name) = (words.next(), words.next(), words.next());
    of == Some("of")
        && noun.is_some_and(|n| DIVISION_TYPES.contains(&n))
        && name.is_some_and(|n| {
            n.starts_with(char::is_uppercase)
                && !matches!(n, "The" | "A" | "An" | "Its" | "Their" | "This")
        })
}

/// Lower-case words that may stand between a name and the "in" of its container, saying what
/// the named thing is ("the X *border crossing* in Y", "the X *oil field* in Y").
const SITE_WORDS: &[&str] = &[
    "border",
    "crossing",
    "oil",
    "gas",
    "refugee",
    "air",
    "military",
    "army",
    "naval",
    "base",
    "camp",
    "field",
    "airport",
    "port",
    "bridge",
    "dam",
    "district",
    "region",
    "province",
    "county",
    "state",
    "department",
    "municipality",
    "village",
    "town",
    "city",
    "area",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "valley",
    "mountains",
    "hills",
    "prison",
];

/// Whether the words between a name and the next one say that the name lies in it: "in",
/// "in the", "in northern", "in the north-western", after at most three words of
/// [`SITE_WORDS`] ("border crossing in the").
pub(crate) fn lies_in(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| *w == "in") else { return false };
    let before = &words[..at];
    let after = &words[at + 1..];
    let direction = |w: &str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && ["north", "south", "east", "west", "central"].iter().any(|d| w.contains(d))
    };
    before.len() <= 3
        && before.iter().all(|w| SITE_WORDS.contains(w))
        && match after {
            [] => true,
            [w] => *w == "the" || direction(w),
            [the, w] => *the == "the" && direction(w),
            _ => false,
        }
}

/// Whether the words between two names are a comma and a locative that says the first lies
/// in the second: ", in", ", also in", ", in northern". An apposition (", a town in") is not
/// read here.
fn comma_in(gap: &str) -> bool {
    let Some(rest) = gap.trim_start().strip_prefix(',') else { return false };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("also ").unwrap_or(rest);
    rest.starts_with("in ") && lies_in(rest)
}

/// Type nouns of administrative divisions: "the X district of Y" is the district X in Y.
const DIVISION_TYPES: &[&str] =
    &["province", "district", "region", "state", "governorate", "county", "zone", "department"];

/// Whether the name at `top` owns a capitalised name after it ("*Port-au-Prince's* Delmas
/// district", "*Nigeria's* Delta state").
fn possessive_owner(text: &str, top: Span) -> bool {
    let Some(after) = text.get(top.end as usize..) else { return false };
    after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")).is_some_and(|rest| {
        rest.split_whitespace()
            .take(3)
            .take_while(|w| !w.ends_with([',', '.', ';']))
            .any(|w| w.starts_with(char::is_uppercase))
    })
}

/// A populated place this small loses to a famous namesake ([`ArticlePlaces::prefer_famous`]).
const HAMLET_POPULATION: u64 = 10_000;
/// A division or country this populous is what its bare main name means, against a hamlet.
const FAMOUS_POPULATION: u64 = 1_000_000;

/// Places at or above this population are known beyond their country: never dropped as
/// strays ([`ArticlePlaces::drop_strays`]).
const STRAY_POPULATION: u64 = 300_000;

/// Lower-case nouns that say a capitalised name is a local place ("the Gombe *district*",
/// "the Khor Mor gas *field*", "the *town of* Baledogle").
const LOCAL_TYPES: &[&str] = &[
    "district",
    "region",
    "province",
    "governorate",
    "county",
    "municipality",
    "town",
    "village",
    "city",
    "camp",
    "field",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "area",
    "base",
    "valley",
    "mountains",
    "penitentiary",
    "prison",
    "jail",
];

/// The maximal run of capitalised words around `span`, joined by single spaces ("Khor Mor"
/// around "Mor").
fn capitalised_run(text: &str, span: Span) -> Span {
    let inner = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (inner(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s0)) => {
                words.push((s0, i));
                start = None;
            }
            _ => {}
        }
    }
    let capital = |w: &(usize, usize)| text[w.0..w.1].starts_with(char::is_uppercase);
    let joined = |a: &(usize, usize), b: &(usize, usize)| b.0 == a.1 + 1 && &text[a.1..b.0] == " ";
    let (s0, e0) = (span.start as usize, span.end as usize);
    let Some(first) = words.iter().position(|w| w.1 > s0) else { return span };
    let last = words.iter().rposition(|w| w.0 < e0).unwrap_or(first).max(first);
    let (mut i, mut j) = (first, last);
    while i > 0 && capital(&words[i - 1]) && joined(&words[i - 1], &words[i]) {
        i -= 1;
    }
    while j + 1 < words.len() && capital(&words[j + 1]) && joined(&words[j], &words[j + 1]) {
        j += 1;
    }
    Span::new(words[i].0.min(s0), words[j].1.max(e0))
}

/// Whether the capitalised run `run` is named as a local place: a lower-case type noun right
/// after it (with at most one lower-case word between: "gas field") or "<type noun> of"
/// right before it.
fn typed(text: &str, run: Span) -> bool {
    let lower = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let after: Vec<String> =
        text.get(run.end as usize..).unwrap_or("").split_whitespace().take(2).map(lower).collect();
    let is_type = |w: &String| LOCAL_TYPES.contains(&w.as_str());
    let lc = |w: &String| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
    let next = after.first().is_some_and(|w| lc(w) && is_type(w))
        || (after.len() == 2 && lc(&after[0]) && lc(&after[1]) && is_type(&after[1]));
    let before: Vec<String> = text
        .get(..run.start as usize)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(2)
        .map(lower)
        .collect();
    let prev = before.len() == 2 && before[0] == "of" && is_type(&before[1]);
    next || prev
}

/// Type nouns between a place preposition and a name ("in the town *of* Halabja").
const PLACE_TYPES: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "district",
    "region",
    "state",
    "governorate",
    "county",
    "outskirts",
    "suburbs",
    "suburb",
    "centre",
    "center",
    "heart",
    "middle",
    "edge",
    "capital",
    "port",
    "mountains",
    "hills",
    "forests",
    "forest",
    "valley",
    "desert",
    "countryside",
    "streets",
    "area",
    "areas",
    "parts",
];

/// Whether the toponym at `top` sits inside a topic phrase of the attached phrase `phrase`
/// ("at talks *on easing tensions in northern Kosovo*"): a preposition of topic after the
/// phrase's own first word and before the name. The talks are not in Kosovo.
/// A relational preposition right before the name, inside the phrase, has the same effect
/// ("in humanitarian aid *to Ukraine*").
fn topical(text: &str, phrase: Span, top: Span) -> bool {
    let Some(between) = text.get(phrase.start as usize..top.start as usize) else { return false };
    let words: Vec<&str> =
        between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).skip(1).collect();
    // "on", "over" and "against" are topics only after a noun of talk ("talks on …", "a
    // dispute over …"); "an attack on a village in Cabo Delgado" is where the attack was.
    let topic = words.iter().enumerate().any(|(i, w)| {
        // "about 200 km east of Tripoli" is a distance, not a topic.
        let number = words.get(i + 1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        (matches!(*w, "regarding" | "concerning") || (*w == "about" && !number))
            || (matches!(*w, "on" | "over" | "against")
                && i.checked_sub(1)
                    .is_some_and(|p| DISCOURSE.contains(&words[p].to_lowercase().as_str())))
    });
    let last_prep = words.iter().rev().take(3).find(|w| {
        matches!(
            **w,
            "to" | "from"
                | "into"
                | "for"
                | "with"
                | "toward"
                | "towards"
                | "between"
                | "in"
                | "at"
                | "near"
                | "of"
                | "outside"
                | "inside"
                | "around"
                | "across"
        )
    });
    // "on the road *between* Gao and Ansongo", "the border between the two villages": a
    // stretch of ground between places is in what holds them, not a topic like "talks
    // between Armenia and Azerbaijan".
    let stretch = words
        .iter()
        .position(|w| *w == "between")
        .and_then(|i| i.checked_sub(1))
        .is_some_and(|p| GROUND_BETWEEN.contains(&words[p].to_lowercase().as_str()));
    // "fired rockets *from Lebanon into northern Israel*": in a path opened by the phrase's
    // own "from", the goal is where the deed lands, not a relation.
    let path = between.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("from"))
        && last_prep.is_some_and(|w| matches!(*w, "into" | "toward" | "towards" | "onto"))
        && words.iter().filter(|w| w.chars().all(|c| c.is_lowercase())).count() <= 3;
    topic
        || last_prep.is_some_and(|w| {
            !path && matches!(*w, "to" | "from" | "into" | "for" | "with" | "toward" | "towards")
                || (*w == "between" && !stretch)
        })
}

/// Nouns of ground that "between" two places may follow: the ground lies in what holds them.
const GROUND_BETWEEN: &[&str] = &[
    "road", "highway", "route", "stretch", "area", "frontier", "corridor", "railway", "line",
    "motorway", "towns", "villages", "cities",
];

/// Nouns of talk whose "on"/"about" phrase is a topic ("talks on …", "a deal over …").
const DISCOURSE: &[&str] = &[
    "talks",
    "negotiations",
    "discussions",
    "agreement",
    "deal",
    "accord",
    "dispute",
    "debate",
    "tensions",
    "meeting",
    "summit",
    "conference",
    "statement",
    "report",
    "remarks",
    "comments",
    "resolution",
    "vote",
    "referendum",
    "concerns",
    "questions",
    "views",
    "position",
    "policy",
    "decision",
    "information",
    "briefing",
];

/// Whether a topic preposition after a noun of talk, with a non-temporal object, stands between
/// `from` and `to` ("reach agreement at talks *on easing tensions* in northern Kosovo": Kosovo
/// is what the talks are about, not where they were; "talks on Thursday" is only a time).
fn topic_between(text: &str, from: u32, to: u32) -> bool {
    let Some(between) = text.get(from as usize..to as usize) else { return false };
    let words: Vec<String> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..words.len()).any(|i| {
        if !matches!(words[i].as_str(), "on" | "about" | "over" | "regarding" | "concerning")
            || !i.checked_sub(1).is_some_and(|p| DISCOURSE.contains(&words[p].as_str()))
        {
            return false;
        }
        let mut j = i + 1;
        if words.get(j).is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an")) {
            j += 1;
        }
        let Some(obj) = words.get(j).map(String::as_str) else { return false };
        !(WEEKDAYS.contains(&obj)
            || model::days::month(obj).is_some()
            || obj.chars().all(|c| c.is_ascii_digit())
            || matches!(
                obj,
                "weekend"
                    | "night"
                    | "morning"
                    | "evening"
                    | "day"
                    | "ground"
                    | "border"
                    | "outskirts"
                    | "edge"
                    | "side"
                    | "front"
                    | "frontline"
                    | "streets"
            ))
    })
}

/// The resolved toponyms of one article.
#[derive(Debug, Clone)]
pub struct ArticlePlaces {
    pub resolved: Vec<Resolved>,
    /// Index into `resolved` of the dateline place, when the text opens with one.
    pub dateline: Option<usize>,
}

impl ArticlePlaces {
    /// Recognises and resolves the toponyms of `text`. `actor_countries` are ISO 3166-1 alpha-2
    /// codes of the event actors' countries (may be empty); they favour same-country readings.
    pub fn analyze(gaz: &Gazetteer, text: &str, actor_countries: &[&str]) -> ArticlePlaces {
        ArticlePlaces::analyze_with(gaz, text, actor_countries, &Weights::default())
    }

    /// [`ArticlePlaces::analyze`], with the words inside known multi-word names (`names`: byte
    /// spans of the group and person names an actor lexicon matched) read as no places
    /// ([`crate::recognize::recognize_outside`]).
    pub fn analyze_named(
        gaz: &Gazetteer,
        text: &str,
        actor_countries: &[&str],
        names: &[Span],
    ) -> ArticlePlaces {
        let found = crate::recognize::recognize_outside(gaz, text, names);
        let resolved = resolve(gaz, text, found, actor_countries, &Weights::default());
        let dateline = detect_dateline(text, &resolved);
        ArticlePlaces { resolved, dateline }
    }

    /// [`ArticlePlaces::analyze`] with explicit resolver weights.
    pub fn analyze_with(
        gaz: &Gazetteer,
        text: &str,
        actor_countries: &[&str],
        w: &Weights,
    ) -> ArticlePlaces {
        let resolved = resolve(gaz, text, recognize(gaz, text), actor_countries, w);
        let dateline = detect_dateline(text, &resolved);
        ArticlePlaces { resolved, dateline }
    }

    /// Drops the reading of a local name the gazetteer filed in a country the story never
    /// otherwise names ("in the *Gombe* district" of Kinshasa read as Nigeria's Gombe, "the
    /// *Khor Mor* gas field" in Iraq read as towns in Russia and Hungary): a small place
    /// (not a capital, under [`STRAY_POPULATION`] inhabitants) named with a type noun ("the
    /// X district", "the town of X", "X region"), whose country is not the dateline's and is
    /// named by no other toponym or nationality of the text, in a story that has a country
    /// of its own (the dateline's or the one it names most), and that lies near none of the
    /// story's other places (a West Bank camp in a story from Jerusalem is no stray). The name
    /// stays recognised with no place, so that the event placement reads it as a place the
    /// gazetteer lacks.
    pub fn drop_strays(&mut self, gaz: &Gazetteer, text: &str) {
        let country_of = |r: &Resolved| r.place.and_then(|p| gaz.place(p)).map(|p| p.country);
        let home = self
            .dateline
            .and_then(|i| country_of(&self.resolved[i]))
            .or_else(|| {
                crate::resolve::focus(gaz, &self.resolved)
                    .and_then(|p| gaz.place(p))
                    .map(|p| p.country)
            })
            .filter(|c| !c.is_empty());
        let Some(home) = home else { return };
        let strays: Vec<usize> = (0..self.resolved.len())
            .filter(|&i| {
                let r = &self.resolved[i];
                let Some(p) = r.place.and_then(|p| gaz.place(p)) else { return false };
                let small = matches!(
                    p.kind,
                    PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Site
                ) && !matches!(p.feature_code, "PPLC" | "PPLG")
                    && p.population < STRAY_POPULATION;
                let run = capitalised_run(text, r.toponym.span);
                let alone = self
                    .resolved
                    .iter()
                    .all(|o| run.contains(o.toponym.span) || country_of(o) != Some(p.country));
                // "JERUSALEM - … raided Jenin camp": a town near a place the story names
                // (its dateline, another town) is where the story is, across a border too.
                let near = || {
                    self.resolved.iter().any(|o| {
                        !run.contains(o.toponym.span)
                            && !o.toponym.metonym
                            && o.place.and_then(|q| gaz.place(q)).is_some_and(|q| {
                                crate::resolve::near_reach(&q).is_some_and(|reach| {
                                    crate::place::haversine_km(q.lat, q.lon, p.lat, p.lon) <= reach
                                })
                            })
                    })
                };
                !r.toponym.metonym
                    && !r.toponym.demonym
                    && small
                    && !p.country.is_empty()
                    && p.country != home
                    && alone
                    && typed(text, run)
                    && !near()
            })
            .collect();
        for i in strays {
            self.resolved[i].place = None;
        }
        self.drop_contradicted(gaz, text);
        self.prefer_famous(gaz, text);
    }

    /// "The cartel's founder was arrested *in Texas*" in a story from Mexico: a hamlet the
    /// story's country weight chose (under [`HAMLET_POPULATION`]) for a name that is also the
    /// main name of a first-level division or country of a million people or more is that
    /// division, unless the text calls it a town ("the village of Texas"). (For event places
    /// only: the resolver itself keeps its reading.)
    fn prefer_famous(&mut self, gaz: &Gazetteer, text: &str) {
        for r in self.resolved.iter_mut() {
            let Some(p) = r.place.and_then(|p| gaz.place(p)) else { continue };
            // "Jordan, Minnesota", "Paris, Texas": a hamlet its text places keeps its reading.
            if p.kind != PlaceKind::City
                || p.population >= HAMLET_POPULATION
                || r.container.is_some()
                || r.toponym.kind_hint == Some(PlaceKind::City)
                || typed(text, capitalised_run(text, r.toponym.span))
            {
                continue;
            }
            let famous = r.toponym.candidates.iter().filter(|c| !c.alternate).find(|c| {
                gaz.place(c.place).is_some_and(|q| {
                    matches!(q.kind, PlaceKind::Admin1 | PlaceKind::Country)
                        && q.population >= FAMOUS_POPULATION
                })
            });
            if let Some(c) = famous {
                r.place = Some(c.place);
            }
        }
    }

    /// Drops the reading of a name that the text itself places in another country: "X in Y"
    /// (with at most a few type words between: "the Torkham border crossing in the Khyber
    /// district", "the village of Let Yet Kone in the Sagaing region", "the town of Puerto
    /// Jordan in Arauca department") where the gazetteer's X lies in a country other than
    /// Y's. The gazetteer's X is then another place of the same name (the Afghan side of the
    /// crossing, a town in New Caledonia, the country Jordan); the name stays recognised with
    /// no place, so that the event placement reads it as a place the gazetteer lacks, inside
    /// Y. Other names of the same capitalised run go with it ("Puerto" of "Puerto Jordan").
    fn drop_contradicted(&mut self, gaz: &Gazetteer, text: &str) {
        let place = |r: &Resolved| r.place.and_then(|p| gaz.place(p));
        let mut dropped: Vec<Span> = Vec::new();
        for (i, r) in self.resolved.iter().enumerate() {
            let Some(p) = place(r) else { continue };
            if r.toponym.demonym || r.toponym.metonym || p.country.is_empty() || !p.kind.locates() {
                continue;
            }
            let Some(o) = self.resolved.get(i + 1) else { continue };
            let Some(q) = place(o) else { continue };
            if o.toponym.demonym
                || q.country.is_empty()
                || q.country == p.country
                || !matches!(
                    q.kind,
                    PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::City
                )
            {
                continue;
            }
            let run = capitalised_run(text, r.toponym.span);
            let gap = text.get(run.end as usize..o.toponym.span.start as usize).unwrap_or("");
            if lies_in(gap) {
                dropped.push(run);
            }
        }
        for r in self.resolved.iter_mut() {
            if dropped.iter().any(|d| d.contains(r.toponym.span)) {
                r.place = None;
            }
        }
    }

    /// Toponyms that probably stand for actors ("Moscow said"): the caller may treat them as
    /// actors; they are never used as event locations.
    pub fn metonyms(&self) -> impl Iterator<Item = &Resolved> {
        self.resolved.iter().filter(|r| r.toponym.metonym)
    }

    /// The event's location: the place in an attached phrase nearest the trigger, else the
    /// dateline's place, else unknown.
    pub fn locate(&self, gaz: &Gazetteer, site: &EventSite<'_>) -> EventPlace {
        let usable = |r: &Resolved| {
            !r.toponym.metonym
                && !r.toponym.demonym
                && r.place
                    .and_then(|p| gaz.place(p))
                    .is_some_and(|p| p.precision() != GeoPrecision::Unknown)
        };
        let distance = |s: Span| {
            if s.overlaps(site.trigger) {
                0
            } else if s.end <= site.trigger.start {
                site.trigger.start - s.end
            } else {
                s.start.saturating_sub(site.trigger.end)
            }
        };
        let text = site.text;
        // Inside an attached phrase, a nationality before a word for its ground ("in *Syrian*
        // territory", "on Lebanese soil") names the country.
        let usable_here = |r: &Resolved| {
            (usable(r) && !attributive(gaz, text, r))
                || (r.toponym.demonym
                    && !r.toponym.metonym
                    && territory_after(text, r.toponym.span)
                    && r.place
                        .and_then(|p| gaz.place(p))
                        .is_some_and(|p| p.kind == PlaceKind::Country))
        };
        // The phrase nearest the trigger; inside it the finest place ("in Nigeria's Delta
        // state" is Delta, "in the town of Halabja in northern Iraq" is Halabja).
        // A name that starts inside a phrase belongs to it even when the parse cut the phrase
        // short ("in the mountains of Lanao del | Sur province").
        let inside = |a: &Span, t: Span| a.start <= t.start && t.start < a.end;
        // Inside a phrase, a reference point ("200 km east *of Tripoli*", "on the border *with
        // Myanmar*") gives way to the place itself, and so does a container before its type
        // noun ("the *Port-au-Prince* suburb of Croix-des-Bouquets").
        let candidates: Vec<(u32, (bool, u8), bool, &Resolved)> = self
            .resolved
            .iter()
            .filter_map(|r| {
                let phrase = site.attached.iter().find(|a| {
                    inside(a, r.toponym.span)
                        && !topical(text, **a, r.toponym.span)
                        && !self.across_border(gaz, text, **a, r)
                })?;
                let role = (
                    reference(text, *phrase, r.toponym.span) || institution(text, r.toponym.span),
                    fineness(gaz, r),
                );
                // "in the town of Birnin Gwari, also in Kaduna": a place after a comma and "in"
                // that follows another place of the phrase only says where that one lies.
                let locates = self.resolved.iter().any(|o| {
                    o.toponym.span.end <= r.toponym.span.start
                        && phrase.contains(o.toponym.span)
                        && usable_here(o)
                        && !holds(gaz, o, r)
                        && text
                            .get(o.toponym.span.end as usize..r.toponym.span.start as usize)
                            .is_some_and(comma_in)
                });
                let container = container(text, r.toponym.span)
                    || locates
                    || division_holder(text, r.toponym.span);
                usable_here(r).then_some((distance(*phrase), role, container, r))
            })
            .collect();
        // A possessive place holds a place of its own country named after it in the same
        // phrase ("in *Port-au-Prince's* Delmas district").
        let country = |r: &Resolved| r.place.and_then(|p| gaz.place(p)).map(|p| p.country);
        let owners: Vec<bool> = candidates
            .iter()
            .map(|(d, _, _, r)| {
                possessive_owner(text, r.toponym.span)
                    && candidates.iter().any(|(d2, _, _, o)| {
                        d2 == d
                            && o.toponym.span.start > r.toponym.span.end
                            && country(o) == country(r)
                    })
            })
            .collect();
        let candidates: Vec<(u32, (bool, u8), bool, &Resolved)> = candidates
            .into_iter()
            .zip(owners)
            .map(|((d, role, c, r), owner)| (d, role, c || owner, r))
            .collect();
        let best = candidates
            .iter()
            // A container before its type noun gives way even to a coarser entry of the
            // gazetteer ("the *Rift Valley* city of Nakuru", whose valley is a finer feature
            // than the city): the text says which place it names.
            .min_by_key(|(d, role, c, r)| {
                (*d, role.0, *c, role.1, distance(r.toponym.span), r.toponym.span.start)
            })
            .copied();
        let attached = best.map(|(d, role, c, r)| {
            // "a hideout south of *El-Arish*, the capital of North Sinai province": a reference
            // point or a name before its type noun gives way to another place of the phrase,
            // but not to a division that only holds it — the deed is near the finer place.
            let demoted =
                candidates.iter().filter(|x| x.0 == d && (x.1 .0 || x.2) && !(role.0 || c));
            let inner = demoted
                .filter(|x| holds(gaz, r, x.3))
                .min_by_key(|x| (x.1 .1, distance(x.3.toponym.span)))
                .map_or(r, |x| x.3);
            // "Serbs *in northern Kosovo* clashed … in the town of *Zvecan*": a place of another
            // phrase of the same event that lies inside the nearest phrase's place refines it.
            candidates
                .iter()
                .filter(|x| x.0 != d && !x.1 .0 && !x.2 && holds(gaz, inner, x.3))
                .min_by_key(|x| (x.1 .1, x.0, x.3.toponym.span.start))
                .map_or(inner, |x| x.3)
        });
        if let Some(r) = attached {
            // "raids on the West Bank cities of *Jenin and Tulkarm*": a deed at two places
            // named side by side is at what holds both.
            if let Some(found) = self.common_container(gaz, text, site.attached, r, &usable) {
                return found;
            }
            // "blew up a pipeline in a rural area of *Saravena*, in Arauca department", the
            // parse hanging only ", in Arauca department" on the verb: the place that phrase
            // says it holds, named right before it, is where the deed was.
            let country = |x: &Resolved| x.place.and_then(|p| gaz.place(p)).map(|p| p.country);
            let before = self.resolved.iter().rfind(|o| {
                o.toponym.span.end <= r.toponym.span.start
                    && usable_here(o)
                    && country(o) == country(r)
                    && fineness(gaz, o) <= fineness(gaz, r)
                    && text
                        .get(o.toponym.span.end as usize..r.toponym.span.start as usize)
                        .is_some_and(comma_in)
            });
            return answer(gaz, before.unwrap_or(r), PlaceBasis::Attached, site.text);
        }
        // "took over security at the camp": a definite type noun in an attached phrase
        // names the last place of that type the text mentioned before it.
        let mut phrases: Vec<Span> = site.attached.to_vec();
        phrases.sort_by_key(|p| distance(*p));
        for phrase in &phrases {
            if let Some(r) = self.antecedent(gaz, text, *phrase, &usable) {
                return answer(gaz, r, PlaceBasis::Attached, site.text);
            }
            // "declared a state of emergency *across the country*" with no country named
            // before: the dateline's country.
            if let Some(found) = self.dateline_country(gaz, text, *phrase) {
                return found;
            }
        }
        // "in the Ethiopian capital": the capital of the nationality's country; "in the
        // region" after a town named with no region: the town's province.
        for phrase in &phrases {
            if let Some(found) = self.national_capital(gaz, text, *phrase) {
                return found;
            }
            if let Some(found) = self.province_of_town(gaz, text, *phrase, &usable) {
                return found;
            }
        }
        // "fired missiles at two *Iraqi* air bases": with nothing finer named, a nationality
        // on a place noun names its country.
        for phrase in &phrases {
            let national = self.resolved.iter().find(|r| {
                r.toponym.demonym
                    && !r.toponym.metonym
                    && inside(phrase, r.toponym.span)
                    && national_site_after(text, r.toponym.span)
                    && r.place
                        .and_then(|p| gaz.place(p))
                        .is_some_and(|p| p.kind == PlaceKind::Country)
            });
            if let Some(r) = national {
                return answer(gaz, r, PlaceBasis::Attached, site.text);
            }
        }
        let dateline = match site.dateline {
            Some(d) => self.resolved.iter().find(|r| usable(r) && d.contains(r.toponym.span)),
            None => self.dateline.map(|i| &self.resolved[i]).filter(|r| usable(r)),
        };
        match dateline {
            Some(r) => answer(gaz, r, PlaceBasis::Dateline, ""),
            None => EventPlace { location: unknown(), basis: PlaceBasis::Unknown, place: None },
        }
    }
}

const ANAPHORS: &[&str] = &[
    "country",
    "camp",
    "base",
    "airbase",
    "airport",
    "airfield",
    "prison",
    "jail",
    "crossing",
    "town",
    "city",
    "capital",
    "village",
    "province",
    "governorate",
    "state",
    "district",
    "county",
    "region",
];

/// Type nouns that, after "the" and with no name of their own ("the camp", not "the camp of
/// X"), refer back to the last place of their type.
fn anaphor_fits(noun: &str, p: &crate::place::Place<'_>) -> bool {
    match noun {
        // "across the country": the last country named.
        "country" => p.kind == PlaceKind::Country,
        "camp" => p.kind == PlaceKind::Site && p.feature_code == "CAMP",
        "base" | "airbase" => p.kind == PlaceKind::Site && p.feature_code == "BASE",
        "airport" | "airfield" => {
            p.kind == PlaceKind::Site && matches!(p.feature_code, "AIRP" | "BASE")
        }
        "prison" | "jail" => p.kind == PlaceKind::Site && p.feature_code == "PRN",
        "crossing" => p.kind == PlaceKind::Site && p.feature_code == "XING",
        "town" | "city" | "village" => p.kind == PlaceKind::City,
        // "in the capital": the last national capital named ("KABUL (AP) - … a market in the
        // capital").
        "capital" => p.kind == PlaceKind::City && p.feature_code == "PPLC",
        // GeoNames files some provinces as second-level divisions (the Philippines' provinces
        // sit under regions).
        "province" | "governorate" => matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2),
        "state" => p.kind == PlaceKind::Admin1,
        "district" | "county" => p.kind == PlaceKind::Admin2,
        "region" => {
            p.kind == PlaceKind::Admin1 || (p.kind == PlaceKind::Region && !p.country.is_empty())
        }
        _ => false,
    }
}

/// The type nouns that refer back to the same places as `noun`: a town, city or village is
/// one kind of place for a reference back.
fn same_type(a: &str, b: &str) -> bool {
    let town = |w: &str| matches!(w, "town" | "city" | "village");
    a == b || (town(a) && town(b))
}

/// Whether the capitalised run `run` was named with the type noun `noun` ("the Chapare
/// *region*", "the *town of* Kitshanga").
fn named_as(text: &str, run: Span, noun: &str) -> bool {
    let after = text.get(run.end as usize..).unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    let before = text.get(..run.start as usize).unwrap_or("");
    let mut prev = before.split_whitespace().rev();
    let of = prev.next() == Some("of");
    let type_before = prev.next().is_some_and(|w| same_type(w, noun));
    // "the region of X", not "the Chapare region of X", where X holds the region named.
    let own_noun = prev.next().is_some_and(|w| !w.starts_with(char::is_uppercase));
    (after.starts_with(' ') && same_type(next, noun)) || (of && type_before && own_noun)
}

/// Whether `after` names a place of the type `noun` as "the <noun> of <Name>" ("the town of
/// Kitshanga") for which `known(offset)` says the gazetteer gave no place.
pub(crate) fn names_unlisted(after: &str, noun: &str, known: impl Fn(usize) -> bool) -> bool {
    let words: Vec<(usize, &str)> = after
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - after.as_ptr() as usize, w))
        .collect();
    words.windows(3).any(|w| {
        let name = w[2].1;
        same_type(w[0].1, noun)
            && w[1].1 == "of"
            && name.starts_with(char::is_uppercase)
            && !known(w[2].0)
    })
}

/// Whether `p` is a second-level division named like a town of its country that holds at
/// least half its people ("Nuevo Laredo" the municipality and the city; not the "Sinaloa"
/// municipality with a village of 1,000): news that calls it "the city" or "the town" means
/// the seat, so the division read of the name is the town's antecedent as well.
fn named_after_seat(gaz: &Gazetteer, p: &crate::place::Place<'_>) -> bool {
    p.kind == PlaceKind::Admin2
        && gaz.lookup(p.name).iter().any(|c| {
            c.place != p.index
                && gaz.place(c.place).is_some_and(|t| {
                    t.kind == PlaceKind::City
                        && t.country == p.country
                        && t.name == p.name
                        && t.population.saturating_mul(2) >= p.population
                })
        })
}

impl ArticlePlaces {
    /// The antecedent of a definite type noun inside `phrase` ("at the camp"): the last usable
    /// place of that type named before the phrase.
    fn antecedent<'s>(
        &'s self,
        gaz: &Gazetteer,
        text: &str,
        phrase: Span,
        usable: &dyn Fn(&Resolved) -> bool,
    ) -> Option<&'s Resolved> {
        let body = text.get(phrase.start as usize..phrase.end as usize)?;
        let words: Vec<&str> =
            body.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let noun = words.windows(2).find_map(|w| {
            let n = w[1].to_lowercase();
            let own_name = body.contains(&format!("{} of ", w[1]));
            let lower = w[1].chars().all(char::is_lowercase);
            (w[0] == "the" && lower && !own_name && ANAPHORS.contains(&n.as_str())).then_some(n)
        })?;
        let before =
            || self.resolved.iter().filter(|r| r.toponym.span.end <= phrase.start && usable(r));
        // "the Chapare region of Cochabamba department … in the region": the last place the
        // text itself named with the noun is its antecedent, whatever level the gazetteer files
        // it at; else the last place of the noun's type.
        let found = before()
            .filter(|r| named_as(text, capitalised_run(text, r.toponym.span), &noun))
            .max_by_key(|r| r.toponym.span.start)
            .or_else(|| {
                before()
                    .filter(|r| {
                        r.place.and_then(|p| gaz.place(p)).is_some_and(|p| {
                            anaphor_fits(&noun, &p)
                                || (matches!(noun.as_str(), "town" | "city")
                                    && named_after_seat(gaz, &p))
                        })
                    })
                    .max_by_key(|r| r.toponym.span.start)
            })?;
        // "… withdrew from the town of Kitshanga … troops had retaken the town": a place of the
        // same type the gazetteer lacks, named after the candidate, is the antecedent, and the
        // caller finds it among the places it has given events.
        let after = text.get(found.toponym.span.end as usize..phrase.start as usize)?;
        (!names_unlisted(after, &noun, |at| {
            let at = found.toponym.span.end + at as u32;
            self.resolved.iter().any(|r| r.toponym.span.start == at && r.place.is_some())
        }))
        .then_some(found)
    }

    /// "across the country", "throughout the country" with no country named before: the
    /// country of the dateline's place.
    fn dateline_country(&self, gaz: &Gazetteer, text: &str, phrase: Span) -> Option<EventPlace> {
        let body = text.get(phrase.start as usize..phrase.end as usize)?.to_lowercase();
        let body = body.trim_end_matches(['.', ',']);
        if !(body.ends_with(" the country") && body.split_whitespace().count() == 3) {
            return None;
        }
        let d = self.dateline.map(|i| &self.resolved[i])?;
        let p = d.place.and_then(|p| gaz.place(p)).filter(|p| !p.country.is_empty())?;
        let c = gaz.country(p.country)?;
        Some(EventPlace {
            location: location_of(gaz, c, Some(d.toponym.span))?,
            basis: PlaceBasis::Attached,
            place: Some(c),
        })
    }

    /// "in the *Ethiopian* capital": a nationality right before "capital" inside `phrase`
    /// names the country whose national capital the phrase means.
    fn national_capital(&self, gaz: &Gazetteer, text: &str, phrase: Span) -> Option<EventPlace> {
        let body = text.get(phrase.start as usize..phrase.end as usize)?;
        // "near *its* capital": the country named last before it in the sentence ("North
        // Korea fired a missile from an area near its capital").
        let its = body.contains("its capital").then(|| {
            self.resolved.iter().rev().find(|r| {
                r.toponym.span.end <= phrase.start
                    && r.place
                        .and_then(|p| gaz.place(p))
                        .is_some_and(|p| p.kind == PlaceKind::Country)
                    && text
                        .get(r.toponym.span.end as usize..phrase.start as usize)
                        .is_some_and(|between| !between.contains(". ") && !between.contains('\n'))
            })
        });
        let r = its.flatten().or_else(|| {
            self.resolved.iter().find(|r| {
                r.toponym.demonym
                    && !r.toponym.metonym
                    && phrase.contains(r.toponym.span)
                    && text
                        .get(r.toponym.span.end as usize..)
                        .and_then(|t| t.split_whitespace().next())
                        .is_some_and(|w| w.trim_end_matches([',', '.', ';']) == "capital")
            })
        })?;
        let country =
            r.place.and_then(|p| gaz.place(p)).filter(|p| p.kind == PlaceKind::Country)?;
        let cc = country.country;
        let idx = (0..gaz.len() as u32)
            .find(|&i| gaz.place(i).is_some_and(|p| p.feature_code == "PPLC" && p.country == cc))?;
        Some(EventPlace {
            location: location_of(gaz, idx, Some(r.toponym.span))?,
            basis: PlaceBasis::Attached,
            place: Some(idx),
        })
    }

    /// "in the region", "in the province" when the text named a town but no province before
    /// the phrase ("struck … in the city of Kharkiv … Moscow said it hit targets *in the
    /// region*"): the province of the last town named.
    fn province_of_town(
        &self,
        gaz: &Gazetteer,
        text: &str,
        phrase: Span,
        usable: &dyn Fn(&Resolved) -> bool,
    ) -> Option<EventPlace> {
        let body = text.get(phrase.start as usize..phrase.end as usize)?.to_lowercase();
        let body = body.trim_end_matches(['.', ',']);
        if !["region", "province", "state", "governorate", "oblast"]
            .into_iter()
            .any(|n| body.ends_with(&format!("the {n}")))
        {
            return None;
        }
        let town = self
            .resolved
            .iter()
            .filter(|r| r.toponym.span.end <= phrase.start && usable(r))
            .max_by_key(|r| r.toponym.span.start)?;
        let p = town.place.and_then(|p| gaz.place(p)).filter(|p| p.kind == PlaceKind::City)?;
        let a = p.admin1?;
        Some(EventPlace {
            location: location_of(gaz, a, Some(town.toponym.span))?,
            basis: PlaceBasis::Attached,
            place: Some(a),
        })
    }

    /// When the town `r` of an attached phrase is coordinated with another town of the same
    /// phrase ("the cities of Jenin and Tulkarm"), the place that holds both: a coarser place
    /// the phrase names that holds them ("the *West Bank* cities of …"), else their common
    /// first-level division, else their common country. `None` for a single place.
    fn common_container(
        &self,
        gaz: &Gazetteer,
        text: &str,
        attached: &[Span],
        r: &Resolved,
        usable: &dyn Fn(&Resolved) -> bool,
    ) -> Option<EventPlace> {
        let town =
            |x: &Resolved| x.place.and_then(|p| gaz.place(p)).filter(|p| p.kind == PlaceKind::City);
        let a = town(r)?;
        let phrase = attached.iter().find(|p| p.contains(r.toponym.span))?;
        let coordinated = |x: &Span, y: &Span| {
            let (first, second) = if x.start < y.start { (x, y) } else { (y, x) };
            text.get(first.end as usize..second.start as usize)
                .is_some_and(|gap| matches!(gap.trim(), "and" | "or" | "," | ", and" | ", or"))
        };
        let other = self.resolved.iter().find(|o| {
            o.toponym.span != r.toponym.span
                && phrase.contains(o.toponym.span)
                && usable(o)
                && coordinated(&o.toponym.span, &r.toponym.span)
                && town(o).is_some_and(|b| b.index != a.index && b.country == a.country)
        })?;
        let b = town(other)?;
        let first = r.toponym.span.start.min(other.toponym.span.start);
        // A coarser place of the phrase before the towns, in their country.
        let named = self.resolved.iter().find(|c| {
            phrase.contains(c.toponym.span)
                && c.toponym.span.end <= first
                && usable(c)
                && c.place.and_then(|p| gaz.place(p)).is_some_and(|p| {
                    p.country == a.country
                        && matches!(
                            p.kind,
                            PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region
                        )
                        && (p.kind != PlaceKind::Admin1
                            || (a.admin1 == Some(p.index) && b.admin1 == Some(p.index)))
                })
        });
        if let Some(c) = named {
            return Some(answer(gaz, c, PlaceBasis::Attached, text));
        }
        let span = Some(Span::new(
            first as usize,
            r.toponym.span.end.max(other.toponym.span.end) as usize,
        ));
        let holder = match (a.admin1, b.admin1) {
            (Some(x), Some(y)) if x == y => x,
            _ => gaz.country(a.country)?,
        };
        Some(EventPlace {
            location: location_of(gaz, holder, span)?,
            basis: PlaceBasis::Attached,
            place: Some(holder),
        })
    }

    /// Whether `r` ends or opens a stretch "between" two places of different countries in
    /// `phrase` ("the main road between Peshawar and Kabul"): the stretch is in neither.
    fn across_border(&self, gaz: &Gazetteer, text: &str, phrase: Span, r: &Resolved) -> bool {
        let lead = text.get(phrase.start as usize..r.toponym.span.start as usize).unwrap_or("");
        if !lead.split_whitespace().any(|w| w == "between") {
            return false;
        }
        let country = |x: &Resolved| x.place.and_then(|p| gaz.place(p)).map(|p| p.country);
        self.resolved.iter().any(|o| {
            let (a, b) = if o.toponym.span.start < r.toponym.span.start { (o, r) } else { (r, o) };
            phrase.contains(o.toponym.span)
                && o.toponym.span != r.toponym.span
                && text
                    .get(a.toponym.span.end as usize..b.toponym.span.start as usize)
                    .is_some_and(|g| g.trim() == "and")
                && country(o).is_some_and(|c| !c.is_empty() && Some(c) != country(r))
        })
    }

    fn usable(&self, gaz: &Gazetteer, r: &Resolved) -> bool {
        !r.toponym.metonym
            && !r.toponym.demonym
            && r.place
                .and_then(|p| gaz.place(p))
                .is_some_and(|p| p.precision() != GeoPrecision::Unknown)
    }

    /// The place a locative preposition governs in the sentence `sentence` ("in Cairo"),
    /// nearest the trigger; for an event whose own phrases name no place. The caller decides
    /// for which events a sentence's place stands (not for a statement about a past war).
    pub fn sentence_place(
        &self,
        gaz: &Gazetteer,
        text: &str,
        sentence: Span,
        trigger: Span,
    ) -> EventPlace {
        self.sentence_place_outside(gaz, text, sentence, trigger, &[])
    }

    /// [`ArticlePlaces::sentence_place`] leaving out the places inside `skip` (clauses that
    /// speak of something aimed at, not done).
    pub fn sentence_place_outside(
        &self,
        gaz: &Gazetteer,
        text: &str,
        sentence: Span,
        trigger: Span,
        skip: &[Span],
    ) -> EventPlace {
        let dist = |s: Span| {
            if s.end <= trigger.start {
                trigger.start - s.end
            } else {
                s.start.saturating_sub(trigger.end)
            }
        };
        let dateline = self.dateline.map(|i| self.resolved[i].toponym.span);
        // The phrase nearest the trigger; inside it the finest place.
        let candidates = self
            .resolved
            .iter()
            .filter(|r| {
                sentence.contains(r.toponym.span)
                    && !skip.iter().any(|k| k.contains(r.toponym.span))
                    && dateline != Some(r.toponym.span)
                    && self.usable(gaz, r)
                    && !attributive(gaz, text, r)
            })
            .filter_map(|r| {
                let prep = governing_locative(text, sentence, r.toponym.span)
                    .or_else(|| self.site_after(gaz, text, trigger, r))?
                    as u32;
                let phrase = Span::new(prep as usize, r.toponym.span.end as usize);
                if phrase.start >= trigger.end && topic_between(text, trigger.start, phrase.start) {
                    return None;
                }
                // "…, the minister *told reporters in La Paz*": where a speaker spoke places
                // the speech only, never the deed reported.
                if audience_before(text, sentence, prep) {
                    return None;
                }
                // "In Misrata, about 200 km east of Tripoli, …": Tripoli only says where
                // Misrata is.
                let described = self.resolved.iter().any(|o| {
                    sentence.contains(o.toponym.span)
                        && o.toponym.span.end <= prep
                        && describes(text, o.toponym.span.end, prep)
                });
                Some((described, dist(phrase), fineness(gaz, r), r, prep))
            })
            .collect::<Vec<_>>();
        let nearest = candidates
            .iter()
            .min_by_key(|(x, d, f, r, _)| (*x, *d, *f, r.toponym.span.start))
            .map(|x| (x.3, x.4));
        // "cleared the blockade near the town of *Chala* in the Arequipa region and detained
        // 30 people": a place named right before the nearest phrase, which it lies in, refines
        // it.
        let best = nearest.map(|(n, prep)| {
            candidates
                .iter()
                .filter(|x| {
                    !x.0 && holds(gaz, n, x.3)
                        && text
                            .get(x.3.toponym.span.end as usize..prep as usize)
                            .is_some_and(|gap| gap.trim_matches([' ', ',']).is_empty())
                })
                .min_by_key(|x| (x.2, x.1))
                .map_or(n, |x| x.3)
        });
        match best {
            Some(r) => answer(gaz, r, PlaceBasis::Sentence, text),
            None => EventPlace { location: unknown(), basis: PlaceBasis::Unknown, place: None },
        }
    }

    /// The trigger's start when `r` is a site named right after it, with at most an article
    /// between ("reopened *the Kerem Shalom crossing*", "stormed Camp Ashraf"): the verb acts
    /// on the site, so the event is there.
    fn site_after(
        &self,
        gaz: &Gazetteer,
        text: &str,
        trigger: Span,
        r: &Resolved,
    ) -> Option<usize> {
        let site = r.place.and_then(|p| gaz.place(p)).is_some_and(|p| p.kind == PlaceKind::Site);
        let between = text.get(trigger.end as usize..r.toponym.span.start as usize)?;
        let only_article = between
            .split_whitespace()
            .all(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"));
        (site && trigger.end <= r.toponym.span.start && only_article)
            .then_some(trigger.start as usize)
    }

    /// The dateline's place ("CAIRO, June 10 (Reuters) -"), or unknown.
    pub fn dateline_place(&self, gaz: &Gazetteer) -> EventPlace {
        match self.dateline.map(|i| &self.resolved[i]).filter(|r| self.usable(gaz, r)) {
            Some(r) => answer(gaz, r, PlaceBasis::Dateline, ""),
            None => EventPlace { location: unknown(), basis: PlaceBasis::Unknown, place: None },
        }
    }
}

/// How fine a resolved place is: a site before a city before a division before the rest.
fn fineness(gaz: &Gazetteer, r: &Resolved) -> u8 {
    // A second-level division is finer than a first-level one ("in Papua's *Puncak* regency",
    // "Kunar Province's *Dangam* district").
    r.place.and_then(|p| gaz.place(p)).map_or(9, |p| match p.precision() {
        GeoPrecision::Place => 0,
        GeoPrecision::City => 1,
        GeoPrecision::Province if p.kind == PlaceKind::Admin2 => 2,
        GeoPrecision::Province => 3,
        _ => 4,
    })
}

/// Whether the word before the preposition at `prep` is an audience or an occasion of speech
/// ("told *reporters* in La Paz", "a news *conference* in Washington").
fn audience_before(text: &str, sentence: Span, prep: u32) -> bool {
    let before = text.get(sentence.start as usize..prep as usize).unwrap_or("");
    before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(),
            "reporters"
                | "journalists"
                | "conference"
                | "briefing"
                | "interview"
                | "speech"
                | "statement"
        )
    })
}

/// Whether the place `outer` resolves to holds the place `inner` resolves to: a country its
/// divisions and towns, a first-level division the places filed under it.
fn holds(gaz: &Gazetteer, outer: &Resolved, inner: &Resolved) -> bool {
    let (Some(o), Some(i)) =
        (outer.place.and_then(|p| gaz.place(p)), inner.place.and_then(|p| gaz.place(p)))
    else {
        return false;
    };
    o.index != i.index
        && match o.kind {
            PlaceKind::Country => i.kind > PlaceKind::Country && i.country == o.country,
            PlaceKind::Admin1 => i.admin1 == Some(o.index),
            _ => false,
        }
}

/// A `Location` for a gazetteer place mentioned at `span`.
pub fn location_of(gaz: &Gazetteer, place: u32, span: Option<Span>) -> Option<Location> {
    let p = gaz.place(place)?;
    let admin1 = match p.kind {
        PlaceKind::Admin1 => Some(p.name.to_string()),
        _ => p.admin1.and_then(|a| gaz.place(a)).map(|a| a.name.to_string()),
    };
    Some(Location {
        name: p.name.to_string(),
        gazetteer_id: Some(p.id.to_string()),
        admin1,
        country: (!p.country.is_empty()).then(|| p.country.to_string()),
        lat: Some(p.lat),
        lon: Some(p.lon),
        precision: p.precision(),
        span,
    })
}

/// The explicit "we do not know" location.
pub fn unknown() -> Location {
    Location {
        name: String::new(),
        gazetteer_id: None,
        admin1: None,
        country: None,
        lat: None,
        lon: None,
        precision: GeoPrecision::Unknown,
        span: None,
    }
}

fn answer(gaz: &Gazetteer, r: &Resolved, basis: PlaceBasis, text: &str) -> EventPlace {
    match r.place.and_then(|p| location_of(gaz, p, Some(r.toponym.span))) {
        Some(mut location) => {
            // "the town of Masisi" read as Masisi territory (the gazetteer lacks the town):
            // the deed is at the town the text names, inside that division.
            let division = r
                .place
                .and_then(|p| gaz.place(p))
                .is_some_and(|p| matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2));
            if division && r.toponym.kind_hint == Some(PlaceKind::City) {
                location.precision = GeoPrecision::City;
            }
            // "Jenin camp", "the Nur Shams refugee camp", "the Kalma camp": a camp named
            // after its town is a site at the town.
            let town =
                r.place.and_then(|p| gaz.place(p)).is_some_and(|p| p.kind == PlaceKind::City);
            if town && location.precision == GeoPrecision::City && camp_after(text, r.toponym.span)
            {
                location.precision = GeoPrecision::Place;
            }
            EventPlace { location, basis, place: r.place }
        }
        None => EventPlace { location: unknown(), basis: PlaceBasis::Unknown, place: None },
    }
}

/// Whether "camp" or "refugee camp" follows the name at `span` ("Jenin camp", "the Nur Shams
/// refugee camp").
fn camp_after(text: &str, span: Span) -> bool {
    let mut words = text.get(span.end as usize..).unwrap_or("").split_whitespace();
    match words.next() {
        Some("camp" | "camp," | "camp.") => true,
        Some("refugee") => words.next().is_some_and(|w| w.trim_end_matches([',', '.']) == "camp"),
        _ => false,
    }
}

/// A dateline: the text's first line opens with a place name followed, after an optional
/// ", Region", an optional date (", June 10", "Feb. 4, 2018", ", Monday") and an optional
/// "(Agency)", by a dash or colon ("BAGHDAD (Reuters) —", "Baqubah, Iraq -",
/// "CAIRO, June 10 (Reuters) -").
fn detect_dateline(text: &str, resolved: &[Resolved]) -> Option<usize> {
    let first = resolved.first()?;
    let start = first.toponym.span.start as usize;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..start].trim().is_empty() || start > 200 {
        return None;
    }
    let mut rest = text.get(first.toponym.span.end as usize..)?;
    let mut i = 0;
    // Skip ", Region" parts (later toponyms adjacent to the first) and a date.
    while let Some(stripped) = rest.strip_prefix(',') {
        let trimmed = stripped.trim_start();
        if let Some(after) = date_prefix(trimmed) {
            rest = after;
            continue;
        }
        let words: usize = trimmed
            .split(|c: char| c.is_whitespace() || c == '(' || c == '—' || c == '–' || c == ',')
            .next()
            .map_or(0, str::len);
        if words == 0 || !trimmed.starts_with(char::is_uppercase) {
            break;
        }
        let mut skip = stripped.len() - trimmed.len() + words;
        // A multi-word region: take the span of the next toponym if it starts here.
        if let Some(next) = resolved.get(i + 1) {
            let here = text.len() - trimmed.len();
            if next.toponym.span.start as usize == here {
                skip = next.toponym.span.end as usize - (text.len() - stripped.len());
                i += 1;
            }
        }
        rest = &stripped[skip.min(stripped.len())..];
    }
    let mut rest = rest.trim_start();
    if let Some(after) = date_prefix(rest) {
        rest = after.trim_start();
    }
    if rest.starts_with('(') {
        let close = rest.find(')')?;
        if close > 40 {
            return None;
        }
        rest = rest[close + 1..].trim_start();
    }
    let dash = ["—", "–", "--", "-", ":"].iter().any(|d| rest.starts_with(d));
    dash.then_some(0)
}

const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The text after a dateline's date at the start of `s` ("June 10", "Feb. 4, 2018",
/// "10 June", "Monday"), or `None` when `s` does not open with one.
fn date_prefix(s: &str) -> Option<&str> {
    let word_end = |s: &str| s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    let digits_end = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let w = word_end(s);
    let lower = s[..w].to_lowercase();
    if WEEKDAYS.contains(&lower.as_str()) {
        return Some(&s[w..]);
    }
    let month_then_day = |s: &str| -> Option<usize> {
        let w = word_end(s);
        model::days::month(&s[..w].to_lowercase())?;
        let mut j = w;
        if s[j..].starts_with('.') {
            j += 1;
        }
        let t = s[j..].trim_start();
        let d = digits_end(t);
        if d == 0 || d > 2 {
            return None;
        }
        Some(s.len() - t.len() + d)
    };
    let mut end = if let Some(e) = month_then_day(s) {
        e
    } else {
        // "10 June"
        let d = digits_end(s);
        if d == 0 || d > 2 {
            return None;
        }
        let t = s[d..].trim_start();
        let w = word_end(t);
        model::days::month(&t[..w].to_lowercase())?;
        s.len() - t.len() + w
    };
    // An optional year: ", 2018" or " 2018".
    let after = &s[end..];
    let t = after.strip_prefix(',').unwrap_or(after).trim_start();
    let y = digits_end(t);
    if y == 4 {
        end = s.len() - t.len() + y;
    }
    Some(&s[end..])
}
