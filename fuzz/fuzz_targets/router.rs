#![no_main]
//! Requests through the HTTP router without sockets (`tower::ServiceExt::oneshot`): any
//! method, path, query, headers and body get a response with the rules' version whose body is
//! JSON (NDJSON for a batch), never a panic or a 500.
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

static SERVER: OnceLock<(tokio::runtime::Runtime, Arc<ereje::serve::Shared>)> = OnceLock::new();

const METHODS: [&str; 6] = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"];
const PATHS: [&str; 11] = [
    "/v1/check",
    "/v1/trace",
    "/v1/services/kz.mvd.permanent_residence/schema?as_of=2019-05-14",
    "/v1/services/kz.mvd.permanent_residenc/schema",
    "/openapi.json",
    "/v1/check/batch",
    "/v1/services",
    "/healthz",
    "/readyz",
    "/v1/check?lang=kk&as_of=2019-05-14",
    "/v1/check/batch?now=2019-05-14T10:00:00%2B06:00",
];
const TYPES: [&str; 4] = ["application/json", "application/x-ndjson", "text/plain", ""];

fuzz_target!(|data: &[u8]| {
    let (runtime, shared) = SERVER.get_or_init(|| {
        let rules = ereje::RuleSet::shipped().expect("shipped rules compile");
        let config = ereje::serve::Config {
            log: false,
            threads: 1,
            ..ereje::serve::Config::default()
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        (runtime, Arc::new(ereje::serve::Shared::new(rules, config)))
    });
    let [m, p, t, rest @ ..] = data else { return };
    let method = METHODS[usize::from(*m) % METHODS.len()];
    // a path from the list, or (odd bytes) one of the input's own
    let (path, body) = if p % 2 == 0 {
        (PATHS[usize::from(*p / 2) % PATHS.len()].to_string(), rest.to_vec())
    } else {
        let cut = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
        let raw = String::from_utf8_lossy(&rest[..cut]).replace(|c: char| c.is_whitespace(), "");
        (format!("/{raw}"), rest.get(cut + 1..).unwrap_or(&[]).to_vec())
    };
    let mut request = Request::builder().method(method).uri(path.as_str());
    if !TYPES[usize::from(*t) % TYPES.len()].is_empty() {
        request = request.header("content-type", TYPES[usize::from(*t) % TYPES.len()]);
    }
    let Ok(request) = request.body(Body::from(body)) else { return };
    let router = ereje::serve::router(Arc::clone(shared));
    let (status, version, bytes) = runtime.block_on(async {
        let response = router.oneshot(request).await.expect("infallible");
        let status = response.status();
        let version = response.headers().get(ereje::serve::RULES_VERSION).is_some();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        (status, version, bytes)
    });
    assert!(status.as_u16() < 500 || status.as_u16() == 503, "{status} for {method} {path}");
    assert!(version, "no rules version for {method} {path}");
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    for line in text.lines() {
        let _: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
    }
});
