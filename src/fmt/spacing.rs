//! The space between two tokens on one line: one, or none around some punctuation.

use super::stream::Piece;
use crate::syntax::parser::Rule;

/// Whether one space separates `previous` from `next` when both are on one line.
pub(super) fn space_between(previous: &Piece<'_>, next: &Piece<'_>) -> bool {
    if previous.text == "(" || previous.text == ".." || next.text == ".." {
        return false;
    }
    if matches!(next.text, ")" | "," | ":" | "?") {
        return false;
    }
    // `one_of(`, `set(` and a call `age(` read as one word with their parenthesis; a value
    // list `in ("kk", "ru")` and a parenthesised condition keep their space.
    !(next.text == "(" && matches!(next.parent, Rule::call | Rule::enum_type | Rule::set_type))
}
