//! The characters of rule text that are code: what lies outside quoted texts and `//`
//! comments. Several cheap scans need it (brace and parenthesis depth for recovery, for the
//! nesting limit, for naming the block an error is in); they all read the text the way the
//! grammar does: a text in quotes ends at its closing quote or at the end of its line, a
//! comment at the end of its line.

/// Every character of `text` that is code, with its byte offset; the newline that ends a
/// comment or an unclosed text is code again.
pub(crate) fn code(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut chars = text.char_indices().peekable();
    let mut in_string = false;
    let mut escaped = false;
    std::iter::from_fn(move || {
        loop {
            let (i, c) = chars.next()?;
            if c == '\n' {
                in_string = false;
                return Some((i, c));
            }
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                    while chars.peek().is_some_and(|(_, n)| *n != '\n') {
                        chars.next();
                    }
                }
                _ => return Some((i, c)),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn texts_and_comments_are_not_code() {
        let text = "a { \"{ \\\" }\" // { }\nb }";
        let kept: String = code(text).map(|(_, c)| c).collect();
        assert_eq!(kept, "a {  \nb }");
    }

    #[test]
    fn an_unclosed_text_ends_with_its_line() {
        let text = "title \"never closed {\n}";
        let kept: String = code(text).map(|(_, c)| c).collect();
        assert_eq!(kept, "title \n}");
    }
}
