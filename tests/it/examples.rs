//! `ereje test`: the examples of `fixtures/examples` (one per rule of what an example must
//! state, holding or failing on purpose) and of the shipped rules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rule folder whose examples hold and fail on purpose.
const FIXTURE: &str = "tests/fixtures/examples/rules";

/// `ereje ARGS` run in `dir`.
fn ereje_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Each example of the fixture holds or fails as its description says, and says why.
#[test]
fn an_example_states_every_error_finding_it_expects() {
    let out = ereje_in(&root(), &["test", "--rules", FIXTURE]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for line in text
        .lines()
        .filter(|l| l.starts_with("ok") || l.starts_with("FAILED"))
    {
        let fails = line.starts_with("FAILED");
        assert_eq!(line.contains(": fails"), fails, "{line}");
    }
    insta::assert_snapshot!("examples_human", text);
}

/// The same run as JSON lines.
#[test]
fn example_outcomes_as_json() {
    let out = ereje_in(&root(), &["test", "--rules", FIXTURE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    insta::assert_json_snapshot!("examples_json", lines);
}
