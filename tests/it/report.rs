//! What a report says about the rules behind its findings: the unverified sources they rest on
//! and every citation, in the JSON report and in human output.

use ereje::RuleSet;
use ereje::check::Options;
use ereje::report::human::Style;
use ereje::vocab::Lang;

/// Two acts, one with an unverified record, and a service whose documents rest on them in
/// every way: an own reason, a cited act's, both, neither.
const RULES: &str = r#"act kz.test.law {
  kind law
  issued 2010-01-01 number "10"
  in_force 2010-01-01
  unverified "the law was read in a later wording"
}

act kz.test.order {
  kind order
  issued 2011-01-01 number "20"
  in_force 2011-01-01
}

service kz.test.letters {
  act kz.test.order
  timezone "Asia/Almaty"
  channel provider
  document own_reason {
    required always
    § 3
    unverified "the list of documents was not recovered"
  }
  document act_reason {
    required always
    § kz.test.law art. 5
  }
  document both_reasons {
    required always
    § kz.test.law art. 6
    § 4
    § kz.test.law art. 7
    unverified "the list of documents was not recovered"
  }
  document no_reason {
    required always
    § 5
  }
}
"#;

const BUNDLE: &str = r#"{"service":"kz.test.letters","submitted_at":"2019-05-14T10:00:00+06:00","channel":"provider","documents":[]}"#;

fn rules() -> RuleSet {
    let (rules, _warnings) =
        RuleSet::from_sources(vec![ereje::source::SourceFile::new("test.ereje", RULES)])
            .expect("rules compile");
    rules
}

/// The JSON findings of the bundle, by subject.
fn findings(lang: Lang) -> Vec<(String, serde_json::Value)> {
    let report = rules().check(
        BUNDLE,
        &Options {
            lang: Some(lang),
            ..Options::default()
        },
    );
    let value = serde_json::to_value(&report).expect("serializable");
    value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["subject"].as_str().unwrap_or("").to_string(), f.clone()))
        .collect()
}

fn finding(subject: &str) -> serde_json::Value {
    findings(Lang::En)
        .into_iter()
        .find(|(s, _)| s == subject)
        .map_or_else(|| panic!("a finding about `{subject}`"), |(_, f)| f)
}

#[test]
fn a_finding_says_which_unverified_sources_its_rule_rests_on() {
    assert_eq!(
        finding("own_reason")["unverified"],
        "the list of documents was not recovered"
    );
    assert_eq!(
        finding("act_reason")["unverified"],
        "kz.test.law: the law was read in a later wording"
    );
    // the rule's own reason first, then the cited act's, once however often it is cited
    assert_eq!(
        finding("both_reasons")["unverified"],
        "the list of documents was not recovered; kz.test.law: the law was read in a later wording"
    );
    assert!(finding("no_reason").get("unverified").is_none());
    // the reasons are the rule files' words, the same in every language
    for lang in [Lang::Ru, Lang::Kk] {
        for (subject, f) in findings(lang) {
            assert_eq!(
                f["unverified"],
                finding(&subject)["unverified"],
                "{subject}"
            );
        }
    }
}

#[test]
fn a_finding_lists_every_citation_of_its_rule() {
    let both = finding("both_reasons");
    assert_eq!(
        both["citation"],
        serde_json::json!({"act": "kz.test.law", "ref": "art. 6"})
    );
    assert_eq!(
        both["citations"],
        serde_json::json!([
            {"act": "kz.test.law", "ref": "art. 6"},
            {"act": "kz.test.order", "ref": "§ 4"},
            {"act": "kz.test.law", "ref": "art. 7"},
        ])
    );
    let one = finding("no_reason");
    assert_eq!(
        one["citations"],
        serde_json::json!([one["citation"].clone()])
    );
}

/// The human report of the bundle in `lang`, unwrapped.
fn human(lang: Lang) -> String {
    let mut report = rules().check(BUNDLE, &Options::default());
    ereje::report::spans::fill(&mut report, BUNDLE);
    ereje::report::human::render_report(
        &report,
        "bundle.json",
        BUNDLE,
        &Style {
            width: None,
            lang,
            ..Style::plain()
        },
    )
}

/// The lines of `text` that start with `head` (after the indentation).
fn lines_with<'a>(text: &'a str, head: &str) -> Vec<&'a str> {
    text.lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with(head))
        .collect()
}

#[test]
fn human_output_has_a_note_line_for_unverified_sources_in_every_language() {
    for (lang, head) in [
        (Lang::En, "unverified: "),
        (Lang::Ru, "не проверено: "),
        (Lang::Kk, "тексерілмеген: "),
    ] {
        let text = human(lang);
        assert_eq!(
            lines_with(&text, head),
            vec![
                format!("{head}the list of documents was not recovered"),
                format!("{head}kz.test.law: the law was read in a later wording"),
                format!(
                    "{head}the list of documents was not recovered; kz.test.law: the law was read in a later wording"
                ),
            ],
            "{text}"
        );
    }
}

#[test]
fn the_human_law_line_names_every_citation() {
    let text = human(Lang::En);
    let laws = lines_with(&text, "law:");
    assert!(
        laws.contains(
            &"law:  law 10, art. 6; order 20, § 4; law 10, art. 7 — rule `kz.test.letters/both_reasons` (test.ereje:27)"
        ),
        "{text}"
    );
    assert!(
        laws.contains(&"law:  order 20, § 5 — rule `kz.test.letters/no_reason` (test.ereje:34)"),
        "{text}"
    );
}

/// Every report names the version of the report contract first, whatever its bundle held.
#[test]
fn every_report_names_its_contract_version_first() {
    assert_eq!(ereje::report::REPORT_VERSION, "1.1");
    let rules = rules();
    for text in [BUNDLE, "", "not json", "{\"service\": \"kz.test.nothing\"}"] {
        let line = ereje::report::json::report_line(&rules.check(text, &Options::default()));
        assert!(
            line.starts_with("{\"report_version\":\"1.1\",\"id\":"),
            "{line}"
        );
    }
}
