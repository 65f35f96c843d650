//! The formatter's safety net: its output is read back and compared with its input.
//!
//! A formatter bug must never cost a user a clause or a comment. So the output is parsed
//! again and must give the same AST (spans aside) and the same comments in the same order;
//! otherwise the caller gets an error and writes nothing.

use super::FormatError;
use crate::source::SourceFile;
use crate::syntax::ast::File;
use crate::syntax::cst::Cst;
use crate::syntax::shape::without_spans;

/// Check that `output` says what `source` (whose AST and comments are given) says.
pub(super) fn same_file(
    source: &SourceFile,
    ast: &File,
    comments: &[&str],
    output: &str,
) -> Result<(), FormatError> {
    let formatted = SourceFile::new(source.name.clone(), output);
    let new_ast = crate::syntax::parse_file(&formatted, 0).map_err(|errors| {
        let first = errors.first().map_or_else(String::new, ToString::to_string);
        FormatError::OutputDoesNotParse(first)
    })?;
    let (before, after) = (without_spans(ast), without_spans(&new_ast));
    if before != after {
        return Err(FormatError::MeaningChanged(first_difference(
            &before, &after,
        )));
    }
    let new_comments = Cst::parse(output)
        .map_err(|e| FormatError::OutputDoesNotParse(e.to_string()))?
        .comments();
    if comments != new_comments.as_slice() {
        // The first comment of the original that is not where it was.
        let lost = comments
            .iter()
            .zip(&new_comments)
            .find(|(a, b)| a != b)
            .map(|(a, _)| *a)
            .or_else(|| comments.get(new_comments.len()).copied())
            .or_else(|| new_comments.get(comments.len()).copied())
            .unwrap_or("");
        return Err(FormatError::CommentsChanged(lost.to_string()));
    }
    Ok(())
}

/// A few words of the original's shape where the two shapes part.
fn first_difference(before: &str, after: &str) -> String {
    let at = before
        .char_indices()
        .zip(after.chars())
        .find(|((_, a), b)| a != b)
        .map_or(before.len().min(after.len()), |((i, _), _)| i);
    let mut start = at.saturating_sub(30);
    while !before.is_char_boundary(start) {
        start -= 1;
    }
    before.get(start..).unwrap_or("").chars().take(60).collect()
}
