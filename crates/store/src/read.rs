//! Read paths for browsing a store (the `serve` crate's API and pages): paged event listings
//! with keyset cursors and a scan budget, one event with its article, articles with their
//! spans, facet counts, timelines, map points, actors, outlets and clusters.
//!
//! [`Reader`] is a read-only connection of its own (opened after [`crate::SqliteStore`] has
//! checked the file), so a server can keep one per worker. Filtering is [`Filter::matches`],
//! exactly as `annalist query` applies it; SQL only narrows the rows first with conditions that
//! are implied by the filter (a superset), so both give the same events. Every long read can
//! be stopped from another thread with [`Interrupt`].

use crate::sqlite::map_err;
use crate::{EventRow, Filter, OpenOptions, Result, SqliteStore, StoreError};
use model::{Event, EventCluster, Quote};
use rusqlite::{types::Value, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The SQL columns every event listing selects, in [`Reader::row`]'s order.
const EVENT_COLUMNS: &str =
    "e.id, e.document, d.url, a.outlet, a.title, a.published_json, d.latest,
    r.url AS reprint_url, e.sentence_text, e.trigger_text, e.trigger_start, a.lead_end, e.cluster,
    c.num_mentions, c.num_sources, c.num_articles, e.figures, e.json";
const EVENT_FROM: &str = "FROM events e JOIN documents d ON d.id = e.document
    JOIN articles a ON a.document = e.document LEFT JOIN documents r ON r.id = a.reprint_of
    LEFT JOIN clusters c ON c.id = e.cluster";
/// The day an event is filed under, in SQL: its own date, else the publication date — the
/// same choice as [`crate::event_date`] (a publication fallback's date is the publication day).
pub const DAY_SQL: &str =
    "substr(coalesce(e.date_start, (SELECT a2.published FROM articles a2 WHERE a2.document = e.document)), 1, 10)";

/// Actor pages count months and counterparts over this many of the actor's newest events.
pub const ACTOR_EVENTS: usize = 20_000;

/// A code prefix with fewer events than this is listed through the code index.
const RARE_CODE: i64 = 2000;

/// Listing order. Keyset paging: a [`Cursor`] names the last row of the previous page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Most recently stored first.
    #[default]
    Newest,
    /// Storage order.
    Oldest,
    /// Latest event date first (undated last).
    DateDesc,
    /// Earliest event date first (undated first).
    DateAsc,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            "date_desc" | "-date" => Sort::DateDesc,
            "date_asc" | "date" => Sort::DateAsc,
            _ => return None,
        })
    }
    fn by_date(self) -> bool {
        matches!(self, Sort::DateDesc | Sort::DateAsc)
    }
}

/// Where a page starts: after this row of the previous page (`id`, or `date~id` for date order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub date: Option<String>,
    pub id: i64,
}

impl Cursor {
    /// Parses a cursor as [`Cursor::encode`] writes it; `None` when it is malformed.
    pub fn parse(s: &str) -> Option<Cursor> {
        match s.rsplit_once('~') {
            Some((d, id)) => Some(Cursor { date: Some(d.to_string()), id: id.parse().ok()? }),
            None => Some(Cursor { date: None, id: s.parse().ok()? }),
        }
    }
    pub fn encode(&self) -> String {
        match &self.date {
            Some(d) => format!("{d}~{}", self.id),
            None => self.id.to_string(),
        }
    }
}

/// One page request.
#[derive(Debug, Clone, Default)]
pub struct PageRequest {
    pub filter: Filter,
    pub sort: Sort,
    pub after: Option<Cursor>,
    pub limit: usize,
    /// At most this many candidate rows are decoded and tested; the page then ends early with
    /// a cursor to continue from (`truncated`). Bounds the time of a very selective search.
    pub scan_budget: usize,
}

/// A stored event with its row id.
#[derive(Debug, Clone, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    #[serde(flatten)]
    pub row: EventRow,
}

/// A page of events.
#[derive(Debug, Clone, Serialize)]
pub struct EventPage {
    pub events: Vec<StoredEvent>,
    /// Cursor for the next page; `None` at the end.
    pub next: Option<String>,
    /// Candidate rows examined.
    pub scanned: u64,
    /// The scan budget ran out before the page filled: `next` continues the search.
    pub truncated: bool,
}

/// An article as stored, with everything that points into its text.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: i64,
    pub hash: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<model::Published>,
    pub language: Option<String>,
    pub latest: bool,
    pub previous: Option<i64>,
    pub reprint_of: Option<i64>,
    pub story: Option<i64>,
    /// End of the first paragraph (byte offset).
    pub lead_end: i64,
    pub text: String,
    pub events: Vec<ArticleEvent>,
    pub quotes: Vec<Quote>,
}

/// An event as its article view lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEvent {
    pub id: i64,
    pub cluster: Option<i64>,
    pub figures: Vec<i64>,
    pub event: Event,
}

/// A short article listing entry.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub events: u64,
}

/// A value and how many events have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub value: String,
    pub count: u64,
}

/// Counts of matching events by several keys.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    /// One list per key asked for, largest count first (ties by value).
    pub keys: Vec<Vec<Count>>,
    /// Matching events counted.
    pub total: u64,
    /// Every matching event was counted (false when the scan budget ran out).
    pub complete: bool,
}

/// What facet and timeline counts group one event by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetKeys {
    pub code: String,
    pub quad_class: i64,
    /// ISO country of the place; empty when unknown.
    pub country: String,
    pub modality: String,
    /// `YYYY-MM-DD` (or a shorter prefix) the event is filed under: its own date, else the
    /// publication date; empty when neither is known.
    pub day: String,
}

/// One member of a stored cluster, in the cluster's version order.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterMember {
    pub event: i64,
    pub document: i64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub reprint_of: Option<i64>,
    pub figures: Vec<i64>,
}

/// A cluster listing entry.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterSummary {
    pub id: i64,
    pub num_mentions: u64,
    pub num_sources: u64,
    pub num_articles: u64,
    pub root: Option<String>,
    pub date: Option<String>,
}

/// An actor code (or an unresolved name) and how many events name it.
#[derive(Debug, Clone, Serialize)]
pub struct ActorCount {
    pub code: String,
    /// The most frequent surface form.
    pub name: String,
    pub events: u64,
}

/// An outlet and what the store holds from it.
#[derive(Debug, Clone, Serialize)]
pub struct OutletCount {
    pub outlet: String,
    pub articles: u64,
    pub events: u64,
}

/// Stops a running read of a [`Reader`] from another thread; the read returns
/// [`StoreError::Interrupted`].
pub struct Interrupt(rusqlite::InterruptHandle);

impl std::fmt::Debug for Interrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interrupt")
    }
}

impl Interrupt {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

/// A read-only connection for browsing.
#[derive(Debug)]
pub struct Reader {
    conn: Connection,
    path: PathBuf,
}

/// `LIKE` pattern for a substring, or `None` when the needle is not plain ASCII (SQLite folds
/// only ASCII case; such needles are left to [`Filter::matches`] alone).
fn like_substring(needle: &str) -> Option<String> {
    let plain = needle.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-');
    (plain && !needle.is_empty()).then(|| format!("%{needle}%"))
}

/// SQL conditions implied by the filter (never stricter than [`Filter::matches`]) and whether
/// they are exactly the filter (then counts need no decoding).
fn prefilter(f: &Filter, code_index: bool, sql: &mut String, args: &mut Vec<Value>) -> bool {
    let mut exact = true;
    let arg = |args: &mut Vec<Value>, v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(c) = &f.code {
        let lo = arg(args, Value::Text(c.clone()));
        let hi = arg(args, Value::Text(format!("{c}\u{10FFFF}")));
        // A selective code walks the code index (and sorts its few rows); a common one is
        // tested while walking the listing order, which stops after one page. `+` keeps
        // SQLite from choosing the index (and sorting a large share of the store).
        let col = if code_index { "e.code" } else { "+e.code" };
        sql.push_str(&format!(" AND {col} >= {lo} AND {col} < {hi}"));
    }
    if f.latest_only {
        sql.push_str(" AND d.latest = 1");
    }
    if let Some(m) = f.modality {
        let name = serde_json::to_value(m)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let p = arg(args, Value::Text(name));
        sql.push_str(&format!(" AND e.modality = {p}"));
    }
    if let Some(h) = f.historical {
        sql.push_str(if h { " AND e.historical = 1" } else { " AND e.historical = 0" });
    }
    if let Some(p) = &f.plover {
        let p = arg(args, Value::Text(p.clone()));
        sql.push_str(&format!(" AND e.plover_type = {p} COLLATE NOCASE"));
    }
    if let Some(from) = &f.from {
        exact = false;
        let p = arg(args, Value::Text(from.clone()));
        sql.push_str(&format!(" AND (e.date_start >= {p} OR a.published >= {p})"));
    }
    if let Some(to) = &f.to {
        exact = false;
        let n = arg(args, Value::Integer(to.len() as i64));
        let p = arg(args, Value::Text(to.clone()));
        sql.push_str(&format!(
            " AND (substr(e.date_start, 1, {n}) <= {p} OR substr(a.published, 1, {n}) <= {p})"
        ));
    }
    if let Some(o) = &f.outlet {
        exact = false;
        if let Some(like) = like_substring(o) {
            let p = arg(args, Value::Text(like));
            sql.push_str(&format!(" AND a.outlet LIKE {p}"));
        }
    }
    if let Some(a) = &f.actor {
        exact = false;
        if let Some(like) = like_substring(a) {
            let code = arg(args, Value::Text(format!("{}%", a.to_ascii_uppercase())));
            let name = arg(args, Value::Text(like));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id AND m.kind = 'actor' AND (m.resolution LIKE {code} OR m.text LIKE {name}))"
            ));
        }
    }
    if let Some(p) = &f.place {
        exact = false;
        if let Some(like) = like_substring(p) {
            let p = arg(args, Value::Text(like));
            sql.push_str(&format!(" AND e.json LIKE {p}"));
        }
    }
    if let Some(t) = &f.text {
        exact = false;
        for w in t.split_whitespace() {
            if let Some(like) = like_substring(w) {
                let p = arg(args, Value::Text(like));
                sql.push_str(&format!(
                    " AND (e.sentence_text LIKE {p} OR e.trigger_text LIKE {p} OR a.title LIKE {p} OR e.json LIKE {p})"
                ));
            }
        }
    }
    exact
}

impl Reader {
    /// Opens a read-only connection to an existing store (checked as [`SqliteStore::open`]
    /// checks it: a missing, foreign, corrupt or newer file is refused).
    pub fn open(path: &Path) -> Result<Reader> {
        SqliteStore::open(path, &OpenOptions { read_only: true, max_pages: None })?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_err(path, e))?;
        // Readers wait briefly for a writer's checkpoint, never indefinitely.
        conn.busy_timeout(std::time::Duration::from_secs(2)).map_err(|e| map_err(path, e))?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Reader { conn, path: path.to_path_buf() })
    }

    /// A handle that interrupts this connection's running statement.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        map_err(&self.path, e)
    }

    fn decode(&self, what: &str, e: serde_json::Error) -> StoreError {
        StoreError::Decode { path: self.path.clone(), detail: format!("{what}: {e}") }
    }

    fn row(&self, r: &rusqlite::Row) -> Result<StoredEvent> {
        let g = |e| map_err(&self.path, e);
        let id: i64 = r.get(0).map_err(g)?;
        let published: Option<String> = r.get(5).map_err(g)?;
        let figures: String = r.get(16).map_err(g)?;
        let json: String = r.get(17).map_err(g)?;
        let event: Event =
            serde_json::from_str(&json).map_err(|e| self.decode(&format!("event {id}"), e))?;
        let row = EventRow {
            document: r.get(1).map_err(g)?,
            url: r.get(2).map_err(g)?,
            outlet: r.get(3).map_err(g)?,
            title: r.get(4).map_err(g)?,
            published: published.and_then(|p| serde_json::from_str(&p).ok()),
            latest: r.get::<_, i64>(6).map_err(g)? != 0,
            reprint_of_url: r.get(7).map_err(g)?,
            sentence_text: r.get(8).map_err(g)?,
            trigger_text: r.get(9).map_err(g)?,
            lead: r.get::<_, i64>(10).map_err(g)? < r.get::<_, i64>(11).map_err(g)?,
            cluster: r.get(12).map_err(g)?,
            num_mentions: r.get::<_, Option<u32>>(13).map_err(g)?.unwrap_or(1),
            num_sources: r.get::<_, Option<u32>>(14).map_err(g)?.unwrap_or(1),
            num_articles: r.get::<_, Option<u32>>(15).map_err(g)?.unwrap_or(1),
            figures: serde_json::from_str(&figures).unwrap_or_default(),
            event,
        };
        Ok(StoredEvent { id, row })
    }

    /// One page of events matching the filter, in the requested order.
    pub fn page(&self, req: &PageRequest) -> Result<EventPage> {
        // Date order is the `events_date` index order (date_start, then rowid), so a page is
        // an index walk that stops early; undated events sort as SQL NULLs do (first when
        // ascending, last when descending).
        let mut sql = format!("SELECT {EVENT_COLUMNS}, e.date_start {EVENT_FROM} WHERE 1 = 1");
        let mut args = Vec::new();
        let code_index = match &req.filter.code {
            Some(c) => self.code_is_rare(c)?,
            None => false,
        };
        prefilter(&req.filter, code_index, &mut sql, &mut args);
        // In id order a page examines at most `scan_budget` ids below (above) its cursor, so a
        // search whose words are rare costs a bounded walk and hands back a cursor to go on.
        let (min_id, max_id) = self.id_range()?;
        let window = (req.scan_budget.max(req.limit) as i64).max(1);
        let bound = match (req.sort, &req.after) {
            (Sort::Newest, after) if !code_index => {
                let hi = after.as_ref().map_or(max_id + 1, |c| c.id);
                Some((hi.saturating_sub(window), hi.saturating_sub(window) > min_id))
            }
            (Sort::Oldest, after) if !code_index => {
                let lo = after.as_ref().map_or(min_id - 1, |c| c.id);
                Some((lo.saturating_add(window), lo.saturating_add(window) < max_id))
            }
            _ => None,
        };
        if let Some((edge, _)) = bound {
            args.push(Value::Integer(edge));
            let op = if req.sort == Sort::Newest { ">=" } else { "<=" };
            sql.push_str(&format!(" AND e.id {op} ?{}", args.len()));
        }
        if let Some(c) = &req.after {
            args.push(Value::Integer(c.id));
            let id = format!("?{}", args.len());
            let date = c.date.clone().filter(|d| !d.is_empty());
            let d = date.map(|d| {
                args.push(Value::Text(d));
                format!("?{}", args.len())
            });
            let cond = match (req.sort, d) {
                (Sort::Newest, _) => format!("e.id < {id}"),
                (Sort::Oldest, _) => format!("e.id > {id}"),
                (Sort::DateDesc, Some(d)) => format!(
                    "((e.date_start <= {d} AND (e.date_start < {d} OR e.id < {id})) OR e.date_start IS NULL)"
                ),
                (Sort::DateDesc, None) => format!("(e.date_start IS NULL AND e.id < {id})"),
                (Sort::DateAsc, Some(d)) => {
                    format!("(e.date_start >= {d} AND (e.date_start > {d} OR e.id > {id}))")
                }
                (Sort::DateAsc, None) => {
                    format!("((e.date_start IS NULL AND e.id > {id}) OR e.date_start IS NOT NULL)")
                }
            };
            sql.push_str(&format!(" AND {cond}"));
        }
        sql.push_str(match req.sort {
            Sort::Newest => " ORDER BY e.id DESC",
            Sort::Oldest => " ORDER BY e.id ASC",
            Sort::DateDesc => " ORDER BY e.date_start DESC, e.id DESC",
            Sort::DateAsc => " ORDER BY e.date_start ASC, e.id ASC",
        });
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = st.query(rusqlite::params_from_iter(args)).map_err(|e| self.err(e))?;
        let mut page = EventPage { events: Vec::new(), next: None, scanned: 0, truncated: false };
        let limit = req.limit.max(1);
        let mut last: Option<Cursor> = None;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            if page.scanned as usize >= req.scan_budget.max(limit) {
                page.truncated = true;
                page.next = last.as_ref().map(Cursor::encode);
                return Ok(page);
            }
            page.scanned += 1;
            let ev = self.row(r)?;
            let date: Option<String> = r.get(18).map_err(|e| self.err(e))?;
            let date = date.unwrap_or_default();
            last = Some(Cursor { date: req.sort.by_date().then_some(date), id: ev.id });
            if req.filter.matches(&ev.row) {
                page.events.push(ev);
                if page.events.len() >= limit {
                    // Only say there is more when there is (in this window or past it).
                    let past_window = bound.is_some_and(|(_, more)| more);
                    if past_window || rows.next().map_err(|e| self.err(e))?.is_some() {
                        page.next = last.as_ref().map(Cursor::encode);
                    }
                    return Ok(page);
                }
            }
        }
        if let Some((edge, more)) = bound {
            if more {
                // The window ran out before the page filled: continue past its edge.
                page.truncated = true;
                page.next = Some(Cursor { date: None, id: edge }.encode());
            }
        }
        Ok(page)
    }

    /// The smallest and largest event ids (0, 0 when there are none).
    fn id_range(&self) -> Result<(i64, i64)> {
        self.conn
            // Two subqueries: SQLite answers a lone min() or max() from the b-tree's end, but
            // both in one SELECT scan the table.
            .prepare_cached(
                "SELECT ifnull((SELECT min(id) FROM events), 0), ifnull((SELECT max(id) FROM events), 0)",
            )
            .and_then(|mut st| st.query_row([], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(|e| self.err(e))
    }

    /// Whether fewer than [`RARE_CODE`] events have a code starting with `prefix` (a probe of
    /// the code index that stops there).
    fn code_is_rare(&self, prefix: &str) -> Result<bool> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM events WHERE code >= ?1 AND code < ?2 LIMIT ?3)",
            )
            .and_then(|mut st| {
                st.query_row(
                    rusqlite::params![prefix, format!("{prefix}\u{10FFFF}"), RARE_CODE],
                    |r| r.get(0),
                )
            })
            .map_err(|e| self.err(e))?;
        Ok(n < RARE_CODE)
    }

    /// One event by id.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let sql = format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.id = ?1");
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = st.query([id]).map_err(|e| self.err(e))?;
        match rows.next().map_err(|e| self.err(e))? {
            Some(r) => Ok(Some(self.row(r)?)),
            None => Ok(None),
        }
    }

    /// Walks the matching events once, handing each one's [`FacetKeys`] to `f`. When the
    /// filter is exact in SQL this is a walk of the `events_facets` index (no row is decoded);
    /// otherwise candidates are decoded and tested, at most `scan_budget` of them. Returns the
    /// number of matching events and whether all were seen.
    pub fn facet_walk(
        &self,
        filter: &Filter,
        scan_budget: usize,
        mut f: impl FnMut(&FacetKeys),
    ) -> Result<(u64, bool)> {
        let mut where_ = String::from(" WHERE 1 = 1");
        let mut args = Vec::new();
        let exact = prefilter(filter, true, &mut where_, &mut args);
        let day = "coalesce(e.date_start, (SELECT a2.published FROM articles a2 WHERE a2.document = e.document))";
        let mut total = 0u64;
        if exact {
            let join =
                if filter.latest_only { " JOIN documents d ON d.id = e.document" } else { "" };
            let sql = format!(
                "SELECT e.code, e.quad_class, e.country, e.modality, {day} FROM events e INDEXED BY events_facets{join}{where_}"
            );
            let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
            let mut rows =
                st.query(rusqlite::params_from_iter(args.iter())).map_err(|e| self.err(e))?;
            let mut keys = FacetKeys::default();
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let g = |e| map_err(&self.path, e);
                keys.code.clear();
                keys.code.push_str(r.get_ref(0).map_err(g)?.as_str().unwrap_or(""));
                keys.quad_class = r.get::<_, Option<i64>>(1).map_err(g)?.unwrap_or(0);
                keys.country.clear();
                keys.country.push_str(
                    r.get_ref(2).map_err(g)?.as_str_or_null().ok().flatten().unwrap_or(""),
                );
                keys.modality.clear();
                keys.modality.push_str(r.get_ref(3).map_err(g)?.as_str().unwrap_or(""));
                keys.day.clear();
                let d = r.get_ref(4).map_err(g)?.as_str_or_null().ok().flatten().unwrap_or("");
                keys.day.push_str(d.get(..10).unwrap_or(d));
                total += 1;
                f(&keys);
            }
            return Ok((total, true));
        }
        // Decoding is bounded by a window of the newest `scan_budget` ids, whatever matches.
        let (min_id, max_id) = self.id_range()?;
        let edge = max_id.saturating_sub(scan_budget.min(i64::MAX as usize) as i64);
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, {day} {EVENT_FROM}{where_} AND e.id > {edge} ORDER BY e.id DESC"
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows =
            st.query(rusqlite::params_from_iter(args.iter())).map_err(|e| self.err(e))?;
        let mut scanned = 0usize;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            if scanned >= scan_budget {
                return Ok((total, false));
            }
            scanned += 1;
            let ev = self.row(r)?;
            if !filter.matches(&ev.row) {
                continue;
            }
            let e = &ev.row.event;
            let d: Option<String> = r.get(18).map_err(|e| self.err(e))?;
            let d = d.unwrap_or_default();
            let keys = FacetKeys {
                code: e.code.clone(),
                quad_class: i64::from(e.quad_class),
                country: e.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default(),
                modality: serde_json::to_value(e.modality)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                day: d.get(..10).unwrap_or(&d).to_string(),
            };
            total += 1;
            f(&keys);
        }
        Ok((total, edge < min_id))
    }

    /// Counts of the newest `budget` matching events by each SQL key expression (over `e` =
    /// events, `a` = articles, `d` = documents; see [`DAY_SQL`]); `complete` says whether
    /// they were all the matching events. Filters not exact in SQL are tested on decoded rows.
    pub fn tally(&self, filter: &Filter, keys: &[&str], budget: usize) -> Result<Tally> {
        let mut where_ = String::from(" WHERE 1 = 1");
        let mut args = Vec::new();
        let exact = prefilter(filter, true, &mut where_, &mut args);
        let mut maps: Vec<HashMap<String, u64>> = vec![HashMap::new(); keys.len()];
        let mut total = 0u64;
        let mut complete = true;
        let cols: Vec<String> = keys.iter().map(|k| format!("ifnull({k}, '')")).collect();
        let sql = format!(
            "SELECT {EVENT_COLUMNS}{}{} {EVENT_FROM}{where_} ORDER BY e.id DESC",
            if cols.is_empty() { "" } else { ", " },
            cols.join(", ")
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows =
            st.query(rusqlite::params_from_iter(args.iter())).map_err(|e| self.err(e))?;
        let mut scanned = 0usize;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            if scanned >= budget {
                complete = false;
                break;
            }
            scanned += 1;
            if !exact && !filter.matches(&self.row(r)?.row) {
                continue;
            }
            total += 1;
            for (k, map) in maps.iter_mut().enumerate() {
                let v: Value = r.get(18 + k).map_err(|e| self.err(e))?;
                *map.entry(value_text(v)).or_default() += 1;
            }
        }
        let keys = maps
            .into_iter()
            .map(|m| {
                let mut v: Vec<Count> =
                    m.into_iter().map(|(value, count)| Count { value, count }).collect();
                v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
                v
            })
            .collect();
        Ok(Tally { keys, total, complete })
    }

    /// An article by document id, with its events and quotes.
    pub fn article(&self, id: i64) -> Result<Option<ArticleView>> {
        let row = self
            .conn
            .query_row(
                "SELECT d.id, d.hash, d.url, a.outlet, a.title, a.published_json, a.language, d.latest,
                 d.previous, a.reprint_of, a.story, a.lead_end, a.text
                 FROM documents d JOIN articles a ON a.document = d.id WHERE d.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(5)?,
                        ArticleView {
                            id: r.get(0)?,
                            hash: r.get(1)?,
                            url: r.get(2)?,
                            outlet: r.get(3)?,
                            title: r.get(4)?,
                            published: None,
                            language: r.get(6)?,
                            latest: r.get::<_, i64>(7)? != 0,
                            previous: r.get(8)?,
                            reprint_of: r.get(9)?,
                            story: r.get(10)?,
                            lead_end: r.get(11)?,
                            text: r.get(12)?,
                            events: Vec::new(),
                            quotes: Vec::new(),
                        },
                    ))
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((published, mut view)) = row else { return Ok(None) };
        view.published = published.and_then(|p| serde_json::from_str(&p).ok());
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, cluster, figures, json FROM events WHERE document = ?1 ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([id]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let eid: i64 = r.get(0).map_err(|e| self.err(e))?;
            let figures: String = r.get(2).map_err(|e| self.err(e))?;
            let json: String = r.get(3).map_err(|e| self.err(e))?;
            view.events.push(ArticleEvent {
                id: eid,
                cluster: r.get(1).map_err(|e| self.err(e))?,
                figures: serde_json::from_str(&figures).unwrap_or_default(),
                event: serde_json::from_str(&json)
                    .map_err(|e| self.decode(&format!("event {eid}"), e))?,
            });
        }
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT start, end, text, speaker FROM quotes WHERE document = ?1 ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([id]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let speaker: Option<String> = r.get(3).map_err(|e| self.err(e))?;
            view.quotes.push(Quote {
                span: model::Span {
                    start: r.get(0).map_err(|e| self.err(e))?,
                    end: r.get(1).map_err(|e| self.err(e))?,
                },
                text: r.get(2).map_err(|e| self.err(e))?,
                speaker: speaker.and_then(|s| serde_json::from_str(&s).ok()),
            });
        }
        Ok(Some(view))
    }

    /// Articles, newest stored first, after document id `after`.
    pub fn articles(&self, after: Option<i64>, limit: usize) -> Result<Vec<ArticleSummary>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.url, a.outlet, a.title, a.published,
                 (SELECT count(*) FROM events e WHERE e.document = d.id)
                 FROM documents d JOIN articles a ON a.document = d.id
                 WHERE d.id < ?1 ORDER BY d.id DESC LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([after.unwrap_or(i64::MAX), limit as i64], |r| {
                Ok(ArticleSummary {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    outlet: r.get(2)?,
                    title: r.get(3)?,
                    published: r.get(4)?,
                    events: r.get::<_, i64>(5)? as u64,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>().map_err(|e| self.err(e))
    }

    /// A stored cluster and its members (parallel to the cluster's versions).
    pub fn cluster(&self, id: i64) -> Result<Option<(EventCluster, Vec<ClusterMember>)>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM clusters WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(json) = json else { return Ok(None) };
        let mut c: EventCluster =
            serde_json::from_str(&json).map_err(|e| self.decode(&format!("cluster {id}"), e))?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT e.id, e.document, d.url, a.title, a.outlet, a.reprint_of, e.figures, e.json
                 FROM events e JOIN documents d ON d.id = e.document
                 JOIN articles a ON a.document = e.document WHERE e.cluster = ?1 ORDER BY e.id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([id]).map_err(|e| self.err(e))?;
        let mut members = Vec::new();
        let mut i = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let g = |e| map_err(&self.path, e);
            let figures: String = r.get(6).map_err(g)?;
            let json: String = r.get(7).map_err(g)?;
            let eid: i64 = r.get(0).map_err(g)?;
            if let Some(v) = c.versions.get_mut(i) {
                v.event = serde_json::from_str(&json)
                    .map_err(|e| self.decode(&format!("event {eid}"), e))?;
            }
            i += 1;
            members.push(ClusterMember {
                event: eid,
                document: r.get(1).map_err(g)?,
                url: r.get(2).map_err(g)?,
                title: r.get(3).map_err(g)?,
                outlet: r.get(4).map_err(g)?,
                reprint_of: r.get(5).map_err(g)?,
                figures: serde_json::from_str(&figures).unwrap_or_default(),
            });
        }
        members.truncate(c.versions.len());
        c.versions.truncate(members.len());
        Ok(Some((c, members)))
    }

    /// Clusters with at least `min_sources` independent sources, most sources first, then by id.
    pub fn clusters(
        &self,
        min_sources: u64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<ClusterSummary>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, num_mentions, num_sources, num_articles, root, date FROM clusters
                 WHERE num_sources >= ?1 ORDER BY num_sources DESC, num_mentions DESC, id
                 LIMIT ?2 OFFSET ?3",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([min_sources as i64, limit as i64, offset as i64], |r| {
                Ok(ClusterSummary {
                    id: r.get(0)?,
                    num_mentions: r.get::<_, i64>(1)? as u64,
                    num_sources: r.get::<_, i64>(2)? as u64,
                    num_articles: r.get::<_, i64>(3)? as u64,
                    root: r.get(4)?,
                    date: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Actor codes by number of events naming them (either role). `q` keeps codes starting
    /// with it (case-insensitive); when no code does, actors whose name as written contains it.
    pub fn actors(&self, q: Option<&str>, limit: usize) -> Result<Vec<ActorCount>> {
        let prefix = q.map(str::to_ascii_uppercase).unwrap_or_default();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT resolution, count(DISTINCT event) FROM mentions
                 WHERE kind = 'actor' AND resolution >= ?1 AND resolution < ?2
                 GROUP BY resolution ORDER BY 2 DESC, 1 LIMIT ?3",
            )
            .map_err(|e| self.err(e))?;
        let mut out: Vec<ActorCount> = st
            .query_map(
                rusqlite::params![prefix, format!("{prefix}\u{10FFFF}"), limit as i64],
                |r| {
                    Ok(ActorCount {
                        code: r.get(0)?,
                        name: String::new(),
                        events: r.get::<_, i64>(1)? as u64,
                    })
                },
            )
            .and_then(|rows| rows.collect::<std::result::Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        out.retain(|a| !a.code.is_empty());
        if out.is_empty() {
            if let Some(q) = q.filter(|q| !q.trim().is_empty()) {
                let mut st = self
                    .conn
                    .prepare_cached(
                        "SELECT ifnull(resolution, text) AS k, count(DISTINCT event), max(text)
                         FROM mentions WHERE kind = 'actor' AND text LIKE ?1 ESCAPE '\\'
                         GROUP BY k ORDER BY 2 DESC, 1 LIMIT ?2",
                    )
                    .map_err(|e| self.err(e))?;
                return st
                    .query_map(
                        rusqlite::params![format!("%{}%", escape_like(q)), limit as i64],
                        |r| {
                            Ok(ActorCount {
                                code: r.get(0)?,
                                events: r.get::<_, i64>(1)? as u64,
                                name: r.get(2)?,
                            })
                        },
                    )
                    .and_then(|rows| rows.collect())
                    .map_err(|e| self.err(e));
            }
        }
        for a in &mut out {
            a.name = self.actor_name(&a.code)?;
        }
        Ok(out)
    }

    /// The name an actor code is most often written as, among its first mentions.
    fn actor_name(&self, code: &str) -> Result<String> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT text, count(*) FROM (SELECT text FROM mentions
                 WHERE kind = 'actor' AND resolution = ?1 LIMIT 200) GROUP BY text ORDER BY 2 DESC, 1 LIMIT 1",
            )
            .map_err(|e| self.err(e))?;
        st.query_row([code], |r| r.get::<_, String>(0))
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.err(e))
    }

    /// One actor (a code, or a name as written for unresolved actors): its events per month
    /// and its main counterparts (the other actors of its events, by shared events), over its
    /// newest [`ACTOR_EVENTS`] events. `None` when no event names it.
    #[allow(clippy::type_complexity)]
    pub fn actor(
        &self,
        code: &str,
        counterparts: usize,
    ) -> Result<Option<(ActorCount, Vec<Count>, Vec<ActorCount>)>> {
        let events: i64 = self
            .conn
            .query_row(
                "SELECT count(DISTINCT event) FROM mentions WHERE kind = 'actor' AND resolution = ?1",
                [code],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        // Resolved actors go through the index; an unresolved name is matched as written.
        let (events, which) = if events > 0 {
            (events, "resolution = ?1")
        } else {
            let n: i64 = self
                .conn
                .query_row(
                    "SELECT count(DISTINCT event) FROM mentions WHERE kind = 'actor' AND resolution IS NULL AND text = ?1",
                    [code],
                    |r| r.get(0),
                )
                .map_err(|e| self.err(e))?;
            (n, "resolution IS NULL AND text = ?1")
        };
        if events == 0 {
            return Ok(None);
        }
        let name = if which.starts_with("resolution =") {
            self.actor_name(code)?
        } else {
            code.to_string()
        };
        let me = ActorCount { code: code.to_string(), name, events: events as u64 };
        let newest = format!(
            "SELECT DISTINCT event FROM mentions WHERE kind = 'actor' AND {which} ORDER BY event DESC LIMIT {ACTOR_EVENTS}"
        );
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT substr({DAY_SQL}, 1, 7) AS month, count(*) FROM ({newest}) m
                 JOIN events e ON e.id = m.event GROUP BY month ORDER BY month"
            ))
            .map_err(|e| self.err(e))?;
        let mut months = st
            .query_map([code], |r| {
                Ok(Count {
                    value: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    count: r.get::<_, i64>(1)? as u64,
                })
            })
            .and_then(|rows| rows.collect::<std::result::Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        months.retain(|m| !m.value.is_empty());
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT ifnull(o.resolution, o.text) AS k, count(DISTINCT o.event), max(o.text)
                 FROM ({newest}) m JOIN mentions o ON o.event = m.event AND o.kind = 'actor'
                 WHERE ifnull(o.resolution, o.text) <> ?1
                 GROUP BY k ORDER BY 2 DESC, 1 LIMIT ?2"
            ))
            .map_err(|e| self.err(e))?;
        let others = st
            .query_map(rusqlite::params![code, counterparts as i64], |r| {
                Ok(ActorCount {
                    code: r.get(0)?,
                    events: r.get::<_, i64>(1)? as u64,
                    name: r.get(2)?,
                })
            })
            .and_then(|rows| rows.collect::<std::result::Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        Ok(Some((me, months, others)))
    }

    /// Outlets by number of articles, with their events.
    pub fn outlets(&self, limit: usize) -> Result<Vec<OutletCount>> {
        // Two index walks joined here: events per document, and each document's outlet.
        let mut per_doc: HashMap<i64, u64> = HashMap::new();
        let mut st = self
            .conn
            .prepare_cached("SELECT document, count(*) FROM events GROUP BY document")
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            per_doc.insert(
                r.get(0).map_err(|e| self.err(e))?,
                r.get::<_, i64>(1).map_err(|e| self.err(e))? as u64,
            );
        }
        let mut by: HashMap<String, (u64, u64)> = HashMap::new();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT ifnull(outlet, ''), document FROM articles INDEXED BY articles_outlet",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let g = |e| map_err(&self.path, e);
            let outlet = r.get_ref(0).map_err(g)?.as_str().unwrap_or("");
            let doc: i64 = r.get(1).map_err(g)?;
            let n = per_doc.get(&doc).copied().unwrap_or(0);
            match by.get_mut(outlet) {
                Some(x) => {
                    x.0 += 1;
                    x.1 += n;
                }
                None => {
                    by.insert(outlet.to_string(), (1, n));
                }
            }
        }
        let mut out: Vec<OutletCount> = by
            .into_iter()
            .map(|(outlet, (articles, events))| OutletCount { outlet, articles, events })
            .collect();
        out.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.outlet.cmp(&b.outlet)));
        out.truncate(limit);
        Ok(out)
    }

    /// Documents, events and clusters stored.
    pub fn counts(&self) -> Result<(u64, u64, u64)> {
        crate::sqlite::table_counts(&self.conn).map_err(|e| self.err(e))
    }
}

fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn value_text(v: Value) -> String {
    match v {
        Value::Text(s) => s,
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Null => String::new(),
        Value::Blob(_) => String::from("?"),
    }
}
