//! What can be wrong with a bundle itself, as data: the problem, where it is and its code.
//! Nothing here is worded; the report words problems in the language it is written in.

use crate::check::code_lists::CodeList;
use crate::check::json::Json as Value;
use crate::codes::{self, Code};
use crate::semantic::model::Type;

/// A problem with the bundle itself: where, about what, and the data of what is wrong (the
/// wording, in each language, is the report's).
#[derive(Debug, Clone, PartialEq)]
pub struct InputProblem {
    /// Where.
    pub pointer: String,
    /// The field or value concerned.
    pub subject: String,
    /// What is wrong.
    pub problem: Problem,
    /// `invalid-input` (an error) or a warning: `unknown-field`, `unknown-document`,
    /// `unknown-step`, `duplicate-key`, `noncanonical-code`, `byte-order-mark`.
    pub code: &'static Code,
}

impl InputProblem {
    /// An `invalid-input` problem.
    pub(crate) fn error(
        pointer: impl Into<String>,
        subject: impl Into<String>,
        problem: Problem,
    ) -> Self {
        Self {
            pointer: pointer.into(),
            subject: subject.into(),
            problem,
            code: &codes::INVALID_INPUT,
        }
    }
}

/// The kind of a JSON value, as found where another was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of a value.
    pub fn of(v: &Value) -> Self {
        match v {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

/// A value found where it does not fit: a text is shown as written, anything else by its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A JSON string, as written.
    Text(String),
    /// A number, as JSON writes it (`-1`, `0.5`).
    Number(String),
    /// Any other value.
    Other(JsonKind),
}

impl Found {
    /// What a value is, as a problem names it.
    pub(super) fn of(v: &Value) -> Self {
        match v {
            Value::String(s) => Found::Text(s.to_string()),
            Value::Number(n) => Found::Number(n.to_string()),
            other => Found::Other(JsonKind::of(other)),
        }
    }
}

/// Where an unknown field was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPlace {
    /// The top level of the bundle.
    Envelope,
    /// An object of the service's inputs, by its dotted path (`applicant.records`).
    Object(String),
    /// An element of a list input, by the input's name.
    ListElement(String),
    /// A document, by its kind.
    Document(String),
}

/// Why `ereje serve` refused a request (the data; worded when the error is written).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// No endpoint has this path.
    NoRoute {
        /// The path asked for.
        path: String,
    },
    /// The endpoint does not take this method.
    Method {
        /// The method used.
        method: String,
        /// The one it takes.
        allowed: &'static str,
    },
    /// The body is not of the media type the endpoint reads.
    MediaType {
        /// The type it reads.
        expected: &'static str,
    },
    /// The body is larger than the server takes.
    BodyTooLarge {
        /// The limit, in bytes.
        bytes: usize,
    },
    /// The body did not arrive whole (the client went away or sent it wrongly).
    BodyUnreadable {
        /// What failed.
        detail: String,
    },
    /// The request took longer than the server gives one.
    TimedOut {
        /// The limit, in seconds.
        seconds: u64,
    },
    /// Every place for a request is taken, and none came free in time.
    Busy {
        /// How many requests are checked at once.
        limit: usize,
    },
    /// A parameter of the request is wrong.
    BadParameter {
        /// The parameter.
        name: &'static str,
        /// What it must be.
        expected: String,
    },
    /// No service has this id (`/v1/services/{id}/…`).
    UnknownService {
        /// The id asked for.
        id: String,
        /// The closest id of a service, if one is close.
        suggestion: Option<String>,
    },
    /// The service has no version in force on the day asked for.
    ServiceNotInForce {
        /// The service.
        id: String,
        /// The day.
        day: chrono::NaiveDate,
    },
}

/// What is wrong with a bundle: the data only, worded when the report is written.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// The text is larger than the limit (`Limits::bundle_bytes`).
    TooLarge {
        /// The limit, in bytes.
        bytes: usize,
    },
    /// The JSON nests deeper than the limit (`Limits::depth`).
    TooDeep {
        /// The limit, in levels.
        limit: usize,
    },
    /// More documents or events than the limit.
    TooMany {
        /// `documents` or `events`.
        list: &'static str,
        /// How many the bundle has.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// The text is not UTF-8 (JSON must be).
    NotUtf8,
    /// Checking or reporting the bundle failed inside ereje (a bug): it was not checked.
    Internal {
        /// What failed, as the failure said it.
        message: String,
    },
    /// `ereje serve` refused the HTTP request before any bundle was checked.
    Request(Rejection),
    /// A field given twice in one object; the last one is used, as JSON parsers mostly do.
    DuplicateKey {
        /// The field.
        key: String,
    },
    /// The text is empty or blank: no bundle at all.
    Empty,
    /// The text starts with a UTF-8 byte-order mark: RFC 8259 § 8.1 forbids sending one and
    /// lets a parser ignore it, so it is ignored (and reported).
    ByteOrderMark,
    /// The JSON ends inside a value: a closing bracket or quote is missing.
    JsonEndsEarly,
    /// The JSON is cut off (the rest of the text is blank).
    JsonCutOff,
    /// Any other JSON syntax error.
    JsonSyntax {
        /// serde_json's description (`expected value`, `trailing characters`).
        detail: String,
    },
    /// The bundle is not a JSON object.
    NotAnObject,
    /// A required envelope field is absent (`service`, `submitted_at`).
    Missing {
        /// The field.
        field: &'static str,
    },
    /// An envelope field has the wrong JSON kind.
    WrongJsonKind {
        /// The field.
        field: String,
        /// What it must be.
        expected: JsonKind,
        /// What it is.
        found: JsonKind,
    },
    /// A value on the way to an input is not an object.
    ParentNotObject {
        /// The path that must be an object, as `applicant/records`.
        path: String,
        /// The key looked up in it.
        key: String,
        /// What it is.
        found: JsonKind,
    },
    /// `submitted_at` is not an RFC 3339 moment.
    BadSubmittedAt {
        /// As written.
        text: String,
    },
    /// An input of type moment is not an RFC 3339 moment.
    BadInstant {
        /// As written.
        text: String,
    },
    /// An event's `at` is not an RFC 3339 moment.
    BadEventTime {
        /// As written.
        text: String,
    },
    /// `channel` is not an intake channel.
    UnknownChannel {
        /// What it is.
        found: Found,
    },
    /// `channel` names a channel that the service does not declare at all (a declared channel
    /// not open on the day is `not-in-force` instead).
    UndeclaredChannel {
        /// The channel given.
        channel: String,
        /// The service.
        service: String,
        /// The channels it declares.
        offered: Vec<String>,
    },
    /// A value that must be a code of a standard list (a country, a language) is not one.
    UnknownCode {
        /// The list.
        list: CodeList,
        /// As written.
        text: String,
        /// The code it was most likely meant to be (`kz` → `kk`).
        meant: Option<&'static str>,
    },
    /// A code of a standard list written in another case than the standard's (`"ru"` for the
    /// country `RU`): it is read as that code.
    NoncanonicalCode {
        /// The list.
        list: CodeList,
        /// As written.
        text: String,
        /// As the standard writes it.
        canonical: &'static str,
    },
    /// A date that does not exist or is not a date.
    BadDate {
        /// As written.
        text: String,
    },
    /// A value outside a closed list.
    NotOneOf {
        /// The input.
        name: String,
        /// The value.
        value: Found,
        /// The values allowed.
        values: Vec<String>,
    },
    /// An element of a list of records is not an object.
    NotARecord {
        /// The input.
        name: String,
        /// What the element is.
        found: JsonKind,
        /// The fields of a record.
        fields: Vec<String>,
    },
    /// A value of the wrong type.
    WrongType {
        /// The input or document field.
        name: String,
        /// Its type.
        expected: Type,
        /// What it is.
        found: Found,
    },
    /// A field that no rule reads.
    UnknownField {
        /// The field.
        key: String,
        /// Where it is.
        place: FieldPlace,
    },
    /// An element of `documents` is not an object.
    DocumentNotObject {
        /// What it is.
        found: JsonKind,
    },
    /// A document without a `kind`.
    DocumentWithoutKind,
    /// A document kind the service does not know (reported once per kind, at its first
    /// document: fifty letters of one unknown kind are one warning, not fifty).
    UnknownDocument {
        /// The kind.
        kind: String,
        /// How many documents have it.
        count: usize,
        /// The service.
        service: String,
        /// The kinds it knows.
        known: Vec<String>,
        /// The known kind closest to it (`Passport` → `passport`).
        suggestion: Option<String>,
    },
    /// A document's `child` is not an index.
    BadChild {
        /// What it is.
        found: Found,
    },
    /// A document's `child` is an index that `applicant.children` does not have.
    NoSuchChild {
        /// The index given.
        index: u64,
        /// How many children the list has.
        children: usize,
    },
    /// An event without a `step` or an `at`.
    EventIncomplete,
    /// A step the service does not have.
    UnknownStep {
        /// The step.
        step: String,
        /// The service.
        service: String,
        /// Its steps.
        known: Vec<String>,
    },
}

/// Why a text could not be read as JSON at all.
#[derive(Debug, Clone)]
pub struct JsonError {
    /// Byte offset of the error.
    pub offset: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// An envelope field (or a part of the inputs) of the wrong JSON kind.
pub(super) fn wrong_kind(
    pointer: &str,
    field: &str,
    expected: JsonKind,
    found: &Value,
) -> InputProblem {
    InputProblem::error(
        pointer,
        field,
        Problem::WrongJsonKind {
            field: field.to_string(),
            expected,
            found: JsonKind::of(found),
        },
    )
}

/// A field that no rule reads.
pub(super) fn unknown_field(pointer: &str, key: &str, place: FieldPlace) -> InputProblem {
    InputProblem {
        pointer: pointer.to_string(),
        subject: key.to_string(),
        problem: Problem::UnknownField {
            key: key.to_string(),
            place,
        },
        code: &codes::UNKNOWN_FIELD,
    }
}
