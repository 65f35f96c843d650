//! Time: the Kazakhstan working-day calendar (`rules/kz/calendar.ereje`) checked against the
//! days off listed in `docs/time.md`, term counting, and the calendar data errors. Each test is
//! named for the legal situation it pins.

use std::fmt::Write as _;
use std::sync::OnceLock;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone};
use ereje::semantic::calendar_error::CalendarError;
use ereje::source::SourceFile;
use ereje::syntax::ast::Decl;
use ereje::syntax::parse_file;
use ereje::time::{Calendar, DayReason, TimeError, due};
use ereje::vocab::{Duration, DurationUnit};
use proptest::prelude::*;

const KZ_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/kz/calendar.ereje");

fn kz_text() -> String {
    std::fs::read_to_string(KZ_PATH).unwrap()
}

/// The first calendar declared in `text`, built (syntax errors fail the test).
fn load(text: &str) -> Result<Calendar, Vec<CalendarError>> {
    let source = SourceFile::new("calendar.ereje", text);
    let file = parse_file(&source, 0)
        .unwrap_or_else(|e| panic!("{}", crate::support::render_errors(&e, &source)));
    let cal = file
        .decls
        .iter()
        .find_map(|d| {
            if let Decl::Calendar(c) = d {
                Some(c)
            } else {
                None
            }
        })
        .expect("a calendar declaration");
    ereje::semantic::build_calendar(cal)
}

/// A calendar's errors rendered against its text.
fn rendered(errors: &[CalendarError], text: &str) -> String {
    crate::support::render_errors(errors, &SourceFile::new("calendar.ereje", text))
}

fn kz() -> &'static Calendar {
    static KZ: OnceLock<Calendar> = OnceLock::new();
    KZ.get_or_init(|| {
        let text = kz_text();
        load(&text).unwrap_or_else(|e| panic!("{}", rendered(&e, &text)))
    })
}

/// The kz calendar, but with `counting last_day_moves true`.
fn kz_moving() -> &'static Calendar {
    static KZ: OnceLock<Calendar> = OnceLock::new();
    KZ.get_or_init(|| {
        // the shipped calendar is written in Kazakh keywords: `counting … false`
        let text = kz_text().replace(
            "есептеу last_day_moves жалған",
            "есептеу last_day_moves ақиқат",
        );
        assert!(
            text.contains("last_day_moves ақиқат"),
            "the switch is not where it was"
        );
        load(&text).unwrap_or_else(|e| panic!("{}", rendered(&e, &text)))
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn almaty() -> chrono_tz::Tz {
    chrono_tz::Asia::Almaty
}

fn term(amount: u32, unit: DurationUnit) -> Duration {
    Duration { amount, unit }
}

/// The errors of a calendar that is refused, rendered; each is worded in Russian and Kazakh.
fn errors_of(text: &str) -> String {
    match load(text) {
        Ok(_) => panic!("the calendar should be refused"),
        Err(errors) => {
            let english: Vec<String> = errors
                .iter()
                .flat_map(|e| crate::support::english_left(&e.into()))
                .collect();
            assert!(
                english.is_empty(),
                "still in English:\n{}",
                english.join("\n")
            );
            rendered(&errors, text)
        }
    }
}

// ------------------------------------------------------------------ the calendar as a whole

#[test]
fn kz_calendar_covers_2015_to_2020_in_almaty_time() {
    let kz = kz();
    assert_eq!(kz.name(), "kz");
    assert_eq!(kz.years(), 2015..=2020);
    assert_eq!(kz.timezone(), almaty());
    assert!(!kz.last_day_moves());
}

#[test]
fn every_statutory_holiday_2015_to_2020_is_a_day_off() {
    let holidays = [
        (1, 1),
        (1, 2),
        (3, 8),
        (3, 21),
        (3, 22),
        (3, 23),
        (5, 1),
        (5, 7),
        (5, 9),
        (7, 6),
        (8, 30),
        (12, 1),
        (12, 16),
        (12, 17),
    ];
    for year in 2015..=2020 {
        for (m, d) in holidays {
            let date = NaiveDate::from_ymd_opt(year, m, d).unwrap();
            let status = kz().status(date).unwrap();
            assert!(!status.working, "{date} should be a day off");
            assert_eq!(status.reason, DayReason::Holiday, "{date}");
            assert_eq!(
                status.citations,
                vec!["§ kz.law.holidays art. 5".to_string()],
                "{date}"
            );
        }
        let christmas = NaiveDate::from_ymd_opt(year, 1, 7).unwrap();
        assert_eq!(
            kz().status(christmas).unwrap().reason,
            DayReason::Fixed,
            "{christmas}"
        );
    }
}

#[test]
fn every_weekend_holiday_gives_an_observed_day_2015_to_2020() {
    // Law on holidays art. 5: the next working day after a holiday on a weekend is a day off.
    for year in 2015..=2020 {
        let (days_off, _) = kz().exceptions(year).unwrap();
        let observed = days_off
            .iter()
            .filter(|s| s.reason == DayReason::Observed)
            .count();
        let weekend_holidays = (1..=366)
            .filter_map(|o| NaiveDate::from_yo_opt(year, o))
            .filter(|d| {
                let s = kz().status(*d).unwrap();
                s.reason == DayReason::Holiday
                    && chrono::Datelike::weekday(d).number_from_monday() >= 6
            })
            .count();
        // 2020: Victory Day's observed Monday 11 May was worked by decree (a transfer).
        let worked_observed = usize::from(year == 2020);
        assert_eq!(observed + worked_observed, weekend_holidays, "{year}");
    }
}

// ------------------------------------------------------------------ 2019 and 2020, docs/time.md

#[test]
fn non_working_weekdays_2019_match_docs_time() {
    let (days_off, working_weekend) = kz().exceptions(2019).unwrap();
    let dates: Vec<String> = days_off.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2019-01-01",
            "2019-01-02",
            "2019-01-07",
            "2019-03-08",
            "2019-03-21",
            "2019-03-22",
            "2019-03-25",
            "2019-05-01",
            "2019-05-07",
            "2019-05-09",
            "2019-05-10",
            "2019-07-08",
            "2019-08-30",
            "2019-12-02",
            "2019-12-16",
            "2019-12-17",
        ]
    );
    let working: Vec<String> = working_weekend.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(working, ["2019-05-04"]);
}

#[test]
fn non_working_weekdays_2020_match_docs_time() {
    let (days_off, working_weekend) = kz().exceptions(2020).unwrap();
    let dates: Vec<String> = days_off.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2020-01-01",
            "2020-01-02",
            "2020-01-03",
            "2020-01-07",
            "2020-03-09",
            "2020-03-23",
            "2020-03-24",
            "2020-03-25",
            "2020-05-01",
            "2020-05-07",
            "2020-05-08",
            "2020-07-06",
            "2020-07-31",
            "2020-08-31",
            "2020-12-01",
            "2020-12-16",
            "2020-12-17",
            "2020-12-18",
        ]
    );
    let working: Vec<String> = working_weekend.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(working, ["2020-01-05", "2020-12-20"]);
    // Monday 11 May 2020, the observed day for Victory Day, was worked by decree.
    assert!(kz().is_working_day(day("2020-05-11")).unwrap());
}

#[test]
fn exceptions_2020_as_ereje_calendar_prints_them() {
    let (days_off, working) = kz().exceptions(2020).unwrap();
    let mut out = String::from("days off on weekdays:\n");
    for s in &days_off {
        writeln!(out, "  {s}").unwrap();
    }
    out.push_str("working weekend days:\n");
    for s in &working {
        writeln!(out, "  {s}").unwrap();
    }
    insta::assert_snapshot!("kz_exceptions_2020", out);
}

// ------------------------------------------------------------------ single days

#[test]
fn working_saturday_4_may_2019() {
    let status = kz().status(day("2019-05-04")).unwrap();
    assert!(status.working);
    assert_eq!(
        status.reason,
        DayReason::TransferredWorking {
            to: day("2019-05-10")
        }
    );
    assert!(
        status.sources.iter().any(|s| s.contains("P1800000888")),
        "{status:?}"
    );
    let friday = kz().status(day("2019-05-10")).unwrap();
    assert!(!friday.working);
    assert_eq!(
        friday.reason,
        DayReason::TransferredOff {
            from: day("2019-05-04")
        }
    );
}

#[test]
fn may_2019_holiday_cluster() {
    let expected = [
        ("2019-04-30", true),
        ("2019-05-01", false), // Unity Day
        ("2019-05-02", true),
        ("2019-05-03", true),
        ("2019-05-04", true), // Saturday, worked by decree
        ("2019-05-05", false),
        ("2019-05-06", true),
        ("2019-05-07", false), // Defender of the Fatherland Day
        ("2019-05-08", true),
        ("2019-05-09", false), // Victory Day
        ("2019-05-10", false), // the day off moved from 4 May
        ("2019-05-11", false),
        ("2019-05-12", false),
        ("2019-05-13", true),
    ];
    for (d, working) in expected {
        assert_eq!(kz().is_working_day(day(d)).unwrap(), working, "{d}");
    }
    assert_eq!(
        kz().add_working_days(day("2019-05-08"), 1).unwrap(),
        day("2019-05-13")
    );
    assert_eq!(
        kz().add_working_days(day("2019-05-03"), 3).unwrap(),
        day("2019-05-08")
    );
    assert_eq!(
        kz().working_days_between(day("2019-04-30"), day("2019-05-13"))
            .unwrap(),
        6
    );
}

#[test]
fn working_sunday_5_january_2020() {
    let sunday = kz().status(day("2020-01-05")).unwrap();
    assert!(sunday.working);
    assert_eq!(
        sunday.reason,
        DayReason::TransferredWorking {
            to: day("2020-01-03")
        }
    );
    let friday = kz().status(day("2020-01-03")).unwrap();
    assert!(!friday.working);
    assert_eq!(
        friday.reason,
        DayReason::TransferredOff {
            from: day("2020-01-05")
        }
    );
    // 1 Jan (Wed) to 7 Jan (Tue, Orthodox Christmas): the only working day is Sunday the 5th,
    // and Monday the 6th.
    assert_eq!(
        kz().add_working_days(day("2019-12-31"), 1).unwrap(),
        day("2020-01-05")
    );
    assert_eq!(
        kz().add_working_days(day("2019-12-31"), 3).unwrap(),
        day("2020-01-08")
    );
}

#[test]
fn observed_monday_11_may_2020_was_worked_by_decree() {
    let monday = kz().status(day("2020-05-11")).unwrap();
    assert!(monday.working);
    assert_eq!(
        monday.reason,
        DayReason::TransferredWorking {
            to: day("2020-05-08")
        }
    );
    assert!(!kz().is_working_day(day("2020-05-08")).unwrap());
    assert!(!kz().is_working_day(day("2020-05-09")).unwrap());
}

#[test]
fn nauryz_2019_observed_monday() {
    let saturday = kz().status(day("2019-03-23")).unwrap();
    assert_eq!(saturday.reason, DayReason::Holiday);
    assert_eq!(saturday.label.as_deref(), Some("Nauryz meyramy"));
    let monday = kz().status(day("2019-03-25")).unwrap();
    assert!(!monday.working);
    assert_eq!(monday.reason, DayReason::Observed);
    assert!(
        monday
            .label
            .as_deref()
            .is_some_and(|l| l.contains("Nauryz")),
        "{monday:?}"
    );
    assert!(kz().is_working_day(day("2019-03-26")).unwrap());
}

#[test]
fn nauryz_2020_on_a_weekend_gives_two_observed_days() {
    for d in [
        "2020-03-21",
        "2020-03-22",
        "2020-03-23",
        "2020-03-24",
        "2020-03-25",
    ] {
        assert!(!kz().is_working_day(day(d)).unwrap(), "{d}");
    }
    assert_eq!(
        kz().status(day("2020-03-24")).unwrap().reason,
        DayReason::Observed
    );
    assert_eq!(
        kz().status(day("2020-03-25")).unwrap().reason,
        DayReason::Observed
    );
    assert!(kz().is_working_day(day("2020-03-26")).unwrap());
}

#[test]
fn independence_day() {
    for d in ["2019-12-16", "2019-12-17", "2020-12-16", "2020-12-17"] {
        let s = kz().status(day(d)).unwrap();
        assert!(!s.working, "{d}");
        assert_eq!(s.label.as_deref(), Some("Independence Day"), "{d}");
    }
    // 2017: both days on a weekend, so Monday and Tuesday are off instead.
    assert_eq!(
        kz().status(day("2017-12-18")).unwrap().reason,
        DayReason::Observed
    );
    assert_eq!(
        kz().status(day("2017-12-19")).unwrap().reason,
        DayReason::Observed
    );
    assert!(kz().is_working_day(day("2017-12-20")).unwrap());
    // 2020: Friday 18 December off, Sunday 20 December worked.
    assert!(!kz().is_working_day(day("2020-12-18")).unwrap());
    assert!(kz().is_working_day(day("2020-12-20")).unwrap());
}

#[test]
fn kurban_ait_on_sunday_2019_not_moved() {
    let sunday = kz().status(day("2019-08-11")).unwrap();
    assert_eq!(sunday.reason, DayReason::Fixed);
    assert!(!sunday.working);
    assert!(kz().is_working_day(day("2019-08-12")).unwrap());
    assert!(kz().is_working_day(day("2019-08-09")).unwrap());
}

#[test]
fn orthodox_christmas_on_saturday_2017_not_moved() {
    assert_eq!(
        kz().status(day("2017-01-07")).unwrap().reason,
        DayReason::Fixed
    );
    assert!(kz().is_working_day(day("2017-01-09")).unwrap());
}

#[test]
fn kurban_ait_2020_is_marked_unverified() {
    let friday = kz().status(day("2020-07-31")).unwrap();
    assert_eq!(friday.reason, DayReason::Fixed);
    assert!(friday.unverified.is_some());
}

// ------------------------------------------------------------------ counting terms

#[test]
fn event_at_23_50_local_given_in_utc() {
    // 17:50 UTC is 23:50 on 13 May in Almaty (UTC+6): the term starts on 14 May.
    let d = due(
        at("2019-05-13T17:50:00Z"),
        term(7, DurationUnit::CalendarDays),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-05-20")));
    assert_eq!(d.at, at("2019-05-20T23:59:59.999999999+06:00"));
    assert_eq!(d.at.offset().local_minus_utc(), 6 * 3600);
}

#[test]
fn event_ten_minutes_after_local_midnight_given_in_utc() {
    // 18:10 UTC on 13 May is 00:10 on 14 May in Almaty.
    let d = due(
        at("2019-05-13T18:10:00Z"),
        term(7, DurationUnit::CalendarDays),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-05-21")));
}

#[test]
fn thirty_minutes_exactly_is_on_time() {
    let event = at("2019-05-13T10:00:00+06:00");
    let d = due(event, term(30, DurationUnit::Minutes), almaty(), Some(kz())).unwrap();
    assert_eq!(d.at, at("2019-05-13T10:30:00+06:00"));
    assert_eq!(d.last_day, None);
    assert!(
        at("2019-05-13T10:30:00+06:00") <= d.at,
        "exactly 30 minutes is on time"
    );
    assert!(
        at("2019-05-13T10:30:00.000000001+06:00") > d.at,
        "a nanosecond more is late"
    );
}

#[test]
fn minutes_given_in_utc_are_answered_in_almaty_time() {
    let d = due(
        at("2019-05-13T04:00:00Z"),
        term(30, DurationUnit::Minutes),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.at.to_rfc3339(), "2019-05-13T10:30:00+06:00");
}

#[test]
fn hours_run_across_midnight_and_holidays() {
    let d = due(
        at("2019-05-08T23:00:00+06:00"),
        term(2, DurationUnit::Hours),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.at, at("2019-05-09T01:00:00+06:00"));
}

#[test]
fn one_working_day_after_victory_day_eve_2019() {
    let d = due(
        at("2019-05-08T15:00:00+06:00"),
        term(1, DurationUnit::WorkingDays),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-05-13")));
    assert_eq!(d.at, at("2019-05-13T23:59:59.999999999+06:00"));
}

#[test]
fn calendar_days_ending_on_a_holiday_do_not_move_in_kz() {
    // `counting last_day_moves false`: 2 May + 7 calendar days = Victory Day, and it stays.
    let d = due(
        at("2019-05-02T12:00:00+06:00"),
        term(7, DurationUnit::CalendarDays),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-05-09")));
}

#[test]
fn calendar_days_ending_on_a_holiday_move_when_the_calendar_says_so() {
    // With `last_day_moves true`, Victory Day 2019 (Thu) moves past the 10 May transfer and the
    // weekend to Monday 13 May.
    let d = due(
        at("2019-05-02T12:00:00+06:00"),
        term(7, DurationUnit::CalendarDays),
        almaty(),
        Some(kz_moving()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-05-13")));
    assert_eq!(d.at, at("2019-05-13T23:59:59.999999999+06:00"));
}

#[test]
fn unstated_days_are_counted_as_calendar_days() {
    let calendar = due(
        at("2019-05-02T12:00:00+06:00"),
        term(5, DurationUnit::CalendarDays),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    let unstated = due(
        at("2019-05-02T12:00:00+06:00"),
        term(5, DurationUnit::UnstatedDays),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(calendar, unstated);
}

#[test]
fn month_term_ends_on_last_day_of_shorter_month() {
    let d = due(
        at("2019-01-31T10:00:00+06:00"),
        term(1, DurationUnit::Months),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-02-28")));
    assert_eq!(d.at, at("2019-02-28T23:59:59.999999999+06:00"));
    let d = due(
        at("2019-03-31T10:00:00+06:00"),
        term(1, DurationUnit::Months),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-04-30")));
}

#[test]
fn month_term_on_the_same_date() {
    let d = due(
        at("2019-03-15T10:00:00+06:00"),
        term(3, DurationUnit::Months),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2019-06-15")));
}

#[test]
fn month_term_from_29_february_2020_ends_28_february_next_year() {
    let d = due(
        at("2020-02-29T10:00:00+06:00"),
        term(12, DurationUnit::Months),
        almaty(),
        Some(kz()),
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2021-02-28")));
    let d = due(
        at("2020-02-29T10:00:00+06:00"),
        term(1, DurationUnit::Years),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2021-02-28")));
}

#[test]
fn month_term_from_29_february_2020_one_month_is_29_march() {
    let d = due(
        at("2020-02-29T10:00:00+06:00"),
        term(1, DurationUnit::Months),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2020-03-29")));
}

#[test]
fn month_term_into_leap_february_ends_29_february() {
    let d = due(
        at("2020-01-31T10:00:00+06:00"),
        term(1, DurationUnit::Months),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2020-02-29")));
    let d = due(
        at("2019-02-28T10:00:00+06:00"),
        term(1, DurationUnit::Years),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2020-02-28")));
}

#[test]
fn calendar_days_across_29_february_2020() {
    let d = due(
        at("2020-02-25T10:00:00+06:00"),
        term(7, DurationUnit::CalendarDays),
        almaty(),
        None,
    )
    .unwrap();
    assert_eq!(d.last_day, Some(day("2020-03-03")));
}

#[test]
fn working_days_without_a_calendar_is_an_error() {
    let e = due(
        at("2019-05-08T15:00:00+06:00"),
        term(1, DurationUnit::WorkingDays),
        almaty(),
        None,
    );
    assert_eq!(e, Err(TimeError::NoCalendar));
}

#[test]
fn calendar_working_days_is_an_error() {
    let e = due(
        at("2019-05-08T15:00:00+06:00"),
        term(1, DurationUnit::CalendarWorkingDays),
        almaty(),
        Some(kz()),
    );
    assert_eq!(e, Err(TimeError::MixedUnit));
}

#[test]
fn outside_calendar_years_is_an_error_naming_the_year() {
    let e = kz().is_working_day(day("2021-01-04")).unwrap_err();
    assert_eq!(
        e,
        TimeError::OutsideCalendar {
            calendar: "kz".to_string(),
            year: 2021
        }
    );
    assert_eq!(e.to_string(), "calendar `kz` does not cover 2021");
    assert!(matches!(
        kz().status(day("2014-12-31")),
        Err(TimeError::OutsideCalendar { year: 2014, .. })
    ));
    assert!(matches!(
        kz().exceptions(2021),
        Err(TimeError::OutsideCalendar { year: 2021, .. })
    ));
    // A working-day term that runs past the last covered year is refused, not guessed.
    let e = due(
        at("2020-12-28T10:00:00+06:00"),
        term(5, DurationUnit::WorkingDays),
        almaty(),
        Some(kz()),
    );
    assert_eq!(
        e,
        Err(TimeError::OutsideCalendar {
            calendar: "kz".to_string(),
            year: 2021
        })
    );
    insta::assert_snapshot!(
        "outside_calendar_years",
        crate::support::render_error(&e.unwrap_err(), &SourceFile::new("-", ""))
    );
}

#[test]
fn working_days_between_counts_how_late() {
    assert_eq!(
        kz().working_days_between(day("2019-05-08"), day("2019-05-13"))
            .unwrap(),
        1
    );
    assert_eq!(
        kz().working_days_between(day("2019-05-08"), day("2019-05-08"))
            .unwrap(),
        0
    );
    assert_eq!(
        kz().working_days_between(day("2019-05-13"), day("2019-05-08"))
            .unwrap(),
        -1
    );
    assert_eq!(
        kz().working_days_between(day("2019-05-09"), day("2019-05-12"))
            .unwrap(),
        0
    );
}

// ------------------------------------------------------------------ calendar data errors

const HEAD: &str = "calendar t {\n  timezone \"Asia/Almaty\"\n  weekend sat, sun\n  years 2019..2020\n  counting last_day_moves false\n";

#[test]
fn a_small_valid_calendar_loads() {
    let text = format!(
        "{HEAD}  holiday 2019-05-09 \"Victory Day\"\n  observed 2020-05-11 \"Victory Day fell on a Saturday\"\n  transfer 2020-05-11 to 2020-05-08 \"decree\"\n  working 2019-06-01 \"a working Saturday\"\n}}\n"
    );
    let cal = load(&text).unwrap();
    assert!(cal.is_working_day(day("2020-05-11")).unwrap());
    assert!(!cal.is_working_day(day("2020-05-08")).unwrap());
    assert!(cal.is_working_day(day("2019-06-01")).unwrap());
    assert_eq!(
        cal.status(day("2019-06-01")).unwrap().reason,
        DayReason::DeclaredWorking
    );
}

#[test]
fn transfer_onto_a_day_already_off() {
    let text = format!(
        "{HEAD}  holiday 2019-05-09 \"Victory Day\"\n  transfer 2019-05-04 to 2019-05-09 \"decree\"\n}}\n"
    );
    insta::assert_snapshot!("transfer_onto_a_day_already_off", errors_of(&text));
}

#[test]
fn transfer_onto_a_weekend_day() {
    let text = format!("{HEAD}  transfer 2019-05-04 to 2019-05-05 \"decree\"\n}}\n");
    insta::assert_snapshot!("transfer_onto_a_weekend_day", errors_of(&text));
}

#[test]
fn transfer_from_an_ordinary_working_day() {
    let text = format!("{HEAD}  transfer 2019-05-06 to 2019-05-08 \"decree\"\n}}\n");
    insta::assert_snapshot!("transfer_from_an_ordinary_working_day", errors_of(&text));
}

#[test]
fn transfer_from_a_public_holiday() {
    let text = format!(
        "{HEAD}  holiday 2020-05-09 \"Victory Day\"\n  transfer 2020-05-09 to 2020-05-08 \"decree\"\n}}\n"
    );
    insta::assert_snapshot!("transfer_from_a_public_holiday", errors_of(&text));
}

#[test]
fn duplicate_date() {
    let text = format!(
        "{HEAD}  holiday 2019-05-09 \"Victory Day\"\n  observed 2019-05-09 \"Victory Day again\"\n}}\n"
    );
    insta::assert_snapshot!("duplicate_date", errors_of(&text));
}

#[test]
fn date_outside_years() {
    let text = format!("{HEAD}  holiday 2021-01-01 \"New Year\"\n}}\n");
    insta::assert_snapshot!("date_outside_years", errors_of(&text));
}

#[test]
fn missing_years_timezone_and_counting_rule() {
    let text = "calendar t {\n  weekend sat, sun\n}\n";
    insta::assert_snapshot!("missing_years_timezone_and_counting_rule", errors_of(text));
}

#[test]
fn unknown_timezone_and_counting_rule() {
    let text = "calendar t {\n  timezone \"Asia/Alma-Ata City\"\n  weekend sat, sun\n  years 2019..2019\n  counting last_day_moves false\n  counting first_day_counts true\n  counting last_day_moves true\n}\n";
    insta::assert_snapshot!("unknown_timezone_and_counting_rule", errors_of(text));
}

#[test]
fn years_running_backwards() {
    let text = "calendar t {\n  timezone \"Asia/Almaty\"\n  weekend sat, sun\n  years 2020..2015\n  counting last_day_moves false\n}\n";
    insta::assert_snapshot!("years_running_backwards", errors_of(text));
}

#[test]
fn every_calendar_problem_is_reported_at_once() {
    let text = format!(
        "{HEAD}  holiday 2019-05-09 \"Victory Day\"\n  holiday 2019-05-09 \"Victory Day\"\n  holiday 2022-01-01 \"New Year\"\n  transfer 2019-05-06 to 2019-05-09 \"decree\"\n  working 2019-05-08 \"a Wednesday\"\n}}\n"
    );
    let errors = load(&text).err().unwrap();
    let codes: Vec<String> = errors
        .iter()
        .map(|e| ereje::Diagnostic::from(e).code.code.to_string())
        .collect();
    assert_eq!(codes, ["E0415", "E0414", "E0417", "E0417", "E0416"]);
}

#[test]
fn unknown_weekday_built_from_an_ast() {
    // The parser already refuses unknown weekday names; a calendar built from a hand-made AST
    // is checked again.
    let source = SourceFile::new("calendar.ereje", format!("{HEAD}}}\n"));
    let file = parse_file(&source, 0).unwrap();
    let Some(Decl::Calendar(mut cal)) = file.decls.into_iter().next() else {
        panic!("a calendar")
    };
    cal.weekend[1].node = "sunday".to_string();
    let errors = ereje::semantic::build_calendar(&cal).err().unwrap();
    insta::assert_snapshot!(
        "unknown_weekday",
        crate::support::render_error(&errors[0], &source)
    );
}

// ------------------------------------------------------------------ properties

fn any_unit() -> impl Strategy<Value = DurationUnit> {
    prop_oneof![
        Just(DurationUnit::Minutes),
        Just(DurationUnit::Hours),
        Just(DurationUnit::CalendarDays),
        Just(DurationUnit::UnstatedDays),
        Just(DurationUnit::WorkingDays),
        Just(DurationUnit::Months),
        Just(DurationUnit::Years),
    ]
}

/// An instant in 2015-2020, written with one of a few offsets.
fn any_event() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let start = at("2015-01-01T00:00:00+06:00").timestamp();
    let end = at("2020-12-31T23:59:59+06:00").timestamp();
    (
        start..=end,
        prop_oneof![
            Just(0),
            Just(6 * 3600),
            Just(-5 * 3600),
            Just(5 * 3600 + 1800)
        ],
    )
        .prop_map(|(secs, offset)| {
            FixedOffset::east_opt(offset)
                .unwrap()
                .timestamp_opt(secs, 0)
                .unwrap()
        })
}

fn any_calendar() -> impl Strategy<Value = Option<&'static Calendar>> {
    prop_oneof![Just(None), Just(Some(kz())), Just(Some(kz_moving()))]
}

proptest! {
    // Failures are shrunk and printed; no regression files are written into the source tree.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn adding_n_working_days_then_counting_back_gives_n(offset in 0u64..2200, n in 0u32..80) {
        let start = day("2015-01-01").checked_add_days(Days::new(offset)).unwrap();
        match kz().add_working_days(start, n) {
            Ok(end) => {
                prop_assert_eq!(kz().working_days_between(start, end), Ok(i64::from(n)));
                prop_assert!(n == 0 || kz().is_working_day(end).unwrap());
            }
            Err(TimeError::OutsideCalendar { year, .. }) => prop_assert_eq!(year, 2021),
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn a_due_time_is_never_before_its_event(event in any_event(), amount in 0u32..400, unit in any_unit(), cal in any_calendar()) {
        match due(event, term(amount, unit), almaty(), cal) {
            Ok(d) => {
                prop_assert!(d.at >= event, "{} before {}", d.at, event);
                // Expressed with Almaty's offset at that instant (UTC+6, UTC+5 from March 2024).
                let almaty_offset = d.at.with_timezone(&almaty()).fixed_offset();
                prop_assert_eq!(d.at.offset(), almaty_offset.offset());
            }
            Err(TimeError::OutsideCalendar { .. } | TimeError::NoCalendar) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn more_days_never_gives_an_earlier_due_time(event in any_event(), amount in 0u32..200, more in 1u32..40, unit in any_unit(), cal in any_calendar()) {
        let shorter = due(event, term(amount, unit), almaty(), cal);
        let longer = due(event, term(amount + more, unit), almaty(), cal);
        if let (Ok(shorter), Ok(longer)) = (shorter, longer) {
            prop_assert!(longer.at >= shorter.at, "{} then {}", shorter.at, longer.at);
            prop_assert!(longer.last_day >= shorter.last_day);
        }
    }
}

/// A term that ends after the year 9999 cannot be written as RFC 3339: it is an error the
/// report says (`deadline-unknown`), never a due time in the year 0000.
#[test]
fn a_term_past_the_year_9999_is_an_error() {
    let tz: chrono_tz::Tz = "Asia/Almaty".parse().expect("a timezone");
    let event = DateTime::parse_from_rfc3339("9999-12-30T10:00:00+05:00").expect("an instant");
    let days = |amount| Duration {
        amount,
        unit: DurationUnit::CalendarDays,
    };
    assert!(
        due(event, days(1), tz, None).is_ok(),
        "9999-12-31 is still a day"
    );
    assert!(matches!(
        due(event, days(10), tz, None),
        Err(TimeError::OutOfRange)
    ));
    let minutes = Duration {
        amount: 3 * 24 * 60,
        unit: DurationUnit::Minutes,
    };
    assert!(matches!(
        due(event, minutes, tz, None),
        Err(TimeError::OutOfRange)
    ));
}
