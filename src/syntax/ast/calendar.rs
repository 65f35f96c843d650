//! Calendars: working days, holidays and transfers as declared.

use chrono::NaiveDate;

use super::{Name, Provenance};
use crate::source::{Span, Spanned};
use crate::vocab::Texts;

/// `calendar NAME { … }`: a working-day calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Its id (`kz`).
    pub name: Name,
    /// Titles.
    pub title: Texts,
    /// `timezone "…"`.
    pub timezone: Option<Spanned<String>>,
    /// `weekend sat, sun`.
    pub weekend: Vec<Name>,
    /// `years A..B`.
    pub years: Option<(Spanned<i32>, Spanned<i32>)>,
    /// `counting SWITCH true|false`.
    pub counting: Vec<CountingSwitch>,
    /// Dated entries.
    pub days: Vec<DayEntry>,
    /// Citations.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `counting NAME true|false`.
#[derive(Debug, Clone)]
pub struct CountingSwitch {
    /// The switch.
    pub name: Name,
    /// Its value.
    pub value: bool,
    /// Citations.
    pub provenance: Provenance,
    /// The whole clause.
    pub span: Span,
}

/// What a calendar entry says of its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A public holiday: a day off that moves when it falls on a weekend.
    Holiday,
    /// A day off because a holiday fell on a weekend.
    Observed,
    /// A religious day off that does not move.
    Fixed,
    /// A weekend day made working (without a paired transfer).
    Working,
}

/// A dated calendar entry.
#[derive(Debug, Clone)]
pub struct DayEntry {
    /// The kind of entry; `None` for a transfer.
    pub kind: Option<DayKind>,
    /// The date (for a transfer: the weekend day that becomes working).
    pub date: Spanned<NaiveDate>,
    /// For a transfer: the day that becomes a day off.
    pub to: Option<Spanned<NaiveDate>>,
    /// Why.
    pub reason: Spanned<String>,
    /// Sources.
    pub provenance: Provenance,
    /// The whole entry.
    pub span: Span,
}
