//! What wraps every request: its id and its line in the log (one JSON object per request: no
//! body, no query, no personal data), and for the work endpoints admission (at most
//! `--concurrency` at once, `503` when none comes free in time) and the time limit (`408`).

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::json;

use super::state::{Shared, now};
use super::{request, respond};
use crate::check::{Rejection, Verdict};

/// The header that carries a request's id (the client's, if it gives a usable one).
pub const REQUEST_ID: &str = "x-request-id";

/// Give the request an id, and log it when its response starts.
pub async fn log(State(shared): State<Arc<Shared>>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| usable_id(v))
        .map_or_else(
            || format!("{:x}-{}", std::process::id(), shared.next_request()),
            str::to_string,
        );
    if let Ok(v) = HeaderValue::from_str(&id) {
        req.headers_mut().insert(REQUEST_ID, v);
    }
    let method = req.method().to_string();
    // the route, not the path: a path can carry anything a client put in it
    let route = super::route_of(req.uri().path());
    let bytes_in = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut response = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, v);
    }
    if shared.config.log {
        let verdict = response.extensions().get::<Verdict>().map(|v| v.as_str());
        let line = json!({
            "at": now(),
            "request_id": id,
            "method": method,
            "route": route,
            "status": response.status().as_u16(),
            "ms": started.elapsed().as_secs_f64() * 1000.0,
            "bytes_in": bytes_in,
            "verdict": verdict,
            "rules_version": response
                .headers()
                .get(respond::RULES_VERSION)
                .and_then(|v| v.to_str().ok()),
        });
        super::log_line(&line);
    }
    response
}

/// Admit the request when a place is free (waiting at most `queue`: a client turned away
/// at once can go to another instance), then give it the rest of the time limit.
pub async fn admit(State(shared): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let limit = shared.config.timeout;
    let lang = request::lang(req.headers(), req.uri().query());
    let started = Instant::now();
    let queue = shared.config.queue.min(limit);
    let Ok(Ok(_permit)) = tokio::time::timeout(queue, shared.admission.acquire()).await else {
        let busy = Rejection::Busy {
            limit: shared.config.concurrency,
        };
        return respond::rejected(&shared.rules(), lang, busy);
    };
    let left = limit.saturating_sub(started.elapsed());
    match tokio::time::timeout(left, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            let late = Rejection::TimedOut {
                seconds: limit.as_secs(),
            };
            respond::rejected(&shared.rules(), lang, late)
        }
    }
}

/// Whether a client's request id can be logged and echoed as it is: short, and of
/// characters that cannot break a log line or a header.
fn usable_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}
