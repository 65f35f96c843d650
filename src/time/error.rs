//! The errors of counting time (`E0420`–`E0424`): a working day asked for outside the
//! calendar's years, a term without a calendar, a date beyond what can be counted. They are
//! not about a place in a rule file: checking turns them into an `undecided` finding, the
//! command line into a diagnostic with no place.

use chrono::NaiveDate;

use crate::codes::{self, Code};
use crate::diagnostic::Diagnostic;
use crate::vocab::{Lang, Wording};

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

    /// What to do about it, in each language.
    pub fn help(&self) -> Wording {
        match self {
            TimeError::OutsideCalendar { calendar, year } => Wording::new(
                format!(
                    "add the holidays, observed days and transfers of {year} to calendar `{calendar}` and widen its `years` clause: ereje does not guess working days from weekends alone"
                ),
                format!(
                    "добавьте в календарь `{calendar}` праздничные дни, дни отдыха и переносы {year} года и расширьте его `years`: ereje не угадывает рабочие дни по одним выходным"
                ),
                format!(
                    "`{calendar}` күнтізбесіне {year} жылғы мереке күндерін, демалыс күндерін және ауыстыруларды қосып, оның `years` бөлігін кеңейтіңіз: ereje жұмыс күндерін тек демалыс күндері бойынша болжамайды"
                ),
            ),
            TimeError::NoCalendar => Wording::new(
                "name the calendar the service runs on, like `calendar kz`",
                "укажите календарь, по которому оказывается услуга, например `calendar kz`",
                "қызмет қай күнтізбе бойынша көрсетілетінін көрсетіңіз, мысалы `calendar kz`",
            ),
            TimeError::MixedUnit => Wording::new(
                "write either `calendar days` or `working days`, as the law says",
                "напишите либо `calendar days`, либо `working days`, как сказано в законе",
                "заңда айтылғандай, не `calendar days`, не `working days` деп жазыңыз",
            ),
            TimeError::OutOfRange => Wording::new(
                "check the term's length and the event's date",
                "проверьте продолжительность срока и дату события",
                "мерзімнің ұзақтығын және оқиғаның күнін тексеріңіз",
            ),
            TimeError::NoLocalTime { .. } => Wording::new(
                "check the service's timezone; a clock change skipped the last moment of that day",
                "проверьте часовой пояс услуги: перевод часов пропустил последний момент этого дня",
                "қызметтің уақыт белдеуін тексеріңіз: сағатты ауыстыру сол күннің соңғы сәтін өткізіп жіберді",
            ),
        }
    }
}

impl From<&TimeError> for Diagnostic {
    fn from(e: &TimeError) -> Diagnostic {
        use crate::report::words::time_error;
        let message = Wording::new(
            e.to_string(),
            time_error(e, Lang::Ru),
            time_error(e, Lang::Kk),
        );
        Diagnostic::nowhere(e.code(), message).with_help(e.help())
    }
}
