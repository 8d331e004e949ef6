//! Coder cases as data: every `tests/cases/*.txt` file holds cases a dictionary maintainer
//! can read and edit — a sentence, its parse, a dictionary snippet and the events expected.
//!
//! ```text
//! === case: passive by-agent is the source
//! date: 20090101
//! text: Gondor was attacked by Arnor.
//! parse: (ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Arnor))))) (. .)))
//! actors:
//!     ARNOR [ARN]
//! verbs:
//!     --- ATTACK [190] ---
//!     ATTACK
//! expect:
//!     ARN GON 190
//! ```
//! `parse:` is a one-line Treebank parse, or `conllu:` followed by indented CoNLL-U rows.
//! Dictionary sections (`actors`, `agents`, `verbs`, `discards`) use the field's formats;
//! sections given once before the first case apply to every case of the file. An `expect`
//! line is `SOURCE TARGET CODE` plus optional flags `negated`, `passive`; `expect: none`
//! means no event. `options: field` codes with the field's validation options (Annalist's
//! product rules off), as the validation suites do; `options: one-sided` keeps events with
//! one side unnamed (`---`), as `annalist code` does; `metonym_capitals: yes` marks the actor
//! snippet as coding capitals as their governments (as the built-in lexicon does). Lines
//! starting with `#` are comments.

use coder::input::{conllu, treebank};
use coder::{code_sentence, Dictionaries, Options};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Default, Clone)]
struct Case {
    name: String,
    line: usize,
    fields: BTreeMap<String, String>,
}

fn parse_file(text: &str) -> (BTreeMap<String, String>, Vec<Case>) {
    let mut shared = BTreeMap::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut key: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        if raw.trim_start().starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if let Some(name) = raw.strip_prefix("=== case:") {
            cases.push(Case { name: name.trim().to_string(), line: i + 1, ..Case::default() });
            key = None;
            continue;
        }
        let fields = match cases.last_mut() {
            Some(c) => &mut c.fields,
            None => &mut shared,
        };
        if raw.starts_with(' ') || raw.starts_with('\t') {
            let k = key
                .clone()
                .unwrap_or_else(|| panic!("line {}: indented line outside a section", i + 1));
            let v = fields.entry(k).or_default();
            v.push_str(raw.trim_start_matches("    ").trim_start_matches('\t'));
            v.push('\n');
            continue;
        }
        let (k, v) =
            raw.split_once(':').unwrap_or_else(|| panic!("line {}: expected `key: value`", i + 1));
        let k = k.trim().to_string();
        let v = v.trim();
        fields.insert(k.clone(), if v.is_empty() { String::new() } else { format!("{v}\n") });
        key = Some(k);
    }
    (shared, cases)
}

fn run_case(file: &str, shared: &BTreeMap<String, String>, c: &Case) -> Result<(), String> {
    let get = |k: &str| c.fields.get(k).or_else(|| shared.get(k)).cloned().unwrap_or_default();
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    diags.extend(d.actors.add_text(&get("actors"), "actors"));
    diags.extend(d.agents.add_text(&get("agents"), "agents"));
    diags.extend(d.verbs.add_text(&get("verbs"), "verbs"));
    diags.extend(d.discards.add_text(&get("discards"), "discards"));
    // `metonym_capitals: yes`: the actor snippet codes capitals as their governments, as the
    // built-in lexicon does.
    d.metonym_capitals = get("metonym_capitals").trim() == "yes";
    d.actors.finish();
    d.agents.finish();
    diags.extend(d.verbs.finish());
    if !diags.is_empty() {
        return Err(format!("dictionary snippet has problems: {diags:?}"));
    }
    let text = get("text");
    let text = text.trim_end();
    let sentence = if !get("parse").is_empty() {
        let tree = treebank::parse_tree(get("parse").trim()).map_err(|e| e.to_string())?;
        treebank::to_sentence(&tree, text, 0).0
    } else {
        conllu::parse_rows(&get("conllu"), text, 0).map_err(|e| e.to_string())?.0
    };
    for t in &sentence.tokens {
        if t.span.slice(text) != Some(t.form.as_str())
            && !t.form.starts_with('-')
            && !t.form.contains('`')
            && !t.form.contains('\'')
        {
            return Err(format!(
                "token `{}` does not slice back from its span {:?}",
                t.form, t.span
            ));
        }
    }
    let date = coder::date::parse_date(get("date").trim()).ok();
    // `options: field`: the field's validation options (no product rules), as
    // `coder::validate::run` codes the field's records.
    let opts = match get("options").trim() {
        "field" => Options {
            intent: false,
            clauses: false,
            statement_clauses: false,
            ..Options::default()
        },
        // `options: one-sided`: as `annalist code`, which keeps events with one side unnamed.
        "one-sided" => Options { require_dyad: false, ..Options::default() },
        _ => Options::default(),
    };
    let events = code_sentence(&sentence, date, &d, &opts).unwrap_or_default();
    let mut got: Vec<String> = events
        .iter()
        .map(|e| {
            let mut s = format!("{} {} {}", e.source.code, e.target.code, e.code);
            if e.negated {
                s.push_str(" negated");
            }
            if e.passive {
                s.push_str(" passive");
            }
            s
        })
        .collect();
    got.sort();
    got.dedup();
    let mut want: Vec<String> = get("expect")
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty() && l != "none")
        .collect();
    want.sort();
    for e in &events {
        for sp in [e.trigger, e.source.span, e.target.span] {
            if sp.slice(text).is_none() {
                return Err(format!("span {sp:?} does not slice the text"));
            }
        }
    }
    if got != want {
        return Err(format!("{file}:{} `{}`: expected {want:?}, produced {got:?}", c.line, c.name));
    }
    Ok(())
}

#[test]
fn coder_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read case file");
        let (shared, cases) = parse_file(&text);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for c in &cases {
            count += 1;
            if let Err(e) = run_case(&name, &shared, c) {
                failures.push(e);
            }
        }
    }
    assert!(count >= 10, "expected at least 10 cases, found {count}");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
