//! TABARI's validation suite (GPL test fixtures, read at test time only): its dictionaries
//! load through our readers and its 467 standard records are read, also as a record file
//! for `annalist validate` with the dictionaries its project file names. Coding them needs
//! raw text parsed by our own parser (`--parse ours`): the pass rate is scored in
//! `crates/pipeline/tests/plover.rs`, where the parser lives.

use coder::dict::DictionaryFiles;
use coder::input::records::Expectation;
use coder::input::tabari::read_validate_text;

#[test]
fn tabari_suite_reads() {
    let Some(text) = testdata::shared("data/tabari/Validate.text") else { return };
    let dir = text.parent().expect("folder").to_path_buf();
    let (records, diags) =
        read_validate_text(&std::fs::read_to_string(&text).expect("read"), "Validate.text");
    println!("{} records, {} diagnostics", records.len(), diags.len());
    for d in diags.iter().take(10) {
        println!("  {d}");
    }
    assert!(records.len() >= 440, "{} records", records.len());
    let with_events = records.iter().filter(|r| matches!(r.expect, Expectation::Events(_))).count();
    assert!(with_events >= 350, "{with_events} records with expected events");

    let files = DictionaryFiles {
        actors: vec![dir.join("TABARI.Demo.actors")],
        agents: vec![dir.join("Validate.agents")],
        verbs: vec![dir.join("TABARI.Demo.verbs")],
        ..DictionaryFiles::default()
    };
    let loaded = files.load();
    println!("dictionary diagnostics: {}", loaded.diagnostics.len());
    for d in loaded.diagnostics.iter().take(20) {
        println!("  {d}");
    }
    let d = &loaded.value;
    assert!(d.actors.entries.len() > 100, "{} actors", d.actors.entries.len());
    assert!(d.verbs.blocks.len() > 100, "{} verb blocks", d.verbs.blocks.len());
    assert!(d.verbs.forms.contains_key("RESTORED"));

    let (file, _) = coder::validate::read_record_file(&text).expect("record file");
    assert!(file.records.len() >= 400, "{} scored records", file.records.len());
    assert_eq!(file.environment.verbfile.as_deref(), Some("TABARI.Demo.verbs"));
    assert_eq!(file.environment.actorfiles, vec!["TABARI.Demo.actors".to_string()]);
    assert!(file.records.iter().all(|r| r.parse.is_empty() && !r.text.is_empty()));
}
