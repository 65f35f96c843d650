//! `ereje serve`: the checker over HTTP for intake systems. Stateless (the rules are the only
//! state, loaded at start and on `SIGHUP`), so any number of instances run behind a balancer.
//! Every answer is JSON; a refusal is a report (`request-rejected`) with a fitting status;
//! every response names the rules' version. See docs/serve.md.

mod batch;
mod check;
mod health;
mod lang;
mod layers;
mod openapi;
mod request;
mod respond;
mod schema;
mod services;
mod state;
mod trace;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::{get, post};

pub use respond::RULES_VERSION;
pub use state::{Loaded, Reload, Shared};

use crate::check::{Limits, Rejection};
use crate::semantic::model::Assume;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The rule files' folder (`None`: the rules embedded in the binary).
    pub rules: Option<PathBuf>,
    /// The limits of one bundle (a batch's lines too).
    pub limits: Limits,
    /// The largest batch body, in bytes.
    pub batch_bytes: usize,
    /// The longest a request may take to be admitted and answered (a batch: to start being
    /// answered, and between two chunks of its body).
    pub timeout: Duration,
    /// Requests checked at once.
    pub concurrency: usize,
    /// The longest a request waits for a place among them before it is turned away (503).
    pub queue: Duration,
    /// Threads of one batch.
    pub threads: usize,
    /// How acts of unknown publication are decided (as `check --assume-in-force`).
    pub assume_in_force: Option<Assume>,
    /// Whether to write the request log on stderr.
    pub log: bool,
    /// Whether reports and traces show personal values masked (`check --mask`); pointers and
    /// spans stay exact. The request log never holds a value either way.
    pub mask: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            rules: None,
            limits: Limits::default(),
            batch_bytes: 1 << 30,
            timeout: Duration::from_secs(30),
            concurrency: 64,
            queue: Duration::from_secs(2),
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            assume_in_force: None,
            log: true,
            mask: false,
        }
    }
}

/// The endpoints, over `shared`. Without sockets it serves as any tower service does
/// (`tower::ServiceExt::oneshot`), which is how the router is fuzzed.
pub fn router(shared: Arc<Shared>) -> Router {
    let work = Router::new()
        .route("/v1/check", post(check::check).fallback(wrong_method))
        .route("/v1/check/batch", post(batch::batch).fallback(wrong_method))
        .route("/v1/trace", post(trace::trace).fallback(wrong_method))
        .route(
            "/v1/services",
            get(services::services).fallback(wrong_method),
        )
        .route(
            "/v1/services/{id}/schema",
            get(schema::schema).fallback(wrong_method),
        )
        .route(
            "/openapi.json",
            get(openapi::openapi).fallback(wrong_method),
        )
        .route_layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            layers::admit,
        ));
    // probes are answered even when every place for work is taken
    let probes = Router::new()
        .route("/healthz", get(health::healthz).fallback(wrong_method))
        .route("/readyz", get(health::readyz).fallback(wrong_method));
    let panicked = Arc::clone(&shared);
    work.merge(probes)
        .fallback(no_route)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            move |_: Box<dyn std::any::Any + Send>| {
                let loaded = panicked.rules();
                let options = crate::check::Options::default();
                let report = loaded.rules.failed("the request handler failed", &options);
                respond::report_text(
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                    crate::report::json::report_line(&report),
                    loaded.rules.version(),
                    report.verdict,
                )
            },
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            layers::log,
        ))
        .with_state(shared)
}

/// The route a path is served by, for the log (never the path itself).
fn route_of(path: &str) -> &'static str {
    match path {
        "/v1/check" => "/v1/check",
        "/v1/check/batch" => "/v1/check/batch",
        "/v1/trace" => "/v1/trace",
        "/v1/services" => "/v1/services",
        "/openapi.json" => "/openapi.json",
        p if p.starts_with("/v1/services/") && p.ends_with("/schema") => "/v1/services/{id}/schema",
        "/healthz" => "/healthz",
        "/readyz" => "/readyz",
        _ => "(no route)",
    }
}

/// The method each route takes.
fn allowed(path: &str) -> &'static str {
    match path {
        "/v1/check" | "/v1/check/batch" | "/v1/trace" => "POST",
        _ => "GET",
    }
}

async fn wrong_method(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let lang = request::lang(req.headers(), req.uri().query());
    let rejection = Rejection::Method {
        method: req.method().as_str().chars().take(32).collect(),
        allowed: allowed(req.uri().path()),
    };
    respond::rejected(&shared.rules(), lang, rejection)
}

async fn no_route(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let lang = request::lang(req.headers(), req.uri().query());
    let path: String = req.uri().path().chars().take(200).collect();
    respond::rejected(&shared.rules(), lang, Rejection::NoRoute { path })
}

/// Write one JSON line to stderr, whole.
pub(crate) fn log_line(value: &serde_json::Value) {
    let mut line = value.to_string();
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Serve until `SIGTERM` (or Ctrl-C): stop accepting, let the requests in flight finish,
/// return. `SIGHUP` reloads the rules. `on_ready` gets the address bound (port 0 picks one).
pub async fn serve(shared: Arc<Shared>, on_ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(shared.config.addr).await?;
    let addr = listener.local_addr()?;
    on_ready(addr);
    reload_on_hangup(Arc::clone(&shared));
    let draining = Arc::clone(&shared);
    axum::serve(listener, router(Arc::clone(&shared)))
        .with_graceful_shutdown(async move {
            terminated().await;
            draining.drain();
            log_line(&serde_json::json!({
                "at": state::now(),
                "event": "shutdown",
                "message": "stopped accepting; finishing the requests in flight",
            }));
        })
        .await
}

/// Wait for `SIGTERM` or Ctrl-C.
async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Reload the rules on each `SIGHUP`, off the serving threads; log the outcome.
fn reload_on_hangup(shared: Arc<Shared>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hangup) = signal(SignalKind::hangup()) else {
            return;
        };
        while hangup.recv().await.is_some() {
            let s = Arc::clone(&shared);
            if let Ok(reload) = tokio::task::spawn_blocking(move || s.reload()).await {
                log_line(&serde_json::json!({
                    "at": reload.at,
                    "event": "reload",
                    "ok": reload.ok,
                    "rules_version": reload.rules_version,
                    "errors": reload.errors,
                }));
            }
        }
    });
    #[cfg(not(unix))]
    drop(shared);
}
