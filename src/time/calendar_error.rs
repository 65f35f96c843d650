//! The calendar data errors (`E0410`–`E0419`): what can be wrong in a `calendar` declaration,
//! told in the words of the law data, with the exact span in the rule file.

use std::sync::Arc;

use chrono::NaiveDate;
use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// A problem in a calendar's data.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum CalendarError {
    /// A clause every calendar needs is missing.
    #[error("calendar `{calendar}` does not say {what}")]
    #[diagnostic(code(E0410), help("add `{example}` to the calendar"))]
    MissingClause {
        /// The calendar.
        calendar: String,
        /// What is missing, in words.
        what: &'static str,
        /// How to write it.
        example: &'static str,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The calendar's name.
        #[label("this calendar")]
        span: SourceSpan,
    },
    /// `years 2020..2015`.
    #[error("the years of calendar `{calendar}` run backwards: {first}..{last}")]
    #[diagnostic(
        code(E0411),
        help("write the earlier year first, like `years {last}..{first}`")
    )]
    YearsOutOfOrder {
        /// The calendar.
        calendar: String,
        /// The first year as written.
        first: i32,
        /// The last year as written.
        last: i32,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The years clause.
        #[label("the first year is after the last")]
        span: SourceSpan,
    },
    /// A weekend day that is not a day of the week.
    #[error("`{text}` is not a day of the week")]
    #[diagnostic(
        code(E0412),
        help("write weekend days as `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`")
    )]
    UnknownWeekday {
        /// The name as written.
        text: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not a day of the week")]
        span: SourceSpan,
    },
    /// A timezone name the timezone database does not know.
    #[error("`{name}` is not a known timezone")]
    #[diagnostic(
        code(E0413),
        help("write a timezone name from the IANA database, such as `Asia/Almaty`")
    )]
    UnknownTimezone {
        /// The name as written.
        name: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("unknown timezone")]
        span: SourceSpan,
    },
    /// An entry for a day outside the years the calendar covers.
    #[error("`{date}` is outside the years calendar `{calendar}` covers ({first}..{last})")]
    #[diagnostic(
        code(E0414),
        help(
            "correct the date, or widen the calendar's `years` clause and add every holiday and transfer of {year}"
        )
    )]
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
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The date.
        #[label("outside {first}..{last}")]
        span: SourceSpan,
        /// The years clause.
        #[label("the years covered")]
        years: SourceSpan,
    },
    /// Two entries speak of the same day.
    #[error("`{date}` has more than one entry")]
    #[diagnostic(
        code(E0415),
        help(
            "keep one entry per day: a day is a holiday, an observed day, a fixed day off, a working day, or one end of a transfer"
        )
    )]
    DuplicateDate {
        /// The date.
        date: NaiveDate,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The second entry.
        #[label("second entry for this day")]
        span: SourceSpan,
        /// The first entry.
        #[label("first entry for this day")]
        first: SourceSpan,
    },
    /// A transfer whose day off lands on a day that is already off.
    #[error("the transfer moves a day off onto `{date}`, which is already a day off")]
    #[diagnostic(
        code(E0416),
        help(
            "a transfer must move the day off onto a working day: check the dates against the decree"
        )
    )]
    TransferOntoDayOff {
        /// The day the day off moves to.
        date: NaiveDate,
        /// Why it is already off, in words.
        why: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The transfer's target date.
        #[label("already a day off: {why}")]
        span: SourceSpan,
        /// The entry that makes it a day off, if any.
        #[label("made a day off here")]
        other: Option<SourceSpan>,
    },
    /// A transfer or `working` entry on a day that cannot become a working day.
    #[error("`{date}` cannot become a working day: {why}")]
    #[diagnostic(
        code(E0417),
        help(
            "a transfer or a `working` entry must start from a weekend day or from an observed day off: check the dates against the decree"
        )
    )]
    CannotBecomeWorking {
        /// The date.
        date: NaiveDate,
        /// Why, in words.
        why: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The date.
        #[label("{why}")]
        span: SourceSpan,
        /// The entry that makes it what it is, if any.
        #[label("declared here")]
        other: Option<SourceSpan>,
    },
    /// `counting SWITCH` with a switch ereje does not know.
    #[error("`{name}` is not a counting rule ereje knows")]
    #[diagnostic(
        code(E0418),
        help(
            "the only counting rule is `last_day_moves`: write `counting last_day_moves true` or `counting last_day_moves false`"
        )
    )]
    UnknownCountingSwitch {
        /// The name as written.
        name: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("unknown counting rule")]
        span: SourceSpan,
    },
    /// The same counting switch declared twice.
    #[error("the counting rule `{name}` is declared twice")]
    #[diagnostic(
        code(E0419),
        help("keep one `counting {name}` clause, the one the law supports")
    )]
    DuplicateCountingSwitch {
        /// The switch.
        name: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The second clause.
        #[label("declared again here")]
        span: SourceSpan,
        /// The first clause.
        #[label("first declared here")]
        first: SourceSpan,
    },
}
