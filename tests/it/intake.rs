//! Checking real intake data: several copies of a document, values checked against what the
//! rules declare (children, channels, ISO country and language codes), and a byte-order mark
//! before the JSON.

use std::path::PathBuf;
use std::process::Command;

use ereje::RuleSet;
use ereje::check::{Options, Report, Severity, Verdict};
use ereje::codes::{self, Code};
use ereje::report::words;
use ereje::vocab::Lang;
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> RuleSet {
    RuleSet::shipped().expect("the shipped rules compile")
}

fn bundle(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("examples/bundles").join(name)).expect("bundle");
    serde_json::from_str(&text).expect("json")
}

/// The report of a bundle's text, spans filled in.
fn check_text(rules: &RuleSet, text: &str) -> Report {
    let mut report = rules.check(text, &Options::default());
    ereje::report::spans::fill(&mut report, text);
    report
}

fn check(rules: &RuleSet, bundle: &Value) -> Report {
    check_text(rules, &serde_json::to_string_pretty(bundle).expect("json"))
}

/// The findings with this code, as (subject, pointer, severity).
fn found(report: &Report, code: &Code) -> Vec<(String, String, Severity)> {
    report
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| (f.subject.clone(), f.pointer.clone(), f.severity))
        .collect()
}

/// The JSON report as the contract writes it, the rule-set hash left out.
fn json_report(report: &Report) -> Value {
    let mut value = serde_json::to_value(report).expect("serializable");
    value["rules_version"] = Value::String(String::from("sha256:…"));
    value
}

fn autobiography(language: &str, signed: bool) -> Value {
    json!({ "kind": "autobiography", "language": language, "signed": signed })
}

/// `pr-ok.json` with these autobiographies instead of its own (after the exit consent, at
/// `/documents/3` on).
fn with_autobiographies(copies: &[Value]) -> Value {
    let mut b = bundle("pr-ok.json");
    let docs = b["documents"].as_array_mut().expect("documents");
    docs.retain(|d| d["kind"] != "autobiography");
    for (i, copy) in copies.iter().enumerate() {
        docs.insert(3 + i, copy.clone());
    }
    b
}

/// The shipped example: a second autobiography in English beside one in Russian. The
/// requirement is met; the English copy is a warning at the copy, and the bundle is `ok`.
#[test]
fn a_failing_copy_beside_one_that_meets_the_requirement_is_a_warning() {
    let text = std::fs::read_to_string(
        root().join("examples/bundles/pr-autobiography-second-copy-en.json"),
    )
    .expect("bundle");
    let report = check_text(&shipped(), &text);
    assert_eq!(report.verdict, Verdict::Ok);
    assert_eq!(
        found(&report, &codes::INVALID_DOCUMENT_COPY),
        vec![(
            String::from("autobiography"),
            String::from("/documents/3"),
            Severity::Warning
        )]
    );
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    let message = words::message(&report.findings[0], Lang::En);
    assert!(
        message.contains("Kazakh or Russian") && message.contains("`/documents/4`"),
        "the rule it fails and the copy that meets the requirement: {message}"
    );
    insta::assert_json_snapshot!(
        "report_pr-autobiography-second-copy-en",
        json_report(&report)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args([
            "check",
            "examples/bundles/pr-autobiography-second-copy-en.json",
        ])
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "a warning only");
}

/// A copy that fails a rule beside one that lacks a field a rule needs: the second may meet
/// the requirement, so it is undecided (`pending`, the field missing), not `incomplete`; the
/// failing copy is a warning that says the other may meet it. Whatever their order.
#[test]
fn a_failing_copy_beside_one_that_may_meet_the_requirement_is_undecided() {
    let rules = shipped();
    let unknown = json!({ "kind": "autobiography", "signed": true });
    for copies in [
        [autobiography("en", true), unknown.clone()],
        [unknown.clone(), autobiography("en", true)],
    ] {
        let report = check(&rules, &with_autobiographies(&copies));
        assert_eq!(report.verdict, Verdict::Pending, "{:?}", report.findings);
        let undecided = if copies[0] == unknown { 3 } else { 4 };
        assert_eq!(
            report.missing_facts,
            vec![format!("/documents/{undecided}/language")]
        );
        let warnings = found(&report, &codes::INVALID_DOCUMENT_COPY);
        assert_eq!(warnings.len(), 1, "{:?}", report.findings);
        assert!(found(&report, &codes::INVALID_DOCUMENT).is_empty());
        let warning = report
            .findings
            .iter()
            .find(|f| f.code == &codes::INVALID_DOCUMENT_COPY)
            .expect("the warning");
        let message = words::message(warning, Lang::En);
        assert!(
            message.contains(&format!(
                "`/documents/{undecided}` may meet the requirement"
            )),
            "{message}"
        );
    }
}

/// The order of the copies does not matter, and each rule a surplus copy fails is one warning.
#[test]
fn every_rule_a_surplus_copy_fails_is_a_warning_whatever_the_order() {
    let rules = shipped();
    let report = check(
        &rules,
        &with_autobiographies(&[autobiography("ru", true), autobiography("en", false)]),
    );
    assert_eq!(report.verdict, Verdict::Ok);
    let warnings = found(&report, &codes::INVALID_DOCUMENT_COPY);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings
            .iter()
            .all(|(_, pointer, _)| pointer == "/documents/4")
    );
}

/// When no copy meets the requirement, every failing copy is `invalid-document` at the field
/// it fails, as for a single copy.
#[test]
fn when_no_copy_meets_the_requirement_each_failure_is_invalid_document() {
    let report = check(
        &shipped(),
        &with_autobiographies(&[autobiography("en", true), autobiography("ru", false)]),
    );
    assert_eq!(report.verdict, Verdict::Incomplete);
    let errors: Vec<String> = found(&report, &codes::INVALID_DOCUMENT)
        .into_iter()
        .map(|(_, pointer, _)| pointer)
        .collect();
    assert_eq!(errors, ["/documents/3/language", "/documents/4/signed"]);
    assert!(found(&report, &codes::INVALID_DOCUMENT_COPY).is_empty());
}

/// What a surplus copy lacks does not matter once another copy meets the requirement; with
/// no such copy, it is a missing fact as before.
#[test]
fn what_a_surplus_copy_lacks_leaves_nothing_undecided() {
    let rules = shipped();
    let unknown = json!({ "kind": "autobiography", "signed": true });
    let report = check(
        &rules,
        &with_autobiographies(&[unknown.clone(), autobiography("kk", true)]),
    );
    assert_eq!(report.verdict, Verdict::Ok);
    assert!(
        report.missing_facts.is_empty(),
        "{:?}",
        report.missing_facts
    );
    let report = check(&rules, &with_autobiographies(&[unknown]));
    assert_eq!(report.verdict, Verdict::Pending);
    assert_eq!(report.missing_facts, ["/documents/3/language"]);
}

/// A document required per child is met per child: a good copy for one child does not make
/// up for a bad one for another.
#[test]
fn copies_of_a_document_per_child_are_counted_per_child() {
    let service = r#"service kz.test.children {
  timezone "Asia/Almaty"
  channel provider
  input applicant.children: list { birth_date: date }
  document birth_certificate {
    required for each child in applicant.children matched by child
    valid when signed
  }
}"#;
    let (rules, _warnings) =
        RuleSet::from_sources(vec![ereje::source::SourceFile::new("test.ereje", service)])
            .expect("rules compile");
    let certificate = |child: u64, signed: bool| json!({ "kind": "birth_certificate", "child": child, "signed": signed });
    let b = json!({
        "service": "kz.test.children",
        "submitted_at": "2019-05-14T10:00:00+06:00",
        "channel": "provider",
        "applicant": { "children": [{ "birth_date": "2012-01-01" }, { "birth_date": "2014-01-01" }] },
        "documents": [certificate(0, false), certificate(0, true), certificate(1, false)],
    });
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::Incomplete);
    let pointers = |code| -> Vec<String> {
        found(&report, code)
            .into_iter()
            .map(|(_, pointer, _)| pointer)
            .collect()
    };
    assert_eq!(pointers(&codes::INVALID_DOCUMENT_COPY), ["/documents/0"]);
    assert_eq!(pointers(&codes::INVALID_DOCUMENT), ["/documents/2/signed"]);
}

/// A document's `child` must name a child of `applicant.children`; an absent list is unknown,
/// so nothing is said then.
#[test]
fn a_child_index_outside_the_children_is_invalid_input() {
    let rules = shipped();
    let mut b = bundle("pr-stateless-with-children.json");
    let (i, _) = b["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .enumerate()
        .find(|(_, d)| d["kind"] == "birth_certificate")
        .expect("a birth certificate");
    b["documents"][i]["child"] = json!(3);
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::Invalid);
    let pointer = format!("/documents/{i}/child");
    assert_eq!(
        found(&report, &codes::INVALID_INPUT),
        vec![(String::from("child"), pointer.clone(), Severity::Error)]
    );
    let span = report.findings[0].span.expect("a span");
    assert_eq!(span.length, 1, "the span is the value's own");
    b["applicant"]["children"] = json!([]);
    let message = words::message(&check(&rules, &b).findings[0], Lang::En);
    assert!(message.contains("is empty"), "{message}");
    b["applicant"]
        .as_object_mut()
        .expect("applicant")
        .remove("children");
    assert!(found(&check(&rules, &b), &codes::INVALID_INPUT).is_empty());
}

/// A channel the service does not declare is `invalid-input` at `/channel`; a declared one not
/// yet open stays `not-in-force`.
#[test]
fn an_undeclared_channel_is_invalid_input_a_closed_one_not_in_force() {
    let rules = shipped();
    let mut b = bundle("pr-ok.json");
    b["channel"] = json!("post_office");
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        found(&report, &codes::INVALID_INPUT),
        vec![(
            String::from("channel"),
            String::from("/channel"),
            Severity::Error
        )]
    );
    let help = words::help(&report.findings[0], Lang::En).unwrap_or_default();
    assert!(help.contains("`provider`, `state_corporation`"), "{help}");
    b["channel"] = json!("state_corporation");
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::NotApplicable);
    assert_eq!(found(&report, &codes::NOT_IN_FORCE).len(), 1);
}

/// A document kind written in another case or with a slip is an unknown kind (a warning, and
/// the requirement it was meant for is not met), and the help names the kind it was meant to
/// be, in every language.
#[test]
fn an_unknown_document_kind_offers_the_known_kind_it_is_close_to() {
    let rules = shipped();
    let mut b = bundle("pr-ok.json");
    let at = b["documents"]
        .as_array()
        .and_then(|docs| docs.iter().position(|d| d["kind"] == "passport"))
        .expect("a passport");
    b["documents"][at]["kind"] = json!("Passport");
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::Incomplete);
    let unknown = report
        .findings
        .iter()
        .find(|f| f.code == &codes::UNKNOWN_DOCUMENT)
        .expect("an unknown-document warning");
    assert_eq!(unknown.subject, "Passport");
    for (lang, said) in [
        (Lang::En, "did you mean `passport`?"),
        (Lang::Ru, "имелся в виду `passport`?"),
        (Lang::Kk, "`passport` көзделген шығар?"),
    ] {
        let help = words::help(unknown, lang).unwrap_or_default();
        assert!(help.contains(said), "{help}");
    }
    // a kind that is near none: no suggestion
    b["documents"][at]["kind"] = json!("medical_certificate");
    let report = check(&rules, &b);
    let unknown = report
        .findings
        .iter()
        .find(|f| f.code == &codes::UNKNOWN_DOCUMENT)
        .expect("an unknown-document warning");
    let help = words::help(unknown, Lang::En).unwrap_or_default();
    assert!(!help.contains("did you mean"), "{help}");
}

/// `applicant.citizenship` is an ISO 3166-1 alpha-2 code and a document's `language` an ISO
/// 639-1 code: an unknown code is `invalid-input` at the value.
#[test]
fn an_unknown_country_or_language_code_is_invalid_input() {
    let rules = shipped();
    for (path, value, subject) in [
        ("/applicant/citizenship", "XK", "applicant.citizenship"),
        (
            "/applicant/citizenship",
            "Uzbekistan",
            "applicant.citizenship",
        ),
        ("/documents/3/language", "eng", "autobiography.language"),
        ("/documents/2/language", "xx", "exit_consent.language"),
    ] {
        let mut b = bundle("pr-ok.json");
        *b.pointer_mut(path).expect("the field") = json!(value);
        let report = check(&rules, &b);
        assert_eq!(report.verdict, Verdict::Invalid, "{value}");
        assert_eq!(
            found(&report, &codes::INVALID_INPUT),
            vec![(String::from(subject), String::from(path), Severity::Error)],
            "{value}"
        );
    }
    // a country's code written for its language: the help names the language's code
    for (value, meant) in [("Kz", "kk"), ("kz", "kk"), ("UA", "uk")] {
        let mut b = bundle("pr-ok.json");
        *b.pointer_mut("/documents/3/language").expect("the field") = json!(value);
        let report = check(&rules, &b);
        let help = words::help(&report.findings[0], Lang::En).unwrap_or_default();
        assert!(
            help.starts_with(&format!("did you mean `{meant}`?")),
            "{value}: {help}"
        );
    }
}

/// A code in another case is that code, with a `noncanonical-code` warning naming the standard
/// spelling: `"cn"` keeps the exemption of ethnic Kazakhs from China, `"RU"` is Russian.
#[test]
fn a_code_in_another_case_is_that_code_with_a_warning() {
    let rules = shipped();
    let mut b = bundle("pr-ethnic-kazakh-cn.json");
    b["applicant"]["citizenship"] = json!("cn");
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::Ok, "{:?}", report.findings);
    let warning = report
        .findings
        .iter()
        .find(|f| f.code == &codes::NONCANONICAL_CODE)
        .expect("a warning");
    assert_eq!(warning.pointer, "/applicant/citizenship");
    assert!(words::message(warning, Lang::En).contains("`CN`"));

    let mut b = bundle("pr-ok.json");
    b["documents"][3]["language"] = json!("RU");
    let report = check(&rules, &b);
    assert_eq!(report.verdict, Verdict::Ok, "{:?}", report.findings);
    assert_eq!(
        found(&report, &codes::NONCANONICAL_CODE),
        vec![(
            String::from("autobiography.language"),
            String::from("/documents/3/language"),
            Severity::Warning
        )]
    );
    // a code that is not in the rule's list is still not in it, in any case
    b["documents"][3]["language"] = json!("EN");
    assert_eq!(check(&rules, &b).verdict, Verdict::Incomplete);
}

/// The checker compares these codes without regard to case both ways: a rule written in lower
/// case matches the standard spelling in the bundle.
#[test]
fn codes_compare_with_a_rules_text_in_any_case() {
    let service = r#"service kz.test.codes {
  timezone "Asia/Almaty"
  channel provider
  input applicant.citizenship: text?
  document consent {
    required when applicant.citizenship == "cn"
  }
  document translation {
    required always
    valid when language in ("KK", "RU")
  }
}"#;
    let (rules, _warnings) =
        RuleSet::from_sources(vec![ereje::source::SourceFile::new("test.ereje", service)])
            .expect("rules compile");
    let b = json!({
        "service": "kz.test.codes",
        "submitted_at": "2019-05-14T10:00:00+06:00",
        "channel": "provider",
        "applicant": { "citizenship": "CN" },
        "documents": [{ "kind": "translation", "language": "kk" }],
    });
    let report = check(&rules, &b);
    assert_eq!(
        found(&report, &codes::MISSING_DOCUMENT),
        vec![(
            String::from("consent"),
            String::from("/documents"),
            Severity::Error
        )]
    );
    assert!(found(&report, &codes::INVALID_DOCUMENT).is_empty());
    assert!(found(&report, &codes::NONCANONICAL_CODE).is_empty());
}

/// A byte-order mark before the JSON is ignored with a warning; every other span is an offset
/// into the text as given, the mark's three bytes counted.
#[test]
fn a_byte_order_mark_is_ignored_with_a_warning_and_spans_stay_true() {
    let rules = shipped();
    let text = std::fs::read_to_string(root().join("examples/bundles/pr-missing-passport.json"))
        .expect("bundle");
    let plain = check_text(&rules, &text);
    let marked = check_text(&rules, &format!("\u{feff}{text}"));
    assert_eq!(marked.verdict, plain.verdict);
    let mark = &marked.findings[0];
    assert_eq!(
        (mark.code, mark.severity, mark.pointer.as_str()),
        (&codes::BYTE_ORDER_MARK, Severity::Warning, "")
    );
    let span = mark.span.expect("a span");
    assert_eq!(
        (span.offset, span.length, span.line, span.column),
        (0, 3, 1, 1)
    );
    assert_eq!(marked.findings.len(), plain.findings.len() + 1);
    for (m, p) in marked.findings[1..].iter().zip(&plain.findings) {
        let (m, p) = (m.span.expect("a span"), p.span.expect("a span"));
        assert_eq!(
            (m.offset, m.length, m.line),
            (p.offset + 3, p.length, p.line)
        );
    }
    // a text cut off after the mark: the place where reading stopped counts the mark too
    let cut = &text[..100];
    let plain = check_text(&rules, cut);
    let marked = check_text(&rules, &format!("\u{feff}{cut}"));
    assert_eq!(marked.verdict, Verdict::Invalid);
    let (m, p) = (
        marked.findings.last().and_then(|f| f.span).expect("a span"),
        plain.findings.last().and_then(|f| f.span).expect("a span"),
    );
    assert_eq!(m.offset, p.offset + 3);
}

/// In NDJSON a byte-order mark at the start of any line gets the same treatment.
#[test]
fn a_byte_order_mark_on_an_ndjson_line_is_ignored_with_a_warning() {
    let ok = bundle("pr-ok.json").to_string();
    let input = format!("{ok}\n\u{feff}{ok}\n\u{feff}\n");
    let rules = shipped();
    let mut out = Vec::new();
    ereje::batch::Batch::new(&rules)
        .check_lines(input.as_bytes(), &mut out)
        .expect("checked");
    let lines: Vec<Value> = String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["findings"], json!([]));
    assert_eq!(lines[1]["verdict"], "ok");
    assert_eq!(lines[1]["findings"][0]["code"], "byte-order-mark");
    assert_eq!(lines[1]["findings"][0]["span"]["offset"], 0);
    assert_eq!(lines[2]["verdict"], "invalid");
    assert_eq!(lines[2]["findings"][0]["code"], "byte-order-mark");
    assert_eq!(lines[2]["findings"][1]["code"], "invalid-input");
}

/// A bundle with every new warning: its JSON report is the contract, and the warnings are
/// worded in Russian and Kazakh, not in English.
#[test]
fn the_new_warnings_in_every_language() {
    let rules = shipped();
    let mut b = bundle("pr-ethnic-kazakh-cn.json");
    b["applicant"]["citizenship"] = json!("cn");
    let docs = b["documents"].as_array_mut().expect("documents");
    let (i, _) = docs
        .iter()
        .enumerate()
        .find(|(_, d)| d["kind"] == "autobiography")
        .expect("an autobiography");
    docs[i]["language"] = json!("KK");
    docs.push(autobiography("en", true));
    let text = format!(
        "\u{feff}{}",
        serde_json::to_string_pretty(&b).expect("json")
    );
    let english = check_text(&rules, &text);
    let mut new_codes: Vec<&str> = english.findings.iter().map(|f| f.code.name).collect();
    new_codes.dedup();
    assert_eq!(
        new_codes,
        [
            "byte-order-mark",
            "noncanonical-code",
            "invalid-document-copy"
        ]
    );
    insta::assert_json_snapshot!("report_new_warnings", json_report(&english));
    for lang in [Lang::Ru, Lang::Kk] {
        let report = rules.check(
            &text,
            &Options {
                lang: Some(lang),
                ..Options::default()
            },
        );
        for (f, en) in report.findings.iter().zip(&english.findings) {
            for (words, english) in [
                (words::message(f, lang), words::message(en, Lang::En)),
                (
                    words::help(f, lang).unwrap_or_default(),
                    words::help(en, Lang::En).unwrap_or_default(),
                ),
                (
                    words::label(f, lang).unwrap_or_default(),
                    words::label(en, Lang::En).unwrap_or_default(),
                ),
            ] {
                assert_ne!(words, english, "{} in {}", f.code.name, lang.tag());
                let own: String = words.split('`').step_by(2).collect();
                assert!(
                    own.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}')),
                    "{} in {}: {words}",
                    f.code.name,
                    lang.tag()
                );
            }
        }
    }
}

/// `ereje explain` explains each new code.
#[test]
fn explain_knows_the_new_codes() {
    for (code, name) in [
        ("V017", "invalid-document-copy"),
        ("V018", "noncanonical-code"),
        ("V019", "byte-order-mark"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["explain", name])
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(0), "{name}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with(&format!("{code} ({name}): ")),
            "{stdout}"
        );
    }
}
