//! The text between two pairs: what pest matched without giving it a pair of its own.
//!
//! That is the grammar's implicit `WHITESPACE` and `COMMENT` and its anonymous literals
//! (`{`, `,`, `§`, `..`…). The gap is cut into tokens so that the tree keeps every byte.

use super::{Element, Token, TokenKind};

/// The literals longer than one character; everything else is read one character at a time,
/// which cannot split a literal because no other literal of the grammar is longer.
const LONG_LITERALS: [&str; 5] = ["..", "==", "!=", "<=", ">="];

/// Cut `text[start..end]` into tokens and push them to `out`.
pub(super) fn gap(text: &str, start: usize, end: usize, out: &mut Vec<Element>) {
    let Some(gap) = text.get(start..end) else {
        return;
    };
    let mut at = 0;
    while let Some(rest) = gap.get(at..).filter(|r| !r.is_empty()) {
        let (kind, len) = if rest.starts_with("//") {
            (TokenKind::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if rest.starts_with(is_whitespace) {
            let len = rest.find(|c| !is_whitespace(c)).unwrap_or(rest.len());
            (TokenKind::Whitespace, len)
        } else if let Some(long) = LONG_LITERALS.iter().find(|l| rest.starts_with(**l)) {
            (TokenKind::Punct, long.len())
        } else {
            (
                TokenKind::Punct,
                rest.chars().next().map_or(1, char::len_utf8),
            )
        };
        out.push(Element::Token(Token {
            kind,
            start: start + at,
            end: start + at + len,
        }));
        at += len;
    }
}

/// The grammar's `WHITESPACE`.
fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{FEFF}')
}
