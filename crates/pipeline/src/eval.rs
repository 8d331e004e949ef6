//! Runs the whole pipeline over the provenance gold set (`tests/data/provenance`) and scores
//! it with `provenance::score`: modality, historical, attribution chains, quote speakers,
//! event dates and event locations.

use crate::Engine;
use model::{ContentHash, Hints, Origin, RawDocument};
use provenance::gold::{self, GoldArticle};
use provenance::score::{score_article, Predicted, Report};
use std::path::Path;

/// The engine the product runs: the committed models and the built-in lexicon.
pub fn builtin_engine() -> Result<Engine, String> {
    let models = depparse::Models::load_default().map_err(|e| format!("models: {e}"))?;
    let loaded = lexicon::load(&[], false).map_err(|e| format!("lexicon: {e}"))?;
    Ok(Engine::new(models, loaded))
}

/// The events the built-in engine codes in `text` (plain text published on `date`), as
/// (trigger text, sources, targets, code) with several actors joined by `+`: the shape the
/// coder-rule tests compare against.
pub fn coded_events(name: &str, text: &str, date: &str) -> Vec<(String, String, String, String)> {
    let engine = builtin_engine().expect("engine");
    let out = engine.code_raw(&plain_text(name, text, date, None)).expect("coded");
    let codes =
        |v: &[model::ActorRef]| v.iter().map(|a| a.code.clone()).collect::<Vec<_>>().join("+");
    out.events
        .iter()
        .map(|e| {
            let trig = text.get(e.trigger.start as usize..e.trigger.end as usize).unwrap_or("?");
            (trig.to_string(), codes(&e.sources), codes(&e.targets), e.code.clone())
        })
        .collect()
}

/// Whether a path names the held-out part, which the development aids refuse to read.
pub fn is_heldout(path: &str) -> bool {
    path.contains("heldout")
}

/// Reads every `*.txt` gold article of `dir` (sorted by name).
pub fn read_gold_dir(dir: &Path) -> Result<Vec<GoldArticle>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            gold::parse(&name, &text, None).map_err(|e| e.to_string())
        })
        .collect()
}

/// Codes one gold article as a plain-text news item with its publication date and outlet
/// given as container hints ([`raw_document`]), and returns what the scorer needs.
pub fn predict(engine: &Engine, g: &GoldArticle) -> Predicted {
    match engine.code_raw(&raw_document(g)) {
        Ok(c) => Predicted {
            text: c.article.text,
            outlet: c.article.outlet,
            events: c.events,
            quotes: c.quotes,
            denials: c.denials,
        },
        Err(_) => Predicted::default(),
    }
}

/// A plain-text news item named `name` (its origin and content hash), with its publication
/// date (empty: none) and outlet as container hints: how the suites and aids hand text to
/// [`Engine::code_raw`].
pub fn plain_text(name: &str, text: &str, date: &str, outlet: Option<&str>) -> RawDocument {
    RawDocument {
        origin: Origin { input: name.to_string(), offset: None, line: None },
        uri: None,
        fetched: None,
        content_type: Some("text/plain".into()),
        hash: ContentHash(name.to_string()),
        bytes: text.as_bytes().to_vec(),
        hints: Hints {
            title: None,
            date: (!date.is_empty()).then(|| date.to_string()),
            outlet: outlet.map(str::to_string),
            plain_text: true,
        },
    }
}

/// A gold article as the plain-text news item the scorer codes: its publication date and
/// outlet as container hints.
pub fn raw_document(g: &GoldArticle) -> RawDocument {
    let outlet = (!g.outlet.is_empty()).then_some(g.outlet.as_str());
    RawDocument {
        hash: ContentHash(format!("gold:{}", g.name)),
        ..plain_text(&g.name, &g.text, &g.published, outlet)
    }
}

/// Scores a set of gold articles.
pub fn score(engine: &Engine, golds: &[GoldArticle]) -> Report {
    let mut report = Report::default();
    for g in golds {
        let p = predict(engine, g);
        score_article(g, &p, &mut report);
    }
    report
}
