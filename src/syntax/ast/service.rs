//! Services: inputs, documents, refusal grounds, processes, examples.

use super::{Expr, Name, Provenance};
use crate::source::{Span, Spanned};
use crate::vocab::{Duration, Texts};

/// `service …`: a public service.
#[derive(Debug, Clone)]
pub struct Service {
    /// `kz.mvd.permanent_residence`.
    pub name: Name,
    /// Titles.
    pub title: Texts,
    /// `act ACT annex N`.
    pub act: Option<(Name, Option<u32>)>,
    /// `standard ACT annex N`.
    pub standard: Option<(Name, Option<u32>)>,
    /// `timezone "…"`.
    pub timezone: Option<Spanned<String>>,
    /// `calendar NAME`.
    pub calendar: Option<Name>,
    /// `channel …`.
    pub channels: Vec<Channel>,
    /// `actor …`.
    pub actors: Vec<Actor>,
    /// `input …`.
    pub inputs: Vec<Input>,
    /// `let …`.
    pub lets: Vec<Let>,
    /// `document …`.
    pub documents: Vec<Document>,
    /// `refusal …`.
    pub refusals: Vec<Refusal>,
    /// `process { … }` (the authoritative view).
    pub process: Option<Process>,
    /// `view … { … }` (second views).
    pub views: Vec<View>,
    /// `example …`.
    pub examples: Vec<Example>,
    /// `results …`: what the service gives its recipient.
    pub results: Vec<Name>,
    /// Citations, sources, validity.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `channel NAME since …`.
#[derive(Debug, Clone)]
pub struct Channel {
    /// `provider`, `state_corporation`.
    pub name: Name,
    /// Citations and validity.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `actor NAME "abbreviation"`.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Its identifier.
    pub name: Name,
    /// The abbreviation used in the act.
    pub label: Option<Spanned<String>>,
    /// Citations.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// A type as written.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeExpr {
    /// `date`, `bool`, `text`, `number`, `instant` (or an unknown word).
    Named(Name),
    /// `one_of(a, b)`.
    Enum(Vec<Name>),
    /// `set(a, b)`.
    Set(Vec<Name>),
    /// `list { … }`.
    List(Vec<Field>),
}

/// `name: type` in a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Field name.
    pub name: Name,
    /// Its type.
    pub ty: Spanned<TypeExpr>,
    /// Written with `?`.
    pub optional: bool,
    /// Written with `personal`: its values tell who the applicant is.
    pub personal: bool,
    /// The whole field.
    pub span: Span,
}

/// `input path: type`.
#[derive(Debug, Clone)]
pub struct Input {
    /// `applicant.birth_date`.
    pub path: Name,
    /// Its type.
    pub ty: Spanned<TypeExpr>,
    /// Written with `?`: may be absent.
    pub optional: bool,
    /// Written with `personal`: its value (every field of its records, for a list) tells
    /// who the applicant is.
    pub personal: bool,
    /// Citations.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `let NAME = expr`.
#[derive(Debug, Clone)]
pub struct Let {
    /// Its name.
    pub name: Name,
    /// Its value.
    pub value: Expr,
    /// Citations.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `document KIND { … }`.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document kind (a catalogue id).
    pub kind: Name,
    /// Titles.
    pub title: Texts,
    /// `required …`.
    pub required: Option<Required>,
    /// `valid when …` clauses.
    pub validity: Vec<Validity>,
    /// Messages shown when it is missing.
    pub message: Texts,
    /// `personal number, …`: its fields that tell who the applicant is, as written.
    pub personal: Vec<Name>,
    /// Citations, validity.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// When a document is required.
#[derive(Debug, Clone)]
pub struct Required {
    /// The condition.
    pub when: RequiredWhen,
    /// `unless …`: an exemption.
    pub unless: Option<Expr>,
    /// The whole clause.
    pub span: Span,
}

/// The shape of a requirement.
#[derive(Debug, Clone)]
pub enum RequiredWhen {
    /// `required always`.
    Always,
    /// `required when COND`.
    When(Expr),
    /// `required for each X in LIST where COND matched by FIELD`.
    PerItem {
        /// The bound name.
        binding: Name,
        /// The list input.
        list: Name,
        /// Which items need one.
        filter: Option<Expr>,
        /// The document field that holds the item's index.
        matched_by: Name,
    },
}

/// `valid when COND`.
#[derive(Debug, Clone)]
pub struct Validity {
    /// The condition on the document's fields.
    pub condition: Expr,
    /// Messages for when it fails.
    pub message: Texts,
    /// The whole clause.
    pub span: Span,
}

/// `refusal ID { … }`.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// The ground's id.
    pub name: Name,
    /// Titles.
    pub title: Texts,
    /// `when COND`.
    pub when: Option<Expr>,
    /// `unless COND`.
    pub unless: Option<Expr>,
    /// Messages.
    pub message: Texts,
    /// Citations, validity.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `process { … }`.
#[derive(Debug, Clone)]
pub struct Process {
    /// Steps in order.
    pub steps: Vec<Step>,
    /// `term …`.
    pub terms: Vec<Term>,
    /// The whole block.
    pub span: Span,
}

/// `view NAME "label" { … }`.
#[derive(Debug, Clone)]
pub struct View {
    /// Its id.
    pub name: Name,
    /// How the act names it.
    pub label: Option<Spanned<String>>,
    /// Citations.
    pub provenance: Provenance,
    /// Its steps and terms.
    pub process: Process,
    /// The whole declaration.
    pub span: Span,
}

/// `step ID by ACTOR, … within DURATION after EVENT`.
#[derive(Debug, Clone)]
pub struct Step {
    /// The step id.
    pub name: Name,
    /// `by ACTOR, …`: the actors in the order written (empty when the step has no `by`).
    pub actors: Vec<Name>,
    /// `within … after …`.
    pub deadline: Option<Deadline>,
    /// `parallel with …`.
    pub parallel_with: Vec<Name>,
    /// `maps to …` (views only).
    pub maps_to: Vec<Name>,
    /// `action "…"`.
    pub action: Option<Spanned<String>>,
    /// `written …`: the deadline's duration as the act writes it, where the rules read it
    /// otherwise.
    pub written: Option<Spanned<Duration>>,
    /// `addressed to …`: an actor, or `applicant`.
    pub addressee: Option<Name>,
    /// `produces …`: results of the service the step gives.
    pub produces: Vec<Name>,
    /// `names "…"`: abbreviations of units its text names, as written.
    pub names: Vec<Spanned<String>>,
    /// Citations, validity, suppressions.
    pub provenance: Provenance,
    /// The whole declaration.
    pub span: Span,
}

/// `within DURATION after EVENT` (the duration may be absent: the act sets none).
#[derive(Debug, Clone)]
pub struct Deadline {
    /// How long.
    pub within: Option<Spanned<Duration>>,
    /// The earlier event: `submitted_at` or a step id.
    pub after: Name,
    /// `within … after …` as written.
    pub span: Span,
}

/// `term DURATION after EVENT`.
#[derive(Debug, Clone)]
pub struct Term {
    /// How long.
    pub duration: Spanned<Duration>,
    /// From which event.
    pub after: Name,
    /// `written …`: the duration as the act writes it, where the rules read it otherwise.
    pub written: Option<Spanned<Duration>>,
    /// Citations, suppressions.
    pub provenance: Provenance,
    /// The whole clause.
    pub span: Span,
}

/// `example "…" { bundle "…" expect VERDICT finding CODE SUBJECT … and others }`.
#[derive(Debug, Clone)]
pub struct Example {
    /// Its description.
    pub name: Spanned<String>,
    /// The bundle file, relative to the rule file.
    pub bundle: Spanned<String>,
    /// The expected verdict.
    pub expect: Name,
    /// Findings that must be reported.
    pub findings: Vec<ExpectedFinding>,
    /// `and others`, where written: error findings beyond those listed are allowed.
    pub others: Option<Span>,
    /// The whole declaration.
    pub span: Span,
}

/// `finding CODE SUBJECT` in an example.
#[derive(Debug, Clone)]
pub struct ExpectedFinding {
    /// The finding's name as reports write it (`missing-document`).
    pub code: Name,
    /// Its subject as reports write it: a quoted subject without its quotes and escapes.
    pub subject: Spanned<String>,
    /// The whole clause.
    pub span: Span,
}
