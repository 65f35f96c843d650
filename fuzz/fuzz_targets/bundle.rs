#![no_main]
//! One bundle (any bytes) checked against the shipped rules and rendered in both formats.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static RULES: OnceLock<ereje::RuleSet> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| ereje::RuleSet::shipped().expect("shipped rules compile"));
    let batch = ereje::batch::Batch::new(rules).threads(1);
    let checked = batch.check(data);
    let line = ereje::report::json::report_line(&checked.report);
    let value: serde_json::Value = serde_json::from_str(&line).expect("report line is JSON");
    assert!(value.get("verdict").is_some(), "report without verdict: {line}");
    let _ = ereje::report::human::render_report(
        &checked.report,
        "b.json",
        &checked.text,
        &ereje::report::human::Style::plain(),
    );
});
