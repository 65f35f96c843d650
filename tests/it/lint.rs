//! The linter: the registry and its documentation, each lint on its own examples, the
//! shipped law's defects found, and `ereje lint` as CI runs it.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use ereje::analysis::{Analysis, analyze_sources};
use ereje::codes::{CODES, Family};
use ereje::lint::{LINTS, Level, Linted, Settings, docs, lint};
use ereje::source::SourceFile;

fn analyse(name: &str, text: &str) -> Analysis {
    analyze_sources(vec![SourceFile::new(name, text)])
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("ereje runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-lint-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

fn codes_of(linted: &Linted) -> Vec<&'static str> {
    linted.diagnostics.iter().map(|d| d.code.code).collect()
}

#[test]
fn the_registry_is_sorted_documented_and_matches_the_table_of_codes() {
    let codes: Vec<&str> = LINTS.iter().map(|l| l.code.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "sorted by code, each once");
    let table: Vec<&str> = CODES
        .iter()
        .filter(|c| c.family() == Family::Lint)
        .map(|c| c.code)
        .collect();
    assert_eq!(
        codes, table,
        "every L code of the table is a lint, and only those"
    );
    assert!(LINTS.len() >= 32, "{} lints", LINTS.len());
    for l in LINTS {
        assert!(
            l.code
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: kebab-case",
            l.code.name
        );
        for prefix in ["no-", "avoid-", "use-"] {
            assert!(!l.code.name.starts_with(prefix), "{}", l.code.name);
        }
        for section in ["## Why it matters", "## Fires", "## Passes"] {
            assert!(l.docs.contains(section), "{} lacks {section}", l.code.name);
        }
        // the table's severity is the one the default level reports at
        if let Some(severity) = l.level.severity() {
            assert_eq!(severity, l.code.severity, "{}", l.code.name);
        }
    }
}

#[test]
fn every_lint_fires_on_its_firing_example_and_not_on_its_passing_one() {
    for l in LINTS {
        let settings = Settings {
            levels: [(l.code.code, Level::Warn.max(l.level))]
                .into_iter()
                .collect(),
            ..Settings::default()
        };
        for (section, fires) in [("Fires", true), ("Passes", false)] {
            let text = l
                .example(section)
                .unwrap_or_else(|| panic!("{}: no {section} example", l.code.name));
            let name = format!("{}-{}.ereje", l.code.name, section.to_lowercase());
            let analysis = analyse(&name, text);
            assert!(
                !analysis.diagnostics.has_errors(),
                "{name} does not compile:\n{}",
                crate::support::render_diagnostics(&analysis.diagnostics)
            );
            let linted = lint(&analysis, &settings);
            let found = codes_of(&linted).contains(&l.code.code);
            assert_eq!(found, fires, "{name}: {:?}", codes_of(&linted));
        }
    }
}

#[test]
fn each_lint_is_shown_at_the_place_it_finds() {
    for l in LINTS {
        let Some(text) = l.example("Fires") else {
            continue;
        };
        let analysis = analyse(&format!("{}.ereje", l.code.name), text);
        // a lint allowed by default is shown as a warning, as `-W` would
        let level = if l.level == Level::Allow {
            Level::Warn
        } else {
            l.level
        };
        let settings = Settings {
            levels: [(l.code.code, level)].into_iter().collect(),
            ..Settings::default()
        };
        let linted = lint(&analysis, &settings);
        // legal staff read findings in Kazakh and Russian: every part of one is translated
        for d in linted.diagnostics.iter().filter(|d| d.code == l.code) {
            let parts = std::iter::once(&d.message)
                .chain(d.labels().filter_map(|l| l.text.as_ref()))
                .chain(d.help.as_ref())
                .chain(&d.notes)
                .chain(d.fix.as_ref().map(|f| &f.title));
            for part in parts {
                for lang in [ereje::vocab::Lang::Ru, ereje::vocab::Lang::Kk] {
                    assert!(
                        part.is_translated(lang),
                        "{}: `{part}` has no {lang:?} words",
                        l.code.name
                    );
                }
            }
        }
        let mine = ereje::Diagnostics {
            sources: analysis.diagnostics.sources.clone(),
            list: linted
                .diagnostics
                .into_iter()
                .filter(|d| d.code == l.code)
                .collect(),
        };
        insta::assert_snapshot!(
            format!("lint_{}", l.code.name.replace('-', "_")),
            crate::support::render_diagnostics(&mine)
        );
    }
}

#[test]
fn the_lint_pages_in_docs_are_those_the_registry_makes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/lints");
    let mut expected = vec![("README.md".to_string(), docs::index())];
    expected.extend(
        LINTS
            .iter()
            .map(|l| (format!("{}.md", l.code.name), docs::page(l))),
    );
    if std::env::var_os("EREJE_WRITE_LINT_DOCS").is_some() {
        std::fs::create_dir_all(&dir).expect("docs/lints");
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).expect("written");
        }
    }
    for (name, text) in &expected {
        let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            &on_disk == text,
            "docs/lints/{name} is stale: run `EREJE_WRITE_LINT_DOCS=1 cargo test the_lint_pages` and commit the result"
        );
    }
    let files = std::fs::read_dir(&dir).expect("docs/lints").count();
    assert_eq!(
        files,
        expected.len(),
        "docs/lints holds a page per lint and its index only"
    );
}

/// The structural defects of order 495 (numbered as the project's record of them) that the
/// lints find on the shipped rules, read from the reasons of the `allow`s that suppress each
/// finding: every one of D-01–D-08, D-10–D-17, D-20–D-23, D-28 and D-29.
#[test]
fn the_shipped_law_s_structural_defects_are_found_and_each_is_suppressed_with_a_reason() {
    let files =
        ereje::rule_set::read_rule_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
            .expect("rules");
    let analysis = analyze_sources(files);
    assert!(!analysis.diagnostics.has_errors());
    let linted = lint(&analysis, &Settings::default());
    let warnings: Vec<_> = linted
        .diagnostics
        .iter()
        .filter(|d| d.severity != ereje::codes::Severity::Info)
        .map(|d| d.message.get(ereje::vocab::Lang::En).to_string())
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    let mut found = BTreeSet::new();
    for s in &linted.suppressed {
        assert!(!s.reasons.is_empty(), "every suppression has a reason");
        let mut any = false;
        for reason in &s.reasons {
            let mut rest = reason.as_str();
            while let Some(i) = rest.find("D-") {
                let digits: String = rest[i + 2..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if !digits.is_empty() {
                    found.insert(format!("D-{digits:0>2}"));
                    any = true;
                }
                rest = &rest[i + 2..];
            }
        }
        let what = s.diagnostic.message.get(ereje::vocab::Lang::En);
        // a suppression names the defect of the law it records, or says why the rules read
        // the law as they do (a catalogue input, an actor the act names for another role)
        assert!(
            any || ["L041", "L060", "L062", "L033"].contains(&s.diagnostic.code.code),
            "{what}: {:?}",
            s.reasons
        );
    }
    let expected: BTreeSet<String> = [
        "D-01", "D-02", "D-03", "D-04", "D-05", "D-06", "D-07", "D-08", "D-10", "D-11", "D-12",
        "D-13", "D-14", "D-15", "D-16", "D-17", "D-20", "D-21", "D-22", "D-23", "D-28", "D-29",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn ci_lints_the_shipped_rules_clean_and_fails_on_a_warning_when_warnings_are_denied() {
    let (status, out, err) = run(&["lint", "--deny", "warnings", "rules/"]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let file = scratch("ci").join("permit.ereje");
    let text = LINTS
        .iter()
        .find(|l| l.code.name == "unstated-day-kind")
        .and_then(|l| l.example("Fires"))
        .expect("example");
    std::fs::write(&file, text).expect("written");
    let path = file.to_str().expect("utf-8 path");
    let (status, out, _) = run(&["lint", path]);
    assert_eq!(status, 0, "a warning alone does not fail: {out}");
    assert!(out.contains("L020"), "{out}");
    let (status, _, _) = run(&["lint", "-D", "warnings", path]);
    assert_eq!(status, 1);
    let (status, _, _) = run(&["lint", "--deny", "unstated-day-kind", path]);
    assert_eq!(status, 1);
    let (status, out, _) = run(&["lint", "-A", "L020", "-D", "warnings", path]);
    assert_eq!(status, 0, "{out}");
    let (status, _, err) = run(&["lint", "-D", "unstated-day-kinds", path]);
    assert_eq!(status, 2);
    assert!(err.contains("did you mean `unstated-day-kind`?"), "{err}");
    // a rule file that does not compile: its errors, no lints, status 2
    std::fs::write(&file, "service {").expect("written");
    let (status, out, _) = run(&["lint", path]);
    assert_eq!(status, 2, "{out}");
}

#[test]
fn lint_json_is_one_record_per_finding() {
    let file = scratch("json").join("permit.ereje");
    let text = LINTS
        .iter()
        .find(|l| l.code.name == "conflicting-step-durations")
        .and_then(|l| l.example("Fires"))
        .expect("example");
    std::fs::write(&file, text).expect("written");
    let (status, out, _) = run(&["lint", "--format", "json", file.to_str().expect("path")]);
    assert_eq!(status, 0);
    let normalised = out.replace(&file.display().to_string(), "permit.ereje");
    insta::assert_snapshot!("lint_json", normalised);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
        for key in [
            "code", "name", "severity", "message", "file", "line", "column",
        ] {
            assert!(v.get(key).is_some(), "{key} in {line}");
        }
    }
}

#[test]
fn lint_words_a_finding_s_help_and_notes_in_the_language_asked_for() {
    let dir = scratch("lang");
    for (lint, lang) in [
        ("duplicate-paragraph", "kk"),
        ("citation-of-unknown-paragraph", "ru"),
    ] {
        let file = dir.join(format!("{lint}.ereje"));
        let text = LINTS
            .iter()
            .find(|l| l.code.name == lint)
            .and_then(|l| l.example("Fires"))
            .expect("example");
        std::fs::write(&file, text).expect("written");
        let (status, out, _) = run(&[
            "lint",
            "--lang",
            lang,
            "-A",
            "uncovered-by-examples",
            file.to_str().expect("path"),
        ]);
        assert_eq!(status, 0, "{out}");
        let normalised = out.replace(&file.display().to_string(), &format!("{lint}.ereje"));
        insta::assert_snapshot!(
            format!("lint_{}_{lang}", lint.replace('-', "_")),
            normalised
        );
    }
}

/// A finding of a `--format json` report: its code, and its words by where they stand in it
/// (`message`, `label`, `labels[0]`, `help`, `notes[1]`).
type Worded = (String, Vec<(String, String)>);

fn worded(report: &str) -> Vec<Worded> {
    report
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
            let mut words = Vec::new();
            for key in ["message", "label", "help"] {
                if let Some(text) = v[key].as_str() {
                    words.push((key.to_string(), text.to_string()));
                }
            }
            for (key, field) in [("labels", Some("label")), ("notes", None)] {
                for (i, item) in v[key].as_array().into_iter().flatten().enumerate() {
                    if let Some(text) = field.map_or(item, |f| &item[f]).as_str() {
                        words.push((format!("{key}[{i}]"), text.to_string()));
                    }
                }
            }
            (v["code"].as_str().unwrap_or_default().to_string(), words)
        })
        .collect()
}

/// Whether words are only names in backticks, numbers and signs, the same in any language.
fn only_names(text: &str) -> bool {
    text.split('`')
        .step_by(2)
        .all(|outside| !outside.chars().any(char::is_alphabetic))
}

#[test]
fn no_finding_of_a_lint_fixture_or_example_keeps_english_words_in_russian_or_kazakh() {
    let dir = scratch("every-lang");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<String> = std::fs::read_dir(fixtures)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("lint_"))
        })
        .map(|p| p.display().to_string())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no lint_* fixtures");
    // the shipped law, and each lint's firing example (its bundles where the docs keep them)
    cases.push(String::from("rules"));
    let bundles = format!("bundle \"{}/examples/", env!("CARGO_MANIFEST_DIR"));
    for l in LINTS {
        let file = dir.join(format!("{}.ereje", l.code.name));
        let text = l.example("Fires").expect("a firing example");
        std::fs::write(&file, text.replace("bundle \"examples/", &bundles)).expect("written");
        cases.push(file.display().to_string());
    }
    // every lint on, the suppressed findings too: each finding any lint makes here
    let mut on: Vec<&str> = vec!["--no-suppress"];
    for l in LINTS {
        on.extend(["-W", l.code.name]);
    }
    let (mut fired, mut compared, mut english_left) = (BTreeSet::new(), 0, Vec::new());
    for case in &cases {
        let report = |lang: &str| {
            let mut args = vec!["lint", "--format", "json", "--lang", lang];
            args.extend(&on);
            args.push(case);
            let (_, out, err) = run(&args);
            assert!(err.is_empty() || !out.is_empty(), "{case}: {err}");
            worded(&out)
        };
        let english = report("en");
        fired.extend(english.iter().map(|(code, _)| code.clone()));
        for lang in ["ru", "kk"] {
            let other = report(lang);
            let parts = |r: &[Worded]| -> Vec<(String, Vec<String>)> {
                r.iter()
                    .map(|(c, w)| (c.clone(), w.iter().map(|(k, _)| k.clone()).collect()))
                    .collect()
            };
            assert_eq!(
                parts(&english),
                parts(&other),
                "{case}: the same parts in `{lang}`"
            );
            for ((code, en), (_, theirs)) in english.iter().zip(&other) {
                for ((key, en), (_, theirs)) in en.iter().zip(theirs) {
                    compared += 1;
                    if en == theirs && !only_names(en) {
                        english_left
                            .push(format!("{case}: {code} {key} under `--lang {lang}`: {en}"));
                    }
                }
            }
        }
    }
    assert!(
        english_left.is_empty(),
        "still in English:\n{}",
        english_left.join("\n")
    );
    let silent: Vec<&str> = LINTS
        .iter()
        .map(|l| l.code.code)
        .filter(|code| !fired.contains(*code))
        .collect();
    assert!(
        silent.is_empty(),
        "lints that made no finding to compare: {silent:?}"
    );
    assert!(compared > 200, "only {compared} texts compared");
}

#[test]
fn list_and_explain_show_every_lint() {
    let (status, out, _) = run(&["lint", "--list"]);
    assert_eq!(status, 0);
    for l in LINTS {
        assert!(
            out.contains(l.code.code) && out.contains(l.code.name),
            "{}",
            l.code.name
        );
    }
    let (status, out, _) = run(&["explain", "unstated-day-kind"]);
    assert_eq!(status, 0);
    assert!(out.starts_with("# L020 `unstated-day-kind`"), "{out}");
    assert!(out.contains("## Fires"));
    let (status, by_code, _) = run(&["explain", "l020"]);
    assert_eq!(status, 0);
    assert_eq!(by_code, out);
}

#[test]
fn an_allow_of_a_lint_that_does_not_exist_is_an_error_with_the_closest_name() {
    let text = "act kz.example.order_1 {\n  kind order\n  issued 2015-01-01 number \"1\"\n  published unknown\n  in_force published + 10 calendar days\n  allow unknown-entry-into-forse because \"not known\"\n}\n";
    let analysis = analyse("typo.ereje", text);
    let linted = lint(&analysis, &Settings::default());
    let codes = codes_of(&linted);
    assert!(codes.contains(&"L001"), "{codes:?}");
    // the misspelt allow suppresses nothing, so the finding it meant stays
    assert!(codes.contains(&"L010"), "{codes:?}");
    let unknown = linted
        .diagnostics
        .iter()
        .find(|d| d.code.code == "L001")
        .expect("L001");
    assert_eq!(unknown.severity, ereje::codes::Severity::Error);
    let help = unknown
        .help
        .as_ref()
        .expect("help")
        .get(ereje::vocab::Lang::En);
    assert!(help.contains("`unknown-entry-into-force`"), "{help}");
}

#[test]
fn coverage_by_examples_names_what_no_example_reaches_and_leaves_unreadable_bundles_to_test() {
    let settings = Settings::default();
    let l064 = |text: &str| -> Vec<String> {
        let analysis = analyse("coverage.ereje", text);
        assert!(!analysis.diagnostics.has_errors());
        lint(&analysis, &settings)
            .diagnostics
            .iter()
            .filter(|d| d.code.code == "L064")
            .map(|d| d.message.get(ereje::vocab::Lang::En).to_string())
            .collect()
    };
    let service = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  document passport { required always § 9(2) }\n  document photo { required always § 9(3) }\n  refusal forged { when has document passport and not has document photo § 10 }\n";
    // a service with no example is `service-without-examples` (allowed by default), not this
    assert!(l064(&format!("{service}}}\n")).is_empty());
    let example = |bundle: &str| {
        format!(
            "{service}  example \"photo only\" {{\n    bundle \"{bundle}\" expect incomplete\n  }}\n}}\n"
        )
    };
    assert_eq!(
        l064(&example("examples/bundles/lint-permit-photo-only.json")),
        [
            "no example of service `kz.example.permit` exercises document `photo`",
            "no example of service `kz.example.permit` exercises refusal ground `forged`",
        ]
    );
    assert!(l064(&example("examples/bundles/no-such-bundle.json")).is_empty());
}

#[test]
fn examples_are_run_from_their_rule_file_s_folder_whatever_the_current_folder() {
    // the photo is uncovered only if the example's bundle is found and run: a bundle looked for
    // in the wrong folder would leave the lint silent (a service whose bundle cannot be read is
    // left to `ereje test`)
    let dir = scratch("cwd");
    let law = dir.join("law");
    std::fs::create_dir_all(law.join("bundles")).expect("folders");
    std::fs::create_dir_all(dir.join("elsewhere")).expect("folders");
    let text = LINTS
        .iter()
        .find(|l| l.code.name == "uncovered-by-examples")
        .and_then(|l| l.example("Fires"))
        .expect("example")
        .replace(
            "examples/bundles/lint-permit-photo-only.json",
            "bundles/photo-only.json",
        );
    std::fs::write(law.join("permit.ereje"), text).expect("written");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bundles/lint-permit-photo-only.json"),
        law.join("bundles/photo-only.json"),
    )
    .expect("copied");
    let absolute = law.display().to_string();
    for (cwd, path) in [
        (dir.clone(), "law"),
        (dir.join("elsewhere"), "../law"),
        (law.clone(), "."),
        (std::path::PathBuf::from("/"), absolute.as_str()),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["lint", "--format", "json", path])
            .current_dir(&cwd)
            .output()
            .expect("ereje runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let uncovered: Vec<&str> = stdout.lines().filter(|l| l.contains("\"L064\"")).collect();
        assert_eq!(uncovered.len(), 1, "from {}: {stdout}", cwd.display());
        assert!(uncovered[0].contains("photo"), "{}", uncovered[0]);
    }
}
