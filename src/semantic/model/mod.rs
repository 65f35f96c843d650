//! The checked model: every name resolved, every expression typed, every date interval known.
//!
//! Produced by `semantic::analyze`, consumed by the linter and by `compile`, which needs
//! nothing else.

mod act;
mod expr;
mod in_force;
mod process;
mod service;
mod value;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use act::ActInfo;
pub use expr::{CompareOp, Condition, Const, DocField, TExpr};
pub use in_force::{Assume, InForce, Interval, Window};
pub use process::{Anchor, ProcessView, StepDef, TermDef};
pub use service::{ChannelDef, DocumentRule, InputDef, RefusalRule, Requirement, ServiceModel};
pub use value::{FieldDef, Type, UnitFamily};

use crate::source::{SourceMap, Span};
use crate::time::Calendar;
use crate::vocab::Texts;

/// A whole analysed rule set: the rule files it was read from, and what they say, checked.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The rule files (spans in the model point into them).
    pub sources: SourceMap,
    /// Acts by name.
    pub acts: BTreeMap<String, ActInfo>,
    /// Services (several versions of one id may exist, with disjoint validity).
    pub services: Vec<ServiceModel>,
    /// Working-day calendars, checked and built.
    pub calendars: Vec<Arc<Calendar>>,
}

/// A legal citation, resolved to an act.
#[derive(Debug, Clone, PartialEq)]
pub struct Cite {
    /// The act's id.
    pub act: String,
    /// "annex 1 § 9(2)", "art. 49(4)".
    pub reference: String,
    /// The annex and paragraph that `reference` writes.
    pub place: crate::vocab::Place,
    /// Where it was written.
    pub span: Span,
}

/// Shared facts about any rule element.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Titles.
    pub title: Texts,
    /// Messages.
    pub message: Texts,
    /// Resolved citations.
    pub cites: Vec<Cite>,
    /// When it is in force.
    pub validity: Interval,
    /// When its words are known: from the entry into force of the amending act that gave them
    /// (`wording from`); always, for words the act had from the start.
    pub wording: Interval,
    /// The act of `wording from`, if any.
    pub wording_act: Option<String>,
    /// The `unverified` reason.
    pub unverified: Option<String>,
    /// Suppressed lints with their reasons.
    pub allows: Vec<(String, String, Span)>,
    /// The declaration.
    pub span: Span,
}
