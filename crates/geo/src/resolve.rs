//! Toponym resolution: choosing, for each recognised name, the place it refers to.
//!
//! A candidate's score is a hand-weighted sum (weights in [`Weights`], tuned on the first half
//! of GeoWebNews, reported on both halves):
//! - prominence: log10 of population, plus a prior by kind — country and continent over
//!   first-level division over city (capital, then division seat) over the rest;
//! - the main name over an alternate name;
//! - the article's context: the share of the article's other names resolved in the same
//!   country and in the same first-level division (a dateline's place counts double: "BEIRUT -
//!   … the northern city of Tripoli" is Lebanon's), and the countries of the event's actors
//!   passed in by the caller;
//! - local syntax: "X, Y", "X (Y)" and "X in [northern …] Y" where Y contains the candidate
//!   ("Paris, Texas", "Manbij in northern Syria"), and a type word after the name ("Diyala
//!   province" prefers divisions; "Kansas City" is matched whole) or before it with "of"
//!   ("the province of Idlib", "the city of Tianjin"); a government word after the name
//!   ("a New York court", "Texas lawmakers", "the Punjab governor") names the division;
//! - a list names peers of one level: in "X and Y", "X or Y", "X, Y and Z", a member
//!   confidently resolved to a country or a first-level division draws the others to a country
//!   or to a division of the same country ("California or Washington" is the state);
//! - a division yields to its own same-named seat or capital unless a type word says
//!   otherwise ("Baghdad" is the city, "Baghdad province" the governorate); a county yields
//!   only to a seat in its own state and near it (Suffolk County, New York does not yield to
//!   Suffolk, Virginia);
//! - a bare name after the article named it with a division's type word is that division
//!   ("Suffolk County … the Suffolk Times"), unless the division holds a same-named seat;
//! - a region of our own reached by another of its names that also names a division of its
//!   country is that division ("South Waziristan"); a name that is no candidate's own and
//!   reaches both a city and the at least as populous first-level division holding it is the
//!   division's formal name ("Washington, D.C." is the District of Columbia).
//!
//! Resolution runs twice: the first pass without article context gives the context for the
//! second.

use crate::gazetteer::{Candidate, Gazetteer};
use crate::place::{haversine_km, Place, PlaceKind};
use crate::recognize::Toponym;
use std::collections::HashMap;

/// Weights of the resolver's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub population: f64,
    pub continent: f64,
    pub country: f64,
    pub region: f64,
    pub water: f64,
    pub admin1: f64,
    pub admin2: f64,
    pub capital: f64,
    pub seat1: f64,
    pub seat2: f64,
    pub city: f64,
    pub site: f64,
    pub main_name: f64,
    pub same_country: f64,
    pub same_admin1: f64,
    pub actor_country: f64,
    pub container: f64,
    pub kind_hint: f64,
    /// Extra for a first-level division named with a first-level type word ("the state of
    /// Chihuahua", "the province of Cordoba"), over a same-named second-level one.
    pub first_level: f64,
    pub seat_beats_division: f64,
    pub peer_kind: f64,
    /// For a candidate near a place of another name the article resolved (see
    /// [`NEAR_KM`]): "Jenin" in a story filed from Jerusalem is the West Bank town, not the
    /// Polish village that bears the name as its main one.
    pub near: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            population: 0.625,
            continent: 8.0,
            country: 8.0,
            region: 14.0,
            water: 14.0,
            admin1: 0.0,
            admin2: 0.5,
            capital: 3.125,
            seat1: 1.5,
            seat2: 0.0,
            city: 0.0,
            site: 5.0,
            main_name: 2.5,
            same_country: 4.0,
            same_admin1: 2.0,
            actor_country: 2.0,
            container: 6.0,
            kind_hint: 5.0,
            first_level: 1.0,
            seat_beats_division: 4.0,
            peer_kind: 10.0,
            near: 3.0,
        }
    }
}

/// A toponym with its chosen place.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub toponym: Toponym,
    /// The chosen place, `None` when no candidate exists.
    pub place: Option<u32>,
    /// Score lead of the chosen place over the runner-up (large = confident).
    pub margin: f64,
    /// The place of Y in "X in Y", or in "X, Y" / "X (Y)" when Y is no town, when Y was
    /// resolved: what answers for a name the gazetteer lacks.
    pub container: Option<u32>,
}

fn prior(w: &Weights, p: &Place<'_>) -> f64 {
    match p.kind {
        PlaceKind::Continent => w.continent,
        PlaceKind::Region => w.region,
        PlaceKind::Water => w.water,
        PlaceKind::Country => w.country,
        PlaceKind::Admin1 => w.admin1,
        PlaceKind::Admin2 => w.admin2,
        PlaceKind::Site => w.site,
        PlaceKind::City => match p.feature_code {
            "PPLC" | "PPLG" => w.capital,
            "PPLA" => w.seat1,
            "PPLA2" => w.seat2,
            _ => w.city,
        },
    }
}

#[derive(Debug, Default)]
struct Context {
    /// Votes per country / admin1 index, by recognised key.
    country: HashMap<String, HashMap<String, f64>>,
    admin1: HashMap<String, HashMap<u32, f64>>,
    total: f64,
    /// The resolved places' points, by key, with the reach within which a candidate counts
    /// as near them.
    points: Vec<(String, f64, f64, f64)>,
}

/// How far from a place the article resolved a candidate counts as near it: a town or site
/// within 150 km, a first-level division's or a country's point within 200 or 300 km (their
/// points are centres, so the reach is wider; a large country's centre is near little).
pub(crate) fn near_reach(p: &Place<'_>) -> Option<f64> {
    match p.kind {
        PlaceKind::City | PlaceKind::Site | PlaceKind::Admin2 => Some(NEAR_KM),
        PlaceKind::Admin1 => Some(200.0),
        PlaceKind::Country => Some(300.0),
        PlaceKind::Continent | PlaceKind::Region | PlaceKind::Water => None,
    }
}

/// See [`near_reach`].
const NEAR_KM: f64 = 150.0;

impl Context {
    fn share_country(&self, own_key: &str, cc: &str) -> f64 {
        if self.total <= 0.0 || cc.is_empty() {
            return 0.0;
        }
        let mut v = 0.0;
        let mut own_total = 0.0;
        for (k, m) in &self.country {
            let s: f64 = m.values().sum();
            if k == own_key {
                own_total = s;
                continue;
            }
            v += m.get(cc).copied().unwrap_or(0.0);
        }
        let denom = self.total - own_total;
        if denom <= 0.0 {
            0.0
        } else {
            v / denom
        }
    }

    fn share_admin1(&self, own_key: &str, a1: u32) -> f64 {
        let mut v = 0.0;
        let mut total = 0.0;
        for (k, m) in &self.admin1 {
            if k == own_key {
                continue;
            }
            total += m.values().sum::<f64>();
            v += m.get(&a1).copied().unwrap_or(0.0);
        }
        if total <= 0.0 {
            0.0
        } else {
            v / total
        }
    }

    /// Whether `p` lies near a place the article resolved for another name (spatial
    /// minimality: the places of one story cluster). This is what speaks for a neighbouring
    /// country's town when the other names are of the country next door ("Israeli troops
    /// raided Jenin" — Jenin is in the West Bank, not Israel, yet near it).
    fn near(&self, own_key: &str, p: &Place<'_>) -> bool {
        p.lat.is_finite()
            && self.points.iter().any(|(k, lat, lon, reach)| {
                k != own_key && haversine_km(*lat, *lon, p.lat, p.lon) <= *reach
            })
    }
}

/// Resolves toponyms of one text. `actor_countries` are ISO2 codes of the event's actors
/// (may be empty).
pub fn resolve(
    gaz: &Gazetteer,
    text: &str,
    toponyms: Vec<Toponym>,
    actor_countries: &[&str],
    w: &Weights,
) -> Vec<Resolved> {
    let mut keys: Vec<String> =
        toponyms.iter().map(|t| crate::normalize::key(t.span.slice(text).unwrap_or(""))).collect();
    // "The city of X" / "the province of X" say what X is as "X province" does.
    let mut toponyms = toponyms;
    // "on the Niger river", "the Jordan river", "along the Congo river": a name before the word
    // "river" names the river, not the country or state that shares its name; it reads as the
    // gazetteer's river of that name, and as nothing else, so that it does not pull a later
    // "Niger state" towards the country.
    for (t, k) in toponyms.iter_mut().zip(keys.iter_mut()) {
        let Some(name) = t.span.slice(text) else { continue };
        if river_after(text, t.span.end as usize) {
            let rivers: Vec<Candidate> = gaz
                .lookup(&format!("{name} River"))
                .into_iter()
                .chain(gaz.lookup(&format!("River {name}")))
                .filter(|c| gaz.place(c.place).is_some_and(|p| p.kind == PlaceKind::Water))
                .collect();
            t.candidates = rivers;
            t.kind_hint = Some(PlaceKind::Water);
            *k = format!("{k} river");
        } else if island_after(text, t.span.end as usize) {
            // "an army base on *Boma* island in Lake Chad": the name is an island's; a town of
            // that name elsewhere (Boma in Congo) is not it. With no island of the name the
            // gazetteer lacks it, and the unlisted-place rules answer from its phrase.
            let islands: Vec<Candidate> = gaz
                .lookup(&format!("{name} Island"))
                .into_iter()
                .chain(gaz.lookup(name))
                .filter(|c| gaz.place(c.place).is_some_and(|p| p.feature_code.starts_with("ISL")))
                .collect();
            t.candidates = islands;
        }
    }
    for t in toponyms.iter_mut() {
        if t.kind_hint.is_none() {
            t.kind_hint = type_before(text, t.span.start as usize);
        }
        if t.kind_hint.is_none() {
            t.kind_hint = government_after(text, t.span.end as usize);
        }
    }
    // "Baghdad province" beside the dateline's "BAGHDAD", "the Kharkiv region" beside "the
    // city of Kharkiv": where a type word says which of a division and its same-named seat a
    // mention is, that mention is a sense of its own and does not join the bare name's.
    let seats: Vec<bool> = (0..toponyms.len())
        .map(|i| toponyms[i].kind_hint == Some(PlaceKind::City) || dateline(text, &toponyms, i))
        .collect();
    let tagged: Vec<bool> = (0..toponyms.len())
        .map(|i| {
            typed_sense(gaz, &toponyms[i])
                && (0..toponyms.len()).any(|j| j != i && seats[j] && keys[j] == keys[i])
        })
        .collect();
    for (k, tagged) in keys.iter_mut().zip(tagged) {
        if tagged {
            k.push_str(" #division");
        }
    }
    let containers = container_links(text, &toponyms);
    let peers = peer_links(text, &toponyms);
    // "the Kursk, Belgorod and Voronezh regions": a plural type word after a list's last
    // member says what every member is.
    let listed: Vec<Option<PlaceKind>> = (0..toponyms.len())
        .map(|i| {
            let last = peers[i].iter().copied().max().filter(|&l| l > i)?;
            let end = toponyms[last].span.end as usize;
            plural_type_after(text, end).and(toponyms[last].kind_hint)
        })
        .collect();
    for (t, hint) in toponyms.iter_mut().zip(listed) {
        if t.kind_hint.is_none() {
            t.kind_hint = hint;
        }
    }
    let none = vec![Links::default(); toponyms.len()];
    let bases: Vec<Option<&str>> = keys.iter().map(|k| division_base(k)).collect();
    let votes: Vec<f64> = (0..toponyms.len())
        .map(|i| if dateline(text, &toponyms, i) { DATELINE_VOTE } else { 1.0 })
        .collect();
    let mut chosen = pick(gaz, &toponyms, &keys, &none, &Context::default(), actor_countries, w);
    if owned_within(gaz, text, &mut toponyms, &chosen) {
        chosen = pick(gaz, &toponyms, &keys, &none, &Context::default(), actor_countries, w);
    }
    for _ in 0..2 {
        let ctx = context(gaz, &keys, &chosen, &votes);
        let divisions = named_divisions(gaz, &keys, &bases, &chosen);
        let links: Vec<Links> = containers
            .iter()
            .zip(divisions)
            .zip(&peers)
            .map(|((c, division), ps)| Links {
                container: c.and_then(|j| chosen[j].map(|c| c.0)),
                division,
                peers: ps
                    .iter()
                    .filter_map(|&j| chosen[j])
                    .filter(|c| c.1 >= PEER_MARGIN)
                    .map(|c| c.0)
                    .collect(),
            })
            .collect();
        chosen = pick(gaz, &toponyms, &keys, &links, &ctx, actor_countries, w);
    }
    let within = in_links(text, &toponyms);
    let ctx = context(gaz, &keys, &chosen, &votes);
    toponyms
        .into_iter()
        .zip(chosen.iter())
        .enumerate()
        .map(|(i, (toponym, c))| {
            // "X, Y" with a town for Y is more often a list or a new clause ("Beyond Madinaty,
            // Liverpool have …") than a container.
            let container = containers[i].and_then(|j| chosen[j]).map(|c| c.0).filter(|&y| {
                within[i]
                    || gaz
                        .place(y)
                        .is_some_and(|q| !matches!(q.kind, PlaceKind::City | PlaceKind::Site))
            });
            let mut place = c.map(|c| c.0);
            if let (Some(x), Some(y)) = (place, container) {
                if !toponym.metonym && outside_container(gaz, x, y, within[i]) {
                    place = Some(y);
                }
            }
            let weak = |x: u32| toponym.candidates.iter().any(|c| c.place == x && c.candidate_only);
            // "the central town of Boni" in a story about Mali is not Bonn, which one of its
            // other names reaches: a town the text names with a type word, reached only by
            // another name of a city in a country the article never names, is a place the
            // gazetteer lacks.
            let exonym = |x: u32| {
                toponym.kind_hint == Some(PlaceKind::City)
                    && toponym.candidates.iter().filter(|c| c.place == x).all(|c| c.alternate)
                    && gaz.place(x).is_some_and(|p| p.feature_code != "PPLC")
            };
            let country_of = |p: u32| gaz.place(p).map(|p| p.country);
            if let (Some(x), Some(y)) = (place, container) {
                if exonym(x) && country_of(x) != country_of(y) {
                    place = Some(y);
                }
            }
            if container.is_none()
                && place.is_some_and(|x| {
                    (weak(x) && stray(gaz, &ctx, &keys[i], x))
                        || (exonym(x) && stray_anywhere(gaz, &ctx, &keys[i], x))
                })
            {
                place = None;
            }
            Resolved { toponym, place, margin: c.map_or(0.0, |c| c.1), container }
        })
        .collect()
}

/// "in Sagaing region's Kani township", "Kaduna state's Kajuru area", "Russia's Bryansk
/// region": the place a division owns lies in the division's country, so a name owned by a
/// first-level division (or by a country, when a division's type word follows the name) keeps
/// only its readings in that country, and none when the gazetteer has no such reading (the
/// unlisted-place rules then answer from its phrase). A country owned by a country is no part
/// of it ("Russia's Ukraine war", "Israel's Gaza offensive" keep their readings). Returns
/// whether any candidates changed.
fn owned_within(
    gaz: &Gazetteer,
    text: &str,
    toponyms: &mut [Toponym],
    chosen: &[Option<(u32, f64)>],
) -> bool {
    let mut changed = false;
    for i in 1..toponyms.len() {
        let Some(owner) = chosen[i - 1].and_then(|c| gaz.place(c.0)) else { continue };
        if toponyms[i - 1].metonym || owner.country.is_empty() {
            continue;
        }
        let gap = text
            .get(toponyms[i - 1].span.end as usize..toponyms[i].span.start as usize)
            .unwrap_or("");
        let owned = gap.strip_suffix("'s ").or_else(|| gap.strip_suffix("’s ")).is_some_and(|g| {
            g.is_empty()
                || g.strip_prefix(' ').is_some_and(|w| {
                    matches!(w, "region" | "state" | "province" | "district" | "county")
                })
        });
        let typed = || {
            text.get(toponyms[i].span.end as usize..).is_some_and(|r| {
                let w = r.split_whitespace().next().unwrap_or("");
                matches!(
                    w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(),
                    "region"
                        | "province"
                        | "district"
                        | "county"
                        | "state"
                        | "township"
                        | "oblast"
                        | "governorate"
                        | "department"
                        | "municipality"
                        | "prefecture"
                )
            })
        };
        let level = match owner.kind {
            PlaceKind::Admin1 => true,
            PlaceKind::Country => typed(),
            _ => false,
        };
        let t = &mut toponyms[i];
        let country_reading = t
            .candidates
            .iter()
            .any(|c| gaz.place(c.place).is_some_and(|p| p.kind == PlaceKind::Country));
        if !owned || !level || country_reading || t.demonym {
            continue;
        }
        let before = t.candidates.len();
        t.candidates.retain(|c| gaz.place(c.place).is_some_and(|p| p.country == owner.country));
        changed |= t.candidates.len() != before;
    }
    changed
}

/// Whether the word right after a name is "river" ("the Niger river", "the Jordan River").
fn river_after(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..).and_then(|a| a.strip_prefix(' ')) else { return false };
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    word.eq_ignore_ascii_case("river")
}

/// Whether the word right after a name is a lower-case "island" ("on Boma island"); a
/// capitalised one is part of the name the recogniser already matched or missed.
fn island_after(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..).and_then(|a| a.strip_prefix(' ')) else { return false };
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    word == "island"
}

/// Towns below this population in a country no other name of the article is in are strays.
const STRAY_MAX_POPULATION: u64 = 20_000;
/// … when at least this many other names (votes) make the article's context.
const STRAY_MIN_CONTEXT: f64 = 3.0;

/// Whether `x`, reached only by a candidate-only name (a village only the newer extract
/// carries, a division's bare stem), is a small town of a country the rest of the article never
/// names: most often a place the gazetteer lacks, named like a foreign village ("academy
/// branches in Rehab and New Cairo" is Cairo's Rehab City, not Rehab, Jordan); the caller then
/// answers with the article's focus. A name the gazetteer lists for the town itself keeps it
/// ("Settlers from Yitzhar marched; jets struck Qandil; …").
fn stray(gaz: &Gazetteer, ctx: &Context, own_key: &str, x: u32) -> bool {
    gaz.place(x).is_some_and(|p| p.population < STRAY_MAX_POPULATION)
        && stray_anywhere(gaz, ctx, own_key, x)
}

/// [`stray`] whatever the town's size: for a town the text reached by another of its names.
fn stray_anywhere(gaz: &Gazetteer, ctx: &Context, own_key: &str, x: u32) -> bool {
    let Some(p) = gaz.place(x) else { return false };
    let others: f64 = ctx
        .country
        .iter()
        .filter(|(k, _)| k.as_str() != own_key)
        .map(|(_, m)| m.values().sum::<f64>())
        .sum();
    p.kind == PlaceKind::City
        && others >= STRAY_MIN_CONTEXT
        && ctx.share_country(own_key, p.country) == 0.0
}

/// How far a town may lie from the town an "X in Y" names and still be taken for a place of it.
const IN_TOWN_KM: f64 = 50.0;

/// For "X in Y" ("August in New Orleans", "Manbij in northern Syria"): whether X's best
/// reading is a small town outside Y, so that X is something the gazetteer lacks inside Y (a
/// restaurant, a square) and Y answers for it. "X, Y" and "X (Y)" count only with a country
/// or first-level division for Y ("Paris, Texas"; "Hinton, Edson" is a list), and a capital or
/// a town of 100,000 is never taken for such a thing.
fn outside_container(gaz: &Gazetteer, x: u32, y: u32, within: bool) -> bool {
    let (Some(p), Some(q)) = (gaz.place(x), gaz.place(y)) else { return false };
    if p.kind != PlaceKind::City
        || matches!(p.feature_code, "PPLC" | "PPLG")
        || p.population >= 100_000
        || x == y
    {
        return false;
    }
    match q.kind {
        PlaceKind::Country => p.country != q.country,
        PlaceKind::Admin1 => p.country == q.country && p.admin1.is_some_and(|a| a != y),
        PlaceKind::City if within => haversine_km(p.lat, p.lon, q.lat, q.lon) > IN_TOWN_KM,
        _ => false,
    }
}

/// For each toponym, whether the next one follows it as "X in [northern …] Y".
fn in_links(text: &str, ts: &[Toponym]) -> Vec<bool> {
    let mut out = vec![false; ts.len()];
    for i in 0..ts.len().saturating_sub(1) {
        let gap = text.get(ts[i].span.end as usize..ts[i + 1].span.start as usize).unwrap_or("");
        let g = gap.trim().to_lowercase();
        out[i] = g == "in" || g == "in the" || (g.starts_with("in ") && !g.contains(','));
    }
    out
}

/// What the rest of the article says about one toponym's place, from the previous pass.
#[derive(Debug, Clone, Default)]
struct Links {
    /// The place of Y in "X, Y" / "X (Y)".
    container: Option<u32>,
    /// The division the article named as "X County" for a bare "X".
    division: Option<u32>,
    /// Confidently resolved members of the same list ("California or X"): their places.
    peers: Vec<u32>,
}

/// Type words a division's name carries after its proper name ("Suffolk County").
const DIVISION_WORDS: &[&str] = &[
    "county",
    "province",
    "governorate",
    "region",
    "oblast",
    "prefecture",
    "district",
    "parish",
    "municipality",
    "regency",
    "state",
];

/// What the words right before a name say it is: "the city of X", "the northern province of X"
/// ("the state of Washington"): a populated place or a division.
fn type_before(text: &str, start: usize) -> Option<PlaceKind> {
    let before = text.get(..start)?.trim_end();
    let before = before.strip_suffix("of")?.trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    match word.as_str() {
        "city" | "town" | "village" | "capital" | "suburb" | "hamlet" => Some(PlaceKind::City),
        // Words that name a country's first-level division in most countries; the others
        // name a division of either level ("county" is Kenya's first level and the United
        // States' second).
        "state" | "province" | "region" | "governorate" | "prefecture" | "oblast" | "emirate"
        | "department" => named_division(before, &word).then_some(PlaceKind::Admin1),
        "county" | "district" => named_division(before, &word).then_some(PlaceKind::Admin2),
        _ => None,
    }
}

/// Whether a division's type word before "of" stands alone, "the northern province of X",
/// rather than ending a division's own name, "the Ratoma district of Conakry", "the Nong Chik
/// district of Pattani": there X is the division's container, not a division itself.
fn named_division(before: &str, word: &str) -> bool {
    let rest = before.get(..before.len().saturating_sub(word.len())).unwrap_or("").trim_end();
    let prev = rest.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    !prev.chars().next().is_some_and(char::is_uppercase)
        || matches!(prev.to_lowercase().as_str(), "the" | "a" | "an" | "its" | "their" | "this")
}

/// Whether a mention's type word makes it a division that shares its name with a populated
/// place of the same country ("Kandahar province", "the Kharkiv region"). When the article
/// also marks the name as the town — a dateline, "the city of X" — the typed mention keeps its
/// own sense instead of joining the bare name's one sense per article. Without such a mark
/// the mentions stay one group ("New York state … New York" may well be the state).
fn typed_sense(gaz: &Gazetteer, t: &Toponym) -> bool {
    if !matches!(t.kind_hint, Some(PlaceKind::Admin1 | PlaceKind::Admin2)) {
        return false;
    }
    let places: Vec<Place<'_>> = t.candidates.iter().filter_map(|c| gaz.place(c.place)).collect();
    places.iter().any(|d| {
        matches!(d.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
            && places.iter().any(|c| c.kind == PlaceKind::City && c.country == d.country)
    })
}

/// Whether a plural type word follows a name ("… and Voronezh regions", "… Texas counties").
fn plural_type_after(text: &str, end: usize) -> Option<()> {
    let after = text.get(end..)?.strip_prefix(' ')?;
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        word.to_lowercase().as_str(),
        "regions"
            | "provinces"
            | "states"
            | "counties"
            | "districts"
            | "governorates"
            | "oblasts"
            | "prefectures"
            | "departments"
    )
    .then_some(())
}

/// Words after a name that make it a division's government: "a New York court", "the Punjab
/// governor", "Texas lawmakers".
const GOVERNMENT_WORDS: &[&str] = &[
    "governor",
    "governors",
    "legislature",
    "legislators",
    "lawmakers",
    "assembly",
    "senate",
    "statehouse",
    "court",
    "courts",
];

/// What the word right after a name says it is: a division whose government acts.
fn government_after(text: &str, end: usize) -> Option<PlaceKind> {
    let after = text.get(end..)?;
    if !after.starts_with(' ') {
        return None;
    }
    let word: String =
        after.trim_start().chars().take_while(|c| c.is_alphabetic()).collect::<String>();
    GOVERNMENT_WORDS.contains(&word.to_lowercase().as_str()).then_some(PlaceKind::Admin1)
}

/// The proper name of a toponym written with a division's type word ("Suffolk County" →
/// "suffolk"); whether it names a division is the resolver's choice for it.
fn division_base(key: &str) -> Option<&str> {
    let (base, word) = key.rsplit_once(' ')?;
    DIVISION_WORDS.contains(&word).then_some(base)
}

/// For each toponym, the division the article named with the same proper name and a type
/// word ("Suffolk County … the Suffolk Times"): after the article names a county, its bare
/// name is that county.
fn named_divisions(
    gaz: &Gazetteer,
    keys: &[String],
    bases: &[Option<&str>],
    chosen: &[Option<(u32, f64)>],
) -> Vec<Option<u32>> {
    let mut named: HashMap<&str, u32> = HashMap::new();
    for (b, c) in bases.iter().zip(chosen) {
        let (Some(b), Some((p, _))) = (b, c) else { continue };
        let division =
            gaz.place(*p).is_some_and(|d| matches!(d.kind, PlaceKind::Admin1 | PlaceKind::Admin2));
        if division {
            named.entry(b).or_insert(*p);
        }
    }
    keys.iter().map(|k| named.get(k.as_str()).copied()).collect()
}

/// For "X, Y" (Y right after X and a comma) and "X (Y)", the index of Y for X.
fn container_links(text: &str, ts: &[Toponym]) -> Vec<Option<usize>> {
    let mut out = vec![None; ts.len()];
    for i in 0..ts.len().saturating_sub(1) {
        let gap = text.get(ts[i].span.end as usize..ts[i + 1].span.start as usize).unwrap_or("");
        let closed = || {
            text.get(ts[i + 1].span.end as usize..).is_some_and(|r| r.trim_start().starts_with(')'))
        };
        let g = gap.trim().trim_start_matches(',').trim().to_lowercase();
        let within = g == "in"
            || g == "in the"
            || g.strip_prefix("in ").is_some_and(|d| {
                matches!(
                    d,
                    "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "central"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeastern"
                        | "northwestern"
                        | "southeastern"
                        | "southwestern"
                )
            });
        // "near the town of Ras al-Ain, *Turkey's* defence ministry said": a possessive after
        // the comma begins a new phrase, no container.
        let possessive = || {
            text.get(ts[i + 1].span.end as usize..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
        };
        if (gap.trim() == "," && !possessive()) || (gap.trim() == "(" && closed()) || within {
            out[i] = Some(i + 1);
        } else if container_before_type(&g) {
            // "the *Sindh* city of Hyderabad", "the Rift Valley town of Naivasha": a name before
            // a type noun and "of" holds the place named after it.
            out[i + 1] = Some(i);
        }
    }
    out
}

/// Whether the words between two names are a settlement's type noun and "of", with at most
/// one descriptive word before the noun ("city of", "border town of", "port city of").
fn container_before_type(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    let settlement = |w: &str| matches!(w, "city" | "town" | "village" | "suburb");
    match words.as_slice() {
        [noun, "of"] => settlement(noun),
        [extra, noun, "of"] => {
            settlement(noun) && extra.chars().all(|c| c.is_lowercase() || c == '-')
        }
        _ => false,
    }
}

/// How far a list member's choice must lead its runner-up for its level to count for the
/// other members.
const PEER_MARGIN: f64 = 1.5;

/// The members of lists of names: "X and Y", "X or Y", "X, Y and Z" (commas count only in a
/// chain that ends with "and"/"or", so "Paris, Texas" is no list). For each toponym, the other
/// members of its list.
fn peer_links(text: &str, ts: &[Toponym]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); ts.len()];
    let mut start = 0;
    for i in 0..ts.len() {
        let gap = ts
            .get(i + 1)
            .and_then(|n| text.get(ts[i].span.end as usize..n.span.start as usize))
            .unwrap_or("")
            .trim();
        if gap == "," {
            continue;
        }
        if matches!(gap.trim_start_matches(',').trim(), "and" | "or") {
            // The chain ends after the next name.
            let end = i + 1;
            for (a, members) in out.iter_mut().enumerate().take(end + 1).skip(start) {
                members.extend((start..=end).filter(|&b| b != a));
            }
            start = end + 1;
            continue;
        }
        start = i + 1;
    }
    out
}

/// What a dateline's place counts for in the article's context, against 1 for any other name:
/// a wire story filed from a city is mostly about that city's country ("BEIRUT - … the
/// northern city of Tripoli" is Lebanon's Tripoli).
const DATELINE_VOTE: f64 = 2.0;

/// How far into the text a dateline may open a line (after a headline and a byline).
const DATELINE_REACH: usize = 400;

/// Whether toponym `i` is the article's dateline: the first name that opens a line within the
/// text's first [`DATELINE_REACH`] bytes, written in capitals and followed by a comma, a
/// bracket or a dash ("BEIRUT, Jan 30 (Reuters) -", "KAMPALA (AP) —"); names of a headline
/// before it do not count.
fn dateline(text: &str, ts: &[Toponym], i: usize) -> bool {
    let is_dateline = |t: &Toponym| {
        let (start, end) = (t.span.start as usize, t.span.end as usize);
        let Some(surface) = text.get(start..end) else { return false };
        let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
        let opens = text.get(line_start..start).is_some_and(|b| b.trim().is_empty());
        let caps = surface.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !surface.chars().any(char::is_lowercase);
        let after = text.get(end..).unwrap_or("").trim_start();
        let follows = [",", "(", "-", "—", "–"].iter().any(|p| after.starts_with(p));
        start <= DATELINE_REACH && opens && caps && follows
    };
    ts.iter().position(is_dateline) == Some(i)
}

fn context(
    gaz: &Gazetteer,
    keys: &[String],
    chosen: &[Option<(u32, f64)>],
    votes: &[f64],
) -> Context {
    let mut ctx = Context::default();
    for ((k, c), &vote) in keys.iter().zip(chosen).zip(votes) {
        let Some((p, _)) = c else { continue };
        let Some(place) = gaz.place(*p) else { continue };
        if place.country.is_empty() {
            continue;
        }
        *ctx.country.entry(k.clone()).or_default().entry(place.country.to_string()).or_default() +=
            vote;
        ctx.total += vote;
        if let Some(reach) = near_reach(&place) {
            ctx.points.push((k.clone(), place.lat, place.lon, reach));
        }
        // A division votes for itself: "Texas" makes Paris, Texas likelier.
        if let Some(a1) = place.admin1 {
            *ctx.admin1.entry(k.clone()).or_default().entry(a1).or_default() += 1.0;
        }
    }
    ctx
}

fn contains(gaz: &Gazetteer, outer: u32, inner: &Place<'_>) -> bool {
    let Some(o) = gaz.place(outer) else { return false };
    match o.kind {
        PlaceKind::Country => o.country == inner.country && inner.index != outer,
        PlaceKind::Admin1 => inner.admin1 == Some(outer) && inner.index != outer,
        _ => false,
    }
}

/// How far from a second-level division's point a same-named town may lie and still be taken
/// for its seat (counties of the western US and Canada are wide).
const ADMIN2_REACH_KM: f64 = 100.0;

/// Whether division `div` yields to the same-named populated place `city`: the country's
/// capital anywhere in the country ("Washington"), or a place inside the division that is its
/// seat under its main name ("Baghdad"), or a city of a million that holds a fifth of the
/// division's listed population ("New York", but not "Oklahoma").
fn yields_to(div: &Place<'_>, city: &Place<'_>, city_alt: bool) -> bool {
    if city.kind != PlaceKind::City || city.country != div.country {
        return false;
    }
    if matches!(city.feature_code, "PPLC" | "PPLG") {
        return true;
    }
    // A second-level division has no parent link to its towns: it holds the town when both
    // lie in the same first-level division and the town is near the division's point (a county
    // does not yield to a same-named town in another state: Suffolk County, New York is not
    // Suffolk, Virginia).
    let inside = match div.kind {
        PlaceKind::Admin2 => {
            div.admin1.is_some()
                && city.admin1 == div.admin1
                && haversine_km(div.lat, div.lon, city.lat, city.lon) <= ADMIN2_REACH_KM
        }
        _ => city.admin1 == Some(div.index),
    };
    if !inside {
        return false;
    }
    let seat = !city_alt && matches!(city.feature_code, "PPLA" | "PPLA2");
    let dominant =
        city.population >= 1_000_000 && city.population as f64 >= 0.2 * div.population as f64;
    seat || dominant
}

/// How much more populous than its city a division may be and still be the city's formal
/// twin (the District of Columbia holds 1.07 times Washington's people).
const COEXTENSIVE_RATIO: f64 = 1.5;

/// For a city chosen by a name that is no candidate's own (every candidate reached by an
/// alternate name), the first-level division holding it that the same name also reaches and
/// that is about as populous: the name is then the formal name of a city-state-like division
/// ("Washington, D.C." is the District of Columbia, whose city "Washington" is written
/// without the "D.C."). Not for a name the text calls a town ("the city of X").
fn formal_division(gaz: &Gazetteer, t: &Toponym, chosen: u32) -> Option<u32> {
    // "the city of Hasakah", "Raqqa city": the text itself says it is the town, not the
    // division that shares its name.
    if t.candidates.iter().any(|c| !c.alternate) || t.kind_hint == Some(PlaceKind::City) {
        return None;
    }
    let city = gaz.place(chosen).filter(|p| p.kind == PlaceKind::City)?;
    let division = city.admin1?;
    let d = gaz.place(division)?;
    let coextensive = d.population >= city.population
        && d.population as f64 <= COEXTENSIVE_RATIO * city.population as f64;
    (t.candidates.iter().any(|c| c.place == division) && coextensive).then_some(division)
}

/// One sense per name and article: the candidates' scores are summed over every mention of
/// the same name, so the mention with the most evidence ("Paris, Texas") decides for all.
fn pick(
    gaz: &Gazetteer,
    toponyms: &[Toponym],
    keys: &[String],
    links: &[Links],
    ctx: &Context,
    actors: &[&str],
    w: &Weights,
) -> Vec<Option<(u32, f64)>> {
    let mut totals: HashMap<&str, HashMap<u32, f64>> = HashMap::new();
    for (i, t) in toponyms.iter().enumerate() {
        let group = totals.entry(keys[i].as_str()).or_default();
        for (s, p) in scores(gaz, t, &keys[i], ctx, actors, &links[i], w) {
            *group.entry(p).or_default() += s;
        }
    }
    keys.iter()
        .zip(toponyms)
        .map(|(k, t)| {
            let group = totals.get(k.as_str())?;
            let allowed = |p: u32| {
                let restricted = t.candidates.iter().any(|c| c.demonym || c.abbreviation);
                t.candidates
                    .iter()
                    .any(|c| c.place == p && (!restricted || c.demonym || c.abbreviation))
            };
            let mut v: Vec<(f64, u32)> =
                group.iter().filter(|(p, _)| allowed(**p)).map(|(p, s)| (*s, *p)).collect();
            v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let top = v.first()?;
            let margin = v.get(1).map_or(f64::INFINITY, |r| top.0 - r.0);
            if let Some(d) = formal_division(gaz, t, top.1) {
                return Some((d, margin));
            }
            Some((top.1, margin))
        })
        .collect()
}

fn scores(
    gaz: &Gazetteer,
    t: &Toponym,
    own_key: &str,
    ctx: &Context,
    actors: &[&str],
    links: &Links,
    w: &Weights,
) -> Vec<(f64, u32)> {
    // A demonym or a dotted abbreviation ("La.") names only the places it was written for.
    let cands: Vec<&Candidate> = if t.candidates.iter().any(|c| c.demonym) {
        t.candidates.iter().filter(|c| c.demonym).collect()
    } else if t.candidates.iter().any(|c| c.abbreviation) {
        t.candidates.iter().filter(|c| c.abbreviation).collect()
    } else {
        t.candidates.iter().collect()
    };
    let places: Vec<(Place<'_>, bool)> =
        cands.iter().filter_map(|c| gaz.place(c.place).map(|p| (p, c.alternate))).collect();
    let scored: Vec<(f64, u32)> = places
        .iter()
        .map(|(p, alt)| {
            let mut s = w.population * ((p.population as f64) + 1.0).log10() + prior(w, p);
            // A region of our own reached by one of its other names that also names a
            // division of the region's country is that division: "South Waziristan" is the
            // district, not the whole of Waziristan.
            if p.kind == PlaceKind::Region
                && *alt
                && !p.country.is_empty()
                && places.iter().any(|(q, _)| {
                    matches!(q.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
                        && q.country == p.country
                })
            {
                s -= w.region;
            }
            if !alt {
                s += w.main_name;
            }
            s += w.same_country * ctx.share_country(own_key, p.country);
            if let Some(a1) = p.admin1 {
                if p.kind != PlaceKind::Admin1 {
                    s += w.same_admin1 * ctx.share_admin1(own_key, a1);
                }
            }
            if !p.country.is_empty() && actors.contains(&p.country) {
                s += w.actor_country;
            }
            // A place the article writes by another of its names (an English exonym, a
            // transliteration) in a country its other names do not support, lying near one
            // of its places: the main-name bonus of a same-named village far away does not
            // outweigh the story's geography.
            if *alt && ctx.share_country(own_key, p.country) == 0.0 && ctx.near(own_key, p) {
                s += w.near;
            }
            if let Some(cn) = links.container {
                if contains(gaz, cn, p) {
                    s += w.container;
                }
            }
            match t.kind_hint {
                // "the Kharkiv region" is the oblast, not the raion of the same name inside
                // it: a first-level type word leaves a second-level division of a country
                // whose first-level one the name also reaches without its hint.
                Some(PlaceKind::Admin1)
                    if p.kind == PlaceKind::Admin2
                        && places.iter().any(|(q, _)| {
                            q.kind == PlaceKind::Admin1 && q.country == p.country
                        }) => {}
                Some(PlaceKind::Admin1 | PlaceKind::Admin2)
                    if matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2) =>
                {
                    s += w.kind_hint;
                    if t.kind_hint == Some(PlaceKind::Admin1) && p.kind == PlaceKind::Admin1 {
                        s += w.first_level;
                    }
                }
                Some(PlaceKind::City) if p.kind == PlaceKind::City => s += w.kind_hint,
                _ => {}
            }
            let yields = matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
                && places.iter().any(|(q, q_alt)| yields_to(p, q, *q_alt));
            if yields && !matches!(t.kind_hint, Some(PlaceKind::Admin1 | PlaceKind::Admin2)) {
                s -= w.seat_beats_division;
            }
            let same_level =
                links.peers.iter().filter_map(|&q| gaz.place(q)).any(|q| match q.kind {
                    PlaceKind::Country => p.kind == PlaceKind::Country,
                    PlaceKind::Admin1 => p.kind == PlaceKind::Admin1 && p.country == q.country,
                    _ => false,
                });
            if same_level {
                s += w.peer_kind;
            }
            // The article named this division with its type word ("Suffolk County") and holds
            // no same-named seat that the bare name would rather be ("Baghdad province" …
            // "Baghdad" stays the city).
            if links.division == Some(p.index) && !yields {
                s += w.kind_hint;
            }
            (s, p.index)
        })
        .collect();
    scored
}

/// What a name no locative preposition governs counts toward the article's focus country.
const NON_LOCATIVE_FOCUS_VOTE: f64 = 0.5;

/// The article's focus: the place most of its resolved names point to — its most named
/// country (names after "in/at/near" count double), within it its most named first-level division (on a tie, the one holding the
/// largest place named), and within that the populated place named most often, weighed a
/// little by its size; else the division, else the country.
/// Used to answer names the gazetteer lacks (a street, a building) with the place the article
/// is about, never with a capital by default.
pub fn focus(gaz: &Gazetteer, resolved: &[Resolved]) -> Option<u32> {
    let places: Vec<Place<'_>> = resolved
        .iter()
        .filter(|r| !r.toponym.metonym && !r.toponym.demonym)
        .filter_map(|r| r.place.and_then(|i| gaz.place(i)))
        .collect();
    // The country: a name a locative preposition governs ("in Syria", "at Heathrow") counts
    // 1, any other 0.5 (names in "US forces", "Kansas City-based" are less often where the
    // story is); the first voted on a tie.
    let mut votes: Vec<(&str, f64)> = Vec::new();
    for r in resolved.iter().filter(|r| !r.toponym.metonym && !r.toponym.demonym) {
        let Some(p) = r.place.and_then(|i| gaz.place(i)) else { continue };
        if p.country.is_empty() {
            continue;
        }
        let v = if r.toponym.locative { 1.0 } else { NON_LOCATIVE_FOCUS_VOTE };
        match votes.iter_mut().find(|c| c.0 == p.country) {
            Some(c) => c.1 += v,
            None => votes.push((p.country, v)),
        }
    }
    let most = votes.iter().map(|c| c.1).fold(0.0, f64::max);
    let country = votes.iter().find(|c| c.1 == most).map(|c| c.0)?;
    let in_country: Vec<&Place<'_>> = places.iter().filter(|p| p.country == country).collect();
    let admin1s: Vec<u32> = in_country
        .iter()
        .filter_map(|p| match p.kind {
            PlaceKind::Admin1 => Some(p.index),
            _ => p.admin1,
        })
        .collect();
    // The most named division; on a tie, the one holding the largest place named (a named
    // division counts with its own population), not the one named first: "stores in Zilina,
    // Nitra, Presov and Kosice … a square in Bratislava" is about Bratislava's.
    let named = |a: u32| admin1s.iter().filter(|&&b| b == a).count();
    let largest = |a: u32| {
        in_country
            .iter()
            .filter(|p| p.index == a || p.admin1 == Some(a))
            .map(|p| p.population)
            .max()
            .unwrap_or(0)
    };
    let mut admin1: Option<(usize, u64, u32)> = None;
    for &a in &admin1s {
        let rank = (named(a), largest(a));
        if admin1.is_none_or(|b| rank > (b.0, b.1)) {
            admin1 = Some((rank.0, rank.1, a));
        }
    }
    let admin1 = admin1.map(|b| b.2);
    let local = |p: &&&Place<'_>| admin1.is_none_or(|a| p.admin1 == Some(a));
    // Mentions count, and a larger place a little more (0.3 per power of ten of its
    // population): a city of a million named once outweighs a village named twice; first named
    // on a tie.
    let cities: Vec<&&Place<'_>> = in_country
        .iter()
        .filter(local)
        .filter(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Site))
        .collect();
    let mut city: Option<(f64, u32)> = None;
    for p in &cities {
        let mentions = cities.iter().filter(|q| q.index == p.index).count() as f64;
        let score = mentions + 0.3 * ((p.population as f64) + 1.0).log10();
        if city.is_none_or(|c| score > c.0) {
            city = Some((score, p.index));
        }
    }
    let city = city.map(|c| c.1);
    city.or(admin1).or_else(|| gaz.country(country))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::PlaceId;

    fn place(
        index: u32,
        kind: PlaceKind,
        code: &'static str,
        admin1: u32,
        at: (f64, f64),
    ) -> Place<'static> {
        Place {
            index,
            id: PlaceId::GeoNames(index),
            name: "Suffolk",
            kind,
            feature_code: code,
            country: "US",
            admin1: Some(admin1),
            lat: at.0,
            lon: at.1,
            population: 100_000,
        }
    }

    #[test]
    fn a_county_yields_only_to_its_own_seat() {
        // Suffolk County, New York and the seat-ranked town of Suffolk, Virginia.
        let county = place(1, PlaceKind::Admin2, "ADM2", 10, (40.9, -72.7));
        let far_town = place(2, PlaceKind::City, "PPLA2", 11, (36.7, -76.6));
        assert!(!yields_to(&county, &far_town, false));
        // Its seat in the same state, nearby.
        let seat = place(3, PlaceKind::City, "PPLA2", 10, (40.9, -72.66));
        assert!(yields_to(&county, &seat, false));
        // A same-state town far from the county's point is another place.
        let same_state_far = place(4, PlaceKind::City, "PPLA2", 10, (42.6, -76.2));
        assert!(!yields_to(&county, &same_state_far, false));
    }

    fn spans_of(text: &str, names: &[&str]) -> Vec<Toponym> {
        let mut from = 0;
        names
            .iter()
            .map(|n| {
                let at = from + text[from..].find(n).expect("name in text");
                from = at + n.len();
                Toponym {
                    span: model::Span::new(at, at + n.len()),
                    candidates: Vec::new(),
                    demonym: false,
                    metonym: false,
                    locative: false,
                    kind_hint: None,
                }
            })
            .collect()
    }

    #[test]
    fn lists_link_their_members_and_commas_only_inside_a_list() {
        let text = "Tamil Nadu, Karnataka, Kerala and Puducherry; Paris, Texas; Iraq or Syria.";
        let ts = spans_of(
            text,
            &["Tamil Nadu", "Karnataka", "Kerala", "Puducherry", "Paris", "Texas", "Iraq", "Syria"],
        );
        let peers = peer_links(text, &ts);
        assert_eq!(peers[3], vec![0, 1, 2]);
        assert_eq!(peers[0], vec![1, 2, 3]);
        assert!(peers[4].is_empty() && peers[5].is_empty());
        assert_eq!(peers[6], vec![7]);
        assert_eq!(peers[7], vec![6]);
    }

    #[test]
    fn in_after_a_name_names_its_container() {
        let text = "Manbij in northern Syria; Riverdale in the US; Salisbury near London.";
        let ts = spans_of(text, &["Manbij", "Syria", "Riverdale", "US", "Salisbury", "London"]);
        assert_eq!(container_links(text, &ts), vec![Some(1), None, Some(3), None, None, None]);
    }

    #[test]
    fn a_small_town_outside_the_place_it_is_said_to_be_in_is_that_place() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let resolved = |text: &str, names: &[&str]| {
            let tops: Vec<Toponym> = spans_of(text, names)
                .into_iter()
                .map(|t| crate::recognize::toponym_for_span(&gaz, text, t.span))
                .collect();
            resolve(&gaz, text, tops, &[], &Weights::default())
        };
        // A restaurant that shares a Californian village's name, "in New Orleans".
        let r = resolved("She cooked at August in New Orleans.", &["August", "New Orleans"]);
        assert!(r[1].place.is_some());
        assert_eq!((r[0].place, r[0].container), (r[1].place, r[1].place));
        // A town inside its container keeps its own reading; a list is no container.
        let r = resolved("Fighting in Manbij in northern Syria.", &["Manbij", "Syria"]);
        let manbij = r[0].place.and_then(|p| gaz.place(p)).expect("Manbij resolved");
        assert_eq!((manbij.kind, manbij.country), (PlaceKind::City, "SY"));
        let r = resolved("Fires near Hinton, Edson and Jasper.", &["Hinton", "Edson", "Jasper"]);
        assert_ne!(r[0].place, r[1].place);
    }

    #[test]
    fn a_state_listed_with_a_state_is_the_state() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "Firms leave California or Washington for Texas.";
        let tops: Vec<Toponym> = spans_of(text, &["California", "Washington", "Texas"])
            .into_iter()
            .map(|t| crate::recognize::toponym_for_span(&gaz, text, t.span))
            .collect();
        let r = resolve(&gaz, text, tops, &[], &Weights::default());
        let wa = r[1].place.and_then(|p| gaz.place(p)).expect("Washington resolved");
        assert_eq!((wa.kind, wa.country), (PlaceKind::Admin1, "US"));
        // Alone, the bare name is the capital.
        let text = "Firms leave Washington for Texas.";
        let tops: Vec<Toponym> = spans_of(text, &["Washington", "Texas"])
            .into_iter()
            .map(|t| crate::recognize::toponym_for_span(&gaz, text, t.span))
            .collect();
        let r = resolve(&gaz, text, tops, &[], &Weights::default());
        let dc = r[0].place.and_then(|p| gaz.place(p)).expect("Washington resolved");
        assert_eq!(dc.feature_code, "PPLC");
    }

    fn resolve_names(gaz: &Gazetteer, text: &str, names: &[&str]) -> Vec<Resolved> {
        let tops: Vec<Toponym> = spans_of(text, names)
            .into_iter()
            .map(|t| crate::recognize::toponym_for_span(gaz, text, t.span))
            .collect();
        resolve(gaz, text, tops, &[], &Weights::default())
    }

    #[test]
    fn a_department_after_a_name_is_the_division_not_its_capital() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let kind = |text: &str, name: &str| {
            let r = resolve_names(&gaz, text, &[name]);
            r[0].place.and_then(|p| gaz.place(p)).map(|p| (p.kind, p.country))
        };
        let dept = Some((PlaceKind::Admin1, "BO"));
        assert_eq!(kind("Miners blocked roads in Oruro department on Monday.", "Oruro"), dept);
        assert_eq!(kind("Floods hit villages across Tarija department.", "Tarija"), dept);
        assert_eq!(kind("Protests spread to the department of Oruro.", "Oruro"), dept);
        // The bare name is still the departmental capital.
        let city = Some((PlaceKind::City, "BO"));
        assert_eq!(kind("Miners marched through Oruro on Monday.", "Oruro"), city);
    }

    #[test]
    fn a_region_reached_by_a_division_name_is_the_division() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        // Our Waziristan region lists "South Waziristan" among its names; the district of
        // that name is what it means.
        let r = resolve_names(&gaz, "Troops moved into South Waziristan.", &["South Waziristan"]);
        let p = r[0].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!((p.kind, p.country), (PlaceKind::Admin2, "PK"));
        // The region's own name still gives the region.
        let r = resolve_names(&gaz, "Drones struck in Waziristan.", &["Waziristan"]);
        let p = r[0].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!(p.kind, PlaceKind::Region);
    }

    #[test]
    fn a_formal_name_of_a_city_and_its_division_is_the_division() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "Murals are everywhere in Washington, D.C. and in Washington.";
        let r = resolve_names(&gaz, text, &["Washington, D.C.", "Washington"]);
        let dc = r[0].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!((dc.kind, dc.country), (PlaceKind::Admin1, "US"));
        // The city's own name stays the city.
        let city = r[1].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!(city.feature_code, "PPLC");
        // A city written with its own main name never gives way ("Beijing" stays the city).
        let r = resolve_names(&gaz, "Protesters marched in Beijing.", &["Beijing"]);
        let p = r[0].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!(p.kind, PlaceKind::City);
    }

    #[test]
    fn a_name_before_its_government_is_the_division() {
        let text = "a New York court ruled; Texas lawmakers; New York's mayor; New York Times";
        let at = |n: &str| text.find(n).map(|i| i + n.len()).expect("name");
        assert_eq!(government_after(text, at("a New York")), Some(PlaceKind::Admin1));
        assert_eq!(government_after(text, at("Texas")), Some(PlaceKind::Admin1));
        assert_eq!(government_after(text, at("; New York")), None);
        assert_eq!(government_after(text, at("mayor; New York")), None);
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let r = resolve_names(&gaz, "A New York court ruled for the artists.", &["New York"]);
        let p = r[0].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!((p.kind, p.country), (PlaceKind::Admin1, "US"));
        let r = resolve_names(&gaz, "The artists live in New York.", &["New York"]);
        let p = r[0].place.and_then(|p| gaz.place(p)).expect("resolved");
        assert_eq!(p.kind, PlaceKind::City);
    }

    #[test]
    fn the_focus_division_on_a_tie_holds_the_largest_place_named() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "After stores in Nitra and Kosice, the chain sells one in Bratislava.";
        let tops: Vec<Toponym> = spans_of(text, &["Nitra", "Kosice", "Bratislava"])
            .into_iter()
            .map(|t| crate::recognize::toponym_for_span(&gaz, text, t.span))
            .collect();
        let r = resolve(&gaz, text, tops, &[], &Weights::default());
        assert_eq!(focus(&gaz, &r), r[2].place);
        assert!(r[2].place.is_some());
    }

    #[test]
    fn the_focus_country_counts_locative_names_double() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "US forces and US officials said the bomb went off in Manbij near Kobani.";
        let tops: Vec<Toponym> = spans_of(text, &["US", "US", "Manbij", "Kobani"])
            .into_iter()
            .map(|t| crate::recognize::toponym_for_span(&gaz, text, t.span))
            .collect();
        assert!(tops[2].locative && !tops[0].locative);
        let r = resolve(&gaz, text, tops, &[], &Weights::default());
        let f = focus(&gaz, &r).and_then(|p| gaz.place(p)).expect("a focus");
        assert_eq!(f.country, "SY");
    }

    #[test]
    fn a_type_word_before_of_says_what_the_name_is() {
        let text = "the city of Idlib, the northern province of Idlib, the mayor of Idlib";
        let at = |n: usize| text.match_indices("Idlib").nth(n).map(|m| m.0).expect("name");
        assert_eq!(type_before(text, at(0)), Some(PlaceKind::City));
        assert_eq!(type_before(text, at(1)), Some(PlaceKind::Admin1));
        assert_eq!(type_before(text, at(2)), None);
        assert_eq!(type_before("Idlib", 0), None);
    }

    #[test]
    fn a_type_word_ending_a_divisions_own_name_leaves_the_name_after_of() {
        let text = "in the Ratoma district of Conakry, the Rueso district of Narathiwat, \
                    The province of Idlib";
        let at = |name: &str| text.find(name).expect("name");
        assert_eq!(type_before(text, at("Conakry")), None);
        assert_eq!(type_before(text, at("Narathiwat")), None);
        assert_eq!(type_before(text, at("Idlib")), Some(PlaceKind::Admin1));
    }

    /// Each name's place, resolving every occurrence of the given names in `text`.
    fn resolved_kinds(text: &str, names: &[&str]) -> Vec<(String, PlaceKind)> {
        let gaz = Gazetteer::shared().expect("gazetteer");
        let mut spans: Vec<(usize, usize)> = names
            .iter()
            .flat_map(|n| {
                let upper = n.to_uppercase();
                let mut at: Vec<usize> = text.match_indices(n).map(|(i, _)| i).collect();
                at.extend(text.match_indices(upper.as_str()).map(|(i, _)| i));
                at.into_iter().map(move |i| (i, i + n.len()))
            })
            .collect();
        spans.sort();
        let tops: Vec<Toponym> = spans
            .iter()
            .map(|&(a, b)| crate::recognize::toponym_for_span(gaz, text, model::Span::new(a, b)))
            .collect();
        resolve(gaz, text, tops, &[], &Weights::default())
            .iter()
            .map(|r| {
                let p = r.place.and_then(|p| gaz.place(p)).expect("resolved");
                (r.toponym.span.slice(text).unwrap_or("").to_string(), p.kind)
            })
            .collect()
    }

    #[test]
    fn a_town_reached_only_by_a_foreign_citys_other_name_is_unlisted() {
        // "Boni" is one of Bonn's other names; the story is about Mali (or Burkina Faso).
        let gaz = Gazetteer::shared().expect("gazetteer");
        for text in [
            "Mali's army said jihadists from Mopti and Gao attacked the central town of Boni \
             in Mali.",
            "Burkina Faso said gunmen from Djibo and Dori raided the village of Boni in \
             Burkina Faso.",
        ] {
            let names = ["Mali", "Mopti", "Gao", "Burkina Faso", "Djibo", "Dori", "Boni"];
            let mut spans: Vec<(usize, usize)> = names
                .iter()
                .flat_map(|n| text.match_indices(n).map(|(i, m)| (i, i + m.len())))
                .collect();
            spans.sort();
            spans.dedup_by(|a, b| a.0 >= b.0 && a.0 < b.1);
            let tops: Vec<Toponym> = spans
                .iter()
                .map(|&(a, b)| {
                    crate::recognize::toponym_for_span(gaz, text, model::Span::new(a, b))
                })
                .collect();
            let r = resolve(gaz, text, tops, &[], &Weights::default());
            let boni = r.iter().find(|r| r.toponym.span.slice(text) == Some("Boni")).expect("Boni");
            let country = boni.place.and_then(|p| gaz.place(p)).map(|p| p.country);
            assert_ne!(country, Some("DE"), "{text}");
        }
    }

    #[test]
    fn a_province_named_with_its_type_word_is_not_its_same_named_capital() {
        // The name marked as the town (a dateline, "the city of X") is the town, the typed
        // one the division, in one article.
        for (text, name) in [
            (
                "Militants who fled the city of Kirkuk attacked a village in Kirkuk province.",
                "Kirkuk",
            ),
            ("KANDAHAR, Afghanistan - A bomb hit a convoy in Kandahar province.", "Kandahar"),
            ("The city of Odesa was dark after drones hit the Odesa region.", "Odesa"),
        ] {
            let kinds = resolved_kinds(text, &[name]);
            assert_eq!(kinds.len(), 2, "{text}");
            assert_eq!(kinds[0].1, PlaceKind::City, "{text}");
            assert!(matches!(kinds[1].1, PlaceKind::Admin1), "{text}: {:?}", kinds[1]);
        }
    }

    #[test]
    fn a_bare_name_after_its_county_is_the_county() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "Suffolk County police found her in Southold, the Suffolk Times reported.";
        let spans = [(0, 14), (35, 43), (49, 56)];
        let tops: Vec<Toponym> = spans
            .iter()
            .map(|&(a, b)| crate::recognize::toponym_for_span(&gaz, text, model::Span::new(a, b)))
            .collect();
        assert_eq!(tops[2].span.slice(text), Some("Suffolk"));
        let r = resolve(&gaz, text, tops, &[], &Weights::default());
        let county = r[0].place.and_then(|p| gaz.place(p)).expect("Suffolk County resolved");
        assert_eq!(county.kind, PlaceKind::Admin2);
        assert_eq!(r[2].place, r[0].place);
        // The link itself: the bare name gets the county the article named, which then
        // outscores Suffolk, Virginia by the type-word weight.
        let keys: Vec<String> =
            ["suffolk county", "southold", "suffolk"].iter().map(|k| k.to_string()).collect();
        let bases: Vec<Option<&str>> = keys.iter().map(|k| division_base(k)).collect();
        let chosen: Vec<Option<(u32, f64)>> = r.iter().map(|r| r.place.map(|p| (p, 1.0))).collect();
        let links = named_divisions(&gaz, &keys, &bases, &chosen);
        assert_eq!(links, vec![None, None, r[0].place]);
        let w = Weights::default();
        let ctx = Context::default();
        let plain = scores(&gaz, &r[2].toponym, "suffolk", &ctx, &[], &Links::default(), &w);
        let linked = Links { container: None, division: r[0].place, peers: Vec::new() };
        let named = scores(&gaz, &r[2].toponym, "suffolk", &ctx, &[], &linked, &w);
        let of = |v: &[(f64, u32)]| v.iter().find(|x| Some(x.1) == r[0].place).map(|x| x.0);
        assert_eq!(of(&named).zip(of(&plain)).map(|(a, b)| a - b), Some(w.kind_hint));
    }

    #[test]
    fn a_dateline_weighs_double_in_the_country_context() {
        let text = "BEIRUT, Jan 30 (Reuters) - Gunmen exchanged fire in the northern city of \
                    Tripoli on Monday, an Israeli official said.";
        let ts = spans_of(text, &["BEIRUT", "Tripoli", "Israeli"]);
        assert!(dateline(text, &ts, 0));
        assert!(!dateline(text, &ts, 1));
        // A name in capitals that opens no dateline is an ordinary name.
        let plain = "BEIRUT is calm; Tripoli is not.";
        assert!(!dateline(plain, &spans_of(plain, &["BEIRUT", "Tripoli"]), 0));
        // After a headline naming places, the dateline is still the line-opening name.
        let headed = "Clashes in Tripoli\n\nBEIRUT (Reuters) - Gunmen fired in Tripoli.";
        let ts = spans_of(headed, &["Tripoli", "BEIRUT", "Tripoli"]);
        assert!(!dateline(headed, &ts, 0) && dateline(headed, &ts, 1) && !dateline(headed, &ts, 2));
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let r =
            resolve(&gaz, text, crate::recognize::recognize(&gaz, text), &[], &Weights::default());
        let tripoli = r
            .iter()
            .find(|r| r.toponym.span.slice(text) == Some("Tripoli"))
            .and_then(|r| r.place)
            .and_then(|p| gaz.place(p))
            .expect("Tripoli resolved");
        assert_eq!((tripoli.kind, tripoli.country), (PlaceKind::City, "LB"));
    }

    #[test]
    fn a_name_the_text_calls_a_city_is_not_its_formal_division() {
        // "Hasakah" reaches only other names of the city and of its about as populous
        // governorate: "the city of" says which.
        for (text, name) in [
            ("A car bomb exploded near a checkpoint in the city of Hasakah.", "Hasakah"),
            ("Protesters marched through the city of Raqqa on Friday.", "Raqqa"),
        ] {
            let kinds = resolved_kinds(text, &[name]);
            assert_eq!(kinds.first().map(|k| k.1), Some(PlaceKind::City), "{text}: {kinds:?}");
        }
    }

    #[test]
    fn a_town_near_the_storys_places_beats_a_far_village_of_its_main_name() {
        // "Jenin" is the main name of a Polish village and another name of the West Bank
        // town: beside Israel, Jerusalem or Nablus the story is in the West Bank.
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        for text in [
            "Israeli troops raided Jenin camp on Monday, killing three Palestinians.",
            "JERUSALEM (Reuters) - Soldiers arrested five men in Jenin overnight.",
            "Gunmen opened fire on a patrol between Nablus and Jenin on Sunday.",
        ] {
            assert_eq!(resolved_country(&gaz, text, "Jenin").as_deref(), Some("PS"), "{text}");
        }
        // With no place or nationality to go by, the main name still decides.
        let bare = "Soldiers arrested five men in Jenin on Monday.";
        assert_eq!(resolved_country(&gaz, bare, "Jenin").as_deref(), Some("PL"));
    }

    /// The country of the place `name` resolves to in `text`, recognised and resolved as the
    /// product does it.
    fn resolved_country(gaz: &Gazetteer, text: &str, name: &str) -> Option<String> {
        let r =
            resolve(gaz, text, crate::recognize::recognize(gaz, text), &[], &Weights::default());
        let r = r.into_iter().find(|r| r.toponym.span.slice(text) == Some(name))?;
        r.place.and_then(|p| gaz.place(p)).map(|p| p.country.to_string())
    }

    #[test]
    fn congo_is_either_republic_as_the_article_says() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let country = |text: &str, name: &str| resolved_country(&gaz, text, name);
        let text = "KINSHASA (Reuters) - Rebels in eastern Congo freed four aid workers near Beni \
                    and Goma, a Congolese official said.";
        assert_eq!(country(text, "Congo").as_deref(), Some("CD"));
        // Alone, GeoNames' own "Congo" stays the Republic.
        assert_eq!(country("Talks were held in Congo.", "Congo").as_deref(), Some("CG"));
        // Port-au-Prince's Delmas, which the registry extract calls "Delmas 73".
        let text = "Gangs stormed a hospital in Port-au-Prince's Delmas district in Haiti.";
        assert_eq!(country(text, "Delmas").as_deref(), Some("HT"));
    }

    #[test]
    fn a_name_a_division_owns_lies_in_the_division_s_country() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let read = |text: &str, name: &str| resolved_country(&gaz, text, name);
        // Kani is a Japanese city: in Sagaing's township the gazetteer has no reading.
        let text = "Jets bombed a village in Sagaing region's Kani township.";
        assert_eq!(read(text, "Kani"), None);
        assert_eq!(read("Talks were held in Kani.", "Kani").as_deref(), Some("JP"));
        // A division's town keeps its reading in the division's country.
        let text = "Drones struck a depot in Russia's Bryansk region.";
        assert_eq!(read(text, "Bryansk").as_deref(), Some("RU"));
        // A country after a country's possessive is no part of it.
        let text = "Officials discussed Israel's Gaza offensive and Russia's Ukraine war.";
        assert_eq!(read(text, "Ukraine").as_deref(), Some("UA"));
    }

    #[test]
    fn a_region_named_after_its_seat_is_the_division_with_a_type_word() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let kinds = |text: &str| -> Vec<(String, PlaceKind)> {
            resolve(&gaz, text, crate::recognize::recognize(&gaz, text), &[], &Weights::default())
                .iter()
                .filter_map(|r| {
                    let p = gaz.place(r.place?)?;
                    Some((r.toponym.span.slice(text)?.to_string(), p.kind))
                })
                .collect()
        };
        // GeoNames calls the division "Kurskaya oblast'": the seat's name reaches it.
        let k = kinds("Drones struck the Kursk region overnight.");
        assert_eq!(k, vec![("Kursk".to_string(), PlaceKind::Admin1)]);
        let k = kinds("Drones struck Kursk overnight.");
        assert_eq!(k, vec![("Kursk".to_string(), PlaceKind::City)]);
        // A plural type word after a list names every member.
        let k = kinds("Drones were downed over the Kursk, Belgorod and Voronezh regions.");
        assert_eq!(k.len(), 3);
        assert!(k.iter().all(|(_, kind)| *kind == PlaceKind::Admin1), "{k:?}");
    }

    #[test]
    fn news_spellings_reach_their_places() {
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "Settlers from Yitzhar marched; jets struck Qandil; clashes in Dagestan; \
                    aid for the Democratic Republic of Congo.";
        let got: Vec<(String, String)> =
            resolve(&gaz, text, crate::recognize::recognize(&gaz, text), &[], &Weights::default())
                .iter()
                .filter_map(|r| {
                    let p = gaz.place(r.place?)?;
                    Some((r.toponym.span.slice(text)?.to_string(), p.country.to_string()))
                })
                .collect();
        let want = [
            ("Yitzhar", "PS"),
            ("Qandil", "IQ"),
            ("Dagestan", "RU"),
            ("Democratic Republic of Congo", "CD"),
        ];
        let want: Vec<(String, String)> =
            want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_village_reached_only_by_a_candidate_only_name_abroad_yields_to_the_focus() {
        use crate::recognize::toponym_for_span;
        let (gaz, _) = Gazetteer::embedded().expect("embedded gazetteer");
        let text = "The academy has branches in Rehab and New Cairo, near Cairo, Egypt, and Giza.";
        // Each name by the words before it ("near Cairo", not the Cairo of "New Cairo").
        let spans: Vec<model::Span> = [
            ("in ", "Rehab"),
            ("and ", "New Cairo"),
            ("near ", "Cairo"),
            (", ", "Egypt"),
            ("and ", "Giza"),
        ]
        .iter()
        .map(|(before, n)| {
            let s = text.find(&format!("{before}{n}")).unwrap() + before.len();
            model::Span::new(s, s + n.len())
        })
        .collect();
        assert_eq!(spans[2].slice(text), Some("Cairo"));
        assert!(spans[2].start > spans[1].end);
        let tops: Vec<_> = spans.iter().map(|&s| toponym_for_span(&gaz, text, s)).collect();
        // Rehab, Jordan is a candidate-only reading (a village only the newer extract has).
        assert!(tops[0].candidates.iter().all(|c| c.candidate_only), "{:?}", tops[0]);
        let r = resolve(&gaz, text, tops, &[], &Weights::default());
        assert_eq!(r[0].place, None);
        let focus = focus(&gaz, &r).and_then(|p| gaz.place(p)).map(|p| p.country.to_string());
        assert_eq!(focus.as_deref(), Some("EG"));
        assert!(r[1..].iter().all(|t| t.place.is_some()));
    }
}
