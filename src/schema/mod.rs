//! The JSON Schema (2020-12) of the bundle of one service, generated from the compiled rules:
//! the envelope, the service's facts with their types and values, its document kinds with
//! their fields, its steps; titles and descriptions in every language, with the law each
//! element cites. An intake form can be generated from it, and the HTTP service serves it.
//!
//! The schema follows what the bundle reader (`check::bundle`) accepts, not what a form might
//! wish: a bundle it rejects is one `ereje check` calls `invalid`, and every `invalid-input`
//! that JSON Schema can express (a type, a value outside a list, a date or instant that is
//! none, a missing `service` or `submitted_at`) breaks it. What it cannot express (a `child`
//! that names no child, the size limits, …) is listed in docs/schema.md. What the rules say
//! beyond validity (when a document is required, which facts the rules expect) is given as
//! annotations (`x-…`), since a bundle without them is `pending` or `incomplete`, not invalid.
//!
//! `values` types one value, `envelope` the bundle's fields and facts, `documents` the
//! document kinds, `words` holds ereje's own words in three languages, `error` why there is no
//! schema.

mod documents;
mod envelope;
mod error;
mod values;
mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Value, json};

pub use error::SchemaError;

use crate::RuleSet;
use crate::compile::{ServiceLookup, ServicePlan};
use crate::semantic::model::Interval;
use crate::vocab::Lang;

/// The JSON Schema dialect of every bundle schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// What schema to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaOptions {
    /// The version of the service in force on this day; without it, the version in force
    /// today, or when none is, the last one before today (else the first).
    pub as_of: Option<NaiveDate>,
    /// The language of `title` and `description` (every language is under `x-titles` and
    /// `x-descriptions` whatever this is).
    pub lang: Lang,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            as_of: None,
            lang: Lang::En,
        }
    }
}

/// The JSON Schema of the bundle of `service`, for the version chosen by `options.as_of`.
pub fn bundle_schema(
    rules: &RuleSet,
    service: &str,
    options: &SchemaOptions,
) -> Result<Value, SchemaError> {
    let index = version(rules, service, options.as_of)?;
    Ok(schema_of(rules, index, options.lang))
}

/// The schemas of every service with a version in force on `options.as_of` (today without
/// it), by service id. Each is a schema resource of its own (its `$id`, its `$defs`, its
/// references relative to its `$id`), so the lot can be put side by side under an OpenAPI
/// document's `components/schemas`, keyed by service id, without a name colliding.
pub fn bundle_schemas(rules: &RuleSet, options: &SchemaOptions) -> BTreeMap<String, Value> {
    let day = options.as_of.unwrap_or_else(today);
    let plan = rules.plan();
    plan.service_ids()
        .into_iter()
        .filter_map(|id| {
            let version = plan.service(id, day).ok()?;
            let index = position(rules, version)?;
            Some((id.to_string(), schema_of(rules, index, options.lang)))
        })
        .collect()
}

/// The `$id` of the schema of a service version: `urn:ereje:bundle:SERVICE:FIRST-DAY`
/// (`urn:ereje:bundle:SERVICE` for a version in force from the beginning).
pub fn schema_id(version: &ServicePlan) -> String {
    match version.validity.from {
        Some(from) => format!("urn:ereje:bundle:{}:{from}", version.id),
        None => format!("urn:ereje:bundle:{}", version.id),
    }
}

/// The index in the plan of the version of `id` that applies.
fn version(rules: &RuleSet, id: &str, as_of: Option<NaiveDate>) -> Result<usize, SchemaError> {
    let plan = rules.plan();
    let chosen = match as_of {
        Some(day) => plan.service(id, day).map_err(|lookup| match lookup {
            ServiceLookup::Unknown => unknown(rules, id),
            ServiceLookup::NotInForce(versions) => SchemaError::NotInForce {
                id: id.to_string(),
                day,
                versions: versions
                    .iter()
                    .map(|v| error::interval(&v.validity))
                    .collect(),
            },
        })?,
        None => nearest(plan.services.iter().filter(|s| s.id == id), today())
            .ok_or_else(|| unknown(rules, id))?,
    };
    position(rules, chosen).ok_or_else(|| unknown(rules, id))
}

/// The version in force on `day`; when none is, the last one that began before it, else the
/// first.
fn nearest<'a>(
    versions: impl Iterator<Item = &'a ServicePlan>,
    day: NaiveDate,
) -> Option<&'a ServicePlan> {
    let versions: Vec<&ServicePlan> = versions.collect();
    versions
        .iter()
        .find(|v| v.validity.contains(day))
        .or_else(|| {
            versions
                .iter()
                .filter(|v| v.validity.from.is_none_or(|f| f <= day))
                .max_by_key(|v| v.validity.from)
        })
        .or_else(|| versions.iter().min_by_key(|v| v.validity.from))
        .copied()
}

fn position(rules: &RuleSet, version: &ServicePlan) -> Option<usize> {
    rules
        .plan()
        .services
        .iter()
        .position(|s| std::ptr::eq(s, version))
}

fn unknown(rules: &RuleSet, id: &str) -> SchemaError {
    let services = rules.plan().service_ids();
    SchemaError::UnknownService {
        id: id.to_string(),
        suggestion: crate::suggest::suggest(id, services.iter().copied()).map(String::from),
        services: services.into_iter().map(String::from).collect(),
    }
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The schema of the plan's version `index` (the model's service of the same index is the
/// one it was compiled from).
fn schema_of(rules: &RuleSet, index: usize, lang: Lang) -> Value {
    let plan = &rules.plan().services[index];
    let model = rules.model().services.get(index);
    let mut defs = values::defs(lang);
    defs.extend(documents::defs(plan, model, rules.sources(), lang));
    defs.insert("event".into(), envelope::event(plan, lang));
    let mut schema = json!({
        "$schema": DIALECT,
        "$id": schema_id(plan),
        "x-service": plan.id,
        "x-rules-version": rules.version(),
        "type": "object",
        "required": ["service", "submitted_at"],
        "properties": envelope::properties(plan, model, lang),
        "$defs": defs,
    });
    words::rule_title(&mut schema, &plan.rule.title, lang);
    words::describe(&mut schema, words::Say::Bundle, lang);
    words::citations(&mut schema, &plan.rule.citations);
    if let Some(in_force) = in_force(&plan.validity) {
        words::put(&mut schema, "x-in-force", in_force);
    }
    words::put(&mut schema, "x-timezone", json!(plan.timezone.name()));
    schema
}

/// `{"from": FIRST-DAY, "until": FIRST-DAY-NO-LONGER}` (each end when it has one), or nothing
/// for an element in force at all times.
fn in_force(interval: &Interval) -> Option<Value> {
    let mut map = serde_json::Map::new();
    if let Some(from) = interval.from {
        map.insert("from".into(), json!(from.to_string()));
    }
    if let Some(until) = interval.until {
        map.insert("until".into(), json!(until.to_string()));
    }
    (!map.is_empty()).then_some(Value::Object(map))
}
