//! Property tests standing in for fuzzing: no bundle text — random bytes, random JSON, or a real
//! bundle with one value replaced by anything — makes the checker or the span renderer panic,
//! and every one gets exactly one report with a verdict.

use ereje::RuleSet;
use ereje::check::{Options, Verdict};
use proptest::prelude::*;
use serde_json::Value;

fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().expect("the shipped rules compile"))
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z_]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("2019-02-30"),
            Just("2019-05-14"),
            Just("2019-05-14T10:00:00+06:00"),
            Just("foreigner"),
            Just("passport"),
            Just("talon_issued"),
            Just("kz.mvd.permanent_residence"),
            Just("ru"),
            Just("\u{0}")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,10}", inner), 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn check(text: &str) -> Verdict {
    let mut report = rules().check(text, &Options::default());
    ereje::report::spans::fill(&mut report, text);
    let rendered = ereje::report::human::render_report(
        &report,
        "fuzz.json",
        text,
        &ereje::report::human::Style::plain(),
    );
    assert!(report.findings.is_empty() || !rendered.is_empty());
    report.verdict
}

/// Every pointer-addressable place of a bundle (objects' members and arrays' elements).
fn places(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                places(v, &p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                places(v, &p, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let verdict = check(&text);
        prop_assert!(serde_json::from_str::<Value>(&text).is_ok() || verdict == Verdict::Invalid);
    }

    #[test]
    fn random_json_never_panics(value in json()) {
        check(&value.to_string());
    }

    #[test]
    fn a_real_bundle_with_one_value_replaced_never_panics(choice in any::<prop::sample::Index>(), replacement in json(), bundle in 0usize..4) {
        let name = ["pr-ok.json", "rs-ok-grant.json", "pr-late-steps.json", "pr-child-under-16-no-certificate.json"][bundle];
        let text = std::fs::read_to_string(format!("{}/examples/bundles/{name}", env!("CARGO_MANIFEST_DIR"))).expect("bundle");
        let mut value: Value = serde_json::from_str(&text).expect("json");
        let mut all = Vec::new();
        places(&value, "", &mut all);
        let target = all[choice.index(all.len())].clone();
        if let Some(slot) = value.pointer_mut(&target) {
            *slot = replacement;
        }
        check(&serde_json::to_string_pretty(&value).expect("serializable"));
    }
}
