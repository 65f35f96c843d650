//! The logic analysis (lints L070-L076): on a rule file with one known defect of each kind,
//! every finding is the expected one, and every witness it writes is checked by the checker,
//! which must agree: a witness shows the grounds (or missing documents) the finding says,
//! and no witness ever shows a ground the analysis says never holds. The shipped rules stay
//! clean, their overlapping grounds' witnesses agree with the checker too, and the analysis
//! stays bounded on a condition over many facts.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use ereje::analysis::{Analysis, analyze_sources};
use ereje::check::Options;
use ereje::lint::{Budget, Level, Settings, lint};
use ereje::source::SourceFile;
use ereje::{Diagnostic, RuleSet};

const FIXTURE: &str = "tests/fixtures/lint_logic/defects.ereje";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> Vec<SourceFile> {
    let text = std::fs::read_to_string(root().join(FIXTURE)).expect("fixture");
    vec![SourceFile::new(FIXTURE, text)]
}

/// Every lint at least at warn level, overlaps included.
pub(crate) fn loud() -> Settings {
    Settings {
        levels: [("L075", Level::Warn), ("L076", Level::Warn)]
            .into_iter()
            .collect(),
        ..Settings::default()
    }
}

pub(crate) fn logic_findings(analysis: &Analysis, settings: &Settings) -> Vec<Diagnostic> {
    let linted = lint(analysis, settings);
    linted
        .diagnostics
        .into_iter()
        .chain(linted.suppressed.into_iter().map(|s| s.diagnostic))
        .filter(|d| d.code.code.starts_with("L07"))
        .collect()
}

/// The element a finding is about: the first name in backticks of its message.
pub(crate) fn subject(d: &Diagnostic) -> String {
    let m = d.message.get(ereje::vocab::Lang::En);
    m.split('`').nth(1).unwrap_or_default().to_string()
}

/// What checking a witness finds: (code name, subject) of each finding, and the verdict.
pub(crate) fn checked(rules: &RuleSet, bundle: &str) -> (BTreeSet<(String, String)>, String) {
    let report = rules.check(bundle, &Options::default());
    let found = report
        .findings
        .iter()
        .map(|f| (f.code.name.to_string(), f.subject.clone()))
        .collect();
    (found, report.verdict.as_str().to_string())
}

#[test]
fn each_defect_of_the_fixture_is_found_once_with_its_proof() {
    let analysis = analyze_sources(fixture());
    assert!(
        !analysis.diagnostics.has_errors(),
        "{:?}",
        analysis.diagnostics
    );
    let found: BTreeSet<(String, String)> = logic_findings(&analysis, &loud())
        .iter()
        .map(|d| (d.code.code.to_string(), subject(d)))
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("L070", "stateless_foreigner"),
        ("L070", "guardian_consent"),
        ("L071", "any_applicant"),
        ("L071", "application_form"),
        ("L072", "exit_consent"),
        ("L073", "passport"),
        ("L074", "illegal_entry"),
        ("L074", "young_child"),
        ("L075", "illegal_entry"),
        ("L075", "illegal_entry_or_prosecuted"),
        ("L075", "minor"),
        ("L075", "young_child"),
    ]
    .into_iter()
    .map(|(c, s)| (c.to_string(), s.to_string()))
    .collect();
    assert_eq!(found, expected);
    for d in logic_findings(&analysis, &loud()) {
        let notes: Vec<&str> = d
            .notes
            .iter()
            .map(|n| n.get(ereje::vocab::Lang::En))
            .collect();
        let exhausted = notes.iter().any(|n| n.contains("the domain was exhausted"));
        match d.code.code {
            // a claim that nothing happens: proved by the exhausted domain, no witness
            "L070" | "L072" | "L073" => assert!(exhausted && d.witness.is_none(), "{d:?}"),
            // a claim about every application, with one where it holds
            "L071" | "L074" => assert!(exhausted && d.witness.is_some(), "{d:?}"),
            "L075" => assert!(d.witness.is_some(), "{d:?}"),
            other => panic!("unexpected {other}: {d:?}"),
        }
    }
}

#[test]
fn the_checker_agrees_with_every_witness_of_the_fixture() {
    let analysis = analyze_sources(fixture());
    let findings = logic_findings(&analysis, &loud());
    let never: Vec<String> = findings
        .iter()
        .filter(|d| d.code.code == "L070")
        .map(subject)
        .collect();
    let (rules, _) = RuleSet::from_sources(fixture()).expect("the fixture compiles");
    let mut witnesses = 0;
    for d in &findings {
        let Some(w) = &d.witness else { continue };
        witnesses += 1;
        let (found, verdict) = checked(&rules, &w.bundle);
        assert_ne!(verdict, "invalid", "{}: {}\n{found:?}", w.name, w.bundle);
        assert_ne!(verdict, "not_applicable", "{}", w.name);
        for shown in &w.shows {
            assert!(
                found.contains(shown),
                "{}: {shown:?} not in {found:?}\n{}",
                w.name,
                w.bundle
            );
        }
        for ground in &never {
            let raised = ("refusal-ground".to_string(), ground.clone());
            assert!(
                !found.contains(&raised),
                "{}: a ground that never holds, held",
                w.name
            );
        }
    }
    assert!(witnesses >= 8, "{witnesses} witnesses");
}

/// The brute force behind a "never" claim, done by the checker on bundles: every category,
/// and the ground never holds.
#[test]
fn a_never_claim_is_the_checker_s_on_every_value() {
    let (rules, _) = RuleSet::from_sources(fixture()).expect("the fixture compiles");
    for category in ["foreigner", "stateless"] {
        let bundle = format!(
            r#"{{"service": "kz.example.permit", "submitted_at": "2019-05-14T10:00:00+06:00", "applicant": {{"category": "{category}"}}, "documents": []}}"#
        );
        let (found, _) = checked(&rules, &bundle);
        assert!(!found.contains(&("refusal-ground".into(), "stateless_foreigner".into())));
        assert!(found.contains(&("refusal-ground".into(), "any_applicant".into())));
    }
}

pub(crate) fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("ereje runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `ereje lint --witness DIR` writes one bundle per witness, named by code, element and
/// number; `ereje check` on each, with the fixture's rules, refuses it or finds it incomplete
/// for the reason the name says.
#[test]
fn witnesses_written_by_the_cli_are_refused_by_the_checker_for_their_reason() {
    let dir = std::env::temp_dir().join(format!("ereje-witness-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_text = dir.to_string_lossy().into_owned();
    let (code, out, err) = run(&[
        "lint",
        "tests/fixtures/lint_logic",
        "-W",
        "grounds-overlap",
        "--witness",
        &dir_text,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let lines = out.lines().filter(|l| l.contains("\"L07")).count();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("witnesses written")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 12, "{files:?} of {lines} findings");
    // the JSON records carry the same witnesses as the files
    let mut in_json: Vec<serde_json::Value> = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("witness").cloned())
        .collect();
    let mut on_disk: Vec<serde_json::Value> = files
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).expect("witness")).expect("JSON"))
        .collect();
    let key = |v: &serde_json::Value| v.to_string();
    in_json.sort_by_key(key);
    on_disk.sort_by_key(key);
    assert_eq!(in_json, on_disk);
    for file in &files {
        let name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // L075-kz.example.permit.minor-0
        let element = name
            .split_once('-')
            .and_then(|(_, rest)| rest.rsplit_once('-'))
            .map(|(e, _)| e.rsplit('.').next().unwrap_or_default())
            .unwrap_or_default();
        let file_text = file.to_string_lossy().into_owned();
        let (status, report, err) = run(&[
            "check",
            "--rules",
            "tests/fixtures/lint_logic",
            "--format",
            "json",
            &file_text,
        ]);
        assert_eq!(status, 1, "{name}: {err}");
        let report: serde_json::Value = serde_json::from_str(&report).expect("JSON report");
        let verdict = report["verdict"].as_str().unwrap_or_default();
        assert!(
            ["refused", "incomplete"].contains(&verdict),
            "{name}: {verdict}"
        );
        let subjects: Vec<&str> = report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["subject"].as_str())
            .collect();
        assert!(subjects.contains(&element), "{name}: {subjects:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The shipped law has no logic defect: `--deny warnings` stays clean with the analysis on;
/// its grounds overlap (they may), and each overlap's witness is refused on both grounds.
#[test]
fn the_shipped_rules_are_clean_and_their_overlaps_agree_with_the_checker() {
    let (code, out, _) = run(&["lint", "--deny", "warnings", "rules/"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("L07"), "{out}");
    let files = ereje::rule_set::read_rule_files(&root().join("rules")).expect("rules");
    let analysis = analyze_sources(files.clone());
    let findings = logic_findings(&analysis, &loud());
    assert!(
        findings.iter().all(|d| d.code.code == "L075"),
        "{findings:?}"
    );
    assert!(findings.len() >= 30, "{} overlaps", findings.len());
    let (rules, _) = RuleSet::from_sources(files).expect("rules compile");
    for d in &findings {
        let w = d.witness.as_ref().expect("an overlap has a witness");
        let (found, verdict) = checked(&rules, &w.bundle);
        assert_eq!(verdict, "refused", "{}", w.name);
        for shown in &w.shows {
            assert!(
                found.contains(shown),
                "{}: {shown:?} not in {found:?}",
                w.name
            );
        }
    }
}

/// A ground over forty optional facts that contradicts itself has 3^40 assignments: the
/// analysis stops at its budget and says so, quickly, instead of trying them.
#[test]
fn a_condition_over_many_facts_stays_bounded() {
    let mut text = String::from(
        "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n",
    );
    let n = 40;
    for i in 0..n {
        text.push_str(&format!("  input checks.c{i}: bool?\n"));
    }
    let any: Vec<String> = (1..n).map(|i| format!("checks.c{i}")).collect();
    text.push_str(&format!(
        "  refusal never {{ when checks.c0 and not checks.c0 and ({}) § 2 }}\n}}\n",
        any.join(" or ")
    ));
    let analysis = analyze_sources(vec![SourceFile::new("many.ereje", text)]);
    assert!(
        !analysis.diagnostics.has_errors(),
        "{:?}",
        analysis.diagnostics
    );
    for budget in [
        Budget {
            assignments: 20_000,
            time: Duration::from_secs(60),
        },
        Budget {
            assignments: u64::MAX,
            time: Duration::from_millis(50),
        },
    ] {
        let started = Instant::now();
        let settings = Settings {
            logic: budget,
            ..loud()
        };
        let findings = logic_findings(&analysis, &settings);
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
        let codes: Vec<&str> = findings.iter().map(|d| d.code.code).collect();
        assert_eq!(codes, ["L076"], "{findings:?}");
        let message = findings[0].message.get(ereje::vocab::Lang::En).to_string();
        assert!(message.contains("did not decide"), "{message}");
    }
}
