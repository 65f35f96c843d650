#![no_main]
//! NDJSON through the batch engine: exactly one report line per input line, never an Err,
//! never an `internal-error` report (the engine turns a panic of a line's check into one).
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static RULES: OnceLock<ereje::RuleSet> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| ereje::RuleSet::shipped().expect("shipped rules compile"));
    let mut out = Vec::new();
    let summary = ereje::batch::Batch::new(rules)
        .threads(1)
        .chunks(4, 1 << 20)
        .check_lines(data, &mut out)
        .expect("in-memory batch never fails");
    // lines split on `\n`; a final `\n` adds none; empty input is 0 lines
    let newlines = data.iter().filter(|b| **b == b'\n').count();
    let expected = newlines + usize::from(data.last().is_some_and(|b| *b != b'\n'));
    let reports = out.iter().filter(|b| **b == b'\n').count();
    assert_eq!(reports, expected, "report lines vs input lines");
    assert_eq!(summary.lines, expected);
    let text = String::from_utf8(out).expect("reports are UTF-8");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("report line is JSON");
        assert!(v.get("verdict").is_some());
        assert!(!line.contains("internal-error") && !line.contains("\"V021\""), "internal error: {line}");
    }
});
