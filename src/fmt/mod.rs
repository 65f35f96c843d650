//! The formatter: a rule file in its canonical layout, comments and all.
//!
//! ```text
//! text → parse_file (the AST, kept for the check) → syntax::cst (lossless tree)
//!      → stream (tokens with their trivia and roles) → layout (lines) → printer (text)
//!      → verify (the output parses to the same AST and keeps every comment)
//! ```
//!
//! The layout in short: two spaces per block depth, one item a line, `}` alone, one space
//! between tokens except around some punctuation, the author's line breaks inside an item
//! kept and indented from the node they continue, at most one blank line, trailing comments
//! aligned. `layout` says it in full. Nothing is returned that has not passed `verify`.

mod keywords;
mod layout;
mod printer;
mod spacing;
mod stream;
mod verify;

use thiserror::Error;

use crate::source::SourceFile;
use crate::syntax::SyntaxError;
use crate::syntax::cst::Cst;
use crate::syntax::keywords::Set;

/// Why a file was not formatted.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The file does not parse: there is nothing to format.
    #[error("the file has syntax errors")]
    Syntax(Vec<SyntaxError>),
    /// The formatted text does not parse (a bug of the formatter).
    #[error("the formatted text does not parse ({0}); the file was left as it is")]
    OutputDoesNotParse(String),
    /// The formatted text parses to a different AST (a bug of the formatter).
    #[error(
        "the formatted text would mean something else (near `{0}`); the file was left as it is"
    )]
    MeaningChanged(String),
    /// A comment was lost, added or reordered (a bug of the formatter).
    #[error("the formatted text would not keep the comment `{0}`; the file was left as it is")]
    CommentsChanged(String),
}

/// `source` in the canonical layout. The result has been parsed again and says what the
/// source says, with the same comments in the same order.
pub fn format_source(source: &SourceFile) -> Result<String, FormatError> {
    let ast = crate::syntax::parse_file(source, 0).map_err(FormatError::Syntax)?;
    let cst = Cst::parse(&source.text).map_err(|e| {
        let whole = crate::syntax::error::Piece::whole(&source.text);
        FormatError::Syntax(vec![SyntaxError::from_pest(&e, source, 0, whole)])
    })?;
    let stream = stream::flatten(&cst);
    let lines = layout::lay_out(&stream);
    let text = printer::print(&lines);
    verify::same_file(source, &ast, &cst.comments(), &text)?;
    Ok(text)
}

/// `source` with its keywords in `set` (`fmt --keywords`), in the canonical layout. The
/// rewritten text is read again and must say what the source says, name for name.
pub fn translate_source(source: &SourceFile, set: Set) -> Result<String, FormatError> {
    let ast = crate::syntax::parse_file(source, 0).map_err(FormatError::Syntax)?;
    let cst = Cst::parse(&source.text).map_err(|e| {
        let whole = crate::syntax::error::Piece::whole(&source.text);
        FormatError::Syntax(vec![SyntaxError::from_pest(&e, source, 0, whole)])
    })?;
    let text = keywords::translate(&cst, set);
    let translated = SourceFile::new(source.name.clone(), text);
    let new_ast = crate::syntax::parse_file(&translated, 0).map_err(|errors| {
        let first = errors.first().map_or_else(String::new, ToString::to_string);
        FormatError::OutputDoesNotParse(first)
    })?;
    let (before, after) = (
        crate::syntax::shape::without_spans(&ast),
        crate::syntax::shape::without_spans(&new_ast),
    );
    if before != after {
        let at = before
            .chars()
            .zip(after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let near: String = before
            .chars()
            .skip(at.saturating_sub(30))
            .take(60)
            .collect();
        return Err(FormatError::MeaningChanged(near));
    }
    format_source(&translated)
}
