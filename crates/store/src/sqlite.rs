//! The embedded SQLite store: one file, WAL journal, a versioned schema with migrations.

use crate::{
    compute_clusters, event_mentions, Batch, ClusterStats, Committed, DocIn, EventRow, Filter,
    Result, Store, StoreError,
};
use model::{ContentHash, Event, EventCluster};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// The schema this build writes. Older stores are migrated forward on open.
pub const SCHEMA_VERSION: i64 = 2;
/// `PRAGMA application_id` of an Annalist store ("ANLS").
const APP_ID: i64 = 0x414E_4C53;

/// Migrations: entry `i` takes a store from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    url TEXT,
    origin TEXT NOT NULL,
    fetched TEXT,
    previous INTEGER REFERENCES documents(id),
    latest INTEGER NOT NULL DEFAULT 1,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url);
CREATE TABLE articles (
    document INTEGER PRIMARY KEY REFERENCES documents(id),
    outlet TEXT,
    title TEXT,
    published TEXT,
    published_json TEXT,
    language TEXT,
    text_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    lead_end INTEGER NOT NULL,
    sketch TEXT NOT NULL,
    reprint_of INTEGER REFERENCES documents(id),
    story INTEGER
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    sentence_text TEXT NOT NULL,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    base TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover_type TEXT,
    modality TEXT NOT NULL,
    negated INTEGER NOT NULL,
    historical INTEGER NOT NULL,
    source_code TEXT,
    source_text TEXT,
    target_code TEXT,
    target_text TEXT,
    date_start TEXT,
    date_end TEXT,
    place TEXT,
    country TEXT,
    figures TEXT NOT NULL,
    cluster INTEGER,
    json TEXT NOT NULL,
    UNIQUE (document, seq)
);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_cluster ON events(cluster);
CREATE TABLE mentions (
    event INTEGER NOT NULL REFERENCES events(id),
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    resolution TEXT
);
CREATE INDEX mentions_event ON mentions(event);
CREATE TABLE quotes (
    document INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    PRIMARY KEY (document, seq)
);
CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    root TEXT,
    date TEXT,
    json TEXT NOT NULL
);
CREATE TABLE checkpoints (
    input TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
",
    r"
-- 2: indexes for browsing (store::Reader, `annalist serve`). Additive: no table changes.
-- events_facets covers every column facet and timeline counts read, so counting a million
-- events is one index walk; mentions_actor serves actor pages and listings.
CREATE INDEX IF NOT EXISTS events_facets ON events(code, quad_class, country, modality, historical, plover_type, date_start, document);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(kind, resolution, event);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
",
];

/// How to open a store.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Open for reading only (queries, exports): never creates, never migrates.
    pub read_only: bool,
    /// Cap the file at this many pages (4 KiB each): a size limit, and how tests simulate a
    /// full disk.
    pub max_pages: Option<u64>,
}

/// `$XDG_DATA_HOME/annalist/annalist.db` (or the platform's data directory).
pub fn default_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("annalist").join("annalist.db")
}

/// The SQLite store.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    secs.to_string()
}

impl SqliteStore {
    /// Opens (creating if needed, unless read-only) and migrates a store.
    pub fn open(path: &Path, opts: &OpenOptions) -> Result<SqliteStore> {
        let p = path.to_path_buf();
        // SQLite itself says only "disk I/O error" for a directory.
        if path.is_dir() {
            return Err(StoreError::Open {
                path: p,
                detail: "it is a directory; give the store's file (e.g. DIR/annalist.db)".into(),
            });
        }
        if opts.read_only && !path.exists() {
            return Err(StoreError::Open { path: p, detail: "no such store".into() });
        }
        if !opts.read_only {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::PermissionDenied {
                        StoreError::ReadOnly { path: p.clone(), detail: e.to_string() }
                    } else {
                        StoreError::Open { path: p.clone(), detail: e.to_string() }
                    }
                })?;
            }
        }
        let flags = if opts.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_err(&p, e))?;
        let mut store = SqliteStore { conn, path: p };
        store.setup(opts)?;
        Ok(store)
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        map_err(&self.path, e)
    }

    fn setup(&mut self, opts: &OpenOptions) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(std::time::Duration::from_secs(10)).map_err(|e| map_err(&self.path, e))?;
        // A reader that opens a store a writer has only just created sees an empty file until
        // the writer's schema transaction commits: wait for it (bounded), rather than call a
        // store being born foreign.
        if opts.read_only {
            let started = std::time::Instant::now();
            loop {
                let n: i64 = c
                    .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                    .map_err(|e| map_err(&self.path, e))?;
                if n > 0 || started.elapsed() > std::time::Duration::from_secs(10) {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
        }
        // The first read of the header tells a foreign or corrupt file apart.
        let app: i64 = c
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| map_err(&self.path, e))?;
        let tables: Vec<String> = {
            let mut st = c
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
                .map_err(|e| map_err(&self.path, e))?;
            let rows = st.query_map([], |r| r.get(0)).map_err(|e| map_err(&self.path, e))?;
            rows.collect::<std::result::Result<_, _>>().map_err(|e| map_err(&self.path, e))?
        };
        if app != 0 && app != APP_ID {
            return Err(StoreError::Foreign {
                path: self.path.clone(),
                detail: format!("application id {app:#x}"),
            });
        }
        let ours = tables.iter().any(|t| t == "schema_version");
        if !tables.is_empty() && !ours {
            return Err(StoreError::Foreign {
                path: self.path.clone(),
                detail: format!("it has tables {} but no schema_version", tables.join(", ")),
            });
        }
        let version: i64 = if ours {
            c.query_row("SELECT version FROM schema_version", [], |r| r.get(0))
                .optional()
                .map_err(|e| map_err(&self.path, e))?
                .unwrap_or(0)
        } else {
            0
        };
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if opts.read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::Foreign {
                    path: self.path.clone(),
                    detail: format!(
                        "schema version {version}; open it once for writing to migrate"
                    ),
                });
            }
            return Ok(());
        }
        c.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(|e| map_err(&self.path, e))?;
        if let Some(n) = opts.max_pages {
            c.query_row(&format!("PRAGMA max_page_count = {n}"), [], |_| Ok(()))
                .map_err(|e| map_err(&self.path, e))?;
        }
        if version < SCHEMA_VERSION {
            let tx = self.conn.transaction().map_err(|e| map_err(&self.path, e))?;
            if version == 0 {
                tx.execute_batch(&format!(
                    "PRAGMA application_id = {APP_ID}; CREATE TABLE schema_version (version INTEGER NOT NULL, app TEXT NOT NULL); INSERT INTO schema_version VALUES (0, 'annalist');"
                ))
                .map_err(|e| map_err(&self.path, e))?;
            }
            for (v, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                tx.execute_batch(sql).map_err(|e| map_err(&self.path, e))?;
                tx.execute("UPDATE schema_version SET version = ?1", [v as i64 + 1])
                    .map_err(|e| map_err(&self.path, e))?;
            }
            tx.commit().map_err(|e| map_err(&self.path, e))?;
        }
        Ok(())
    }

    /// Runs SQLite's integrity check; `Ok(())` when the file is sound.
    pub fn check(&self) -> Result<()> {
        let r: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if r == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt { path: self.path.clone(), detail: r })
        }
    }

    fn row_to_event(&self, r: &rusqlite::Row) -> rusqlite::Result<(EventRow, String)> {
        let published: Option<String> = r.get("published_json")?;
        let figures: String = r.get("figures")?;
        let json: String = r.get("json")?;
        let row = EventRow {
            document: r.get("document")?,
            url: r.get("url")?,
            outlet: r.get("outlet")?,
            title: r.get("title")?,
            published: published.and_then(|p| serde_json::from_str(&p).ok()),
            latest: r.get::<_, i64>("latest")? != 0,
            reprint_of_url: r.get("reprint_url")?,
            sentence_text: r.get("sentence_text")?,
            trigger_text: r.get("trigger_text")?,
            lead: r.get::<_, i64>("trigger_start")? < r.get::<_, i64>("lead_end")?,
            cluster: r.get("cluster")?,
            num_mentions: r.get::<_, Option<u32>>("num_mentions")?.unwrap_or(1),
            num_sources: r.get::<_, Option<u32>>("num_sources")?.unwrap_or(1),
            num_articles: r.get::<_, Option<u32>>("num_articles")?.unwrap_or(1),
            figures: serde_json::from_str(&figures).unwrap_or_default(),
            event: placeholder_event(),
        };
        Ok((row, json))
    }
}

fn placeholder_event() -> Event {
    Event {
        article: ContentHash(String::new()),
        sentence: 0,
        trigger: model::Span { start: 0, end: 0 },
        sources: vec![],
        targets: vec![],
        code: String::new(),
        root: String::new(),
        base: String::new(),
        goldstein: 0.0,
        quad_class: 0,
        plover_type: None,
        plover_mode: None,
        modality: model::Modality::Asserted,
        negated: false,
        historical: false,
        attribution: model::Attribution::default(),
        disputed_by: Vec::new(),
        time: None,
        location: None,
        confidence: 0.0,
        evidence: vec![],
    }
}

/// Maps SQLite's error codes to the errors a caller can act on (writer and [`crate::Reader`]).
pub(crate) fn map_err(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::OperationInterrupted) => StoreError::Interrupted { path },
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path, detail },
        Some(ErrorCode::DiskFull) => StoreError::Full { path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path, detail },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            StoreError::Open { path, detail }
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Busy { path, detail }
        }
        _ => StoreError::Sqlite { path, detail },
    }
}

/// Documents, events and clusters stored.
pub(crate) fn table_counts(conn: &Connection) -> rusqlite::Result<(u64, u64, u64)> {
    let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|v| v as u64);
    Ok((
        one("SELECT count(*) FROM documents")?,
        one("SELECT count(*) FROM events")?,
        one("SELECT count(*) FROM clusters")?,
    ))
}

const EVENT_SELECT: &str =
    "SELECT e.document, d.url, a.outlet, a.title, a.published_json, d.latest,
    r.url AS reprint_url, e.sentence_text, e.trigger_text, e.trigger_start, a.lead_end, e.cluster,
    c.num_mentions, c.num_sources, c.num_articles, e.figures, e.json
    FROM events e JOIN documents d ON d.id = e.document JOIN articles a ON a.document = e.document
    LEFT JOIN documents r ON r.id = a.reprint_of LEFT JOIN clusters c ON c.id = e.cluster";

impl Store for SqliteStore {
    fn has_document(&self, key: &str) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE key = ?1")
            .map_err(|e| self.err(e))?;
        st.exists([key]).map_err(|e| self.err(e))
    }

    fn checkpoint(&self, input: &str) -> Result<u64> {
        self.conn
            .query_row("SELECT position FROM checkpoints WHERE input = ?1", [input], |r| {
                r.get::<_, i64>(0)
            })
            .optional()
            .map(|p| p.unwrap_or(0).max(0) as u64)
            .map_err(|e| self.err(e))
    }

    fn commit(&mut self, batch: &Batch) -> Result<Committed> {
        let path = self.path.clone();
        let m = |e| map_err(&path, e);
        let tx = self.conn.transaction().map_err(m)?;
        let mut out = Committed::default();
        let stamp = now();
        for doc in &batch.docs {
            let known: bool = tx
                .prepare_cached("SELECT 1 FROM documents WHERE key = ?1")
                .and_then(|mut s| s.exists([&doc.key]))
                .map_err(m)?;
            if known {
                out.known += 1;
                continue;
            }
            let previous: Option<i64> = match &doc.url {
                Some(u) => tx
                    .query_row(
                        "SELECT id FROM documents WHERE url = ?1 AND latest = 1 ORDER BY id DESC LIMIT 1",
                        [u],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(m)?,
                None => None,
            };
            if let Some(p) = previous {
                tx.execute("UPDATE documents SET latest = 0 WHERE id = ?1", [p]).map_err(m)?;
                out.new_versions += 1;
            }
            tx.execute(
                "INSERT INTO documents (key, hash, url, origin, fetched, previous, latest, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)",
                params![doc.key, doc.hash.0, doc.url, doc.origin, doc.fetched, previous, stamp],
            )
            .map_err(m)?;
            let id = tx.last_insert_rowid();
            let a = &doc.article;
            tx.execute(
                "INSERT INTO articles (document, outlet, title, published, published_json, language, text_hash, text, lead_end, sketch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    a.outlet,
                    a.title,
                    a.published.as_ref().map(|p| p.value.clone()),
                    a.published.as_ref().and_then(|p| serde_json::to_string(p).ok()),
                    a.language,
                    a.text_hash.0,
                    a.text,
                    a.paragraphs.first().map_or(i64::MAX, |p| i64::from(p.end)),
                    serde_json::to_string(&doc.sketch).unwrap_or_default(),
                ],
            )
            .map_err(m)?;
            for (seq, ev) in doc.events.iter().enumerate() {
                let sentence_text = a
                    .paragraphs
                    .iter()
                    .find(|p| p.start <= ev.trigger.start && ev.trigger.end <= p.end)
                    .and_then(|p| p.slice(&a.text))
                    .unwrap_or("");
                let (src, tgt) = (ev.sources.first(), ev.targets.first());
                let time = ev.time.as_ref();
                let loc = ev.location.as_ref();
                let figures = doc.figures.get(seq).cloned().unwrap_or_default();
                tx.prepare_cached(
                    "INSERT INTO events (document, seq, sentence, trigger_start, trigger_end, trigger_text, sentence_text, code, root, base, quad_class, goldstein, plover_type, modality, negated, historical, source_code, source_text, target_code, target_text, date_start, date_end, place, country, figures, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        id,
                        seq as i64,
                        ev.sentence,
                        ev.trigger.start,
                        ev.trigger.end,
                        ev.trigger.slice(&a.text).unwrap_or(""),
                        sentence_text,
                        ev.code,
                        ev.root,
                        ev.base,
                        ev.quad_class,
                        f64::from(ev.goldstein),
                        ev.plover_type,
                        ev.modality.as_str(),
                        ev.negated,
                        ev.historical,
                        src.map(|x| x.code.clone()),
                        src.map(|x| x.text.clone()),
                        tgt.map(|x| x.code.clone()),
                        tgt.map(|x| x.text.clone()),
                        time.and_then(|t| t.start.clone()),
                        time.and_then(|t| t.end.clone()),
                        loc.map(|l| l.name.clone()),
                        loc.and_then(|l| l.country.clone()),
                        serde_json::to_string(&figures).unwrap_or_default(),
                        serde_json::to_string(ev).unwrap_or_default(),
                    ])
                })
                .map_err(m)?;
                let eid = tx.last_insert_rowid();
                for mention in event_mentions(ev) {
                    tx.prepare_cached(
                        "INSERT INTO mentions (event, kind, start, end, text, resolution) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            eid,
                            serde_json::to_value(mention.kind).ok().and_then(|v| v.as_str().map(str::to_string)),
                            mention.span.start,
                            mention.span.end,
                            mention.text,
                            mention.resolution
                        ])
                    })
                    .map_err(m)?;
                }
                out.events += 1;
            }
            for (seq, q) in doc.quotes.iter().enumerate() {
                tx.execute(
                    "INSERT INTO quotes (document, seq, start, end, text, speaker) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        id,
                        seq as i64,
                        q.span.start,
                        q.span.end,
                        q.text,
                        q.speaker.as_ref().and_then(|s| serde_json::to_string(s).ok())
                    ],
                )
                .map_err(m)?;
            }
            out.added += 1;
        }
        for (input, pos) in &batch.checkpoints {
            tx.execute(
                "INSERT INTO checkpoints (input, position, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(input) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at",
                params![input, *pos as i64, stamp],
            )
            .map_err(m)?;
        }
        tx.commit().map_err(m)?;
        Ok(out)
    }

    fn recluster(&mut self, opts: &cluster::Options) -> Result<ClusterStats> {
        let path = self.path.clone();
        let m = |e| map_err(&path, e);
        let dec = |d: String| StoreError::Decode { path: path.clone(), detail: d };
        let tx = self.conn.transaction().map_err(m)?;
        let mut doc_ids = Vec::new();
        let mut docs = Vec::new();
        {
            let mut st = tx
                .prepare("SELECT d.id, d.hash, a.outlet, a.published, a.sketch FROM documents d JOIN articles a ON a.document = d.id WHERE d.latest = 1 ORDER BY d.id")
                .map_err(m)?;
            let mut rows = st.query([]).map_err(m)?;
            while let Some(r) = rows.next().map_err(m)? {
                let sketch: String = r.get(4).map_err(m)?;
                doc_ids.push(r.get::<_, i64>(0).map_err(m)?);
                docs.push(DocIn {
                    hash: ContentHash(r.get(1).map_err(m)?),
                    outlet: r.get(2).map_err(m)?,
                    published: r.get(3).map_err(m)?,
                    sketch: serde_json::from_str(&sketch)
                        .map_err(|e| dec(format!("sketch: {e}")))?,
                });
            }
        }
        let index: std::collections::HashMap<i64, usize> =
            doc_ids.iter().enumerate().map(|(i, &d)| (d, i)).collect();
        let mut event_ids = Vec::new();
        let mut events = Vec::new();
        {
            let mut st = tx
                .prepare("SELECT e.id, e.document, e.json, e.figures FROM events e JOIN documents d ON d.id = e.document WHERE d.latest = 1 ORDER BY e.id")
                .map_err(m)?;
            let mut rows = st.query([]).map_err(m)?;
            while let Some(r) = rows.next().map_err(m)? {
                let doc: i64 = r.get(1).map_err(m)?;
                let json: String = r.get(2).map_err(m)?;
                let figs: String = r.get(3).map_err(m)?;
                let ev: Event =
                    serde_json::from_str(&json).map_err(|e| dec(format!("event: {e}")))?;
                event_ids.push(r.get::<_, i64>(0).map_err(m)?);
                events.push((index[&doc], ev, serde_json::from_str(&figs).unwrap_or_default()));
            }
        }
        let out = compute_clusters(&docs, &events, opts);
        tx.execute("DELETE FROM clusters", []).map_err(m)?;
        tx.execute("UPDATE events SET cluster = NULL", []).map_err(m)?;
        for (k, c) in out.clusters.iter().enumerate() {
            // A verbatim reprint shares its original's content hash: count it by outlet too.
            let articles: std::collections::BTreeSet<(&str, Option<&str>)> =
                c.versions.iter().map(|v| (v.article.0.as_str(), v.outlet.as_deref())).collect();
            let first = c.versions.first().map(|v| &v.event);
            tx.execute(
                "INSERT INTO clusters (id, num_mentions, num_sources, num_articles, root, date, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    k as i64 + 1,
                    c.versions.len() as i64,
                    c.independent_sources,
                    articles.len() as i64,
                    first.map(|e| e.root.clone()),
                    first.and_then(|e| e.time.as_ref()).and_then(|t| t.start.clone()),
                    serde_json::to_string(&cluster_without_events(c)).unwrap_or_default(),
                ],
            )
            .map_err(m)?;
        }
        for (i, &k) in out.event_cluster.iter().enumerate() {
            tx.prepare_cached("UPDATE events SET cluster = ?1 WHERE id = ?2")
                .and_then(|mut s| s.execute(params![i64::from(k) + 1, event_ids[i]]))
                .map_err(m)?;
        }
        for (i, r) in out.reprint_of.iter().enumerate() {
            tx.prepare_cached(
                "UPDATE articles SET reprint_of = ?1, story = ?2 WHERE document = ?3",
            )
            .and_then(|mut s| {
                s.execute(params![r.map(|o| doc_ids[o]), i64::from(out.story[i]), doc_ids[i]])
            })
            .map_err(m)?;
        }
        tx.commit().map_err(m)?;
        Ok(ClusterStats {
            documents: docs.len() as u64,
            reprints: out.reprint_of.iter().filter(|r| r.is_some()).count() as u64,
            stories: out.story.iter().map(|&s| s as u64 + 1).max().unwrap_or(0),
            events: events.len() as u64,
            clusters: out.clusters.len() as u64,
        })
    }

    fn events(&self, filter: &Filter) -> Result<Vec<EventRow>> {
        let mut sql = format!("{EVENT_SELECT} WHERE 1 = 1");
        let mut args: Vec<String> = Vec::new();
        if let Some(c) = &filter.code {
            args.push(format!("{}%", c.replace(['%', '_'], "")));
            sql.push_str(&format!(" AND e.code LIKE ?{}", args.len()));
        }
        if filter.latest_only {
            sql.push_str(" AND d.latest = 1");
        }
        sql.push_str(" ORDER BY e.document, e.seq");
        let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut rows =
            st.query(rusqlite::params_from_iter(args.iter())).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        // Checked before the first row too: `limit: Some(0)` asks for no rows (it gave one).
        if filter.limit == Some(0) {
            return Ok(out);
        }
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let (mut row, json) = self.row_to_event(r).map_err(|e| self.err(e))?;
            row.event = serde_json::from_str(&json).map_err(|e| StoreError::Decode {
                path: self.path.clone(),
                detail: format!("event of document {}: {e}", row.document),
            })?;
            if filter.matches(&row) {
                out.push(row);
                if filter.limit.is_some_and(|l| out.len() >= l) {
                    break;
                }
            }
        }
        Ok(out)
    }

    fn cluster(&self, id: i64) -> Result<Option<EventCluster>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM clusters WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(json) = json else { return Ok(None) };
        let mut c: EventCluster = serde_json::from_str(&json).map_err(|e| StoreError::Decode {
            path: self.path.clone(),
            detail: format!("cluster {id}: {e}"),
        })?;
        // Put the full events back from the events table.
        let mut st = self
            .conn
            .prepare("SELECT json FROM events WHERE cluster = ?1 ORDER BY id")
            .map_err(|e| self.err(e))?;
        let evs: Vec<String> = st
            .query_map([id], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        for (v, j) in c.versions.iter_mut().zip(evs) {
            if let Ok(e) = serde_json::from_str(&j) {
                v.event = e;
            }
        }
        Ok(Some(c))
    }

    fn counts(&self) -> Result<(u64, u64, u64)> {
        table_counts(&self.conn).map_err(|e| self.err(e))
    }
}

/// The cluster record as stored: versions keep their article and outlet; the event bodies
/// live in the events table.
fn cluster_without_events(c: &EventCluster) -> EventCluster {
    let mut c = c.clone();
    for v in &mut c.versions {
        let keep = v.event.article.clone();
        v.event = placeholder_event();
        v.event.article = keep;
    }
    c
}
