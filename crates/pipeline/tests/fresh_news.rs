//! Fresh-news cases (issue 5): short wire-style reports written by the Annalist authors, with
//! the events a CAMEO coder would record written before the product coded them
//! (`tests/cases/fresh_news_*.txt`, format in the files' headers). Each report goes through
//! [`pipeline::Engine`] with the built-in lexicon as a plain-text document, as `annalist code`
//! reads it. The first file of a session measures the product on news it was not tuned on;
//! once the coder has been worked on against it, it is a development set, and the next session
//! writes a new one.
//!
//! Scoring: an expected event passes when one coded event has a code of the same root as one
//! of its alternatives and both actors right at the country level (first three letters;
//! IGO/NGO/IMG one class; `*` any actor; `---` no actor of any country — an event with no
//! source passes, one whose source is a coded country does not). `expect: none` passes when
//! nothing is coded. `strict%` (printed, not a floor) also wants the exact code.
//!
//! Sets: s9, s9b, s9c, s10, s10b, s11, s12, s13, s14k (every `fresh_news_*.txt` here is read; each has a
//! `coder.fresh_news_<set>.pct` floor in `ci/floors.txt`).
//!
//! Development: `FRESH_MISSES=1` prints every miss with the events coded; `FRESH_ALL=1` prints
//! every report's events.

use std::collections::BTreeMap;
use std::path::PathBuf;

struct Expect {
    sources: Vec<String>,
    targets: Vec<String>,
    codes: Vec<String>,
}

struct Case {
    file: String,
    line: usize,
    name: String,
    date: String,
    text: String,
    expect: Vec<Expect>,
    none: bool,
}

fn alternatives(s: &str) -> Vec<String> {
    s.split('|').map(str::to_string).collect()
}

fn parse(file: &str, text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expect = false;
    for (i, raw) in text.lines().enumerate() {
        let at = format!("{file}:{}", i + 1);
        if raw.trim_start().starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if let Some(name) = raw.strip_prefix("=== case:") {
            cases.push(Case {
                file: file.to_string(),
                line: i + 1,
                name: name.trim().to_string(),
                date: String::new(),
                text: String::new(),
                expect: Vec::new(),
                none: false,
            });
            in_expect = false;
            continue;
        }
        let case = cases.last_mut().unwrap_or_else(|| panic!("{at}: a line before the first case"));
        if raw.starts_with(' ') || raw.starts_with('\t') {
            assert!(in_expect, "{at}: an indented line outside `expect:`");
            let f: Vec<&str> = raw.split_whitespace().collect();
            assert_eq!(f.len(), 3, "{at}: an expect line is `SOURCE TARGET CODE`");
            case.expect.push(Expect {
                sources: alternatives(f[0]),
                targets: alternatives(f[1]),
                codes: alternatives(f[2]),
            });
            continue;
        }
        let (k, v) = raw.split_once(':').unwrap_or_else(|| panic!("{at}: expected `key: value`"));
        let v = v.trim().to_string();
        in_expect = false;
        match k.trim() {
            "date" => case.date = v,
            "text" => case.text = v,
            "expect" if v == "none" => case.none = true,
            "expect" if v.is_empty() => in_expect = true,
            other => panic!("{at}: unknown key `{other}`"),
        }
    }
    for c in &cases {
        assert!(!c.text.is_empty(), "{}:{}: case without text", c.file, c.line);
        assert!(c.none == c.expect.is_empty(), "{}:{}: expect events or none", c.file, c.line);
    }
    cases
}

/// The actor class the suite scores: the country, or one class for international bodies.
fn country(code: &str) -> &str {
    let c = code.get(..3).unwrap_or(code);
    match c {
        "NGO" | "IMG" => "IGO",
        _ => c,
    }
}

/// Whether coded actors satisfy one gold actor with alternatives.
fn actor_ok(gold: &[String], coded: &[model::ActorRef]) -> bool {
    gold.iter().any(|g| match g.as_str() {
        "*" => true,
        "---" => coded.iter().all(|a| {
            let c = country(&a.code);
            c.is_empty() || c == "---"
        }),
        g => coded.iter().any(|a| country(&a.code) == country(g)),
    })
}

fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

fn raw(text: &str, date: &str, id: &str) -> model::RawDocument {
    pipeline::eval::plain_text(id, text, date, None)
}

fn show(e: &model::Event, text: &str) -> String {
    let codes = |v: &[model::ActorRef]| {
        let s = v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join("+");
        if s.is_empty() {
            "_".to_string()
        } else {
            s
        }
    };
    format!(
        "{} {}->{} '{}'{}",
        e.code,
        codes(&e.sources),
        codes(&e.targets),
        e.trigger.slice(text).unwrap_or(""),
        if e.negated { " negated" } else { "" }
    )
}

#[test]
fn fresh_news_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("fresh_news_"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fresh_news_*.txt under {}", dir.display());
    let engine = pipeline::eval::builtin_engine().expect("engine");
    let misses = std::env::var_os("FRESH_MISSES").is_some();
    let all = std::env::var_os("FRESH_ALL").is_some();
    // per file: (expected, passed, strict, coded events, coded events matching no expectation)
    let mut tally: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(f).expect("read case file");
        let cases = parse(&name, &text);
        assert!(cases.len() >= 10, "{name}: expected at least 10 cases");
        let t = tally.entry(name.clone()).or_default();
        for (k, c) in cases.iter().enumerate() {
            let coded = engine
                .code_raw(&raw(&c.text, &c.date, &format!("{name}#{k}")))
                .unwrap_or_else(|e| panic!("{name}:{}: {e}", c.line));
            let text = &coded.article.text;
            let got: Vec<String> = coded.events.iter().map(|e| show(e, text)).collect();
            t[3] += coded.events.len();
            if c.none {
                t[0] += 1;
                let pass = coded.events.is_empty();
                t[1] += pass as usize;
                t[2] += pass as usize;
                t[4] += coded.events.len();
                if (misses && !pass) || all {
                    println!(
                        "{} {name}:{} `{}`: want none, got [{}]\n     {}",
                        if pass { "ok  " } else { "MISS" },
                        c.line,
                        c.name,
                        got.join("; "),
                        c.text
                    );
                }
                continue;
            }
            let mut used = vec![false; coded.events.len()];
            for x in &c.expect {
                t[0] += 1;
                let actors_ok = |e: &model::Event| {
                    actor_ok(&x.sources, &e.sources) && actor_ok(&x.targets, &e.targets)
                };
                let mut pass = false;
                let mut strict = false;
                for (i, e) in coded.events.iter().enumerate() {
                    if x.codes.iter().any(|g| root(g) == e.root) && actors_ok(e) {
                        pass = true;
                        used[i] = true;
                        strict |= x.codes.contains(&e.code);
                    }
                }
                t[1] += pass as usize;
                t[2] += strict as usize;
                if (misses && !pass) || all {
                    println!(
                        "{} {name}:{} `{}`: want {}->{} {}, got [{}]\n     {}",
                        if pass { "ok  " } else { "MISS" },
                        c.line,
                        c.name,
                        x.sources.join("|"),
                        x.targets.join("|"),
                        x.codes.join("|"),
                        got.join("; "),
                        c.text
                    );
                }
            }
            t[4] += used.iter().filter(|u| !**u).count();
        }
    }
    let pct = |a: usize, n: usize| if n == 0 { 0.0 } else { 100.0 * a as f64 / n as f64 };
    for (name, t) in &tally {
        println!(
            "fresh news {name}: {}/{} expected events passed ({:.1}%), strict {:.1}%; \
             {} events coded, {} matching no expectation",
            t[1],
            t[0],
            pct(t[1], t[0]),
            pct(t[2], t[0]),
            t[3],
            t[4]
        );
    }
    for (name, t) in &tally {
        let stem = name.trim_end_matches(".txt");
        testdata::assert_floor(&format!("coder.{stem}.pct"), pct(t[1], t[0]));
    }
}
