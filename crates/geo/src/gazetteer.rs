//! The gazetteer: the compiled GeoNames base plus our own supplement, behind one lookup.
//!
//! The base is the registry-derived binary (see `base` and `compile`). The supplement is two
//! reviewable text files parsed at load, so editing them needs no recompilation of the base:
//! - `data/places.tsv`: places GeoNames extracts lack (camps, bases, crossings, regions,
//!   waters), one per line: `slug, name, kind, feature code, country, admin1 code, lat, lon,
//!   population, alternate names (|)`;
//! - `data/aliases.tsv`: extra names for existing places: `name, target, flags` where the
//!   target is a country code (`IQ`), a GeoNames admin code (`US.CA`), `geonames:ID` or
//!   `annalist:slug`, and the flag `demonym` marks adjectives ("Iraqi", "Kurdish").

use crate::base::{Base, FormatError, ALT_FLAG, CANDIDATE_ONLY_FLAG};
use crate::compile::Diagnostic;
use crate::normalize::key;
use crate::place::{Place, PlaceId, PlaceKind};
use std::collections::HashMap;

/// The compiled base shipped with the crate (regenerate with `cargo xtask gazetteer`).
static EMBEDDED_BASE: &[u8] = include_bytes!("../data/gazetteer.bin.lz4");
/// Our supplement, shipped with the crate.
pub static PLACES_TSV: &str = include_str!("../data/places.tsv");
pub static ALIASES_TSV: &str = include_str!("../data/aliases.tsv");

/// Cap on the decompressed base (the format's offsets are 32-bit; real ones are ~20 MB).
const MAX_BASE_BYTES: u64 = 256 << 20;

/// Why a gazetteer could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read gazetteer {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("gazetteer is not a valid compressed base: {0}")]
    Compression(String),
    #[error("gazetteer larger than {MAX_BASE_BYTES} bytes once decompressed")]
    TooLarge,
    #[error(transparent)]
    Format(#[from] FormatError),
}

/// One way a name can refer to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub place: u32,
    /// The name is an alternate name (or our alias), not the place's main name.
    pub alternate: bool,
    /// The name is an adjective or demonym of the place ("Iraqi").
    pub demonym: bool,
    /// The name is an abbreviation that counts only when written with its dot ("La.").
    pub abbreviation: bool,
    /// The name is a candidate for a name recognised otherwise, never a reason to recognise
    /// one: a division's name without its type word ("Afrin" for Afrin District, "Scott" for
    /// Scott County), or a small place only the newer extract carries.
    pub candidate_only: bool,
}

#[derive(Debug, Clone)]
struct OwnPlace {
    slug: String,
    /// The GeoNames feature this entry stands for, when the slug is written `geonames:ID`
    /// (features GeoNames has but the registry extracts lack: oceans, seas, regions).
    geonames: Option<u32>,
    name: String,
    kind: PlaceKind,
    fcode: String,
    country: String,
    admin1: Option<u32>,
    lat: f64,
    lon: f64,
    population: u64,
}

/// A loaded gazetteer. Cheap to share by reference; lookups never allocate more than the
/// candidate list.
#[derive(Debug)]
pub struct Gazetteer {
    base: Base,
    own: Vec<OwnPlace>,
    own_keys: HashMap<String, Vec<Candidate>>,
    countries: HashMap<String, u32>,
}

impl Gazetteer {
    /// The gazetteer shipped with the crate: the embedded base and our supplement.
    pub fn embedded() -> Result<(Gazetteer, Vec<Diagnostic>), LoadError> {
        let base = decompress(EMBEDDED_BASE)?;
        Gazetteer::from_parts(base, PLACES_TSV, ALIASES_TSV)
    }

    /// The embedded gazetteer, loaded once per process and shared (supplement diagnostics
    /// are dropped here: `embedded()` returns them, and the crate's tests keep them empty).
    pub fn shared() -> Result<&'static Gazetteer, &'static LoadError> {
        static G: std::sync::OnceLock<Result<Gazetteer, LoadError>> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::embedded().map(|(g, _)| g)).as_ref()
    }

    /// A gazetteer from a compressed base file on disk (as `cargo xtask gazetteer` writes it)
    /// and supplement texts.
    pub fn from_file(
        path: &std::path::Path,
        places_tsv: &str,
        aliases_tsv: &str,
    ) -> Result<(Gazetteer, Vec<Diagnostic>), LoadError> {
        let gz = std::fs::read(path)
            .map_err(|source| LoadError::Read { path: path.display().to_string(), source })?;
        Gazetteer::from_parts(decompress(&gz)?, places_tsv, aliases_tsv)
    }

    /// A gazetteer from an uncompressed base buffer and supplement texts. Bad supplement rows
    /// are returned as diagnostics (file `places.tsv` / `aliases.tsv`, 1-based line).
    pub fn from_parts(
        base: Vec<u8>,
        places_tsv: &str,
        aliases_tsv: &str,
    ) -> Result<(Gazetteer, Vec<Diagnostic>), LoadError> {
        let base = Base::open(base)?;
        let mut countries = HashMap::new();
        let mut admin1s = Vec::new();
        for i in 0..base.len() {
            match base.kind_country(i) {
                Some((PlaceKind::Country, cc)) => {
                    if let Ok(cc) = std::str::from_utf8(&cc) {
                        countries.entry(cc.to_string()).or_insert(i as u32);
                    }
                }
                Some((PlaceKind::Admin1, _)) => admin1s.push(i as u32),
                _ => {}
            }
        }
        let mut g = Gazetteer { base, own: Vec::new(), own_keys: HashMap::new(), countries };
        g.add_seat_names(&admin1s);
        let mut diags = Vec::new();
        g.load_places(places_tsv, &mut diags);
        g.load_aliases(aliases_tsv, &mut diags);
        Ok((g, diags))
    }

    /// Gives each first-level division whose name is an adjective of its seat ("Kurskaya
    /// oblast'" of Kursk, "Krasnodarskiy kray" of Krasnodar, "Kharkivska oblast" of Kharkiv)
    /// the seat's name as a candidate-only name: news writes "the Kursk region", and the
    /// division then stands beside the city for the resolver (a type word chooses it; alone
    /// the division yields to its seat).
    fn add_seat_names(&mut self, admin1s: &[u32]) {
        for &d in admin1s {
            let Some(div) = self.place(d) else { continue };
            let k = key(div.name);
            let Some((first, _type_word)) = k.split_once(' ') else { continue };
            for stem in adjective_stems(first) {
                let seat = self.base.postings(&stem).any(|p| {
                    p & ALT_FLAG == 0
                        && self.place(p & !(ALT_FLAG | CANDIDATE_ONLY_FLAG)).is_some_and(|c| {
                            c.kind == PlaceKind::City
                                && c.admin1 == Some(d)
                                && matches!(c.feature_code, "PPLA" | "PPLC")
                        })
                });
                if seat {
                    let list = self.own_keys.entry(stem).or_default();
                    if !list.iter().any(|c| c.place == d) {
                        list.push(Candidate {
                            place: d,
                            alternate: true,
                            demonym: false,
                            abbreviation: false,
                            candidate_only: true,
                        });
                    }
                    break;
                }
            }
        }
    }

    fn load_places(&mut self, text: &str, diags: &mut Vec<Diagnostic>) {
        let nb = self.base.len() as u32;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut diag = |m: String| {
                diags.push(Diagnostic { file: "places.tsv".into(), line: n + 1, message: m })
            };
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() < 9 {
                diag(format!("{} columns, expected at least 9", f.len()));
                continue;
            }
            let Some(kind) = PlaceKind::parse(f[2]) else {
                diag(format!("unknown kind {:?}", f[2]));
                continue;
            };
            let (Ok(lat), Ok(lon)) = (f[6].parse::<f64>(), f[7].parse::<f64>()) else {
                diag(format!("bad coordinates {:?} {:?}", f[6], f[7]));
                continue;
            };
            if !(lat.abs() <= 90.0 && lon.abs() <= 180.0) || f[0].is_empty() || f[1].is_empty() {
                diag("coordinates out of range or empty slug/name".into());
                continue;
            }
            if !f[4].is_empty() && !self.countries.contains_key(f[4]) {
                diag(format!("unknown country code {:?}", f[4]));
                continue;
            }
            let admin1 = if f[5].is_empty() {
                None
            } else {
                match self.base.by_admin_code(f[5]) {
                    Some(i) => Some(i),
                    None => {
                        diag(format!("unknown admin1 code {:?}", f[5]));
                        continue;
                    }
                }
            };
            let geonames = match f[0].strip_prefix("geonames:") {
                None => None,
                Some(id) => match id.parse::<u32>() {
                    Ok(id) if self.base.by_geonames_id(id).is_none() => Some(id),
                    Ok(_) => {
                        diag(format!("{} is already in the base", f[0]));
                        continue;
                    }
                    Err(_) => {
                        diag(format!("bad GeoNames id in slug {:?}", f[0]));
                        continue;
                    }
                },
            };
            let idx = nb + self.own.len() as u32;
            self.own.push(OwnPlace {
                slug: f[0].to_string(),
                geonames,
                name: f[1].to_string(),
                kind,
                fcode: f[3].to_string(),
                country: f[4].to_string(),
                admin1,
                lat,
                lon,
                population: f[8].parse().unwrap_or(0),
            });
            let names = std::iter::once((f[1], false))
                .chain(f.get(9).into_iter().flat_map(|s| s.split('|')).map(|a| (a, true)));
            for (name, alternate) in names {
                let k = key(name);
                if !k.is_empty() {
                    self.own_keys.entry(k).or_default().push(Candidate {
                        place: idx,
                        alternate,
                        demonym: false,
                        abbreviation: false,
                        candidate_only: false,
                    });
                }
            }
        }
    }

    fn load_aliases(&mut self, text: &str, diags: &mut Vec<Diagnostic>) {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let mut diag = |m: String| {
                diags.push(Diagnostic { file: "aliases.tsv".into(), line: n + 1, message: m })
            };
            if f.len() < 2 || f[0].is_empty() {
                diag("expected `name<TAB>target[<TAB>flags]`".into());
                continue;
            }
            let Some(place) = self.resolve_target(f[1]) else {
                diag(format!("unknown target {:?}", f[1]));
                continue;
            };
            let flag =
                |name: &str| f.get(2).is_some_and(|s| s.split(',').any(|x| x.trim() == name));
            let (demonym, abbreviation) = (flag("demonym"), flag("abbrev"));
            let k = key(f[0]);
            if k.is_empty() {
                diag("alias has no letters".into());
                continue;
            }
            let list = self.own_keys.entry(k).or_default();
            if !list.iter().any(|c| c.place == place) {
                list.push(Candidate {
                    place,
                    alternate: true,
                    demonym,
                    abbreviation,
                    candidate_only: false,
                });
            }
        }
    }

    fn resolve_target(&self, t: &str) -> Option<u32> {
        if let Some(id) = t.strip_prefix("geonames:") {
            return self.by_geonames_id(id.parse().ok()?);
        }
        if let Some(slug) = t.strip_prefix("annalist:") {
            let i = self.own.iter().position(|p| p.slug == slug)?;
            return Some(self.base.len() as u32 + i as u32);
        }
        if t.len() == 2 {
            return self.countries.get(t).copied();
        }
        self.base.by_admin_code(t)
    }

    /// Number of places (base and supplement).
    pub fn len(&self) -> usize {
        self.base.len() + self.own.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The place at an index, `None` when out of range.
    pub fn place(&self, index: u32) -> Option<Place<'_>> {
        let nb = self.base.len();
        if (index as usize) < nb {
            let (id, name, kind, fcode, cc, admin1, lat, lon, population) =
                self.base.place(index as usize)?;
            Some(Place {
                index,
                id: PlaceId::GeoNames(id),
                name,
                kind,
                feature_code: fcode,
                country: cc,
                admin1,
                lat,
                lon,
                population,
            })
        } else {
            let p = self.own.get(index as usize - nb)?;
            Some(Place {
                index,
                id: p.geonames.map_or(PlaceId::Annalist(&p.slug), PlaceId::GeoNames),
                name: &p.name,
                kind: p.kind,
                feature_code: &p.fcode,
                country: &p.country,
                admin1: p.admin1,
                lat: p.lat,
                lon: p.lon,
                population: p.population,
            })
        }
    }

    /// Every place a normalised key (see [`crate::normalize::key`]) may name.
    pub fn lookup_key(&self, k: &str) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .base
            .postings(k)
            .map(|p| Candidate {
                place: p & !(ALT_FLAG | CANDIDATE_ONLY_FLAG),
                alternate: p & ALT_FLAG != 0,
                candidate_only: p & CANDIDATE_ONLY_FLAG != 0,
                demonym: false,
                abbreviation: false,
            })
            .collect();
        if let Some(own) = self.own_keys.get(k) {
            for c in own {
                match out.iter_mut().find(|o| o.place == c.place) {
                    Some(o) => o.demonym |= c.demonym,
                    None => out.push(*c),
                }
            }
        }
        out
    }

    /// Every place a surface name may name. A name no entry carries is tried once more the
    /// way news writes Arabic names: without the article GeoNames keeps ("Qamishli" for "Al
    /// Qāmishlī", "Hasakah" for "Al Ḩasakah") and with "Tal" for "Tall" ("Tal Abyad"); such
    /// readings count only for places of an Arabic-speaking country that are divisions or
    /// towns of 10,000 or more, as alternate names.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let k = key(name);
        let mut found = self.lookup_key(&k);
        // "St Helens" / "Saint Helens", "Mt. Kenya" / "Mount Kenya", "Ft. Worth" / "Fort
        // Worth": GeoNames writes one form and lists the other only for some places.
        if let Some(other) = abbreviated_twin(&k) {
            for mut c in self.lookup_key(&other) {
                if !found.iter().any(|o| o.place == c.place) {
                    c.alternate = true;
                    found.push(c);
                }
            }
        }
        if !found.is_empty() || k.len() < 5 {
            return found;
        }
        let mut variants: Vec<String> =
            ARABIC_ARTICLES.iter().map(|a| format!("{a} {k}")).collect();
        if let Some(rest) = k.strip_prefix("tal ") {
            variants.push(format!("tall {rest}"));
        }
        let mut out = Vec::new();
        for v in variants {
            for mut c in self.lookup_key(&v) {
                let fits = self.place(c.place).is_some_and(|p| {
                    ARABIC_COUNTRIES.contains(&p.country)
                        && (matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
                            || (p.kind == PlaceKind::City && p.population >= 10_000)
                            || matches!(p.feature_code, "PPLA" | "PPLA2" | "PPLC"))
                });
                if fits && !out.iter().any(|o: &Candidate| o.place == c.place) {
                    c.alternate = true;
                    out.push(c);
                }
            }
        }
        out
    }

    /// The country with an ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<u32> {
        self.countries.get(iso2).copied()
    }

    /// A place by GeoNames id.
    pub fn by_geonames_id(&self, id: u32) -> Option<u32> {
        self.base.by_geonames_id(id).or_else(|| {
            let i = self.own.iter().position(|p| p.geonames == Some(id))?;
            Some((self.base.len() + i) as u32)
        })
    }

    /// A division by GeoNames admin code ("IQ.10").
    pub fn by_admin_code(&self, code: &str) -> Option<u32> {
        self.base.by_admin_code(code)
    }

    /// The public id of a place: `geonames:N` or `annalist:slug`.
    pub fn id_string(&self, index: u32) -> Option<String> {
        self.place(index).map(|p| p.id.to_string())
    }

    /// Number of admin codes in the base (for statistics).
    pub fn admin_code_count(&self) -> usize {
        self.base.admin_codes().count()
    }
}

/// The Arabic article as GeoNames transliterates it before a name ("Al Ḩasakah", "As
/// Sulaymānīyah", "Ad Dīwānīyah").
/// Leading words names are written both in full and abbreviated: (full, abbreviated) keys.
const TWIN_WORDS: &[(&str, &str)] =
    &[("saint", "st"), ("sainte", "ste"), ("mount", "mt"), ("fort", "ft")];

/// The key written with the other form of its first word ("st helens" → "saint helens"), when
/// it opens with one of [`TWIN_WORDS`] and goes on.
fn abbreviated_twin(k: &str) -> Option<String> {
    let (first, rest) = k.split_once(' ')?;
    TWIN_WORDS.iter().find_map(|&(full, short)| {
        if first == full {
            Some(format!("{short} {rest}"))
        } else if first == short {
            Some(format!("{full} {rest}"))
        } else {
            None
        }
    })
}

const ARABIC_ARTICLES: &[&str] =
    &["al", "as", "ar", "ad", "ash", "az", "an", "at", "ath", "adh", "el"];

/// Countries whose place names GeoNames writes with the Arabic article.
const ARABIC_COUNTRIES: &[&str] = &[
    "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
    "SD", "SY", "TN", "YE",
];

/// Adjective endings of Slavic division names built on a town's name ("Kursk-aya",
/// "Krasnodar-skiy", "Kharkiv-ska", "Luhansk-a"), longest first.
const ADJECTIVE_ENDINGS: &[&str] =
    &["skaya", "skiy", "skij", "skyi", "aya", "ska", "sky", "ski", "iy", "ij", "yi", "a", "y", "i"];

/// The town names a division's adjectival first word may be built on (at least three letters).
fn adjective_stems(word: &str) -> Vec<String> {
    ADJECTIVE_ENDINGS
        .iter()
        .filter_map(|e| word.strip_suffix(e))
        .filter(|s| s.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// Decompresses a stored base (LZ4 block with its size prepended), capped at
/// [`MAX_BASE_BYTES`]. LZ4 rather than gzip: it decompresses the 20 MB base in a few
/// milliseconds, which keeps loading well under 200 ms.
pub fn decompress(stored: &[u8]) -> Result<Vec<u8>, LoadError> {
    let size = stored.get(..4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    match size {
        None => Err(LoadError::Compression("shorter than its size header".into())),
        Some(n) if n as u64 > MAX_BASE_BYTES => Err(LoadError::TooLarge),
        Some(_) => lz4_flex::block::decompress_size_prepended(stored)
            .map_err(|e| LoadError::Compression(e.to_string())),
    }
}

/// Compresses a compiled base for storage (deterministic).
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    lz4_flex::block::compress_prepend_size(bytes)
}
