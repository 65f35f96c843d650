//! Syntax errors as a lawyer editing a rule file meets them: one mistake per fixture under
//! `fixtures/syntax/err`, snapshotted as rendered; `fixtures/syntax/ok` parses cleanly; and no
//! rule file, cut short at any line, makes the parser panic.

use std::path::Path;

use ereje::source::SourceFile;
use ereje::syntax::parse_file;
use ereje::vocab::Lang;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

use crate::support::{ereje_files, load};

/// Words of the grammar that must never reach a user: pest rule names.
fn rule_names() -> Vec<String> {
    let grammar = std::fs::read_to_string(Path::new(ROOT).join("grammar/ereje.pest")).unwrap();
    let mut names: Vec<String> = grammar
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(name, _)| name.trim().to_owned())
        .filter(|name| {
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && name.contains('_')
        })
        .collect();
    names.extend(["EOI", "SOI", "Rule::"].map(String::from));
    names
}

/// The words of a diagnostic a person reads (message, help, labels), without the quoted source.
fn words(diagnostic: &ereje::Diagnostic) -> String {
    let mut out = diagnostic.message.get(Lang::En).to_string();
    if let Some(help) = &diagnostic.help {
        out.push('\n');
        out.push_str(help.get(Lang::En));
    }
    for label in diagnostic.labels() {
        out.push('\n');
        out.push_str(label.text.as_ref().map_or("", |t| t.get(Lang::En)));
    }
    out
}

#[test]
fn err_fixtures_fail_in_plain_words() {
    let files = ereje_files(&Path::new(ROOT).join("tests/fixtures/syntax/err"));
    assert!(files.len() >= 25, "only {} error fixtures", files.len());
    let forbidden = rule_names();
    for path in files {
        let source = load(&path);
        let Err(errors) = parse_file(&source, 0) else {
            panic!("{} parsed without errors", source.name);
        };
        assert!(!errors.is_empty(), "{}", source.name);
        let mut rendered = String::new();
        for error in &errors {
            let words = words(&error.into());
            for name in &forbidden {
                let named = words
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                    .any(|w| w == name);
                assert!(
                    !named,
                    "{}: the grammar's name `{name}` reaches the user:\n{words}",
                    source.name
                );
            }
            rendered.push_str(&crate::support::render_error(error, &source));
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, rendered);
    }
}

/// Every syntax error of the fixtures reads in Russian and Kazakh without English words.
#[test]
fn err_fixtures_fail_in_russian_and_kazakh_too() {
    let mut english = Vec::new();
    for path in ereje_files(&Path::new(ROOT).join("tests/fixtures/syntax/err")) {
        let source = load(&path);
        for error in parse_file(&source, 0).err().into_iter().flatten() {
            english.extend(
                crate::support::english_left(&(&error).into())
                    .into_iter()
                    .map(|e| format!("{}: {e}", source.name)),
            );
        }
    }
    assert!(
        english.is_empty(),
        "still in English:\n{}",
        english.join("\n")
    );
}

#[test]
fn ok_fixtures_parse_cleanly() {
    let files = ereje_files(&Path::new(ROOT).join("tests/fixtures/syntax/ok"));
    assert!(files.len() >= 5, "only {} valid fixtures", files.len());
    let mut failures = String::new();
    for path in files {
        let source = load(&path);
        if let Err(errors) = parse_file(&source, 0) {
            failures.push_str(&crate::support::render_errors(&errors, &source));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn truncated_rule_files_never_panic() {
    let mut files = ereje_files(&Path::new(ROOT).join("rules"));
    assert!(!files.is_empty());
    files.extend(ereje_files(&Path::new(ROOT).join("tests/fixtures/syntax")));
    for path in files {
        let source = load(&path);
        let text = source.text.clone();
        let cuts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        for cut in cuts {
            let truncated = SourceFile::new(source.name.clone(), &text[..cut]);
            if let Err(errors) = parse_file(&truncated, 0) {
                assert!(
                    !errors.is_empty(),
                    "{} cut at byte {cut}: an empty error list",
                    source.name
                );
                // Rendering must not panic either (spans inside the truncated text).
                crate::support::render_errors(&errors, &truncated);
            }
        }
    }
}

/// Analysis goes on over what recovery could read: every shipped rule file cut at every line,
/// beside the other shipped files, is analysed and rendered without a panic, and every error
/// points inside the text it was read from.
#[test]
fn analysis_of_truncated_rule_files_never_panics() {
    let files = ereje_files(&Path::new(ROOT).join("rules"));
    let whole: Vec<SourceFile> = files.iter().map(|p| load(p)).collect();
    for (i, source) in whole.iter().enumerate() {
        let text = source.text.clone();
        let cuts = text.match_indices('\n').map(|(k, _)| k + 1).step_by(5);
        for cut in cuts {
            let mut set = whole.clone();
            set[i] = SourceFile::new(source.name.clone(), &text[..cut]);
            let analysis = ereje::analysis::analyze_sources(set);
            for d in &analysis.diagnostics {
                for label in d.labels() {
                    let file = analysis.diagnostics.file(label.span).expect("a file");
                    assert!(
                        label.span.end <= file.text.len(),
                        "{} cut at {cut}",
                        source.name
                    );
                }
            }
            crate::support::render_diagnostics(&analysis.diagnostics);
        }
    }
}
