//! The report's JSON Schema (docs/report.schema.json): real reports are valid against it —
//! every example bundle's in en, ru and kk, and a sample of the benches' NDJSON through
//! `--ndjson` — its enums are the code's own (a new finding code cannot be forgotten), and it
//! rejects what the contract does not allow.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use ereje::check::{DeadlineStatus, Kind, Verdict};
use ereje::codes::{CODES, Severity};
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    serde_json::from_str(ereje::report::SCHEMA).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles")
}

/// Every error of a report against the schema, each with its place, or none.
fn errors(validator: &jsonschema::Validator, report: &Value) -> Vec<String> {
    validator
        .iter_errors(report)
        .map(|e| format!("{} at `{}`", e, e.instance_path()))
        .collect()
}

/// Each line of `ereje check ARGS --format json`, parsed.
fn reports(args: &[&str]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .args(["--format", "json"])
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("reports are UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON report per line"))
        .collect()
}

/// Hold every report to the schema; say which are not valid and why.
fn assert_valid(what: &str, reports: &[Value]) {
    let validator = validator();
    let invalid: Vec<String> = reports
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let errors = errors(&validator, r);
            (!errors.is_empty()).then(|| {
                format!(
                    "{what}, report {} (`{}`): {}",
                    i + 1,
                    r["id"],
                    errors.join("; ")
                )
            })
        })
        .collect();
    assert!(invalid.is_empty(), "{}", invalid.join("\n"));
}

fn example_bundles() -> Vec<String> {
    let dir = root().join("examples/bundles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.strip_prefix(root()).unwrap_or(&p).display().to_string())
        .collect();
    names.sort();
    assert!(names.len() > 40, "the example bundles are there");
    names
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("not a valid schema: {e}");
    }
    // what ships inside ereje is the file of the docs
    let file = std::fs::read_to_string(root().join("docs/report.schema.json")).expect("file");
    assert_eq!(file, ereje::report::SCHEMA);
}

#[test]
fn every_example_bundles_report_is_valid_in_every_language() {
    let bundles = example_bundles();
    for lang in ["en", "ru", "kk"] {
        let mut args: Vec<&str> = vec!["check", "--lang", lang];
        args.extend(bundles.iter().map(String::as_str));
        let reports = reports(&args);
        assert_eq!(reports.len(), bundles.len());
        assert_valid(&format!("examples in {lang}"), &reports);
    }
    // judged as of a later moment, open steps are overdue
    let mut args: Vec<&str> = vec!["check", "--now", "2019-07-01T12:00:00+06:00"];
    args.extend(bundles.iter().map(String::as_str));
    let reports = reports(&args);
    assert!(
        reports
            .iter()
            .flat_map(|r| r["deadlines"].as_array().into_iter().flatten())
            .any(|d| d["status"] == "overdue"),
        "some deadline is overdue"
    );
    assert_valid("examples with --now", &reports);
}

/// Every `every`-th line of a benches' NDJSON file, and lines no bundle is on.
fn sample(file: &Path, every: usize) -> String {
    let text = std::fs::read_to_string(file).expect("benches data");
    let mut sample: Vec<&str> = text.lines().step_by(every).collect();
    sample.extend(["", "not json", "\u{feff}{\"service\": 1}", "[1]"]);
    sample.join("\n")
}

#[test]
fn a_sample_of_the_benches_ndjson_is_valid_through_ndjson() {
    for (name, every) in [("small.ndjson", 10), ("large.ndjson", 4)] {
        let path = std::env::temp_dir().join(format!("ereje-schema-{}-{name}", std::process::id()));
        std::fs::write(
            &path,
            sample(&root().join("benches/data").join(name), every),
        )
        .expect("temp file");
        let path_text = path.to_str().expect("utf-8 path").to_string();
        let plain = reports(&["check", "--ndjson", &path_text]);
        let later = reports(&[
            "check",
            "--ndjson",
            &path_text,
            "--lang",
            "kk",
            "--now",
            "2021-01-01T00:00:00+06:00",
        ]);
        let _ = std::fs::remove_file(&path);
        assert!(plain.len() > 50, "{name}: a sample of lines");
        assert!(plain.iter().all(|r| r["line"].is_u64()), "{name}: lines");
        assert_valid(name, &plain);
        assert_valid(&format!("{name} in kk, later"), &later);
    }
}

/// `(code, kind, severity)` of every finding code of the table.
fn table_codes() -> BTreeSet<(String, String, String)> {
    CODES
        .iter()
        .filter_map(|c| {
            let kind = c.kind?;
            Some((
                c.name.to_string(),
                kind.as_str().to_string(),
                c.severity.as_str().to_string(),
            ))
        })
        .collect()
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

#[test]
fn the_schemas_finding_codes_are_the_tables_with_their_kind_and_severity() {
    let schema = schema();
    let table = table_codes();
    let names: BTreeSet<String> = table.iter().map(|(n, _, _)| n.clone()).collect();
    assert_eq!(
        strings(&schema["$defs"]["code"]["enum"]),
        names,
        "the schema's finding codes are the table's V codes"
    );
    // each code's kind and severity, as the finding's `allOf` fixes them
    let fixed: BTreeSet<(String, String, String)> = schema["$defs"]["finding"]["allOf"]
        .as_array()
        .expect("allOf")
        .iter()
        .map(|rule| {
            let text = |v: &Value| v.as_str().expect("a const").to_string();
            (
                text(&rule["if"]["properties"]["code"]["const"]),
                text(&rule["then"]["properties"]["kind"]["const"]),
                text(&rule["then"]["properties"]["severity"]["const"]),
            )
        })
        .collect();
    assert_eq!(fixed, table);
}

#[test]
fn the_schemas_enums_and_version_are_the_codes() {
    let schema = schema();
    let defs = &schema["$defs"];
    let names = |items: &mut dyn Iterator<Item = String>| items.collect::<BTreeSet<String>>();
    assert_eq!(
        strings(&defs["verdict"]["enum"]),
        names(&mut Verdict::ALL.iter().map(|v| v.as_str().to_string()))
    );
    assert_eq!(
        strings(&defs["kind"]["enum"]),
        names(&mut Kind::ALL.iter().map(|k| k.as_str().to_string()))
    );
    assert_eq!(
        strings(&defs["severity"]["enum"]),
        names(
            &mut [Severity::Error, Severity::Warning]
                .iter()
                .map(|s| s.as_str().to_string())
        )
    );
    assert_eq!(
        strings(&defs["status"]["enum"]),
        names(&mut DeadlineStatus::ALL.iter().map(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        }))
    );
    assert_eq!(
        schema["properties"]["report_version"]["const"],
        ereje::report::REPORT_VERSION
    );
}

/// A real report to take apart: a finding with a rule, citations and a span, and deadlines.
fn missing_passport() -> Value {
    reports(&["check", "examples/bundles/pr-missing-passport.json"])
        .pop()
        .expect("a report")
}

#[test]
fn the_schema_allows_nothing_the_contract_does_not() {
    let validator = validator();
    let report = missing_passport();
    assert!(errors(&validator, &report).is_empty());
    let rejects = |what: &str, change: &dyn Fn(&mut Value)| {
        let mut changed = report.clone();
        change(&mut changed);
        assert!(
            !errors(&validator, &changed).is_empty(),
            "the schema accepts {what}"
        );
    };
    rejects("a field the contract does not have", &|r| {
        r["extra"] = json!(1);
    });
    rejects("an extra field in a finding", &|r| {
        r["findings"][0]["hint"] = json!("x");
    });
    rejects("an extra field in a citation", &|r| {
        r["findings"][0]["citation"]["page"] = json!(3);
    });
    rejects("an extra field in a span", &|r| {
        r["findings"][0]["span"]["end"] = json!(3);
    });
    rejects("an extra field in a deadline", &|r| {
        r["deadlines"][0]["note"] = json!("x");
    });
    rejects("another report version", &|r| {
        r["report_version"] = json!("1.0");
    });
    rejects("a report without its verdict", &|r| {
        r.as_object_mut().expect("object").remove("verdict");
    });
    rejects("an unknown verdict", &|r| r["verdict"] = json!("maybe"));
    rejects("an unknown finding code", &|r| {
        r["findings"][0]["code"] = json!("missing-documents");
    });
    rejects("a finding of another kind than its code's", &|r| {
        r["findings"][0]["kind"] = json!("input");
    });
    rejects("a finding of another severity than its code's", &|r| {
        r["findings"][0]["severity"] = json!("warning");
    });
    rejects("a citation without citations", &|r| {
        r["findings"][0]
            .as_object_mut()
            .expect("finding")
            .remove("citations");
    });
    rejects("a pointer that is not one", &|r| {
        r["findings"][0]["pointer"] = json!("documents");
    });
    rejects("an unknown deadline status", &|r| {
        r["deadlines"][0]["status"] = json!("early");
    });
    rejects("a lateness on an open step", &|r| {
        r["deadlines"][0]["late_seconds"] = json!(5);
    });
    rejects("a verdict its findings do not give", &|r| {
        r["verdict"] = json!("ok")
    });
    rejects("a line that is not a line number", &|r| {
        r["line"] = json!(0)
    });
    rejects("a day that does not exist", &|r| {
        r["as_of"] = json!("2019-02-30")
    });
    rejects("a due time with a fraction of a second", &|r| {
        r["deadlines"][0]["due"] = json!("2019-05-14T10:30:00.5+06:00");
    });
    rejects("an unknown assumption", &|r| {
        r["assumptions"] = json!({"in_force": "earliest", "calendar": "kz"});
    });
    rejects("an assumption of another value", &|r| {
        r["assumptions"] = json!({"in_force": "sometime"});
    });
}

/// What only some reports have: `assumptions` (with `--assume-in-force`), `in-force-unknown`
/// (without it, on a day of order 799's window) and `waiting` (a pending report).
#[test]
fn reports_with_assumptions_windows_and_waiting_are_valid() {
    let validator = validator();
    let window = "examples/bundles/pr-state-corporation-in-799-window.json";
    for assume in ["earliest", "latest"] {
        let report = reports(&["check", window, "--assume-in-force", assume])
            .pop()
            .expect("a report");
        assert_eq!(report["assumptions"], json!({"in_force": assume}));
        assert_valid(&format!("{window} assuming {assume}"), &[report]);
    }
    let mut undecided = reports(&["check", window]).pop().expect("a report");
    assert_eq!(undecided["verdict"], "pending");
    assert!(undecided.get("assumptions").is_none());
    let codes: Vec<&Value> = undecided["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| &f["code"])
        .collect();
    assert!(codes.contains(&&json!("in-force-unknown")), "{codes:?}");
    assert_valid(window, std::slice::from_ref(&undecided));
    let waiting = reports(&[
        "check",
        "examples/bundles/pr-pending-national-security.json",
    ])
    .pop()
    .expect("a report");
    assert_eq!(
        waiting["waiting"][0]["fact"], "/checks/national_security",
        "{waiting}"
    );
    assert_valid("a pending report", &[waiting]);
    // and the schema holds each of them to its shape
    let index = codes
        .iter()
        .position(|c| *c == &json!("in-force-unknown"))
        .unwrap_or_default();
    undecided["findings"][index]["kind"] = json!("input");
    assert!(!validator.is_valid(&undecided));
}

/// The report a line gets when ereje fails on it (`internal-error`) is a valid `invalid`
/// report, in every language.
#[test]
fn an_internal_error_report_is_valid() {
    let rules = ereje::RuleSet::shipped().expect("the shipped rules compile");
    for lang in [
        ereje::vocab::Lang::En,
        ereje::vocab::Lang::Ru,
        ereje::vocab::Lang::Kk,
    ] {
        let options = ereje::check::Options {
            lang: Some(lang),
            ..ereje::check::Options::default()
        };
        let mut report = rules.failed("index out of bounds", &options);
        report.line = Some(7);
        let json: Value =
            serde_json::from_str(&ereje::report::json::report_line(&report)).expect("JSON");
        assert_eq!(json["verdict"], "invalid");
        assert_eq!(json["findings"][0]["code"], "internal-error");
        assert!(
            json["findings"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("index out of bounds")),
            "{json}"
        );
        assert_valid("an internal-error report", &[json]);
    }
}
