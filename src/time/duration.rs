//! Durations as the counting rules see them: an exact span of time, a number of calendar or
//! working days, or a number of months. The parser keeps the unit as written
//! ([`DurationUnit`]); this is where each unit gets its meaning.

use chrono::TimeDelta;

use super::error::TimeError;
use crate::vocab::{Duration, DurationUnit};

/// How a duration is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    /// Minutes and hours: exactly this long after the event.
    Exact(TimeDelta),
    /// Calendar days (also days whose kind the law leaves open).
    CalendarDays(u32),
    /// Working days of a calendar.
    WorkingDays(u32),
    /// Months (a year is twelve of them).
    Months(u32),
}

/// The counting meaning of a duration.
pub(crate) fn count(duration: Duration) -> Result<Count, TimeError> {
    let n = duration.amount;
    Ok(match duration.unit {
        DurationUnit::Minutes => {
            Count::Exact(TimeDelta::try_minutes(i64::from(n)).ok_or(TimeError::OutOfRange)?)
        }
        DurationUnit::Hours => {
            Count::Exact(TimeDelta::try_hours(i64::from(n)).ok_or(TimeError::OutOfRange)?)
        }
        // The law leaves the kind open; ereje reads such days as calendar days and a lint says so.
        DurationUnit::CalendarDays | DurationUnit::UnstatedDays => Count::CalendarDays(n),
        DurationUnit::WorkingDays => Count::WorkingDays(n),
        DurationUnit::CalendarWorkingDays => return Err(TimeError::MixedUnit),
        DurationUnit::Months => Count::Months(n),
        DurationUnit::Years => Count::Months(n.checked_mul(12).ok_or(TimeError::OutOfRange)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(amount: u32, unit: DurationUnit) -> Duration {
        Duration { amount, unit }
    }

    #[test]
    fn years_are_twelve_months() {
        assert_eq!(count(d(2, DurationUnit::Years)), Ok(Count::Months(24)));
    }

    #[test]
    fn unstated_days_are_calendar_days() {
        assert_eq!(
            count(d(5, DurationUnit::UnstatedDays)),
            Ok(Count::CalendarDays(5))
        );
    }

    #[test]
    fn calendar_working_days_are_refused() {
        assert_eq!(
            count(d(5, DurationUnit::CalendarWorkingDays)),
            Err(TimeError::MixedUnit)
        );
    }

    #[test]
    fn huge_year_counts_do_not_overflow() {
        assert_eq!(
            count(d(u32::MAX, DurationUnit::Years)),
            Err(TimeError::OutOfRange)
        );
    }
}
