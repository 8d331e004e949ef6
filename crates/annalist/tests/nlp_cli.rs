//! The `parse` and `eval-ud` subcommands end to end: text in, CoNLL-U out that reads back
//! and scores 100 against itself; malformed input gives a diagnostic, not a crash.

use std::io::Write;
use std::process::{Command, Stdio};

fn annalist(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run annalist");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn parse_tokenize_only_writes_conllu_that_scores_100_against_itself() {
    let text = "BAGHDAD, Jan. 21 (Wire) - Gunmen didn't stop.\n\nThe U.S. envoy said \"no.\"";
    let (code, out, err) = annalist(&["parse", "--tokenize-only", "-"], text);
    assert_eq!(code, 0, "{err}");
    let p = nlp::conllu::parse(&out);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let forms: Vec<Vec<&str>> =
        p.sentences.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    assert_eq!(forms[0], ["BAGHDAD", ",", "Jan.", "21", "(", "Wire", ")", "-"]);
    assert_eq!(forms[1], ["Gunmen", "did", "n't", "stop", "."]);
    assert_eq!(forms[2], ["The", "U.S.", "envoy", "said", "\"", "no", ".", "\""]);
    assert_eq!(p.sentences[1].multiword[0].form, "didn't");

    let dir = std::env::temp_dir().join(format!("annalist-nlp-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("out.conllu");
    std::fs::write(&file, &out).unwrap();
    let f = file.to_str().unwrap();
    let (code, table, err) = annalist(&["eval-ud", f, "--system", f], "");
    assert_eq!(code, 0, "{err}");
    assert!(table.lines().any(|l| l.starts_with("Tokens") && l.contains("100.00")), "{table}");

    // A system file over different text is refused with a clear message.
    let other = dir.join("other.conllu");
    std::fs::write(&other, "1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n").unwrap();
    let (code, _, err) = annalist(&["eval-ud", f, "--system", other.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("cannot be compared") && err.contains("differ"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `annalist timex -` reads standard input, as `-` does for every other command (it looked
/// for a file named "-").
#[test]
fn timex_reads_stdin_from_a_dash() {
    let text = "Talks resumed on 20 January 2009.";
    let (code, with_dash, err) = annalist(&["timex", "--anchor", "2009-01-22", "-"], text);
    assert_eq!(code, 0, "{err}");
    let (_, without, _) = annalist(&["timex", "--anchor", "2009-01-22"], text);
    assert_eq!(with_dash, without);
    assert!(with_dash.contains("2009-01-20"), "{with_dash}");
}
