//! Time: durations, the working-day calendar and term counting.
//!
//! Every date computation of ereje lives here. The pipeline reaches this module twice: rule
//! files declare calendars (`calendar kz { … }`), which `semantic` checks and turns into a
//! [`Calendar`], a lookup table of working days; and checking a bundle asks [`due`] when a step's
//! deadline or a service term ends. Counting follows the conventions of `docs/time.md`: a term
//! in days starts the day after its event, in the service's timezone, and ends at the end of
//! its last day; whether a last day on a day off moves is the calendar's declared switch, never
//! a guess. Outside the years a calendar covers, working days
//! are an error ([`TimeError::OutsideCalendar`]), not a weekends-only approximation.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod calendar;
mod counting;
mod duration;
mod error;
mod instant;

pub use calendar::{Calendar, DayReason, DayStatus};
pub use counting::{Due, due};
pub use error::TimeError;
pub use instant::{parse_date, rfc3339};
