//! The documents of a bundle: each one read once, with its kind, and checked against what the
//! service knows about documents (docs/contracts.md); the checker then works on the typed list.

use super::Document;
use super::coded::check_code;
use super::escape;
use super::inputs::{check_type, type_ok};
use super::problem::{
    FieldPlace, Found, InputProblem, JsonKind, Problem, unknown_field, wrong_kind,
};
use crate::check::code_lists::CodeList;
use crate::check::json::Json as Value;
use crate::codes;
use crate::compile::ServicePlan;
use crate::semantic::model::DocField;

/// The list a document's `child` is an index into (docs/contracts.md § 1.3).
pub(super) const CHILDREN: &str = "applicant.children";

/// The documents of the bundle that are objects with a `kind`, in the order written; every
/// document is checked on the way (its fields' types, its `child` against the `children` the
/// bundle lists when it lists them, its `language` against ISO 639-1, fields no rule reads,
/// kinds the service does not know).
pub(super) fn documents<'a>(
    root: &'a Value<'a>,
    plan: &ServicePlan,
    children: Option<usize>,
    limit: usize,
    problems: &mut Vec<InputProblem>,
) -> Vec<Document<'a>> {
    let mut read = Vec::new();
    let Some(docs) = root.get("documents").filter(|v| !v.is_null()) else {
        return read;
    };
    let Some(docs) = docs.as_array() else {
        problems.push(wrong_kind("/documents", "documents", JsonKind::List, docs));
        return read;
    };
    if docs.len() > limit {
        problems.push(InputProblem::error(
            "/documents",
            "documents",
            Problem::TooMany {
                list: "documents",
                count: docs.len(),
                limit,
            },
        ));
        return read;
    }
    // each unknown kind's warning, by kind: 60,000 unknown kinds are counted in linear time
    let mut unknown: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(docs.len());
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
        read.push(Document {
            index: i,
            kind,
            value: doc,
        });
        if !plan.documents.iter().any(|d| d.kind == kind) {
            let seen = unknown
                .get(kind)
                .and_then(|&at| problems.get_mut(at))
                .and_then(|p| match &mut p.problem {
                    Problem::UnknownDocument { count, .. } => Some(count),
                    _ => None,
                });
            if let Some(count) = seen {
                *count += 1;
                continue;
            }
            unknown.insert(kind, problems.len());
            problems.push(InputProblem {
                pointer: format!("{}/kind", pointer()),
                subject: kind.to_string(),
                problem: Problem::UnknownDocument {
                    kind: kind.to_string(),
                    count: 1,
                    service: plan.id.clone(),
                    known: plan.documents.iter().map(|d| d.kind.clone()).collect(),
                    suggestion: plan
                        .near_kinds
                        .suggest(kind, plan.documents.iter().map(|d| d.kind.as_str())),
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
            let field_pointer = || format!("/documents/{i}/{}", escape(key));
            if fine {
                match DocField::from_name(key) {
                    Some(DocField::Language) => check_code(
                        CodeList::Language,
                        value,
                        (field_pointer, || format!("{kind}.{key}")),
                        problems,
                    ),
                    Some(DocField::Child) => {
                        no_such_child(value, children, field_pointer, problems);
                    }
                    _ => {}
                }
                continue;
            }
            let field_pointer = field_pointer();
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
    read
}

/// A `child` that names no child of the list: the document is about no one the application
/// names (an absent list is unknown: nothing is said then).
fn no_such_child(
    value: &Value,
    children: Option<usize>,
    pointer: impl FnOnce() -> String,
    problems: &mut Vec<InputProblem>,
) {
    let (Some(index), Some(children)) = (value.as_u64(), children) else {
        return;
    };
    if usize::try_from(index).is_ok_and(|i| i < children) {
        return;
    }
    problems.push(InputProblem::error(
        pointer(),
        "child",
        Problem::NoSuchChild { index, children },
    ));
}
