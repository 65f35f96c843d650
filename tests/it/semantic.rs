//! Analysis errors: each fixture under `fixtures/semantic/err` has one mistake; every error it
//! yields is rendered as users see it and snapshotted.

use std::path::Path;

use ereje::RuleSet;
use ereje::report::human::render;
use ereje::source::SourceFile;

fn rendered_errors(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let name = format!(
        "fixtures/semantic/err/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("")
    );
    match RuleSet::from_sources(vec![SourceFile::new(name, text)]) {
        Ok(_) => String::from("(no errors)"),
        Err(diagnostics) => diagnostics
            .0
            .iter()
            .map(|d| render(d.as_ref(), false))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn semantic_error_fixtures() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/semantic/err"
    ));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 15);
    for path in paths {
        let rendered = rendered_errors(&path);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("fixture")
            .to_string();
        assert_ne!(rendered, "(no errors)", "{stem} must fail analysis");
        insta::assert_snapshot!(format!("semantic_{stem}"), rendered);
    }
}

#[test]
fn shipped_rules_compile() {
    if let Err(d) = RuleSet::shipped() {
        let text =
            d.0.iter()
                .map(|d| render(d.as_ref(), false))
                .collect::<String>();
        panic!("{text}");
    }
}
