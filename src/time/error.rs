//! The errors of counting time (`E0420`–`E0424`): a working day asked for outside the
//! calendar's years, a term without a calendar, a date beyond what can be counted. They are
//! not about a place in a rule file: checking turns them into an `undecided` finding, the
//! command line into a diagnostic with no place.

use chrono::NaiveDate;

use crate::codes::{self, Code};
use crate::diagnostic::Diagnostic;

/// A problem counting a term.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeError {
    /// A working-day question about a year the calendar does not cover.
    #[error("calendar `{calendar}` does not cover {year}")]
    OutsideCalendar {
        /// The calendar.
        calendar: String,
        /// The year asked about.
        year: i32,
    },
    /// A term in working days, but no calendar to count them with.
    #[error("a term in working days needs a working-day calendar")]
    NoCalendar,
    /// A duration written as both calendar and working days.
    #[error("a term cannot be counted in both calendar days and working days")]
    MixedUnit,
    /// A date beyond what can be counted.
    #[error("the term ends beyond the dates ereje can count")]
    OutOfRange,
    /// The end of a day that does not exist in the timezone (a clock change at midnight).
    #[error("the end of {date} does not exist in timezone `{timezone}`")]
    NoLocalTime {
        /// The day.
        date: NaiveDate,
        /// The timezone.
        timezone: String,
    },
}

impl TimeError {
    /// Its code in the table.
    pub fn code(&self) -> &'static Code {
        match self {
            TimeError::OutsideCalendar { .. } => &codes::OUTSIDE_CALENDAR,
            TimeError::NoCalendar => &codes::NO_CALENDAR,
            TimeError::MixedUnit => &codes::MIXED_DAY_KIND,
            TimeError::OutOfRange => &codes::DATE_OUT_OF_RANGE,
            TimeError::NoLocalTime { .. } => &codes::NO_LOCAL_TIME,
        }
    }

    /// What to do about it.
    pub fn help(&self) -> String {
        match self {
            TimeError::OutsideCalendar { calendar, year } => format!(
                "add the holidays, observed days and transfers of {year} to calendar `{calendar}` and widen its `years` clause: ereje does not guess working days from weekends alone"
            ),
            TimeError::NoCalendar => {
                String::from("name the calendar the service runs on, like `calendar kz`")
            }
            TimeError::MixedUnit => {
                String::from("write either `calendar days` or `working days`, as the law says")
            }
            TimeError::OutOfRange => String::from("check the term's length and the event's date"),
            TimeError::NoLocalTime { .. } => String::from(
                "check the service's timezone; a clock change skipped the last moment of that day",
            ),
        }
    }
}

impl From<&TimeError> for Diagnostic {
    fn from(e: &TimeError) -> Diagnostic {
        Diagnostic::nowhere(e.code(), e.to_string()).with_help(e.help())
    }
}
