//! The working-day calendar: which days are working days, and why.
//!
//! A [`Calendar`] is built from a checked `calendar` declaration (by `semantic`) and answers
//! questions about single days and about counting working days. Every answer for a day outside
//! the declared years is an error: a weekends-only guess would silently miss holidays.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;

use super::error::TimeError;
use crate::source::Span;

/// A working-day calendar: weekends, days off and working weekend days for a range of years.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    name: String,
    timezone: Tz,
    weekend: Vec<Weekday>,
    years: RangeInclusive<i32>,
    last_day_moves: bool,
    /// Every day that is not simply "a weekday, working" or "a weekend day, off".
    special: BTreeMap<NaiveDate, DayStatus>,
}

/// Why a day is a working day or a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DayReason {
    /// An ordinary working day.
    Weekday,
    /// A weekend day.
    Weekend,
    /// A public holiday.
    Holiday,
    /// The day off after a holiday that fell on a weekend.
    Observed,
    /// A religious day off that never moves.
    Fixed,
    /// A day off moved here by a transfer from `from`, which became a working day.
    TransferredOff {
        /// The day that became a working day in exchange.
        from: NaiveDate,
    },
    /// A weekend or observed day made a working day by a transfer; the day off moved to `to`.
    TransferredWorking {
        /// The day that became a day off in exchange.
        to: NaiveDate,
    },
    /// A weekend day declared a working day (a `working` entry).
    DeclaredWorking,
}

impl DayReason {
    /// The reason in plain words.
    pub fn describe(self) -> String {
        match self {
            DayReason::Weekday => "working day".to_string(),
            DayReason::Weekend => "weekend".to_string(),
            DayReason::Holiday => "public holiday".to_string(),
            DayReason::Observed => "day off for a holiday that fell on a weekend".to_string(),
            DayReason::Fixed => "religious day off (never moved)".to_string(),
            DayReason::TransferredOff { from } => format!("day off moved here from {from}"),
            DayReason::TransferredWorking { to } => {
                format!("working day: its day off moved to {to}")
            }
            DayReason::DeclaredWorking => "weekend day declared a working day".to_string(),
        }
    }
}

/// What a day is, why, and on whose authority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStatus {
    /// The day.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub working: bool,
    /// Why.
    pub reason: DayReason,
    /// The calendar entry's own words (`"Nauryz meyramy"`), if an entry speaks of this day.
    pub label: Option<String>,
    /// Citations of the entry, as written (`§ kz.law.holidays art. 5`).
    pub citations: Vec<String>,
    /// `source "…"` of the entry.
    pub sources: Vec<String>,
    /// `note "…"` of the entry.
    pub notes: Vec<String>,
    /// `unverified "…"` of the entry: why it could not be checked.
    pub unverified: Option<String>,
    /// The calendar entry, if any.
    pub span: Option<Span>,
}

impl DayStatus {
    /// A day no entry speaks of.
    pub(crate) fn plain(date: NaiveDate, weekend: bool) -> DayStatus {
        DayStatus {
            date,
            working: !weekend,
            reason: if weekend {
                DayReason::Weekend
            } else {
                DayReason::Weekday
            },
            label: None,
            citations: Vec::new(),
            sources: Vec::new(),
            notes: Vec::new(),
            unverified: None,
            span: None,
        }
    }
}

/// `2019-05-04 Sat  working  working day: its day off moved to 2019-05-10 — "…" § …; source "…"`
impl fmt::Display for DayStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = if self.working { "working" } else { "off" };
        write!(
            f,
            "{} {}  {state:<7}  {}",
            self.date,
            self.date.format("%a"),
            self.reason.describe()
        )?;
        if let Some(label) = &self.label {
            write!(f, " — {label}")?;
        }
        for c in &self.citations {
            write!(f, "; {c}")?;
        }
        for s in &self.sources {
            write!(f, "; source: {s}")?;
        }
        if let Some(u) = &self.unverified {
            write!(f, "; UNVERIFIED: {u}")?;
        }
        Ok(())
    }
}

impl Calendar {
    /// A calendar from checked parts (`semantic` checks a `calendar` declaration and builds
    /// it); `special` holds every day that is not simply a working weekday or a weekend day.
    pub(crate) fn new(
        name: String,
        timezone: Tz,
        weekend: Vec<Weekday>,
        years: RangeInclusive<i32>,
        last_day_moves: bool,
        special: BTreeMap<NaiveDate, DayStatus>,
    ) -> Calendar {
        Calendar {
            name,
            timezone,
            weekend,
            years,
            last_day_moves,
            special,
        }
    }

    /// The calendar's id (`kz`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The years the calendar covers.
    pub fn years(&self) -> RangeInclusive<i32> {
        self.years.clone()
    }

    /// The timezone whose days the calendar counts.
    pub fn timezone(&self) -> Tz {
        self.timezone
    }

    /// The declared switch `counting last_day_moves true|false`: whether a term whose last day
    /// is a day off ends on the next working day instead.
    pub fn last_day_moves(&self) -> bool {
        self.last_day_moves
    }

    /// Whether `d` is a working day. Outside the covered years this is
    /// [`TimeError::OutsideCalendar`], never a weekends-only guess.
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, TimeError> {
        self.covers(d.year())?;
        Ok(match self.special.get(&d) {
            Some(s) => s.working,
            None => !self.weekend.contains(&d.weekday()),
        })
    }

    /// Why a day is what it is (weekend, holiday "Nauryz", observed, fixed, transferred off,
    /// working weekend), with the entry's reason and sources.
    pub fn status(&self, d: NaiveDate) -> Result<DayStatus, TimeError> {
        self.covers(d.year())?;
        Ok(match self.special.get(&d) {
            Some(s) => s.clone(),
            None => DayStatus::plain(d, self.weekend.contains(&d.weekday())),
        })
    }

    /// The date `n` working days after `d` (`d` itself is not counted; `n = 0` gives `d`).
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, TimeError> {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().ok_or(TimeError::OutOfRange)?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The number of working days in `(a, b]`: how late, in working days, `b` is after `a`.
    /// Negative when `b` is before `a` (then it counts `(b, a]`).
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, TimeError> {
        let (from, to, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let mut count = 0i64;
        let mut day = from;
        while day < to {
            day = day.succ_opt().ok_or(TimeError::OutOfRange)?;
            if self.is_working_day(day)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }

    /// Every non-working weekday and every working weekend day of `year`, with reason and
    /// source, each list sorted by date.
    pub fn exceptions(&self, year: i32) -> Result<(Vec<DayStatus>, Vec<DayStatus>), TimeError> {
        self.covers(year)?;
        let mut days_off = Vec::new();
        let mut working_weekend = Vec::new();
        let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(TimeError::OutOfRange)?;
        for day in first.iter_days().take_while(|d| d.year() == year) {
            let status = self.status(day)?;
            let weekend = self.weekend.contains(&day.weekday());
            if weekend && status.working {
                working_weekend.push(status);
            } else if !weekend && !status.working {
                days_off.push(status);
            }
        }
        Ok((days_off, working_weekend))
    }

    fn covers(&self, year: i32) -> Result<(), TimeError> {
        if self.years.contains(&year) {
            Ok(())
        } else {
            Err(TimeError::OutsideCalendar {
                calendar: self.name.clone(),
                year,
            })
        }
    }
}
