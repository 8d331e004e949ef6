//! The provenance gold format (`tests/data/provenance/README.md`): an article in plain-text
//! news-item form, a `=== gold` line, then `published:`, `outlet:`, `event:` and `quote:` lines.

use model::Span;
use std::fmt;

/// One annotated event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// The trigger as written in the gold file (`attack#2`).
    pub trigger: String,
    /// Byte span of the trigger in the article text.
    pub span: Span,
    pub root: String,
    pub source: String,
    pub target: String,
    pub modality: String,
    pub historical: bool,
    /// Links after the outlet; empty when the outlet speaks in its own voice.
    pub chain: Vec<String>,
    /// `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY`, `198X`, or `unknown`.
    pub date: String,
    /// `(name, country, precision)`, or `None` for `unknown`.
    pub place: Option<(String, String, String)>,
    /// 1-based line of the annotation.
    pub line: usize,
}

/// One annotated quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    /// Byte offset of the quote's first words in the article text.
    pub start: usize,
    pub opening: String,
    pub speaker: String,
}

/// One annotated denial or counter-claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDenial {
    /// The cue as written (`denied`, `never`, `fabrication#2`).
    pub cue: String,
    /// Byte span of the cue in the article text.
    pub span: Span,
    /// Who denies, as the text names them; empty for `-`.
    pub denier: String,
    /// Triggers of the annotated events it contests, as written on their `event:` lines.
    pub denies: Vec<String>,
    pub line: usize,
}

/// An article with its annotations.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldArticle {
    pub name: String,
    /// The article as given to the pipeline (everything before `=== gold`).
    pub text: String,
    pub published: String,
    pub outlet: String,
    pub events: Vec<GoldEvent>,
    pub quotes: Vec<GoldQuote>,
    pub denials: Vec<GoldDenial>,
}

/// A malformed gold line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}:{line}: {message}")]
pub struct GoldError {
    pub name: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GoldEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] {}", self.trigger, self.root, self.modality)
    }
}

/// Parses a gold file. `text_override` replaces the article text (for gold kept apart from its
/// article, like the seed's): then the file holds only annotation lines.
pub fn parse(
    name: &str,
    file: &str,
    text_override: Option<&str>,
) -> Result<GoldArticle, GoldError> {
    let (text, gold, first_line) = match text_override {
        Some(t) => (t.to_string(), file, 1),
        None => {
            let Some(pos) = file.find("\n=== gold") else {
                return Err(GoldError {
                    name: name.into(),
                    line: 1,
                    message: "no `=== gold` line".into(),
                });
            };
            let before = &file[..pos + 1];
            let after = &file[pos + 1..];
            let after = after.split_once('\n').map_or("", |x| x.1);
            (before.to_string(), after, before.lines().count() + 2)
        }
    };
    let mut art = GoldArticle { name: name.into(), text, ..GoldArticle::default() };
    for (i, raw) in gold.lines().enumerate() {
        let line = first_line + i;
        let err = |message: String| GoldError { name: name.into(), line, message };
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (key, value) = l.split_once(':').ok_or_else(|| err("expected `key: value`".into()))?;
        let value = value.trim();
        match key.trim() {
            "published" => art.published = value.into(),
            "outlet" => art.outlet = value.into(),
            "event" => art.events.push(parse_event(&art.text, value, line).map_err(err)?),
            "quote" => {
                let (opening, speaker) =
                    value.split_once('|').ok_or_else(|| err("quote needs `| speaker`".into()))?;
                let opening = opening.trim();
                let speaker = speaker
                    .trim()
                    .strip_prefix("speaker")
                    .ok_or_else(|| err("expected `speaker NAME`".into()))?;
                let start = art
                    .text
                    .find(opening)
                    .ok_or_else(|| err(format!("quote `{opening}` not in text")))?;
                art.quotes.push(GoldQuote {
                    start,
                    opening: opening.into(),
                    speaker: speaker.trim().into(),
                });
            }
            "denial" => {
                let d = parse_denial(&art, value, line).map_err(err)?;
                art.denials.push(d);
            }
            other => return Err(err(format!("unknown key `{other}`"))),
        }
    }
    Ok(art)
}

fn parse_denial(art: &GoldArticle, value: &str, line: usize) -> Result<GoldDenial, String> {
    let f: Vec<&str> = value.split('|').map(str::trim).collect();
    let [cue, denier, denies] = f[..] else {
        return Err("denial needs `CUE | denier NAME | denies TRIGGER, …`".into());
    };
    let span = find_trigger(&art.text, cue).ok_or_else(|| format!("cue `{cue}` not in text"))?;
    let denier = denier.strip_prefix("denier").ok_or("expected `denier NAME`")?.trim();
    let denies = denies.strip_prefix("denies").ok_or("expected `denies TRIGGER, …`")?.trim();
    let denies: Vec<String> = if denies == "-" {
        Vec::new()
    } else {
        denies.split(',').map(|t| t.trim().to_string()).collect()
    };
    for t in &denies {
        if !art.events.iter().any(|e| &e.trigger == t) {
            return Err(format!("denied trigger `{t}` has no `event:` line above"));
        }
    }
    Ok(GoldDenial {
        cue: cue.into(),
        span,
        denier: if denier == "-" { String::new() } else { denier.into() },
        denies,
        line,
    })
}

fn parse_event(text: &str, value: &str, line: usize) -> Result<GoldEvent, String> {
    let mut parts = value.split('|').map(str::trim);
    let trigger = parts.next().unwrap_or_default().to_string();
    let span =
        find_trigger(text, &trigger).ok_or_else(|| format!("trigger `{trigger}` not in text"))?;
    let mut ev = GoldEvent {
        trigger,
        span,
        root: String::new(),
        source: String::new(),
        target: String::new(),
        modality: String::new(),
        historical: false,
        chain: Vec::new(),
        date: "unknown".into(),
        place: None,
        line,
    };
    for part in parts {
        let (k, v) = part.split_once(' ').ok_or_else(|| format!("field `{part}` has no value"))?;
        let v = v.trim();
        match k {
            "root" => ev.root = v.into(),
            "source" => ev.source = v.into(),
            "target" => ev.target = v.into(),
            "modality" => {
                if !model::Modality::ALL.iter().any(|m| m.as_str() == v) {
                    return Err(format!("unknown modality `{v}`"));
                }
                ev.modality = v.into();
            }
            "historical" => {
                ev.historical = match v {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(format!("historical must be yes/no, not `{v}`")),
                }
            }
            "chain" => {
                ev.chain = if v == "-" {
                    Vec::new()
                } else {
                    v.split('>').map(|s| s.trim().to_string()).collect()
                }
            }
            "date" => ev.date = v.into(),
            "place" => {
                ev.place = if v == "unknown" {
                    None
                } else {
                    let f: Vec<&str> = v.split('/').collect();
                    if f.len() != 3 {
                        return Err(format!("place must be Name/CC/precision, not `{v}`"));
                    }
                    Some((f[0].into(), f[1].into(), f[2].into()))
                }
            }
            other => return Err(format!("unknown event field `{other}`")),
        }
    }
    if ev.modality.is_empty() || ev.root.is_empty() {
        return Err("event needs at least root and modality".into());
    }
    Ok(ev)
}

/// The span of the n-th whole-word occurrence of `word#n` (n defaults to 1) in the body of a
/// news item: occurrences are counted after the headline (the text before the first blank line).
pub fn find_trigger(text: &str, trigger: &str) -> Option<Span> {
    let body = text.find("\n\n").map_or(0, |i| i + 2);
    find_trigger_from(text, body, trigger)
}

/// The span of the n-th whole-word occurrence of `word#n`, counting from byte `from`.
pub fn find_trigger_from(text: &str, from: usize, trigger: &str) -> Option<Span> {
    let (word, nth) = match trigger.rsplit_once('#') {
        Some((w, n)) => (w, n.parse::<usize>().ok()?),
        None => (trigger, 1),
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let mut seen = 0;
    let mut from = from;
    while let Some(pos) = text[from..].find(word) {
        let start = from + pos;
        let end = start + word.len();
        let before_ok = text[..start].chars().next_back().is_none_or(|c| !is_word(c));
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            seen += 1;
            if seen == nth {
                return Some(Span::new(start, end));
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_article_and_annotations() {
        let file = "Head\n\nThey attacked. They attacked again, \"it was bad\" he said.\n=== gold\npublished: 2020-01-02\noutlet: X\n\
event: attacked#2 | root 19 | source A | target B | modality asserted | historical no | chain witnesses > a man | date 2020-01-01 | place Kabul/AF/city\n\
quote: it was bad | speaker he\n";
        let g = parse("t", file, None).unwrap();
        assert_eq!(g.published, "2020-01-02");
        let e = &g.events[0];
        assert_eq!(e.span.slice(&g.text), Some("attacked"));
        assert!(e.span.start > 10, "second occurrence");
        assert_eq!(e.chain, ["witnesses", "a man"]);
        assert_eq!(e.place.as_ref().unwrap().1, "AF");
        assert_eq!(g.quotes[0].speaker, "he");
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let file = "T\n\nBody text.\n=== gold\nevent: missing | root 01 | modality asserted\n";
        let e = parse("f", file, None).unwrap_err();
        assert_eq!(e.line, 5);
        assert!(e.message.contains("not in text"));
    }

    #[test]
    fn the_committed_gold_files_parse() {
        let dir = testdata::workspace_root().join("tests/data/provenance");
        let mut n = 0;
        for sub in ["dev", "heldout"] {
            for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
                let path = entry.unwrap().path();
                let file = std::fs::read_to_string(&path).unwrap();
                let g = parse(&path.display().to_string(), &file, None)
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(!g.events.is_empty(), "{}", path.display());
                assert!(!g.published.is_empty() && !g.outlet.is_empty(), "{}", path.display());
                n += 1;
            }
        }
        assert!(n >= 40, "at least 40 gold articles, found {n}");
        if let Some(seed) = testdata::shared("seed/mko-plot-2009.txt") {
            let text = std::fs::read_to_string(seed).unwrap();
            let gold = std::fs::read_to_string(dir.join("seed.gold")).unwrap();
            let g = parse("seed.gold", &gold, Some(&text)).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(g.events.len(), 9);
        }
    }
}
