//! The bundle's text read as JSON (the borrowed tree of `check::json`), within the size limit;
//! a text that cannot be read is one problem at the byte where reading stopped. A UTF-8
//! byte-order mark before the JSON is skipped (RFC 8259 § 8.1 lets a parser ignore it); every
//! offset stays an offset into the text as given.

use chrono::{DateTime, FixedOffset};

use super::problem::{JsonError, Problem};
use super::{duplicates, reader};
use crate::check::json::Json as Value;
use crate::check::limits::{Limits, MAX_DEPTH, too_deep_at};

/// Largest bundle read, in bytes.
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;

/// The UTF-8 byte-order mark.
pub(crate) const BYTE_ORDER_MARK: &str = "\u{FEFF}";

/// The bundle as read: its tree, and whether an object in it repeats a key.
pub(crate) struct Parsed<'t> {
    /// The tree.
    pub root: Value<'t>,
    /// Whether some object gives a key twice (then the repeated keys are found and reported).
    pub repeats_a_key: bool,
}

/// Parse the bundle text within `limits`, a byte-order mark at its start skipped.
pub(crate) fn parse<'t>(text: &'t str, limits: &Limits) -> Result<Parsed<'t>, JsonError> {
    match text.strip_prefix(BYTE_ORDER_MARK) {
        // the offset of an error counts the mark: it is an offset into the text as given
        Some(json) => parse_json(json, limits).map_err(|mut e| {
            e.offset += BYTE_ORDER_MARK.len();
            e
        }),
        None => parse_json(text, limits),
    }
}

/// Parse JSON text.
fn parse_json<'t>(text: &'t str, limits: &Limits) -> Result<Parsed<'t>, JsonError> {
    if text.len() > limits.bundle_bytes {
        return Err(JsonError {
            offset: 0,
            problem: Problem::TooLarge {
                bytes: limits.bundle_bytes,
            },
        });
    }
    if limits.depth < MAX_DEPTH
        && let Some(offset) = too_deep_at(text, limits.depth)
    {
        return Err(JsonError {
            offset,
            problem: Problem::TooDeep {
                limit: limits.depth,
            },
        });
    }
    if text.trim().is_empty() {
        return Err(JsonError {
            offset: 0,
            problem: Problem::Empty,
        });
    }
    // one pass over valid JSON; anything else is read by serde_json, which says what is wrong
    if let Some((root, repeats_a_key)) = reader::read(text) {
        return Ok(Parsed {
            root,
            repeats_a_key,
        });
    }
    let parsed = match serde_json::from_str(text) {
        // serde_json stops one level short of its own limit of 128 (it counts the level it is
        // about to enter): the levels are counted here instead, and a text within the limit is
        // read again without serde_json's count; the stack holds 128 levels easily
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            if let Some(offset) = too_deep_at(text, limits.depth) {
                return Err(JsonError {
                    offset,
                    problem: Problem::TooDeep {
                        limit: limits.depth,
                    },
                });
            }
            let mut reader = serde_json::Deserializer::from_str(text);
            reader.disable_recursion_limit();
            serde::Deserialize::deserialize(&mut reader).and_then(|v| reader.end().map(|()| v))
        }
        parsed => parsed,
    };
    parsed
        .map(|root| Parsed {
            repeats_a_key: duplicates::has_duplicate_keys(&root),
            root,
        })
        .map_err(|e| {
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
pub(crate) fn parse_instant(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}
