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
use crate::check::Rejection;
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
    let loaded = shared.rules();
    let lang = request::lang(&headers, query.as_deref());
    let options = match request::options(&shared.config, lang, query.as_deref()) {
        Ok(o) => o,
        Err(r) => return respond::rejected(&loaded, lang, r),
    };
    if !request::media_type_is(&headers, JSON_TYPES) {
        let r = Rejection::MediaType {
            expected: "application/json",
        };
        return respond::rejected(&loaded, lang, r);
    }
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
        Err(e) => {
            let options = crate::check::Options {
                lang: Some(lang),
                ..crate::check::Options::default()
            };
            let report = loaded.rules.failed(&e.to_string(), &options);
            respond::report_text(
                StatusCode::INTERNAL_SERVER_ERROR,
                report_line(&report),
                version,
                report.verdict,
            )
        }
    }
}
