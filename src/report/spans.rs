//! Bundle spans for findings: the pointer index is built once per report, only when a report
//! with findings is rendered (human or JSON), never while checking.

use crate::check::Report;
use crate::check::finding::BundleSpan;
use crate::check::pointer_index::{JsonSpan, PointerIndex, locate};
use crate::source::line_col;

/// The span to show for a pointer: the value itself for a scalar, the opening bracket of a
/// list or object (underlining a whole list would hide the point), or the nearest ancestor.
pub fn span_of(index: &PointerIndex, text: &str, pointer: &str) -> JsonSpan {
    bracket(
        text,
        index
            .value(pointer)
            .unwrap_or_else(|| index.nearest(pointer).1),
    )
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

/// A report with at most this many findings has each one located by a scan along its path;
/// more findings share one full index of the text.
const LOCATE_AT_MOST: usize = 3;

/// Fill in `span` of every finding (offset, length, line, column).
pub fn fill(report: &mut Report, text: &str) {
    if report.findings.is_empty() {
        return;
    }
    let few = report.findings.len() <= LOCATE_AT_MOST;
    let mut index = None;
    for finding in &mut report.findings {
        let span = match finding.span {
            // already placed (a JSON syntax error): complete line and column
            Some(s) => JsonSpan {
                offset: s.offset,
                length: s.length,
            },
            None if few => bracket(text, locate(text, &finding.pointer).span),
            None => span_of(
                index.get_or_insert_with(|| PointerIndex::build(text)),
                text,
                &finding.pointer,
            ),
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
