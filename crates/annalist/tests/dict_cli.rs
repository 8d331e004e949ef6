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
    // No name: a usage error that shows the usage line (it said only "needs a NAME").
    let (code, _, err) = annalist(&["dict", "lookup"]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage: annalist dict lookup"), "{err}");
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

/// `annalist code --dict FILE` with a file that cannot be used at all (missing, a directory,
/// a name that says no kind) stops with exit 2 naming it, before coding anything; it used to
/// code on without it, exit 0, with only "1 dictionary diagnostic(s)" on stderr.
#[test]
fn code_refuses_a_dict_file_it_cannot_use() {
    let dir = std::env::temp_dir().join(format!("annalist-dict-code-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/talks.txt");
    let mystery = dir.join("mystery.txt");
    std::fs::write(&mystery, "x\n").unwrap();
    let missing = dir.join("missing.verbs.txt");
    let as_dir = dir.join("sub.actors");
    std::fs::create_dir_all(&as_dir).unwrap();
    for (dict, says) in [
        (&missing, "cannot read"),
        (&as_dir, "is a directory"),
        (&mystery, "cannot tell the dictionary's kind"),
    ] {
        let d = dict.to_str().unwrap();
        for extra in [&[][..], &["--dict-replace"][..]] {
            let mut args = vec!["code", "-f", "jsonl", "--dict", d];
            args.extend_from_slice(extra);
            args.push(input);
            let (code, out, err) = annalist(&args);
            assert_eq!(code, 2, "{d}: {err}");
            assert!(out.is_empty(), "{d}: nothing coded: {out}");
            assert!(err.contains(d) && err.contains(says), "{d}: {err}");
        }
    }
    // Bad lines in a usable file are diagnostics: the rest loads, coding goes on.
    let junk = dir.join("junk.verbs.txt");
    std::fs::write(&junk, "[[[ garbage\n").unwrap();
    let (code, out, err) =
        annalist(&["code", "-f", "jsonl", "--dict", junk.to_str().unwrap(), input]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    assert!(err.contains("1 dictionary diagnostic(s)"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
