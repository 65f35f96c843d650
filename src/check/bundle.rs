//! The bundle: JSON in, the envelope checked against the contract (DESIGN.md §5), the service's
//! inputs read and type-checked. Ill-typed input is an `invalid-input` error; unknown fields and
//! unknown document kinds are warnings, never dropped silently.

use super::json::{Json as Value, Members};
use chrono::{DateTime, FixedOffset};

use super::eval::parse_date;
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

/// A problem with the bundle itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// Where.
    pub pointer: String,
    /// The field or value concerned.
    pub subject: String,
    /// What is wrong, one line.
    pub message: String,
    /// What to do.
    pub help: String,
    /// Error (`invalid-input`) or warning (`unknown-field`, `unknown-document`, `unknown-step`).
    pub warning: Option<&'static str>,
}

impl InputProblem {
    fn error(
        pointer: impl Into<String>,
        subject: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self {
            pointer: pointer.into(),
            subject: subject.into(),
            message: message.into(),
            help: help.into(),
            warning: None,
        }
    }
}

/// Why a text could not be read as JSON at all.
#[derive(Debug, Clone)]
pub struct JsonError {
    /// Byte offset of the error.
    pub offset: usize,
    /// What serde_json said, in words.
    pub message: String,
}

/// Parse the bundle text.
pub fn parse(text: &str) -> Result<Value<'_>, JsonError> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(JsonError {
            offset: 0,
            message: format!(
                "the bundle is larger than {} MiB",
                MAX_BUNDLE_BYTES / (1024 * 1024)
            ),
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
        let message = match e.classify() {
            serde_json::error::Category::Eof => {
                String::from("the JSON ends too early: a closing bracket or quote is missing")
            }
            _ if truncated => String::from("the JSON ends too early: the bundle is cut off here"),
            _ => {
                let text = e.to_string();
                text.split(" at line ").next().unwrap_or(&text).to_string()
            }
        };
        JsonError { offset, message }
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
    /// `channel`.
    pub channel: &'a str,
}

/// Read the envelope; problems are pushed to `problems`.
pub fn envelope<'a>(root: &'a Value<'a>, problems: &mut Vec<InputProblem>) -> Envelope<'a> {
    let Some(obj) = root.as_object() else {
        problems.push(InputProblem::error(
            "",
            "bundle",
            "the bundle is not a JSON object",
            "send one JSON object per bundle, `{ \"service\": …, \"submitted_at\": …, … }`",
        ));
        return Envelope {
            id: None,
            service: None,
            submitted_at: None,
            channel: "provider",
        };
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_ref()),
        Some(other) => {
            problems.push(InputProblem::error(
                "/id",
                "id",
                format!("`id` must be a text, not {}", json_kind(other)),
                "write the id in quotes",
            ));
            None
        }
    };
    let service = match obj.get("service") {
        Some(Value::String(s)) => Some(s.as_ref()),
        None | Some(Value::Null) => {
            problems.push(InputProblem::error(
                "",
                "service",
                "the bundle does not say which service it is for",
                "add `\"service\": \"kz.mvd.permanent_residence\"` (or another service id)",
            ));
            None
        }
        Some(other) => {
            problems.push(InputProblem::error(
                "/service",
                "service",
                format!("`service` must be a text, not {}", json_kind(other)),
                "write the service id in quotes",
            ));
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
                    format!("`{s}` is not a date and time with an offset"),
                    "write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00` (the date must exist)",
                ));
                None
            }
        },
        None | Some(Value::Null) => {
            problems.push(InputProblem::error(
                "",
                "submitted_at",
                "the bundle does not say when it was submitted",
                "add `\"submitted_at\": \"2019-05-14T10:00:00+06:00\"`",
            ));
            None
        }
        Some(other) => {
            problems.push(InputProblem::error(
                "/submitted_at",
                "submitted_at",
                format!("`submitted_at` must be a text, not {}", json_kind(other)),
                "write it as RFC 3339 in quotes, e.g. `\"2019-05-14T10:00:00+06:00\"`",
            ));
            None
        }
    };
    let channel = match obj.get("channel") {
        None | Some(Value::Null) => "provider",
        Some(Value::String(s)) if s == "provider" || s == "state_corporation" => s.as_ref(),
        Some(other) => {
            problems.push(InputProblem::error(
                "/channel",
                "channel",
                format!("{} is not an intake channel", describe_value(other)),
                "the channels are `provider` and `state_corporation`",
            ));
            "provider"
        }
    };
    Envelope {
        id,
        service,
        submitted_at,
        channel,
    }
}

fn unknown_field(pointer: &str, key: &str, place: &str) -> InputProblem {
    InputProblem {
        pointer: pointer.to_string(),
        subject: key.to_string(),
        message: format!("unknown field `{key}` in {place}"),
        help: String::from(
            "no rule reads this field: check its spelling against the service catalogue, or remove it",
        ),
        warning: Some("unknown-field"),
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

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn describe_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        other => json_kind(other).to_string(),
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
    facts
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
                    format!(
                        "`{}` must be an object, not {}",
                        pointer.trim_start_matches('/'),
                        json_kind(other)
                    ),
                    format!("write `{{ \"{segment}\": … }}` here"),
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
    let mut fail = |message: String, help: String| {
        problems.push(InputProblem::error(pointer, name, message, help));
        false
    };
    match (ty, value) {
        (Type::Bool, Value::Bool(_)) | (Type::Text, Value::String(_)) | (Type::Error, _) => true,
        (Type::Number, Value::Number(n)) if n.is_i64() => true,
        (Type::Date, Value::String(s)) => {
            parse_date(s).is_some()
                || fail(
                    format!("`{s}` is not a real date"),
                    String::from(
                        "write dates as YYYY-MM-DD, with a day that exists (e.g. `1985-03-02`)",
                    ),
                )
        }
        (Type::Instant, Value::String(s)) => {
            parse_instant(s).is_some()
                || fail(
                    format!("`{s}` is not a date and time with an offset"),
                    String::from("write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`"),
                )
        }
        (Type::Enum(values), Value::String(s)) => {
            values.iter().any(|v| v == s)
                || fail(
                    format!("`{s}` is not one of the values of `{name}`"),
                    format!("the values are: {}", values.join(", ")),
                )
        }
        (Type::Set(values), Value::Array(items)) => {
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let good = item.as_str().is_some_and(|s| values.iter().any(|v| v == s));
                if !good {
                    problems.push(InputProblem::error(
                        format!("{pointer}/{i}"),
                        name,
                        format!(
                            "{} is not one of the values of `{name}`",
                            describe_value(item)
                        ),
                        format!("the values are: {}", values.join(", ")),
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
                        format!(
                            "each element of `{name}` must be an object, not {}",
                            json_kind(item)
                        ),
                        format!(
                            "write `{{ {} }}`",
                            fields
                                .iter()
                                .map(|f| format!("\"{}\": …", f.name))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
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
                        &format!("an element of `{name}`"),
                    ));
                }
            }
            ok
        }
        (expected, other) => fail(
            format!(
                "`{name}` must be {}, not {}",
                expected.describe(),
                describe_value(other)
            ),
            help_for(expected),
        ),
    }
}

fn help_for(ty: &Type) -> String {
    match ty {
        Type::Bool => String::from("write `true` or `false`, without quotes"),
        Type::Text => String::from("write the text in quotes"),
        Type::Number => String::from("write a whole number, without quotes"),
        Type::Date => String::from("write the date in quotes as YYYY-MM-DD"),
        Type::Instant => {
            String::from("write the moment in quotes as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`")
        }
        Type::Enum(values) => format!("write one of: {}", values.join(", ")),
        Type::Set(values) => format!("write a list of: {}", values.join(", ")),
        Type::List(_) => String::from("write a list of objects"),
        Type::Duration(_) | Type::Error => String::new(),
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
                "the bundle envelope",
            ));
        }
    }
    for top in ["applicant", "checks"] {
        if let Some(Value::Object(map)) = root.get(top) {
            unknown_in(map, &mut vec![top], &plan.inputs, problems);
        } else if let Some(other) = root.get(top).filter(|v| !v.is_null() && !v.is_object()) {
            problems.push(InputProblem::error(
                format!("/{top}"),
                top,
                format!("`{top}` must be an object, not {}", json_kind(other)),
                format!("write `\"{top}\": {{ … }}`"),
            ));
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
                problems.push(unknown_field(&pointer, key, &format!("`{place}`")));
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
        problems.push(InputProblem::error(
            "/documents",
            "documents",
            format!("`documents` must be a list, not {}", json_kind(docs)),
            "write `\"documents\": [ { \"kind\": … }, … ]`",
        ));
        return;
    };
    for (i, doc) in docs.iter().enumerate() {
        let pointer = || format!("/documents/{i}");
        let Some(obj) = doc.as_object() else {
            problems.push(InputProblem::error(
                pointer(),
                "documents",
                format!("each document must be an object, not {}", json_kind(doc)),
                "write `{ \"kind\": \"passport\", … }`",
            ));
            continue;
        };
        let kind = match obj.get("kind") {
            Some(Value::String(k)) => k.as_ref(),
            _ => {
                problems.push(InputProblem::error(
                    pointer(),
                    "kind",
                    "a document without a `kind`",
                    "say what the document is: `\"kind\": \"passport\"`",
                ));
                continue;
            }
        };
        if !plan.documents.iter().any(|d| d.kind == kind) {
            problems.push(InputProblem {
                pointer: format!("{}/kind", pointer()),
                subject: kind.to_string(),
                message: format!("unknown document kind `{kind}`"),
                help: format!(
                    "no rule of `{}` reads this document; the kinds it knows are: {}",
                    plan.id,
                    plan.documents
                        .iter()
                        .map(|d| d.kind.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                warning: Some("unknown-document"),
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
                        problems.push(InputProblem::error(field_pointer, "child", format!("`child` must be the index of a child in `applicant.children`, not {}", describe_value(value)), "write a whole number from 0, without quotes"));
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
                    &format!("document `{kind}`"),
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
        problems.push(InputProblem::error(
            "/events",
            "events",
            format!("`events` must be a list, not {}", json_kind(events)),
            "write `\"events\": [ { \"step\": …, \"at\": … }, … ]`",
        ));
        return;
    };
    for (i, event) in events.iter().enumerate() {
        let pointer = format!("/events/{i}");
        let step = event.get("step").and_then(Value::as_str);
        let at = event.get("at").and_then(Value::as_str);
        match (step, at) {
            (Some(step), Some(at)) => {
                if parse_instant(at).is_none() {
                    problems.push(InputProblem::error(
                        format!("{pointer}/at"),
                        step,
                        format!("`{at}` is not a date and time with an offset"),
                        "write it as RFC 3339, e.g. `2019-05-14T10:20:00+06:00`",
                    ));
                }
                if !plan.steps.iter().any(|s| s.id == step) {
                    problems.push(InputProblem {
                        pointer: format!("{pointer}/step"),
                        subject: step.to_string(),
                        message: format!("unknown step `{step}`"),
                        help: format!(
                            "the steps of `{}` are: {}",
                            plan.id,
                            plan.steps
                                .iter()
                                .map(|s| s.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        warning: Some("unknown-step"),
                    });
                }
            }
            _ => problems.push(InputProblem::error(
                pointer,
                "events",
                "each event needs a `step` and an `at`",
                "write `{ \"step\": \"talon_issued\", \"at\": \"2019-05-14T10:20:00+06:00\" }`",
            )),
        }
    }
}
