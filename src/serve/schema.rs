//! `GET /v1/services/{id}/schema`: the JSON Schema (2020-12) of a service's bundle, the one
//! `ereje schema` writes, for the version in force on `?as_of=` (today without it), titled in
//! the language asked for. An unknown id or a day with no version in force is a `404` report.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::state::Shared;
use super::{request, respond};
use crate::check::Rejection;
use crate::schema::{SchemaError, SchemaOptions, bundle_schema};

/// The schema of one service's bundle.
pub async fn schema(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let loaded = shared.rules();
    let lang = request::lang(&headers, query.as_deref());
    let as_of = match request::only(query.as_deref(), &["as_of", "lang"])
        .and_then(|()| request::options(&shared.config, lang, query.as_deref()))
    {
        Ok(options) => options.as_of,
        Err(r) => return respond::rejected(&loaded, lang, r),
    };
    let options = SchemaOptions { as_of, lang };
    match bundle_schema(&loaded.rules, &id, &options) {
        Ok(schema) => respond::json(StatusCode::OK, &schema, loaded.rules.version()),
        Err(e) => respond::rejected(&loaded, lang, rejection(e)),
    }
}

/// A missing schema as the refusal the checker words.
fn rejection(error: SchemaError) -> Rejection {
    match error {
        SchemaError::UnknownService { id, suggestion, .. } => Rejection::UnknownService {
            id: id.chars().take(200).collect(),
            suggestion,
        },
        SchemaError::NotInForce { id, day, .. } => Rejection::ServiceNotInForce { id, day },
    }
}
