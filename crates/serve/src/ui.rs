//! The web UI: server-rendered pages (search with facets, event page with every outlet's
//! report side by side, article view with highlighted spans, timeline, map, actors, clusters,
//! outlets) and the embedded assets.
//!
//! Pages are `maud` templates, which escape every interpolated string; links to article URLs
//! are emitted only for `http`/`https` URLs. Everything works without JavaScript; the one
//! script only adds keyboard shortcuts and auto-submits filter selects.

use crate::api::{self, ApiError, Params};
use crate::highlight::{self, Kind};
use crate::{world, Shared};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, DOCTYPE};
use std::fmt::Write as _;

const STYLE: &str = include_str!("../assets/style.css");
const SCRIPT: &str = include_str!("../assets/app.js");

/// CAMEO root event classes (CAMEO 1.1b3 manual, facts).
pub fn root_name(root: &str) -> &'static str {
    match root {
        "01" => "Make public statement",
        "02" => "Appeal",
        "03" => "Express intent to cooperate",
        "04" => "Consult",
        "05" => "Diplomatic cooperation",
        "06" => "Material cooperation",
        "07" => "Provide aid",
        "08" => "Yield",
        "09" => "Investigate",
        "10" => "Demand",
        "11" => "Disapprove",
        "12" => "Reject",
        "13" => "Threaten",
        "14" => "Protest",
        "15" => "Exhibit force posture",
        "16" => "Reduce relations",
        "17" => "Coerce",
        "18" => "Assault",
        "19" => "Fight",
        "20" => "Unconventional mass violence",
        _ => "Unknown",
    }
}

/// GDELT/CAMEO QuadClass names.
pub fn quad_name(q: &str) -> &'static str {
    match q {
        "1" => "Verbal cooperation",
        "2" => "Material cooperation",
        "3" => "Verbal conflict",
        "4" => "Material conflict",
        _ => "Unknown",
    }
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(search))
        .route("/events/{id}", get(event_page))
        .route("/articles", get(articles_page))
        .route("/articles/{id}", get(article_page))
        .route("/clusters", get(clusters_page))
        .route("/clusters/{id}", get(cluster_page))
        .route("/actors", get(actors_page))
        .route("/actors/{code}", get(actor_page))
        .route("/outlets", get(outlets_page))
        .route("/timeline", get(timeline_page))
        .route("/map", get(map_page))
        .route("/static/style.css", get(|| async { asset("text/css; charset=utf-8", STYLE) }))
        .route("/static/app.js", get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(|| async { page_error(ApiError::not_found("no such page")) })
        .method_not_allowed_fallback(|method: axum::http::Method| async move {
            page_error(ApiError {
                status: StatusCode::METHOD_NOT_ALLOWED,
                error: "method_not_allowed",
                message: format!("{method} is not allowed here: pages are read with GET"),
                param: None,
            })
        })
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "public, max-age=3600")], body)
        .into_response()
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A query string from the non-empty pairs.
fn qs(pairs: &[(&str, Option<&str>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={}", enc(v))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The filter parameters of `p` as pairs (for links that keep the current filter).
fn filter_pairs(p: &Params) -> Vec<(&str, Option<&str>)> {
    vec![
        ("text", p.text.as_deref()),
        ("actor", p.actor.as_deref()),
        ("code", p.code.as_deref()),
        ("plover", p.plover.as_deref()),
        ("place", p.place.as_deref()),
        ("outlet", p.outlet.as_deref()),
        ("modality", p.modality.as_deref()),
        ("historical", p.historical.as_deref()),
        ("from", p.from.as_deref()),
        ("to", p.to.as_deref()),
        ("latest", p.latest.as_deref()),
    ]
}

/// `p` with one filter parameter replaced.
fn with<'a>(p: &'a Params, key: &'a str, value: Option<&'a str>) -> String {
    let mut pairs = filter_pairs(p);
    pairs.retain(|(k, _)| *k != key);
    pairs.push((key, value));
    qs(&pairs)
}

fn safe_url(u: &str) -> Option<&str> {
    let l = u.trim_start().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")).then_some(u)
}

fn layout(title: &str, current: &str, body: Markup) -> Markup {
    let nav = [
        ("/", "Search"),
        ("/timeline", "Timeline"),
        ("/map", "Map"),
        ("/clusters", "Clusters"),
        ("/actors", "Actors"),
        ("/outlets", "Outlets"),
        ("/articles", "Articles"),
    ];
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Annalist" }
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    a.brand href="/" { "Annalist" }
                    nav aria-label="Main" {
                        ul {
                            @for (href, label) in nav {
                                li {
                                    @if href == current {
                                        a href=(href) aria-current="page" { (label) }
                                    } @else {
                                        a href=(href) { (label) }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" { (body) }
                footer {
                    "Annalist — events coded from news, with provenance. "
                    a href="/api/openapi.json" { "API" }
                    " · Map outline: Natural Earth (public domain) via world-atlas."
                }
            }
        }
    }
}

fn page(status: StatusCode, m: Markup) -> Response {
    (status, Html(m.into_string())).into_response()
}

fn page_error(e: ApiError) -> Response {
    let status = e.status;
    let m = layout(
        "Error",
        "",
        html! {
            h1 { (status.as_u16()) " " (status.canonical_reason().unwrap_or("")) }
            p.error role="alert" { (e.message) }
            @if let Some(p) = &e.param { p { "Parameter: " code { (p) } } }
            p { a href="/" { "Back to search" } }
        },
    );
    page(status, m)
}

fn ui_params(q: Result<Query<Params>, QueryRejection>) -> Result<Params, ApiError> {
    q.map(|Query(p)| p).map_err(|e| ApiError {
        status: StatusCode::BAD_REQUEST,
        error: "bad_parameter",
        message: e.body_text(),
        param: None,
    })
}

fn event_date(r: &store::EventRow) -> String {
    store::event_date(r).unwrap_or_else(|| "undated".into())
}

fn actors_of(e: &model::Event) -> Markup {
    let one = |xs: &[model::ActorRef]| -> Markup {
        html! {
            @if xs.is_empty() { span.muted { "—" } }
            @for (i, a) in xs.iter().enumerate() {
                @if i > 0 { ", " }
                @if a.code.is_empty() { (a.text) }
                @else { a href={"/actors/" (enc(&a.code))} title=(a.text) { (a.code) } }
            }
        }
    };
    html! { (one(&e.sources)) " → " (one(&e.targets)) }
}

fn modality_badge(m: model::Modality) -> Markup {
    let name = serde_json::to_value(m)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    html! { span class={"badge mod-" (name)} { (name) } }
}

fn event_item(ev: &store::StoredEvent) -> Markup {
    let r = &ev.row;
    let e = &r.event;
    html! {
        li.event {
            a.title href={"/events/" (ev.id)} {
                span.code title=(root_name(&e.root)) { (e.code) }
                " " (root_name(&e.root)) ": “" (r.trigger_text) "”"
            }
            div.meta {
                time { (event_date(r)) } " · " (actors_of(e))
                @if let Some(l) = &e.location { " · " (l.name) }
                " · " (r.outlet.as_deref().unwrap_or("unknown outlet"))
                " · " (modality_badge(e.modality))
                @if r.num_sources > 1 { " · " span.badge { (r.num_sources) " sources" } }
            }
        }
    }
}

fn search_form(p: &Params, action: &str, extra: Markup) -> Markup {
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    html! {
        form.search role="search" method="get" action=(action) {
            div.row {
                label { "Words" input type="search" name="text" value=(v(&p.text)) placeholder="MKO, Camp Ashraf…" autofocus[action == "/"]; }
                label { "Actor" input name="actor" value=(v(&p.actor)) placeholder="IRN, Iraqi…"; }
                label { "Place" input name="place" value=(v(&p.place)) placeholder="IQ, Diyala…"; }
                label { "Outlet" input name="outlet" value=(v(&p.outlet)); }
            }
            div.row {
                label { "Event type"
                    select name="code" data-autosubmit {
                        option value="" { "any" }
                        @for i in 1..=20 {
                            @let root = format!("{i:02}");
                            option value=(root) selected[p.code.as_deref() == Some(root.as_str())] { (root) " " (root_name(&root)) }
                        }
                    }
                }
                label { "Modality"
                    select name="modality" data-autosubmit {
                        option value="" { "any" }
                        @for m in model::Modality::ALL.map(model::Modality::as_str) {
                            option value=(m) selected[p.modality.as_deref() == Some(m)] { (m) }
                        }
                    }
                }
                label { "From" input name="from" value=(v(&p.from)) placeholder="YYYY-MM-DD" pattern="[0-9]{4}(-[0-9]{2}){0,2}" size="10"; }
                label { "To" input name="to" value=(v(&p.to)) placeholder="YYYY-MM-DD" pattern="[0-9]{4}(-[0-9]{2}){0,2}" size="10"; }
                (extra)
                button type="submit" { "Search" }
            }
        }
    }
}

fn facet_list(
    title: &str,
    p: &Params,
    key: &str,
    counts: &[store::Count],
    label: impl Fn(&str) -> String,
) -> Markup {
    html! {
        section.facet aria-label=(title) {
            h3 { (title) }
            @if counts.is_empty() { p.muted { "none" } }
            ul {
                @for c in counts.iter().take(12) {
                    @let value = c.value.as_str();
                    li {
                        @if value.is_empty() { span.muted { "unknown" } }
                        @else if key == "month" {
                            a href={"/" (with(&Params { from: Some(value.to_string()), ..p.clone() }, "to", Some(value)))} { (label(value)) }
                        } @else {
                            a href={"/" (with(p, key, Some(value)))} { (label(value)) }
                        }
                        " " span.count { (c.count) }
                    }
                }
            }
        }
    }
}

async fn search(State(s): State<Shared>, q: Result<Query<Params>, QueryRejection>) -> Response {
    let p = match ui_params(q) {
        Ok(p) => p,
        Err(e) => return page_error(e),
    };
    let req = match p.page() {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let filter = req.filter.clone();
    let page_res = s.pool.read(move |r| r.page(&req)).await;
    let page_data = match page_res {
        Ok(x) => x,
        Err(e) => return page_error(e.into()),
    };
    let facets = match api::facets_for(&s, filter).await {
        Ok(f) => f,
        Err(e) => return page_error(e),
    };
    let sort_sel = html! {
        label { "Sort"
            select name="sort" data-autosubmit {
                @for (v, l) in [("newest", "newest stored"), ("date_desc", "latest date"), ("date_asc", "earliest date"), ("oldest", "first stored")] {
                    option value=(v) selected[p.sort.as_deref() == Some(v)] { (l) }
                }
            }
        }
    };
    let mut next_pairs = filter_pairs(&p);
    next_pairs.push(("sort", p.sort.as_deref()));
    next_pairs.push(("limit", p.limit.as_deref()));
    next_pairs.push(("after", page_data.next.as_deref()));
    let body = html! {
        h1 { "Search events" }
        (search_form(&p, "/", sort_sel))
        div.results {
            aside.facets aria-label="Facets" {
                p.total { strong { (facets.total) } " matching events"
                    @if !facets.complete { " (counted over the first " (crate::TALLY_BUDGET) " candidates)" } }
                (facet_list("Event type", &p, "code", &facets.root, |v| format!("{v} {}", root_name(v))))
                (facet_list("Country", &p, "place", &facets.country, str::to_string))
                (facet_list("Modality", &p, "modality", &facets.modality, str::to_string))
                (facet_list("Month", &p, "month", &facets.month, str::to_string))
            }
            section.list aria-label="Events" {
                @if page_data.events.is_empty() && !page_data.truncated {
                    p #no-results { "No events match." }
                }
                ol.events #events {
                    @for ev in &page_data.events { (event_item(ev)) }
                }
                @if page_data.truncated { p.muted { "This page stopped after a bounded scan of the store; the next page goes on searching older events." } }
                @if page_data.next.is_some() {
                    p { a.next rel="next" href={"/" (qs(&next_pairs))} { "Next page →" } }
                }
                p.muted { "As JSON: " a href={"/api/events" (qs(&filter_pairs(&p)))} { "/api/events" } }
            }
        }
    };
    page(StatusCode::OK, layout("Search", "/", body))
}

/// The value a cluster compares for one field of one report (as `cluster::summarize` does).
fn field_value(field: &str, e: &model::Event, figures: &[i64]) -> String {
    match field {
        "code" => e.code.clone(),
        "source" => e.sources.first().map(|a| a.code.clone()).unwrap_or_default(),
        "target" => e.targets.first().map(|a| a.code.clone()).unwrap_or_default(),
        "date" => e
            .time
            .as_ref()
            .and_then(|t| t.start.clone())
            .map(|s| s.chars().take(10).collect())
            .unwrap_or_default(),
        "place" => e.location.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
        "figures" => figures.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
        "modality" => serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn attribution(e: &model::Event) -> Markup {
    html! {
        ol.chain aria-label="Attribution chain" {
            @for l in &e.attribution.chain {
                @let role = serde_json::to_value(l.role).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                li { span.role { (role.replace('_', " ")) } " " (l.text) }
            }
            @if e.attribution.chain.is_empty() { li.muted { "no attribution found" } }
        }
    }
}

struct Version<'a> {
    event_id: i64,
    document: i64,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    reprint: bool,
    figures: &'a [i64],
    event: &'a model::Event,
}

fn version_card(v: &Version<'_>, agreement: &[model::FieldAgreement], current: bool) -> Markup {
    let e = v.event;
    let differs = |field: &str| {
        agreement.iter().find(|a| a.field == field).is_some_and(|a| {
            !a.agree && a.values.first().is_some_and(|top| *top != field_value(field, e, v.figures))
        })
    };
    let row = |field: &str, label: &str, value: Markup| -> Markup {
        let d = differs(field);
        html! {
            tr class=[d.then_some("differs")] {
                th scope="row" { (label) }
                td { (value) @if d { " " span.badge.warn title="differs from the most common value" { "differs" } } }
            }
        }
    };
    html! {
        article.version.current[current] aria-label={"Report by " (v.outlet.unwrap_or("unknown outlet"))} {
            h3 { (v.outlet.unwrap_or("unknown outlet"))
                @if v.reprint { " " span.badge.reprint { "reprint" } } }
            p.src {
                a href={"/articles/" (v.document) "#e" (v.event_id)} { (v.title.unwrap_or("(untitled)")) }
                @if let Some(u) = v.url.and_then(safe_url) { " " a.ext href=(u) rel="noopener noreferrer nofollow" { "original" } }
            }
            table.fields {
                tbody {
                    (row("code", "Event", html! { span.code { (e.code) } " " (root_name(&e.root)) }))
                    (row("source", "Source", html! { (e.sources.first().map(|a| a.text.as_str()).unwrap_or("—")) @if let Some(a) = e.sources.first() { " (" (a.code) ")" } }))
                    (row("target", "Target", html! { (e.targets.first().map(|a| a.text.as_str()).unwrap_or("—")) @if let Some(a) = e.targets.first() { " (" (a.code) ")" } }))
                    (row("modality", "Modality", modality_badge(e.modality)))
                    (row("date", "Date", html! { (field_value("date", e, v.figures)) }))
                    (row("place", "Place", html! { @if let Some(l) = &e.location { (l.name) " (" (format!("{:?}", l.precision).to_lowercase()) ")" } @else { "—" } }))
                    (row("figures", "Numbers", html! { @if v.figures.is_empty() { "—" } @else { (field_value("figures", e, v.figures)) } }))
                }
            }
            h4 { "According to" }
            (attribution(e))
            @if !e.disputed_by.is_empty() {
                h4 { "Disputed by" }
                ul.disputes {
                    @for d in &e.disputed_by {
                        li {
                            (d.denier.as_ref().map(|x| x.text.as_str()).unwrap_or("someone unnamed"))
                            ": “" (d.text) "”"
                        }
                    }
                }
            }
            p.muted { "Confidence " (format!("{:.2}", e.confidence)) @if e.historical { " · historical" } }
            p { a href={"/events/" (v.event_id)} { "Event " (v.event_id) } }
        }
    }
}

async fn event_page(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let Some(id) = raw.parse::<i64>().ok().filter(|&i| i > 0) else {
        return page_error(ApiError::bad("id", format!("`{raw}` is not an event id")));
    };
    let res = s
        .pool
        .read(move |r| {
            let Some(ev) = r.event(id)? else { return Ok(None) };
            let cl = match ev.row.cluster {
                Some(c) => r.cluster(c)?,
                None => None,
            };
            Ok(Some((ev, cl)))
        })
        .await;
    let (ev, cl) = match res {
        Ok(Some(x)) => x,
        Ok(None) => return page_error(ApiError::not_found(format!("no event {id}"))),
        Err(e) => return page_error(e.into()),
    };
    let e = &ev.row.event;
    let own = Version {
        event_id: ev.id,
        document: ev.row.document,
        outlet: ev.row.outlet.as_deref(),
        title: ev.row.title.as_deref(),
        url: ev.row.url.as_deref(),
        reprint: ev.row.reprint_of_url.is_some(),
        figures: &ev.row.figures,
        event: e,
    };
    let body = html! {
        h1 { span.code { (e.code) } " " (root_name(&e.root)) ": " (actors_of(e)) }
        p.lead {
            "“" (ev.row.trigger_text) "” — " time { (event_date(&ev.row)) }
            @if let Some(l) = &e.location { " · " (l.name) }
            " · " (modality_badge(e.modality))
        }
        blockquote.sentence { (ev.row.sentence_text) }
        @match &cl {
            Some((c, members)) => {
                h2 #reports { "Reports side by side" }
                p { (c.versions.len()) " report(s) from " (c.independent_sources) " independent source(s) — cluster " (c.id) "." }
                section.agreement aria-labelledby="agree-h" {
                    h3 #agree-h { "Where they agree" }
                    table {
                        thead { tr { th scope="col" { "Field" } th scope="col" { "Agree?" } th scope="col" { "Values (most common first)" } } }
                        tbody {
                            @for a in &c.agreement {
                                tr class=(if a.agree { "agree" } else { "disagree" }) {
                                    th scope="row" { (a.field) }
                                    td { @if a.agree { "✓ agree" } @else { "✗ disagree" } }
                                    td { (a.values.iter().map(|v| if v.is_empty() { "—".to_string() } else { v.clone() }).collect::<Vec<_>>().join(" · ")) }
                                }
                            }
                        }
                    }
                }
                div.versions #versions {
                    @for (v, m) in c.versions.iter().zip(members) {
                        (version_card(&Version {
                            event_id: m.event,
                            document: m.document,
                            outlet: v.outlet.as_deref(),
                            title: m.title.as_deref(),
                            url: m.url.as_deref(),
                            reprint: v.reprint_of.is_some() || m.reprint_of.is_some(),
                            figures: &m.figures,
                            event: &v.event,
                        }, &c.agreement, m.event == ev.id))
                    }
                }
            }
            None => {
                h2 #reports { "Report" }
                div.versions #versions { (version_card(&own, &[], true)) }
            }
        }
        p.muted { "As JSON: " a href={"/api/events/" (ev.id)} { "/api/events/" (ev.id) } }
    };
    page(StatusCode::OK, layout(&format!("Event {}", ev.id), "", body))
}

async fn article_page(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let Some(id) = raw.parse::<i64>().ok().filter(|&i| i > 0) else {
        return page_error(ApiError::bad("id", format!("`{raw}` is not an article id")));
    };
    let a = match s.pool.read(move |r| r.article(id)).await {
        Ok(Some(a)) => a,
        Ok(None) => return page_error(ApiError::not_found(format!("no article {id}"))),
        Err(e) => return page_error(e.into()),
    };
    let hl = highlight::highlights(&a);
    // Paragraphs: the body joins them with a blank line.
    let mut paras = Vec::new();
    let mut start = 0;
    for (i, _) in a.text.match_indices("\n\n") {
        paras.push(start..i);
        start = i + 2;
    }
    paras.push(start..a.text.len());
    let body = html! {
        h1 { (a.title.as_deref().unwrap_or("(untitled)")) }
        p.lead {
            (a.outlet.as_deref().unwrap_or("unknown outlet"))
            @if let Some(p) = &a.published { " · " time { (p.value) } }
            @if let Some(u) = &a.url {
                " · "
                @if let Some(u) = safe_url(u) { a.ext href=(u) rel="noopener noreferrer nofollow" { "original page" } }
                @else { span.muted { (u) } }
            }
            @if a.reprint_of.is_some() { " · " span.badge.reprint { "reprint" } }
        }
        ul.legend aria-label="Legend" {
            @for k in [Kind::Trigger, Kind::Actor, Kind::Place, Kind::Date, Kind::Source, Kind::Denial, Kind::Quote] {
                li { span class={"hl hl-" (k.name())} { (k.name()) } }
            }
        }
        div.article-text #text {
            @for r in &paras {
                p {
                    @for seg in highlight::segments(&a.text, r.clone(), &hl) {
                        @match seg.mark {
                            Some(m) => {
                                @if let Some(eid) = m.event {
                                    a class={"hl hl-" (m.kind.name())} href={"/events/" (eid)} title={(m.kind.name()) ": " (m.label)} data-start=(seg.start) { (seg.text) }
                                } @else {
                                    span class={"hl hl-" (m.kind.name())} title={(m.kind.name()) ": " (m.label)} { (seg.text) }
                                }
                            }
                            None => { (seg.text) }
                        }
                    }
                }
            }
        }
        h2 { "Events in this article" }
        @if a.events.is_empty() { p.muted { "No events were coded." } }
        ol.events {
            @for ev in &a.events {
                li.event #{"e" (ev.id)} {
                    a href={"/events/" (ev.id)} { span.code { (ev.event.code) } " " (root_name(&ev.event.root)) }
                    " — " (actors_of(&ev.event)) " · " (modality_badge(ev.event.modality))
                    @if let Some(c) = ev.cluster { " · cluster " (c) }
                }
            }
        }
        @if !a.quotes.is_empty() {
            h2 { "Quotes" }
            ul {
                @for q in &a.quotes {
                    li { "“" (q.text) "” — " (q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("unknown speaker")) }
                }
            }
        }
        p.muted { "As JSON: " a href={"/api/articles/" (a.id)} { "/api/articles/" (a.id) } }
    };
    page(StatusCode::OK, layout(a.title.as_deref().unwrap_or("Article"), "", body))
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQ {
    q: Option<String>,
    after: Option<i64>,
}

async fn articles_page(
    State(s): State<Shared>,
    q: Result<Query<ListQ>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = q else { return page_error(ApiError::bad("after", "not an article id")) };
    let after = q.after;
    let list = match s.pool.read(move |r| r.articles(after, 50)).await {
        Ok(l) => l,
        Err(e) => return page_error(e.into()),
    };
    let body = html! {
        h1 { "Articles" }
        ol.events {
            @for a in &list {
                li.event {
                    a href={"/articles/" (a.id)} { (a.title.as_deref().unwrap_or("(untitled)")) }
                    div.meta { (a.outlet.as_deref().unwrap_or("unknown outlet")) " · " (a.published.as_deref().unwrap_or("undated")) " · " (a.events) " event(s)" }
                }
            }
        }
        @if list.len() == 50 { @if let Some(last) = list.last() { p { a rel="next" href={"/articles?after=" (last.id)} { "Next page →" } } } }
    };
    page(StatusCode::OK, layout("Articles", "/articles", body))
}

async fn clusters_page(State(s): State<Shared>) -> Response {
    let list = match s.pool.read(|r| r.clusters(1, 0, 100)).await {
        Ok(l) => l,
        Err(e) => return page_error(e.into()),
    };
    let body = html! {
        h1 { "Event clusters" }
        p { "Reports of one real-world event across articles and outlets, most independent sources first." }
        table {
            thead { tr { th scope="col" { "Cluster" } th scope="col" { "Type" } th scope="col" { "Date" } th scope="col" { "Sources" } th scope="col" { "Articles" } th scope="col" { "Reports" } } }
            tbody {
                @for c in &list {
                    tr {
                        td { a href={"/clusters/" (c.id)} { (c.id) } }
                        td { (c.root.as_deref().map(root_name).unwrap_or("—")) }
                        td { (c.date.as_deref().unwrap_or("—")) }
                        td { (c.num_sources) }
                        td { (c.num_articles) }
                        td { (c.num_mentions) }
                    }
                }
            }
        }
        p.muted { "A cluster opens on its first event, its reports side by side. As JSON: " a href="/api/clusters" { "/api/clusters" } }
    };
    page(StatusCode::OK, layout("Clusters", "/clusters", body))
}

/// A cluster is shown on the page of its first event, which sets its reports side by side.
async fn cluster_page(State(s): State<Shared>, Path(raw): Path<String>) -> Response {
    let Some(id) = raw.parse::<i64>().ok().filter(|&i| i > 0) else {
        return page_error(ApiError::bad("id", format!("`{raw}` is not a cluster id")));
    };
    match s.pool.read(move |r| r.cluster(id)).await {
        Ok(Some((_, members))) if !members.is_empty() => {
            let to = format!("/events/{}", members[0].event);
            (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
        }
        Ok(_) => page_error(ApiError::not_found(format!("no cluster {id}"))),
        Err(e) => page_error(e.into()),
    }
}

async fn actors_page(State(s): State<Shared>, q: Result<Query<ListQ>, QueryRejection>) -> Response {
    let Ok(Query(q)) = q else { return page_error(ApiError::bad("q", "unknown parameter")) };
    let needle = q.q.clone().filter(|x| !x.trim().is_empty() && x.len() <= 200);
    let n2 = needle.clone();
    let list = match s.pool.read(move |r| r.actors(n2.as_deref(), 100)).await {
        Ok(l) => l,
        Err(e) => return page_error(e.into()),
    };
    let body = html! {
        h1 { "Actors" }
        form.search role="search" method="get" action="/actors" {
            label { "Code or name" input type="search" name="q" value=(needle.clone().unwrap_or_default()); }
            button type="submit" { "Find" }
        }
        table {
            thead { tr { th scope="col" { "Actor" } th scope="col" { "Name as written" } th scope="col" { "Events" } } }
            tbody {
                @for a in &list {
                    tr { td { a href={"/actors/" (enc(&a.code))} { (a.code) } } td { (a.name) } td { (a.events) } }
                }
            }
        }
    };
    page(StatusCode::OK, layout("Actors", "/actors", body))
}

fn bars_svg(points: &[store::Count], label: &str) -> Markup {
    let max = points.iter().map(|c| c.count).max().unwrap_or(1).max(1) as f64;
    let n = points.len().max(1) as f64;
    let (w, h) = (640.0, 160.0);
    let bw = (w / n).max(1.0);
    html! {
        svg.chart viewBox={"0 0 " (w) " " (h + 20.0)} role="img" aria-label=(label) {
            @for (i, c) in points.iter().enumerate() {
                @let bh = (c.count as f64 / max * h).max(1.0);
                rect x=(format!("{:.1}", i as f64 * bw)) y=(format!("{:.1}", h - bh)) width=(format!("{:.1}", (bw - 1.0).max(0.5))) height=(format!("{bh:.1}")) class="bar" {
                    title { (c.value) ": " (c.count) }
                }
            }
            @if let (Some(f), Some(l)) = (points.first(), points.last()) {
                text x="0" y=(h + 15.0) class="axis" { (f.value) }
                text x=(w) y=(h + 15.0) class="axis" text-anchor="end" { (l.value) }
            }
        }
    }
}

async fn actor_page(State(s): State<Shared>, Path(code): Path<String>) -> Response {
    let b = match api::actor_body(&s, code).await {
        Ok(b) => b,
        Err(e) => return page_error(e),
    };
    // A small network: the actor in the middle, counterparts around, line width by shared events.
    let max = b.counterparts.iter().map(|c| c.events).max().unwrap_or(1).max(1) as f64;
    let n = b.counterparts.len().max(1) as f64;
    let body = html! {
        h1 { (b.actor.code) " " span.muted { (b.actor.name) } }
        p { (b.actor.events) " event(s). " a href={"/" (qs(&[("actor", Some(b.actor.code.as_str()))]))} { "Search its events" } }
        h2 { "Events over time" }
        (bars_svg(&b.months, "Events per month"))
        h2 { "Main counterparts" }
        svg.network viewBox="0 0 400 300" role="img" aria-label="Counterpart network" {
            @for (i, c) in b.counterparts.iter().enumerate() {
                @let a = i as f64 / n * std::f64::consts::TAU;
                @let (x, y) = (200.0 + 140.0 * a.cos(), 150.0 + 115.0 * a.sin());
                line x1="200" y1="150" x2=(format!("{x:.1}")) y2=(format!("{y:.1}")) stroke-width=(format!("{:.1}", 1.0 + 6.0 * c.events as f64 / max)) class="edge" {}
                a href={"/actors/" (enc(&c.code))} {
                    circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="6" class="node" {}
                    text x=(format!("{x:.1}")) y=(format!("{:.1}", y - 9.0)) text-anchor="middle" class="label" { (c.code) }
                }
            }
            circle cx="200" cy="150" r="10" class="node self" {}
            text x="200" y="175" text-anchor="middle" class="label" { (b.actor.code) }
        }
        table {
            thead { tr { th scope="col" { "Counterpart" } th scope="col" { "Name" } th scope="col" { "Shared events" } } }
            tbody {
                @for c in &b.counterparts {
                    tr { td { a href={"/actors/" (enc(&c.code))} { (c.code) } } td { (c.name) } td { (c.events) } }
                }
            }
        }
    };
    page(StatusCode::OK, layout(&b.actor.code, "/actors", body))
}

async fn outlets_page(State(s): State<Shared>) -> Response {
    let list = match s.pool.read(|r| r.outlets(200)).await {
        Ok(l) => l,
        Err(e) => return page_error(e.into()),
    };
    let body = html! {
        h1 { "Outlets" }
        table {
            thead { tr { th scope="col" { "Outlet" } th scope="col" { "Articles" } th scope="col" { "Events" } } }
            tbody {
                @for o in &list {
                    tr {
                        td { @if o.outlet.is_empty() { span.muted { "unknown" } } @else { a href={"/" (qs(&[("outlet", Some(o.outlet.as_str()))]))} { (o.outlet) } } }
                        td { (o.articles) } td { (o.events) }
                    }
                }
            }
        }
    };
    page(StatusCode::OK, layout("Outlets", "/outlets", body))
}

/// Colours for series (roots cycle through them; QuadClass uses the first four).
const PALETTE: &[&str] = &[
    "#2b6cb0", "#2f855a", "#b7791f", "#c53030", "#6b46c1", "#2c7a7b", "#b83280", "#718096",
    "#975a16", "#276749",
];

async fn timeline_page(
    State(s): State<Shared>,
    q: Result<Query<Params>, QueryRejection>,
) -> Response {
    let p = match ui_params(q) {
        Ok(p) => p,
        Err(e) => return page_error(e),
    };
    let t = match api::timeline_for(&s, &p).await {
        Ok(t) => t,
        Err(e) => return page_error(e),
    };
    let mut periods: Vec<&str> = t.points.iter().map(|x| x.period.as_str()).collect();
    periods.dedup();
    let mut series: Vec<&str> = t.points.iter().map(|x| x.series.as_str()).collect();
    series.sort_unstable();
    series.dedup();
    let colour =
        |s: &str| PALETTE[series.iter().position(|x| *x == s).unwrap_or(0) % PALETTE.len()];
    let name = |s: &str| {
        if t.by == "quad" {
            quad_name(s).to_string()
        } else {
            format!("{s} {}", root_name(s))
        }
    };
    let mut totals: std::collections::BTreeMap<&str, u64> = Default::default();
    for x in &t.points {
        *totals.entry(x.period.as_str()).or_default() += x.count;
    }
    let max = totals.values().copied().max().unwrap_or(1).max(1) as f64;
    let (w, h) = (720.0, 240.0);
    let bw = (w / periods.len().max(1) as f64).max(1.0);
    let mut stack: std::collections::HashMap<&str, f64> = Default::default();
    let sel = html! {
        label { "Per" select name="bucket" data-autosubmit {
            @for b in ["day", "week", "month"] { option value=(b) selected[t.bucket == b] { (b) } }
        } }
        label { "By" select name="by" data-autosubmit {
            option value="root" selected[t.by == "root"] { "event type (CAMEO root)" }
            option value="quad" selected[t.by == "quad"] { "QuadClass" }
        } }
    };
    let body = html! {
        h1 { "Timeline" }
        (search_form(&p, "/timeline", sel))
        @if periods.is_empty() { p #no-results { "No dated events match." } }
        @else {
            figure {
                svg.chart #timeline viewBox={"0 0 " (w) " " (h + 24.0)} role="img" aria-label={"Events per " (t.bucket) " by " (t.by)} {
                    @for x in &t.points {
                        @let i = periods.iter().position(|p| *p == x.period).unwrap_or(0);
                        @let base = *stack.get(x.period.as_str()).unwrap_or(&0.0);
                        @let bh = x.count as f64 / max * h;
                        @let _ = stack.insert(x.period.as_str(), base + bh);
                        rect x=(format!("{:.1}", i as f64 * bw)) y=(format!("{:.1}", h - base - bh)) width=(format!("{:.1}", (bw - 1.0).max(0.5))) height=(format!("{:.1}", bh.max(0.5))) fill=(colour(&x.series)) tabindex="0" {
                            title { (x.period) " · " (name(&x.series)) ": " (x.count) }
                        }
                    }
                    text x="0" y=(h + 16.0) class="axis" { (periods[0]) }
                    text x=(w) y=(h + 16.0) class="axis" text-anchor="end" { (periods[periods.len() - 1]) }
                }
                figcaption {
                    ul.legend {
                        @for sname in &series { li { svg.swatch width="12" height="12" aria-hidden="true" { rect width="12" height="12" fill=(colour(sname)) {} } " " (name(sname)) } }
                    }
                }
            }
            details {
                summary { "Table" }
                table {
                    thead { tr { th scope="col" { "Period" } th scope="col" { "Series" } th scope="col" { "Events" } } }
                    tbody { @for x in &t.points { tr { td { (x.period) } td { (name(&x.series)) } td { (x.count) } } } }
                }
            }
        }
        @if !t.complete { p.muted { "Counted over the first " (crate::TALLY_BUDGET) " candidates; narrow the filter for exact counts." } }
    };
    page(StatusCode::OK, layout("Timeline", "/timeline", body))
}

async fn map_page(State(s): State<Shared>, q: Result<Query<Params>, QueryRejection>) -> Response {
    let p = match ui_params(q) {
        Ok(p) => p,
        Err(e) => return page_error(e),
    };
    let f = match p.filter() {
        Ok(f) => f,
        Err(e) => return page_error(e),
    };
    let m = match api::map_for(&s, f).await {
        Ok(m) => m,
        Err(e) => return page_error(e),
    };
    let max = m.points.iter().map(|x| x.count).max().unwrap_or(1).max(1) as f64;
    let body = html! {
        h1 { "Map" }
        (search_form(&p, "/map", html! {}))
        figure {
            svg.map #map viewBox={"0 0 " (world::WIDTH) " " (world::HEIGHT)} role="img" aria-label="Events by location" {
                rect.sea x="0" y="0" width=(world::WIDTH) height=(world::HEIGHT) {}
                g.land {
                    @for (name, d) in world::countries() { path d=(d) { title { (name) } } }
                }
                g.points {
                    @for x in &m.points {
                        @let (cx, cy) = world::project(x.lon, x.lat);
                        @let r = 2.0 + 10.0 * (x.count as f64 / max).sqrt();
                        circle cx=(format!("{cx:.1}")) cy=(format!("{cy:.1}")) r=(format!("{r:.1}")) class={"pt prec-" (x.precision)} tabindex="0" {
                            title { (x.name) " (" (x.precision) "): " (x.count) " event(s)" }
                        }
                    }
                }
            }
            figcaption {
                "Circle area grows with the number of events. Precision: "
                span.key.prec-place { "place" } " " span.key.prec-city { "city" } " "
                span.key.prec-province { "province (dashed)" } " " span.key.prec-country { "country (hollow)" }
                @if m.unlocated > 0 { ". " (m.unlocated) " matching event(s) have no coordinates." }
                @if !m.complete { " Only the newest " (crate::MAP_BUDGET) " matching events are placed; narrow the filter to see older ones." }
            }
        }
        table {
            thead { tr { th scope="col" { "Place" } th scope="col" { "Country" } th scope="col" { "Precision" } th scope="col" { "Events" } } }
            tbody {
                @for x in &m.points {
                    tr {
                        td { a href={"/" (qs(&[("place", Some(x.name.as_str()))]))} { (x.name) } }
                        td { (x.country.as_deref().unwrap_or("—")) } td { (x.precision) } td { (x.count) }
                    }
                }
            }
        }
    };
    page(StatusCode::OK, layout("Map", "/map", body))
}
