//! What the checker tells an observer while it decides one bundle: the version of the service
//! applied, whether each element is in force, every condition as it is decided (with the
//! environment it was decided in, so an observer can ask the same evaluator more), and the
//! findings each element concluded. `check` runs with [`Unobserved`], whose methods are empty
//! and inlined away, so the checker pays nothing for it; `trace` records.

use std::ops::Range;

use super::eval::Env;
use crate::compile::{CondPlan, DocumentPlan, RefusalPlan, ServicePlan};

/// An element of the service the checker decides on its own.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Element<'p> {
    /// A document requirement, and how many copies of its kind the bundle attaches.
    Document(&'p DocumentPlan, usize),
    /// A ground for refusal.
    Ground(&'p RefusalPlan),
}

/// Where a condition was decided.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Site<'p> {
    /// A document's requirement (`required when …`, its exemption folded in).
    Required(&'p DocumentPlan, &'p CondPlan),
    /// The exemption of the requirement (for each item of a list) last told.
    Exemption(&'p CondPlan),
    /// Whether item `index` of the list needs a document (the environment has it bound).
    Item(usize, &'p CondPlan),
    /// A validity rule of the requirement last told, on the copy at `copy` in `documents`
    /// (the environment has it bound).
    Copy {
        /// The copy's place in `documents`.
        copy: usize,
        /// The rule's condition.
        condition: &'p CondPlan,
    },
    /// A ground's condition (its exemption folded in).
    Ground(&'p RefusalPlan),
}

/// Told what the checker decides, as it decides it; every method does nothing unless an
/// observer says otherwise.
pub(crate) trait Observer<'p> {
    /// The version of the service applied on the day.
    fn service(&mut self, _service: &'p ServicePlan) {}

    /// An element, and whether it is in force on the day applied (`None`: undecided); one not
    /// surely in force is not decided further.
    fn element(&mut self, _element: Element<'p>, _in_force: Option<bool>) {}

    /// A condition of the element last told, decided to `value` (`None`: unknown), leaving
    /// `missing` facts undecided; `env` is as the checker decided it in.
    fn decided(
        &mut self,
        _site: Site<'p>,
        _env: &mut Env<'_, '_>,
        _value: Option<bool>,
        _missing: &[String],
    ) {
    }

    /// The findings (a range of the report's) the element last told concluded.
    fn concluded(&mut self, _findings: Range<usize>) {}
}

/// The observer of a plain check: it is told nothing worth keeping.
pub(crate) struct Unobserved;

impl Observer<'_> for Unobserved {}
