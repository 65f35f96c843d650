//! `ereje impact`: an archive of example bundles replayed under the shipped rules and under a
//! copy changed on purpose (a document requirement removed, a passport's validity shortened,
//! a step's term shortened) flips exactly what those changes touch; the same rules flip
//! nothing; the result does not depend on the threads; unreadable lines are counted on both
//! sides; the JSON is valid against docs/impact.schema.json; the Markdown is snapshotted.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A folder of its own under the system's temporary folder, for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-impact-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// Copy the folder `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("a copied file");
        }
    }
}

/// The shipped rules copied to `dir/name`, with `edit` applied to the permanent-residence file.
fn rules_copy(dir: &Path, name: &str, edit: impl FnOnce(&str) -> String) -> PathBuf {
    let to = dir.join(name);
    copy_dir(&root().join("rules"), &to);
    let file = to.join("kz/mvd-495/permanent-residence.ereje");
    let text = std::fs::read_to_string(&file).expect("the rule file");
    std::fs::write(&file, edit(&text)).expect("the edited rule file");
    to
}

/// Replace the one occurrence of `old` in `text`.
fn once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "`{old}` occurs once");
    text.replacen(old, new, 1)
}

/// The three changes: order 495's exit consent no longer required, a passport valid 179 days
/// enough, the file formed within 5 calendar days of the talon instead of 7.
fn changed(text: &str) -> String {
    let start = text
        .find("  document exit_consent {")
        .expect("exit_consent");
    let end = text
        .find("  document autobiography {")
        .expect("autobiography");
    let text = format!("{}{}", &text[..start], &text[end..]);
    let passport = "    message en \"the applicant is a foreigner\"\n    valid when expires_on >= submitted_on + 180 calendar days";
    let text = once(&text, passport, &passport.replace("180", "179"));
    once(
        &text,
        "within 7 calendar days after talon_issued",
        "within 5 calendar days after talon_issued",
    )
}

/// The bundles of the archive, one a line, in this order: lines 1 to 7 readable bundles, line
/// 8 a truncated bundle, 9 empty, 10 not JSON, 11 `pr-ok` again.
const ARCHIVE: [&str; 8] = [
    "pr-ok",
    "pr-late-steps",
    "pr-missing-exit-consent",
    "pr-passport-expires-179-days",
    "pr-passport-expires-180-days",
    "pr-refused-illegal-entry",
    "rs-ok-grant",
    "pr-invalid-truncated",
];

/// An example bundle on one line: compacted, or for text that is not JSON, its line breaks
/// made spaces.
fn one_line(name: &str) -> String {
    let text = std::fs::read_to_string(root().join(format!("examples/bundles/{name}.json")))
        .expect("an example bundle");
    serde_json::from_str::<Value>(&text).map_or_else(|_| text.replace('\n', " "), |v| v.to_string())
}

fn archive() -> String {
    let mut lines: Vec<String> = ARCHIVE.iter().map(|n| one_line(n)).collect();
    lines.push(String::new());
    lines.push(String::from("not json"));
    lines.push(one_line("pr-ok"));
    lines.join("\n") + "\n"
}

/// The archive written into `dir` as `archive.ndjson`, `times` times over.
fn write_archive(dir: &Path, times: usize) -> PathBuf {
    let path = dir.join("archive.ndjson");
    std::fs::write(&path, archive().repeat(times)).expect("the archive");
    path
}

fn ereje(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The `id`s of a list of samples, or `line N` for a bundle without one.
fn sample_ids(samples: &Value) -> Vec<String> {
    samples
        .as_array()
        .expect("samples")
        .iter()
        .map(|s| {
            s["id"]
                .as_str()
                .map_or_else(|| format!("line {}", s["line"]), String::from)
        })
        .collect()
}

fn validate(doc: &Value) {
    let schema: Value = serde_json::from_str(ereje::impact::SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::meta::validate(&schema).expect("a valid 2020-12 schema");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{doc:#}");
}

/// The group of `code` about `subject` in `added` or `removed`.
fn group<'a>(doc: &'a Value, side: &str, code: &str, subject: &str) -> &'a Value {
    doc[side]["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["code"] == code && g["subject"] == subject)
        .unwrap_or_else(|| panic!("no {side} group {code} {subject}: {doc:#}"))
}

#[test]
fn a_changed_rule_set_flips_what_it_touches() {
    let dir = temp_dir("flips");
    rules_copy(&dir, "rules-new", changed);
    write_archive(&dir, 1);
    let out = ereje(
        &dir,
        &[
            "impact",
            "--rules",
            "rules-new",
            "--ndjson",
            "archive.ndjson",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "something flips: status 1");
    let doc = json_of(&out);
    validate(&doc);
    assert_eq!(doc["base"]["rules"], "shipped");
    assert_eq!(doc["new"]["rules"], "rules-new");
    assert_ne!(doc["base"]["rules_version"], doc["new"]["rules_version"]);
    assert_eq!(doc["bundles"], 11);
    // the two bundles that were incomplete only for what the change relaxed are now ok
    assert_eq!(
        doc["flips"],
        json!([{
            "from": "incomplete", "to": "ok", "bundles": 2,
            "samples": [
                {"line": 3, "id": "pr-missing-exit-consent"},
                {"line": 4, "id": "pr-passport-expires-179-days"},
            ],
        }])
    );
    assert_eq!(doc["verdicts"]["base"]["incomplete"], 2);
    assert_eq!(doc["verdicts"]["new"]["incomplete"], 0);
    assert_eq!(doc["verdicts"]["new"]["ok"], 7);
    // removed: the findings the relaxed rules gave
    assert_eq!(doc["removed"]["bundles"], 2);
    assert_eq!(doc["removed"]["findings"], 2);
    let missing = group(&doc, "removed", "missing-document", "exit_consent");
    assert_eq!(missing["rule"], "kz.mvd.permanent_residence/exit_consent");
    assert_eq!(missing["service"], "kz.mvd.permanent_residence");
    assert_eq!(missing["severity"], "error");
    assert_eq!(missing["bundles"], 1);
    assert_eq!(sample_ids(&missing["samples"]), ["pr-missing-exit-consent"]);
    let invalid = group(&doc, "removed", "invalid-document", "passport");
    assert_eq!(invalid["bundles"], 1);
    assert_eq!(
        sample_ids(&invalid["samples"]),
        ["pr-passport-expires-179-days"]
    );
    // added: a file formed on the sixth day is now late (`pr-late-steps` was late already:
    // its finding stays, with another due time, and does not flip)
    let late = group(&doc, "added", "deadline-late", "file_formed");
    assert_eq!(late["rule"], "kz.mvd.permanent_residence/file_formed");
    assert_eq!(late["bundles"], 3);
    assert_eq!(late["findings"], 3);
    assert_eq!(
        late["samples"],
        json!([
            {"line": 1, "id": "pr-ok"},
            {"line": 6, "id": "pr-refused-illegal-entry"},
            {"line": 11, "id": "pr-ok"},
        ])
    );
    // and a document the service no longer knows is a warning on every bundle that has one
    let unknown = group(&doc, "added", "unknown-document", "exit_consent");
    assert_eq!(unknown["severity"], "warning");
    assert_eq!(unknown["rule"], Value::Null);
    assert_eq!(unknown["bundles"], 6);
    assert_eq!(
        sample_ids(&unknown["samples"]),
        [
            "pr-ok",
            "pr-late-steps",
            "pr-passport-expires-179-days",
            "pr-passport-expires-180-days",
            "pr-refused-illegal-entry"
        ],
        "the first five by line"
    );
    assert_eq!(doc["added"]["groups"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["added"]["bundles"], 6);
    assert_eq!(doc["added"]["findings"], 9);
    // the most bundles first
    assert_eq!(doc["added"]["groups"][0]["code"], "unknown-document");
    // every bundle but the refugee's and the unreadable lines changed
    assert_eq!(doc["changed"]["bundles"], 7);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn lines_that_are_not_json_are_counted_on_both_sides() {
    let dir = temp_dir("unreadable");
    rules_copy(&dir, "rules-new", changed);
    write_archive(&dir, 1);
    let out = ereje(
        &dir,
        &[
            "impact",
            "--rules",
            "rules-new",
            "--ndjson",
            "archive.ndjson",
            "--format",
            "json",
        ],
    );
    let doc = json_of(&out);
    assert_eq!(
        doc["unreadable"],
        json!({"bundles": 3, "samples": [
            {"line": 8, "id": null}, {"line": 9, "id": null}, {"line": 10, "id": null},
        ]})
    );
    // in every total, `invalid` under both rule sets, never a flip
    assert_eq!(doc["verdicts"]["base"]["invalid"], 3);
    assert_eq!(doc["verdicts"]["new"]["invalid"], 3);
    let total = |side: &str| -> u64 {
        doc["verdicts"][side]
            .as_object()
            .expect("verdicts")
            .values()
            .filter_map(Value::as_u64)
            .sum()
    };
    assert_eq!(total("base"), 11);
    assert_eq!(total("new"), 11);
    let changed = sample_ids(&doc["changed"]["samples"]);
    assert!(
        !changed.iter().any(|s| s.starts_with("line ")),
        "{changed:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_same_rules_flip_nothing() {
    let dir = temp_dir("same");
    rules_copy(&dir, "rules-same", str::to_string);
    write_archive(&dir, 1);
    // against the shipped rules, and a folder against itself
    for base in [None, Some("rules-same")] {
        let mut args = vec![
            "impact",
            "--rules",
            "rules-same",
            "--ndjson",
            "archive.ndjson",
        ];
        if let Some(base) = base {
            args.extend(["--base-rules", base]);
        }
        args.extend(["--format", "json"]);
        let out = ereje(&dir, &args);
        assert_eq!(out.status.code(), Some(0), "nothing flips: status 0");
        let doc = json_of(&out);
        validate(&doc);
        assert_eq!(doc["changed"], json!({"bundles": 0, "samples": []}));
        assert_eq!(doc["flips"], json!([]));
        for side in ["added", "removed"] {
            assert_eq!(
                doc[side],
                json!({"bundles": 0, "findings": 0, "groups": [],
                       "left_out": {"bundles": 0, "findings": 0}})
            );
        }
        assert_eq!(doc["verdicts"]["base"], doc["verdicts"]["new"]);
        assert_eq!(doc["unreadable"]["bundles"], 3);
    }
    // the human summary says so too
    let out = ereje(
        &dir,
        &[
            "impact",
            "--rules",
            "rules-same",
            "--ndjson",
            "archive.ndjson",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 bundles change, 11 do not"), "{text}");
    assert!(text.contains("verdict flips\n  none"), "{text}");
    let _ = std::fs::remove_dir_all(dir);
}

/// More lines than the batch engine checks together, so that several chunks and both threads
/// are used: the result is byte for byte the same on one thread and on two.
#[test]
fn threads_do_not_change_the_result() {
    let dir = temp_dir("threads");
    rules_copy(&dir, "rules-new", changed);
    write_archive(&dir, 200);
    for format in ["json", "markdown", "human"] {
        let run = |threads: &str| {
            ereje(
                &dir,
                &[
                    "impact",
                    "--rules",
                    "rules-new",
                    "--ndjson",
                    "archive.ndjson",
                    "--format",
                    format,
                    "--threads",
                    threads,
                ],
            )
        };
        let (one, two) = (run("1"), run("2"));
        assert_eq!(one.status.code(), Some(1));
        assert_eq!(two.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&one.stdout),
            String::from_utf8_lossy(&two.stdout),
            "{format}"
        );
        if format == "json" {
            let doc = json_of(&two);
            validate(&doc);
            assert_eq!(doc["bundles"], 2200);
            assert_eq!(doc["unreadable"]["bundles"], 600);
            assert_eq!(doc["flips"][0]["bundles"], 400);
            let late = group(&doc, "added", "deadline-late", "file_formed");
            assert_eq!(late["bundles"], 600);
            // samples are the first by line, whatever thread checked them
            let lines: Vec<u64> = late["samples"]
                .as_array()
                .expect("samples")
                .iter()
                .filter_map(|s| s["line"].as_u64())
                .collect();
            assert_eq!(lines, [1, 6, 11, 12, 17]);
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn samples_are_capped_and_the_archive_may_come_on_stdin() {
    let dir = temp_dir("stdin");
    rules_copy(&dir, "rules-new", changed);
    let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args([
            "impact",
            "--rules",
            "rules-new",
            "--ndjson",
            "-",
            "--format",
            "json",
            "--samples",
            "1",
        ])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(archive().as_bytes())
            .expect("the archive written");
    }
    let out = child.wait_with_output().expect("the run ends");
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    validate(&doc);
    assert_eq!(doc["samples"], 1);
    let late = group(&doc, "added", "deadline-late", "file_formed");
    assert_eq!(late["bundles"], 3);
    assert_eq!(late["samples"], json!([{"line": 1, "id": "pr-ok"}]));
    assert_eq!(
        doc["unreadable"]["samples"].as_array().map(Vec::len),
        Some(1)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// The Markdown for a comment on the change, as a reviewer reads it (the rules' digests
/// blanked: they change with every edit of the shipped rules).
#[test]
fn markdown_for_a_comment_on_the_change() {
    let dir = temp_dir("markdown");
    rules_copy(&dir, "rules-new", changed);
    write_archive(&dir, 1);
    let out = ereje(
        &dir,
        &[
            "impact",
            "--rules",
            "rules-new",
            "--ndjson",
            "archive.ndjson",
            "--format",
            "markdown",
            "--samples",
            "3",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    insta::assert_snapshot!("impact_markdown", without_digests(&text));
    let _ = std::fs::remove_dir_all(dir);
}

/// `sha256:` and 12 hexadecimal digits replaced by `sha256:…`.
fn without_digests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("sha256:") {
        out.push_str(&rest[..at + 7]);
        rest = &rest[at + 7..];
        let digits = rest.chars().take_while(char::is_ascii_hexdigit).count();
        out.push('…');
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

/// Fifteen groups of findings added, one of them in eight bundles: Markdown gives the first
/// ten their sections and says how many groups and findings it left out, and names five
/// bundles of a group and how many more.
#[test]
fn markdown_cuts_long_lists() {
    use ereje::check::{Kind, Severity};
    use ereje::impact::{
        Counted, FindingKey, Findings, Group, Impact, LeftOut, Sample, Side, render,
    };
    let sample = |line: usize| Sample {
        line,
        id: Some(format!("b-{line}")),
    };
    let groups: Vec<Group> = (0..15)
        .map(|i| Group {
            key: FindingKey {
                code: "unknown-field",
                kind: Kind::Input,
                severity: Severity::Warning,
                service: Some(String::from("kz.mvd.permanent_residence")),
                subject: format!("field_{i:02}"),
                rule: None,
            },
            bundles: Counted {
                bundles: if i == 0 { 8 } else { 1 },
                samples: (1..=if i == 0 { 5 } else { 1 }).map(sample).collect(),
            },
            findings: if i == 0 { 8 } else { 2 },
        })
        .collect();
    let side = |rules: &str| Side {
        rules: rules.to_string(),
        rules_version: format!("sha256:{}", "0".repeat(64)),
    };
    let impact = Impact {
        base: side("shipped"),
        new: side("rules-new"),
        as_of: None,
        now: None,
        samples: 5,
        bundles: 8,
        changed: Counted {
            bundles: 8,
            samples: (1..=5).map(sample).collect(),
        },
        unreadable: Counted::default(),
        base_verdicts: [8, 0, 0, 0, 0, 0],
        new_verdicts: [8, 0, 0, 0, 0, 0],
        flips: Vec::new(),
        added: Findings {
            bundles: 8,
            findings: 36,
            groups,
            left_out: LeftOut::default(),
        },
        removed: Findings::default(),
    };
    let text = render::markdown::render(&impact, ereje::vocab::Lang::En);
    assert_eq!(
        text.matches("\n#### ").count(),
        render::markdown::MAX_SECTIONS,
        "{text}"
    );
    assert!(text.contains("`field_09`"), "{text}");
    assert!(!text.contains("`field_10`"), "{text}");
    assert!(
        text.contains("_… and 5 more groups (10 findings), not shown"),
        "{text}"
    );
    assert!(
        text.contains("8 bundles: `b-1`, `b-2`, `b-3`, `b-4`, `b-5`, and 3 more\n"),
        "{text}"
    );
    assert!(text.contains("No verdict flips."), "{text}");
    assert!(impact.flips());
}

#[test]
fn usage_io_and_rule_errors_exit_2() {
    let dir = temp_dir("errors");
    rules_copy(&dir, "rules-broken", |text| {
        once(text, "  document passport {", "  document passport {{")
    });
    rules_copy(&dir, "rules-new", changed);
    write_archive(&dir, 1);
    for args in [
        // no --rules, no --ndjson
        vec!["impact", "--ndjson", "archive.ndjson"],
        vec!["impact", "--rules", "rules-new"],
        vec![
            "impact",
            "--rules",
            "rules-new",
            "--ndjson",
            "archive.ndjson",
            "--format",
            "yaml",
        ],
        // an archive that is not there, rules that are not there or do not compile
        vec![
            "impact",
            "--rules",
            "rules-new",
            "--ndjson",
            "missing.ndjson",
        ],
        vec!["impact", "--rules", "nowhere", "--ndjson", "archive.ndjson"],
        vec![
            "impact",
            "--rules",
            "rules-broken",
            "--ndjson",
            "archive.ndjson",
        ],
        vec![
            "impact",
            "--rules",
            "rules-new",
            "--base-rules",
            "rules-broken",
            "--ndjson",
            "archive.ndjson",
        ],
    ] {
        let out = ereje(&dir, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The schema's finding codes are the bundle codes of the table, so a new code cannot be left
/// out of it.
#[test]
fn the_schema_names_every_finding_code() {
    let schema: Value = serde_json::from_str(ereje::impact::SCHEMA).expect("the schema is JSON");
    let listed: Vec<&str> = schema["$defs"]["group"]["properties"]["code"]["enum"]
        .as_array()
        .expect("an enum of codes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let codes: Vec<&str> = ereje::codes::CODES
        .iter()
        .filter(|c| c.code.starts_with('V'))
        .map(|c| c.name)
        .collect();
    assert_eq!(listed, codes);
}
