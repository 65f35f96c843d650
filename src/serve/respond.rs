//! Responses: a report or another JSON body with the rules' version in a header, and every
//! refusal as a report (`request-rejected`) with the HTTP status that fits it, so a client
//! reads one shape whatever happens.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::check::{Options, Rejection, Verdict};
use crate::report::json::report_line;
use crate::vocab::Lang;

use super::state::Loaded;

/// The header that names the rules a response was made with (`sha256:…`).
pub const RULES_VERSION: &str = "x-ereje-rules-version";

/// A JSON body with `status` and the rules' version.
pub fn json_text(status: StatusCode, text: String, version: &str) -> Response {
    let mut response = (status, text).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(v) = HeaderValue::from_str(version) {
        headers.insert(RULES_VERSION, v);
    }
    response
}

/// A value as a JSON body.
pub fn json(status: StatusCode, value: &impl Serialize, version: &str) -> Response {
    match serde_json::to_string(value) {
        Ok(mut text) => {
            text.push('\n');
            json_text(status, text, version)
        }
        Err(e) => json_text(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{{\"error\":\"not serializable: {e}\"}}\n"),
            version,
        ),
    }
}

/// A report's JSON line as the body, with its verdict kept for the request log.
pub fn report_text(status: StatusCode, text: String, version: &str, verdict: Verdict) -> Response {
    let mut response = json_text(status, text, version);
    response.extensions_mut().insert(verdict);
    response
}

/// A request whose handling failed (a bug of ereje): `500` with an `internal-error` report.
pub fn failed(loaded: &Loaded, lang: Lang, why: &str) -> Response {
    let options = Options {
        lang: Some(lang),
        ..Options::default()
    };
    let report = loaded.rules.failed(why, &options);
    report_text(
        StatusCode::INTERNAL_SERVER_ERROR,
        report_line(&report),
        loaded.rules.version(),
        report.verdict,
    )
}

/// A refused request: its report, with the status of its kind.
pub fn rejected(loaded: &Loaded, lang: Lang, rejection: Rejection) -> Response {
    let status = status(&rejection);
    let options = Options {
        lang: Some(lang),
        ..Options::default()
    };
    let allowed = match &rejection {
        Rejection::Method { allowed, .. } => Some(*allowed),
        _ => None,
    };
    let report = loaded.rules.rejected(rejection, &options);
    let mut response = report_text(
        status,
        report_line(&report),
        loaded.rules.version(),
        report.verdict,
    );
    if let Some(allowed) = allowed {
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static(allowed));
    }
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

/// The HTTP status of a refusal.
pub fn status(rejection: &Rejection) -> StatusCode {
    match rejection {
        Rejection::NoRoute { .. }
        | Rejection::UnknownService { .. }
        | Rejection::ServiceNotInForce { .. } => StatusCode::NOT_FOUND,
        Rejection::Method { .. } => StatusCode::METHOD_NOT_ALLOWED,
        Rejection::MediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Rejection::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        Rejection::TimedOut { .. } => StatusCode::REQUEST_TIMEOUT,
        Rejection::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
        // a refusal not listed here is the client's to fix
        _ => StatusCode::BAD_REQUEST,
    }
}
