//! Where a meeting was held decides its CAMEO code. "Meet at a third location" (044) is a
//! meeting in neither party's country: the coder gives 044 to "met X in <place>" before it
//! knows where the place is, so once the event is placed, a meeting in the source's country
//! is the source hosting (043: "met his Greek counterpart in Ankara" by the Turkish minister)
//! and one in the target's country the source visiting (042).

use model::{AnalyzedSentence, Event};

/// Recodes the placed 044 events of one article whose place lies in one party's country.
pub fn settle(
    text: &str,
    sentences: &[AnalyzedSentence],
    events: &mut [Event],
    date: Option<coder::date::DateKey>,
    dicts: &coder::Dictionaries,
    gazetteer: &geo::Gazetteer,
) {
    for ev in events.iter_mut().filter(|e| e.code == "044") {
        let Some(place) = ev.location.as_ref().and_then(|l| {
            let by_name = l
                .span
                .and_then(|s| crate::voices::code_span(text, sentences, s, date, dicts))
                .and_then(|c| country_of(&c));
            by_name.or_else(|| {
                let iso2 = l.country.as_deref()?;
                let name = gazetteer.place(gazetteer.country(iso2)?)?.name;
                let words: Vec<String> = name.split_whitespace().map(str::to_uppercase).collect();
                let refs: Vec<&str> = words.iter().map(String::as_str).collect();
                coder::nominal::code_words(&refs, date, dicts).and_then(|c| country_of(&c))
            })
        }) else {
            continue;
        };
        let party = |actors: &[model::ActorRef]| -> Option<String> {
            actors.first().and_then(|a| country_of(&a.code))
        };
        let code = if party(&ev.sources).as_deref() == Some(place.as_str()) {
            "043"
        } else if party(&ev.targets).as_deref() == Some(place.as_str()) {
            "042"
        } else {
            continue;
        };
        let Some(info) = coder::cameo::lookup(code) else { continue };
        ev.code = code.to_string();
        ev.root = info.root;
        ev.base = info.base;
        ev.goldstein = info.goldstein;
        ev.quad_class = info.quad_class;
        ev.plover_type = info.plover_type;
        ev.plover_mode = info.plover_mode;
    }
}

/// The country part of an actor code ("TURGOV" → "TUR"); none for a code without one
/// (`---GOV`) or an international one (IGO, NGO, IMG …).
fn country_of(code: &str) -> Option<String> {
    let c = code.get(..3)?;
    let international = matches!(c, "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "---");
    (!international && c.bytes().all(|b| b.is_ascii_uppercase())).then(|| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::country_of;

    #[test]
    fn country_part_of_codes() {
        assert_eq!(country_of("TURGOV").as_deref(), Some("TUR"));
        assert_eq!(country_of("GRC").as_deref(), Some("GRC"));
        assert_eq!(country_of("---GOV"), None);
        assert_eq!(country_of("IGOUNO"), None);
        assert_eq!(country_of(""), None);
    }
}
