//! The documents of a bundle schema: an element of `documents` is an object with a string
//! `kind`; a kind the service knows has its own definition (`$defs/document.KIND`: its titles,
//! citations, when it is required and the rules on its fields), whose fields are typed as the
//! reader types them (`check::bundle::documents`); any other kind is the reader's
//! `unknown-document` warning, never an error, so its fields are free.

use serde_json::{Map, Value, json};

use super::values;
use super::words::{self, Say};
use crate::check::CodeList;
use crate::compile::{DocumentPlan, ServicePlan};
use crate::semantic::model::{
    Condition, Const, DocField, InputDef, Requirement, ServiceModel, TExpr,
};
use crate::source::SourceMap;
use crate::vocab::Lang;

/// The name under `$defs` of a document kind's definition.
pub(super) fn def_name(kind: &str) -> String {
    format!("document.{kind}")
}

/// The `$defs` of the documents: `document` (any element), `document_fields` (the fields of a
/// known kind), `document_of_another_kind`, and one `document.KIND` per kind.
pub(super) fn defs(
    plan: &ServicePlan,
    model: Option<&ServiceModel>,
    sources: &SourceMap,
    lang: Lang,
) -> Map<String, Value> {
    let mut kinds: Vec<&str> = Vec::new();
    for d in &plan.documents {
        if !kinds.contains(&d.kind.as_str()) {
            kinds.push(&d.kind);
        }
    }
    let mut defs = Map::new();
    let mut branches: Vec<Value> = kinds
        .iter()
        .map(|k| json!({ "$ref": format!("#/$defs/{}", def_name(k)) }))
        .collect();
    branches.push(json!({ "$ref": "#/$defs/document_of_another_kind" }));
    let mut kind = json!({ "type": "string" });
    words::title(&mut kind, Say::Kind, lang);
    let mut document = json!({
        "type": "object",
        "required": ["kind"],
        "properties": { "kind": kind },
        "oneOf": branches,
    });
    words::title(&mut document, Say::Document, lang);
    defs.insert("document".into(), document);
    defs.insert("document_fields".into(), fields(lang));
    let mut other = json!({
        "properties": { "kind": { "type": "string", "not": { "enum": kinds } } },
    });
    words::title(&mut other, Say::OtherKind, lang);
    defs.insert("document_of_another_kind".into(), other);
    for kind in kinds {
        let plans: Vec<&DocumentPlan> = plan.documents.iter().filter(|d| d.kind == kind).collect();
        let rules: Vec<_> = model
            .map(|m| m.documents.iter().filter(|d| d.kind == kind).collect())
            .unwrap_or_default();
        let inputs = model.map_or(&[][..], |m| m.inputs.as_slice());
        defs.insert(
            def_name(kind),
            one_kind(plan, kind, &plans, &rules, (inputs, sources), lang),
        );
    }
    defs
}

/// The fields of a document of a known kind, typed as the reader types them; `null` is absent.
fn fields(lang: Lang) -> Value {
    let mut properties = Map::new();
    for field in DocField::ALL {
        let (mut schema, say) = match field {
            DocField::Number => (json!({ "type": ["string", "null"] }), Say::Number),
            DocField::IssuedOn => (values::date_or_null(), Say::IssuedOn),
            DocField::ExpiresOn => (values::date_or_null(), Say::ExpiresOn),
            DocField::Language => (
                values::or_null(values::code(CodeList::Language, lang)),
                Say::Language,
            ),
            DocField::Signed => (json!({ "type": ["boolean", "null"] }), Say::Signed),
            // `as_u64`: a whole number from 0, without a fraction or an exponent
            DocField::Child => (
                json!({ "type": ["integer", "null"], "minimum": 0, "maximum": u64::MAX }),
                Say::Child,
            ),
        };
        words::title(&mut schema, say, lang);
        properties.insert(field.name().to_string(), schema);
    }
    json!({ "type": "object", "properties": properties })
}

/// One kind: its fields, and what the rules say of it (annotations only: whether a document is
/// required, or valid, is for the checker to decide, not the schema).
fn one_kind(
    plan: &ServicePlan,
    kind: &str,
    plans: &[&DocumentPlan],
    rules: &[&crate::semantic::model::DocumentRule],
    (inputs, sources): (&[InputDef], &SourceMap),
    lang: Lang,
) -> Value {
    let mut schema = json!({
        "$ref": "#/$defs/document_fields",
        "required": ["kind"],
        "properties": { "kind": { "const": kind } },
    });
    let Some(first) = plans.first() else {
        return schema;
    };
    words::rule_title(&mut schema, &first.rule.title, lang);
    let citations: Vec<_> = plans
        .iter()
        .flat_map(|p| p.rule.citations.iter().cloned())
        .collect();
    words::citations(&mut schema, &citations);
    // only a kind in force for less than its service says when
    if first.in_force != plan.validity
        && let Some(in_force) = super::in_force(&first.in_force)
    {
        words::put(&mut schema, "x-in-force", in_force);
    }
    if !first.rule.unverified.is_empty() {
        words::put(&mut schema, "x-unverified", json!(first.rule.unverified));
    }
    let mut personal: Vec<&'static str> = Vec::new();
    for field in plans.iter().flat_map(|p| p.personal.iter()) {
        if !personal.contains(&field.name()) {
            personal.push(field.name());
        }
    }
    if !personal.is_empty() {
        words::put(&mut schema, "x-personal", json!(personal));
    }
    let required: Vec<Value> = rules
        .iter()
        .filter_map(|r| {
            let mut said = requirement(r.required.as_ref()?, inputs, sources);
            if !r.meta.message.entries.is_empty() {
                words::put(&mut said, "because", words::by_language(&r.meta.message));
            }
            Some(said)
        })
        .collect();
    if !required.is_empty() {
        words::put(&mut schema, "x-required", Value::Array(required));
    }
    let valid: Vec<Value> = rules
        .iter()
        .flat_map(|r| r.validity.iter())
        .map(|(condition, message)| {
            json!({
                "condition": written(condition, sources),
                "messages": words::by_language(message),
            })
        })
        .collect();
    if !valid.is_empty() {
        words::put(&mut schema, "x-valid-when", Value::Array(valid));
    }
    schema
}

/// When a document is required, in the rule file's words: `{"when": "applicant.category ==
/// foreigner"}`, `{"when": "always", "unless": "solvency_exempt"}`, `{"for_each":
/// "applicant.children", "where": "…", "matched_by": "child"}`.
fn requirement(required: &Requirement, inputs: &[InputDef], sources: &SourceMap) -> Value {
    let mut said = Map::new();
    match required {
        Requirement::When { when, unless } => {
            said.insert("when".into(), json!(written(when, sources)));
            if let Some(u) = unless {
                said.insert("unless".into(), json!(written(u, sources)));
            }
        }
        Requirement::PerItem {
            list,
            filter,
            unless,
            matched_by,
        } => {
            if let Some(input) = inputs.get(*list) {
                said.insert("for_each".into(), json!(input.path.join(".")));
            }
            if let Some(f) = filter {
                said.insert("where".into(), json!(written(f, sources)));
            }
            if let Some(u) = unless {
                said.insert("unless".into(), json!(written(u, sources)));
            }
            said.insert("matched_by".into(), json!(matched_by.name()));
        }
    }
    Value::Object(said)
}

/// A condition as the rule file writes it, on one line (`always` for `required always`).
fn written(condition: &Condition, sources: &SourceMap) -> String {
    if condition.expr == TExpr::Const(Const::Bool(true)) {
        return String::from("always");
    }
    let span = condition.span;
    let text = sources
        .get(span.file)
        .and_then(|f| f.text.get(span.start..span.end))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    // the span of `a or (b)` ends inside the last parenthesis: close what it opens
    let open = text
        .matches('(')
        .count()
        .saturating_sub(text.matches(')').count());
    format!("{text}{}", ")".repeat(open))
}
