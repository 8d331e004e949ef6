//! Synthetic coded documents for load benchmarks and tests: deterministic from a seed, with
//! wire-style sentences whose actor, trigger, place and date spans really cover those words,
//! spread over outlets, CAMEO roots, modalities, places and ten years of dates.
//!
//! These are not the pipeline's output: they exercise the store and the server at volume
//! (`cargo run --release -p xtask -- bench-serve`), never the coder.

use model::{ContentHash, Span};
use store::DocRecord;

const ACTORS: &[(&str, &str)] = &[
    ("IRNGOV", "the Iranian government"),
    ("IRQMIL", "Iraqi forces"),
    ("USAGOV", "Washington"),
    ("TURGOV", "Ankara"),
    ("GRCGOV", "Athens"),
    ("PAKMIL", "Pakistani troops"),
    ("AFGREB", "Taliban fighters"),
    ("ISR", "Israel"),
    ("PSEREB", "Hamas"),
    ("RUSGOV", "the Kremlin"),
    ("UKRMIL", "Ukrainian forces"),
    ("SYRGOV", "Damascus"),
    ("IGOUNO", "the United Nations"),
    ("EGYGOV", "Cairo"),
    ("NGAMIL", "Nigerian soldiers"),
    ("CHNGOV", "Beijing"),
];

/// (code, verb, quad class, Goldstein, PLOVER type)
const CODES: &[(&str, &str, u8, f32, &str)] = &[
    ("190", "attacked", 4, -10.0, "ASSAULT"),
    ("193", "fought", 4, -10.0, "ASSAULT"),
    ("173", "arrested", 4, -5.0, "COERCE"),
    ("112", "accused", 3, -2.0, "ACCUSE"),
    ("111", "criticized", 3, -2.0, "ACCUSE"),
    ("042", "visited", 1, 1.9, "CONSULT"),
    ("043", "hosted", 1, 2.8, "CONSULT"),
    ("036", "offered talks to", 1, 4.0, "COOPERATE"),
    ("057", "signed an agreement with", 1, 8.0, "AGREE"),
    ("071", "sent aid to", 2, 7.4, "AID"),
    ("138", "threatened", 3, -7.0, "THREATEN"),
    ("145", "protested against", 3, -7.5, "PROTEST"),
    ("163", "imposed an embargo on", 3, -8.0, "SANCTION"),
    ("180", "clashed with", 4, -9.0, "ASSAULT"),
];

/// (name, country, lat, lon, precision)
const PLACES: &[(&str, &str, f64, f64, &str)] = &[
    ("Baghdad", "IQ", 33.34, 44.40, "city"),
    ("Diyala", "IQ", 33.75, 45.0, "province"),
    ("Tehran", "IR", 35.69, 51.39, "city"),
    ("Ankara", "TR", 39.93, 32.86, "city"),
    ("Athens", "GR", 37.98, 23.73, "city"),
    ("Torkham", "AF", 34.10, 71.09, "place"),
    ("Gaza", "PS", 31.50, 34.47, "city"),
    ("Kyiv", "UA", 50.45, 30.52, "city"),
    ("Damascus", "SY", 33.51, 36.29, "city"),
    ("Cairo", "EG", 30.04, 31.24, "city"),
    ("Maiduguri", "NG", 11.85, 13.16, "city"),
    ("Geneva", "CH", 46.20, 6.15, "city"),
    ("Syria", "SY", 35.0, 38.0, "country"),
];

const OUTLETS: &[&str] =
    &["Reuters", "AP", "AFP", "PressTV", "Al Jazeera", "BBC", "Anadolu", "Xinhua", "DW", "TASS"];
const MODALITIES: &[&str] = &[
    "asserted",
    "asserted",
    "asserted",
    "asserted",
    "alleged",
    "denied",
    "attempted",
    "threatened",
];

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next_u64() % xs.len() as u64) as usize]
    }
}

/// Document `n` of a synthetic corpus: `events` sentences, one coded event each.
pub fn document(seed: u64, n: u64, events: usize) -> DocRecord {
    let mut rng = Rng::new(seed ^ n.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let day = (rng.next_u64() % 3650) as i64;
    let (y, m, d) = civil(16_436 + day); // from 2015-01-01
    let date = format!("{y:04}-{m:02}-{d:02}");
    let outlet = *rng.pick(OUTLETS);
    let hash = format!("synth-{seed}-{n}");
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut evs = Vec::new();
    let mut figures = Vec::new();
    for seq in 0..events {
        let (sc, sn) = *rng.pick(ACTORS);
        let (tc, tn) = *rng.pick(ACTORS);
        let (code, verb, quad, goldstein, plover) = *rng.pick(CODES);
        let (place, country, lat, lon, precision) = *rng.pick(PLACES);
        let killed = rng.next_u64() % 40;
        let modality = *rng.pick(MODALITIES);
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let p0 = text.len();
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        };
        let src = cap(sn);
        let s_span = Span::new(text.len(), text.len() + src.len());
        text.push_str(&src);
        text.push(' ');
        let v_span = Span::new(text.len(), text.len() + verb.len());
        text.push_str(verb);
        text.push(' ');
        let t_span = Span::new(text.len(), text.len() + tn.len());
        text.push_str(tn);
        text.push_str(" near ");
        let pl_span = Span::new(text.len(), text.len() + place.len());
        text.push_str(place);
        text.push_str(" on ");
        let d_span = Span::new(text.len(), text.len() + date.len());
        text.push_str(&date);
        text.push_str(&format!(", leaving {killed} dead, officials told {outlet}."));
        paragraphs.push(Span::new(p0, text.len()));
        let ev = serde_json::json!({
            "article": hash,
            "sentence": seq,
            "trigger": v_span,
            "sources": [{"code": sc, "text": src, "span": s_span}],
            "targets": [{"code": tc, "text": tn, "span": t_span}],
            "code": code,
            "root": &code[..2],
            "base": &code[..3],
            "goldstein": goldstein,
            "quad_class": quad,
            "plover_type": plover,
            "modality": modality,
            "historical": false,
            "attribution": {"chain": [
                {"role": "outlet", "text": outlet},
                {"role": "source", "text": "officials"}
            ]},
            "time": {"start": date, "end": date, "precision": "day", "basis": "text", "span": d_span},
            "location": {"name": place, "country": country, "lat": lat, "lon": lon,
                         "precision": precision, "span": pl_span},
            "confidence": 0.8,
            "evidence": [v_span],
        });
        if let Ok(e) = serde_json::from_value::<model::Event>(ev) {
            evs.push(e);
            figures.push(vec![killed as i64]);
        }
    }
    let article = serde_json::json!({
        "id": hash,
        "origin": {"input": "synthetic"},
        "url": format!("https://synthetic.invalid/{seed}/{n}"),
        "outlet": outlet,
        "title": format!("Synthetic report {n}"),
        "published": {"value": date, "precision": "day", "source": "container"},
        "language": "en",
        "text": text,
        "paragraphs": paragraphs,
        "text_hash": format!("t{hash}"),
        "extractor": "synthetic",
    });
    let article: model::Article =
        serde_json::from_value(article).unwrap_or_else(|_| model::Article {
            id: ContentHash(hash.clone()),
            origin: model::Origin::default(),
            url: None,
            canonical_url: None,
            outlet: None,
            agency: None,
            title: None,
            byline: None,
            published: None,
            language: None,
            text: String::new(),
            paragraphs: vec![],
            html_map: vec![],
            text_hash: ContentHash(String::new()),
            extractor: String::new(),
        });
    let url = article.url.clone();
    DocRecord {
        key: store::document_key(&ContentHash(hash.clone()), url.as_deref()),
        hash: ContentHash(hash),
        url,
        origin: format!("synthetic:{n}"),
        fetched: None,
        sketch: cluster::sketch(&article.text),
        figures,
        events: evs,
        quotes: vec![],
        article,
    }
}

/// Civil date of a day count since 1970-01-01.
fn civil(days: i64) -> (i64, i64, i64) {
    let (y, m, d) = model::days::civil_from_days(days);
    (y, i64::from(m), i64::from(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_their_words() {
        for n in 0..50 {
            let d = document(7, n, 3);
            assert_eq!(d.events.len(), 3);
            let t = &d.article.text;
            for e in &d.events {
                let s = &e.sources[0];
                assert_eq!(s.span.slice(t), Some(s.text.as_str()));
                let l = e.location.as_ref().unwrap();
                assert_eq!(l.span.unwrap().slice(t), Some(l.name.as_str()));
                let time = e.time.as_ref().unwrap();
                assert_eq!(time.span.unwrap().slice(t), time.start.as_deref());
                assert!(e.trigger.slice(t).is_some_and(|v| !v.is_empty()));
            }
        }
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(16_436), (2015, 1, 1));
    }
}
