//! `store::Reader` (the server's read paths) against `Store::events` (what `annalist query`
//! runs): for many filter combinations, every sort order, paged in small steps, the events are
//! exactly the query's; facet counts equal the query's count on both the index path and the
//! decoding path; a schema-1 store is refused read-only and migrated by a write open.

use serve::synth::Rng;
use store::{Filter, OpenOptions, PageRequest, Reader, Sort, SqliteStore, Store};

fn store(name: &str, docs: u64) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("serve-reader-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("store.db");
    let mut s = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
    let mut batch = store::Batch::default();
    for n in 0..docs {
        let mut d = serve::synth::document(3, n, 4);
        // Some undated events, some without a place, one old version of a URL.
        if n % 7 == 0 {
            d.events[0].time = None;
            d.article.published = None;
        }
        if n % 5 == 0 {
            d.events[1].location = None;
        }
        batch.docs.push(d);
    }
    s.commit(&batch).unwrap();
    let mut v2 = serve::synth::document(3, 1, 4);
    v2.hash = model::ContentHash("synth-3-1-v2".into());
    v2.key = store::document_key(&v2.hash, v2.url.as_deref());
    s.commit(&store::Batch { docs: vec![v2], checkpoints: vec![] }).unwrap();
    s.recluster(&cluster::Options::default()).unwrap();
    path
}

fn filters() -> Vec<Filter> {
    let mut out = vec![
        Filter::default(),
        Filter { code: Some("19".into()), ..Default::default() },
        Filter { code: Some("042".into()), ..Default::default() },
        Filter { code: Some("1".into()), latest_only: true, ..Default::default() },
        Filter { actor: Some("irq".into()), ..Default::default() },
        Filter { actor: Some("Kremlin".into()), ..Default::default() },
        Filter { place: Some("IQ".into()), ..Default::default() },
        Filter { place: Some("baghdad".into()), ..Default::default() },
        Filter { text: Some("near dead".into()), ..Default::default() },
        Filter { text: Some("Ünïcode".into()), ..Default::default() },
        Filter { outlet: Some("reu".into()), ..Default::default() },
        Filter { plover: Some("assault".into()), ..Default::default() },
        Filter { from: Some("2018".into()), to: Some("2020-06".into()), ..Default::default() },
        Filter { to: Some("2016-03-01".into()), ..Default::default() },
        Filter { modality: Some(model::Modality::Denied), ..Default::default() },
        Filter { historical: Some(false), latest_only: true, ..Default::default() },
    ];
    // And random combinations of the above fields.
    let mut rng = Rng::new(9);
    let base = out.clone();
    for _ in 0..30 {
        let a = rng.pick(&base).clone();
        let b = rng.pick(&base);
        out.push(Filter {
            code: a.code.or(b.code.clone()),
            actor: a.actor.or(b.actor.clone()),
            place: a.place.or(b.place.clone()),
            text: a.text.or(b.text.clone()),
            outlet: a.outlet.or(b.outlet.clone()),
            from: a.from.or(b.from.clone()),
            to: a.to.or(b.to.clone()),
            modality: a.modality.or(b.modality),
            latest_only: a.latest_only || b.latest_only,
            ..Default::default()
        });
    }
    out
}

#[test]
fn pages_in_every_order_give_the_query_events() {
    let path = store("pages", 150);
    let s = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None }).unwrap();
    let r = Reader::open(&path).unwrap();
    for f in filters() {
        let want: Vec<(i64, u32)> =
            s.events(&f).unwrap().iter().map(|e| (e.document, e.event.sentence)).collect();
        // A small scan budget cuts id-order walks into windows; paging goes on through them.
        let orders = [
            (Sort::Newest, 10_000),
            (Sort::Oldest, 10_000),
            (Sort::DateDesc, 10_000),
            (Sort::DateAsc, 10_000),
            (Sort::Newest, 13),
            (Sort::Oldest, 13),
        ];
        for (sort, budget) in orders {
            let mut got = Vec::new();
            let mut after = None;
            let mut dates: Vec<String> = Vec::new();
            for _ in 0..10_000 {
                let req =
                    PageRequest { filter: f.clone(), sort, after, limit: 7, scan_budget: budget };
                let page = r.page(&req).unwrap();
                assert!(budget < 10_000 || !page.truncated);
                for e in &page.events {
                    got.push((e.row.document, e.row.event.sentence));
                    dates.push(
                        e.row.event.time.as_ref().and_then(|t| t.start.clone()).unwrap_or_default(),
                    );
                }
                match page.next {
                    Some(n) => after = Some(store::Cursor::parse(&n).unwrap()),
                    None => break,
                }
            }
            let mut a = got.clone();
            a.sort_unstable();
            let mut b = want.clone();
            b.sort_unstable();
            assert_eq!(a, b, "{f:?} {sort:?}");
            match sort {
                Sort::Oldest => assert_eq!(got, want, "storage order"),
                Sort::DateAsc => assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{f:?}"),
                Sort::DateDesc => assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{f:?}"),
                Sort::Newest => {}
            }
        }
    }
}

#[test]
fn facet_counts_match_the_query_on_both_paths() {
    let path = store("facets", 120);
    let s = SqliteStore::open(&path, &OpenOptions { read_only: true, max_pages: None }).unwrap();
    let r = Reader::open(&path).unwrap();
    for f in filters() {
        let want = s.events(&f).unwrap();
        let mut roots = std::collections::BTreeMap::new();
        let (total, complete) = r
            .facet_walk(&f, usize::MAX, |k| {
                *roots.entry(k.code.get(..2).unwrap_or("").to_string()).or_insert(0u64) += 1;
            })
            .unwrap();
        assert!(complete);
        assert_eq!(total, want.len() as u64, "{f:?}");
        let mut want_roots = std::collections::BTreeMap::new();
        for e in &want {
            *want_roots.entry(e.event.root.clone()).or_insert(0u64) += 1;
        }
        assert_eq!(roots, want_roots, "{f:?}");
    }
    // A budget bounds the decoding path and says so.
    let f = Filter { text: Some("near".into()), ..Default::default() };
    let (n, complete) = r.facet_walk(&f, 10, |_| {}).unwrap();
    assert!(!complete && n <= 10);
}

#[test]
fn a_schema_1_store_is_migrated_by_a_write_open() {
    let path = store("migrate", 3);
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP INDEX events_facets; DROP INDEX mentions_actor; DROP INDEX articles_outlet;
             UPDATE schema_version SET version = 1;",
        )
        .unwrap();
    }
    let e = Reader::open(&path).unwrap_err();
    assert!(e.to_string().contains("open it once for writing"), "{e}");
    drop(SqliteStore::open(&path, &OpenOptions::default()).unwrap());
    let r = Reader::open(&path).unwrap();
    let (n, complete) = r.facet_walk(&Filter::default(), usize::MAX, |_| {}).unwrap();
    assert!(complete && n == 16, "{n}");
}
