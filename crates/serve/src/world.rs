//! The world outline for the map: Natural Earth 1:110m countries (public domain), as the npm
//! package `world-atlas` 2.0.2 distributes them in TopoJSON (ISC; see `assets/ATTRIBUTION.md`),
//! decoded once into SVG paths in an equirectangular projection.

use std::fmt::Write as _;
use std::sync::OnceLock;

const TOPOJSON: &str = include_str!("../assets/world-110m.json");

/// Width and height of the projected map in SVG units (2 units per degree).
pub const WIDTH: f64 = 720.0;
pub const HEIGHT: f64 = 360.0;

/// Projects longitude/latitude (degrees) to SVG coordinates.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    ((lon + 180.0) / 360.0 * WIDTH, (90.0 - lat) / 180.0 * HEIGHT)
}

/// One SVG path `d` per country, with its name.
pub fn countries() -> &'static [(String, String)] {
    static PATHS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PATHS.get_or_init(|| decode(TOPOJSON).unwrap_or_default())
}

fn decode(src: &str) -> Option<Vec<(String, String)>> {
    let v: serde_json::Value = serde_json::from_str(src).ok()?;
    let t = v.get("transform")?;
    let num = |x: &serde_json::Value, i: usize| x.get(i).and_then(serde_json::Value::as_f64);
    let (sx, sy) = (num(t.get("scale")?, 0)?, num(t.get("scale")?, 1)?);
    let (tx, ty) = (num(t.get("translate")?, 0)?, num(t.get("translate")?, 1)?);
    // Arcs are delta-encoded quantized positions.
    let arcs: Vec<Vec<(f64, f64)>> = v
        .get("arcs")?
        .as_array()?
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0i64, 0i64);
            arc.as_array()
                .map(|pts| {
                    pts.iter()
                        .filter_map(|p| {
                            x += p.get(0)?.as_i64()?;
                            y += p.get(1)?.as_i64()?;
                            Some(project(x as f64 * sx + tx, y as f64 * sy + ty))
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let ring = |d: &mut String, idx: &serde_json::Value| {
        let mut first = true;
        let mut prev: Option<f64> = None;
        let mut shift = 0.0;
        for a in idx.as_array().into_iter().flatten().filter_map(serde_json::Value::as_i64) {
            // A negative index ~i is arc i reversed.
            let (i, rev) = if a < 0 { ((!a) as usize, true) } else { (a as usize, false) };
            let Some(arc) = arcs.get(i) else { continue };
            let pts: Box<dyn Iterator<Item = &(f64, f64)>> =
                if rev { Box::new(arc.iter().rev()) } else { Box::new(arc.iter()) };
            for (k, &(x, y)) in pts.enumerate() {
                if k == 0 && !first {
                    continue; // shared with the previous arc's last point
                }
                // A ring cut at the antimeridian (Fiji, Chukotka) jumps across the map: keep
                // drawing past the edge instead (the frame clips it) so the outline and its
                // fill stay whole rather than cross the world.
                let mut x = x + shift;
                if let Some(px) = prev {
                    if x - px > WIDTH / 2.0 {
                        shift -= WIDTH;
                        x -= WIDTH;
                    } else if px - x > WIDTH / 2.0 {
                        shift += WIDTH;
                        x += WIDTH;
                    }
                }
                let _ = write!(d, "{}{x:.1},{y:.1}", if first { 'M' } else { 'L' });
                prev = Some(x);
                first = false;
            }
        }
        if !first {
            d.push('Z');
        }
    };
    let mut out = Vec::new();
    for g in v.pointer("/objects/countries/geometries")?.as_array()? {
        let name = g.pointer("/properties/name").and_then(|n| n.as_str()).unwrap_or("").to_string();
        let mut d = String::new();
        match g.get("type").and_then(|t| t.as_str()) {
            Some("Polygon") => {
                for r in g.get("arcs")?.as_array()? {
                    ring(&mut d, r);
                }
            }
            Some("MultiPolygon") => {
                for poly in g.get("arcs")?.as_array()? {
                    for r in poly.as_array()? {
                        ring(&mut d, r);
                    }
                }
            }
            _ => continue,
        }
        out.push((name, d));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_country_into_a_closed_path_inside_the_frame() {
        let c = countries();
        assert!(c.len() > 150, "{} countries", c.len());
        let iran = c.iter().find(|(n, _)| n == "Iran").expect("Iran");
        assert!(iran.1.starts_with('M') && iran.1.ends_with('Z'));
        // Iran lies between 44–64°E and 25–40°N.
        let (x0, y0) = project(44.0, 40.0);
        let (x1, y1) = project(64.0, 25.0);
        for pair in iran.1.split(['M', 'L', 'Z']).filter(|s| !s.is_empty()) {
            let (x, y) = pair.split_once(',').unwrap();
            let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
            assert!(x >= x0 - 1.0 && x <= x1 + 1.0 && y >= y0 - 1.0 && y <= y1 + 1.0, "{x},{y}");
        }
    }
}
