//! Every kind of finding has words in every language: a sample of each kind (the samples are
//! checked to cover every kind, so a new kind fails here until it has one) is worded in en, ru
//! and kk, and the Russian and Kazakh words are their own, not the English ones.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate};

use super::{help, label, law, message, reason};
use crate::check::{
    About, CodeList, Duty, FactValue, FieldPlace, Finding, Found, JsonKind, Kind, Lateness, Origin,
    Problem, Reason, Rejection, ValidUntil,
};
use crate::codes::{self, Code};
use crate::compile::{Citation, RuleRef};
use crate::semantic::model::{DocField, Interval, Type};
use crate::source::{Span, Spanned};
use crate::time::TimeError;
use crate::vocab::{ActName, Duration, DurationUnit, Lang, Place, Texts};

/// An order of the ministry, as the rule files name it.
fn order(number: &str) -> ActName {
    ActName {
        kind: Some(String::from("order")),
        number: Some(number.to_string()),
        id: format!("kz.mia.order_{number}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A rule with a citation and a title in every language.
fn rule() -> Arc<RuleRef> {
    let text = |lang, words: &str| {
        (
            Spanned::new(lang, Span::default()),
            Spanned::new(words.to_string(), Span::default()),
        )
    };
    Arc::new(RuleRef {
        id: String::from("kz.mvd.permanent_residence/passport"),
        citations: vec![Citation {
            act: String::from("kz.mia.order_315"),
            reference: String::from("annex 1 § 9(2)"),
            act_name: order("315"),
            place: Place {
                annex: Some(1),
                paragraph: String::from("9(2)"),
            },
        }],
        location: String::from("rules/kz/mvd-495/permanent-residence.ereje:60"),
        span: Span::default(),
        title: Texts {
            entries: vec![
                text(Lang::En, "national passport"),
                text(Lang::Ru, "национальный паспорт"),
                text(Lang::Kk, "ұлттық паспорт"),
            ],
        },
        message: Texts::default(),
        unverified: Vec::new(),
    })
}

/// Every problem with the bundle itself.
fn problems() -> Vec<Problem> {
    let s = String::from;
    vec![
        Problem::TooLarge {
            bytes: 16 * 1024 * 1024,
        },
        Problem::TooDeep { limit: 32 },
        Problem::TooMany {
            list: "documents",
            count: 100_001,
            limit: 100_000,
        },
        Problem::NotUtf8,
        Problem::Internal {
            message: s("index out of bounds"),
        },
        Problem::Request(Rejection::NoRoute { path: s("/v1/x") }),
        Problem::Request(Rejection::Method {
            method: s("GET"),
            allowed: "POST",
        }),
        Problem::Request(Rejection::MediaType {
            expected: "application/json",
        }),
        Problem::Request(Rejection::BodyTooLarge { bytes: 1 << 20 }),
        Problem::Request(Rejection::BodyUnreadable {
            detail: s("connection reset"),
        }),
        Problem::Request(Rejection::TimedOut { seconds: 30 }),
        Problem::Request(Rejection::Busy { limit: 64 }),
        Problem::Request(Rejection::BadParameter {
            name: "as_of",
            expected: s("a date like 2019-05-14"),
        }),
        Problem::Request(Rejection::UnknownService {
            id: s("kz.mvd.permanent_residense"),
            suggestion: Some(s("kz.mvd.permanent_residence")),
        }),
        Problem::Request(Rejection::ServiceNotInForce {
            id: s("kz.mvd.permanent_residence"),
            day: NaiveDate::from_ymd_opt(2001, 1, 1).unwrap_or_default(),
        }),
        Problem::DuplicateKey { key: s("category") },
        Problem::Empty,
        Problem::JsonEndsEarly,
        Problem::JsonCutOff,
        Problem::JsonSyntax {
            detail: s("expected value"),
        },
        Problem::NotAnObject,
        Problem::Missing { field: "service" },
        Problem::Missing {
            field: "submitted_at",
        },
        Problem::Missing { field: "events" },
        Problem::WrongJsonKind {
            field: s("documents"),
            expected: JsonKind::List,
            found: JsonKind::Object,
        },
        Problem::ParentNotObject {
            path: s("applicant"),
            key: s("category"),
            found: JsonKind::List,
        },
        Problem::BadSubmittedAt { text: s("today") },
        Problem::BadInstant { text: s("today") },
        Problem::BadEventTime { text: s("today") },
        Problem::UnknownChannel {
            found: Found::Number(s("-1")),
        },
        Problem::BadDate {
            text: s("1990-02-30"),
        },
        Problem::NotOneOf {
            name: s("applicant.category"),
            value: Found::Text(s("martian")),
            values: vec![s("foreigner"), s("stateless")],
        },
        Problem::NotARecord {
            name: s("applicant.children"),
            found: JsonKind::Number,
            fields: vec![s("birth_date")],
        },
        Problem::WrongType {
            name: s("applicant.birth_date"),
            expected: Type::Date,
            found: Found::Other(JsonKind::Number),
        },
        Problem::UnknownField {
            key: s("extra"),
            place: FieldPlace::Object(s("applicant")),
        },
        Problem::DocumentNotObject {
            found: JsonKind::Number,
        },
        Problem::DocumentWithoutKind,
        Problem::UnknownDocument {
            kind: s("letter"),
            count: 2,
            service: s("kz.mvd.permanent_residence"),
            known: vec![s("passport")],
            suggestion: Some(s("passport")),
        },
        Problem::BadChild {
            found: Found::Text(s("a")),
        },
        Problem::EventIncomplete,
        Problem::ByteOrderMark,
        Problem::UndeclaredChannel {
            channel: s("post"),
            service: s("kz.mvd.refugee_status"),
            offered: vec![s("provider")],
        },
        Problem::UnknownCode {
            list: CodeList::Country,
            text: s("XK"),
            meant: None,
        },
        Problem::UnknownCode {
            list: CodeList::Language,
            text: s("eng"),
            meant: Some("kk"),
        },
        Problem::NoncanonicalCode {
            list: CodeList::Country,
            text: s("cn"),
            canonical: "CN",
        },
        Problem::NoncanonicalCode {
            list: CodeList::Language,
            text: s("RU"),
            canonical: "ru",
        },
        Problem::NoSuchChild {
            index: 3,
            children: 0,
        },
        Problem::NoSuchChild {
            index: 3,
            children: 1,
        },
        Problem::NoSuchChild {
            index: 3,
            children: 2,
        },
        Problem::UnknownStep {
            step: s("nope"),
            service: s("kz.mvd.permanent_residence"),
            known: vec![s("talon_issued")],
        },
    ]
}

/// Which problem it is, by a number: the match has no wildcard, so a new problem does not
/// compile until it is counted here (and given a sample above).
fn problem_kind(problem: &Problem) -> usize {
    match problem {
        Problem::TooLarge { .. } => 0,
        Problem::NotUtf8 => 1,
        Problem::DuplicateKey { .. } => 2,
        Problem::Empty => 3,
        Problem::JsonEndsEarly => 4,
        Problem::JsonCutOff => 5,
        Problem::JsonSyntax { .. } => 6,
        Problem::NotAnObject => 7,
        Problem::Missing { .. } => 8,
        Problem::WrongJsonKind { .. } => 9,
        Problem::ParentNotObject { .. } => 10,
        Problem::BadSubmittedAt { .. } => 11,
        Problem::BadInstant { .. } => 12,
        Problem::BadEventTime { .. } => 13,
        Problem::UnknownChannel { .. } => 14,
        Problem::BadDate { .. } => 15,
        Problem::NotOneOf { .. } => 16,
        Problem::NotARecord { .. } => 17,
        Problem::WrongType { .. } => 18,
        Problem::UnknownField { .. } => 19,
        Problem::DocumentNotObject { .. } => 20,
        Problem::DocumentWithoutKind => 21,
        Problem::UnknownDocument { .. } => 22,
        Problem::BadChild { .. } => 23,
        Problem::EventIncomplete => 24,
        Problem::UnknownStep { .. } => 25,
        Problem::ByteOrderMark => 26,
        Problem::UndeclaredChannel { .. } => 27,
        Problem::UnknownCode { .. } => 28,
        Problem::NoncanonicalCode { .. } => 29,
        Problem::NoSuchChild { .. } => 30,
        Problem::Internal { .. } => 31,
        Problem::TooDeep { .. } => 32,
        Problem::TooMany { .. } => 33,
        Problem::Request(_) => 34,
    }
}

/// Which finding it is, by a number (as [`problem_kind`]).
fn finding_kind(about: &About) -> usize {
    match about {
        About::Unreadable(_) => 0,
        About::Input(_) => 1,
        About::UnknownService { .. } => 2,
        About::ServiceNotInForce { .. } => 3,
        About::ChannelNotInForce { .. } => 4,
        About::MissingDocument { .. } => 5,
        About::MissingItemDocument { .. } => 6,
        About::InvalidDocument { .. } => 7,
        About::RefusalGround => 8,
        About::DeadlineLate { .. } => 9,
        About::DeadlineOverdue { .. } => 10,
        About::DeadlineUnknown { .. } => 11,
        About::EventOutOfOrder { .. } => 12,
        About::DuplicateEvent { .. } => 13,
        About::Undecided { .. } => 14,
        About::WordingNotInForce { .. } => 15,
        About::InvalidDocumentCopy { .. } => 16,
        About::InForceUnknown { .. } => 17,
    }
}

/// A sample of every kind of finding, with a rule and reasons where such a finding has them.
fn findings() -> Vec<Finding> {
    let s = String::from;
    let due = DateTime::parse_from_rfc3339("2019-05-21T23:59:59+06:00").unwrap_or_default();
    let submitted = DateTime::parse_from_rfc3339("2019-05-14T10:00:00+06:00").unwrap_or_default();
    let by = Lateness {
        calendar_days: 2,
        working_days: Some(1),
        seconds: Some(172_800),
    };
    let fact = Reason::Fact {
        pointer: s("/applicant/category"),
        name: s("applicant.category"),
        value: FactValue::Text(s("foreigner")),
    };
    let empty = Reason::Fact {
        pointer: s("/applicant/children"),
        name: s("applicant.children"),
        value: FactValue::List(0),
    };
    let of = |code: &'static Code, kind, subject: &str, about| {
        Finding::new(code, kind, subject, "/documents", about)
    };
    let mut out: Vec<Finding> = problems()
        .into_iter()
        .map(|p| {
            of(
                &codes::INVALID_INPUT,
                Kind::Input,
                "bundle",
                About::Input(p),
            )
        })
        .collect();
    out.push(of(
        &codes::UNKNOWN_FIELD,
        Kind::Input,
        "extra",
        About::Input(Problem::UnknownField {
            key: s("extra"),
            place: FieldPlace::Envelope,
        }),
    ));
    out.push(of(
        &codes::INVALID_INPUT,
        Kind::Input,
        "bundle",
        About::Unreadable(Problem::JsonCutOff),
    ));
    let law = [
        (
            &codes::UNKNOWN_SERVICE,
            Kind::Applicability,
            "kz.mvd.permanent_residense",
            About::UnknownService {
                suggestion: Some(s("kz.mvd.permanent_residence")),
                services: vec![s("kz.mvd.permanent_residence")],
            },
        ),
        (
            &codes::NOT_IN_FORCE,
            Kind::Applicability,
            "kz.mvd.permanent_residence",
            About::ServiceNotInForce {
                day: day(2020, 5, 1),
                in_force: vec![Interval::new(Some(day(2015, 8, 9)), Some(day(2020, 4, 14)))],
            },
        ),
        (
            &codes::NOT_IN_FORCE,
            Kind::Applicability,
            "state_corporation",
            About::ChannelNotInForce {
                day: day(2019, 5, 14),
                service: s("kz.mvd.permanent_residence"),
                open: Some(Interval::new(Some(day(2019, 7, 1)), None)),
                offered: vec![s("provider"), s("state_corporation")],
            },
        ),
        (
            &codes::MISSING_DOCUMENT,
            Kind::Document,
            "passport",
            About::MissingDocument {
                documents: 4,
                always: false,
            },
        ),
        (
            &codes::MISSING_DOCUMENT,
            Kind::Document,
            "birth_certificate",
            About::MissingItemDocument {
                index: 1,
                field: DocField::Child,
                list: s("applicant.children"),
                item: vec![
                    (s("birth_date"), FactValue::Text(s("2010-04-01"))),
                    (s("applying_jointly"), FactValue::Bool(true)),
                ],
            },
        ),
        (
            &codes::INVALID_DOCUMENT,
            Kind::Document,
            "passport",
            About::InvalidDocument {
                field: Some(DocField::ExpiresOn),
                until: Some(ValidUntil {
                    field: DocField::ExpiresOn,
                    day: day(2019, 11, 10),
                    term: Duration {
                        amount: 180,
                        unit: DurationUnit::CalendarDays,
                    },
                    submitted_on: day(2019, 5, 14),
                }),
            },
        ),
        (
            &codes::INVALID_DOCUMENT_COPY,
            Kind::Document,
            "autobiography",
            About::InvalidDocumentCopy {
                field: Some(DocField::Language),
                met_by: 5,
                maybe: false,
            },
        ),
        (
            &codes::INVALID_DOCUMENT_COPY,
            Kind::Document,
            "autobiography",
            About::InvalidDocumentCopy {
                field: None,
                met_by: 5,
                maybe: true,
            },
        ),
        (
            &codes::REFUSAL_GROUND,
            Kind::Refusal,
            "national_security_objection",
            About::RefusalGround,
        ),
        (
            &codes::DEADLINE_LATE,
            Kind::Deadline,
            "file_formed",
            About::DeadlineLate {
                within: Duration {
                    amount: 7,
                    unit: DurationUnit::CalendarDays,
                },
                due,
                by,
                duty: Duty {
                    actor: Some((s("provider"), Some(s("көрсетілетін қызметті беруші")))),
                    after: Some(s("talon_issued")),
                    after_at: submitted,
                },
            },
        ),
        (
            &codes::DEADLINE_OVERDUE,
            Kind::Deadline,
            "conclusion_issued",
            About::DeadlineOverdue {
                due,
                by,
                within: Duration {
                    amount: 3,
                    unit: DurationUnit::WorkingDays,
                },
                duty: Duty {
                    actor: None,
                    after: None,
                    after_at: submitted,
                },
            },
        ),
        (
            &codes::DEADLINE_OVERDUE,
            Kind::Deadline,
            "term",
            About::DeadlineOverdue {
                due,
                by,
                within: Duration {
                    amount: 3,
                    unit: DurationUnit::Months,
                },
                duty: Duty {
                    actor: None,
                    after: None,
                    after_at: submitted,
                },
            },
        ),
        (
            &codes::DEADLINE_UNKNOWN,
            Kind::Deadline,
            "decision_made",
            About::DeadlineUnknown {
                error: TimeError::OutsideCalendar {
                    calendar: s("kz"),
                    year: 2021,
                },
            },
        ),
        (
            &codes::IN_FORCE_UNKNOWN,
            Kind::Applicability,
            "kz.mia.order_799",
            About::InForceUnknown {
                act: order("799"),
                day: day(2019, 10, 1),
                earliest: day(2019, 9, 27),
                latest: Some(day(2020, 4, 14)),
                elements: vec![s("state_corporation")],
                applicability: true,
            },
        ),
        (
            &codes::DEADLINE_UNKNOWN,
            Kind::Deadline,
            "talon_issued",
            About::WordingNotInForce {
                act: order("136"),
                day: day(2018, 5, 14),
                from: Some(day(2019, 3, 23)),
                latest: None,
            },
        ),
        (
            &codes::EVENT_OUT_OF_ORDER,
            Kind::Deadline,
            "file_formed",
            About::EventOutOfOrder {
                at: DateTime::parse_from_rfc3339("2019-05-13T15:30:00+06:00").unwrap_or_default(),
                duty: Duty {
                    actor: None,
                    after: Some(s("talon_issued")),
                    after_at: DateTime::parse_from_rfc3339("2019-05-14T10:20:00+06:00")
                        .unwrap_or_default(),
                },
            },
        ),
        (
            &codes::DUPLICATE_EVENT,
            Kind::Deadline,
            "talon_issued",
            About::DuplicateEvent { first: 0 },
        ),
        (
            &codes::UNDECIDED,
            Kind::Input,
            "rule",
            About::Undecided {
                error: TimeError::NoCalendar,
            },
        ),
    ];
    for (code, kind, subject, about) in law {
        out.push(
            of(code, kind, subject, about)
                .with_rule(&rule())
                .with_reasons(vec![
                    fact.clone(),
                    empty.clone(),
                    Reason::NoItemDocument { index: 1 },
                    Reason::TermStart(Origin::Event(3)),
                    Reason::CopyMeetsRequirement {
                        index: 5,
                        maybe: false,
                    },
                    Reason::CopyMeetsRequirement {
                        index: 6,
                        maybe: true,
                    },
                ]),
        );
    }
    out
}

/// The words outside backticks: what a translator translates.
fn own_words(text: &str) -> String {
    text.split('`').step_by(2).collect()
}

fn is_cyrillic(text: &str) -> bool {
    own_words(text)
        .chars()
        .any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
}

#[test]
fn the_samples_cover_every_kind_of_finding_and_problem() {
    let mut kinds: Vec<usize> = findings().iter().map(|f| finding_kind(&f.about)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds, (0..=17).collect::<Vec<_>>());
    let mut problems: Vec<usize> = problems().iter().map(problem_kind).collect();
    problems.sort_unstable();
    problems.dedup();
    assert_eq!(problems, (0..=34).collect::<Vec<_>>());
}

#[test]
fn every_finding_has_words_in_every_language() {
    for f in findings() {
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let what = format!("{:?} in {}", f.about, lang.tag());
            assert!(!message(&f, lang).is_empty(), "{what}");
            assert!(help(&f, lang).is_some_and(|h| !h.is_empty()), "{what}");
            assert_eq!(
                label(&f, lang).is_some(),
                label(&f, Lang::En).is_some(),
                "{what}"
            );
            for r in &f.reasons {
                assert!(!reason(&f, r, lang).is_empty(), "{what}");
            }
            if f.rule.is_some() {
                let law = law(&f, lang).unwrap_or_default();
                assert!(
                    law.contains("`kz.mvd.permanent_residence/passport`")
                        && law.ends_with("(rules/kz/mvd-495/permanent-residence.ereje:60)"),
                    "{what}: {law}"
                );
            }
        }
    }
}

/// Russian and Kazakh findings are worded in Russian and Kazakh: no English fallback is left.
#[test]
fn russian_and_kazakh_words_are_their_own() {
    for f in findings() {
        for lang in [Lang::Ru, Lang::Kk] {
            let what = format!("{:?} in {}", f.about, lang.tag());
            let worded = [
                (message(&f, lang), message(&f, Lang::En)),
                (
                    help(&f, lang).unwrap_or_default(),
                    help(&f, Lang::En).unwrap_or_default(),
                ),
                (
                    label(&f, lang).unwrap_or_default(),
                    label(&f, Lang::En).unwrap_or_default(),
                ),
                (
                    law(&f, lang).unwrap_or_default(),
                    law(&f, Lang::En).unwrap_or_default(),
                ),
            ];
            for (words, english) in worded.iter().filter(|(_, en)| !en.is_empty()) {
                assert_ne!(words, english, "{what}");
                assert!(is_cyrillic(words), "{what}: {words}");
            }
            for r in &f.reasons {
                let words = reason(&f, r, lang);
                assert!(is_cyrillic(&words), "{what}: {words}");
            }
        }
    }
}

/// A rule's own message comes before the built-in one, in the language asked for.
#[test]
fn a_rules_own_message_comes_first() {
    let mut own = (*rule()).clone();
    own.message = Texts {
        entries: vec![
            (
                Spanned::new(Lang::En, Span::default()),
                Spanned::new(
                    String::from("the passport expires too soon"),
                    Span::default(),
                ),
            ),
            (
                Spanned::new(Lang::Ru, Span::default()),
                Spanned::new(
                    String::from("срок действия паспорта истекает"),
                    Span::default(),
                ),
            ),
        ],
    };
    let f = Finding::new(
        &codes::INVALID_DOCUMENT,
        Kind::Document,
        "passport",
        "/documents/0/expires_on",
        About::InvalidDocument {
            field: Some(DocField::ExpiresOn),
            until: None,
        },
    )
    .with_rule(&Arc::new(own));
    assert_eq!(message(&f, Lang::En), "the passport expires too soon");
    assert_eq!(message(&f, Lang::Ru), "срок действия паспорта истекает");
    // no Kazakh message: the rule's first one, in English
    assert_eq!(message(&f, Lang::Kk), "the passport expires too soon");
}

#[test]
fn russian_day_counts_agree_with_their_number() {
    let said: Vec<String> = [1, 2, 5, 11, 12, 21, 22, 25, 111, 0]
        .into_iter()
        .map(|n| super::ru::days(n, true))
        .collect();
    assert_eq!(
        said,
        [
            "1 рабочий день",
            "2 рабочих дня",
            "5 рабочих дней",
            "11 рабочих дней",
            "12 рабочих дней",
            "21 рабочий день",
            "22 рабочих дня",
            "25 рабочих дней",
            "111 рабочих дней",
            "0 рабочих дней",
        ]
    );
}

#[test]
fn lateness_within_a_day_is_said_in_hours_minutes_and_seconds() {
    let due = DateTime::parse_from_rfc3339("2019-05-14T10:30:00+06:00").unwrap_or_default();
    let f = Finding::new(
        &codes::DEADLINE_OVERDUE,
        Kind::Deadline,
        "talon_issued",
        "/events",
        About::DeadlineOverdue {
            due,
            within: Duration {
                amount: 30,
                unit: DurationUnit::Minutes,
            },
            duty: Duty {
                actor: None,
                after: None,
                after_at: due,
            },
            by: Lateness {
                calendar_days: 0,
                working_days: Some(0),
                seconds: Some(3_661),
            },
        },
    );
    for (lang, words) in [
        (Lang::En, "1 hour 1 minute 1 second"),
        (Lang::Ru, "1 час 1 минута 1 секунда"),
        (Lang::Kk, "1 сағат 1 минут 1 секунд"),
    ] {
        let said = label(&f, lang).unwrap_or_default();
        assert!(said.contains(words), "{said}");
    }
    // the parts that are zero are not said, and a number takes its noun's form
    let mut f = f;
    if let About::DeadlineOverdue { by, .. } = &mut f.about {
        by.seconds = Some(2 * 3600 + 5);
    }
    for (lang, words) in [
        (Lang::En, "2 hours 5 seconds"),
        (Lang::Ru, "2 часа 5 секунд"),
        (Lang::Kk, "2 сағат 5 секунд"),
    ] {
        let said = label(&f, lang).unwrap_or_default();
        assert!(said.contains(words), "{said}");
    }
}
