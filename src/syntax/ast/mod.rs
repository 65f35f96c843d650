//! The abstract syntax tree: what a rule file says, with a span on every node.
//!
//! Produced by `syntax::lower`, consumed by `semantic`. Nothing here is resolved or checked.

use chrono::NaiveDate;

use crate::source::{Span, Spanned};
use crate::vocab::Lang;

/// What stands for a date that could not be read (`2019-02-30`): its error is reported where it
/// is written, and analysis treats the date as unknown, so that one typo is one error.
pub const UNREADABLE_DATE: NaiveDate = NaiveDate::MIN;

/// The date, unless it could not be read.
pub fn known_date(date: NaiveDate) -> Option<NaiveDate> {
    (date != UNREADABLE_DATE).then_some(date)
}

/// A name as written, with its span.
pub type Name = Spanned<String>;

/// One parsed rule file.
#[derive(Debug, Clone, Default)]
pub struct File {
    /// Declarations in source order.
    pub decls: Vec<Decl>,
}

/// A top-level declaration.
#[derive(Debug, Clone)]
pub enum Decl {
    /// `act …`
    Act(Box<Act>),
    /// `service …`
    Service(Box<Service>),
    /// `calendar …`
    Calendar(Box<Calendar>),
}

/// What a citation points into.
#[derive(Debug, Clone, PartialEq)]
pub enum CiteTarget {
    /// No target written: the act (and annex) that defines the enclosing service.
    Own,
    /// `standard`: the standard the service implements (optionally another annex of it).
    Standard(Option<u32>),
    /// A named act, optionally an annex of it.
    Act(Name, Option<u32>),
}

/// `§ …`: a pointer into the law.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The act it points into.
    pub target: CiteTarget,
    /// The paragraph as written: `9(2)`, `art. 49(4)`.
    pub paragraph: String,
    /// The whole citation.
    pub span: Span,
}

/// Where an element's validity starts or ends.
#[derive(Debug, Clone, PartialEq)]
pub enum TimePoint {
    /// A fixed date.
    Date(NaiveDate),
    /// The day an act entered into force.
    Act(Name),
}

/// `allow LINT because "…"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Allow {
    /// Lint code or name.
    pub lint: Name,
    /// The reason, mandatory (its absence is a diagnostic).
    pub reason: Option<Spanned<String>>,
    /// The whole clause.
    pub span: Span,
}

/// Provenance and validity clauses that any element may carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    /// `§ …` citations.
    pub citations: Vec<Citation>,
    /// `quote …`: source text.
    pub quotes: Vec<(Option<Lang>, Spanned<String>)>,
    /// `source "…"`.
    pub sources: Vec<Spanned<String>>,
    /// `unverified "…"`.
    pub unverified: Option<Spanned<String>>,
    /// `note "…"`.
    pub notes: Vec<Spanned<String>>,
    /// `since …`.
    pub since: Option<Spanned<TimePoint>>,
    /// `until …`.
    pub until: Option<Spanned<TimePoint>>,
    /// `allow …`.
    pub allows: Vec<Allow>,
    /// `wording from ACT`: the amending act that gave the element its words.
    pub wording: Option<Name>,
}

mod act;
mod calendar;
mod expr;
mod service;

pub use act::*;
pub use calendar::*;
pub use expr::*;
pub use service::*;
