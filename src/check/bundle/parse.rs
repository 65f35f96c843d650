//! The bundle's text read as JSON (the borrowed tree of `check::json`), within the size limit;
//! a text that cannot be read is one problem at the byte where reading stopped.

use chrono::{DateTime, FixedOffset};

use super::problem::{JsonError, Problem};
use crate::check::json::Json as Value;

/// Largest bundle read, in bytes.
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;

/// Parse the bundle text.
pub(crate) fn parse(text: &str) -> Result<Value<'_>, JsonError> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(JsonError {
            offset: 0,
            problem: Problem::TooLarge {
                mib: MAX_BUNDLE_BYTES / (1024 * 1024),
            },
        });
    }
    if text.trim().is_empty() {
        return Err(JsonError {
            offset: 0,
            problem: Problem::Empty,
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
