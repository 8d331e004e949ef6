//! Golden tests over news-style documents written for this project (`tests/data/*.txt`, first
//! line `anchor: YYYY-MM-DD`): every expression found, with its value, granularity, interval and
//! tense, is dumped beside the document (`*.expected`). `UPDATE_EXPECT=1` rewrites the dumps;
//! review the diff.

use std::fmt::Write;
use std::path::Path;

fn dump(text: &str, anchor: &timex::Anchor) -> String {
    let found = timex::find(text, Some(anchor), None).expect("within limits");
    let mut out = String::new();
    for t in &found.timexes {
        let surface = t.span.slice(text).expect("span slices the text");
        let iv =
            t.interval.map(|iv| format!("{}..{}", iv.start, iv.end)).unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "{}..{}\t{surface:?}\t{}\t{}\t{:?}\t{}\t{iv}\t{}\t{}",
            t.span.start,
            t.span.end,
            t.kind.as_str(),
            t.value.as_deref().unwrap_or("(none)"),
            t.granularity,
            t.modifier.map_or("-", |m| m.as_str()),
            t.tense.map_or("-".to_string(), |x| format!("{x:?}")),
            t.rule
        )
        .unwrap();
    }
    for d in &found.diagnostics {
        writeln!(out, "diagnostic\t{:?}\t{d}", d.kind).unwrap();
    }
    out
}

#[test]
fn golden_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 2);
    let mut failed = Vec::new();
    for path in paths {
        let raw = std::fs::read_to_string(&path).unwrap();
        let (first, text) = raw.split_once('\n').unwrap();
        let anchor = timex::Anchor::parse(first.trim_start_matches("anchor:").trim()).unwrap();
        let got = dump(text, &anchor);
        let exp_path = path.with_extension("expected");
        if update {
            std::fs::write(&exp_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if want != got {
            eprintln!("--- {} differs; got:\n{got}", exp_path.display());
            failed.push(exp_path);
        }
    }
    assert!(failed.is_empty(), "golden dumps differ (UPDATE_EXPECT=1 to accept): {failed:?}");
}
