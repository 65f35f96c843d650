#![no_main]
//! One bundle (any bytes) traced against the shipped rules, in each language, masked or not
//! (the first byte chooses), and rendered as JSON, for people and as the HTML page.
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static RULES: OnceLock<ereje::RuleSet> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let rules = RULES.get_or_init(|| ereje::RuleSet::shipped().expect("shipped rules compile"));
    let (choice, bundle) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let lang = [ereje::vocab::Lang::En, ereje::vocab::Lang::Ru, ereje::vocab::Lang::Kk]
        [usize::from(choice % 3)];
    let options = ereje::check::Options {
        lang: Some(lang),
        mask: choice & 0x80 != 0,
        ..ereje::check::Options::default()
    };
    let trace = ereje::trace::trace(rules, bundle, &options);
    let json = ereje::trace::json(&trace);
    let value: serde_json::Value = serde_json::from_str(&json).expect("a trace is JSON");
    assert!(value.get("verdict").is_some() || value.get("report").is_some(), "{json}");
    let _ = ereje::trace::human::render(&trace, "b.json");
    let html = ereje::trace::html::render(&trace, "b.json");
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"), "{html}");
});
