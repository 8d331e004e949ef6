//! The field's dictionary formats, one module per format, each compiled into an in-memory
//! form that can be serialized (serde) so a lexicon can be compiled once at build time.
//!
//! Every loader takes the text and a name for diagnostics, reports every malformed line as
//! `name:line: message`, and keeps the rest ([`crate::Partial`]).

pub mod actors;
pub mod discards;
pub mod issues;
pub mod verbs;
pub mod verbs2;

use crate::diag::{Diagnostic, Partial};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub use actors::{ActorDict, AgentDict};
pub use discards::DiscardDict;
pub use issues::IssueDict;
pub use verbs::VerbDict;

/// Longest dictionary line we accept; longer lines are reported and skipped (bounded memory).
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Everything the coder needs, compiled.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Dictionaries {
    pub actors: ActorDict,
    pub agents: AgentDict,
    pub verbs: VerbDict,
    pub discards: DiscardDict,
    pub issues: IssueDict,
    /// The actor dictionaries code capitals and seats of government as their government, a
    /// metonym (Annalist's lexicon: `TEHRAN_` → `IRNGOV`), where the field's dictionaries
    /// code such a name as the country or as they please: then a capital after "in"/"at"
    /// names a place, its country ("a protest in Beijing": CHN), with any options. Set by
    /// the loader of the built-in lexicon; not stored in the compiled form.
    #[serde(skip)]
    pub metonym_capitals: bool,
}

impl Dictionaries {
    /// A compact binary form (postcard) of the compiled dictionaries.
    pub fn to_bytes(&self) -> Result<Vec<u8>, crate::Error> {
        postcard::to_allocvec(self).map_err(|e| crate::Error::Serialize(e.to_string()))
    }

    /// Reads what [`Dictionaries::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Dictionaries, crate::Error> {
        postcard::from_bytes(bytes).map_err(|e| crate::Error::Serialize(e.to_string()))
    }
}

/// Which file plays which role; paths are read as they are given.
#[derive(Debug, Clone, Default)]
pub struct DictionaryFiles {
    pub actors: Vec<std::path::PathBuf>,
    pub agents: Vec<std::path::PathBuf>,
    pub verbs: Vec<std::path::PathBuf>,
    pub discards: Vec<std::path::PathBuf>,
    pub issues: Vec<std::path::PathBuf>,
}

impl DictionaryFiles {
    /// Loads and compiles every file. An unreadable file is a diagnostic, not an error: the
    /// rest still loads. Verb files in the CAMEO.2.0 synset format are recognised by content.
    pub fn load(&self) -> Partial<Dictionaries> {
        let mut diags = Vec::new();
        let mut d = Dictionaries::default();
        let read = |p: &Path, diags: &mut Vec<Diagnostic>| -> Option<(String, String)> {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            match std::fs::read(p) {
                Ok(bytes) => Some((name, String::from_utf8_lossy(&bytes).into_owned())),
                Err(e) => {
                    diags.push(Diagnostic::at(
                        &p.display().to_string(),
                        0,
                        format!("cannot read: {e}"),
                    ));
                    None
                }
            }
        };
        for p in &self.actors {
            if let Some((name, text)) = read(p, &mut diags) {
                diags.extend(d.actors.add_text(&text, &name));
            }
        }
        for p in &self.agents {
            if let Some((name, text)) = read(p, &mut diags) {
                diags.extend(d.agents.add_text(&text, &name));
            }
        }
        for p in &self.verbs {
            if let Some((name, text)) = read(p, &mut diags) {
                if verbs2::looks_like_cameo2(&text) {
                    diags.extend(verbs2::add_text(&mut d.verbs, &text, &name));
                } else {
                    diags.extend(d.verbs.add_text(&text, &name));
                }
            }
        }
        for p in &self.discards {
            if let Some((name, text)) = read(p, &mut diags) {
                diags.extend(d.discards.add_text(&text, &name));
            }
        }
        for p in &self.issues {
            if let Some((name, text)) = read(p, &mut diags) {
                diags.extend(d.issues.add_text(&text, &name));
            }
        }
        d.actors.finish();
        d.agents.finish();
        diags.extend(d.verbs.finish());
        Partial::new(d, diags)
    }
}

/// One logical dictionary line: its 1-based number and its text without comments.
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

/// Splits `text` into lines, dropping `<!-- … -->` blocks (possibly spanning lines), other
/// `<…>` markup lines, `#` comments (outside `[…]`) and blank lines. Over-long lines are
/// reported and dropped.
pub(crate) fn lines<'a>(text: &'a str, name: &str, diags: &mut Vec<Diagnostic>) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        if raw.len() > MAX_LINE_BYTES {
            diags.push(Diagnostic::at(
                name,
                no,
                format!("line longer than {MAX_LINE_BYTES} bytes skipped"),
            ));
            continue;
        }
        let mut s = raw;
        if in_comment {
            match s.find("-->") {
                Some(k) => {
                    in_comment = false;
                    s = &s[k + 3..];
                }
                None => continue,
            }
        }
        let t = s.trim_start();
        if t.starts_with("<!--") {
            if !t.contains("-->") {
                in_comment = true;
            }
            continue;
        }
        if t.starts_with('<') {
            continue; // other markup, e.g. `<! -- NEW ACTORS -->`
        }
        let body = strip_comment(s).trim_end();
        if body.trim().is_empty() {
            continue;
        }
        out.push(Line { no, text: body });
    }
    out
}

/// Removes a `#` comment, or a TABARI ` ;` comment, that is not inside `[…]` (codes such as
/// `[###]` contain `#`).
pub(crate) fn strip_comment(s: &str) -> &str {
    let mut depth = 0i32;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' if depth <= 0 => return &s[..i],
            ';' if depth <= 0 && prev_space => return &s[..i],
            _ => {}
        }
        prev_space = c.is_whitespace();
    }
    s
}

/// Blanks TABARI's `<NAME>…</NAME>` sections that hold no dictionary entries of the kind
/// being read (e.g. `<TIME>` shifts, `<NOUN>`/`<ADJECTIVE>` lists), keeping line numbers.
pub(crate) fn blank_sections(text: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skipping: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if let Some(end) = &skipping {
            if t.eq_ignore_ascii_case(end) {
                skipping = None;
            }
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
            continue;
        }
        if let Some(n) = names.iter().find(|n| t.eq_ignore_ascii_case(&format!("<{n}>"))) {
            skipping = Some(format!("</{n}>"));
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
            continue;
        }
        out.push_str(line);
    }
    out
}

/// Upper-cases a dictionary or text word the way the field's coders compare words.
pub fn norm_word(w: &str) -> String {
    w.to_uppercase()
}

/// The stem and suffix of [`noun_plurals`]' plural of `w` (`CITY` → `CIT` + `IES`).
pub(crate) fn noun_plural_parts(w: &str) -> Option<(&str, &'static [u8])> {
    if w.is_empty() || !w.chars().last().is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    let b = w.as_bytes();
    let last = b[b.len() - 1];
    let prev = if b.len() > 1 { b[b.len() - 2] } else { b'A' };
    Some(if last == b'Y' && !b"AEIOU".contains(&prev) {
        (&w[..w.len() - 1], b"IES")
    } else if w.ends_with('S')
        || w.ends_with('X')
        || w.ends_with('Z')
        || w.ends_with("CH")
        || w.ends_with("SH")
    {
        (w, b"ES")
    } else {
        (w, b"S")
    })
}

/// Regular English plural forms of a noun (`MINISTRY` → `MINISTRIES`), used for dictionary
/// phrases that are not stopped with a final `_`.
pub(crate) fn noun_plurals(w: &str) -> Vec<String> {
    noun_plural_parts(w)
        .map(|(stem, suffix)| {
            let mut p = String::with_capacity(stem.len() + suffix.len());
            p.push_str(stem);
            p.extend(suffix.iter().map(|&b| char::from(b)));
            p
        })
        .into_iter()
        .collect()
}
