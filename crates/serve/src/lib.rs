//! `annalist serve`: a JSON API (described by an OpenAPI document at `/api/openapi.json`) and a
//! server-rendered web UI over a store.
//!
//! - [`router`] builds the HTTP application over [`State`]; [`run`] binds and serves it.
//! - Reads go through a small pool of read-only [`store::Reader`]s on blocking threads
//!   ([`pool`]); every read has a deadline after which SQLite is interrupted, so a request never
//!   hangs. A missing or locked store gives `503` with a JSON body, and the server retries it on
//!   the next request.
//! - Writes exist only when the server is started with a token: `POST /api/articles` codes the
//!   posted articles through an [`Ingestor`] the binary supplies (the pipeline lives there) and
//!   commits them; the token is compared in constant time.
//! - Every page is rendered by `maud` (escapes by default); the assets (CSS, one script, the
//!   world outline) are compiled into the binary; responses carry a strict
//!   Content-Security-Policy (no inline script, `script-src 'self'`). CORS is off unless an
//!   origin is configured.

pub mod api;
pub mod highlight;
pub mod pool;
pub mod synth;
pub mod ui;
pub mod world;

use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Largest page of events the API returns; asking for more is a `400`.
pub const MAX_PAGE: usize = 500;
/// Default page size.
pub const DEFAULT_PAGE: usize = 50;
/// Candidate rows one event page may examine before it returns early with a cursor.
pub const SCAN_BUDGET: usize = 50_000;
/// Candidate rows a facet or timeline count may decode when the filter is not exact in SQL
/// (exact filters count every match through the `events_facets` index).
pub const TALLY_BUDGET: usize = 50_000;
/// The map places the newest this many matching events.
pub const MAP_BUDGET: usize = 50_000;

/// What can stop the server from starting.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The cause is in the message, not a `source()`: `annalist: error: {:#}` prints the
    /// chain, which said "Address already in use (os error 98)" twice.
    #[error("cannot listen on {addr}: {cause}")]
    Bind { addr: SocketAddr, cause: std::io::Error },
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
    #[error("server failed: {0}")]
    Serve(std::io::Error),
    #[error("store for writing: {0}")]
    Store(#[from] store::StoreError),
}

/// Codes one posted document into a storable record (the binary wires the pipeline in).
pub trait Ingestor: Send + Sync {
    /// The record to commit, or a message saying why the document could not be coded.
    fn ingest(&self, doc: model::RawDocument) -> Result<store::DocRecord, String>;
}

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Time one store read may take before it is interrupted (`503`).
    pub read_timeout: Duration,
    /// Readers (connections) at most; also the number of concurrent reads.
    pub readers: usize,
    /// `Access-Control-Allow-Origin` for the API; `None` = CORS off.
    pub cors_origin: Option<String>,
    /// Time a client may take to send a request's headers (and an idle keep-alive connection
    /// may wait) before the connection is closed.
    pub header_timeout: Duration,
    /// Time one request may take in all (reading its body, answering) before it gets a 503.
    pub request_timeout: Duration,
}

impl Config {
    /// The defaults `annalist serve` starts with, for a store and an address.
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        Config {
            db,
            addr,
            read_timeout: Duration::from_secs(10),
            readers: 8,
            cors_origin: None,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
        }
    }
}

/// Connections served at once; more are closed on accept (bounded memory).
pub const MAX_CONNECTIONS: usize = 1024;

/// Writing over HTTP: the token and what codes and stores posted articles.
pub struct Writer {
    token_hash: [u8; 32],
    ingestor: Box<dyn Ingestor>,
    store: Mutex<store::SqliteStore>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Writer")
    }
}

impl Writer {
    /// Opens the store for writing (creating and migrating it as `annalist ingest` does).
    pub fn new(
        config: &Config,
        token: &str,
        ingestor: Box<dyn Ingestor>,
    ) -> Result<Writer, ServeError> {
        let s = store::SqliteStore::open(&config.db, &store::OpenOptions::default())?;
        Ok(Writer { token_hash: digest(token.as_bytes()), ingestor, store: Mutex::new(s) })
    }

    /// Whether `given` is the token. Both sides are hashed first, so the comparison takes the
    /// same time whatever the length or content of `given`.
    pub fn token_matches(&self, given: &str) -> bool {
        constant_time_eq(&self.token_hash, &digest(given.as_bytes()))
    }
}

fn digest(b: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(b).into()
}

/// Equality of two 32-byte values without an early exit.
pub fn constant_time_eq(a: &[u8; 32], b: &[u8; 32]) -> bool {
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// Everything a handler needs.
#[derive(Debug)]
pub struct State {
    pub config: Config,
    pub pool: pool::Pool,
    pub writer: Option<Writer>,
}

pub type Shared = Arc<State>;

impl State {
    pub fn new(config: Config, writer: Option<Writer>) -> Shared {
        let pool = pool::Pool::new(config.db.clone(), config.readers.max(1), config.read_timeout);
        Arc::new(State { config, pool, writer })
    }
}

/// The Content-Security-Policy of every response: nothing inline, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

async fn security_headers(
    axum::extract::State(state): axum::extract::State<Shared>,
    req: Request<axum::body::Body>,
    next: Next,
) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let limit = state.config.request_timeout;
    let mut res = match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => axum::response::IntoResponse::into_response(api::ApiError {
            status: axum::http::StatusCode::SERVICE_UNAVAILABLE,
            error: "timeout",
            message: format!("the request took longer than {limit:?}"),
            param: None,
        }),
    };
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if api {
        if let Some(o) = state.config.cors_origin.as_deref() {
            if let Ok(v) = HeaderValue::from_str(o) {
                h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
                h.insert(header::VARY, HeaderValue::from_static("Origin"));
            }
        }
    }
    res
}

/// The whole application: API, pages and assets.
pub fn router(state: Shared) -> axum::Router {
    axum::Router::new()
        .merge(api::routes())
        .merge(ui::routes())
        .layer(axum::middleware::from_fn_with_state(state.clone(), security_headers))
        .with_state(state)
}

/// Binds `config.addr` and serves until Ctrl-C (or SIGTERM). `ready` is called with the bound
/// address (port 0 picks a free one).
pub fn run(
    config: Config,
    writer: Option<Writer>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(std::thread::available_parallelism().map_or(2, |n| n.get()).min(4))
        .max_blocking_threads(config.readers.max(1) + 4)
        .build()
        .map_err(ServeError::Runtime)?;
    rt.block_on(async move {
        let addr = config.addr;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|cause| ServeError::Bind { addr, cause })?;
        let local = listener.local_addr().map_err(ServeError::Serve)?;
        let header_timeout = config.header_timeout;
        let app = router(State::new(config, writer));
        ready(local);
        accept_loop(listener, app, header_timeout).await;
        Ok(())
    })
}

/// Accepts connections until shutdown: each is served by hyper's HTTP/1 with a header-read
/// timeout (a client that trickles headers, or idles, is dropped), at most
/// [`MAX_CONNECTIONS`] at once; on shutdown in-flight requests get a few seconds to finish.
async fn accept_loop(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    header_timeout: Duration,
) {
    let permits = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut tasks = tokio::task::JoinSet::new();
    let stop = shutdown();
    tokio::pin!(stop);
    loop {
        while tasks.try_join_next().is_some() {}
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait instead of spinning.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Small JSON answers go out at once rather than wait on Nagle's algorithm.
        let _ = stream.set_nodelay(true);
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let svc = hyper_util::service::TowerToHyperService::new(app.clone());
        tasks.spawn(async move {
            let _permit = permit;
            let mut b = hyper::server::conn::http1::Builder::new();
            b.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(header_timeout);
            let _ = b.serve_connection(hyper_util::rt::TokioIo::new(stream), svc).await;
        });
    }
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
