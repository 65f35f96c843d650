//! The table of codes: every code unique, described, and used by the code that emits it.

use ereje::codes::CODES;

fn sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("src").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("codes.rs") {
            out.push_str(&std::fs::read_to_string(&path).expect("source"));
        }
    }
}

#[test]
fn every_code_is_unique_described_and_used() {
    let mut text = String::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut text,
    );
    let mut seen = std::collections::HashSet::new();
    for code in CODES {
        assert!(seen.insert(code.code), "{} twice", code.code);
        assert!(seen.insert(code.name), "{} twice", code.name);
        assert!(!code.summary.is_empty());
        // every code is named by its static in the code that emits it
        let ident = code.name.replace('-', "_").to_uppercase();
        let used = text.contains(&format!("codes::{ident}"))
            || (code.code.starts_with('V') && text.contains(&format!("\"{}\"", code.name)));
        assert!(
            used,
            "{} ({}) is not emitted anywhere",
            code.code, code.name
        );
    }
    let mut sorted: Vec<&str> = CODES.iter().map(|c| c.code).collect();
    for code in CODES.iter().filter(|c| c.code.starts_with('E')) {
        // a rule-file problem of these families stops the rule set from loading
        assert_eq!(
            code.severity,
            ereje::codes::Severity::Error,
            "{}",
            code.code
        );
    }
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        CODES.iter().map(|c| c.code).collect::<Vec<_>>(),
        "the table is sorted"
    );
}

#[test]
fn explain_names_a_code_and_suggests_a_near_one() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(args)
            .output()
            .expect("the binary runs")
    };
    let ok = run(&["explain", "E0203"]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("step-cycle"));
    let near = run(&["explain", "missing-documnet"]);
    assert_eq!(near.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&near.stderr).contains("did you mean `missing-document`?"));
}
