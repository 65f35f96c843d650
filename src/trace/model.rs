//! The trace as plain data: what the checker decided for one bundle, element by element —
//! each document requirement, ground for refusal and step, the conditions decided on which
//! facts, the exemption, the version of the law applied with its citations, and the findings
//! each element concluded. Its JSON is the contract of docs/trace.md
//! (docs/trace.schema.json).

use serde::Serialize;

use crate::check::{Deadline, Severity, Verdict, Waiting};
use crate::vocab::Lang;

/// The version of the trace contract every trace names in `trace_version`: the minor number
/// grows with an additive change, the major with one that breaks a reader.
pub const TRACE_VERSION: &str = "1.0";

/// The derivation for one bundle.
#[derive(Debug, Clone, Serialize)]
pub struct Trace {
    /// [`TRACE_VERSION`].
    pub trace_version: &'static str,
    /// The bundle's `id`, echoed.
    pub id: Option<String>,
    /// The service id as given.
    pub service: Option<String>,
    /// `submitted_at` as given.
    pub submitted_at: Option<String>,
    /// The day whose law was applied.
    pub as_of: Option<String>,
    /// sha256 of the rule sources.
    pub rules_version: String,
    /// The language of its words (messages, citations).
    pub lang: Lang,
    /// The outcome, the report's own.
    pub verdict: Verdict,
    /// The version of the service applied on `as_of`, when one is.
    pub law: Option<Law>,
    /// The bundle's own problems (and values that could not be computed), as the report has
    /// them.
    pub input: Vec<Conclusion>,
    /// Whether the service and the channel apply on `as_of`: the findings that say not, or
    /// that it is undecided.
    pub applicability: Vec<Conclusion>,
    /// Every document requirement of the service, in the order of the rules.
    pub requirements: Vec<Requirement>,
    /// Every ground for refusal, in the order of the rules.
    pub grounds: Vec<Ground>,
    /// Every step and term, with its deadline.
    pub steps: Vec<Step>,
    /// The facts whose absence left something undecided, each with the rules waiting on it.
    pub missing_facts: Vec<Waiting>,
}

impl Trace {
    /// Every finding the trace's elements concluded, in no particular order.
    pub fn conclusions(&self) -> impl Iterator<Item = &Conclusion> {
        self.input
            .iter()
            .chain(&self.applicability)
            .chain(self.requirements.iter().flat_map(|r| &r.findings))
            .chain(self.grounds.iter().flat_map(|g| &g.findings))
            .chain(self.steps.iter().flat_map(|s| &s.findings))
    }

    /// Whether any finding is an error (exit status 1, as `check`).
    pub fn has_errors(&self) -> bool {
        self.conclusions().any(|c| c.severity == Severity::Error)
    }
}

/// The version of the service applied: its rule, when it is in force, and the law it cites.
#[derive(Debug, Clone, Serialize)]
pub struct Law {
    /// The service id.
    pub service: String,
    /// When this version is in force.
    pub in_force: Period,
    /// The service as a rule: its citations (the act and annex that define it).
    pub rule: Rule,
}

/// When an element is in force: from a day, until a day (the first day no longer), each
/// absent when open. A day that depends on an act whose entry into force is known only to
/// lie in a window is its earliest.
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// First day in force.
    pub from: Option<String>,
    /// First day no longer in force.
    pub until: Option<String>,
}

/// A rule of the rule files: its id, the law it cites and where it is written.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// `kz.mvd.permanent_residence/passport`.
    pub id: String,
    /// Every citation, the main one first.
    pub citations: Vec<Cited>,
    /// `rules/…/permanent-residence.ereje:41`.
    pub location: String,
    /// Why what it rests on is not verified, when something is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<String>,
}

/// A citation of the law.
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    /// The act's id (`kz.mia.order_315`).
    pub act: String,
    /// `annex 1 § 9(2)`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The citation worded in the trace's language: `order 315, annex 1, § 9(2)`.
    pub text: String,
}

/// Three-valued: a condition holds, does not, or cannot be decided (a fact is absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Truth {
    /// It holds.
    True,
    /// It does not.
    False,
    /// It cannot be decided.
    Unknown,
}

impl From<Option<bool>> for Truth {
    fn from(value: Option<bool>) -> Truth {
        match value {
            Some(true) => Truth::True,
            Some(false) => Truth::False,
            None => Truth::Unknown,
        }
    }
}

impl Truth {
    /// `true`, `false`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Truth::True => "true",
            Truth::False => "false",
            Truth::Unknown => "unknown",
        }
    }
}

/// A condition as the checker decided it.
#[derive(Debug, Clone, Serialize)]
pub struct Condition {
    /// Its text as the rule file writes it.
    pub written: String,
    /// Where: `rules/…:42`.
    pub location: String,
    /// What it concluded.
    pub value: Truth,
    /// The facts it reads, each with its value, or absent.
    pub facts: Vec<Fact>,
    /// The facts whose absence left it unknown (JSON pointers).
    pub missing: Vec<String>,
}

/// A fact a condition reads.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// Its JSON pointer in the bundle.
    pub pointer: String,
    /// Its name in the rules (`applicant.category`, a record's or a document's field).
    pub name: String,
    /// Its value, when the bundle gives one that is a scalar or a set of texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// For a list or an object, how many elements or members it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    /// Whether the bundle gives it (`false`: absent or `null`, so unknown).
    pub present: bool,
}

/// A document requirement as decided.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// The document kind.
    pub document: String,
    /// The rule.
    pub rule: Rule,
    /// Whether it is in force on the day applied; one that is not surely in force is not
    /// decided further.
    pub in_force: Truth,
    /// When this version of the rule is in force.
    pub period: Period,
    /// How many copies of the kind the bundle attaches.
    pub attached: usize,
    /// Whether it is required (its exemption folded in), when the checker decided it: it
    /// does not when a copy is attached, nor for a requirement for each item of a list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<Condition>,
    /// The condition before `unless` alone, when the requirement has an exemption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The exemption (`unless …`): `true` when it applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Condition>,
    /// For a requirement for each item of a list: the items decided (those a document does
    /// not already name).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// Each attached copy judged by the kind's validity rules.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Copy>,
    /// The findings it concluded.
    pub findings: Vec<Conclusion>,
}

/// An item of a list decided by a requirement for each item.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Its place in the list, from 0.
    pub index: usize,
    /// Whether it needs a document (the requirement's `where`).
    pub needs: Condition,
}

/// An attached copy of a document, judged by its kind's validity rules.
#[derive(Debug, Clone, Serialize)]
pub struct Copy {
    /// Its place in `documents`, from 0.
    pub document: usize,
    /// Each validity rule (`valid when …`) as decided on it.
    pub rules: Vec<Condition>,
}

/// A ground for refusal as decided.
#[derive(Debug, Clone, Serialize)]
pub struct Ground {
    /// The ground's id.
    pub ground: String,
    /// The rule.
    pub rule: Rule,
    /// Whether it is in force on the day applied.
    pub in_force: Truth,
    /// When this version of the rule is in force.
    pub period: Period,
    /// Whether it holds (its exemption folded in), when it is in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holds: Option<Condition>,
    /// Its `when` alone, when it has an exemption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Its exemption (`unless …`): `true` when it applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Condition>,
    /// The findings it concluded.
    pub findings: Vec<Conclusion>,
}

/// A step of the process (or the service term) with its deadline.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The deadline as the report has it (step, due, at, status, actor, lateness).
    #[serde(flatten)]
    pub deadline: Deadline,
    /// Its term, in the trace's language: `7 calendar days`, «7 календарных дней».
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// What the term counts from: `submitted_at` or a step's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The rule.
    pub rule: Rule,
    /// The findings it concluded.
    pub findings: Vec<Conclusion>,
}

/// A finding of the report, as the element that concluded it names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conclusion {
    /// Its code (`missing-document`).
    pub code: &'static str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// Document kind, ground id, step id, service id, channel or field.
    pub subject: String,
    /// JSON pointer into the bundle.
    pub pointer: String,
    /// Its message in the trace's language.
    pub message: String,
}
