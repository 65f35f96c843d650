//! `ereje test`: the examples of `fixtures/examples` (one per rule of what an example must
//! state, holding or failing on purpose) and of the shipped rules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rule folder whose examples hold and fail on purpose.
const FIXTURE: &str = "tests/fixtures/examples/rules";

/// `ereje ARGS` run in `dir`.
fn ereje_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Each example of the fixture holds or fails as its description says, and says why.
#[test]
fn an_example_states_every_error_finding_it_expects() {
    let out = ereje_in(&root(), &["test", "--rules", FIXTURE]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for line in text
        .lines()
        .filter(|l| l.starts_with("ok") || l.starts_with("FAILED"))
    {
        let fails = line.starts_with("FAILED");
        assert_eq!(line.contains(": fails"), fails, "{line}");
    }
    insta::assert_snapshot!("examples_human", text);
}

/// The same run as JSON lines.
#[test]
fn example_outcomes_as_json() {
    let out = ereje_in(&root(), &["test", "--rules", FIXTURE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    insta::assert_json_snapshot!("examples_json", lines);
}

/// A folder of its own under the system's temporary folder, for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-examples-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// The shipped rules' bundles are found from any folder: beside the current folder's
/// `rules/…` when it has them, else in the crate's folder as it was when ereje was built.
#[test]
fn shipped_examples_run_from_any_folder() {
    let far = temp_dir("shipped");
    for dir in [far.clone(), root().join("rules"), root()] {
        let out = ereje_in(&dir, &["test"]);
        let text = stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "from {}:\n{text}",
            dir.display()
        );
        assert!(text.contains(" passed, 0 failed"), "{text}");
    }
    let _ = std::fs::remove_dir_all(far);
}

/// Rules read from disk find their bundles beside the rule file, wherever `--rules` is run
/// from: the same examples hold and fail from the crate's folder, from the rules' own folder
/// and from elsewhere.
#[test]
fn rules_on_disk_find_their_bundles_beside_them() {
    let far = temp_dir("disk");
    let fixture = root().join(FIXTURE);
    let verdicts = |dir: &Path, rules: &Path| -> Vec<(String, bool)> {
        let rules = rules.to_str().expect("a UTF-8 path");
        let out = ereje_in(dir, &["test", "--rules", rules, "--format", "json"]);
        stdout(&out)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v.get("name").is_some())
            .map(|v| (v["name"].to_string(), v["passed"] == true))
            .collect()
    };
    let here = verdicts(&root(), Path::new(FIXTURE));
    assert!(here.len() > 10, "{here:?}");
    assert_eq!(verdicts(&far, &fixture), here);
    assert_eq!(verdicts(&fixture, Path::new(".")), here);
    let _ = std::fs::remove_dir_all(far);
}

/// An example whose bundle is nowhere fails and says where it looked.
#[test]
fn a_missing_bundle_says_where_it_was_looked_for() {
    let out = ereje_in(&root(), &["test", "--rules", FIXTURE]);
    let text = stdout(&out);
    assert!(
        text.contains("cannot find the bundle `../bundles/not-there.json`: looked for `tests/fixtures/examples/rules/../bundles/not-there.json`"),
        "{text}"
    );
}

/// The JUnit XML of a run, parsed back: a test suite per service with its coverage as
/// properties, a test case per example with the example's name and place, a failure with
/// every reason for each one that failed, whatever characters the names and reasons hold.
#[test]
fn junit_reads_back_as_the_outcomes() {
    for (dir, args) in [
        (root(), vec!["test", "--rules", FIXTURE]),
        (root(), vec!["test"]),
    ] {
        let json = ereje_in(&dir, &[args.as_slice(), &["--format", "json"]].concat());
        let outcomes: Vec<serde_json::Value> = stdout(&json)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v.get("name").is_some())
            .collect();
        let out = ereje_in(&dir, &[args.as_slice(), &["--format", "junit"]].concat());
        assert_eq!(out.status.code(), json.status.code());
        let xml = stdout(&out);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let failed = outcomes.iter().filter(|o| o["passed"] == false).count();
        assert_eq!(
            root.attribute("tests"),
            Some(outcomes.len().to_string().as_str())
        );
        assert_eq!(
            root.attribute("failures"),
            Some(failed.to_string().as_str())
        );
        let coverage: serde_json::Value = stdout(&json)
            .lines()
            .last()
            .and_then(|l| serde_json::from_str(l).ok())
            .expect("the coverage line");
        let mut cases = Vec::new();
        let mut services = Vec::new();
        for suite in root.children().filter(|n| n.has_tag_name("testsuite")) {
            let service = suite.attribute("name").expect("a suite's name");
            services.push(service.to_string());
            let property = |name: &str| {
                suite
                    .descendants()
                    .find(|n| n.has_tag_name("property") && n.attribute("name") == Some(name))
                    .and_then(|n| n.attribute("value"))
                    .map(String::from)
            };
            for kind in ["documents", "refusal_grounds", "steps"] {
                let c = &coverage["coverage"][service][kind];
                let uncovered: Vec<&str> = c["uncovered"]
                    .as_array()
                    .expect("uncovered")
                    .iter()
                    .filter_map(serde_json::Value::as_str)
                    .collect();
                let total = c["total"].as_u64().expect("total");
                let covered = total - u64::try_from(uncovered.len()).expect("fits");
                assert_eq!(
                    property(&format!("coverage.{kind}")),
                    Some(format!("{covered} of {total}"))
                );
                assert_eq!(
                    property(&format!("coverage.{kind}.uncovered")),
                    Some(uncovered.join(", "))
                );
            }
            for case in suite.children().filter(|n| n.has_tag_name("testcase")) {
                assert_eq!(case.attribute("classname"), Some(service));
                cases.push(case);
            }
        }
        let mut expected_services: Vec<String> = Vec::new();
        for o in &outcomes {
            let s = o["service"].as_str().expect("a service").to_string();
            if !expected_services.contains(&s) {
                expected_services.push(s);
            }
        }
        assert_eq!(services, expected_services, "one suite per service");
        assert_eq!(cases.len(), outcomes.len());
        for (case, outcome) in cases.iter().zip(&outcomes) {
            assert_eq!(case.attribute("name"), outcome["name"].as_str());
            let location = format!(
                "{}:{}",
                case.attribute("file").unwrap_or(""),
                case.attribute("line").unwrap_or("")
            );
            assert_eq!(Some(location.as_str()), outcome["location"].as_str());
            let failures: Vec<&str> = outcome["failures"]
                .as_array()
                .expect("failures")
                .iter()
                .filter_map(serde_json::Value::as_str)
                .collect();
            let failure = case.children().find(|n| n.has_tag_name("failure"));
            match failure {
                None => assert!(failures.is_empty(), "{outcome}"),
                Some(f) => {
                    assert_eq!(f.attribute("message"), Some(failures.join("; ").as_str()));
                    assert_eq!(f.text(), Some(failures.join("\n").as_str()));
                }
            }
        }
    }
}

/// The fixture's JUnit XML as CI systems get it.
#[test]
fn examples_as_junit() {
    let out = ereje_in(&root(), &["test", "--rules", FIXTURE, "--format", "junit"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("examples_junit", stdout(&out));
}

/// Coverage says what the reports show: documents and grounds named by a finding, steps
/// named by a finding or judged by their deadline, and a step without a deadline once done.
#[test]
fn coverage_counts_what_the_reports_show() {
    use ereje::check::{Deadline, DeadlineStatus};
    use ereje::examples::coverage::coverage;
    let (rules, _) = ereje::RuleSet::load(&root().join(FIXTURE)).expect("the fixture compiles");
    let outcomes = ereje::examples::run(&rules, Path::new(""));
    let all = coverage(&rules, &outcomes);
    let [c] = all.as_slice() else {
        panic!("one service: {all:?}")
    };
    assert_eq!(c.service, "kz.test.examples");
    assert_eq!(
        (c.documents.total, c.documents.uncovered.as_slice()),
        (3, &["medical_certificate".to_string()][..])
    );
    assert_eq!(
        (c.refusal_grounds.total, c.refusal_grounds.covered()),
        (1, 1)
    );
    assert_eq!(c.steps.uncovered, ["archived"]);

    let mut report = outcomes
        .iter()
        .find_map(|o| {
            o.report
                .clone()
                .filter(|r| r.service.as_deref() == Some(c.service.as_str()))
        })
        .expect("a report of the service");
    report.findings.clear();
    let deadline = |step: &str, status| Deadline {
        step: step.to_string(),
        due: None,
        at: None,
        status,
        actor: None,
        late_seconds: None,
        late_calendar_days: None,
        late_working_days: None,
    };
    // `decided` has a deadline: done without one judged is not enough
    report.deadlines = vec![
        deadline("talon_issued", DeadlineStatus::Open),
        deadline("decided", DeadlineStatus::Done),
        deadline("archived", DeadlineStatus::Done),
    ];
    let mut only = outcomes[0].clone();
    only.report = Some(report);
    let all = coverage(&rules, &[only]);
    let [c] = all.as_slice() else {
        panic!("one service: {all:?}")
    };
    assert_eq!(c.steps.uncovered, ["talon_issued", "decided"]);
    assert_eq!(c.documents.covered() + c.refusal_grounds.covered(), 0);
}
