//! `ereje trace`: the derivation for one bundle. The trace agrees with the report on every
//! shipped example bundle (same verdict, same deadlines, every finding concluded by exactly one
//! element of the right kind, none the report lacks); its JSON is valid against
//! docs/trace.schema.json; its human and JSON forms are snapshotted for a few kinds of bundle;
//! its HTML page is well-formed, self-contained and escapes what the bundle says; bad input
//! ends as `check` ends it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use ereje::RuleSet;
use ereje::check::{Kind, Options, Report, Severity};
use ereje::trace::{Trace, Truth};
use ereje::vocab::Lang;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> RuleSet {
    RuleSet::shipped().expect("the shipped rules compile")
}

/// Every example bundle, sorted.
fn example_bundles() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("examples/bundles"))
        .expect("the examples folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("a readable bundle")
}

fn options(lang: Lang) -> Options {
    Options {
        lang: Some(lang),
        ..Options::default()
    }
}

/// A finding as both sides name it: code, severity, subject, pointer.
type Key = (String, Severity, String, String);

fn report_keys(report: &Report) -> BTreeMap<Key, usize> {
    let mut out = BTreeMap::new();
    for f in &report.findings {
        let key = (
            f.code.name.to_string(),
            f.severity,
            f.subject.clone(),
            f.pointer.clone(),
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

fn trace_keys(trace: &Trace) -> BTreeMap<Key, usize> {
    let mut out = BTreeMap::new();
    for c in trace.conclusions() {
        let key = (
            c.code.to_string(),
            c.severity,
            c.subject.clone(),
            c.pointer.clone(),
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

/// The trace and the report of one bundle agree: what is wrong, or `None`.
fn disagreement(trace: &Trace, report: &Report) -> Option<String> {
    if trace.verdict != report.verdict {
        return Some(format!(
            "verdict {:?} ≠ {:?}",
            trace.verdict, report.verdict
        ));
    }
    let (t, r) = (trace_keys(trace), report_keys(report));
    if t != r {
        return Some(format!("trace concludes {t:?}\nreport has {r:?}"));
    }
    // each finding is concluded by an element of its kind, about its subject
    let kind_of = |code: &str| {
        report
            .findings
            .iter()
            .find(|f| f.code.name == code)
            .map(|f| f.kind)
    };
    for r in &trace.requirements {
        for c in &r.findings {
            if kind_of(c.code) != Some(Kind::Document) || c.subject != r.document {
                return Some(format!("{} concludes {c:?}", r.document));
            }
        }
        // a requirement decided true with nothing attached concluded its missing document
        let required = r.required.as_ref().map(|c| c.value);
        let missing = r.findings.iter().any(|c| c.code == "missing-document");
        if (required == Some(Truth::True)) != (missing && r.items.is_empty() && r.attached == 0) {
            return Some(format!(
                "{}: required {required:?}, missing {missing}",
                r.document
            ));
        }
    }
    for g in &trace.grounds {
        let holds = g.holds.as_ref().map(|c| c.value) == Some(Truth::True);
        let refused = g.findings.iter().any(|c| c.code == "refusal-ground");
        if holds != refused || g.findings.iter().any(|c| c.subject != g.ground) {
            return Some(format!(
                "{} holds {holds}, concludes {:?}",
                g.ground, g.findings
            ));
        }
    }
    for s in &trace.steps {
        if s.findings.iter().any(|c| c.subject != s.deadline.step) {
            return Some(format!(
                "step {} concludes {:?}",
                s.deadline.step, s.findings
            ));
        }
    }
    let steps: Vec<_> = trace.steps.iter().map(|s| &s.deadline).collect();
    let deadlines: Vec<_> = report.deadlines.iter().collect();
    if format!("{steps:?}") != format!("{deadlines:?}") {
        return Some(format!("steps {steps:?}\n≠ deadlines {deadlines:?}"));
    }
    None
}

#[test]
fn the_trace_agrees_with_the_report_on_every_example_bundle() {
    let rules = shipped();
    let now = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00+06:00").ok();
    let mut checked = 0;
    for path in example_bundles() {
        let bytes = bytes(&path);
        // as the bundle is, and judged long after, so that open steps are overdue
        for options in [
            options(Lang::En),
            Options {
                now,
                ..options(Lang::Ru)
            },
        ] {
            let trace = ereje::trace::trace(&rules, &bytes, &options);
            let report = rules.check_bytes(&bytes, &options);
            if let Some(why) = disagreement(&trace, &report) {
                panic!("{}: {why}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} traces");
}

/// The bundles snapshotted: refused and incomplete, incomplete, pending on missing facts, an
/// exemption that applied (to a ground, to a requirement), a document for each child, late
/// steps.
const SNAPSHOTTED: &[&str] = &[
    "pr-refused-and-incomplete.json",
    "pr-missing-passport.json",
    "pr-pending-national-security.json",
    "pr-solvency-exempt-not-confirmed.json",
    "pr-ethnic-kazakh-cn.json",
    "pr-child-under-16-no-certificate.json",
    "pr-late-steps.json",
];

fn traced(rules: &RuleSet, name: &str, lang: Lang) -> Trace {
    let path = root().join("examples/bundles").join(name);
    ereje::trace::trace(rules, &bytes(&path), &options(lang))
}

/// The JSON of a trace, its rule-set hash replaced (it changes with every edit of the rules).
fn json_of(trace: &Trace) -> serde_json::Value {
    let mut value = serde_json::to_value(trace).expect("serialisable");
    value["rules_version"] = serde_json::Value::String(String::from("sha256:…"));
    value
}

#[test]
fn traces_as_json() {
    let rules = shipped();
    for name in SNAPSHOTTED {
        let trace = traced(&rules, name, Lang::En);
        insta::assert_json_snapshot!(
            format!("trace_json_{}", name.trim_end_matches(".json")),
            json_of(&trace)
        );
    }
}

#[test]
fn traces_for_people() {
    let rules = shipped();
    for name in SNAPSHOTTED {
        let trace = traced(&rules, name, Lang::En);
        let text = ereje::trace::human::render(&trace, &format!("examples/bundles/{name}"));
        insta::assert_snapshot!(
            format!("trace_human_{}", name.trim_end_matches(".json")),
            text
        );
    }
    for lang in [Lang::Ru, Lang::Kk] {
        let name = "pr-solvency-exempt-not-confirmed.json";
        let trace = traced(&rules, name, lang);
        let text = ereje::trace::human::render(&trace, &format!("examples/bundles/{name}"));
        insta::assert_snapshot!(format!("trace_human_{}_{}", lang.tag(), "exempt"), text);
    }
}

#[test]
fn a_trace_on_paper() {
    let rules = shipped();
    let name = "pr-refused-and-incomplete.json";
    let trace = traced(&rules, name, Lang::En);
    let page = ereje::trace::html::render(&trace, &format!("examples/bundles/{name}"));
    // the rule-set hash changes with every edit of the rules
    let page = page.replace(&trace.rules_version, "sha256:…");
    insta::assert_snapshot!("trace_html_pr-refused-and-incomplete", page);
}

#[test]
fn the_exemption_that_applied_is_shown_with_the_facts_it_read() {
    let rules = shipped();
    let trace = traced(&rules, "pr-solvency-exempt-not-confirmed.json", Lang::En);
    let ground = trace
        .grounds
        .iter()
        .find(|g| g.ground == "solvency_not_confirmed")
        .expect("the solvency ground");
    let when = ground.when.as_ref().expect("its condition apart");
    let exemption = ground.exemption.as_ref().expect("its exemption apart");
    let holds = ground.holds.as_ref().expect("decided");
    assert_eq!(
        (when.value, exemption.value, holds.value),
        (Truth::True, Truth::True, Truth::False)
    );
    assert!(ground.findings.is_empty());
    assert!(
        exemption
            .facts
            .iter()
            .any(|f| f.pointer == "/applicant/grounds" && f.present),
        "{exemption:?}"
    );
    assert!(holds.written.contains(" unless "), "{}", holds.written);
    // a document `required always unless …`: the exemption applied, so it is not required
    let trace = traced(&rules, "pr-ethnic-kazakh-cn.json", Lang::En);
    let proof = trace
        .requirements
        .iter()
        .find(|r| r.document == "solvency_proof")
        .expect("the solvency proof");
    let values = |c: &Option<ereje::trace::Condition>| c.as_ref().map(|c| c.value);
    assert_eq!(
        (
            values(&proof.when),
            values(&proof.exemption),
            values(&proof.required)
        ),
        (Some(Truth::True), Some(Truth::True), Some(Truth::False))
    );
    assert_eq!(proof.attached, 0);
    assert!(proof.findings.is_empty());
    assert_eq!(
        proof.when.as_ref().map(|c| c.written.as_str()),
        Some("always")
    );
}

#[test]
fn a_pending_trace_names_the_missing_facts_where_they_were_needed() {
    let rules = shipped();
    let trace = traced(&rules, "pr-pending-national-security.json", Lang::En);
    let ground = trace
        .grounds
        .iter()
        .find(|g| g.ground == "national_security_objection")
        .expect("the ground");
    let holds = ground.holds.as_ref().expect("decided");
    assert_eq!(holds.value, Truth::Unknown);
    assert_eq!(holds.missing, ["/checks/national_security"]);
    assert!(
        trace
            .missing_facts
            .iter()
            .any(|m| m.fact == "/checks/national_security")
    );
}

fn schema() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(ereje::trace::SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

#[test]
fn every_trace_of_the_examples_is_valid_against_the_schema() {
    let rules = shipped();
    let validator = schema();
    let mut invalid = Vec::new();
    for path in example_bundles() {
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let trace = ereje::trace::trace(&rules, &bytes(&path), &options(lang));
            let value: serde_json::Value =
                serde_json::from_str(&ereje::trace::json(&trace)).expect("one JSON object");
            for e in validator.iter_errors(&value) {
                invalid.push(format!(
                    "{} ({}): {e} at `{}`",
                    path.display(),
                    lang.tag(),
                    e.instance_path()
                ));
            }
        }
    }
    assert!(invalid.is_empty(), "{}", invalid.join("\n"));
    // and the schema is not a blank cheque: a trace without its verdict is refused
    let trace = traced(&rules, "pr-ok.json", Lang::En);
    let mut value = json_of(&trace);
    value.as_object_mut().expect("an object").remove("verdict");
    assert!(!validator.is_valid(&value));
}

/// A bundle whose texts the applicant controls are scripts and markup: a valid one (its id,
/// a document kind and a field no rule reads reach the trace) and one whose category is not a
/// category (its message quotes it).
const HOSTILE: [&str; 2] = [
    r#"{
  "id": "<script>alert('id')</script>",
  "service": "kz.mvd.permanent_residence",
  "submitted_at": "2019-05-14T10:00:00+06:00",
  "applicant": { "category": "foreigner", "birth_date": "1985-03-02", "citizenship": "UZ",
                 "grounds": [], "children": [], "records": {}, "<img src=x>": 1 },
  "documents": [ { "kind": "passport", "number": "<b>x</b>&amp;", "expires_on": "2019-06-01" },
                 { "kind": "<script>kind</script>" } ],
  "checks": {},
  "events": [ { "step": "<script>step</script>", "at": "2019-05-14T10:20:00+06:00" } ]
}"#,
    r#"{
  "service": "kz.mvd.permanent_residence",
  "submitted_at": "2019-05-14T10:00:00+06:00",
  "applicant": { "category": "<script>alert(1)</script>\"><b>", "birth_date": "1985-03-02",
                 "grounds": [], "children": [], "records": {} },
  "documents": []
}"#,
];

#[test]
fn the_html_page_escapes_every_value_from_the_bundle() {
    let rules = shipped();
    for bundle in HOSTILE {
        let trace = ereje::trace::trace(&rules, bundle.as_bytes(), &options(Lang::En));
        // the hostile texts do reach the trace: the page must carry them escaped
        let json = ereje::trace::json(&trace);
        assert!(json.contains("<script>"), "{json}");
        let page = ereje::trace::html::render(&trace, "a<script>.json");
        for markup in ["<script", "<img", "<b>"] {
            assert!(!page.contains(markup), "{markup} in {page}");
        }
        assert!(page.contains("&lt;script&gt;"), "{page}");
        well_formed(&page, "en");
    }
    // the valid bundle's id, unknown kind and unknown step, each escaped
    let trace = ereje::trace::trace(&rules, HOSTILE[0].as_bytes(), &options(Lang::En));
    let page = ereje::trace::html::render(&trace, "hostile.json");
    for escaped in [
        "&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;",
        "&lt;script&gt;kind&lt;/script&gt;",
        "&lt;script&gt;step&lt;/script&gt;",
        "&lt;img src=x&gt;",
    ] {
        assert!(page.contains(escaped), "no {escaped} in {page}");
    }
}

/// The page parses as XML, is one `<html lang=…>` page with its style inline, and refers to
/// nothing outside itself.
fn well_formed(page: &str, lang: &str) {
    let doc = roxmltree::Document::parse_with_options(
        page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}\n{page}"));
    let html = doc.root_element();
    assert_eq!(html.tag_name().name(), "html");
    assert_eq!(html.attribute("lang"), Some(lang));
    let names: Vec<&str> = html.descendants().map(|n| n.tag_name().name()).collect();
    for absent in ["script", "link", "img", "iframe", "object"] {
        assert!(!names.contains(&absent), "a <{absent}> in the page");
    }
    assert!(names.contains(&"style") && names.contains(&"title") && names.contains(&"body"));
    for node in html.descendants() {
        for attribute in ["src", "href"] {
            assert!(
                node.attribute(attribute).is_none(),
                "{attribute} in the page"
            );
        }
    }
}

#[test]
fn the_html_page_of_every_example_is_well_formed() {
    let rules = shipped();
    for path in example_bundles() {
        for lang in [Lang::En, Lang::Kk] {
            let trace = ereje::trace::trace(&rules, &bytes(&path), &options(lang));
            let page = ereje::trace::html::render(&trace, &path.display().to_string());
            well_formed(&page, lang.tag());
        }
    }
}

fn ereje(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

#[test]
fn exit_status_is_that_of_check() {
    for name in [
        "pr-ok.json",
        "pr-refused-and-incomplete.json",
        "pr-pending-national-security.json",
        "pr-invalid-truncated.json",
        "rs-unknown-service.json",
    ] {
        let path = format!("examples/bundles/{name}");
        let check = ereje(&["check", &path]);
        for format in ["human", "json", "html"] {
            let trace = ereje(&["trace", &path, "--format", format]);
            assert_eq!(trace.status.code(), check.status.code(), "{name} {format}");
            assert!(!trace.stdout.is_empty(), "{name} {format}");
        }
    }
    // a bundle that cannot be read at all: nothing traced, status 2
    let missing = ereje(&["trace", "examples/bundles/no-such-bundle.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read bundle"));
}

#[test]
fn hostile_input_gets_the_report_s_own_error() {
    let rules = shipped();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for text in ["", "{", "{\"service\": 1}", "null", deep.as_str()] {
        let trace = ereje::trace::trace(&rules, text.as_bytes(), &options(Lang::En));
        let report = rules.check(text, &options(Lang::En));
        assert_eq!(trace.verdict, report.verdict, "{text:.40}");
        let messages: Vec<String> = report
            .findings
            .iter()
            .map(|f| ereje::report::words::message(f, Lang::En))
            .collect();
        let traced: Vec<&str> = trace.input.iter().map(|c| c.message.as_str()).collect();
        assert_eq!(traced, messages, "{text:.40}");
        assert!(trace.law.is_none() && trace.requirements.is_empty());
    }
    // through the command line, with the same status as `check`
    let dir = std::env::temp_dir().join(format!("ereje-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("deep.json");
    std::fs::write(&file, &deep).expect("written");
    let file = file.display().to_string();
    let check = ereje(&["check", &file]);
    let trace = ereje(&["trace", &file]);
    assert_eq!(trace.status.code(), check.status.code());
    assert_eq!(trace.status.code(), Some(1));
    let text = String::from_utf8_lossy(&trace.stdout);
    assert!(text.contains("invalid-input"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_trace_is_worded_in_the_language_asked_for() {
    let out = ereje(&[
        "trace",
        "examples/bundles/pr-missing-passport.json",
        "--lang",
        "ru",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Ход проверки"), "{text}");
    assert!(text.contains("приказ"), "{text}");
    let page = ereje(&[
        "trace",
        "examples/bundles/pr-missing-passport.json",
        "--lang",
        "kk",
        "--format",
        "html",
    ]);
    let page = String::from_utf8_lossy(&page.stdout);
    well_formed(&page, "kk");
    assert!(page.contains("Тексеру барысы"), "{page}");
}
