//! `GET /openapi.json`: the OpenAPI 3.1 document of the server, built from the same exports
//! the endpoints serve: the bundle schema of every service (the version in force today, or the nearest: `crate::schema`)
//! and the report's schema (docs/report.schema.json). Each embedded schema's `$defs` are
//! hoisted into `components/schemas` under a prefix, and its references rewritten to them,
//! so a client generator resolves every reference against the document alone.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::respond;
use super::state::Shared;
use crate::RuleSet;
use crate::schema::{SchemaOptions, bundle_schema};

/// Serve the document of the rules in service.
pub async fn openapi(State(shared): State<Arc<Shared>>) -> Response {
    let loaded = shared.rules();
    respond::json(
        StatusCode::OK,
        &document(&loaded.rules),
        loaded.rules.version(),
    )
}

/// The OpenAPI document for `rules`.
pub fn document(rules: &RuleSet) -> Value {
    let mut components = Map::new();
    let report: Value = serde_json::from_str(crate::report::SCHEMA).unwrap_or(Value::Null);
    let report = hoist(report, "Report", &mut components);
    components.insert("Report".into(), report);
    let trace: Value = serde_json::from_str(crate::trace::SCHEMA).unwrap_or(Value::Null);
    let trace = hoist(trace, "Trace", &mut components);
    components.insert("Trace".into(), trace);
    let mut bundles = Vec::new();
    // each service's version in force today, or its nearest (as `/v1/services/{id}/schema`)
    let schemas = rules.plan().service_ids().into_iter().filter_map(|id| {
        let schema = bundle_schema(rules, id, &SchemaOptions::default()).ok()?;
        Some((id.to_string(), schema))
    });
    for (id, schema) in schemas {
        let name = format!("Bundle.{}", component_name(&id));
        let schema = hoist(schema, &name, &mut components);
        components.insert(name.clone(), schema);
        bundles.push(json!({ "$ref": format!("#/components/schemas/{name}") }));
    }
    components.insert(
        "Bundle".into(),
        json!({
            "description": "An application bundle: one of the services' bundle schemas (GET /v1/services/{id}/schema gives one alone, for a day). A bundle that fits none is still checked: its report is `invalid` and says why.",
            "anyOf": bundles,
        }),
    );
    for (name, schema) in fixed_schemas() {
        components.insert(name.into(), schema);
    }
    let version = rules.version();
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": crate::schema::DIALECT,
        "info": {
            "title": "ereje",
            "version": env!("CARGO_PKG_VERSION"),
            "description": format!("The ereje checker over HTTP: application bundles in, reports out, for the rules {version}. A refused request is answered with a report too (`request-rejected`). See docs/serve.md."),
        },
        "paths": paths(),
        "components": { "schemas": components, "parameters": parameters(), "headers": headers(), "responses": responses() },
    })
}

/// `#/$defs/NAME` references of `schema` rewritten to `#/components/schemas/PREFIX.NAME`, its
/// `$defs` moved there, and its `$id` and `$schema` dropped (the document is the resource).
fn hoist(mut schema: Value, prefix: &str, components: &mut Map<String, Value>) -> Value {
    if let Value::Object(map) = &mut schema {
        map.remove("$id");
        map.remove("$schema");
        if let Some(Value::Object(defs)) = map.remove("$defs") {
            for (name, def) in defs {
                let key = format!("{prefix}.{}", component_name(&name));
                let mut def = def;
                rewrite(&mut def, prefix);
                components.insert(key, def);
            }
        }
    }
    rewrite(&mut schema, prefix);
    schema
}

fn rewrite(value: &mut Value, prefix: &str) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "$ref"
                    && let Some(target) = v.as_str().and_then(|r| r.strip_prefix("#/$defs/"))
                {
                    *v = Value::from(format!(
                        "#/components/schemas/{prefix}.{}",
                        component_name(target)
                    ));
                } else {
                    rewrite(v, prefix);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite(v, prefix)),
        _ => {}
    }
}

/// A name as OpenAPI allows a component's (`[A-Za-z0-9._-]`).
fn component_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn paths() -> Value {
    let report = json!({ "$ref": "#/components/responses/Report" });
    let refused = json!({ "$ref": "#/components/responses/Refused" });
    let check_params = json!([
        { "$ref": "#/components/parameters/lang" },
        { "$ref": "#/components/parameters/as_of" },
        { "$ref": "#/components/parameters/now" },
        { "$ref": "#/components/parameters/Accept-Language" },
    ]);
    json!({
        "/v1/check": { "post": {
            "operationId": "check",
            "summary": "Check one bundle",
            "description": "A bundle with findings, even an `invalid` one, is answered 200 with its report.",
            "parameters": check_params,
            "requestBody": { "required": true, "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Bundle" } } } },
            "responses": { "200": report, "default": refused },
        }},
        "/v1/check/batch": { "post": {
            "operationId": "checkBatch",
            "summary": "Check NDJSON: one report per line, in order, streamed",
            "parameters": check_params,
            "requestBody": { "required": true, "content": {
                "application/x-ndjson": { "schema": { "type": "string",
                    "description": "One bundle (JSON) per line." } } } },
            "responses": {
                "200": {
                    "description": "One report (JSON) per line of the body, in order, each with its `line`.",
                    "headers": { "x-ereje-rules-version": { "$ref": "#/components/headers/RulesVersion" } },
                    "content": { "application/x-ndjson": { "schema": { "type": "string" } } },
                },
                "default": refused,
            },
        }},
        "/v1/trace": { "post": {
            "operationId": "trace",
            "summary": "The derivation for one bundle: each requirement, ground and step, on which facts, what it concluded",
            "description": "JSON (the trace contract) by default; the printable HTML page when `Accept` puts `text/html` first.",
            "parameters": check_params,
            "requestBody": { "required": true, "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Bundle" } } } },
            "responses": {
                "200": {
                    "description": "The trace.",
                    "headers": { "x-ereje-rules-version": { "$ref": "#/components/headers/RulesVersion" } },
                    "content": {
                        "application/json": { "schema": { "$ref": "#/components/schemas/Trace" } },
                        "text/html": { "schema": { "type": "string" } },
                    },
                },
                "default": refused,
            },
        }},
        "/v1/services": { "get": {
            "operationId": "services",
            "summary": "The services, their titles, when they are in force, their channels",
            "responses": {
                "200": ok_json("#/components/schemas/Services", "Every version of every service."),
                "default": refused,
            },
        }},
        "/v1/services/{id}/schema": { "get": {
            "operationId": "bundleSchema",
            "summary": "The JSON Schema (2020-12) of a service's bundle",
            "parameters": [
                { "name": "id", "in": "path", "required": true, "schema": { "type": "string" },
                  "description": "The service id (`kz.mvd.permanent_residence`)." },
                { "$ref": "#/components/parameters/lang" },
                { "$ref": "#/components/parameters/as_of" },
                { "$ref": "#/components/parameters/Accept-Language" },
            ],
            "responses": {
                "200": ok_json("#/components/schemas/JsonSchema", "The bundle schema of the version in force on `as_of` (today without it)."),
                "default": refused,
            },
        }},
        "/healthz": { "get": {
            "operationId": "healthz",
            "summary": "The process answers",
            "responses": { "200": ok_json("#/components/schemas/Health", "Alive."), "default": refused },
        }},
        "/readyz": { "get": {
            "operationId": "readyz",
            "summary": "The server takes work (503 while it shuts down)",
            "responses": {
                "200": ok_json("#/components/schemas/Ready", "Ready, with the rules in service and the last reload's outcome."),
                "503": ok_json("#/components/schemas/Ready", "Shutting down."),
                "default": refused,
            },
        }},
        "/openapi.json": { "get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": { "200": ok_json("#/components/schemas/JsonSchema", "The OpenAPI 3.1 document."), "default": refused },
        }},
    })
}

fn ok_json(schema: &str, description: &str) -> Value {
    json!({
        "description": description,
        "headers": { "x-ereje-rules-version": { "$ref": "#/components/headers/RulesVersion" } },
        "content": { "application/json": { "schema": { "$ref": schema } } },
    })
}

fn responses() -> Value {
    json!({
        "Report": {
            "description": "The bundle's report (docs/report.md).",
            "headers": { "x-ereje-rules-version": { "$ref": "#/components/headers/RulesVersion" } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } },
        },
        "Refused": {
            "description": "A refused request (400, 404, 405, 408, 413, 415, 503) or a bug (500), as a report whose finding is `request-rejected` (or `internal-error`).",
            "headers": { "x-ereje-rules-version": { "$ref": "#/components/headers/RulesVersion" } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } },
        },
    })
}

fn headers() -> Value {
    json!({
        "RulesVersion": {
            "description": "The version of the rules that made the response (`sha256:…` of the rule sources).",
            "schema": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" },
        },
    })
}

fn parameters() -> Value {
    json!({
        "lang": { "name": "lang", "in": "query", "required": false,
            "description": "The language of messages (wins over Accept-Language).",
            "schema": { "type": "string", "enum": ["kk", "ru", "en"] } },
        "as_of": { "name": "as_of", "in": "query", "required": false,
            "description": "Apply the law in force on this day instead of the submission date.",
            "schema": { "type": "string", "format": "date" } },
        "now": { "name": "now", "in": "query", "required": false,
            "description": "Judge deadlines as of this moment (RFC 3339; `+` written `%2B`).",
            "schema": { "type": "string", "format": "date-time" } },
        "Accept-Language": { "name": "Accept-Language", "in": "header", "required": false,
            "description": "The languages the client prefers; the best of kk, ru and en is chosen.",
            "schema": { "type": "string" } },
    })
}

/// The schemas of the answers that are not reports.
fn fixed_schemas() -> BTreeMap<&'static str, Value> {
    let interval = json!({
        "type": "object",
        "required": ["from", "until", "window"],
        "additionalProperties": false,
        "properties": {
            "from": { "type": ["string", "null"], "format": "date" },
            "until": { "type": ["string", "null"], "format": "date" },
            "window": { "type": "boolean" },
        },
    });
    let version = json!({ "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" });
    BTreeMap::from([
        ("Interval", interval),
        (
            "Services",
            json!({
                "type": "object",
                "required": ["rules_version", "services"],
                "additionalProperties": false,
                "properties": {
                    "rules_version": version,
                    "services": { "type": "array", "items": {
                        "type": "object",
                        "required": ["id", "titles", "in_force", "channels"],
                        "additionalProperties": false,
                        "properties": {
                            "id": { "type": "string" },
                            "titles": { "type": "object", "additionalProperties": false,
                                "properties": { "kk": { "type": "string" }, "ru": { "type": "string" }, "en": { "type": "string" } } },
                            "in_force": { "$ref": "#/components/schemas/Interval" },
                            "channels": { "type": "array", "items": {
                                "type": "object", "required": ["name", "open"], "additionalProperties": false,
                                "properties": { "name": { "type": "string" }, "open": { "$ref": "#/components/schemas/Interval" } } } },
                        },
                    } },
                },
            }),
        ),
        (
            "Health",
            json!({
                "type": "object", "required": ["status", "rules_version"], "additionalProperties": false,
                "properties": { "status": { "const": "ok" }, "rules_version": version },
            }),
        ),
        (
            "Ready",
            json!({
                "type": "object",
                "required": ["status", "rules_version", "rules", "loaded_at", "last_reload"],
                "additionalProperties": false,
                "properties": {
                    "status": { "enum": ["ready", "draining"] },
                    "rules_version": version,
                    "rules": { "type": "string", "description": "`embedded`, or the folder of --rules." },
                    "loaded_at": { "type": "string", "format": "date-time" },
                    "last_reload": { "oneOf": [ { "type": "null" }, {
                        "type": "object", "required": ["at", "ok", "rules_version"], "additionalProperties": false,
                        "properties": {
                            "at": { "type": "string", "format": "date-time" },
                            "ok": { "type": "boolean" },
                            "rules_version": version,
                            "errors": { "type": "array" },
                        } } ] },
                },
            }),
        ),
        (
            "JsonSchema",
            json!({ "type": "object", "description": "A JSON document (a schema)." }),
        ),
    ])
}
