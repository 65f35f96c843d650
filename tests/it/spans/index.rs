//! The oracle checked first: the full index gives every value's span, as serde_json reads the
//! text, on valid, odd, truncated, malformed and hostile texts.

use super::*;

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
