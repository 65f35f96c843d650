//! The one JSON span scanner (`report::spans`): `locate_all` checked against a full index of
//! every value (`oracle`), on valid, odd, truncated, malformed and hostile texts.

mod index;
mod locate;
mod oracle;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ereje::report::spans::{JsonSpan, Located, locate_all};
use ereje::source::line_col;
use oracle::{PointerIndex, locate};
use serde_json::Value;

/// A bundle with every field of the envelope (docs/contracts.md).
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

/// `locate_all` asked for one pointer.
fn locate_one(text: &str, pointer: &str) -> Located {
    locate_all(text, &[pointer])[0]
}

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

/// Repeated keys at several levels: the last of each wins, with everything inside it.
const DUPLICATES: &str = r#"{"a": {"x": 1, "y": [1, {"z": 0}]}, "b": [[], [2, 3]], "a": {"y": [3, {"w": 4}]},
 "c": {"k": 1, "k": [5], "\u006b": {"deep": true}}, "a": {"y": [6, {"z": 7}], "y": 8}, "d": 9}"#;

/// The samples above, the generated one, and every example bundle.
fn all_samples() -> Vec<(String, String)> {
    let mut samples: Vec<(String, String)> = [
        ("design", SAMPLE_BUNDLE),
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

/// `locate_all`, asked for one pointer, gives the span `value` gives, or else what `nearest` gives.
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
    assert_eq!(
        locate_one(text, pointer),
        expected,
        "{pointer:?} in {text:?}"
    );
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
