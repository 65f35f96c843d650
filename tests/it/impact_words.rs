//! `ereje impact` for people in Russian and Kazakh: the human summary and the Markdown comment
//! of one impact (a flip, unreadable lines, groups past those listed and past the tally's
//! cap) are snapshotted in each language, hold no English word of ereje's own, and keep the
//! report's identifiers (codes, verdicts, severities) as they are; `--lang` reaches them.

use std::process::Command;

use ereje::check::{Kind, Severity, Verdict};
use ereje::impact::{
    Counted, FindingKey, Findings, Group, Impact, LeftOut, Sample, Side, VerdictFlip, render,
};
use ereje::vocab::Lang;

fn sample(line: usize, named: bool) -> Sample {
    Sample {
        line,
        id: named.then(|| format!("b-{line}")),
    }
}

/// An impact with something in every part of the rendering.
fn impact() -> Impact {
    let groups: Vec<Group> = (0..12)
        .map(|i| Group {
            key: FindingKey {
                code: if i == 0 {
                    "missing-document"
                } else {
                    "unknown-field"
                },
                kind: Kind::Input,
                severity: if i == 0 {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                service: Some(String::from("kz.mvd.permanent_residence")),
                subject: format!("field_{i:02}"),
                rule: None,
            },
            bundles: Counted {
                bundles: if i == 0 { 9 } else { 1 },
                samples: (1..=if i == 0 { 3 } else { 1 })
                    .map(|l| sample(l, true))
                    .collect(),
            },
            findings: if i == 0 { 11 } else { 1 },
        })
        .collect();
    let side = |rules: &str| Side {
        rules: rules.to_string(),
        rules_version: format!("sha256:{}", "0".repeat(64)),
    };
    Impact {
        base: side("shipped"),
        new: side("rules-new"),
        as_of: None,
        now: None,
        samples: 3,
        bundles: 12,
        changed: Counted {
            bundles: 9,
            samples: (1..=3).map(|l| sample(l, true)).collect(),
        },
        unreadable: Counted {
            bundles: 2,
            samples: vec![sample(11, false), sample(12, false)],
        },
        base_verdicts: [8, 0, 0, 0, 2, 2],
        new_verdicts: [0, 0, 8, 0, 2, 2],
        flips: vec![VerdictFlip {
            from: Verdict::Ok,
            to: Verdict::Incomplete,
            bundles: Counted {
                bundles: 8,
                samples: vec![sample(1, true), sample(2, true), sample(3, false)],
            },
        }],
        added: Findings {
            bundles: 9,
            findings: 29,
            groups,
            left_out: LeftOut {
                findings: 7,
                bundles: 4,
            },
        },
        removed: Findings::default(),
    }
}

/// English words of ereje's own that must not be left in a Russian or Kazakh rendering.
const ENGLISH: [&str; 12] = [
    " bundle", "bundles", " line ", "finding", " group", "replayed", " change", " none", "None.",
    "verdict", " more", "between",
];

#[test]
fn the_impact_for_people_in_russian_and_kazakh() {
    let impact = impact();
    for (lang, tag) in [(Lang::Ru, "ru"), (Lang::Kk, "kk")] {
        let human = render::human::render(&impact, lang);
        let markdown = render::markdown::render(&impact, lang);
        for text in [&human, &markdown] {
            for word in ENGLISH {
                assert!(
                    !text.to_lowercase().contains(&word.to_lowercase()),
                    "`{word}` in the {tag} rendering:\n{text}"
                );
            }
            // the report's identifiers are not translated
            for id in [
                "missing-document",
                "kz.mvd.permanent_residence",
                "incomplete",
                "error",
            ] {
                assert!(text.contains(id), "`{id}` in {tag}:\n{text}");
            }
        }
        insta::assert_snapshot!(format!("impact_human_{tag}"), human);
        insta::assert_snapshot!(format!("impact_markdown_{tag}"), markdown);
    }
    // English stays as it was: the counts agree with their nouns
    let english = render::human::render(&impact, Lang::En);
    assert!(
        english.contains("9 bundles change, 3 do not; 2 lines are not readable JSON"),
        "{english}"
    );
}

#[test]
fn lang_reaches_the_rendering() {
    let root = env!("CARGO_MANIFEST_DIR");
    let archive =
        std::env::temp_dir().join(format!("ereje-impact-words-{}.ndjson", std::process::id()));
    let bundle =
        std::fs::read_to_string(format!("{root}/examples/bundles/pr-ok.json")).expect("bundle");
    let line: serde_json::Value = serde_json::from_str(&bundle).expect("json");
    std::fs::write(&archive, format!("{line}\nnot json\n")).expect("archive");
    for (lang, expected) in [
        ("ru", "изменились: 0, не изменились: 2"),
        ("kk", "өзгергені: 0, өзгермегені: 2"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["impact", "--rules", &format!("{root}/rules"), "--ndjson"])
            .arg(&archive)
            .args(["--lang", lang])
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(expected), "{text}");
    }
    let _ = std::fs::remove_file(archive);
}
