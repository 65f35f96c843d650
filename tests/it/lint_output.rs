//! `ereje lint` for CI: the SARIF log (valid against the OASIS schema, columns in code
//! points, suppressions, fingerprints) and GitHub workflow commands (escaping, job summary).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A rule file with a finding after Cyrillic on its line (`қабылдау` is 8 characters and 16
/// bytes), one an `allow` suppresses, and one with a second place.
pub const CYRILLIC: &str = r#"act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
service kz.example.permit {
  act kz.example.order_1 annex 1
  timezone "Asia/Almaty"
  § 1
  actor clerk "clerk" § 2
  process {
    step қабылдау by clerk within 3 days after submitted_at § 3
    step тексеру by clerk within 2 days after қабылдау § 4
      allow unstated-day-kind because "the act writes «2 күн»"
    term 3 calendar days after submitted_at § 5
  }
}
"#;

/// A fresh folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-output-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// Run ereje in `dir` with `env` set (and `GITHUB_STEP_SUMMARY` unset unless given): status,
/// stdout, stderr.
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ereje"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().expect("ereje runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the vendored schema"))
            .expect("the schema is JSON");
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|e| format!("{e} at `{}`", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Each rule's page replaced by its length, so the snapshot shows the shape, not 32 pages.
fn shortened(mut log: Value) -> Value {
    if let Some(rules) = log
        .pointer_mut("/runs/0/tool/driver/rules")
        .and_then(Value::as_array_mut)
    {
        for rule in rules {
            for key in ["text", "markdown"] {
                if let Some(help) = rule.pointer_mut(&format!("/help/{key}"))
                    && let Some(text) = help.as_str()
                {
                    *help = Value::from(format!("<page of {} chars>", text.chars().count()));
                }
            }
        }
    }
    log
}

#[test]
fn the_sarif_log_is_valid_counts_columns_in_characters_and_marks_suppressions() {
    let dir = scratch("sarif");
    std::fs::write(dir.join("permit.ereje"), CYRILLIC).expect("written");
    let (status, out, err) = run_in(&dir, &["lint", "--format", "sarif", "permit.ereje"], &[]);
    assert_eq!(status, 0, "{err}");
    let log: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_valid(&log);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), ereje::lint::LINTS.len());
    let results = run["results"].as_array().expect("results");
    let first = &results[0];
    assert_eq!(first["ruleId"], "L020");
    assert_eq!(
        rules[usize::try_from(first["ruleIndex"].as_u64().expect("index")).expect("small")]["id"],
        "L020"
    );
    let region = &first["locations"][0]["physicalLocation"]["region"];
    // `    step қабылдау by clerk within ` is 34 characters (and 42 bytes)
    assert_eq!(region["startLine"], 8);
    assert_eq!(region["startColumn"], 35);
    assert_eq!(region["endColumn"], 41, "after `3 days`");
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "the act writes «2 күн»"
    );
    insta::assert_snapshot!(
        "lint_sarif",
        serde_json::to_string_pretty(&shortened(log)).expect("JSON")
    );
    // with --no-suppress the silenced finding is an ordinary one
    let (_, out, _) = run_in(
        &dir,
        &["lint", "--format", "sarif", "--no-suppress", "permit.ereje"],
        &[],
    );
    assert!(!out.contains("suppressions"), "{out}");
}

/// Lines added above a finding move it, but leave its fingerprint as it was.
#[test]
fn sarif_fingerprints_do_not_follow_line_numbers() {
    let dir = scratch("sarif-moved");
    let prints = |text: &str| -> Vec<Value> {
        std::fs::write(dir.join("permit.ereje"), text).expect("written");
        let (_, out, _) = run_in(&dir, &["lint", "--format", "sarif", "permit.ereje"], &[]);
        let log: Value = serde_json::from_str(&out).expect("JSON");
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect()
    };
    let before = prints(CYRILLIC);
    let after = prints(&format!("// a comment\n\n{CYRILLIC}"));
    assert_eq!(before.len(), 3);
    assert_eq!(before, after);
}

#[test]
fn the_shipped_rules_make_a_valid_sarif_log() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (status, out, err) = run_in(root, &["lint", "--format", "sarif", "rules/"], &[]);
    assert_eq!(status, 0, "{err}");
    let log: Value = serde_json::from_str(&out).expect("JSON");
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r.get("relatedLocations").is_some()));
    assert!(results.iter().all(|r| {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("rules/kz/"))
    }));
}

#[test]
fn the_schema_rejects_what_sarif_does_not_allow() {
    let dir = scratch("sarif-bad");
    std::fs::write(dir.join("permit.ereje"), CYRILLIC).expect("written");
    let (_, out, _) = run_in(&dir, &["lint", "--format", "sarif", "permit.ereje"], &[]);
    let mut log: Value = serde_json::from_str(&out).expect("JSON");
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator().is_valid(&log));
}

#[test]
fn github_commands_escape_properties_and_messages() {
    let dir = scratch("github");
    std::fs::write(dir.join("a,b:c.ereje"), CYRILLIC).expect("written");
    let (status, out, err) = run_in(&dir, &["lint", "--format", "github", "a,b:c.ereje"], &[]);
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(
            "::warning file=a%2Cb%3Ac.ereje,line=8,endLine=8,col=35,endColumn=41,title=L020 unstated-day-kind::`3 days` says neither calendar nor working days%0Ahelp: write"
        ),
        "{out}"
    );
    // a comma in the message is data, left as it is
    assert!(
        lines[1].contains("::the step deadlines of the process, one after another, exceed"),
        "{out}"
    );
    let (status, out, _) = run_in(
        &dir,
        &["lint", "--format", "github", "-D", "L020", "a,b:c.ereje"],
        &[],
    );
    assert_eq!(status, 1);
    assert!(out.starts_with("::error file="), "{out}");
}

#[test]
fn on_a_runner_the_job_summary_gets_a_table_of_the_counts() {
    let dir = scratch("summary");
    std::fs::write(dir.join("permit.ereje"), CYRILLIC).expect("written");
    let summary = dir.join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("written");
    let (status, _, err) = run_in(
        &dir,
        &["lint", "--format", "github", "permit.ereje"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(status, 0, "{err}");
    let text = std::fs::read_to_string(&summary).expect("summary");
    insta::assert_snapshot!("lint_github_summary", text);
    // without the variable, nothing is written
    let other = dir.join("other.md");
    run_in(&dir, &["lint", "--format", "github", "permit.ereje"], &[]);
    assert!(!other.exists());
    // a summary that cannot be written is an error
    let (status, _, err) = run_in(
        &dir,
        &["lint", "--format", "github", "permit.ereje"],
        &[("GITHUB_STEP_SUMMARY", &dir)],
    );
    assert_eq!(status, 2);
    assert!(err.contains("job summary"), "{err}");
}

/// Rule files that do not compile: their errors are results too, each code a rule after the
/// lints, and the log is still valid (status 2, nothing was linted).
#[test]
fn a_rule_file_that_does_not_compile_gives_a_valid_log_of_its_errors() {
    let dir = scratch("sarif-broken");
    std::fs::write(dir.join("half.ereje"), "service {").expect("written");
    let (status, out, _) = run_in(&dir, &["lint", "--format", "sarif", "half.ereje"], &[]);
    assert_eq!(status, 2);
    let log: Value = serde_json::from_str(&out).expect("JSON");
    assert_valid(&log);
    let run = &log["runs"][0];
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "E0101");
    let index = usize::try_from(result["ruleIndex"].as_u64().expect("index")).expect("small");
    assert_eq!(index, ereje::lint::LINTS.len());
    assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "E0101");
}

/// A repeated citation after Cyrillic on its line (a fix), and a ground that holds for every
/// applicant (a witness).
const FIXABLE: &str = r#"act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
service kz.example.permit {
  act kz.example.order_1 annex 1
  timezone "Asia/Almaty"
  § 1
  channel provider § 2
  input applicant.category: one_of(foreigner, stateless)
  document паспорт { required always § 9(2) § 9(2) }
  refusal ban {
    when applicant.category == foreigner or applicant.category == stateless
    § 10
  }
}
"#;

/// A fix becomes SARIF's `fixes` (its replacements in code-point columns, applicable as
/// they stand), and a witness rides in the result's property bag.
#[test]
fn sarif_results_carry_their_fixes_and_witnesses() {
    let dir = scratch("sarif-fixes");
    std::fs::write(dir.join("permit.ereje"), FIXABLE).expect("written");
    let (_, out, err) = run_in(&dir, &["lint", "--format", "sarif", "permit.ereje"], &[]);
    let log: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let fixed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("fixes").is_some())
        .collect();
    assert_eq!(fixed.len(), 1, "{results:#?}");
    let fix = &fixed[0]["fixes"][0];
    assert_eq!(fix["description"]["text"], "remove the repeated citation");
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "permit.ereje");
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "");
    let region = &replacement["deletedRegion"];
    // applying the replacement as a SARIF viewer would: line 8, columns in characters
    let line = FIXABLE.lines().nth(7).expect("line 8");
    let col = |key: &str| usize::try_from(region[key].as_u64().expect("column")).expect("small");
    assert_eq!(region["startLine"], 8);
    assert_eq!(region["endLine"], 8);
    let fixed_line: String = line
        .chars()
        .take(col("startColumn") - 1)
        .chain(line.chars().skip(col("endColumn") - 1))
        .collect();
    assert_eq!(fixed_line, "  document паспорт { required always § 9(2) }");
    let proved: Vec<&Value> = results
        .iter()
        .filter(|r| r.pointer("/properties/witness").is_some())
        .collect();
    assert_eq!(proved.len(), 1, "{results:#?}");
    let witness = &proved[0]["properties"]["witness"];
    assert_eq!(proved[0]["ruleId"], "L071");
    assert_eq!(witness["bundle"]["service"], "kz.example.permit");
    assert!(
        witness["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("L071"))
    );
}
