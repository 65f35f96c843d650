//! The shape of an AST: what a file says with the places it says it left out.
//!
//! Two texts that differ only in layout (spacing, line breaks, comments) lower to ASTs that
//! differ only in their spans. The formatter checks its output against its input with this,
//! and the tests check the formatter with it.

use super::ast::File;

/// The AST's `Debug` text with every `Span { file: …, start: …, end: … }` removed.
pub fn without_spans(file: &File) -> String {
    debug_without_spans(file)
}

/// Any value's `Debug` text with every span removed (the checked model's, for instance).
pub fn debug_without_spans(value: &impl std::fmt::Debug) -> String {
    strip_spans(&format!("{value:?}"))
}

/// `text` with every span's `Debug` removed. Only the exact shape of a span is taken, so a
/// user's text that merely contains `Span {` stays.
fn strip_spans(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("Span { file: ") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        match span_len(after) {
            Some(len) => rest = &after[len..],
            None => {
                out.push('S');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the span `Debug` that `text` starts with, if it starts with one.
fn span_len(text: &str) -> Option<usize> {
    let mut rest = text.strip_prefix("Span")?;
    for field in [" { file: ", ", start: ", ", end: "] {
        rest = rest.strip_prefix(field)?;
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        if digits == 0 {
            return None;
        }
        rest = &rest[digits..];
    }
    rest = rest.strip_prefix(" }")?;
    Some(text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::strip_spans;

    #[test]
    fn spans_go_and_the_rest_stays() {
        let text = "Name { node: \"Span { x }\", span: Span { file: 0, start: 3, end: 14 } }";
        assert_eq!(strip_spans(text), "Name { node: \"Span { x }\", span:  }");
    }
}
