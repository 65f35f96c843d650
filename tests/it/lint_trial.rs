//! What a fresh-eyes trial of `ereje lint` found, each case kept as the tester wrote it
//! (`tests/fixtures/lint_trial/`): the lints that fire on it, where, and what they say.

use std::path::Path;

use ereje::analysis::analyze_sources;
use ereje::lint::{Settings, lint};
use ereje::vocab::Lang;

/// The findings on one fixture, each as `CODE line:col message`, then its labels (the
/// primary first), each as `  line:col text`.
fn findings(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint_trial")
        .join(file);
    let source = crate::support::load(&path);
    let analysis = analyze_sources(vec![source]);
    assert!(!analysis.diagnostics.has_errors(), "{file} compiles");
    let linted = lint(&analysis, &Settings::default());
    let sources = &analysis.model.sources;
    let at = |span: ereje::source::Span| {
        let (line, col) = sources
            .get(span.file)
            .map_or((0, 0), |f| f.line_col(span.start));
        format!("{line}:{col}")
    };
    let mut out = Vec::new();
    for d in &linted.diagnostics {
        let primary = d.primary.as_ref().map_or(String::new(), |l| at(l.span));
        out.push(format!(
            "{} {primary} {}",
            d.code.code,
            d.message.get(Lang::En)
        ));
        for l in d.labels() {
            let text = l.text.as_ref().map_or("", |t| t.get(Lang::En));
            out.push(format!("  {} {text}", at(l.span)));
        }
    }
    out
}

#[test]
fn working_days_without_a_calendar_are_named_and_count_only_from_below() {
    // 2 calendar + 20 working days against 15: at least 22 days, so surely over the term,
    // and no claim that the steps "add up to 2 days at the most"
    assert_eq!(
        findings("c44_working_exceed_no.ereje"),
        [
            "L023 11:24 service `kz.test.ruqsat` counts working days but names no calendar",
            "  11:24 `20 working days` cannot be counted",
            "  3:9 no `calendar` here",
            "L035 12:5 the step deadlines of the process, one after another, exceed the term: 22 days against 15 calendar days",
            "  12:5 15 calendar days after the submission",
            "  11:10 due no sooner than 22 days after the submission",
        ]
    );
    // with a calendar, the same steps are bounded: 22 to 30 days
    assert_eq!(
        findings("c44_working_exceed_yes.ereje"),
        [
            "L035 18:5 the step deadlines of the process, one after another, exceed the term: 22 days to 30 days against 15 calendar days",
            "  18:5 15 calendar days after the submission",
            "  17:10 due 22 days to 30 days after the submission at the latest",
        ]
    );
    // 1 working day without a calendar may be 7 or 30 calendar days: no conflict is claimed
    for file in [
        "c12o_1working_vs_7cal_nocal.ereje",
        "c12q_1working_vs_30cal_nocal.ereje",
    ] {
        assert_eq!(
            findings(file),
            [
                "L023 12:33 service `kz.test.ruqsat` counts working days but names no calendar",
                "  12:33 `1 working day` cannot be counted",
                "  2:9 no `calendar` here",
            ],
            "{file}"
        );
    }
}

/// The findings an `allow` suppressed on one fixture, as `CODE line:col`.
fn suppressed(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint_trial")
        .join(file);
    let analysis = analyze_sources(vec![crate::support::load(&path)]);
    let linted = lint(&analysis, &Settings::default());
    let sources = &analysis.model.sources;
    linted
        .suppressed
        .iter()
        .map(|s| {
            let (line, col) = s
                .diagnostic
                .primary
                .as_ref()
                .and_then(|l| sources.get(l.span.file).map(|f| f.line_col(l.span.start)))
                .unwrap_or_default();
            format!("{} {line}:{col}", s.diagnostic.code.code)
        })
        .collect()
}

#[test]
fn a_conflict_of_a_step_s_time_is_reported_once_and_one_allow_on_any_of_its_steps_suppresses_it() {
    // two parallel view steps of 3 days for a 7-day step: one finding, not one per view step
    assert_eq!(
        findings("e23_parallel_view_steps.ereje"),
        [
            "L032 12:10 step `а1` of view `кесте`, together with `а2`, takes 3 days, where step `а` of the process takes 7 days",
            "  12:10 maps to `а`",
            "  8:10 7 calendar days here",
            "  13:10 maps to `а`",
        ]
    );
    // the allow is on the second of the two steps mapped to `б`: it suppresses the finding,
    // and is used
    let found = findings("c15b_view_exceeds.ereje");
    assert!(
        found
            .iter()
            .all(|f| !f.starts_with("L032") && !f.starts_with("L002")),
        "{found:#?}"
    );
    assert!(
        suppressed("c15b_view_exceeds.ereje").contains(&String::from("L032 14:10")),
        "{:?}",
        suppressed("c15b_view_exceeds.ereje")
    );
}

#[test]
fn a_process_without_a_term_is_shown_at_its_process_block() {
    assert_eq!(
        findings("c17_no_term.ereje"),
        [
            "L037 7:3 service `kz.test.ruqsat` has steps but no term",
            "  7:3 no `term` in its process",
        ]
    );
}

#[test]
fn a_word_after_allow_that_is_no_name_asks_for_a_lint_that_exists() {
    let analysis = analyze_sources(vec![ereje::source::SourceFile::new(
        "allow.ereje",
        "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  document passport { required always § 9(2) allow \"x\" }\n}\n",
    )]);
    let e0101: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code.code == "E0101")
        .collect();
    assert_eq!(e0101.len(), 1, "{e0101:?}");
    let words = crate::support::render_diagnostics(&analysis.diagnostics);
    assert!(words.contains("`unstated-day-kind`"), "{words}");
    assert!(!words.contains("step-deadline-exceeds-term"), "{words}");
}

#[test]
fn a_lint_name_with_a_cyrillic_look_alike_is_an_unknown_lint_with_its_latin_spelling() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint_trial/e07_homoglyph_allow.ereje");
    let analysis = analyze_sources(vec![crate::support::load(&path)]);
    assert!(!analysis.diagnostics.has_errors(), "it parses");
    let linted = lint(&analysis, &Settings::default());
    let l001: Vec<_> = linted
        .diagnostics
        .iter()
        .filter(|d| d.code.code == "L001")
        .collect();
    let [d] = l001.as_slice() else {
        panic!("{l001:?}")
    };
    assert_eq!(
        d.message.get(Lang::En),
        "no lint is named `unstated-d\u{430}y-kind`: it contains the Cyrillic letter «\u{430}» (U+0430)"
    );
    assert_eq!(
        d.message.get(Lang::Ru),
        "нет проверки с именем `unstated-d\u{430}y-kind`: в нём кириллическая буква «\u{430}» (U+0430)"
    );
    let help = d.help.as_ref().map(|h| h.get(Lang::En).to_string());
    assert!(
        help.as_deref()
            .is_some_and(|h| h.starts_with("did you mean `unstated-day-kind`?")),
        "{help:?}"
    );
    let fix = d.fix.as_ref().expect("a safe fix");
    assert_eq!(
        fix.edits
            .iter()
            .map(|e| e.replacement.as_str())
            .collect::<Vec<_>>(),
        ["unstated-day-kind"]
    );
    // a word in another script altogether is an unknown lint too, not a syntax error
    assert_eq!(
        findings("e05b_nonlatin_allow.ereje"),
        [
            "L001 9:11 no lint is named `кезкелген`: lint names are written in Latin letters",
            "  9:11 not a lint's name or code",
        ]
    );
}

/// The lines of a fixture once `ereje lint --fix` has run on a copy of it.
fn fixed(file: &str) -> String {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint_trial")
        .join(file);
    let dir = std::env::temp_dir().join(format!("ereje-trial-{}-{file}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    let to = dir.join(file);
    std::fs::copy(&from, &to).expect("copied");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["lint", "--fix"])
        .arg(&to)
        .output()
        .expect("ereje runs");
    assert!(status.status.success(), "{status:?}");
    std::fs::read_to_string(&to).expect("read back")
}

#[test]
fn a_citation_repeated_is_named_as_written_and_found_in_either_form() {
    let l043 = |file: &str| -> Vec<String> {
        findings(file)
            .into_iter()
            .filter(|f| f.starts_with("L043"))
            .collect()
    };
    // the standard's paragraph is named as the standard's, not as the act's own
    assert_eq!(
        l043("c23_dup_citation.ereje"),
        ["L043 13:5 § standard 10(2) is cited twice"]
    );
    assert!(l043("c23n_same_number_other_act.ereje").is_empty());
    // the own act's paragraph, once in short and once in full, is one paragraph twice
    assert_eq!(
        l043("c45_dup_and_noncanon.ereje"),
        [
            "L043 7:43 § 9(2) is cited twice",
            "L043 8:71 § kz.test.buiryq_7 annex 1 9(3) is cited twice",
        ]
    );
}

#[test]
fn a_repeated_citation_alone_on_its_line_is_removed_with_the_line() {
    let text = fixed("c23_dup_citation.ereje");
    let lines: Vec<&str> = text.lines().skip(9).take(4).collect();
    assert_eq!(
        lines,
        [
            "    when өтініш_беруші.сотталған",
            "    § standard 10(2)",
            "    § 11(1)",
            "  }"
        ]
    );
}

#[test]
fn a_document_that_no_copy_can_meet_is_shown_at_the_rules_that_conflict() {
    // `signed` is not in the contradiction: the two languages are
    assert_eq!(
        findings("c40_never_met.ereje"),
        [
            "L073 9:16 no copy of document `аударма` can meet its validity rules",
            "  9:16 these rules cannot all hold of one copy",
            "  10:16 with this one",
        ]
    );
    // the first rule is, with the fourth; the two between are not needed for it
    assert_eq!(
        findings("c40b_never_met_order.ereje"),
        [
            "L073 8:16 no copy of document `аударма` can meet its validity rules",
            "  8:16 these rules cannot all hold of one copy",
            "  11:16 with this one",
        ]
    );
}

#[test]
fn an_allow_of_an_overlap_on_either_ground_suppresses_it() {
    for file in [
        "e02_allow_default_allowed_lint.ereje",
        "e02b_allow_overlap_on_first.ereje",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/lint_trial")
            .join(file);
        let analysis = analyze_sources(vec![crate::support::load(&path)]);
        let settings = Settings {
            levels: [("L075", ereje::lint::Level::Warn)].into_iter().collect(),
            ..Settings::default()
        };
        let linted = lint(&analysis, &settings);
        let codes: Vec<&str> = linted.diagnostics.iter().map(|d| d.code.code).collect();
        assert!(codes.is_empty(), "{file}: {codes:?}");
        let suppressed: Vec<&str> = linted
            .suppressed
            .iter()
            .map(|s| s.diagnostic.code.code)
            .collect();
        assert_eq!(suppressed, ["L075"], "{file}");
    }
}

#[test]
fn a_step_s_result_in_a_service_that_records_no_results_is_not_said_to_be_outside_it() {
    assert_eq!(
        findings("e17_no_results_declared.ereje"),
        [
            "L039 8:67 step `а` gives `виза`, but service `kz.test.ruqsat` records no `results` to hold it to",
            "  8:67 the service declares no `results`",
        ]
    );
}
