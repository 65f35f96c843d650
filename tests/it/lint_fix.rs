//! `ereje lint --fix` and `--diff`: the safe fixes applied round after round, what they leave,
//! and the files they must not touch.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .output()
        .expect("ereje runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh folder holding one rule file.
fn scratch(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-fix-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    let file = dir.join("rules.ereje");
    std::fs::write(&file, text).expect("write rule file");
    file
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read rule file")
}

/// A repeated citation, an `allow` that suppresses nothing and a misspelt one.
const UNTIDY: &str = r#"act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
service kz.example.permit {
  act kz.example.order_1 annex 1
  timezone "Asia/Almaty"
  § 1
  document passport { required always § 9(2) § 9(2) }
  allow unknown-entry-into-force because "nothing to suppress here"
  allow missing-translaton because "Kazakh texts are to come"
}
"#;

/// `UNTIDY` tidied: the misspelt allow, once its name is right, suppresses nothing either.
const TIDY: &str = r#"act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
service kz.example.permit {
  act kz.example.order_1 annex 1
  timezone "Asia/Almaty"
  § 1
  document passport { required always § 9(2) }
}
"#;

#[test]
fn diff_shows_every_round_of_fixes_and_writes_nothing() {
    let file = scratch("diff", UNTIDY);
    let path = file.to_str().expect("utf-8 path");
    let (status, out, err) = run(&["lint", "--diff", path]);
    assert_eq!(status, 0, "{err}");
    assert!(
        out.starts_with(&format!("--- {path}\n+++ {path} (fixed)\n")),
        "{out}"
    );
    for removed in [
        "-  document passport { required always § 9(2) § 9(2) }",
        "-  allow unknown-entry-into-force because \"nothing to suppress here\"",
        "-  allow missing-translaton because \"Kazakh texts are to come\"",
        "+  document passport { required always § 9(2) }",
    ] {
        assert!(out.lines().any(|l| l == removed), "{removed} not in\n{out}");
    }
    assert!(err.contains("would fix 4 findings in 1 file"), "{err}");
    assert_eq!(read(&file), UNTIDY);
}

#[test]
fn fix_tidies_the_record_and_reports_what_is_left() {
    let file = scratch("fix", UNTIDY);
    let path = file.to_str().expect("utf-8 path");
    let (status, out, err) = run(&["lint", "--fix", "--deny", "warnings", path]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(err.contains("fixed 4 findings in 1 file"), "{err}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    assert_eq!(read(&file), TIDY);
    // nothing is left to fix: a second run changes nothing and says nothing about fixes
    let (status, _, err) = run(&["lint", "--fix", path]);
    assert_eq!(status, 0);
    assert!(!err.contains("fixed"), "{err}");
    assert_eq!(read(&file), TIDY);
}

#[test]
fn a_misspelt_allow_that_suppresses_something_once_renamed_is_kept() {
    let text = "act kz.example.order_1 {\n  kind order\n  issued 2015-01-01 number \"1\"\n  published unknown\n  in_force published + 10 calendar days\n  allow unknown-entry-into-forse because \"not known\"\n}\n";
    let file = scratch("rename", text);
    let path = file.to_str().expect("utf-8 path");
    let (status, out, err) = run(&["lint", "--fix", "--deny", "warnings", path]);
    assert_eq!(status, 0, "{out}{err}");
    assert_eq!(
        read(&file),
        text.replace("into-forse", "into-force"),
        "the reason is kept, the name corrected"
    );
    assert!(out.contains("(1 suppressed)"), "{out}");
}

#[test]
fn a_finding_without_a_fix_stays_and_fails_the_run() {
    // a missing citation has no safe fix: which paragraph to cite is for legal staff
    let text = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  document passport { required always }\n}\n";
    let file = scratch("unfixable", text);
    let path = file.to_str().expect("utf-8 path");
    let (status, out, err) = run(&["lint", "--fix", "-D", "missing-citation", path]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(out.contains("L040"), "{out}");
    assert!(!err.contains("fixed"), "{err}");
    assert_eq!(read(&file), text);
}

#[test]
fn a_file_that_does_not_compile_is_not_touched() {
    let text = UNTIDY.replace("timezone \"Asia/Almaty\"", "timezone");
    let file = scratch("broken", &text);
    let path = file.to_str().expect("utf-8 path");
    for flag in ["--fix", "--diff"] {
        let (status, out, _) = run(&["lint", flag, path]);
        assert_eq!(status, 2, "{flag}: {out}");
        assert!(!out.contains("(fixed)"), "{out}");
        assert_eq!(read(&file), text);
    }
}

#[test]
fn fix_and_diff_exclude_each_other() {
    let file = scratch("both", UNTIDY);
    let path = file.to_str().expect("utf-8 path");
    let (status, _, err) = run(&["lint", "--fix", "--diff", path]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("cannot be used with"), "{err}");
    assert_eq!(read(&file), UNTIDY);
}

#[test]
fn a_citation_written_in_full_is_shortened_to_the_same_paragraph() {
    let text = "act kz.example.order_1 { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\nact kz.example.order_2 { kind order issued 2015-01-01 number \"2\" in_force 2015-01-10 }\nservice kz.example.permit {\n  act kz.example.order_1 annex 1\n  standard kz.example.order_2 annex 1\n  timezone \"Asia/Almaty\"\n  § 1\n  document passport { required always § kz.example.order_1 annex 1 9(2) § standard annex 1 4 }\n  document photo { required always § kz.example.order_2 annex 1 5 § kz.example.order_1 annex 2 3 }\n}\n";
    let file = scratch("canonical", text);
    let path = file.to_str().expect("utf-8 path");
    let (status, out, err) = run(&["lint", "--fix", "-A", "L044", "-A", "L064", path]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(err.contains("fixed 3 findings"), "{err}");
    let fixed = read(&file);
    assert!(
        fixed.contains("document passport { required always § 9(2) § standard 4 }"),
        "{fixed}"
    );
    // another annex of the service's act is not its own: it stays written in full
    assert!(
        fixed.contains(
            "document photo { required always § standard 5 § kz.example.order_1 annex 2 3 }"
        ),
        "{fixed}"
    );
}
