//! `GET /openapi.json`, `GET /v1/services/{id}/schema` and `POST /v1/trace` over a loopback
//! socket: the schema endpoint serves what `ereje schema` writes, the trace endpoint what
//! `ereje trace` derives, and every answer of every endpoint — successes and refusals — is
//! valid against the schema the OpenAPI document declares for its path, method, status and
//! media type, every reference of which resolves inside the document.

use std::path::Path;

use ereje::RuleSet;
use ereje::schema::{SchemaOptions, bundle_schema};
use ereje::vocab::Lang;
use serde_json::{Value, json};

use super::serve_client::{Answer, Server};

const JSON: (&str, &str) = ("Content-Type", "application/json");
const NDJSON: (&str, &str) = ("Content-Type", "application/x-ndjson");
const PR: &str = "kz.mvd.permanent_residence";

fn bundle(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/bundles")
            .join(name),
    )
    .expect("example bundle")
}

fn shipped() -> RuleSet {
    RuleSet::shipped().expect("the shipped rules compile")
}

#[test]
fn the_schema_endpoint_serves_the_bundle_schema_of_the_day_and_language_asked() {
    let server = Server::start("schema", &[]);
    let rules = shipped();
    for (query, as_of, lang) in [
        ("", None, Lang::En),
        (
            "?as_of=2019-05-14&lang=kk",
            chrono::NaiveDate::from_ymd_opt(2019, 5, 14),
            Lang::Kk,
        ),
    ] {
        let answer = server.get(&format!("/v1/services/{PR}/schema{query}"));
        assert_eq!(answer.status, 200, "{query}");
        let expected = bundle_schema(&rules, PR, &SchemaOptions { as_of, lang }).expect("a schema");
        assert_eq!(answer.json(), expected, "{query}");
        assert!(answer.header("x-ereje-rules-version").is_some());
    }
    let unknown = server.get("/v1/services/kz.mvd.permanent_residenc/schema");
    assert_eq!(unknown.status, 404);
    let finding = &unknown.json()["findings"][0];
    assert_eq!(finding["code"], "request-rejected");
    assert!(
        finding["help"].as_str().is_some_and(|h| h.contains(PR)),
        "did you mean: {finding}"
    );
    let before = server.get(&format!("/v1/services/{PR}/schema?as_of=1990-01-01"));
    assert_eq!(before.status, 404);
    assert!(
        before.json()["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("1990-01-01")),
        "{}",
        before.json()
    );
    // the schema of a day takes no moment: a parameter it does not take is refused
    let now = server.get(&format!(
        "/v1/services/{PR}/schema?now=2019-05-14T10:00:00Z"
    ));
    assert_eq!(now.status, 400);
}

#[test]
fn the_trace_endpoint_derives_as_the_library_does_in_json_and_html() {
    let server = Server::start("trace", &[]);
    let rules = shipped();
    let body = bundle("pr-missing-passport.json");
    let answer = server.call("POST", "/v1/trace?lang=ru", &[JSON], &body);
    assert_eq!(answer.status, 200);
    let options = ereje::check::Options {
        lang: Some(Lang::Ru),
        ..ereje::check::Options::default()
    };
    let expected: Value = serde_json::from_str(&ereje::trace::json(&ereje::trace::trace(
        &rules, &body, &options,
    )))
    .expect("a trace");
    assert_eq!(answer.json(), expected);
    assert_eq!(answer.json()["verdict"], "incomplete");
    let html = server.call(
        "POST",
        "/v1/trace",
        &[JSON, ("Accept", "text/html, application/json;q=0.5")],
        &body,
    );
    assert_eq!(html.status, 200);
    assert!(
        html.header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
    );
    let page = String::from_utf8_lossy(&html.body);
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("passport"),
        "{page}"
    );
    // a refusal is a report, as on every endpoint
    let wrong = server.call(
        "POST",
        "/v1/trace",
        &[("Content-Type", "text/plain")],
        &body,
    );
    assert_eq!(wrong.status, 415);
    assert_eq!(wrong.json()["findings"][0]["code"], "request-rejected");
}

/// The OpenAPI document with a validator for each answer it describes.
struct Document(Value);

impl Document {
    /// The schema of the answer to `method path` with `status` in `media`, if declared.
    fn schema(&self, template: &str, method: &str, status: u16, media: &str) -> Option<Value> {
        let operation = &self.0["paths"][template][method.to_ascii_lowercase()];
        // a method a path does not take is no operation: its 405 is the common refusal
        let mut response = if operation.is_object() {
            let responses = &operation["responses"];
            responses
                .get(status.to_string())
                .unwrap_or(&responses["default"])
                .clone()
        } else {
            json!({ "$ref": "#/components/responses/Refused" })
        };
        if let Some(target) = response.get("$ref").and_then(Value::as_str) {
            response = self.resolve(target).clone();
        }
        response["content"].get(media).map(|c| c["schema"].clone())
    }

    fn resolve(&self, reference: &str) -> &Value {
        let pointer = reference.strip_prefix('#').expect("a local reference");
        self.0
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{reference} resolves to nothing"))
    }

    /// Validate `instance` against `schema`, resolving its references in the document.
    fn validate(&self, schema: &Value, instance: &Value) -> Vec<String> {
        let mut root = schema.clone();
        if let Value::Object(map) = &mut root {
            map.insert("components".into(), self.0["components"].clone());
        } else {
            root = json!({ "allOf": [schema], "components": self.0["components"] });
        }
        let validator = jsonschema::draft202012::options()
            .build(&root)
            .unwrap_or_else(|e| panic!("the declared schema compiles: {e}"));
        validator
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }
}

fn references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => references(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, out)),
        _ => {}
    }
}

/// A request: the path's template in the document, the method, the path, headers, body.
type Call<'a> = (&'a str, &'a str, String, Vec<(&'a str, &'a str)>, Vec<u8>);

#[test]
fn every_answer_is_valid_against_the_openapi_document() {
    let server = Server::start("openapi", &[]);
    let document = server.get("/openapi.json");
    assert_eq!(document.status, 200);
    let doc = Document(document.json());
    assert_eq!(doc.0["openapi"], "3.1.0");
    let mut refs = Vec::new();
    references(&doc.0, &mut refs);
    assert!(refs.len() > 50, "{}", refs.len());
    for r in &refs {
        doc.resolve(r);
    }
    let ok_line =
        serde_json::to_vec(&serde_json::from_slice::<Value>(&bundle("pr-ok.json")).expect("JSON"))
            .expect("JSON");
    let mut batch = ok_line.clone();
    batch.extend_from_slice(b"\n{\"service\":\n");
    batch.extend_from_slice(&ok_line);
    let calls: Vec<Call> = vec![
        (
            "/v1/check",
            "POST",
            "/v1/check".into(),
            vec![JSON],
            bundle("pr-ok.json"),
        ),
        (
            "/v1/check",
            "POST",
            "/v1/check?lang=kk".into(),
            vec![JSON],
            bundle("pr-refused-and-incomplete.json"),
        ),
        (
            "/v1/check",
            "POST",
            "/v1/check".into(),
            vec![JSON],
            bundle("pr-invalid-truncated.json"),
        ),
        (
            "/v1/check",
            "POST",
            "/v1/check?as_of=yesterday".into(),
            vec![JSON],
            bundle("pr-ok.json"),
        ),
        (
            "/v1/check",
            "POST",
            "/v1/check".into(),
            vec![("Content-Type", "text/csv")],
            b"a,b".to_vec(),
        ),
        ("/v1/check", "GET", "/v1/check".into(), vec![], Vec::new()),
        (
            "/v1/check/batch",
            "POST",
            "/v1/check/batch".into(),
            vec![NDJSON],
            batch,
        ),
        (
            "/v1/trace",
            "POST",
            "/v1/trace".into(),
            vec![JSON],
            bundle("pr-late-steps.json"),
        ),
        (
            "/v1/trace",
            "POST",
            "/v1/trace".into(),
            vec![JSON],
            b"[1,".to_vec(),
        ),
        (
            "/v1/services",
            "GET",
            "/v1/services".into(),
            vec![],
            Vec::new(),
        ),
        (
            "/v1/services/{id}/schema",
            "GET",
            format!("/v1/services/{PR}/schema"),
            vec![],
            Vec::new(),
        ),
        (
            "/v1/services/{id}/schema",
            "GET",
            "/v1/services/x/schema".into(),
            vec![],
            Vec::new(),
        ),
        ("/healthz", "GET", "/healthz".into(), vec![], Vec::new()),
        ("/readyz", "GET", "/readyz".into(), vec![], Vec::new()),
        (
            "/openapi.json",
            "GET",
            "/openapi.json".into(),
            vec![],
            Vec::new(),
        ),
    ];
    let mut statuses = Vec::new();
    for (template, method, path, headers, body) in calls {
        let answer: Answer = server.call(method, &path, &headers, &body);
        statuses.push(answer.status);
        let media = answer
            .header("content-type")
            .and_then(|t| t.split(';').next())
            .unwrap_or("")
            .trim()
            .to_string();
        let schema = doc
            .schema(template, method, answer.status, &media)
            .unwrap_or_else(|| {
                panic!("{method} {path}: {} {media} is not declared", answer.status)
            });
        let instances = if media == "application/x-ndjson" {
            // each line is a report
            let report = json!({ "$ref": "#/components/schemas/Report" });
            answer
                .lines()
                .into_iter()
                .map(|l| (report.clone(), l))
                .collect()
        } else {
            vec![(schema, answer.json())]
        };
        for (schema, instance) in instances {
            let errors = doc.validate(&schema, &instance);
            assert!(
                errors.is_empty(),
                "{method} {path} ({}): {errors:#?}",
                answer.status
            );
        }
    }
    assert_eq!(
        statuses,
        [
            200, 200, 200, 400, 415, 405, 200, 200, 200, 200, 200, 404, 200, 200, 200
        ]
    );
}

#[test]
fn with_mask_no_personal_value_leaves_the_server() {
    let server = Server::start("mask", &["--mask"]);
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mask/personal.json"),
    )
    .expect("fixture");
    let line = serde_json::to_string(&serde_json::from_slice::<Value>(&body).expect("JSON"))
        .expect("JSON");
    let answers = [
        server.call("POST", "/v1/check", &[JSON], &body),
        server.call("POST", "/v1/trace", &[JSON], &body),
        server.call("POST", "/v1/trace", &[JSON, ("Accept", "text/html")], &body),
        server.call(
            "POST",
            "/v1/check/batch",
            &[NDJSON],
            format!("{line}\n{line}\n").as_bytes(),
        ),
    ];
    for answer in &answers {
        assert_eq!(answer.status, 200);
        let text = String::from_utf8_lossy(&answer.body);
        for personal in [
            "880101300123",
            "FA1234567",
            "1986-07-14",
            "Айгерим",
            "Нурланова",
        ] {
            assert!(!text.contains(personal), "{personal} in {text}");
        }
        assert!(
            text.contains("mask-personal") && text.contains("passport"),
            "{text}"
        );
    }
    // the same report as the library's, masked, pointers and spans exact
    let options = ereje::check::Options {
        mask: true,
        ..ereje::check::Options::default()
    };
    let mut expected = shipped().check_bytes(&body, &options);
    ereje::report::spans::fill(&mut expected, std::str::from_utf8(&body).expect("UTF-8"));
    let expected: Value =
        serde_json::from_str(&ereje::report::json::report_line(&expected)).expect("a report");
    assert_eq!(answers[0].json(), expected);
    // without --mask the values are shown (so the test above can fail)
    let plain = Server::start("no-mask", &[]);
    let text =
        String::from_utf8_lossy(&plain.call("POST", "/v1/check", &[JSON], &body).body).into_owned();
    assert!(
        text.contains("FA1234567") || text.contains("1986-07-14") || text.contains("uz"),
        "{text}"
    );
}
