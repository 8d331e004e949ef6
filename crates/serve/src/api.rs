//! The JSON API under `/api/`: events (the `annalist query` filters, keyset paging with a hard
//! page cap, sorting), one event, clusters, articles with their spans, actors, outlets, facets,
//! timeline and map series, the OpenAPI document, and `POST /api/articles` when writing is on.
//!
//! Every error is a status with a JSON body `{"error": code, "message": text, "param"?: name}`.

use crate::pool::ReadError;
use crate::{Shared, DEFAULT_PAGE, MAP_BUDGET, MAX_PAGE, SCAN_BUDGET, TALLY_BUDGET};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use store::{Cursor, Filter, PageRequest, Sort, StoreError};

/// The OpenAPI 3.1 description of this API, served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Longest accepted text parameter (bytes).
const MAX_PARAM: usize = 200;
/// Articles one `POST /api/articles` may carry.
pub const MAX_POST: usize = 100;

/// An API error: status, machine-readable code, message, and the parameter at fault.
#[derive(Debug, Clone, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    pub error: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

impl ApiError {
    pub fn bad(param: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            error: "bad_parameter",
            message: message.into(),
            param: Some(param.to_string()),
        }
    }
    pub fn not_found(what: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            error: "not_found",
            message: what.into(),
            param: None,
        }
    }
}

impl From<ReadError> for ApiError {
    fn from(e: ReadError) -> ApiError {
        let (status, error) = match &e {
            ReadError::Timeout(_) | ReadError::Store(StoreError::Interrupted { .. }) => {
                (StatusCode::SERVICE_UNAVAILABLE, "timeout")
            }
            ReadError::Store(StoreError::Busy { .. }) => (StatusCode::SERVICE_UNAVAILABLE, "busy"),
            ReadError::Store(
                StoreError::Open { .. }
                | StoreError::NotADatabase { .. }
                | StoreError::Foreign { .. }
                | StoreError::NewerSchema { .. }
                | StoreError::Corrupt { .. }
                | StoreError::ReadOnly { .. },
            ) => (StatusCode::SERVICE_UNAVAILABLE, "store_unavailable"),
            ReadError::Closed => (StatusCode::SERVICE_UNAVAILABLE, "shutting_down"),
            ReadError::Store(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        ApiError { status, error, message: e.to_string(), param: None }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, Json(&self)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("2"));
        }
        res
    }
}

fn query_error(e: QueryRejection) -> ApiError {
    // serde_urlencoded names the field in its message ("unknown field `x`", "invalid digit").
    // A value that is not a number reads "Failed to deserialize query string: offset: invalid
    // digit found in string": the name comes before the colon, and the message says what a
    // caller can do.
    let text = e.body_text();
    if let Some((name, why)) = text
        .strip_prefix("Failed to deserialize query string: ")
        .and_then(|rest| rest.split_once(": "))
        .filter(|(name, _)| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
    {
        let message = match why {
            "invalid digit found in string" | "cannot parse integer from empty string" => {
                format!("{name}: not a whole number 0 or above")
            }
            "number too large to fit in target type" => format!("{name}: number too large"),
            _ => format!("{name}: {why}"),
        };
        return ApiError::bad(name, message);
    }
    let param = text.split('`').nth(1).map(str::to_string);
    ApiError { status: StatusCode::BAD_REQUEST, error: "bad_parameter", message: text, param }
}

/// Query parameters shared by the event listing, facets, timeline and map (unknown names are
/// refused). Empty values count as absent, as HTML forms send them.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub actor: Option<String>,
    pub code: Option<String>,
    pub plover: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    pub modality: Option<String>,
    pub historical: Option<String>,
    pub outlet: Option<String>,
    pub text: Option<String>,
    pub latest: Option<String>,
    pub sort: Option<String>,
    pub after: Option<String>,
    pub limit: Option<String>,
    pub bucket: Option<String>,
    pub by: Option<String>,
}

fn some(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn parse_bool(name: &str, v: &Option<String>) -> Result<Option<bool>, ApiError> {
    match some(v) {
        None => Ok(None),
        Some("true" | "1" | "on" | "yes") => Ok(Some(true)),
        Some("false" | "0" | "off" | "no") => Ok(Some(false)),
        Some(x) => Err(ApiError::bad(name, format!("`{x}` is not true or false"))),
    }
}

impl Params {
    /// The store filter these parameters ask for, or the first bad parameter.
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let text = |name: &str, v: &Option<String>| -> Result<Option<String>, ApiError> {
            match some(v) {
                Some(s) if s.chars().count() > MAX_PARAM => {
                    Err(ApiError::bad(name, format!("longer than {MAX_PARAM} characters")))
                }
                s => Ok(s.map(str::to_string)),
            }
        };
        let code = text("code", &self.code)?;
        if let Some(c) = &code {
            if c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ApiError::bad(
                    "code",
                    format!("`{c}` is not a CAMEO code prefix (1–4 digits)"),
                ));
            }
        }
        for (name, v) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = some(v) {
                store::check_date_bound(d).map_err(|m| ApiError::bad(name, m))?;
            }
        }
        let modality = match some(&self.modality) {
            Some(m) => Some(model::Modality::parse(m).ok_or_else(|| {
                ApiError::bad("modality", format!("unknown modality `{m}`; expected asserted, negated, attempted, planned, threatened, hypothetical, denied or alleged"))
            })?),
            None => None,
        };
        Ok(Filter {
            actor: text("actor", &self.actor)?,
            code,
            plover: text("plover", &self.plover)?,
            from: some(&self.from).map(str::to_string),
            to: some(&self.to).map(str::to_string),
            place: text("place", &self.place)?,
            modality,
            historical: parse_bool("historical", &self.historical)?,
            outlet: text("outlet", &self.outlet)?,
            text: text("text", &self.text)?,
            latest_only: parse_bool("latest", &self.latest)?.unwrap_or(false),
            limit: None,
        })
    }

    /// The page request: filter, sort, cursor and a page size within [`MAX_PAGE`].
    pub fn page(&self) -> Result<PageRequest, ApiError> {
        let limit = match self.limit.as_deref().map(str::trim) {
            None => DEFAULT_PAGE,
            Some("") => return Err(ApiError::bad("limit", "empty; leave it out for the default")),
            Some(l) => match l.parse::<u64>() {
                Ok(0) => return Err(ApiError::bad("limit", "must be at least 1")),
                Ok(n) if n > MAX_PAGE as u64 => {
                    return Err(ApiError {
                        status: StatusCode::BAD_REQUEST,
                        error: "limit_too_large",
                        message: format!("limit {n} is above the maximum page size {MAX_PAGE}"),
                        param: Some("limit".into()),
                    })
                }
                Ok(n) => n as usize,
                Err(_) => return Err(ApiError::bad("limit", format!("`{l}` is not a number"))),
            },
        };
        let sort = match some(&self.sort) {
            None => Sort::default(),
            Some(s) => Sort::parse(s).ok_or_else(|| {
                ApiError::bad(
                    "sort",
                    format!("unknown sort `{s}`; expected newest, oldest, date_desc or date_asc"),
                )
            })?,
        };
        let after = match some(&self.after) {
            None => None,
            Some(a) if a.chars().count() > MAX_PARAM => {
                return Err(ApiError::bad("after", format!("longer than {MAX_PARAM} characters")))
            }
            Some(a) => {
                let mut c = Cursor::parse(a).ok_or_else(|| {
                    ApiError::bad(
                        "after",
                        format!("`{a}` is not a cursor from this listing's `next`"),
                    )
                })?;
                // A cursor of the other order still names a row: date orders read a bare id as
                // an undated row, id orders ignore a date part.
                if matches!(sort, Sort::DateAsc | Sort::DateDesc) {
                    c.date.get_or_insert_with(String::new);
                } else {
                    c.date = None;
                }
                Some(c)
            }
        };
        Ok(PageRequest { filter: self.filter()?, sort, after, limit, scan_budget: SCAN_BUDGET })
    }
}

fn params(q: Result<Query<Params>, QueryRejection>) -> Result<Params, ApiError> {
    q.map(|Query(p)| p).map_err(query_error)
}

/// Paging parameters of the plain listings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    pub q: Option<String>,
    pub after: Option<i64>,
    pub offset: Option<usize>,
    pub limit: Option<usize>,
    pub min_sources: Option<u64>,
}

impl ListParams {
    fn limit(&self) -> Result<usize, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_PAGE),
            Some(0) => Err(ApiError::bad("limit", "must be at least 1")),
            Some(n) if n > MAX_PAGE => Err(ApiError {
                status: StatusCode::BAD_REQUEST,
                error: "limit_too_large",
                message: format!("limit {n} is above the maximum page size {MAX_PAGE}"),
                param: Some("limit".into()),
            }),
            Some(n) => Ok(n),
        }
    }
}

fn list(q: Result<Query<ListParams>, QueryRejection>) -> Result<ListParams, ApiError> {
    let p = q.map(|Query(p)| p).map_err(query_error)?;
    if p.after.is_some_and(|a| a < 0) {
        return Err(ApiError::bad("after", "must not be negative"));
    }
    if p.offset.is_some_and(|o| o > 100_000) {
        return Err(ApiError::bad("offset", "above 100000; narrow the listing instead"));
    }
    if p.q.as_ref().is_some_and(|q| q.chars().count() > MAX_PARAM) {
        return Err(ApiError::bad("q", format!("longer than {MAX_PARAM} characters")));
    }
    Ok(p)
}

fn id(s: &str, what: &str) -> Result<i64, ApiError> {
    s.parse::<i64>()
        .ok()
        .filter(|&i| i > 0)
        .ok_or_else(|| ApiError::bad("id", format!("`{s}` is not {what} id")))
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/clusters", get(clusters))
        .route("/api/clusters/{id}", get(cluster))
        .route("/api/articles", get(articles).post(post_articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/actors", get(actors))
        .route("/api/actors/{code}", get(actor))
        .route("/api/outlets", get(outlets))
        .route("/api/facets", get(facets))
        .route("/api/timeline", get(timeline))
        .route("/api/map", get(map))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .method_not_allowed_fallback(api_method_not_allowed)
}

/// A known endpoint asked with a method it does not take: a JSON error like every other
/// failure (it was a bare 405 with an empty body).
async fn api_method_not_allowed(method: axum::http::Method) -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        error: "method_not_allowed",
        message: format!(
            "{method} is not allowed here: the API is read with GET, and only \
             /api/articles takes POST; see /api/openapi.json"
        ),
        param: None,
    }
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("no such API endpoint; see /api/openapi.json")
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

#[derive(Debug, Serialize)]
struct Health {
    documents: u64,
    events: u64,
    clusters: u64,
    writable: bool,
    version: &'static str,
}

async fn health(State(s): State<Shared>) -> Result<Json<Health>, ApiError> {
    let (documents, events, clusters) = s.pool.read(|r| r.counts()).await?;
    Ok(Json(Health {
        documents,
        events,
        clusters,
        writable: s.writer.is_some(),
        version: env!("CARGO_PKG_VERSION"),
    }))
}

async fn events(
    State(s): State<Shared>,
    q: Result<Query<Params>, QueryRejection>,
) -> Result<Json<store::EventPage>, ApiError> {
    let req = params(q)?.page()?;
    Ok(Json(s.pool.read(move |r| r.page(&req)).await?))
}

async fn event(
    State(s): State<Shared>,
    Path(raw): Path<String>,
) -> Result<Json<store::StoredEvent>, ApiError> {
    let id = id(&raw, "an event")?;
    s.pool
        .read(move |r| r.event(id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no event {id}")))
}

async fn clusters(
    State(s): State<Shared>,
    q: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<Vec<store::ClusterSummary>>, ApiError> {
    let p = list(q)?;
    let limit = p.limit()?;
    let min = p.min_sources.unwrap_or(1);
    if min > i64::MAX as u64 {
        return Err(ApiError::bad("min_sources", "too large"));
    }
    let off = p.offset.unwrap_or(0);
    Ok(Json(s.pool.read(move |r| r.clusters(min, off, limit)).await?))
}

/// A cluster with its members (parallel to `cluster.versions`).
#[derive(Debug, Serialize)]
pub struct ClusterBody {
    pub cluster: model::EventCluster,
    pub members: Vec<store::ClusterMember>,
}

async fn cluster(
    State(s): State<Shared>,
    Path(raw): Path<String>,
) -> Result<Json<ClusterBody>, ApiError> {
    let id = id(&raw, "a cluster")?;
    s.pool
        .read(move |r| r.cluster(id))
        .await?
        .map(|(cluster, members)| Json(ClusterBody { cluster, members }))
        .ok_or_else(|| ApiError::not_found(format!("no cluster {id}")))
}

async fn articles(
    State(s): State<Shared>,
    q: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<Vec<store::ArticleSummary>>, ApiError> {
    let p = list(q)?;
    let limit = p.limit()?;
    let after = p.after;
    Ok(Json(s.pool.read(move |r| r.articles(after, limit)).await?))
}

/// An article with the spans its events and quotes rest on.
#[derive(Debug, Serialize)]
pub struct ArticleBody {
    #[serde(flatten)]
    pub article: store::ArticleView,
    pub highlights: Vec<crate::highlight::Highlight>,
}

async fn article(
    State(s): State<Shared>,
    Path(raw): Path<String>,
) -> Result<Json<ArticleBody>, ApiError> {
    let id = id(&raw, "an article")?;
    let a = s
        .pool
        .read(move |r| r.article(id))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no article {id}")))?;
    let highlights = crate::highlight::highlights(&a);
    Ok(Json(ArticleBody { article: a, highlights }))
}

async fn actors(
    State(s): State<Shared>,
    q: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<Vec<store::ActorCount>>, ApiError> {
    let p = list(q)?;
    let limit = p.limit()?;
    let needle = p.q.filter(|q| !q.trim().is_empty());
    Ok(Json(s.pool.read(move |r| r.actors(needle.as_deref(), limit)).await?))
}

/// One actor: totals, events per month and main counterparts.
#[derive(Debug, Serialize)]
pub struct ActorBody {
    pub actor: store::ActorCount,
    pub months: Vec<store::Count>,
    pub counterparts: Vec<store::ActorCount>,
}

pub(crate) async fn actor_body(s: &Shared, code: String) -> Result<ActorBody, ApiError> {
    if code.is_empty() || code.len() > MAX_PARAM {
        return Err(ApiError::bad("code", "empty or too long"));
    }
    let c = code.clone();
    s.pool
        .read(move |r| r.actor(&c, 12))
        .await?
        .map(|(actor, months, counterparts)| ActorBody { actor, months, counterparts })
        .ok_or_else(|| ApiError::not_found(format!("no event names actor `{code}`")))
}

async fn actor(
    State(s): State<Shared>,
    Path(code): Path<String>,
) -> Result<Json<ActorBody>, ApiError> {
    actor_body(&s, code).await.map(Json)
}

async fn outlets(
    State(s): State<Shared>,
    q: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<Vec<store::OutletCount>>, ApiError> {
    let p = list(q)?;
    let limit = p.limit()?;
    Ok(Json(s.pool.read(move |r| r.outlets(limit)).await?))
}

/// Counts of matching events by CAMEO root, country, month and modality.
#[derive(Debug, Serialize)]
pub struct Facets {
    pub total: u64,
    pub complete: bool,
    pub root: Vec<store::Count>,
    pub country: Vec<store::Count>,
    pub month: Vec<store::Count>,
    pub modality: Vec<store::Count>,
}

pub(crate) async fn facets_for(s: &Shared, filter: Filter) -> Result<Facets, ApiError> {
    let (maps, total, complete) = s
        .pool
        .read(move |r| {
            let mut maps: [HashMap<String, u64>; 4] = Default::default();
            let (total, complete) = r.facet_walk(&filter, TALLY_BUDGET, |k| {
                let root = k.code.get(..2).unwrap_or(&k.code);
                let month = k.day.get(..7).unwrap_or("");
                for (m, v) in
                    maps.iter_mut().zip([root, k.country.as_str(), month, k.modality.as_str()])
                {
                    match m.get_mut(v) {
                        Some(n) => *n += 1,
                        None => {
                            m.insert(v.to_string(), 1);
                        }
                    }
                }
            })?;
            Ok((maps, total, complete))
        })
        .await?;
    let [root, country, month, modality] = maps.map(|m| {
        let mut v: Vec<store::Count> =
            m.into_iter().map(|(value, count)| store::Count { value, count }).collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        v
    });
    let mut month = month;
    month.retain(|c| !c.value.is_empty());
    month.sort_by(|a, b| a.value.cmp(&b.value));
    Ok(Facets { total, complete, root, country, month, modality })
}

async fn facets(
    State(s): State<Shared>,
    q: Result<Query<Params>, QueryRejection>,
) -> Result<Json<Facets>, ApiError> {
    let f = params(q)?.filter()?;
    facets_for(&s, f).await.map(Json)
}

/// Events per period (day, week or month) and series (CAMEO root or QuadClass).
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub bucket: &'static str,
    pub by: &'static str,
    pub complete: bool,
    pub points: Vec<TimelinePoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelinePoint {
    pub period: String,
    pub series: String,
    pub count: u64,
}

/// Monday of the ISO week of a `YYYY-MM-DD` day.
pub fn week_of(day: &str) -> Option<String> {
    let (y, m, d) = (
        day.get(..4)?.parse::<i64>().ok()?,
        day.get(5..7)?.parse::<i64>().ok()?,
        day.get(8..10)?.parse::<i64>().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || day.len() < 10 {
        return None;
    }
    // 1970-01-01 was a Thursday.
    let days = model::days::days_from_civil(y, m as u32, d as u32);
    let (yy, mm, dd) = model::days::civil_from_days(days - (days + 3).rem_euclid(7));
    Some(format!("{yy:04}-{mm:02}-{dd:02}"))
}

pub(crate) async fn timeline_for(s: &Shared, p: &Params) -> Result<Timeline, ApiError> {
    let filter = p.filter()?;
    let bucket = match some(&p.bucket).unwrap_or("month") {
        "day" => "day",
        "week" => "week",
        "month" => "month",
        x => {
            return Err(ApiError::bad(
                "bucket",
                format!("unknown bucket `{x}`; expected day, week or month"),
            ))
        }
    };
    let by = match some(&p.by).unwrap_or("root") {
        "root" => "root",
        "quad" => "quad",
        x => {
            return Err(ApiError::bad("by", format!("unknown series `{x}`; expected root or quad")))
        }
    };
    let (counts, complete) = s
        .pool
        .read(move |r| {
            let mut counts: HashMap<(String, String), u64> = HashMap::new();
            let (_, complete) = r.facet_walk(&filter, TALLY_BUDGET, |k| {
                let period = match bucket {
                    "day" => k.day.get(..10).map(str::to_string),
                    "week" => week_of(&k.day),
                    _ => k.day.get(..7).map(str::to_string),
                };
                let Some(period) = period else { return };
                let series = if by == "quad" {
                    k.quad_class.to_string()
                } else {
                    k.code.get(..2).unwrap_or(&k.code).to_string()
                };
                *counts.entry((period, series)).or_default() += 1;
            })?;
            Ok((counts, complete))
        })
        .await?;
    let mut points: Vec<TimelinePoint> = counts
        .into_iter()
        .map(|((period, series), count)| TimelinePoint { period, series, count })
        .collect();
    points.sort_by(|a, b| a.period.cmp(&b.period).then_with(|| a.series.cmp(&b.series)));
    Ok(Timeline { bucket, by, complete, points })
}

async fn timeline(
    State(s): State<Shared>,
    q: Result<Query<Params>, QueryRejection>,
) -> Result<Json<Timeline>, ApiError> {
    timeline_for(&s, &params(q)?).await.map(Json)
}

/// Matching events grouped by located place.
#[derive(Debug, Serialize)]
pub struct MapBody {
    pub complete: bool,
    pub points: Vec<MapPoint>,
    /// Matching events without coordinates.
    pub unlocated: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapPoint {
    pub lat: f64,
    pub lon: f64,
    pub name: String,
    pub country: Option<String>,
    pub precision: String,
    pub count: u64,
}

pub(crate) async fn map_for(s: &Shared, filter: Filter) -> Result<MapBody, ApiError> {
    let key = "json_extract(e.json, '$.location.lat') || '|' || json_extract(e.json, '$.location.lon') || '|' || ifnull(json_extract(e.json, '$.location.precision'), '') || '|' || ifnull(e.country, '') || '|' || ifnull(e.place, '')";
    let t = s.pool.read(move |r| r.tally(&filter, &[key], MAP_BUDGET)).await?;
    let mut points = Vec::new();
    let mut located = 0;
    for c in t.keys.into_iter().next().unwrap_or_default() {
        let mut it = c.value.splitn(5, '|');
        let (Some(lat), Some(lon), Some(prec), Some(country), Some(name)) =
            (it.next(), it.next(), it.next(), it.next(), it.next())
        else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else { continue };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            continue;
        }
        located += c.count;
        points.push(MapPoint {
            lat,
            lon,
            name: name.to_string(),
            country: (!country.is_empty()).then(|| country.to_string()),
            precision: if prec.is_empty() { "unknown".into() } else { prec.to_string() },
            count: c.count,
        });
    }
    Ok(MapBody { complete: t.complete, points, unlocated: t.total.saturating_sub(located) })
}

async fn map(
    State(s): State<Shared>,
    q: Result<Query<Params>, QueryRejection>,
) -> Result<Json<MapBody>, ApiError> {
    let f = params(q)?.filter()?;
    map_for(&s, f).await.map(Json)
}

/// One posted article: plain text (or HTML with `html: true`) and what is known about it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostedArticle {
    pub text: String,
    #[serde(default)]
    pub html: bool,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
}

/// What a post stored.
#[derive(Debug, Serialize)]
pub struct PostResult {
    pub added: u64,
    pub known: u64,
    pub events: u64,
    pub failed: Vec<String>,
}

async fn post_articles(
    State(s): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<PostResult>), ApiError> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let Some(w) = &s.writer else {
        // Without credentials the answer is "authenticate" (401); with some, "never here".
        return Err(ApiError {
            status: if given.is_some() { StatusCode::FORBIDDEN } else { StatusCode::UNAUTHORIZED },
            error: "read_only",
            message: "this server is read-only; start it with --token to accept articles".into(),
            param: None,
        });
    };
    let given = given.unwrap_or("");
    if !w.token_matches(given) {
        let mut e = ApiError {
            status: StatusCode::UNAUTHORIZED,
            error: "unauthorized",
            message: "missing or wrong bearer token".into(),
            param: None,
        };
        e.param = None;
        return Err(e);
    }
    let body = body.map_err(|e| ApiError {
        status: if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            e.status()
        } else {
            StatusCode::BAD_REQUEST
        },
        error: "bad_body",
        message: e.body_text(),
        param: None,
    })?;
    let docs = posted(body.0)?;
    if docs.is_empty() || docs.len() > MAX_POST {
        return Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            error: "bad_body",
            message: format!("post 1 to {MAX_POST} articles"),
            param: None,
        });
    }
    let state = s.clone();
    let out = tokio::task::spawn_blocking(move || ingest_posted(&state, docs)).await.map_err(
        |_| ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            error: "internal",
            message: "ingest task failed".into(),
            param: None,
        },
    )??;
    Ok((StatusCode::CREATED, Json(out)))
}

/// The articles of a POST body, or a message that says which article and field is wrong
/// (serde's untagged-enum error only said "data did not match any variant").
fn posted(body: serde_json::Value) -> Result<Vec<PostedArticle>, ApiError> {
    let bad = |message: String| ApiError {
        status: StatusCode::BAD_REQUEST,
        error: "bad_body",
        message,
        param: None,
    };
    let one = |v: serde_json::Value, what: &str| {
        serde_json::from_value::<PostedArticle>(v).map_err(|e| bad(format!("{what}: {e}")))
    };
    match body {
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| one(v, &format!("article {}", i + 1)))
            .collect(),
        v @ serde_json::Value::Object(_) => Ok(vec![one(v, "the article")?]),
        _ => Err(bad("expected an article object {\"text\": …} or a list of them".into())),
    }
}

fn ingest_posted(s: &Shared, docs: Vec<PostedArticle>) -> Result<PostResult, ApiError> {
    use store::Store as _;
    let Some(w) = &s.writer else { return Err(ApiError::not_found("no writer")) };
    let mut batch = store::Batch::default();
    let mut failed = Vec::new();
    for (i, a) in docs.into_iter().enumerate() {
        let bytes = a.text.into_bytes();
        let raw = model::RawDocument {
            origin: model::Origin { input: "http".into(), offset: None, line: Some(i as u64 + 1) },
            uri: a.url,
            fetched: None,
            content_type: Some(if a.html { "text/html" } else { "text/plain" }.into()),
            hash: ingest::content_hash(&bytes),
            bytes,
            hints: model::Hints {
                title: a.title,
                date: a.date,
                outlet: a.outlet,
                plain_text: !a.html,
            },
        };
        match w.ingestor.ingest(raw) {
            Ok(rec) => batch.docs.push(rec),
            Err(e) => failed.push(format!("article {}: {e}", i + 1)),
        }
    }
    let mut db = w.store.lock().map_err(|_| ApiError {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        error: "internal",
        message: "writer lock poisoned".into(),
        param: None,
    })?;
    let write_err = |e: StoreError| ApiError::from(ReadError::Store(e));
    let c = db.commit(&batch).map_err(write_err)?;
    if c.added > 0 {
        db.recluster(&cluster::Options::default()).map_err(write_err)?;
    }
    Ok(PostResult { added: c.added, known: c.known, events: c.events, failed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_of("2009-07-28").as_deref(), Some("2009-07-27")); // a Tuesday
        assert_eq!(week_of("2009-07-27").as_deref(), Some("2009-07-27"));
        assert_eq!(week_of("2009-08-02").as_deref(), Some("2009-07-27")); // a Sunday
        assert_eq!(week_of("2021-01-01").as_deref(), Some("2020-12-28"));
        assert_eq!(week_of("2024-02-29").as_deref(), Some("2024-02-26"));
        assert_eq!(week_of("2009-07"), None);
        assert_eq!(week_of("2009-13-01"), None);
    }

    #[test]
    fn date_bounds() {
        for ok in ["2009", "2009-07", "2009-07-28"] {
            assert!(store::check_date_bound(ok).is_ok(), "{ok}");
        }
        // A day or month that does not exist is a bad parameter, not an empty page.
        for bad in ["09", "2009-7", "2009/07/28", "2009-07-28T10", "yesterday", "", "2019-13-45"] {
            assert!(store::check_date_bound(bad).is_err(), "{bad}");
        }
    }
}
