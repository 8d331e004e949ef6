//! `annalist dict`: lookup resolves dated codes, check lints the built-in lexicon and reports
//! a broken user file with file:line and exit code 1.

use std::process::Command;

fn annalist(args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_annalist")).args(args).output().expect("run annalist");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn lookup_picks_the_code_valid_on_the_date() {
    let (code, out, _) = annalist(&["dict", "lookup", "Nouri al-Maliki", "--date", "2009-01-20"]);
    assert_eq!(code, 0);
    assert!(out.contains("-> IRQGOV"), "{out}");
    let (_, out, _) = annalist(&["dict", "lookup", "Maliki", "--date", "2016-06-01"]);
    assert!(out.contains("-> IRQELI"), "{out}");
    let (code, out, _) = annalist(&["dict", "lookup", "Xyzzy Plugh"]);
    assert_eq!(code, 1);
    assert!(out.contains("not in the built-in lexicon"), "{out}");
}

#[test]
fn check_reports_file_and_line_and_keeps_going() {
    let (code, out, _) = annalist(&["dict", "check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ok: no problems"), "{out}");

    let dir = std::env::temp_dir().join(format!("annalist-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.actors.txt");
    std::fs::write(&bad, "FOO_\n\t[USAGOV 20090120-20080101]\nBAR_\n\t[IRQ]\n").unwrap();
    let (code, out, err) = annalist(&["dict", "check", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.actors.txt:2:") && err.contains("ends before it starts"), "{err}");
    assert!(out.contains("1 problems"), "{out}");
    let (code, _, err) = annalist(&["dict", "check", dir.join("mystery.txt").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot tell the kind"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
