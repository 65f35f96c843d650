//! Whether an element is in force on the day applied, when an act that bounds it entered into
//! force on a day known only to lie in a window (its publication date is not known). Such an
//! element is undecided, never silently taken as in force or not: the judge records it, and one
//! `in-force-unknown` warning per act names the window and every element affected. A user who
//! must decide anyway says how (`--assume-in-force earliest|latest`), and the report echoes it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::finding::{About, Finding, Kind};
use crate::codes;
use crate::semantic::model::{Assume, InForce, Interval};
use crate::vocab::ActName;

/// Decides the elements of one bundle, collecting those it cannot.
pub(crate) struct InForceJudge {
    day: NaiveDate,
    assume: Option<Assume>,
    /// The undecided elements, by act: its window and the elements.
    unknown: BTreeMap<String, Undecided>,
}

struct Undecided {
    earliest: NaiveDate,
    latest: Option<NaiveDate>,
    elements: Vec<String>,
    applicability: bool,
}

impl InForceJudge {
    /// A judge for `day`, deciding windows as `assume` says when it says.
    pub(crate) fn new(day: NaiveDate, assume: Option<Assume>) -> InForceJudge {
        InForceJudge {
            day,
            assume,
            unknown: BTreeMap::new(),
        }
    }

    /// The day applied.
    pub(crate) fn day(&self) -> NaiveDate {
        self.day
    }

    /// Whether `element` (bounded by `interval`) is in force: `None` when it cannot be decided.
    /// `applicability` says the element decides whether the service applies at all (the
    /// service itself, a channel).
    pub(crate) fn in_force(
        &mut self,
        interval: &Interval,
        element: &str,
        applicability: bool,
    ) -> Option<bool> {
        match interval.on(self.day) {
            InForce::Yes => Some(true),
            InForce::No => Some(false),
            InForce::Unknown { .. } if self.assume.is_some() => self
                .assume
                .map(|assume| interval.assuming(self.day, assume)),
            InForce::Unknown { window, earliest } => {
                let entry = self
                    .unknown
                    .entry(window.act.to_string())
                    .or_insert(Undecided {
                        earliest,
                        latest: window.latest,
                        elements: Vec::new(),
                        applicability: false,
                    });
                if !entry.elements.iter().any(|e| e == element) {
                    entry.elements.push(element.to_string());
                }
                entry.applicability |= applicability;
                None
            }
        }
    }

    /// One warning per act whose window holds the day, naming the elements it leaves
    /// undecided. `act_names` gives the acts as they are cited.
    pub(crate) fn findings(self, act_names: &BTreeMap<String, ActName>) -> Vec<Finding> {
        self.unknown
            .into_iter()
            .map(|(act, u)| {
                Finding::new(
                    &codes::IN_FORCE_UNKNOWN,
                    Kind::Applicability,
                    act.clone(),
                    "/submitted_at",
                    About::InForceUnknown {
                        act: act_names.get(&act).cloned().unwrap_or_else(|| ActName {
                            id: act.clone(),
                            ..ActName::default()
                        }),
                        day: self.day,
                        earliest: u.earliest,
                        latest: u.latest,
                        elements: u.elements,
                        applicability: u.applicability,
                    },
                )
            })
            .collect()
    }
}
