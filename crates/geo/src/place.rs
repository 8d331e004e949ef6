//! What the gazetteer knows about one place, independent of where it is stored.

use model::GeoPrecision;

/// The kind of a place, in the order the resolver prefers them when nothing else decides
/// (see `resolve`): countries first, then first-level divisions, populated places, the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum PlaceKind {
    /// A continent ("Africa").
    Continent = 0,
    /// A supranational or informal region ("Middle East", "Sahel", "Donbas").
    Region = 1,
    /// A sea, ocean, gulf, lake or river.
    Water = 2,
    /// A country or dependent territory with an ISO 3166-1 code.
    Country = 3,
    /// A first-level division (state, province, governorate).
    Admin1 = 4,
    /// A second-level division (county, district).
    Admin2 = 5,
    /// A populated place (GeoNames feature class P).
    City = 6,
    /// A point feature written by us: camp, base, border crossing, landmark.
    Site = 7,
}

impl PlaceKind {
    pub(crate) fn from_u8(v: u8) -> Option<PlaceKind> {
        Some(match v {
            0 => PlaceKind::Continent,
            1 => PlaceKind::Region,
            2 => PlaceKind::Water,
            3 => PlaceKind::Country,
            4 => PlaceKind::Admin1,
            5 => PlaceKind::Admin2,
            6 => PlaceKind::City,
            7 => PlaceKind::Site,
            _ => return None,
        })
    }

    /// The word used in the supplement files.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            "water" => PlaceKind::Water,
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "admin2" => PlaceKind::Admin2,
            "city" => PlaceKind::City,
            "site" => PlaceKind::Site,
            _ => return None,
        })
    }

    /// How precise an event location at a place of this kind is. Continents, regions and
    /// waters are too coarse to locate an event and map to `Unknown`.
    pub fn precision(self) -> GeoPrecision {
        match self {
            PlaceKind::Country => GeoPrecision::Country,
            PlaceKind::Admin1 | PlaceKind::Admin2 => GeoPrecision::Province,
            PlaceKind::City => GeoPrecision::City,
            PlaceKind::Site => GeoPrecision::Place,
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Water => GeoPrecision::Unknown,
        }
    }

    /// Whether a place of this kind lies in one country and can locate an event: a country,
    /// a division, a populated place or a site (not a continent, region or water).
    pub fn locates(self) -> bool {
        self.precision() != GeoPrecision::Unknown
    }
}

/// Where a place record comes from, which decides the form of its public id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceId<'a> {
    /// A GeoNames feature id (`geonames:96965`).
    GeoNames(u32),
    /// An entry of our own supplement (`annalist:camp-ashraf`).
    Annalist(&'a str),
}

impl std::fmt::Display for PlaceId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaceId::GeoNames(id) => write!(f, "geonames:{id}"),
            PlaceId::Annalist(slug) => write!(f, "annalist:{slug}"),
        }
    }
}

/// One gazetteer entry, borrowed from the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place<'a> {
    /// Index in the gazetteer (stable for one loaded gazetteer only).
    pub index: u32,
    pub id: PlaceId<'a>,
    pub name: &'a str,
    pub kind: PlaceKind,
    /// GeoNames feature code ("PPLC", "ADM1", "PCLI") or ours ("CAMP", "BASE", "XING").
    pub feature_code: &'a str,
    /// ISO 3166-1 alpha-2, empty for continents and multi-country regions.
    pub country: &'a str,
    /// Index of the first-level division containing the place, when known.
    pub admin1: Option<u32>,
    pub lat: f64,
    pub lon: f64,
    /// Inhabitants (for divisions: the sum over their listed populated places).
    pub population: u64,
}

impl Place<'_> {
    /// How precise an event location at this place is: its kind's precision, except that a
    /// region inside one country ("Darfur", "Donbas", "Sinai") is as precise as a province.
    pub fn precision(&self) -> GeoPrecision {
        match self.kind {
            PlaceKind::Region if !self.country.is_empty() => GeoPrecision::Province,
            k => k.precision(),
        }
    }
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_known_distance() {
        // Baghdad – Baqubah is about 50 km.
        let d = haversine_km(33.3406, 44.4009, 33.7466, 44.6437);
        assert!((45.0..55.0).contains(&d), "{d}");
        assert!(haversine_km(1.0, 2.0, 1.0, 2.0) < 1e-9);
    }
}
