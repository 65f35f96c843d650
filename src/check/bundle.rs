//! The bundle: JSON in, the envelope checked against the contract (DESIGN.md §5), the service's
//! inputs read and type-checked. Ill-typed input is an `invalid-input` error; unknown fields and
//! unknown document kinds are warnings, never dropped silently.

use super::json::{Json as Value, Members};
use chrono::{DateTime, FixedOffset};

use super::eval::parse_date;
use crate::codes::{self, Code};
use crate::compile::{InputPlan, ServicePlan};
use crate::semantic::model::{DocField, Type};

/// Largest bundle read, in bytes.
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;

/// Top-level fields of the envelope.
const ENVELOPE: [&str; 8] = [
    "id",
    "service",
    "submitted_at",
    "channel",
    "applicant",
    "documents",
    "checks",
    "events",
];

/// A problem with the bundle itself: where, about what, and the data of what is wrong. The
/// wording, in each language, is `messages::problem_text`'s.
#[derive(Debug, Clone, PartialEq)]
pub struct InputProblem {
    /// Where.
    pub pointer: String,
    /// The field or value concerned.
    pub subject: String,
    /// What is wrong.
    pub problem: Problem,
    /// `invalid-input` (an error) or a warning: `unknown-field`, `unknown-document`,
    /// `unknown-step`, `duplicate-key`.
    pub code: &'static Code,
}

impl InputProblem {
    fn error(pointer: impl Into<String>, subject: impl Into<String>, problem: Problem) -> Self {
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
    /// Any other value.
    Other(JsonKind),
}

impl Found {
    fn of(v: &Value) -> Self {
        match v {
            Value::String(s) => Found::Text(s.to_string()),
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

/// What is wrong with a bundle: the data only, worded by `messages::problem_text`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// The text is larger than `MAX_BUNDLE_BYTES`.
    TooLarge {
        /// The limit, in MiB.
        mib: usize,
    },
    /// The text is not UTF-8 (JSON must be).
    NotUtf8,
    /// A field given twice in one object; the last one is used, as JSON parsers mostly do.
    DuplicateKey {
        /// The field.
        key: String,
    },
    /// The text is empty or blank: no bundle at all.
    Empty,
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
    },
    /// A document's `child` is not an index.
    BadChild {
        /// What it is.
        found: Found,
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

/// Parse the bundle text.
pub fn parse(text: &str) -> Result<Value<'_>, JsonError> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(JsonError {
            offset: 0,
            problem: Problem::TooLarge {
                mib: MAX_BUNDLE_BYTES / (1024 * 1024),
            },
        });
    }
    if text.trim().is_empty() {
        return Err(JsonError {
            offset: 0,
            problem: Problem::Empty,
        });
    }
    serde_json::from_str(text).map_err(|e| {
        let offset = offset_of(text, e.line(), e.column());
        // a string cut off by the end of a line or of the text is a truncated bundle
        let truncated = text
            .get(offset..)
            .is_some_and(|rest| rest.trim().is_empty())
            || text.get(offset..).is_some_and(|rest| {
                rest.starts_with('\n')
                    && text.get(offset + 1..).is_some_and(|r| r.trim().is_empty())
            });
        let problem = match e.classify() {
            serde_json::error::Category::Eof => Problem::JsonEndsEarly,
            _ if truncated => Problem::JsonCutOff,
            _ => {
                let text = e.to_string();
                Problem::JsonSyntax {
                    detail: text.split(" at line ").next().unwrap_or(&text).to_string(),
                }
            }
        };
        JsonError { offset, problem }
    })
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (offset + column.saturating_sub(1)).min(text.len());
        }
        offset += l.len();
    }
    text.len()
}

/// A RFC 3339 timestamp with an offset.
pub fn parse_instant(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

/// The envelope fields every service needs: `service` and `submitted_at`.
pub struct Envelope<'a> {
    /// `id`.
    pub id: Option<&'a str>,
    /// `service`.
    pub service: Option<&'a str>,
    /// `submitted_at`, as written and parsed.
    pub submitted_at: Option<(&'a str, DateTime<FixedOffset>)>,
    /// `channel`; absent is unknown.
    pub channel: Option<&'a str>,
}

/// Read the envelope; problems are pushed to `problems`.
pub fn envelope<'a>(root: &'a Value<'a>, problems: &mut Vec<InputProblem>) -> Envelope<'a> {
    let Some(obj) = root.as_object() else {
        problems.push(InputProblem::error("", "bundle", Problem::NotAnObject));
        return Envelope {
            id: None,
            service: None,
            submitted_at: None,
            channel: None,
        };
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_ref()),
        Some(other) => {
            problems.push(wrong_kind("/id", "id", JsonKind::Text, other));
            None
        }
    };
    let service = match obj.get("service") {
        Some(Value::String(s)) => Some(s.as_ref()),
        None | Some(Value::Null) => {
            problems.push(InputProblem::error(
                "",
                "service",
                Problem::Missing { field: "service" },
            ));
            None
        }
        Some(other) => {
            problems.push(wrong_kind("/service", "service", JsonKind::Text, other));
            None
        }
    };
    let submitted_at = match obj.get("submitted_at") {
        Some(Value::String(s)) => match parse_instant(s) {
            Some(t) => Some((s.as_ref(), t)),
            None => {
                problems.push(InputProblem::error(
                    "/submitted_at",
                    "submitted_at",
                    Problem::BadSubmittedAt {
                        text: s.to_string(),
                    },
                ));
                None
            }
        },
        None | Some(Value::Null) => {
            problems.push(InputProblem::error(
                "",
                "submitted_at",
                Problem::Missing {
                    field: "submitted_at",
                },
            ));
            None
        }
        Some(other) => {
            problems.push(wrong_kind(
                "/submitted_at",
                "submitted_at",
                JsonKind::Text,
                other,
            ));
            None
        }
    };
    // which channels exist is the service's to say: only the kind of value is checked here
    let channel = match obj.get("channel") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_ref()),
        Some(other) => {
            problems.push(InputProblem::error(
                "/channel",
                "channel",
                Problem::UnknownChannel {
                    found: Found::of(other),
                },
            ));
            None
        }
    };
    Envelope {
        id,
        service,
        submitted_at,
        channel,
    }
}

fn wrong_kind(pointer: &str, field: &str, expected: JsonKind, found: &Value) -> InputProblem {
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

fn unknown_field(pointer: &str, key: &str, place: FieldPlace) -> InputProblem {
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

/// Escape a key for a JSON pointer.
pub fn escape(key: &str) -> std::borrow::Cow<'_, str> {
    if key.contains(['~', '/']) {
        std::borrow::Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

/// Whether a value has the type without any problem at all (no allocation): the fast path;
/// only a value that fails it is examined again to say what is wrong.
fn type_ok(value: &Value, ty: &Type) -> bool {
    match (ty, value) {
        (Type::Bool, Value::Bool(_)) | (Type::Text, Value::String(_)) | (Type::Error, _) => true,
        (Type::Number, Value::Number(n)) => n.is_i64(),
        (Type::Date, Value::String(s)) => parse_date(s).is_some(),
        (Type::Instant, Value::String(s)) => parse_instant(s).is_some(),
        (Type::Enum(values), Value::String(s)) => values.iter().any(|v| v == s),
        (Type::Set(values), Value::Array(items)) => items
            .iter()
            .all(|item| item.as_str().is_some_and(|s| values.iter().any(|v| v == s))),
        (Type::List(fields), Value::Array(items)) => items.iter().all(|item| {
            item.as_object().is_some_and(|record| {
                record.iter().all(|(key, v)| {
                    fields
                        .iter()
                        .find(|f| f.name == *key)
                        .is_some_and(|f| v.is_null() || type_ok(v, &f.ty))
                })
            })
        }),
        _ => false,
    }
}

/// Read and type-check the service's inputs, documents and events.
pub fn inputs<'a>(
    root: &'a Value<'a>,
    plan: &ServicePlan,
    problems: &mut Vec<InputProblem>,
) -> Vec<Option<&'a Value<'a>>> {
    let facts: Vec<Option<&Value>> = plan
        .inputs
        .iter()
        .map(|input| {
            let value = lookup(root, &input.path, problems)?;
            if type_ok(value, &input.ty) {
                return Some(value);
            }
            check_type(value, &input.ty, &input.pointer, &input.name, problems).then_some(value)
        })
        .collect();
    unknown_members(root, plan, problems);
    documents(root, plan, problems);
    events(root, plan, problems);
    if has_duplicate_keys(root) {
        duplicate_keys(root, &mut String::new(), problems);
    }
    facts
}

/// Whether any object repeats a key: a scan without allocation, so that bundles without the
/// problem (nearly all) pay only for the comparison.
fn has_duplicate_keys(value: &Value) -> bool {
    match value {
        Value::Object(members) => members.0.iter().enumerate().any(|(i, (key, inner))| {
            members.0.iter().skip(i + 1).any(|(later, _)| later == key) || has_duplicate_keys(inner)
        }),
        Value::Array(items) => items.iter().any(has_duplicate_keys),
        _ => false,
    }
}

/// Fields given twice in one object: parsers disagree on which one wins, so say so.
fn duplicate_keys(value: &Value, pointer: &mut String, problems: &mut Vec<InputProblem>) {
    let len = pointer.len();
    match value {
        Value::Object(members) => {
            for (i, (key, inner)) in members.0.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&escape(key));
                if members.0.iter().skip(i + 1).any(|(later, _)| later == key) {
                    problems.push(InputProblem {
                        pointer: pointer.clone(),
                        subject: key.to_string(),
                        problem: Problem::DuplicateKey {
                            key: key.to_string(),
                        },
                        code: &codes::DUPLICATE_KEY,
                    });
                }
                duplicate_keys(inner, pointer, problems);
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                duplicate_keys(inner, pointer, problems);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

fn lookup<'a>(
    root: &'a Value<'a>,
    path: &[String],
    problems: &mut Vec<InputProblem>,
) -> Option<&'a Value<'a>> {
    let mut current = root;
    for (depth, segment) in path.iter().enumerate() {
        match current {
            Value::Object(map) => current = map.get(segment.as_str())?,
            Value::Null => return None,
            other => {
                let pointer: String = path
                    .iter()
                    .take(depth)
                    .map(|s| format!("/{}", escape(s)))
                    .collect();
                let problem = InputProblem::error(
                    pointer.clone(),
                    segment.clone(),
                    Problem::ParentNotObject {
                        path: pointer.trim_start_matches('/').to_string(),
                        key: segment.clone(),
                        found: JsonKind::of(other),
                    },
                );
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
                return None;
            }
        }
    }
    (!current.is_null()).then_some(current)
}

fn check_type(
    value: &Value,
    ty: &Type,
    pointer: &str,
    name: &str,
    problems: &mut Vec<InputProblem>,
) -> bool {
    let mut fail = |problem: Problem| {
        problems.push(InputProblem::error(pointer, name, problem));
        false
    };
    match (ty, value) {
        (Type::Bool, Value::Bool(_)) | (Type::Text, Value::String(_)) | (Type::Error, _) => true,
        (Type::Number, Value::Number(n)) if n.is_i64() => true,
        (Type::Date, Value::String(s)) => {
            parse_date(s).is_some()
                || fail(Problem::BadDate {
                    text: s.to_string(),
                })
        }
        (Type::Instant, Value::String(s)) => {
            parse_instant(s).is_some()
                || fail(Problem::BadInstant {
                    text: s.to_string(),
                })
        }
        (Type::Enum(values), Value::String(s)) => {
            values.iter().any(|v| v == s)
                || fail(Problem::NotOneOf {
                    name: name.to_string(),
                    value: Found::Text(s.to_string()),
                    values: values.clone(),
                })
        }
        (Type::Set(values), Value::Array(items)) => {
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let good = item.as_str().is_some_and(|s| values.iter().any(|v| v == s));
                if !good {
                    problems.push(InputProblem::error(
                        format!("{pointer}/{i}"),
                        name,
                        Problem::NotOneOf {
                            name: name.to_string(),
                            value: Found::of(item),
                            values: values.clone(),
                        },
                    ));
                    ok = false;
                }
            }
            ok
        }
        (Type::List(fields), Value::Array(items)) => {
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let Some(record) = item.as_object() else {
                    problems.push(InputProblem::error(
                        format!("{pointer}/{i}"),
                        name,
                        Problem::NotARecord {
                            name: name.to_string(),
                            found: JsonKind::of(item),
                            fields: fields.iter().map(|f| f.name.clone()).collect(),
                        },
                    ));
                    ok = false;
                    continue;
                };
                for f in fields {
                    if let Some(v) = record.get(f.name.as_str()).filter(|v| !v.is_null()) {
                        ok &= check_type(
                            v,
                            &f.ty,
                            &format!("{pointer}/{i}/{}", f.name),
                            &format!("{name}.{}", f.name),
                            problems,
                        );
                    }
                }
                for key in record
                    .keys()
                    .filter(|k| !fields.iter().any(|f| f.name == **k))
                {
                    problems.push(unknown_field(
                        &format!("{pointer}/{i}/{}", escape(key)),
                        key,
                        FieldPlace::ListElement(name.to_string()),
                    ));
                }
            }
            ok
        }
        (expected, other) => fail(Problem::WrongType {
            name: name.to_string(),
            expected: expected.clone(),
            found: Found::of(other),
        }),
    }
}

/// Members of `applicant` and `checks` (and their sub-objects) that no input declares.
fn unknown_members(root: &Value, plan: &ServicePlan, problems: &mut Vec<InputProblem>) {
    if let Some(obj) = root.as_object() {
        let top_level_input = |k: &str| {
            plan.inputs
                .iter()
                .any(|i| i.path.first().is_some_and(|p| p == k))
        };
        for key in obj
            .keys()
            .filter(|k| !ENVELOPE.contains(k) && !top_level_input(k))
        {
            problems.push(unknown_field(
                &format!("/{}", escape(key)),
                key,
                FieldPlace::Envelope,
            ));
        }
    }
    for top in ["applicant", "checks"] {
        if let Some(Value::Object(map)) = root.get(top) {
            unknown_in(map, &mut vec![top], &plan.inputs, problems);
        } else if let Some(other) = root.get(top).filter(|v| !v.is_null() && !v.is_object()) {
            problems.push(wrong_kind(&format!("/{top}"), top, JsonKind::Object, other));
        }
    }
}

fn unknown_in<'a>(
    map: &'a Members<'a>,
    path: &mut Vec<&'a str>,
    inputs: &[InputPlan],
    problems: &mut Vec<InputProblem>,
) {
    for (key, value) in map.iter() {
        path.push(key);
        let starts = |i: &InputPlan| {
            i.path.len() >= path.len() && i.path.iter().zip(path.iter()).all(|(a, b)| a == b)
        };
        let exact = inputs
            .iter()
            .any(|i| i.path.len() == path.len() && starts(i));
        let deeper = inputs
            .iter()
            .any(|i| i.path.len() > path.len() && starts(i));
        if !exact {
            if deeper {
                if let Value::Object(inner) = value {
                    unknown_in(inner, path, inputs, problems);
                }
            } else {
                let pointer: String = path.iter().map(|s| format!("/{}", escape(s))).collect();
                let place = path
                    .iter()
                    .take(path.len() - 1)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(".");
                problems.push(unknown_field(&pointer, key, FieldPlace::Object(place)));
            }
        }
        path.pop();
    }
}

fn documents(root: &Value, plan: &ServicePlan, problems: &mut Vec<InputProblem>) {
    let Some(docs) = root.get("documents").filter(|v| !v.is_null()) else {
        return;
    };
    let Some(docs) = docs.as_array() else {
        problems.push(wrong_kind("/documents", "documents", JsonKind::List, docs));
        return;
    };
    for (i, doc) in docs.iter().enumerate() {
        let pointer = || format!("/documents/{i}");
        let Some(obj) = doc.as_object() else {
            problems.push(InputProblem::error(
                pointer(),
                "documents",
                Problem::DocumentNotObject {
                    found: JsonKind::of(doc),
                },
            ));
            continue;
        };
        let kind = match obj.get("kind") {
            Some(Value::String(k)) => k.as_ref(),
            _ => {
                problems.push(InputProblem::error(
                    pointer(),
                    "kind",
                    Problem::DocumentWithoutKind,
                ));
                continue;
            }
        };
        if !plan.documents.iter().any(|d| d.kind == kind) {
            let seen = problems.iter_mut().find_map(|p| match &mut p.problem {
                Problem::UnknownDocument { kind: k, count, .. } if k == kind => Some(count),
                _ => None,
            });
            if let Some(count) = seen {
                *count += 1;
                continue;
            }
            problems.push(InputProblem {
                pointer: format!("{}/kind", pointer()),
                subject: kind.to_string(),
                problem: Problem::UnknownDocument {
                    kind: kind.to_string(),
                    count: 1,
                    service: plan.id.clone(),
                    known: plan.documents.iter().map(|d| d.kind.clone()).collect(),
                },
                code: &codes::UNKNOWN_DOCUMENT,
            });
            continue;
        }
        for (key, value) in obj.iter() {
            if key == "kind" || value.is_null() {
                continue;
            }
            let fine = match DocField::from_name(key) {
                Some(DocField::Child) => value.as_u64().is_some(),
                Some(field) => type_ok(value, &field.ty()),
                None => false,
            };
            if fine {
                continue;
            }
            let field_pointer = format!("/documents/{i}/{}", escape(key));
            match DocField::from_name(key) {
                Some(DocField::Child) => {
                    if value.as_u64().is_none() {
                        problems.push(InputProblem::error(
                            field_pointer,
                            "child",
                            Problem::BadChild {
                                found: Found::of(value),
                            },
                        ));
                    }
                }
                Some(field) => {
                    check_type(
                        value,
                        &field.ty(),
                        &field_pointer,
                        &format!("{kind}.{key}"),
                        problems,
                    );
                }
                None => problems.push(unknown_field(
                    &field_pointer,
                    key,
                    FieldPlace::Document(kind.to_string()),
                )),
            }
        }
    }
}

fn events(root: &Value, plan: &ServicePlan, problems: &mut Vec<InputProblem>) {
    let Some(events) = root.get("events").filter(|v| !v.is_null()) else {
        return;
    };
    let Some(events) = events.as_array() else {
        problems.push(wrong_kind("/events", "events", JsonKind::List, events));
        return;
    };
    for (i, event) in events.iter().enumerate() {
        let pointer = || format!("/events/{i}");
        let step = event.get("step").and_then(Value::as_str);
        let at = event.get("at").and_then(Value::as_str);
        match (step, at) {
            (Some(step), Some(at)) => {
                if parse_instant(at).is_none() {
                    problems.push(InputProblem::error(
                        format!("{}/at", pointer()),
                        step,
                        Problem::BadEventTime {
                            text: at.to_string(),
                        },
                    ));
                }
                if !plan.steps.iter().any(|s| s.id == step) {
                    problems.push(InputProblem {
                        pointer: format!("{}/step", pointer()),
                        subject: step.to_string(),
                        problem: Problem::UnknownStep {
                            step: step.to_string(),
                            service: plan.id.clone(),
                            known: plan.steps.iter().map(|s| s.id.clone()).collect(),
                        },
                        code: &codes::UNKNOWN_STEP,
                    });
                }
            }
            _ => problems.push(InputProblem::error(
                pointer(),
                "events",
                Problem::EventIncomplete,
            )),
        }
    }
}
