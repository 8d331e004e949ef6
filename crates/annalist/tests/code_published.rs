//! `annalist code --published DATE`: the date completes a dateline that gives no year and
//! anchors the article's relative dates; a date the document gives wins; a day that does not
//! exist is a usage error naming the value.

use std::process::{Command, Output};

fn code(args: &[&str], text: &str, name: &str) -> Output {
    let dir = std::env::temp_dir().join(format!("annalist-code-published-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .arg("code")
        .args(["-f", "jsonl", "-j", "1"])
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    out
}

fn events(out: &Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const NO_YEAR: &str = "Two militants killed near border\n\nISLAMABAD, March 3 (AP) - Pakistani troops killed two militants near Chaman on Sunday, officials said.\n";

#[test]
fn the_given_date_completes_a_dateline_without_a_year() {
    let evs = events(&code(&["--published", "2024-03-05"], NO_YEAR, "a.txt"));
    assert!(!evs.is_empty());
    for e in &evs {
        assert_eq!(e["published"]["value"], "2024-03-03", "the dateline's day in the given year");
        assert_eq!(e["time"]["start"], "2024-03-03", "Sunday before the report");
    }
    // Without it the year is unknown and no date is invented.
    for e in &events(&code(&[], NO_YEAR, "b.txt")) {
        assert!(e["published"].is_null(), "{e}");
    }
}

#[test]
fn a_date_in_the_document_wins() {
    let text = NO_YEAR.replace("March 3 (AP)", "March 3, 2019 (AP)");
    for e in &events(&code(&["--published", "2024-03-05"], &text, "c.txt")) {
        assert_eq!(e["published"]["value"], "2019-03-03");
    }
}

#[test]
fn a_day_that_does_not_exist_is_a_usage_error() {
    let out = code(&["--published", "2023-02-30"], NO_YEAR, "d.txt");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2023-02-30"));
}
