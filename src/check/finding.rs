//! Findings as data: what was found, about which rule and which part of the bundle, and the
//! facts, dates and numbers its words need. Nothing here is worded: the report words a finding
//! in the language it is written in (`report::words`), when it is written.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::bundle::Problem;
use crate::codes::Code;
pub use crate::codes::{Kind, Severity};
use crate::compile::{Citation, RuleRef};
use crate::semantic::model::{DocField, Interval};
use crate::time::TimeError;
use crate::vocab::{ActName, Duration};

/// Byte span of a finding in the bundle text, with 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct BundleSpan {
    /// Byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// One finding about a bundle.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The code from the table; reports name it by its kebab-case name (`missing-document`).
    pub code: &'static Code,
    /// What it is about.
    pub kind: Kind,
    /// Error or warning.
    pub severity: Severity,
    /// Document kind, ground id, step id, service id, channel or field.
    pub subject: String,
    /// The rule that fired, if any: its id, citations, place in the rule files, titles and
    /// messages.
    pub rule: Option<Arc<RuleRef>>,
    /// JSON pointer into the bundle.
    pub pointer: String,
    /// Where `pointer` is in the bundle text (known while checking only for text that is not
    /// JSON; filled in when a report is rendered).
    pub span: Option<BundleSpan>,
    /// What was found, with the data its words need.
    pub about: About,
    /// The facts that made the rule apply (or other places that say why it matters).
    pub reasons: Vec<Reason>,
}

impl Finding {
    /// A finding with its code (and the code's severity), kind, subject, pointer and what was
    /// found; a rule and reasons are added with the builder methods below.
    pub(crate) fn new(
        code: &'static Code,
        kind: Kind,
        subject: impl Into<String>,
        pointer: impl Into<String>,
        about: About,
    ) -> Finding {
        Finding {
            code,
            kind,
            severity: code.severity,
            subject: subject.into(),
            rule: None,
            pointer: pointer.into(),
            span: None,
            about,
            reasons: Vec::new(),
        }
    }

    /// The rule that fired.
    #[must_use]
    pub(crate) fn with_rule(mut self, rule: &Arc<RuleRef>) -> Finding {
        self.rule = Some(Arc::clone(rule));
        self
    }

    /// The facts that made the rule apply.
    #[must_use]
    pub(crate) fn with_reasons(mut self, reasons: Vec<Reason>) -> Finding {
        self.reasons = reasons;
        self
    }

    /// The id of the rule that fired (`service/element`).
    pub fn rule_id(&self) -> Option<&str> {
        self.rule.as_deref().map(|r| r.id.as_str())
    }

    /// The law it enforces: the rule's main citation.
    pub fn citation(&self) -> Option<&Citation> {
        self.rule.as_deref().and_then(|r| r.citations.first())
    }

    /// Every citation of the rule, the main one first (none without a rule).
    pub fn citations(&self) -> &[Citation] {
        self.rule.as_deref().map_or(&[], |r| r.citations.as_slice())
    }

    /// Why the rule it rests on is not verified (its reasons joined with `; `), if it is not.
    pub fn unverified(&self) -> Option<String> {
        self.rule.as_deref().and_then(RuleRef::unverified_reason)
    }
}

/// What was found, with the data its words need. The subject of the finding names the thing
/// concerned (document kind, ground, step, service, channel), so it is not repeated here.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum About {
    /// The text cannot be read as a JSON bundle at all (too large, not UTF-8, empty, not JSON).
    Unreadable(Problem),
    /// A problem with the bundle itself (`invalid-input`, or a warning such as
    /// `unknown-field`).
    Input(Problem),
    /// No service has the bundle's service id.
    UnknownService {
        /// The id nearest to the one given, if one is near.
        suggestion: Option<String>,
        /// Every service id, sorted.
        services: Vec<String>,
    },
    /// The service exists, but no version of it is in force on the day applied.
    ServiceNotInForce {
        /// The day applied.
        day: NaiveDate,
        /// When its versions are in force.
        in_force: Vec<Interval>,
    },
    /// The intake channel is not open on the day applied.
    ChannelNotInForce {
        /// The day applied.
        day: NaiveDate,
        /// The service.
        service: String,
        /// When the channel is open, if the service offers it at all.
        open: Option<Interval>,
        /// The channels the service offers.
        offered: Vec<String>,
    },
    /// A required document is absent.
    MissingDocument {
        /// How many documents the bundle has.
        documents: usize,
        /// Whether every applicant must submit it (`required always`): its condition reads
        /// no fact, so no label says why.
        always: bool,
    },
    /// A document required for each item of a list is absent for one item.
    MissingItemDocument {
        /// The item.
        index: usize,
        /// The document field that names the item.
        field: DocField,
        /// The list, `applicant.children`.
        list: String,
        /// The item's fields as the bundle gives them, in the order the rules declare them
        /// (a field the bundle leaves out is not there).
        item: Vec<(String, FactValue)>,
    },
    /// A document fails a validity rule.
    InvalidDocument {
        /// The field of the document the rule reads, if the document has it.
        field: Option<DocField>,
        /// For an expiry rule, the day the field must reach.
        until: Option<ValidUntil>,
    },
    /// A copy of a document fails a validity rule, but another copy meets the requirement.
    InvalidDocumentCopy {
        /// The field of the document the rule reads, if the copy has it.
        field: Option<DocField>,
        /// The place in `documents` of the copy that meets the requirement.
        met_by: usize,
        /// Whether that copy only may meet it: it fails no rule, but lacks a field a rule
        /// needs (then the requirement is undecided, not failed).
        maybe: bool,
    },
    /// A ground for refusal holds.
    RefusalGround,
    /// A step happened after its due time.
    DeadlineLate {
        /// Its term, counted from the earlier event.
        within: Duration,
        /// The last moment that was on time.
        due: DateTime<FixedOffset>,
        /// How late.
        by: Lateness,
        /// Who had to act, and what the term counts from.
        duty: Duty,
    },
    /// A step has not happened and its due time has passed.
    DeadlineOverdue {
        /// The last moment that was on time.
        due: DateTime<FixedOffset>,
        /// How late, as of now.
        by: Lateness,
        /// Its term, counted from the earlier event.
        within: Duration,
        /// Who has to act, and what the term counts from.
        duty: Duty,
    },
    /// A step's deadline cannot be computed.
    DeadlineUnknown {
        /// Why.
        error: TimeError,
    },
    /// The day applied lies in the window in which an act entered into force (its publication
    /// date is not known): the elements it bounds are undecided.
    InForceUnknown {
        /// The act, as cited ("order 799").
        act: ActName,
        /// The day applied.
        day: NaiveDate,
        /// The first day it can have entered into force.
        earliest: NaiveDate,
        /// The last day it can have (none known: open).
        latest: Option<NaiveDate>,
        /// The elements it leaves undecided (a channel, a document, a ground, the service).
        elements: Vec<String>,
        /// Whether the service's applicability itself is undecided (the service or a channel).
        applicability: bool,
    },
    /// A step's words (its deadline) come from an amending act not yet in force on the day
    /// applied, or whose entry into force is not known: the wording that applied is not known,
    /// so no deadline is judged.
    WordingNotInForce {
        /// The amending act, as cited ("order 136").
        act: ActName,
        /// The day applied.
        day: NaiveDate,
        /// The first day the words are in force (the earliest, when not known exactly).
        from: Option<NaiveDate>,
        /// The latest day they can have come into force, when not known exactly.
        latest: Option<NaiveDate>,
    },
    /// A step dated before the event its term counts from.
    EventOutOfOrder {
        /// When the step is dated, in the service's timezone.
        at: DateTime<FixedOffset>,
        /// The event it counts from (`after`, `after_at`; no actor).
        duty: Duty,
    },
    /// A step with more than one event: only the first one counts.
    DuplicateEvent {
        /// The first event's place in `events`.
        first: usize,
    },
    /// A rule whose facts are present but whose value cannot be computed.
    Undecided {
        /// Why.
        error: TimeError,
    },
}

/// The day an expiry rule asks a document's date to reach (`expires_on >= submitted_on + 180
/// calendar days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidUntil {
    /// The document's field.
    pub field: DocField,
    /// The first day that meets the rule.
    pub day: NaiveDate,
    /// The term the rule adds to the submission day.
    pub term: Duration,
    /// The submission day.
    pub submitted_on: NaiveDate,
}

/// How late a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lateness {
    /// Calendar days between the due day and the day it happened (or `--now`).
    pub calendar_days: i64,
    /// The same in working days, when the calendar covers them.
    pub working_days: Option<i64>,
    /// Seconds (said in hours, minutes and seconds when less than a day).
    pub seconds: Option<i64>,
}

/// A place of the bundle that says why a finding matters, shown as a secondary label.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A fact the rule read, and its value.
    Fact {
        /// Where it is in the bundle.
        pointer: String,
        /// Its name, `applicant.category`.
        name: String,
        /// Its value.
        value: FactValue,
    },
    /// The documents, none of which is the one for item `index` of a list.
    NoItemDocument {
        /// The item.
        index: usize,
    },
    /// The moment a term counts from.
    TermStart(Origin),
    /// The copy of a document, at this place of `documents`, that meets the requirement.
    CopyMeetsRequirement {
        /// Its place in `documents`.
        index: usize,
        /// Whether it only may meet it (it lacks a field a rule needs).
        maybe: bool,
    },
}

impl Reason {
    /// Where it is in the bundle.
    pub fn pointer(&self) -> Cow<'_, str> {
        match self {
            Reason::Fact { pointer, .. } => Cow::Borrowed(pointer),
            Reason::NoItemDocument { .. } => Cow::Borrowed("/documents"),
            Reason::TermStart(origin) => origin.pointer(),
            Reason::CopyMeetsRequirement { index, .. } => Cow::Owned(format!("/documents/{index}")),
        }
    }
}

/// What a term counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The submission.
    Submitted,
    /// The event at this place of `events`.
    Event(usize),
}

impl Origin {
    /// Where it is in the bundle.
    pub fn pointer(self) -> Cow<'static, str> {
        match self {
            Origin::Submitted => Cow::Borrowed("/submitted_at"),
            Origin::Event(i) => Cow::Owned(format!("/events/{i}/at")),
        }
    }
}

/// Who must act by a deadline, and the event its term counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duty {
    /// The actor of the step (its `by`), if the act names one: its id and how the act names it.
    pub actor: Option<(String, Option<String>)>,
    /// The step the term counts from (`None`: the submission).
    pub after: Option<String>,
    /// When that event happened.
    pub after_at: DateTime<FixedOffset>,
}

/// The value of a fact, as a reason shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A text.
    Text(String),
    /// A list of so many elements (not all of them texts).
    List(usize),
    /// A non-empty list of texts, a set as the bundle writes one (`applicant.grounds`): its
    /// members, in order.
    Members(Vec<String>),
    /// An object of so many members.
    Object(usize),
}

impl FactValue {
    /// The value of a JSON value.
    pub(crate) fn of(value: &super::json::Json<'_>) -> FactValue {
        use super::json::Json;
        match value {
            Json::Null => FactValue::Null,
            Json::Bool(b) => FactValue::Bool(*b),
            Json::Number(n) => FactValue::Number(n.clone()),
            Json::String(s) => FactValue::Text(s.to_string()),
            Json::Array(items) => {
                let texts: Option<Vec<String>> =
                    items.iter().map(|i| i.as_str().map(String::from)).collect();
                match texts {
                    Some(members) if !members.is_empty() => FactValue::Members(members),
                    _ => FactValue::List(items.len()),
                }
            }
            Json::Object(members) => FactValue::Object(members.len()),
        }
    }
}

impl std::fmt::Display for FactValue {
    /// As the bundle's JSON reads, a list or object by its size.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactValue::Null => f.write_str("null"),
            FactValue::Bool(b) => write!(f, "{b}"),
            FactValue::Number(n) => write!(f, "{n}"),
            FactValue::Text(s) => write!(f, "{s:?}"),
            FactValue::List(n) => write!(f, "[… {n} elements]"),
            FactValue::Members(members) => write!(f, "{members:?}"),
            FactValue::Object(n) => write!(f, "{{… {n} members}}"),
        }
    }
}
