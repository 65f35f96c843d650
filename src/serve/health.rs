//! `GET /healthz` (the process answers) and `GET /readyz` (it takes work: rules in service,
//! not draining; with the last reload's outcome, so a failed reload shows where probes look).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::respond;
use super::state::Shared;

/// The process is alive.
pub async fn healthz(State(shared): State<Arc<Shared>>) -> Response {
    let loaded = shared.rules();
    let version = loaded.rules.version();
    respond::json(
        StatusCode::OK,
        &json!({ "status": "ok", "rules_version": version }),
        version,
    )
}

/// The server takes work: `200` with the rules in service (a failed reload leaves the old
/// rules serving, so it stays ready, and says why the new ones were not taken); `503` once it
/// is shutting down.
pub async fn readyz(State(shared): State<Arc<Shared>>) -> Response {
    let loaded = shared.rules();
    let version = loaded.rules.version();
    let draining = shared.is_draining();
    let rules = match &shared.config.rules {
        Some(dir) => dir.display().to_string(),
        None => "embedded".to_string(),
    };
    let body = json!({
        "status": if draining { "draining" } else { "ready" },
        "rules_version": version,
        "rules": rules,
        "loaded_at": loaded.loaded_at,
        "last_reload": shared.last_reload(),
    });
    let status = if draining {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    respond::json(status, &body, version)
}
