//! Findings say who must act, on what, and why: a deadline names the step's actor, the event
//! its term counts from and when, the due time and how late, and the service term is called
//! the service term; a document required for each child names the child by its place and its
//! birth date and says why, in the rule file's words; a set is shown by its members. Each in
//! en, ru and kk, as users see it.

use std::path::PathBuf;

use ereje::RuleSet;
use ereje::check::Options;
use ereje::report::human::Style;
use ereje::vocab::Lang;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The human report of an example bundle in `lang`, plain, at 80 columns.
fn rendered(rules: &RuleSet, name: &str, options: &Options, lang: Lang) -> String {
    let path = root().join("examples/bundles").join(name);
    let text = std::fs::read_to_string(path).expect("bundle");
    let mut report = rules.check(
        &text,
        &Options {
            lang: Some(lang),
            ..options.clone()
        },
    );
    ereje::report::spans::fill(&mut report, &text);
    ereje::report::human::render_report(
        &report,
        &format!("examples/bundles/{name}"),
        &text,
        &Style {
            lang,
            ..Style::plain()
        },
    )
}

fn snapshot_in_every_language(name: &str, options: &Options, must_say: [&str; 3]) {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    for (lang, words) in [Lang::En, Lang::Ru, Lang::Kk].into_iter().zip(must_say) {
        let said = rendered(&rules, name, options, lang);
        // the words wrap at 80 columns: compare them unwrapped
        let flat = said
            .lines()
            .map(|l| l.trim_start_matches([' ', '│', '×', '⚠']).trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(words), "{name} in {}:\n{said}", lang.tag());
        insta::assert_snapshot!(
            format!("{}_{}", name.trim_end_matches(".json"), lang.tag()),
            said
        );
    }
}

#[test]
fn an_overdue_step_names_its_actor_and_the_service_term_is_the_service_term() {
    let now = chrono::DateTime::parse_from_rfc3339("2019-08-01T12:00:00+06:00").expect("instant");
    snapshot_in_every_language(
        "pr-pending-national-security.json",
        &Options {
            now: Some(now),
            ..Options::default()
        },
        [
            "the service term, 60 calendar days after the submission (2019-05-14T10:00:00+06:00), ran out at 2019-07-13T23:59:59+06:00",
            "срок оказания услуги — 60 календарных дней после подачи (2019-05-14T10:00:00+06:00) — истёк 2019-07-13T23:59:59+06:00",
            "қызмет көрсету мерзімі — өтініш берілгеннен (2019-05-14T10:00:00+06:00) кейін күнтізбелік 60 күн — 2019-07-13T23:59:59+06:00 аяқталды",
        ],
    );
}

#[test]
fn a_missing_childs_document_names_the_child_and_says_why() {
    snapshot_in_every_language(
        "pr-child-under-16-no-certificate.json",
        &Options::default(),
        [
            "the first child (born 2009-09-01) is under 16 and applies jointly",
            "первый ребёнок (дата рождения 2009-09-01) младше 16 лет",
            "бірінші бала (2009-09-01 туған) 16 жасқа толмаған",
        ],
    );
}

#[test]
fn a_set_is_shown_by_its_members() {
    snapshot_in_every_language(
        "pr-refused-solvency-refugee.json",
        &Options::default(),
        [
            "`applicant.grounds` holds `refugee`, `asylee`",
            "`applicant.grounds` содержит `refugee`, `asylee`",
            "`applicant.grounds` құрамында: `refugee`, `asylee`",
        ],
    );
}

/// A refusal ground written `a or b` that holds by `a` shows `a` as the reason, not `b`: the
/// applicant who entered illegally is not shown as refused for a prosecution that is false.
/// When both hold, both are shown.
#[test]
fn a_ground_that_holds_by_one_branch_shows_that_branch_only() {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let path = root().join("examples/bundles/pr-refused-illegal-entry.json");
    let text = std::fs::read_to_string(path).expect("bundle");
    let reasons = |text: &str| -> Vec<String> {
        let report = rules.check(text, &Options::default());
        let ground = report
            .findings
            .iter()
            .find(|f| f.subject == "illegal_entry_or_prosecuted")
            .expect("the refusal ground");
        // the fact that holds is where the finding points; the others are its reasons
        std::iter::once(ground.pointer.clone())
            .chain(ground.reasons.iter().map(|r| r.pointer().into_owned()))
            .collect()
    };
    assert_eq!(reasons(&text), ["/applicant/records/illegal_entry"]);
    let both = text.replace(
        "\"prosecuted_abroad\": false",
        "\"prosecuted_abroad\": true",
    );
    assert_ne!(both, text, "the bundle says prosecuted_abroad");
    assert_eq!(
        reasons(&both),
        [
            "/applicant/records/illegal_entry",
            "/applicant/records/prosecuted_abroad"
        ]
    );
}
