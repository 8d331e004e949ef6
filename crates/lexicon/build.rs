//! Build script: compiles the text lexicon under `lexicon/` with the coder's own dictionary
//! loaders into the compact binary (postcard) that `lexicon::builtin()` embeds. A malformed
//! line becomes a cargo warning naming `file:line` and the rest still compiles; the crate's
//! lint test fails on it, so it cannot go unnoticed. The list of files must match
//! `lexicon::SOURCES` (checked by a test).

use std::{env, fs, path::PathBuf};

/// (file under `lexicon/`, kind)
const FILES: &[(&str, &str)] = &[
    ("countries.actors.txt", "actors"),
    ("international.actors.txt", "actors"),
    ("places.actors.txt", "actors"),
    ("ethnic.actors.txt", "actors"),
    ("groups.actors.txt", "actors"),
    ("leaders.actors.txt", "actors"),
    ("leaders-history.actors.txt", "actors"),
    ("agents.txt", "agents"),
    ("verbs.txt", "verbs"),
    ("nouns.txt", "nouns"),
    ("discards.txt", "discards"),
];

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("..").join("..").join("lexicon");
    let mut dicts = coder::Dictionaries::default();
    let mut nouns = coder::Dictionaries::default();
    let mut diags = Vec::new();
    for (file, kind) in FILES {
        let path = root.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => panic!("built-in lexicon file {} unreadable: {e}", path.display()),
        };
        let name = format!("lexicon/{file}");
        diags.extend(match *kind {
            "actors" => dicts.actors.add_text(&text, &name),
            "agents" => dicts.agents.add_text(&text, &name),
            "verbs" => dicts.verbs.add_text(&text, &name),
            "nouns" => nouns.verbs.add_text(&text, &name),
            "discards" => dicts.discards.add_text(&text, &name),
            other => panic!("unknown lexicon kind {other}"),
        });
    }
    dicts.actors.finish();
    dicts.agents.finish();
    diags.extend(dicts.verbs.finish());
    diags.extend(nouns.verbs.finish());
    for d in &diags {
        println!("cargo:warning={d}");
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, d: &coder::Dictionaries| {
        let bytes = d.to_bytes().unwrap_or_else(|e| panic!("serializing the lexicon: {e}"));
        fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    };
    write("dictionaries.bin", &dicts);
    write("nouns.bin", &nouns);
}
