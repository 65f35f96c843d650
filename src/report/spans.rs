//! Bundle spans for findings, found only when a report with findings is rendered (human or
//! JSON), never while checking: one scan of the text per report locates every finding.

use crate::check::Report;
use crate::check::finding::BundleSpan;
use crate::check::pointer_index::{JsonSpan, locate_all};
use crate::source::line_col;

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
        let (line, column) = line_col(text, span.offset);
        finding.span = Some(BundleSpan {
            offset: span.offset,
            length: span.length,
            line,
            column,
        });
    }
}
