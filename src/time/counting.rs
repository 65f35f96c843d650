//! Term counting: when a deadline that runs `duration` after an event ends.
//!
//! The conventions (`docs/time.md`): minutes and hours end exactly that long after the event; a
//! term in days starts the day after the event's local date and ends at the end of its last
//! day; a term in months or years ends on the same date N months later, or on that month's last
//! day when it has no such date. Whether a last day that is a day off moves to the next working
//! day is the calendar's declared switch.

use super::calendar::Calendar;
use super::duration::{Count, count};
use super::error::TimeError;
use crate::vocab::Duration;
use chrono::{DateTime, Days, FixedOffset, LocalResult, Months, NaiveDate, TimeZone};
use chrono_tz::Tz;

/// When a term ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    /// The last instant at which the event is still on time, with the timezone's offset.
    pub at: DateTime<FixedOffset>,
    /// The term's last day, in the timezone (`None` for minutes and hours).
    pub last_day: Option<NaiveDate>,
}

/// The last instant at which an event that must happen `duration` after `event` is still on
/// time.
///
/// Minutes and hours: exactly `event + duration`. Calendar days (and days whose kind the law
/// leaves open): the term starts the day after the event's local date in `tz` and ends at the
/// end (23:59:59.999999999 local) of its last day. Working days: the last day is the n-th
/// working day after the local date ([`TimeError::NoCalendar`] without a calendar). Months and
/// years: the same date N months later, or that month's last day if it has none. For every term
/// in days, months or years, if the calendar says `counting last_day_moves true` and the last
/// day is a day off, the term ends at the end of the next working day. Without a calendar,
/// calendar-day and month terms do not move. The instant is expressed with the offset `tz` has
/// at that instant.
pub fn due(
    event: DateTime<FixedOffset>,
    duration: Duration,
    tz: Tz,
    calendar: Option<&Calendar>,
) -> Result<Due, TimeError> {
    use chrono::Datelike;
    let due = due_any_year(event, duration, tz, calendar)?;
    // RFC 3339 writes four-digit years: a due time after 9999 cannot be reported
    if due.at.year() > 9999 {
        return Err(TimeError::OutOfRange);
    }
    Ok(due)
}

/// [`due`], whatever year it falls in.
fn due_any_year(
    event: DateTime<FixedOffset>,
    duration: Duration,
    tz: Tz,
    calendar: Option<&Calendar>,
) -> Result<Due, TimeError> {
    let local = event.with_timezone(&tz).date_naive();
    let last = match count(duration)? {
        Count::Exact(span) => {
            let at = event
                .checked_add_signed(span)
                .ok_or(TimeError::OutOfRange)?;
            return Ok(Due {
                at: at.with_timezone(&tz).fixed_offset(),
                last_day: None,
            });
        }
        Count::CalendarDays(n) => local
            .checked_add_days(Days::new(u64::from(n)))
            .ok_or(TimeError::OutOfRange)?,
        Count::WorkingDays(n) => calendar
            .ok_or(TimeError::NoCalendar)?
            .add_working_days(local, n)?,
        Count::Months(n) => local
            .checked_add_months(Months::new(n))
            .ok_or(TimeError::OutOfRange)?,
    };
    let last = match calendar {
        Some(cal) if cal.last_day_moves() && !cal.is_working_day(last)? => {
            cal.add_working_days(last, 1)?
        }
        _ => last,
    };
    Ok(Due {
        at: end_of_day(last, tz)?,
        last_day: Some(last),
    })
}

/// The last instant of `day` in `tz`.
fn end_of_day(day: NaiveDate, tz: Tz) -> Result<DateTime<FixedOffset>, TimeError> {
    let naive = day
        .and_hms_nano_opt(23, 59, 59, 999_999_999)
        .ok_or(TimeError::OutOfRange)?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.fixed_offset()),
        // The clock ran through the end of the day twice: the later pass is the real end.
        LocalResult::Ambiguous(_, later) => Ok(later.fixed_offset()),
        LocalResult::None => Err(TimeError::NoLocalTime {
            date: day,
            timezone: tz.name().to_string(),
        }),
    }
}
