//! Rule-file diagnostics as data: JSON lines on stderr (stdout keeps only reports), places in
//! characters and bytes, and the diagnostics legal authors meet most worded in Russian and
//! Kazakh.

use std::path::Path;
use std::process::Command;

use ereje::analysis::analyze_sources;
use ereje::source::SourceFile;
use ereje::vocab::Lang;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn ereje(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs")
}

/// `--format json` writes one JSON object per diagnostic and line on stderr, with its place in
/// lines, characters and bytes, in every command that loads rules.
#[test]
fn diagnostics_are_json_lines_on_stderr() {
    let rules = "tests/fixtures/recovery/five_mistakes_in_one_service.ereje";
    let text = std::fs::read_to_string(Path::new(ROOT).join(rules)).expect("fixture");
    for args in [
        vec![
            "check",
            "--rules",
            rules,
            "examples/bundles/pr-ok.json",
            "--format",
            "json",
        ],
        vec!["test", "--rules", rules, "--format", "json"],
        vec![
            "deadlines",
            "examples/bundles/pr-ok.json",
            "--rules",
            rules,
            "--format",
            "json",
        ],
        vec![
            "calendar", "kz", "--year", "2019", "--rules", rules, "--format", "json",
        ],
    ] {
        let out = ereje(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: stdout carries only reports"
        );
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        let lines: Vec<serde_json::Value> = stderr
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        assert_eq!(lines.len(), 5, "{args:?}: {stderr}");
        for d in &lines {
            for key in [
                "code", "name", "severity", "message", "file", "line", "column", "offset",
                "length", "help",
            ] {
                assert!(d.get(key).is_some(), "{args:?}: `{key}` missing in {d}");
            }
            let offset = usize::try_from(d["offset"].as_u64().expect("offset")).expect("fits");
            let (line, column) = ereje::source::line_col(&text, offset);
            assert_eq!(d["line"], line, "{d}");
            assert_eq!(d["column"], column, "{d}");
            assert_eq!(d["file"], rules);
        }
        let codes: Vec<&str> = lines
            .iter()
            .map(|d| d["code"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(
            codes,
            ["E0102", "E0101", "E0101", "E0101", "E0101"],
            "{args:?}"
        );
    }
}

/// The column counts characters, not bytes: a mistake after Kazakh text.
#[test]
fn the_column_counts_characters() {
    let text = "service kz.test.s {\n  title kk \"Қызмет\" titel en \"x\"\n}\n";
    let analysis = analyze_sources(vec![SourceFile::new("k.ereje", text)]);
    let d = analysis.diagnostics.iter().next().expect("an error");
    let json = ereje::report::json::diagnostic(d, &analysis.diagnostics.sources, Lang::En);
    let value = serde_json::to_value(&json).expect("serializable");
    assert_eq!(value["line"], 2);
    assert_eq!(value["column"], 21, "{value}");
    assert_eq!(value["offset"], text.find("titel").expect("the mistake"));
}

/// Syntax errors, undefined names with did-you-mean, the finding codes and verdicts examples
/// expect, type and unit mismatches: message, label and help in Russian and Kazakh, not the
/// English words.
#[test]
fn the_diagnostics_authors_meet_most_are_worded_in_kk_and_ru() {
    let fixtures = [
        "tests/fixtures/recovery/five_mistakes_in_one_service.ereje",
        "tests/fixtures/recovery/broken_input_and_its_uses.ereje",
        "tests/fixtures/semantic/err/undefined_actor.ereje",
        "tests/fixtures/semantic/err/misspelled_input.ereje",
        "tests/fixtures/semantic/err/misspelled_enum_value.ereje",
        "tests/fixtures/semantic/err/date_compared_with_number.ereje",
        "tests/fixtures/semantic/err/date_plus_minutes.ereje",
        "tests/fixtures/semantic/err/calendar_and_working_days.ereje",
        "tests/fixtures/semantic/err/example_misspelled_finding_code.ereje",
        "tests/fixtures/semantic/err/example_finding_code_as_number.ereje",
        "tests/fixtures/semantic/err/example_misspelled_verdict.ereje",
    ];
    let translated = [
        "E0101", "E0201", "E0206", "E0207", "E0301", "E0304", "E0306",
    ];
    let mut seen = std::collections::BTreeSet::new();
    let mut snapshot = String::new();
    for fixture in fixtures {
        let text = std::fs::read_to_string(Path::new(ROOT).join(fixture)).expect("fixture");
        let analysis = analyze_sources(vec![SourceFile::new(fixture, text)]);
        for d in analysis
            .diagnostics
            .iter()
            .filter(|d| translated.contains(&d.code.code))
        {
            seen.insert(d.code.code);
            let label = |lang| {
                d.primary
                    .as_ref()
                    .and_then(|l| l.text.as_ref())
                    .map(|t| t.get(lang).to_string())
            };
            for lang in [Lang::Ru, Lang::Kk] {
                assert_ne!(
                    d.message.get(lang),
                    d.message.get(Lang::En),
                    "{fixture} {}",
                    d.code
                );
                assert_ne!(label(lang), label(Lang::En), "{fixture} {}", d.code);
                let help = d.help.as_ref().expect("a help");
                assert_ne!(help.get(lang), help.get(Lang::En), "{fixture} {}", d.code);
                snapshot.push_str(&format!(
                    "{} {} {}\n  {}\n  {}\n",
                    d.code,
                    lang.tag(),
                    d.message.get(lang),
                    label(lang).unwrap_or_default(),
                    help.get(lang)
                ));
            }
        }
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), translated);
    insta::assert_snapshot!("diagnostics_in_kk_and_ru", snapshot);
}

/// Warnings travel beside the rule set: a rule set with a warning still loads, and the
/// warning is returned with it; an error stops it, with every diagnostic returned.
#[test]
fn warnings_ride_beside_the_rule_set() {
    use ereje::codes::{self, Severity};
    let files = ereje::rule_set::read_rule_files(&Path::new(ROOT).join("rules")).expect("rules");
    let mut analysis = analyze_sources(files.clone());
    assert!(analysis.diagnostics.is_empty());
    let mut warning = ereje::Diagnostic::nowhere(&codes::UNDEFINED_NAME, "a remark");
    warning.severity = Severity::Warning;
    analysis.diagnostics.push(warning);
    let (rules, warnings) = ereje::RuleSet::from_analysis(analysis).expect("a warning is no error");
    assert_eq!((warnings.errors(), warnings.warnings()), (0, 1));
    assert!(!rules.model().services.is_empty());
    let mut analysis = analyze_sources(files);
    analysis.diagnostics.push(ereje::Diagnostic::nowhere(
        &codes::UNDEFINED_NAME,
        "a mistake",
    ));
    let errors = ereje::RuleSet::from_analysis(analysis).expect_err("an error stops it");
    assert_eq!(errors.errors(), 1);
}
