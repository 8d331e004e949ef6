//! The dictionaries a run uses: the built-in lexicon plus (or instead of) the user's `--dict`
//! files, with the precedence `lexicon/README.md` documents — same key, the user's entry wins;
//! `replace` drops the built-in set.
//!
//! How "user wins" is achieved: the coder's indexes return, for two identical phrases (or
//! verb forms), the one loaded first. So user files are loaded first (in command-line order;
//! for a key defined in two user files the earlier file wins) and the built-in sources after
//! them. Without user files the compiled built-in lexicon is used as is (no parsing).

use crate::{builtin, Error, Kind, SOURCES};
use coder::{Diagnostic, Dictionaries};
use std::path::PathBuf;

/// Dictionaries ready for the coder, with every problem met while loading them.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dictionaries: Dictionaries,
    /// Nominal triggers (in `dictionaries.verbs` form): built-in `nouns.txt` plus user
    /// `*nouns*` files.
    pub nouns: Dictionaries,
    /// Malformed lines (`file:line: message`), unreadable files, files of unknown kind.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a user file is, from its name: a lexicon kind, a PETRARCH2 `CAMEO.2.0` verb file or
/// an issues file.
fn user_kind(name: &str) -> Option<Result<Kind, &'static str>> {
    let n = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
    if n.contains("issue") {
        return Some(Err("issues"));
    }
    if n.starts_with("cameo") {
        return Some(Ok(Kind::Verbs));
    }
    Kind::from_file_name(name).map(Ok)
}

/// Whether a user file's name tells what it holds (see [`load`]); a file whose name does not is
/// reported and not loaded.
pub fn kind_known(name: &str) -> bool {
    user_kind(name).is_some()
}

/// Loads `user` files (by path) and, unless `replace`, the built-in lexicon after them.
pub fn load(user: &[PathBuf], replace: bool) -> Result<Loaded, Error> {
    let files: Vec<(String, Result<String, String>)> = user
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            let text = std::fs::read(p)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|e| e.to_string());
            (name, text)
        })
        .collect();
    load_texts(&files, replace)
}

/// As [`load`], with the user files given as (name, text or read error).
pub fn load_texts(
    user: &[(String, Result<String, String>)],
    replace: bool,
) -> Result<Loaded, Error> {
    if user.is_empty() && !replace {
        let b = builtin()?;
        return Ok(Loaded {
            dictionaries: b.dictionaries.clone(),
            nouns: b.nouns.clone(),
            diagnostics: Vec::new(),
        });
    }
    let mut d = Dictionaries::default();
    let mut nouns = Dictionaries::default();
    let mut diags = Vec::new();
    // Of two identical actor or agent phrases the coder keeps the later (as in the field's
    // dictionaries), so user actor and agent files are read after the built-in set; other
    // kinds are read before it.
    let phrase_kind =
        |name: &str| matches!(user_kind(name), Some(Ok(Kind::Actors)) | Some(Ok(Kind::Agents)));
    // Diagnostics of user files are reported in the order the files were given.
    let mut user_diags: Vec<Vec<Diagnostic>> = vec![Vec::new(); user.len()];
    for (i, (name, text)) in user.iter().enumerate() {
        if !phrase_kind(name) {
            user_diags[i] = add_user(&mut d, &mut nouns, name, text);
        }
    }
    let mut builtin_diags = Vec::new();
    if !replace {
        for s in SOURCES {
            builtin_diags.extend(add(&mut d, &mut nouns, s.kind, s.text, s.name));
        }
    }
    // Reversed, so that among user files the earlier one still wins.
    for (i, (name, text)) in user.iter().enumerate().rev() {
        if phrase_kind(name) {
            user_diags[i] = add_user(&mut d, &mut nouns, name, text);
        }
    }
    diags.extend(user_diags.into_iter().flatten());
    diags.extend(builtin_diags);
    d.actors.finish();
    d.agents.finish();
    diags.extend(d.verbs.finish());
    diags.extend(nouns.verbs.finish());
    // The built-in lexicon codes capitals as their governments (metonyms).
    d.metonym_capitals = !replace;
    Ok(Loaded { dictionaries: d, nouns, diagnostics: diags })
}

/// Reads one user file (or reports why it cannot be read) into the dictionaries.
fn add_user(
    d: &mut Dictionaries,
    nouns: &mut Dictionaries,
    name: &str,
    text: &Result<String, String>,
) -> Vec<Diagnostic> {
    let text = match text {
        Ok(t) => t,
        Err(e) => return vec![Diagnostic::at(name, 0, format!("cannot read: {e}"))],
    };
    match user_kind(name) {
        Some(Ok(kind)) => add(d, nouns, kind, text, name),
        Some(Err(_issues)) => d.issues.add_text(text, name),
        None => vec![Diagnostic::at(
            name,
            0,
            "cannot tell the dictionary's kind from its name (expected actors, agents, \
             verbs, nouns, discards or issues in it, or CAMEO.2.0 for verbs)",
        )],
    }
}

fn add(
    d: &mut Dictionaries,
    nouns: &mut Dictionaries,
    kind: Kind,
    text: &str,
    name: &str,
) -> Vec<Diagnostic> {
    match kind {
        Kind::Actors => d.actors.add_text(text, name),
        Kind::Agents => d.agents.add_text(text, name),
        Kind::Verbs if coder::dict::verbs2::looks_like_cameo2(text) => {
            coder::dict::verbs2::add_text(&mut d.verbs, text, name)
        }
        Kind::Verbs => d.verbs.add_text(text, name),
        Kind::Nouns => nouns.verbs.add_text(text, name),
        Kind::Discards => d.discards.add_text(text, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(d: &Dictionaries, phrase: &str, date: u32) -> Option<String> {
        let words: Vec<&str> = phrase.split(' ').collect();
        let (p, n) = d.actors.index.match_at(&words, 0)?;
        (n == words.len()).then_some(())?;
        d.actors.entries[p.entry as usize].code_on(Some(date)).map(str::to_string)
    }

    #[test]
    fn user_entry_wins_over_the_builtin_one() {
        let user = vec![(
            "my.actors.txt".to_string(),
            Ok("MKO_\n\t[IRNOPP]\nGONDOR_\n\t[GON]\n".to_string()),
        )];
        let l = load_texts(&user, false).unwrap();
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        assert_eq!(code(&l.dictionaries, "MKO", 20090101).as_deref(), Some("IRNOPP"));
        assert_eq!(code(&l.dictionaries, "GONDOR", 20090101).as_deref(), Some("GON"));
        // Other built-in names are still there.
        assert_eq!(code(&l.dictionaries, "MEK", 20090101).as_deref(), Some("IRNREB"));
    }

    #[test]
    fn among_user_files_the_earlier_one_wins() {
        let user = vec![
            ("a.actors.txt".to_string(), Ok("GONDOR_\n\t[GON]\n".to_string())),
            ("b.actors.txt".to_string(), Ok("GONDOR_\n\t[ARN]\n".to_string())),
        ];
        for replace in [false, true] {
            let l = load_texts(&user, replace).unwrap();
            assert_eq!(code(&l.dictionaries, "GONDOR", 20090101).as_deref(), Some("GON"));
        }
    }

    #[test]
    fn replace_drops_the_builtin_set_and_bad_lines_are_located() {
        let user = vec![
            (
                "my.actors.txt".to_string(),
                Ok("GONDOR_\n\t[GON 20091340-20100101]\n\t[GON]\n".to_string()),
            ),
            ("missing.actors.txt".to_string(), Err("no such file".to_string())),
            ("mystery.txt".to_string(), Ok("X\n".to_string())),
        ];
        let l = load_texts(&user, true).unwrap();
        assert_eq!(code(&l.dictionaries, "MKO", 20090101), None);
        assert_eq!(code(&l.dictionaries, "GONDOR", 20090101).as_deref(), Some("GON"));
        let msgs: Vec<String> = l.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("my.actors.txt:2: "), "{msgs:?}");
        assert!(msgs[1].starts_with("missing.actors.txt: cannot read"), "{msgs:?}");
        assert!(msgs[2].contains("cannot tell the dictionary's kind"), "{msgs:?}");
    }

    #[test]
    fn without_user_files_the_compiled_lexicon_is_used() {
        let l = load_texts(&[], false).unwrap();
        assert!(l.diagnostics.is_empty());
        assert_eq!(code(&l.dictionaries, "TEHRAN", 20090101).as_deref(), Some("IRNGOV"));
        assert!(l.nouns.verbs.forms.contains_key("MASSACRE"));
    }
}
