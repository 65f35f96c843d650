//! `POST /v1/check`: one bundle in, its report out. A bundle with findings, even an
//! `invalid` one, is answered `200` with its report: the report is the answer; only a
//! request refused before checking gets another status.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::state::Shared;
use super::{request, respond};
use crate::batch::Batch;
use crate::report::json::report_line;

/// The media types a bundle may be sent as.
pub const JSON_TYPES: &[&str] = &["application/json"];

/// Check one bundle.
pub async fn check(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let asked = match request::asked(
        &shared,
        &headers,
        query.as_deref(),
        JSON_TYPES,
        "application/json",
    ) {
        Ok(a) => a,
        Err(refused) => return *refused,
    };
    let (loaded, lang, options) = (asked.loaded, asked.lang, asked.options);
    let bytes = match request::body(body, options.limits.bundle_bytes).await {
        Ok(b) => b,
        Err(r) => return respond::rejected(&loaded, lang, r),
    };
    let rules = Arc::clone(&loaded);
    // a check is CPU work: off the threads that serve connections
    let checked = tokio::task::spawn_blocking(move || {
        let checked = Batch::new(&rules.rules).options(options).check(&bytes);
        (report_line(&checked.report), checked.report.verdict)
    })
    .await;
    let version = loaded.rules.version();
    match checked {
        Ok((text, verdict)) => respond::report_text(StatusCode::OK, text, version, verdict),
        Err(e) => respond::failed(&loaded, lang, &e.to_string()),
    }
}
