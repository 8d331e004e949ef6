//! Which dictionaries the coder uses: the built-in lexicon, plus (or instead of) the user's
//! `--dict` files.
//!
//! Precedence (documented in `lexicon/README.md` too): user files are loaded after the
//! built-in lexicon, so for the same phrase the user's entry is the one the coder finds;
//! `replace` drops the built-in lexicon entirely. A file's role comes from its name
//! (`*actors*`, `*agents*`, `*verbs*`/`CAMEO.2.0*`, `*nouns*`, `*discards*`, `*issues*`).

use coder::{Diagnostic, Dictionaries};
use std::path::PathBuf;

/// The role a dictionary file plays, from its name.
fn role(path: &std::path::Path) -> Option<&'static str> {
    let n = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    Some(if n.contains("actor") {
        "actors"
    } else if n.contains("agent") {
        "agents"
    } else if n.contains("verb") || n.contains("cameo.2.0") || n.contains("noun") {
        "verbs"
    } else if n.contains("discard") {
        "discards"
    } else if n.contains("issue") {
        "issues"
    } else {
        return None;
    })
}

/// Loads the dictionaries: built-in unless `replace`, then `user` files in order. Every
/// malformed line (and every file whose role cannot be told from its name) is a diagnostic;
/// the rest loads.
pub fn load(user: &[PathBuf], replace: bool) -> (Dictionaries, Vec<Diagnostic>) {
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    if !replace {
        for s in lexicon::SOURCES {
            let found = match s.kind {
                lexicon::Kind::Actors => d.actors.add_text(s.text, s.name),
                lexicon::Kind::Agents => d.agents.add_text(s.text, s.name),
                lexicon::Kind::Verbs | lexicon::Kind::Nouns => d.verbs.add_text(s.text, s.name),
                lexicon::Kind::Discards => d.discards.add_text(s.text, s.name),
            };
            diags.extend(found);
        }
    }
    for path in user {
        let name = path.display().to_string();
        let text = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                diags.push(Diagnostic::at(&name, 0, format!("cannot read: {e}")));
                continue;
            }
        };
        let found = match role(path) {
            Some("actors") => d.actors.add_text(&text, &name),
            Some("agents") => d.agents.add_text(&text, &name),
            Some("verbs") if coder::dict::verbs2::looks_like_cameo2(&text) => coder::dict::verbs2::add_text(&mut d.verbs, &text, &name),
            Some("verbs") => d.verbs.add_text(&text, &name),
            Some("discards") => d.discards.add_text(&text, &name),
            Some(_) => d.issues.add_text(&text, &name),
            None => vec![Diagnostic::at(&name, 0, "cannot tell the dictionary's role from its name (expected actors, agents, verbs, nouns, discards or issues in it)".to_string())],
        };
        diags.extend(found);
    }
    d.actors.finish();
    d.agents.finish();
    diags.extend(d.verbs.finish());
    (d, diags)
}
