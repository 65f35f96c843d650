//! The days an element is in force: an interval whose bounds an act of unknown entry into
//! force may leave inside a window, and how such a day is decided.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::vocab::Wording;

/// Days in force: `[from, until)`; `None` is open. A bound set by an act whose entry into
/// force is not known exactly is that act's earliest possible day, and carries the window in
/// which the act may have entered into force: on a day inside it, whether the element is in
/// force is unknown ([`Interval::on`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Interval {
    /// First day in force (the earliest, when `from_window` is set).
    pub from: Option<NaiveDate>,
    /// First day no longer in force (the earliest, when `until_window` is set).
    pub until: Option<NaiveDate>,
    /// The act `from` depends on, when its entry into force is not known exactly.
    pub from_window: Option<Window>,
    /// The act `until` depends on, when its entry into force is not known exactly.
    pub until_window: Option<Window>,
}

/// An act whose entry into force is known only to lie in a window: from the earliest day its
/// record allows (the bound of the interval) up to `latest`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// The act.
    pub act: Arc<str>,
    /// The latest day it can have entered into force (`None`: no later bound is known).
    pub latest: Option<NaiveDate>,
}

/// Whether an element is in force on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InForce<'a> {
    /// It is.
    Yes,
    /// It is not.
    No,
    /// It depends on when an act entered into force, which is known only to lie in a window
    /// from `earliest` on.
    Unknown {
        /// The act and the end of the window.
        window: &'a Window,
        /// The first day of the window.
        earliest: NaiveDate,
    },
}

/// How to decide a day inside a window when a user asks to decide anyway
/// (`--assume-in-force`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assume {
    /// The act entered into force on the earliest day its record allows.
    Earliest,
    /// The act entered into force on the latest day it can have.
    Latest,
}

impl Interval {
    /// An interval from `from` until `until`, each known exactly.
    pub fn new(from: Option<NaiveDate>, until: Option<NaiveDate>) -> Interval {
        Interval {
            from,
            until,
            from_window: None,
            until_window: None,
        }
    }

    /// Whether the two intervals share a day, and if so the first they share (`None`: they
    /// share every day from the beginning), taking every act at the earliest day it allows.
    pub fn first_shared_day(&self, other: &Interval) -> Option<Option<NaiveDate>> {
        let start = match (self.from, other.from) {
            (Some(p), Some(q)) => Some(p.max(q)),
            (p, q) => p.or(q),
        };
        let end = match (self.until, other.until) {
            (Some(p), Some(q)) => Some(p.min(q)),
            (p, q) => p.or(q),
        };
        match (start, end) {
            (Some(s), Some(e)) if s >= e => None,
            _ => Some(start),
        }
    }

    /// Whether `day` lies inside, taking every act at the earliest day its record allows.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.until.is_none_or(|u| day < u)
    }

    /// Whether the element is in force on `day`: yes, no, or unknown because `day` lies in the
    /// window of an act that bounds it.
    pub fn on(&self, day: NaiveDate) -> InForce<'_> {
        let inside = |earliest: NaiveDate, w: &Window| {
            day >= earliest && w.latest.is_none_or(|latest| day < latest)
        };
        if let (Some(u), Some(w)) = (self.until, &self.until_window)
            && inside(u, w)
        {
            return InForce::Unknown {
                window: w,
                earliest: u,
            };
        }
        if let (Some(f), Some(w)) = (self.from, &self.from_window)
            && inside(f, w)
            && self.until.is_none_or(|u| day < u)
        {
            return InForce::Unknown {
                window: w,
                earliest: f,
            };
        }
        let after_from = match (&self.from, &self.from_window) {
            (Some(f), Some(w)) => day >= *f && w.latest.is_none_or(|l| day >= l),
            (Some(f), None) => day >= *f,
            (None, _) => true,
        };
        if after_from && self.until.is_none_or(|u| day < u) {
            InForce::Yes
        } else {
            InForce::No
        }
    }

    /// Whether `day` lies inside when every act of a window is taken to have entered into
    /// force as `assume` says.
    pub fn assuming(&self, day: NaiveDate, assume: Assume) -> bool {
        let bound = |b: Option<NaiveDate>, w: &Option<Window>| match (assume, w) {
            (Assume::Latest, Some(w)) => w.latest.or(b),
            _ => b,
        };
        let from = bound(self.from, &self.from_window);
        let until = bound(self.until, &self.until_window);
        from.is_none_or(|f| day >= f) && until.is_none_or(|u| day < u)
    }

    /// In words: "from 2015-07-21 until 2020-04-14".
    pub fn describe(&self) -> String {
        match (self.from, self.until) {
            (Some(f), Some(u)) => format!("from {f} until {u}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(u)) => format!("until {u}"),
            (None, None) => String::from("at all times"),
        }
    }

    /// In words, in English, Russian and Kazakh: «с 2015-07-21 до 2020-04-14».
    pub fn describe_words(&self) -> Wording {
        let (ru, kk) = match (self.from, self.until) {
            (Some(f), Some(u)) => (format!("с {f} до {u}"), format!("{f} бастап {u} дейін")),
            (Some(f), None) => (format!("с {f}"), format!("{f} бастап")),
            (None, Some(u)) => (format!("до {u}"), format!("{u} дейін")),
            (None, None) => (String::from("всегда"), String::from("әрдайым")),
        };
        Wording::new(self.describe(), ru, kk)
    }
}
