//! The printer: laid-out lines to text, with trailing comments aligned.
//!
//! Consecutive lines of one block that each end with a comment get their comments in one
//! column, two spaces after the longest of their codes. Widths are display widths, so a
//! line of Kazakh or Russian text lines up with a line of Latin text, and a CJK character
//! counts two.

use unicode_width::UnicodeWidthStr;

use super::layout::Line;

/// Spaces between code and its trailing comment, at the least.
const COMMENT_GAP: usize = 2;

/// The text of laid-out lines: each ends with `\n`, none ends with a space.
pub(super) fn print(lines: &[Line<'_>]) -> String {
    let columns = comment_columns(lines);
    let mut out = String::new();
    for (line, column) in lines.iter().zip(columns) {
        if line.blank_before {
            out.push('\n');
        }
        push_spaces(&mut out, line.indent);
        out.push_str(&line.code);
        if let Some(comment) = line.trailing {
            push_spaces(&mut out, column.saturating_sub(width(line)));
            out.push_str(comment);
        }
        out.push('\n');
    }
    out
}

/// For each line, the column its trailing comment starts at (unused for lines without one).
fn comment_columns(lines: &[Line<'_>]) -> Vec<usize> {
    let mut columns = vec![0; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        if lines.get(start).is_some_and(|l| l.trailing.is_some()) {
            while lines.get(end).is_some_and(|next| {
                next.trailing.is_some()
                    && !next.blank_before
                    && lines
                        .get(start)
                        .is_some_and(|first| first.block == next.block)
            }) {
                end += 1;
            }
            let run = lines.get(start..end).unwrap_or_default();
            let column = run.iter().map(width).max().unwrap_or(0) + COMMENT_GAP;
            for slot in columns.get_mut(start..end).unwrap_or_default() {
                *slot = column;
            }
        }
        start = end;
    }
    columns
}

/// The display width of a line's indentation and code.
fn width(line: &Line<'_>) -> usize {
    line.indent + line.code.width()
}

fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}
