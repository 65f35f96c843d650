//! The pointer → span index of a bundle's text (`check::pointer_index`).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ereje::check::pointer_index::{JsonSpan, Located, PointerIndex, locate, locate_all};
use ereje::source::line_col;
use serde_json::Value;

/// A bundle with every envelope field of the bundle contract (`docs/contracts.md` § 1).
const SAMPLE_BUNDLE: &str = r#"{
  "id": "optional, echoed in the report",
  "service": "kz.mvd.permanent_residence",
  "submitted_at": "2019-05-14T10:00:00+06:00",
  "channel": "provider",
  "applicant": { "category": "foreigner", "birth_date": "1985-03-02", "citizenship": "UZ",
                 "grounds": [], "children": [], "records": {} },
  "documents": [ { "kind": "passport", "number": "FA1234567", "issued_on": "2015-01-01",
                   "expires_on": "2025-01-01", "language": "ru", "signed": true, "child": 0 } ],
  "checks": { "national_security": "agreed", "special_records": "clear", "solvency": "confirmed" },
  "events": [ { "step": "talon_issued", "at": "2019-05-14T10:20:00+06:00" } ]
}
"#;

/// Kazakh and Russian text before the values, so byte offsets differ from character offsets.
const CYRILLIC_BUNDLE: &str = r#"{
  "id": "Өтініш № 7 — Әлия Нұрланқызы",
  "applicant": {
    "аты": "Әлия",
    "тегі": "Нұрланқызы",
    "grounds": ["ethnic_kazakh"],
    "children": [
      { "birth_date": "2010-01-01", "applying_jointly": true, "ескерту": "ұлы" },
      { "birth_date": "2016-12-31", "applying_jointly": false }
    ]
  },
  "documents": [
    { "kind": "autobiography", "language": "kk", "signed": true, "title": "Өмірбаян" },
    { "kind": "passport", "expires_on": "2030-05-01" }
  ]
}"#;

/// Odd but valid JSON: escapes, surrogate pairs, numbers of every shape, keys that need `~0`/`~1`.
const TRICKY_BUNDLE: &str = r#"{"a/b": {"m~n": [1, -2.5e+3, 0, 1E2, -0.0, 12345678901234567890]},
 "": {"": null},
 "esc\"aped\\key": "line\nbreak \u00e9 \ud83d\ude00 \/",
 "emoji 😀": [true, false, null, [], {}, [[["deep"]]]],
 "dup": 1, "dup": {"second": "wins"},
 "\u0430\u0431": "ab in Cyrillic via escapes"
}"#;

fn text_of(text: &str, span: JsonSpan) -> &str {
    &text[span.offset..span.offset + span.length]
}

fn span_text<'t>(index: &PointerIndex, text: &'t str, pointer: &str) -> &'t str {
    let span = index
        .value(pointer)
        .unwrap_or_else(|| panic!("no span for {pointer:?}"));
    text_of(text, span)
}

fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Every pointer of a value (the document itself as `""`) with the value it names.
fn pointers<'v>(value: &'v Value, pointer: &str, out: &mut Vec<(String, &'v Value)>) {
    out.push((pointer.to_owned(), value));
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, &format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(members) => {
            for (key, item) in members {
                pointers(item, &format!("{pointer}/{}", escape_token(key)), out);
            }
        }
        _ => {}
    }
}

/// Fifty similar members with escapes and `~`/`/` in keys.
fn generated() -> String {
    let mut s = String::from("{\"list\": [");
    for i in 0..50 {
        if i > 0 {
            s.push_str(", ");
        }
        write!(
            s,
            "{{\"n\": {i}, \"t\": \"Ә{i}\\u0416\", \"nested\": {{\"a~/b\": [{i}, [{i}.5e-1]]}}}}"
        )
        .unwrap();
    }
    s.push_str("]}");
    s
}

#[test]
fn whole_document_and_nested_values() {
    let index = PointerIndex::build(SAMPLE_BUNDLE);
    assert_eq!(
        span_text(&index, SAMPLE_BUNDLE, ""),
        SAMPLE_BUNDLE.trim_end()
    );
    assert_eq!(
        span_text(&index, SAMPLE_BUNDLE, "/service"),
        r#""kz.mvd.permanent_residence""#
    );
    assert_eq!(
        span_text(&index, SAMPLE_BUNDLE, "/applicant/category"),
        r#""foreigner""#
    );
    assert_eq!(
        span_text(&index, SAMPLE_BUNDLE, "/documents/0/kind"),
        r#""passport""#
    );
    assert_eq!(
        span_text(&index, SAMPLE_BUNDLE, "/documents/0/signed"),
        "true"
    );
    assert_eq!(span_text(&index, SAMPLE_BUNDLE, "/documents/0/child"), "0");
    assert_eq!(span_text(&index, SAMPLE_BUNDLE, "/applicant/grounds"), "[]");
    assert_eq!(span_text(&index, SAMPLE_BUNDLE, "/applicant/records"), "{}");
    assert_eq!(
        span_text(&index, SAMPLE_BUNDLE, "/events/0/at"),
        r#""2019-05-14T10:20:00+06:00""#
    );
    let documents = span_text(&index, SAMPLE_BUNDLE, "/documents");
    assert!(
        documents.starts_with("[ {") && documents.ends_with("} ]"),
        "{documents}"
    );
    let span = index.value("/applicant/category").unwrap();
    assert_eq!(line_col(SAMPLE_BUNDLE, span.offset), (6, 30));
}

#[test]
fn keys_with_quotes() {
    let index = PointerIndex::build(SAMPLE_BUNDLE);
    let key = index.key("/applicant/category").unwrap();
    assert_eq!(text_of(SAMPLE_BUNDLE, key), r#""category""#);
    assert_eq!(line_col(SAMPLE_BUNDLE, key.offset), (6, 18));
    assert_eq!(
        text_of(SAMPLE_BUNDLE, index.key("/documents").unwrap()),
        r#""documents""#
    );
    assert_eq!(
        text_of(SAMPLE_BUNDLE, index.key("/documents/0/expires_on").unwrap()),
        r#""expires_on""#
    );
    // The document and array elements have no key.
    assert_eq!(index.key(""), None);
    assert_eq!(index.key("/documents/0"), None);
    assert_eq!(index.key("/applicant/missing"), None);
}

#[test]
fn escaped_keys() {
    let index = PointerIndex::build(TRICKY_BUNDLE);
    assert_eq!(span_text(&index, TRICKY_BUNDLE, "/a~1b/m~0n/1"), "-2.5e+3");
    assert_eq!(
        text_of(TRICKY_BUNDLE, index.key("/a~1b").unwrap()),
        r#""a/b""#
    );
    assert_eq!(
        text_of(TRICKY_BUNDLE, index.key("/a~1b/m~0n").unwrap()),
        r#""m~n""#
    );
    // Unescaped or badly escaped pointers do not match.
    assert_eq!(index.value("/a/b"), None);
    assert_eq!(index.value("/a~2b"), None);
    assert_eq!(index.value("/a~"), None);
    // The empty key.
    assert_eq!(span_text(&index, TRICKY_BUNDLE, "/"), r#"{"": null}"#);
    assert_eq!(span_text(&index, TRICKY_BUNDLE, "//"), "null");
    // Keys written with JSON escapes are matched by their value.
    assert_eq!(
        text_of(TRICKY_BUNDLE, index.key("/esc\"aped\\key").unwrap()),
        r#""esc\"aped\\key""#
    );
    assert_eq!(
        span_text(&index, TRICKY_BUNDLE, "/аб"),
        r#""ab in Cyrillic via escapes""#
    );
    assert_eq!(
        text_of(TRICKY_BUNDLE, index.key("/аб").unwrap()),
        r#""\u0430\u0431""#
    );
    assert_eq!(
        span_text(&index, TRICKY_BUNDLE, "/emoji 😀/5/0/0/0"),
        r#""deep""#
    );
    // A repeated key keeps its last value, as serde_json does.
    assert_eq!(
        span_text(&index, TRICKY_BUNDLE, "/dup"),
        r#"{"second": "wins"}"#
    );
}

#[test]
fn unicode_text_offsets_are_bytes() {
    let index = PointerIndex::build(CYRILLIC_BUNDLE);
    assert_eq!(
        span_text(&index, CYRILLIC_BUNDLE, "/applicant/аты"),
        r#""Әлия""#
    );
    assert_eq!(
        text_of(CYRILLIC_BUNDLE, index.key("/applicant/тегі").unwrap()),
        r#""тегі""#
    );
    assert_eq!(
        span_text(&index, CYRILLIC_BUNDLE, "/applicant/children/0/ескерту"),
        r#""ұлы""#
    );
    assert_eq!(
        span_text(&index, CYRILLIC_BUNDLE, "/documents/0/title"),
        r#""Өмірбаян""#
    );
    let span = index.value("/documents/0/title").unwrap();
    // `"Өмірбаян"` is 10 characters but 18 bytes.
    assert_eq!(span.length, 18);
    let line = CYRILLIC_BUNDLE.lines().nth(12).unwrap();
    let column = line[..line.find(r#""Өмірбаян""#).unwrap()].chars().count() + 1;
    assert_eq!(line_col(CYRILLIC_BUNDLE, span.offset), (13, column));
    assert_eq!(
        line_col(CYRILLIC_BUNDLE, index.value("/id").unwrap().offset),
        (2, 9)
    );
}

#[test]
fn arrays_by_index() {
    let index = PointerIndex::build(TRICKY_BUNDLE);
    let numbers = ["1", "-2.5e+3", "0", "1E2", "-0.0", "12345678901234567890"];
    for (i, n) in numbers.iter().enumerate() {
        assert_eq!(
            span_text(&index, TRICKY_BUNDLE, &format!("/a~1b/m~0n/{i}")),
            *n
        );
    }
    assert_eq!(index.value("/a~1b/m~0n/6"), None);
    assert_eq!(index.value("/a~1b/m~0n/-"), None);
    assert_eq!(
        index.value("/a~1b/m~0n/01"),
        None,
        "leading zeros are not array indices"
    );
    assert_eq!(index.value("/a~1b/m~0n/+1"), None);
    assert_eq!(index.value("/a~1b/m~0n/99999999999999999999999"), None);
    // An array element is not an object member, and a scalar has no children.
    assert_eq!(index.value("/a~1b/m~0n/0/x"), None);
    assert_eq!(index.value("/emoji 😀/kind"), None);
    // A pointer must start with `/`.
    assert_eq!(index.value("a~1b"), None);
}

#[test]
fn nearest_ancestor_for_missing_fields() {
    let index = PointerIndex::build(SAMPLE_BUNDLE);
    let (pointer, span) = index.nearest("/checks/national_security");
    assert_eq!(pointer, "/checks/national_security");
    assert_eq!(text_of(SAMPLE_BUNDLE, span), r#""agreed""#);
    let (pointer, span) = index.nearest("/applicant/records/illegal_entry");
    assert_eq!(pointer, "/applicant/records");
    assert_eq!(text_of(SAMPLE_BUNDLE, span), "{}");
    let (pointer, span) = index.nearest("/documents/3/kind");
    assert_eq!(pointer, "/documents");
    assert!(text_of(SAMPLE_BUNDLE, span).starts_with('['));
    let (pointer, span) = index.nearest("/nothing/here");
    assert_eq!(pointer, "");
    assert_eq!(span, index.value("").unwrap());
    let (pointer, _) = index.nearest("no-slash");
    assert_eq!(pointer, "");

    let tricky = PointerIndex::build(TRICKY_BUNDLE);
    let (pointer, span) = tricky.nearest("/a~1b/m~0n/9");
    assert_eq!(pointer, "/a~1b/m~0n");
    assert!(text_of(TRICKY_BUNDLE, span).starts_with("[1,"));

    let empty = PointerIndex::build("");
    assert_eq!(
        empty.nearest("/a"),
        (
            String::new(),
            JsonSpan {
                offset: 0,
                length: 0
            }
        )
    );
    assert_eq!(empty.value(""), None);
    let garbage = PointerIndex::build("garbage");
    assert_eq!(
        garbage.nearest("/a"),
        (
            String::new(),
            JsonSpan {
                offset: 0,
                length: 7
            }
        )
    );
}

#[test]
fn truncated_json_keeps_what_was_read() {
    let text = &SAMPLE_BUNDLE[..SAMPLE_BUNDLE.find("\"documents\"").unwrap() + 20];
    let index = PointerIndex::build(text);
    assert_eq!(
        span_text(&index, text, "/service"),
        r#""kz.mvd.permanent_residence""#
    );
    assert_eq!(span_text(&index, text, "/applicant/citizenship"), r#""UZ""#);
    assert_eq!(index.value("/documents/0/kind"), None);
    // Containers left open span up to where reading stopped.
    let root = index.value("").unwrap();
    assert_eq!(root.offset, 0);
    assert!(root.length <= text.len());
    let (pointer, _) = index.nearest("/documents/0/kind");
    assert!(pointer.starts_with("/documents"), "{pointer}");

    // Every prefix of every sample: no panic, and whatever is indexed lies inside the text.
    for sample in [SAMPLE_BUNDLE, CYRILLIC_BUNDLE, TRICKY_BUNDLE] {
        let full: Value = serde_json::from_str(sample).unwrap();
        let mut all = Vec::new();
        pointers(&full, "", &mut all);
        for end in (0..=sample.len()).filter(|&i| sample.is_char_boundary(i)) {
            let text = &sample[..end];
            let index = PointerIndex::build(text);
            for (pointer, _) in &all {
                if let Some(span) = index.value(pointer) {
                    assert!(
                        span.offset + span.length <= text.len(),
                        "{pointer} at {end}"
                    );
                    assert!(text.is_char_boundary(span.offset));
                }
                let (_, span) = index.nearest(pointer);
                assert!(span.offset + span.length <= text.len());
            }
        }
    }
}

#[test]
fn malformed_json_stops_at_the_error() {
    let cases = [
        r#"{"a": 1, "b": tru, "c": 3}"#,
        r#"{"a": 1, "b": "x\q", "c": 3}"#,
        r#"{"a": 1, "b": "\ud83d", "c": 3}"#,
        r#"{"a": 1, "b": "\ude00", "c": 3}"#,
        r#"{"a": 1, "b": "\u12", "c": 3}"#,
        "{\"a\": 1, \"b\": \"raw\ttab\", \"c\": 3}",
        r#"{"a": 1, "b": 01, "c": 3}"#,
        r#"{"a": 1, "b": 1., "c": 3}"#,
        r#"{"a": 1, "b": -, "c": 3}"#,
        r#"{"a": 1, "b": 1e, "c": 3}"#,
        r#"{"a": 1, "b" 2, "c": 3}"#,
        r#"{"a": 1, b: 2, "c": 3}"#,
        r#"{"a": 1,, "c": 3}"#,
        r#"{"a": 1 "c": 3}"#,
        r#"{"a": 1, "b": [1 2], "c": 3}"#,
        r#"{"a": 1, "b": [1,], "c": 3}"#,
        r#"{"a": 1, "b": [1}, "c": 3}"#,
        r#"{"a": 1, "b": {"x": 1,}, "c": 3}"#,
    ];
    for text in cases {
        let index = PointerIndex::build(text);
        assert_eq!(span_text(&index, text, "/a"), "1", "{text}");
        assert_eq!(index.value("/c"), None, "{text}");
        let root = index.value("").unwrap();
        assert!(root.length <= text.len());
    }
    // Trailing text after a complete document is ignored.
    let index = PointerIndex::build(r#"{"a": 1} trailing"#);
    assert_eq!(
        index.value(""),
        Some(JsonSpan {
            offset: 0,
            length: 8
        })
    );
    // Leading whitespace and a scalar document.
    let index = PointerIndex::build("  \n 42 ");
    assert_eq!(
        index.value(""),
        Some(JsonSpan {
            offset: 4,
            length: 2
        })
    );
    assert_eq!(index.value("/0"), None);
}

#[test]
fn hostile_nesting_returns_quickly() {
    let started = Instant::now();
    for text in [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!(
            "{{\"x\": {}1{}, \"y\": 2}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        "[\"\\".repeat(50_000),
    ] {
        let index = PointerIndex::build(&text);
        assert_eq!(index.value("").map(|s| s.offset), Some(0));
        let deep = "/0".repeat(200);
        let _ = index.value(&deep);
        let _ = index.nearest(&deep);
    }
    // Balanced deep nesting: indexed to depth 128, the rest skipped whole, siblings still read.
    let text = format!(
        "{{\"x\": {}1{}, \"y\": 2}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let index = PointerIndex::build(&text);
    assert_eq!(span_text(&index, &text, "/y"), "2");
    let at_limit = format!("/x{}", "/0".repeat(127));
    let span = index.value(&at_limit).unwrap();
    assert_eq!(
        text_of(&text, span),
        format!("{}1{}", "[".repeat(99_873), "]".repeat(99_873))
    );
    assert_eq!(index.value(&format!("{at_limit}/0")), None);
    let (pointer, _) = index.nearest(&format!("/x{}", "/0".repeat(100_000)));
    assert_eq!(pointer, at_limit);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn large_input_is_linear() {
    // One long key above many values: pointers are never materialised per value.
    let key = "k".repeat(200_000);
    let items = vec!["{\"v\": 1}"; 200_000].join(",");
    let text = format!("{{\"{key}\": [{items}]}}");
    let started = Instant::now();
    let index = PointerIndex::build(&text);
    assert_eq!(span_text(&index, &text, &format!("/{key}/199999/v")), "1");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn every_pointer_span_parses_to_the_pointed_value() {
    let generated = generated();
    for sample in [
        SAMPLE_BUNDLE,
        CYRILLIC_BUNDLE,
        TRICKY_BUNDLE,
        generated.as_str(),
    ] {
        let full: Value = serde_json::from_str(sample).unwrap();
        let index = PointerIndex::build(sample);
        let mut all = Vec::new();
        pointers(&full, "", &mut all);
        assert!(all.len() > 5);
        for (pointer, expected) in &all {
            assert_eq!(full.pointer(pointer), Some(*expected));
            let text = span_text(&index, sample, pointer);
            let parsed: Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{pointer}: {text:?}: {e}"));
            assert_eq!(&parsed, *expected, "{pointer}");
            if let Some(key_span) = index.key(pointer) {
                let key: String = serde_json::from_str(text_of(sample, key_span)).unwrap();
                let last = pointer.rsplit('/').next().unwrap();
                assert_eq!(escape_token(&key), last, "{pointer}");
            } else {
                let parent = &pointer[..pointer.rfind('/').unwrap_or(0)];
                assert!(
                    pointer.is_empty() || full.pointer(parent).is_some_and(Value::is_array),
                    "{pointer}"
                );
            }
            assert_eq!(
                index.nearest(pointer),
                (pointer.clone(), index.value(pointer).unwrap())
            );
        }
    }
}

/// Repeated keys at several levels: the last of each wins, with everything inside it.
const DUPLICATES: &str = r#"{"a": {"x": 1, "y": [1, {"z": 0}]}, "b": [[], [2, 3]], "a": {"y": [3, {"w": 4}]},
 "c": {"k": 1, "k": [5], "\u006b": {"deep": true}}, "a": {"y": [6, {"z": 7}], "y": 8}, "d": 9}"#;

/// The samples above, the generated one, and every example bundle.
fn all_samples() -> Vec<(String, String)> {
    let mut samples: Vec<(String, String)> = [
        ("envelope", SAMPLE_BUNDLE),
        ("cyrillic", CYRILLIC_BUNDLE),
        ("tricky", TRICKY_BUNDLE),
        ("duplicates", DUPLICATES),
    ]
    .iter()
    .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
    .collect();
    samples.push(("generated".to_owned(), generated()));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bundles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() > 10, "{}", dir.display());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        samples.push((path.display().to_string(), text));
    }
    samples
}

/// `locate` gives the span `value` gives, or else what `nearest` gives.
#[track_caller]
fn assert_locates(index: &PointerIndex, text: &str, pointer: &str) {
    let expected = match index.value(pointer) {
        Some(span) => Located {
            span,
            exact: true,
            matched: pointer.len(),
        },
        None => {
            let (matched, span) = index.nearest(pointer);
            assert!(pointer.starts_with(&matched));
            Located {
                span,
                exact: false,
                matched: matched.len(),
            }
        }
    };
    assert_eq!(locate(text, pointer), expected, "{pointer:?} in {text:?}");
}

/// The pointers an index knows, and for each some that name nothing (or something else).
fn probes(known: &[String]) -> Vec<String> {
    let mut out = vec![
        String::new(),
        "no-slash".to_owned(),
        "/".to_owned(),
        "//".to_owned(),
        "/~".to_owned(),
    ];
    for pointer in known {
        out.push(pointer.clone());
        for suffix in [
            "/missing", "/0", "/1", "/01", "/-", "/~2", "/0/x", "x", "~1",
        ] {
            out.push(format!("{pointer}{suffix}"));
        }
    }
    out
}

#[test]
fn locate_agrees_with_the_index_on_every_pointer() {
    for (name, text) in all_samples() {
        let index = PointerIndex::build(&text);
        let known = index.pointers();
        assert!(known.len() > 3, "{name}");
        for pointer in &known {
            let found = locate(&text, pointer);
            assert!(found.exact, "{name}: {pointer}");
            assert_eq!(Some(found.span), index.value(pointer), "{name}: {pointer}");
        }
        for pointer in probes(&known) {
            assert_locates(&index, &text, &pointer);
        }
    }
}

#[test]
fn pointers_lists_what_serde_json_sees() {
    for (name, text) in all_samples() {
        let Ok(full) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let mut expected: Vec<String> = Vec::new();
        let mut all = Vec::new();
        pointers(&full, "", &mut all);
        expected.extend(all.into_iter().map(|(p, _)| p));
        expected.sort();
        let mut known = PointerIndex::build(&text).pointers();
        known.sort();
        assert_eq!(known, expected, "{name}");
    }
}

#[test]
fn locate_keeps_the_last_of_repeated_keys() {
    let text = DUPLICATES;
    let at = |pointer: &'static str| {
        let found = locate(text, pointer);
        (
            &text[found.span.offset..found.span.offset + found.span.length],
            found.exact,
            &pointer[..found.matched],
        )
    };
    assert_eq!(at("/a/y"), ("8", true, "/a/y"));
    assert_eq!(at("/a/y/0"), ("8", false, "/a/y"));
    assert_eq!(at("/a/x"), (r#"{"y": [6, {"z": 7}], "y": 8}"#, false, "/a"));
    assert_eq!(at("/c/k/deep"), ("true", true, "/c/k/deep"));
    assert_eq!(at("/c/k/0"), (r#"{"deep": true}"#, false, "/c/k"));
    assert_eq!(at("/d"), ("9", true, "/d"));
    // A repeat whose value cannot be read does not replace the value before it.
    let text = r#"{"a": {"x": 1}, "a": tru"#;
    let found = locate(text, "/a/x");
    assert!(found.exact);
    assert_eq!(&text[found.span.offset..][..found.span.length], "1");
    // A repeat that opens a container does, even if it never closes.
    let text = r#"{"a": {"x": 1}, "a": [1, 2"#;
    let found = locate(text, "/a/x");
    assert!(!found.exact);
    assert_eq!(&text[found.span.offset..][..found.span.length], "[1, 2");
}

#[test]
fn locate_agrees_on_truncated_and_damaged_text() {
    let samples = all_samples();
    for (name, sample) in &samples {
        let full = PointerIndex::build(sample).pointers();
        // Every prefix of the small samples, every 17th of the bundles.
        let step = if sample.len() < 1000 && !name.contains('/') {
            1
        } else {
            17
        };
        let ends = (0..=sample.len()).step_by(step);
        for end in ends.filter(|&i| sample.is_char_boundary(i)) {
            let text = &sample[..end];
            let index = PointerIndex::build(text);
            for pointer in &full {
                assert_locates(&index, text, pointer);
            }
            assert_locates(&index, text, "/no/such/thing");
        }
    }
    // One character replaced by something out of place, everywhere in the small samples.
    let garbage = [
        "", "x", "\"", "\\", "}", "]", "{", "[", ",", ":", "\u{1}", "\\u", "1.",
    ];
    for sample in [TRICKY_BUNDLE, DUPLICATES] {
        let full = PointerIndex::build(sample).pointers();
        for (at, c) in sample.char_indices() {
            for bad in garbage {
                let text = format!("{}{bad}{}", &sample[..at], &sample[at + c.len_utf8()..]);
                let index = PointerIndex::build(&text);
                for pointer in full.iter().chain(&index.pointers()) {
                    assert_locates(&index, &text, pointer);
                }
            }
        }
    }
}

#[test]
fn locate_agrees_on_malformed_text() {
    let cases = [
        "",
        "   ",
        "garbage",
        "tru",
        "\"open",
        "-",
        "01",
        "{",
        "[",
        "{\"a\"",
        "{\"a\":",
        "[1, 2",
        "[}",
        "{]",
        "[1}",
        "{\"a\": 1]",
        "[,1]",
        r#"{"a": 1} trailing"#,
        "  \n 42 ",
        r#"{"a": 1, "b": tru, "c": 3}"#,
        r#"{"a": 1, "b": "x\q", "c": 3}"#,
        r#"{"a": 1, "b": "\ud83d", "c": 3}"#,
        r#"{"a": 1, "b": "\ud83d\u0041", "c": 3}"#,
        r#"{"a": 1, "b": "\ude00", "c": 3}"#,
        r#"{"a": 1, "b": "\u12", "c": 3}"#,
        r#"{"a": 1, "b": "\u12é", "c": 3}"#,
        r#"{"a": 1, "b": "\é", "c": 3}"#,
        "{\"a\": 1, \"b\": \"raw\ttab\", \"c\": 3}",
        r#"{"a": 1, "b": 01, "c": 3}"#,
        r#"{"a": 1, "b": 1., "c": 3}"#,
        r#"{"a": 1, "b": -, "c": 3}"#,
        r#"{"a": 1, "b": 1e, "c": 3}"#,
        r#"{"a": 1, "b" 2, "c": 3}"#,
        r#"{"a": 1, b: 2, "c": 3}"#,
        r#"{"a": 1,, "c": 3}"#,
        r#"{"a": 1 "c": 3}"#,
        r#"{"a": 1, "b": [1 2], "c": 3}"#,
        r#"{"a": 1, "b": [1,], "c": 3}"#,
        r#"{"a": 1, "b": [1}, "c": 3}"#,
        r#"{"a": 1, "b": {"x": 1,}, "c": 3}"#,
        r#"{"a": 1, "b": {"x": [{"y": "\x"}]}, "c": 3}"#,
        r#"{"a\x": 1}"#,
        r#"{"\u0061": 1, "a": [2, {"b\"": 3}]}"#,
    ];
    for text in cases {
        let index = PointerIndex::build(text);
        let known = index.pointers();
        for pointer in
            probes(&known)
                .iter()
                .chain(&["/a".to_owned(), "/b/x/0/y".to_owned(), "/c".to_owned()])
        {
            assert_locates(&index, text, pointer);
        }
    }
}

#[test]
fn locate_on_hostile_input_returns_quickly() {
    let started = Instant::now();
    let balanced = |inner: &str| {
        format!(
            "{{\"x\": {}{inner}{}, \"y\": 2}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        )
    };
    let texts = [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        "{\"a\":[".repeat(50_000),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        balanced("1"),
        balanced("\"\\q\""),
        balanced("}}}"),
        "[\"\\".repeat(50_000),
        "\"".repeat(100_001),
        "\\".repeat(100_000),
        "[1,".repeat(50_000),
        "{\"".repeat(50_000),
        "[".repeat(127) + &"{\"a\": [".repeat(1000),
    ];
    for text in &texts {
        let index = PointerIndex::build(text);
        let at_limit = format!("/x{}", "/0".repeat(127));
        for pointer in [
            String::new(),
            "/0".repeat(200),
            "/0".repeat(100_000),
            "/a".repeat(200),
            "/a/0".repeat(200),
            at_limit.clone(),
            format!("{at_limit}/0"),
            "/y".to_owned(),
            format!("{}/a/0", "/0".repeat(127)),
        ] {
            assert_locates(&index, text, &pointer);
        }
    }
    // A long key and a long pointer token over many duplicates.
    let key = "k".repeat(100_000);
    let text = format!("{{{}\"a\": 1}}", "\"a\": {}, ".repeat(50_000));
    let index = PointerIndex::build(&text);
    for pointer in [format!("/a/{key}"), format!("/{key}"), "/a".to_owned()] {
        assert_locates(&index, &text, &pointer);
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

/// `locate_all` gives, for every pointer, what `locate` gives for it alone: all pointers at once,
/// and (when `subsets`) the pointers shuffled and cut into groups of several sizes.
#[track_caller]
fn assert_locates_all(text: &str, pointers: &[String], subsets: bool) {
    let expected: Vec<Located> = pointers.iter().map(|p| locate(text, p)).collect();
    let all: Vec<&str> = pointers.iter().map(String::as_str).collect();
    let found = locate_all(text, &all);
    assert_eq!(found.len(), all.len());
    for ((pointer, found), expected) in all.iter().zip(&found).zip(&expected) {
        assert_eq!(found, expected, "{pointer:?} in {text:?}");
    }
    if !subsets {
        return;
    }
    // A fixed pseudo-random order (xorshift), so a failure can be replayed.
    let mut order: Vec<usize> = (0..pointers.len()).collect();
    let mut state = 0x9E37_79B9_7F4A_7C15_u64 ^ text.len() as u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..3 {
        for i in (1..order.len()).rev() {
            let j = usize::try_from(next() % (i as u64 + 1)).unwrap();
            order.swap(i, j);
        }
        let size = [1, 2, 7][round];
        for group in order.chunks(size) {
            let subset: Vec<&str> = group.iter().map(|&i| all[i]).collect();
            let found = locate_all(text, &subset);
            for (&i, found) in group.iter().zip(&found) {
                assert_eq!(*found, expected[i], "{:?} in {text:?}", all[i]);
            }
        }
    }
}

#[test]
fn locate_all_agrees_with_locate_on_every_pointer() {
    for (_, text) in all_samples() {
        let known = PointerIndex::build(&text).pointers();
        let mut pointers = probes(&known);
        // The same pointer twice, and a repeat far from the first.
        pointers.extend(known.iter().take(3).cloned());
        assert_locates_all(&text, &pointers, true);
    }
    assert_eq!(locate_all(SAMPLE_BUNDLE, &[]), Vec::new());
}

#[test]
fn locate_all_keeps_the_last_of_repeated_keys() {
    let pointers = [
        "/a/y",
        "/a/y/0",
        "/a/x",
        "/a",
        "/c/k/deep",
        "/c/k/0",
        "/c/k",
        "/d",
        "/b/1/1",
        "/a/y/1/z",
    ];
    let found = locate_all(DUPLICATES, &pointers);
    for (pointer, found) in pointers.iter().zip(found) {
        assert_eq!(found, locate(DUPLICATES, pointer), "{pointer}");
    }
    let text = r#"{"a": {"x": 1}, "a": [1, 2"#;
    let found = locate_all(text, &["/a/x", "/a", "/a/1", ""]);
    assert_eq!(
        &text[found[0].span.offset..][..found[0].span.length],
        "[1, 2"
    );
    assert!(!found[0].exact && found[1].exact && found[2].exact && found[3].exact);
}

#[test]
fn locate_all_agrees_on_truncated_and_damaged_text() {
    for (name, sample) in &all_samples() {
        let mut pointers = PointerIndex::build(sample).pointers();
        pointers.push("/no/such/thing".to_owned());
        // Prefixes, sparsely: every 5th of the small samples, every 151st of the bundles.
        let step = if sample.len() < 1000 && !name.contains('/') {
            5
        } else {
            151
        };
        for end in (0..=sample.len()).step_by(step) {
            if sample.is_char_boundary(end) {
                assert_locates_all(&sample[..end], &pointers, false);
            }
        }
    }
    let garbage = [
        "", "x", "\"", "\\", "}", "]", "{", "[", ",", ":", "\u{1}", "\\u", "1.",
    ];
    for sample in [TRICKY_BUNDLE, DUPLICATES] {
        let full = PointerIndex::build(sample).pointers();
        for (at, c) in sample.char_indices().step_by(3) {
            for bad in garbage {
                let text = format!("{}{bad}{}", &sample[..at], &sample[at + c.len_utf8()..]);
                let mut pointers = full.clone();
                pointers.extend(PointerIndex::build(&text).pointers());
                assert_locates_all(&text, &pointers, false);
            }
        }
    }
}

#[test]
fn locate_all_agrees_on_malformed_and_hostile_text() {
    let started = Instant::now();
    let malformed = [
        "",
        "   ",
        "garbage",
        "tru",
        "\"open",
        "-",
        "01",
        "{",
        "[",
        "{\"a\"",
        "{\"a\":",
        "[1, 2",
        "[}",
        "{]",
        "[1}",
        "{\"a\": 1]",
        "[,1]",
        r#"{"a": 1} trailing"#,
        "  \n 42 ",
        r#"{"a": 1, "b": tru, "c": 3}"#,
        r#"{"a": 1, "b": "\ud83d\u0041", "c": 3}"#,
        r#"{"a": 1, "b": "\u12é", "c": 3}"#,
        "{\"a\": 1, \"b\": \"raw\ttab\", \"c\": 3}",
        r#"{"a": 1, "b": [1,], "c": 3}"#,
        r#"{"a": 1, "b": {"x": [{"y": "\x"}]}, "c": 3}"#,
        r#"{"a\x": 1}"#,
        r#"{"\u0061": 1, "a": [2, {"b\"": 3}]}"#,
    ];
    for text in malformed {
        let known = PointerIndex::build(text).pointers();
        let mut pointers = probes(&known);
        pointers.extend(["/a", "/b/x/0/y", "/c"].map(str::to_owned));
        assert_locates_all(text, &pointers, true);
    }
    let balanced = |inner: &str| {
        format!(
            "{{\"x\": {}{inner}{}, \"y\": 2}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        )
    };
    let hostile = [
        "[".repeat(100_000),
        "{\"a\":".repeat(100_000),
        "{\"a\":[".repeat(50_000),
        balanced("1"),
        balanced("\"\\q\""),
        balanced("}}}"),
        "[\"\\".repeat(50_000),
        "\"".repeat(100_001),
        "[1,".repeat(50_000),
        "{\"".repeat(50_000),
        "[".repeat(127) + &"{\"a\": [".repeat(1000),
    ];
    let at_limit = format!("/x{}", "/0".repeat(127));
    let pointers = [
        String::new(),
        "/0".repeat(200),
        "/0".repeat(100_000),
        "/a".repeat(200),
        "/a/0".repeat(200),
        at_limit.clone(),
        format!("{at_limit}/0"),
        format!("/x{}", "/0".repeat(60)),
        "/y".to_owned(),
        format!("{}/a/0", "/0".repeat(127)),
    ];
    for text in &hostile {
        assert_locates_all(text, &pointers, false);
    }
    // A long key and a long pointer token over many duplicates.
    let key = "k".repeat(100_000);
    let text = format!("{{{}\"a\": 1}}", "\"a\": {}, ".repeat(50_000));
    assert_locates_all(
        &text,
        &[format!("/a/{key}"), format!("/{key}"), "/a".to_owned()],
        false,
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

/// Not a benchmark: `cargo test --test it locate_costs -- --ignored --nocapture` prints what
/// building the index, locating one pointer and locating all at once cost on a large bundle, and
/// checks they agree.
#[test]
#[ignore = "prints timings, run by hand"]
fn locate_costs_against_the_index() {
    let items = (0..100_000)
        .map(|i| format!("{{\"kind\": \"doc {i}\", \"signed\": true, \"n\": [{i}, \"Ә\\u0416\"]}}"))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!("{{\"documents\": [{items}], \"checks\": {{\"solvency\": \"confirmed\"}}}}");
    let pointers = [
        "/documents/0/kind",
        "/documents/99999/n/1",
        "/checks/solvency",
        "/checks/missing",
    ];
    let started = Instant::now();
    let index = PointerIndex::build(&text);
    let spans: Vec<_> = pointers.iter().map(|p| index.nearest(p)).collect();
    let built = started.elapsed();
    let started = Instant::now();
    let found: Vec<_> = pointers.iter().map(|p| locate(&text, p)).collect();
    let located = started.elapsed();
    let started = Instant::now();
    let all = locate_all(&text, &pointers);
    let located_all = started.elapsed();
    assert_eq!(all, found);
    for ((pointer, (matched, span)), found) in pointers.iter().zip(&spans).zip(&found) {
        assert_eq!(
            (found.matched, found.span),
            (matched.len(), *span),
            "{pointer}"
        );
    }
    println!(
        "{} bytes: index + {} lookups {built:?}; {} locates {located:?}; locate_all {located_all:?}",
        text.len(),
        pointers.len(),
        pointers.len()
    );
}
