//! The documents of a bundle: each one read once, with its kind, and checked against what the
//! service knows about documents (docs/contracts.md); the checker then works on the typed list.

use super::Document;
use super::escape;
use super::inputs::{check_type, type_ok};
use super::problem::{
    FieldPlace, Found, InputProblem, JsonKind, Problem, unknown_field, wrong_kind,
};
use crate::check::json::Json as Value;
use crate::codes;
use crate::compile::ServicePlan;
use crate::semantic::model::DocField;

/// The documents of the bundle that are objects with a `kind`, in the order written; every
/// document is checked on the way (its fields' types, fields no rule reads, kinds the service
/// does not know).
pub(super) fn documents<'a>(
    root: &'a Value<'a>,
    plan: &ServicePlan,
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
    read
}
