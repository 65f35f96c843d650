//! The calendar data errors (`E0410`–`E0419`): what can be wrong in a `calendar` declaration,
//! told in the words of the law data, with the exact span in the rule file.

use chrono::NaiveDate;
use thiserror::Error;

use crate::codes;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::Span;

/// A problem in a calendar's data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A clause every calendar needs is missing.
    #[error("calendar `{calendar}` does not say {what}")]
    MissingClause {
        /// The calendar.
        calendar: String,
        /// What is missing, in words.
        what: &'static str,
        /// How to write it.
        example: &'static str,
        /// The calendar's name.
        span: Span,
    },
    /// `years 2020..2015`.
    #[error("the years of calendar `{calendar}` run backwards: {first}..{last}")]
    YearsOutOfOrder {
        /// The calendar.
        calendar: String,
        /// The first year as written.
        first: i32,
        /// The last year as written.
        last: i32,
        /// The years clause.
        span: Span,
    },
    /// A weekend day that is not a day of the week.
    #[error("`{text}` is not a day of the week")]
    UnknownWeekday {
        /// The name as written.
        text: String,
        /// Where.
        span: Span,
    },
    /// A timezone name the timezone database does not know.
    #[error("`{name}` is not a known timezone")]
    UnknownTimezone {
        /// The name as written.
        name: String,
        /// Where.
        span: Span,
    },
    /// An entry for a day outside the years the calendar covers.
    #[error("`{date}` is outside the years calendar `{calendar}` covers ({first}..{last})")]
    DateOutsideYears {
        /// The calendar.
        calendar: String,
        /// The date.
        date: NaiveDate,
        /// Its year.
        year: i32,
        /// The first covered year.
        first: i32,
        /// The last covered year.
        last: i32,
        /// The date.
        span: Span,
        /// The years clause.
        years: Span,
    },
    /// Two entries speak of the same day.
    #[error("`{date}` has more than one entry")]
    DuplicateDate {
        /// The date.
        date: NaiveDate,
        /// The second entry.
        span: Span,
        /// The first entry.
        first: Span,
    },
    /// A transfer whose day off lands on a day that is already off.
    #[error("the transfer moves a day off onto `{date}`, which is already a day off")]
    TransferOntoDayOff {
        /// The day the day off moves to.
        date: NaiveDate,
        /// Why it is already off, in words.
        why: String,
        /// The transfer's target date.
        span: Span,
        /// The entry that makes it a day off, if any.
        other: Option<Span>,
    },
    /// A transfer or `working` entry on a day that cannot become a working day.
    #[error("`{date}` cannot become a working day: {why}")]
    CannotBecomeWorking {
        /// The date.
        date: NaiveDate,
        /// Why, in words.
        why: String,
        /// The date.
        span: Span,
        /// The entry that makes it what it is, if any.
        other: Option<Span>,
    },
    /// `counting SWITCH` with a switch ereje does not know.
    #[error("`{name}` is not a counting rule ereje knows")]
    UnknownCountingSwitch {
        /// The name as written.
        name: String,
        /// Where.
        span: Span,
    },
    /// The same counting switch declared twice.
    #[error("the counting rule `{name}` is declared twice")]
    DuplicateCountingSwitch {
        /// The switch.
        name: String,
        /// The second clause.
        span: Span,
        /// The first clause.
        first: Span,
    },
}

impl From<&CalendarError> for Diagnostic {
    fn from(e: &CalendarError) -> Diagnostic {
        use CalendarError as E;
        let message = e.to_string();
        let at = |code, span: &Span, label: String| {
            Diagnostic::new(code, message.clone(), Label::new(*span, label))
        };
        match e {
            E::MissingClause { example, span, .. } => {
                at(&codes::CALENDAR_CLAUSE_MISSING, span, "this calendar".into())
                    .with_help(format!("add `{example}` to the calendar"))
            }
            E::YearsOutOfOrder {
                first, last, span, ..
            } => at(
                &codes::CALENDAR_YEARS_BACKWARDS,
                span,
                "the first year is after the last".into(),
            )
            .with_help(format!(
                "write the earlier year first, like `years {last}..{first}`"
            )),
            E::UnknownWeekday { span, .. } => at(
                &codes::CALENDAR_UNKNOWN_WEEKDAY,
                span,
                "not a day of the week".into(),
            )
            .with_help("write weekend days as `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`"),
            E::UnknownTimezone { span, .. } => {
                at(&codes::CALENDAR_UNKNOWN_TIMEZONE, span, "unknown timezone".into()).with_help(
                    "write a timezone name from the IANA database, such as `Asia/Almaty`",
                )
            }
            E::DateOutsideYears {
                year,
                first,
                last,
                span,
                years,
                ..
            } => at(
                &codes::CALENDAR_DATE_OUTSIDE_YEARS,
                span,
                format!("outside {first}..{last}"),
            )
            .with_label(Label::new(*years, "the years covered"))
            .with_help(format!(
                "correct the date, or widen the calendar's `years` clause and add every holiday and transfer of {year}"
            )),
            E::DuplicateDate { span, first, .. } => at(
                &codes::CALENDAR_DUPLICATE_DATE,
                span,
                "second entry for this day".into(),
            )
            .with_label(Label::new(*first, "first entry for this day"))
            .with_help(
                "keep one entry per day: a day is a holiday, an observed day, a fixed day off, a working day, or one end of a transfer",
            ),
            E::TransferOntoDayOff {
                why, span, other, ..
            } => at(
                &codes::CALENDAR_TRANSFER_ONTO_DAY_OFF,
                span,
                format!("already a day off: {why}"),
            )
            .with_labels(other.map(|o| Label::new(o, "made a day off here")))
            .with_help(
                "a transfer must move the day off onto a working day: check the dates against the decree",
            ),
            E::CannotBecomeWorking {
                why, span, other, ..
            } => at(&codes::CALENDAR_CANNOT_BECOME_WORKING, span, why.clone())
                .with_labels(other.map(|o| Label::new(o, "declared here")))
                .with_help(
                    "a transfer or a `working` entry must start from a weekend day or from an observed day off: check the dates against the decree",
                ),
            E::UnknownCountingSwitch { span, .. } => at(
                &codes::CALENDAR_UNKNOWN_COUNTING_SWITCH,
                span,
                "unknown counting rule".into(),
            )
            .with_help(
                "the only counting rule is `last_day_moves`: write `counting last_day_moves true` or `counting last_day_moves false`",
            ),
            E::DuplicateCountingSwitch { name, span, first } => at(
                &codes::CALENDAR_DUPLICATE_COUNTING_SWITCH,
                span,
                "declared again here".into(),
            )
            .with_label(Label::new(*first, "first declared here"))
            .with_help(format!(
                "keep one `counting {name}` clause, the one the law supports"
            )),
        }
    }
}

impl From<CalendarError> for Diagnostic {
    fn from(e: CalendarError) -> Diagnostic {
        Diagnostic::from(&e)
    }
}
