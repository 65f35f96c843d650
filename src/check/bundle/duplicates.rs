//! Fields given twice in one JSON object: parsers disagree on which one wins, so a bundle that
//! repeats a field is warned about (`duplicate-key`); the last one is used, as serde_json does.

use super::escape;
use super::problem::{InputProblem, Problem};
use crate::check::json::Json as Value;
use crate::codes;

/// An object with more members than this is checked with a set: comparing every pair of
/// 100,000 keys would take seconds; a few keys are compared faster than they are hashed.
const FEW: usize = 16;

/// For each member of an object, whether a later member has its key: in time linear in the
/// members.
fn repeated(members: &[(std::borrow::Cow<'_, str>, Value<'_>)]) -> Vec<bool> {
    if members.len() <= FEW {
        return members
            .iter()
            .enumerate()
            .map(|(i, (key, _))| members.iter().skip(i + 1).any(|(later, _)| later == key))
            .collect();
    }
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    let mut out: Vec<bool> = members
        .iter()
        .rev()
        .map(|(key, _)| !seen.insert(key.as_ref()))
        .collect();
    out.reverse();
    out
}

/// Whether any object repeats a key: a scan without allocation for the small objects nearly
/// every bundle has, a set for a large one.
pub(super) fn has_duplicate_keys(value: &Value) -> bool {
    match value {
        Value::Object(members) => {
            let repeats = if members.0.len() <= FEW {
                members.0.iter().enumerate().any(|(i, (key, _))| {
                    members.0.iter().skip(i + 1).any(|(later, _)| later == key)
                })
            } else {
                repeated(&members.0).into_iter().any(|r| r)
            };
            repeats || members.0.iter().any(|(_, inner)| has_duplicate_keys(inner))
        }
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
            let repeats = repeated(&members.0);
            for ((key, inner), repeats) in members.0.iter().zip(repeats) {
                pointer.push('/');
                pointer.push_str(&escape(key));
                if repeats {
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
