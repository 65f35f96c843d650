//! The HTTP router without sockets (`tower::ServiceExt::oneshot`), as the `router` fuzz target
//! drives it: any method, path, query, media type and body get an answer with the rules'
//! version, in the report's shape (NDJSON reports for a batch; a trace, a schema or the OpenAPI
//! document where one is asked for), never a panic or a 500.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::Request;
use ereje::serve::{Config, RULES_VERSION, Shared, router};
use proptest::prelude::*;
use serde_json::Value;
use tower::ServiceExt;

fn shared() -> Arc<Shared> {
    static SHARED: OnceLock<Arc<Shared>> = OnceLock::new();
    Arc::clone(SHARED.get_or_init(|| {
        let rules = ereje::RuleSet::shipped().expect("the shipped rules compile");
        let config = Config {
            log: false,
            threads: 1,
            ..Config::default()
        };
        Arc::new(Shared::new(rules, config))
    }))
}

/// Send one request; its status and body lines as JSON.
fn send(method: &str, uri: &str, media: Option<&str>, body: Vec<u8>) -> (u16, Vec<Value>) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(m) = media {
        request = request.header("content-type", m);
    }
    let Ok(request) = request.body(Body::from(body)) else {
        return (0, Vec::new());
    };
    runtime.block_on(async {
        let response = router(shared()).oneshot(request).await.expect("infallible");
        let status = response.status().as_u16();
        assert!(response.headers().get(RULES_VERSION).is_some());
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("the body");
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
        let lines = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        (status, lines)
    })
}

const EXAMPLE: &str = include_str!("../../examples/bundles/pr-ok.json");

#[test]
fn a_request_through_the_router_is_checked_as_over_a_socket() {
    let (status, lines) = send(
        "POST",
        "/v1/check",
        Some("application/json"),
        EXAMPLE.into(),
    );
    assert_eq!(status, 200);
    assert_eq!(lines[0]["verdict"], "ok");
    let (status, lines) = send("DELETE", "/v1/services", None, Vec::new());
    assert_eq!(status, 405);
    assert_eq!(lines[0]["findings"][0]["code"], "request-rejected");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_request_gets_an_answer_in_the_report_shape(
        method in prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
        path in prop_oneof![
            prop::sample::select(vec![
                "/v1/check", "/v1/check/batch", "/v1/services", "/healthz", "/readyz",
                "/v1/trace", "/v1/services/kz.mvd.permanent_residence/schema",
                "/v1/services/kz.mvd.x/schema", "/openapi.json",
            ]).prop_map(str::to_string),
            "/[a-z0-9/._%-]{0,30}",
        ],
        query in prop_oneof![
            Just(String::new()),
            "(lang|as_of|now|x)=[a-z0-9:%+-]{0,25}".prop_map(|q| format!("?{q}")),
        ],
        media in prop::option::of(prop::sample::select(vec![
            "application/json", "application/x-ndjson", "text/plain", "application/json; charset=utf-8",
        ])),
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            Just(EXAMPLE.as_bytes().to_vec()),
            "[{}\\[\\]\"a-z:,0-9\n]{0,200}".prop_map(String::into_bytes),
        ],
    ) {
        let (status, lines) = send(method, &format!("{path}{query}"), media, body);
        prop_assert!(status != 0 && (status < 500 || status == 503), "{status}");
        for line in &lines {
            let is_report = line.get("verdict").is_some();
            let is_probe = line.get("status").is_some() || line.get("services").is_some();
            let is_schema = line.get("$schema").is_some() || line.get("openapi").is_some();
            prop_assert!(is_report || is_probe || is_schema, "{line}");
        }
    }
}
