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

/// Each bundle finding code has the kind its findings are, and only those codes have one.
#[test]
fn every_bundle_code_has_a_kind() {
    for code in CODES {
        assert_eq!(
            code.kind.is_some(),
            code.code.starts_with('V'),
            "{} ({})",
            code.code,
            code.name
        );
    }
}

/// A finding's kind and severity are those of its code in the table, in every example bundle.
#[test]
fn findings_have_the_kind_and_severity_of_their_code() {
    let rules = ereje::RuleSet::shipped().expect("the shipped rules compile");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bundles");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir)
        .expect("examples")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("bundle");
        let report = rules.check_bytes(&bytes, &ereje::check::Options::default());
        for f in &report.findings {
            assert_eq!(
                Some(f.kind),
                f.code.kind,
                "{}: {}",
                path.display(),
                f.code.name
            );
            assert_eq!(
                f.severity,
                f.code.severity,
                "{}: {}",
                path.display(),
                f.code.name
            );
            seen += 1;
        }
    }
    assert!(seen > 50, "the example bundles have findings");
}

/// `ereje explain` gives a bundle finding's kind and default severity on a line of its own,
/// alone and in the list of every code.
#[test]
fn explain_gives_a_findings_kind_and_default_severity() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(args)
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        run(&["explain", "V004"]),
        "V004 (missing-document): a required document is missing\n\
         kind: document, default severity: error\n"
    );
    assert_eq!(
        run(&["explain", "unknown-field"]).lines().nth(1),
        Some("kind: input, default severity: warning")
    );
    // a rule-file code has no such line
    assert_eq!(run(&["explain", "E0203"]).lines().count(), 1);
    let all = run(&["explain"]);
    let lines: Vec<&str> = all.lines().collect();
    for code in CODES {
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{:<6} {} ", code.code, code.name)))
            .unwrap_or_else(|| panic!("{} is listed", code.code));
        let next = lines.get(at + 1).copied().unwrap_or("");
        match code.kind {
            Some(kind) => assert_eq!(
                next,
                format!(
                    "       kind: {}, default severity: {}",
                    kind.as_str(),
                    code.severity.as_str()
                ),
                "{}",
                code.code
            ),
            None => assert!(!next.starts_with(' '), "{}: {next}", code.code),
        }
    }
}
