//! The API against its OpenAPI document: every endpoint's real response over a real store
//! (synthetic wire reports plus a hostile article) is validated against the schema the
//! document gives for that path, method and status; bad input gets the documented error
//! statuses with JSON bodies; writing needs the token; pages escape hostile text.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::Value;
use serve::{Config, Ingestor, State, Writer};
use std::path::{Path, PathBuf};
use std::time::Duration;
use store::{Batch, OpenOptions, SqliteStore, Store};
use tower::ServiceExt as _;

const HOSTILE: &str = "Rebels <script>window.__pwned = 1</script> attacked the <img src=x onerror=\"window.__pwned=2\"> base near Mosul, <a href=\"javascript:alert(1)\">officials</a> said. Broken </p></div><b unclosed & text „quoted“.";

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("serve-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d.join("store.db")
}

/// A store with 60 synthetic documents (3 events each), one hostile article, clustered.
fn fixture(name: &str) -> PathBuf {
    let path = tmp(name);
    let mut s = SqliteStore::open(&path, &OpenOptions::default()).unwrap();
    let mut docs: Vec<_> = (0..60).map(|n| serve::synth::document(11, n, 3)).collect();
    let mut hostile = serve::synth::document(11, 999, 1);
    // The hostile text with an event whose spans cover its words.
    let t = HOSTILE.to_string();
    let span = |w: &str| {
        let i = t.find(w).unwrap();
        model::Span::new(i, i + w.len())
    };
    hostile.article.text = t.clone();
    hostile.article.paragraphs = vec![model::Span::new(0, t.len())];
    hostile.article.title = Some("<script>alert('title')</script>".into());
    hostile.article.url = Some("javascript:alert(document.cookie)".into());
    hostile.url = hostile.article.url.clone();
    hostile.key = store::document_key(&hostile.hash, hostile.url.as_deref());
    let e = &mut hostile.events[0];
    e.trigger = span("attacked");
    e.sources[0].span = span("Rebels");
    e.sources[0].text = "Rebels".into();
    e.sources[0].code = "IRQREB".into();
    e.targets[0].span = span("base");
    e.targets[0].text = "base".into();
    if let Some(l) = e.location.as_mut() {
        l.span = Some(span("Mosul"));
        l.name = "Mosul".into();
    }
    if let Some(time) = e.time.as_mut() {
        time.span = None;
    }
    e.disputed_by = vec![model::Denial {
        cue: span("said"),
        text: "said".into(),
        sentence: 0,
        denier: Some(model::AttributionLink {
            role: model::AttributionRole::Source,
            text: "officials".into(),
            span: Some(span("officials")),
            actor: None,
        }),
        claims: vec![],
    }];
    hostile.sketch = cluster::sketch(&t);
    docs.push(hostile);
    s.commit(&Batch { docs, checkpoints: vec![] }).unwrap();
    s.recluster(&cluster::Options::default()).unwrap();
    path
}

fn config(db: &Path) -> Config {
    Config {
        read_timeout: Duration::from_secs(5),
        readers: 2,
        ..Config::new(db.to_path_buf(), "127.0.0.1:0".parse().unwrap())
    }
}

async fn call(
    app: &axum::Router,
    method: Method,
    uri: &str,
    body: Option<(&str, &str)>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut b = Request::builder().method(method).uri(uri);
    let body = match body {
        Some((auth, json)) => {
            if !auth.is_empty() {
                b = b.header(header::AUTHORIZATION, auth);
            }
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    let res = app.clone().oneshot(b.body(body).unwrap()).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 16 << 20).await.unwrap();
    (status, headers, bytes.to_vec())
}

// ---- a small JSON Schema checker for the subset our OpenAPI document uses ----

fn resolve<'a>(doc: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            doc.pointer(r.trim_start_matches('#')).unwrap_or_else(|| panic!("dangling $ref {r}"))
        }
        None => s,
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn check(doc: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let s = resolve(doc, schema);
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        let ok = alts.iter().filter(|a| {
            let mut e = Vec::new();
            check(doc, a, v, at, &mut e);
            e.is_empty()
        });
        if ok.count() != 1 {
            errors.push(format!("{at}: not exactly one of oneOf"));
        }
        return;
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_ok(t, v)),
            _ => true,
        };
        if !ok {
            errors.push(format!("{at}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{at}: {v} not in enum"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            errors.push(format!("{at}: {n} below minimum {min}"));
        }
    }
    if let Some(o) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        for r in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            let r = r.as_str().unwrap();
            if !o.contains_key(r) {
                errors.push(format!("{at}: missing required `{r}`"));
            }
        }
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(doc, ps, x, &format!("{at}.{k}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected `{k}`"))
                }
                None => {}
            }
        }
        if let Some(p) = props {
            // A documented property must not be silently absent unless optional.
            let _ = p;
        }
    }
    if let (Some(items), Some(a)) = (s.get("items"), v.as_array()) {
        for (i, x) in a.iter().enumerate() {
            check(doc, items, x, &format!("{at}[{i}]"), errors);
        }
    }
}

/// Validates a response against the document's schema for `template` (the OpenAPI path).
fn validate(doc: &Value, template: &str, method: &str, status: StatusCode, body: &[u8]) -> Value {
    let v: Value = serde_json::from_slice(body).unwrap_or_else(|e| {
        panic!("{template}: not JSON ({e}): {}", String::from_utf8_lossy(body))
    });
    let op = doc
        .pointer(&format!("/paths/{}/{method}", template.replace('~', "~0").replace('/', "~1")))
        .unwrap_or_else(|| panic!("{method} {template} is not documented"));
    let schema = op
        .pointer(&format!("/responses/{}/content/application~1json/schema", status.as_u16()))
        .unwrap_or_else(|| panic!("{method} {template}: status {status} is not documented"));
    let mut errors = Vec::new();
    check(doc, schema, &v, "$", &mut errors);
    assert!(
        errors.is_empty(),
        "{method} {template} ({status}) breaks its schema:\n{}",
        errors.join("\n")
    );
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_endpoint_answers_as_documented() {
    let db = fixture("api");
    let app = serve::router(State::new(config(&db), None));
    let doc: Value = serde_json::from_str(serve::api::OPENAPI).unwrap();
    let (st, h, body) = call(&app, Method::GET, "/api/openapi.json", None).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), doc);
    assert!(h.get(header::CONTENT_SECURITY_POLICY).is_some());
    assert!(h.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none(), "CORS is off by default");

    let ok = |t: &'static str, uri: String| (t, uri);
    let mut first_event = 0;
    let mut cluster_id = 0;
    let mut article_id = 0;
    let (st, _, body) = call(&app, Method::GET, "/api/events?limit=5&code=1", None).await;
    assert_eq!(st, StatusCode::OK);
    let page = validate(&doc, "/api/events", "get", st, &body);
    let events = page["events"].as_array().unwrap();
    assert_eq!(events.len(), 5);
    for e in events {
        assert!(e["event"]["code"].as_str().unwrap().starts_with('1'));
        first_event = e["id"].as_i64().unwrap();
        if let Some(c) = e["cluster"].as_i64() {
            cluster_id = c;
        }
        article_id = e["document"].as_i64().unwrap();
    }
    // Paging: the cursor continues without overlap, in order.
    let next = page["next"].as_str().unwrap().to_string();
    let (st, _, body) =
        call(&app, Method::GET, &format!("/api/events?limit=5&code=1&after={next}"), None).await;
    let page2 = validate(&doc, "/api/events", "get", st, &body);
    let ids2: Vec<i64> =
        page2["events"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids2.iter().all(|&i| i < first_event), "{ids2:?} after {first_event}");
    // Date order.
    let (st, _, body) = call(&app, Method::GET, "/api/events?sort=date_asc&limit=20", None).await;
    let p = validate(&doc, "/api/events", "get", st, &body);
    let dates: Vec<String> = p["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"]["time"]["start"].as_str().unwrap_or("").to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let cur = p["next"].as_str().unwrap();
    assert!(cur.contains('~'), "date cursors carry the date: {cur}");
    let (st, _, body) =
        call(&app, Method::GET, &format!("/api/events?sort=date_asc&limit=20&after={cur}"), None)
            .await;
    let p2 = validate(&doc, "/api/events", "get", st, &body);
    let later = p2["events"][0]["event"]["time"]["start"].as_str().unwrap_or("");
    assert!(later >= dates.last().unwrap().as_str());

    let cases = vec![
        ok("/api/health", "/api/health".into()),
        ok("/api/events", "/api/events?actor=IRQ&place=IQ&modality=asserted&from=2016&to=2023-06&text=near&latest=true&outlet=re".into()),
        ok("/api/events/{id}", format!("/api/events/{first_event}")),
        ok("/api/clusters", "/api/clusters?limit=10".into()),
        ok("/api/clusters/{id}", format!("/api/clusters/{cluster_id}")),
        ok("/api/articles", "/api/articles?limit=3".into()),
        ok("/api/articles/{id}", format!("/api/articles/{article_id}")),
        ok("/api/actors", "/api/actors?q=irq".into()),
        ok("/api/actors/{code}", "/api/actors/IRQMIL".into()),
        ok("/api/outlets", "/api/outlets".into()),
        ok("/api/facets", "/api/facets".into()),
        ok("/api/facets", "/api/facets?text=near&place=Baghdad".into()),
        ok("/api/timeline", "/api/timeline?bucket=week&by=quad".into()),
        ok("/api/timeline", "/api/timeline?bucket=day&code=19".into()),
        ok("/api/map", "/api/map?code=19".into()),
    ];
    for (template, uri) in cases {
        let (st, _, body) = call(&app, Method::GET, &uri, None).await;
        assert_eq!(st, StatusCode::OK, "{uri}: {}", String::from_utf8_lossy(&body));
        let v = validate(&doc, template, "get", st, &body);
        match template {
            "/api/events" => {
                for e in v["events"].as_array().unwrap() {
                    let codes: Vec<&str> = e["event"]["sources"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .chain(e["event"]["targets"].as_array().unwrap())
                        .map(|a| a["code"].as_str().unwrap())
                        .collect();
                    assert!(codes.iter().any(|c| c.starts_with("IRQ")), "{codes:?}");
                    assert_eq!(e["event"]["location"]["country"], "IQ");
                }
            }
            "/api/articles/{id}" => {
                // The contract: slicing the text with a highlight gives a non-empty surface.
                let text = v["text"].as_str().unwrap();
                let hl = v["highlights"].as_array().unwrap();
                assert!(hl.len() >= 6, "{hl:?}");
                for h in hl {
                    let (s, e) = (
                        h["start"].as_u64().unwrap() as usize,
                        h["end"].as_u64().unwrap() as usize,
                    );
                    assert!(text.get(s..e).is_some_and(|x| !x.is_empty()));
                }
            }
            "/api/facets" if uri == "/api/facets" => {
                let total: u64 = v["root"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["count"].as_u64().unwrap())
                    .sum();
                assert_eq!(total, 181);
                assert_eq!(v["total"], 181);
                assert_eq!(v["complete"], true);
            }
            "/api/map" => {
                let n: u64 = v["points"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["count"].as_u64().unwrap())
                    .sum();
                assert!(n > 0);
            }
            _ => {}
        }
    }
    // The same filters as `annalist query`: the facet total equals a store query's count.
    let s = SqliteStore::open(&db, &OpenOptions { read_only: true, max_pages: None }).unwrap();
    let f = store::Filter {
        text: Some("near".into()),
        place: Some("Baghdad".into()),
        ..Default::default()
    };
    let n = s.events(&f).unwrap().len() as u64;
    let (_, _, body) = call(&app, Method::GET, "/api/facets?text=near&place=Baghdad", None).await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["total"].as_u64(), Some(n));
    assert!(n > 0);
    let (_, _, body) =
        call(&app, Method::GET, "/api/events?text=near&place=Baghdad&limit=500", None).await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len() as u64, n);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_json_errors() {
    let db = fixture("bad");
    let app = serve::router(State::new(config(&db), None));
    let doc: Value = serde_json::from_str(serve::api::OPENAPI).unwrap();
    let cases: &[(&str, &str, u16, &str)] = &[
        ("/api/events", "/api/events?limit=100000", 400, "limit_too_large"),
        ("/api/events", "/api/events?limit=0", 400, "bad_parameter"),
        ("/api/events", "/api/events?limit=abc", 400, "bad_parameter"),
        ("/api/events", "/api/events?limit=99999999999999999999999", 400, "bad_parameter"),
        ("/api/events", "/api/events?bogus=1", 400, "bad_parameter"),
        ("/api/events", "/api/events?code=abc", 400, "bad_parameter"),
        ("/api/events", "/api/events?from=yesterday", 400, "bad_parameter"),
        ("/api/events", "/api/events?from=2019-13-45", 400, "bad_parameter"),
        ("/api/events", "/api/events?modality=maybe", 400, "bad_parameter"),
        ("/api/events", "/api/events?historical=perhaps", 400, "bad_parameter"),
        ("/api/events", "/api/events?sort=random", 400, "bad_parameter"),
        ("/api/events", "/api/events?after=notacursor", 400, "bad_parameter"),
        ("/api/events", "/api/events?after=~x", 400, "bad_parameter"),
        ("/api/timeline", "/api/timeline?bucket=year", 400, "bad_parameter"),
        ("/api/clusters", "/api/clusters?limit=501", 400, "limit_too_large"),
        ("/api/events/{id}", "/api/events/99999999", 404, "not_found"),
        ("/api/events/{id}", "/api/events/abc", 400, "bad_parameter"),
        ("/api/events/{id}", "/api/events/-3", 400, "bad_parameter"),
        ("/api/articles/{id}", "/api/articles/424242", 404, "not_found"),
        ("/api/clusters/{id}", "/api/clusters/424242", 404, "not_found"),
        ("/api/actors/{code}", "/api/actors/NOSUCHACTOR", 404, "not_found"),
    ];
    for (template, uri, status, code) in cases {
        let (st, _, body) = call(&app, Method::GET, uri, None).await;
        assert_eq!(st.as_u16(), *status, "{uri}: {}", String::from_utf8_lossy(&body));
        let v = validate(&doc, template, "get", st, &body);
        assert_eq!(v["error"], *code, "{uri}: {v}");
    }
    // A listing's number that is not one names its parameter (it had no `param`).
    for (uri, param) in [
        ("/api/clusters?offset=-1", "offset"),
        ("/api/clusters?min_sources=abc", "min_sources"),
        ("/api/articles?after=x", "after"),
    ] {
        let (st, _, body) = call(&app, Method::GET, uri, None).await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["param"], param, "{uri}: {v}");
        assert!(v["message"].as_str().unwrap().starts_with(param), "{uri}: {v}");
    }
    let long = "x".repeat(300);
    let (st, _, body) = call(&app, Method::GET, &format!("/api/events?text={long}"), None).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(serde_json::from_slice::<Value>(&body).unwrap()["param"], "text");
    let (st, _, body) = call(&app, Method::GET, "/api/nope", None).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(serde_json::from_slice::<Value>(&body).unwrap()["error"], "not_found");
    // Writing is off without a token.
    let (st, _, body) =
        call(&app, Method::POST, "/api/articles", Some(("", "{\"text\":\"x\"}"))).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert_eq!(validate(&doc, "/api/articles", "post", st, &body)["error"], "read_only");
    let (st, _, body) =
        call(&app, Method::POST, "/api/articles", Some(("Bearer guess", "{\"text\":\"x\"}"))).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    validate(&doc, "/api/articles", "post", st, &body);
    // A cursor of the other order is read leniently, not refused.
    let (st, _, _) = call(&app, Method::GET, "/api/events?sort=date_asc&after=12", None).await;
    assert_eq!(st, StatusCode::OK);

    // A missing store: 503 with a JSON body, and it recovers once the file exists.
    let missing = tmp("missing");
    let app2 = serve::router(State::new(config(&missing), None));
    let (st, h, body) = call(&app2, Method::GET, "/api/events", None).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE);
    assert!(h.get(header::RETRY_AFTER).is_some());
    let v = validate(&doc, "/api/events", "get", st, &body);
    assert_eq!(v["error"], "store_unavailable");
    std::fs::copy(&db, &missing).unwrap();
    let (st, _, _) = call(&app2, Method::GET, "/api/health", None).await;
    assert_eq!(st, StatusCode::OK);

    // A file that is not a store.
    let junk = tmp("junk");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    let app3 = serve::router(State::new(config(&junk), None));
    let (st, _, body) = call(&app3, Method::GET, "/api/events", None).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{}", String::from_utf8_lossy(&body));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_store_times_out_with_503_not_a_hang() {
    let db = fixture("locked");
    let mut cfg = config(&db);
    cfg.read_timeout = Duration::from_millis(700);
    let app = serve::router(State::new(cfg, None));
    // Another process holds an exclusive lock on the file.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE checkpoints SET position = position;").unwrap();
    let t = std::time::Instant::now();
    let (st, _, body) = call(&app, Method::GET, "/api/events", None).await;
    assert!(t.elapsed() < Duration::from_secs(5), "answered in {:?}", t.elapsed());
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{}", String::from_utf8_lossy(&body));
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert!(
        ["timeout", "busy", "store_unavailable"].contains(&v["error"].as_str().unwrap()),
        "{v}"
    );
    drop(c);
}

/// Codes a posted text into a record with its article and no events (the HTTP write path
/// under test is authentication, the body format and the commit, not the coder).
struct ArticleOnly;

impl Ingestor for ArticleOnly {
    fn ingest(&self, doc: model::RawDocument) -> Result<store::DocRecord, String> {
        let text = String::from_utf8(doc.bytes.clone()).map_err(|e| e.to_string())?;
        let mut rec = serve::synth::document(5, 0, 0);
        rec.hash = doc.hash.clone();
        rec.key = store::document_key(&doc.hash, doc.uri.as_deref());
        rec.url = doc.uri.clone();
        rec.article.id = doc.hash.clone();
        rec.article.paragraphs = vec![model::Span::new(0, text.len())];
        rec.article.text = text;
        rec.article.title = doc.hints.title.clone();
        Ok(rec)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posting_needs_the_token() {
    let db = fixture("post");
    let cfg = config(&db);
    let token = "correct horse battery staple";
    let w = Writer::new(&cfg, token, Box::new(ArticleOnly)).unwrap();
    assert!(w.token_matches(token));
    assert!(!w.token_matches("correct horse battery stapl"));
    assert!(!w.token_matches(""));
    let app = serve::router(State::new(cfg, Some(w)));
    let doc: Value = serde_json::from_str(serve::api::OPENAPI).unwrap();
    let body = r#"[{"text":"Talks resumed in Geneva on Monday.","title":"Talks","url":"https://example.org/a"}]"#;
    for auth in ["", "Bearer wrong", "Basic Y29ycmVjdA==", "bearer correct horse battery staple"] {
        let (st, _, b) = call(&app, Method::POST, "/api/articles", Some((auth, body))).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED, "{auth}");
        validate(&doc, "/api/articles", "post", st, &b);
    }
    let auth = format!("Bearer {token}");
    let (st, _, b) = call(&app, Method::POST, "/api/articles", Some((&auth, body))).await;
    assert_eq!(st, StatusCode::CREATED, "{}", String::from_utf8_lossy(&b));
    let v = validate(&doc, "/api/articles", "post", st, &b);
    assert_eq!(v["added"], 1);
    let (st, _, b) = call(&app, Method::POST, "/api/articles", Some((&auth, body))).await;
    assert_eq!(st, StatusCode::CREATED);
    assert_eq!(serde_json::from_slice::<Value>(&b).unwrap()["known"], 1, "idempotent");
    let (st, _, b) = call(&app, Method::POST, "/api/articles", Some((&auth, "{\"txt\": 1}"))).await;
    assert_eq!(st.as_u16() / 100, 4);
    validate(&doc, "/api/articles", "post", st, &b);
    let (st, _, b) = call(&app, Method::POST, "/api/articles", Some((&auth, "[]"))).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    validate(&doc, "/api/articles", "post", st, &b);
    let (_, _, b) = call(&app, Method::GET, "/api/articles?limit=1", None).await;
    assert_eq!(serde_json::from_slice::<Value>(&b).unwrap()[0]["title"], "Talks");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_and_escape_hostile_text() {
    let db = fixture("pages");
    let app = serve::router(State::new(config(&db), None));
    let (_, _, body) = call(&app, Method::GET, "/api/events?text=Mosul", None).await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    let ev = &v["events"][0];
    let (eid, doc_id) = (ev["id"].as_i64().unwrap(), ev["document"].as_i64().unwrap());
    for uri in [
        "/".to_string(),
        "/?text=Mosul&code=1".into(),
        format!("/events/{eid}"),
        format!("/articles/{doc_id}"),
        "/articles".into(),
        "/clusters".into(),
        "/actors".into(),
        "/actors/IRQMIL".into(),
        "/outlets".into(),
        "/timeline?bucket=week&by=quad".into(),
        "/map".into(),
    ] {
        let (st, h, body) = call(&app, Method::GET, &uri, None).await;
        let html = String::from_utf8(body).unwrap();
        assert_eq!(st, StatusCode::OK, "{uri}: {html}");
        let csp = h.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        // The only script element is the bundled one; no handler attributes, no javascript: links.
        assert_eq!(html.matches("<script").count(), 1, "{uri}: {html}");
        assert!(!html.contains("onerror=\"") && !html.contains("<img"), "{uri}: {html}");
        assert!(!html.contains("href=\"javascript:"), "{uri}");
        assert!(!html.contains(" style=\""), "{uri}: inline styles break the CSP");
    }
    let (_, _, body) = call(&app, Method::GET, &format!("/articles/{doc_id}"), None).await;
    let html = String::from_utf8(body).unwrap();
    assert!(
        html.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"),
        "the text still shows, escaped"
    );
    assert!(html.contains("onerror=&quot;window.__pwned=2&quot;"));
    assert!(html.contains(&format!("class=\"hl hl-trigger\" href=\"/events/{eid}\"")));
    assert!(html.contains("javascript:alert(document.cookie)"), "the URL is shown as text");
    assert!(html.contains(&format!("class=\"hl hl-denial\" href=\"/events/{eid}\"")));
    let (_, _, body) = call(&app, Method::GET, &format!("/events/{eid}"), None).await;
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("Disputed by") && html.contains("officials: “said”"), "{html}");
    // Each cluster on the clusters page opens on its first event's page.
    let (_, _, body) = call(&app, Method::GET, "/clusters", None).await;
    let html = String::from_utf8(body).unwrap();
    let (_, _, body) = call(&app, Method::GET, "/api/clusters?limit=1", None).await;
    let cid = serde_json::from_slice::<Value>(&body).unwrap()[0]["id"].as_i64().unwrap();
    assert!(html.contains(&format!("href=\"/clusters/{cid}\"")), "{html}");
    let (st, h, _) = call(&app, Method::GET, &format!("/clusters/{cid}"), None).await;
    assert_eq!(st, StatusCode::SEE_OTHER);
    let (_, _, body) = call(&app, Method::GET, &format!("/api/clusters/{cid}"), None).await;
    let first = serde_json::from_slice::<Value>(&body).unwrap()["members"][0]["event"].as_i64();
    assert_eq!(h.get(header::LOCATION).unwrap(), &format!("/events/{}", first.unwrap()));
    for (uri, want) in
        [("/clusters/999999", StatusCode::NOT_FOUND), ("/clusters/x", StatusCode::BAD_REQUEST)]
    {
        let (st, _, body) = call(&app, Method::GET, uri, None).await;
        assert_eq!(st, want, "{uri}");
        assert!(String::from_utf8(body).unwrap().contains("cluster"), "{uri}");
    }
    let (st, _, body) = call(&app, Method::GET, "/events/999999", None).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(String::from_utf8(body).unwrap().contains("no event 999999"));
    let (st, _, _) = call(&app, Method::GET, "/?limit=9999", None).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}

#[test]
fn serves_over_a_real_socket_with_headers() {
    use std::io::{Read, Write};
    let db = fixture("socket");
    let mut cfg = config(&db);
    cfg.cors_origin = Some("https://analyst.example".into());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = serve::run(cfg, None, move |addr| {
            let _ = tx.send(addr);
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    let lower = out.to_ascii_lowercase();
    assert!(lower.contains("content-security-policy: default-src 'none'"));
    assert!(lower.contains("access-control-allow-origin: https://analyst.example"));
    assert!(out.contains("\"events\":181"), "{out}");
}

#[test]
fn a_client_that_trickles_headers_is_dropped() {
    use std::io::{Read, Write};
    let db = fixture("slow");
    let mut cfg = config(&db);
    cfg.header_timeout = Duration::from_millis(400);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = serve::run(cfg, None, move |addr| {
            let _ = tx.send(addr);
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    let mut slow = std::net::TcpStream::connect(addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(slow, "GET /api/health HTTP/1.1\r\nHo").unwrap();
    let t = std::time::Instant::now();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    assert!(t.elapsed() < Duration::from_secs(5), "closed after {:?}", t.elapsed());
    assert!(!String::from_utf8_lossy(&buf).contains("200 OK"), "no answer to half a request");
    // Other clients are served meanwhile and after.
    let mut ok = std::net::TcpStream::connect(addr).unwrap();
    ok.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(ok, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    ok.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
}

/// A known path asked with a method it does not take is a 405 with a body like every other
/// failure (JSON under /api, HTML for pages) and an `Allow` header; it was an empty 405.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_methods_get_a_body() {
    let db = fixture("methods");
    let app = serve::router(State::new(config(&db), None));
    for (method, uri) in [(Method::DELETE, "/api/events"), (Method::PUT, "/api/articles")] {
        let (st, h, body) = call(&app, method.clone(), uri, None).await;
        assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        assert!(h.get(header::ALLOW).is_some_and(|v| v.to_str().unwrap().contains("GET")));
        let v: Value = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{e}: {body:?}"));
        assert_eq!(v["error"], "method_not_allowed");
        assert!(v["message"].as_str().unwrap().starts_with(method.as_str()), "{v}");
    }
    let (st, h, body) = call(&app, Method::POST, "/", None).await;
    assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED);
    assert!(h[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    assert!(String::from_utf8_lossy(&body).contains("not allowed here"));
}

/// A malformed POST body says which article and which field is wrong (it said "data did not
/// match any variant of untagged enum PostBody").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_post_body_names_the_article_and_field() {
    let db = fixture("post-bad");
    let cfg = config(&db);
    let token = "correct horse battery staple";
    let w = Writer::new(&cfg, token, Box::new(ArticleOnly)).unwrap();
    let app = serve::router(State::new(cfg, Some(w)));
    let doc: Value = serde_json::from_str(serve::api::OPENAPI).unwrap();
    let auth = format!("Bearer {token}");
    let documents = |b: Vec<u8>| serde_json::from_slice::<Value>(&b).unwrap()["documents"].clone();
    let before = documents(call(&app, Method::GET, "/api/health", None).await.2);
    for (body, says) in [
        (r#"{"title": "Talks"}"#, "the article: missing field `text`"),
        (r#"{"html": "<p>Talks</p>"}"#, "the article: invalid type: string"),
        (r#"[{"text": "Talks resumed."}, {"txt": 1}]"#, "article 2: unknown field `txt`"),
        (r#""Talks resumed.""#, "expected an article object"),
    ] {
        let (st, _, b) = call(&app, Method::POST, "/api/articles", Some((&auth, body))).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
        let v = validate(&doc, "/api/articles", "post", st, &b);
        assert_eq!(v["error"], "bad_body");
        assert!(v["message"].as_str().unwrap().contains(says), "{body}: {v}");
    }
    // Nothing of a list with one bad article is stored.
    assert_eq!(documents(call(&app, Method::GET, "/api/health", None).await.2), before);
}

/// A port in use is one clear error: the cause once, not once in the message and again as
/// its source (`annalist: error:` prints the whole chain).
#[test]
fn a_busy_port_is_reported_once() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut cfg = config(&tmp("busy"));
    cfg.addr = taken.local_addr().unwrap();
    let err = serve::run(cfg, None, |_| panic!("must not serve")).unwrap_err();
    let mut chain = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        chain.push_str(&format!(": {s}"));
        source = s.source();
    }
    assert!(chain.starts_with("cannot listen on"), "{chain}");
    assert_eq!(chain.matches("os error").count(), 1, "{chain}");
}
