//! Syntax: every shipped rule file parses; fixtures under `fixtures/syntax`.

use std::path::Path;

use ereje::source::SourceFile;
use ereje::syntax::parse_file;

fn rule_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rule_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ereje") {
            out.push(path);
        }
    }
}

#[test]
fn shipped_rule_files_parse() {
    let mut files = Vec::new();
    rule_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")),
        &mut files,
    );
    assert!(!files.is_empty());
    let mut failures = String::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let source = SourceFile::new(path.display().to_string(), text);
        if let Err(errors) = parse_file(&source, 0) {
            failures.push_str(&crate::support::render_errors(&errors, &source));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}
