//! Analysis errors: resolution (`E02xx`), types and units (`E03xx`), validity (`E04xx`).

use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// An error found while analysing rule files that parsed.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum SemanticError {
    /// A name that is not defined.
    #[error("{what} `{name}` is not defined")]
    #[diagnostic(code(E0201))]
    Undefined {
        /// What kind of name: "act", "actor", "step", "input", …
        what: &'static str,
        /// The name as written.
        name: String,
        /// Did-you-mean, or how to define it.
        #[help]
        help: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not defined")]
        span: SourceSpan,
    },
    /// A name defined twice in one scope.
    #[error("{what} `{name}` is defined twice")]
    #[diagnostic(
        code(E0202),
        help("give each {what} a unique name, or delete one of the two definitions")
    )]
    Duplicate {
        /// What kind of name.
        what: &'static str,
        /// The name.
        name: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The second definition.
        #[label("defined again here")]
        span: SourceSpan,
        /// The first definition (same file) if any.
        #[label("first defined here")]
        first: Option<SourceSpan>,
    },
    /// Steps whose deadlines depend on each other in a circle.
    #[error("the deadlines of steps {cycle} depend on each other in a circle")]
    #[diagnostic(
        code(E0203),
        help(
            "every step's deadline must count from `submitted_at` or from an earlier step; break the circle"
        )
    )]
    StepCycle {
        /// The steps, in order.
        cycle: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// One step of the circle.
        #[label("this step counts from a later one")]
        span: SourceSpan,
    },
    /// A lint suppression without its reason.
    #[error("`allow {lint}` has no reason")]
    #[diagnostic(
        code(E0204),
        help("write why the defect is recorded as it is: `allow {lint} because \"…\"`")
    )]
    AllowWithoutReason {
        /// The lint.
        lint: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("reason missing")]
        span: SourceSpan,
    },
    /// An unknown function.
    #[error("unknown function `{name}`")]
    #[diagnostic(code(E0205), help("the functions are `age(birth_date, on: date)`"))]
    UnknownFunction {
        /// As written.
        name: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not a function")]
        span: SourceSpan,
    },
    /// Two values of types that cannot be compared or combined.
    #[error("{message}")]
    #[diagnostic(code(E0301))]
    TypeMismatch {
        /// What is wrong.
        message: String,
        /// What to do.
        #[help]
        help: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Left side.
        #[label("{left_label}")]
        left: SourceSpan,
        /// Its label.
        left_label: String,
        /// Right side.
        #[label("{right_label}")]
        right: SourceSpan,
        /// Its label.
        right_label: String,
    },
    /// Something that should be a condition is not.
    #[error("this is {found}, not a condition")]
    #[diagnostic(
        code(E0302),
        help("a condition is true or false: compare the value, e.g. `… == …` or `… >= …`")
    )]
    NotACondition {
        /// What it is.
        found: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("{found}")]
        span: SourceSpan,
    },
    /// A value used where another type is needed.
    #[error("{message}")]
    #[diagnostic(code(E0303))]
    WrongType {
        /// What is wrong.
        message: String,
        /// What to do.
        #[help]
        help: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("{label}")]
        span: SourceSpan,
        /// Label text.
        label: String,
    },
    /// A duration written as both calendar and working days.
    #[error("a duration cannot be both calendar days and working days")]
    #[diagnostic(
        code(E0304),
        help(
            "write `calendar days` or `working days`; if the law itself says both, encode the reading you chose and record the defect with `allow` and a reason"
        )
    )]
    MixedDayKind {
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("calendar and working at once")]
        span: SourceSpan,
    },
    /// A type name that does not exist.
    #[error("unknown type `{name}`")]
    #[diagnostic(
        code(E0305),
        help(
            "the types are `date`, `instant`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` and `list {{ … }}`{suggestion}"
        )
    )]
    UnknownType {
        /// As written.
        name: String,
        /// Did-you-mean.
        suggestion: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not a type")]
        span: SourceSpan,
    },
    /// A value that is not one of an enumeration's values.
    #[error("`{value}` is not one of the values of `{input}`")]
    #[diagnostic(code(E0306))]
    UnknownValue {
        /// As written.
        value: String,
        /// The input it is compared with.
        input: String,
        /// The values, and did-you-mean.
        #[help]
        help: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not a value of `{input}`")]
        span: SourceSpan,
    },
    /// A timezone the tz database does not know.
    #[error("unknown timezone `{name}`")]
    #[diagnostic(code(E0307), help("use a tz database name such as \"Asia/Almaty\""))]
    UnknownTimezone {
        /// As written.
        name: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("not a tz database name")]
        span: SourceSpan,
    },
    /// A service in force outside its act, or an element outside its service.
    #[error("{what} is in force outside the validity of {container}")]
    #[diagnostic(code(E0401))]
    OutsideAct {
        /// What.
        what: String,
        /// What it belongs to: "act `…`" or "service `…`".
        container: String,
        /// Dates.
        #[help]
        help: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("in force {interval}")]
        span: SourceSpan,
        /// The element's interval in words.
        interval: String,
    },
    /// `since` not before `until`.
    #[error("{what} is never in force: it starts on {since} but ends on {until}")]
    #[diagnostic(
        code(E0402),
        help("`since` must be before `until`; check both dates against the law")
    )]
    EmptyInterval {
        /// What.
        what: String,
        /// Start.
        since: String,
        /// End.
        until: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// Where.
        #[label("never in force")]
        span: SourceSpan,
    },
    /// Two versions of a service in force on the same days.
    #[error("two versions of service `{name}` are in force on {day}")]
    #[diagnostic(
        code(E0403),
        help("give the versions `since`/`until` dates that do not overlap")
    )]
    OverlappingVersions {
        /// The service.
        name: String,
        /// A day both cover.
        day: String,
        /// The rule file.
        #[source_code]
        src: NamedSource<Arc<str>>,
        /// The second version.
        #[label("this version overlaps another")]
        span: SourceSpan,
    },
}
