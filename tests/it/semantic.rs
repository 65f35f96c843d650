//! Analysis errors: each fixture under `fixtures/semantic/err` has one mistake; every error it
//! yields is rendered as users see it and snapshotted.

use std::path::Path;

use ereje::RuleSet;
use ereje::source::SourceFile;

fn rendered_errors(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let name = format!(
        "fixtures/semantic/err/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("")
    );
    match RuleSet::from_sources(vec![SourceFile::new(name, text)]) {
        Ok(_) => String::from("(no errors)"),
        Err(diagnostics) => crate::support::render_diagnostics(&diagnostics),
    }
}

/// Every analysis error of the fixtures with mistakes, names, types and validity alike, and
/// of the fixtures of recovery, reads in Russian and Kazakh without English words.
#[test]
fn every_analysis_error_of_the_fixtures_is_worded_in_kk_and_ru() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = std::collections::BTreeSet::new();
    let mut english = Vec::new();
    for dir in ["tests/fixtures/semantic/err", "tests/fixtures/recovery"] {
        for path in crate::support::ereje_files(&root.join(dir)) {
            let analysis = ereje::analysis::analyze_sources(vec![crate::support::load(&path)]);
            for d in analysis.diagnostics.iter().filter(|d| {
                // syntax errors are worded elsewhere
                d.code.family() != ereje::codes::Family::Syntax
            }) {
                seen.insert(d.code.code);
                english.extend(
                    crate::support::english_left(d)
                        .into_iter()
                        .map(|e| format!("{}: {e}", path.display())),
                );
            }
        }
    }
    assert!(
        english.is_empty(),
        "still in English:\n{}",
        english.join("\n")
    );
    assert!(seen.len() >= 15, "only {seen:?}");
}

#[test]
fn semantic_error_fixtures() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/semantic/err"
    ));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 15);
    for path in paths {
        let rendered = rendered_errors(&path);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("fixture")
            .to_string();
        assert_ne!(rendered, "(no errors)", "{stem} must fail analysis");
        insta::assert_snapshot!(format!("semantic_{stem}"), rendered);
    }
}

#[test]
fn shipped_rules_compile() {
    let files =
        ereje::rule_set::read_rule_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")))
            .expect("the shipped rule files are readable");
    match RuleSet::from_sources(files) {
        Ok((_, warnings)) => assert!(
            warnings.is_empty(),
            "{}",
            crate::support::render_diagnostics(&warnings)
        ),
        Err(d) => panic!("{}", crate::support::render_diagnostics(&d)),
    }
}

/// An act whose publication is not known (order 799) enters into force in a window: from the
/// earliest day its record allows until the day the act it amends (order 495) lost force. An
/// element that starts with it (the State Corporation channel) is in force neither surely nor
/// surely not inside that window.
#[test]
fn an_element_bounded_by_an_act_of_unknown_date_is_undecided_in_its_window() {
    use chrono::NaiveDate;
    use ereje::semantic::model::{Assume, InForce};
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let act = rules
        .model()
        .acts
        .get("kz.mia.order_799")
        .expect("order 799");
    assert!(act.in_force_is_estimate);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a day");
    // its words are in order 495's text: it entered into force by 495's last day in force
    assert_eq!(act.in_force_latest, Some(day(2020, 4, 13)));
    let service = rules
        .model()
        .services
        .iter()
        .find(|s| s.id == "kz.mvd.permanent_residence")
        .expect("the service");
    let channel = &service
        .channels
        .iter()
        .find(|c| c.name == "state_corporation")
        .expect("the channel")
        .meta
        .validity;
    let earliest = act.in_force.expect("an earliest day");
    let before = earliest.pred_opt().expect("a day before");
    assert_eq!(channel.on(before), InForce::No);
    assert!(matches!(
        channel.on(earliest),
        InForce::Unknown { window, earliest: e } if &*window.act == "kz.mia.order_799" && e == earliest
    ));
    assert!(matches!(
        channel.on(day(2020, 4, 12)),
        InForce::Unknown { .. }
    ));
    // on the last day of order 495, order 799 is surely in force, whatever its day was
    assert_eq!(channel.on(day(2020, 4, 13)), InForce::Yes);
    assert!(channel.assuming(day(2020, 4, 13), Assume::Latest));
    assert!(channel.assuming(earliest, Assume::Earliest));
    assert!(!channel.assuming(earliest, Assume::Latest));
    // the provider channel does not depend on order 799
    let provider = &service
        .channels
        .iter()
        .find(|c| c.name == "provider")
        .expect("the provider channel")
        .meta
        .validity;
    assert_eq!(provider.on(earliest), InForce::Yes);
}

/// A step written `by a, b` keeps both actors in the model; the plan, whose deadlines name one
/// actor in the report, keeps the first.
#[test]
fn a_step_with_two_actors_keeps_both_and_the_plan_the_first() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/syntax/ok/step_with_two_actors.ereje"
    ));
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let (rules, _) = RuleSet::from_sources(vec![SourceFile::new("two_actors.ereje", text)])
        .unwrap_or_else(|d| panic!("{}", crate::support::render_diagnostics(&d)));
    let service = &rules.model().services[0];
    assert_eq!(service.process.steps[0].actors, ["office", "corporation"]);
    assert_eq!(service.process.steps[1].actors, ["directorate"]);
    assert_eq!(service.views[0].steps[1].actors, ["office", "corporation"]);
    let plan = &rules.plan().services[0];
    assert_eq!(plan.steps[0].actor.as_deref(), Some("office"));
    assert_eq!(plan.steps[1].actor.as_deref(), Some("directorate"));
}

/// `personal` on an input, on a record's field and as a document's clause reaches the checked
/// model and the plan; an input marked on a list marks every field of its records.
#[test]
fn personal_marks_reach_the_model_and_the_plan() {
    use ereje::semantic::model::{DocField, Type};
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/syntax/ok/personal_marks.ereje"
    ));
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let (rules, _) = RuleSet::from_sources(vec![SourceFile::new("personal.ereje", text)])
        .unwrap_or_else(|d| panic!("{}", crate::support::render_diagnostics(&d)));
    let personal: Vec<(&str, bool)> = rules.plan().services[0]
        .inputs
        .iter()
        .map(|i| (i.name.as_str(), i.personal))
        .collect();
    assert_eq!(
        personal,
        [
            ("applicant.category", false),
            ("applicant.birth_date", true),
            ("applicant.citizenship", true),
            ("applicant.children", false),
        ]
    );
    let Type::List(fields) = &rules.model().services[0].inputs[3].ty else {
        panic!("children is a list");
    };
    let fields: Vec<(&str, bool)> = fields
        .iter()
        .map(|f| (f.name.as_str(), f.personal))
        .collect();
    assert_eq!(fields, [("birth_date", true), ("applying_jointly", false)]);
    assert_eq!(
        rules.plan().services[0].documents[0].personal,
        [DocField::Number, DocField::IssuedOn, DocField::ExpiresOn]
    );

    let whole = "act kz.test.a { kind order issued 2015-01-01 number \"1\" in_force 2015-01-10 }\n\
        service kz.test.s { act kz.test.a timezone \"Asia/Almaty\"\n\
        input applicant.children: list { name: text, applying_jointly: bool } personal }\n";
    let (rules, _) = RuleSet::from_sources(vec![SourceFile::new("list.ereje", whole)])
        .unwrap_or_else(|d| panic!("{}", crate::support::render_diagnostics(&d)));
    let Type::List(fields) = &rules.model().services[0].inputs[0].ty else {
        panic!("children is a list");
    };
    assert!(fields.iter().all(|f| f.personal));
}

/// Every message a shipped element carries exists in Kazakh, Russian and English, and each is
/// the element's own (a validity rule's messages are its own, not its document's), so a report
/// in any of the three languages reaches it.
#[test]
fn every_message_of_every_shipped_element_is_in_kk_ru_and_en() {
    use ereje::vocab::Lang;
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let mut checked = 0;
    let mut missing = Vec::new();
    for service in &rules.model().services {
        let mut texts: Vec<(String, &ereje::vocab::Texts)> = Vec::new();
        for d in &service.documents {
            texts.push((format!("document {}", d.kind), &d.meta.message));
            for (i, (_, message)) in d.validity.iter().enumerate() {
                texts.push((
                    format!("document {} valid when #{}", d.kind, i + 1),
                    message,
                ));
            }
        }
        for r in &service.refusals {
            texts.push((format!("refusal {}", r.id), &r.meta.message));
        }
        for (what, message) in texts {
            if message.entries.is_empty() {
                continue;
            }
            checked += 1;
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                if !message.has(lang) {
                    missing.push(format!(
                        "{}: {what} has no `{}` message",
                        service.id,
                        lang.tag()
                    ));
                }
            }
        }
    }
    assert!(checked >= 15, "only {checked} messages");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
