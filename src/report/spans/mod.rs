//! The one JSON span scanner: JSON pointers → byte spans of a bundle's text, found only when a
//! report with findings is rendered (human or JSON), never while checking.
//!
//! The checker reads a bundle without keeping where things were written. When a report is
//! rendered, [`locate_all`] scans the text once for every pointer its findings name
//! (`/documents/0/kind`), opening a container only when some pointer needs something inside
//! it; line and column of a span come from one [`crate::source::LineIndex`] of the text.
//!
//! The scan is hand-written and iterative (`lexer`): one pass, no recursion, so a hostile
//! bundle (`[[[[…`) cannot overflow the stack. Containers nested deeper than [`MAX_DEPTH`] are
//! skipped whole (their span is known, their inside is not looked into). Malformed JSON is read
//! up to the first error: every value completed before it keeps its span, and containers left
//! open span up to where reading stopped. A repeated key names its last value, as serde_json
//! reads it.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

pub(crate) mod lexer;
mod locate;
mod pointer;

pub use locate::locate_all;

use crate::check::Report;
use crate::check::finding::BundleSpan;

/// The deepest nesting of containers that is looked into; the root is at depth 0.
pub const MAX_DEPTH: usize = 128;

/// A byte range of the JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonSpan {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

/// Where [`locate_all`] found a pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// The value's span; when not `exact`, the nearest existing ancestor's (the whole text when
    /// nothing at all could be read).
    pub span: JsonSpan,
    /// Whether the pointer itself names a value of the text.
    pub exact: bool,
    /// Bytes of the pointer that matched (`pointer[..matched]` names `span`); the length of the
    /// pointer when `exact`.
    pub matched: usize,
}

/// The spans to show for pointers, found in one scan of the text: the value itself for a
/// scalar, the opening bracket of a list or object (underlining a whole list would hide the
/// point), or the nearest ancestor of a pointer that names nothing.
pub fn spans_of(text: &str, pointers: &[&str]) -> Vec<JsonSpan> {
    locate_all(text, pointers)
        .into_iter()
        .map(|found| bracket(text, found.span))
        .collect()
}

/// A list or object is shown by its opening bracket.
fn bracket(text: &str, span: JsonSpan) -> JsonSpan {
    let first = text.as_bytes().get(span.offset).copied();
    if matches!(first, Some(b'[' | b'{')) {
        JsonSpan {
            offset: span.offset,
            length: 1,
        }
    } else {
        span
    }
}

/// Fill in `span` of every finding (offset, length, line, column).
pub fn fill(report: &mut Report, text: &str) {
    if report.findings.is_empty() {
        return;
    }
    // Every finding not placed yet, located in one scan of the text.
    let pointers: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.span.is_none())
        .map(|f| f.pointer.as_str())
        .collect();
    let mut located = spans_of(text, &pointers).into_iter();
    // one index for every finding: placing each costs a search, not a scan of the text
    let lines = crate::source::LineIndex::new(text);
    for finding in &mut report.findings {
        let span = match finding.span {
            // already placed (a JSON syntax error): complete line and column
            Some(s) => JsonSpan {
                offset: s.offset,
                length: s.length,
            },
            None => match located.next() {
                Some(span) => span,
                None => continue,
            },
        };
        let (line, column) = lines.line_col(text, span.offset);
        finding.span = Some(BundleSpan {
            offset: span.offset,
            length: span.length,
            line,
            column,
        });
    }
}
