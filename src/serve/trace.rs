//! `POST /v1/trace`: one bundle in, its derivation out (`ereje trace`): every requirement,
//! ground and step with the facts it read and what it concluded. JSON (docs/trace.md) by
//! default; the printable HTML page when the client accepts `text/html` before JSON.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

use super::check::JSON_TYPES;
use super::state::Shared;
use super::{request, respond};

/// Trace one bundle.
pub async fn trace(
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
    let html = wants_html(&headers);
    let rules = Arc::clone(&loaded);
    let traced = tokio::task::spawn_blocking(move || {
        let trace = crate::trace::trace(&rules.rules, &bytes, &options);
        let text = if html {
            crate::trace::html::render(&trace, trace.id.as_deref().unwrap_or("bundle"))
        } else {
            let mut text = crate::trace::json(&trace);
            text.push('\n');
            text
        };
        (text, trace.verdict)
    })
    .await;
    let version = loaded.rules.version();
    match traced {
        Ok((text, verdict)) => {
            let mut response = respond::report_text(StatusCode::OK, text, version, verdict);
            if html {
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                );
            }
            response
        }
        Err(e) => respond::failed(&loaded, lang, &e.to_string()),
    }
}

/// Whether `Accept` puts `text/html` before every JSON type (by order, then by `q`).
fn wants_html(headers: &HeaderMap) -> bool {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut best: Option<(f32, bool)> = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let html = match media.as_str() {
            "text/html" => true,
            "application/json" | "application/*" | "*/*" => false,
            _ => continue,
        };
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, html));
        }
    }
    best.is_some_and(|(_, html)| html)
}

#[cfg(test)]
mod tests {
    use super::wants_html;
    use axum::http::{HeaderMap, HeaderValue, header};

    fn accept(value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn html_only_when_it_comes_before_json() {
        assert!(wants_html(&accept(
            "text/html,application/xhtml+xml,*/*;q=0.8"
        )));
        assert!(!wants_html(&accept("application/json, text/html")));
        assert!(!wants_html(&accept("text/html;q=0.5, application/json")));
        assert!(!wants_html(&accept("text/html;q=0")));
        assert!(!wants_html(&HeaderMap::new()));
    }
}
