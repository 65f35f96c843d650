//! The abstract syntax tree: what a rule file says, with a span on every node.
//!
//! Produced by `syntax::lower`, consumed by `semantic`. Nothing here is resolved or checked.

use chrono::NaiveDate;

use crate::source::{Span, Spanned};
use crate::vocab::{Duration, Lang, Texts};

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
}

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

/// `step ID by ACTOR within DURATION after EVENT`.
#[derive(Debug, Clone)]
pub struct Step {
    /// The step id.
    pub name: Name,
    /// `by ACTOR`.
    pub actor: Option<Name>,
    /// `within … after …`.
    pub deadline: Option<Deadline>,
    /// `parallel with …`.
    pub parallel_with: Vec<Name>,
    /// `maps to …` (views only).
    pub maps_to: Vec<Name>,
    /// `action "…"`.
    pub action: Option<Spanned<String>>,
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
    /// Citations, suppressions.
    pub provenance: Provenance,
    /// The whole clause.
    pub span: Span,
}

/// `example "…" { bundle "…" expect VERDICT finding CODE SUBJECT … }`.
#[derive(Debug, Clone)]
pub struct Example {
    /// Its description.
    pub name: Spanned<String>,
    /// The bundle file, relative to the rule file.
    pub bundle: Spanned<String>,
    /// The expected verdict.
    pub expect: Name,
    /// Findings that must be reported.
    pub findings: Vec<(Name, Name)>,
    /// The whole declaration.
    pub span: Span,
}

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

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// The forms of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a.b.c`: an input, a binding, a document field or an enum value.
    Path(Vec<Name>),
    /// `"…"`.
    Str(String),
    /// `42`.
    Number(i64),
    /// `true` / `false`.
    Bool(bool),
    /// `2019-05-14`.
    Date(NaiveDate),
    /// `7 calendar days`.
    Duration(Duration),
    /// `not …`.
    Not(Box<Expr>),
    /// `a OP b`.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `x in (a, b)`.
    InList(Box<Expr>, Vec<Spanned<Literal>>),
    /// `set has_any (a, b)`.
    HasAny(Box<Expr>, Vec<Spanned<Literal>>),
    /// `set has a`.
    Has(Box<Expr>, Spanned<Literal>),
    /// `has document KIND`.
    HasDocument(Name),
    /// `any x in list where …` / `all …`.
    Quantifier {
        /// `any` (true) or `all` (false).
        any: bool,
        /// The bound name.
        binding: Name,
        /// The list.
        list: Name,
        /// The condition.
        body: Box<Expr>,
    },
    /// `age(x, on: y)`.
    Call(Name, Vec<(Option<Name>, Expr)>),
}

/// A literal in a value list: an enum value (bare) or a string.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A bare identifier.
    Ident(String),
    /// A quoted string.
    Str(String),
}

impl Literal {
    /// The text of the value.
    pub fn text(&self) -> &str {
        match self {
            Literal::Ident(s) | Literal::Str(s) => s,
        }
    }
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `and`
    And,
    /// `or`
    Or,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
}

impl BinaryOp {
    /// How it is written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
        }
    }
}
