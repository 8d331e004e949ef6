//! CAMEO codes as combinable meanings, for PETRARCH2-style verb combination.
//!
//! PETRARCH2 (Norris, Schrodt, Beieler; MIT) codes a verb nested under another by giving
//! every CAMEO code a 16-bit meaning and adding them: the top hex digit is a *verbal mode*
//! (1 say, 2 appeal, 3 intend, 4 demand, 5 protest, 6 threaten, 7 disapprove, 8 posture,
//! 9 coerce, A investigate, B consult), the lower three digits the *material content*
//! (0x0ab: a = reduce 1 / yield 2, b = meet 1, settle 2, mediate 3, aid 4, expel 5, political
//! change 6, material cooperation 7, diplomatic cooperation 8, assault 9, fight A, mass
//! violence B; the last digit a topic). "Intend" + "give aid" is then 0x3000 + 0x0040 =
//! 0x3040 = CAMEO 033, and a negation subtracts 0xFFFF so that negated cooperation lands
//! on the reject codes (12x). The table below writes that ontology down from CAMEO's own
//! parallel structure (02x appeal for / 03x intend to / 10x demand / 12x reject mirror
//! 06x, 05x, 07x, 08x, 04x); the values are facts about the codes, not program text.

use rustc_hash::FxHashMap;

/// Subtracted from a meaning to negate it.
pub const NEG: i32 = 0xFFFF;

/// (CAMEO code, meaning). Where two codes share a meaning the first listed is the one a
/// combination maps back to.
const TABLE: &[(&str, i32)] = &[
    // 01 make public statement
    ("010", 0x1000),
    ("011", 0x1000 - NEG),
    ("012", 0x100C),
    ("013", 0x1001),
    ("014", 0x1002),
    ("015", 0x10A0),
    ("016", 0x10A0 - NEG),
    ("017", 0x1003),
    ("018", 0x1004),
    ("019", 0x1005),
    // 02 appeal
    ("020", 0x2000),
    ("021", 0x2070),
    ("0211", 0x2075),
    ("0212", 0x2076),
    ("0213", 0x2078),
    ("0214", 0x207A),
    ("022", 0x2080),
    ("023", 0x2040),
    ("0231", 0x2045),
    ("0232", 0x2046),
    ("0233", 0x2047),
    ("0234", 0x2049),
    ("024", 0x2060),
    ("0241", 0x2061),
    ("0242", 0x2062),
    ("0243", 0x2063),
    ("0244", 0x2064),
    ("025", 0x2200),
    ("0251", 0x220B),
    ("0252", 0x220C),
    ("0253", 0x220D),
    ("0254", 0x2205),
    ("0255", 0x220E),
    ("0256", 0x220F),
    ("026", 0x2010),
    ("027", 0x2020),
    ("028", 0x2030),
    // 03 express intent
    ("030", 0x3000),
    ("031", 0x3070),
    ("0311", 0x3075),
    ("0312", 0x3076),
    ("0313", 0x3078),
    ("0314", 0x307A),
    ("032", 0x3080),
    ("033", 0x3040),
    ("0331", 0x3045),
    ("0332", 0x3046),
    ("0333", 0x3047),
    ("0334", 0x3049),
    ("034", 0x3060),
    ("0341", 0x3061),
    ("0342", 0x3062),
    ("0343", 0x3063),
    ("0344", 0x3064),
    ("035", 0x3200),
    ("0351", 0x320B),
    ("0352", 0x320C),
    ("0353", 0x320D),
    ("0354", 0x3205),
    ("0355", 0x320E),
    ("0356", 0x320F),
    ("036", 0x3010),
    ("037", 0x3020),
    ("038", 0x3230),
    ("039", 0x3030),
    ("138", 0x30A0), // intent to fight is a threat
    // 04 consult
    ("040", 0xB000),
    ("041", 0xB001),
    ("042", 0xB002),
    ("043", 0xB003),
    ("044", 0xB010),
    ("046", 0xB010),
    ("045", 0xB030),
    // 05 diplomatic cooperation
    ("050", 0x0080),
    ("051", 0x0081),
    ("052", 0x0082),
    ("053", 0x0083),
    ("054", 0x0084),
    ("055", 0x0085),
    ("056", 0x0086),
    ("057", 0x0087),
    // 06 material cooperation
    ("060", 0x0070),
    ("061", 0x0075),
    ("062", 0x0076),
    ("063", 0x0078),
    ("064", 0x007A),
    // 07 provide aid
    ("070", 0x0040),
    ("071", 0x0045),
    ("072", 0x0046),
    ("073", 0x0047),
    ("074", 0x0049),
    ("075", 0x004E),
    // 08 yield
    ("080", 0x0200),
    ("081", 0x020B),
    ("0811", 0x0203),
    ("0812", 0x0201),
    ("0813", 0x0204),
    ("0814", 0x0206),
    ("0841", 0x020C),
    ("082", 0x020C),
    ("0842", 0x020C),
    ("083", 0x0260),
    ("0831", 0x0261),
    ("0832", 0x0262),
    ("0833", 0x0263),
    ("0834", 0x0264),
    ("084", 0x0250),
    ("085", 0x0205),
    ("086", 0x020E),
    ("0861", 0x0209),
    ("0862", 0x020A),
    ("0863", 0x0207),
    ("087", 0x02C0),
    ("0871", 0x02C9),
    ("0872", 0x02C1),
    ("0873", 0x02C6),
    ("0874", 0x02C2),
    // 09 investigate
    ("090", 0xA000),
    ("091", 0xA001),
    ("092", 0xA002),
    ("093", 0xA003),
    ("094", 0xA004),
    // 10 demand
    ("100", 0x4000),
    ("101", 0x4070),
    ("1011", 0x4075),
    ("1012", 0x4076),
    ("1013", 0x4078),
    ("1014", 0x407A),
    ("102", 0x4080),
    ("103", 0x4040),
    ("1031", 0x4045),
    ("1032", 0x4046),
    ("1033", 0x4047),
    ("1034", 0x4049),
    ("104", 0x4060),
    ("1041", 0x4061),
    ("1042", 0x4062),
    ("1043", 0x4063),
    ("1044", 0x4064),
    ("105", 0x4200),
    ("1051", 0x420B),
    ("1052", 0x420C),
    ("1053", 0x420D),
    ("1054", 0x4205),
    ("1055", 0x420E),
    ("1056", 0x420F),
    ("106", 0x4010),
    ("107", 0x4020),
    ("108", 0x4030),
    // 11 disapprove
    ("110", 0x7000),
    ("111", 0x7001),
    ("112", 0x70A0),
    ("1121", 0x70A1),
    ("1122", 0x70A2),
    ("1123", 0x70A3),
    ("1124", 0x70A4),
    ("1125", 0x70A5),
    ("113", 0x7002),
    ("114", 0x7003),
    ("115", 0x7008),
    ("116", 0x7005),
    // 12 reject: negated cooperation
    ("120", -NEG),
    ("121", 0x0070 - NEG),
    ("1211", 0x0075 - NEG),
    ("1212", 0x0076 - NEG),
    ("122", 0x2340 - NEG),
    ("1221", 0x2345 - NEG),
    ("1222", 0x2346 - NEG),
    ("1223", 0x2347 - NEG),
    ("1224", 0x2349 - NEG),
    ("123", 0x2360 - NEG),
    ("1231", 0x2361 - NEG),
    ("1232", 0x2362 - NEG),
    ("1233", 0x2363 - NEG),
    ("1234", 0x2364 - NEG),
    ("124", 0x0200 - NEG),
    ("1241", 0x020B - NEG),
    ("1242", 0x020C - NEG),
    ("1243", 0x020D - NEG),
    ("1244", 0x0205 - NEG),
    ("1245", 0x020E - NEG),
    ("1246", 0x02C0 - NEG),
    ("125", 0x0010 - NEG),
    ("126", 0x0030 - NEG),
    ("127", 0x0020 - NEG),
    ("128", 0x0002 - NEG),
    ("129", 0x0001 - NEG),
    // 13 threaten
    ("130", 0x6000),
    ("131", 0x6100),
    ("1311", 0x6140),
    ("1312", 0x6105),
    ("1313", 0x6180),
    ("132", 0x600B),
    ("1321", 0x6003),
    ("1322", 0x6001),
    ("1323", 0x6004),
    ("1324", 0x6006),
    ("133", 0x600C),
    ("134", 0x6010),
    ("135", 0x6030),
    ("136", 0x600E),
    ("137", 0x6004),
    ("1381", 0x60A1),
    ("1382", 0x60A2),
    ("1383", 0x60A3),
    ("1384", 0x60A4),
    ("1385", 0x60B0),
    ("139", 0x6005),
    // 14 protest
    ("140", 0x5000),
    ("141", 0x5001),
    ("142", 0x5002),
    ("143", 0x5003),
    ("144", 0x5004),
    ("145", 0x50A0),
    // 15 exhibit force posture
    ("150", 0x8000),
    ("151", 0x8001),
    ("152", 0x8002),
    ("153", 0x8003),
    ("154", 0x8004),
    // 16 reduce relations
    ("160", 0x0100),
    ("161", 0x0180),
    ("162", 0x0140),
    ("1621", 0x0145),
    ("1622", 0x0146),
    ("1623", 0x0147),
    ("163", 0x000B),
    ("164", 0x0110),
    ("165", 0x0130),
    ("166", 0x0150),
    ("1661", 0x0159),
    ("1662", 0x015A),
    ("1663", 0x015E),
    // 17 coerce
    ("170", 0x9000),
    ("171", 0x9010),
    ("1711", 0x9011),
    ("1712", 0x9012),
    ("172", 0x900B),
    ("1721", 0x9003),
    ("1722", 0x9001),
    ("1723", 0x9004),
    ("1724", 0x9006),
    ("173", 0x9020),
    ("174", 0x9030),
    ("175", 0x9040),
    // 18 assault
    ("180", 0x0090),
    ("181", 0x0091),
    ("182", 0x0092),
    ("1821", 0x0093),
    ("1822", 0x0094),
    ("1823", 0x0095),
    ("1824", 0x0096),
    ("183", 0x0097),
    ("1831", 0x0098),
    ("1832", 0x0099),
    ("1833", 0x009A),
    ("1834", 0x009B),
    ("184", 0x009C),
    ("185", 0x009D),
    ("186", 0x009E),
    // 19 fight
    ("190", 0x00A0),
    ("191", 0x00A1),
    ("192", 0x00A2),
    ("193", 0x00A3),
    ("194", 0x00A4),
    ("195", 0x00A5),
    ("1951", 0x00A6),
    ("1952", 0x00A7),
    ("196", 0x00A8),
    // 20 unconventional mass violence
    ("200", 0x00B0),
    ("201", 0x00B1),
    ("202", 0x00B2),
    ("203", 0x00B3),
    ("204", 0x00B4),
];

/// The meaning of a CAMEO code (`---`/empty: 0, no event). An unknown code falls back to
/// its three-digit base.
pub fn meaning(code: &str) -> i32 {
    let c = code.trim();
    if c.is_empty() || c.starts_with("---") {
        return 0;
    }
    let by_code = &tables().0;
    if let Some(&m) = by_code.get(c) {
        return m;
    }
    let base: String = c.chars().take(2).chain(std::iter::once('0')).collect();
    by_code.get(base.as_str()).copied().unwrap_or(0)
}

/// [`TABLE`] indexed both ways, built once (the first entry wins, as in a linear scan).
type Tables = (FxHashMap<&'static str, i32>, FxHashMap<i32, &'static str>);

fn tables() -> &'static Tables {
    static T: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let (mut by_code, mut by_meaning) = (FxHashMap::default(), FxHashMap::default());
        for &(k, m) in TABLE {
            by_code.entry(k).or_insert(m);
            by_meaning.entry(m).or_insert(k);
        }
        (by_code, by_meaning)
    })
}

/// The CAMEO code of a meaning, if it names one.
pub fn cameo(m: i32) -> Option<&'static str> {
    if m == 0 {
        return None;
    }
    tables().1.get(&m).copied()
}

/// The meaning of `lower` nested under a verb meaning `upper`: a negated lower event adds
/// the upper's mode; of two verbal modes the nested one wins; a material event takes the
/// upper's mode unless it already outranks it.
pub fn combine(upper: i32, lower: i32) -> i32 {
    if lower < 0 {
        return lower + upper;
    }
    if upper >= 0x1000 && lower >= 0x1000 {
        return lower;
    }
    if lower >= upper {
        return lower;
    }
    upper + lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_as_the_field_defines_them() {
        // "wants to help" → intend to aid
        assert_eq!(cameo(combine(meaning("030"), meaning("070"))), Some("033"));
        // "asks B to help C" → appeal for aid
        assert_eq!(cameo(combine(meaning("020"), meaning("070"))), Some("023"));
        // "wants to attack" → threaten
        assert_eq!(cameo(combine(meaning("030"), meaning("190"))), Some("138"));
        // "agreed (050) to lift sanctions (085)" keeps the material act
        assert_eq!(cameo(combine(meaning("050"), meaning("085"))), Some("085"));
        // two verbal modes: the nested one
        assert_eq!(cameo(combine(meaning("030"), meaning("090"))), Some("090"));
        // negated material cooperation is its rejection; negated fighting is nothing
        assert_eq!(cameo(meaning("060") - NEG), Some("121"));
        assert_eq!(cameo(meaning("080") - NEG), Some("124"));
        assert_eq!(cameo(meaning("190") - NEG), None);
        assert_eq!(meaning("---"), 0);
        assert_eq!(meaning("0459"), meaning("040"));
    }
}
