//! ISO 3166-1 alpha-2 → FIPS 10-4 country codes, for GDELT's `*Geo_CountryCode` fields.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/iso2-fips.tsv");

/// The FIPS 10-4 code for an ISO alpha-2 code, or `None` when unknown.
pub fn fips(iso2: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        TABLE.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect()
    });
    map.get(iso2.to_ascii_uppercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_codes() {
        assert_eq!(super::fips("IQ"), Some("IZ"));
        assert_eq!(super::fips("gb"), Some("UK"));
        assert_eq!(super::fips("DE"), Some("GM"));
        assert_eq!(super::fips("ZZ"), None);
    }
}
