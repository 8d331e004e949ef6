//! Language of the body: `whatlang` on the extracted text, mapped to ISO 639-1; the page's own
//! `<html lang>` only when the text is too short or ambiguous to decide.

/// How much body text the detector reads (enough to be sure; bounds the time).
const SAMPLE_BYTES: usize = 1500;

/// ISO 639-3 (whatlang) → ISO 639-1.
fn to_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        _ => return None,
    })
}

/// The primary subtag of an `<html lang>` value, when it is a two-letter code.
fn declared(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

/// Detects the language of `text`; `html_lang` breaks ties.
pub fn detect(text: &str, html_lang: Option<&str>) -> Option<String> {
    let sample = &text[..crate::meta::floor_char(text, SAMPLE_BYTES)];
    let info = whatlang::detect(sample);
    let declared = html_lang.and_then(declared);
    match info {
        Some(i) if i.is_reliable() => to_639_1(i.lang().code()).map(str::to_string).or(declared),
        Some(i) => {
            let guess = to_639_1(i.lang().code());
            // An unreliable guess that the page's declaration confirms is kept; otherwise the
            // declaration is the better evidence.
            match (guess, declared) {
                (_, Some(d)) => Some(d),
                (Some(g), None) if i.confidence() > 0.3 && sample.len() > 200 => {
                    Some(g.to_string())
                }
                _ => None,
            }
        }
        None => declared,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_common_news_languages() {
        let en = "Iraqi security forces are in charge of the training center at the camp, officials said on Tuesday after the attack.";
        let de = "Die irakischen Sicherheitskräfte haben die Kontrolle über das Lager übernommen, sagte ein Sprecher am Dienstag.";
        assert_eq!(super::detect(en, None).as_deref(), Some("en"));
        assert_eq!(super::detect(de, Some("en")).as_deref(), Some("de"));
        assert_eq!(super::detect("ok", Some("fr-FR")).as_deref(), Some("fr"));
        assert_eq!(super::detect("", None), None);
    }
}
