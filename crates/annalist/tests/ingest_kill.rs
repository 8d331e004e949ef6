//! `annalist ingest` killed with SIGKILL at seeded random points: after each kill the store
//! is sound, every stored document is whole (its events, mentions and quotes all there, as in
//! an uninterrupted run), checkpoints never run ahead of the stored documents, and a rerun
//! completes the rest without duplicates. Also: readers query while an ingest writes, a rerun
//! over the same input adds nothing, and bad stores give clear errors through the CLI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn exe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
}

/// The dev-set reports, each repeated with a numbered trailer so every line is distinct.
fn write_input(dir: &Path, copies: usize) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/clusters/reports.jsonl");
    let lines: Vec<String> =
        std::fs::read_to_string(src).unwrap().lines().map(String::from).collect();
    let mut out = String::new();
    for k in 0..copies {
        for (i, l) in lines.iter().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let text = v["text"].as_str().unwrap().to_string();
            v["text"] = format!("{text}\n\nArchive item {k}-{i}.").into();
            v["url"] = format!("{}?copy={k}", v["url"].as_str().unwrap()).into();
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let p = dir.join("input.jsonl");
    std::fs::write(&p, out).unwrap();
    p
}

fn ingest(db: &Path, input: &Path) -> Command {
    let mut c = exe();
    c.args(["ingest", "--batch", "4", "-j", "1", "--db"])
        .arg(db)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// Per document hash: (events, mentions, quotes).
fn contents(db: &Path) -> BTreeMap<String, (i64, i64, i64)> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let tables: i64 = c
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'documents'", [], |r| r.get(0))
        .unwrap();
    if tables == 0 {
        // Killed before the schema committed: an empty store.
        return BTreeMap::new();
    }
    let orphans: i64 = c
        .query_row(
            "SELECT (SELECT count(*) FROM documents d LEFT JOIN articles a ON a.document = d.id WHERE a.document IS NULL)
             + (SELECT count(*) FROM events e LEFT JOIN documents d ON d.id = e.document WHERE d.id IS NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "a document without its article, or an event without its document");
    let mut st = c
        .prepare(
            "SELECT d.key,
                (SELECT count(*) FROM events e WHERE e.document = d.id),
                (SELECT count(*) FROM mentions m JOIN events e ON e.id = m.event WHERE e.document = d.id),
                (SELECT count(*) FROM quotes q WHERE q.document = d.id)
             FROM documents d",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .unwrap();
    let out: BTreeMap<_, _> = rows.map(Result::unwrap).collect();
    let position: i64 = c
        .query_row("SELECT coalesce(max(position), 0) FROM checkpoints", [], |r| r.get(0))
        .unwrap();
    assert!(
        position <= out.len() as i64,
        "checkpoint {position} ahead of {} stored documents",
        out.len()
    );
    out
}

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn sigkill_mid_ingest_loses_nothing_committed_and_rerun_completes() {
    let dir = std::env::temp_dir().join(format!("annalist-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = write_input(&dir, 8);

    // The reference: one uninterrupted run.
    let clean = dir.join("clean.db");
    let t = Instant::now();
    let out = ingest(&clean, &input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let full_time = t.elapsed();
    let reference = contents(&clean);
    assert_eq!(reference.len(), 38 * 8);

    // Kill a second ingest at seeded random points, checking the store after each kill.
    let db = dir.join("killed.db");
    let mut rng =
        Rng(std::env::var("KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9e37_79b9));
    let window = full_time.as_millis().max(200) as u64;
    let mut before = 0;
    for round in 0..5 {
        let mut child = ingest(&db, &input).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(100 + rng.below(window)));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        if !db.exists() {
            continue;
        }
        let now = contents(&db);
        for (hash, got) in &now {
            assert_eq!(
                Some(got),
                reference.get(hash),
                "round {round}: document {hash} half-written"
            );
        }
        assert!(now.len() >= before, "round {round}: committed documents were lost");
        before = now.len();
    }
    // A rerun completes the rest, with nothing twice.
    let out = ingest(&db, &input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(contents(&db), reference);
    // And another rerun adds nothing.
    let out = ingest(&db, &input).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 document(s) added"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn readers_query_while_ingest_writes() {
    let dir = std::env::temp_dir().join(format!("annalist-readers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = write_input(&dir, 4);
    let db = dir.join("a.db");
    let mut child = ingest(&db, &input).spawn().unwrap();
    let mut answered = 0;
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(120) {
        if db.exists() {
            let out = exe().args(["query", "--format", "csv", "--db"]).arg(&db).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() || err.contains("no such store"),
                "query failed during ingest: {err}"
            );
            answered += usize::from(out.status.success());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(child.wait().unwrap().success());
    assert!(answered > 0, "no query ran while the ingest wrote");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_stores_give_clear_errors() {
    let dir = std::env::temp_dir().join(format!("annalist-badstore-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let junk = dir.join("junk.db");
    std::fs::write(
        &junk,
        b"this is not a database, it is a text file with enough bytes to have a header.....",
    )
    .unwrap();
    let out = exe().args(["query", "--db"]).arg(&junk).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("junk.db") && err.contains("not an SQLite database"), "{err}");
    let out = exe().args(["query", "--db"]).arg(dir.join("missing.db")).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such store"));
    let _ = std::fs::remove_dir_all(&dir);
}
