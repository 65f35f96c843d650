//! `--mask`: no personal value of a bundle in any output (`check` human and JSON, one bundle
//! and NDJSON; `trace` human, JSON and HTML), while pointers, spans, lines, columns and codes
//! are exactly those of the unmasked output and what is not personal is still shown. The
//! bundles are under `fixtures/mask`: names, an IIN and notes in fields no rule reads, birth
//! dates, a citizenship, document numbers, values of the wrong kind, a text cut off.

use std::path::{Path, PathBuf};
use std::process::Command;

use ereje::RuleSet;
use ereje::batch::Batch;
use ereje::check::Options;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The bundles, relative to the crate's folder (where the binary is run).
const BUNDLES: [&str; 3] = [
    "tests/fixtures/mask/personal.json",
    "tests/fixtures/mask/personal-invalid.json",
    "tests/fixtures/mask/personal-truncated.json",
];

/// Every personal value the bundles hold, as they write it.
const PERSONAL: [&str; 16] = [
    "Айгерим",
    "Нурланова",
    "Нурл",
    "Тимур",
    "ускорить",
    "880101300123",
    "FA1234567",
    "AF-77120934",
    "KZ-BANK-5512",
    "1986-07-14",
    "2009-09-01",
    "2009-02-30",
    "19860714",
    "Uzbekistan",
    "Узбекский",
    // the citizenship as the bundle writes it (`UZ` is also an example in ereje's own help)
    "`uz`",
];

fn ereje(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The bundles one per line, in a file of their own.
fn ndjson() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ereje-mask-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let lines: Vec<String> = BUNDLES
        .iter()
        .map(|b| {
            std::fs::read_to_string(Path::new(ROOT).join(b))
                .expect("fixture")
                .replace('\n', " ")
        })
        .collect();
    let path = dir.join("personal.ndjson");
    std::fs::write(&path, lines.join("\n")).expect("write NDJSON");
    path
}

/// Every output of every bundle, with `extra` arguments (`--mask` or none), each named.
fn outputs(extra: &[&str]) -> Vec<(String, String)> {
    let ndjson = ndjson();
    let ndjson = ndjson.to_str().expect("a UTF-8 path");
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for bundle in BUNDLES {
        for format in ["human", "json"] {
            runs.push(vec!["check", bundle, "--format", format]);
        }
        for format in ["human", "json", "html"] {
            runs.push(vec!["trace", bundle, "--format", format]);
        }
    }
    for format in ["human", "json"] {
        runs.push(vec!["check", "--ndjson", ndjson, "--format", format]);
    }
    runs.into_iter()
        .map(|mut args| {
            args.extend_from_slice(extra);
            (args.join(" "), ereje(&args))
        })
        .collect()
}

#[test]
fn no_personal_value_of_a_bundle_is_in_any_masked_output() {
    for (run, out) in outputs(&["--mask"]) {
        for value in PERSONAL {
            assert!(!out.contains(value), "`{run}` shows `{value}`:\n{out}");
        }
    }
}

#[test]
fn without_the_mask_the_same_outputs_show_them() {
    // the test above would see a value that leaked: unmasked, they are there
    let all: String = outputs(&[]).into_iter().map(|(_, out)| out).collect();
    for value in PERSONAL {
        assert!(all.contains(value), "no unmasked output shows `{value}`");
    }
}

/// `value` without the members named `fields`, anywhere in it.
fn without(mut value: Value, fields: &[&str]) -> Value {
    fn strip(value: &mut Value, fields: &[&str]) {
        match value {
            Value::Object(members) => {
                members.retain(|k, _| !fields.contains(&k.as_str()));
                members.values_mut().for_each(|v| strip(v, fields));
            }
            Value::Array(items) => items.iter_mut().for_each(|v| strip(v, fields)),
            _ => {}
        }
    }
    strip(&mut value, fields);
    value
}

fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

#[test]
fn pointers_spans_lines_columns_and_codes_stay_exact() {
    let ndjson = ndjson();
    let ndjson = ndjson.to_str().expect("a UTF-8 path");
    let mut runs: Vec<Vec<&str>> = BUNDLES
        .iter()
        .flat_map(|b| {
            [
                vec!["check", b, "--format", "json"],
                vec!["trace", b, "--format", "json"],
            ]
        })
        .collect();
    runs.push(vec!["check", "--ndjson", ndjson, "--format", "json"]);
    for args in runs {
        let plain = json_lines(&ereje(&args));
        let mut masked_args = args.clone();
        masked_args.push("--mask");
        let masked = json_lines(&ereje(&masked_args));
        // the words and the facts' values are what the mask changes; nothing else may
        let words = ["message", "help", "value"];
        assert_eq!(
            masked
                .into_iter()
                .map(|v| without(v, &words))
                .collect::<Vec<_>>(),
            plain
                .into_iter()
                .map(|v| without(v, &words))
                .collect::<Vec<_>>(),
            "{args:?}"
        );
    }
}

#[test]
fn what_is_not_personal_is_still_shown() {
    let report = &json_lines(&ereje(&[
        "check",
        "tests/fixtures/mask/personal.json",
        "--format",
        "json",
        "--mask",
    ]))[0];
    assert_eq!(report["id"], "mask-personal");
    assert_eq!(report["service"], "kz.mvd.permanent_residence");
    assert_eq!(report["verdict"], "refused");
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(messages.iter().any(|m| m.contains("`birth_certificate`")));
    assert!(messages.iter().any(|m| m.contains("unknown field `iin`")));
    let trace = ereje(&[
        "trace",
        "tests/fixtures/mask/personal.json",
        "--format",
        "json",
        "--mask",
    ]);
    for shown in [
        r#""value":"foreigner""#,
        r#""value":"not_confirmed""#,
        r#""value":["refugee"]"#,
        r#""value":"2019-08-01""#,
        r#""value":"ru""#,
    ] {
        assert!(trace.contains(shown), "the masked trace lacks {shown}");
    }
    assert!(
        trace.contains(r#""value":"••••-••-••""#),
        "a birth date masked as a date"
    );
    assert!(
        trace.contains(r#""value":"••""#),
        "the citizenship masked as a code"
    );
    let human = ereje(&["check", "tests/fixtures/mask/personal.json", "--mask"]);
    for shown in [
        r#""kind": "passport""#,
        r#""expires_on": "2019-08-01""#,
        "*********123",
    ] {
        assert!(human.contains(shown), "the masked snippets lack {shown}");
    }
}

#[test]
fn the_masked_text_keeps_every_byte_and_character_in_its_place() {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    for bundle in BUNDLES {
        let text = std::fs::read_to_string(Path::new(ROOT).join(bundle)).expect("fixture");
        let report = rules.check(&text, &Options::default());
        let masked = rules.masker(&report, &text).text(&text);
        assert_eq!(masked.len(), text.len(), "{bundle}");
        assert_eq!(masked.chars().count(), text.chars().count(), "{bundle}");
        let breaks = |t: &str| t.match_indices('\n').map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(breaks(&masked), breaks(&text), "{bundle}");
        // every byte outside the strings where it was: only the insides of values changed
        let mut inside = false;
        let mut escaped = false;
        for (a, b) in text.bytes().zip(masked.bytes()) {
            if inside {
                if escaped {
                    escaped = false;
                } else if a == b'\\' {
                    escaped = true;
                } else if a == b'"' {
                    inside = false;
                    assert_eq!(a, b, "{bundle}: a string's closing quote");
                }
            } else if a == b'"' {
                inside = true;
                assert_eq!(a, b, "{bundle}: a string's opening quote");
            } else if !a.is_ascii_alphanumeric() {
                assert_eq!(a, b, "{bundle}: {:?}", char::from(a));
            }
        }
    }
}

#[test]
fn the_library_masks_when_asked_and_only_then() {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let text = std::fs::read_to_string(Path::new(ROOT).join(BUNDLES[1])).expect("fixture");
    let words = |options: &Options| -> String {
        let checked = Batch::new(&rules)
            .options(options.clone())
            .check(text.as_bytes());
        let report = ereje::report::json::report_line(&checked.report);
        format!("{report}{}", checked.text)
    };
    let plain = words(&Options::default());
    let masked = words(&Options {
        mask: true,
        ..Options::default()
    });
    assert!(plain.contains("880101300123") && plain.contains("Uzbekistan"));
    for value in PERSONAL {
        assert!(!masked.contains(value), "Batch with `mask` shows `{value}`");
    }
    let report = rules.check(
        &text,
        &Options {
            mask: true,
            ..Options::default()
        },
    );
    let line = ereje::report::json::report_line(&report);
    assert!(!line.contains("Нурланова") && line.contains("applicant.category"));
}

#[test]
fn a_masked_report_for_people() {
    let human = ereje(&["check", "tests/fixtures/mask/personal.json", "--mask"]);
    insta::assert_snapshot!("mask_human_personal", human);
}

#[test]
fn every_example_bundle_cut_anywhere_masks_to_a_text_of_its_own_shape() {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let dir = Path::new(ROOT).join("examples/bundles");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| std::fs::read_to_string(p).expect("example"))
        .collect();
    texts.extend([
        "[".repeat(300),
        "{\"a\": \"\\u00e9\\\"x\"}".to_string(),
        "\u{FEFF}{}".into(),
    ]);
    for text in &texts {
        let report = rules.check(text, &Options::default());
        let masker = rules.masker(&report, text);
        for cut in (0..=text.len())
            .step_by(37)
            .filter(|i| text.is_char_boundary(*i))
        {
            let part = &text[..cut];
            let masked = masker.text(part);
            assert_eq!(masked.len(), part.len());
            assert_eq!(masked.chars().count(), part.chars().count());
        }
    }
}
