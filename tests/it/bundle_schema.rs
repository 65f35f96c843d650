//! The bundle's JSON Schema (`ereje schema`, `ereje::schema`): valid against the 2020-12
//! meta-schema, true to every shipped example bundle, and true to the checker over bundles
//! made by mutating them — a bundle the schema rejects is one `check` calls `invalid`, and an
//! `invalid-input` that JSON Schema can express is a schema error too. Not to be confused with
//! `schema.rs`, the schema of the report.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use ereje::RuleSet;
use ereje::check::{About, Options, Problem, Verdict};
use ereje::schema::{SchemaError, SchemaOptions, bundle_schema, bundle_schemas};
use ereje::vocab::Lang;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{Value, json};

const PR: &str = "kz.mvd.permanent_residence";
const RS: &str = "kz.mvd.refugee_status";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().expect("the shipped rules compile"))
}

fn schema(service: &str) -> Value {
    bundle_schema(rules(), service, &SchemaOptions::default()).expect("a shipped service")
}

/// The validators of both shipped services, built once; formats are not asserted (the
/// 2020-12 default: the patterns carry what the reader holds values to).
fn validator(service: &str) -> &'static jsonschema::Validator {
    static VALIDATORS: OnceLock<Vec<(String, jsonschema::Validator)>> = OnceLock::new();
    let all = VALIDATORS.get_or_init(|| {
        [PR, RS]
            .into_iter()
            .map(|s| {
                let v = jsonschema::draft202012::new(&schema(s)).expect("the schema compiles");
                (s.to_string(), v)
            })
            .collect()
    });
    &all.iter()
        .find(|(s, _)| s == service)
        .expect("a shipped service")
        .1
}

fn errors(validator: &jsonschema::Validator, bundle: &Value) -> Vec<String> {
    validator
        .iter_errors(bundle)
        .map(|e| format!("{e} at `{}`", e.instance_path()))
        .collect()
}

/// Every example bundle: its name and its text.
fn example_bundles() -> Vec<(String, String)> {
    let dir = root().join("examples/bundles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/bundles")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "json")
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).expect("readable");
            (n, text)
        })
        .collect()
}

/// The shipped service a bundle names, if it names one.
fn service_of(bundle: &Value) -> Option<&'static str> {
    match bundle.get("service").and_then(Value::as_str) {
        Some(PR) => Some(PR),
        Some(RS) => Some(RS),
        _ => None,
    }
}

#[test]
fn the_schemas_are_valid_2020_12_schemas() {
    for service in [PR, RS] {
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let options = SchemaOptions { as_of: None, lang };
            let schema = bundle_schema(rules(), service, &options).expect("a shipped service");
            if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
                panic!("{service} ({lang:?}): {e} at `{}`", e.instance_path());
            }
            assert_eq!(schema["$schema"], json!(ereje::schema::DIALECT));
        }
    }
}

#[test]
fn every_example_bundle_that_is_not_invalid_validates_and_every_invalid_one_does_not() {
    let mut checked = 0;
    for (name, text) in example_bundles() {
        let report = rules().check(&text, &Options::default());
        let Ok(bundle) = serde_json::from_str::<Value>(&text) else {
            assert_eq!(report.verdict, Verdict::Invalid, "{name}");
            continue;
        };
        // a bundle without a shipped service has no schema to be held to (pr-invalid-missing-service
        // is held to both)
        let services: Vec<&str> = match service_of(&bundle) {
            Some(s) => vec![s],
            None if bundle.get("service").is_none() => vec![PR, RS],
            None => continue,
        };
        for service in services {
            let errors = errors(validator(service), &bundle);
            if report.verdict == Verdict::Invalid {
                assert!(
                    !errors.is_empty(),
                    "{name} is invalid, yet the schema of {service} takes it"
                );
            } else {
                assert!(
                    errors.is_empty(),
                    "{name} ({:?}): {}",
                    report.verdict,
                    errors.join("; ")
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked > 50,
        "only {checked} example bundles were held to a schema"
    );
}

#[test]
fn formats_asserted_the_examples_still_validate() {
    // a consumer that asserts `format` (date, date-time) takes every shipped example too
    for service in [PR, RS] {
        let strict = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema(service))
            .expect("the schema compiles");
        for (name, text) in example_bundles() {
            let Ok(bundle) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let report = rules().check(&text, &Options::default());
            if service_of(&bundle) == Some(service) && report.verdict != Verdict::Invalid {
                assert!(
                    strict.is_valid(&bundle),
                    "{name}: {}",
                    errors(&strict, &bundle).join("; ")
                );
            }
        }
    }
}

/// What JSON Schema cannot say about a bundle (docs/schema.md): a `child` against the
/// children the bundle lists, the limits, a submission day outside years 0000–9999 somewhere
/// on Earth.
fn inexpressible(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::NoSuchChild { .. }
            | Problem::TooMany { .. }
            | Problem::TooLarge { .. }
            | Problem::TooDeep { .. }
    )
}

/// The two directions, for one bundle of a shipped service.
fn agree(bundle: &Value, service: &str) -> Result<(), TestCaseError> {
    let text = bundle.to_string();
    let report = rules().check(&text, &Options::default());
    let errors = errors(validator(service), bundle);
    let problems: Vec<&Problem> = report
        .findings
        .iter()
        .filter(|f| f.code.name == "invalid-input")
        .filter_map(|f| match &f.about {
            About::Input(p) => Some(p),
            _ => None,
        })
        .collect();
    if !errors.is_empty() {
        prop_assert_eq!(
            report.verdict,
            Verdict::Invalid,
            "the schema rejects {} ({}), but check calls it {:?}",
            text,
            errors.join("; "),
            report.verdict
        );
    }
    if problems.iter().any(|p| !inexpressible(p)) {
        prop_assert!(
            !errors.is_empty(),
            "check calls {} invalid ({:?}), but the schema takes it",
            text,
            problems
        );
    }
    Ok(())
}

/// The bundles mutations start from: the examples of a shipped service that are not
/// `invalid` and apply the service (an unknown service, or one not in force, is not read).
fn seeds() -> &'static Vec<(Value, &'static str)> {
    static SEEDS: OnceLock<Vec<(Value, &'static str)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        example_bundles()
            .into_iter()
            .filter_map(|(_, text)| {
                let report = rules().check(&text, &Options::default());
                let bundle: Value = serde_json::from_str(&text).ok()?;
                let service = service_of(&bundle)?;
                let read = report.verdict != Verdict::Invalid
                    && !report.findings.iter().any(|f| {
                        matches!(
                            f.about,
                            About::UnknownService { .. } | About::ServiceNotInForce { .. }
                        )
                    });
                read.then_some((bundle, service))
            })
            .collect()
    })
}

/// Values a mutation writes: of every JSON kind, in and out of each list of values, dates and
/// instants well and badly written, codes in and out of their lists and case.
fn value() -> impl Strategy<Value = Value> {
    let pool = vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(3),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("foreigner"),
        json!("stateless"),
        json!("refugee"),
        json!("ethnic_kazakh"),
        json!("grant"),
        json!("extend"),
        json!("agreed"),
        json!("objection"),
        json!("confirmed"),
        json!("provider"),
        json!("state_corporation"),
        json!("passport"),
        json!("autobiography"),
        json!("talon_issued"),
        json!("UZ"),
        json!("uz"),
        json!("Kz"),
        json!("UK"),
        json!("XK"),
        json!("ru"),
        json!("RU"),
        json!("kz"),
        json!("k"),
        json!("2019-05-14"),
        json!("2020-02-29"),
        json!("2019-02-29"),
        json!("2019-02-30"),
        json!("2019-13-01"),
        json!("2019-5-14"),
        json!("19-05-14"),
        json!("2019-05-14T10:00:00+06:00"),
        json!("2019-05-14t10:00:00z"),
        json!("2019-05-14 10:00:00+06:00"),
        json!("2019-05-14T10:00:60+06:00"),
        json!("2019-05-14T10:00:00.123456789123Z"),
        json!("2019-05-14T10:00:00\u{2212}06:00"),
        json!("2019-05-14T10:00:00"),
        json!("2019-05-14T10:00:00+0600"),
        json!("2019-05-14T24:00:00Z"),
        json!("2019-05-14T10:00:00+24:00"),
        json!("2019-02-29T10:00:00Z"),
        json!("2019-05-14T10:00Z"),
        json!([]),
        json!(["refugee"]),
        json!(["refugee", "refugee"]),
        json!(["nope"]),
        json!([1]),
        json!([{}]),
        json!([{ "birth_date": "2010-01-31", "applying_jointly": true }]),
        json!([{ "birth_date": 5 }]),
        json!([{ "kind": "passport", "expires_on": "2030-01-01" }]),
        json!([{ "kind": 1 }]),
        json!([{ "step": "talon_issued", "at": "2019-05-14T10:20:00+06:00" }]),
        json!([{ "step": "talon_issued" }]),
        json!({}),
        json!({ "x": 1 }),
    ];
    prop_oneof![
        4 => prop::sample::select(pool),
        1 => "[a-zA-Z_ -]{0,10}".prop_map(Value::String),
    ]
}

/// Keys a mutation adds: the fields of documents, events and records, and unknown ones.
fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "kind",
        "number",
        "issued_on",
        "expires_on",
        "language",
        "signed",
        "child",
        "step",
        "at",
        "birth_date",
        "applying_jointly",
        "category",
        "citizenship",
        "records",
        "request",
        "channel",
        "applicant",
        "checks",
        "documents",
        "events",
        "id",
        "unknown",
    ])
    .prop_map(String::from)
}

/// One change to a bundle, at the place a number picks among its values.
#[derive(Debug, Clone)]
enum Mutation {
    /// Write a value in place of the one there.
    Replace(usize, Value),
    /// Take a member out of its object, or an element out of its array.
    Remove(usize),
    /// Add a member to an object (or set it, if it is there).
    Add(usize, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        1 => any::<usize>().prop_map(Mutation::Remove),
        2 => (any::<usize>(), key(), value()).prop_map(|(at, k, v)| Mutation::Add(at, k, v)),
    ]
}

/// The pointers of every value in a bundle, the root first.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Apply a mutation. `service` and `submitted_at` are only taken away or written wrong: a
/// bundle for another service, or for a day the service is not in force, is not read (and is
/// not this service's bundle), as docs/schema.md says.
fn apply(bundle: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    pointers(bundle, "", &mut all);
    let pick = |n: usize| all[n % all.len()].clone();
    let guarded = |pointer: &str, v: &Value| match pointer {
        "/service" => v.is_string(),
        // an instant of another day may fall outside the service's days in force
        "/submitted_at" => v.as_str().is_some_and(|s| !s.starts_with("2019-05-14")),
        _ => false,
    };
    match mutation {
        Mutation::Replace(n, v) => {
            let pointer = pick(*n);
            if guarded(&pointer, v) {
                return;
            }
            if let Some(slot) = bundle.pointer_mut(&pointer) {
                *slot = v.clone();
            }
        }
        Mutation::Remove(n) => {
            let pointer = pick(*n);
            let Some((parent, last)) = pointer.rsplit_once('/') else {
                return;
            };
            match bundle.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = last.parse::<usize>()
                        && i < items.len()
                    {
                        items.remove(i);
                    }
                }
                _ => {}
            }
        }
        Mutation::Add(n, k, v) => {
            let pointer = pick(*n);
            if guarded(&format!("{pointer}/{k}"), v) {
                return;
            }
            if let Some(Value::Object(map)) = bundle.pointer_mut(&pointer) {
                map.insert(k.clone(), v.clone());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_schema_and_check_agree_on_mutated_bundles(
        seed in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds();
        let (bundle, service) = &seeds[seed % seeds.len()];
        let mut bundle = bundle.clone();
        for m in &mutations {
            apply(&mut bundle, m);
        }
        agree(&bundle, service)?;
    }
}

#[test]
fn the_seeds_are_many_and_each_mutation_kind_is_seen_to_matter() {
    assert!(seeds().len() > 40, "{} seeds", seeds().len());
    let (ok, service) = seeds()
        .iter()
        .find(|(b, _)| b["id"] == "pr-ok")
        .expect("pr-ok is a seed");
    assert!(validator(service).is_valid(ok));
    // each of these is `invalid` and a schema error; each of the last ones a warning and not
    let rejected = [
        ("/applicant/category", json!("tourist")),
        ("/applicant/birth_date", json!("1985-02-29")),
        ("/applicant/grounds", json!(["refugee", 1])),
        ("/applicant/citizenship", json!("XK")),
        ("/applicant/records", json!(5)),
        ("/documents/1/expires_on", json!("2026-2-9")),
        ("/documents/1/child", json!(-1)),
        ("/documents/1/language", json!("kz")),
        ("/documents/1/kind", json!(null)),
        ("/events/0/at", json!("2019-05-14T10:20:00")),
        ("/submitted_at", json!("2019-05-14")),
        ("/channel", json!("post")),
        ("/id", json!(7)),
    ];
    for (pointer, v) in rejected {
        let b = set(ok, pointer, &v);
        let report = rules().check(&b.to_string(), &Options::default());
        assert_eq!(report.verdict, Verdict::Invalid, "{pointer} = {v}");
        assert!(!validator(service).is_valid(&b), "{pointer} = {v}");
    }
    let taken = [
        ("/applicant/citizenship", json!("uz")),
        ("/applicant/unknown", json!({ "x": 1 })),
        ("/documents/1/kind", json!("visa")),
        ("/documents/1/stamp", json!(true)),
        ("/events/0/step", json!("coffee_break")),
        ("/applicant/grounds", json!(["refugee", "refugee"])),
        ("/submitted_at", json!("2019-05-14 10:00:00+06:00")),
        ("/checks/solvency", json!(null)),
    ];
    for (pointer, v) in taken {
        let b = set(ok, pointer, &v);
        let report = rules().check(&b.to_string(), &Options::default());
        assert_ne!(report.verdict, Verdict::Invalid, "{pointer} = {v}");
        assert!(
            validator(service).is_valid(&b),
            "{pointer} = {v}: {}",
            errors(validator(service), &b).join("; ")
        );
    }
    for field in ["service", "submitted_at"] {
        let mut b = ok.clone();
        b.as_object_mut().expect("an object").remove(field);
        assert!(!validator(service).is_valid(&b), "without {field}");
    }
}

/// The bundle with the member at `pointer` set to `v` (added if it is not there).
fn set(bundle: &Value, pointer: &str, v: &Value) -> Value {
    let mut b = bundle.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a member");
    match b.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(key.to_string(), v.clone());
        }
        _ => panic!("no object at {parent}"),
    }
    b
}

#[test]
fn a_child_that_names_no_child_is_invalid_yet_no_schema_error() {
    // listed in docs/schema.md as what the schema cannot say
    let (ok, service) = seeds()
        .iter()
        .find(|(b, _)| b["id"] == "pr-stateless-with-children")
        .expect("a seed with children");
    let mut b = ok.clone();
    let docs = b["documents"].as_array_mut().expect("documents");
    let doc = docs
        .iter_mut()
        .find(|d| d.get("child").is_some())
        .expect("a document with a child");
    doc["child"] = json!(99);
    let report = rules().check(&b.to_string(), &Options::default());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(validator(service).is_valid(&b));
}

#[test]
fn the_schema_of_the_permanent_residence_service() {
    let mut schema = schema(PR);
    let version = schema
        .as_object_mut()
        .and_then(|m| m.remove("x-rules-version"))
        .expect("the rules' version");
    assert_eq!(version, json!(rules().version()));
    insta::assert_json_snapshot!("bundle_schema_permanent_residence", schema);
}

#[test]
fn titles_are_in_the_language_asked_for_and_all_three_are_annotated() {
    let ru = bundle_schema(
        rules(),
        RS,
        &SchemaOptions {
            as_of: None,
            lang: Lang::Ru,
        },
    )
    .expect("shipped");
    let en = schema(RS);
    assert_eq!(ru["properties"]["documents"]["title"], json!("Документы"));
    assert_eq!(en["properties"]["documents"]["title"], json!("Documents"));
    assert_eq!(
        ru["properties"]["documents"]["x-titles"],
        en["properties"]["documents"]["x-titles"]
    );
    let kinds = en["$defs"]["document.refugee_certificate"]["x-titles"]
        .as_object()
        .expect("titles");
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    let cited = &en["$defs"]["document.application"]["x-citations"][0];
    assert_eq!(cited["act"], json!("kz.mia.order_495"));
    assert!(
        cited["words"]["ru"]
            .as_str()
            .is_some_and(|w| w.contains("приказ")),
        "{cited}"
    );
}

#[test]
fn a_day_chooses_the_version_and_a_day_outside_every_version_is_an_error() {
    let day = |d: &str| Some(d.parse().expect("a date"));
    let in_force = SchemaOptions {
        as_of: day("2019-05-14"),
        lang: Lang::En,
    };
    assert!(bundle_schema(rules(), PR, &in_force).is_ok());
    let after = SchemaOptions {
        as_of: day("2021-01-01"),
        lang: Lang::En,
    };
    let Err(SchemaError::NotInForce { versions, .. }) = bundle_schema(rules(), PR, &after) else {
        panic!("not in force in 2021");
    };
    assert_eq!(versions, vec!["[2015-08-09, 2020-04-14)".to_string()]);
    let Err(SchemaError::UnknownService { suggestion, .. }) =
        bundle_schema(rules(), "kz.mvd.permanent_residense", &in_force)
    else {
        panic!("no such service");
    };
    assert_eq!(suggestion.as_deref(), Some(PR));
    // every service in force that day, each its own schema resource
    let all = bundle_schemas(rules(), &in_force);
    assert_eq!(
        all.keys().map(String::as_str).collect::<Vec<_>>(),
        vec![PR, RS]
    );
    let ids: Vec<&Value> = all.values().map(|s| &s["$id"]).collect();
    assert_ne!(ids[0], ids[1]);
    assert!(bundle_schemas(rules(), &after).is_empty());
}

fn ereje(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

#[test]
fn ereje_schema_writes_the_schema_as_pretty_json() {
    let out = ereje(&["schema", RS, "--lang", "kk"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("\n  \""), "pretty JSON");
    let written: Value = serde_json::from_str(&text).expect("JSON");
    let options = SchemaOptions {
        as_of: None,
        lang: Lang::Kk,
    };
    assert_eq!(
        written,
        bundle_schema(rules(), RS, &options).expect("shipped")
    );
}

#[test]
fn ereje_schema_of_an_unknown_service_or_day_says_why_and_exits_2() {
    let out = ereje(&["schema", "kz.mvd.refugee_statu"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let out = ereje(&["schema", RS, "--as-of", "2021-01-01", "--lang", "ru"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr_ru = String::from_utf8_lossy(&out.stderr).into_owned();
    insta::assert_snapshot!(
        "bundle_schema_cli_errors",
        format!("{stderr}---\n{stderr_ru}")
    );
}

#[test]
fn the_mutations_make_bundles_of_both_sides() {
    // a differential test whose bundles were all fine, or all broken, would prove little
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (any::<usize>(), prop::collection::vec(mutation(), 1..4));
    let (mut rejected, mut taken, mut warned) = (0, 0, 0);
    for _ in 0..300 {
        let (seed, mutations) = strategy.new_tree(&mut runner).expect("a case").current();
        let (bundle, service) = &seeds()[seed % seeds().len()];
        let mut bundle = bundle.clone();
        for m in &mutations {
            apply(&mut bundle, m);
        }
        let report = rules().check(&bundle.to_string(), &Options::default());
        if validator(service).is_valid(&bundle) {
            taken += 1;
            warned += usize::from(report.findings.iter().any(|f| {
                matches!(
                    f.code.name,
                    "unknown-field" | "unknown-document" | "unknown-step" | "noncanonical-code"
                )
            }));
        } else {
            rejected += 1;
        }
    }
    assert!(
        rejected > 60 && taken > 60 && warned > 20,
        "rejected {rejected}, taken {taken} ({warned} with warnings about the bundle)"
    );
}

/// What the rules mark `personal` is marked `x-personal` in the schema, so an intake form can
/// keep it out of logs and mask it: the facts, a list's record fields, each kind's fields.
#[test]
fn personal_data_is_marked_where_the_rules_mark_it() {
    let schema = schema("kz.mvd.permanent_residence");
    let applicant = &schema["properties"]["applicant"]["properties"];
    assert_eq!(applicant["birth_date"]["x-personal"], true);
    assert_eq!(applicant["citizenship"]["x-personal"], true);
    assert_eq!(
        applicant["children"]["items"]["properties"]["birth_date"]["x-personal"],
        true
    );
    assert!(applicant["category"].get("x-personal").is_none());
    assert!(
        applicant["children"]["items"]["properties"]["applying_jointly"]
            .get("x-personal")
            .is_none()
    );
    assert_eq!(
        schema["$defs"]["document.passport"]["x-personal"],
        serde_json::json!(["number"])
    );
}
