//! Analysis errors: resolution (`E02xx`), types and units (`E03xx`), validity (`E04xx`); each
//! becomes a [`Diagnostic`](crate::diagnostic::Diagnostic) worded in English, Russian and
//! Kazakh ([`diagnostic`], with the words they share in [`words`]).

mod diagnostic;
mod words;

use thiserror::Error;

use crate::source::Span;
use crate::vocab::Wording;

pub(crate) use words::{did_you_mean, values_help};

/// An element a message names: its kind (`"act"`, `"service"`, `"channel"`, `"document"`,
/// `"refusal ground"`) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// What kind of element.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
}

impl std::fmt::Display for Subject {
    /// In English: `service `kz.example.permit``.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} `{}`", self.kind, self.name)
    }
}

/// An error found while analysing rule files that parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum SemanticError {
    /// A name that is not defined.
    #[error("{what} `{name}` is not defined")]
    Undefined {
        /// What kind of name: "act", "actor", "step", "input", …
        what: &'static str,
        /// The name as written.
        name: String,
        /// The known name closest to it.
        suggestion: Option<String>,
        /// How to define it, when no name is close.
        how: Wording,
        /// How many other places use the same undefined name (reported once, here).
        repeats: usize,
        /// Where.
        span: Span,
    },
    /// A name defined twice in one scope.
    #[error("{what} `{name}` is defined twice")]
    Duplicate {
        /// What kind of name.
        what: &'static str,
        /// The name.
        name: String,
        /// The second definition.
        span: Span,
        /// The first definition (in any file).
        first: Span,
    },
    /// Steps whose deadlines depend on each other in a circle.
    #[error("the deadlines of steps {cycle} depend on each other in a circle")]
    StepCycle {
        /// The steps, in order.
        cycle: String,
        /// One step of the circle.
        span: Span,
    },
    /// A `let` that becomes too large or too deep once the lets it names are put in.
    #[error("`let {name}` is too large once the lets it names are put in ({parts} parts)")]
    LetTooLarge {
        /// The let.
        name: String,
        /// Its parts, put in.
        parts: usize,
        /// Its name.
        span: Span,
    },
    /// A lint suppression without its reason.
    #[error("`allow {lint}` has no reason")]
    AllowWithoutReason {
        /// The lint.
        lint: String,
        /// Where.
        span: Span,
    },
    /// An unknown function.
    #[error("unknown function `{name}`")]
    UnknownFunction {
        /// As written.
        name: String,
        /// Where.
        span: Span,
    },
    /// An example expects a finding whose code is not a bundle finding's.
    #[error("`{code}` is not a finding code")]
    UnknownFindingCode {
        /// As written.
        code: String,
        /// The finding's name, when `code` is a finding's number (`V004`) or close to a name.
        suggestion: Option<String>,
        /// Whether `code` is the number of the finding suggested, not a misspelling.
        number: bool,
        /// Where.
        span: Span,
    },
    /// An example expects a verdict that is not one.
    #[error("`{verdict}` is not a verdict")]
    UnknownVerdict {
        /// As written.
        verdict: String,
        /// The verdict closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
    /// A `{…}` slot in a document's message that names nothing it can show, or a stray brace.
    #[error("{}", match slot {
        Some(slot) => format!("the message cannot fill `{{{slot}}}`"),
        None => String::from("a brace in a message that opens or closes no slot"),
    })]
    UnknownSlot {
        /// The slot's name, or `None` for a stray `{` or `}`.
        slot: Option<String>,
        /// The slots this message can have (none outside a document required for each item).
        allowed: Vec<String>,
        /// The allowed slot closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
    /// Two values of types that cannot be compared or combined.
    #[error("{message}")]
    TypeMismatch {
        /// What is wrong.
        message: Wording,
        /// What to do.
        help: Wording,
        /// Left side.
        left: Span,
        /// Its label.
        left_label: Wording,
        /// Right side.
        right: Span,
        /// Its label.
        right_label: Wording,
    },
    /// Something that should be a condition is not.
    #[error("this is {found}, not a condition")]
    NotACondition {
        /// What it is.
        found: Wording,
        /// Where.
        span: Span,
    },
    /// A value used where another type is needed.
    #[error("{message}")]
    WrongType {
        /// What is wrong.
        message: Wording,
        /// What to do.
        help: Wording,
        /// Where.
        span: Span,
        /// Label text.
        label: Wording,
    },
    /// A duration written as both calendar and working days.
    #[error("a duration cannot be both calendar days and working days")]
    MixedDayKind {
        /// Where.
        span: Span,
    },
    /// A type name that does not exist.
    #[error("unknown type `{name}`")]
    UnknownType {
        /// As written.
        name: String,
        /// The type closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
    /// A value that is not one of an enumeration's values.
    #[error("`{value}` is not one of the values of {}", compared(.input.as_deref()))]
    UnknownValue {
        /// As written.
        value: String,
        /// The input it is compared with, as written; `None` when it is not one named input.
        input: Option<String>,
        /// The values, and did-you-mean.
        help: Wording,
        /// Where.
        span: Span,
    },
    /// A timezone the tz database does not know.
    #[error("unknown timezone `{name}`")]
    UnknownTimezone {
        /// As written.
        name: String,
        /// Where.
        span: Span,
    },
    /// A service in force outside its act, or an element outside its service.
    #[error("{what} is in force outside the validity of {container}")]
    OutsideAct {
        /// What.
        what: Subject,
        /// What it belongs to: an act or a service.
        container: Subject,
        /// When the container is in force, in words.
        container_interval: Wording,
        /// Where.
        span: Span,
        /// When the element is in force, in words.
        interval: Wording,
    },
    /// `since` not before `until`.
    #[error("{what} is never in force: it starts on {since} but ends on {until}")]
    EmptyInterval {
        /// What.
        what: Subject,
        /// Start.
        since: String,
        /// End.
        until: String,
        /// Where.
        span: Span,
    },
    /// Two versions of a service in force on the same days.
    #[error("two versions of service `{name}` are in force on {day}")]
    OverlappingVersions {
        /// The service.
        name: String,
        /// A day both cover.
        day: String,
        /// The second version.
        span: Span,
    },
    /// `personal` in a document names something that is not one of its fields.
    #[error("`{name}` is not a field of a document")]
    UnknownPersonalField {
        /// As written.
        name: String,
        /// The field closest to it.
        suggestion: Option<String>,
        /// Where.
        span: Span,
    },
}

/// The input a value is compared with, in English: `` `applicant.category` `` or, when no
/// single input is named, "the compared value".
fn compared(input: Option<&str>) -> String {
    input.map_or_else(|| String::from("the compared value"), |i| format!("`{i}`"))
}
