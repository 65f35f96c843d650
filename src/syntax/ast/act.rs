//! Acts: a legal act and its timeline.

use chrono::NaiveDate;

use super::{Name, Provenance};
use crate::source::{Span, Spanned};
use crate::vocab::{Duration, Texts};

/// `act …`: a legal act.
#[derive(Debug, Clone)]
pub struct Act {
    /// `kz.mia.order_495`.
    pub name: Name,
    /// `kind order`.
    pub kind: Option<Name>,
    /// Titles.
    pub title: Texts,
    /// `issued DATE number "…"`.
    pub issued: Option<(Spanned<NaiveDate>, Option<Spanned<String>>)>,
    /// `issuer "…"`.
    pub issuer: Option<Spanned<String>>,
    /// `registered DATE number "…"`; the date is `None` when written `unknown`.
    pub registered: Option<Registration>,
    /// `published …`; `None` inside means written as `unknown`.
    pub published: Option<Spanned<Option<NaiveDate>>>,
    /// `in_force …`.
    pub in_force: Option<Spanned<InForce>>,
    /// `amended by …`.
    pub amendments: Vec<Amendment>,
    /// `repealed by …`.
    pub repealed: Option<Repeal>,
    /// `annex …`.
    pub annexes: Vec<Annex>,
    /// Citations, sources, validity.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `registered DATE number "…"`: the date (`None` when `unknown`) and the number.
pub type Registration = (Option<Spanned<NaiveDate>>, Option<Spanned<String>>);

/// When an act entered into force.
#[derive(Debug, Clone, PartialEq)]
pub enum InForce {
    /// A known date.
    Date(NaiveDate),
    /// `published + N unit`.
    AfterPublication(Duration),
    /// `unknown`.
    Unknown,
}

/// `amended by ACT at "…"`.
#[derive(Debug, Clone)]
pub struct Amendment {
    /// The amending act.
    pub by: Name,
    /// What it changed.
    pub at: Option<Spanned<String>>,
    /// The whole clause.
    pub span: Span,
}

/// `repealed by ACT on DATE`.
#[derive(Debug, Clone)]
pub struct Repeal {
    /// The repealing act.
    pub by: Name,
    /// The day the act lost force, when known.
    pub on: Option<Spanned<NaiveDate>>,
    /// The whole clause.
    pub span: Span,
}

/// `annex N "title" excluded by ACT on DATE`.
#[derive(Debug, Clone)]
pub struct Annex {
    /// Its number.
    pub number: Spanned<u32>,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// `excluded by …`.
    pub excluded: Option<Repeal>,
    /// The whole clause.
    pub span: Span,
}
