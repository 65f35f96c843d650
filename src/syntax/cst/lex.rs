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

#[cfg(test)]
mod tests {
    use super::LONG_LITERALS;

    /// Silent rules that only look ahead or skip: their literals never become tokens here.
    const NOT_TOKENS: [&str; 6] = [
        "WHITESPACE",
        "COMMENT",
        "keyword",
        "ident_start",
        "ident_char",
        "para_number_start",
    ];

    /// The string literals of the grammar's rules that are neither atomic nor lookahead-only:
    /// the anonymous literals this lexer must cut out of gaps.
    fn anonymous_literals() -> Vec<String> {
        let grammar = include_str!("../../../grammar/ereje.pest");
        let mut literals = Vec::new();
        let mut keep = false;
        for line in grammar.lines() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some((name, body)) = line.split_once(" = ").or_else(|| line.split_once("= ")) {
                let name = name.trim();
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    let body = body.trim_start();
                    let atomic = body.starts_with("@{") || body.starts_with("${");
                    keep = !(atomic || NOT_TOKENS.contains(&name));
                }
            }
            if keep {
                let mut parts = line.split('"');
                parts.next();
                while let (Some(literal), Some(_)) = (parts.next(), parts.next()) {
                    literals.push(literal.to_string());
                }
            }
        }
        literals
    }

    #[test]
    fn every_long_anonymous_literal_is_known() {
        let literals = anonymous_literals();
        for expected in ["§", "..", "==", "{", "?"] {
            assert!(
                literals.iter().any(|l| l == expected),
                "the scan missed `{expected}`"
            );
        }
        for literal in literals {
            assert!(
                literal.chars().count() == 1 || LONG_LITERALS.contains(&literal.as_str()),
                "the grammar writes `{literal}` outside an atomic rule: add it to LONG_LITERALS"
            );
        }
    }
}
