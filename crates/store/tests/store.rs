//! Store behaviour shared by both implementations, and SQLite's bad-input cases: corrupt or
//! foreign files, a newer schema, a full disk (max_page_count), a read-only path.

use model::{Article, ContentHash, Origin, Span};
use store::{Batch, DocRecord, MemStore, OpenOptions, SqliteStore, Store, StoreError};

fn event(hash: &str, code: &str, src: &str, tgt: &str) -> model::Event {
    let actor = |c: &str| model::ActorRef {
        code: c.into(),
        text: c.into(),
        span: Span { start: 0, end: 4 },
    };
    model::Event {
        article: ContentHash(hash.into()),
        sentence: 0,
        trigger: Span { start: 5, end: 11 },
        sources: vec![actor(src)],
        targets: vec![actor(tgt)],
        code: code.into(),
        root: code[..2].into(),
        base: code[..3].into(),
        goldstein: -10.0,
        quad_class: 4,
        plover_type: Some("ASSAULT".into()),
        plover_mode: None,
        modality: model::Modality::Asserted,
        negated: false,
        historical: false,
        attribution: model::Attribution::default(),
        disputed_by: Vec::new(),
        time: None,
        location: None,
        confidence: 0.9,
        evidence: vec![Span { start: 5, end: 11 }],
    }
}

fn doc(hash: &str, url: &str, text: &str, code: &str) -> DocRecord {
    let article = Article {
        id: ContentHash(hash.into()),
        origin: Origin { input: "in.jsonl".into(), offset: None, line: None },
        url: Some(url.into()),
        canonical_url: None,
        byline: None,
        outlet: Some("Wire".into()),
        agency: None,
        title: Some("t".into()),
        published: Some(model::Published {
            value: "2025-03-03".into(),
            precision: model::DatePrecision::Day,
            source: model::DateSource::Container,
        }),
        language: Some("en".into()),
        text: text.into(),
        paragraphs: vec![Span { start: 0, end: text.len() as u32 }],
        html_map: vec![],
        text_hash: ContentHash(format!("t{hash}")),
        extractor: "test".into(),
    };
    DocRecord {
        key: store::document_key(&ContentHash(hash.into()), Some(url)),
        hash: ContentHash(hash.into()),
        url: Some(url.into()),
        origin: "in.jsonl:1".into(),
        fetched: None,
        sketch: cluster::sketch(text),
        figures: vec![cluster::figures(text)],
        events: vec![event(hash, code, "PAK", "AFG")],
        quotes: vec![],
        article,
    }
}

const TEXT: &str = "Pakistan attacked Afghan border posts near Torkham on Monday, killing three soldiers, officials said in Islamabad after the clash.";

fn behaviour(s: &mut dyn Store) {
    let b = Batch {
        docs: vec![doc("h1", "u1", TEXT, "190")],
        checkpoints: vec![("in.jsonl".into(), 1)],
    };
    let c = s.commit(&b).unwrap();
    assert_eq!((c.added, c.events), (1, 1));
    // Idempotent: the same document again adds nothing.
    assert_eq!(s.commit(&b).unwrap().known, 1);
    assert!(s.has_document("h1@u1").unwrap());
    // The same bytes at another URL are another document (a verbatim reprint).
    assert!(!s.has_document("h1@u9").unwrap());
    assert_eq!(s.checkpoint("in.jsonl").unwrap(), 1);
    // A changed page at the same URL is a new version; history keeps both.
    let v2 = Batch {
        docs: vec![doc("h2", "u1", &format!("{TEXT} Updated."), "190")],
        checkpoints: vec![("in.jsonl".into(), 2)],
    };
    assert_eq!(s.commit(&v2).unwrap().new_versions, 1);
    let all = s.events(&store::Filter::default()).unwrap();
    assert_eq!(all.len(), 2);
    // A limit is a count of rows, 0 included (it gave one row).
    for limit in [0, 1, 2, 3] {
        let some = s.events(&store::Filter { limit: Some(limit), ..Default::default() }).unwrap();
        assert_eq!(some.len(), limit.min(2), "limit {limit}");
    }
    assert_eq!(all.iter().filter(|r| r.latest).count(), 1);
    let latest = s.events(&store::Filter { latest_only: true, ..Default::default() }).unwrap();
    assert_eq!(latest[0].event.article.0, "h2");
    // A reprint at another URL.
    s.commit(&Batch {
        docs: vec![doc("h3", "u3", &format!("{TEXT}\n\nSubscribe now."), "190")],
        checkpoints: vec![],
    })
    .unwrap();
    let st = s.recluster(&cluster::Options::default()).unwrap();
    assert_eq!((st.documents, st.reprints, st.clusters), (2, 1, 1));
    let rows = s
        .events(&store::Filter {
            actor: Some("PAK".into()),
            code: Some("19".into()),
            ..Default::default()
        })
        .unwrap();
    let r = rows.iter().find(|r| r.latest && r.url.as_deref() == Some("u3")).unwrap();
    assert_eq!(r.reprint_of_url.as_deref(), Some("u1"));
    assert_eq!((r.num_mentions, r.num_sources, r.num_articles), (2, 1, 2));
    let c = s.cluster(r.cluster.unwrap()).unwrap().unwrap();
    assert_eq!(c.versions.len(), 2);
    assert_eq!(c.versions[1].event.code, "190");
    assert!(s
        .events(&store::Filter { actor: Some("USA".into()), ..Default::default() })
        .unwrap()
        .is_empty());
    assert_eq!(s.checkpoint("in.jsonl").unwrap(), 2);
}

#[test]
fn memory_store() {
    behaviour(&mut MemStore::new());
}

#[test]
fn sqlite_store_and_reopen() {
    let dir = std::env::temp_dir().join(format!("annalist-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("a.db");
    {
        let mut s = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
        behaviour(&mut s);
    }
    let s = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None }).unwrap();
    assert_eq!(s.counts().unwrap(), (3, 3, 1));
    s.check().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_files_give_clear_errors() {
    let dir = std::env::temp_dir().join(format!("annalist-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Not SQLite at all.
    let junk = dir.join("junk.db");
    std::fs::write(&junk, vec![0x5a; 8192]).unwrap();
    let e = SqliteStore::open(&junk, &OpenOptions::default()).unwrap_err();
    assert!(matches!(e, StoreError::NotADatabase { .. }), "{e}");
    assert_eq!(std::fs::read(&junk).unwrap(), vec![0x5a; 8192], "left untouched");
    // Another program's SQLite file.
    let foreign = dir.join("foreign.db");
    rusqlite_free_foreign(&foreign);
    let e = SqliteStore::open(&foreign, &OpenOptions::default()).unwrap_err();
    assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
    // A store from a newer Annalist.
    let newer = dir.join("newer.db");
    drop(SqliteStore::open(&newer, &OpenOptions::default()).unwrap());
    bump_version(&newer);
    let e = SqliteStore::open(&newer, &OpenOptions::default()).unwrap_err();
    assert!(matches!(e, StoreError::NewerSchema { found: 99, .. }), "{e}");
    assert!(e.to_string().contains("upgrade Annalist"));
    // A full disk: the batch rolls back, what was committed stays.
    let full = dir.join("full.db");
    let mut s =
        SqliteStore::open(&full, &OpenOptions { read_only: false, max_pages: Some(40) }).unwrap();
    s.commit(&Batch {
        docs: vec![doc("a", "ua", TEXT, "190")],
        checkpoints: vec![("x".into(), 1)],
    })
    .unwrap();
    let big: String = TEXT.repeat(2000);
    let e = s
        .commit(&Batch {
            docs: vec![doc("b", "ub", &big, "190")],
            checkpoints: vec![("x".into(), 2)],
        })
        .unwrap_err();
    assert!(matches!(e, StoreError::Full { .. }), "{e}");
    assert_eq!(s.counts().unwrap().0, 1);
    assert_eq!(s.checkpoint("x").unwrap(), 1);
    s.check().unwrap();
    // A path that cannot be created.
    let e = SqliteStore::open(std::path::Path::new("/proc/annalist/x.db"), &OpenOptions::default())
        .unwrap_err();
    assert!(matches!(e, StoreError::ReadOnly { .. } | StoreError::Open { .. }), "{e}");
    // A directory given as the store (SQLite alone says "disk I/O error"), read or write.
    for read_only in [true, false] {
        let e = SqliteStore::open(&dir, &OpenOptions { read_only, max_pages: None }).unwrap_err();
        assert!(e.to_string().contains("is a directory"), "{e}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn rusqlite_free_foreign(path: &std::path::Path) {
    // Build a foreign SQLite file through our own store's error path: open a store, then
    // give it a different application id and drop our tables.
    drop(SqliteStore::open(path, &OpenOptions::default()).unwrap());
    store_sql(path, "PRAGMA application_id = 1234; DROP TABLE schema_version;");
}

fn bump_version(path: &std::path::Path) {
    store_sql(path, "UPDATE schema_version SET version = 99;");
}

fn store_sql(path: &std::path::Path, sql: &str) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(sql).unwrap();
}
