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
    /// `refers to …` clauses: other acts as the text names them.
    pub references: Vec<Reference>,
    /// `paragraphs …` clauses: the numbering of the act and of its annexes.
    pub paragraphs: Vec<Paragraphs>,
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
    /// The annex it belongs to (`annex 2 of annex 1`: a regulation's own annex).
    pub of: Option<Spanned<u32>>,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// `kind regulation`: what it is.
    pub kind: Option<Name>,
    /// `excluded by …`.
    pub excluded: Option<Repeal>,
    /// `empty`: the text has its heading only.
    pub empty: Option<Span>,
    /// The whole clause.
    pub span: Span,
}

/// `refers to ACT dated DATE number "N" at "…"`: another act as the text names it.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The act meant.
    pub to: Name,
    /// The annex meant, if the text names one.
    pub annex: Option<Spanned<u32>>,
    /// What the text calls it (`as standard`).
    pub as_kind: Option<Name>,
    /// The date the text gives it.
    pub dated: Option<Spanned<NaiveDate>>,
    /// The number the text gives it.
    pub number: Option<Spanned<String>>,
    /// Where the text names it.
    pub at: Option<Spanned<String>>,
    /// The whole clause.
    pub span: Span,
}

/// `annex N paragraphs …`: the paragraph numbers of the act or of one of its annexes.
#[derive(Debug, Clone)]
pub struct Paragraphs {
    /// The annex (`None`: the act's own paragraphs).
    pub annex: Option<Spanned<u32>>,
    /// Each paragraph number as written, with the act that excluded it.
    pub entries: Vec<(Spanned<String>, Option<Name>)>,
    /// The whole clause.
    pub span: Span,
}
