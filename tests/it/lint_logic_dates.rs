//! The logic analysis over dates: the submission date compared with fixed dates, two dates of
//! an application compared with each other, and comparisons by years that differ only across
//! 29 February. On a fixture with one defect of each kind, every finding is the expected one,
//! every witness is a real application the checker agrees with (a leap-day witness included),
//! and what stays outside the analysis, or past its budget, stays `logic-undecided`.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use super::lint_logic::{checked, logic_findings, loud, subject};
use ereje::RuleSet;
use ereje::analysis::analyze_sources;
use ereje::lint::{Budget, Settings};
use ereje::source::SourceFile;

const FIXTURE: &str = "tests/fixtures/lint_logic_dates/dates.ereje";

fn fixture() -> Vec<SourceFile> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let text = std::fs::read_to_string(path).expect("fixture");
    vec![SourceFile::new(FIXTURE, text)]
}

fn found(settings: &Settings) -> Vec<ereje::Diagnostic> {
    let analysis = analyze_sources(fixture());
    assert!(
        !analysis.diagnostics.has_errors(),
        "{:?}",
        analysis.diagnostics
    );
    logic_findings(&analysis, settings)
}

/// The findings other than overlaps, by code and subject (and the other ground of a pair).
fn claims(findings: &[ereje::Diagnostic]) -> BTreeSet<(String, String)> {
    findings
        .iter()
        .filter(|d| d.code.code != "L075")
        .map(|d| (d.code.code.to_string(), subject(d)))
        .collect()
}

#[test]
fn each_date_defect_of_the_fixture_is_found_with_its_proof() {
    let findings = found(&loud());
    let expected: BTreeSet<(String, String)> = [
        // a fixed date before the service's entry into force
        ("L070", "submitted_before_order"),
        // a fixed date every submission is past
        ("L071", "submitted_after_issue"),
        // a submission from 2021 is one from 2020
        ("L074", "submitted_from_2021"),
        // two dates of the application against each other and fixed dates
        ("L070", "entered_after_exit"),
        ("L071", "exit_dated"),
        ("L074", "stay_over_two_years"),
        // a relative bound crossing a fixed one, on the submission day
        ("L070", "minor_born_last_century"),
        // holds only on 29 February's edge, and there only where `minor` holds
        ("L074", "adult_by_shift_only"),
    ]
    .into_iter()
    .map(|(c, s)| (c.to_string(), s.to_string()))
    .collect();
    assert_eq!(claims(&findings), expected, "{findings:#?}");
    // nothing of this fixture is left undecided
    assert!(findings.iter().all(|d| d.code.code != "L076"));
    // the leap-day-only ground holds, so no claim says it never does
    let leap = findings
        .iter()
        .find(|d| d.code.code == "L074" && subject(d) == "adult_by_shift_only")
        .expect("the leap-day ground is subsumed by `minor`");
    let w = leap.witness.as_ref().expect("a witness");
    let bundle: serde_json::Value = serde_json::from_str(&w.bundle).expect("JSON");
    let birth = bundle["applicant"]["birth_date"]
        .as_str()
        .unwrap_or_default();
    let submitted = bundle["submitted_at"].as_str().unwrap_or_default();
    assert!(birth.ends_with("-02-29"), "{}", w.bundle);
    assert!(submitted.get(4..10) == Some("-02-28"), "{}", w.bundle);
}

#[test]
fn the_checker_agrees_with_every_date_witness() {
    let findings = found(&loud());
    let never: Vec<String> = findings
        .iter()
        .filter(|d| d.code.code == "L070")
        .map(subject)
        .collect();
    let (rules, _) = RuleSet::from_sources(fixture()).expect("the fixture compiles");
    let mut witnesses = 0;
    let mut days = BTreeSet::new();
    for d in &findings {
        let Some(w) = &d.witness else { continue };
        witnesses += 1;
        let (found, verdict) = checked(&rules, &w.bundle);
        assert_eq!(verdict, "refused", "{}: {}\n{found:?}", w.name, w.bundle);
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
            assert!(!found.contains(&raised), "{}: {ground} held", w.name);
        }
        let bundle: serde_json::Value = serde_json::from_str(&w.bundle).expect("JSON");
        days.insert(
            bundle["submitted_at"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    assert!(witnesses >= 15, "{witnesses} witnesses");
    // the witnesses are submitted on several days, not on one
    assert!(days.len() >= 3, "{days:?}");
}

/// The leap-day ground as the checker decides it by brute force on the submission days
/// around 29 February: it holds on 28 February 2018 for a birth on 29 February 2000, and on
/// no other of these pairs.
#[test]
fn the_leap_day_ground_is_the_checker_s() {
    let (rules, _) = RuleSet::from_sources(fixture()).expect("the fixture compiles");
    let ground = (
        "refusal-ground".to_string(),
        "adult_by_shift_only".to_string(),
    );
    for birth in ["2000-02-28", "2000-02-29", "2000-03-01", "2001-02-28"] {
        for submitted in [
            "2018-02-27",
            "2018-02-28",
            "2018-03-01",
            "2020-02-28",
            "2020-02-29",
        ] {
            let bundle = format!(
                r#"{{"service": "kz.example.visa", "submitted_at": "{submitted}T12:00:00+06:00", "channel": "provider", "applicant": {{"birth_date": "{birth}", "entry_date": "2015-01-01"}}, "documents": []}}"#
            );
            let (found, _) = checked(&rules, &bundle);
            let expected = birth == "2000-02-29" && submitted == "2018-02-28";
            assert_eq!(found.contains(&ground), expected, "{birth} {submitted}");
        }
    }
}

/// Past the budget, a date question is not decided: `logic-undecided`, never a claim.
#[test]
fn a_date_question_past_the_budget_stays_undecided() {
    let settings = Settings {
        logic: Budget {
            assignments: 10,
            time: Duration::from_secs(60),
        },
        ..loud()
    };
    let findings = found(&settings);
    let undecided: BTreeSet<String> = findings
        .iter()
        .filter(|d| d.code.code == "L076")
        .map(subject)
        .collect();
    for ground in ["entered_after_exit", "minor_born_last_century"] {
        assert!(undecided.contains(ground), "{ground}: {undecided:?}");
        assert!(
            !claims(&findings).contains(&("L070".to_string(), ground.to_string())),
            "{ground}"
        );
    }
}

/// A cycle of dates (each of two compared with a third and with each other) is outside what
/// the cases represent: it stays `logic-undecided`, with the reason.
#[test]
fn a_chain_of_dates_stays_undecided() {
    let text = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  input a.first: date\n  input a.second: date\n  input a.third: date\n  refusal chain { when a.first < a.second and a.second < a.third and a.third < a.first § 2 }\n}\n";
    let analysis = analyze_sources(vec![SourceFile::new("chain.ereje", text.to_string())]);
    assert!(
        !analysis.diagnostics.has_errors(),
        "{:?}",
        analysis.diagnostics
    );
    let findings = logic_findings(&analysis, &loud());
    let codes: Vec<&str> = findings.iter().map(|d| d.code.code).collect();
    assert_eq!(codes, ["L076"], "{findings:?}");
    let message = findings[0].message.get(ereje::vocab::Lang::En);
    assert!(message.contains("in a chain or a cycle"), "{message}");
}
