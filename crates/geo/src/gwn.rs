//! GeoWebNews (Gritta et al. 2019) reader and the geoparsing scores the eval and tests print.
//!
//! The file is `<articles><article><text/><toponyms><toponym>…`; toponym offsets are character
//! offsets into the entity-decoded text and are converted to byte spans here. The reader is
//! tolerant: a toponym with unusable offsets is dropped and counted, never a panic.

use crate::gazetteer::Gazetteer;
use crate::place::haversine_km;
use crate::recognize::{recognize, toponym_for_span};
use crate::resolve::{focus, resolve, Weights};
use model::Span;

/// One gold toponym.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub span: Span,
    pub name: String,
    /// GeoWebNews' pragmatic type ("Literal", "Metonymic", "Demonym", …).
    pub kind: String,
    pub geonames_id: Option<u32>,
    pub coords: Option<(f64, f64)>,
}

/// One article with its gold toponyms.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// The parsed file and what was dropped.
#[derive(Debug, Default)]
pub struct GoldSet {
    pub articles: Vec<GoldArticle>,
    /// Toponyms dropped for bad offsets.
    pub dropped: usize,
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let ent = end.map(|e| &rest[1..e]);
        let rep = match ent {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("apos") => Some('\''),
            Some(e) if e.starts_with("#x") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (rep, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn field<'a>(s: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let a = s.find(&open)? + open.len();
    let b = s[a..].find(&close)? + a;
    Some(&s[a..b])
}

/// Parses GWN.xml.
pub fn parse(xml: &str) -> GoldSet {
    let mut set = GoldSet::default();
    for chunk in xml.split("<article ").skip(1) {
        let id = chunk.split('"').nth(1).unwrap_or("").to_string();
        let Some(text) = field(chunk, "text").map(unescape) else { continue };
        // Character offset → byte offset.
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let mut toponyms = Vec::new();
        let tops = field(chunk, "toponyms").unwrap_or("");
        for t in tops.split("<toponym>").skip(1) {
            let num = |tag: &str| field(t, tag).and_then(|v| v.trim().parse::<usize>().ok());
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                set.dropped += 1;
                continue;
            };
            let (Some(&bs), Some(&be)) = (byte_at.get(s), byte_at.get(e)) else {
                set.dropped += 1;
                continue;
            };
            if bs >= be {
                set.dropped += 1;
                continue;
            }
            let lat = field(t, "latitude").and_then(|v| v.trim().parse::<f64>().ok());
            let lon = field(t, "longitude").and_then(|v| v.trim().parse::<f64>().ok());
            toponyms.push(GoldToponym {
                span: Span::new(bs, be),
                name: unescape(field(t, "extractedName").unwrap_or("")),
                kind: field(t, "type").unwrap_or("").to_string(),
                geonames_id: field(t, "geonamesID").and_then(|v| v.trim().parse().ok()),
                coords: lat.zip(lon),
            });
        }
        toponyms.sort_by_key(|t| (t.span.start, t.span.end));
        set.articles.push(GoldArticle { id, text, toponyms });
    }
    set
}

/// Scores of resolution given gold spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResolutionScores {
    /// Gold toponyms with a GeoNames id, and how many we resolved to exactly that id.
    pub with_id: usize,
    pub exact: usize,
    /// Gold toponyms with coordinates, and how many we put within 161 km.
    pub with_coords: usize,
    pub within_161: usize,
    /// Gold toponyms for which the gazetteer had no candidate (answered by the focus fallback).
    pub no_candidate: usize,
    /// Sorted error distances (km) over gold toponyms with coordinates.
    pub errors_km: Vec<f64>,
}

impl ResolutionScores {
    pub fn exact_rate(&self) -> f64 {
        ratio(self.exact, self.with_id)
    }
    pub fn acc161(&self) -> f64 {
        ratio(self.within_161, self.with_coords)
    }
    pub fn median_km(&self) -> f64 {
        self.errors_km.get(self.errors_km.len() / 2).copied().unwrap_or(0.0)
    }
    pub fn mean_km(&self) -> f64 {
        if self.errors_km.is_empty() {
            0.0
        } else {
            self.errors_km.iter().sum::<f64>() / self.errors_km.len() as f64
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Distance from a predicted place to a gold toponym; 0 when the ids agree (the extracts
/// carry no own points for countries and divisions, so an id match is the right answer).
fn error_km(gaz: &Gazetteer, place: Option<u32>, g: &GoldToponym) -> Option<f64> {
    let (glat, glon) = g.coords?;
    let Some(p) = place.and_then(|i| gaz.place(i)) else { return Some(20_000.0) };
    if let (crate::place::PlaceId::GeoNames(id), Some(gid)) = (p.id, g.geonames_id) {
        if id == gid {
            return Some(0.0);
        }
    }
    Some(haversine_km(p.lat, p.lon, glat, glon))
}

/// Resolution accuracy given the gold spans of geocoded toponyms.
pub fn score_gold_spans(gaz: &Gazetteer, arts: &[GoldArticle], w: &Weights) -> ResolutionScores {
    let mut s = ResolutionScores::default();
    for a in arts {
        let gold: Vec<&GoldToponym> = a.toponyms.iter().filter(|t| t.coords.is_some()).collect();
        let tops: Vec<_> = gold.iter().map(|g| toponym_for_span(gaz, &a.text, g.span)).collect();
        let resolved = resolve(gaz, &a.text, tops, &[], w);
        let fallback = focus(gaz, &resolved);
        for (g, r) in gold.iter().zip(&resolved) {
            let place = if r.place.is_none() {
                s.no_candidate += 1;
                r.container.or(fallback)
            } else {
                r.place
            };
            if let Some(gid) = g.geonames_id {
                s.with_id += 1;
                let id = place.and_then(|p| gaz.place(p)).map(|p| p.id);
                if id == Some(crate::place::PlaceId::GeoNames(gid)) {
                    s.exact += 1;
                }
            }
            if let Some(e) = error_km(gaz, place, g) {
                s.with_coords += 1;
                if e <= 161.0 {
                    s.within_161 += 1;
                }
                s.errors_km.push(e);
            }
        }
    }
    s.errors_km.sort_by(f64::total_cmp);
    s
}

/// End-to-end scores: our recognition against the geocoded gold spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EndToEndScores {
    pub gold: usize,
    pub predicted: usize,
    /// Predicted spans equal to a gold span.
    pub span_match: usize,
    /// … and resolved within 161 km of the gold point.
    pub resolved_match: usize,
    /// Among span matches whose gold type is `Literal` or `Metonymic`: gold metonyms, our
    /// metonym flags, and flags on gold metonyms.
    pub metonym_gold: usize,
    pub metonym_flagged: usize,
    pub metonym_correct: usize,
    /// … and how many of those literal/metonymic matches got the flag right either way.
    pub literal_or_metonym: usize,
    pub flag_right: usize,
}

impl EndToEndScores {
    fn f1(&self, tp: usize) -> (f64, f64, f64) {
        let p = ratio(tp, self.predicted);
        let r = ratio(tp, self.gold);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
    /// Recognition precision, recall, F1 (exact spans).
    pub fn recognition(&self) -> (f64, f64, f64) {
        self.f1(self.span_match)
    }
    /// Recognition + resolution precision, recall, F1 (exact span and within 161 km).
    pub fn end_to_end(&self) -> (f64, f64, f64) {
        self.f1(self.resolved_match)
    }
    /// Metonym flag: precision, recall, and literal-vs-metonymic accuracy.
    pub fn metonymy(&self) -> (f64, f64, f64) {
        (
            ratio(self.metonym_correct, self.metonym_flagged),
            ratio(self.metonym_correct, self.metonym_gold),
            ratio(self.flag_right, self.literal_or_metonym),
        )
    }
}

/// Recognises and resolves each article and compares with the geocoded gold toponyms.
pub fn score_end_to_end(gaz: &Gazetteer, arts: &[GoldArticle], w: &Weights) -> EndToEndScores {
    let mut s = EndToEndScores::default();
    for a in arts {
        let gold: Vec<&GoldToponym> = a.toponyms.iter().filter(|t| t.coords.is_some()).collect();
        let resolved = resolve(gaz, &a.text, recognize(gaz, &a.text), &[], w);
        s.gold += gold.len();
        s.predicted += resolved.len();
        for r in &resolved {
            if let Some(g) = gold.iter().find(|g| g.span == r.toponym.span) {
                s.span_match += 1;
                if matches!(g.kind.as_str(), "Literal" | "Metonymic") {
                    let gold_m = g.kind == "Metonymic";
                    let ours = r.toponym.metonym;
                    s.literal_or_metonym += 1;
                    s.flag_right += usize::from(gold_m == ours);
                    s.metonym_gold += usize::from(gold_m);
                    s.metonym_flagged += usize::from(ours);
                    s.metonym_correct += usize::from(gold_m && ours);
                }
                if error_km(gaz, r.place, g).is_some_and(|e| e <= 161.0) {
                    s.resolved_match += 1;
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_as_characters_and_decodes_entities() {
        let xml =
            "<articles><article file=\"7\"><title>t</title><text>Café &amp; Baqubah, Iraq</text>\
            <toponyms><toponym><extractedName>Baqubah</extractedName><type>Literal</type>\
            <start>7</start><end>14</end><geonamesID>98245</geonamesID><latitude>33.7</latitude>\
            <longitude>44.6</longitude></toponym><toponym><start>90</start><end>95</end>\
            </toponym></toponyms></article></articles>";
        let set = parse(xml);
        assert_eq!(set.articles.len(), 1);
        assert_eq!(set.dropped, 1);
        let a = &set.articles[0];
        assert_eq!(a.id, "7");
        let t = &a.toponyms[0];
        assert_eq!(t.span.slice(&a.text), Some("Baqubah"));
        assert_eq!(t.geonames_id, Some(98245));
        assert_eq!(t.coords, Some((33.7, 44.6)));
    }
}
