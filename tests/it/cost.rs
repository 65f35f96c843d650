//! Cost linear in the input: a bundle ten times larger (ten times the documents, keys,
//! children or copies that each make a finding) costs about ten times as much to check and to
//! report, in both formats. Each test compares two timings of the same run, never a
//! wall-clock threshold: an algorithm quadratic in the input takes a hundred times as long,
//! so the ratio is held well below that and well above the noise of a busy machine.

use std::time::{Duration, Instant};

use ereje::RuleSet;
use ereje::check::Options;
use ereje::report::human::{Style, render_report};
use serde_json::{Value, json};

/// How much more than ten times the time the larger input may take: linear code takes about
/// ten times, the quadratic locator this replaced took 36 times at these sizes.
const SLACK: u32 = 2;

fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().expect("the shipped rules compile"))
}

/// `pr-ok.json` with `n` more documents made by `document`.
fn with_documents(n: usize, document: impl Fn(usize) -> Value) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/bundles/pr-ok.json"
    ))
    .expect("the example");
    let mut bundle: Value = serde_json::from_str(&text).expect("JSON");
    let docs = bundle["documents"].as_array_mut().expect("documents");
    docs.extend((0..n).map(document));
    bundle.to_string()
}

/// One run of checking `text` and writing both reports.
fn cost(text: &str) -> Duration {
    let started = Instant::now();
    let mut report = rules().check(text, &Options::default());
    ereje::report::spans::fill(&mut report, text);
    let json = ereje::report::json::report_line(&report);
    let human = render_report(&report, "b.json", text, &Style::plain());
    assert!(
        !json.is_empty() && !human.is_empty(),
        "each input makes findings"
    );
    started.elapsed()
}

/// Ten times the input costs at most `SLACK` times ten times the work: `n` and ten times `n`
/// items, `n` chosen so that the smaller run takes tens of milliseconds, well above the noise.
fn linear(what: &str, n: usize, make: impl Fn(usize) -> String) {
    let small = make(n);
    let large = make(10 * n);
    // the fastest of five runs of each, taken in turn, so that a busy moment of the machine
    // (other tests run beside these) slows both sizes alike
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    // measured again, up to three times, when a busy machine made it look superlinear: a
    // quadratic cost fails every time
    for _ in 0..3 {
        (a, b) = (Duration::MAX, Duration::MAX);
        for _ in 0..5 {
            a = a.min(cost(&small));
            b = b.min(cost(&large));
        }
        if b < a * 10 * SLACK {
            break;
        }
    }
    assert!(
        b < a * 10 * SLACK,
        "{what}: {n} took {a:?}, {} took {b:?} ({:.0} times)",
        10 * n,
        b.as_secs_f64() / a.as_secs_f64().max(1e-9)
    );
}

#[test]
fn documents_with_unknown_fields_cost_linear_time() {
    linear("documents with an unknown field each", 1_000, |n| {
        with_documents(
            n,
            |i| json!({"kind": "passport", "number": format!("N{i}"), "x": i}),
        )
    });
}

#[test]
fn unknown_document_kinds_cost_linear_time() {
    linear("documents of as many unknown kinds", 1_000, |n| {
        with_documents(n, |i| json!({"kind": format!("letter_{i}")}))
    });
}

#[test]
fn copies_that_fail_or_lack_a_field_cost_linear_time() {
    linear(
        "autobiographies in English or without a language",
        1_000,
        |n| {
            with_documents(n, |i| {
                if i % 2 == 0 {
                    json!({"kind": "autobiography", "language": "en", "signed": true})
                } else {
                    json!({"kind": "autobiography", "signed": true})
                }
            })
        },
    );
}

#[test]
fn keys_of_one_object_cost_linear_time() {
    linear("an object of many keys, one repeated", 20_000, |n| {
        let mut keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
        keys.push(String::from("\"k0\": 0"));
        with_documents(0, |_| Value::Null).replacen(
            "\"id\":",
            &format!("\"extra\": {{{}}}, \"id\":", keys.join(", ")),
            1,
        )
    });
}

#[test]
fn children_and_their_certificates_cost_linear_time() {
    linear(
        "children under 16, half of them with a certificate",
        1_000,
        |n| {
            let mut bundle: Value = serde_json::from_str(&with_documents(
            n / 2,
            |i| json!({"kind": "birth_certificate", "number": format!("I-{i}"), "child": 2 * i}),
        ))
        .expect("JSON");
            bundle["applicant"]["children"] = (0..n)
                .map(|_| json!({"birth_date": "2012-01-01", "applying_jointly": true}))
                .collect();
            bundle.to_string()
        },
    );
}

/// Analysing (and, when it compiles, linting) a rule file ten times as long takes at most
/// `SLACK` times ten times as long;
/// `expect_errors` says whether the file is meant to have errors (duplicates) or none.
fn analysis_linear(what: &str, n: usize, expect_errors: bool, text: impl Fn(usize) -> String) {
    let analyse = |n: usize| {
        let file = ereje::source::SourceFile::new("cost.ereje", text(n));
        let started = Instant::now();
        let analysis = ereje::analysis::analyze_sources(vec![file]);
        assert_eq!(
            analysis.diagnostics.has_errors(),
            expect_errors,
            "{what}: errors as intended"
        );
        // the linter runs on what compiles, and must keep to the same cost
        if !expect_errors {
            std::hint::black_box(ereje::lint::lint(
                &analysis,
                &ereje::lint::Settings::default(),
            ));
        }
        started.elapsed()
    };
    // the best of five: a test run beside other tests (or other builds) is stalled now and
    // then, and a stall is not the analysis's cost
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        (a, b) = (Duration::MAX, Duration::MAX);
        for _ in 0..5 {
            a = a.min(analyse(n));
            b = b.min(analyse(10 * n));
        }
        if b < a * 10 * SLACK {
            break;
        }
    }
    assert!(
        b < a * 10 * SLACK,
        "{what}: {n} took {a:?}, {} took {b:?} ({:.0} times)",
        10 * n,
        b.as_secs_f64() / a.as_secs_f64().max(1e-9)
    );
}

/// A process of ten times the steps, each counting from the one before, takes about ten
/// times as long to analyse (finding duplicate names, anchors and circles).
#[test]
fn chained_steps_cost_linear_time_to_analyse() {
    analysis_linear("chained steps", 500, false, |n| {
        let mut text = String::from(
            "service s {\n  actor a \"A\"\n  process {\n    step s0 by a within 1 calendar days after submitted_at\n",
        );
        for i in 1..n {
            text.push_str(&format!(
                "    step s{i} by a within 1 calendar days after s{}\n",
                i - 1
            ));
        }
        text.push_str("  }\n}\n");
        text
    });
}

/// Inputs, lets naming them and an earlier let, and actors by the thousand: every name is
/// found in constant time, so ten times the names cost about ten times as much.
#[test]
fn inputs_lets_and_actors_cost_linear_time_to_analyse() {
    let service = |n: usize, repeat: bool| {
        let mut text = String::from("service s {\n  let l0 = true\n");
        for i in 0..n {
            text.push_str(&format!("  actor a{i} \"A\"\n  input p{i}.q{i}.r: bool\n"));
            // half-way back, so each let stays small once the lets it names are put in
            text.push_str(&format!(
                "  let l{} = l{} and p{i}.q{i}.r\n",
                i + 1,
                i.div_ceil(2)
            ));
            if repeat {
                // each name again: a duplicate of the first, and an input under another
                text.push_str(&format!(
                    "  actor a{i} \"A\"\n  input p{i}.q{i}.r.s: bool\n  let l{} = true\n",
                    i + 1
                ));
            }
        }
        text.push_str("}\n");
        text
    };
    analysis_linear("distinct names", 1_000, false, |n| service(n, false));
    analysis_linear("repeated names", 1_000, true, |n| service(n, true));
}

/// Copies of one service by the thousand: each copy after the first is one error (it overlaps
/// an earlier version), not one per pair, and finding them costs linear time.
#[test]
fn copies_of_one_service_are_one_error_each_in_linear_time() {
    let copies = |n: usize| "service s {\n}\n".repeat(n);
    let file = ereje::source::SourceFile::new("copies.ereje", copies(1_000));
    let analysis = ereje::analysis::analyze_sources(vec![file]);
    let overlapping = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code.code == "E0403")
        .count();
    assert_eq!(overlapping, 999, "one error for each copy after the first");
    analysis_linear("copies of one service", 300, true, copies);
}

/// A view of ten times the steps, each mapped to a step of the process (and half of them to
/// one step, so that one group is large), costs about ten times as much to analyse and lint.
#[test]
fn views_mapped_onto_the_process_cost_linear_time_to_lint() {
    analysis_linear("mapped views", 300, false, |n| {
        let mut text = String::from(
            "act a.b { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice s {\n  act a.b annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  actor a \"A\" § 2\n  process {\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "    step m{i} by a within 1 calendar days after submitted_at § 3 addressed to a\n"
            ));
        }
        text.push_str(
            "    term 400 calendar days after submitted_at § 4\n  }\n  view v \"V\" § 5 {\n",
        );
        for i in 0..n {
            let to = if i % 2 == 0 { 0 } else { i };
            text.push_str(&format!(
                "    step v{i} by a within 2 calendar days after submitted_at addressed to applicant maps to m{to}\n"
            ));
        }
        text.push_str("  }\n}\n");
        text
    });
}
