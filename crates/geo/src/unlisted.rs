//! Places the text names but the gazetteer lacks: "near the village of Ovchi-Kalacha in
//! Kyrgyzstan's Batken region", "seized the town of Kanyabayonga in North Kivu province", "off
//! the Yemeni port of Mokha". Small towns, villages, camps and fields fill conflict news and no
//! gazetteer holds them all. When the event's own phrase names such a place as a place (after a
//! place preposition, after "the town of", before "village"/"district") and the same phrase
//! says where it lies (a known container after it, a nationality on its type noun, the place
//! named last before "nearby", or the dateline's country when the article names that country
//! most), the event's location is that name with the container's country and province — no
//! gazetteer id and no coordinates, which the text does not give. Without such evidence nothing
//! is answered: the caller keeps the place unknown rather than guessing a country.

use crate::gazetteer::Gazetteer;
use crate::locate::ArticlePlaces;
use crate::place::PlaceKind;
use model::{AnalyzedSentence, GeoPrecision, Location, Span};

/// Type nouns of a place, with the precision of a place of that type.
const TYPE_NOUNS: &[(&str, GeoPrecision)] = &[
    ("village", GeoPrecision::City),
    ("villages", GeoPrecision::City),
    ("town", GeoPrecision::City),
    ("city", GeoPrecision::City),
    ("port", GeoPrecision::City),
    ("suburb", GeoPrecision::City),
    ("settlement", GeoPrecision::City),
    ("hamlet", GeoPrecision::City),
    ("neighbourhood", GeoPrecision::Place),
    ("neighborhood", GeoPrecision::Place),
    ("camp", GeoPrecision::Place),
    ("base", GeoPrecision::Place),
    ("airbase", GeoPrecision::Place),
    ("airport", GeoPrecision::Place),
    ("field", GeoPrecision::Place),
    ("crossing", GeoPrecision::Place),
    ("island", GeoPrecision::Place),
    ("district", GeoPrecision::Province),
    // Sub-districts: a Bangladeshi upazila, a Burmese township, a Pakistani tehsil.
    ("upazila", GeoPrecision::City),
    ("township", GeoPrecision::City),
    ("tehsil", GeoPrecision::City),
    ("subdistrict", GeoPrecision::City),
    ("county", GeoPrecision::Province),
    ("province", GeoPrecision::Province),
    ("region", GeoPrecision::Province),
    ("governorate", GeoPrecision::Province),
    ("municipality", GeoPrecision::City),
    ("area", GeoPrecision::Place),
    ("mountains", GeoPrecision::Place),
    ("hills", GeoPrecision::Place),
    ("forest", GeoPrecision::Place),
    ("valley", GeoPrecision::Place),
    // Landmarks named by their own name ("near the *Ta Muen Thom* temple", "the Sidi Yahia
    // shrine"): a site where a deed is done, in the place its phrase names.
    ("temple", GeoPrecision::Place),
    ("mosque", GeoPrecision::Place),
    ("shrine", GeoPrecision::Place),
    ("monastery", GeoPrecision::Place),
    ("pagoda", GeoPrecision::Place),
];

fn type_noun(word: &str) -> Option<GeoPrecision> {
    let w = word.to_lowercase();
    TYPE_NOUNS.iter().find(|(n, _)| *n == w).map(|(_, p)| *p)
}

/// Prepositions after which a bare name is a place ("near Tessit", "in Moreh"). "at" is left
/// out: "at Reuters", "at Hezbollah positions" name no place.
const PLACE_PREPS: &[&str] = &["in", "near", "outside", "off", "above", "below"];

/// Roads, railways and borders: "at" a name after one of them is a point on it ("the highway
/// at Simara").
const ROUTE_NOUNS: &[&str] = &[
    "highway",
    "road",
    "motorway",
    "expressway",
    "railway",
    "railroad",
    "border",
    "frontier",
    "junction",
    "bridge",
    "pass",
];

/// Proper nouns that are no place names though they follow a place preposition, beside the
/// calendar words of `attach::TEMPORAL` ("in March", "on Monday").
const NOT_PLACES: &[&str] = &[
    "ramadan",
    "parliament",
    "congress",
    "court",
    // Faiths and sects before a landmark's type noun ("a *Sufi* shrine", "a Shia mosque").
    "shia",
    "shiite",
    "sunni",
    "sufi",
    "buddhist",
    "hindu",
    "sikh",
    "catholic",
    "orthodox",
    "coptic",
    "jewish",
    "muslim",
    "christian",
    "ahmadi",
    "alawite",
    "yazidi",
    "druze",
];

/// The unlisted place a phrase of `spans` names, nearest the trigger first, with its phrase:
/// see the module comment. `None` when no phrase names one with evidence of where it lies.
pub fn unlisted_place(
    gaz: &Gazetteer,
    places: &ArticlePlaces,
    text: &str,
    sentence: &AnalyzedSentence,
    spans: &[Span],
    trigger: Span,
) -> Option<(Location, Span)> {
    let distance = |s: Span| {
        if s.overlaps(trigger) {
            0
        } else if s.end <= trigger.start {
            trigger.start - s.end
        } else {
            s.start.saturating_sub(trigger.end)
        }
    };
    let mut phrases: Vec<Span> = spans.to_vec();
    phrases.sort_by_key(|p| (distance(*p), p.start));
    phrases.into_iter().find_map(|p| {
        // A phrase the parser cut off right after this one ("near Tessit | in Mali's Gao
        // region") still says where it lies.
        let mut reach = p;
        for q in spans {
            if q.start >= reach.end && q.start <= reach.end + 2 {
                reach = reach.cover(*q);
            }
        }
        // "the village of Tuqu*, southeast of Bethlehem*", "Kalembe north of Goma": a bearing
        // from a known place right after the name says where the village lies.
        if let Some(e) = bearing_after(text, reach.end) {
            reach = reach.cover(Span::new(reach.start as usize, e));
        }
        in_phrase(gaz, places, text, sentence, p, reach, spans).map(|l| (l, p))
    })
}

/// The end of a bearing phrase right after `end` (", [about 30 km] southeast of Bethlehem",
/// " north of Goma"), up to the next comma or full stop; `None` when none follows.
fn bearing_after(text: &str, end: u32) -> Option<usize> {
    let after = text.get(end as usize..)?;
    let rest = after.strip_prefix(", ").or_else(|| after.strip_prefix(' '))?;
    let skip = after.len() - rest.len();
    let stop = rest.find([',', '.', ';']).unwrap_or(rest.len()).min(80);
    let clause = rest.get(..stop)?;
    let words: Vec<&str> = clause.split_whitespace().collect();
    let at =
        words.iter().position(|w| crate::locate::BEARINGS.contains(&w.to_lowercase().as_str()))?;
    let lead_ok = words[..at].iter().all(|w| crate::locate::distance_word(w));
    (lead_ok && words.get(at + 1) == Some(&"of")).then(|| end as usize + skip + stop)
}

/// Whether a directional preposition governs the name starting at `start`, looking back no
/// further than `from` ("the town of Kawkareik on the main highway *to* Thailand"): a place
/// the road leads to, not one that holds the town.
fn directed(text: &str, from: u32, start: u32) -> bool {
    let Some(between) = text.get(from as usize..start as usize) else { return false };
    between
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .find(|w| !matches!(w.as_str(), "the" | "a" | "an") && w.chars().all(char::is_lowercase))
        .is_some_and(|w| {
            matches!(w.as_str(), "to" | "toward" | "towards" | "from" | "with" | "into")
        })
}

/// Posts and bases of a country's forces, which stand on its ground.
const MILITARY_SITES: &[&str] = &["post", "outpost", "base", "positions", "position", "camp"];

/// Whether the nationality at `top` stands before a military site, with at most one noun
/// between ("Israeli army post", "a Syrian base").
fn military_site_after(text: &str, top: Span) -> bool {
    let words: Vec<String> = text
        .get(top.end as usize..)
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let site = |w: &String| MILITARY_SITES.contains(&w.as_str());
    words.first().is_some_and(site) || (words.len() == 2 && site(&words[1]))
}

fn in_phrase(
    gaz: &Gazetteer,
    places: &ArticlePlaces,
    text: &str,
    sentence: &AnalyzedSentence,
    phrase: Span,
    reach: Span,
    spans: &[Span],
) -> Option<Location> {
    let toks = &sentence.tokens;
    // A name resolved to no place (a stray reading dropped, see `ArticlePlaces::drop_strays`)
    // is as good as unknown.
    let known =
        |sp: Span| places.resolved.iter().any(|r| r.place.is_some() && r.toponym.span.overlaps(sp));
    let mut i = 0;
    let capitalised = |k: usize| toks[k].form.starts_with(char::is_uppercase);
    while i < toks.len() {
        // After "the village of", "the town of" a capitalised word opens the name whatever
        // the tagger made of it ("the village of *Let* Yet Kone").
        let after_type = i >= 2
            && toks[i - 1].form.eq_ignore_ascii_case("of")
            && type_noun(&toks[i - 2].form).is_some()
            && capitalised(i);
        if (toks[i].upos != "PROPN" && !after_type) || !phrase.contains(toks[i].span) {
            i += 1;
            continue;
        }
        // A run of proper nouns: one name ("Khor Mor", "Kfar Kila"); after a type noun's
        // "of", a run of capitalised words ("Let Yet Kone").
        let mut j = i + 1;
        // A lower-case type noun the tagger took for a proper noun ("the Ta Muen Thom
        // *temple*") ends the name: a name's own words are capitalised.
        let type_word = |k: usize| !capitalised(k) && type_noun(&toks[k].form).is_some();
        // After the type noun's "of" the name runs on even where the parse cut the phrase
        // ("in the village of Let | Yet Kone": "Yet" read as a conjunction).
        while j < toks.len()
            && (toks[j].upos == "PROPN" || (after_type && capitalised(j)))
            && !type_word(j)
            && (phrase.contains(toks[j].span)
                || (after_type
                    && capitalised(j)
                    && !crate::attach::TEMPORAL.contains(&toks[j].form.to_lowercase().as_str())))
        {
            j += 1;
        }
        let run = toks[i].span.cover(toks[j - 1].span);
        let (first, next) = (i, j);
        i = j;
        if known(run) {
            continue;
        }
        let name = text.get(run.start as usize..run.end as usize).unwrap_or("");
        let acronym = name.len() <= 4 && !name.chars().any(char::is_lowercase);
        if acronym
            || !name.starts_with(char::is_uppercase)
            || name.split_whitespace().count() > 3
            || {
                let lower = name.to_lowercase();
                NOT_PLACES.contains(&lower.as_str())
                    || crate::attach::TEMPORAL.contains(&lower.as_str())
            }
        {
            continue;
        }
        let form = |k: usize| toks.get(k).map_or(String::new(), |t| t.form.to_lowercase());
        // "the town of X", "the Yemeni port of X": the type noun and its nationality.
        let of_type =
            first >= 2 && form(first - 1) == "of" && type_noun(&toks[first - 2].form).is_some();
        // "X village", "the X district", "the X gas field".
        let type_after = toks.get(next).and_then(|t| type_noun(&t.form)).or_else(|| {
            // one modifier between: "the Khor Mor *gas* field"
            toks.get(next + 1)
                .filter(|_| toks.get(next).is_some_and(|t| t.upos == "NOUN"))
                .and_then(|t| type_noun(&t.form))
                .filter(|p| *p == GeoPrecision::Place)
        });
        // "in X", "near X", "in the nearby X district".
        let mut k = first;
        while k > 0 && matches!(form(k - 1).as_str(), "the" | "nearby" | "neighbouring") {
            k -= 1;
        }
        // "blocked the highway *at Simara*", "the border at Lebombo": "at" after a road or a
        // border names the point on it, a place.
        let on_route = k >= 2 && form(k - 1) == "at" && ROUTE_NOUNS.contains(&form(k - 2).as_str());
        let after_prep = k > 0 && (PLACE_PREPS.contains(&form(k - 1).as_str()) || on_route);
        // The name heads its phrase or names a type noun, not a modifier of some other noun
        // ("in *Hezbollah* positions", "near *Tesla*'s plant"). The name's own head word is the
        // one whose head lies outside the run: the last ("Kfar *Kila*" as a compound) or the
        // first ("*Kfar* Kila" as a flat name), whichever way the parser joined them.
        let outside = |k: usize| !(first + 1..=next).contains(&(toks[k].head as usize));
        let last = (first..next).rev().find(|&k| outside(k)).unwrap_or(next - 1);
        let head = (toks[last].head as usize).checked_sub(1).and_then(|h| toks.get(h));
        let rel = toks[last].deprel.split(':').next().unwrap_or("");
        // A modifier of the type noun after it, or of the word before it ("near the *Jarinje*
        // border crossing").
        let typed_head = toks[last].head as usize;
        let heads = matches!(rel, "obl" | "nmod" | "obj" | "appos" | "conj")
            || (matches!(rel, "compound" | "amod")
                && (head.is_some_and(|h| type_noun(&h.form).is_some())
                    || (type_after.is_some() && (next + 1..=next + 2).contains(&typed_head))));
        // "on *Lake Tana*", "on *Mount Cudi*", "on the *Atrato River*": a name whose own
        // words say it is a lake, mountain or river names a place whatever governs it.
        let feature = natural_feature(name);
        if !heads || !(of_type || after_prep || feature || (type_after.is_some() && k > 0)) {
            continue;
        }
        // "the *Rift Valley* city of Nakuru", "the Sindh town of Sehwan": a name before a
        // settlement's type noun that has an "of" name of its own only says what holds that
        // place ("the Rueso district of Narathiwat" is the district Rueso itself).
        let settlement_of = |t: usize| {
            toks.get(t).is_some_and(|t| {
                matches!(
                    t.form.to_lowercase().as_str(),
                    "city" | "town" | "village" | "port" | "suburb" | "settlement"
                )
            }) && form(t + 1) == "of"
                && toks.get(t + 2).is_some_and(|n| n.form.starts_with(char::is_uppercase))
        };
        if !of_type && (settlement_of(next) || settlement_of(next + 1)) {
            continue;
        }
        let precision = if feature {
            Some(GeoPrecision::Place)
        } else if of_type {
            type_noun(&toks[first - 2].form)
        } else {
            type_after
        }
        .unwrap_or(GeoPrecision::City);
        // Where it lies: the finest known place after it in the phrase ("in Mali's Gao
        // region", "in North Kivu province", ", a town on Manipur's border with Myanmar");
        // else a nationality on its type noun ("the *Yemeni* port of Mokha").
        let rank = |k: PlaceKind| match k {
            PlaceKind::City => 0,
            PlaceKind::Admin2 => 1,
            PlaceKind::Admin1 => 2,
            _ => 3,
        };
        let container = places
            .resolved
            .iter()
            .filter(|r| reach.contains(r.toponym.span) && r.toponym.span.start >= run.end)
            .filter(|r| !r.toponym.metonym && !directed(text, run.end, r.toponym.span.start))
            .filter_map(|r| r.place.and_then(|p| gaz.place(p)).map(|p| (r, p)))
            .filter(|(_, p)| {
                matches!(
                    p.kind,
                    PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::City
                ) && !p.country.is_empty()
            })
            .min_by_key(|(r, p)| (rank(p.kind), r.toponym.span.start))
            .map(|(_, p)| p);
        // "the al-Omar oil field *in Syria's Deir el-Zor province*", "the Torkham border
        // crossing *in the Khyber district*": a known place the sentence says it lies in, right
        // after it (the parser having hung that phrase elsewhere); the owned place of a
        // possessive is the finer one.
        let in_after = || {
            let after = |from: u32| {
                places
                    .resolved
                    .iter()
                    .filter(|r| r.toponym.span.start >= from)
                    .filter(|r| sentence.span.contains(r.toponym.span) && !r.toponym.demonym)
                    .min_by_key(|r| r.toponym.span.start)
            };
            let next = after(run.end)?;
            let gap = text.get(run.end as usize..next.toponym.span.start as usize)?;
            if !crate::locate::lies_in(gap) {
                return None;
            }
            let owned = after(next.toponym.span.end).filter(|o| {
                text.get(next.toponym.span.end as usize..o.toponym.span.start as usize)
                    .is_some_and(|g| g == "'s " || g == "’s ")
            });
            let p = next.place.and_then(|p| gaz.place(p)).filter(|p| !p.country.is_empty())?;
            Some(
                owned
                    .and_then(|o| o.place.and_then(|x| gaz.place(x)))
                    .filter(|o| o.country == p.country)
                    .unwrap_or(p),
            )
        };
        // "the *Myanmar* border town of Myawaddy": one modifying noun may stand between.
        let nationality = || {
            (of_type && first >= 3)
                .then(|| {
                    let w = toks[first - 3].form.as_str();
                    match first >= 4 && toks[first - 3].upos == "NOUN" {
                        true => toks[first - 4].form.as_str(),
                        false => w,
                    }
                })
                .filter(|w| w.starts_with(char::is_uppercase))
                .and_then(|w| {
                    gaz.lookup(w)
                        .into_iter()
                        .filter_map(|c| gaz.place(c.place))
                        .find(|p| p.kind == PlaceKind::Country)
                })
        };
        // "the *nearby* town of Anefis", "in the *nearby* Wadajir district": near the place
        // the text named last (a nationality counts: "Malian troops seized the nearby town").
        let nearby_word = |w: &str| matches!(w, "nearby" | "neighbouring" | "neighboring");
        let nearby = (k..first).any(|x| nearby_word(&form(x)))
            || (of_type && (3..=4).any(|b| first >= b && nearby_word(&form(first - b))));
        let last_named = || {
            places
                .resolved
                .iter()
                .rev()
                .filter(|r| r.toponym.span.end <= run.start)
                .filter_map(|r| r.place.and_then(|p| gaz.place(p)))
                .find(|p| p.kind.locates() && !p.country.is_empty())
        };
        let near = || if nearby { last_named() } else { None };
        // Else the country the story is filed from when it is also the country the article
        // names most ("GOMA, Congo - … shelled a base near Kibumba").
        let home = || {
            let d = places.dateline.and_then(|i| places.resolved.get(i))?;
            let d = d.place.and_then(|p| gaz.place(p))?;
            let f = crate::resolve::focus(gaz, &places.resolved).and_then(|p| gaz.place(p))?;
            (!d.country.is_empty() && d.country == f.country)
                .then(|| gaz.country(d.country).and_then(|c| gaz.place(c)))
                .flatten()
        };
        // "at an *Israeli* army post near the border town of Metula": a nationality on a
        // military site earlier in the same phrase.
        let site_nationality = || {
            places
                .resolved
                .iter()
                .filter(|r| {
                    r.toponym.demonym
                        && phrase.contains(r.toponym.span)
                        && r.toponym.span.end <= run.start
                        && military_site_after(text, r.toponym.span)
                })
                .filter_map(|r| r.place.and_then(|p| gaz.place(p)))
                .rfind(|p| p.kind == PlaceKind::Country)
        };
        // "*In Darfur*, fighters torched homes in the town of Sirba": a known place in another
        // phrase of the same event holds the place.
        let other_phrase = || {
            places
                .resolved
                .iter()
                .filter(|r| !r.toponym.metonym && !r.toponym.demonym)
                .filter(|r| {
                    !reach.contains(r.toponym.span)
                        && spans.iter().any(|s| s.contains(r.toponym.span))
                })
                .filter_map(|r| r.place.and_then(|p| gaz.place(p)))
                .filter(holds_places)
                .min_by_key(|p| rank(p.kind))
        };
        // "*In neighbouring Burkina Faso*, jihadists killed 30 civilians in the village of
        // Nassoumbou": the place a locative earlier in the same sentence governs.
        let sentence_before = || {
            places
                .resolved
                .iter()
                .rev()
                .filter(|r| !r.toponym.metonym && !r.toponym.demonym)
                .filter(|r| {
                    sentence.span.contains(r.toponym.span)
                        && r.toponym.span.end <= run.start
                        && crate::locate::governing_locative(text, sentence.span, r.toponym.span)
                            .is_some()
                })
                .filter_map(|r| r.place.and_then(|p| gaz.place(p)))
                .find(holds_places)
        };
        // "Resistance forces captured the town of Kawkareik" in a story about Myanmar: a name
        // the gazetteer knows only by a derived or alternate form, in a country the article
        // names (a place or a nationality of it), is that place, before any weaker guess.
        let named = |cc: &str| {
            places
                .resolved
                .iter()
                .filter(|r| !run.contains(r.toponym.span))
                .filter_map(|r| r.place.and_then(|p| gaz.place(p)))
                .filter(|p| p.country == cc)
                .count()
        };
        let listed = || {
            gaz.lookup(name)
                .into_iter()
                .filter_map(|c| gaz.place(c.place))
                .filter(|p| {
                    matches!(p.kind, PlaceKind::City | PlaceKind::Admin2 | PlaceKind::Site)
                        && !p.country.is_empty()
                })
                .map(|p| (named(p.country), p))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, p)| (*n, p.kind == PlaceKind::City, p.population))
                .map(|(_, p)| p)
        };
        if container.is_none() && in_after().is_none() {
            if let Some(p) = listed() {
                if let Some(l) = crate::locate::location_of(gaz, p.index, Some(run)) {
                    return Some(l);
                }
            }
        }
        let Some(p) = container
            .or_else(in_after)
            .or_else(nationality)
            .or_else(site_nationality)
            .or_else(other_phrase)
            .or_else(sentence_before)
            .or_else(near)
            .or_else(home)
        else {
            continue;
        };
        let admin1 = match p.kind {
            PlaceKind::Admin1 => Some(p.name.to_string()),
            PlaceKind::Country => None,
            _ => p.admin1.and_then(|a| gaz.place(a)).map(|a| a.name.to_string()),
        };
        return Some(Location {
            name: name.to_string(),
            gazetteer_id: None,
            admin1,
            country: Some(p.country.to_string()),
            lat: None,
            lon: None,
            precision,
            span: Some(run),
        });
    }
    None
}

/// Whether a multi-word name says by its own first or last word that it is a lake, a
/// mountain or a river ("Lake Tana", "Mount Cudi", "Mt. Apo", "the Atrato River", "the
/// Qandil Mountains").
fn natural_feature(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && (matches!(words[0], "Lake" | "Mount" | "Mt" | "Mt.")
            || matches!(words[words.len() - 1], "River" | "Lake" | "Mountains" | "Hills"))
}

/// Whether `p` is a division that holds places of a known country (a country, first- or
/// second-level division or region), the kind an unlisted name can be placed in.
fn holds_places(p: &crate::place::Place<'_>) -> bool {
    matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region)
        && !p.country.is_empty()
}
