//! Fields given twice in one JSON object: parsers disagree on which one wins, so a bundle that
//! repeats a field is warned about (`duplicate-key`); the last one is used, as serde_json does.

use super::escape;
use super::problem::{InputProblem, Problem};
use crate::check::json::Json as Value;
use crate::codes;

/// Whether any object repeats a key: a scan without allocation, so that bundles without the
/// problem (nearly all) pay only for the comparison.
pub(super) fn has_duplicate_keys(value: &Value) -> bool {
    match value {
        Value::Object(members) => members.0.iter().enumerate().any(|(i, (key, inner))| {
            members.0.iter().skip(i + 1).any(|(later, _)| later == key) || has_duplicate_keys(inner)
        }),
        Value::Array(items) => items.iter().any(has_duplicate_keys),
        _ => false,
    }
}

/// Fields given twice in one object: parsers disagree on which one wins, so say so.
pub(super) fn duplicate_keys(
    value: &Value,
    pointer: &mut String,
    problems: &mut Vec<InputProblem>,
) {
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
