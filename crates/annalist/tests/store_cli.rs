//! The dataset commands as a user meets them, against the built binary: `ingest` leaves a
//! store file that stands alone, `query`/`export` end quietly when their reader goes away,
//! reject malformed dates, never leave a half-written output file, and the GDELT Mentions
//! table only names events the events table holds.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

const BIN: &str = env!("CARGO_BIN_EXE_annalist");

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("store-cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn annalist(args: &[&str]) -> Output {
    Command::new(BIN).args(args).stdin(Stdio::null()).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One store for the whole file: the cluster dev reports, three copies each (distinct by a
/// trailer and URL), so that exports are larger than a pipe's buffer.
fn store() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = scratch("store");
        let src =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/clusters/reports.jsonl");
        let mut input = String::new();
        for k in 0..3 {
            for (i, l) in std::fs::read_to_string(&src).unwrap().lines().enumerate() {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                let text = v["text"].as_str().unwrap().to_string();
                v["text"] = format!("{text}\n\nArchive item {k}-{i}.").into();
                v["url"] = format!("{}?copy={k}", v["url"].as_str().unwrap()).into();
                input.push_str(&v.to_string());
                input.push('\n');
            }
        }
        let p = dir.join("input.jsonl");
        std::fs::write(&p, input).unwrap();
        let db = dir.join("s.db");
        let out =
            annalist(&["ingest", "-j", "1", "--db", db.to_str().unwrap(), p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        db
    })
}

fn db() -> &'static str {
    store().to_str().unwrap()
}

fn lines(out: &Output) -> usize {
    String::from_utf8_lossy(&out.stdout).lines().count()
}

/// After `annalist ingest` the store is one self-contained file: the WAL was folded back, so
/// copying `annalist.db` alone (backups, scp, a CI artefact) copies the data. The read-only
/// duplicate-lookup connection used to close last, which leaves the WAL behind and a 4 KiB
/// store file holding nothing.
#[test]
fn ingest_leaves_a_store_file_that_stands_alone() {
    let db = store();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0, "WAL left behind");
    let copy_dir = scratch("copy");
    let copy = copy_dir.join("copy.db");
    std::fs::copy(db, &copy).unwrap();
    let all = annalist(&["query", "--db", db.to_str().unwrap(), "-f", "jsonl"]);
    let copied = annalist(&["query", "--db", copy.to_str().unwrap(), "-f", "jsonl"]);
    assert!(lines(&all) > 100, "{}", stderr(&all));
    assert_eq!(lines(&copied), lines(&all), "{}", stderr(&copied));
}

/// `annalist export | head -1`, `annalist query | head -1`: exit 0 and no error, as
/// `annalist code` and `annalist extract` do (it was "error: Broken pipe", exit 2).
#[test]
fn query_and_export_end_quietly_on_a_closed_stdout() {
    for args in [
        &["export", "-f", "jsonl"][..],
        &["export", "-f", "csv"][..],
        &["query", "-f", "jsonl"][..],
        &["query", "-f", "csv"][..],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .args(["--db", db()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}");
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("error") && !err.contains("panicked"), "{args:?}: {err}");
    }
}

/// An export that fails leaves no output file behind, not even an empty or partial one; a
/// usage error is reported as such before the store is looked at.
#[test]
fn a_failed_export_leaves_no_file() {
    let dir = scratch("export-fail");
    let events = dir.join("events.tsv");
    let out = annalist(&[
        "export",
        "--db",
        db(),
        "-o",
        events.to_str().unwrap(),
        "--mentions",
        "/nonexistent-dir/mentions.tsv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent-dir/mentions.tsv"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
    // The same export to writable paths writes both files, and nothing else.
    let mentions = dir.join("mentions.tsv");
    let args = ["-o", events.to_str().unwrap(), "--mentions", mentions.to_str().unwrap()];
    let out = annalist(&[&["export", "--db", db()][..], &args[..]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    // A directory as --mentions (or --out), or one file for both, is refused before anything
    // is written: the events file used to be left behind, complete, beside the error.
    std::fs::remove_file(&events).unwrap();
    std::fs::remove_file(&mentions).unwrap();
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).unwrap();
    for (o, m, says) in [
        (events.to_str().unwrap(), sub.to_str().unwrap(), "--mentions"),
        (sub.to_str().unwrap(), mentions.to_str().unwrap(), "--out"),
        (events.to_str().unwrap(), events.to_str().unwrap(), "both"),
    ] {
        let out = annalist(&["export", "--db", db(), "-o", o, "--mentions", m]);
        assert_eq!(out.status.code(), Some(2), "{o} {m}");
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        let left: Vec<_> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("sub")], "{o} {m}");
    }
    let out = annalist(&["export", "--db", db(), "-f", "parquet", "-o", sub.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    // `--all` changes only the GDELT table; with another format it is refused, as --mentions is.
    let out = annalist(&["export", "--db", db(), "-f", "csv", "--all"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--all goes with --format gdelt"), "{}", stderr(&out));
    let out = annalist(&["export", "--db", db(), "-f", "csv"]);
    assert!(!stderr(&out).contains("left out"), "{}", stderr(&out));
    // Usage errors name the format, even when the store does not exist.
    let missing = dir.join("missing.db");
    let out = annalist(&["export", "--db", missing.to_str().unwrap(), "-f", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown export format `xml`"), "{}", stderr(&out));
}

/// Every Mentions row's GLOBALEVENTID is a row of the events file written beside it: a
/// cluster left out of the events table (not asserted, or historical) has no mentions there.
#[test]
fn gdelt_mentions_name_only_written_events() {
    let dir = scratch("mentions");
    let (events, mentions) = (dir.join("events.tsv"), dir.join("mentions.tsv"));
    for all in [false, true] {
        let mut args = vec![
            "export",
            "--db",
            db(),
            "-o",
            events.to_str().unwrap(),
            "--mentions",
            mentions.to_str().unwrap(),
        ];
        if all {
            args.push("--all");
        }
        let out = annalist(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let ids: std::collections::HashSet<String> = std::fs::read_to_string(&events)
            .unwrap()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect();
        let text = std::fs::read_to_string(&mentions).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert!(!rows.is_empty());
        let dangling = rows.iter().filter(|l| !ids.contains(l.split('\t').next().unwrap())).count();
        assert_eq!(dangling, 0, "--all {all}: {dangling} of {} mentions name no event", rows.len());
        if all {
            // With --all every stored event is a mention of some written cluster.
            let stored = lines(&annalist(&["query", "--db", db(), "-f", "jsonl"]));
            assert_eq!(rows.len(), stored);
        }
    }
}

/// `--from`/`--to` must be dates whose month and day a calendar has: "notadate" used to give no
/// rows and exit 0, "2019-13-45" rows filed under a date compared as text. ("2023-02-30" is a
/// bound that compares as text, as the API's published pattern allows.)
#[test]
fn query_rejects_malformed_dates() {
    for (flag, value) in
        [("--from", "notadate"), ("--to", "2019-13-45"), ("--from", "2023-02-32"), ("--to", "19")]
    {
        let out = annalist(&["query", "--db", db(), flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        assert!(stderr(&out).contains(value), "{}", stderr(&out));
        assert_eq!(lines(&out), 0);
    }
    let out =
        annalist(&["query", "--db", db(), "-f", "jsonl", "--from", "2025", "--to", "2025-03"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(lines(&out) > 0);
}

/// TSV, as `annalist code --format tsv` writes it, from `query` and `export` too: both refused
/// it ("unknown format `tsv`").
#[test]
fn query_and_export_write_tsv() {
    let csv = annalist(&["export", "--db", db(), "-f", "csv"]);
    for args in
        [&["export", "--db", db(), "-f", "tsv"][..], &["query", "--db", db(), "-f", "tsv"][..]]
    {
        let out = annalist(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        let head = text.lines().next().unwrap();
        assert!(head.starts_with("article_id\turl\toutlet\t"), "{head}");
        assert_eq!(text.lines().count(), String::from_utf8_lossy(&csv.stdout).lines().count());
    }
}

/// `--code`, `--modality` and `--limit` are checked as the API checks them: `--code 1x` and
/// `--limit 0` printed nothing and exited 0; `--modality maybe` did not list the modalities.
#[test]
fn query_rejects_what_the_api_rejects() {
    for (flag, value, says) in [
        ("--code", "1x", "CAMEO code prefix"),
        ("--code", "19011", "CAMEO code prefix"),
        ("--modality", "maybe", "threatened"),
        ("--limit", "0", "at least 1"),
    ] {
        let out = annalist(&["query", "--db", db(), flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = stderr(&out);
        assert!(err.contains(value) && err.contains(says), "{flag} {value}: {err}");
    }
    let out = annalist(&["query", "--db", db(), "-f", "jsonl", "--code", "1", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(lines(&out), 1);
}

/// A directory given as the store is named as one (SQLite alone says "disk I/O error").
#[test]
fn a_directory_is_not_a_store() {
    let dir = scratch("dir-store");
    for cmd in ["query", "export"] {
        let out = annalist(&[cmd, "--db", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("is a directory"), "{cmd}: {}", stderr(&out));
    }
}

/// A query that matches nothing says "0 event(s)" in JSONL as in the other formats (JSONL
/// said nothing at all, so an empty answer looked like a silent failure).
#[test]
fn an_empty_jsonl_answer_is_counted() {
    let out = annalist(&["query", "--db", db(), "--actor", "XYZQQ", "-f", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("annalist: 0 event(s)"), "{}", stderr(&out));
    let out = annalist(&["query", "--db", db(), "--limit", "2", "-f", "jsonl"]);
    assert_eq!(lines(&out), 2);
    assert!(stderr(&out).contains("annalist: 2 event(s)"), "{}", stderr(&out));
}

/// A store in a folder that does not exist is an error naming the folder, with nothing
/// created (ingest made every missing folder on the way without a word).
#[test]
fn a_store_in_a_missing_folder_is_refused_not_made() {
    let dir = scratch("missing-folder");
    let db = dir.join("no/such/x.db");
    for cmd in ["ingest", "serve"] {
        let out = annalist(
            &[cmd, "--db", db.to_str().unwrap(), "-"][..if cmd == "serve" { 3 } else { 4 }],
        );
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        let err = stderr(&out);
        let folder = dir.join("no/such");
        assert!(err.contains(&format!("{} does not exist", folder.display())), "{cmd}: {err}");
        assert!(!dir.join("no").exists(), "{cmd}: a folder was made");
    }
}

/// `annalist export -f csv` carries each event's cluster and counts, as its help ("with
/// cluster counts") and the JSONL/Parquet exports do; the CSV had only the flat columns.
#[test]
fn csv_export_carries_cluster_columns() {
    let csv = annalist(&["export", "--db", db(), "-f", "csv"]);
    let jsonl = annalist(&["export", "--db", db(), "-f", "jsonl"]);
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let text = String::from_utf8_lossy(&csv.stdout);
    let head: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    assert_eq!(head[head.len() - 4..], ["cluster", "num_mentions", "num_sources", "num_articles"]);
    // The last record's trailing fields (numbers, never quoted) match its JSONL row.
    let last: Vec<&str> = text.lines().last().unwrap().rsplitn(5, ',').collect();
    let rows = String::from_utf8_lossy(&jsonl.stdout);
    let v: serde_json::Value = serde_json::from_str(rows.lines().last().unwrap()).unwrap();
    let want = |k: &str| v[k].as_i64().map_or(String::new(), |n| n.to_string());
    assert_eq!(
        [last[3], last[2], last[1], last[0]],
        [want("cluster"), want("num_mentions"), want("num_sources"), want("num_articles")]
    );
}

/// New documents at positions an earlier run already passed are coded: a second stream on
/// stdin, or a file replaced under the same name. They used to be skipped by the input's
/// checkpoint and reported as "already stored".
#[test]
fn new_documents_at_old_positions_are_ingested() {
    let dir = scratch("positions");
    let db = dir.join("p.db");
    let db = db.to_str().unwrap();
    let line = |i: usize, text: &str| {
        format!("{}\n", serde_json::json!({"text": text, "url": format!("https://p.example/{i}")}))
    };
    let first = line(1, "Police arrested ten protesters in Cairo on Monday.");
    let second = line(2, "Rebels attacked an army base in northern Mali on Monday.");
    let third = line(3, "Troops shelled villages near Idlib on Friday.");
    let stdin_ingest = |body: &str| {
        let mut child = Command::new(BIN)
            .args(["ingest", "-j", "1", "--db", db, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write as _;
        child.stdin.take().unwrap().write_all(body.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let urls = || {
        let out = annalist(&["query", "--db", db, "-f", "jsonl"]);
        let mut urls: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["url"].to_string())
            .collect();
        urls.sort();
        urls.dedup();
        urls
    };
    assert_eq!(stdin_ingest(&first).status.code(), Some(0));
    let out = stdin_ingest(&second);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(urls().len(), 2, "{}", stderr(&out));
    // A file replaced under the same name.
    let file = dir.join("today.jsonl");
    std::fs::write(&file, &first).unwrap();
    assert_eq!(annalist(&["ingest", "--db", db, file.to_str().unwrap()]).status.code(), Some(0));
    std::fs::write(&file, &third).unwrap();
    let out = annalist(&["ingest", "--db", db, file.to_str().unwrap()]);
    assert_eq!(urls().len(), 3, "{}", stderr(&out));
    // What is stored is still skipped: a rerun adds nothing.
    let out = annalist(&["ingest", "--db", db, file.to_str().unwrap()]);
    assert!(stderr(&out).contains("0 document(s) added"), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 already stored"), "{}", stderr(&out));
}
