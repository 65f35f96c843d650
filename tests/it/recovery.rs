//! Analysis that keeps going: rule files with several realistic mistakes, each marked in the
//! fixture with a comment `<- mistake` on the line where it must be reported. Every mistake is
//! reported once, on its line, and nothing else is: no cascade from a broken declaration, a
//! mistyped date or a misspelled act.

use std::path::{Path, PathBuf};

use ereje::analysis::analyze_sources;
use ereje::source::SourceFile;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(ROOT).join("tests/fixtures/recovery");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_mistake_is_reported_once_on_its_line() {
    let paths = fixtures();
    assert!(paths.len() >= 6);
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable");
        let name = format!(
            "fixtures/recovery/{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        let marked: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("<- mistake"))
            .map(|(i, _)| i + 1)
            .collect();
        assert!(!marked.is_empty(), "{name} marks its mistakes");
        let source = SourceFile::new(name.clone(), text);
        let analysis = analyze_sources(vec![source.clone()]);
        let mut lines: Vec<usize> = analysis
            .diagnostics
            .iter()
            .map(|d| {
                let span = d.primary.as_ref().expect("a place").span;
                source.line_col(span.start).0
            })
            .collect();
        lines.sort_unstable();
        let rendered = crate::support::render_diagnostics(&analysis.diagnostics);
        assert_eq!(
            lines, marked,
            "{name}: reported on these lines:\n{rendered}"
        );
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("fixture");
        insta::assert_snapshot!(format!("recovery_{stem}"), rendered);
    }
}

/// Every error of every file in one run: two files, each with its own mistake.
#[test]
fn every_file_is_read_even_when_another_is_broken() {
    let broken = SourceFile::new(
        "a.ereje",
        "act kz.test.a {\n  kind order\n  issued 2015-05-30 numbr \"1\"\n}\n",
    );
    let typo = SourceFile::new(
        "b.ereje",
        "service kz.test.b {\n  timezone \"Asia/Almaty\"\n  input x: one_of(a, b)\n  document d { required when x == c }\n}\n",
    );
    let analysis = analyze_sources(vec![broken, typo]);
    let places: Vec<(String, usize)> = analysis
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.primary.as_ref().expect("a place").span;
            let file = analysis.diagnostics.file(span).expect("a file");
            (file.name.clone(), file.line_col(span.start).0)
        })
        .collect();
    assert_eq!(
        places,
        [(String::from("a.ereje"), 3), (String::from("b.ereje"), 4)]
    );
}

/// The model is built from what could be read: the declarations around a broken one are in it.
#[test]
fn the_model_keeps_what_could_be_read() {
    let text = std::fs::read_to_string(
        Path::new(ROOT).join("tests/fixtures/recovery/five_mistakes_in_one_service.ereje"),
    )
    .expect("readable");
    let analysis = analyze_sources(vec![SourceFile::new("f.ereje", text)]);
    let service = analysis.model.services.first().expect("the service");
    let documents: Vec<&str> = service.documents.iter().map(|d| d.kind.as_str()).collect();
    // the passport's broken `required` (with the lines that continue it) is a hole; the
    // document itself and the other document remain
    assert_eq!(documents, ["passport", "stateless_document"]);
    let passport = service.documents.first().expect("the passport");
    assert!(passport.required.is_none());
    // the process keeps the step that reads
    let steps: Vec<&str> = service
        .process
        .steps
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(steps, ["talon_issued"]);
    assert!(
        service
            .inputs
            .iter()
            .any(|i| i.path.join(".") == "applicant.category")
    );
    let examples: Vec<&str> = service
        .examples
        .iter()
        .map(|e| e.name.node.as_str())
        .collect();
    assert_eq!(examples, ["a stateless person"]);
}
