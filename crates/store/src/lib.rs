//! The dataset on disk: every coded document, its events, mentions and quotes, the event
//! clusters over them, and where each ingest stopped.
//!
//! [`Store`] is the seam; [`SqliteStore`] keeps it in one embedded SQLite file (WAL mode, so
//! readers query while an ingest writes) and [`MemStore`] keeps it in memory for tests. Both
//! give the same answers: query filtering and clustering are shared code.
//!
//! ## Tables (schema version 1; see `docs/store.md`)
//! - `schema_version(version, app)` — one row; a file from a newer Annalist is refused.
//! - `documents(id, key UNIQUE, hash, url, origin, fetched, previous, latest, ingested_at)` —
//!   one row per distinct raw document: `key` is the content hash plus the URL (see
//!   [`document_key`]). A changed page at a known URL is a new row
//!   whose `previous` is the older version; only the newest has `latest = 1`.
//! - `articles(document, outlet, title, published, language, text_hash, text, sketch,
//!   reprint_of, story)` — the extracted article; `sketch` is the clustering fingerprint;
//!   `reprint_of` the document it copies; `story` its story group.
//! - `events(id, document, seq, …flat columns…, figures, cluster, json)` — one row per coded
//!   event; flat columns for filtering, `json` the full `model::Event`.
//! - `mentions(event, kind, start, end, text, resolution)` — the spans an event rests on
//!   (actors, place, time, speakers).
//! - `quotes(document, seq, start, end, text, speaker)`.
//! - `clusters(id, num_mentions, num_sources, num_articles, root, date, json)` — the last
//!   clustering, `json` a `model::EventCluster` without the versions' event bodies repeated.
//! - `checkpoints(input, position, updated_at)` — documents of each input done.

mod filter;
mod mem;
mod read;
mod sqlite;

pub use filter::{check_date_bound, event_date, Filter};
pub use mem::MemStore;
pub use read::{
    ActorCount, ArticleEvent, ArticleSummary, ArticleView, ClusterMember, ClusterSummary, Count,
    Cursor, EventPage, FacetKeys, Interrupt, OutletCount, PageRequest, Reader, Sort, StoredEvent,
    Tally, DAY_SQL,
};
pub use sqlite::{default_path, OpenOptions, SqliteStore, SCHEMA_VERSION};

use model::{Article, ContentHash, Event, Quote};
use serde::Serialize;
use std::path::PathBuf;

/// What can go wrong with a store; each variant is something a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not an SQLite database (corrupt, or another kind of file)")]
    NotADatabase { path: PathBuf },
    #[error("{path}: an SQLite database that is not an Annalist store ({detail})")]
    Foreign { path: PathBuf, detail: String },
    #[error("{path}: store schema version {found} is newer than this Annalist supports ({supported}); upgrade Annalist")]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },
    #[error("{path}: the store is corrupt ({detail}); restore it from a backup or re-ingest into a new file")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: cannot write (read-only file or directory): {detail}")]
    ReadOnly { path: PathBuf, detail: String },
    #[error("{path}: disk or size limit full; the last batch was rolled back and nothing committed was lost")]
    Full { path: PathBuf },
    #[error("{path}: cannot open: {detail}")]
    Open { path: PathBuf, detail: String },
    #[error("{path}: store is busy (another writer holds it): {detail}")]
    Busy { path: PathBuf, detail: String },
    #[error("{path}: a stored record does not decode ({detail})")]
    Decode { path: PathBuf, detail: String },
    #[error("{path}: the read was stopped (it ran past its time limit)")]
    Interrupted { path: PathBuf },
    #[error("{path}: {detail}")]
    Sqlite { path: PathBuf, detail: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A document's identity in the store: its content hash, and the URL it was found at when
/// there is one — the same bytes at another URL (a verbatim reprint) are another document.
pub fn document_key(hash: &ContentHash, uri: Option<&str>) -> String {
    match uri {
        Some(u) => format!("{}@{u}", hash.0),
        None => hash.0.clone(),
    }
}

/// One coded document ready to store.
#[derive(Debug, Clone)]
pub struct DocRecord {
    /// [`document_key`]: what makes a re-ingest a no-op.
    pub key: String,
    pub hash: ContentHash,
    pub url: Option<String>,
    /// Where it was read (`Origin` display), for diagnostics.
    pub origin: String,
    pub fetched: Option<String>,
    pub article: Article,
    pub events: Vec<Event>,
    /// Figures near each event's trigger (parallel to `events`).
    pub figures: Vec<Vec<i64>>,
    pub quotes: Vec<Quote>,
    pub sketch: cluster::Sketch,
}

/// Documents and the checkpoints they advance: committed together or not at all.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub docs: Vec<DocRecord>,
    /// `(input, documents done)`; a position never moves backwards.
    pub checkpoints: Vec<(String, u64)>,
}

/// What a commit did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Committed {
    pub added: u64,
    /// Already stored (same content hash): nothing added.
    pub known: u64,
    /// Added as a new version of a page already stored at the same URL.
    pub new_versions: u64,
    pub events: u64,
}

/// What a clustering pass found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClusterStats {
    pub documents: u64,
    pub reprints: u64,
    pub stories: u64,
    pub events: u64,
    pub clusters: u64,
}

/// One stored event with what a query or an export shows beside it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub document: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<model::Published>,
    /// Whether the document is the newest version of its URL.
    pub latest: bool,
    pub reprint_of_url: Option<String>,
    /// The sentence's text (for exports); empty when not kept.
    #[serde(skip)]
    pub sentence_text: String,
    pub trigger_text: String,
    /// The trigger is in the first paragraph.
    pub lead: bool,
    pub cluster: Option<i64>,
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub figures: Vec<i64>,
    pub event: Event,
}

/// The dataset. Reads see the last committed state; every write method commits atomically
/// before it returns (its durability is stated on each).
pub trait Store {
    /// Whether a document with this [`document_key`] is stored. Read-only.
    fn has_document(&self, key: &str) -> Result<bool>;
    /// Documents of `input` done by earlier ingests (0 when none). Read-only.
    fn checkpoint(&self, input: &str) -> Result<u64>;
    /// Stores a batch and advances its checkpoints in one transaction. Durable when it returns
    /// (SQLite: WAL commit, synchronous=NORMAL survives a process kill; a power loss may lose
    /// the last commits but never half of one). Documents already stored (same key) are skipped.
    fn commit(&mut self, batch: &Batch) -> Result<Committed>;
    /// Recomputes reprints, story groups and event clusters over the newest version of every
    /// document and replaces the previous clustering in one transaction. Durable when it
    /// returns; on error the previous clustering stays.
    fn recluster(&mut self, opts: &cluster::Options) -> Result<ClusterStats>;
    /// Events matching a filter, in storage order (document, then event). Read-only.
    fn events(&self, filter: &Filter) -> Result<Vec<EventRow>>;
    /// A stored cluster with its versions. Read-only.
    fn cluster(&self, id: i64) -> Result<Option<model::EventCluster>>;
    /// Counts of documents, events and clusters. Read-only.
    fn counts(&self) -> Result<(u64, u64, u64)>;
}

/// The mentions an event rests on: actors, agents, its place, time and speakers.
pub(crate) fn event_mentions(e: &Event) -> Vec<model::Mention> {
    use model::{Mention, MentionKind};
    let mut out = Vec::new();
    for a in e.sources.iter().chain(&e.targets) {
        out.push(Mention {
            span: a.span,
            kind: MentionKind::Actor,
            text: a.text.clone(),
            resolution: (!a.code.is_empty()).then(|| a.code.clone()),
        });
    }
    if let Some(l) = &e.location {
        if let Some(span) = l.span {
            out.push(Mention {
                span,
                kind: MentionKind::Place,
                text: l.name.clone(),
                resolution: l.gazetteer_id.clone(),
            });
        }
    }
    if let Some(t) = &e.time {
        if let Some(span) = t.span {
            out.push(Mention {
                span,
                kind: MentionKind::Time,
                text: String::new(),
                resolution: t.start.clone(),
            });
        }
    }
    for link in &e.attribution.chain {
        if let (Some(span), model::AttributionRole::Speaker | model::AttributionRole::Source) =
            (link.span, link.role)
        {
            out.push(Mention {
                span,
                kind: MentionKind::Speaker,
                text: link.text.clone(),
                resolution: link.actor.clone(),
            });
        }
    }
    out
}

/// A document as clustering needs it.
#[derive(Debug, Clone)]
pub(crate) struct DocIn {
    pub hash: ContentHash,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub sketch: cluster::Sketch,
}

/// A clustering of stored documents and events, ready to write back.
#[derive(Debug, Clone)]
pub(crate) struct ClusterOut {
    pub reprint_of: Vec<Option<usize>>,
    pub story: Vec<u32>,
    /// Per event, an index into `clusters`.
    pub event_cluster: Vec<u32>,
    pub clusters: Vec<model::EventCluster>,
}

/// Clusters documents and their events (`(document index, event, figures)`).
pub(crate) fn compute_clusters(
    docs: &[DocIn],
    events: &[(usize, Event, Vec<i64>)],
    opts: &cluster::Options,
) -> ClusterOut {
    let days: Vec<Option<i32>> =
        docs.iter().map(|d| d.published.as_deref().and_then(cluster::iso_day)).collect();
    let cdocs: Vec<cluster::Doc> = docs
        .iter()
        .zip(&days)
        .map(|(d, day)| cluster::Doc {
            outlet: d.outlet.clone(),
            day: *day,
            sketch: d.sketch.clone(),
        })
        .collect();
    let cevs: Vec<cluster::Ev> =
        events.iter().map(|(doc, e, _)| cluster::Ev::from_event(*doc, e, days[*doc])).collect();
    let c = cluster::cluster(&cdocs, &cevs, opts);
    let n = c.event_cluster.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &k) in c.event_cluster.iter().enumerate() {
        members[k as usize].push(i);
    }
    let clusters = members
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let reports: Vec<cluster::Report> = m
                .iter()
                .map(|&i| {
                    let (doc, e, figs) = &events[i];
                    let orig = c.reprint_of[*doc];
                    cluster::Report {
                        event: e,
                        outlet: docs[*doc].outlet.as_deref(),
                        original_outlet: orig.and_then(|o| docs[o].outlet.as_deref()),
                        reprint_of: orig.map(|o| docs[o].hash.clone()),
                        figures: figs.clone(),
                    }
                })
                .collect();
            cluster::summarize((k + 1).to_string(), &reports)
        })
        .collect();
    ClusterOut {
        reprint_of: c.reprint_of,
        story: c.doc_group,
        event_cluster: c.event_cluster,
        clusters,
    }
}
