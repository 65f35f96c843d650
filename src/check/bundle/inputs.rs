//! The service's inputs read from the bundle by their paths and type-checked against their
//! declared types; members of `applicant` and `checks` that no input declares are reported.

use super::envelope::ENVELOPE;
use super::escape;
use super::parse::parse_instant;
use super::problem::{
    FieldPlace, Found, InputProblem, JsonKind, Problem, unknown_field, wrong_kind,
};
use crate::check::json::{Json as Value, Members};
use crate::compile::{InputPlan, ServicePlan};
use crate::semantic::model::Type;
use crate::time::parse_date;

/// Whether a value has the type without any problem at all (no allocation): the fast path;
/// only a value that fails it is examined again to say what is wrong.
pub(super) fn type_ok(value: &Value, ty: &Type) -> bool {
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

/// The value at an input's path; a value on the way that is not an object is a problem (once).
pub(super) fn lookup<'a>(
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

/// Whether a value has the type; every way it does not is a problem, at its own pointer.
pub(super) fn check_type(
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
pub(super) fn unknown_members(root: &Value, plan: &ServicePlan, problems: &mut Vec<InputProblem>) {
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
