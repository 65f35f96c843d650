//! `ereje lint --write-baseline` and `--baseline`: the accepted findings are held back, only
//! new ones are reported and fail the run, and edits elsewhere keep the old ones matched.

use crate::lint_output::{CYRILLIC, run_in, scratch};

/// The rule file with a new defect: an actor no step names.
fn with_unused_actor(text: &str) -> String {
    text.replace(
        "  actor clerk \"clerk\" § 2\n",
        "  actor clerk \"clerk\" § 2\n  actor judge \"judge\" § 6\n",
    )
}

#[test]
fn only_findings_the_baseline_does_not_hold_are_reported_and_fail_the_run() {
    let dir = scratch("baseline");
    std::fs::write(dir.join("permit.ereje"), CYRILLIC).expect("written");
    let lint = |extra: &[&str]| {
        let mut args = vec!["lint", "-D", "warnings", "permit.ereje"];
        args.extend_from_slice(extra);
        run_in(&dir, &args, &[])
    };
    let (status, _, _) = lint(&[]);
    assert_eq!(status, 1, "two warnings, denied");
    let (status, out, err) = lint(&["--write-baseline", "baseline.json"]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(err.contains("recorded 2 findings"), "{err}");
    assert!(out.contains("(1 suppressed, 2 baselined)"), "{out}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("baseline.json")).expect("file"))
            .expect("JSON");
    assert_eq!(record["version"], 1);
    assert_eq!(record["findings"][0]["file"], "permit.ereje");
    let (status, out, _) = lint(&["--baseline", "baseline.json"]);
    assert_eq!(status, 0, "{out}");

    // a new defect, and lines added above the old ones: only the new one is reported
    let moved = format!("// reviewed\n// twice\n\n{}", with_unused_actor(CYRILLIC));
    std::fs::write(dir.join("permit.ereje"), &moved).expect("written");
    let (status, out, _) = lint(&["--baseline", "baseline.json", "--format", "json"]);
    assert_eq!(status, 1, "{out}");
    let codes: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["code"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(codes, ["L062"], "{out}");
    let (_, out, _) = lint(&["--baseline", "baseline.json"]);
    assert!(
        out.contains("1 error, 0 warnings, 0 notes in 1 rule file (1 suppressed, 2 baselined)"),
        "{out}"
    );

    // a baselined finding that is fixed is no error, and neither is its absence
    let fixed = CYRILLIC.replace("within 3 days", "within 3 calendar days");
    std::fs::write(dir.join("permit.ereje"), fixed).expect("written");
    let (status, out, _) = lint(&["--baseline", "baseline.json"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("1 baselined)"), "{out}");
}

#[test]
fn a_baseline_that_cannot_be_read_is_a_failure_that_says_why() {
    let dir = scratch("baseline-bad");
    std::fs::write(dir.join("permit.ereje"), CYRILLIC).expect("written");
    let (status, _, err) = run_in(
        &dir,
        &["lint", "--baseline", "missing.json", "permit.ereje"],
        &[],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("cannot read the baseline `missing.json`"),
        "{err}"
    );
    std::fs::write(dir.join("bad.json"), "{\"version\": 1, \"findings\": [{}]}").expect("w");
    let (status, _, err) = run_in(
        &dir,
        &["lint", "--baseline", "bad.json", "permit.ereje"],
        &[],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("the baseline `bad.json` is not one ereje wrote: missing field"),
        "{err}"
    );
}

#[test]
fn sarif_shows_baselined_findings_as_suppressed_outside_the_source() {
    let dir = scratch("baseline-sarif");
    std::fs::write(dir.join("permit.ereje"), CYRILLIC).expect("written");
    run_in(
        &dir,
        &["lint", "--write-baseline", "b.json", "permit.ereje"],
        &[],
    );
    let (status, out, _) = run_in(
        &dir,
        &[
            "lint",
            "--format",
            "sarif",
            "--baseline",
            "b.json",
            "permit.ereje",
        ],
        &[],
    );
    assert_eq!(status, 0);
    let log: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let kinds: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["suppressions"][0]["kind"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(kinds, ["external", "inSource", "external"]);
}
