//! The bundle: JSON in, the envelope checked against the contract (docs/contracts.md), then, for the
//! service that applies, the bundle read once into a typed [`Bundle`]: the service's inputs
//! type-checked, the documents with their kinds, the events with their parsed times. The
//! checker works on that, and on the borrowed JSON tree (`check::json`) it points into; nothing
//! is read twice from the raw JSON. Ill-typed input is an `invalid-input` error; unknown
//! fields, unknown document kinds and unknown steps are warnings, never dropped silently.

mod coded;
mod documents;
mod duplicates;
mod envelope;
mod events;
mod inputs;
mod parse;
mod problem;
mod reader;

use chrono::{DateTime, FixedOffset};

use super::code_lists::CodeList;
use super::json::Json as Value;
use crate::compile::ServicePlan;

pub(crate) use envelope::envelope;
pub use parse::MAX_BUNDLE_BYTES;
pub(crate) use parse::{BYTE_ORDER_MARK, Parsed, parse};
pub use problem::{FieldPlace, Found, InputProblem, JsonError, JsonKind, Problem, Rejection};

/// A document of the bundle: an object with a `kind`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Document<'a> {
    /// Its place in `documents`.
    pub index: usize,
    /// Its `kind`.
    pub kind: &'a str,
    /// The document itself, for its fields.
    pub value: &'a Value<'a>,
}

/// An event of the bundle: a step that happened, and when.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Event<'a> {
    /// Its place in `events`.
    pub index: usize,
    /// The step's id.
    pub step: &'a str,
    /// When it happened.
    pub at: DateTime<FixedOffset>,
    /// `at` as written.
    pub text: &'a str,
}

/// A bundle read for one service.
pub(crate) struct Bundle<'a> {
    /// The service's inputs, by the plan's index, type-checked (absent or ill-typed: `None`).
    pub facts: Vec<Option<&'a Value<'a>>>,
    /// The documents that have a kind.
    pub documents: Vec<Document<'a>>,
    /// The events whose step and time could be read.
    pub events: Vec<Event<'a>>,
}

/// Read the bundle for a service: its inputs, documents and events, each checked on the way;
/// problems are pushed to `problems`.
pub(crate) fn read<'a>(
    parsed: &'a Parsed<'a>,
    plan: &ServicePlan,
    limits: &crate::check::Limits,
    problems: &mut Vec<InputProblem>,
) -> Bundle<'a> {
    let root = &parsed.root;
    let facts: Vec<Option<&Value>> = plan
        .inputs
        .iter()
        .map(|input| {
            let value = inputs::lookup(root, &input.path, problems)?;
            if inputs::type_ok(value, &input.ty) {
                return Some(value);
            }
            inputs::check_type(value, &input.ty, &input.pointer, &input.name, problems)
                .then_some(value)
        })
        .collect();
    for (input, value) in plan.inputs.iter().zip(&facts) {
        if let (Some(list), Some(value)) = (CodeList::of_input(&input.name), value) {
            let place = (|| input.pointer.clone(), || input.name.clone());
            coded::check_code(list, value, place, problems);
        }
    }
    inputs::unknown_members(root, plan, problems);
    let children = plan
        .inputs
        .iter()
        .zip(&facts)
        .find(|(input, _)| input.name == documents::CHILDREN)
        .and_then(|(_, value)| value.and_then(Value::as_array))
        .map(<[Value]>::len);
    let documents = documents::documents(root, plan, children, limits.documents, problems);
    let events = events::events(root, plan, limits.events, problems);
    if parsed.repeats_a_key {
        duplicates::duplicate_keys(root, &mut String::new(), problems);
    }
    Bundle {
        facts,
        documents,
        events,
    }
}

/// Escape a key for a JSON pointer.
pub(crate) fn escape(key: &str) -> std::borrow::Cow<'_, str> {
    if key.contains(['~', '/']) {
        std::borrow::Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}
