//! Checking bundles: the examples written in the shipped rule files, JSON reports as a contract,
//! and the command line's exit statuses.

use std::path::PathBuf;
use std::process::Command;

use ereje::RuleSet;
use ereje::check::{Kind, Options, Verdict};
use ereje::codes;
use ereje::report::human::Style;
use ereje::report::words;
use ereje::vocab::Lang;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> RuleSet {
    RuleSet::shipped().expect("the shipped rules compile")
}

/// Every `example` of every shipped service gets the verdict and findings it expects.
#[test]
fn shipped_examples_hold() {
    let outcomes = ereje::examples::run(&shipped(), &root());
    assert!(outcomes.len() >= 3, "the shipped rules have examples");
    let failures: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| format!("{}: {}", o.name, o.failures.join("; ")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ereje_test_runs_the_examples() {
    let out = ereje(&["test"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 failed"), "{stdout}");
}

/// Bundles whose reports are snapshotted: one per verdict and the hard cases.
const SNAPSHOTTED: [&str; 11] = [
    "pr-late-steps.json",
    "rs-working-days-over-may-holidays.json",
    "pr-ok.json",
    "pr-missing-passport.json",
    "pr-pending-national-security.json",
    "pr-refused-and-incomplete.json",
    "pr-invalid-truncated.json",
    "pr-invalid-impossible-date.json",
    "pr-state-corporation-before-799.json",
    "pr-child-under-16-no-certificate.json",
    "rs-refused-and-pending.json",
];

fn bundle_text(name: &str) -> String {
    std::fs::read_to_string(root().join("examples/bundles").join(name)).expect("bundle")
}

/// The JSON report as `ereje check --format json` writes it (spans filled in).
fn json_report(rules: &RuleSet, name: &str) -> serde_json::Value {
    let text = bundle_text(name);
    let mut report = rules.check(&text, &Options::default());
    ereje::report::spans::fill(&mut report, &text);
    let mut value = serde_json::to_value(&report).expect("serializable");
    // the rule-set hash changes with every edit of the rules; the contract is its shape
    value["rules_version"] = serde_json::Value::String(String::from("sha256:…"));
    value
}

#[test]
fn json_reports_are_the_contract() {
    let rules = shipped();
    for name in SNAPSHOTTED {
        insta::assert_json_snapshot!(
            format!("report_{}", name.trim_end_matches(".json")),
            json_report(&rules, name)
        );
    }
}

#[test]
fn human_reports_as_users_see_them() {
    let rules = shipped();
    for name in SNAPSHOTTED {
        let text = bundle_text(name);
        let mut report = rules.check(&text, &Options::default());
        ereje::report::spans::fill(&mut report, &text);
        let rendered = ereje::report::human::render_report(
            &report,
            &format!("examples/bundles/{name}"),
            &text,
            &Style::plain(),
        );
        insta::assert_snapshot!(
            format!("human_{}", name.trim_end_matches(".json")),
            rendered
        );
    }
}

/// Past the first ten findings of a code, the human report lists the rest one line each, with
/// their place (line and column of the pretty-printed bundle) and message; all are there.
#[test]
fn many_findings_of_one_code_are_listed_one_line_each_after_ten() {
    let rules = shipped();
    let mut bundle: serde_json::Value =
        serde_json::from_str(&bundle_text("pr-ok.json")).expect("the example is JSON");
    if let Some(docs) = bundle["documents"].as_array_mut() {
        docs.extend((0..12).map(|i| serde_json::json!({"kind": format!("letter_{i}")})));
    }
    let text = serde_json::to_string_pretty(&bundle).expect("a value prints");
    let mut report = rules.check(&text, &Options::default());
    ereje::report::spans::fill(&mut report, &text);
    let rendered =
        ereje::report::human::render_report(&report, "many.json", &text, &Style::plain());
    assert_eq!(
        rendered.matches("unknown document kind `letter_").count(),
        12
    );
    assert_eq!(rendered.matches("╰── not read by any rule").count(), 10);
    let listed = rendered
        .split_once("one line each")
        .map_or("", |(_, rest)| rest);
    insta::assert_snapshot!(listed);
}

fn ereje(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

#[test]
fn exit_status_zero_when_every_bundle_is_ok() {
    let out = ereje(&["check", "examples/bundles/pr-ok.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exit_status_one_when_a_bundle_has_errors() {
    let out = ereje(&[
        "check",
        "examples/bundles/pr-ok.json",
        "examples/bundles/pr-missing-passport.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("missing document `passport`"), "{stdout}");
}

#[test]
fn exit_status_two_without_bundles_or_with_broken_rules() {
    assert_eq!(ereje(&["check"]).status.code(), Some(2));
    let out = ereje(&[
        "check",
        "--rules",
        "tests/fixtures/semantic/err/step_cycle.ereje",
        "examples/bundles/pr-ok.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E0203"));
}

#[test]
fn ndjson_gives_one_report_per_line_in_order_even_for_bad_lines() {
    let ok = std::fs::read_to_string(root().join("examples/bundles/pr-ok.json")).expect("bundle");
    let ok: serde_json::Value = serde_json::from_str(&ok).expect("json");
    let mut second = ok.clone();
    second["id"] = serde_json::Value::String(String::from("second"));
    let input = format!("{ok}\n{{not json\n\n{second}\n");
    let path = std::env::temp_dir().join(format!("ereje-ndjson-{}.ndjson", std::process::id()));
    std::fs::write(&path, input).expect("temp file");
    let out = ereje(&[
        "check",
        "--ndjson",
        path.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    let _ = std::fs::remove_file(&path);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["verdict"], "ok");
    assert_eq!(lines[1]["verdict"], "invalid");
    assert_eq!(lines[2]["verdict"], "invalid");
    assert_eq!(lines[3]["id"], "second");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn hostile_json_is_invalid_not_a_panic() {
    let rules = shipped();
    for text in [
        "",
        "[",
        "{\"service\": 1}",
        &"[".repeat(100_000),
        "{\"service\":\"kz.mvd.permanent_residence\",\"submitted_at\":\"2019-02-30T10:00:00+06:00\"}",
        "null",
    ] {
        let report = rules.check(text, &Options::default());
        assert_eq!(report.verdict, Verdict::Invalid, "{text:.40}");
    }
}

#[test]
fn absent_fact_makes_the_verdict_pending() {
    let text = std::fs::read_to_string(root().join("examples/bundles/pr-ok.json")).expect("bundle");
    let mut bundle: serde_json::Value = serde_json::from_str(&text).expect("json");
    bundle["checks"]
        .as_object_mut()
        .expect("checks")
        .remove("national_security");
    let report = shipped().check(&bundle.to_string(), &Options::default());
    assert_eq!(report.verdict, Verdict::Pending);
    assert_eq!(
        report.missing_facts,
        vec![String::from("/checks/national_security")]
    );
}

#[test]
fn not_in_force_after_repeal_and_unknown_service() {
    let text = std::fs::read_to_string(root().join("examples/bundles/pr-ok.json")).expect("bundle");
    let mut bundle: serde_json::Value = serde_json::from_str(&text).expect("json");
    bundle["submitted_at"] = serde_json::Value::String(String::from("2020-04-14T09:00:00+06:00"));
    let report = shipped().check(&bundle.to_string(), &Options::default());
    assert_eq!(report.verdict, Verdict::NotApplicable);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == &codes::NOT_IN_FORCE)
    );
    // the day before, the law still applied
    let report = shipped().check(
        &bundle.to_string(),
        &Options {
            as_of: chrono::NaiveDate::from_ymd_opt(2020, 4, 13),
            ..Options::default()
        },
    );
    assert_ne!(report.verdict, Verdict::NotApplicable);
    bundle["service"] = serde_json::Value::String(String::from("kz.mvd.permanent_residense"));
    let report = shipped().check(&bundle.to_string(), &Options::default());
    assert!(report.findings.iter().any(|f| {
        f.code == &codes::UNKNOWN_SERVICE
            && words::help(f, Lang::En)
                .is_some_and(|h| h.contains("did you mean `kz.mvd.permanent_residence`"))
    }));
}

fn statuses(report: &ereje::check::Report) -> Vec<(String, String)> {
    report
        .deadlines
        .iter()
        .map(|d| {
            (
                d.step.clone(),
                serde_json::to_value(d.status)
                    .expect("status")
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

/// A step dated before the event its term counts from is a timeline that cannot be right: a
/// warning on the step's event, and its deadline is `done` (not judged), never `on_time`.
#[test]
fn a_step_before_the_event_it_counts_from_is_not_judged_on_time() {
    let mut bundle: serde_json::Value =
        serde_json::from_str(&bundle_text("pr-ok.json")).expect("json");
    // file_formed counts from talon_issued (2019-05-14T10:20): date it the day before
    bundle["events"][1]["at"] = serde_json::json!("2019-05-13T15:30:00+06:00");
    let report = shipped().check(&bundle.to_string(), &Options::default());
    let warning = report
        .findings
        .iter()
        .find(|f| f.code == &codes::EVENT_OUT_OF_ORDER)
        .expect("an event-out-of-order warning");
    assert_eq!(
        (warning.subject.as_str(), warning.pointer.as_str()),
        ("file_formed", "/events/1/at")
    );
    // it names both events with their times, in the service's timezone
    let said = words::message(warning, Lang::En);
    assert_eq!(
        said,
        "step `file_formed` is dated 2019-05-13T15:30:00+06:00, before step `talon_issued` \
         (2019-05-14T10:20:00+06:00), the event its term counts from"
    );
    let formed = report
        .deadlines
        .iter()
        .find(|d| d.step == "file_formed")
        .expect("file_formed");
    assert_eq!(formed.due, None);
    assert!(statuses(&report).contains(&(String::from("file_formed"), String::from("done"))));
    assert_eq!(report.verdict, Verdict::Ok);
}

#[test]
fn working_day_deadline_skips_the_may_2019_holidays() {
    let report = shipped().check(
        &bundle_text("rs-working-days-over-may-holidays.json"),
        &Options::default(),
    );
    let decision = report
        .deadlines
        .iter()
        .find(|d| d.step == "decision_made")
        .expect("decision_made");
    // replied Wed 8 May; 9 May Victory Day, 10 May transferred day off, 11-12 May weekend
    assert_eq!(decision.due.as_deref(), Some("2019-05-13T23:59:59+06:00"));
    let st = statuses(&report);
    assert!(st.contains(&(String::from("decision_made"), String::from("on_time"))));
    assert!(st.contains(&(String::from("applicant_notified"), String::from("late"))));
    let late = report
        .findings
        .iter()
        .find(|f| f.code == &codes::DEADLINE_LATE)
        .expect("a late finding");
    assert_eq!(late.pointer, "/events/6/at");
    assert_eq!(
        report.verdict,
        Verdict::Ok,
        "deadline findings never change the verdict"
    );
}

#[test]
fn open_steps_become_overdue_only_with_now() {
    let text = bundle_text("pr-late-steps.json");
    let rules = shipped();
    let without = rules.check(&text, &Options::default());
    assert!(
        without
            .findings
            .iter()
            .all(|f| f.code != &codes::DEADLINE_OVERDUE)
    );
    let now = chrono::DateTime::parse_from_rfc3339("2019-07-01T12:00:00+06:00").expect("instant");
    let with = rules.check(
        &text,
        &Options {
            now: Some(now),
            ..Options::default()
        },
    );
    let overdue: Vec<&str> = with
        .findings
        .iter()
        .filter(|f| f.code == &codes::DEADLINE_OVERDUE)
        .map(|f| f.subject.as_str())
        .collect();
    // conclusion_issued was due 28 June; later steps have no due time yet; the term ends 13 July
    assert_eq!(overdue, vec!["conclusion_issued"]);
    let st = statuses(&with);
    assert!(st.contains(&(String::from("conclusion_approved"), String::from("open"))));
    assert!(st.contains(&(String::from("term"), String::from("open"))));
}

#[test]
fn calendar_command_json_shape() {
    let out = ereje(&["calendar", "kz", "--year", "2019", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["calendar"], "kz");
    assert_eq!(v["year"], 2019);
    let non_working: Vec<&str> = v["non_working"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["date"].as_str())
        .collect();
    assert_eq!(non_working.len(), 16);
    assert!(non_working.contains(&"2019-05-10") && non_working.contains(&"2019-03-25"));
    assert_eq!(v["working_weekends"][0]["date"], "2019-05-04");
    assert!(
        v["working_weekends"][0]["source"]
            .as_str()
            .is_some_and(|s| s.contains("P1800000888"))
    );
    let outside = ereje(&["calendar", "kz", "--year", "2021"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&outside.stderr).contains("does not cover 2021"));
}

#[test]
fn deadlines_command_shows_the_timeline() {
    let out = ereje(&["deadlines", "examples/bundles/pr-late-steps.json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "late steps make the exit status 1"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("talon_issued") && text.contains("LATE") && text.contains("1 second"),
        "{text}"
    );
    // in Kazakh, the table's head, the statuses and the lateness too
    let kk = ereje(&[
        "deadlines",
        "--lang",
        "kk",
        "examples/bundles/pr-late-steps.json",
    ]);
    let text = String::from_utf8_lossy(&kk.stdout);
    for words in ["қадам", "қатысушы", "КЕШІКТІ", "1 секунд", "мерзімінде"]
    {
        assert!(text.contains(words), "{words}: {text}");
    }
    let closed = ereje(&[
        "deadlines",
        "--lang",
        "ru",
        "examples/bundles/pr-state-corporation-before-799.json",
    ]);
    let said = String::from_utf8_lossy(&closed.stderr);
    assert!(said.contains("сроки вычислить нельзя"), "{said}");
    let json = ereje(&[
        "deadlines",
        "examples/bundles/pr-ok.json",
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(7));
}

/// No bundle text makes the checker panic: every example bundle cut at every byte (on a char
/// boundary) still yields a report.
#[test]
fn truncated_bundles_never_panic() {
    let rules = shipped();
    for name in ["pr-ok.json", "rs-ok-grant.json", "pr-late-steps.json"] {
        let text = bundle_text(name);
        for end in (0..text.len()).filter(|i| text.is_char_boundary(*i)) {
            let mut report = rules.check(&text[..end], &Options::default());
            ereje::report::spans::fill(&mut report, &text[..end]);
            if serde_json::from_str::<serde_json::Value>(&text[..end]).is_err() {
                assert_eq!(report.verdict, Verdict::Invalid, "{name} cut at {end}");
            }
        }
    }
}

/// Bundles whose problems with the bundle itself (not with the law) are snapshotted in Russian
/// and Kazakh.
const LOCALIZED: [&str; 5] = [
    "pr-invalid-birth-date-type.json",
    "pr-invalid-impossible-date.json",
    "pr-unknown-field.json",
    "pr-unknown-document.json",
    "pr-invalid-truncated.json",
];

fn report_in(rules: &RuleSet, name: &str, lang: Lang) -> ereje::check::Report {
    rules.check(
        &bundle_text(name),
        &Options {
            lang: Some(lang),
            ..Options::default()
        },
    )
}

/// The `message` of each finding, as the JSON report gives them.
fn json_messages(report: &ereje::check::Report) -> Vec<String> {
    let value = serde_json::to_value(report).expect("serializable");
    value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["message"].as_str().expect("a message").to_string())
        .collect()
}

/// `--lang ru` and `--lang kk` word the bundle's own problems (`invalid-input`, `unknown-field`,
/// `unknown-document`, the JSON syntax error) in that language, message and help alike.
#[test]
fn input_problems_are_worded_in_the_language_asked_for() {
    let rules = shipped();
    for name in LOCALIZED {
        let english = report_in(&rules, name, Lang::En);
        assert!(
            english.findings.iter().any(|f| f.kind == Kind::Input),
            "{name} has a problem with the bundle itself"
        );
        for lang in [Lang::Ru, Lang::Kk] {
            let report = report_in(&rules, name, lang);
            assert_eq!(report.findings.len(), english.findings.len(), "{name}");
            for (f, en) in report.findings.iter().zip(&english.findings) {
                assert_eq!((f.code, &f.pointer), (en.code, &en.pointer), "{name}");
                assert_ne!(
                    words::message(f, lang),
                    words::message(en, Lang::En),
                    "{name} in {}",
                    lang.tag()
                );
                if f.kind == Kind::Input {
                    assert_ne!(
                        words::help(f, lang),
                        words::help(en, Lang::En),
                        "{name} in {}",
                        lang.tag()
                    );
                }
            }
            insta::assert_json_snapshot!(
                format!("messages_{}_{}", lang.tag(), name.trim_end_matches(".json")),
                json_messages(&report)
            );
        }
    }
}

/// A channel the service does not declare at all is not a channel of it: the bundle is wrong
/// (`invalid-input`), not the day (a declared channel not yet open is `not-in-force`).
#[test]
fn a_channel_the_service_does_not_declare_is_invalid_input() {
    let text = bundle_text("rs-ok-grant.json");
    let mut bundle: serde_json::Value = serde_json::from_str(&text).expect("json");
    bundle["channel"] = serde_json::Value::String(String::from("state_corporation"));
    let report = shipped().check(&bundle.to_string(), &Options::default());
    assert_eq!(report.verdict, Verdict::Invalid);
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == &codes::INVALID_INPUT)
        .expect("a finding");
    assert_eq!(
        (finding.subject.as_str(), finding.pointer.as_str()),
        ("channel", "/channel")
    );
    assert!(
        words::help(finding, Lang::En).is_some_and(|h| h.contains("are: `provider`")),
        "{:?}",
        words::help(finding, Lang::En)
    );
}

/// Bundles whose human reports about the law (documents, refusals, channels, deadlines) are
/// snapshotted in Russian and Kazakh.
const LOCALIZED_HUMAN: [&str; 6] = [
    "pr-missing-passport.json",
    "pr-late-steps.json",
    "pr-late-steps-before-136.json",
    "pr-state-corporation-before-799.json",
    "pr-state-corporation-in-799-window.json",
    "pr-refused-and-incomplete.json",
];

/// English words that must not appear in a Russian or Kazakh report.
const ENGLISH_WORDS: [&str; 13] = [
    "missing", "document", "because", "due by", "late", "the ", "submit", "help:", "order ",
    "annex", "art. ", "law ", "rule ",
];

/// The words of a rendered report, without what is quoted: the bundle's lines and file name,
/// the stable codes, names in backticks, and the rule files' own `unverified` reasons (the
/// head of their note is ereje's and is kept).
fn own_words(report: &ereje::check::Report, rendered: &str) -> String {
    let mut in_note = false;
    let lines: Vec<&str> = rendered
        .lines()
        .filter_map(|l| {
            let head = ["  unverified: ", "  не проверено: ", "  тексерілмеген: "]
                .into_iter()
                .find(|h| l.starts_with(h));
            if let Some(head) = head {
                in_note = true;
                return Some(head);
            }
            in_note = in_note && l.starts_with("        ");
            (!in_note).then_some(l)
        })
        .map(str::trim_start)
        .filter(|l| !l.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|l| !l.contains("╭─["))
        .filter(|l| !report.findings.iter().any(|f| f.code.name == *l))
        .collect();
    let mut quoted = false;
    lines
        .join("\n")
        .chars()
        .filter(|c| {
            if *c == '`' {
                quoted = !quoted;
            }
            !quoted && *c != '`'
        })
        .collect::<String>()
        .to_lowercase()
}

/// `--lang ru` and `--lang kk` word everything a human report says about the law: message,
/// labels, reasons, help and the `law:` line.
#[test]
fn human_reports_are_worded_in_the_language_asked_for() {
    let rules = shipped();
    for name in LOCALIZED_HUMAN {
        let text = bundle_text(name);
        for lang in [Lang::Ru, Lang::Kk] {
            let mut report = report_in(&rules, name, lang);
            assert!(!report.findings.is_empty(), "{name} has findings");
            ereje::report::spans::fill(&mut report, &text);
            let rendered = ereje::report::human::render_report(
                &report,
                &format!("examples/bundles/{name}"),
                &text,
                &Style {
                    lang,
                    ..Style::plain()
                },
            );
            let words = own_words(&report, &rendered);
            for word in ENGLISH_WORDS {
                assert!(
                    !words.contains(word),
                    "{name} in {} says `{word}`:\n{rendered}",
                    lang.tag()
                );
            }
            insta::assert_snapshot!(
                format!("human_{}_{}", lang.tag(), name.trim_end_matches(".json")),
                rendered
            );
        }
    }
}

/// A fact that is absent is unknown, not false: an absent list of children or an absent
/// channel leaves what depends on it undecided.
#[test]
fn absent_children_and_channel_are_unknown_not_empty() {
    let text = bundle_text("pr-ok.json");
    let rules = shipped();
    let mut no_children: serde_json::Value = serde_json::from_str(&text).expect("json");
    no_children["applicant"]
        .as_object_mut()
        .expect("applicant")
        .remove("children");
    let report = rules.check(&no_children.to_string(), &Options::default());
    assert_eq!(report.verdict, Verdict::Pending);
    assert_eq!(
        report.missing_facts,
        vec![String::from("/applicant/children")]
    );
    // birth certificates do not say how many children there are: still undecided
    for certificate in [
        serde_json::json!({"kind": "birth_certificate", "number": "I-1"}),
        serde_json::json!({"kind": "birth_certificate", "number": "I-2", "child": 7}),
    ] {
        let mut with = no_children.clone();
        with["documents"]
            .as_array_mut()
            .expect("documents")
            .push(certificate);
        let report = rules.check(&with.to_string(), &Options::default());
        assert_eq!(report.verdict, Verdict::Pending, "{:?}", report.findings);
        assert_eq!(
            report.missing_facts,
            vec![String::from("/applicant/children")]
        );
    }
    let mut no_channel: serde_json::Value = serde_json::from_str(&text).expect("json");
    no_channel
        .as_object_mut()
        .expect("bundle")
        .remove("channel");
    // on 2019-05-14 the State Corporation channel was not yet open: the channel matters
    let report = rules.check(&no_channel.to_string(), &Options::default());
    assert_eq!(report.verdict, Verdict::Pending);
    assert_eq!(report.missing_facts, vec![String::from("/channel")]);
}

#[test]
fn a_field_given_twice_is_a_warning_naming_it() {
    let text = bundle_text("pr-ok.json").replacen(
        "\"category\": \"foreigner\"",
        "\"category\": \"stateless\", \"category\": \"foreigner\"",
        1,
    );
    let mut report = shipped().check(&text, &Options::default());
    ereje::report::spans::fill(&mut report, &text);
    let dup = report
        .findings
        .iter()
        .find(|f| f.code == &codes::DUPLICATE_KEY)
        .expect("a duplicate-key warning");
    assert_eq!(dup.pointer, "/applicant/category");
    assert_eq!(
        report.verdict,
        Verdict::Ok,
        "the last value is used, as serde_json does"
    );
}

/// A text fact that looks like a date is still a text: it compares with texts.
#[test]
fn a_text_that_looks_like_a_date_is_still_a_text() {
    let service = r#"service kz.test.letters {
  timezone "Asia/Almaty"
  channel provider
  input applicant.reference: text?
  document letter {
    required when applicant.reference == "2019-01-01"
  }
}"#;
    let (rules, _warnings) =
        RuleSet::from_sources(vec![ereje::source::SourceFile::new("test.ereje", service)])
            .expect("rules compile");
    let bundle = r#"{"service":"kz.test.letters","submitted_at":"2019-05-14T10:00:00+06:00","channel":"provider",
        "applicant":{"reference":"2019-01-01"},"documents":[]}"#;
    let report = rules.check(bundle, &Options::default());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == &codes::MISSING_DOCUMENT && f.subject == "letter"),
        "{:?}",
        report.findings
    );
    assert!(
        report.missing_facts.is_empty(),
        "{:?}",
        report.missing_facts
    );
}

/// A working day the calendar does not cover leaves the rule undecided: never passed.
#[test]
fn a_working_day_outside_the_calendar_is_undecided_not_passed() {
    let read = |p: &str| std::fs::read_to_string(root().join(p)).expect("rule file");
    let service = r#"service kz.test.receipts {
  timezone "Asia/Almaty"
  calendar kz
  channel provider
  document receipt {
    required always
    valid when expires_on >= submitted_on + 300 working days
  }
}"#;
    let (rules, _warnings) = RuleSet::from_sources(vec![
        ereje::source::SourceFile::new("acts.ereje", read("rules/kz/mvd-495/acts.ereje")),
        ereje::source::SourceFile::new("calendar.ereje", read("rules/kz/calendar.ereje")),
        ereje::source::SourceFile::new("test.ereje", service),
    ])
    .expect("rules compile");
    let bundle = r#"{"service":"kz.test.receipts","submitted_at":"2020-03-14T10:00:00+06:00","channel":"provider",
        "documents":[{"kind":"receipt","expires_on":"2000-01-01"}]}"#;
    let report = rules.check(bundle, &Options::default());
    assert_eq!(report.verdict, Verdict::Pending);
    let undecided = report
        .findings
        .iter()
        .find(|f| f.code == &codes::UNDECIDED)
        .expect("an undecided warning");
    let message = words::message(undecided, Lang::En);
    assert!(message.contains("2021"), "{message}");
}

/// A `valid when` rule carries its messages in every language written under it: a document
/// that fails it is reported in Russian and Kazakh, not in the English fallback.
#[test]
fn invalid_documents_are_worded_in_the_language_asked_for() {
    let rules = shipped();
    for name in [
        "pr-passport-expires-179-days.json",
        "pr-autobiography-en.json",
        "pr-autobiography-unsigned.json",
    ] {
        let english = report_in(&rules, name, Lang::En);
        for lang in [Lang::Ru, Lang::Kk] {
            let report = report_in(&rules, name, lang);
            for (f, en) in report.findings.iter().zip(&english.findings) {
                if f.code == &codes::INVALID_DOCUMENT {
                    let (message, english) =
                        (words::message(f, lang), words::message(en, Lang::En));
                    assert_ne!(message, english, "{name} in {}", lang.tag());
                    assert!(!message.is_ascii(), "{name} in {}: {message}", lang.tag());
                }
            }
            assert!(
                report
                    .findings
                    .iter()
                    .any(|f| f.code == &codes::INVALID_DOCUMENT),
                "{name}"
            );
        }
    }
}

/// A reader that stops reading (`ereje test | head -1`) cuts the listing short: no panic.
#[test]
fn ereje_test_survives_a_closed_stdout() {
    for format in ["human", "json", "junit"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["test", "--format", format])
            .current_dir(root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary starts");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("it ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{format}");
    }
}

/// The `law:` line stands on its own after the help and is wrapped only between words: even at
/// 40 columns every cited rule's id and every `rules/…:N` location stands whole on one line.
#[test]
fn the_law_line_never_cuts_a_rule_or_its_place() {
    let rules = shipped();
    let mut laws = 0;
    for name in SNAPSHOTTED.iter().chain(&LOCALIZED_HUMAN) {
        let text = bundle_text(name);
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let mut report = report_in(&rules, name, lang);
            ereje::report::spans::fill(&mut report, &text);
            let narrow = Style {
                width: Some(40),
                lang,
                ..Style::plain()
            };
            let rendered = ereje::report::human::render_report(&report, name, &text, &narrow);
            let head = match lang {
                Lang::En => "  law:  ",
                Lang::Ru => "  закон: ",
                Lang::Kk => "  заң:  ",
            };
            for f in report.findings.iter().filter(|f| f.citation().is_some()) {
                let rule = f.rule.as_deref().expect("a cited finding has its rule");
                laws += 1;
                for whole in [format!("`{}`", rule.id), format!("({})", rule.location)] {
                    assert!(
                        rendered.lines().any(|l| l.contains(&whole)),
                        "{name} in {}: `{whole}` is cut:\n{rendered}",
                        lang.tag()
                    );
                }
                assert!(rendered.lines().any(|l| l.starts_with(head)), "{rendered}");
            }
        }
    }
    assert!(laws > 20, "the bundles cite rules ({laws})");
}

/// Output that is not a terminal is neither coloured nor wrapped.
#[test]
fn reports_for_a_file_or_a_pipe_are_not_wrapped() {
    let style = Style::for_stream(false, Lang::Ru);
    assert_eq!(
        (style.color, style.width, style.lang),
        (false, None, Lang::Ru)
    );
    let out = ereje(&["check", "examples/bundles/pr-late-steps.json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // the step's line in the rule file, wherever edits of the law have moved it
    let rules = std::fs::read_to_string(root().join("rules/kz/mvd-495/permanent-residence.ereje"))
        .expect("the rule file");
    let line = rules
        .lines()
        .position(|l| l.trim_start().starts_with("step talon_issued "))
        .expect("the step")
        + 1;
    let law = format!(
        "  law:  order 495, annex 1 § 9(1) — rule `kz.mvd.permanent_residence/talon_issued` (rules/kz/mvd-495/permanent-residence.ereje:{line})\n"
    );
    assert!(stdout.contains(&law), "{stdout}");
}

/// Order 495 was first published on 29.07.2015 (order 136 cites the date): ten calendar days
/// after, its regulations apply from 09.08.2015, not from the earliest date its registration
/// would allow.
#[test]
fn order_495_applies_from_9_august_2015() {
    let rules = shipped();
    let on = |day: &str| {
        let bundle = format!(
            r#"{{"service":"kz.mvd.permanent_residence","submitted_at":"{day}T10:00:00+06:00","channel":"provider",
            "applicant":{{"category":"stateless","birth_date":"1990-01-01","grounds":[],"children":[],"records":{{}}}},"documents":[]}}"#
        );
        rules.check(&bundle, &Options::default()).verdict
    };
    assert_eq!(on("2015-07-21"), Verdict::NotApplicable);
    assert_eq!(on("2015-08-08"), Verdict::NotApplicable);
    assert_eq!(on("2015-08-09"), Verdict::Incomplete);
}

/// Annex 1 § 9 has its wording from order 136, in force from 23.03.2019: a step done an hour
/// late on an application of 1 March 2019 is not judged under words not yet in force (a
/// `deadline-unknown` warning names the amending act), and the same step on 23 March is.
#[test]
fn deadlines_are_judged_only_under_the_wording_in_force() {
    let rules = shipped();
    let on = |day: &str| {
        let bundle = format!(
            r#"{{"service":"kz.mvd.permanent_residence","submitted_at":"{day}T10:00:00+06:00","channel":"provider",
            "applicant":{{"category":"stateless","birth_date":"1990-01-01","grounds":[],"children":[],"records":{{}}}},
            "documents":[],"events":[{{"step":"talon_issued","at":"{day}T11:00:00+06:00"}}]}}"#
        );
        rules.check(&bundle, &Options::default())
    };
    let early = on("2019-03-01");
    let codes = |r: &ereje::check::Report| -> Vec<(String, String)> {
        r.findings
            .iter()
            .filter(|f| f.kind == Kind::Deadline)
            .map(|f| (f.code.name.to_string(), f.subject.clone()))
            .collect()
    };
    let unknown = (
        String::from("deadline-unknown"),
        String::from("talon_issued"),
    );
    let late = (String::from("deadline-late"), String::from("talon_issued"));
    assert!(codes(&early).contains(&unknown), "{:?}", codes(&early));
    assert!(!codes(&early).contains(&late));
    let talon = early
        .deadlines
        .iter()
        .find(|d| d.step == "talon_issued")
        .expect("the step");
    assert_eq!(
        (talon.due.as_deref(), format!("{:?}", talon.status)),
        (None, String::from("Done"))
    );
    let json = serde_json::to_value(&early).expect("serializable");
    let message = json["findings"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["code"] == "deadline-unknown"))
        .and_then(|f| f["message"].as_str())
        .unwrap_or_default()
        .to_string();
    assert!(message.contains("order 136"), "{message}");
    let judged = on("2019-03-23");
    assert!(codes(&judged).contains(&late), "{:?}", codes(&judged));
    assert!(!codes(&judged).contains(&unknown));
}

/// Order 799 opened the State Corporation channel on a day known only to lie between
/// 2019-09-27 and 2020-04-14: inside that window the channel is undecided (`pending`, an
/// `in-force-unknown` warning naming the act and the channel), unless the user decides how,
/// and the report says which assumption it made.
#[test]
fn a_channel_opened_by_an_act_of_unknown_date_is_undecided_unless_assumed() {
    use ereje::semantic::model::Assume;
    let rules = shipped();
    let text = bundle_text("pr-state-corporation-in-799-window.json");
    let with = |assume| {
        let report = rules.check(
            &text,
            &Options {
                assume_in_force: assume,
                ..Options::default()
            },
        );
        let json = serde_json::to_value(&report).expect("serializable");
        (report, json)
    };
    let (undecided, json) = with(None);
    assert_eq!(undecided.verdict, Verdict::Pending);
    let warning = undecided
        .findings
        .iter()
        .find(|f| f.code.name == "in-force-unknown")
        .expect("the warning");
    assert_eq!(
        (warning.subject.as_str(), warning.kind),
        ("kz.mia.order_799", Kind::Applicability)
    );
    assert!(json.get("assumptions").is_none());
    let message = json["findings"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("2019-09-27")
            && message.contains("2020-04-13")
            && message.contains("`state_corporation` is undecided"),
        "{message}"
    );
    let (earliest, json) = with(Some(Assume::Earliest));
    assert_eq!(earliest.verdict, Verdict::Ok);
    assert_eq!(
        json["assumptions"],
        serde_json::json!({"in_force": "earliest"})
    );
    let (latest, json) = with(Some(Assume::Latest));
    assert_eq!(latest.verdict, Verdict::NotApplicable);
    assert_eq!(
        json["assumptions"],
        serde_json::json!({"in_force": "latest"})
    );
    // the command line takes the same switch
    let out = ereje(&[
        "check",
        "examples/bundles/pr-state-corporation-in-799-window.json",
        "--format",
        "json",
        "--assume-in-force",
        "earliest",
    ]);
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON report");
    assert_eq!(line["verdict"], "ok");
}

/// A pending report names the rule waiting on each missing fact, in JSON (`waiting`) and in the
/// human verdict line.
#[test]
fn pending_names_the_rule_waiting_on_each_missing_fact() {
    let rules = shipped();
    let report = rules.check(
        &bundle_text("pr-pending-national-security.json"),
        &Options::default(),
    );
    assert_eq!(report.verdict, Verdict::Pending);
    assert_eq!(report.waiting.len(), report.missing_facts.len());
    let waiting = report.waiting.first().expect("a waiting fact");
    assert_eq!(waiting.fact, "/checks/national_security");
    assert_eq!(
        waiting.rules,
        ["kz.mvd.permanent_residence/national_security_objection"]
    );
    let out = ereje(&[
        "check",
        "examples/bundles/pr-pending-national-security.json",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "/checks/national_security ← kz.mvd.permanent_residence/national_security_objection"
        ),
        "{stdout}"
    );
}

/// A bundle that came through a channel not yet open has no timeline (no term runs for an
/// application that could not be received), and a refused one has no step overdue: the
/// refusal ends the service. A step that happened late is still late.
#[test]
fn no_deadline_is_overdue_for_a_closed_channel_or_a_refusal() {
    let rules = shipped();
    let now = chrono::DateTime::parse_from_rfc3339("2021-01-01T00:00:00+06:00").expect("now");
    let options = Options {
        now: Some(now),
        ..Options::default()
    };
    let closed = rules.check(
        &bundle_text("pr-state-corporation-before-799.json"),
        &options,
    );
    assert_eq!(closed.verdict, Verdict::NotApplicable);
    assert!(closed.deadlines.is_empty(), "{:?}", closed.deadlines);
    assert!(closed.findings.iter().all(|f| f.kind != Kind::Deadline));

    let refused = rules.check(&bundle_text("rs-refused-national-security.json"), &options);
    assert_eq!(refused.verdict, Verdict::Refused);
    assert!(
        refused
            .findings
            .iter()
            .all(|f| f.code != &codes::DEADLINE_OVERDUE),
        "{:?}",
        refused.findings
    );
    assert!(!statuses(&refused).iter().any(|(_, s)| s == "overdue"));
    // without a refusal the same timeline has overdue steps
    let pending = rules.check(&bundle_text("rs-pending-national-security.json"), &options);
    assert!(
        pending
            .findings
            .iter()
            .any(|f| f.code == &codes::DEADLINE_OVERDUE)
    );
}
