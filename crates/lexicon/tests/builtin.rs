//! The built-in lexicon meets issue 5's minimums and lints clean: counts per category,
//! no duplicate keys with conflicting codes, no impossible dates, no malformed lines, every
//! CAMEO 3-digit code produced by some verb or noun entry. Failures name file:line.

use lexicon::{lint_builtin, Kind, SOURCES};

#[test]
fn builtin_lexicon_lints_clean() {
    let report = lint_builtin();
    let shown: Vec<String> = report.diagnostics.iter().take(40).map(|d| d.to_string()).collect();
    assert!(
        report.is_clean(),
        "{} lexicon problems, first ones:\n{}",
        report.diagnostics.len(),
        shown.join("\n")
    );
}

#[test]
fn builtin_lexicon_meets_the_issue_minimums() {
    let s = lint_builtin().stats;
    eprintln!(
        "countries {} international {} groups {} office holders {} agents {} verb entries {} codes {}",
        s.countries.len(),
        s.international,
        s.groups,
        s.office_holders,
        s.agents,
        s.verb_entries(),
        s.event_codes.len()
    );
    assert!(s.countries.len() >= 250, "countries and territories: {}", s.countries.len());
    assert!(s.international >= 150, "IGOs and NGOs: {}", s.international);
    assert!(s.groups >= 300, "groups, parties, movements: {}", s.groups);
    assert!(s.office_holders >= 800, "office holders with dated roles: {}", s.office_holders);
    assert!(s.agents >= 400, "agents: {}", s.agents);
    assert!(s.verb_entries() >= 2500, "verb, pattern and noun entries: {}", s.verb_entries());
    assert_eq!(s.missing_base_codes(), Vec::<&str>::new(), "CAMEO base codes without an entry");
    let roots: std::collections::BTreeSet<&str> = s.event_codes.iter().map(|c| &c[..2]).collect();
    assert_eq!(roots.len(), 20, "CAMEO roots covered: {roots:?}");
}

#[test]
fn every_kind_has_a_file_and_names_imply_kinds() {
    for kind in [Kind::Actors, Kind::Agents, Kind::Verbs, Kind::Nouns, Kind::Discards] {
        assert!(SOURCES.iter().any(|s| s.kind == kind), "{kind:?}");
    }
    for s in SOURCES {
        assert_eq!(Kind::from_file_name(s.name), Some(s.kind), "{}", s.name);
    }
}

/// The seed article's actors and events are in the lexicon in a general way (the coder's
/// seed test checks the events themselves).
#[test]
fn seed_article_vocabulary_is_covered() {
    let text = |name: &str| SOURCES.iter().find(|s| s.name.ends_with(name)).unwrap().text;
    let groups = text("groups.actors.txt");
    for alias in
        ["MUJAHEDEEN_KHALQ_ORGANIZATION_", "+MKO_", "+MEK_", "+PMOI_", "+MUJAHEDIN-E_KHALQ_"]
    {
        assert!(groups.contains(alias), "{alias}");
    }
    assert!(groups.contains("NATIONAL_COUNCIL_OF_RESISTANCE_OF_IRAN_\n+NCRI_"));
    assert!(groups.contains("+ISF_"), "Iraqi security forces");
    let leaders = text("leaders.actors.txt");
    let maliki = leaders.find("NOURI_AL-MALIKI_\n").expect("al-Maliki");
    let block = &leaders[maliki..maliki + 900];
    assert!(block.contains("+MALIKI_") && block.contains("+PRIME_MINISTER_MALIKI_"), "{block}");
    assert!(block.contains("[IRQGOV 20060520-20140908]") && block.contains("[IRQELI]"), "{block}");
    let verbs = text("verbs.txt");
    for p in [
        "- * HIMSELF_IN [080]",
        "- * TO EXPEL [130]",
        "- * + AS A TERRORIST_ORGANIZATION [172]",
        "- * OFFICIALS [180]",
        "- * UNSUCCESSFUL INVASION [192]",
    ] {
        assert!(verbs.contains(p), "{p}");
    }
    let nouns = text("nouns.txt");
    for p in ["--- MASSACRE [202] ---", "- SUICIDE * [1831]", "--- INVASION [192] ---"] {
        assert!(nouns.contains(p), "{p}");
    }
}

/// The compiled lexicon (built by the coder's loaders in build.rs) resolves names the way the
/// coder will: dated codes by date, undated fallback otherwise.
#[test]
fn compiled_lexicon_resolves_dated_office_holders() {
    let b = lexicon::builtin().expect("embedded lexicon");
    let actors = &b.dictionaries.actors;
    let code = |phrase: &str, date: u32| -> Option<String> {
        let words: Vec<&str> = phrase.split(' ').collect();
        let (p, n) = actors.index.match_at(&words, 0)?;
        assert_eq!(n, words.len(), "{phrase} matched only {n} words");
        actors.entries[p.entry as usize].code_on(Some(date)).map(str::to_string)
    };
    assert_eq!(code("NOURI AL-MALIKI", 20090120).as_deref(), Some("IRQGOV"));
    assert_eq!(code("PRIME MINISTER MALIKI", 20090120).as_deref(), Some("IRQGOV"));
    assert_eq!(code("MALIKI", 20160601).as_deref(), Some("IRQELI"));
    assert_eq!(code("BARACK OBAMA", 20050101).as_deref(), Some("USAELI"));
    assert_eq!(code("BARACK OBAMA", 20120101).as_deref(), Some("USAGOV"));
    assert_eq!(code("PRESIDENT BUSH", 19910101).as_deref(), Some("USAGOV"));
    assert_eq!(code("PRESIDENT BUSH", 19980101).as_deref(), Some("USAELI"));
    assert_eq!(code("MKO", 20090120).as_deref(), Some("IRNREB"));
    assert_eq!(
        code("PEOPLE'S MUJAHEDIN ORGANIZATION OF IRAN", 20090120).as_deref(),
        Some("IRNREB")
    );
    assert_eq!(code("TEHRAN", 20090120).as_deref(), Some("IRNGOV"));
    assert_eq!(code("TALIBAN", 20100101).as_deref(), Some("AFGINSTAL"));
    assert_eq!(code("TALIBAN", 20220101).as_deref(), Some("AFGGOVTAL"));
    assert_eq!(code("UNITED STATES", 20090120).as_deref(), Some("USA"));
    assert!(b.dictionaries.agents.entries.len() >= 400);
    assert!(b.dictionaries.verbs.pattern_count() >= 3000);
    assert!(b.nouns.verbs.forms.contains_key("MASSACRE"));
    assert!(lexicon::compiled_size() < 2_000_000, "{}", lexicon::compiled_size());
}

/// build.rs compiles exactly the files `SOURCES` lists, in that order.
#[test]
fn build_script_compiles_the_listed_sources() {
    let build = include_str!("../build.rs");
    let mut at = 0;
    for s in SOURCES {
        let file = s.name.trim_start_matches("lexicon/");
        let pos = build[at..]
            .find(&format!("(\"{file}\""))
            .unwrap_or_else(|| panic!("{file} not in build.rs order"));
        at += pos;
    }
}
