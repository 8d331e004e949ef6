//! Name keys: the one normalisation shared by the compiler, the overlay and the recogniser.
//!
//! A key is the name with diacritics removed (NFD, combining marks dropped), lower-cased, with
//! dots and apostrophes deleted and every other run of non-alphanumerics turned into one space:
//! "Sant Julià de Lòria" → "sant julia de loria", "U.S." → "us", "Champs-Élysées" →
//! "champs elysees", "Ta’izz" → "taizz". Keys are what the gazetteer index is sorted by.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The lookup key of a name (see the module docs). Empty when the name has no letters or digits.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = fold_extra(c);
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else if matches!(c, '.' | '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | 'ʿ' | 'ʾ') {
            // Deleted: "U.S." = "US", "Ta'izz" = "Taizz".
        } else {
            pending_space = true;
        }
    }
    out
}

/// Letters NFD does not decompose but transliterations treat as plain Latin.
fn fold_extra(c: char) -> char {
    match c {
        'ø' => 'o',
        'Ø' => 'O',
        'đ' | 'ð' => 'd',
        'Đ' | 'Ð' => 'D',
        'ł' => 'l',
        'Ł' => 'L',
        'ı' => 'i',
        'ħ' => 'h',
        'Ħ' => 'H',
        'ß' => 's',
        'æ' => 'a',
        'Æ' => 'A',
        'œ' => 'o',
        'Œ' => 'O',
        'þ' => 't',
        'Þ' => 'T',
        _ => c,
    }
}

/// True when every letter of the name is Latin script (the index keeps only those names:
/// recognition runs on English text, and other scripts would double the index).
pub fn is_latin(name: &str) -> bool {
    name.chars().all(|c| {
        let u = c as u32;
        !c.is_alphabetic() || u < 0x0250 || (0x1E00..0x1F00).contains(&u)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_diacritics_case_and_punctuation() {
        assert_eq!(key("Sant Julià de Lòria"), "sant julia de loria");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Champs-Élysées"), "champs elysees");
        assert_eq!(key("Ta’izz"), "taizz");
        assert_eq!(key("Diyālá"), "diyala");
        assert_eq!(key("Al Khāliş"), "al khalis");
        assert_eq!(key("  --  "), "");
        assert_eq!(key("Łódź"), "lodz");
    }

    #[test]
    fn latin_filter() {
        assert!(is_latin("Sant Julià"));
        assert!(!is_latin("Эл Тартер"));
        assert!(is_latin("Baqubah 2"));
    }
}
