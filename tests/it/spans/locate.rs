//! `locate_all` gives the index's answer for every pointer: one at a time, all at once, and in
//! shuffled groups, on every sample and on damaged and hostile texts.

use super::*;

#[test]
fn locate_agrees_with_the_index_on_every_pointer() {
    for (name, text) in all_samples() {
        let index = PointerIndex::build(&text);
        let known = index.pointers();
        assert!(known.len() > 3, "{name}");
        for pointer in &known {
            let found = locate_one(&text, pointer);
            assert!(found.exact, "{name}: {pointer}");
            assert_eq!(Some(found.span), index.value(pointer), "{name}: {pointer}");
        }
        for pointer in probes(&known) {
            assert_locates(&index, &text, &pointer);
        }
    }
}

#[test]
fn locate_keeps_the_last_of_repeated_keys() {
    let text = DUPLICATES;
    let at = |pointer: &'static str| {
        let found = locate_one(text, pointer);
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
    let found = locate_one(text, "/a/x");
    assert!(found.exact);
    assert_eq!(&text[found.span.offset..][..found.span.length], "1");
    // A repeat that opens a container does, even if it never closes.
    let text = r#"{"a": {"x": 1}, "a": [1, 2"#;
    let found = locate_one(text, "/a/x");
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

/// `locate_all` gives, for every pointer, the index's answer: all pointers at once, and (when
/// `subsets`) the pointers shuffled and cut into groups of several sizes.
#[track_caller]
fn assert_locates_all(text: &str, pointers: &[String], subsets: bool) {
    let index = PointerIndex::build(text);
    let expected: Vec<Located> = pointers.iter().map(|p| index.locate(p)).collect();
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
    let found: Vec<_> = pointers.iter().map(|p| locate_one(&text, p)).collect();
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
