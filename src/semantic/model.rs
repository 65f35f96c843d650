//! The checked model: every name resolved, every expression typed, every date interval known.
//!
//! Produced by `semantic::analyze`, consumed by the linter and by `compile`, which needs
//! nothing else.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::source::{SourceMap, Span};
use crate::syntax::ast::{self};
use crate::time::Calendar;
use crate::vocab::{Duration, Texts, Wording};

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

/// An act with its timeline resolved.
#[derive(Debug, Clone)]
pub struct ActInfo {
    /// The declaration.
    pub decl: ast::Act,
    /// The first day in force, when it can be known.
    pub in_force: Option<NaiveDate>,
    /// Whether `in_force` is only the earliest date the act's record allows.
    pub in_force_is_estimate: bool,
    /// When `in_force` is an estimate, the latest day the act can have entered into force:
    /// the last day the act it amends was in force (`None`: no later bound is known). From
    /// that day on it is surely in force.
    pub in_force_latest: Option<NaiveDate>,
    /// The day it lost force, if repealed.
    pub lost_force: Option<NaiveDate>,
}

impl ActInfo {
    /// How the act is cited: "order 315" / "law 477-IV" (kind and number), or its id.
    pub fn short_name(&self) -> crate::vocab::ActName {
        crate::vocab::ActName {
            kind: self.decl.kind.as_ref().map(|k| k.node.clone()),
            number: self
                .decl
                .issued
                .as_ref()
                .and_then(|(_, n)| n.as_ref())
                .map(|n| n.node.clone()),
            id: self.decl.name.node.clone(),
        }
    }
}

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

/// The value types of the language.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// Yes/no.
    Bool,
    /// Free text.
    Text,
    /// A whole number.
    Number,
    /// A calendar date.
    Date,
    /// A moment in time with an offset.
    Instant,
    /// A length of time in a unit family.
    Duration(UnitFamily),
    /// One value of a closed list.
    Enum(Vec<String>),
    /// Any number of distinct values of a closed list.
    Set(Vec<String>),
    /// A list of records.
    List(Vec<FieldDef>),
    /// Unknown after an error (suppresses follow-up errors).
    Error,
}

impl Type {
    /// The type in a lawyer's words.
    pub fn describe(&self) -> String {
        match self {
            Type::Bool => "a yes/no fact".into(),
            Type::Text => "a text".into(),
            Type::Number => "a number".into(),
            Type::Date => "a date".into(),
            Type::Instant => "a moment in time".into(),
            Type::Duration(f) => format!("a duration in {}", f.describe()),
            Type::Enum(values) => format!("one of ({})", values.join(", ")),
            Type::Set(values) => format!("a set of ({})", values.join(", ")),
            Type::List(_) => "a list of records".into(),
            Type::Error => "an unknown value".into(),
        }
    }

    /// The type in a lawyer's words, in English, Russian and Kazakh.
    pub fn describe_words(&self) -> Wording {
        let (ru, kk) = match self {
            Type::Bool => (String::from("факт да/нет"), String::from("иә/жоқ факті")),
            Type::Text => (String::from("текст"), String::from("мәтін")),
            Type::Number => (String::from("число"), String::from("сан")),
            Type::Date => (String::from("дата"), String::from("күн")),
            Type::Instant => (String::from("момент времени"), String::from("уақыт сәті")),
            Type::Duration(f) => {
                let (ru, kk) = f.describe_ru_kk();
                (format!("срок в {ru}"), format!("{kk} мерзім"))
            }
            Type::Enum(values) => (
                format!("одно из ({})", values.join(", ")),
                format!("({}) біреуі", values.join(", ")),
            ),
            Type::Set(values) => (
                format!("набор из ({})", values.join(", ")),
                format!("({}) жиыны", values.join(", ")),
            ),
            Type::List(_) => (
                String::from("список записей"),
                String::from("жазбалар тізімі"),
            ),
            Type::Error => (
                String::from("неизвестное значение"),
                String::from("белгісіз мән"),
            ),
        };
        Wording::new(self.describe(), ru, kk)
    }
}

/// Durations that can be compared or added with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitFamily {
    /// Minutes and hours.
    Clock,
    /// Days of any kind.
    Days,
    /// Months and years.
    Months,
}

impl UnitFamily {
    /// Of which family a unit is.
    pub fn of(unit: crate::vocab::DurationUnit) -> UnitFamily {
        use crate::vocab::DurationUnit as U;
        match unit {
            U::Minutes | U::Hours => UnitFamily::Clock,
            U::CalendarDays | U::WorkingDays | U::UnstatedDays | U::CalendarWorkingDays => {
                UnitFamily::Days
            }
            U::Months | U::Years => UnitFamily::Months,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            UnitFamily::Clock => "minutes or hours",
            UnitFamily::Days => "days",
            UnitFamily::Months => "months or years",
        }
    }

    fn describe_ru_kk(self) -> (&'static str, &'static str) {
        match self {
            UnitFamily::Clock => ("минутах или часах", "минуттық немесе сағаттық"),
            UnitFamily::Days => ("днях", "күндік"),
            UnitFamily::Months => ("месяцах или годах", "айлық немесе жылдық"),
        }
    }
}

/// A field of a list's records.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: Type,
    /// Marked `personal` (or its list is): its values tell who the applicant is.
    pub personal: bool,
}

/// An intake channel: `channel NAME since … § …`.
#[derive(Debug, Clone)]
pub struct ChannelDef {
    /// `provider`, `state_corporation`.
    pub name: String,
    /// Its citations and when it is open (`meta.validity`).
    pub meta: Meta,
}

/// A service input: a fact the bundle provides.
#[derive(Debug, Clone)]
pub struct InputDef {
    /// `["applicant", "birth_date"]`.
    pub path: Vec<String>,
    /// Its type.
    pub ty: Type,
    /// Declared with `?`.
    pub optional: bool,
    /// Declared `personal`: its value tells who the applicant is (for a list, so does every
    /// field of its records).
    pub personal: bool,
    /// Where declared.
    pub span: Span,
}

impl InputDef {
    /// The JSON pointer of the input in a bundle: `/applicant/birth_date`.
    pub fn pointer(&self) -> String {
        self.path.iter().map(|s| format!("/{s}")).collect()
    }
}

/// A document field that `valid when` conditions may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocField {
    /// `number`
    Number,
    /// `issued_on`
    IssuedOn,
    /// `expires_on`
    ExpiresOn,
    /// `language`
    Language,
    /// `signed`
    Signed,
    /// `child`
    Child,
}

impl DocField {
    /// Every field, in the catalogue's order.
    pub const ALL: [DocField; 6] = [
        DocField::Number,
        DocField::IssuedOn,
        DocField::ExpiresOn,
        DocField::Language,
        DocField::Signed,
        DocField::Child,
    ];

    /// The field's JSON name.
    pub fn name(self) -> &'static str {
        match self {
            DocField::Number => "number",
            DocField::IssuedOn => "issued_on",
            DocField::ExpiresOn => "expires_on",
            DocField::Language => "language",
            DocField::Signed => "signed",
            DocField::Child => "child",
        }
    }

    /// Its type.
    pub fn ty(self) -> Type {
        match self {
            DocField::Number | DocField::Language => Type::Text,
            DocField::IssuedOn | DocField::ExpiresOn => Type::Date,
            DocField::Signed => Type::Bool,
            DocField::Child => Type::Number,
        }
    }

    /// The field of this name.
    pub fn from_name(name: &str) -> Option<DocField> {
        DocField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// A typed, resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub enum TExpr {
    /// A constant.
    Const(Const),
    /// A service input, by index.
    Input(usize),
    /// A field of the item bound by the innermost `for each`/`any`/`all`.
    ItemField(usize),
    /// The index of the bound item in its list.
    ItemIndex,
    /// A field of the document being checked (`valid when`).
    DocField(DocField),
    /// `submitted_at`.
    SubmittedAt,
    /// `submitted_on`: the local date of `submitted_at`.
    SubmittedOn,
    /// `channel`.
    Channel,
    /// A `let`, by index.
    Let(usize),
    /// `not`.
    Not(Box<TExpr>),
    /// `and`.
    And(Box<TExpr>, Box<TExpr>),
    /// `or`.
    Or(Box<TExpr>, Box<TExpr>),
    /// A comparison.
    Compare(CompareOp, Box<TExpr>, Box<TExpr>),
    /// A date or instant plus or minus a duration.
    Shift(Box<TExpr>, Duration, bool),
    /// `x in (a, b)`.
    InList(Box<TExpr>, Vec<String>),
    /// `set has_any (a, b)` (`has a` is the one-element case).
    HasAny(Box<TExpr>, Vec<String>),
    /// `has document KIND`.
    HasDocument(String),
    /// `any`/`all` over a list input.
    Quantifier {
        /// `any` (true) or `all` (false).
        any: bool,
        /// The list input.
        list: usize,
        /// The condition on each item.
        body: Box<TExpr>,
    },
    /// `age(birth, on: day)` in whole years.
    Age(Box<TExpr>, Box<TExpr>),
}

/// A constant value.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    /// Yes/no.
    Bool(bool),
    /// Text or enum value.
    Text(String),
    /// A number.
    Number(i64),
    /// A date.
    Date(NaiveDate),
    /// A duration.
    Duration(Duration),
}

/// How two values compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
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
}

impl CompareOp {
    /// Whether the comparison holds for two values that compare as `ord`.
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        match self {
            CompareOp::Eq => ord.is_eq(),
            CompareOp::Ne => ord.is_ne(),
            CompareOp::Lt => ord.is_lt(),
            CompareOp::Le => ord.is_le(),
            CompareOp::Gt => ord.is_gt(),
            CompareOp::Ge => ord.is_ge(),
        }
    }
}

/// A condition with the source it came from.
#[derive(Debug, Clone)]
pub struct Condition {
    /// The typed expression.
    pub expr: TExpr,
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

/// A document requirement.
#[derive(Debug, Clone)]
pub struct DocumentRule {
    /// The document kind.
    pub kind: String,
    /// When it is needed.
    pub required: Option<Requirement>,
    /// Conditions on each document of this kind.
    pub validity: Vec<(Condition, Texts)>,
    /// Its fields marked `personal` (each once, in the order written).
    pub personal: Vec<DocField>,
    /// Provenance, messages, validity.
    pub meta: Meta,
}

/// When a document is required.
#[derive(Debug, Clone)]
pub enum Requirement {
    /// Under a condition (`Const(true)` for `always`), minus an exemption.
    When {
        /// The condition.
        when: Condition,
        /// The exemption.
        unless: Option<Condition>,
    },
    /// One per item of a list input that satisfies a filter, matched by a document field.
    PerItem {
        /// The list input.
        list: usize,
        /// Which items need one.
        filter: Option<Condition>,
        /// The exemption, for the whole requirement.
        unless: Option<Condition>,
        /// The document field holding the item's index.
        matched_by: DocField,
    },
}

/// A refusal ground.
#[derive(Debug, Clone)]
pub struct RefusalRule {
    /// Its id.
    pub id: String,
    /// When it holds.
    pub when: Condition,
    /// Its exemption.
    pub unless: Option<Condition>,
    /// Provenance, messages.
    pub meta: Meta,
}

/// A step of a process view.
#[derive(Debug, Clone)]
pub struct StepDef {
    /// Its id.
    pub id: String,
    /// The actors' ids, in the order written (`by a, b`); empty when the step names none.
    pub actors: Vec<String>,
    /// The deadline's duration, if the act sets one.
    pub within: Option<Duration>,
    /// The earlier event it counts from; `None` when the step has no `after` clause.
    pub after: Option<Anchor>,
    /// Steps it runs in parallel with.
    pub parallel_with: Vec<String>,
    /// Steps of the main process it corresponds to (views).
    pub maps_to: Vec<String>,
    /// To whom it sends its result: an actor's id, or `applicant` (the recipient).
    pub addressee: Option<String>,
    /// Provenance, validity.
    pub meta: Meta,
}

/// What a deadline counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// `submitted_at`.
    Submitted,
    /// Another step of the same view, by index.
    Step(usize),
}

/// A service term.
#[derive(Debug, Clone)]
pub struct TermDef {
    /// Its length.
    pub duration: Duration,
    /// What it counts from.
    pub after: Anchor,
    /// Provenance.
    pub meta: Meta,
}

/// A view of a process: the authoritative one or a second one (a table).
#[derive(Debug, Clone, Default)]
pub struct ProcessView {
    /// Its id (`process` for the main one).
    pub id: String,
    /// Steps in order.
    pub steps: Vec<StepDef>,
    /// Terms.
    pub terms: Vec<TermDef>,
    /// Provenance, validity.
    pub meta: Meta,
}

/// An analysed service.
#[derive(Debug, Clone)]
pub struct ServiceModel {
    /// Its id.
    pub id: String,
    /// The act that defines it, and the annex.
    pub act: Option<(String, Option<u32>)>,
    /// The standard it implements.
    pub standard: Option<(String, Option<u32>)>,
    /// Its timezone.
    pub timezone: chrono_tz::Tz,
    /// Its calendar's id.
    pub calendar: Option<String>,
    /// Intake channels, each with its citations and validity.
    pub channels: Vec<ChannelDef>,
    /// Actors: id and abbreviation.
    pub actors: Vec<(String, Option<String>, Span)>,
    /// Inputs.
    pub inputs: Vec<InputDef>,
    /// Named conditions.
    pub lets: Vec<(String, Condition)>,
    /// Document requirements.
    pub documents: Vec<DocumentRule>,
    /// Refusal grounds.
    pub refusals: Vec<RefusalRule>,
    /// The authoritative process.
    pub process: ProcessView,
    /// Second views.
    pub views: Vec<ProcessView>,
    /// Examples (run by `ereje test`).
    pub examples: Vec<ast::Example>,
    /// Provenance, titles, validity.
    pub meta: Meta,
}
